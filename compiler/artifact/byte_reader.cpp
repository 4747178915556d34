#include "compiler/artifact/byte_reader.h"

#include <fmt/format.h>

#include <climits>

#include "compiler/artifact/artifact_error.h"

namespace journey::artifact {

void ByteReader::fail(const std::string& message) const {
  throw ArtifactError(fmt::format("{}: {} (at byte {})", what_, message, pos_));
}

uint8_t ByteReader::u8() {
  if (pos_ >= bytes_.size()) fail("unexpected end");
  return static_cast<uint8_t>(bytes_[pos_++]);
}

uint32_t ByteReader::fixed32() {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<uint32_t>(u8()) << (8 * i);
  return v;
}

uint64_t ByteReader::fixed64() {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<uint64_t>(u8()) << (8 * i);
  return v;
}

uint64_t ByteReader::varint() {
  uint64_t v = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    uint8_t b = u8();
    if (shift == 63 && b > 1) fail("varint overflows 64 bits");
    v |= static_cast<uint64_t>(b & 0x7F) << shift;
    if (!(b & 0x80)) return v;
  }
  fail("varint longer than 10 bytes");
}

int64_t ByteReader::signedVarint() {
  uint64_t z = varint();
  return static_cast<int64_t>(z >> 1) ^ -static_cast<int64_t>(z & 1);
}

bool ByteReader::boolean() {
  uint8_t b = u8();
  if (b > 1) fail("a boolean is neither 0 nor 1");
  return b == 1;
}

std::string_view ByteReader::raw(size_t n) {
  if (n > remaining()) fail(fmt::format("{} bytes needed, {} left", n, remaining()));
  std::string_view out = bytes_.substr(pos_, n);
  pos_ += n;
  return out;
}

uint32_t ByteReader::u32() {
  uint64_t v = varint();
  if (v > UINT32_MAX) fail("a 32-bit value is out of range");
  return static_cast<uint32_t>(v);
}

int ByteReader::int32() {
  int64_t v = signedVarint();
  if (v < INT_MIN || v > INT_MAX) fail("an int value is out of range");
  return static_cast<int>(v);
}

uint32_t ByteReader::below(uint32_t limit, const char* what) {
  uint32_t v = u32();
  if (v >= limit) fail(fmt::format("unknown {} {}", what, v));
  return v;
}

size_t ByteReader::count() {
  uint64_t n = varint();
  if (n > remaining()) fail(fmt::format("a count of {} exceeds the {} bytes left", n, remaining()));
  return static_cast<size_t>(n);
}

void ByteReader::expectEnd() {
  if (!atEnd()) fail(fmt::format("{} unread bytes at the end", remaining()));
}

}  // namespace journey::artifact
