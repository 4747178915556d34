#include "vm/runtime/input_records.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <unordered_map>
#include <vector>

#include "compiler/sema/suggest.h"
#include "vm/interp/json_input.h"
#include "vm/runtime/line_reader.h"
#include "vm/runtime/record_order.h"
#include "vm/runtime/text_hash.h"
#include "vm/runtime/time_math.h"
#include "vm/value/json_error_text.h"
#include "vm/value/json_string.h"
#include "vm/value/object_chunks.h"
#include "vm/value/record.h"
#include "vm/value/short_text.h"
#include "vm/value/value_convert.h"

namespace journey::runtime {

namespace {

using simdjson::dom::element;

// The most text parsed in one go as a stream (simdjson's own default): more would only grow
// the parser's buffers, which are reused from one call to the next.
constexpr size_t kStreamWindow = 1'000'000;

// The keys of a record line.
enum Key : size_t { kTime, kProfile, kEvent, kData, kSet, kKind, kAudience, kChange, kKeyCount };

// Which key `key` is, or kKeyCount: by length first, so that each is compared once at most.
Key keyOf(std::string_view key) {
  switch (key.size()) {  // sameText: no call to memcmp
    case 3: return sameText(key, "set") ? kSet : kKeyCount;
    case 4:
      return sameText(key, "time")   ? kTime
             : sameText(key, "data") ? kData
             : sameText(key, "kind") ? kKind
                                     : kKeyCount;
    case 5: return sameText(key, "event") ? kEvent : kKeyCount;
    case 6: return sameText(key, "change") ? kChange : kKeyCount;
    case 7: return sameText(key, "profile") ? kProfile : kKeyCount;
    case 8: return sameText(key, "audience") ? kAudience : kKeyCount;
    default: return kKeyCount;
  }
}

std::string jsonQuoted(std::string_view s) {
  std::string out;
  appendJsonString(out, s);
  return out;
}

std::string found(std::string_view what, std::string_view want, const element& e) {
  return std::string(what) + ": expected " + std::string(want) + ", found " +
         interp::jsonFound(e);
}

}  // namespace

struct InputReader::Impl {
  Impl(const ir::ProgramIr& p, FieldDefaults d)
      : program(p),
        defaults(std::move(d)),
        profileInput{p.types, p.layouts, defaults},
        eventInput{p.types, p.layouts, defaults},
        patchInput{p.types, p.layouts, defaults},
        profileConverter(profileInput, true),  // profiles are kept together: share strings
        eventConverter(eventInput, false),
        patchConverter(patchInput, false) {
    patchInput.partial = true;
    eventInput.suppliedReason = "the event's time is the record's \"time\", not a data field";
    if (p.events.size() > kScannedEvents) {  // else eventNamed compares the names
      for (size_t i = 0; i < p.events.size(); ++i) {
        eventsByName.emplace(p.events[i].name, static_cast<uint32_t>(i));
      }
    }
    if (p.profileRecord) idField = p.layouts[*p.profileRecord].find("id");
    simdjson::error_code error = emptyParser.parse("{}", 2).get(emptyObject);
    (void)error;  // `{}` parses
  }

  // Parses one line into `root`; false with `reason` set when it is not JSON.
  bool parse(std::string_view line, element& root, std::string& reason, bool padded = false) {
    // simdjson reads a little past the end: unless the line has room for that after it, copy
    // it into a buffer that has, reused.
    const char* text = line.data();
    if (!padded) {
      if (buffer.size() < line.size() + simdjson::SIMDJSON_PADDING) {
        buffer.resize(line.size() + simdjson::SIMDJSON_PADDING);
      }
      std::memcpy(buffer.data(), line.data(), line.size());
      text = buffer.data();
    }
    auto error = parser.parse(text, line.size(), false).get(root);
    if (error == simdjson::SUCCESS) return true;
    if (error == simdjson::NUMBER_ERROR) {
      if (std::optional<std::string> widened = interp::widenBigIntegers(line)) {
        widened->resize(widened->size() + simdjson::SIMDJSON_PADDING);  // read past the end
        size_t length = widened->size() - simdjson::SIMDJSON_PADDING;
        if (parser.parse(widened->data(), length, false).get(root) == simdjson::SUCCESS) {
          return true;
        }
      }
    }
    if (line == LineReader::kOverlongLine) {
      reason = LineReader::overlongReason();
    } else if (line.starts_with(LineReader::kByteOrderMark)) {  // skipped only where it starts a file
      reason = "not JSON: the line starts with a byte order mark (U+FEFF), which only the "
               "input's first line may have";
    } else if (error == simdjson::NUMBER_ERROR) {
      // The parser's one error for a malformed number and for valid JSON it cannot hold.
      reason = "not JSON this journey reads: a malformed number, or one beyond a double's range";
    } else {
      reason = "not JSON: " + jsonErrorText(error);
    }
    return false;
  }

