// Reads what ByteWriter writes, never past the end: every read checks the bytes remaining and
// throws ArtifactError naming what it was reading (`section TYPE: ...`), so a truncated or
// corrupt section fails cleanly wherever it is cut.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace journey::artifact {

class ByteReader {
 public:
  // `what` prefixes every error message.
  ByteReader(std::string_view bytes, std::string what) : bytes_(bytes), what_(std::move(what)) {}

  uint8_t u8();
  uint32_t fixed32();
  uint64_t fixed64();
  uint64_t varint();
  int64_t signedVarint();
  bool boolean();
  std::string_view raw(size_t n);
  std::string text() { return std::string(raw(count())); }

  // A varint that must fit 32 bits.
  uint32_t u32();
  // A varint that must fit an int.
  int int32();
  // A varint below `limit` (an enum's values).
  uint32_t below(uint32_t limit, const char* what);
  // An element count: each element takes at least one byte, so a count larger than what
  // remains is corrupt (and would otherwise reserve gigabytes).
  size_t count();

  size_t remaining() const { return bytes_.size() - pos_; }
  size_t position() const { return pos_; }
  bool atEnd() const { return pos_ == bytes_.size(); }
  // Fails unless every byte was read.
  void expectEnd();
  [[noreturn]] void fail(const std::string& message) const;

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
  std::string what_;
};

}  // namespace journey::artifact
