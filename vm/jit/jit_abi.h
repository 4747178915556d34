// The C ABI between code the JIT generates (compiler/codegen/llvm_codegen.cpp) and the host
// process: the context every generated function receives, the program-wide tables it indexes,
// and the helpers it calls. Helpers are plain `extern "C"` functions over `Value*`; the JIT
// resolves them by name (vm/jit/jit_engine.cpp defines each as an absolute symbol of this
// process), so generated code embeds no address.
//
// A generated expression is
//
//   void journey_pP_eN(Value* result, const Value* inputs, JitContext* ctx)
//
// `result` is a null Value owned by the caller; `inputs` are the expression's input slots (read,
// never written); `ctx` is one evaluation's context (below). Locals and temporaries live in a
// frame the function allocates on its own stack, so generated code is reentrant.
//
// A journey with pure steps (`if`, `let`, `split`) also gets its transition function
//
//   uint32_t journey_pP_jJ(uint32_t* pc, uint32_t* at, Value* frame, const char* key,
//                          uint64_t keySize, Value* stopped, JitContext* ctx)
//
// which runs those steps from `*pc` on, calling the expressions' functions over `frame` and
// writing `let` values into it, and leaves in `*pc` the first step that needs the runtime and
// in `*at` the last step run. It returns 1 when the step `*pc` stopped the instance, with the
// value that did (an error, or a condition that is no bool) moved into `stopped` (null
// before); else 0.
//
// Every helper reproduces one interpreter instruction (vm/interp/interpreter.cpp) over the same
// vm/value, stdlib and vm/interp/selection.h, dispatch.h functions: the two engines share all
// semantics below the control flow. A helper that writes a `dst` computes into a local Value
// first, so `dst` may alias an operand.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "compiler/codegen/bytecode.h"
#include "stdlib/function.h"
#include "vm/interp/limits.h"
#include "vm/value/record.h"
#include "vm/value/value.h"

namespace journey::interp {
class ExpressionRunner;
}

namespace journey::jit {

// What generated code of one program refers to by index: constants (the pool's, then the
// literals the code generator folded), call, field and record sites, optional masks, and the
// record layouts by sema record id. Owned by the compiled program; read-only at run time.
struct JitTables {
  std::vector<Value> constants;
  std::vector<codegen::CallSite> calls;
  std::vector<codegen::FieldSite> fields;
  std::vector<codegen::RecordSite> records;
  std::vector<std::vector<bool>> masks;
  std::vector<const RecordLayout*> layouts;
};

// One evaluation's context. Generated code reads the first fields at fixed offsets
// (kCtx* below); the rest only helpers use.
struct JitContext {
  const Value* constants = nullptr;              // JitTables::constants.data()
  const RecordLayout* const* layouts = nullptr;  // JitTables::layouts.data()
  uint64_t maxIterations = 0;                    // interp::Limits, copied
  uint64_t maxCollectionSize = 0;
  uint64_t maxTextBytes = 0;
  const JitTables* tables = nullptr;
  stdlib::CallContext* call = nullptr;
  // Per expression, its runner when the JIT left it to the interpreter (journey_jit_interpret).
  const std::unique_ptr<interp::ExpressionRunner>* interpreted = nullptr;
  // The "evaluation stopped: …" error of an exceeded limit: a helper sets it and returns
  // non-zero; generated code then moves it into the result and returns.
  Value stop;
};

inline constexpr size_t kCtxConstants = 0;
inline constexpr size_t kCtxLayouts = 8;
inline constexpr size_t kCtxMaxIterations = 16;

// The Value layout generated code relies on (vm/value/value.h promises it): kind byte at 0,
// flags at 1 (bit 0: the payload is an owned heap reference), aux at 4, payload at 8.
inline constexpr size_t kValueSize = 16;
inline constexpr size_t kValueFlags = 1;
inline constexpr size_t kValuePayload = 8;
inline constexpr uint8_t kValueOwnsRef = 1;
// Heap objects: the reference count (atomic uint32) at 0. Lists: size (uint64) at 8,
// elements at 16. Maps: size (uint32) at 8, entries (key, value) at 16. Records: layout
// pointer at 8, fields at 24, then the presence bitset.
inline constexpr size_t kObjectRefs = 0;
inline constexpr size_t kListSize = 8;
inline constexpr size_t kListElements = 16;
inline constexpr size_t kMapSize = 8;
inline constexpr size_t kMapEntries = 16;  // each a key Value then a value Value
inline constexpr size_t kRecordLayout = 8;
inline constexpr size_t kRecordFields = 24;
// Strings: size in bytes (uint64) at 8, the bytes at 16. The empty string has no object. A
// short string is inline (flag kValueInlineText): its bytes in the value at byte 2, its size
// in the flags' high bits (flags >> kValueInlineSizeShift).
inline constexpr size_t kTextSize = 8;
inline constexpr size_t kTextData = 16;
inline constexpr uint8_t kValueInlineText = 2;
inline constexpr size_t kValueInlineData = 2;
inline constexpr unsigned kValueInlineSizeShift = 4;

// Checks the layout assumptions above against the compiled vm/value (false: do not JIT).
bool abiMatchesValueLayout();

// A helper the JIT defines by name.
struct HelperSymbol {
  const char* name;
  void* address;
};
// Every helper below, for the JIT's symbol table.
const std::vector<HelperSymbol>& helperSymbols();

}  // namespace journey::jit

