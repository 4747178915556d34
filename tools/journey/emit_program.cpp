#include "tools/journey/emit_program.h"

#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/codegen/bytecode_disasm.h"
#include "compiler/ir/ir_printer.h"
#include "compiler/ir/lower_program.h"
#include "compiler/ir/program_printer.h"

namespace journey::cli {

std::string emitProgram(const Frontend& fe, std::string_view stage) {
  ir::ProgramIr program = ir::lowerProgram(fe.sources, fe.ast, fe.program);
  return ir::printProgram(program, [&](ir::ExprIndex e) {
    if (stage == "ir") return ir::printExpr(program.pool, program.exprs[e], &program.layouts);
    return codegen::disassemble(codegen::compileExpr(program.pool, program.exprs[e], program.layouts));
  });
}

}  // namespace journey::cli
