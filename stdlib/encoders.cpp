// The encoders extension.
#include "stdlib/domains.h"

namespace journey::stdlib {

void declareEncoders(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"base64.encode", "base64_encode_bytes", false, {"bytes"}, "string"},
      // Accepts input with or without padding.
      {"base64.decode", "base64_decode_string", false, {"string"}, "bytes"},
  });
}

}  // namespace journey::stdlib
