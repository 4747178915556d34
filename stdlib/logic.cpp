// Logical operators. `&&`, `||` and `?:` are not strict (they absorb errors and short-circuit);
// the engines evaluate them specially, the declarations give their types.
#include "stdlib/domains.h"

namespace journey::stdlib {

namespace {

Value logicalNot(const Value* a, CallContext&) { return Value::boolean(!a[0].asBool()); }

// `&&`, `||` and `?:` never reach a function call: an engine that did call one would have
// evaluated every operand first, losing CEL's short-circuit and error absorption. The
// implementation exists only so that every overload has one.
Value evaluatedByTheEngine(const Value*, CallContext&) {
  return Value::error("internal: evaluated by the engine");
}

// `@condition(p, "all")`: a macro's condition that may not be a bool (a `dyn` one; lowering
// adds the call), so that the error names the macro rather than the `&&` or `?:` it expands to.
Value macroCondition(const Value* a, CallContext&) {
  if (a[0].kind() == ValueKind::Bool) return a[0];
  return Value::error("the condition of `" + std::string(a[1].asString()) + "` is `" +
                      std::string(shownTypeName(a[0])) + "`, not `bool`");
}

}  // namespace

void declareLogic(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"_&&_", "logical_and", false, {"bool", "bool"}, "bool", &evaluatedByTheEngine},
      {"_||_", "logical_or", false, {"bool", "bool"}, "bool", &evaluatedByTheEngine},
      {"!_", "logical_not", false, {"bool"}, "bool", &logicalNot},
      {"_?_:_", "conditional", false, {"bool", "A", "A"}, "A", &evaluatedByTheEngine},
      {"@condition", "macro_condition", false, {"A", "string"}, "bool", &macroCondition},
  });
}

}  // namespace journey::stdlib
