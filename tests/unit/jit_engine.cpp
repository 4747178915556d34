// The JIT against the interpreter: every IR node kind, the typed fast paths and their general
// paths, records read in place, limits, expressions too large for the bytecode, unloading,
// and evaluation from several threads. Each case compares the printed values of both engines.
#include <doctest/doctest.h>

#ifdef JOURNEY_HAVE_JIT

#include <thread>

#include "tests/unit/jit_support.h"
#include "tests/unit/sanitizer_share.h"
#include "vm/jit/jit_abi.h"

using journey::Value;
using journey::test::DualWorld;

namespace {

// Checks that both engines print the same value for each expression (checked and unchecked).
void checkSame(DualWorld& w, const std::vector<std::string>& exprs, bool alsoUnchecked = true) {
  for (const std::string& e : exprs) {
    for (bool checked : {true, false}) {
      if (!checked && !alsoUnchecked) continue;
      auto [interp, jit] = w.both(e, checked);
      INFO(e, checked ? " (checked)" : " (unchecked)");
      CHECK(interp == jit);
    }
  }
}

const char* kEngineProgram = R"(
type Item { sku: string, qty: int = 1, price: double }
schema Profile {
  id: string
  email: string?
  age: int
  spend: double
  vip: bool
  country: string = "FR"
  loyalty: { tier: string, points: int }
  tags: list<string>
  items: list<Item>
}
const LIMIT = 10
fn twice(x: int): int = x + x
)";

}  // namespace

TEST_SUITE_BEGIN("jit");

TEST_CASE("the value layout is the one the JIT's ABI expects") {
  CHECK(journey::jit::abiMatchesValueLayout());
}

TEST_CASE("constants, literals and calls") {
  DualWorld w;
  checkSame(w, {
                   "1",
                   "-1",
                   "1u",
                   "1.5",
                   "'a'",
                   "b'ab'",
                   "null",
                   "true",
                   "[1, 2, [3]]",
                   "{'a': 1, 2: 'b'}",
                   "int",
                   "type(1)",
                   "1 + 2 * 3",
                   "9223372036854775807 + 1",
                   "-9223372036854775807 - 2",
                   "4611686018427387904 * 2",
                   "1 / 0",
                   "5 % 0",
                   "-(-9223372036854775807 - 1)",
                   "-(5)",
                   "1.5 + 2.25",
                   "1.0 / 0.0",
                   "0.0 / 0.0 == 0.0 / 0.0",
                   "0.0 / 0.0 != 0.0 / 0.0",
                   "-(1.5)",
                   "!true",
                   "!false",
                   "1 < 2",
                   "2 <= 1",
                   "3 > 2",
                   "3 >= 4",
                   "1 == 1",
                   "1 != 1",
                   "1.5 < 2.5",
                   "1.5 == 1.5",
                   "'a' == 'a'",
                   "'a' != 'b'",
                   "true == false",
                   "true != false",
                   "'abc'.size()",
                   "size([1, 2])",
                   "'hello'.startsWith('he')",
                   "'a' + 'b'",
                   "[1] + [2]",
                   "1 + 1u",
                   "dyn(1) + 1.0",
                   "dyn(1) == 1.0",
                   "dyn('a') < 1",
                   "int('12')",
                   "int('x')",
                   "string(1.5)",
                   "double(1)",
                   "math.greatest(1, 5, 3)",
                   "[1, 2, 3][1]",
                   "[1][5]",
                   "{'a': 1}['a']",
                   "{'a': 1}['b']",
                   "{'a': 1}.a",
                   "{'a': 1}.b",
                   "1.a",
                   "[?optional.of(1), ?optional.none()]",
                   "{?'a': optional.of(1), ?'b': optional.none()}",
                   "[?1]",
                   "{'a': 1, 'a': 2}",
                   "[1, 1 / 0]",
                   "{'a': 1 / 0}",
               });
}

