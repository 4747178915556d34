#include "compiler/sema/foreign_names.h"

namespace journey::sema {
namespace {

struct Spelling {
  std::string_view name;
  bool method;             // x.name() or x.name, rather than name(x)
  std::string_view before;  // the CEL form: before + target + after
  std::string_view after;
};

constexpr Spelling kSpellings[] = {
    {"len", false, "size(", ")"},          {"length", false, "size(", ")"},
    {"count", false, "size(", ")"},        {"str", false, "string(", ")"},
    {"float", false, "double(", ")"},      {"lower", false, "", ".lowerAscii()"},
    {"upper", false, "", ".upperAscii()"}, {"sum", false, "math.sum(", ")"},
    {"max", false, "math.greatest(", ")"}, {"min", false, "math.least(", ")"},
    {"abs", false, "math.abs(", ")"},      {"round", false, "math.round(", ")"},
    {"floor", false, "math.floor(", ")"},  {"ceil", false, "math.ceil(", ")"},
    {"isEmpty", false, "size(", ") == 0"},

    {"length", true, "size(", ")"},        {"len", true, "size(", ")"},
    {"count", true, "size(", ")"},         {"sum", true, "math.sum(", ")"},
    {"max", true, "math.greatest(", ")"},  {"min", true, "math.least(", ")"},
    {"toLowerCase", true, "", ".lowerAscii()"}, {"toLower", true, "", ".lowerAscii()"},
    {"lower", true, "", ".lowerAscii()"},  {"toUpperCase", true, "", ".upperAscii()"},
    {"toUpper", true, "", ".upperAscii()"}, {"upper", true, "", ".upperAscii()"},
    {"isEmpty", true, "size(", ") == 0"},  {"toString", true, "string(", ")"},
};

}  // namespace

std::optional<std::string> celSpelling(std::string_view name, bool method,
                                       std::string_view target, std::string_view argument) {
  std::string x = target.empty() ? "x" : std::string(target);
  std::string e = argument.empty() ? "…" : std::string(argument);
  if (method && name == "includes") {  // JavaScript's, for both strings and arrays
    return "write `" + x + ".contains(" + e + ")` for text, `" + e + " in " + x + "` for a list";
  }
  if (method && (name == "push" || name == "append" || name == "add")) {
    return "a list does not change: write `" + x + " + [" + e + "]` for a list with it added";
  }
  for (const Spelling& s : kSpellings) {
    if (s.name == name && s.method == method) {
      return "write `" + std::string(s.before) + x + std::string(s.after) + "`";
    }
  }
  return std::nullopt;
}

}  // namespace journey::sema
