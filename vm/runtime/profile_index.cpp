#include "vm/runtime/profile_index.h"

namespace journey::runtime {

void ProfileIndex::Table::insert(uint64_t hash, uint32_t profile) {
  if (2 * (size_ + 1) > slots_.size()) {
    std::vector<Slot> old(std::max<size_t>(16, 2 * slots_.size()));
    old.swap(slots_);
    for (const Slot& s : old) {
      if (s.profile != kEmpty) place(s);
    }
  }
  place(Slot{bitsOf(hash), profile});
  ++size_;
}

void ProfileIndex::Table::place(Slot slot) {
  size_t at = slot.bits & mask();
  while (slots_[at].profile != kEmpty) at = (at + 1) & mask();
  slots_[at] = slot;
}

}  // namespace journey::runtime
