#include "tools/journey/eval_session.h"

#include <fmt/format.h>

#include <memory>
#include <optional>

#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/codegen/bytecode_disasm.h"
#include "compiler/ir/ir_printer.h"
#include "compiler/ir/lower.h"
#include "compiler/syntax/parser.h"
#include "tools/journey/emit_program.h"
#include "vm/interp/interpreter.h"
#ifdef JOURNEY_HAVE_JIT
#include "tools/journey/jit_loader.h"
#endif

namespace journey::cli {

namespace {

std::string& defaultEngineSetting() {
  static std::string engine = "interp";
  return engine;
}

// The value of `lowered` by the JIT, or nothing (after a warning) when it cannot compile it.
std::optional<Value> evaluateWithJit(const ir::ExprPool& pool, const ir::LoweredExpr& lowered,
                                     const ir::RecordLayouts& layouts,
                                     const std::vector<Value>& inputs, stdlib::CallContext& ctx) {
#ifdef JOURNEY_HAVE_JIT
  std::string whyNot;
  const jit::JitLibrary* library = loadJitLibrary(whyNot);
  if (!library) {
    fmt::print(stderr, "warning: {}; using the interpreter\n", whyNot);
    return std::nullopt;
  }
  std::vector<ir::LoweredExpr> exprs{lowered};
  // One evaluation: LLVM's middle end costs more than it saves (docs/jit.md).
  jit::JitOptions options;
  options.optLevel = 0;
  std::unique_ptr<runtime::ExpressionEngine> engine =
      library->expressionEngine(pool, exprs, layouts, whyNot, options);
  if (engine) return engine->evaluate(0, inputs.data(), ctx);
  fmt::print(stderr,
             "warning: the JIT cannot compile the expression ({}); using the interpreter\n",
             whyNot);
#else
  static bool warned = false;
  if (!warned) {
    fmt::print(stderr,
               "warning: this build has no JIT (built without LLVM); using the interpreter\n");
    warned = true;
  }
#endif
  return std::nullopt;
}

}  // namespace

const std::string& EvalSession::defaultEngine() { return defaultEngineSetting(); }
void EvalSession::setDefaultEngine(std::string engine) {
  defaultEngineSetting() = std::move(engine);
}

EvalSession::EvalSession(Frontend& fe, std::string engine)
    : fe_(fe),
      checkContext_{fe.sources, fe.ast, fe.program.types, fe.program.symbols, fe.diags,
                    fe.program.facts},
      checker_(checkContext_),
      layouts_(fe.program, &fe.ast),
      engine_(std::move(engine)) {}

void EvalSession::bind(const std::string& name, sema::TypeId type, Value value) {
  scope_.declare(name, type);
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) {  // rebinding: the newer value wins
      values_[i] = std::move(value);
      return;
    }
  }
  names_.push_back(name);
  values_.push_back(std::move(value));
}

sema::TypeId EvalSession::typeOfValue(const Value& v) {
  sema::TypeTable& t = types();
  auto unite = [&](std::optional<sema::TypeId>& acc, sema::TypeId x) {
    acc = !acc || *acc == x ? x : t.dyn();
  };
  switch (v.kind()) {
    case ValueKind::Null: return t.null();
    case ValueKind::Bool: return t.boolean();
    case ValueKind::Int: return t.int64();
    case ValueKind::Uint: return t.uint64();
    case ValueKind::Double: return t.double64();
    case ValueKind::String: return t.string();
    case ValueKind::Bytes: return t.bytes();
    case ValueKind::Timestamp: return t.timestamp();
    case ValueKind::Duration: return t.duration();
    case ValueKind::List: {
      std::optional<sema::TypeId> element;
      for (const Value& e : v.asList()) unite(element, typeOfValue(e));
      return t.list(element.value_or(t.dyn()));
    }
    case ValueKind::Map: {
      std::optional<sema::TypeId> key, value;
      for (const MapEntry& e : v.asMap().entries()) {
        unite(key, typeOfValue(e.key));
        unite(value, typeOfValue(e.value));
      }
      return t.map(key.value_or(t.dyn()), value.value_or(t.dyn()));
    }
    case ValueKind::Optional:
      return t.optional(v.hasValue() ? typeOfValue(v.optionalValue()) : t.dyn());
    case ValueKind::Type: return t.typeOf(t.dyn());
    case ValueKind::Record:
      for (size_t r = 0; r < layouts_.size(); ++r) {
        if (&layouts_[r] == &v.asRecord().layout()) return t.record(static_cast<sema::RecordId>(r));
      }
      return t.dyn();
    case ValueKind::Error: return t.dyn();
  }
  return t.dyn();
}

Value EvalSession::fieldDefault(sema::RecordId record, size_t field) {
  ast::ExprId e = layouts_.fieldDefault(record, field);
  if (e == ast::kNoExpr) return Value::error("the field has no default");
  ir::ExprPool pool;
  ir::Lowerer lowerer(fe_.ast, fe_.program, layouts_, pool);
  ir::LoweredExpr lowered = lowerer.lowerRoot(e, ir::InputNames());
  codegen::Chunk chunk = codegen::compileExpr(pool, lowered, layouts_);
  stdlib::CallContext ctx{host_};
  return interp::evaluate(chunk, {}, ctx);
}

EvalResult EvalSession::evaluate(const std::string& text, const Options& options) {
  EvalResult result;
  sema::TypeTable& t = types();
  result.type = t.dyn();
  size_t errorsBefore = fe_.diags.errorCount();
  FileId file = fe_.sources.add(options.sourceName, text);
  ast::ExprId root = syntax::parseExpression(file, fe_.sources, fe_.ast, fe_.diags);
  if (root == ast::kNoExpr || fe_.diags.errorCount() > errorsBefore) return result;
  result.root = root;

  if (options.checked) {
    result.type = checker_.check(root, scope_);
    if (fe_.diags.errorCount() > errorsBefore) return result;
  }
  result.compiled = true;

  ir::ExprPool pool;
  ir::LowerOptions lowerOptions;
  lowerOptions.checked = options.checked;
  ir::Lowerer lowerer(fe_.ast, fe_.program, layouts_, pool, lowerOptions);
  ir::LoweredExpr lowered = lowerer.lowerRoot(root, names_);
  if (options.emitIr) result.ir = ir::printExpr(pool, lowered, &layouts_);
  codegen::Chunk chunk = codegen::compileExpr(pool, lowered, layouts_);
  if (options.emitBytecode) result.bytecode = codegen::disassemble(chunk);
  if (options.emitLlvm) result.llvm = llvmModuleText(pool, {lowered}, layouts_);
  if (!options.run) return result;

  stdlib::CallContext ctx{host_};
  if (engine_ == "jit") {
    if (std::optional<Value> v = evaluateWithJit(pool, lowered, layouts_, values_, ctx)) {
      result.value = std::move(*v);
      return result;
    }
  }
  result.value = interp::evaluate(chunk, values_, ctx);
  return result;
}

}  // namespace journey::cli
