#include "vm/interp/dispatch.h"

#include <cstdint>

#include "stdlib/overloads.h"

namespace journey::interp {

namespace {

using KindMask = uint32_t;
constexpr KindMask bit(ValueKind k) { return KindMask{1} << static_cast<unsigned>(k); }
constexpr KindMask kAnyValue = ~bit(ValueKind::Error);

// The kinds a parameter pattern (`int`, `list<A>`, `A`) accepts.
KindMask maskOf(std::string_view pattern) {
  size_t angle = pattern.find('<');
  std::string_view head = pattern.substr(0, angle);
  if (head == "null" || head == "null_type") return bit(ValueKind::Null);
  if (head == "bool") return bit(ValueKind::Bool);
  if (head == "int") return bit(ValueKind::Int);
  if (head == "uint") return bit(ValueKind::Uint);
  if (head == "double") return bit(ValueKind::Double);
  if (head == "string") return bit(ValueKind::String);
  if (head == "bytes") return bit(ValueKind::Bytes);
  if (head == "timestamp") return bit(ValueKind::Timestamp);
  if (head == "duration") return bit(ValueKind::Duration);
  if (head == "list") return bit(ValueKind::List);
  if (head == "map") return bit(ValueKind::Map);
  if (head == "optional") return bit(ValueKind::Optional);
  if (head == "type") return bit(ValueKind::Type);
  return kAnyValue;  // dyn and type parameters
}

struct Shape {
  std::vector<KindMask> params;
  stdlib::Impl impl = nullptr;
  std::string_view id;
};

const std::vector<Shape>& shapes() {
  static const std::vector<Shape> all = [] {
    std::vector<Shape> out;
    for (const stdlib::Overload& o : stdlib::standardOverloads()) {
      Shape s;
      for (std::string_view p : o.params) s.params.push_back(maskOf(p));
      s.impl = o.impl;
      s.id = o.id;
      out.push_back(std::move(s));
    }
    return out;
  }();
  return all;
}

}  // namespace

std::string_view displayFunctionName(std::string_view f) {
  struct Pair {
    std::string_view internal, shown;
  };
  static constexpr Pair kOperators[] = {
      {"_+_", "+"},   {"_-_", "-"},   {"_*_", "*"},   {"_/_", "/"},   {"_%_", "%"},
      {"_==_", "=="}, {"_!=_", "!="}, {"_<_", "<"},   {"_<=_", "<="}, {"_>_", ">"},
      {"_>=_", ">="}, {"_&&_", "&&"}, {"_||_", "||"}, {"!_", "!"},    {"-_", "-"},
      {"@in", "in"},  {"_?_:_", "?:"}, {"_[_]", "[]"},
  };
  for (const Pair& p : kOperators) {
    if (p.internal == f) return p.shown;
  }
  return f;
}

Value noMatchingOverload(std::string_view function, const Value* args, size_t count) {
  std::string message =
      "`" + std::string(displayFunctionName(function)) + "` cannot be applied to ";
  if (count == 0) message += "no arguments";
  for (size_t i = 0; i < count; ++i) {
    if (i) message += i + 1 == count ? " and " : ", ";
    message += "`" + std::string(shownTypeName(args[i])) + "`";
  }
  return Value::error(message);
}

Value callOverloads(const std::vector<uint32_t>& candidates, std::string_view function,
                    const Value* args, size_t count, stdlib::CallContext& ctx) {
  for (size_t i = 0; i < count; ++i) {
    if (args[i].isError()) return args[i];
  }
  const std::vector<Shape>& all = shapes();
  for (uint32_t c : candidates) {
    if (c >= all.size()) continue;
    const Shape& s = all[c];
    if (s.params.size() != count) continue;
    bool fits = true;
    for (size_t i = 0; i < count && fits; ++i) fits = (s.params[i] & bit(args[i].kind())) != 0;
    if (!fits) continue;
    if (!s.impl) return Value::error("`" + std::string(s.id) + "` is not implemented yet");
    return s.impl(args, ctx);
  }
  return noMatchingOverload(function, args, count);
}

}  // namespace journey::interp