TEST_CASE("logic absorbs errors in both orders") {
  DualWorld w;
  checkSame(w, {
                   "true && false",
                   "false && (1 / 0 > 0)",
                   "(1 / 0 > 0) && false",
                   "(1 / 0 > 0) && true",
                   "true && (1 / 0 > 0)",
                   "true || (1 / 0 > 0)",
                   "(1 / 0 > 0) || true",
                   "(1 / 0 > 0) || false",
                   "false || false",
                   "dyn(1) && true",
                   "true && dyn('a')",
                   "dyn(1) || dyn(2)",
                   "(1 / 0 > 0) && (2 % 0 > 0)",
                   "f_unknown(1) || true",
                   "true ? 1 : 2",
                   "false ? 1 : 2",
                   "dyn(1) ? 1 : 2",
                   "(1 / 0 > 0) ? 1 : 2",
                   "1 in [1, 2]",
                   "'a' in {'a': 1}",
               });
}

TEST_CASE("comprehensions, binds and optionals") {
  DualWorld w;
  checkSame(w, {
                   "[1, 2, 3].all(x, x > 0)",
                   "[1, 0].all(x, 1 / x > 0)",
                   "[0, 1].exists(x, 1 / x > 0)",
                   "[1, 2, 3].exists_one(x, x > 2)",
                   "[1, 2, 3].map(x, x * 2)",
                   "[1, 2, 3].filter(x, x > 1)",
                   "[1, 2, 3].map(x, x > 1, x * 10)",
                   "[1, 0].map(x, 1 / x)",
                   "[1, 2].filter(x, dyn(x))",
                   "{'a': 1, 'b': 2}.map(k, k)",
                   "{'a': 1}.all(k, k == 'a')",
                   "[1, 2].transformList(i, v, i + v)",
                   "{'a': 1}.transformMap(k, v, v + 1)",
                   "{'a': 1, 'b': 2}.transformMapEntry(k, v, {v: k})",
                   "[1, 2].transformMapEntry(i, v, {'k': v})",
                   "[1, 2].transformMapEntry(i, v, 1)",
                   "1.all(x, x)",
                   "dyn(1 / 0).all(x, x)",
                   "[[1, 2], [3]].map(l, l.map(x, x + 1))",
                   "cel.bind(x, 2, x * x)",
                   "cel.bind(a, [1, 2], a.map(x, a.size() + x))",
                   "optional.of(1).optMap(x, x + 1)",
                   "optional.none().optMap(x, x + 1)",
                   "optional.of(1).optFlatMap(x, optional.of(x * 3))",
                   "optional.of({'a': 1}).a",
                   "optional.none().a",
                   "{'a': 1}.?a",
                   "{'a': 1}.?b",
                   "[1, 2][?5]",
                   "[1, 2][?1]",
                   "optional.of([1])[0]",
                   "has({'a': 1}.a)",
                   "has({'a': 1}.b)",
                   "optional.of(2).value()",
                   "[1, 2, 3].map(x, [x].exists(y, y == 2))",
               });
}

TEST_CASE("a macro's condition that is not a bool is an error that names the macro") {
  DualWorld w;
  using Both = std::pair<std::string, std::string>;
  for (std::string m : {"all", "exists", "exists_one", "filter"}) {
    std::string e = "dyn([1, 2])." + m + "(x, x)";
    std::string expected = "<error: the condition of `" + m + "` is `int`, not `bool`>";
    for (bool checked : {true, false}) {
      auto [interp, jit] = w.both(e, checked);
      INFO(e);
      CHECK(interp == expected);
      CHECK(jit == expected);
    }
  }
  CHECK(w.both("dyn([1]).map(x, x, x)").first ==
        "<error: the condition of `map` is `int`, not `bool`>");
  // A false element still decides `all` (and a true one `exists`), as `&&` and `||` absorb.
  CHECK(w.both("dyn([1, false]).all(x, x)") == Both{"false", "false"});
  CHECK(w.both("dyn([true, 'a']).exists(x, x)") == Both{"true", "true"});
}

