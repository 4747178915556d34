// The one failure of reading an artifact: a message naming the problem, which `journey`
// prints as `error: FILE: message`. Thrown inside the decoder, caught at its entry points.
// Messages quote names read from the file, which damage can fill with any bytes: control
// characters are escaped so that the message stays one printable line.
#pragma once

#include <stdexcept>
#include <string>

namespace journey::artifact {

struct ArtifactError : std::runtime_error {
  explicit ArtifactError(const std::string& message) : std::runtime_error(oneLine(message)) {}

  static std::string oneLine(const std::string& text) {
    static const char kHex[] = "0123456789abcdef";
    std::string out;
    for (char c : text) {
      auto b = static_cast<unsigned char>(c);
      if (b >= 0x20 && b != 0x7F) {
        out += c;
      } else {
        out += {'\\', 'x', kHex[b >> 4], kHex[b & 15]};
      }
    }
    return out;
  }
};

}  // namespace journey::artifact
