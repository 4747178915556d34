// Lowering a whole checked program to the ProgramIr the runtime executes (program_ir.h):
// declarations to tables, journeys to step graphs, every expression through the expression
// Lowerer into one pool.
#pragma once

#include "compiler/ast/ast.h"
#include "compiler/ir/program_ir.h"
#include "compiler/sema/checker.h"
#include "compiler/source/source_manager.h"

namespace journey::ir {

// `program` must have checked without errors. Step locations name files as `sources` does.
ProgramIr lowerProgram(const SourceManager& sources, const ast::Ast& ast,
                       const sema::CheckedProgram& program);

}  // namespace journey::ir
