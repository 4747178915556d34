#include "vm/runtime/inline_text.h"

#include <cstring>
#include <new>
#include <utility>

namespace journey::runtime {

InlineText::InlineText(std::string_view s) {
  if (s.size() < sizeof bytes_) {
    std::memset(bytes_, 0, sizeof bytes_);
    if (!s.empty()) std::memcpy(bytes_, s.data(), s.size());  // an empty view's data may be null
    bytes_[15] = static_cast<char>(s.size());
    return;
  }
  char* copy = new char[s.size()];
  std::memcpy(copy, s.data(), s.size());
  auto size = static_cast<uint32_t>(s.size());  // keys and ids are lines' fields: under 4 GB
  std::memcpy(bytes_, &copy, sizeof copy);
  std::memcpy(bytes_ + 8, &size, sizeof size);
  bytes_[15] = static_cast<char>(kOutOfLine);
}

InlineText::InlineText(InlineText&& other) noexcept {
  std::memcpy(bytes_, other.bytes_, sizeof bytes_);
  other.bytes_[15] = 0;  // now an empty inline text: nothing to free
}

InlineText& InlineText::operator=(InlineText&& other) noexcept {
  if (this != &other) {
    this->~InlineText();
    new (this) InlineText(std::move(other));
  }
  return *this;
}

InlineText::~InlineText() {
  if (isInline()) return;
  char* copy;
  std::memcpy(&copy, bytes_, sizeof copy);
  delete[] copy;
}

std::string_view InlineText::view() const {
  if (isInline()) return {bytes_, static_cast<uint8_t>(bytes_[15])};
  const char* copy;
  uint32_t size;
  std::memcpy(&copy, bytes_, sizeof copy);
  std::memcpy(&size, bytes_ + 8, sizeof size);
  return {copy, size};
}

}  // namespace journey::runtime
