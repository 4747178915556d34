// A growable array whose elements never move: it grows by fixed-size chunks, so references
// stay valid while more elements are added (the runtime holds an instance or a profile across
// steps that add others), and indexing costs one extra load, not a hash look-up.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace journey::runtime {

// Chunks of about 64 KiB: a size the allocator serves exactly (it rounds larger requests up to
// a size class, up to a quarter more).
template <typename T, size_t kChunk = std::max<size_t>(1, (size_t{64} << 10) / sizeof(T))>
class StableVector {
 public:
  size_t size() const { return size_; }
  T& operator[](size_t i) { return chunks_[i / kChunk][i % kChunk]; }
  const T& operator[](size_t i) const { return chunks_[i / kChunk][i % kChunk]; }

  T& push_back(T value) {
    if (size_ == chunks_.size() * kChunk) chunks_.emplace_back(kChunk);
    T& slot = (*this)[size_++];
    slot = std::move(value);
    return slot;
  }

 private:
  // Each chunk is allocated once at its full size and never resized, so its elements stay
  // put when the outer vector moves the chunks. (A vector rather than `new T[]`: an array of a
  // type with a destructor carries a hidden count, which would push a chunk past its
  // size class into the next.)
  std::vector<std::vector<T>> chunks_;
  size_t size_ = 0;
};

}  // namespace journey::runtime
