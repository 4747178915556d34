#include "tools/journey/testing/output_records.h"

#include <simdjson.h>

#include <algorithm>
#include <functional>

#include "vm/value/value_convert.h"

namespace journey::cli {

std::string_view OutputRecord::field(std::string_view name) const {
  auto it = fields.find(name);
  return it == fields.end() ? std::string_view{} : std::string_view(it->second);
}

std::vector<OutputRecord> readOutputRecords(const std::vector<std::string>& lines) {
  simdjson::dom::parser parser;
  std::vector<OutputRecord> out;
  for (const std::string& line : lines) {
    OutputRecord r;
    r.line = line;
    simdjson::dom::object object;
    // The runtime writes every record: one that does not read is a bug, kept as raw text.
    if (parser.parse(line).get(object) == simdjson::SUCCESS) {
      for (auto [key, value] : object) {
        std::string_view text;
        if (value.get(text) == simdjson::SUCCESS) r.fields.emplace(std::string(key), std::string(text));
      }
    }
    Value time = parseTimestamp(r.field("time"));
    if (!time.isError()) r.time = time.asTimestamp();
    out.push_back(std::move(r));
  }
  return out;
}

RecordIndex::RecordIndex(const std::vector<OutputRecord>& records) {
  for (const OutputRecord& r : records) byKind_[std::string(r.field("kind"))].push_back(&r);
  auto earlier = [](const OutputRecord* a, const OutputRecord* b) { return a->time < b->time; };
  for (auto& [kind, list] : byKind_) std::stable_sort(list.begin(), list.end(), earlier);
}

std::span<const OutputRecord* const> RecordIndex::find(std::string_view kind,
                                                       const std::optional<Timestamp>& at) const {
  auto it = byKind_.find(kind);
  if (it == byKind_.end()) return {};
  std::span<const OutputRecord* const> all(it->second);
  if (!at) return all;
  auto timeOf = [](const OutputRecord* r) { return r->time; };
  return std::ranges::equal_range(all, *at, std::less<>{}, timeOf);
}

bool matches(const sema::Expectation& e, const std::optional<Timestamp>& at,
             const OutputRecord& record) {
  if (record.field("kind") != e.kind) return false;
  if (e.name && record.field(e.nameField) != e.name->text) return false;
  if (e.change && record.field("change") != *e.change) return false;
  if (e.text) {
    std::string_view value = record.field(e.textField);
    // `expect exit "converted"` matches the reason `end: converted` too, but a reason's own
    // form does not: `"timeout"` is the timeout, not an `end "timeout"` step.
    bool endReason = e.kind == "exit" && !sema::isExitReasonForm(e.text->text) &&
                     value == "end: " + e.text->text;
    // `expect no exit J "error"`: no instance failed, whatever its message.
    bool anyError = e.kind == "exit" && e.text->text == "error" && value.starts_with("error: ");
    if (value != e.text->text && !endReason && !anyError) return false;
  }
  if (at && record.time != *at) return false;
  if (e.profile && record.field("profile") != e.profile->text) return false;
  return true;
}

}  // namespace journey::cli
