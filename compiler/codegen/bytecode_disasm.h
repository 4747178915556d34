// `--emit bytecode`: a chunk as text, one instruction per line, with its constants and sites.
//
//   constants:
//     k0 = 30
//   code:
//     0000  field        r3, $0, .age #2 of Profile
//     0001  ge.int       r4, r3, k0
//     0002  return       r4
//
// Registers print as `$n` (slots: inputs and locals), `kN` (constant N) or `rN` (temporaries).
#pragma once

#include <string>

#include "compiler/codegen/bytecode.h"

namespace journey::codegen {

std::string disassemble(const Chunk& chunk);

}  // namespace journey::codegen
