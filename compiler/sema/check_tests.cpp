// Tests (`test "name" { ... }`): names, times, data and expectations are checked with the
// program, so that `journey check` reports a broken test before `journey test` runs it.
#include <algorithm>
#include <map>
#include <set>

#include "compiler/sema/program_checker.h"
#include "compiler/sema/suggest.h"
#include "compiler/sema/test_data.h"
#include "compiler/sema/test_expectation.h"
#include "vm/value/value_convert.h"

namespace journey::sema {

namespace {

// The id a `profile { id: "..." }` gives, when it is written as a string.
std::optional<std::string> literalId(const ast::Ast& ast, const std::vector<ast::FieldInit>& fields) {
  for (const ast::FieldInit& f : fields) {
    if (f.field.text != "id") continue;
    const auto* l = std::get_if<ast::Literal>(&ast[f.value].node);
    if (l && l->kind == ast::LiteralKind::String) return l->bytes;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Timestamp> ProgramChecker::testTime(const ast::TestString& time) {
  Value t = parseTimestamp(time.text);
  if (!t.isError()) return t.asTimestamp();
  Diagnostic& d = report(DiagKind::InvalidTestTime, time.range,
                         "\"" + time.text + "\" is not a timestamp: " +
                             std::string(t.errorMessage()));
  if (std::optional<std::string> example = timestampExample(time.text, testDay)) {
    d.helps.push_back("write an RFC 3339 time, with its offset from UTC: \"" + *example + "\"");
  }
  return std::nullopt;
}

void ProgramChecker::checkTests() {
  std::map<std::string, SourceRange, std::less<>> seen;
  for (const ast::Module& m : ast.modules) {
    for (const ast::TestDecl& t : m.tests) {
      if (auto [it, fresh] = seen.emplace(t.name.text, t.name.range); !fresh) {
        report(DiagKind::DuplicateTestName, t.name.range,
               "a test named \"" + t.name.text + "\" is already declared")
            .secondary.push_back({it->second, "first declared here"});
      }
      checkTest(t);
    }
  }
}

void ProgramChecker::checkTest(const ast::TestDecl& test) {
  if (std::none_of(test.stmts.begin(), test.stmts.end(), [](const ast::TestStmt& s) {
        return std::holds_alternative<ast::TestExpect>(s.kind);
      })) {
    report(DiagKind::TestExpectsNothing, test.name.range,
           "this test has no `expect`: it passes whatever the run writes");
  }
  testDay.clear();
  for (const ast::TestStmt& stmt : test.stmts) {
    const ast::TestString* time = stmt.time();
    Value t = time ? parseTimestamp(time->text) : Value::null();
    if (t.kind() == ValueKind::Timestamp) {
      testDay = formatTimestamp(t.asTimestamp()).substr(0, 10);
      break;
    }
  }
  std::set<std::string, std::less<>> profiles;  // ids given so far
  bool anyProfile = false, idsKnown = true;
  std::optional<Timestamp> clock;

  auto checkTime = [&](const ast::TestString& time) {
    std::optional<Timestamp> t = testTime(time);
    if (!t) return;
    if (clock && *t < *clock) {
      report(DiagKind::TestTimeGoesBack, time.range,
             "\"" + time.text + "\" is before the test's previous time, " + formatTimestamp(*clock));
      return;
    }
    clock = t;
  };
  auto checkProfile = [&](const std::optional<ast::TestString>& named, SourceRange at) {
    if (named) {
      if (idsKnown && !profiles.count(named->text)) {
        report(DiagKind::UnknownTestProfile, named->range,
               "no profile with the id \"" + named->text + "\" is given before this");
      }
    } else if (!anyProfile) {
      report(DiagKind::UnknownTestProfile, at, "no profile is given before this input")
          .helps.push_back("give one first: `profile { id: \"p1\", ... }`");
    }
  };
  auto checkData = [&](const std::vector<ast::FieldInit>& fields) {
    auto json = testDataJson(ast, fields);
    if (auto* bad = std::get_if<NotLiteral>(&json)) {
      report(DiagKind::TestDataNotLiteral, bad->range, bad->why);
    }
  };

  for (const ast::TestStmt& stmt : test.stmts) {
    if (auto* input = std::get_if<ast::TestInput>(&stmt.kind)) {
      checkData(input->fields);
      if (input->kind == ast::TestInput::Kind::Profile) {
        anyProfile = true;
        if (auto id = literalId(ast, input->fields)) profiles.insert(*id);
        else idsKnown = false;
        continue;
      }
      checkTime(input->time);
      checkProfile(input->profile, stmt.range);
      if (input->kind == ast::TestInput::Kind::Event) eventType(input->event);
    } else if (auto* until = std::get_if<ast::TestUntil>(&stmt.kind)) {
      checkTime(until->time);
    } else {
      checkExpectation(std::get<ast::TestExpect>(stmt.kind));
    }
  }
  // An expectation may name any profile of the test, also one given after it.
  for (const ast::TestStmt& stmt : test.stmts) {
    auto* e = std::get_if<ast::TestExpect>(&stmt.kind);
    if (e && e->profile && idsKnown && !profiles.count(e->profile->text)) {
      report(DiagKind::UnknownTestProfile, e->profile->range,
             "the test gives no profile with the id \"" + e->profile->text + "\"");
    }
    // `expect member` without `for` reads the last profile given: there must be one.
    if (e && !e->profile && !anyProfile) {
      std::string why;
      SourceRange where;
      std::optional<Expectation> x = readExpectation(*e, why, where);
      if (x && x->whenRunEnds) {
        report(DiagKind::UnknownTestProfile, stmt.range,
               "no profile is given in this test, and without `for` this expectation reads the "
               "last one given")
            .helps.push_back("give one: `profile { id: \"p1\", ... }`");
      }
    }
  }
}

// `expect set "profile.loyalty.tier"`: the path as a `set` step's record writes it, which must
// name a field a `set` can write (else the expectation could never match).
void ProgramChecker::checkExpectedSetPath(const ast::TestString& text) {
  // Each segment's range inside the quotes, when the literal has no escapes to shift them.
  const bool plain = text.range.end - text.range.begin == text.text.size() + 2;
  std::vector<ast::Name> path;
  for (size_t at = 0;;) {
    size_t dot = std::min(text.text.find('.', at), text.text.size());
    SourceRange range = text.range;
    if (plain) {
      range.begin = text.range.begin + 1 + static_cast<uint32_t>(at);
      range.end = text.range.begin + 1 + static_cast<uint32_t>(dot);
    }
    path.push_back({text.text.substr(at, dot - at), range});
    if (dot == text.text.size()) break;
    at = dot + 1;
  }
  // Prefixing `profile.` helps a path written from the field (`loyalty.tier`), not one that
  // starts with `profile` another way (`profile["tier"]`).
  profilePathType(path, text.text.starts_with("profile")
                            ? "a `set` record's path is written with dots from `profile`: "
                              "\"profile.loyalty.tier\""
                            : "a `set` record names the path it writes from `profile`: "
                              "\"profile." + text.text + "\"");
}

void ProgramChecker::checkExpectation(const ast::TestExpect& e) {
  std::string why;
  SourceRange where;
  std::optional<Expectation> x = readExpectation(e, why, where);
  if (!x) {
    report(DiagKind::UnknownExpectation, where, why);
    return;
  }
  if (x->at) testTime(*x->at);
  if (x->kind == "set" && x->text) checkExpectedSetPath(*x->text);
  if (!x->name) return;
  auto require = [&](const auto& table, DiagKind kind, std::string_view what) {
    if (!table.count(x->name->text)) reportUnknown(kind, *x->name, what, namesOf(table));
  };
  switch (x->nameKind) {
    case ExpectedName::Channel: require(symbols.channels, DiagKind::UnknownChannel, "channel"); break;
    case ExpectedName::Journey: require(symbols.journeys, DiagKind::UnknownJourney, "journey"); break;
    case ExpectedName::Action: require(symbols.actions, DiagKind::UnknownAction, "action"); break;
    case ExpectedName::Event: require(symbols.events, DiagKind::UnknownEvent, "event"); break;
    case ExpectedName::Audience: require(symbols.audiences, DiagKind::UnknownAudience, "audience"); break;
    case ExpectedName::None: break;
  }
  checkExpectedText(*x);
}

void ProgramChecker::checkExpectedText(const Expectation& x) {
  if (!x.text || !x.name) return;
  const std::string& text = x.text->text;
  // What the steps write under the expectation's name (none: an empty set).
  auto writtenUnder = [&](const auto& byName) -> const std::set<std::string>& {
    static const std::set<std::string> kNone;
    auto it = byName.find(x.name->text);
    return it == byName.end() ? kNone : it->second;
  };
  const std::set<std::string>* written = nullptr;
  std::string sought = text;
  std::string what;
  if ((x.kind == "send" || x.kind == "suppressed" || x.kind == "capped") &&
      symbols.channels.count(x.name->text)) {
    written = &writtenUnder(sentTemplates);
    what = "no step sends " + ast::quoted(text) + " on `" + x.name->text + "`";
  } else if (x.kind == "exit" && symbols.journeys.count(x.name->text)) {
    // A reason the runtime writes itself (`timeout`, `error: …`) may always occur.
    if (sought.starts_with("end: ")) sought.erase(0, 5);
    else if (isExitReasonForm(text)) return;
    written = &writtenUnder(endReasons);
    what = "no step of `" + x.name->text + "` ends with " + ast::quoted(sought);
  }
  if (!written || written->count(sought)) return;
  Diagnostic& d = report(DiagKind::ExpectationNeverMatches, x.text->range,
                         what + (x.negated ? ": this `expect no` cannot fail"
                                           : ": this expectation cannot be met"));
  std::vector<std::string> names(written->begin(), written->end());
  if (auto close = closestName(sought, names)) {
    d.helps.push_back("did you mean " + ast::quoted(*close) + "?");
  }
}

}  // namespace journey::sema
