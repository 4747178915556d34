#include "tools/journey/repl/completion.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <set>

#include "stdlib/overloads.h"
#include "tools/journey/repl/commands.h"
#include "tools/journey/repl/input_kind.h"

namespace journey::repl {

namespace {

constexpr std::array<std::string_view, 49> kKeywords = {
    "type",  "schema",  "event",       "channel", "audience", "action", "cap",
    "const", "fn",      "journey",     "let",     "import",   "entry",  "on",
    "as",    "when",    "key",         "reentry", "after",    "never",  "always",
    "exit",  "timeout", "timezone",    "quiet",   "hours",    "queue",  "discard",
    "wait",  "for",     "within",      "until",   "if",       "else",   "split",
    "send",  "call",    "set",         "emit",    "goto",     "end",    "every",
    "at",    "in",      "incremental", "true",    "false",    "null",   "profile"};
constexpr std::array<std::string_view, 5> kNamespaces = {"math", "strings", "base64", "optional",
                                                         "cel"};

// The candidates among `words` that start with `typed`, sorted, each once.
std::vector<std::string> matching(const std::set<std::string>& words, std::string_view typed) {
  std::vector<std::string> out;
  for (const std::string& w : words) {
    if (w.compare(0, typed.size(), typed) == 0) out.push_back(w);
  }
  return out;
}

// File names for `:load` and `:profile`: the path typed so far, completed in its folder.
Completion completePath(std::string_view before, size_t start) {
  namespace fs = std::filesystem;
  std::string typed(before.substr(start));
  size_t slash = typed.rfind('/');
  std::string dir = slash == std::string::npos ? "" : typed.substr(0, slash + 1);
  std::set<std::string> names;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir.empty() ? "." : dir, ec)) {
    std::string name = dir + entry.path().filename().string();
    names.insert(entry.is_directory(ec) ? name + "/" : name);
  }
  return {start, matching(names, typed)};
}

// After `receiver.`: the fields of a record (also behind an optional), the functions of a
// namespace (`math.`), or the methods a value of its type takes (a list's, a string's).
std::vector<std::string> membersOf(Session& s, const std::string& receiver) {
  std::set<std::string> names;
  if (std::find(kNamespaces.begin(), kNamespaces.end(), receiver) != kNamespaces.end()) {
    for (const stdlib::Overload& o : stdlib::standardOverloads()) {
      if (o.function.starts_with(receiver + "."))
        names.emplace(o.function.substr(receiver.size() + 1));
    }
    return {names.begin(), names.end()};
  }
  std::optional<sema::TypeId> type = s.typeOf(receiver);
  if (!type) return {};
  sema::TypeTable& types = s.types();
  // The methods whose receiver is of the kind `head` names (`list`, `string`; `dyn`: all).
  auto methodsOf = [&](std::string_view head) {
    for (const stdlib::Overload& o : stdlib::standardOverloads()) {
      if (!o.receiver || o.params.empty() || !isNameChar(o.function[0])) continue;
      std::string_view takes = o.params[0].substr(0, o.params[0].find('<'));
      bool parameter = takes.size() == 1 && std::isupper(static_cast<unsigned char>(takes[0]));
      bool anyType = takes == "dyn" || parameter;  // `A`: a type parameter
      if (head == "dyn" || anyType || takes == head) names.emplace(o.function);
    }
  };
  if (types.kind(*type) == sema::TypeKind::Optional) {
    methodsOf("optional");
    type = types.param(*type, 0);
  }
  if (types.kind(*type) == sema::TypeKind::Record) {
    for (const sema::RecordField& f : types.recordInfo(types.get(*type).record).fields) {
      names.insert(f.name);
    }
  } else {
    std::string printed = types.print(*type);
    methodsOf(std::string_view(printed).substr(0, printed.find('<')));
    // The macros a list or a map takes (`map` and `filter` are not functions of the library).
    sema::TypeKind kind = types.kind(*type);
    if (kind == sema::TypeKind::List || kind == sema::TypeKind::Map ||
        kind == sema::TypeKind::Dyn) {
      names.insert({"all", "exists", "exists_one", "filter", "map"});
    }
  }
  return {names.begin(), names.end()};
}

