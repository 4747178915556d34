// The conformance runner. Each case is compiled in a fresh session: checked (its bindings
// declared with the types of their values) unless it is marked `unchecked` or `--unchecked`
// is given, in which case the checker is not run, bindings are dyn and names resolve at run
// time.
#include "tools/journey/eval_cases.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <map>
#include <optional>
#include <string>

#include "tools/journey/commands.h"
#include "tools/journey/eval_session.h"
#include "vm/runtime/line_reader.h"
#include "vm/value/json_string.h"
#include "vm/value/value_json.h"

namespace journey::cli {
namespace {

// `id  reason` per line (the id ends at a tab or at two spaces: ids may contain one space);
// `#` starts a comment line. Why the file cannot be read, if it cannot.
std::optional<std::string> readSkipList(const std::string& path,
                                        std::map<std::string, std::string>& skips) {
  if (path.empty()) return std::nullopt;
  runtime::LineReader in(path, runtime::LineReader::OverlongLines::Stop);
  if (!in.ok()) return in.whyNot();
  for (std::string_view line; in.next(line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t end = std::min(line.find('\t'), line.find("  "));
    std::string id(line.substr(0, end));
    std::string_view reason = end == std::string_view::npos ? "" : line.substr(end);
    size_t start = reason.find_first_not_of(" \t");
    reason = start == std::string_view::npos ? "" : reason.substr(start);
    if (!id.empty()) skips.emplace(std::move(id), std::string(reason));
  }
  if (!in.failure().empty()) return in.failure();
  return std::nullopt;
}

struct CaseOutcome {
  bool ok = false;
  Value got;
};

CaseOutcome runCase(simdjson::dom::element c, bool forceUnchecked) {
  CaseOutcome out;
  std::string_view expr;
  if (c["expr"].get_string().get(expr) != simdjson::SUCCESS) {
    out.got = Value::error("malformed case: no `expr`");
    return out;
  }
  bool unchecked = forceUnchecked;
  bool flag = false;
  if (c["unchecked"].get_bool().get(flag) == simdjson::SUCCESS && flag) unchecked = true;

  Frontend fe;
  EvalSession session(fe);
  simdjson::dom::object bindings;
  if (c["bindings"].get_object().get(bindings) == simdjson::SUCCESS) {
    for (auto [name, typed] : bindings) {
      Value v = typedJsonToValue(typed);
      if (v.isError()) {
        out.got = Value::error("malformed binding `" + std::string(name) + "`: " +
                               std::string(v.errorMessage()));
        return out;
      }
      sema::TypeId type = unchecked ? session.types().dyn() : session.typeOfValue(v);
      session.bind(std::string(name), type, std::move(v));
    }
  }

  simdjson::dom::element expectedValue;
  bool expectsError = c["expect"]["error"].error() == simdjson::SUCCESS;
  bool expectsValue = c["expect"]["value"].get(expectedValue) == simdjson::SUCCESS;

  EvalSession::Options options;
  options.checked = !unchecked;
  EvalResult r = session.evaluate(std::string(expr), options);
  if (!r.compiled) {
    std::string message = fe.diags.all().empty() ? "does not compile" : fe.diags.all().back().message;
    for (const Diagnostic& d : fe.diags.all()) {
      if (d.severity() == Severity::Error) {
        message = d.message;
        break;
      }
    }
    out.got = Value::error(message);
    // A compile-time rejection meets an expected error only where no checker was meant to run.
    out.ok = expectsError && unchecked;
    return out;
  }
  out.got = r.value;
  if (expectsError) {
    out.ok = r.value.isError();
  } else if (expectsValue) {
    Value expected = typedJsonToValue(expectedValue);
    out.ok = !expected.isError() && !r.value.isError() && strictEquals(expected, r.value);
  }
  return out;
}

}  // namespace

int runCases(const CasesOptions& options) {
  std::map<std::string, std::string> skips;
  if (std::optional<std::string> why = readSkipList(options.skipFile, skips)) {
    fmt::print(stderr, "error: cannot read the skip list `{}`: {}\n", options.skipFile, *why);
    return kInputErrors;
  }
  // Line by line: a line that is not JSON is one failed case, and the lines after it run.
  runtime::LineReader in(options.file, runtime::LineReader::OverlongLines::Stop);
  if (!in.ok()) {
    fmt::print(stderr, "error: cannot read `{}`: {}\n", options.file, in.whyNot());
    return kInputErrors;
  }
  simdjson::dom::parser parser;
  size_t passed = 0, failed = 0, skipped = 0;
  for (std::string_view text; in.next(text);) {
    if (runtime::isBlankLine(text)) continue;
    simdjson::dom::element c;
    std::string id = fmt::format("<line {}>", in.lineNumber());
    std::string out = "{\"id\": ";
    // The reader leaves readable bytes after each line: parsed where it lies.
    if (parser.parse(text.data(), text.size(), false).get(c) != simdjson::SUCCESS) {
      appendJsonString(out, id);
      out += ", \"ok\": false, \"got\": {\"error\": \"malformed JSON\"}}";
      fmt::print("{}\n", out);
      ++failed;
      continue;
    }
    std::string_view idText;
    if (c["id"].get_string().get(idText) == simdjson::SUCCESS) id = std::string(idText);
    if (auto it = skips.find(id); it != skips.end()) {
      ++skipped;
      continue;
    }
    CaseOutcome outcome = runCase(c, options.forceUnchecked);
    appendJsonString(out, id);
    out += outcome.ok ? ", \"ok\": true, \"got\": " : ", \"ok\": false, \"got\": ";
    out += toTypedJson(outcome.got);
    out += "}";
    fmt::print("{}\n", out);
    (outcome.ok ? passed : failed)++;
  }
  if (!in.failure().empty()) {
    fmt::print(stderr, "error: cannot read `{}`: {}\n", options.file, in.failure());
    ++failed;
  }
  if (skipped) fmt::print(stderr, "{} skipped (listed in {})\n", skipped, options.skipFile);
  fmt::print("{} passed, {} failed\n", passed, failed);
  return failed == 0 ? kSuccess : kInputErrors;
}

}  // namespace journey::cli
