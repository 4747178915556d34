// Constants of the expression pool: a kind byte, then the value. Every CEL value kind and
// errors round-trip; records do not (lowering never makes a record constant), and writing one
// fails with an error instead.
#pragma once

#include "compiler/artifact/byte_reader.h"
#include "compiler/artifact/byte_writer.h"
#include "vm/value/value.h"

namespace journey::artifact {

void writeValue(ByteWriter& out, const Value& v);
Value readValue(ByteReader& in);

}  // namespace journey::artifact
