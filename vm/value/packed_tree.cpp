#include "vm/value/packed_tree.h"

#include <cstring>
#include <new>

#include "vm/value/objects.h"

namespace journey {

namespace {

constexpr size_t kMaxBlockBytes = kPackedWord * UINT16_MAX;

// The bytes of each shape as its builders allocate them, rounded up to the block's words.
size_t textBytes(const TextObject& t) { return roundToPackedWord(TextObject::bytesFor(t.size)); }
size_t listBytes(const ListObject& l) { return ListObject::bytesFor(l.size); }
size_t mapBytes(const MapObject& m) {
  return roundToPackedWord(MapObject::bytesFor(m.size, m.slotCount));
}
size_t recordBytes(const RecordObject& r) { return RecordObject::bytesFor(r.fieldCount); }

// Whether packing copies the object `v` holds: the root always; below it, only objects that
// nothing else holds (a string the converter shares among profiles stays shared).
const HeapObject* copied(const Value& v, bool root) {
  const HeapObject* o = v.heapObject();
  return o && (root || v.refCount() == 1) ? o : nullptr;
}

// What the copy of `v`'s tree takes: the objects copied(), each as often as it is reached.
size_t treeBytes(const Value& v, bool root = false) {
  const HeapObject* o = copied(v, root);
  if (!o) return 0;
  switch (o->heapKind) {
    case HeapKind::Text: return textBytes(*static_cast<const TextObject*>(o));
    case HeapKind::List: {
      auto* list = static_cast<const ListObject*>(o);
      size_t bytes = listBytes(*list);
      for (uint64_t i = 0; i < list->size; ++i) bytes += treeBytes(list->elements()[i]);
      return bytes;
    }
    case HeapKind::Map: {
      auto* map = static_cast<const MapObject*>(o);
      size_t bytes = mapBytes(*map);
      for (uint32_t i = 0; i < map->size; ++i) {
        bytes += treeBytes(map->entries()[i].key) + treeBytes(map->entries()[i].value);
      }
      return bytes;
    }
    case HeapKind::Record: {
      auto* record = static_cast<const RecordObject*>(o);
      size_t bytes = recordBytes(*record);
      for (uint32_t i = 0; i < record->fieldCount; ++i) bytes += treeBytes(record->fields()[i]);
      return bytes;
    }
    case HeapKind::Optional:
      return OptionalObject::bytesFor() +
             treeBytes(*static_cast<const OptionalObject*>(o)->inner());
  }
  return 0;
}

// Copies a tree into a block measured by treeBytes, parents before their children.
class Packer {
 public:
  explicit Packer(char* block) : block_(block), used_(sizeof(PackedBlock)) {}

  Value copy(const Value& v, bool root = false) {
    const HeapObject* o = copied(v, root);
    if (!o) return v;
    switch (o->heapKind) {
      case HeapKind::Text: {
        auto* from = static_cast<const TextObject*>(o);
        auto* to = new (place(textBytes(*from))) TextObject(from->size);
        std::memcpy(to->data(), from->data(), from->size + 1);
        return adopt(v, to, from->flags);
      }
      case HeapKind::List: {
        auto* from = static_cast<const ListObject*>(o);
        auto* to = new (place(listBytes(*from))) ListObject(from->size);
        for (uint64_t i = 0; i < from->size; ++i) {
          new (to->elements() + i) Value(copy(from->elements()[i]));
        }
        return adopt(v, to, from->flags);
      }
      case HeapKind::Map: {
        auto* from = static_cast<const MapObject*>(o);
        auto* to = new (place(mapBytes(*from))) MapObject(from->size, from->slotCount);
        for (uint32_t i = 0; i < from->size; ++i) {
          const MapEntry& e = from->entries()[i];
          new (to->entries() + i) MapEntry{copy(e.key), copy(e.value)};
        }
        std::memcpy(to->slots(), from->slots(), from->slotCount * sizeof(uint32_t));
        return adopt(v, to, from->flags);
      }
      case HeapKind::Record: {
        auto* from = static_cast<const RecordObject*>(o);
        auto* to = new (place(recordBytes(*from))) RecordObject(from->layout, from->fieldCount);
        for (uint32_t i = 0; i < from->fieldCount; ++i) {
          new (to->fields() + i) Value(copy(from->fields()[i]));
        }
        std::memcpy(to->presence(), from->presence(),
                    RecordObject::presenceWords(from->fieldCount) * sizeof(uint64_t));
        return adopt(v, to, from->flags);
      }
      case HeapKind::Optional: {
        auto* from = static_cast<const OptionalObject*>(o);
        auto* to = new (place(OptionalObject::bytesFor())) OptionalObject();
        new (to->inner()) Value(copy(*from->inner()));
        return adopt(v, to, from->flags);
      }
    }
    return v;
  }

  uint32_t objects() const { return objects_; }

 private:
  void* place(size_t bytes) {
    void* at = block_ + used_;
    used_ += bytes;
    ++objects_;
    return at;
  }
  Value adopt(const Value& like, HeapObject* object, uint8_t flags) {
    object->flags = flags | kInPackedBlock;
    object->blockOffset =
        static_cast<uint16_t>((reinterpret_cast<char*>(object) - block_) / kPackedWord);
    return like.holding(object);
  }

  char* block_;
  size_t used_;
  uint32_t objects_ = 0;
};

}  // namespace

Value packTree(const Value& v) {
  if (!v.heapObject() || packedBlockOf(v)) return v;
  size_t bytes = sizeof(PackedBlock) + treeBytes(v, true);
  if (bytes > kMaxBlockBytes) return v;
  void* memory = allocateHeapObject(bytes);
  auto* block = new (memory) PackedBlock{{0}, static_cast<uint32_t>(bytes)};
  Packer packer(static_cast<char*>(memory));
  Value packed = packer.copy(v, true);
  block->liveObjects.store(packer.objects(), std::memory_order_relaxed);
  return packed;
}

const PackedBlock* packedBlockOf(const Value& v) noexcept {
  const HeapObject* o = v.heapObject();
  return o ? packedBlockOf(*o) : nullptr;
}

void leavePackedBlock(PackedBlock* block) noexcept {
  if (block->liveObjects.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    const size_t bytes = block->bytes;
    block->~PackedBlock();
    freeHeapObject(block, bytes);
  }
}

}  // namespace journey
