// Reading the simulation's inputs (LANGUAGE.md §5): profiles as JSON lines, and the record
// stream as JSON lines (`event` records and `set` records), each checked against the program's
// schema. A line that does not parse or does not match becomes a Rejection naming its line and
// the reason; reading goes on with the next line.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>

#include "compiler/ir/program_ir.h"
#include "vm/runtime/profile_merge.h"
#include "vm/value/value.h"

namespace journey::runtime {

struct Rejection {
  Rejection() = default;
  Rejection(size_t line, std::string reason, std::string profile = {})
      : line(line), reason(std::move(reason)), profile(std::move(profile)) {}

  size_t line = 0;
  std::string reason;  // "data.total: expected a number, found a string", "not JSON: ...", ...
  std::string profile;  // a rejected profile line's id, when it names one as a string
};

struct ProfileInput {
  std::string id;
  Value profile;  // a record of the schema's type, defaults applied
  // What the profile's objects span where they were built (ObjectChunks::lastSpan), for the
  // store's prefetch; 0 when not known.
  uint32_t spanBytes = 0;
};

// `{"time": T, "profile": P, "event": E, "data": {...}}` ("data" may be left out when the
// event's fields all have defaults or are optional; it must not hold `time`).
struct EventInput {
  Timestamp time;
  std::string profile;
  uint32_t event = 0;  // index into ProgramIr::events
  Value record;        // the event's record, `time` included, defaults applied
};

// `{"time": T, "profile": P, "set": {...}}`
struct SetInput {
  Timestamp time;
  std::string profile;
  Value patch;  // a record of the schema's type holding only the fields given (nested records
                // likewise partial; an optional field given null is present as null, meaning
                // "make it absent"); apply it with mergeProfile (profile_merge.h)
};

// `{"time": T, "profile": P, "audience": A, "change": "enter"|"exit"}` (with, optionally,
// `"kind": "audience"`): a membership change decided elsewhere, the records `journey run` and
// `journey audience --previous` write.
struct AudienceInput {
  Timestamp time;
  std::string profile;
  uint32_t audience = 0;  // index into ProgramIr::audiences
  bool enter = false;
};

using RecordInput = std::variant<EventInput, SetInput, AudienceInput, Rejection>;

// A record's time and the id of the profile it names; none for a rejection.
inline std::pair<Timestamp, const std::string*> timeAndProfile(const RecordInput& read) {
  return std::visit(
      [](const auto& r) -> std::pair<Timestamp, const std::string*> {
        if constexpr (std::is_same_v<std::decay_t<decltype(r)>, Rejection>) {
          return {Timestamp{}, nullptr};
        } else {
          return {r.time, &r.profile};
        }
      },
      read);
}

class InputReader {
 public:
  // `program` and the defaults must outlive the reader.
  InputReader(const ir::ProgramIr& program, FieldDefaults defaults);
  ~InputReader();
  InputReader(const InputReader&) = delete;
  InputReader& operator=(const InputReader&) = delete;

  // One line of the profiles input. Blank lines are not passed in.
  // `padded`: the line comes from a LineReader, which leaves readable bytes after it (any
  // content), so it is parsed where it is instead of copied.
  std::variant<ProfileInput, Rejection> readProfile(std::string_view line, size_t lineNumber,
                                                    bool padded = false);
  // readProfile of each of `lines`, handed to `each` with its index in order. The lines lie
  // in that order in one text (blank lines may lie between them but are not passed in). With
  // `padded`, the text they span is parsed in one go, which costs less than a parse per line;
  // the outcomes are readProfile's all the same.
  using ProfileSink = std::function<void(size_t, std::variant<ProfileInput, Rejection>&&)>;
  void readProfiles(const std::string_view* lines, const size_t* numbers, size_t count,
                    bool padded, const ProfileSink& each);
  // readProfile of every line of `text`: whole lines, the first numbered `firstLine`, with
  // room after the text as LineReader::nextText leaves it. Blank lines are skipped; the others
  // go to `each` with their numbers, in order. The text is parsed in one go, and its newlines
  // are looked for in bytes already read by the parse. Returns how many lines it holds.
  using NumberedProfileSink =
      std::function<void(size_t line, std::variant<ProfileInput, Rejection>&&)>;
  size_t readProfileText(std::string_view text, size_t firstLine, const NumberedProfileSink& each);
  // readRecord of each of `lines`, appended to `out` in order; `lines` as for readProfiles.
  void readRecords(const std::string_view* lines, const size_t* numbers, size_t count,
                   bool padded, std::vector<RecordInput>& out);
  // One line of the record stream. A record whose time is before the previous accepted
  // record's time is rejected as out of order, and one further after it than rejectGapsOver
  // allows as a time too far ahead. A `set` may not change the profile's id.
  RecordInput readRecord(std::string_view line, size_t lineNumber, bool padded = false);
  // From now on, a record more than `gap` after the previous accepted record is rejected (none:
  // any gap is accepted). `flag` names the setting that changes the limit, for the message.
  void rejectGapsOver(std::optional<Duration> gap, std::string flag);
  // From now on, records are not refused for their time: the caller checks the order of the
  // records it applies (RecordOrder), where one the reader accepts may still be refused later
  // (an event for an unknown profile), and must not count as the last accepted.
  void leaveOrderToCaller();

  // From now on, build only these fields of the profiles read (per record type, like the
  // program's layouts; ProfileInput::id is given all the same): the others are type-checked,
  // with the same errors, but left absent. For readers that know which fields they use
  // (`journey audience`).
  void keepProfileFields(std::vector<std::vector<bool>> kept);
  // The same for events' records (and the records inside them): for a run, whose journeys
  // read a known part of each event (`journey run`, ir/field_reads.h).
  void keepEventFields(std::vector<std::vector<bool>> kept);

  // From now on, build each profile's objects side by side in chunks that last as long as any
  // of them (vm/value/object_chunks.h), born packed: for a reader whose profiles stay for the
  // run (`journey run`). A reader that drops each profile once used (`journey audience`) leaves
  // them to the heap, which reuses their memory at once.
  void buildProfilesInChunks();

  // A new profile holding only `id` and the schema's defaults, required nested records built
  // for their own defaults (a `set` for an unknown profile). Without a schema: an Error value.
  // Reads only what the reader was built with, so another thread may call it while this one
  // reads (a run reading ahead, simulation.cpp).
  Value newProfile(const std::string& id) const;
  // The same with a `set`'s patch merged in, the nested records it creates starting from their
  // defaults (mergeProfile with the schema). Check it with missingAfterMerge.
  Value newProfile(const std::string& id, const Value& patch) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace journey::runtime