  // Records come in time order, and most share the date of the last one: in the plain form,
  // only their time of day needs reading.
  Value timeOf(std::string_view text) {
    std::optional<int64_t> timeOfDay = plainTimeOfDay(text);
    if (timeOfDay && dayStart && sameText(text.substr(0, kDateLength), lastDateText())) {
      return Value::timestamp(*dayStart + *timeOfDay);
    }
    Value time = parseInputTimestamp(text);
    if (timeOfDay && !time.isError()) {
      std::memcpy(lastDate.data(), text.data(), kDateLength);
      dayStart = time.asTimestamp().seconds - *timeOfDay;
    }
    return time;
  }
  std::string_view lastDateText() const { return {lastDate.data(), kDateLength}; }

  // The seconds into the day of a time written `YYYY-MM-DDTHH:MM:SSZ` (the date unchecked);
  // none for any other form, which parseTimestamp reads.
  // Every record's time is read here: `HH:MM:SS` is checked and read as one word.
  static std::optional<int64_t> plainTimeOfDay(std::string_view t) {
    if (t.size() != 20 || t[10] != 'T' || t[19] != 'Z') return std::nullopt;
    uint64_t w;  // byte i of `HH:MM:SS` in bits 8i to 8i + 7
    std::memcpy(&w, t.data() + 11, sizeof w);
    constexpr uint64_t kHighNibbles = 0xF0F000F0F000F0F0;  // of the six digits
    constexpr uint64_t kZeros = 0x3030003030003030;        // '0' at each digit
    constexpr uint64_t kColons = 0x00003A00003A0000;       // ':' at bytes 2 and 5
    // A digit is 0x30 to 0x39: its high nibble is 3, and adding 6 keeps it 3 (no byte carries).
    if ((w & kHighNibbles) != kZeros || ((w + 0x0606000606000606) & kHighNibbles) != kZeros ||
        (w & 0x0000FF0000FF0000) != kColons) {
      return std::nullopt;
    }
    const uint64_t d = w - kZeros;  // each digit's value in its byte
    auto twoDigits = [d](int at) {
      return static_cast<int64_t>((d >> (8 * at)) & 0xFF) * 10 +
             static_cast<int64_t>((d >> (8 * at + 8)) & 0xFF);
    };
    const int64_t hours = twoDigits(0), minutes = twoDigits(3), seconds = twoDigits(6);
    if (hours > 23 || minutes > 59 || seconds > 59) return std::nullopt;
    return hours * 3600 + minutes * 60 + seconds;
  }

  // Whether profiles are built with their id (not when keepProfileFields leaves it out).
  bool idBuilt() const {
    return keptProfileFields.empty() ||
           keptProfileFields[*program.profileRecord][static_cast<size_t>(idField)];
  }

  std::string_view idOf(const Value& profile) const {
    return profile.asRecord().field(static_cast<size_t>(idField)).asString();
  }

  RecordInput readRecord(std::string_view line, size_t lineNumber, bool padded);
  // A parsed profile line's, or record line's, outcome.
  std::variant<ProfileInput, Rejection> profileFrom(const element& root, size_t lineNumber);
  RecordInput recordFrom(const element& root, size_t lineNumber);
  // Parses the text `lines` span in one go, calling take(i, root) for lines 0, 1, … while the
  // values found are exactly those lines': how many were. `lines` as for readProfiles.
  template <typename Take>
  size_t parseInOneGo(const std::string_view* lines, size_t count, bool padded, Take take);
  // The JSON values of `text` (followed by readable padding), as one stream.
  simdjson::error_code streamOf(std::string_view text, simdjson::dom::document_stream& stream) {
    return streamParser
        .parse_many(reinterpret_cast<const uint8_t*>(text.data()), text.size(),
                    std::min(text.size(), kStreamWindow))
        .get(stream);
  }
  RecordInput readAudienceChange(const std::array<element, kKeyCount>& at,
                                 const std::array<bool, kKeyCount>& has, Timestamp time,
                                 std::string_view profile, size_t lineNumber);

