#include "vm/audience/batch.h"

#include <sys/stat.h>

#include <algorithm>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "compiler/ir/history_reads.h"
#include "compiler/ir/field_reads.h"
#include "stdlib/function.h"
#include "vm/audience/membership_evaluator.h"
#include "vm/audience/repeated_ids.h"
#include "vm/runtime/input_records.h"
#include "vm/runtime/line_reader.h"
#include "vm/runtime/record_order.h"
#include "vm/runtime/refused_profiles.h"
#include "vm/runtime/runtime.h"
#include "vm/runtime/time_math.h"

namespace journey::audience {

namespace {

// Profiles parsed and evaluated together: large enough that starting threads costs nothing
// against the work, small enough to keep memory flat when profiles stream.
constexpr size_t kChunkLines = 32768;
// With one thread and a record stream, a chunk small enough that its bytes are still in the
// core's cache when they are parsed after the reader found the lines (about 0.6 MB of
// profiles): 3-4% faster.
constexpr size_t kOneThreadChunkLines = 2048;
// With one thread and no record stream, the text parsed in one go, its lines not looked for
// first: about as many bytes as such a chunk.
constexpr size_t kOneThreadTextBytes = 512 * 1024;

uint64_t fileSize(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 ? static_cast<uint64_t>(st.st_size) : 0;
}

// Runs work(first, last, thread) over [0, n) split among `threads` threads.
void inParallel(size_t n, unsigned threads,
                const std::function<void(size_t, size_t, unsigned)>& work) {
  threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>((n + 255) / 256)));
  if (threads == 1) return work(0, n, 0);
  std::vector<std::thread> pool;
  for (unsigned t = 0; t < threads; ++t) {
    pool.emplace_back(work, n * t / threads, n * (t + 1) / threads, t);
  }
  for (std::thread& th : pool) th.join();
}

// What every thread shares: the program's constants, evaluated once.
struct Constants {
  std::vector<Value> defaults;   // by ProgramIr::fieldDefaults order
  std::vector<Duration> retain;  // per event
  std::vector<ir::HistoryUse> historyUse;  // per event: what of its history is kept
};

Constants evaluateConstants(const ir::ProgramIr& program, runtime::ExpressionEngine& engine) {
  Constants c;
  stdlib::CallContext ctx{};
  c.defaults = runtime::evaluateFieldDefaults(program, engine);
  for (const ir::EventIr& e : program.events) {
    Value d = e.retain == ir::kNoExpr ? Value() : engine.evaluate(e.retain, nullptr, ctx);
    c.retain.push_back(d.kind() == ValueKind::Duration ? d.asDuration() : Duration{});
  }
  c.historyUse = ir::eventHistoryUse(program);
  return c;
}

class Batch {
 public:
  Batch(const ir::ProgramIr& program, const BatchInput& input, const RowSink& row,
        runtime::OutputSink& rejected, BatchStats& stats)
      : program_(program), input_(input), row_(row), rejected_(rejected), stats_(stats) {
    unsigned threads = std::max(1u, input.threads);
    for (unsigned t = 0; t < threads; ++t) engines_.push_back(input.makeEngine());
    constants_ = evaluateConstants(program, *engines_[0]);
    // Only the fields the selected audiences read are built (compiler/ir/field_reads.h).
    std::vector<ir::ExprIndex> rules;
    for (uint32_t a : input.audiences) rules.push_back(program.audiences[a].rule);
    reads_ = ir::profileReads(program, rules);
    const ir::FieldReads& reads = reads_;
    for (unsigned t = 0; t < threads; ++t) {
      readers_.push_back(std::make_unique<runtime::InputReader>(
          program, defaults_));
      readers_.back()->keepProfileFields(reads);
      evaluators_.emplace_back(program, *engines_[t], input.at, constants_.retain);
    }
    stats_.members.assign(program.audiences.size(), 0);
    stats_.errors.assign(program.audiences.size(), 0);
  }

