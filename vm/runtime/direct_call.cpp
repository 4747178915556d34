#include "vm/runtime/direct_call.h"

#include <string_view>

#include "compiler/ir/static_overload.h"
#include "vm/interp/dispatch.h"

namespace journey::runtime {

namespace {

using Inline = DirectCall::Inline;

// What of `call` is computed inline: its operation, and the kind its operands must have.
void chooseInline(DirectCall& call, std::string_view id) {
  if (id == "logical_not" && call.args.size() == 1) {
    call.op = Inline::Not;
    call.operands = ValueKind::Bool;
    return;
  }
  if (call.args.size() != 2) return;
  if (id == "equals" || id == "not_equals") {
    call.op = id == "equals" ? Inline::Eq : Inline::Ne;
    return;
  }
  struct Order {
    std::string_view prefix;
    Inline op;
  };
  static constexpr Order kOrders[] = {{"less_equals_", Inline::Le}, {"less_", Inline::Lt},
                                      {"greater_equals_", Inline::Ge}, {"greater_", Inline::Gt}};
  struct Operands {
    std::string_view suffix;
    ValueKind kind;
  };
  static constexpr Operands kKinds[] = {{"int64", ValueKind::Int}, {"uint64", ValueKind::Uint},
                                        {"double", ValueKind::Double},
                                        {"string", ValueKind::String}};
  for (const Order& order : kOrders) {
    if (!id.starts_with(order.prefix)) continue;
    for (const Operands& k : kKinds) {
      if (id.substr(order.prefix.size()) != k.suffix) continue;
      call.op = order.op;
      call.operands = k.kind;
    }
    return;
  }
}

template <typename T>
bool compare(Inline op, const T& a, const T& b) {
  switch (op) {
    case Inline::Eq: return a == b;
    case Inline::Ne: return a != b;
    case Inline::Lt: return a < b;
    case Inline::Le: return a <= b;
    case Inline::Gt: return a > b;
    case Inline::Ge: return a >= b;
    default: return false;
  }
}

// The call computed inline, or nullopt when its operands are not of the kind it takes so.
std::optional<bool> computeInline(const DirectCall& call, const Value* const* args) {
  const Value& a = *args[0];
  if (call.op == Inline::Not) {
    if (a.kind() != ValueKind::Bool) return std::nullopt;
    return !a.asBool();
  }
  const Value& b = *args[1];
  ValueKind kind = a.kind();
  if (b.kind() != kind || (call.operands != ValueKind::Error && call.operands != kind)) {
    return std::nullopt;
  }
  switch (kind) {
    case ValueKind::Int: return compare(call.op, a.asInt(), b.asInt());
    case ValueKind::Uint: return compare(call.op, a.asUint(), b.asUint());
    case ValueKind::Double: return compare(call.op, a.asDouble(), b.asDouble());
    case ValueKind::String: return compare(call.op, a.asString(), b.asString());
    case ValueKind::Bool: return compare(call.op, a.asBool(), b.asBool());  // only == and !=
    default: return std::nullopt;
  }
}

}  // namespace

std::optional<DirectCall> directCallOf(const ir::ExprPool& pool, const ir::LoweredExpr& e,
                                       const ir::RecordLayouts& layouts) {
  if (e.root == ir::kNoNode) return std::nullopt;
  const ir::Node& call = pool[e.root];
  if (call.kind != ir::NodeKind::Call || call.kids.empty() ||
      call.kids.size() > DirectCall::kMaxArgs) {
    return std::nullopt;
  }
  DirectCall out;
  out.candidates = call.candidates;
  out.function = call.name;
  bool readsField = false;  // constants alone are folded before this is asked
  for (ir::NodeId kid : call.kids) {
    const ir::Node& n = pool[kid];
    DirectCall::Arg& arg = out.args.emplace_back();
    if (n.kind == ir::NodeKind::Constant) {
      arg.kind = DirectCall::Arg::Kind::Constant;
      arg.constant = pool.constants[n.index];
    } else if (std::optional<FieldPath> path = fieldPathAt(pool, kid, e, layouts, true)) {
      arg.kind = DirectCall::Arg::Kind::Field;
      arg.path = std::move(*path);
      readsField = true;
    } else if (n.kind == ir::NodeKind::TestField && n.kids.size() == 1 && n.record >= 0 &&
               static_cast<size_t>(n.record) < layouts.size()) {
      std::optional<FieldPath> tested = fieldPathAt(pool, n.kids[0], e, layouts, true);
      if (!tested) return std::nullopt;
      arg.kind = DirectCall::Arg::Kind::Has;
      arg.path = std::move(*tested);
      arg.layout = &layouts[static_cast<size_t>(n.record)];
      arg.field = n.index;
      readsField = true;
    } else {
      return std::nullopt;
    }
  }
  if (!readsField) return std::nullopt;
  chooseInline(out, ir::staticOverloadId(call));
  return out;
}

std::optional<Value> callDirectly(const DirectCall& call, const Value* inputs,
                                  const Value* profile, stdlib::CallContext& ctx) {
  // has() gives one of these: no Value of the call's own to make and destroy.
  static const Value kFalse = Value::boolean(false), kTrue = Value::boolean(true);
  const Value* at[DirectCall::kMaxArgs];
  size_t count = call.args.size();
  for (size_t i = 0; i < count; ++i) {
    const DirectCall::Arg& arg = call.args[i];
    if (arg.kind == DirectCall::Arg::Kind::Constant) {
      at[i] = &arg.constant;
      continue;
    }
    const Value& base = profile && arg.path.slot == 0 ? *profile : inputs[arg.path.slot];
    const Value* v = readFieldPath(arg.path, base);
    if (!v) return std::nullopt;
    if (arg.kind == DirectCall::Arg::Kind::Field) {
      at[i] = v;
      continue;
    }
    // has(): the interpreter's own test of a record of the layout it was checked against.
    if (v->kind() != ValueKind::Record || &v->asRecord().layout() != arg.layout) {
      return std::nullopt;
    }
    at[i] = v->asRecord().has(arg.field) ? &kTrue : &kFalse;
  }
  if (call.op != Inline::None) {
    if (std::optional<bool> result = computeInline(call, at)) return Value::boolean(*result);
  }
  Value args[DirectCall::kMaxArgs];
  for (size_t i = 0; i < count; ++i) args[i] = *at[i];
  return interp::callOverloads(call.candidates, call.function, args, count, ctx);
}

}  // namespace journey::runtime
