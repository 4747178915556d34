// Checks that a decoded ProgramIr refers only to what it contains: every expression, node,
// constant, slot, record, field, event, audience, channel, action, journey and step index in
// range, expression trees acyclic, each node with the operands its kind needs, and each
// expression asking for no more inputs than where it runs provides. The checksum already
// rejects accidental damage; this makes the decoder safe on its own, so that no artifact can
// make the engines read out of bounds. It does not re-prove the checker's types: an artifact
// is trusted to have been built by `journey build`, like an executable.
#pragma once

#include "compiler/ir/program_ir.h"

namespace journey::artifact {

// Throws ArtifactError naming the first problem.
void validateProgram(const ir::ProgramIr& program, size_t sourceFiles);

}  // namespace journey::artifact