  std::optional<std::string> run() {
    runtime::LineReader profiles(input_.profiles);
    if (!profiles.ok()) return "cannot read " + input_.profiles + ": " + profiles.whyNot();
    std::optional<runtime::LineReader> events;
    if (!input_.events.empty()) {
      events.emplace(input_.events);
      if (!events->ok()) return "cannot read " + input_.events + ": " + events->whyNot();
    }
    uint64_t total = fileSize(input_.profiles), done = 0;
    if (readers_.size() == 1 && !events) {
      for (std::string_view text; !(text = profiles.nextText(kOneThreadTextBytes)).empty();) {
        profiles.countLines(readAndEvaluate(text, profiles.lineNumber() + 1));
        done += text.size() + 1;
        if (input_.progress) input_.progress(std::min(done, total), total);
      }
      if (auto failed = runtime::readFailure(input_.profiles, profiles)) return failed;
      return finish();
    }
    std::vector<ProfileData> held;  // with a record stream: every profile, in input order
    std::vector<std::string_view> lines;  // a chunk's lines, parsed where the reader holds them
    std::vector<size_t> numbers;
    for (;;) {
      profiles.nextLines(readers_.size() == 1 ? kOneThreadChunkLines : kChunkLines, lines,
                         numbers);
      if (lines.empty()) break;
      for (std::string_view line : lines) done += line.size() + 1;
      runtime::dropBlankLines(lines, numbers);
      if (events) {
        std::vector<ProfileData> chunk = parse(lines, numbers);
        std::move(chunk.begin(), chunk.end(), std::back_inserter(held));
      } else if (input_.refuseRepeatedIds) {  // repeats are found in order, before evaluating
        std::vector<ProfileData> chunk = parse(lines, numbers);
        evaluate(chunk);
      } else {
        parseAndEvaluate(lines, numbers);
      }
      if (input_.progress) input_.progress(done, total);
    }
    if (auto failed = runtime::readFailure(input_.profiles, profiles)) return failed;
    if (events) {
      applyRecords(*events, held);
      if (auto failed = runtime::readFailure(input_.events, *events)) return failed;
      for (size_t first = 0; first < held.size(); first += kChunkLines) {
        size_t last = std::min(held.size(), first + kChunkLines);
        std::vector<ProfileData> chunk(std::make_move_iterator(held.begin() + first),
                                       std::make_move_iterator(held.begin() + last));
        evaluate(chunk);
      }
    }
    return finish();
  }

 private:
  std::optional<std::string> finish() {
    for (MembershipEvaluator& e : evaluators_) {
      for (size_t a = 0; a < stats_.errors.size(); ++a) stats_.errors[a] += e.errors()[a];
    }
    return std::nullopt;
  }

  // One thread, no record stream: the profiles of a text (LineReader::nextText) read, each
  // evaluated as soon as it is read and handed over. Returns the text's lines.
  size_t readAndEvaluate(std::string_view text, size_t firstLine) {
    if (members_.empty()) members_.emplace_back(program_.audiences.size(), 0);
    std::vector<uint8_t>& member = members_[0];
    return readers_[0]->readProfileText(text, firstLine, [&](size_t line, auto&& r) {
      if (auto* bad = std::get_if<runtime::Rejection>(&r)) return rejectProfile(*bad);
      auto& p = std::get<runtime::ProfileInput>(r);
      if (rejectedAsRepeated(p.id, line)) return;
      ProfileData data{std::move(p.id), std::move(p.profile), {}};
      evaluators_[0].evaluate(data, input_.audiences, member);
      handOver(data.id, member);
    });
  }

  Value fieldDefault(sema::RecordId record, size_t field) const {
    return runtime::fieldDefaultIn(program_, constants_.defaults, record, field);
  }

  // Parses a chunk of profile lines in parallel; rejected lines are reported in line order.
  std::vector<ProfileData> parse(const std::vector<std::string_view>& lines,
                                 const std::vector<size_t>& numbers) {
    std::vector<std::variant<runtime::ProfileInput, runtime::Rejection>>& read = read_;
    read.clear();
    read.resize(lines.size());
    inParallel(lines.size(), static_cast<unsigned>(readers_.size()),
               [&](size_t first, size_t last, unsigned t) {
                 readers_[t]->readProfiles(lines.data() + first, numbers.data() + first,
                                           last - first, true, [&](size_t i, auto&& r) {
                                             read[first + i] = std::move(r);
                                           });
               });
    std::vector<ProfileData> chunk;
    chunk.reserve(read.size());
    for (size_t i = 0; i < read.size(); ++i) {
      auto& r = read[i];
      if (auto* bad = std::get_if<runtime::Rejection>(&r)) {
        rejectProfile(*bad);
        continue;
      }
      auto& p = std::get<runtime::ProfileInput>(r);
      if (rejectedAsRepeated(p.id, numbers[i])) continue;
      chunk.push_back({std::move(p.id), std::move(p.profile), {}});
    }
    return chunk;
  }