// ---- helpers (called by generated code; names are the symbols) ----------------------------
// Integer results are 32-bit (no C `bool` at the boundary). `site`s index JitTables.
extern "C" {
using JValue = journey::Value;
using JContext = journey::jit::JitContext;

// Drops the reference `v` holds (flags bit 0 set) and leaves `v` null.
void journey_jit_release(JValue* v);
// Moves ctx->stop into `result`.
void journey_jit_take_stop(JValue* result, JContext* ctx);
// Frames too large for the stack: allocated null, and destroyed with their values.
JValue* journey_jit_frame_new(uint64_t count);
void journey_jit_frame_delete(JValue* frame, uint64_t count);

// Selection (Op::Field, OptField, TestField, Index, OptIndex).
void journey_jit_field(JValue* dst, const JValue* x, uint32_t site, JContext* ctx);
void journey_jit_opt_field(JValue* dst, const JValue* x, uint32_t site, JContext* ctx);
void journey_jit_test_field(JValue* dst, const JValue* x, uint32_t site, JContext* ctx);
void journey_jit_index(JValue* dst, const JValue* x, const JValue* y);
void journey_jit_opt_index(JValue* dst, const JValue* x, const JValue* y);

// Calls. journey_jit_call returns 1 when the value built exceeds a limit (ctx->stop is set).
uint32_t journey_jit_call(JValue* dst, const JValue* args, uint32_t count, uint32_t site,
                          JContext* ctx);
// The general paths of the typed fast paths (no limit check, as in the interpreter).
void journey_jit_call_binary(JValue* dst, const JValue* x, const JValue* y, uint32_t site,
                             JContext* ctx);
void journey_jit_call_field_binary(JValue* dst, const JValue* record, const JValue* y,
                                   uint32_t site, JContext* ctx);
void journey_jit_call_unary(JValue* dst, const JValue* x, uint32_t site, JContext* ctx);
void journey_jit_int_overflow(JValue* dst);
void journey_jit_negate_int(JValue* dst, int64_t x);
uint32_t journey_jit_strings_equal(const JValue* x, const JValue* y);

// Logic: `x && y` / `x || y` given that x is not the deciding value (Op::AndJoin, OrJoin);
// a condition that is not a bool (Op::CheckBool).
void journey_jit_logic_join(JValue* dst, const JValue* x, const JValue* y, uint32_t isOr);
void journey_jit_not_bool(JValue* dst, const JValue* condition);

// Literals; the list and map forms return 1 when the result exceeds a limit.
uint32_t journey_jit_make_list(JValue* dst, const JValue* first, uint32_t count, uint32_t mask,
                               JContext* ctx);
uint32_t journey_jit_make_map(JValue* dst, const JValue* first, uint32_t pairs, uint32_t mask,
                              JContext* ctx);
void journey_jit_make_record(JValue* dst, const JValue* first, uint32_t count, uint32_t site,
                             JContext* ctx);

// Comprehensions (the loop variables are set inline). A builder is a pointer slot the
// generated function owns (null at first).
void journey_jit_iter_error(JValue* dst, const JValue* range);
void journey_jit_stop_iterations(JContext* ctx);
void journey_jit_list_begin(void** builder);
uint32_t journey_jit_list_push(void** builder, const JValue* v, JContext* ctx);
void journey_jit_list_end(JValue* dst, void** builder);
void journey_jit_list_free(void** builder);
void journey_jit_map_begin(void** builder);
uint32_t journey_jit_map_put(void** builder, const JValue* key, const JValue* value, JContext* ctx);
// 0: merged; 1: `v` is not a map (dst holds the error); 2: a limit stopped the evaluation.
uint32_t journey_jit_map_merge(void** builder, const JValue* v, JValue* dst, JContext* ctx);
void journey_jit_map_end(JValue* dst, void** builder);
void journey_jit_map_free(void** builder);

// An expression too large to compile (compiler/codegen/jit_policy.h): `*result` (null) is what
// the interpreter gives for expression `expr` over `inputs`.
void journey_jit_interpret(JValue* result, const JValue* inputs, JContext* ctx, uint32_t expr);

// Journey steps: `*dst = move(*src)`, dropping what dst held (`let`); the bucket of a key in
// a split (vm/runtime/split_hash.h).
void journey_jit_move(JValue* dst, JValue* src);
uint32_t journey_jit_split_bucket(const char* journey, uint64_t journeySize, const char* split,
                                  uint64_t splitSize, const char* key, uint64_t keySize);
}
