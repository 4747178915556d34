// A set of audiences by their index, a bit each: the first 64 in a word, any more (a program
// may declare hundreds) in words after it, which most programs never allocate. The runtime
// keeps, per profile field and per event, the audiences a change can affect, and re-evaluates
// only those.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace journey::runtime {

class AudienceSet {
 public:
  AudienceSet() = default;
  // Audiences 0 to count - 1.
  static AudienceSet all(size_t count) {
    AudienceSet s;
    s.first_ = bitsBelow(count);
    for (size_t from = 64; from < count; from += 64) s.more_.push_back(bitsBelow(count - from));
    return s;
  }

  void add(size_t audience) {
    if (audience < 64) {
      first_ |= uint64_t{1} << audience;
      return;
    }
    size_t word = audience / 64 - 1;
    if (more_.size() <= word) more_.resize(word + 1, 0);
    more_[word] |= uint64_t{1} << (audience % 64);
  }
  bool contains(size_t audience) const {
    if (audience < 64) return (first_ >> audience) & 1;
    size_t word = audience / 64 - 1;
    return word < more_.size() && ((more_[word] >> (audience % 64)) & 1);
  }
  bool empty() const { return first_ == 0 && more_.empty(); }
  // Calls `f` with each audience in the set, in ascending order: a word's bits at a time, so
  // a set of a few among hundreds costs its words, not its hundreds.
  template <class F>
  void forEach(F&& f) const {
    forEachIn(first_, 0, f);
    for (size_t i = 0; i < more_.size(); ++i) forEachIn(more_[i], 64 * (i + 1), f);
  }

  AudienceSet& operator|=(const AudienceSet& o) {
    first_ |= o.first_;
    if (o.more_.empty()) return *this;
    if (more_.size() < o.more_.size()) more_.resize(o.more_.size(), 0);
    for (size_t i = 0; i < o.more_.size(); ++i) more_[i] |= o.more_[i];
    return *this;
  }
  AudienceSet& operator&=(const AudienceSet& o) {
    first_ &= o.first_;
    if (more_.empty()) return *this;
    if (more_.size() > o.more_.size()) more_.resize(o.more_.size());
    for (size_t i = 0; i < more_.size(); ++i) more_[i] &= o.more_[i];
    while (!more_.empty() && more_.back() == 0) more_.pop_back();
    return *this;
  }
  friend AudienceSet operator|(AudienceSet a, const AudienceSet& b) { return a |= b; }

 private:
  // The word whose bits 0 to n - 1 are set (all 64 from n = 64 on).
  static uint64_t bitsBelow(size_t n) { return n >= 64 ? ~uint64_t{0} : (uint64_t{1} << n) - 1; }
  template <class F>
  static void forEachIn(uint64_t word, size_t base, F& f) {
    for (; word != 0; word &= word - 1) f(base + static_cast<size_t>(__builtin_ctzll(word)));
  }
  uint64_t first_ = 0;
  std::vector<uint64_t> more_;  // audiences 64 on; its last word is never 0, so empty() is quick
};

}  // namespace journey::runtime