  // Without a record stream: each profile evaluated as soon as it is read and dropped at once,
  // so that the next one reuses its memory while it is still in the cache (a chunk's profiles
  // built first and evaluated after would each be a cache miss, twice). Rows and rejections
  // are then handed over in line order.
  void parseAndEvaluate(const std::vector<std::string_view>& lines,
                        const std::vector<size_t>& numbers) {
    std::vector<std::variant<std::string, runtime::Rejection>>& read = outcomes_;
    std::vector<std::vector<uint8_t>>& members = members_;
    read.resize(lines.size());
    if (members.size() < lines.size()) {
      members.resize(lines.size(), std::vector<uint8_t>(program_.audiences.size(), 0));
    }
    inParallel(lines.size(), static_cast<unsigned>(readers_.size()),
               [&](size_t first, size_t last, unsigned t) {
                 auto evaluate = [&](size_t k, auto&& r) {
                   size_t i = first + k;
                   if (auto* bad = std::get_if<runtime::Rejection>(&r)) {
                     read[i] = std::move(*bad);
                     return;
                   }
                   auto& p = std::get<runtime::ProfileInput>(r);
                   ProfileData data{std::move(p.id), std::move(p.profile), {}};
                   evaluators_[t].evaluate(data, input_.audiences, members[i]);
                   read[i] = std::move(data.id);
                 };
                 readers_[t]->readProfiles(lines.data() + first, numbers.data() + first,
                                           last - first, true, evaluate);
               });
    for (size_t i = 0; i < lines.size(); ++i) {
      if (auto* bad = std::get_if<runtime::Rejection>(&read[i])) {
        rejectProfile(*bad);
        continue;
      }
      handOver(std::get<std::string>(read[i]), members[i]);
    }
  }

