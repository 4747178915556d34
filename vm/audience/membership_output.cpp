#include "vm/audience/membership_output.h"

#include <simdjson.h>

#include <algorithm>
#include <set>
#include <variant>

#include "vm/runtime/line_reader.h"
#include "vm/value/json_string.h"

namespace journey::audience {

namespace {

// A CSV field, quoted when it holds a separator, a quote or a line break (RFC 4180).
void appendCsvField(std::string& out, std::string_view s) {
  // One pass over the few bytes of an id (find_first_of would look each one up in the set).
  auto special = [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; };
  if (std::none_of(s.begin(), s.end(), special)) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

constexpr std::string_view kUnclosedQuote =
    "a quoted field is not closed before the end of the file";

// One CSV record read as RFC 4180 writes it: its fields, or why it is not such a record.
// `open`: it ends inside a quoted field, which may hold line breaks (the record goes on on the
// next line). A quote may only open a field or, doubled, stand inside a quoted one; after the
// closing quote comes a comma or the record's end (`"ok" ,1` and `o"k` are refused, where
// reading them some way would change an id silently).
struct CsvSplit {
  std::vector<std::string> fields{1};
  bool open = false;
  std::string malformed;
};
CsvSplit splitCsv(std::string_view line) {
  CsvSplit out;
  std::vector<std::string>& fields = out.fields;
  bool quoted = false, closed = false;  // `closed`: the field's closing quote was read
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c != '"') {
        fields.back() += c;
      } else if (i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else {
        quoted = false;
        closed = true;
      }
    } else if (c == ',') {
      fields.emplace_back();
      closed = false;
    } else if (c == '\r' && i + 1 == line.size()) {
      // the CR of a CRLF line end
    } else if (closed) {
      out.malformed = "field " + std::to_string(fields.size()) +
                      ": a quoted field goes on after its closing quote";
      return out;
    } else if (c == '"') {
      if (!fields.back().empty()) {
        out.malformed = "field " + std::to_string(fields.size()) +
                        ": a quote inside a field that does not start with one";
        return out;
      }
      quoted = true;
    } else {
      fields.back() += c;
    }
  }
  out.open = quoted;
  return out;
}

std::string at(const std::string& path, size_t line) {
  return path + ":" + std::to_string(line) + ": ";
}

// The CSV record that starts with `line`, read on over the lines after it while a quoted field
// is open: its fields, or why it is refused.
std::variant<std::vector<std::string>, std::string> csvRecord(std::string_view line,
                                                             runtime::LineReader& reader) {
  CsvSplit split = splitCsv(line);
  std::string record;  // only a record that goes on over lines is joined
  if (split.open && split.malformed.empty()) record = line;
  bool carriageReturn = reader.lastLineHadCarriageReturn();  // the line break was CRLF
  while (split.open && split.malformed.empty() && reader.next(line)) {
    record += carriageReturn ? "\r\n" : "\n";
    record += line;
    carriageReturn = reader.lastLineHadCarriageReturn();
    split = splitCsv(record);
  }
  if (!split.malformed.empty()) return split.malformed;
  if (split.open) return std::string(kUnclosedQuote);
  return std::move(split.fields);
}

}  // namespace

MembershipWriter::MembershipWriter(const ir::ProgramIr& program, std::vector<uint32_t> audiences,
                                   RowFormat format, runtime::OutputSink& out)
    : program_(program), audiences_(std::move(audiences)), format_(format), out_(out) {
  if (format_ != RowFormat::Csv) return;
  line_ = "profile";
  for (uint32_t a : audiences_) {
    line_ += ',';
    appendCsvField(line_, program_.audiences[a].name);
  }
  out_.write(line_);
}

void MembershipWriter::row(const std::string& id, const std::vector<uint8_t>& member) {
  line_.clear();
  if (format_ == RowFormat::Csv) {
    appendCsvField(line_, id);
    for (uint32_t a : audiences_) line_ += member[a] ? ",1" : ",0";
  } else {
    line_ += "{\"profile\": ";
    appendJsonString(line_, id);
    line_ += ", \"audiences\": [";
    bool first = true;
    for (uint32_t a : audiences_) {
      if (!member[a]) continue;
      if (!first) line_ += ", ";
      first = false;
      appendJsonString(line_, program_.audiences[a].name);
    }
    line_ += "]}";
  }
  out_.write(line_);
}