TEST_CASE("strings' constant affixes compared in place, and through the library otherwise") {
  DualWorld w;
  auto& types = w.fe.program.types;
  // `s` and `u` are short enough to be inline in their values, `g` is a text object.
  w.bind("s", types.string(), Value::string("ann@shop.fr"));
  w.bind("g", types.string(), Value::string("ann@shop.fr, guests of ann@shop.fr"));
  w.bind("e", types.string(), Value::string(""));
  w.bind("u", types.string(), Value::string("Zoë"));
  w.bind("x", types.dyn(), Value::integer(3));
  w.bind("l", types.list(types.string()), Value::list({Value::string("vip"), Value::string("v")}));
  std::vector<std::string> exprs;
  for (std::string subject : {"s", "g", "e", "u", "x", "dyn(s)", "(1 / 0 == 1 ? s : s)"}) {
    for (std::string affix : {"''", "'a'", "'ann'", "'@shop.fr'", "'ann@shop.fr'",
                              "'ann@shop.frx'", "'xann@shop.fr'", "'ë'", "'Zo'", "'r'",
                              "'ann@shop.fr, guests'", "'guests of ann@shop.fr'"}) {
      exprs.push_back(subject + ".startsWith(" + affix + ")");
      exprs.push_back(subject + ".endsWith(" + affix + ")");
    }
    exprs.push_back(subject + ".startsWith(s)");  // not a constant: the library's call
  }
  exprs.push_back("l.exists(t, t.startsWith('vi'))");
  exprs.push_back("l.filter(t, t.endsWith('p'))");
  // Equality with a constant, compared in place for either form of the string.
  for (std::string subject : {"s", "g", "e", "u"}) {
    for (std::string constant : {"''", "'ann@shop.fr'", "'ann@shop.fx'", "'Zoë'",
                                 "'ann@shop.fr, guests of ann@shop.fr'",
                                 "'ann@shop.fr, guests of ann@shop.fx'"}) {
      exprs.push_back(subject + " == " + constant);
      exprs.push_back(constant + " != " + subject);
    }
  }
  checkSame(w, exprs);
}

TEST_CASE("records read in place, and by name when the layout is not the static one") {
  DualWorld w(kEngineProgram);
  REQUIRE(!w.fe.diags.hasErrors());
  journey::sema::TypeId profileType = w.fe.program.symbols.profileType;
  journey::RecordLayout const* profileLayout = nullptr;
  for (size_t r = 0; r < w.layouts.size(); ++r) {
    if (w.layouts[r].name == "Profile") profileLayout = &w.layouts[r];
  }
  REQUIRE(profileLayout);
  journey::RecordBuilder b(*profileLayout);
  auto set = [&](const char* f, Value v) { b.set(profileLayout->find(f), std::move(v)); };
  set("id", Value::string("p1"));
  set("age", Value::integer(42));
  set("spend", Value::dbl(120.5));
  set("vip", Value::boolean(true));
  set("country", Value::string("FR"));
  set("tags", Value::list({Value::string("a"), Value::string("b")}));
  // `loyalty` and `email` absent; `items` a dyn value of the wrong kind on purpose.
  set("items", Value::string("not a list"));
  w.bind("profile", profileType, b.build());
  checkSame(w, {
                   "profile.age >= 30",
                   "profile.age < 30",
                   "profile.age == 42",
                   "profile.spend > 100.0",
                   "profile.spend == 120.5",
                   "profile.vip == true",
                   "profile.vip != false",
                   "profile.country == 'FR'",
                   "profile.country != 'DE'",
                   "profile.age >= 30 && profile.country == 'FR' && profile.spend > 100.0",
                   "profile.age + 1",
                   "profile.age * profile.age",
                   "profile.id",
                   "profile.tags",
                   "profile.tags.size()",
                   "profile.loyalty",
                   "profile.loyalty.tier",
                   "profile.email",
                   "has(profile.email)",
                   "has(profile.age)",
                   "profile.?email",
                   "profile.?age",
                   "profile.loyalty.points > 3",
                   "has(profile.loyalty.tier)",
                   "Item{sku: 'a', price: 2.5}",
                   "Item{sku: 'a', price: 2.5}.qty",
                   "Item{sku: 'a', qty: 3, price: 2.5}.price * double(LIMIT)",
                   "twice(profile.age)",
                   "Item{sku: 'a', ?qty: optional.none(), price: 1.0}",
                   "profile.tags.map(t, t + '!')",
                   "profile.items",
                   "dyn(profile).age",
                   "dyn(profile).nope",
                   "now()",
                   "inAudience('Gold')",
                   "inAudience('Silver')",
               });
}

