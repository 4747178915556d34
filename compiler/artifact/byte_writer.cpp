#include "compiler/artifact/byte_writer.h"

namespace journey::artifact {

void ByteWriter::fixed32(uint32_t v) {
  for (int i = 0; i < 4; ++i) u8(static_cast<uint8_t>(v >> (8 * i)));
}

void ByteWriter::fixed64(uint64_t v) {
  for (int i = 0; i < 8; ++i) u8(static_cast<uint8_t>(v >> (8 * i)));
}

void ByteWriter::varint(uint64_t v) {
  while (v >= 0x80) {
    u8(static_cast<uint8_t>(v | 0x80));
    v >>= 7;
  }
  u8(static_cast<uint8_t>(v));
}

void ByteWriter::signedVarint(int64_t v) {
  // Zigzag: small negative numbers stay short.
  varint((static_cast<uint64_t>(v) << 1) ^ static_cast<uint64_t>(v >> 63));
}

void ByteWriter::text(std::string_view s) {
  varint(s.size());
  raw(s);
}

void ByteWriter::patchFixed64(size_t at, uint64_t v) {
  for (int i = 0; i < 8; ++i) out_[at + i] = static_cast<char>(v >> (8 * i));
}

}  // namespace journey::artifact
