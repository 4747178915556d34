// The encoders extension.
#include "stdlib/domains.h"
#include "vm/value/value_convert.h"

namespace journey::stdlib {

namespace {

// Standard alphabet, with padding (base64 text is ASCII, so always a valid string).
Value base64EncodeBytes(const Value* a, CallContext&) {
  return Value::string(base64Encode(a[0].asBytes()));
}

// Padding may be left out, as cel-go's decoder falls back to unpadded input.
Value base64DecodeString(const Value* a, CallContext&) {
  std::optional<std::string> decoded = base64Decode(a[0].asString());
  if (!decoded) return Value::error("invalid base64 data");
  return Value::bytes(*decoded);
}

}  // namespace

void declareEncoders(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"base64.encode", "base64_encode_bytes", false, {"bytes"}, "string", &base64EncodeBytes},
      // Accepts input with or without padding.
      {"base64.decode", "base64_decode_string", false, {"string"}, "bytes", &base64DecodeString},
  });
}

}  // namespace journey::stdlib
