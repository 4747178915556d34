#include "vm/value/record.h"

#include <cstring>
#include <new>

#include "vm/value/short_text.h"

namespace journey {

namespace {

RecordObject* allocateRecord(const RecordLayout* layout, uint32_t fields) {
  size_t words = RecordObject::presenceWords(fields);
  void* memory = allocateHeapObject(RecordObject::bytesFor(fields));
  auto* record = new (memory) RecordObject(layout, fields);
  for (uint32_t i = 0; i < fields; ++i) new (record->fields() + i) Value();
  std::memset(record->presence(), 0, words * sizeof(uint64_t));
  return record;
}

RecordObject* cloneRecord(const RecordObject& from) {
  RecordObject* record = allocateRecord(from.layout, from.fieldCount);
  for (uint32_t i = 0; i < from.fieldCount; ++i) record->fields()[i] = from.fields()[i];
  std::memcpy(record->presence(), from.presence(),
              RecordObject::presenceWords(from.fieldCount) * sizeof(uint64_t));
  return record;
}

// The record itself when its only reference is `record`, else a copy to modify.
RecordObject* writable(Value& record) {
  auto* object = static_cast<RecordObject*>(record.mutableHeapObject());
  if (object->unique()) return object;
  RecordObject* copy = cloneRecord(*object);
  record = Value::adopt(ValueKind::Record, copy);
  return copy;
}

}  // namespace

RecordLayout::RecordLayout(std::string typeName, std::vector<std::string> fields,
                           std::vector<bool> optional)
    : name(std::move(typeName)), fieldNames(std::move(fields)), fieldOptional(std::move(optional)) {
  fieldOptional.resize(fieldNames.size(), false);
  for (size_t i = 0; i < fieldNames.size(); ++i) index.emplace(fieldNames[i], i);
}

int RecordLayout::find(std::string_view field) const noexcept {
  // A usual record's names are found faster by a scan (most differ in length) than through the
  // tree of the index.
  constexpr size_t kScanned = 16;
  if (fieldNames.size() <= kScanned) {
    for (size_t i = 0; i < fieldNames.size(); ++i) {
      if (sameText(fieldNames[i], field)) return static_cast<int>(i);
    }
    return -1;
  }
  auto it = index.find(field);
  return it == index.end() ? -1 : static_cast<int>(it->second);
}

RecordBuilder::RecordBuilder(const RecordLayout& layout)
    : record_(allocateRecord(&layout, static_cast<uint32_t>(layout.fieldCount()))) {}

RecordBuilder::~RecordBuilder() {
  if (record_) record_->release();
}

RecordBuilder& RecordBuilder::clear(size_t field) {
  record_->clearField(field);
  return *this;
}

Value RecordBuilder::build() {
  RecordObject* record = record_;
  record_ = nullptr;
  return Value::adopt(ValueKind::Record, record);
}

Value withField(Value record, size_t field, Value value) {
  writable(record)->setField(field, std::move(value));
  return record;
}

Value withoutField(Value record, size_t field) {
  writable(record)->clearField(field);
  return record;
}

}  // namespace journey
