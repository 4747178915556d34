// The console output of Google Benchmark, plus one rate counter of each benchmark kept for a
// summary printed after the table (the median when the run has repetitions), and whether any
// benchmark failed, so that a wrong result makes the program exit 1.
#pragma once

#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <vector>

namespace journey::bench {

class RateReporter : public benchmark::ConsoleReporter {
 public:
  // `counter`: the name of the rate kept ("evals/s").
  explicit RateReporter(std::string counter);

  void ReportRuns(const std::vector<Run>& runs) override;

  bool failed() const { return failed_; }
  // The rate of a benchmark by its name, or null when it did not run or failed.
  const double* rate(const std::string& benchmark) const;

 private:
  std::string counter_;
  std::map<std::string, double> rates_;
  bool failed_ = false;
};

}  // namespace journey::bench
