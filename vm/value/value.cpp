#include "vm/value/value.h"

#include <cstddef>
#include <cstring>
#include <new>

#include "vm/value/object_chunks.h"
#include "vm/value/packed_tree.h"
#include "vm/value/record.h"

namespace journey {

uint64_t countCodePoints(std::string_view utf8) noexcept {
  uint64_t continuation = 0;
  for (unsigned char c : utf8) continuation += (c & 0xC0) == 0x80;
  return utf8.size() - continuation;
}

namespace {

thread_local int64_t liveObjects = 0;

}  // namespace

HeapObject* makeTextObject(std::string_view s) {
  if (s.empty()) return nullptr;
  void* memory = allocateHeapObject(TextObject::bytesFor(s.size()));
  // Whether the text is ASCII: its high bits, looked at eight bytes at a time.
  constexpr uint64_t kHighBits = 0x8080808080808080;
  uint64_t high = 0;
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t word;
    std::memcpy(&word, s.data() + i, 8);
    high |= word & kHighBits;
  }
  for (; i < s.size(); ++i) high |= static_cast<unsigned char>(s[i]) & 0x80;
  auto* text = new (memory) TextObject(s.size());
  if (!high) text->flags |= kTextAscii;
  std::memcpy(text->data(), s.data(), s.size());
  text->data()[s.size()] = '\0';
  return text;
}

namespace {

constexpr std::string_view kTypeTagNames[] = {
    "null_type", "bool", "int",  "uint", "double", "string", "bytes", "google.protobuf.Timestamp",
    "google.protobuf.Duration", "list", "map", "type", "optional_type", "",
};
static_assert(std::size(kTypeTagNames) == static_cast<size_t>(TypeTag::Named) + 1);

}  // namespace

// ---- heap objects ----------------------------------------------------------------------

void* allocateHeapObject(size_t bytes) {
  if (ObjectChunks* chunks = ObjectChunks::placingOnThisThread()) [[unlikely]] {
    if (void* placed = chunks->allocate(bytes)) return placed;
  }
  void* memory = ::operator new(bytes);
  ++liveObjects;
  return memory;
}

void freeHeapObject(void* memory, size_t bytes) noexcept {
  if (ObjectChunks* chunks = ObjectChunks::placingOnThisThread()) [[unlikely]] {
    if (chunks->freed(memory)) return;
  }
  --liveObjects;
  ::operator delete(memory, bytes);
}

int64_t liveHeapObjectsOnThisThread() noexcept { return liveObjects; }

void HeapObject::destroyHeapObject(HeapObject* object) noexcept {
  PackedBlock* block = packedBlockOf(*object);  // found before the destructors run
  size_t bytes = 0;                             // the allocation's size, as each shape made it
  switch (object->heapKind) {
    case HeapKind::Text: {
      auto* text = static_cast<TextObject*>(object);
      bytes = TextObject::bytesFor(text->size);
      text->~TextObject();
      break;
    }
    case HeapKind::List: {
      auto* list = static_cast<ListObject*>(object);
      bytes = ListObject::bytesFor(list->size);
      for (uint64_t i = 0; i < list->size; ++i) list->elements()[i].~Value();
      list->~ListObject();
      break;
    }
    case HeapKind::Map: {
      auto* map = static_cast<MapObject*>(object);
      bytes = MapObject::bytesFor(map->size, map->slotCount);
      for (uint32_t i = 0; i < map->size; ++i) map->entries()[i].~MapEntry();
      map->~MapObject();
      break;
    }
    case HeapKind::Record: {
      auto* record = static_cast<RecordObject*>(object);
      bytes = RecordObject::bytesFor(record->fieldCount);
      for (uint32_t i = 0; i < record->fieldCount; ++i) record->fields()[i].~Value();
      record->~RecordObject();
      break;
    }
    case HeapKind::Optional: {
      auto* optional = static_cast<OptionalObject*>(object);
      bytes = OptionalObject::bytesFor();
      optional->inner()->~Value();
      optional->~OptionalObject();
      break;
    }
  }
  if (block) {
    leavePackedBlock(block);
  } else {
    freeHeapObject(object, bytes);
  }
}

// ---- construction ----------------------------------------------------------------------

Value Value::bytes(std::span<const uint8_t> raw) {
  return bytes(std::string_view(reinterpret_cast<const char*>(raw.data()), raw.size()));
}

Value Value::timestamp(int64_t seconds, int64_t nanos) {
  int64_t carry = 0, rest = nanos;
  if (nanos < 0 || nanos >= kNanosPerSecond) {  // most times have no nanos to carry
    carry = nanos / kNanosPerSecond;
    rest = nanos % kNanosPerSecond;
    if (rest < 0) {
      rest += kNanosPerSecond;
      --carry;
    }
  }
  int64_t total;
  if (__builtin_add_overflow(seconds, carry, &total) || total < kMinTimestampSeconds ||
      total > kMaxTimestampSeconds) {
    return error("timestamp out of range");
  }
  Value v(ValueKind::Timestamp);
  v.i_ = total;
  v.aux_ = static_cast<int32_t>(rest);
  return v;
}

Value Value::duration(int64_t seconds, int64_t nanos) {
  __int128 total = static_cast<__int128>(seconds) * kNanosPerSecond + nanos;
  if (total > kMaxDurationNanos || total < kMinDurationNanos) {
    return error("duration out of range");
  }
  return durationFromNanos(static_cast<int64_t>(total));
}

Value Value::durationFromNanos(int64_t nanos) noexcept {
  Value v(ValueKind::Duration);
  v.i_ = nanos / kNanosPerSecond;  // truncation keeps the nanos' sign equal to the seconds'
  v.aux_ = static_cast<int32_t>(nanos % kNanosPerSecond);
  return v;
}