TEST_CASE("limits stop the evaluation in both engines alike") {
  DualWorld w;
  journey::interp::Limits limits;
  limits.maxIterations = 100;
  limits.maxCollectionSize = 50;
  limits.maxTextBytes = 1000;
  std::vector<std::string> exprs = {
      "[0,1,2,3,4,5,6,7,8,9].map(x, [0,1,2,3,4,5,6,7,8,9].map(y, x * y))",
      "[0,1,2,3,4,5,6,7,8,9].map(x, [0,1,2,3,4,5,6,7,8,9].map(y, x * y)) == [] || true",
      "cel.bind(a, 'xxxxxxxxxxxxxxxx', cel.bind(b, a + a, cel.bind(c, b + b, cel.bind(d, c + c, "
      "cel.bind(e, d + d, cel.bind(f, e + e, f + f))))))",
      "cel.bind(l, [1,2,3,4,5,6,7,8], cel.bind(m, l + l + l + l, m + m))",
      "cel.bind(l, [1,2,3,4,5,6,7,8,9,10], (l + l + l + l + l + l).map(x, x))",
      "cel.bind(l, [1,2,3,4,5,6,7,8,9,10], cel.bind(t, l + l + l, "
      "[0, 1].transformMapEntry(i, v, t.transformMap(k, w, w + i))))",
      "cel.bind(l, [1,2,3,4,5,6,7,8,9,10], {'a': 1}.transformMap(k, v, l + l + l + l + l + l))",
      "[0,1,2,3,4,5,6,7,8,9].all(x, [0,1,2,3,4,5,6,7,8,9].all(y, y >= 0))",
  };
  for (const std::string& e : exprs) {
    auto [interp, jit] = w.both(e, true, limits);
    INFO(e);
    CHECK(interp == jit);
    CHECK(jit.find("evaluation stopped") != std::string::npos);
  }
}

TEST_CASE("an expression too large for the bytecode is the same error") {
  std::string program = "fn f0(x: int): int = x + 1\n";
  for (int i = 1; i <= 24; ++i) {
    program += "fn f" + std::to_string(i) + "(x: int): int = f" + std::to_string(i - 1) +
               "(x) + f" + std::to_string(i - 1) + "(x)\n";
  }
  DualWorld w(program);
  REQUIRE(!w.fe.diags.hasErrors());
  // A tenth of the default node budget under the sanitizers, where making a million nodes
  // takes 15 s.
  if (journey::test::kUnderSanitizers) w.lowerOptions.maxNodes /= 10;
  checkSame(w, {"f3(0)", "f24(0)"}, false);
  auto [interp, jit] = w.both("f9(0)");
  CHECK(interp == jit);
}

TEST_CASE("an expression too large to compile runs on the interpreter, with its results") {
  DualWorld w;
  w.largestCompiledNodes = 6;  // compiler/codegen/jit_policy.h: 1,024 outside tests
  w.bind("n", w.fe.program.types.int64(), Value::integer(3));
  std::string ir;
  w.compiledIr = &ir;
  // Small enough to compile: values and errors.
  checkSame(w, {"n + 1", "1 / (n - 3)"}, false);
  CHECK(w.stats.interpreted == 0);
  CHECK(ir.find("journey_jit_interpret") == std::string::npos);
  // Larger: their functions call the interpreter, which gives the same values and errors.
  checkSame(w,
            {"[n, n + 1, n + 2].map(x, x * n)[2]", "[1, 2, 3].all(x, x / (n - 3) > 0)",
             "{'a': n, 'b': [n, n]}.b.size() + n * n - n", "n > 2 ? 'big' + string(n) : 'small'"},
            false);
  CHECK(w.stats.interpreted == 1);
  CHECK(ir.find("journey_jit_interpret") != std::string::npos);
  // The interpreter keeps the JIT's limits.
  journey::interp::Limits limits;
  limits.maxIterations = 20;
  auto [interp, jit] = w.both("[0,1,2,3,4,5,6,7,8,9].map(x, [0,1,2,3,4,5,6,7,8,9].map(y, x * y))",
                              true, limits);
  CHECK(interp == jit);
  CHECK(jit.find("evaluation stopped") != std::string::npos);
  CHECK(w.stats.interpreted == 1);
  // Compiled with the rest of a module: each expression takes its own path.
  for (const char* e : {"n + 2", "[n, n, n, n].map(x, x + n)[3] * n", "n * 2"}) {
    REQUIRE(w.add(e));
  }
  size_t first = w.exprs.size() - 3;
  std::vector<DualWorld::Outcome> outcomes = w.runRange(first, w.exprs.size(), {}, 0);
  REQUIRE(outcomes.size() == 3);
  for (const DualWorld::Outcome& o : outcomes) {
    INFO(o.expr);
    CHECK(o.interp == o.jit);
  }
  CHECK(w.stats.interpreted == 1);
}

