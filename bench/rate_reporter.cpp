#include "bench/rate_reporter.h"

#include <unistd.h>

#include <ostream>

namespace journey::bench {

RateReporter::RateReporter(std::string counter)
    : ConsoleReporter(isatty(STDOUT_FILENO) ? OO_ColorTabular : OO_Tabular),
      counter_(std::move(counter)) {}

void RateReporter::ReportRuns(const std::vector<Run>& runs) {
  ConsoleReporter::ReportRuns(runs);
  GetOutputStream().flush();  // the table before any summary printed with stdio
  for (const Run& run : runs) {
    failed_ = failed_ || run.error_occurred;
    auto rate = run.counters.find(counter_);
    if (run.error_occurred || rate == run.counters.end()) continue;
    // Aggregates come after their repetitions: the median replaces them.
    if (run.run_type == Run::RT_Aggregate && run.aggregate_name != "median") continue;
    rates_[run.run_name.function_name] = rate->second.value;
  }
}

const double* RateReporter::rate(const std::string& benchmark) const {
  auto it = rates_.find(benchmark);
  return it == rates_.end() ? nullptr : &it->second;
}

}  // namespace journey::bench
