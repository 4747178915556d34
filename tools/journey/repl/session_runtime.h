// The REPL's simulation: a runtime::Runtime on a virtual clock that moves only when asked
// (`:advance`, `:until`), fed one record at a time (`:profile`, `:event`, `:set`), whose output
// records are collected for `:out`.
//
// Every accepted input is logged as the JSON line it became. When the program changes the
// runtime is built afresh and the log replayed into it with the output muted, so the state is
// kept wherever the new program still accepts the inputs; a line it refuses is dropped with a
// note.
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/program_ir.h"
#include "vm/runtime/clock.h"
#include "vm/runtime/input_records.h"
#include "vm/runtime/runtime.h"
#include "vm/runtime/store.h"

namespace journey::repl {

class SessionRuntime {
 public:
  // The clock starts at `start` and is not running: nothing has happened yet.
  explicit SessionRuntime(Timestamp start);
  ~SessionRuntime();

  // Runs `program` from now on (on "interp" or "jit"), replaying the inputs so far. Returns
  // a note for each input the new program refuses (dropped from the log). `stop`, asked
  // between inputs, ends the replay where it got to (a new schedule every minute can make a
  // long replay of a clock that moved years): the inputs after that are dropped, with a note.
  std::vector<std::string> load(ir::ProgramIr program, const std::string& engine,
                                const std::function<bool()>& stop = {});
  bool loaded() const { return runtime_ != nullptr; }
  const ir::ProgramIr& program() const { return *program_; }

  // Each returns why the input was refused (nothing happened then), or nothing.
  // A profile as a JSON object: a new one, or a replacement of the profile with its id; it
  // becomes the current profile. Before the clock runs it is an initial profile (memberships
  // set silently), afterwards it arrives as a `set` record creating it.
  std::optional<std::string> addProfile(const std::string& json);
  // A profile given as JSON, read against the schema: the id it names (empty when it names
  // none), and why it is refused, if it is.
  struct ProfileLine {
    std::string id;
    std::optional<std::string> refused;
  };
  ProfileLine readProfileLine(const std::string& json);
  // Makes a known profile the current one.
  std::optional<std::string> selectProfile(const std::string& id);
  // An event of the current profile at the current time; `data` is a JSON object or empty.
  std::optional<std::string> sendEvent(const std::string& event, const std::string& data);
  // A profile update of the current profile at the current time.
  std::optional<std::string> setProfile(const std::string& patch);
  // Moves the clock to `t`, firing every timer due. Before the clock runs, a time in the past
  // just moves the start; afterwards the clock cannot go back. Nor can it go more than
  // runtime::kDefaultMaxGap ahead at once, as far as `journey run` takes between two records: a
  // mistyped year would fire every timer and schedule tick of the years between.
  std::optional<std::string> advanceTo(Timestamp t);
  // Before the clock runs: it will start at `t`, earlier or later (nothing has happened yet).
  void moveStart(Timestamp t);
  // Why advanceTo(t) would refuse to move that far ahead, if it would.
  std::optional<std::string> tooFarAhead(Timestamp t) const;

  Timestamp now() const;
  bool running() const { return started_; }
  const std::string& currentProfile() const { return current_; }
  // The current profile's value (a record of the schema), if there is one.
  std::optional<Value> currentProfileValue();
  // What the journey functions answer for the current profile now.
  stdlib::Host* host();
  // Whether profile `id` is in the audience now, as `inAudience()` answers it there (a rule's
  // error leaves it out); nothing for an unknown profile or audience.
  std::optional<bool> inAudience(const std::string& id, const std::string& audience);

  // The output records written since the last call, or the last `limit` of them when a limit
  // is set (limitHeldOutput): `dropped` counts the earlier ones not held.
  struct HeldOutput {
    std::vector<std::string> lines;
    size_t dropped = 0;
  };
  HeldOutput takeOutput();
  // Holds at most `records` output records between two takeOutput calls, the latest: the REPL
  // would otherwise hold a long clock move's every record (a schedule every minute, for a year).
  void limitHeldOutput(size_t records) { heldLimit_ = records; }

  // What the records written since markOutput() were, however many of them are held.
  struct OutputTally {
    size_t records = 0;
    std::vector<std::string> firstKinds;  // the first kFirstKinds records' kinds, in order
    std::vector<std::pair<std::string, size_t>> kindCounts;  // in order of first appearance
    static constexpr size_t kFirstKinds = 9;
  };
  void markOutput() { tally_ = {}; }
  const OutputTally& outputSinceMark() const { return tally_; }

  // Forgets every input, profile and output record; the clock goes back to where it started.
  void reset();

  // For `:state`.
  runtime::Store& store() { return *store_; }
  std::optional<Timestamp> timeoutDeadline(const runtime::Instance& instance) const {
    return runtime_ ? runtime_->timeoutDeadline(instance) : std::nullopt;
  }

 private:
  struct LoggedInput {
    enum class Kind { Profile, Record, Start, Clock } kind;
    std::string line;  // Profile, Record: the JSON line
    Timestamp time;    // Start, Clock: when
  };
  class CollectingSink;

  void build();
  // Holds an output record and counts it.
  void collect(std::string_view line);
  // Applies one input; `why` is set when it is refused.
  bool apply(const LoggedInput& input, std::string& why);
  // Applies a new input (starting the clock first when it needs it) and logs it.
  std::optional<std::string> submit(LoggedInput input);
  // `{"time": NOW, "profile": PROFILE, REST}`
  std::string recordLine(const std::string& profile, const std::string& rest) const;

  std::unique_ptr<ir::ProgramIr> program_;
  std::string engineName_ = "interp";
  std::unique_ptr<runtime::ExpressionEngine> engine_;
  std::unique_ptr<runtime::Store> store_;
  runtime::VirtualClock clock_;
  std::unique_ptr<CollectingSink> sink_;
  std::unique_ptr<runtime::Runtime> runtime_;
  std::unique_ptr<runtime::InputReader> reader_;
  std::unique_ptr<stdlib::Host> host_;

  Timestamp start_;
  bool started_ = false;
  std::vector<LoggedInput> log_;
  std::deque<std::string> output_;
  size_t dropped_ = 0;
  size_t heldLimit_ = SIZE_MAX;
  OutputTally tally_;
  std::string current_;
  size_t lineNumber_ = 0;
};

}  // namespace journey::repl
