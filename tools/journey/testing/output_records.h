// The output records of a test's run, read back from their JSON lines for expectations to
// match: the string fields at the top level, and the time.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
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

// A run's records by kind, each kind's by time (ties in the order written), so that an
// expectation reads only the records it could match: a test of thousands of expectations
// does not read every record for each.
class RecordIndex {
 public:
  explicit RecordIndex(const std::vector<OutputRecord>& records);
  // The records of `kind`, only those at `at` when it is given.
  std::span<const OutputRecord* const> find(std::string_view kind,
                                            const std::optional<Timestamp>& at) const;

 private:
  std::map<std::string, std::vector<const OutputRecord*>, std::less<>> byKind_;
};

// Whether `record` is one that `e` looks for (`no` aside). `at` is the expectation's time,
// already read.
bool matches(const sema::Expectation& e, const std::optional<Timestamp>& at,
             const OutputRecord& record);

}  // namespace journey::cli