  // The record stream, in order, up to the evaluation time: `set` records merge into the
  // profiles (creating those they name that do not exist), events are kept as history. Every
  // record is read and refused as `journey run` would refuse it, later ones too, so that one
  // `run` would not apply (an unknown profile's, a mistyped year's) sets no order for the
  // next; those later than the evaluation time are then left out, and counted.
  void applyRecords(runtime::LineReader& events, std::vector<ProfileData>& held) {
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < held.size(); ++i) index.emplace(held[i].id, i);
    std::unordered_set<std::string> createdLater;  // by `set` records after the time
    runtime::InputReader& reader = *readers_[0];
    reader.leaveOrderToCaller();
    runtime::RecordOrder order;
    order.limitGap(input_.maxGap, input_.maxGapFlag);
    std::string_view line;
    while (events.next(line)) {
      if (runtime::isBlankLine(line)) continue;
      runtime::RecordInput r = reader.readRecord(line, events.lineNumber(), true);
      if (auto* bad = std::get_if<runtime::Rejection>(&r)) {
        reject(input_.events, *bad);
        continue;
      }
      auto [time, named] = runtime::timeAndProfile(r);
      const std::string& id = *named;
      if (std::optional<std::string> why = order.problem(time)) {
        reject(input_.events, {events.lineNumber(), std::move(*why)});
        continue;
      }
      const bool later = input_.at < time;
      auto known = index.find(id);
      const bool exists = known != index.end() || createdLater.count(id) > 0;
      auto* set = std::get_if<runtime::SetInput>(&r);
      if (!set && !exists) {
        reject(input_.events, {events.lineNumber(), refused_.unknownProfile(id)});
        continue;
      }
      if (auto* e = std::get_if<runtime::EventInput>(&r)) {
        order.accept(time);
        if (later) {
          ++stats_.recordsAfterAt;
        } else {
          ++stats_.records;
          keep(held[known->second], e->event, e->record, e->time);
        }
        continue;
      }
      if (!set) {  // an audience's change: memberships decided elsewhere, this evaluation
        order.accept(time);  // decides its own
        continue;
      }
      Value* profile = known == index.end() ? nullptr : &held[known->second].profile;
      Value created = profile || exists ? Value() : reader.newProfile(set->profile, set->patch);
      if (profile || !exists) {  // one created later is not followed: its set is not checked
        if (auto why = runtime::missingAfterMerge(program_, profile,
                                                  profile ? set->patch : created, &reads_)) {
          if (!profile) {
            refused_.rememberCreatingSet(set->profile, input_.events, events.lineNumber());
          }
          reject(input_.events, {events.lineNumber(), std::move(*why)});
          continue;
        }
      }
      order.accept(time);
      if (later) {
        ++stats_.recordsAfterAt;
        if (!profile) createdLater.insert(set->profile);
        continue;
      }
      ++stats_.records;
      if (!profile) {
        index.emplace(set->profile, held.size());
        held.push_back({set->profile, std::move(created), {}});
        continue;
      }
      runtime::MergeSchema schema{program_, defaults_};
      *profile = runtime::mergeProfile(std::move(*profile), set->patch, &schema);
    }
  }

  // An event's record in its profile's history, when its type is retained and it is recent
  // enough to be seen at the evaluation time.
  void keep(ProfileData& p, uint32_t event, const Value& record, Timestamp time) {
    Duration retain = constants_.retain[event];
    if (retain == Duration{} || constants_.historyUse[event] == ir::HistoryUse::None) return;
    if (!(runtime::minusDuration(input_.at, retain) < time)) return;
    if (p.history.size() < program_.events.size()) p.history.resize(program_.events.size());
    p.history[event].append(time, record,
                            constants_.historyUse[event] == ir::HistoryUse::Records);
  }

  // Evaluates a chunk in parallel, then hands its rows over in order.
  void evaluate(std::vector<ProfileData>& chunk) {
    std::vector<std::vector<uint8_t>>& members = members_;
    if (members.size() < chunk.size()) {
      members.resize(chunk.size(), std::vector<uint8_t>(program_.audiences.size(), 0));
    }
    inParallel(chunk.size(), static_cast<unsigned>(evaluators_.size()),
               [&](size_t first, size_t last, unsigned t) {
                 for (size_t i = first; i < last; ++i) {
                   evaluators_[t].evaluate(chunk[i], input_.audiences, members[i]);
                 }
               });
    for (size_t i = 0; i < chunk.size(); ++i) handOver(chunk[i].id, members[i]);
  }

  // One evaluated profile's row, counted.
  void handOver(const std::string& id, const std::vector<uint8_t>& member) {
    for (uint32_t a : input_.audiences) stats_.members[a] += member[a];
    row_(id, member);
    ++stats_.profiles;
  }

  void reject(const std::string& input, const runtime::Rejection& r) {
    rejected_.write(runtime::rejectedLine(input, r.line, r.reason));
    ++stats_.rejected;
  }
  void rejectProfile(const runtime::Rejection& r) {
    refused_.remember(r, input_.profiles);
    reject(input_.profiles, r);
    if (input_.rejectedProfile && !r.profile.empty()) input_.rejectedProfile(r.profile);
  }

  // Rejects the profile of `line` when an earlier line gave its id (where ids are kept).
  bool rejectedAsRepeated(const std::string& id, size_t line) {
    if (!input_.refuseRepeatedIds && input_.events.empty()) return false;
    std::optional<size_t> earlier = ids_.earlierLine(id, line);
    if (earlier) reject(input_.profiles, {line, RepeatedIds::reason(id, *earlier)});
    return earlier.has_value();
  }

  const ir::ProgramIr& program_;
  const BatchInput& input_;
  const RowSink& row_;
  runtime::OutputSink& rejected_;
  ir::FieldReads reads_;  // the profiles' fields built: those the selected audiences read
  // The fields' defaults, for the readers and for the nested records a `set` creates.
  runtime::FieldDefaults defaults_ = [this](sema::RecordId r, size_t f) {
    return fieldDefault(r, f);
  };
  BatchStats& stats_;
  std::vector<std::unique_ptr<runtime::ExpressionEngine>> engines_;  // one per thread
  std::vector<std::unique_ptr<runtime::InputReader>> readers_;        // one per thread
  std::vector<MembershipEvaluator> evaluators_;                       // one per thread
  Constants constants_;
  // Kept from one chunk to the next: allocated again each time, they would come back as
  // fresh pages, whose first touch costs more than the work done in them.
  std::vector<std::variant<runtime::ProfileInput, runtime::Rejection>> read_;
  std::vector<std::variant<std::string, runtime::Rejection>> outcomes_;  // id, or why not
  std::vector<std::vector<uint8_t>> members_;
  RepeatedIds ids_;  // every profile's id read so far
  runtime::RefusedProfiles refused_;  // rejected profile lines, named by records later
};

}  // namespace

std::optional<std::string> evaluateAudiences(const ir::ProgramIr& program, const BatchInput& input,
                                             const RowSink& row, runtime::OutputSink& rejected,
                                             BatchStats& stats) {
  Batch batch(program, input, row, rejected, stats);
  return batch.run();
}

}  // namespace journey::audience
