#include "compiler/sema/foreign_names.h"

#include <cctype>
#include <utility>

namespace journey::sema {
namespace {

enum class CallForm { Function, Method, Both };  // name(x), x.name() or x.name, or either

struct Spelling {
  std::string_view name;
  CallForm form;
  std::string_view before;  // the CEL form: before + target + after
  std::string_view after;
};

constexpr Spelling kSpellings[] = {
    {"len", CallForm::Both, "size(", ")"},
    {"length", CallForm::Both, "size(", ")"},
    {"count", CallForm::Both, "size(", ")"},
    {"isEmpty", CallForm::Both, "size(", ") == 0"},
    {"sum", CallForm::Both, "math.sum(", ")"},
    {"max", CallForm::Both, "math.greatest(", ")"},
    {"min", CallForm::Both, "math.least(", ")"},
    {"lower", CallForm::Both, "", ".lowerAscii()"},
    {"upper", CallForm::Both, "", ".upperAscii()"},
    {"toLowerCase", CallForm::Method, "", ".lowerAscii()"},
    {"toLower", CallForm::Method, "", ".lowerAscii()"},
    {"toUpperCase", CallForm::Method, "", ".upperAscii()"},
    {"toUpper", CallForm::Method, "", ".upperAscii()"},
    {"toString", CallForm::Method, "string(", ")"},
    {"not", CallForm::Function, "!(", ")"},
    {"str", CallForm::Function, "string(", ")"},
    {"float", CallForm::Function, "double(", ")"},
    {"abs", CallForm::Function, "math.abs(", ")"},
    {"round", CallForm::Function, "math.round(", ")"},
    {"floor", CallForm::Function, "math.floor(", ")"},
    {"ceil", CallForm::Function, "math.ceil(", ")"},
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
    if (s.name == name && (s.form == CallForm::Both || (s.form == CallForm::Method) == method)) {
      return "write `" + std::string(s.before) + x + std::string(s.after) + "`";
    }
  }
  return std::nullopt;
}

std::optional<std::string> celLiteral(std::string_view name) {
  if (name == "True" || name == "TRUE") return "true";
  if (name == "False" || name == "FALSE") return "false";
  for (std::string_view none : {"None", "nil", "NULL", "Null", "undefined", "nullptr"}) {
    if (name == none) return "null";
  }
  return std::nullopt;
}

std::optional<std::string> celTypeSpelling(std::string_view name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"integer", "write `int`"},         {"long", "write `int`"},
      {"int32", "write `int`"},           {"int64", "write `int`"},
      {"i64", "write `int`"},             {"uint64", "write `uint`"},
      {"float", "write `double`"},        {"float64", "write `double`"},
      {"f64", "write `double`"},          {"number", "write `double` (or `int`)"},
      {"decimal", "write `double`"},      {"real", "write `double`"},
      {"boolean", "write `bool`"},        {"str", "write `string`"},
      {"text", "write `string`"},         {"date", "write `timestamp`"},
      {"datetime", "write `timestamp`"},  {"time", "write `timestamp`"},
      {"instant", "write `timestamp`"},   {"interval", "write `duration`"},
      {"timedelta", "write `duration`"},  {"array", "write `list<…>`"},
      {"vector", "write `list<…>`"},      {"vec", "write `list<…>`"},
      {"set", "write `list<…>`"},         {"dict", "write `map<…, …>`"},
      {"hashmap", "write `map<…, …>`"},   {"any", "write `dyn`"},
      {"object", "declare a `type` with its fields, or write `map<string, dyn>`"},
  };
  std::string lower;
  for (char ch : name) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const auto& [other, help] : kTypes) {
    if (lower == other) return std::string(help);
  }
  return std::nullopt;
}

}  // namespace journey::sema
