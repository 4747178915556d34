// Which audiences a profile is a member of, a bit each: the first 64 in a word of the profile's
// state, any more in words of their own. The state is read after every record; a byte per
// audience in a vector took a third more of it.
#pragma once

#include <cstdint>
#include <memory>

namespace journey::runtime {

class Memberships {
 public:
  // `audiences` of them, none a member.
  void reset(size_t audiences) {
    first_ = 0;
    more_ = audiences > 64 ? std::make_unique<uint64_t[]>((audiences - 1) / 64) : nullptr;
  }
  bool operator[](size_t audience) const { return (word(audience) >> (audience % 64)) & 1; }
  void set(size_t audience, bool member) {
    const uint64_t bit = uint64_t{1} << (audience % 64);
    uint64_t& w = word(audience);
    w = member ? w | bit : w & ~bit;
  }

 private:
  uint64_t& word(size_t audience) { return audience < 64 ? first_ : more_[audience / 64 - 1]; }
  const uint64_t& word(size_t audience) const {
    return audience < 64 ? first_ : more_[audience / 64 - 1];
  }

  uint64_t first_ = 0;
  std::unique_ptr<uint64_t[]> more_;
};
static_assert(sizeof(Memberships) == 16);

}  // namespace journey::runtime
