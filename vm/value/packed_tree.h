// Packed trees: a value and every heap object it reaches, copied into one allocation.
//
// A profile read from JSON is a record holding a dozen small objects (strings, nested records,
// lists), which the allocator scatters by size over as many cache lines. Every record of a
// simulation reads its profile, so at a million profiles each of those lines is a cache miss.
// Packed, the profile is one run of lines that can be prefetched together.
//
// Objects in a block keep their own reference counts and behave as any other: they can be
// shared, replaced in their parent when unique, and outlive the value they were packed with.
// Only their memory differs: a destroyed object of a block leaves its bytes in place, and the
// block is freed when the last of its objects is destroyed. Objects that were already shared
// when packed (more than one reference) are not copied: the block refers to them, as the tree
// did.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

#include "vm/value/value.h"

namespace journey {

// Objects sit at multiples of this from their block's start: HeapObject::blockOffset counts
// these words.
inline constexpr size_t kPackedWord = 8;
// `bytes` rounded up to whole words: what an object takes in a block.
inline constexpr size_t roundToPackedWord(size_t bytes) {
  return (bytes + kPackedWord - 1) & ~(kPackedWord - 1);
}

// The start of a block, before its first object.
struct PackedBlock {
  std::atomic<uint32_t> liveObjects;  // objects of the block not yet destroyed
  uint32_t bytes;                     // the block's size, this header included
};
static_assert(sizeof(PackedBlock) == 8);

// `v`'s tree in one block: the copy of its root first, then the objects below it that nothing
// else holds, depth first. `v` itself when it holds no heap object, already lives in a block
// (packed before, or placed in a chunk: object_chunks.h), or its tree would not fit in a block
// (512 KiB).
Value packTree(const Value& v);

// The block `v`'s object is part of, or null.
const PackedBlock* packedBlockOf(const Value& v) noexcept;

// For destroyHeapObject: the block an object lives in (null when none), found before the object
// is destroyed; and leaving it once the object is: the last one out frees the block.
inline PackedBlock* packedBlockOf(const HeapObject& object) noexcept {
  if (!(object.flags & kInPackedBlock)) return nullptr;
  const char* start =
      reinterpret_cast<const char*>(&object) - size_t{object.blockOffset} * kPackedWord;
  return const_cast<PackedBlock*>(reinterpret_cast<const PackedBlock*>(start));
}
void leavePackedBlock(PackedBlock* block) noexcept;

}  // namespace journey
