// CRC-64/XZ (ECMA-182 polynomial, reflected): the artifact's content checksum and the schema
// fingerprint. A CRC detects every burst of up to 64 flipped bits, which a plain hash does
// not promise; it is not meant to resist forgery.
#pragma once

#include <cstdint>
#include <string_view>

namespace journey::artifact {

// Continues a checksum: crc64(b, crc64(a)) == crc64(a + b). Start from 0.
uint64_t crc64(std::string_view bytes, uint64_t previous = 0);

}  // namespace journey::artifact
