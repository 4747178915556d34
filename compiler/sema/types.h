// Checker types: CEL's types plus records of declared types, interned in one table so that a
// type is a small id and equal ids mean equal types.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source_manager.h"

namespace journey::sema {

using TypeId = uint32_t;
using RecordId = uint32_t;

enum class TypeKind : uint8_t {
  Error,      // the type of an expression that already has a diagnostic: absorbs everything
  Dyn,
  Null,
  Bool,
  Int,
  Uint,
  Double,
  String,
  Bytes,
  Timestamp,
  Duration,
  List,       // params[0] = element
  Map,        // params[0] = key, params[1] = value
  Optional,   // CEL optional_type: params[0] = inner
  Type,       // the type of a type value: params[0] = the type denoted (Dyn when unknown)
  Record,     // a declared record type: `record`
  Param,      // a type parameter of a generic overload: `name`
};

// Where a record type comes from; used in messages ("event `Purchase`") and by later phases.
enum class RecordOrigin : uint8_t { Type, Schema, Event, ActionResponse, Inline };

struct RecordField {
  std::string name;
  TypeId type = 0;
  bool optional = false;    // declared `T?`: may be absent; reading it when absent is an error
  bool hasDefault = false;  // declared `= expr`: filled in when absent
  SourceRange range;
};

struct RecordInfo {
  std::string name;  // `Item`, `Profile`, `CartAbandoned`, `Profile.loyalty` for inline records
  RecordOrigin origin = RecordOrigin::Type;
  std::vector<RecordField> fields;
  SourceRange range;

  // Index of the field, or -1. `next` is looked at first: fields are mostly written in the
  // order they are declared, so a caller going through them passes the index after the last
  // one found, and a record of thousands of fields is not searched once per field.
  int find(std::string_view field, size_t next = 0) const;
};

struct TypeData {
  TypeKind kind = TypeKind::Error;
  std::vector<TypeId> params;
  RecordId record = 0;
  std::string name;  // Param only

  bool operator<(const TypeData& o) const;
};

class TypeTable {
 public:
  TypeTable();

  TypeId error() const { return error_; }
  TypeId dyn() const { return dyn_; }
  TypeId null() const { return null_; }
  TypeId boolean() const { return bool_; }
  TypeId int64() const { return int_; }
  TypeId uint64() const { return uint_; }
  TypeId double64() const { return double_; }
  TypeId string() const { return string_; }
  TypeId bytes() const { return bytes_; }
  TypeId timestamp() const { return timestamp_; }
  TypeId duration() const { return duration_; }
  TypeId list(TypeId element);
  TypeId map(TypeId key, TypeId value);
  TypeId optional(TypeId inner);
  TypeId typeOf(TypeId denoted);
  TypeId param(std::string_view name);
  TypeId record(RecordId r);

  RecordId addRecord(RecordInfo info);
  const RecordInfo& recordInfo(RecordId r) const { return records_[r]; }
  RecordInfo& recordInfo(RecordId r) { return records_[r]; }
  size_t recordCount() const { return records_.size(); }

  const TypeData& get(TypeId t) const { return types_[t]; }
  // Number of interned types: ids are 0 .. size() - 1.
  size_t size() const { return types_.size(); }
  TypeKind kind(TypeId t) const { return types_[t].kind; }
  TypeId param(TypeId t, size_t i) const { return types_[t].params[i]; }

  // The type as users write it: `int`, `list<string>`, `map<string, int>`, `optional<int>`,
  // `type<int>`, the record's name.
  std::string print(TypeId t) const;
  // Whether `t` nests more than `levels` type parameters deep (`list<list<int>>` is 2):
  // iteratively, for a type grown step by step (a REPL `let` that wraps its own value).
  bool nestsDeeperThan(TypeId t, size_t levels) const;

  // Parses a type pattern of the stdlib declarations (`list<A>`, `map<K, V>`, `optional<A>`,
  // `int`); single capital letters are type parameters. Aborts on a malformed pattern: the
  // patterns are our own constants.
  TypeId parsePattern(std::string_view pattern);

 private:
  void printTo(std::string& out, TypeId t, size_t depth) const;
  TypeId intern(TypeData d);
  std::vector<TypeData> types_;
  std::map<TypeData, TypeId> index_;
  std::vector<RecordInfo> records_;
  TypeId error_, dyn_, null_, bool_, int_, uint_, double_, string_, bytes_, timestamp_, duration_;
};

}  // namespace journey::sema
