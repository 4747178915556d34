#include "vm/runtime/simulation.h"

#include <deque>
#include <exception>
#include <thread>

#include "compiler/ir/field_reads.h"
#include "vm/runtime/batch_queue.h"
#include "vm/runtime/input_records.h"
#include "vm/runtime/line_reader.h"
#include "vm/runtime/memory_store.h"
#include "vm/runtime/record_order.h"
#include "vm/runtime/refused_profiles.h"

namespace journey::runtime {

namespace {

// Records read (and their profiles fetched) together: enough to overlap the memory latencies
// of their profiles' state, few enough to stay in the cache.
constexpr size_t kRecordBatch = 32;
// Profile lines parsed in one go, a chunk at a time (about 0.6 MB of the shop's profiles).
constexpr size_t kProfileChunk = 2048;
// How far the reading thread may run ahead of the runtime, in batches (a few megabytes of
// records): enough that neither waits for the other's moments of slowness. And in bytes, for
// records that hold more than their lines: a `set`'s patch has a slot for every field of the
// profile, 20 KB for a profile of a thousand fields however few the line gives (512 batches of
// them were 335 MB).
constexpr size_t kBatchesAhead = 512;
constexpr size_t kBytesAhead = size_t{32} << 20;
// How many runs of spent batches (and bytes of them) may wait for the reading thread to
// destroy them; beyond that the runtime's thread destroys them itself rather than wait.
constexpr size_t kSpentRuns = 64;
constexpr size_t kSpentBytes = size_t{32} << 20;

// What the reading side hands the runtime: a chunk of profiles, or a batch of records with
// their line numbers (which the runtime's own rejections name); and about the bytes each
// holds, its lines' and its records' own fields (what the queues between the threads count).
struct ProfileBatch {
  std::vector<std::variant<ProfileInput, Rejection>> reads;
  size_t bytes = 0;
};
struct RecordBatch {
  std::vector<RecordInput> reads;
  std::vector<size_t> lines;
  size_t bytes = 0;
};
using InputBatch = std::variant<ProfileBatch, RecordBatch>;

size_t bytesOf(const InputBatch& batch) {
  return std::visit([](const auto& b) { return b.bytes; }, batch);
}

// The bytes of a read record's own fields (what they hold in turn is counted by the line).
size_t fieldBytes(const RecordInput& read) {
  const Value* value = nullptr;
  if (auto* set = std::get_if<SetInput>(&read)) value = &set->patch;
  if (auto* event = std::get_if<EventInput>(&read)) value = &event->record;
  if (!value || value->kind() != ValueKind::Record) return 0;
  return RecordObject::bytesFor(static_cast<const RecordObject*>(value->heapObject())->fieldCount);
}

size_t lineBytes(const std::vector<std::string_view>& lines) {
  size_t bytes = 0;
  for (std::string_view line : lines) bytes += line.size();
  return bytes;
}

// Reads every profile, then every record, a batch at a time, and hands each batch to `take`,
// which may move it away (the next one is then built anew) or leave it to be filled again;
// stops early when `take` returns false. Reading never depends on the runtime's state, which
// is why it can run on a thread of its own.
// `between` runs before each batch is read (the reading thread destroys spent batches there).
template <typename Take, typename Between>
void readInputs(InputReader& reader, LineReader* profiles, LineReader& events, Take take,
                Between between) {
  std::vector<std::string_view> lines;
  std::vector<size_t> numbers;
  InputBatch batch{ProfileBatch{}};
  for (bool more = profiles != nullptr; more;) {
    between();
    profiles->nextLines(kProfileChunk, lines, numbers);
    if (lines.empty()) break;
    dropBlankLines(lines, numbers);
    auto& reads = std::get<ProfileBatch>(batch).reads;
    reads.clear();
    reads.reserve(lines.size());
    reader.readProfiles(lines.data(), numbers.data(), lines.size(), true,
                        [&](size_t, std::variant<ProfileInput, Rejection>&& read) {
                          reads.push_back(std::move(read));
                        });
    std::get<ProfileBatch>(batch).bytes = lineBytes(lines);
    more = take(batch);
  }
  batch = RecordBatch{};
  for (;;) {
    between();
    events.nextLines(kRecordBatch, lines, numbers);
    if (lines.empty()) break;
    dropBlankLines(lines, numbers);
    RecordBatch& records = std::get<RecordBatch>(batch);
    records.reads.clear();
    records.reads.reserve(lines.size());
    reader.readRecords(lines.data(), numbers.data(), lines.size(), true, records.reads);
    records.lines.assign(numbers.begin(), numbers.end());
    records.bytes = lineBytes(lines);
    for (const RecordInput& read : records.reads) records.bytes += fieldBytes(read);
    if (!take(batch)) break;
  }
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
    if (!profiles->ok()) return "cannot read " + input.profiles + ": " + profiles->whyNot();
  }
  LineReader events(input.events);
  if (!events.ok()) return "cannot read " + input.events + ": " + events.whyNot();