TEST_CASE("a frame too large for the machine stack lives on the heap") {
  DualWorld w;
  w.bind("n", w.fe.program.types.int64(), Value::integer(3));
  std::string list = "[";
  for (int i = 0; i < 5000; ++i) list += (i ? ", n + " : "n + ") + std::to_string(i);
  list += "]";
  // One expression: compiling a 5,000-element list is the test's time (LLVM's, mostly).
  auto [interp, jit] = w.both(list + ".map(x, x * 2)[4999]", true);
  CHECK(interp == "10004");
  CHECK(jit == interp);
}

TEST_CASE("a program's expressions compile into one module; replaced modules are unloaded") {
  DualWorld w;
  for (int i = 0; i < 50; ++i) REQUIRE(w.add("[1, 2, 3].map(x, x + " + std::to_string(i) + ")"));
  for (int round = 0; round < 20; ++round) {
    auto outcomes = w.run();
    REQUIRE(outcomes.size() == 50);
    CHECK(outcomes[49].jit == "[50, 51, 52]");
    for (const auto& o : outcomes) CHECK(o.interp == o.jit);
  }
}

TEST_CASE("compiled code is reentrant: several threads evaluate one engine") {
  DualWorld w;
  w.bind("n", w.fe.program.types.int64(), Value::integer(200));
  REQUIRE(w.add("[1, 2, 3, 4, 5].map(x, x * n).filter(y, y > 400).size() + n"));
  // Compiled, and left to the interpreter (compiler/codegen/jit_policy.h), whose runner one
  // thread at a time may use.
  for (size_t largest : {SIZE_MAX, size_t{4}}) {
    std::string whyNot;
    journey::jit::JitOptions options;
    options.largestCompiledNodes = largest;
    auto engine = journey::jit::makeJitEngine(w.pool, w.exprs, w.layouts, whyNot, options);
    REQUIRE_MESSAGE(engine, whyNot);
    // Each thread its own `n` (200 + t: 3 multiples over 400 for the first, 4 for the others),
    // so that one thread's registers showing through in another's would change its sum.
    std::vector<int64_t> results(4, 0);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < results.size(); ++t) {
      threads.emplace_back([&, t] {
        journey::test::FixedHost host;
        journey::stdlib::CallContext ctx{&host};
        Value n = Value::integer(200 + static_cast<int64_t>(t));
        int64_t sum = 0;
        for (int i = 0; i < 20000; ++i) sum += engine->evaluate(0, &n, ctx).asInt();
        results[t] = sum;
      });
    }
    for (auto& th : threads) th.join();
    for (size_t t = 0; t < results.size(); ++t) {
      CHECK(results[t] == 20000 * ((t == 0 ? 3 : 4) + 200 + static_cast<int64_t>(t)));
    }
  }
}

TEST_CASE("the generated module names helpers, never addresses") {
  DualWorld w;
  REQUIRE(w.add("[1, 2].map(x, x + 1)[0] == 2 && 'a' < 'b'"));
  std::string text = journey::jit::emitLlvm(w.pool, w.exprs, w.layouts);
  CHECK(
      text.find(
          "define void @journey_e0(ptr noalias %result, ptr noalias %inputs, ptr noalias %ctx)") !=
      std::string::npos);
  CHECK(text.find("@journey_jit_call(") != std::string::npos);
  CHECK(text.find("inttoptr (i64") == std::string::npos);  // no constant addresses
}

TEST_SUITE_END();

#endif  // JOURNEY_HAVE_JIT
