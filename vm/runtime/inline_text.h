// A short text kept in 16 bytes: up to 15 bytes inline (the last byte then holds the length),
// longer ones as a pointer to a copy of their own and the length. Keys, ids and cart numbers
// are short as a rule, and a table or state that holds them inline reads nothing else to
// compare them; a std::string takes twice the room for the same.
#pragma once

#include <cstdint>
#include <string_view>

namespace journey::runtime {

class InlineText {
 public:
  InlineText() : InlineText(std::string_view{}) {}
  explicit InlineText(std::string_view s);
  InlineText(InlineText&& other) noexcept;
  InlineText& operator=(InlineText&& other) noexcept;
  InlineText(const InlineText&) = delete;
  InlineText& operator=(const InlineText&) = delete;
  ~InlineText();

  std::string_view view() const;
  operator std::string_view() const { return view(); }

 private:
  static constexpr uint8_t kOutOfLine = 0xff;
  bool isInline() const { return static_cast<uint8_t>(bytes_[15]) != kOutOfLine; }
  alignas(8) char bytes_[16];
};
static_assert(sizeof(InlineText) == 16);

}  // namespace journey::runtime
