// Object chunks: heap objects placed one after another in large packed blocks, for values that
// are built once and kept long (the profiles a run loads).
//
// packTree copies a tree built object by object on the heap into one block, then the tree is
// freed: each object is allocated, copied and freed. Built inside ObjectChunks::place, the
// tree's objects are allocated from the owner's open chunk in the first place, next to each
// other, and stay there: no copy, no free, and no allocator's rounding per tree.
//
// A chunk is a PackedBlock (packed_tree.h): its objects are ordinary objects that keep their own
// reference counts, and the chunk is freed when the last of them (and its owner, while the chunk
// is open) lets go. Every heap object the calling thread allocates while `build` runs is
// placed, whatever makes it (a string a cache keeps, a default value): all of them live in the
// chunk as long as anything holds them. The price is the chunk's lifetime: one object still
// held keeps its whole chunk (kChunkBytes) allocated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "vm/value/packed_tree.h"

namespace journey {

class ObjectChunks {
 public:
  // A chunk's size: many profiles each (the shop's take about 420 bytes), and few enough
  // bytes that an object outliving the others keeps little.
  static constexpr size_t kChunkBytes = 64 * 1024;

  ObjectChunks() = default;
  ObjectChunks(const ObjectChunks&) = delete;
  ObjectChunks& operator=(const ObjectChunks&) = delete;
  ~ObjectChunks();  // lets go of the open chunk: its objects keep it while they live

  // What `build()` gives, its heap objects (and any other the thread allocates meanwhile)
  // placed in this owner's chunks. Calls do not nest.
  template <typename Build>
  Value place(Build build) {
    Placing placing(*this);
    return build();
  }

  // The bytes the last place() took, from its first object to its last: one run of lines to
  // prefetch, from the root of a tree built root first (as the JSON converter builds). 0 when
  // it placed nothing, or spread over two chunks.
  uint32_t lastSpan() const noexcept { return lastSpan_; }

  // For allocateHeapObject and freeHeapObject (value.cpp): the owner placing this thread's
  // objects, or null.
  static ObjectChunks* placingOnThisThread() noexcept { return placing_; }
  // Room for an object of `bytes` in the open chunk (a new one when it is full), or null for
  // an object larger than a chunk takes, which the heap then holds.
  void* allocate(size_t bytes);
  // Whether `memory` is an object placed during the current place() (freed before it ended: a
  // temporary): its chunk lets go of it, its bytes stay. False for any other memory.
  bool freed(void* memory) noexcept;

 private:
  // The objects allocated during one place(): marked as their chunk's when it ends (an
  // object's constructor clears the marks, so they cannot be set at allocation).
  struct Placement {
    char* object;
    PackedBlock* chunk;
    bool live;
  };
  class Placing {
   public:
    explicit Placing(ObjectChunks& owner);
    ~Placing();

   private:
    ObjectChunks& owner_;
  };

  void openChunk();
  void closeChunk() noexcept;

  static constinit thread_local ObjectChunks* placing_;
  PackedBlock* open_ = nullptr;  // holds one count of its liveObjects while open
  size_t used_ = 0;              // bytes of the open chunk taken, its header included
  std::vector<Placement> placements_;
  uint32_t lastSpan_ = 0;
};

}  // namespace journey
