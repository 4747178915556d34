// A simulation run (`journey run`): profiles and the record stream read from files, every
// rejected line reported with its input and line number, the runtime driven on a virtual
// clock, output records written in order.
#pragma once

#include <optional>
#include <string>

#include "compiler/ir/program_ir.h"
#include "vm/runtime/expression_engine.h"
#include "vm/runtime/output.h"
#include "vm/runtime/record_order.h"
#include "vm/runtime/runtime.h"

namespace journey::runtime {

struct SimulationInput {
  std::string profiles;             // JSON lines; empty: no initial profiles
  std::string events;               // JSON lines; "-" reads standard input
  std::optional<Timestamp> until;   // the clock runs on to here (default: the last record);
                                    // at most maxGap after the last record
  // A record further than this after the previous one is rejected as too far ahead (none: any
  // gap is accepted): a mistyped year would otherwise run every timer and schedule in between,
  // and leave every later record out of order (docs/runtime.md, "Decisions").
  std::optional<Duration> maxGap = kDefaultMaxGap;
  std::string maxGapFlag = "--max-gap-days";  // what changes it, named in the rejection
  OutputSink* trace = nullptr;
  // The process ends right after the run: leave the state (gigabytes of profiles, history
  // and instances, freed block by block otherwise) for the operating system to reclaim.
  bool abandonStateAtEnd = false;
  // Read and check the inputs on a second thread, ahead of the runtime (`journey run
  // --threads 2`). The output is the same either way.
  bool readAhead = false;
};

// Runs the simulation. Returns an error message when an input file cannot be read (nothing is
// run then); the stats are filled in either way.
std::optional<std::string> simulate(const ir::ProgramIr& program, ExpressionEngine& engine,
                                    const SimulationInput& input, OutputSink& output,
                                    OutputSink& rejected, RunStats& stats);

}  // namespace journey::runtime
