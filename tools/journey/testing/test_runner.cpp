#include "tools/journey/testing/test_runner.h"

#include <algorithm>
#include <optional>

#include "compiler/ir/lower_program.h"
#include "compiler/sema/test_data.h"
#include "compiler/sema/test_expectation.h"
#include "tools/journey/repl/session_runtime.h"
#include "tools/journey/testing/output_records.h"
#include "vm/runtime/state.h"
#include "vm/runtime/time_math.h"
#include "vm/value/value_convert.h"

namespace journey::cli {

namespace {

// The checker has validated every time of the test: this reads one it accepted.
std::optional<Timestamp> testTimeOf(const std::optional<ast::TestString>& text) {
  if (!text) return std::nullopt;
  Value t = parseTimestamp(text->text);
  if (t.isError()) return std::nullopt;
  return t.asTimestamp();
}

std::optional<Timestamp> testTimeOf(const ast::TestString& text) {
  return testTimeOf(std::optional<ast::TestString>(text));
}

// Where the clock starts: the first input's time; in a test without timed inputs, the first
// time it names (an `until`, an expectation's `at`), else the Unix epoch. An expectation does
// not move the start of a test with inputs: that would fire schedule ticks the inputs alone
// would not. `named`: whether the test names a time at all.
struct TestStart {
  Timestamp time;
  bool named = false;
  bool byInput = false;  // the test has a timed input
};

TestStart testStart(const ast::TestDecl& test) {
  // The clock starts at the first input or `until`: an `until` is a time the story goes through.
  // An expectation's `at` earlier than both would fire ticks that no input asked for.
  std::optional<Timestamp> firstInput, firstClock, firstNamed;
  auto see = [](std::optional<Timestamp>& first, const ast::TestString& text) {
    std::optional<Timestamp> t = testTimeOf(text);
    if (t && (!first || *t < *first)) first = t;
  };
  for (const ast::TestStmt& stmt : test.stmts) {
    const ast::TestString* time = stmt.time();
    if (!time) continue;
    bool input = std::holds_alternative<ast::TestInput>(stmt.kind);
    if (input) see(firstInput, *time);
    if (input || std::holds_alternative<ast::TestUntil>(stmt.kind)) see(firstClock, *time);
    see(firstNamed, *time);
  }
  if (firstInput) return {*firstClock, true, true};
  if (firstNamed) return {*firstNamed, true};
  return {};
}

Diagnostic testFailure(DiagKind kind, SourceRange range, std::string message) {
  Diagnostic d{kind, range, std::move(message), {}, {}, {}, {}};
  return d;
}

// The expectation's failure: what it wanted, and the records of its kind the run wrote; with
// `showErrors`, also the instances that ended with an error.
Diagnostic unmetExpectation(const sema::Expectation& e, SourceRange range,
                            const std::vector<OutputRecord>& records,
                            const std::optional<Timestamp>& at, bool showErrors) {
  std::string wanted = e.negated ? "expected no matching record: " : "expected a matching record: ";
  Diagnostic d = testFailure(DiagKind::ExpectationNotMet, range, wanted + "`expect " + describe(e) + "`");
  // The first `limit` of `some` as notes: a schedule ticking all month writes thousands of
  // records, which would bury the failure.
  auto list = [&](const std::vector<const OutputRecord*>& some, size_t limit) {
    for (size_t i = 0; i < std::min(some.size(), limit); ++i) {
      d.notes.push_back("  " + some[i]->line);
    }
    if (some.size() > limit) {
      d.notes.push_back("  … and " + std::to_string(some.size() - limit) + " more");
    }
  };
  std::vector<const OutputRecord*> shown;
  for (const OutputRecord& r : records) {
    bool relevant = e.negated ? matches(e, at, r) : r.field("kind") == e.kind;
    if (relevant) shown.push_back(&r);
  }
  if (shown.empty()) {
    d.notes.push_back("the run wrote no `" + e.kind + "` record (" + std::to_string(records.size()) +
                      (records.size() == 1 ? " record" : " records") + " in all)");
  } else {
    d.notes.push_back(std::string(e.negated ? "the run wrote these matching records:"
                                            : "the run wrote these `" + e.kind + "` records:"));
    list(shown, 20);
  }
  // `expect … at T` that a record meets but for its time: the nearest such one, and how far.
  if (!e.negated && at) {
    const OutputRecord* nearest = nullptr;
    auto distance = [&](const OutputRecord& r) {  // from the earlier time to the later
      Timestamp a = std::min(r.time, *at), b = std::max(r.time, *at);
      bool borrow = b.nanos < a.nanos;
      return Duration{b.seconds - a.seconds - borrow,
                      static_cast<int32_t>(b.nanos - a.nanos + (borrow ? kNanosPerSecond : 0))};
    };
    for (const OutputRecord& r : records) {
      if (matches(e, std::nullopt, r) && (!nearest || distance(r) < distance(*nearest))) {
        nearest = &r;
      }
    }
    if (nearest) {
      d.helps.push_back("one was written at " + formatTimestamp(nearest->time) + ", " +
                        runtime::authorDuration(distance(*nearest)) +
                        (nearest->time < *at ? " before" : " after") + " the time expected");
    }
  }
  // An instance that failed is the likeliest reason for a missing record: its error is shown
  // (unless it was listed above). Not for a record that should not be there.
  std::vector<const OutputRecord*> failed;
  for (const OutputRecord& r : records) {
    if (showErrors && !e.negated && r.field("kind") == "exit" &&
        r.field("reason").starts_with("error:") &&
        std::find(shown.begin(), shown.end(), &r) == shown.end()) {
      failed.push_back(&r);
    }
  }
  if (!failed.empty()) {
    d.notes.push_back("these instances ended with an error:");
    list(failed, 5);
  }
  return d;
}

}  // namespace

TestRunner::TestRunner(const Frontend& program, std::string engine)
    : program_(program), engine_(std::move(engine)) {}

TestResult TestRunner::run(const ast::TestDecl& test) const {
  TestResult result;
  const TestStart testStarts = testStart(test);
  const Timestamp start = testStarts.time;
  repl::SessionRuntime session(start);
  // Lowered afresh for each test's runtime (a few milliseconds; the JIT's code cache keeps
  // the machine code of the first).
  session.load(ir::lowerProgram(program_.sources, program_.ast, program_.program), engine_);
  std::string lastProfile;
  Timestamp end = start;
  SourceRange endSetBy = test.range;  // the time that set `end`, for an error about it
  auto runTo = [&](std::optional<Timestamp> t, SourceRange at) {
    if (t && end < *t) {
      end = *t;
      endSetBy = at;
    }
  };
  auto fail = [&](DiagKind kind, SourceRange range, std::string message) {
    result.failures.push_back(testFailure(kind, range, std::move(message)));
  };

  for (const ast::TestStmt& stmt : test.stmts) {
    if (auto* until = std::get_if<ast::TestUntil>(&stmt.kind)) {
      // A point in the story, as the checker reads it: the clock moves there now (firing what
      // is due), so that a profile given after it arrives then. One before the clock (written
      // after a later input) moves nothing.
      std::optional<Timestamp> t = testTimeOf(until->time);
      runTo(t, until->time.range);
      if (!t || *t < session.now()) continue;
      std::optional<std::string> refused = session.tooFarAhead(*t);
      if (!refused) refused = session.advanceTo(*t);
      if (refused) {
        fail(DiagKind::TestTimeGoesBack, until->time.range, *refused);
        return result;
      }
      continue;
    }
    if (auto* e = std::get_if<ast::TestExpect>(&stmt.kind)) {
      if (e->at) runTo(testTimeOf(e->at), e->at->range);
      continue;
    }
    const ast::TestInput& input = std::get<ast::TestInput>(stmt.kind);
    auto json = sema::testDataJson(program_.ast, input.fields);
    const std::string* data = std::get_if<std::string>(&json);
    if (data == nullptr) {  // the checker refuses such a program first; never a silent pass
      fail(DiagKind::TestDataNotLiteral, stmt.range, std::get<sema::NotLiteral>(json).why);
      return result;
    }
    std::optional<std::string> refused;
    if (input.kind == ast::TestInput::Kind::Profile) {
      refused = session.addProfile(*data);
      if (!refused) lastProfile = session.currentProfile();
    } else {
      std::optional<Timestamp> t = testTimeOf(input.time);
      if (!t) {  // as above: the checker refuses it first
        fail(DiagKind::InvalidTestTime, input.time.range, "\"" + input.time.text + "\" is not a timestamp");
        return result;
      }
      runTo(t, input.time.range);
      if (std::optional<std::string> far = session.tooFarAhead(*t)) {
        fail(DiagKind::TestTimeGoesBack, input.time.range, *far);
        return result;
      }
      refused = session.selectProfile(input.profile ? input.profile->text : lastProfile);
      if (!refused) refused = session.advanceTo(*t);
      if (!refused) {
        refused = input.kind == ast::TestInput::Kind::Event ? session.sendEvent(input.event.text, *data)
                                                            : session.setProfile(*data);
      }
    }
    if (refused) {
      fail(DiagKind::TestInputRefused, stmt.range, "the runtime refused this input: " + *refused);
      return result;
    }
  }
  if (std::optional<std::string> refused = session.advanceTo(end)) {
    fail(DiagKind::TestTimeGoesBack, endSetBy, *refused);
    return result;
  }

  std::vector<OutputRecord> records = readOutputRecords(session.takeOutput().lines);
  result.records = records.size();
  const RecordIndex index(records);
  bool errorsShown = false;
  for (const ast::TestStmt& stmt : test.stmts) {
    auto* e = std::get_if<ast::TestExpect>(&stmt.kind);
    if (e == nullptr) continue;
    std::string why;
    SourceRange where;
    std::optional<sema::Expectation> x = sema::readExpectation(*e, why, where);
    if (!x) {  // the checker refuses such a program first; never a silent pass
      result.failures.push_back(testFailure(DiagKind::UnknownExpectation, where, why));
      continue;
    }
    if (x->whenRunEnds) {
      std::string id = x->profile ? x->profile->text : lastProfile;
      // Whether the named (or last given) profile is in the audience now, as `inAudience()`
      // answers at the end (a rule that reads the clock is evaluated then, not where the
      // profile's last record left it); a rule's error leaves the profile out.
      std::optional<bool> member = session.inAudience(id, x->name->text);
      if (member != std::optional<bool>(!x->negated)) {
        Diagnostic d = testFailure(
            DiagKind::ExpectationNotMet, stmt.range,
            "expected `" + id + "` " + (x->negated ? "not to be" : "to be") + " a member of `" +
                x->name->text + "` when the run ends" +
                (testStarts.named ? ", at " + formatTimestamp(session.now()) : ""));
        for (const OutputRecord& r : records) {
          if (r.field("kind") == "audience" && r.field("profile") == id) {
            d.notes.push_back("  " + r.line);
          }
        }
        std::string changes = d.notes.empty() ? "the run wrote no change of its memberships"
                                              : "the run wrote these changes of its memberships:";
        d.notes.insert(d.notes.begin(), changes);
        result.failures.push_back(std::move(d));
      }
      continue;
    }
    std::optional<Timestamp> at = testTimeOf(x->at);
    bool found = false;
    for (const OutputRecord* r : index.find(x->kind, at)) found = found || matches(*x, at, *r);
    if (found == x->negated) {
      // The errors once per test, under its first missing record.
      bool showErrors = !errorsShown && !x->negated;
      errorsShown = errorsShown || showErrors;
      Diagnostic d = unmetExpectation(*x, stmt.range, records, at, showErrors);
      // Without a time of its own, the record may be one that a waiting instance would write
      // after the run stopped.
      size_t active = session.store().instanceCount();
      if (!x->negated && testStarts.named && !testStarts.byInput && session.now() == start) {
        // No input and one time named: nothing could happen between the start and the end.
        d.notes.push_back("the run covered no time: its clock started and ended at " +
                          formatTimestamp(start) + ", the first time the test names");
        d.helps.push_back("a test's clock starts at its first timed input, or without one at "
                          "the first time it names: give an earlier `until \"TIME\"` to start "
                          "from");
      } else if (!x->negated && !x->at && active > 0) {
        d.notes.push_back("the run ended at " + formatTimestamp(session.now()) +
                          ", the latest time the test names, with " + std::to_string(active) +
                          (active == 1 ? " instance" : " instances") + " still active");
        d.helps.push_back(
            "to let it run on, give the time: `until \"TIME\"`, or `at \"TIME\"` on the expectation");
      }
      result.failures.push_back(std::move(d));
    }
  }
  return result;
}

}  // namespace journey::cli
