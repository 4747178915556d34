// Which rules can run as loops over columns, and the columns they read (docs/jit.md, "Column
// kernels"). Audience rules are mostly comparisons of a few profile fields with constants;
// over a batch of profiles stored one typed column per field path, such a rule compiles to a
// loop that reads only its columns. This is the static half: a walk over each rule's IR that
// accepts the constructs a kernel implements exactly, and numbers the field paths they read.
// vm/audience/column_batch.h fills the columns; compiler/codegen/llvm_columns.h generates the
// loops.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ir/expr_ir.h"
#include "compiler/ir/program_ir.h"
#include "compiler/ir/record_layouts.h"

namespace journey::ir {

// What a column holds per row. Every column also has a presence bit per row: the whole path
// is present (each record on the way, and the field).
enum class ColumnKind : uint8_t {
  Presence,    // only the bit (`has()` and the records above it)
  Bool,        // one byte
  Int,         // int64_t
  Double,      // double
  String,      // a view of the bytes
  StringList,  // views of the elements, delimited by offsets
};

// A field path from the input record: `profile.loyalty.tier` is {loyalty, tier}, each step
// checked against its record layout.
struct ColumnPath {
  std::vector<uint32_t> fields;   // field index at each step
  std::vector<int32_t> layouts;   // the layout each step reads (layouts[0]: the input's)
  ColumnKind kind = ColumnKind::Presence;
  std::string name;               // `loyalty.tier`, for messages and tests
};

// The largest number of comprehensions a kernel runs, and of elements a list column gives a
// kernel (longer lists send their row to the per-row engine): together they keep a kernel's
// iterations under the interpreter's limit (interp::Limits::maxIterations, 1,000,000 by
// default), so a kernel never has to report that limit's error.
inline constexpr uint32_t kMaxKernelLoops = 16;
inline constexpr uint32_t kMaxKernelListItems = 4096;

struct ColumnPlan {
  int32_t inputLayout = -1;          // the layout of every planned expression's one input
  std::vector<ColumnPath> columns;   // numbered as the batch and the kernels number them
  std::vector<ExprIndex> exprs;      // the planned expressions: kernels are numbered by position
  // Per planned expression: whether it runs as a kernel, or why not.
  std::vector<bool> kernel;
  std::vector<std::string> whyNot;
  // For the code generator: the column each accepted Field and TestField node reads (a
  // TestField also reads its operand's path: `parentColumn`, absent when the operand is the
  // input itself).
  std::unordered_map<NodeId, uint32_t> column;
  std::unordered_map<NodeId, uint32_t> parentColumn;
};

// Plans `exprs[i]` for each i in `which` (`plan.kernel` follows `which`'s order). An expression
// qualifies when it has one input, a record of a statically known layout, and uses only what
// kernels implement: bool, int, double and string fields and constants; &&, ||, !; equality
// and order of ints and doubles, equality of strings and bools; has(); startsWith, endsWith
// and contains with a constant; `in` a list field of strings or a constant list; exists and
// all over a list field of strings. Expressions with another input layout do not qualify.
ColumnPlan planColumns(const ExprPool& pool, const std::vector<LoweredExpr>& exprs,
                       const std::vector<ExprIndex>& which, const RecordLayouts& layouts);

}  // namespace journey::ir
