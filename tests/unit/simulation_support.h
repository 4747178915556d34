// Runs a program's simulation on profile and record lines given in a test.
#pragma once

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/program_ir.h"
#include "vm/runtime/interp_engine.h"
#include "vm/runtime/simulation.h"

namespace journey::test {

// `journey run` of `program` on the interpreter, its inputs these lines (JSON, one record
// each) written to temporary files named after `name`: the simulation's failure, if any.
inline std::optional<std::string> simulateLines(const ir::ProgramIr& program,
                                                const std::vector<std::string>& profiles,
                                                const std::vector<std::string>& records,
                                                runtime::OutputSink& output,
                                                runtime::OutputSink& rejected,
                                                const std::string& name) {
  auto engine = runtime::makeInterpEngine(program);
  std::string base = std::filesystem::temp_directory_path().string() + "/journey_" + name +
                     "_" + std::to_string(::getpid());
  runtime::SimulationInput input;
  input.profiles = base + "_profiles";
  input.events = base + "_events";
  {
    std::ofstream profileFile(input.profiles), eventFile(input.events);
    for (const std::string& p : profiles) profileFile << p << '\n';
    for (const std::string& r : records) eventFile << r << '\n';
  }
  runtime::RunStats stats;
  std::optional<std::string> failure =
      runtime::simulate(program, *engine, input, output, rejected, stats);
  std::remove(input.profiles.c_str());
  std::remove(input.events.c_str());
  return failure;
}

}  // namespace journey::test
