#include "vm/value/object_chunks.h"

#include <cassert>
#include <new>

#include "vm/value/heap_object.h"

namespace journey {

constinit thread_local ObjectChunks* ObjectChunks::placing_ = nullptr;

ObjectChunks::Placing::Placing(ObjectChunks& owner) : owner_(owner) {
  assert(!placing_ && "ObjectChunks::place calls do not nest");
  owner_.placements_.clear();
  placing_ = &owner_;
}

ObjectChunks::Placing::~Placing() {
  placing_ = nullptr;
  const std::vector<Placement>& placed = owner_.placements_;
  owner_.lastSpan_ =
      !placed.empty() && placed.front().chunk == owner_.open_
          ? static_cast<uint32_t>(reinterpret_cast<char*>(owner_.open_) + owner_.used_ -
                                  placed.front().object)
          : 0;
  for (const Placement& p : placed) {
    if (!p.live) continue;
    auto* object = reinterpret_cast<HeapObject*>(p.object);
    object->flags |= kInPackedBlock;
    object->blockOffset = static_cast<uint16_t>((p.object - reinterpret_cast<char*>(p.chunk)) /
                                                kPackedWord);
  }
}

ObjectChunks::~ObjectChunks() { closeChunk(); }

void ObjectChunks::openChunk() {
  closeChunk();
  ObjectChunks* placing = placing_;
  placing_ = nullptr;  // the chunk itself comes from the heap
  void* memory = allocateHeapObject(kChunkBytes);
  placing_ = placing;
  // One count for the owner, while the chunk is open.
  open_ = new (memory) PackedBlock{{1}, static_cast<uint32_t>(kChunkBytes)};
  used_ = sizeof(PackedBlock);
}

void ObjectChunks::closeChunk() noexcept {
  if (open_) leavePackedBlock(open_);
  open_ = nullptr;
}

void* ObjectChunks::allocate(size_t bytes) {
  size_t rounded = roundToPackedWord(bytes);
  if (rounded > kChunkBytes - sizeof(PackedBlock)) return nullptr;
  if (!open_ || used_ + rounded > kChunkBytes) openChunk();
  char* object = reinterpret_cast<char*>(open_) + used_;
  used_ += rounded;
  // Counted from now on, so that the chunk outlives its objects however they end.
  open_->liveObjects.fetch_add(1, std::memory_order_relaxed);
  placements_.push_back({object, open_, true});
  return object;
}

bool ObjectChunks::freed(void* memory) noexcept {
  // Temporaries are few and recent: the search starts from the last placement.
  for (auto p = placements_.rbegin(); p != placements_.rend(); ++p) {
    if (p->object != memory) continue;
    p->live = false;
    leavePackedBlock(p->chunk);
    return true;
  }
  return false;
}

}  // namespace journey
