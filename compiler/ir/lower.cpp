// Lowering's entry point and the simple cases: literals, names, list and map literals.
#include "compiler/ir/lower.h"

#include "compiler/ir/expr_nodes.h"
#include "compiler/ir/lower_impl.h"
#include "stdlib/overloads.h"

namespace journey::ir {

uint32_t LowerScope::lookupHere(std::string_view name) const {
  for (auto it = names_.rbegin(); it != names_.rend(); ++it) {
    if (it->name == name) return it->slot;
  }
  return inputs_ ? inputs_->lookup(name) : kNoSlot;
}

uint32_t LowerScope::lookup(std::string_view name) const {
  for (const LowerScope* s = this; s; s = s->parent_) {
    if (uint32_t slot = s->lookupHere(name); slot != kNoSlot) return slot;
  }
  return kNoSlot;
}

uint32_t LowerScope::lookupRoot(std::string_view name) const {
  const LowerScope* root = this;
  while (root->parent_) root = root->parent_;
  return root->lookupHere(name);
}

uint32_t LowerScope::lookupQualified(std::string_view path, bool rooted) const {
  const LowerScope* s = this;
  if (rooted) {
    while (s->parent_) s = s->parent_;
  }
  for (; s; s = s->parent_) {
    if (uint32_t slot = s->lookupHere(path); slot != kNoSlot) return slot;
    for (const Entry& entry : s->names_) {
      if (ast::isNamePrefix(entry.name, path)) return kNoSlot;
    }
    if (s->inputs_ && s->inputs_->namesPrefixOf(path)) return kNoSlot;
  }
  return kNoSlot;
}

// ---------------------------------------------------------------------------------------------

Lowerer::Impl::Impl(const ast::Ast& ast, const sema::CheckedProgram& program,
                    const RecordLayouts& layouts, ExprPool& pool, LowerOptions options)
    : ast(ast), program(program), types(program.types), symbols(program.symbols),
      layouts(layouts), pool(pool), options(options) {}

Lowerer::Lowerer(const ast::Ast& ast, const sema::CheckedProgram& program,
                 const RecordLayouts& layouts, ExprPool& pool, LowerOptions options)
    : impl_(new Impl(ast, program, layouts, pool, options)) {}
Lowerer::~Lowerer() { delete impl_; }

LoweredExpr Lowerer::lowerRoot(ast::ExprId e, const std::vector<std::string>& inputs) {
  return lowerRoot(e, InputNames(inputs));
}

LoweredExpr Lowerer::lowerRoot(ast::ExprId e, const InputNames& inputs) {
  Impl& s = *impl_;
  s.slotCount = inputs.size();  // the locals come after the inputs
  s.depth = 0;
  s.inlining.clear();
  LoweredExpr out;
  out.inputCount = inputs.size();
  LowerScope root(inputs);
  size_t poolSize = s.pool.nodes.size();
  s.nodeBudgetStart = poolSize;
  try {
    out.root = s.lower(e, root);
  } catch (const TooLarge&) {
    s.tooLargeRoots.insert(e);
    s.pool.nodes.resize(poolSize);
    out.root = s.errorNode(std::string(kTooLargeMessage), e);
  }
  out.slotCount = s.slotCount;
  for (uint32_t slot : inputSlotsRead(s.pool, out.root, out.inputCount)) {
    out.inputs.push_back({inputs.names()[slot], slot});
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

std::optional<sema::TypeId> Lowerer::Impl::checkedType(ast::ExprId e) const {
  if (!options.checked || e >= program.facts.types.size()) return std::nullopt;
  sema::TypeId t = program.facts.types[e];
  if (types.kind(t) == sema::TypeKind::Error) return std::nullopt;
  return t;
}

ValueKind Lowerer::Impl::kindOf(const sema::TypeTable& types, sema::TypeId t) {
  switch (types.kind(t)) {
    case sema::TypeKind::Null: return ValueKind::Null;
    case sema::TypeKind::Bool: return ValueKind::Bool;
    case sema::TypeKind::Int: return ValueKind::Int;
    case sema::TypeKind::Uint: return ValueKind::Uint;
    case sema::TypeKind::Double: return ValueKind::Double;
    case sema::TypeKind::String: return ValueKind::String;
    case sema::TypeKind::Bytes: return ValueKind::Bytes;
    case sema::TypeKind::Timestamp: return ValueKind::Timestamp;
    case sema::TypeKind::Duration: return ValueKind::Duration;
    case sema::TypeKind::List: return ValueKind::List;
    case sema::TypeKind::Map: return ValueKind::Map;
    case sema::TypeKind::Optional: return ValueKind::Optional;
    case sema::TypeKind::Type: return ValueKind::Type;
    case sema::TypeKind::Record: return ValueKind::Record;
    default: return ValueKind::Error;  // dyn, type parameters, errors: not known
  }
}

Node Lowerer::Impl::make(NodeKind kind, ast::ExprId e) const {
  Node n;
  n.kind = kind;
  if (e != ast::kNoExpr && e < ast.exprs.size()) {
    n.range = ast[e].range;
    if (auto t = checkedType(e)) n.staticKind = kindOf(types, *t);
  }
  return n;
}

NodeId Lowerer::Impl::add(Node n) {
  if (pool.nodes.size() - nodeBudgetStart >= options.maxNodes) throw TooLarge{};
  return pool.add(std::move(n));
}

NodeId Lowerer::Impl::constant(Value v, ast::ExprId e) {
  Node n = make(NodeKind::Constant, e);
  n.staticKind = v.kind();
  n.index = pool.constant(std::move(v));
  return add(std::move(n));
}

NodeId Lowerer::Impl::errorNode(std::string message, ast::ExprId e) {
  Node n = make(NodeKind::Error, e);
  n.staticKind = ValueKind::Error;
  n.name = std::move(message);
  return add(std::move(n));
}

NodeId Lowerer::Impl::variable(uint32_t slot, std::string name, ast::ExprId e) {
  Node n = make(NodeKind::Variable, e);
  n.index = slot;
  n.name = std::move(name);
  return add(std::move(n));
}

NodeId Lowerer::Impl::call(std::string_view overloadId, std::vector<NodeId> args, ast::ExprId e) {
  std::optional<uint32_t> index = stdlib::overloadWithId(overloadId);
  if (!index) {
    return errorNode("the standard library has no `" + std::string(overloadId) + "`", e);
  }
  Node n = make(NodeKind::Call, e);
  n.staticKind = ValueKind::Error;
  n.name = std::string(stdlib::standardOverloads()[*index].function);
  n.candidates = {*index};
  n.kids = std::move(args);
  return add(std::move(n));
}

NodeId Lowerer::Impl::lower(ast::ExprId e, const LowerScope& scope) {
  if (e == ast::kNoExpr || e >= ast.exprs.size()) return errorNode("malformed expression", e);
  // Inlined `fn`s stack their bodies' depths; bound it so that lowering and code generation
  // (both recursive) cannot exhaust the stack.
  struct DepthGuard {
    size_t& depth;
    explicit DepthGuard(size_t& d) : depth(d) {
      if (++depth > kMaxLoweringDepth) throw TooLarge{};
    }
    ~DepthGuard() { --depth; }
  } guard(depth);
  return std::visit(
      [&](const auto& node) -> NodeId {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::Literal>)
          return lowerLiteral(node, e);
        else if constexpr (std::is_same_v<T, ast::Ident>)
          return lowerIdent(node, e, scope);
        else if constexpr (std::is_same_v<T, ast::Select>)
          return lowerSelect(node, e, scope);
        else if constexpr (std::is_same_v<T, ast::Index>)
          return lowerIndex(node, e, scope);
        else if constexpr (std::is_same_v<T, ast::Call>)
          return lowerCall(node, e, scope);
        else if constexpr (std::is_same_v<T, ast::ListLit>)
          return lowerList(node, e, scope);
        else if constexpr (std::is_same_v<T, ast::MapLit>)
          return lowerMap(node, e, scope);
        else if constexpr (std::is_same_v<T, ast::RecordLit>)
          return lowerRecordLit(node, e, scope);
        else if constexpr (std::is_same_v<T, ast::Macro>)
          return lowerMacro(node, e, scope);
        else
          return errorNode("malformed expression", e);
      },
      ast[e].node);
}

NodeId Lowerer::Impl::lowerLiteral(const ast::Literal& lit, ast::ExprId e) {
  switch (lit.kind) {
    case ast::LiteralKind::Null: return constant(Value::null(), e);
    case ast::LiteralKind::Bool: return constant(Value::boolean(lit.boolValue), e);
    case ast::LiteralKind::Int: return constant(Value::integer(lit.intValue), e);
    case ast::LiteralKind::Uint: return constant(Value::uinteger(lit.uintValue), e);
    case ast::LiteralKind::Double: return constant(Value::dbl(lit.doubleValue), e);
    case ast::LiteralKind::String: return constant(Value::string(lit.bytes), e);
    case ast::LiteralKind::Bytes: return constant(Value::bytes(lit.bytes), e);
    case ast::LiteralKind::Duration: return constant(Value::durationFromNanos(lit.intValue), e);
  }
  return errorNode("malformed literal", e);
}

// ---------------------------------------------------------------------------------------------
// Names

bool Lowerer::Impl::isValueName(std::string_view name, const LowerScope& scope) const {
  return scope.lookup(name) != kNoSlot || symbols.consts.count(name) > 0;
}

Value Lowerer::Impl::typeValueOf(sema::TypeId denoted) const {
  switch (types.kind(denoted)) {
    case sema::TypeKind::Null: return Value::type(TypeTag::Null);
    case sema::TypeKind::Bool: return Value::type(TypeTag::Bool);
    case sema::TypeKind::Int: return Value::type(TypeTag::Int);
    case sema::TypeKind::Uint: return Value::type(TypeTag::Uint);
    case sema::TypeKind::Double: return Value::type(TypeTag::Double);
    case sema::TypeKind::String: return Value::type(TypeTag::String);
    case sema::TypeKind::Bytes: return Value::type(TypeTag::Bytes);
    case sema::TypeKind::Timestamp: return Value::type(TypeTag::Timestamp);
    case sema::TypeKind::Duration: return Value::type(TypeTag::Duration);
    case sema::TypeKind::List: return Value::type(TypeTag::List);
    case sema::TypeKind::Map: return Value::type(TypeTag::Map);
    case sema::TypeKind::Optional: return Value::type(TypeTag::Optional);
    case sema::TypeKind::Type: return Value::type(TypeTag::Type);
    case sema::TypeKind::Record:
      return Value::type(types.recordInfo(types.get(denoted).record).name);
    default: return Value::error("this type has no run-time value");
  }
}

std::optional<Value> Lowerer::Impl::typeValueNamed(std::string_view name, ast::ExprId e) const {
  if (auto t = checkedType(e); t && types.kind(*t) == sema::TypeKind::Type) {
    return typeValueOf(types.param(*t, 0));
  }
  struct Builtin {
    std::string_view name;
    TypeTag tag;
  };
  static constexpr Builtin kBuiltins[] = {
      {"null_type", TypeTag::Null},   {"bool", TypeTag::Bool},
      {"int", TypeTag::Int},          {"uint", TypeTag::Uint},
      {"double", TypeTag::Double},    {"string", TypeTag::String},
      {"bytes", TypeTag::Bytes},      {"list", TypeTag::List},
      {"map", TypeTag::Map},          {"type", TypeTag::Type},
      {"optional_type", TypeTag::Optional},
      {"timestamp", TypeTag::Timestamp}, {"google.protobuf.Timestamp", TypeTag::Timestamp},
      {"duration", TypeTag::Duration},   {"google.protobuf.Duration", TypeTag::Duration},
  };
  for (const Builtin& b : kBuiltins) {
    if (b.name == name) return Value::type(b.tag);
  }
  if (auto r = recordNamed(name)) return Value::type(types.recordInfo(*r).name);
  return std::nullopt;
}

NodeId Lowerer::Impl::inlineConst(const sema::ConstSymbol& c, std::string_view name,
                                  ast::ExprId e) {
  if (!c.decl || inlining.count(name)) return errorNode("`" + std::string(name) + "` refers to itself", e);
  if (tooLargeRoots.count(c.decl->value)) throw TooLarge{};
  inlining.emplace(name);
  LowerScope pure;  // a const's value sees no local names
  NodeId value = lower(c.decl->value, pure);
  inlining.erase(inlining.find(name));
  return value;
}

NodeId Lowerer::Impl::lowerIdent(const ast::Ident& id, ast::ExprId e, const LowerScope& scope) {
  uint32_t slot = id.rooted ? scope.lookupRoot(id.name) : scope.lookup(id.name);
  if (slot != kNoSlot) return variable(slot, id.name, e);
  if (auto it = symbols.consts.find(id.name); it != symbols.consts.end()) {
    return inlineConst(it->second, it->first, e);
  }
  if (id.name == "profile" && symbols.profile) {
    return errorNode("`profile` is not available in this expression", e);
  }
  if (auto type = typeValueNamed(id.name, e)) return constant(std::move(*type), e);
  return errorNode("undeclared reference to '" + id.name + "'", e);
}

// ---------------------------------------------------------------------------------------------
// List and map literals

NodeId Lowerer::Impl::lowerList(const ast::ListLit& list, ast::ExprId e, const LowerScope& scope) {
  Node n = make(NodeKind::List, e);
  bool anyOptional = false;
  for (size_t i = 0; i < list.elements.size(); ++i) {
    n.kids.push_back(lower(list.elements[i], scope));
    bool optional = i < list.optionalElements.size() && list.optionalElements[i];
    n.optionalMask.push_back(optional);
    anyOptional |= optional;
  }
  if (!anyOptional) n.optionalMask.clear();
  n.staticKind = ValueKind::List;
  return add(std::move(n));
}

NodeId Lowerer::Impl::lowerMap(const ast::MapLit& map, ast::ExprId e, const LowerScope& scope) {
  Node n = make(NodeKind::Map, e);
  bool anyOptional = false;
  for (const ast::MapEntry& entry : map.entries) {
    n.kids.push_back(lower(entry.key, scope));
    n.kids.push_back(lower(entry.value, scope));
    n.optionalMask.push_back(entry.optional);
    anyOptional |= entry.optional;
  }
  if (!anyOptional) n.optionalMask.clear();
  n.staticKind = ValueKind::Map;
  return add(std::move(n));
}

}  // namespace journey::ir
