// The header every heap-allocated value starts with: an intrusive reference count and the
// object's shape. Values that do not fit in 16 bytes (strings, lists, maps, records, optionals,
// named types, errors) point to one of these.
//
// Why intrusive and atomic: program constants (list and string literals) are shared by every
// thread that evaluates audiences, so the count must be atomic. Increments are relaxed (taking
// a reference needs no ordering); decrements are acq_rel so that the thread which frees an
// object sees every write other threads made through it.
//
// Objects are immutable once published; the only mutation is copy-on-write of a record whose
// count is one (see withField in record.h).
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace journey {

// The layout of the object behind the pointer, which decides how it is destroyed. Several
// value kinds share one shape: String, Bytes, named Type and Error values are all Text.
enum class HeapKind : uint8_t { Text, List, Map, Record, Optional };

// Flag of any shape: the object lives inside a packed block (packed_tree.h), `blockOffset`
// eight-byte words after the block's start, and is not freed on its own.
inline constexpr uint8_t kInPackedBlock = 0x80;

struct HeapObject {
  std::atomic<uint32_t> refs{1};
  HeapKind heapKind;
  uint8_t flags = 0;  // per-shape bits (Text: kTextAscii) and kInPackedBlock
  uint16_t blockOffset = 0;

  explicit constexpr HeapObject(HeapKind k) noexcept : heapKind(k) {}
  HeapObject(const HeapObject&) = delete;
  HeapObject& operator=(const HeapObject&) = delete;

  void retain() noexcept { refs.fetch_add(1, std::memory_order_relaxed); }
  void release() noexcept {
    if (refs.fetch_sub(1, std::memory_order_acq_rel) == 1) destroyHeapObject(this);
  }
  // Exactly one owner: the caller may reuse the object in place (copy-on-write).
  bool unique() const noexcept { return refs.load(std::memory_order_acquire) == 1; }

  // Runs the destructors of the values the object holds, then frees it (or, in a packed block,
  // frees the block once nothing else of it lives).
  static void destroyHeapObject(HeapObject* object) noexcept;
};
static_assert(sizeof(HeapObject) == 8);

// Raw storage for objects with trailing arrays; counted per thread for leak tests. Freed with
// the size it was allocated with: jemalloc then finds the size class without reading its map
// of pages, a cache miss for an object long cold (an ended instance's values).
void* allocateHeapObject(size_t bytes);
void freeHeapObject(void* memory, size_t bytes) noexcept;

// Objects allocated minus objects freed on the calling thread since it started. A debugging
// statistic for tests (single-threaded): values freed on another thread skew it.
int64_t liveHeapObjectsOnThisThread() noexcept;

}  // namespace journey
