#include "tools/journey/repl/commands.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <sstream>

#include "compiler/sema/suggest.h"
#include "tools/journey/explain.h"
#include "tools/journey/repl/input_kind.h"
#include "tools/journey/repl/line_source.h"
#include "tools/journey/repl/state_report.h"
#include "vm/runtime/line_reader.h"
#include "vm/runtime/time_math.h"
#include "vm/value/checked_arith.h"
#include "vm/value/value_convert.h"

namespace journey::repl {

namespace {

// The first word of `text`, and what follows it (trimmed).
std::pair<std::string_view, std::string_view> splitWord(std::string_view text) {
  text = trimmed(text);
  size_t end = 0;
  while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
  return {text.substr(0, end), trimmed(text.substr(end))};
}

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for (auto [word, rest] = splitWord(text); !word.empty(); std::tie(word, rest) = splitWord(rest)) {
    out.emplace_back(word);
  }
  return out;
}

// A command's arguments without their line comments: a `//` that starts a word outside a
// double-quoted string (JSON's, a quoted id's) runs to the end of its line. Expressions are
// left to their parser, which knows CEL's quotes; `a//b.journey` is a path, not a comment.
std::string withoutComments(std::string_view args) {
  std::string out;
  bool inString = false;
  for (size_t i = 0; i < args.size(); ++i) {
    char c = args[i];
    if (inString) {
      if (c == '\\' && i + 1 < args.size()) {
        out += c;
        c = args[++i];
      } else if (c == '"' || c == '\n') {
        inString = false;
      }
    } else if (c == '"') {
      inString = true;
    } else if (args.substr(i, 2) == "//" &&
               (i == 0 || std::isspace(static_cast<unsigned char>(args[i - 1])))) {
      size_t eol = args.find('\n', i);
      if (eol == std::string_view::npos) break;
      i = eol;
      c = '\n';
    }
    out += c;
  }
  return std::string(trimmed(out));
}

bool fail(Session& s, std::string_view message) {
  s.console().error(message);
  return false;
}

// The first key of `json` written without quotes (`{plan: "x"}`), as CEL and test data write
// them; empty when there is none.
std::string_view bareKey(std::string_view json) {
  bool inString = false;
  for (size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (inString) {
      if (c == '\\') ++i;
      else if (c == '"') inString = false;
      continue;
    }
    if (c == '"') inString = true;
    if (c != '{' && c != ',') continue;
    size_t k = json.find_first_not_of(" \t", i + 1);
    size_t end = k;
    while (end < json.size() && (std::isalnum(static_cast<unsigned char>(json[end])) ||
                                 json[end] == '_')) {
      ++end;
    }
    if (end != k && json.find_first_not_of(" \t", end) == json.find(':', end)) {
      return json.substr(k, end - k);
    }
  }
  return {};
}

// A refused JSON input's reason, with the likeliest fix when its keys are not quoted.
std::string refusal(std::string why, std::string_view json) {
  std::string_view key = why.starts_with("not JSON") ? bareKey(json) : std::string_view();
  if (!key.empty()) why += "; JSON quotes its keys: \"" + std::string(key) + "\": …";
  return why;
}

// The line of a JSON-lines profiles file whose id is `id`: the last one that fits the schema,
// as in `journey run`, where a later line with the same id wins and a refused one is not
// applied. Without one, the error says why the last line naming the id was refused.
std::optional<std::string> profileLine(Session& s, const std::string& path, const std::string& id) {
  // Read as `journey run` reads profiles (its bound on a line, a byte order mark, CRLF), but
  // stopping at a line over the bound: reading on past a line without end (`/dev/zero`) would
  // never come back to the prompt.
  runtime::LineReader in(path, runtime::LineReader::OverlongLines::Stop);
  if (!in.ok()) {
    fail(s, "cannot read `" + path + "`: " + in.whyNot());
    return std::nullopt;
  }
  std::optional<std::string> found;
  std::string refused;  // why the last line naming the id was refused, as `journey run` says
  for (std::string_view line; in.next(line);) {
    SessionRuntime::ProfileLine read = s.run().readProfileLine(std::string(line));
    if (read.id != id) continue;
    if (!read.refused) {
      found = line;
    } else {
      refused = fmt::format("`{}` line {}, the profile \"{}\", is refused: {}", path,
                            in.lineNumber(), id, *read.refused);
    }
  }
  if (!in.failure().empty()) {
    fail(s, "cannot read `" + path + "`: " + in.failure());
    return std::nullopt;
  }
  if (!found) {
    fail(s, !refused.empty() ? refused
                             : fmt::format("`{}` has no profile with the id \"{}\"", path, id));
  }
  return found;
}

// The ID of `:profile ID` and `:profile FILE ID`: one word, or a string literal.
std::optional<std::string> profileIdArgument(Session& s, std::string_view text) {
  if (text.front() != '"') {
    if (words(text).size() == 1) return std::string(text);
    fail(s, "`:profile` takes a JSON object, FILE ID, or the ID of a known profile (an ID with "
            "spaces in quotes)");
    return std::nullopt;
  }
  std::optional<Value> id = s.value(std::string(text));
  if (!id) return std::nullopt;
  if (id->kind() != ValueKind::String) {
    fail(s, "a quoted profile ID is one string literal: `:profile \"p 1\"`");
    return std::nullopt;
  }
  return std::string(id->asString());
}

bool profileCommand(Session& s, std::string_view args) {
  if (args.empty()) {
    if (s.run().currentProfile().empty())
      return fail(s, "no current profile: `:profile JSON`, `:profile FILE ID` or `:profile ID`");
    return s.evaluate("profile");
  }
  std::string json;
  if (args[0] == '{') {
    json = args;
  } else {
    // `ID` or `FILE ID`; an id with spaces is written as a string literal (`:profile "p 1"`).
    auto [first, rest] = args[0] == '"' ? std::pair{args, std::string_view{}} : splitWord(args);
    std::optional<std::string> id = profileIdArgument(s, rest.empty() ? first : rest);
    if (!id) return false;
    if (rest.empty()) {
      if (std::optional<std::string> why = s.run().selectProfile(*id)) return fail(s, *why);
      s.console().print("current profile " + *id);
      return true;
    }
    std::optional<std::string> line = profileLine(s, std::string(first), *id);
    if (!line) return false;
    json = *line;
  }
  s.run().markOutput();
  if (std::optional<std::string> why = s.run().addProfile(json)) {
    return fail(s, "the profile is refused: " + refusal(*why, json));
  }
  std::string what = "current profile " + s.run().currentProfile();
  // Once the clock runs, a profile arrives as a record: say what it caused.
  if (s.run().running()) {
    s.reportOutput(what);
  } else {
    s.console().print(what);
  }
  return true;
}

bool eventCommand(Session& s, std::string_view args) {
  auto [name, data] = splitWord(args);
  if (name.empty() || name.front() == '{')  // the name left out
    return fail(s, "`:event` takes an event name and its data: `:event NAME {JSON}`");
  s.run().markOutput();
  if (std::optional<std::string> why = s.run().sendEvent(std::string(name), std::string(data))) {
    return fail(s, std::string(name) + ": " + refusal(*why, data));
  }
  s.reportOutput(fmt::format("{} at {}", name, formatTimestamp(s.run().now())));
  return true;
}

bool setCommand(Session& s, std::string_view args) {
  if (args.empty() || args[0] != '{')
    return fail(s, "`:set` takes a JSON object: `:set {\"tier\": \"gold\"}`");
  s.run().markOutput();
  if (std::optional<std::string> why = s.run().setProfile(std::string(args)))
    return fail(s, "set: " + refusal(*why, args));
  s.reportOutput(fmt::format("set at {}", formatTimestamp(s.run().now())));
  return true;
}

// Forward, the clock moves a day at a time, so that Ctrl-C can stop a move that fires more
// timers than expected (a schedule every minute, across months); the whole move is bounded as
// each step is (SessionRuntime::advanceTo).
bool moveClock(Session& s, Timestamp to) {
  constexpr Duration kStep{86400, 0};
  const Timestamp from = s.run().now();
  if (std::optional<std::string> why = s.run().tooFarAhead(to)) return fail(s, *why);
  s.run().markOutput();
  takeInterrupt();  // a Ctrl-C pressed before this move does not stop it
  std::string stopped;
  Timestamp at = from;
  do {
    at = from < to ? std::min(to, runtime::plusDuration(at, kStep)) : to;
    if (std::optional<std::string> why = s.run().advanceTo(at)) return fail(s, *why);
    if (at < to && takeInterrupt()) {
      stopped = " (stopped by Ctrl-C on the way to " + formatTimestamp(to) + ")";
    }
  } while (at < to && stopped.empty());
  s.reportOutput("now " + formatTimestamp(s.run().now()) + stopped);
  return true;
}

bool advanceCommand(Session& s, std::string_view args) {
  if (args.empty()) return fail(s, "`:advance` takes a duration: `:advance 1h`");
  std::optional<Value> d = s.value(std::string(args));
  if (!d) return false;
  if (d->kind() != ValueKind::Duration)
    return fail(s, "`:advance` takes a duration, such as `2d` or `90m`");
  if (d->asDuration() < Duration{}) return fail(s, "the clock cannot go back");
  // Past the last representable time the move is refused, as `:until` beyond it is.
  Value to = addTimestampDuration(s.run().now(), d->asDuration());
  if (to.isError()) {
    return fail(s, "the clock cannot move there: " + std::string(to.errorMessage()));
  }
  return moveClock(s, to.asTimestamp());
}

bool untilCommand(Session& s, std::string_view args) {
  Value t = parseTimestamp(args);
  if (t.isError())
    return fail(s, "`:until` takes an RFC 3339 time such as 2026-03-02T10:00:00Z: " +
                       std::string(t.errorMessage()));
  // Before the clock runs, `:until` sets where it starts, whatever the wall clock says: as in
  // `journey run`, the clock starts at the first record (an event, an update) or `:advance`.
  if (!s.run().running()) {
    s.run().moveStart(t.asTimestamp());
    s.console().print("now " + formatTimestamp(s.run().now()) +
                      ": the clock starts here at the first event, update or `:advance`");
    return true;
  }
  return moveClock(s, t.asTimestamp());
}

bool outCommand(Session& s) {
  auto [lines, dropped] = s.run().takeOutput();
  if (lines.empty() && dropped == 0) {
    s.console().print("no output records since the last `:out`");
    return true;
  }
  std::string text;
  if (dropped > 0) {
    text = fmt::format("({} earlier output record{} not held: the REPL holds the last {}; "
                       "`journey run --out FILE` writes every one)",
                       dropped, dropped == 1 ? "" : "s", kHeldOutputRecords);
  }
  for (const std::string& l : lines) text += (text.empty() ? "" : "\n") + l;
  s.console().print(text);
  return true;
}

bool emitCommand(Session& s, std::string_view args) {
  auto [stage, expr] = splitWord(args);
  static const std::vector<std::string_view> stages = {"ast", "typed", "ir", "bytecode", "llvm"};
  if (std::find(stages.begin(), stages.end(), stage) == stages.end() || expr.empty()) {
    return fail(s, "`:emit` takes a stage (ast, typed, ir, bytecode or llvm) and an expression");
  }
  return s.emit(std::string(stage), std::string(expr));
}

struct Command {
  std::string_view name;
  std::string_view usage;
  std::string_view help;
  bool (*run)(Session&, std::string_view);
};

// Whether the command's arguments are (or end with) an expression, which its parser reads.
bool takesExpression(const Command& c) {
  return c.usage.find("EXPR") != std::string_view::npos ||
         c.usage.find("DURATION") != std::string_view::npos;
}

bool help(Session& s, std::string_view);

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {":help", "", "this list", help},
      {":quit", "", "end the session (or Ctrl-D)", nullptr},
      {":load", "FILE…", "add .journey files to the program",
       [](Session& s, std::string_view a) {
         if (a.empty()) return fail(s, "`:load` takes one or more .journey files");
         return s.load(words(a));
       }},
      {":reload", "", "read the loaded files again",
       [](Session& s, std::string_view) { return s.reload(); }},
      {":type", "EXPR", "the static type of an expression",
       [](Session& s, std::string_view a) {
         if (a.empty()) return fail(s, "`:type` takes an expression");
         return s.showType(std::string(a));
       }},
      {":profile", "JSON | FILE ID | ID", "set the current profile (no argument: show it)",
       profileCommand},
      {":event", "NAME {JSON}", "send an event for the current profile now", eventCommand},
      {":set", "{JSON}", "update the current profile now", setCommand},
      {":advance", "DURATION", "move the clock on, firing timers", advanceCommand},
      {":until", "TIMESTAMP", "move the clock to a time, firing timers", untilCommand},
      {":state", "", "the clock, memberships, active instances, held sends, next ticks",
       [](Session& s, std::string_view) {
         s.console().print(describeState(s.run()));
         return true;
       }},
      {":out", "", "the output records since the last `:out`",
       [](Session& s, std::string_view) { return outCommand(s); }},
      {":reset", "", "forget profiles, events, instances and output; keep the program",
       [](Session& s, std::string_view) {
         s.run().reset();
         s.console().print("the simulation is reset; the clock is at " +
                           formatTimestamp(s.run().now()));
         return true;
       }},
      {":engine", "interp|jit", "the expression engine",
       [](Session& s, std::string_view a) {
         if (a.empty()) {
           s.console().print("engine " + s.engine());
           return true;
         }
         if (a != "interp" && a != "jit") return fail(s, "`:engine` takes interp or jit");
         return s.setEngine(std::string(a));
       }},
      {":emit", "ast|typed|ir|bytecode|llvm EXPR", "a stage of compiling an expression",
       emitCommand},
      {":explain", "CODE", "the longer story of a diagnostic code",
       [](Session& s, std::string_view a) {
         if (a.empty()) return fail(s, "`:explain` takes a diagnostic code: `:explain E0302`");
         std::optional<std::string> text = cli::explainCode(a);
         if (!text) return fail(s, cli::unknownCodeMessage(a));
         text->pop_back();
         s.console().print(*text);
         return true;
       }},
  };
  return table;
}

