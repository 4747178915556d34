// Batch evaluation of audiences (`journey audience`, docs/audiences.md): every profile of a
// profiles input evaluated against the selected audiences at one time, in parallel, with the
// history an optional record stream gives. Without a record stream the profiles stream through
// in chunks, so memory stays bounded whatever the input's size; with one, the profiles are
// held (the records may touch any of them) and evaluated once the stream is read.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/program_ir.h"
#include "vm/runtime/expression_engine.h"
#include "vm/runtime/output.h"
#include "vm/runtime/record_order.h"

namespace journey::audience {

struct BatchInput {
  std::string profiles;             // JSON lines
  std::string events;               // JSON lines of `journey run`'s record stream; empty: none
  Timestamp at;                     // the evaluation time: now(), and the end of history
  std::vector<uint32_t> audiences;  // the selected audiences, in declaration order
  unsigned threads = 1;
  // A record more than this after the previous one is rejected, as `journey run` rejects it
  // (a mistyped year); none: any gap. `maxGapFlag` names the setting in the rejection.
  std::optional<Duration> maxGap = runtime::kDefaultMaxGap;
  std::string maxGapFlag = "--max-gap-days";
  // Makes one engine per thread (the interpreter's engines are not reentrant).
  std::function<std::unique_ptr<runtime::ExpressionEngine>()> makeEngine;
  // Refuse (as rejected lines) the profiles whose id an earlier line gave, as is always done
  // with a record stream. Costs memory for every profile: without it, and without a record
  // stream, memory stays bounded by a chunk and a repeated id gives a row per line.
  bool refuseRepeatedIds = false;
  // Called with the id of each profile line rejected for its content that names one (a wrong
  // field type, a missing field): the profile is known but could not be evaluated. Not in
  // line order with the rows when the profiles are held for a record stream.
  std::function<void(const std::string& id)> rejectedProfile;
  // Called now and then with the bytes of the profiles input read so far, and its size.
  std::function<void(uint64_t done, uint64_t total)> progress;
};

struct BatchStats {
  uint64_t profiles = 0;        // evaluated
  uint64_t rejected = 0;        // lines of either input
  uint64_t records = 0;         // records of the stream applied
  uint64_t recordsAfterAt = 0;  // records later than the evaluation time, left out
  std::vector<uint64_t> members;  // per audience
  std::vector<uint64_t> errors;   // per audience: profiles whose rule did not give a bool
};

// One profile's membership, `member[a]` for every audience (only the selected ones are set).
using RowSink = std::function<void(const std::string& id, const std::vector<uint8_t>& member)>;

// Evaluates, calling `row` for each profile in input order (then the profiles `set` records
// created, in the order they appeared). Rejected lines go to `rejected`. Returns an error
// message when an input cannot be read.
std::optional<std::string> evaluateAudiences(const ir::ProgramIr& program, const BatchInput& input,
                                             const RowSink& row, runtime::OutputSink& rejected,
                                             BatchStats& stats);

}  // namespace journey::audience
