// Source ranges (the source map of expressions and record fields): file number into the
// artifact's source table, then the byte offsets.
#pragma once

#include "compiler/artifact/byte_reader.h"
#include "compiler/artifact/byte_writer.h"
#include "compiler/source/source_manager.h"

namespace journey::artifact {

inline void writeRange(ByteWriter& out, const SourceRange& r) {
  out.varint(r.file);
  out.varint(r.begin);
  out.varint(r.end);
}

inline SourceRange readRange(ByteReader& in) {
  SourceRange r;
  r.file = in.u32();
  r.begin = in.u32();
  r.end = in.u32();
  return r;
}

}  // namespace journey::artifact