  const ir::ProgramIr& program;
  FieldDefaults defaults;
  std::vector<std::vector<bool>> keptProfileFields;  // see keepProfileFields
  std::vector<std::vector<bool>> keptEventFields;    // see keepEventFields
  interp::JsonInput profileInput, eventInput, patchInput;
  interp::JsonConverter profileConverter, eventConverter, patchConverter;
  // Where profiles are built, after buildProfilesInChunks.
  std::optional<ObjectChunks> profileChunks;
  // Event names to indices, looked up by string_view without making a string.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view name) const { return textHash(name); }
  };
  std::unordered_map<std::string, uint32_t, NameHash, std::equal_to<>> eventsByName;
  // An event type by its name: the few names most programs declare are compared in turn (a
  // hash of the name costs more), more are looked up.
  static constexpr size_t kScannedEvents = 8;
  std::optional<uint32_t> eventNamed(std::string_view name) const {
    if (program.events.size() <= kScannedEvents) {
      for (uint32_t i = 0; i < program.events.size(); ++i) {
        if (sameText(program.events[i].name, name)) return i;
      }
      return std::nullopt;
    }
    auto it = eventsByName.find(name);
    if (it == eventsByName.end()) return std::nullopt;
    return it->second;
  }
  // Why `name` names no event: with the declared one it likely meant (`login` for `Login`).
  std::string unknownEvent(std::string_view name) const {
    std::string why = "unknown event type " + jsonQuoted(name);
    std::vector<std::string> names;
    for (const ir::EventIr& e : program.events) names.push_back(e.name);
    if (std::optional<std::string> meant = sema::closestName(name, names)) {
      why += ": did you mean " + jsonQuoted(*meant) + "?";
    }
    return why;
  }
  int idField = -1;
  RecordOrder order;
  bool checksOrder = true;  // see leaveOrderToCaller
  // Why a record at `time` is refused for its time, if it is.
  std::optional<std::string> outOfOrder(Timestamp time) const {
    return checksOrder ? order.problem(time) : std::nullopt;
  }
  // The date (`YYYY-MM-DD`) of the last time read in the plain form, and the instant its day
  // starts at.
  static constexpr size_t kDateLength = 10;
  std::array<char, kDateLength> lastDate{};
  std::optional<int64_t> dayStart;
  simdjson::dom::parser parser;
  simdjson::dom::parser streamParser;  // parseInOneGo's
  std::vector<char> buffer;
  // `{}`, for an event line without "data" (an event with no fields needs none).
  simdjson::dom::parser emptyParser;
  element emptyObject;
  const std::string profilePath = "profile", dataPath = "data", setPath = "set";
};

InputReader::InputReader(const ir::ProgramIr& program, FieldDefaults defaults)
    : impl_(std::make_unique<Impl>(program, std::move(defaults))) {}

InputReader::~InputReader() = default;

static_assert(simdjson::SIMDJSON_PADDING <= LineReader::kReadableAfter,
              "a LineReader's lines can be parsed in place");

std::variant<ProfileInput, Rejection> InputReader::readProfile(std::string_view line,
                                                               size_t lineNumber, bool padded) {
  Impl& m = *impl_;
  auto reject = [&](std::string reason) { return Rejection{lineNumber, std::move(reason)}; };
  if (!m.program.profileRecord || m.idField < 0) return reject("the program has no schema");
  element root;
  std::string reason;
  if (!m.parse(line, root, reason, padded)) return reject(std::move(reason));
  return m.profileFrom(root, lineNumber);
}

