// Internal to compiler/sema: the state of one `checkProgram` run, shared by the files that
// implement its passes (declarations, cycles, journey clauses, steps, lints). Only checker.h is
// the public door.
#pragma once

#include <functional>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/sema/checker.h"
#include "compiler/sema/expr_checker.h"
#include "compiler/sema/symbols.h"
#include "compiler/sema/types.h"
#include "vm/value/value.h"

namespace journey::sema {

struct Expectation;  // test_expectation.h

// `int`, `string`, `list`, `map`, ...: the names of the built-in types.
bool isBuiltinTypeName(std::string_view name);

// A block's local names: the expression checker's Scope plus where each name was declared, so
// a duplicate binding can point at the first one.
class LocalScope {
 public:
  explicit LocalScope(LocalScope* parent) : scope(parent ? &parent->scope : nullptr), parent_(parent) {}
  LocalScope(const LocalScope&) = delete;
  LocalScope& operator=(const LocalScope&) = delete;
  ~LocalScope() {
    if (std::vector<Scope::EndedName>* ended = scope.endedNames(); ended && parent_) {
      for (Site& site : sites_) ended->push_back({std::move(site.name), site.range});
    }
  }

  void declare(const std::string& name, SourceRange where, TypeId type,
               std::optional<Scope::UnsetAfterFailure> unset = std::nullopt) {
    if (unset) {
      scope.declareUnsetAfterFailure(name, type, std::move(*unset));
    } else {
      scope.declare(name, type);
    }
    sites_.push_back({name, where});
  }
  // Where `name` was declared in this scope or an enclosing one (an invalid range for `profile`).
  std::optional<SourceRange> find(std::string_view name) const;
  LocalScope* parent() const { return parent_; }

  Scope scope;

 private:
  struct Site {
    std::string name;
    SourceRange range;
  };
  LocalScope* parent_;
  std::vector<Site> sites_;
};

// A value known when the program is compiled: an integer or a duration (in nanoseconds).
struct ConstantValue {
  enum class Kind : uint8_t { Int, Duration } kind = Kind::Int;
  int64_t value = 0;
};

// What the checker knows about one journey while walking it.
struct JourneyState {
  const ast::JourneyDecl* decl = nullptr;
  std::optional<TypeId> entryEvent;            // `entry on E`: E's record type
  std::map<std::string, SourceRange> splitNames;
  int64_t timeout = 0;                         // nanoseconds; default 90d
};

class ProgramChecker {
 public:
  ProgramChecker(const SourceManager& sources, const ast::Ast& ast, DiagnosticSink& diags,
                 CheckedProgram& out);
  void run();

  // --- shared state -------------------------------------------------------------------------
  const SourceManager& sources;
  const ast::Ast& ast;
  DiagnosticSink& diags;
  TypeTable& types;
  ProgramSymbols& symbols;
  CheckContext context;
  ExprChecker exprs;

  struct Declared {
    const char* kind;  // "event", "audience", ... for messages
    SourceRange range;
  };
  std::map<std::string, Declared, std::less<>> declared;  // every program-level name
  const ast::SchemaDecl* schema = nullptr;
  TypeId profileType = 0;  // the schema's record type, or Error when there is none
  // The journeys some `goto` names, found when first asked (isGotoTarget).
  std::optional<std::set<std::string, std::less<>>> gotoTargets;
  // What the steps can write, by channel and by journey: an expectation naming anything else
  // can never match (W0111).
  std::map<std::string, std::set<std::string>, std::less<>> sentTemplates;
  std::map<std::string, std::set<std::string>, std::less<>> endReasons;

