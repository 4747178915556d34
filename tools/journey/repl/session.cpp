#include "tools/journey/repl/session.h"

#include <fmt/format.h>

#include <algorithm>

#include "compiler/ast/printer.h"
#include "compiler/diagnostics/renderer.h"
#include "compiler/syntax/token_kinds.h"
#include "tools/journey/repl/input_kind.h"
#include "tools/journey/repl/line_source.h"
#include "vm/value/printer.h"
#include "vm/value/value_depth.h"

namespace journey::repl {

namespace {

constexpr const char* kInputName = "<input>";

}  // namespace

Session::Session(Console& console, Timestamp start) : console_(console), run_(start) {
  program_.setColor(console.color());
  run_.limitHeldOutput(kHeldOutputRecords);
  programChanged();
}

EvalResult Session::compile(const std::string& text, EvalSession::Options options, bool quiet) {
  const sema::ProgramSymbols& symbols = frontend().program.symbols;
  if (symbols.profile) {
    std::optional<Value> profile = run_.currentProfileValue();
    eval_->bind("profile", symbols.profileType,
                profile ? std::move(*profile)
                        : Value::error("no current profile: give one with `:profile`"));
  }
  eval_->setHost(run_.host());
  options.sourceName = kInputName;
  const Frontend& fe = frontend();
  size_t before = fe.diags.all().size();
  EvalResult r = eval_->evaluate(text, options);
  if (!quiet) {
    std::string rendered;
    for (size_t i = before; i < fe.diags.all().size(); ++i) {
      rendered += render(fe.diags.all()[i], fe.sources, RenderOptions{console_.color()}) + "\n";
    }
    console_.diagnostics(rendered);
  }
  return r;
}

bool Session::evaluate(const std::string& text) {
  EvalResult r = compile(text, {});
  if (!r.compiled) return false;
  if (r.value.isError()) {
    console_.error(r.value.errorMessage());
    return false;
  }
  console_.print(fmt::format("{} : {}", toCelLiteral(r.value), types().print(r.type)));
  return true;
}

std::optional<Value> Session::value(const std::string& text) {
  EvalResult r = compile(text, {});
  if (!r.compiled) return std::nullopt;
  if (r.value.isError()) {
    console_.error(r.value.errorMessage());
    return std::nullopt;
  }
  return r.value;
}

bool Session::let(const std::string& input) {
  LetInput let = parseLet(input);
  if (!let.ok) {
    console_.error("`let` takes a name and a value: `let NAME = EXPR`");
    return false;
  }
  if (let.name == "profile") {
    console_.error("`profile` is the current profile; set it with `:profile`");
    return false;
  }
  if (std::optional<std::string> why = syntax::whyNotVariableName(let.name)) {
    console_.error("`let` cannot bind that name: " + *why);
    return false;
  }
  EvalResult r = compile(let.expr, {});
  if (!r.compiled) return false;
  if (r.value.isError()) {
    console_.error(r.value.errorMessage());
    return false;
  }
  // A `let` may wrap its own earlier value (`let x = [x]`): kept, it could grow without end.
  if (nestsDeeperThan(r.value, kMaxValueDepth) || types().nestsDeeperThan(r.type, kMaxValueDepth)) {
    console_.error(fmt::format("`let` keeps no value or type nested more than {} levels deep",
                               kMaxValueDepth));
    return false;
  }
  console_.print(
      fmt::format("{} = {} : {}", let.name, toCelLiteral(r.value), types().print(r.type)));
  eval_->bind(let.name, r.type, std::move(r.value));
  auto earlier = std::find_if(lets_.rbegin(), lets_.rend(),
                              [&](const auto& l) { return l.first == let.name; });
  if (earlier != lets_.rend()) {
    console_.note(fmt::format("`{}` was bound before: the new value replaces it", let.name));
    // The earlier binding is replayed before the lets that may read it (`let n = n + 1`), and
    // forgotten when none may.
    auto later = earlier.base();
    bool read = mayRead(let.expr, let.name) ||
                std::any_of(later, lets_.end(), [&](const auto& l) {
                  return mayRead(l.second, let.name);
                });
    if (!read) lets_.erase(std::prev(later));
  }
  lets_.emplace_back(let.name, let.expr);
  return true;
}

bool Session::mayRead(std::string_view expr, std::string_view name) {
  for (size_t at = expr.find(name); at != std::string_view::npos; at = expr.find(name, at + 1)) {
    size_t end = at + name.size();
    if ((at == 0 || !isNameChar(expr[at - 1])) && (end == expr.size() || !isNameChar(expr[end]))) {
      return true;
    }
  }
  return false;
}

std::vector<std::string> Session::boundNames() const {
  std::vector<std::string> names;
  for (const auto& [name, expr] : lets_) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

bool Session::declare(const std::string& text) {
  SessionProgram::Change change = program_.addDeclarations(text, ++inputNumber_);
  if (!applyChange(change)) return false;
  for (const std::string& d : change.declared) console_.print("declared " + d);
  return true;
}

bool Session::load(const std::vector<std::string>& paths) {
  SessionProgram::Change change = program_.load(paths);
  if (!applyChange(change)) return false;
  for (const std::string& p : change.loaded) console_.print("loaded " + p);
  return true;
}

bool Session::reload() {
  SessionProgram::Change change = program_.reload();
  if (!applyChange(change)) return false;
  console_.print(fmt::format("reloaded {} file{}", files().size(), files().size() == 1 ? "" : "s"));
  return true;
}

bool Session::applyChange(SessionProgram::Change& change) {
  console_.diagnostics(change.diagnostics);
  if (!change.ok) {
    console_.note("the program is unchanged");
    return false;
  }
  for (const std::string& note : change.notes) console_.note(note);
  // A declaration newer than a `let` of its name replaces it, as a newer declaration would.
  for (const std::string& name : change.names) {
    if (std::erase_if(lets_, [&](const auto& let) { return let.first == name; }) > 0) {
      console_.note(
          fmt::format("`{}` is no longer bound by `let`: the declaration replaces it", name));
    }
  }
  programChanged();
  return true;
}

void Session::programChanged() {
  Frontend& fe = program_.frontend();
  eval_ = std::make_unique<EvalSession>(fe, engine_);
  takeInterrupt();  // a Ctrl-C pressed before the replay does not stop it
  for (const std::string& note :
       run_.load(fe.takeLowered(), engine_, takeInterrupt)) {
    console_.note(note);
  }
  // In the order they were bound: a rebinding reads the value before it.
  std::vector<std::pair<std::string, std::string>> lets = std::move(lets_);
  lets_.clear();
  for (size_t i = 0; i < lets.size(); ++i) {
    auto& [name, expr] = lets[i];
    EvalResult r = compile(expr, {}, true);
    if (!r.compiled || r.value.isError()) {
      bool rebound = std::any_of(lets.begin() + static_cast<ptrdiff_t>(i) + 1, lets.end(),
                                 [&](const auto& l) { return l.first == name; });
      if (!rebound) {
        console_.note(fmt::format("`{}` is no longer bound: `{}` {}", name, expr,
                                  r.compiled ? r.value.errorMessage() : "does not check"));
      }
      continue;
    }
    eval_->bind(name, r.type, std::move(r.value));
    lets_.emplace_back(std::move(name), std::move(expr));
  }
}

bool Session::showType(const std::string& text) {
  EvalSession::Options options;
  options.run = false;
  EvalResult r = compile(text, options);
  if (!r.compiled) return false;
  console_.print(types().print(r.type));
  return true;
}

bool Session::emit(const std::string& stage, const std::string& text) {
  EvalSession::Options options;
  options.run = false;
  options.checked = stage != "ast";
  options.emitIr = stage == "ir";
  options.emitBytecode = stage == "bytecode";
  options.emitLlvm = stage == "llvm";
  EvalResult r = compile(text, options);
  if (!r.compiled) return false;
  const Frontend& fe = frontend();
  std::string out;
  if (stage == "ast") {
    out = ast::printExpr(fe.ast, r.root, fe.sources);
  } else if (stage == "typed") {
    const auto& exprTypes = fe.program.facts.types;
    out = ast::printExpr(fe.ast, r.root, fe.sources, [&](ast::ExprId e) -> std::string {
      return e < exprTypes.size() ? fe.program.types.print(exprTypes[e]) : std::string();
    });
  } else if (stage == "ir") {
    out = r.ir;
  } else if (stage == "bytecode") {
    out = r.bytecode;
  } else if (!r.llvm) {
    console_.error("this build has no JIT (built without LLVM): no LLVM IR");
    return false;
  } else {
    out = *r.llvm;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  console_.print(out);
  return true;
}

bool Session::setEngine(const std::string& engine) {
  engine_ = engine;
  programChanged();
  console_.print("engine " + engine);
  return true;
}

std::optional<sema::TypeId> Session::typeOf(const std::string& text) {
  EvalSession::Options options;
  options.run = false;
  EvalResult r = compile(text, options, true);
  if (!r.compiled) return std::nullopt;
  return r.type;
}

void Session::reportOutput(const std::string& what) {
  const SessionRuntime::OutputTally& tally = run_.outputSinceMark();
  if (tally.records == 0) {
    console_.print(what + ": no output");
    return;
  }
  // Each kind in order when there are few; counted by kind (in order of first appearance) when
  // a clock move fired many.
  constexpr size_t kListed = 8;
  static_assert(kListed < SessionRuntime::OutputTally::kFirstKinds);
  std::string list;
  if (tally.records <= kListed) {
    for (const std::string& kind : tally.firstKinds) list += (list.empty() ? "" : ", ") + kind;
  } else {
    for (const auto& [kind, count] : tally.kindCounts) {
      list += fmt::format("{}{} ×{}", list.empty() ? "" : ", ", kind, count);
    }
  }
  console_.print(fmt::format("{}: {} output record{} ({}); `:out` shows them", what, tally.records,
                             tally.records == 1 ? "" : "s", list));
}

}  // namespace journey::repl