Value Value::list(std::vector<Value> elements) {
  if (elements.empty()) return adopt(ValueKind::List, nullptr);
  void* memory = allocateHeapObject(ListObject::bytesFor(elements.size()));
  auto* list = new (memory) ListObject(elements.size());
  for (size_t i = 0; i < elements.size(); ++i) {
    new (list->elements() + i) Value(std::move(elements[i]));
  }
  return adopt(ValueKind::List, list);
}

Value Value::optional(Value inner) {
  void* memory = allocateHeapObject(OptionalObject::bytesFor());
  auto* optional = new (memory) OptionalObject();
  new (optional->inner()) Value(std::move(inner));
  return adopt(ValueKind::Optional, optional);
}

Value Value::type(TypeTag tag) noexcept {
  Value v(ValueKind::Type);
  v.aux_ = static_cast<int32_t>(tag);
  return v;
}

Value Value::type(std::string_view name) {
  for (size_t i = 0; i < static_cast<size_t>(TypeTag::Named); ++i) {
    if (kTypeTagNames[i] == name) return type(static_cast<TypeTag>(i));
  }
  return adopt(ValueKind::Type, makeTextObject(name), static_cast<int32_t>(TypeTag::Named));
}

Value Value::error(std::string_view message) {
  return adopt(ValueKind::Error, makeTextObject(message));
}

std::string_view Value::typeName() const noexcept {
  TypeTag tag = typeTag();
  if (tag == TypeTag::Named) return asString();
  return kTypeTagNames[static_cast<size_t>(tag)];
}

// ---- helpers ---------------------------------------------------------------------------

std::string_view typeTagName(TypeTag tag) noexcept {
  return kTypeTagNames[static_cast<size_t>(tag)];
}

std::string_view celTypeName(const Value& v) noexcept {
  switch (v.kind()) {
    case ValueKind::Null: return "null_type";
    case ValueKind::Bool: return "bool";
    case ValueKind::Int: return "int";
    case ValueKind::Uint: return "uint";
    case ValueKind::Double: return "double";
    case ValueKind::String: return "string";
    case ValueKind::Bytes: return "bytes";
    case ValueKind::Timestamp: return "google.protobuf.Timestamp";
    case ValueKind::Duration: return "google.protobuf.Duration";
    case ValueKind::List: return "list";
    case ValueKind::Map: return "map";
    case ValueKind::Record: return v.asRecord().layout().name;
    case ValueKind::Optional: return "optional_type";
    case ValueKind::Type: return "type";
    case ValueKind::Error: return "error";
  }
  return "error";
}

std::string_view shownTypeName(const Value& v) noexcept {
  switch (v.kind()) {
    case ValueKind::Timestamp: return "timestamp";
    case ValueKind::Duration: return "duration";
    case ValueKind::Optional: return "optional";
    default: return celTypeName(v);
  }
}

Value typeOf(const Value& v) {
  switch (v.kind()) {
    case ValueKind::Null: return Value::type(TypeTag::Null);
    case ValueKind::Bool: return Value::type(TypeTag::Bool);
    case ValueKind::Int: return Value::type(TypeTag::Int);
    case ValueKind::Uint: return Value::type(TypeTag::Uint);
    case ValueKind::Double: return Value::type(TypeTag::Double);
    case ValueKind::String: return Value::type(TypeTag::String);
    case ValueKind::Bytes: return Value::type(TypeTag::Bytes);
    case ValueKind::Timestamp: return Value::type(TypeTag::Timestamp);
    case ValueKind::Duration: return Value::type(TypeTag::Duration);
    case ValueKind::List: return Value::type(TypeTag::List);
    case ValueKind::Map: return Value::type(TypeTag::Map);
    case ValueKind::Record: return Value::type(v.asRecord().layout().name);
    case ValueKind::Optional: return Value::type(TypeTag::Optional);
    case ValueKind::Type: return Value::type(TypeTag::Type);
    case ValueKind::Error: return v;
  }
  return v;
}

namespace {

Value concatText(ValueKind kind, const Value& a, const Value& b) {
  std::string_view x = a.asString(), y = b.asString();
  if (x.empty()) return b;
  if (y.empty()) return a;
  size_t size = x.size() + y.size();
  if (size <= Value::kMaxInlineText) {
    char joined[Value::kMaxInlineText];
    std::memcpy(joined, x.data(), x.size());
    std::memcpy(joined + x.size(), y.data(), y.size());
    return kind == ValueKind::String ? Value::string({joined, size}) : Value::bytes({joined, size});
  }
  void* memory = allocateHeapObject(TextObject::bytesFor(size));
  auto* text = new (memory) TextObject(size);
  if (a.isAsciiString() && b.isAsciiString()) text->flags |= kTextAscii;
  std::memcpy(text->data(), x.data(), x.size());
  std::memcpy(text->data() + x.size(), y.data(), y.size());
  text->data()[size] = '\0';
  return Value::adopt(kind, text);
}

}  // namespace

Value concatStrings(const Value& a, const Value& b) { return concatText(ValueKind::String, a, b); }
Value concatBytes(const Value& a, const Value& b) { return concatText(ValueKind::Bytes, a, b); }

Value concatLists(const Value& a, const Value& b) {
  std::span<const Value> x = a.asList(), y = b.asList();
  if (x.empty()) return b;
  if (y.empty()) return a;
  void* memory = allocateHeapObject(ListObject::bytesFor(x.size() + y.size()));
  auto* list = new (memory) ListObject(x.size() + y.size());
  Value* out = list->elements();
  for (const Value& e : x) new (out++) Value(e);
  for (const Value& e : y) new (out++) Value(e);
  return Value::adopt(ValueKind::List, list);
}

}  // namespace journey
