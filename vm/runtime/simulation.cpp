#include "vm/runtime/simulation.h"

#include "compiler/ir/field_reads.h"
#include "vm/runtime/input_records.h"
#include "vm/runtime/line_reader.h"
#include "vm/runtime/memory_store.h"

namespace journey::runtime {

namespace {

// Records read (and their profiles fetched) together: enough to overlap the memory latencies
// of their profiles' state, few enough to stay in the cache.
constexpr size_t kRecordBatch = 32;
// Profile lines parsed in one go, a chunk at a time (about 0.6 MB of the shop's profiles).
constexpr size_t kProfileChunk = 2048;

// A record's time and the id of the profile it names; none for a rejection.
std::pair<Timestamp, const std::string*> timeAndProfile(const RecordInput& read) {
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

// An abandoned store stays reachable from here, so leak checkers do not report it (volatile:
// an optimiser would drop a store to a variable nothing reads).
Store* volatile abandonedStore = nullptr;

}  // namespace

std::optional<std::string> simulate(const ir::ProgramIr& program, ExpressionEngine& engine,
                                    const SimulationInput& input, OutputSink& output,
                                    OutputSink& rejected, RunStats& stats) {
  std::optional<LineReader> profiles;
  if (!input.profiles.empty()) {
    profiles.emplace(input.profiles);
    if (!profiles->ok()) return "cannot read " + input.profiles;
  }
  LineReader events(input.events);
  if (!events.ok()) return "cannot read " + input.events;

  std::unique_ptr<Store> store = makeMemoryStore();
  VirtualClock clock;
  RuntimeOptions options;
  options.trace = input.trace;
  Runtime runtime(program, engine, *store, clock, output, options);
  InputReader reader(program, [&](sema::RecordId r, size_t f) { return runtime.fieldDefault(r, f); });
  // Event fields no journey reads are checked but not built (a cart's items, for a journey
  // that reads its id and total).
  reader.keepEventFields(ir::eventReads(program));
  // Profiles stay for the run: built side by side, each is one run of lines to prefetch.
  reader.buildProfilesInChunks();
  auto reject = [&](const std::string& name, const Rejection& r) {
    rejected.write(rejectedLine(name, r.line, r.reason));
    runtime.countRejected();
  };

  std::vector<std::string_view> lines, ids;
  std::vector<size_t> numbers;
  if (profiles) {
    for (;;) {  // a chunk of lines at a time, parsed in one go (InputReader::readProfiles)
      profiles->nextLines(kProfileChunk, lines, numbers);
      if (lines.empty()) break;
      dropBlankLines(lines, numbers);
      reader.readProfiles(lines.data(), numbers.data(), lines.size(), true,
                          [&](size_t, std::variant<ProfileInput, Rejection>&& read) {
                            if (auto* r = std::get_if<Rejection>(&read)) {
                              reject(input.profiles, *r);
                            } else {
                              runtime.addProfile(std::move(std::get<ProfileInput>(read)));
                            }
                          });
    }
  }

  bool started = false;
  Timestamp last{};
  // Records are read a batch at a time, and the store told, before any is applied, which
  // profiles the batch names and the time of its last record (timers due by then fire during
  // the batch): the memory latencies of a batch overlap (a run is bound by them).
  // Reading never depends on the state, so this changes no output.
  std::vector<RecordInput> batch;
  for (;;) {
    events.nextLines(kRecordBatch, lines, numbers);
    if (lines.empty()) break;
    dropBlankLines(lines, numbers);
    batch.clear();
    reader.readRecords(lines.data(), numbers.data(), lines.size(), true, batch);
    ids.clear();
    std::optional<Timestamp> until;
    for (const RecordInput& read : batch) {
      auto [time, profile] = timeAndProfile(read);
      if (profile) ids.push_back(*profile);
      if (profile && (!until || *until < time)) until = time;
    }
    if (until) runtime.prefetch(ids, *until);
    for (size_t i = 0; i < batch.size(); ++i) {
      RecordInput& read = batch[i];
      if (auto* r = std::get_if<Rejection>(&read)) {
        reject(input.events, *r);
        continue;
      }
      Timestamp time = timeAndProfile(read).first;
      if (!started) {
        runtime.start(time);
        started = true;
      }
      last = time;
      if (auto* e = std::get_if<EventInput>(&read)) {
        if (std::optional<std::string> why = runtime.apply(*e)) {
          reject(input.events, Rejection{numbers[i], *why});
        }
      } else if (auto* change = std::get_if<AudienceInput>(&read)) {
        if (std::optional<std::string> why = runtime.apply(*change)) {
          reject(input.events, Rejection{numbers[i], *why});
        }
      } else {
        SetInput& set = std::get<SetInput>(read);
        if (!runtime.hasProfile(set.profile)) {
          set.patch = mergeProfile(reader.newProfile(set.profile), set.patch);
        }
        runtime.apply(set);
      }
    }
  }
  Timestamp until = input.until.value_or(last);
  if (!started) runtime.start(until);
  runtime.finish(until);
  stats = runtime.stats();
  if (input.abandonStateAtEnd) abandonedStore = store.release();
  return std::nullopt;
}

}  // namespace journey::runtime
