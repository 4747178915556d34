// Helpers shared by the runtime's input tests.
#pragma once

#include "compiler/ir/program_ir.h"
#include "vm/runtime/expression_engine.h"
#include "vm/runtime/input_records.h"

namespace journey::test {

// The program's field defaults as an InputReader asks for them, evaluated by `engine` (both
// must outlive the reader); a field without one is an error value.
inline runtime::FieldDefaults evaluatedDefaults(const ir::ProgramIr& program,
                                                runtime::ExpressionEngine& engine) {
  return [&program, &engine](sema::RecordId record, size_t field) {
    auto it = program.fieldDefaults.find({record, field});
    if (it == program.fieldDefaults.end()) return Value::error("no default");
    stdlib::CallContext ctx{};
    return engine.evaluate(it->second, nullptr, ctx);
  };
}

}  // namespace journey::test
