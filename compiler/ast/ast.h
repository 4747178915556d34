// The Journey AST: our own node types with a source range on every node.
//
// Expressions live in one arena (`Ast::exprs`) and refer to each other by ExprId, so a tree is
// a flat vector that later phases can annotate with side tables indexed by the same id (the
// checker's types, for example). Declarations and steps are plain owned structs: there are few
// of them and they are walked, not rewritten.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "compiler/source/source_manager.h"

namespace journey::ast {

using ExprId = uint32_t;
inline constexpr ExprId kNoExpr = UINT32_MAX;

// A name as written, with where it was written.
struct Name {
  std::string text;
  SourceRange range;
};

// ---------------------------------------------------------------------------------------------
// Expressions (CEL plus our additions)

enum class LiteralKind : uint8_t { Null, Bool, Int, Uint, Double, String, Bytes, Duration };

struct Literal {
  LiteralKind kind = LiteralKind::Null;
  bool boolValue = false;
  int64_t intValue = 0;     // Int; Duration in nanoseconds
  uint64_t uintValue = 0;   // Uint
  double doubleValue = 0;   // Double
  std::string bytes;        // String (UTF-8) and Bytes, escapes already decoded
};

// `x`, or `.x` (leading dot: resolved from the root scope only).
struct Ident {
  std::string name;
  bool rooted = false;
};

// `operand.field`, `operand.?field` (optional selection).
struct Select {
  ExprId operand = kNoExpr;
  Name field;
  bool optional = false;
};

// `operand[index]`, `operand[?index]`.
struct Index {
  ExprId operand = kNoExpr;
  ExprId index = kNoExpr;
  bool optional = false;
};

// Operators are calls to functions with CEL's internal names (`_+_`, `_&&_`, `!_`, `-_`,
// `_?_:_`, `@in`, `_[_]` is Index, not a call). `target` is set for receiver-style calls
// (`s.startsWith(x)`); qualified global names (`math.abs(x)`, `base64.encode(b)`) are plain
// calls whose `function` contains the dots.
struct Call {
  std::string function;
  SourceRange functionRange;
  ExprId target = kNoExpr;
  std::vector<ExprId> args;
};

struct ListLit {
  std::vector<ExprId> elements;
  std::vector<bool> optionalElements;  // `[?x]`: element added only when the optional has a value
};

struct MapEntry {
  ExprId key = kNoExpr;
  ExprId value = kNoExpr;
  bool optional = false;  // `{?k: v}`
  SourceRange range;
};
struct MapLit {
  std::vector<MapEntry> entries;
};

struct FieldInit {
  Name field;
  ExprId value = kNoExpr;
  bool optional = false;  // `T{?f: v}`
  SourceRange range;
};
// `Item{sku: "a", qty: 1}`: a message (record) literal of a declared type.
struct RecordLit {
  Name type;  // possibly dotted
  std::vector<FieldInit> fields;
};

// Macros are kept as written so that diagnostics see the source form; lowering
// expands them into comprehensions.
enum class MacroKind : uint8_t {
  Has,             // has(e.f)                         args: [select]
  All,             // e.all(x, p)                      vars: [x]     args: [p]
  Exists,          // e.exists(x, p)
  ExistsOne,       // e.exists_one(x, p) / e.existsOne(x, p)
  Map,             // e.map(x, t)  or  e.map(x, p, t)  args: [t] or [p, t]
  Filter,          // e.filter(x, p)
  All2,            // e.all(i, v, p)                   vars: [i, v]  args: [p]
  Exists2,         // e.exists(i, v, p)
  ExistsOne2,      // e.existsOne(i, v, p) / e.exists_one(i, v, p)
  TransformList,   // e.transformList(i, v, t) / (i, v, p, t)
  TransformMap,    // e.transformMap(k, v, t) / (k, v, p, t)
  TransformMapEntry,  // e.transformMapEntry(k, v, t) / (k, v, p, t)
  Bind,            // cel.bind(x, init, body)          vars: [x]     args: [init, body]
  OptMap,          // o.optMap(x, t)                   vars: [x]     args: [t]
  OptFlatMap,      // o.optFlatMap(x, t)
};

struct Macro {
  MacroKind kind = MacroKind::Has;
  ExprId target = kNoExpr;  // the range (`e`), the optional (`o`); kNoExpr for has and bind
  std::vector<Name> vars;
  std::vector<ExprId> args;
};

// Error placeholder produced by the parser after a syntax error, so later phases never see a
// hole and do not report a cascade.
struct ErrorExpr {};

using ExprNode = std::variant<Literal, Ident, Select, Index, Call, ListLit, MapLit, RecordLit, Macro,
                              ErrorExpr>;

struct Expr {
  ExprNode node;
  SourceRange range;
};

// ---------------------------------------------------------------------------------------------
// Types as written in declarations

struct TypeRef;
using TypeRefPtr = std::unique_ptr<TypeRef>;

struct FieldDecl {
  Name name;
  TypeRefPtr type;
  ExprId defaultValue = kNoExpr;  // `timezone: string = "UTC"`
  SourceRange range;
};

struct TypeRef {
  enum class Kind : uint8_t { Named, Record, Optional } kind = Kind::Named;
  Name name;                        // Named: `int`, `list`, `map`, `Item`, `dyn`, ...
  std::vector<TypeRefPtr> params;   // Named: `list<T>` -> [T], `map<K, V>` -> [K, V]
  std::vector<FieldDecl> fields;    // Record: inline `{ a: int, b: string }`
  TypeRefPtr inner;                 // Optional: `T?`
  SourceRange range;
};

// ---------------------------------------------------------------------------------------------
// Declarations

struct TimeOfDay {
  int hour = 0;
  int minute = 0;
  SourceRange range;
};

enum class Weekday : uint8_t { Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday };

struct ImportDecl {
  std::string path;
  SourceRange pathRange;
};

struct TypeDecl {  // `type Item { ... }`
  Name name;
  std::vector<FieldDecl> fields;
};

struct SchemaDecl {  // `schema Profile { ... }`
  Name name;
  std::vector<FieldDecl> fields;
};

struct EventDecl {  // `event E [retain D] { ... }`
  Name name;
  ExprId retain = kNoExpr;
  std::vector<FieldDecl> fields;
};

struct ChannelDecl {  // `channel email { address: expr, consent: expr }`
  Name name;
  ExprId address = kNoExpr;
  ExprId consent = kNoExpr;
  std::vector<FieldInit> otherFields;  // anything else written in the body, for the checker
};

struct AudienceDecl {  // `audience Name = expr`
  Name name;
  ExprId rule = kNoExpr;
};

// `action name { method M  url "..."  timeout D  retries N  response {...}  mock {...} }`
// The mock is a map/record-like literal; `mock error "message"` declares a mocked failure.
struct ActionDecl {
  Name name;
  std::optional<Name> method;
  ExprId url = kNoExpr;
  ExprId timeout = kNoExpr;
  ExprId retries = kNoExpr;
  std::vector<FieldDecl> response;
  bool hasResponse = false;
  std::vector<FieldInit> mock;
  bool hasMock = false;
  ExprId mockError = kNoExpr;  // string expression
  SourceRange mockRange;
};

struct CapDecl {  // `cap CHANNEL N per D`  (file level, or a journey clause)
  Name channel;
  ExprId count = kNoExpr;
  ExprId window = kNoExpr;
};

struct ConstDecl {  // `const NAME [: T] = expr`
  Name name;
  TypeRefPtr type;  // may be null
  ExprId value = kNoExpr;
};

struct Param {
  Name name;
  TypeRefPtr type;
};
struct FnDecl {  // `fn name(a: T, ...): R = expr`
  Name name;
  std::vector<Param> params;
  TypeRefPtr result;
  ExprId body = kNoExpr;
};

// ---------------------------------------------------------------------------------------------
// Journeys: header clauses

struct EventEntry {  // `entry on E [as n] [when c]`
  Name event;
  std::optional<Name> binding;
  ExprId when = kNoExpr;
};
struct AudienceEntry {  // `entry on audience A [exit]`
  Name audience;
  bool onExit = false;
};
struct Schedule {
  enum class Kind : uint8_t { DayAt, WeekdayAt, Hour, Every, Cron } kind = Kind::DayAt;
  Weekday weekday = Weekday::Monday;  // WeekdayAt
  TimeOfDay time;                     // DayAt, WeekdayAt
  ExprId every = kNoExpr;             // Every: a duration
  std::string cron;                   // Cron: "m h dom mon dow"
  SourceRange range;
};
struct ScheduledEntry {  // `entry every SCHEDULE [in TZ] for audience A [incremental]`
  Schedule schedule;
  ExprId timezone = kNoExpr;
  Name audience;
  bool incremental = false;
};
struct AtEntry {  // `entry at TIMESTAMP for audience A`
  ExprId at = kNoExpr;
  Name audience;
};
using EntryKind = std::variant<EventEntry, AudienceEntry, ScheduledEntry, AtEntry>;

struct EntryClause { EntryKind kind; };
struct KeyClause { ExprId key = kNoExpr; };
struct ReentryClause {
  enum class Kind : uint8_t { Never, Always, After } kind = Kind::Always;
  ExprId after = kNoExpr;
};
struct ExitOnClause {
  Name event;
  std::optional<Name> binding;
  ExprId when = kNoExpr;
};
struct ExitWhenClause { ExprId condition = kNoExpr; };
struct TimeoutClause { ExprId duration = kNoExpr; };
struct TimezoneClause { ExprId zone = kNoExpr; };
struct QuietHoursClause {
  TimeOfDay from, to;
  bool discard = false;  // default: queue
};
using ClauseKind = std::variant<EntryClause, KeyClause, ReentryClause, ExitOnClause, ExitWhenClause,
                                TimeoutClause, TimezoneClause, QuietHoursClause, CapDecl>;
struct Clause {
  ClauseKind kind;
  SourceRange range;
};

// ---------------------------------------------------------------------------------------------
// Journeys: steps

struct Step;
using Block = std::vector<Step>;

struct WaitStep { ExprId duration = kNoExpr; };                 // `wait D`
struct WaitUntilStep { ExprId at = kNoExpr; };                  // `wait until expr`
struct WaitUntilTimeStep {                                      // `wait until HH:MM [on WEEKDAY]`
  TimeOfDay time;
  std::optional<Weekday> weekday;
};
struct AwaitedEvent {
  Name event;
  std::optional<Name> binding;  // default: the event name is not a binding; see checker
  ExprId when = kNoExpr;
  SourceRange range;
};
struct OnHandler {
  Name binding;
  Block body;
  SourceRange range;
};
struct WaitForStep {  // `wait for E as n [when c], ... [within D] { on n {...} ... timeout {...} }`
  std::vector<AwaitedEvent> events;
  ExprId within = kNoExpr;
  std::vector<OnHandler> handlers;
  std::optional<Block> timeout;
  SourceRange timeoutRange;
};
struct IfBranch {
  ExprId condition = kNoExpr;
  Block body;
  SourceRange range;
};
struct IfStep {  // `if c {...} else if c {...} else {...}`
  std::vector<IfBranch> branches;
  std::optional<Block> elseBody;
};
struct SplitArm {
  int64_t percent = 0;
  SourceRange percentRange;
  Block body;
};
struct SplitStep {  // `split "name" { P% {...} ... }`
  std::string name;
  SourceRange nameRange;
  std::vector<SplitArm> arms;
};
struct SendStep {  // `send CHANNEL "template" [{ field: expr, ... }]`
  Name channel;
  std::string templateName;
  SourceRange templateRange;
  std::vector<FieldInit> payload;
};
struct CallStep {  // `call ACTION [{ ... }] [as r] [on error {...}]`
  Name action;
  std::vector<FieldInit> args;
  std::optional<Name> binding;
  std::optional<Block> onError;
};
struct SetStep {  // `set profile.path = expr`
  std::vector<Name> path;  // including the leading `profile`
  ExprId value = kNoExpr;
};
struct LetStep {  // `let name = expr`
  Name name;
  ExprId value = kNoExpr;
};
struct EmitStep {  // `emit E { ... }`
  Name event;
  std::vector<FieldInit> fields;
};
struct GotoStep { Name journey; };  // `goto J`
struct EndStep {                   // `end ["reason"]`
  std::optional<std::string> reason;
};

using StepKind = std::variant<WaitStep, WaitUntilStep, WaitUntilTimeStep, WaitForStep, IfStep,
                              SplitStep, SendStep, CallStep, SetStep, LetStep, EmitStep, GotoStep,
                              EndStep>;
struct Step {
  StepKind kind;
  SourceRange range;  // the whole step; `range.begin` is what output records name as `step`
};

struct JourneyDecl {
  Name name;
  std::vector<Clause> clauses;
  Block steps;
};

using DeclKind = std::variant<ImportDecl, TypeDecl, SchemaDecl, EventDecl, ChannelDecl,
                              AudienceDecl, ActionDecl, CapDecl, ConstDecl, FnDecl, JourneyDecl>;
struct Decl {
  DeclKind kind;
  SourceRange range;
};

// ---------------------------------------------------------------------------------------------
// Tests (`journey test`): not part of the program; `journey test` runs them against it.

// A string written in a test (a time, a profile id, a template), with where it was written.
struct TestString {
  std::string text;
  SourceRange range;
};

// `profile { ... }`, `at "T" event E [for "p"] { ... }`, `at "T" set [for "p"] { ... }`. The
// fields are literals, read like a line of the profiles or events file.
struct TestInput {
  enum class Kind : uint8_t { Profile, Event, Set } kind = Kind::Profile;
  TestString time;                    // Event, Set
  Name event;                         // Event
  std::optional<TestString> profile;  // `for "p"`: else the last profile declared
  std::vector<FieldInit> fields;
};

// `until "T"`: the clock runs at least to T.
struct TestUntil {
  TestString time;
};

// `expect [no] WORD... ["text"] [at "T"] [for "p"]`: the words name the record kind and what
// it is about (`send email`, `exit CartRecovery`, `audience Gold enter`).
struct TestExpect {
  std::vector<Name> words;  // `no` included, as written
  std::optional<TestString> text;
  std::optional<TestString> at;
  std::optional<TestString> profile;
};

using TestStmtKind = std::variant<TestInput, TestUntil, TestExpect>;
struct TestStmt {
  TestStmtKind kind;
  SourceRange range;

