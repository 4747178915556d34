#include "tools/journey/repl/session_runtime.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>
#include <variant>

#include "tools/journey/program_engine.h"
#include "vm/runtime/memory_store.h"
#include "vm/runtime/simulation.h"
#include "vm/runtime/time_math.h"
#include "vm/value/json_string.h"
#include "vm/value/value_convert.h"

namespace journey::repl {

// Collects output lines, except while the log is replayed into a new program.
class SessionRuntime::CollectingSink final : public runtime::OutputSink {
 public:
  explicit CollectingSink(SessionRuntime& session) : session_(session) {}
  void write(std::string_view line) override {
    if (!muted) session_.collect(line);
  }
  bool muted = false;

 private:
  SessionRuntime& session_;
};

SessionRuntime::SessionRuntime(Timestamp start) : start_(start) {}
SessionRuntime::~SessionRuntime() = default;

void SessionRuntime::build() {
  // The runtime refers to everything else: it goes first.
  host_.reset();
  runtime_.reset();
  reader_.reset();
  engine_ = cli::makeProgramEngine(*program_, engineName_);
  store_ = runtime::makeMemoryStore();
  clock_ = runtime::VirtualClock(start_);  // expressions see the start before the clock runs
  if (!sink_) sink_ = std::make_unique<CollectingSink>(*this);
  // The REPL evaluates expressions the program does not have: any history may be listed.
  runtime::RuntimeOptions options;
  options.keepEveryRetainedRecord = true;
  runtime_ = std::make_unique<runtime::Runtime>(*program_, *engine_, *store_, clock_, *sink_,
                                                options);
  reader_ = std::make_unique<runtime::InputReader>(
      *program_, [this](sema::RecordId r, size_t f) { return runtime_->fieldDefault(r, f); });
  started_ = false;
}

std::vector<std::string> SessionRuntime::load(ir::ProgramIr program, const std::string& engine,
                                              const std::function<bool()>& stop) {
  program_ = std::make_unique<ir::ProgramIr>(std::move(program));
  engineName_ = engine;
  build();
  std::vector<std::string> notes;
  sink_->muted = true;
  std::vector<LoggedInput> kept;
  for (size_t i = 0; i < log_.size(); ++i) {
    if (i > 0 && stop && stop()) {
      size_t dropped = std::count_if(log_.begin() + static_cast<std::ptrdiff_t>(i), log_.end(),
                                     [](const LoggedInput& later) { return !later.line.empty(); });
      std::string note = "the replay was stopped at " + formatTimestamp(now()) +
                         ", where the clock is now";
      if (dropped == 1) note += ": the profile, event or set after it was dropped";
      if (dropped > 1) {
        note += fmt::format(": the {} profiles, events and sets after it were dropped", dropped);
      }
      notes.push_back(std::move(note));
      break;
    }
    const LoggedInput& input = log_[i];
    std::string why;
    if (apply(input, why)) {
      kept.push_back(input);
    } else {
      notes.push_back("dropped `" + input.line + "`: " + why);
    }
  }
  sink_->muted = false;
  log_ = std::move(kept);
  // A current profile the replay dropped is no longer one: `:event` and `:set` must not
  // recreate it from a part.
  if (!current_.empty() && !runtime_->hasProfile(current_)) {
    notes.push_back("there is no current profile now: `" + current_ + "` is unknown");
    current_.clear();
  }
  return notes;
}

Timestamp SessionRuntime::now() const { return started_ ? clock_.now() : start_; }

bool SessionRuntime::apply(const LoggedInput& input, std::string& why) {
  switch (input.kind) {
    case LoggedInput::Kind::Start:
      runtime_->start(input.time);
      started_ = true;
      return true;
    case LoggedInput::Kind::Clock:
      runtime_->finish(input.time);
      return true;
    case LoggedInput::Kind::Profile: {
      auto read = reader_->readProfile(input.line, ++lineNumber_);
      if (auto* r = std::get_if<runtime::Rejection>(&read)) {
        why = r->reason;
        return false;
      }
      runtime_->addProfile(std::move(std::get<runtime::ProfileInput>(read)));
      return true;
    }
    case LoggedInput::Kind::Record: {
      runtime::RecordInput read = reader_->readRecord(input.line, ++lineNumber_);
      if (auto* r = std::get_if<runtime::Rejection>(&read)) {
        why = r->reason;
        return false;
      }
      if (auto* e = std::get_if<runtime::EventInput>(&read)) {
        std::optional<std::string> refused = runtime_->apply(*e);
        if (refused) why = *refused;
        return !refused;
      }
      runtime::SetInput& set = std::get<runtime::SetInput>(read);
      if (!runtime_->hasProfile(set.profile)) {
        set.patch = reader_->newProfile(set.profile, set.patch);
      }
      std::optional<std::string> refused = runtime_->apply(set);
      if (refused) why = *refused;
      return !refused;
    }
  }
  return false;
}

std::optional<std::string> SessionRuntime::submit(LoggedInput input) {
  if (!started_ && input.kind != LoggedInput::Kind::Profile) {
    LoggedInput start{LoggedInput::Kind::Start, "", start_};
    std::string unused;
    apply(start, unused);
    log_.push_back(start);
  }
  std::string why;
  if (!apply(input, why)) return why;
  log_.push_back(std::move(input));
  return std::nullopt;
}

std::string SessionRuntime::recordLine(const std::string& profile, const std::string& rest) const {
  std::string line = "{\"time\": \"" + formatTimestamp(now()) + "\", \"profile\": ";
  appendJsonString(line, profile);
  return line + ", " + rest + "}";
}

namespace {

// The `"id"` of a JSON object, when it has a string one.
std::optional<std::string> profileIdIn(const std::string& json) {
  simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  std::string_view id;
  simdjson::dom::element doc;
  if (parser.parse(padded).get(doc) || doc["id"].get_string().get(id)) return std::nullopt;
  return std::string(id);
}

}  // namespace

SessionRuntime::ProfileLine SessionRuntime::readProfileLine(const std::string& json) {
  auto read = reader_->readProfile(json, ++lineNumber_);
  if (auto* p = std::get_if<runtime::ProfileInput>(&read)) return {p->id, std::nullopt};
  return {profileIdIn(json).value_or(""), std::get<runtime::Rejection>(read).reason};
}

std::optional<std::string> SessionRuntime::addProfile(const std::string& json) {
  // Once the clock runs, a known profile's fields are merged (a `set`), so a part will do;
  // the `set` record checks what is given.
  if (std::optional<std::string> known = profileIdIn(json); started_ && known &&
                                                         runtime_->hasProfile(*known)) {
    std::optional<std::string> refused =
        submit({LoggedInput::Kind::Record, recordLine(*known, "\"set\": " + json), {}});
    if (!refused) current_ = *known;
    return refused;
  }
  // Read once to learn the id (and refuse a profile that does not fit the schema).
  auto read = reader_->readProfile(json, ++lineNumber_);
  if (auto* r = std::get_if<runtime::Rejection>(&read)) return r->reason;
  std::string id = std::get<runtime::ProfileInput>(read).id;
  std::optional<std::string> refused =
      started_ ? submit({LoggedInput::Kind::Record, recordLine(id, "\"set\": " + json), {}})
               : submit({LoggedInput::Kind::Profile, json, {}});
  if (!refused) current_ = id;
  return refused;
}

std::optional<std::string> SessionRuntime::selectProfile(const std::string& id) {
  if (!runtime_->hasProfile(id)) return "no profile has the id \"" + id + "\"";
  current_ = id;
  return std::nullopt;
}

std::optional<std::string> SessionRuntime::sendEvent(const std::string& event,
                                                     const std::string& data) {
  if (current_.empty()) return "no current profile: give one with `:profile`";
  std::string rest = "\"event\": ";
  appendJsonString(rest, event);
  if (!data.empty()) rest += ", \"data\": " + data;
  return submit({LoggedInput::Kind::Record, recordLine(current_, rest), {}});
}

std::optional<std::string> SessionRuntime::setProfile(const std::string& patch) {
  if (current_.empty()) return "no current profile: give one with `:profile`";
  return submit({LoggedInput::Kind::Record, recordLine(current_, "\"set\": " + patch), {}});
}

std::optional<std::string> SessionRuntime::advanceTo(Timestamp t) {
  if (!started_ && t < start_) {
    moveStart(t);
    return std::nullopt;
  }
  if (t < now()) {
    return "the clock is at " + formatTimestamp(now()) + " and cannot go back to " +
           formatTimestamp(t);
  }
  if (std::optional<std::string> why = tooFarAhead(t)) return why;
  return submit({LoggedInput::Kind::Clock, "", t});
}

void SessionRuntime::moveStart(Timestamp t) {
  start_ = t;
  clock_ = runtime::VirtualClock(t);
}

std::optional<std::string> SessionRuntime::tooFarAhead(Timestamp t) const {
  if (!(runtime::plusDuration(now(), runtime::kDefaultMaxGap) < t)) return std::nullopt;
  const std::string most = runtime::authorDuration(runtime::kDefaultMaxGap);
  return formatTimestamp(t) + " is more than " + most + " after now (" + formatTimestamp(now()) +
         "): the clock moves at most " + most + " at a time, as `journey run` takes records";
}

std::optional<Value> SessionRuntime::currentProfileValue() {
  runtime::ProfileState* p = current_.empty() ? nullptr : store_->findProfile(current_);
  if (!p) return std::nullopt;
  return p->profile;
}

stdlib::Host* SessionRuntime::host() {
  host_ = runtime_->hostFor(current_);
  return host_.get();
}

std::optional<bool> SessionRuntime::inAudience(const std::string& id,
                                               const std::string& audience) {
  if (!runtime_ || !store_->findProfile(id)) return std::nullopt;
  Value v = runtime_->hostFor(id)->inAudience(audience);
  if (v.isError() && program_->findAudience(audience) < 0) return std::nullopt;
  return v.kind() == ValueKind::Bool && v.asBool();
}

void SessionRuntime::collect(std::string_view line) {
  if (heldLimit_ == 0) {
    ++dropped_;
  } else {
    if (output_.size() == heldLimit_) {
      output_.pop_front();
      ++dropped_;
    }
    output_.emplace_back(line);
  }
  static constexpr std::string_view kKind = "\"kind\": \"";
  size_t at = line.find(kKind);
  if (at == std::string_view::npos) return;
  size_t begin = at + kKind.size();
  std::string_view kind = line.substr(begin, line.find('"', begin) - begin);
  ++tally_.records;
  if (tally_.firstKinds.size() < OutputTally::kFirstKinds) tally_.firstKinds.emplace_back(kind);
  auto counted = std::find_if(tally_.kindCounts.begin(), tally_.kindCounts.end(),
                              [&](const auto& c) { return c.first == kind; });
  if (counted != tally_.kindCounts.end()) {
    ++counted->second;
  } else {
    tally_.kindCounts.emplace_back(kind, 1);
  }
}

SessionRuntime::HeldOutput SessionRuntime::takeOutput() {
  HeldOutput held{{std::make_move_iterator(output_.begin()), std::make_move_iterator(output_.end())},
                  std::exchange(dropped_, 0)};
  output_.clear();
  return held;
}

void SessionRuntime::reset() {
  for (const LoggedInput& input : log_) {
    if (input.kind == LoggedInput::Kind::Start) start_ = input.time;
  }
  log_.clear();
  output_.clear();
  dropped_ = 0;
  current_.clear();
  build();
}

}  // namespace journey::repl