  std::unique_ptr<Store> store = makeMemoryStore();
  VirtualClock clock;
  RuntimeOptions options;
  options.trace = input.trace;
  Runtime runtime(program, engine, *store, clock, output, options);
  // The defaults are the runtime's constants, computed when it starts: reading them from the
  // reading thread races with nothing.
  InputReader reader(program,
                     [&](sema::RecordId r, size_t f) { return runtime.fieldDefault(r, f); });
  // Event fields no journey reads are checked but not built (a cart's items, for a journey
  // that reads its id and total).
  reader.keepEventFields(ir::eventReads(program));
  // The order is checked here, against the records applied: the reader, reading ahead, cannot
  // know which of its records the runtime refuses (an event for an unknown profile).
  reader.leaveOrderToCaller();
  RecordOrder order;
  order.limitGap(input.maxGap, input.maxGapFlag);
  // Profiles stay for the run: built side by side, each is one run of lines to prefetch.
  reader.buildProfilesInChunks();
  auto reject = [&](const std::string& name, const Rejection& r) {
    rejected.write(rejectedLine(name, r.line, r.reason));
    runtime.countRejected(&name == &input.profiles);  // by address: one path may name both
  };

  RefusedProfiles refused;  // for the records that name a profile whose line was rejected
  std::vector<std::string_view> named;  // the ids a profile batch names, kept for its memory
  auto applyProfiles = [&](ProfileBatch& batch) {
    // Each profile is first looked up (an id given twice replaces the profile): the index's
    // lines for the whole batch are loaded together, as for records (applyRecords).
    named.clear();
    for (const std::variant<ProfileInput, Rejection>& read : batch.reads) {
      if (auto* p = std::get_if<ProfileInput>(&read)) named.push_back(p->id);
    }
    runtime.prefetchProfiles(named);
    for (std::variant<ProfileInput, Rejection>& read : batch.reads) {
      if (auto* r = std::get_if<Rejection>(&read)) {
        refused.remember(*r, input.profiles);
        reject(input.profiles, *r);
      } else {
        runtime.addProfile(std::move(std::get<ProfileInput>(read)));
      }
    }
  };

  bool started = false;
  // Records are applied a batch at a time, and the runtime told the whole batch before any is
  // applied (Runtime::prefetch: the profiles, timers and entry keys it will read): the memory
  // latencies of a batch overlap (a run is bound by them).
  auto applyRecords = [&](RecordBatch& batch) {
    runtime.prefetch(batch.reads);
    for (size_t i = 0; i < batch.reads.size(); ++i) {
      RecordInput& read = batch.reads[i];
      if (auto* r = std::get_if<Rejection>(&read)) {
        reject(input.events, *r);
        continue;
      }
      auto [time, profile] = timeAndProfile(read);
      if (std::optional<std::string> why = order.problem(time)) {
        reject(input.events, Rejection{batch.lines[i], std::move(*why)});
        continue;
      }
      SetInput* set = std::get_if<SetInput>(&read);
      bool creating = set && !runtime.hasProfile(set->profile);
      // A creating set refused: the profile's later records say so.
      auto refuseSet = [&](std::string why) {
        if (creating) refused.rememberCreatingSet(set->profile, input.events, batch.lines[i]);
        reject(input.events, Rejection{batch.lines[i], std::move(why)});
      };
      if (creating) {
        // On the runtime's side, while the reader may be reading: newProfile reads only what
        // the reader was built with.
        set->patch = reader.newProfile(set->profile, set->patch);
      }
      // A record refused (for its unknown profile, a set for what it would leave missing) is
      // not applied: it starts no clock and moves none (nor the time the run ends at by
      // default).
      if (!started) {
        std::optional<std::string> why =
            set ? runtime.refuses(*set)
            : runtime.hasProfile(*profile) ? std::nullopt
                                           : std::optional(refused.unknownProfile(*profile));
        if (why) {
          if (set) {
            refuseSet(std::move(*why));
          } else {
            reject(input.events, Rejection{batch.lines[i], std::move(*why)});
          }
          continue;
        }
        runtime.start(time);
        started = true;
      }
      // An unknown profile's record says where the profile's line was rejected, if it was.
      auto refuse = [&](std::string why) {
        if (!runtime.hasProfile(*profile)) why = refused.unknownProfile(*profile);
        reject(input.events, Rejection{batch.lines[i], std::move(why)});
      };
      if (auto* e = std::get_if<EventInput>(&read)) {
        if (std::optional<std::string> why = runtime.apply(*e)) {
          refuse(std::move(*why));
          continue;
        }
      } else if (auto* change = std::get_if<AudienceInput>(&read)) {
        if (std::optional<std::string> why = runtime.apply(*change)) {
          refuse(std::move(*why));
          continue;
        }
      } else if (set) {
        if (std::optional<std::string> why = runtime.apply(*set)) {
          refuseSet(std::move(*why));
          continue;
        }
      }
      order.accept(time);
    }
  };
  auto apply = [&](InputBatch& batch) {
    if (auto* p = std::get_if<ProfileBatch>(&batch)) return applyProfiles(*p);
    applyRecords(std::get<RecordBatch>(batch));
  };