  // The time the statement names (an event's or a set's, an `until`'s, an expectation's
  // `at`); null for a profile and an expectation without one.
  const TestString* time() const {
    if (auto* in = std::get_if<TestInput>(&kind)) {
      return in->kind == TestInput::Kind::Profile ? nullptr : &in->time;
    }
    if (auto* until = std::get_if<TestUntil>(&kind)) return &until->time;
    const std::optional<TestString>& at = std::get<TestExpect>(kind).at;
    return at ? &*at : nullptr;
  }
};

struct TestDecl {  // `test "name" { ... }`
  TestString name;
  std::vector<TestStmt> stmts;
  SourceRange range;
};

// One parsed file. Expression ids index `exprs` of the Ast that owns the module.
struct Module {
  FileId file = kNoFile;
  std::vector<Decl> decls;
  std::vector<TestDecl> tests;  // in file order, interleaved with `decls` by their ranges
};

// All modules of one program share one expression arena.
struct Ast {
  std::vector<Expr> exprs;
  std::vector<Module> modules;

  ExprId add(ExprNode node, SourceRange range) {
    exprs.push_back(Expr{std::move(node), range});
    return static_cast<ExprId>(exprs.size() - 1);
  }
  const Expr& operator[](ExprId id) const { return exprs[id]; }
  Expr& operator[](ExprId id) { return exprs[id]; }
};

const char* macroName(MacroKind k);
const char* weekdayName(Weekday d);

// A chain of plain selections on an identifier, `a.b.c` or `.a.b.c`, as one dotted path: how
// CEL finds qualified names such as `math.abs` or a variable bound as `a.b`. `rooted` for a
// leading dot (the outermost scope's names only); an empty path for anything else.
struct NamePath {
  std::string path;
  bool rooted = false;
};
NamePath namePath(const Ast& ast, ExprId e);
// Whether `prefix` names the start of `path` up to one of its dots (`a` and `a.b` of `a.b.c`).
bool isNamePrefix(std::string_view prefix, std::string_view path);
// The same without a leading dot; "" for a rooted chain as for anything else.
std::string dottedName(const Ast& ast, ExprId e);

}  // namespace journey::ast