std::variant<ProfileInput, Rejection> InputReader::Impl::profileFrom(const element& root,
                                                                     size_t lineNumber) {
  auto convert = [&] { return profileConverter.convert(root, program.profileType, profilePath); };
  Value profile = profileChunks ? profileChunks->place(convert) : convert();
  if (profile.isError()) {
    std::string_view named;
    if (root["id"].get_string().get(named) != simdjson::SUCCESS) named = {};
    return Rejection{lineNumber, std::string(profile.errorMessage()), std::string(named)};
  }
  // Checked by the conversion: a string. Read from the JSON when no rule needs it built.
  std::string_view id;
  if (idBuilt()) {
    id = idOf(profile);
  } else if (root["id"].get_string().get(id) != simdjson::SUCCESS) {
    return Rejection{lineNumber, "profile.id: expected a string"};
  }
  if (id.empty()) return Rejection{lineNumber, "profile.id: the id is empty"};
  return ProfileInput{std::string(id), std::move(profile),
                      profileChunks ? profileChunks->lastSpan() : 0};
}

template <typename Take>
size_t InputReader::Impl::parseInOneGo(const std::string_view* lines, size_t count, bool padded,
                                       Take take) {
  if (!padded || count < 2) return 0;
  const char* text = lines[0].data();
  size_t length = static_cast<size_t>(lines[count - 1].data() + lines[count - 1].size() - text);
  simdjson::dom::document_stream stream;
  auto error = streamOf({text, length}, stream);
  size_t done = 0;
  for (auto it = stream.begin(); !error && it != stream.end() && done < count; ++it) {
    // A value that is not exactly the next line's (a line holding an error, part of a value,
    // or two) ends the shortcut: the caller reads the rest line by line.
    element root;
    if ((*it).get(root) != simdjson::SUCCESS || !root.is_object()) break;
    std::string_view line = lines[done];
    if (text + it.current_index() != line.data()) break;
    size_t used = it.source().size();
    if (used > line.size() || !isBlankLine(line.substr(used))) break;
    take(done, root);
    ++done;
  }
  return done;
}

void InputReader::readProfiles(const std::string_view* lines, const size_t* numbers,
                               size_t count, bool padded, const ProfileSink& each) {
  Impl& m = *impl_;
  size_t done = 0;
  if (m.program.profileRecord && m.idField >= 0) {
    done = m.parseInOneGo(lines, count, padded, [&](size_t i, const element& root) {
      each(i, m.profileFrom(root, numbers[i]));
    });
  }
  for (; done < count; ++done) each(done, readProfile(lines[done], numbers[done], padded));
}

size_t InputReader::readProfileText(std::string_view text, size_t firstLine,
                                    const NumberedProfileSink& each) {
  Impl& m = *impl_;
  size_t line = firstLine;  // the number of the line that starts at `at`
  size_t at = 0;            // past the text's end once its last line is read
  auto endOfLine = [&](size_t from) {
    const void* nl = std::memchr(text.data() + from, '\n', text.size() - from);
    return nl ? static_cast<size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
  };
  if (m.program.profileRecord && m.idField >= 0) {
    simdjson::dom::document_stream stream;
    auto error = m.streamOf(text, stream);
    for (auto it = stream.begin(); !error && it != stream.end(); ++it) {
      // Blank lines before the value, then the value alone on its line; anything else (a
      // line holding an error, part of a value, or two) is read line by line from its line.
      element root;
      if ((*it).get(root) != simdjson::SUCCESS || !root.is_object()) break;
      size_t start = it.current_index();
      size_t lineStart = at, blanks = 0;
      while (lineStart < start) {
        size_t nl = endOfLine(lineStart);
        if (nl >= start) break;
        lineStart = nl + 1;
        ++blanks;
      }
      if (lineStart != start) break;
      size_t end = endOfLine(start);
      size_t used = it.source().size();
      if (start + used > end || !isBlankLine(text.substr(start + used, end - start - used))) break;
      line += blanks;
      each(line, m.profileFrom(root, line));
      ++line;
      at = end + 1;
    }
  }
  while (at <= text.size()) {  // line by line from `at` on
    size_t end = endOfLine(at);
    std::string_view one = text.substr(at, end - at);
    if (!one.empty() && one.back() == '\r') one.remove_suffix(1);
    if (!isBlankLine(one)) each(line, readProfile(one, line, true));
    ++line;
    at = end + 1;
  }
  return line - firstLine;
}