  LineReader* profileLines = profiles ? &*profiles : nullptr;
  if (input.readAhead) {
    // The inputs are read and checked on a thread of their own, ahead of the runtime, which
    // applies the batches in the order read: the output is the one-thread run's. The spent
    // batches go back to the reading thread, which made their values: freeing them there
    // spares the runtime's thread, the busier one.
    BatchQueue<InputBatch> queue(kBatchesAhead, kBytesAhead);
    BatchQueue<std::deque<InputBatch>> spent(kSpentRuns, kSpentBytes);
    std::exception_ptr readFailure;
    std::thread reading([&] {
      std::deque<std::deque<InputBatch>> toDestroy;
      try {
        readInputs(
            reader, profileLines, events,
            [&](InputBatch& batch) {
              size_t bytes = bytesOf(batch);
              return queue.push(std::move(batch), bytes);
            },
            [&] {
              spent.tryTakeAll(toDestroy);
              toDestroy.clear();
            });
      } catch (...) {
        readFailure = std::current_exception();
      }
      queue.close();
      spent.close();
    });
    struct Joined {  // however this side leaves, the reading thread stops and is joined
      BatchQueue<InputBatch>& queue;
      std::thread& thread;
      ~Joined() {
        queue.close();
        thread.join();
      }
    } joined{queue, reading};
    std::deque<InputBatch> taken;
    while (queue.takeAll(taken)) {
      size_t bytes = 0;
      for (InputBatch& batch : taken) {
        apply(batch);
        bytes += bytesOf(batch);
      }
      spent.tryPush(std::move(taken), bytes);  // when full, or reading is over, they stay here
      taken.clear();
    }
    if (readFailure) std::rethrow_exception(readFailure);
  } else {
    readInputs(
        reader, profileLines, events,
        [&](InputBatch& batch) {
          apply(batch);
          return true;
        },
        [] {});
  }

  // An input cut short (it shrank while it was read) is an error, not a shorter run; what was
  // written from its records before stays written.
  if (profiles) {
    if (auto failed = readFailure(input.profiles, *profiles)) return failed;
  }
  if (auto failed = readFailure(input.events, events)) return failed;

  Timestamp last = order.last().value_or(Timestamp{});  // the last record applied
  Timestamp until = input.until.value_or(last);
  // An end mistyped by years would run every timer and schedule tick between, as a record
  // would (InputReader::rejectGapsOver); what the records wrote stays written.
  if (started && input.until && input.maxGap && plusDuration(last, *input.maxGap) < until) {
    stats = runtime.stats();
    return "the end time " + formatTimestamp(until) + " is more than " +
           authorDuration(*input.maxGap) + " after the last record's " + formatTimestamp(last) +
           " (a mistyped time? " + input.maxGapFlag + " allows more)";
  }
  // With no record applied the clock starts at the end given, and only there; with no end
  // either, it never starts: no Unix-epoch instant for schedule ticks to fire at.
  if (started || input.until) {
    if (!started) runtime.start(until);
    runtime.finish(until);
  }
  stats = runtime.stats();
  if (started && until < last) stats.lastRecordAfterUntil = last;
  if (input.abandonStateAtEnd) abandonedStore = store.release();
  return std::nullopt;
}

}  // namespace journey::runtime