  // --- reporting (checker.cpp) --------------------------------------------------------------
  Diagnostic& report(DiagKind kind, SourceRange range, std::string message);
  // Reports an unknown name with a "did you mean" among `candidates`.
  void reportUnknown(DiagKind kind, const ast::Name& name, std::string_view what,
                     const std::vector<std::string>& candidates);
  // Reports that local `name` is already declared, pointing at `first` (an invalid range for
  // `profile`, which is declared by the language).
  Diagnostic& reportRedeclared(const ast::Name& name, SourceRange first);
  // When `name` is one every expression sees (a constant, a function, a record or event type,
  // a built-in type): what it names, and where it is declared (invalid for a built-in type).
  std::optional<std::pair<std::string, SourceRange>> programName(std::string_view name) const;
  // A local binding may not hide such a name: reports it (true) when `name` is one.
  bool refuseProgramName(const ast::Name& name);
  // The record type of the declared event `event`; nothing after reporting it unknown.
  std::optional<TypeId> eventType(const ast::Name& event);
  // A Scope with `profile` (for audiences, channels and journeys).
  void declareProfile(LocalScope& scope);

  // --- declarations.cpp ---------------------------------------------------------------------
  void collectNames();
  void declareRecords();
  TypeId resolveType(const ast::TypeRef& ref, const std::string& inlineName);
  void fillRecord(RecordId id, const std::vector<ast::FieldDecl>& fields);
  void resolveSignatures();
  void checkFieldDefaults();
  void checkEvent(const ast::EventDecl& d);
  void checkChannel(const ast::ChannelDecl& d);
  void checkAudience(const ast::AudienceDecl& d);
  void checkAction(const ast::ActionDecl& d);
  void checkCap(const ast::CapDecl& d, const Scope& scope);
  void checkConst(const ast::ConstDecl& d);
  void checkFn(const ast::FnDecl& d);
  // Checks `fields` (an `emit` or a `mock`) against a record: known names, no duplicates, each
  // value assignable, every required field given.
  void checkRecordFields(const std::vector<ast::FieldInit>& fields, RecordId record,
                         std::string_view recordWhat, SourceRange whole, const Scope& scope,
                         bool allowTime);
  // Reports `field` when `given` already holds its name (a field given twice in an `emit`, a
  // `mock` or a payload); otherwise records where it is given. Returns whether it was repeated.
  bool reportFieldGivenTwice(std::map<std::string, SourceRange, std::less<>>& given,
                             const ast::Name& field);

  // --- constants.cpp ------------------------------------------------------------------------
  std::optional<ConstantValue> constantValue(ast::ExprId e, int depth = 0) const;
  bool isPositiveDuration(ast::ExprId e) const;  // a constant duration above zero
  // The help for a value that must be a constant and is not (`literal`: what to write).
  std::string notFoldedHelp(ast::ExprId e, std::string_view literal) const;
  mutable std::map<std::string, std::optional<ConstantValue>, std::less<>> constantCache;
  // Checks that `e` is a duration; when `mustBeConstant`, also a constant; when its value is
  // known, that it is positive. Returns the value when known.
  std::optional<int64_t> checkDuration(ast::ExprId e, const Scope& scope, std::string_view what,
                                       bool mustBeConstant);
  // `cap N` and `retries N`: a constant int, at least `minimum`.
  void checkCount(ast::ExprId e, const Scope& scope, std::string_view what, int64_t minimum);

  // --- cycles.cpp ---------------------------------------------------------------------------
  void checkAudienceCycles();
  // Checks consts and fns in dependency order (so an untyped const is typed before its uses),
  // reporting cycles.
  void checkConstsAndFns();
  void checkGotoCycles();
  // Whether some journey's `goto` names this one: it is then entered without its `when`.
  bool isGotoTarget(const std::string& journey);
  void checkRecordCycles();
  // Warns about journeys that may start one another without end at one instant: through
  // `emit`, or through a `set` that changes an audience another journey enters on.
  void checkJourneyLoops();

  // check_tests.cpp
  void checkTests();
  void checkHistoryWindows();  // history_windows.cpp
  void checkTest(const ast::TestDecl& test);
  void checkExpectation(const ast::TestExpect& e);
  // W0111 for a template or an `end` reason that no step writes.
  void checkExpectedText(const Expectation& x);
  void checkExpectedSetPath(const ast::TestString& text);
  std::optional<Timestamp> testTime(const ast::TestString& time);  // reported when invalid
  // The date (`YYYY-MM-DD`) of the first valid time of the test being checked, for the example
  // a time of day alone (`"11:00"`) is given; empty when it has none.
  std::string testDay;

