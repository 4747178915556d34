// Records: values of a declared type (profiles, events, `type` declarations). The compiler
// fixes each record type's field order, so code reads a field by index, not by name.
//
// A record points to its RecordLayout without owning it: layouts belong to the compiled
// program, which must outlive every record built from it. (Counting references on a layout
// shared by all threads would make every record construction contend on one cache line.)
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vm/value/value.h"

namespace journey {

// A plain description of a record type, independent of the checker's types so that vm/ does
// not depend on compiler/sema.
struct RecordLayout {
  std::string name;                     // `Purchase`, `Profile.loyalty`
  std::vector<std::string> fieldNames;  // in field-index order
  std::vector<bool> fieldOptional;      // declared `T?`: may be absent (informative)
  std::map<std::string, uint32_t, std::less<>> index;  // name -> field index

  RecordLayout() = default;
  RecordLayout(std::string typeName, std::vector<std::string> fields,
               std::vector<bool> optional = {});

  size_t fieldCount() const noexcept { return fieldNames.size(); }
  // Index of the field, or -1.
  int find(std::string_view field) const noexcept;
};

// Builds a record: every field starts absent; set() the present ones, then build().
class RecordBuilder {
 public:
  explicit RecordBuilder(const RecordLayout& layout);
  RecordBuilder(const RecordBuilder&) = delete;
  RecordBuilder& operator=(const RecordBuilder&) = delete;
  ~RecordBuilder();

  RecordBuilder& set(size_t field, Value value) {
    record_->setField(field, std::move(value));
    return *this;
  }
  RecordBuilder& clear(size_t field);
  // Finishes the record; the builder is empty afterwards.
  Value build();

 private:
  RecordObject* record_;
};

// The record with one field replaced (present) — in place when `record` holds the only
// reference, otherwise on a copy.
Value withField(Value record, size_t field, Value value);
// The record with one field made absent.
Value withoutField(Value record, size_t field);

}  // namespace journey
