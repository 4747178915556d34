#include "compiler/syntax/foreign_habits.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>

#include "JourneyLexer.h"
#include "compiler/sema/suggest.h"
#include "compiler/syntax/token_kinds.h"

namespace journey::syntax {

using grammar::JourneyLexer;

namespace {

const char* kLogic = "CEL's logical operators are `&&`, `||` and `!`";

// Whether the parser would have taken a keyword there (`per`, `to`): then an operator is not
// what is missing.
bool keywordDue(const HabitContext& c) {
  if (c.keywords == nullptr) return false;
  for (ssize_t type : c.keywords->toList()) {
    if (isContextualKeyword(static_cast<size_t>(type))) return true;
  }
  return false;
}

// The duration unit an English word names (`days` → `d`), or nothing.
std::optional<std::string_view> durationUnitNamed(std::string_view word) {
  static constexpr std::pair<std::string_view, std::string_view> kUnits[] = {
      {"week", "w"},   {"weeks", "w"},   {"wk", "w"},       {"wks", "w"},
      {"day", "d"},    {"days", "d"},    {"hour", "h"},     {"hours", "h"},
      {"hr", "h"},     {"hrs", "h"},     {"minute", "m"},   {"minutes", "m"},
      {"min", "m"},    {"mins", "m"},    {"second", "s"},   {"seconds", "s"},
      {"sec", "s"},    {"secs", "s"},    {"millisecond", "ms"}, {"milliseconds", "ms"},
      {"w", "w"},      {"d", "d"},       {"h", "h"},        {"m", "m"},
      {"s", "s"},      {"ms", "ms"}};
  for (const auto& [name, unit] : kUnits) {
    if (sema::sameIgnoringCase(name, word)) return unit;
  }
  return std::nullopt;
}

// The statement's text after its first word, without the blanks around it (`sms 2` in
// `cap sms 2`).
std::string_view afterFirstWord(std::string_view statement) {
  size_t start = std::min(statement.find_first_of(" \t"), statement.size());
  std::string_view rest = statement.substr(start);
  rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
  return rest.substr(0, rest.find_last_not_of(" \t") + 1);
}

// The statement's second word (`sms` in `cap sms 2/1d`), or `fallback`.
std::string secondWord(std::string_view statement, std::string_view fallback) {
  std::string_view rest = afterFirstWord(statement);
  std::string_view word = rest.substr(0, rest.find_first_of(" \t"));
  return std::string(word.empty() ? fallback : word);
}

// Operators as other languages write them: `and`, `or`, `not`, `===`, `=` to compare, and an
// operator that starts a line.
std::optional<std::string> logicHabit(const HabitContext& c) {
  bool word = c.foundType == JourneyLexer::IDENT;
  // `a and b`, `a or b`: an expression parsed, then a name where an operator could go.
  if (word && c.afterExpression && !keywordDue(c) && (c.found == "and" || c.found == "or")) {
    return std::string("write `") + (c.found == "and" ? "&&" : "||") + "`: " + kLogic;
  }
  // `{ a: x and y }`: in a block of fields `and` parses as the next field's name, then `y`
  // comes where its `:` is due.
  if (c.prevType == JourneyLexer::IDENT && (c.prev == "and" || c.prev == "or") && c.colonDue &&
      endsOperand(c.beforePrevType) && isExpressionStart(c.foundType)) {
    return std::string("write `") + (c.prev == "and" ? "&&" : "||") + "` for `" +
           std::string(c.prev) + "`: " + kLogic;
  }
  // `{ a: not b }`: `b` parses as the next field's name, then its `:` is due.
  if (c.colonDue && c.prevType == JourneyLexer::IDENT && c.beforePrevType == JourneyLexer::IDENT &&
      c.beforePrev == "not") {
    return std::string("write `!` for `not`: ") + kLogic;
  }
  // `not a`: `not` parsed as a name, then an operand where none can follow.
  if (c.prevType == JourneyLexer::IDENT && c.prev == "not" && c.afterExpression &&
      isExpressionStart(c.foundType)) {
    return std::string("write `!` for `not`: ") + kLogic;
  }
  // `a === b`, `a !== b`.
  if (c.foundType == JourneyLexer::ASSIGN && c.adjacent &&
      (c.prevType == JourneyLexer::EQ || c.prevType == JourneyLexer::NE)) {
    std::string op = c.prevType == JourneyLexer::EQ ? "==" : "!=";
    return "write `" + op + "`: CEL has no `" + op + "=`";
  }
  // `if a = b`: an expression, then `=` where it gives no value.
  if (c.foundType == JourneyLexer::ASSIGN && c.afterExpression) {
    return "to compare, write `==`; `=` only gives a value (`let`, `set`, `const`, a "
           "field's default)";
  }
  // `-50% { … }` in a split: an arm's share is a positive percentage, not an expression.
  if (c.inArms && c.foundType == JourneyLexer::MINUS && c.nextType == JourneyLexer::INT) {
    return "a split's arm takes a share from 1% to 100% of the instances";
  }
  // `&& b` starting a line, as some languages allow. Here the line before ended the
  // statement; an operator at its end would have continued it.
  if (c.lineStart && c.lineBreakBefore &&
      (isBinaryOperator(c.foundType) || c.foundType == JourneyLexer::DOT)) {
    return "a statement ends with its line unless the line ends with an operator: put `" +
           std::string(c.found) + "` at the end of the line before (ahead of a `//` comment there)";
  }
  return std::nullopt;
}

// Durations and times as other languages write them: `2 days`, `wait until monday 09:00`,
// `wait for 1h`.
std::optional<std::string> timeHabit(const HabitContext& c) {
  bool word = c.foundType == JourneyLexer::IDENT;
  // `wait 2 days`: a number, then a unit's name (a keyword for `hours`) where the statement
  // could end.
  if (c.prevType == JourneyLexer::INT) {
    if (std::optional<std::string_view> unit = durationUnitNamed(c.found)) {
      return "a duration is one word, its unit after the number: `" + std::string(c.prev) +
             std::string(*unit) + "` (units: `w`, `d`, `h`, `m`, `s`, `ms`)";
    }
  }
  // `wait until monday 09:00`: the time of day comes first.
  if (c.statementWord == JourneyLexer::WAIT && c.foundType == JourneyLexer::INT &&
      c.prevType == JourneyLexer::IDENT && c.beforePrevType == JourneyLexer::UNTIL) {
    static constexpr std::string_view kDays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                                 "friday", "saturday", "sunday"};
    for (std::string_view day : kDays) {
      if (sema::sameIgnoringCase(day, c.prev)) {
        return "the time of day comes first: `wait until HH:MM on " + std::string(day) + "`";
      }
    }
  }
  // `wait for 1h`: `wait for` waits for events.
  if (c.prevType == JourneyLexer::FOR && c.beforePrevType == JourneyLexer::WAIT && !word &&
      isExpressionStart(c.foundType)) {
    return "to wait a length of time, write `wait` without `for` (`wait 1h`); "
           "`wait for` waits for events";
  }
  return std::nullopt;
}

// Declarations as other languages write them: functions, values, list types, an event's
// `retain`, an action's settings, a frequency rule, a test's name.
std::optional<std::string> declarationHabit(const HabitContext& c) {
  bool word = c.foundType == JourneyLexer::IDENT;
  // Functions as other languages declare them: `def f(x)`, `fn f(x)`, `fn f(): int { return … }`.
  bool declarationDue =
      c.keywords != nullptr && c.keywords->contains(static_cast<size_t>(JourneyLexer::FN));
  // (CEL reserves `function`, `var` and `let`: they are words of their own, not names.)
  if (c.lineStart && declarationDue &&
      (c.found == "def" || c.found == "func" || c.found == "function" || c.found == "fun")) {
    return "a function is declared with `fn`: `fn name(x: int): int = x + 1`";
  }
  if (c.lineStart && declarationDue && (c.found == "let" || c.found == "var" || c.found == "val")) {
    return "a value for the whole program is declared with `const`: `const NAME = …` "
           "(`let` names a value inside a journey)";
  }
  if (c.lineStart && c.keywords != nullptr &&
      c.keywords->contains(static_cast<size_t>(JourneyLexer::LET)) &&
      (c.found == "var" || c.found == "val" || c.found == "const")) {
    return "a value in a journey is named with `let`: `let name = …`";
  }
  if (c.statementWord == JourneyLexer::FN && c.prevType == JourneyLexer::IDENT &&
      (c.foundType == JourneyLexer::RPAREN || c.foundType == JourneyLexer::COMMA) &&
      c.keywords != nullptr && c.keywords->contains(static_cast<size_t>(JourneyLexer::COLON))) {
    return "a parameter names its type: `" + std::string(c.prev) + ": int`";
  }
  if (c.statementWord == JourneyLexer::FN && c.foundType == JourneyLexer::LBRACE &&
      c.keywords != nullptr && c.keywords->contains(static_cast<size_t>(JourneyLexer::ASSIGN))) {
    return "a `fn` is one expression after `=`, without `{ return … }`: "
           "`fn name(x: int): int = x + 1`";
  }
  // `tags: string[]`: a list's type names its items' type in angle brackets.
  if (c.foundType == JourneyLexer::LBRACKET && c.prevType == JourneyLexer::IDENT &&
      c.beforePrevType == JourneyLexer::COLON) {
    return "a list's type is written `list<" + std::string(c.prev) + ">`";
  }
  // `event E { … } retain 30d`: the clause comes before the fields.
  if (c.foundType == JourneyLexer::RETAIN && c.prevType == JourneyLexer::RBRACE) {
    return "`retain` comes before an event's fields: `event E retain 30d { … }`";
  }
  // `method: "POST",` as in JSON: an action's settings are words and values, one per line.
  if (c.foundType == JourneyLexer::COLON &&
      (c.prevType == JourneyLexer::METHOD || c.prevType == JourneyLexer::URL ||
       c.prevType == JourneyLexer::RETRIES) &&
      c.prevType == c.statementWord) {
    return "an action's settings take no `:`: `method POST`, `url \"https://…\"`, "
           "`retries 2`, each on its own line";
  }
  // `cap sms 2/1d`, `cap sms 2 in 1d`: the rule's words are fixed.
  if (c.statementWord == JourneyLexer::CAP && c.keywords != nullptr &&
      c.keywords->contains(static_cast<size_t>(JourneyLexer::PER))) {
    return "a frequency rule reads `cap CHANNEL COUNT per WINDOW`: `cap " +
           secondWord(c.statement, "email") + " 3 per 7d`";
  }
  // `quiet hours` on a channel or for the file, where other tools set it: a journey's clause.
  bool quietAtFile = c.foundType == JourneyLexer::QUIET && c.nextType == JourneyLexer::HOURS &&
                     c.keywords != nullptr &&
                     c.keywords->contains(static_cast<size_t>(JourneyLexer::JOURNEY));
  bool quietInChannel = c.prevType == JourneyLexer::QUIET && c.foundType == JourneyLexer::HOURS &&
                        c.colonDue;
  if (quietAtFile || quietInChannel) {
    // The user's own clause, as far as its line goes before a comment or a closing brace.
    std::string clause = std::string(quietInChannel ? "quiet " : "") +
                         std::string(c.lineRest.substr(0, c.lineRest.find_first_of("/}")));
    while (!clause.empty() && clause.back() == ' ') clause.pop_back();
    return "`quiet hours` is a journey's header clause, not a channel's or the file's: write `" +
           clause + "` on a line of its own in each journey, after its `entry`";
  }
  // `test ships { … }`: a test is named by a string, as a template is.
  if (word && c.prevType == JourneyLexer::TEST) {
    return "a test is named by a string: `test \"" + std::string(c.found) + "\"`";
  }
  return std::nullopt;
}

// Clauses and steps as other languages write them: assignments, `emit E(…)`, `send … to`,
// `where` for `when`, `elif`, and the like.
std::optional<std::string> stepHabit(const HabitContext& c) {
  bool word = c.foundType == JourneyLexer::IDENT;
  // `entry every day at 09:00 in Active`: `in` gives the time zone, `for audience` the members.
  if (c.statementWord == JourneyLexer::ENTRY && c.prevType == JourneyLexer::IDENT &&
      c.beforePrevType == JourneyLexer::IN && c.keywords != nullptr &&
      c.keywords->contains(static_cast<size_t>(JourneyLexer::FOR))) {
    return "`in` gives the schedule's time zone (`in \"Europe/Paris\"`); its audience follows "
           "`for audience`: `for audience " + std::string(c.prev) + "`";
  }
  // `split "s" { 50% { … } 50% { … } }`, `on a { … } on b { … }` on one line: the arms and
  // handlers are separate statements.
  if (c.inArms && c.prevType == JourneyLexer::RBRACE && !c.lineBreakBefore &&
      (c.foundType == JourneyLexer::INT || c.foundType == JourneyLexer::ON ||
       c.foundType == JourneyLexer::TIMEOUT)) {
    return "start each arm or handler on a line of its own (or after `;`)";
  }
  // `total = total + 1`, `profile.points = 3`: a step that assigns.
  bool stepDue =
      c.keywords != nullptr && c.keywords->contains(static_cast<size_t>(JourneyLexer::LET));
  if (word && c.lineStart && stepDue && c.found == "profile" && c.nextType == JourneyLexer::DOT) {
    return "the profile is changed with `set`: `set profile.… = …`";
  }
  if (word && c.lineStart && stepDue && c.nextType == JourneyLexer::ASSIGN) {
    return "a name is given its value once, with `let " + std::string(c.found) +
           " = …`, and keeps it; the profile is changed with `set profile.… = …`";
  }
  // `emit E(n: 1)`: an event's fields go in braces.
  if (c.statementWord == JourneyLexer::EMIT && c.foundType == JourneyLexer::LPAREN) {
    return "an event's fields go in braces: `emit " + std::string(c.prev) + " { field: … }`";
  }
  // `send email "x" to profile.email`: the channel's declaration gives the address.
  if (c.statementWord == JourneyLexer::SEND && c.foundType == JourneyLexer::TO) {
    return "a send's address comes from its channel's declaration (`channel " +
           secondWord(c.statement, "email") +
           " { address: … }`); the send names a template and, in braces, its fields";
  }
  // `set profile.n += 1`: `set` gives the whole new value.
  if (c.statementWord == JourneyLexer::SET && c.keywords != nullptr &&
      c.keywords->contains(static_cast<size_t>(JourneyLexer::ASSIGN)) &&
      (c.foundType == JourneyLexer::PLUS || c.foundType == JourneyLexer::MINUS ||
       c.foundType == JourneyLexer::STAR || c.foundType == JourneyLexer::SLASH)) {
    std::string target(afterFirstWord(c.statement));
    return "`set` has no `" + std::string(c.found) + "=`: write `set " + target + " = " + target +
           " " + std::string(c.found) + " …`";
  }
  // `quiet hours 21:00 - 08:00`: the window's ends are joined by `to`.
  if (c.foundType == JourneyLexer::MINUS && c.keywords != nullptr &&
      c.keywords->contains(static_cast<size_t>(JourneyLexer::TO))) {
    return "join the two times with `to`: `quiet hours 21:00 to 08:00`";
  }
  // `send email welcome`, `send email welcome-back`: the template is named by a string, the
  // whole name up to its fields or the line's end. `send email p.orderId`: by a constant one.
  if (word && c.beforePrevType == JourneyLexer::SEND && c.prevType == JourneyLexer::IDENT) {
    std::string_view name = c.lineRest.substr(0, c.lineRest.find_first_of("{/\r"));
    name = name.substr(0, name.find_last_not_of(" \t") + 1);
    std::string send = "send " + std::string(c.prev) + " \"";
    if (c.nextType == JourneyLexer::DOT || c.nextType == JourneyLexer::LPAREN ||
        c.nextType == JourneyLexer::LBRACKET) {
      return "a template is named by a string written in the file (`" + send +
             "name\"`); what varies goes in its fields: `" + send + "name\" { value: " +
             std::string(name) + " }`";
    }
    constexpr std::string_view kNameBytes =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
    if (name.find_first_not_of(kNameBytes) != std::string_view::npos) name = c.found;
    return "a template is named by a string: `" + send + std::string(name) + "\"`";
  }
  // `entry on E as e where c`, as in SQL: a condition on an event is `when`, after the event's
  // name; in a `wait for`, before `within` (`within 3d when c` too).
  bool eventStatement = c.statementWord == JourneyLexer::ENTRY ||
                        c.statementWord == JourneyLexer::EXIT ||
                        c.statementWord == JourneyLexer::WAIT;
  if (eventStatement &&
      ((word && c.found == "where") || (c.foundType == JourneyLexer::WHEN && c.withinBefore))) {
    return c.withinBefore ? "an awaited event's condition follows its name, before `within`: "
                            "`wait for E as e when … within D`"
                          : "write `when`: a condition on an event follows its name "
                            "(`on E as e when …`)";
  }
  if (word && c.prevType == JourneyLexer::RBRACE &&
      (c.found == "elif" || c.found == "elsif" || c.found == "elseif")) {
    return "write `else if`";
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> foreignHabitHelps(const HabitContext& c) {
  std::vector<std::string> helps;
  for (auto habit : {logicHabit, timeHabit, declarationHabit, stepHabit}) {
    if (std::optional<std::string> help = habit(c)) {
      helps.push_back(std::move(*help));
      return helps;
    }
  }
  bool word = c.foundType == JourneyLexer::IDENT;
  // A keyword misspelt where the parser expected keywords (a name was not due: it would have
  // parsed). After a complete statement the parser expects none, and which would fit is
  // not known: no guess then.
  if (word && !c.afterStatement && c.keywords != nullptr) {
    std::vector<std::string> candidates;
    for (ssize_t type : c.keywords->toList()) {
      std::string spelling = keywordSpelling(static_cast<size_t>(type));
      if (!spelling.empty()) candidates.push_back(spelling);
    }
    if (std::optional<std::string> close = sema::closestName(c.found, candidates)) {
      helps.push_back("did you mean `" + *close + "`?");
    }
  }
  return helps;
}

}  // namespace journey::syntax
