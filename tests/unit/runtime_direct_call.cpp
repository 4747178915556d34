// vm/runtime/direct_call: which expressions are one call on field paths and constants, and that
// calling one directly gives what the interpreter gives, wherever it gives anything.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "tests/unit/lowered_program.h"
#include "vm/runtime/direct_call.h"
#include "vm/runtime/interp_engine.h"
#include "vm/value/printer.h"
#include "vm/value/record.h"

using namespace journey;
using runtime::callDirectly;
using runtime::DirectCall;
using runtime::directCallOf;

namespace {

const char* kCallsProgram = R"(
schema Profile {
  id: string
  n: int
  u: uint
  d: double
  s: string
  b: bool
  o: string?
  inner: { x: int }
}
audience Not = !profile.b
audience IntGreater = profile.n > 3
audience IntEquals = profile.n == 3
audience UintLess = profile.u < 5u
audience DoubleAtLeast = profile.d >= 1.5
audience DoubleEquals = profile.d == 0.0
audience StringEquals = profile.s == "é"
audience StringBefore = profile.s < "m"
audience BoolEquals = profile.b == true
audience BoolDiffers = profile.b != false
audience Nested = profile.inner.x <= -1
audience TwoFields = profile.n < profile.inner.x
audience Absent = !has(profile.o)
audience Present = has(profile.o) == true
audience Mixed = profile.n > 2.5
audience Method = profile.s.startsWith("a")
audience Both = profile.b && profile.n > 3
audience Sized = size(profile.s) == 3
)";

struct Calls {
  ir::ProgramIr program = test::lowerSource("calls.journey", kCallsProgram);

  ir::ExprIndex rule(const std::string& name) const {
    for (const ir::AudienceIr& a : program.audiences) {
      if (a.name == name) return a.rule;
    }
    FAIL("no audience " << name);
    return 0;
  }
  std::optional<DirectCall> of(const std::string& name) const {
    return directCallOf(program.pool, program.exprs[rule(name)], program.layouts);
  }
  const RecordLayout& layout(const std::string& name) const {
    for (size_t i = 0; i < program.layouts.size(); ++i) {
      if (program.layouts[i].name == name) return program.layouts[i];
    }
    FAIL("no layout " << name);
    return program.layouts[0];
  }
};

// A value as the test compares it: errors by their message.
std::string shown(const Value& v) {
  return v.isError() ? "error: " + std::string(v.errorMessage()) : toCelLiteral(v);
}

}  // namespace

TEST_SUITE("runtime") {

TEST_CASE("direct calls: one call on field paths, has() tests and constants") {
  Calls c;
  for (const char* name : {"Not", "IntGreater", "IntEquals", "UintLess", "DoubleAtLeast",
                           "DoubleEquals", "StringEquals", "StringBefore", "BoolEquals",
                           "BoolDiffers", "Nested", "TwoFields", "Absent", "Present", "Mixed", "Method"}) {
    CAPTURE(name);
    CHECK(c.of(name));
  }
  CHECK(c.of("Not")->op == DirectCall::Inline::Not);
  CHECK(c.of("IntGreater")->op == DirectCall::Inline::Gt);
  CHECK(c.of("IntGreater")->operands == ValueKind::Int);
  CHECK(c.of("StringBefore")->operands == ValueKind::String);
  CHECK(c.of("Mixed")->op == DirectCall::Inline::None);  // int against double: the overload's
  CHECK(c.of("Method")->op == DirectCall::Inline::None);
  CHECK(c.of("Absent")->args[0].kind == DirectCall::Arg::Kind::Has);
  CHECK_FALSE(c.of("Both"));   // && is not a call
  CHECK_FALSE(c.of("Sized"));  // a call inside a call
}

TEST_CASE("direct calls: the interpreter's result wherever a call is answered directly") {
  Calls c;
  std::unique_ptr<runtime::ExpressionEngine> engine = runtime::makeInterpEngine(c.program);
  const RecordLayout& profileLayout = c.layout("Profile");
  const RecordLayout& innerLayout = c.layout("Profile.inner");
  std::mt19937_64 random(29);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const Value numbers[] = {Value::integer(3),  Value::integer(-1), Value::integer(4),
                           Value::uinteger(4), Value::uinteger(5), Value::dbl(1.5),
                           Value::dbl(0.0),    Value::dbl(-0.0),   Value::dbl(nan),
                           Value::dbl(2.5),    Value::dbl(1e-300), Value::string("é"), Value::string("m"),
                           Value::string("abc"), Value::string(""), Value::boolean(true),
                           Value::boolean(false), Value::null()};
  auto any = [&] { return numbers[random() % std::size(numbers)]; };
  size_t answered = 0, asked = 0;
  for (int round = 0; round < 3000; ++round) {
    RecordBuilder profile(profileLayout);
    profile.set(0, Value::string("p1"));
    // Mostly the declared kind, sometimes another, sometimes absent.
    for (size_t f = 1; f < profileLayout.fieldCount(); ++f) {
      switch (random() % 6) {
        case 0: continue;  // absent
        case 1: profile.set(f, any()); continue;
        default: break;
      }
      if (profileLayout.fieldNames[f] == "inner") {
        RecordBuilder inner(innerLayout);
        if (random() % 4) inner.set(0, random() % 2 ? Value::integer(-1) : any());
        profile.set(f, inner.build());
      } else {
        profile.set(f, any());
      }
    }
    Value p = profile.build();
    for (const ir::AudienceIr& audience : c.program.audiences) {
      std::optional<DirectCall> call = c.of(audience.name);
      if (!call) continue;
      CAPTURE(audience.name);
      CAPTURE(toCelLiteral(p));
      stdlib::CallContext ctx{nullptr};
      std::optional<Value> direct = callDirectly(*call, &p, nullptr, ctx);
      ++asked;
      if (!direct) continue;
      ++answered;
      CHECK(shown(*direct) == shown(engine->evaluate(audience.rule, &p, ctx)));
    }
  }
  // Most calls are answered directly; the rest (absent fields) are left to the engine.
  CHECK(answered > asked / 2);
  CHECK(answered < asked);
}

}  // TEST_SUITE