void InputReader::readRecords(const std::string_view* lines, const size_t* numbers,
                              size_t count, bool padded, std::vector<RecordInput>& out) {
  Impl& m = *impl_;
  size_t done = m.parseInOneGo(lines, count, padded, [&](size_t i, const element& root) {
    out.push_back(m.recordFrom(root, numbers[i]));
  });
  for (; done < count; ++done) out.push_back(readRecord(lines[done], numbers[done], padded));
}

RecordInput InputReader::readRecord(std::string_view line, size_t lineNumber, bool padded) {
  return impl_->readRecord(line, lineNumber, padded);
}

RecordInput InputReader::Impl::readRecord(std::string_view line, size_t lineNumber,
                                          bool padded) {
  element root;
  std::string reason;
  if (!parse(line, root, reason, padded)) return Rejection{lineNumber, std::move(reason)};
  return recordFrom(root, lineNumber);
}

RecordInput InputReader::Impl::recordFrom(const element& root, size_t lineNumber) {
  auto reject = [&](std::string reason) { return Rejection{lineNumber, std::move(reason)}; };
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS) {
    return reject(found("record", "a JSON object", root));
  }

  std::array<element, kKeyCount> at;
  std::array<bool, kKeyCount> has{};
  for (auto [key, value] : object) {
    Key k = keyOf(key);
    if (k == kKeyCount) {
      return reject("unknown key " + jsonQuoted(key) + " (a record has \"time\", \"profile\", and "
                    "\"event\" with \"data\", \"set\", or \"audience\" with \"change\")");
    }
    if (has[k]) return reject("duplicate key " + jsonQuoted(key));
    has[k] = true;
    at[k] = value;
  }

  if (!has[kTime]) return reject("missing \"time\"");
  std::string_view timeText;
  if (at[kTime].get_string().get(timeText) != simdjson::SUCCESS) {
    return reject(found("time", "an RFC 3339 timestamp string", at[kTime]));
  }
  Value timeValue = timeOf(timeText);
  if (timeValue.isError()) return reject("time: " + std::string(timeValue.errorMessage()));
  Timestamp time = timeValue.asTimestamp();

  if (!has[kProfile]) return reject("missing \"profile\"");
  std::string_view profile;
  if (at[kProfile].get_string().get(profile) != simdjson::SUCCESS) {
    return reject(found("profile", "a string (the profile's id)", at[kProfile]));
  }
  if (profile.empty()) return reject("profile: the id is empty");

  if (has[kEvent] + has[kSet] + has[kAudience] > 1) {
    return reject("more than one of \"event\", \"set\" and \"audience\": a record is one of them");
  }
  if (!has[kEvent] && !has[kSet] && !has[kAudience]) {
    return reject("missing \"event\", \"set\" or \"audience\"");
  }
  if (has[kData] && !has[kEvent]) return reject("\"data\" goes with \"event\" only");
  if (has[kAudience] && !has[kChange]) {
    return reject("missing \"change\": an audience record says \"enter\" or \"exit\"");
  }
  if (has[kChange] && !has[kAudience]) return reject("\"change\" goes with \"audience\" only");
  if (has[kKind] && !has[kAudience]) return reject("\"kind\" goes with \"audience\" only");
  if (has[kAudience]) return readAudienceChange(at, has, time, profile, lineNumber);

  int event = -1;
  if (has[kEvent]) {
    std::string_view name;
    if (at[kEvent].get_string().get(name) != simdjson::SUCCESS) {
      return reject(found("event", "a string (an event type)", at[kEvent]));
    }
    std::optional<uint32_t> type = eventNamed(name);
    if (!type) return reject(unknownEvent(name));
    event = static_cast<int>(*type);
  }

  if (std::optional<std::string> why = outOfOrder(time)) return reject(std::move(*why));

  if (event >= 0) {
    const ir::EventIr& ev = program.events[static_cast<size_t>(event)];
    bool hasTime = ev.timeField < program.layouts[ev.record].fieldCount();
    eventInput.suppliedField = hasTime ? static_cast<int>(ev.timeField) : -1;
    eventInput.suppliedValue = std::move(timeValue);
    const element& data = has[kData] ? at[kData] : emptyObject;
    Value record = eventConverter.convert(data, ev.type, dataPath);
    eventInput.suppliedValue = Value();
    if (record.isError()) return reject(std::string(record.errorMessage()));
    order.accept(time);
    return EventInput{time, std::string(profile), static_cast<uint32_t>(event), std::move(record)};
  }

  if (!program.profileRecord || idField < 0) return reject("the program has no schema");
  Value patch = patchConverter.convert(at[kSet], program.profileType, setPath);
  if (patch.isError()) return reject(std::string(patch.errorMessage()));
  RecordView view = patch.asRecord();
  size_t id = static_cast<size_t>(idField);
  if (view.has(id) && view.field(id).asString() != profile) {
    return reject("set.id: a set cannot change the profile's id (" +
                  jsonQuoted(view.field(id).asString()) + " is not " + jsonQuoted(profile) + ")");
  }
  order.accept(time);
  return SetInput{time, std::string(profile), std::move(patch)};
}