bool help(Session& s, std::string_view) {
  std::string text =
      "Type an expression to see its value and type, `let NAME = EXPR` to bind a name, or a\n"
      "declaration (type, schema, event, channel, audience, action, cap, const, fn, journey) to\n"
      "add it to the program. Braces, brackets and triple-quoted strings continue on the next "
      "line,\nas does a line that ends with an operator (in a command, only in its JSON or "
      "expression);\nCtrl-C cancels an input, Tab completes a name, Ctrl-D quits.\n";
  for (const Command& c : commands()) {
    std::string head =
        c.usage.empty() ? std::string(c.name) : fmt::format("{} {}", c.name, c.usage);
    text += fmt::format("\n  {:<40} {}", head, c.help);
  }
  s.console().print(text);
  return true;
}

}  // namespace

Outcome runCommand(Session& session, std::string_view input) {
  auto [name, args] = splitWord(input);
  for (const Command& c : commands()) {
    if (c.name != name) continue;
    std::string uncommented;
    if (!takesExpression(c)) {
      uncommented = withoutComments(args);
      args = uncommented;
    }
    if (c.usage.empty() && !args.empty()) {  // `:quit now` must not quit on a typo
      session.console().error(fmt::format("`{}` takes no arguments, found `{}`", name, args));
      return Outcome::Failed;
    }
    if (!c.run) return Outcome::Quit;
    return c.run(session, args) ? Outcome::Ok : Outcome::Failed;
  }
  std::vector<std::string> names;
  for (const Command& c : commands()) names.push_back(std::string(c.name));
  std::optional<std::string> meant = sema::closestName(name, names);
  session.console().error(fmt::format("unknown command `{}`; {}", name,
                                      meant ? "did you mean `" + *meant + "`?"
                                            : std::string("`:help` lists the commands")));
  return Outcome::Failed;
}

bool commandEndsWithItsLine(std::string_view input) {
  auto [name, args] = splitWord(input.substr(0, input.find('\n')));
  if (name == ":profile") return !args.starts_with('{');
  for (const Command& c : commands()) {
    if (c.name != name) continue;
    if (takesExpression(c) || c.usage.find("JSON") != std::string_view::npos) return false;
  }
  return true;
}

std::vector<std::string> commandNames() {
  std::vector<std::string> names;
  for (const Command& c : commands()) {
    names.push_back(std::string(c.name) + (c.usage.empty() ? "" : " "));
  }
  return names;
}

}  // namespace journey::repl
