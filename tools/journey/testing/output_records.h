// The output records of a test's run, read back from their JSON lines for expectations to
// match: the string fields at the top level, and the time.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "compiler/sema/test_expectation.h"
#include "vm/value/value.h"

namespace journey::cli {

struct OutputRecord {
  std::string line;                           // as the run wrote it
  Timestamp time;
  std::map<std::string, std::string, std::less<>> fields;  // top-level string fields

  std::string_view field(std::string_view name) const;
};

std::vector<OutputRecord> readOutputRecords(const std::vector<std::string>& lines);

// Whether `record` is one that `e` looks for (`no` aside). `at` is the expectation's time,
// already read.
bool matches(const sema::Expectation& e, const std::optional<Timestamp>& at,
             const OutputRecord& record);

}  // namespace journey::cli