  // --- journey_clauses.cpp ------------------------------------------------------------------
  void checkJourney(const ast::JourneyDecl& j);
  bool checkTimeOfDay(const ast::TimeOfDay& t);
  void checkTimezone(ast::ExprId zone, const Scope& scope, std::string_view what);

  // --- journey_steps.cpp --------------------------------------------------------------------
  // Adds "leave the field out" to the warning for a payload's field read from an optional one.
  void offerOptionalField(const ast::FieldInit& f, size_t before);
  void checkBlock(const ast::Block& block, LocalScope& scope, JourneyState& journey);
  void checkWaitFor(const ast::WaitForStep& w, LocalScope& scope, JourneyState& journey);
  void checkIf(const ast::IfStep& s, LocalScope& scope, JourneyState& journey);
  void checkSplit(const ast::SplitStep& s, LocalScope& scope, JourneyState& journey);
  void checkSet(const ast::SetStep& s, LocalScope& scope);
  // The type of what a `set` path (`profile.loyalty.tier`) names; none, reported, when it
  // names nothing a `set` can write (`notProfileHelp`: the help when it does not start with
  // `profile`). `optionalAt` and `mapEntryAt`, when given, receive the indexes of the path's
  // optional fields and of its map entries (`profile.attributes.color`: 2).
  std::optional<TypeId> profilePathType(const std::vector<ast::Name>& path,
                                        std::string_view notProfileHelp,
                                        std::vector<size_t>* optionalAt = nullptr,
                                        std::vector<size_t>* mapEntryAt = nullptr);
  void checkGoto(const ast::GotoStep& g, JourneyState& journey);

  // --- lints.cpp ----------------------------------------------------------------------------
  void lintScheduleZone(const ast::JourneyDecl& j);  // journey_clauses.cpp
  void lintJourney(const ast::JourneyDecl& j, int64_t timeout);
};

// --- guards.cpp -----------------------------------------------------------------------------
// The `has()` paths (`profile.email`) that are known present when `condition` evaluates to
// `whenTrue`.
std::vector<std::string> provenPresent(const ast::Ast& ast, ast::ExprId condition, bool whenTrue);
// Whether running `block` always ends the instance (`end`, `goto`, or branches that all do).
bool alwaysEnds(const ast::Block& block);
bool stepAlwaysEnds(const ast::Step& step);

// --- cycles.cpp ----------------------------------------------------------------------------
// Names used by an expression: free identifiers and global calls, skipping names bound by
// macros (comprehension variables) and `bound`.
void collectUses(const ast::Ast& ast, ast::ExprId e, std::vector<std::string>& bound,
                 const std::function<void(const std::string&, SourceRange, bool call)>& use);

// --- constants.cpp --------------------------------------------------------------------------
// `30d`, `1h30m`, `500ms`, `-5m`: a duration as it would be written.
std::string formatDuration(int64_t nanos);
inline constexpr int64_t kNanosPerSecond = 1'000'000'000;
inline constexpr int64_t kDefaultJourneyTimeout = 90LL * 24 * 3600 * kNanosPerSecond;

// --- timezone.cpp ---------------------------------------------------------------------
// Whether `name` is an IANA time zone name in the system's time zone database. Always true when
// the database cannot be read, so a missing database is not blamed on the program.
bool isKnownTimezone(std::string_view name);
std::vector<std::string> timezoneNames();
// What to write instead of a name that is not a zone but a common way to say one (`PST`,
// `UTC+2`), when it is one.
std::optional<std::string> timezoneHelp(std::string_view name);
// For a zone that exists but likely means another (`EST`: a fixed offset, not New York's time).
std::optional<std::string> fixedZoneWarning(std::string_view name);


}  // namespace journey::sema