RecordInput InputReader::Impl::readAudienceChange(const std::array<element, kKeyCount>& at,
                                                  const std::array<bool, kKeyCount>& has,
                                                  Timestamp time, std::string_view profile,
                                                  size_t lineNumber) {
  auto reject = [&](std::string reason) { return Rejection{lineNumber, std::move(reason)}; };
  // One of the strings `allowed`, or why not (`expected` says them).
  auto oneOf = [&](Key k, const char* what, std::initializer_list<std::string_view> allowed,
                   std::string_view expected,
                   std::string_view& text) -> std::optional<std::string> {
    if (at[k].get_string().get(text) != simdjson::SUCCESS) return found(what, expected, at[k]);
    if (std::find(allowed.begin(), allowed.end(), text) != allowed.end()) return {};
    return std::string(what) + ": expected " + std::string(expected) + ", found " +
           jsonQuoted(text);
  };
  std::string_view kind, name, change;
  if (has[kKind]) {
    if (auto why = oneOf(kKind, "kind", {"audience"}, "\"audience\"", kind)) return reject(*why);
  }
  if (at[kAudience].get_string().get(name) != simdjson::SUCCESS) {
    return reject(found("audience", "a string (an audience's name)", at[kAudience]));
  }
  uint32_t audience = 0;
  while (audience < program.audiences.size() && program.audiences[audience].name != name) {
    ++audience;
  }
  if (audience == program.audiences.size()) return reject("unknown audience " + jsonQuoted(name));
  if (auto why = oneOf(kChange, "change", {"enter", "exit"}, "\"enter\" or \"exit\"", change)) {
    return reject(*why);
  }
  if (std::optional<std::string> why = outOfOrder(time)) return reject(std::move(*why));
  order.accept(time);
  return AudienceInput{time, std::string(profile), audience, change == "enter"};
}

void InputReader::keepProfileFields(std::vector<std::vector<bool>> kept) {
  Impl& m = *impl_;
  m.keptProfileFields = std::move(kept);
  m.profileInput.kept = &m.keptProfileFields;
}

void InputReader::buildProfilesInChunks() {
  if (!impl_->profileChunks) impl_->profileChunks.emplace();
}

void InputReader::rejectGapsOver(std::optional<Duration> gap, std::string flag) {
  impl_->order.limitGap(gap, std::move(flag));
}

void InputReader::leaveOrderToCaller() { impl_->checksOrder = false; }

void InputReader::keepEventFields(std::vector<std::vector<bool>> kept) {
  Impl& m = *impl_;
  m.keptEventFields = std::move(kept);
  m.eventInput.kept = &m.keptEventFields;
}

Value InputReader::newProfile(const std::string& id) const {
  const Impl& m = *impl_;
  if (!m.program.profileRecord || m.idField < 0) return Value::error("the program has no schema");
  Value profile = defaultRecord(m.program, m.defaults, *m.program.profileRecord);
  return withField(std::move(profile), static_cast<size_t>(m.idField), Value::string(id));
}

Value InputReader::newProfile(const std::string& id, const Value& patch) const {
  MergeSchema schema{impl_->program, impl_->defaults};
  return mergeProfile(newProfile(id), patch, &schema, true);
}

}  // namespace journey::runtime
