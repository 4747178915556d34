// The declarations and journeys of a ProgramIr: the profile type, field defaults, events,
// audiences, channels, actions, caps, and each journey with its clauses and step graph. Step
// and entry locations (`file:line:col`) are written as text, the way output records show them.
// Values are read as written; program_validator checks what they refer to.
#pragma once

#include "compiler/artifact/byte_reader.h"
#include "compiler/artifact/byte_writer.h"
#include "compiler/ir/program_ir.h"

namespace journey::artifact {

void writeDeclarations(ByteWriter& out, const ir::ProgramIr& program);
void readDeclarations(ByteReader& in, ir::ProgramIr& program);

}  // namespace journey::artifact
