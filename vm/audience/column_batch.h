// Profiles stored one typed column per field path a column plan reads (compiler/ir/
// column_plan.h): the input of column kernels (docs/jit.md, "Column kernels"). The batch keeps
// a pointer to each profile it was given, for the rows a kernel cannot decide and for engines
// without kernels: those rows are evaluated one at a time, as usual. Strings are copied into
// the batch, one row after another, so that a kernel reads them in order, as it reads the
// other columns, instead of following each string to wherever it was allocated.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "compiler/ir/column_plan.h"
#include "vm/value/value.h"

namespace journey::audience {

// The kernels' view of a column (the ABI generated code reads; llvm_columns.cpp).
struct ColumnData {
  const void* values = nullptr;      // per row: uint8_t, int64_t, double or StringRef; a
                                     // StringList's elements (StringRef), by `offsets`
  const uint64_t* present = nullptr;  // a bit per row: the whole path is present
  const uint32_t* offsets = nullptr;  // StringList: row r's elements are [offsets[r], offsets[r+1])
  const void* unused = nullptr;
};
static_assert(sizeof(ColumnData) == 32);

struct StringRef {
  const char* data;  // never null: an absent or empty string points to a constant ""
  uint64_t size;
};
static_assert(sizeof(StringRef) == 16);

// What a kernel writes per row.
enum Verdict : uint8_t { kFalse = 0, kTrue = 1, kError = 2 };

class ColumnBatch {
 public:
  // `plan` and `layouts` (those the plan's layout indices refer to) must outlive the batch.
  ColumnBatch(const ir::ColumnPlan& plan, const ir::RecordLayouts& layouts);

  // Adds a row. `profile` is kept by address: it must stay alive and unchanged while the batch
  // holds it. A profile whose values do not fit the plan's kinds (another layout, a value of
  // another kind, a list too long for a kernel) is marked for the per-row engine.
  void append(const Value& profile);
  void clear();

  size_t rows() const { return profiles_.size(); }
  const Value& profile(size_t row) const { return *profiles_[row]; }
  // Whether a kernel's verdict on the row must be ignored and the row evaluated alone.
  bool perRow(size_t row) const { return (perRow_[row / 64] >> (row % 64)) & 1; }
  bool anyPerRow() const { return perRowCount_ > 0; }

  // The columns as kernels read them; valid until the next append or clear.
  const ColumnData* data();

 private:
  struct Column {
    std::vector<uint64_t> present;
    std::vector<uint8_t> bools;
    std::vector<int64_t> ints;
    std::vector<double> doubles;
    std::vector<StringRef> strings;  // String: per row; StringList: the elements
    std::vector<uint32_t> offsets;   // StringList
  };

  // The value at the end of `path` in `profile`, null when some step is absent; false when
  // the profile does not have the plan's shape.
  bool walk(const Value& profile, const ir::ColumnPath& path, const Value*& leaf) const;
  bool appendValue(Column& column, ir::ColumnKind kind, const Value* leaf);
  StringRef copy(std::string_view s);

  const ir::ColumnPlan& plan_;
  const ir::RecordLayouts& layouts_;
  std::vector<Column> columns_;
  std::vector<ColumnData> data_;
  std::vector<const Value*> profiles_;
  std::vector<uint64_t> perRow_;
  size_t perRowCount_ = 0;
  // The strings' bytes: blocks that never move (a StringRef points into one), filled in order
  // and kept by clear() for the next rows; a string longer than a block gets one of its own.
  std::vector<std::unique_ptr<char[]>> blocks_;
  size_t blocksInUse_ = 0;
  size_t blockUsed_ = 0;  // in the last block in use
  std::vector<std::unique_ptr<char[]>> large_;
};

}  // namespace journey::audience
