// The bytecode interpreter: a switch loop over a chunk's instructions and a register file of
// Values.
//
// An Interpreter is set up once per chunk (constants are copied into their registers then) and
// reused for every evaluation, so an evaluation allocates nothing of its own beyond the values
// it builds. The caller puts the inputs in their slots, then calls run(). Not thread-safe: use
// one Interpreter per thread (the chunk itself is shared read-only).
#pragma once

#include <span>
#include <vector>

#include "compiler/codegen/bytecode.h"
#include "stdlib/function.h"
#include "vm/interp/limits.h"
#include "vm/value/value.h"

namespace journey::interp {

class Interpreter {
 public:
  // `chunk` must outlive the interpreter.
  explicit Interpreter(const codegen::Chunk& chunk, Limits limits = {});

  // The input slot `slot` (one the chunk reads: Chunk::inputSlots).
  void setSlot(uint32_t slot, Value v) { registers_[chunk_.registerOf(slot)] = std::move(v); }

  // Evaluates with the inputs the chunk reads lent in place from `inputs` (slot s from
  // inputs[s]), without a reference count taken on each (inputs are only read: no instruction
  // writes an input's register). A journey's expressions take its whole frame as inputs and
  // read one or two of them.
  Value runWithInputs(const Value* inputs, stdlib::CallContext& ctx);

  // Evaluates the chunk. The result may be an error value (CEL errors, exceeded limits).
  Value run(stdlib::CallContext& ctx);

  const Limits& limits() const noexcept { return limits_; }

 private:
  // Ends the evaluation on an exceeded limit.
  Value stop(std::string_view what);
  bool tooLarge(const Value& v) const;

  const codegen::Chunk& chunk_;
  Limits limits_;
  std::vector<Value> registers_;
  std::vector<std::vector<Value>> lists_;
  std::vector<std::vector<MapEntry>> maps_;
};

// Compiles nothing: evaluates `chunk` once with the given slot values (inputs first).
Value evaluate(const codegen::Chunk& chunk, const std::vector<Value>& slots,
               stdlib::CallContext& ctx, Limits limits = {});

}  // namespace journey::interp
