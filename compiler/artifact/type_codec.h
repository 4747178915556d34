// The checker's type table: records (names, origins, fields), then every interned type in id
// order. Reading re-interns each type through the table's own constructors and checks that it
// gets the id it had, so the rebuilt table is the written one.
#pragma once

#include "compiler/artifact/byte_reader.h"
#include "compiler/artifact/byte_writer.h"
#include "compiler/sema/types.h"

namespace journey::artifact {

void writeTypes(ByteWriter& out, const sema::TypeTable& types);
sema::TypeTable readTypes(ByteReader& in);

}  // namespace journey::artifact