std::optional<std::string> readSnapshot(const std::string& path, Snapshot& out) {
  // A snapshot is refused at its first bad line: past a line over the bound, there is no
  // reason to read on (`/dev/zero` would never end).
  runtime::LineReader reader(path, runtime::LineReader::OverlongLines::Stop);
  if (!reader.ok()) return "cannot read " + path + ": " + reader.whyNot();
  simdjson::dom::parser parser;
  std::vector<std::string> columns;  // a CSV snapshot's header
  bool csv = false, first = true;
  std::string_view line;
  while (reader.next(line)) {
    if (runtime::isBlankLine(line)) continue;
    size_t n = reader.lineNumber();
    if (first) {
      first = false;
      csv = line.find_first_not_of(" \t") != std::string_view::npos &&
            line[line.find_first_not_of(" \t")] != '{';
      if (csv) {
        auto read = csvRecord(line, reader);
        if (auto* why = std::get_if<std::string>(&read)) return at(path, n) + *why;
        auto* header = std::get_if<std::vector<std::string>>(&read);
        if (header->empty() || (*header)[0] != "profile") {
          return at(path, n) + "not a membership snapshot: a CSV snapshot starts with a "
                               "`profile` column";
        }
        columns.assign(header->begin() + 1, header->end());
        out.columns = columns;
        for (size_t c = 0; c < columns.size(); ++c) {
          if (std::find(columns.begin(), columns.begin() + c, columns[c]) != columns.begin() + c) {
            return at(path, n) + "the header names the audience \"" + columns[c] + "\" twice";
          }
        }
        continue;
      }
    }
    std::string id;
    std::vector<std::string> names;
    if (csv) {
      auto read = csvRecord(line, reader);
      if (auto* why = std::get_if<std::string>(&read)) return at(path, n) + *why;
      auto* fields = std::get_if<std::vector<std::string>>(&read);
      if (fields->size() != columns.size() + 1) {
        return at(path, n) + "expected " + std::to_string(columns.size() + 1) + " CSV fields";
      }
      id = (*fields)[0];
      for (size_t c = 0; c < columns.size(); ++c) {
        const std::string& v = (*fields)[c + 1];
        if (v != "0" && v != "1") return at(path, n) + "expected 0 or 1, found \"" + v + "\"";
        if (v == "1") names.push_back(columns[c]);
      }
    } else {
      simdjson::padded_string padded(line);
      simdjson::dom::element doc;
      std::string_view profile;
      simdjson::dom::array list;
      if (parser.parse(padded).get(doc) || doc["profile"].get_string().get(profile) ||
          doc["audiences"].get_array().get(list)) {
        return at(path, n) +
               "not a membership line: expected {\"profile\": ID, \"audiences\": [NAME, …]}";
      }
      // JSON leaves a repeated key's meaning open: which line would the id be?
      int profiles = 0, lists = 0;
      simdjson::dom::object object;
      if (doc.get_object().get(object)) return at(path, n) + "not a membership line";
      for (auto field : object) {
        profiles += field.key == "profile";
        lists += field.key == "audiences";
      }
      if (profiles > 1 || lists > 1) {
        return at(path, n) + "the key \"" + (profiles > 1 ? "profile" : "audiences") +
               "\" is given twice";
      }
      id = std::string(profile);
      for (simdjson::dom::element e : list) {
        std::string_view name;
        if (e.get_string().get(name)) return at(path, n) + "an audience name is not a string";
        names.emplace_back(name);
      }
    }
    auto [it, added] = out.members.emplace(id, std::move(names));
    if (!added) return at(path, n) + "profile \"" + id + "\" appears twice";
    out.order.push_back(id);
  }
  return runtime::readFailure(path, reader);
}

std::vector<std::string> undeclaredAudiences(const Snapshot& snapshot,
                                             const ir::ProgramIr& program) {
  std::set<std::string, std::less<>> declared, undeclared;
  for (const ir::AudienceIr& a : program.audiences) declared.insert(a.name);
  for (const auto& [id, names] : snapshot.members) {
    for (const std::string& name : names) {
      if (!declared.contains(name)) undeclared.insert(name);
    }
  }
  for (const std::string& name : snapshot.columns) {
    if (!declared.contains(name)) undeclared.insert(name);
  }
  return {undeclared.begin(), undeclared.end()};
}

ChangeFeed::ChangeFeed(const ir::ProgramIr& program, std::vector<uint32_t> audiences,
                       Snapshot previous, Timestamp at, runtime::OutputSink& out)
    : program_(program), audiences_(std::move(audiences)), previous_(std::move(previous)),
      at_(at), out_(out) {}

void ChangeFeed::row(const std::string& id, const std::vector<uint8_t>& member) {
  seen_[id] = true;
  auto it = previous_.members.find(id);
  for (uint32_t a : audiences_) {
    bool was = it != previous_.members.end() && named(it->second, a);
    if (was != static_cast<bool>(member[a])) change(id, a, !was);
  }
}

void ChangeFeed::rejected(const std::string& id) {
  if (previous_.members.contains(id)) rejected_.push_back(id);
}

void ChangeFeed::finish(
    const std::function<void(const std::string&, const std::vector<uint8_t>&)>& kept) {
  // Kept only now: a row may still come for a rejected line's id, from another line or from a
  // `set` record, and then that row is the profile's.
  for (const std::string& id : rejected_) {
    if (seen_.count(id)) continue;
    seen_[id] = true;
    ++kept_;
    const std::vector<std::string>& names = previous_.members[id];
    std::vector<uint8_t> member(program_.audiences.size(), 0);
    for (uint32_t a : audiences_) member[a] = named(names, a);
    kept(id, member);
  }
  for (const std::string& id : previous_.order) {
    if (seen_.count(id)) continue;
    const std::vector<std::string>& names = previous_.members[id];
    for (uint32_t a : audiences_) {
      if (named(names, a)) change(id, a, false);
    }
  }
}

bool ChangeFeed::named(const std::vector<std::string>& names, uint32_t audience) const {
  return std::find(names.begin(), names.end(), program_.audiences[audience].name) != names.end();
}

void ChangeFeed::change(const std::string& id, uint32_t audience, bool enter) {
  runtime::RecordLine l(at_, "audience");
  l.text("profile", id).text("audience", program_.audiences[audience].name)
      .text("change", enter ? "enter" : "exit");
  out_.write(l.done());
  ++(enter ? enters_ : exits_);
}

}  // namespace journey::audience
