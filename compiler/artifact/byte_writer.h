// Appends the artifact's primitive encodings to a byte string: fixed-width little-endian
// integers (header fields), LEB128 varints (counts and indices, small in practice), zigzag
// varints for signed values, and length-prefixed strings.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace journey::artifact {

class ByteWriter {
 public:
  void u8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void fixed32(uint32_t v);
  void fixed64(uint64_t v);
  void varint(uint64_t v);
  void signedVarint(int64_t v);
  void boolean(bool b) { u8(b ? 1 : 0); }
  void text(std::string_view s);  // varint length, then the bytes
  void raw(std::string_view bytes) { out_.append(bytes); }
  // Overwrites 8 bytes written earlier (the header's checksum, once the rest is known).
  void patchFixed64(size_t at, uint64_t v);

  size_t size() const { return out_.size(); }
  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace journey::artifact
