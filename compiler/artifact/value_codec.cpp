#include "compiler/artifact/value_codec.h"

#include <bit>
#include <string>
#include <vector>

#include "compiler/artifact/artifact_error.h"
#include "vm/value/value_convert.h"

namespace journey::artifact {

namespace {

// Lists and maps inside lists: deeper than any literal the parser accepts.
constexpr int kMaxDepth = 64;

Value readValueAt(ByteReader& in, int depth);

Value valid(ByteReader& in, Value v, const char* what) {
  if (v.isError()) in.fail(std::string("invalid ") + what + " constant: " + std::string(v.errorMessage()));
  return v;
}

std::string_view utf8(ByteReader& in, std::string_view s) {
  if (!isValidUtf8(s)) in.fail("a string constant is not valid UTF-8");
  return s;
}

Value readValueAt(ByteReader& in, int depth) {
  if (depth > kMaxDepth) in.fail("constants nested too deeply");
  auto kind = static_cast<ValueKind>(in.below(static_cast<uint32_t>(ValueKind::Error) + 1, "value kind"));
  switch (kind) {
    case ValueKind::Null: return Value::null();
    case ValueKind::Bool: return Value::boolean(in.boolean());
    case ValueKind::Int: return Value::integer(in.signedVarint());
    case ValueKind::Uint: return Value::uinteger(in.varint());
    case ValueKind::Double: return Value::dbl(std::bit_cast<double>(in.fixed64()));
    case ValueKind::String: return Value::string(utf8(in, in.raw(in.count())));
    case ValueKind::Bytes: return Value::bytes(in.raw(in.count()));
    case ValueKind::Timestamp: {
      int64_t seconds = in.signedVarint();
      int32_t nanos = in.int32();
      return valid(in, Value::timestamp(seconds, nanos), "timestamp");
    }
    case ValueKind::Duration: {
      int64_t seconds = in.signedVarint();
      int32_t nanos = in.int32();
      return valid(in, Value::duration(seconds, nanos), "duration");
    }
    case ValueKind::List: {
      std::vector<Value> elements(in.count());
      for (Value& e : elements) e = readValueAt(in, depth + 1);
      return Value::list(std::move(elements));
    }
    case ValueKind::Map: {
      std::vector<MapEntry> entries(in.count());
      for (MapEntry& e : entries) {
        e.key = readValueAt(in, depth + 1);
        e.value = readValueAt(in, depth + 1);
      }
      return valid(in, Value::map(std::move(entries)), "map");
    }
    case ValueKind::Optional:
      if (!in.boolean()) return Value::optionalNone();
      return Value::optional(readValueAt(in, depth + 1));
    case ValueKind::Type: {
      auto tag = static_cast<TypeTag>(in.below(static_cast<uint32_t>(TypeTag::Named) + 1, "type tag"));
      if (tag != TypeTag::Named) return Value::type(tag);
      return Value::type(utf8(in, in.raw(in.count())));
    }
    case ValueKind::Error: return Value::error(utf8(in, in.raw(in.count())));
    case ValueKind::Record: break;
  }
  in.fail("a record constant");
}

}  // namespace

void writeValue(ByteWriter& out, const Value& v) {
  out.u8(static_cast<uint8_t>(v.kind()));
  switch (v.kind()) {
    case ValueKind::Null: break;
    case ValueKind::Bool: out.boolean(v.asBool()); break;
    case ValueKind::Int: out.signedVarint(v.asInt()); break;
    case ValueKind::Uint: out.varint(v.asUint()); break;
    case ValueKind::Double: out.fixed64(std::bit_cast<uint64_t>(v.asDouble())); break;
    case ValueKind::String:
    case ValueKind::Bytes:
    case ValueKind::Error: out.text(v.asString()); break;
    case ValueKind::Timestamp:
      out.signedVarint(v.asTimestamp().seconds);
      out.signedVarint(v.asTimestamp().nanos);
      break;
    case ValueKind::Duration:
      out.signedVarint(v.asDuration().seconds);
      out.signedVarint(v.asDuration().nanos);
      break;
    case ValueKind::List:
      out.varint(v.asList().size());
      for (const Value& e : v.asList()) writeValue(out, e);
      break;
    case ValueKind::Map:
      out.varint(v.asMap().size());
      for (const MapEntry& e : v.asMap().entries()) {
        writeValue(out, e.key);
        writeValue(out, e.value);
      }
      break;
    case ValueKind::Optional:
      out.boolean(v.hasValue());
      if (v.hasValue()) writeValue(out, v.optionalValue());
      break;
    case ValueKind::Type:
      out.u8(static_cast<uint8_t>(v.typeTag()));
      if (v.typeTag() == TypeTag::Named) out.text(v.typeName());
      break;
    case ValueKind::Record:
      throw ArtifactError("a record constant cannot be stored in an artifact");
  }
}

Value readValue(ByteReader& in) { return readValueAt(in, 0); }

}  // namespace journey::artifact
