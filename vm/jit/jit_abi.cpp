#include "vm/jit/jit_abi.h"

#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "vm/interp/dispatch.h"
#include "vm/interp/expression_runner.h"
#include "vm/interp/literals.h"
#include "vm/interp/selection.h"
#include "vm/runtime/split_hash.h"
#include "vm/value/checked_arith.h"
#include "vm/value/record.h"

namespace journey::jit {

namespace {

// The helpers mirror the interpreter's instructions one for one; where the interpreter keeps a
// small function to itself (literals, the size limits), the same text is here, and the
// differential tests (tests/unit/jit_*.cpp, the conformance cases, every scenario) hold the
// two equal.

Value stopError(std::string_view what) {
  return Value::error("evaluation stopped: " + std::string(what));
}

bool tooLarge(const Value& v, const JitContext& ctx) {
  switch (v.kind()) {
    case ValueKind::String:
    case ValueKind::Bytes: return v.asString().size() > ctx.maxTextBytes;
    case ValueKind::List: return v.asList().size() > ctx.maxCollectionSize;
    case ValueKind::Map: return v.asMap().size() > ctx.maxCollectionSize;
    default: return false;
  }
}

const std::vector<bool>* maskAt(const JitContext& ctx, uint32_t mask) {
  return mask == codegen::kNoIndex ? nullptr : &ctx.tables->masks[mask];
}

bool isBool(const Value& v, bool b) { return v.kind() == ValueKind::Bool && v.asBool() == b; }

// The field of a site on a record of the site's static layout (the interpreter's fast path).
bool onStaticLayout(const Value& x, const codegen::FieldSite& site) {
  return x.kind() == ValueKind::Record && site.layout && &x.asRecord().layout() == site.layout;
}

using ListBuilder = std::vector<Value>;
using MapBuilder = std::vector<MapEntry>;

}  // namespace

bool abiMatchesValueLayout() {
  static_assert(sizeof(Value) == kValueSize);
  static_assert(offsetof(JitContext, constants) == kCtxConstants);
  static_assert(offsetof(JitContext, layouts) == kCtxLayouts);
  static_assert(offsetof(JitContext, maxIterations) == kCtxMaxIterations);
  // Value's members are private and the heap objects derive from HeapObject: check the
  // promised byte layout on live values.
  auto bytesOf = [](const Value& v, size_t offset, void* out, size_t n) {
    std::memcpy(out, reinterpret_cast<const unsigned char*>(&v) + offset, n);
  };
  auto objectBytes = [](const Value& v, size_t offset, void* out, size_t n) {
    std::memcpy(out, reinterpret_cast<const unsigned char*>(v.heapObject()) + offset, n);
  };
  Value i = Value::integer(0x1122334455667788);
  uint8_t kind = 0, flags = 0;
  int64_t payload = 0;
  bytesOf(i, 0, &kind, 1);
  bytesOf(i, kValueFlags, &flags, 1);
  bytesOf(i, kValuePayload, &payload, 8);
  if (kind != static_cast<uint8_t>(ValueKind::Int) || flags != 0 || payload != 0x1122334455667788) {
    return false;
  }
  Value list = Value::list({Value::integer(1), Value::integer(2), Value::integer(3)});
  const void* object = nullptr;
  bytesOf(list, 0, &kind, 1);
  bytesOf(list, kValueFlags, &flags, 1);
  bytesOf(list, kValuePayload, &object, sizeof(object));
  uint64_t listSize = 0;
  objectBytes(list, kListSize, &listSize, 8);
  if (kind != static_cast<uint8_t>(ValueKind::List) || !(flags & kValueOwnsRef) ||
      object != list.heapObject() || listSize != 3 ||
      reinterpret_cast<const unsigned char*>(list.asList().data()) !=
          reinterpret_cast<const unsigned char*>(object) + kListElements) {
    return false;
  }
  Value text = Value::string("more than thirteen bytes");
  uint64_t textSize = 0;
  objectBytes(text, kTextSize, &textSize, 8);
  if (textSize != 24 ||
      text.asString().data() != reinterpret_cast<const char*>(text.heapObject()) + kTextData ||
      Value::string("").heapObject() != nullptr) {
    return false;
  }
  Value shortText = Value::string("twelve bytes");
  bytesOf(shortText, kValueFlags, &flags, 1);
  if (!(flags & kValueInlineText) || (flags & kValueOwnsRef) ||
      (flags >> kValueInlineSizeShift) != 12 ||
      shortText.asString().data() !=
          reinterpret_cast<const char*>(&shortText) + kValueInlineData) {
    return false;
  }
  uint32_t refs = 0;
  objectBytes(list, kObjectRefs, &refs, 4);
  if (refs != list.refCount()) return false;
  Value map = Value::map(
      {{Value::string("a"), Value::integer(1)}, {Value::string("b"), Value::integer(2)}});
  uint32_t mapSize = 0;
  objectBytes(map, kMapSize, &mapSize, 4);
  if (mapSize != 2 ||
      reinterpret_cast<const unsigned char*>(map.asMap().entries().data()) !=
          reinterpret_cast<const unsigned char*>(map.heapObject()) + kMapEntries ||
      sizeof(MapEntry) != 2 * kValueSize) {
    return false;
  }
  static const RecordLayout layout("AbiCheck", {"a", "b"});
  RecordBuilder b(layout);
  b.set(1, Value::integer(7));
  Value record = b.build();
  const RecordLayout* layoutPtr = nullptr;
  objectBytes(record, kRecordLayout, &layoutPtr, sizeof(layoutPtr));
  uint64_t presence = 0;
  objectBytes(record, kRecordFields + 2 * kValueSize, &presence, 8);
  return layoutPtr == &layout && presence == 2 &&
         reinterpret_cast<const unsigned char*>(&record.asRecord().field(1)) ==
             reinterpret_cast<const unsigned char*>(record.heapObject()) + kRecordFields +
                 kValueSize;
}

const std::vector<HelperSymbol>& helperSymbols() {
#define JOURNEY_HELPER(name) \
  HelperSymbol { #name, reinterpret_cast < void*>(&name) }
  static const std::vector<HelperSymbol> all = {
      JOURNEY_HELPER(journey_jit_release),         JOURNEY_HELPER(journey_jit_take_stop),
      JOURNEY_HELPER(journey_jit_frame_new),       JOURNEY_HELPER(journey_jit_frame_delete),
      JOURNEY_HELPER(journey_jit_field),           JOURNEY_HELPER(journey_jit_opt_field),
      JOURNEY_HELPER(journey_jit_test_field),      JOURNEY_HELPER(journey_jit_index),
      JOURNEY_HELPER(journey_jit_opt_index),       JOURNEY_HELPER(journey_jit_call),
      JOURNEY_HELPER(journey_jit_call_binary),     JOURNEY_HELPER(journey_jit_call_field_binary),
      JOURNEY_HELPER(journey_jit_call_unary),      JOURNEY_HELPER(journey_jit_int_overflow),
      JOURNEY_HELPER(journey_jit_negate_int),      JOURNEY_HELPER(journey_jit_strings_equal),
      JOURNEY_HELPER(journey_jit_logic_join),      JOURNEY_HELPER(journey_jit_not_bool),
      JOURNEY_HELPER(journey_jit_make_list),       JOURNEY_HELPER(journey_jit_make_map),
      JOURNEY_HELPER(journey_jit_make_record),     JOURNEY_HELPER(journey_jit_iter_error),
      JOURNEY_HELPER(journey_jit_stop_iterations), JOURNEY_HELPER(journey_jit_list_begin),
      JOURNEY_HELPER(journey_jit_list_push),       JOURNEY_HELPER(journey_jit_list_end),
      JOURNEY_HELPER(journey_jit_list_free),       JOURNEY_HELPER(journey_jit_map_begin),
      JOURNEY_HELPER(journey_jit_map_put),         JOURNEY_HELPER(journey_jit_map_merge),
      JOURNEY_HELPER(journey_jit_map_end),         JOURNEY_HELPER(journey_jit_map_free),
      JOURNEY_HELPER(journey_jit_interpret),
      JOURNEY_HELPER(journey_jit_move),            JOURNEY_HELPER(journey_jit_split_bucket),
  };
#undef JOURNEY_HELPER
  return all;
}

}  // namespace journey::jit

using journey::MapEntry;
using journey::RecordLayout;
using journey::ValueKind;
using journey::jit::ListBuilder;
using journey::jit::MapBuilder;
namespace interp = journey::interp;
namespace jit = journey::jit;

extern "C" {

void journey_jit_release(JValue* v) {
  std::destroy_at(v);
  new (v) JValue();
}

void journey_jit_take_stop(JValue* result, JContext* ctx) { *result = std::move(ctx->stop); }

JValue* journey_jit_frame_new(uint64_t count) { return new JValue[count]; }

void journey_jit_frame_delete(JValue* frame, uint64_t count) { delete[] frame; }

// ---- selection ---------------------------------------------------------------------------

void journey_jit_field(JValue* dst, const JValue* x, uint32_t site, JContext* ctx) {
  const journey::codegen::FieldSite& s = ctx->tables->fields[site];
  JValue v = jit::onStaticLayout(*x, s) ? (x->asRecord().has(s.index) ? x->asRecord().field(s.index)
                                                                      : interp::noSuchField(s.name))
                                        : interp::selectField(*x, s.name);
  *dst = std::move(v);
}

void journey_jit_opt_field(JValue* dst, const JValue* x, uint32_t site, JContext* ctx) {
  JValue v = interp::selectOptionalField(*x, ctx->tables->fields[site].name);
  *dst = std::move(v);
}

void journey_jit_test_field(JValue* dst, const JValue* x, uint32_t site, JContext* ctx) {
  const journey::codegen::FieldSite& s = ctx->tables->fields[site];
  JValue v = jit::onStaticLayout(*x, s) ? JValue::boolean(x->asRecord().has(s.index))
                                        : interp::testField(*x, s.name);
  *dst = std::move(v);
}

void journey_jit_index(JValue* dst, const JValue* x, const JValue* y) {
  JValue v = interp::indexValue(*x, *y);
  *dst = std::move(v);
}

void journey_jit_opt_index(JValue* dst, const JValue* x, const JValue* y) {
  JValue v = interp::indexOptional(*x, *y);
  *dst = std::move(v);
}

// ---- calls -------------------------------------------------------------------------------

uint32_t journey_jit_call(JValue* dst, const JValue* args, uint32_t count, uint32_t site,
                          JContext* ctx) {
  const journey::codegen::CallSite& s = ctx->tables->calls[site];
  JValue v = interp::callOverloads(s.candidates, s.function, args, count, *ctx->call);
  if (jit::tooLarge(v, *ctx)) {
    ctx->stop = jit::stopError("a value built is larger than the limit");
    return 1;
  }
  *dst = std::move(v);
  return 0;
}

void journey_jit_call_binary(JValue* dst, const JValue* x, const JValue* y, uint32_t site,
                             JContext* ctx) {
  const journey::codegen::CallSite& s = ctx->tables->calls[site];
  const JValue args[] = {*x, *y};
  JValue v = interp::callOverloads(s.candidates, s.function, args, 2, *ctx->call);
  *dst = std::move(v);
}

void journey_jit_call_field_binary(JValue* dst, const JValue* record, const JValue* y,
                                   uint32_t site, JContext* ctx) {
  const journey::codegen::CallSite& s = ctx->tables->calls[site];
  const journey::codegen::FieldSite& field = ctx->tables->fields[s.lhsField];
  JValue lhs = record->kind() == ValueKind::Record && &record->asRecord().layout() == field.layout
                   ? (record->asRecord().has(field.index) ? record->asRecord().field(field.index)
                                                          : interp::noSuchField(field.name))
                   : interp::selectField(*record, field.name);
  const JValue args[] = {std::move(lhs), *y};
  JValue v = interp::callOverloads(s.candidates, s.function, args, 2, *ctx->call);
  *dst = std::move(v);
}

void journey_jit_call_unary(JValue* dst, const JValue* x, uint32_t site, JContext* ctx) {
  const journey::codegen::CallSite& s = ctx->tables->calls[site];
  JValue v = interp::callOverloads(s.candidates, s.function, x, 1, *ctx->call);
  *dst = std::move(v);
}

void journey_jit_int_overflow(JValue* dst) { *dst = JValue::error("integer overflow"); }

void journey_jit_negate_int(JValue* dst, int64_t x) { *dst = journey::negInt(x); }

uint32_t journey_jit_strings_equal(const JValue* x, const JValue* y) {
  return x->asString() == y->asString() ? 1 : 0;
}

// ---- logic -------------------------------------------------------------------------------

void journey_jit_logic_join(JValue* dst, const JValue* x, const JValue* y, uint32_t isOr) {
  bool deciding = isOr != 0;  // false decides &&, true decides ||
  JValue v;
  if (jit::isBool(*y, deciding)) {
    v = JValue::boolean(deciding);
  } else if (jit::isBool(*x, !deciding) && jit::isBool(*y, !deciding)) {
    v = JValue::boolean(!deciding);
  } else if (x->isError()) {
    v = *x;
  } else if (y->isError()) {
    v = *y;
  } else {
    const JValue args[] = {*x, *y};
    v = interp::noMatchingOverload(deciding ? "_||_" : "_&&_", args, 2);
  }
  *dst = std::move(v);
}

void journey_jit_not_bool(JValue* dst, const JValue* condition) {
  JValue v = interp::notBool(*condition, "the condition of `?:`");
  *dst = std::move(v);
}

// ---- literals ----------------------------------------------------------------------------

uint32_t journey_jit_make_list(JValue* dst, const JValue* first, uint32_t count, uint32_t mask,
                               JContext* ctx) {
  JValue v = interp::makeList(first, count, jit::maskAt(*ctx, mask));
  if (jit::tooLarge(v, *ctx)) {
    ctx->stop = jit::stopError("a list built is larger than the limit");
    return 1;
  }
  *dst = std::move(v);
  return 0;
}

uint32_t journey_jit_make_map(JValue* dst, const JValue* first, uint32_t pairs, uint32_t mask,
                              JContext* ctx) {
  JValue v = interp::makeMap(first, pairs, jit::maskAt(*ctx, mask));
  if (jit::tooLarge(v, *ctx)) {
    ctx->stop = jit::stopError("a map built is larger than the limit");
    return 1;
  }
  *dst = std::move(v);
  return 0;
}

void journey_jit_make_record(JValue* dst, const JValue* first, uint32_t count, uint32_t site,
                             JContext* ctx) {
  JValue v = interp::makeRecord(ctx->tables->records[site], first, count);
  *dst = std::move(v);
}

// ---- comprehensions ----------------------------------------------------------------------

void journey_jit_iter_error(JValue* dst, const JValue* range) {
  JValue v = range->isError() ? *range
                              : JValue::error("a comprehension needs a list or a map, found `" +
                                              std::string(journey::shownTypeName(*range)) + "`");
  *dst = std::move(v);
}

void journey_jit_stop_iterations(JContext* ctx) {
  ctx->stop = jit::stopError("more than " + std::to_string(ctx->maxIterations) +
                             " comprehension iterations");
}

void journey_jit_list_begin(void** builder) {
  if (*builder) {
    static_cast<ListBuilder*>(*builder)->clear();
  } else {
    *builder = new ListBuilder();
  }
}

uint32_t journey_jit_list_push(void** builder, const JValue* v, JContext* ctx) {
  auto* list = static_cast<ListBuilder*>(*builder);
  list->push_back(*v);
  if (list->size() > ctx->maxCollectionSize) {
    ctx->stop = jit::stopError("a list built is larger than the limit");
    return 1;
  }
  return 0;
}

void journey_jit_list_end(JValue* dst, void** builder) {
  auto* list = static_cast<ListBuilder*>(*builder);
  JValue v = JValue::list(std::move(*list));
  list->clear();
  *dst = std::move(v);
}

void journey_jit_list_free(void** builder) {
  delete static_cast<ListBuilder*>(*builder);
  *builder = nullptr;
}

void journey_jit_map_begin(void** builder) {
  if (*builder) {
    static_cast<MapBuilder*>(*builder)->clear();
  } else {
    *builder = new MapBuilder();
  }
}

uint32_t journey_jit_map_put(void** builder, const JValue* key, const JValue* value,
                             JContext* ctx) {
  auto* map = static_cast<MapBuilder*>(*builder);
  map->push_back({*key, *value});
  if (map->size() > ctx->maxCollectionSize) {
    ctx->stop = jit::stopError("a map built is larger than the limit");
    return 1;
  }
  return 0;
}

uint32_t journey_jit_map_merge(void** builder, const JValue* v, JValue* dst, JContext* ctx) {
  if (v->kind() != ValueKind::Map) {
    JValue error = v->isError() ? *v
                                : JValue::error("`transformMapEntry` needs a map entry, found `" +
                                                std::string(journey::shownTypeName(*v)) + "`");
    *dst = std::move(error);
    return 1;
  }
  auto* map = static_cast<MapBuilder*>(*builder);
  for (const MapEntry& e : v->asMap().entries()) map->push_back(e);
  if (map->size() > ctx->maxCollectionSize) {
    ctx->stop = jit::stopError("a map built is larger than the limit");
    return 2;
  }
  return 0;
}

void journey_jit_map_end(JValue* dst, void** builder) {
  auto* map = static_cast<MapBuilder*>(*builder);
  JValue v = JValue::map(std::move(*map));
  map->clear();
  *dst = std::move(v);
}

void journey_jit_map_free(void** builder) {
  delete static_cast<MapBuilder*>(*builder);
  *builder = nullptr;
}

void journey_jit_interpret(JValue* result, const JValue* inputs, JContext* ctx, uint32_t expr) {
  *result = ctx->interpreted[expr]->runShared(inputs, *ctx->call);
}

// ---- journey steps -------------------------------------------------------------------------

void journey_jit_move(JValue* dst, JValue* src) { *dst = std::move(*src); }

uint32_t journey_jit_split_bucket(const char* journey, uint64_t journeySize, const char* split,
                                  uint64_t splitSize, const char* key, uint64_t keySize) {
  return journey::runtime::splitBucket({journey, journeySize}, {split, splitSize},
                                       {key, keySize});
}

}  // extern "C"