// Every name an expression or declaration can start with.
std::set<std::string> names(Session& s) {
  std::set<std::string> out(kKeywords.begin(), kKeywords.end());
  out.insert(kNamespaces.begin(), kNamespaces.end());
  for (const stdlib::Overload& o : stdlib::standardOverloads()) {
    // Names only: not the operators' internal names (`_!=_`), nor a namespace's functions.
    if (!o.receiver && std::all_of(o.function.begin(), o.function.end(), isNameChar)) {
      out.emplace(o.function);
    }
  }
  const sema::ProgramSymbols& symbols = s.frontend().program.symbols;
  auto add = [&](const auto& table) {
    for (const auto& [name, symbol] : table) out.insert(name);
  };
  add(symbols.recordTypes);
  add(symbols.events);
  add(symbols.audiences);
  add(symbols.channels);
  add(symbols.actions);
  add(symbols.consts);
  add(symbols.fns);
  add(symbols.journeys);
  for (const std::string& n : s.boundNames()) out.insert(n);
  return out;
}

// Where the operand that ends at `end` starts: names, dots, and calls or indexes with their
// brackets (`history(Purchase, 1d)[0]`).
size_t receiverBefore(std::string_view text, size_t end) {
  size_t i = end;
  while (i > 0) {
    char c = text[i - 1];
    if (isNameChar(c) || c == '.') {
      --i;
    } else if (c == '"' || c == '\'') {
      // A string literal (`"a".sta`): back to its opening quote, past escaped ones.
      size_t j = i - 1;
      while (j > 0 && !(text[j - 1] == c && (j < 2 || text[j - 2] != '\\'))) --j;
      if (j == 0) return i;  // no opening quote: stop at the closing one
      i = j - 1;
    } else if (c == ')' || c == ']') {
      int depth = 0;
      size_t j = i;
      while (j > 0) {
        char d = text[--j];
        if (d == ')' || d == ']') ++depth;
        if ((d == '(' || d == '[') && --depth == 0) break;
      }
      if (depth != 0) return i;  // unbalanced: stop at the bracket
      i = j;
    } else {
      break;
    }
  }
  return i;
}

Completion completeExpression(Session& s, std::string_view before) {
  size_t start = before.size();
  while (start > 0 && isNameChar(before[start - 1])) --start;
  std::string_view typed = before.substr(start);
  if (start > 0 && before[start - 1] == '.') {
    size_t receiverStart = receiverBefore(before, start - 1);
    std::string receiver(before.substr(receiverStart, start - 1 - receiverStart));
    if (receiver.empty()) return {start, {}};
    std::vector<std::string> members = membersOf(s, receiver);
    return {start, matching({members.begin(), members.end()}, typed)};
  }
  return {start, matching(names(s), typed)};
}

}  // namespace

Completion complete(Session& session, std::string_view before) {
  size_t lead = 0;
  while (lead < before.size() && std::isspace(static_cast<unsigned char>(before[lead]))) ++lead;
  if (lead == before.size() || before[lead] != ':') return completeExpression(session, before);

  size_t nameEnd = before.find_first_of(" \t", lead);
  if (nameEnd == std::string_view::npos) {
    std::vector<std::string> all = commandNames();
    return {lead, matching({all.begin(), all.end()}, before.substr(lead))};
  }
  std::string_view command = before.substr(lead, nameEnd - lead);
  size_t argStart = before.find_first_not_of(" \t", nameEnd);
  if (argStart == std::string_view::npos) argStart = before.size();
  bool firstArgument = before.find_first_of(" \t", argStart) == std::string_view::npos;
  std::string_view typed = before.substr(argStart);
  if (command == ":load" || (command == ":profile" && firstArgument)) {
    size_t start = before.find_last_of(" \t") + 1;
    return completePath(before, start);
  }
  if (firstArgument && (command == ":emit" || command == ":engine")) {
    std::set<std::string> options =
        command == ":emit" ? std::set<std::string>{"ast", "typed", "ir", "bytecode", "llvm"}
                           : std::set<std::string>{"interp", "jit"};
    return {argStart, matching(options, typed)};
  }
  if (firstArgument && command == ":event") {
    std::set<std::string> events;
    for (const auto& [name, symbol] : session.frontend().program.symbols.events)
      events.insert(name);
    return {argStart, matching(events, typed)};
  }
  return completeExpression(session, before);
}

}  // namespace journey::repl
