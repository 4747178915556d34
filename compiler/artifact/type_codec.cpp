#include "compiler/artifact/type_codec.h"

#include <fmt/format.h>

#include "compiler/artifact/range_codec.h"

namespace journey::artifact {

namespace {

using sema::TypeKind;

void writeRecord(ByteWriter& out, const sema::RecordInfo& r) {
  out.text(r.name);
  out.u8(static_cast<uint8_t>(r.origin));
  out.varint(r.fields.size());
  for (const sema::RecordField& f : r.fields) {
    out.text(f.name);
    out.varint(f.type);
    out.boolean(f.optional);
    out.boolean(f.hasDefault);
    writeRange(out, f.range);
  }
  writeRange(out, r.range);
}

sema::RecordInfo readRecord(ByteReader& in) {
  sema::RecordInfo r;
  r.name = in.text();
  r.origin = static_cast<sema::RecordOrigin>(
      in.below(static_cast<uint32_t>(sema::RecordOrigin::Inline) + 1, "record origin"));
  r.fields.resize(in.count());
  for (sema::RecordField& f : r.fields) {
    f.name = in.text();
    f.type = in.u32();
    f.optional = in.boolean();
    f.hasDefault = in.boolean();
    f.range = readRange(in);
  }
  r.range = readRange(in);
  return r;
}

// Interns one written type; its parameters are earlier ids (interning made them first).
sema::TypeId intern(ByteReader& in, sema::TypeTable& t, sema::TypeId id) {
  auto kind = static_cast<TypeKind>(in.below(static_cast<uint32_t>(TypeKind::Param) + 1, "type kind"));
  std::vector<sema::TypeId> params(in.count());
  for (sema::TypeId& p : params) {
    p = in.u32();
    if (p >= id) in.fail(fmt::format("type {} refers to a later type {}", id, p));
  }
  sema::RecordId record = in.u32();
  std::string name = in.text();
  auto arity = [&](size_t n) {
    if (params.size() != n) in.fail(fmt::format("type {} has {} parameters", id, params.size()));
  };
  arity(kind == TypeKind::Map ? 2
        : kind == TypeKind::List || kind == TypeKind::Optional || kind == TypeKind::Type ? 1
                                                                                          : 0);
  switch (kind) {
    case TypeKind::Error: return t.error();
    case TypeKind::Dyn: return t.dyn();
    case TypeKind::Null: return t.null();
    case TypeKind::Bool: return t.boolean();
    case TypeKind::Int: return t.int64();
    case TypeKind::Uint: return t.uint64();
    case TypeKind::Double: return t.double64();
    case TypeKind::String: return t.string();
    case TypeKind::Bytes: return t.bytes();
    case TypeKind::Timestamp: return t.timestamp();
    case TypeKind::Duration: return t.duration();
    case TypeKind::List: return t.list(params[0]);
    case TypeKind::Map: return t.map(params[0], params[1]);
    case TypeKind::Optional: return t.optional(params[0]);
    case TypeKind::Type: return t.typeOf(params[0]);
    case TypeKind::Record:
      if (record >= t.recordCount()) in.fail(fmt::format("type {} names record {}", id, record));
      return t.record(record);
    case TypeKind::Param: return t.param(name);
  }
  in.fail("unknown type kind");
}

}  // namespace

void writeTypes(ByteWriter& out, const sema::TypeTable& types) {
  out.varint(types.recordCount());
  for (size_t r = 0; r < types.recordCount(); ++r) {
    writeRecord(out, types.recordInfo(static_cast<sema::RecordId>(r)));
  }
  out.varint(types.size());
  for (sema::TypeId id = 0; id < types.size(); ++id) {
    const sema::TypeData& d = types.get(id);
    out.u8(static_cast<uint8_t>(d.kind));
    out.varint(d.params.size());
    for (sema::TypeId p : d.params) out.varint(p);
    out.varint(d.record);
    out.text(d.name);
  }
}

sema::TypeTable readTypes(ByteReader& in) {
  sema::TypeTable types;
  size_t records = in.count();
  for (size_t r = 0; r < records; ++r) types.addRecord(readRecord(in));
  size_t count = in.count();
  for (sema::TypeId id = 0; id < count; ++id) {
    if (intern(in, types, id) != id) {
      in.fail(fmt::format("type {} is not where the table puts it", id));
    }
  }
  if (types.size() != count) in.fail("the type table lacks the built-in types");
  for (size_t r = 0; r < records; ++r) {
    for (const sema::RecordField& f : types.recordInfo(static_cast<sema::RecordId>(r)).fields) {
      if (f.type >= count) in.fail(fmt::format("field `{}` has an unknown type {}", f.name, f.type));
    }
  }
  return types;
}

}  // namespace journey::artifact
