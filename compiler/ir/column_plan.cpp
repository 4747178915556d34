#include "compiler/ir/column_plan.h"

#include <algorithm>

#include "compiler/ir/static_overload.h"

namespace journey::ir {

namespace {

struct NotColumnar {
  std::string why;
};

bool isScalarKind(ValueKind k) {
  return k == ValueKind::Bool || k == ValueKind::Int || k == ValueKind::Double ||
         k == ValueKind::String;
}

ColumnKind columnKindOf(ValueKind k) {
  switch (k) {
    case ValueKind::Bool: return ColumnKind::Bool;
    case ValueKind::Int: return ColumnKind::Int;
    case ValueKind::Double: return ColumnKind::Double;
    default: return ColumnKind::String;
  }
}

// One expression's walk. Columns are added to the plan as they are found; the caller drops
// the walk's additions when the expression does not qualify.
class Planner {
 public:
  Planner(const ExprPool& pool, const RecordLayouts& layouts, ColumnPlan& plan, uint32_t input)
      : pool_(pool), layouts_(layouts), plan_(plan), input_(input) {}

  // The kind of value `id` gives (Bool, Int, Double or String), or NotColumnar.
  ValueKind scalar(NodeId id) {
    const Node& n = pool_[id];
    switch (n.kind) {
      case NodeKind::Constant: {
        ValueKind k = pool_.constants[n.index].kind();
        if (!isScalarKind(k)) fail("a constant of another kind than bool, int, double or string");
        return k;
      }
      case NodeKind::Variable:
        if (std::find(loopVars_.begin(), loopVars_.end(), n.index) == loopVars_.end()) {
          fail("a variable other than a list element");
        }
        if (n.staticKind != ValueKind::String) fail("an element of a list of other than strings");
        return ValueKind::String;
      case NodeKind::Field: {
        if (!isScalarKind(n.staticKind)) fail("a field that is not a bool, int, double or string");
        valueColumn(id, columnKindOf(n.staticKind));
        return n.staticKind;
      }
      case NodeKind::TestField: {
        const Node& operand = pool_[n.kids[0]];
        if (n.record < 0) fail("has() on something not statically a record");
        if (!isInput(operand)) plan_.parentColumn[id] = pathColumn(n.kids[0], ColumnKind::Presence);
        plan_.column[id] = addColumn(pathOf(id), ColumnKind::Presence);
        return ValueKind::Bool;
      }
      case NodeKind::And:
      case NodeKind::Or:
        expect(n.kids[0], ValueKind::Bool);
        expect(n.kids[1], ValueKind::Bool);
        return ValueKind::Bool;
      case NodeKind::Call: return call(n);
      case NodeKind::Comprehension: return comprehension(n);
      default: fail("this kind of expression"); return ValueKind::Error;
    }
  }

 private:
  [[noreturn]] static void fail(std::string why) { throw NotColumnar{std::move(why)}; }

  void expect(NodeId id, ValueKind k) {
    if (scalar(id) != k) fail("operands of different kinds");
  }

  bool isInput(const Node& n) const {
    return n.kind == NodeKind::Variable && n.index == input_;
  }

  // The field path `id` (a Field or TestField chain down from the input) names.
  ColumnPath pathOf(NodeId id) {
    std::vector<NodeId> chain;
    for (NodeId at = id;;) {
      const Node& n = pool_[at];
      if (isInput(n)) break;
      if ((n.kind != NodeKind::Field && !(at == id && n.kind == NodeKind::TestField)) ||
          n.record < 0 || static_cast<size_t>(n.record) >= layouts_.size()) {
        fail("a field of something that is not a field path of the input");
      }
      chain.push_back(at);
      at = n.kids[0];
    }
    std::reverse(chain.begin(), chain.end());
    ColumnPath path;
    for (NodeId at : chain) {
      const Node& n = pool_[at];
      path.fields.push_back(n.index);
      path.layouts.push_back(n.record);
      if (!path.name.empty()) path.name += '.';
      path.name += n.name;
    }
    // The first path read fixes the input's layout for the whole plan.
    if (plan_.inputLayout < 0) plan_.inputLayout = path.layouts[0];
    if (path.layouts[0] != plan_.inputLayout) fail("a field path of another record than the input");
    return path;
  }

  uint32_t pathColumn(NodeId id, ColumnKind kind) { return addColumn(pathOf(id), kind); }

  void valueColumn(NodeId id, ColumnKind kind) { plan_.column[id] = pathColumn(id, kind); }

  // The column of `path`: a value kind replaces Presence (a value column has the bits too).
  uint32_t addColumn(ColumnPath path, ColumnKind kind) {
    for (size_t c = 0; c < plan_.columns.size(); ++c) {
      ColumnPath& have = plan_.columns[c];
      if (have.fields != path.fields) continue;
      if (have.kind == ColumnKind::Presence) {
        have.kind = kind;
      } else if (kind != ColumnKind::Presence && kind != have.kind) {
        fail("one field read as two kinds");
      }
      return static_cast<uint32_t>(c);
    }
    path.kind = kind;
    plan_.columns.push_back(std::move(path));
    return static_cast<uint32_t>(plan_.columns.size() - 1);
  }

  ValueKind call(const Node& n) {
    std::string_view id = staticOverloadId(n);
    if (id.empty()) fail("a call resolved only at run time");
    if (n.kids.size() == 1 && id == "logical_not") {
      expect(n.kids[0], ValueKind::Bool);
      return ValueKind::Bool;
    }
    if (n.kids.size() != 2) fail("the function `" + std::string(id) + "`");
    if (id == "equals" || id == "not_equals") {
      ValueKind a = scalar(n.kids[0]);
      if (scalar(n.kids[1]) != a) fail("equality of two kinds");
      return ValueKind::Bool;
    }
    static constexpr std::string_view kOrders[] = {"less", "less_equals", "greater",
                                                   "greater_equals"};
    for (std::string_view order : kOrders) {
      for (ValueKind k : {ValueKind::Int, ValueKind::Double}) {
        std::string want = std::string(order) + (k == ValueKind::Int ? "_int64" : "_double");
        if (id != want) continue;
        expect(n.kids[0], k);
        expect(n.kids[1], k);
        return ValueKind::Bool;
      }
    }
    if (id == "starts_with_string" || id == "ends_with_string" || id == "contains_string") {
      expect(n.kids[0], ValueKind::String);
      const Node& affix = pool_[n.kids[1]];
      if (affix.kind != NodeKind::Constant ||
          pool_.constants[affix.index].kind() != ValueKind::String) {
        fail("a string function whose argument is not a constant");
      }
      return ValueKind::Bool;
    }
    if (id == "in_list") return inList(n);
    fail("the function `" + std::string(id) + "`");
  }

  // `x in list`: a list field of strings, or a constant list of strings or ints.
  ValueKind inList(const Node& n) {
    ValueKind x = scalar(n.kids[0]);
    const Node& list = pool_[n.kids[1]];
    if (list.kind == NodeKind::Field) {
      if (x != ValueKind::String || list.staticKind != ValueKind::List) {
        fail("`in` a list field with something other than a string");
      }
      valueColumn(n.kids[1], ColumnKind::StringList);
      return ValueKind::Bool;
    }
    if (x != ValueKind::String && x != ValueKind::Int) fail("`in` with neither a string nor an int");
    auto sameKind = [&](const Value& v) { return v.kind() == x; };
    if (list.kind == NodeKind::Constant) {
      const Value& v = pool_.constants[list.index];
      if (v.kind() == ValueKind::List && std::all_of(v.asList().begin(), v.asList().end(), sameKind)) {
        return ValueKind::Bool;
      }
    } else if (list.kind == NodeKind::List &&
               std::none_of(list.optionalMask.begin(), list.optionalMask.end(),
                            [](bool b) { return b; }) &&
               std::all_of(list.kids.begin(), list.kids.end(), [&](NodeId k) {
                 const Node& e = pool_[k];
                 return e.kind == NodeKind::Constant && sameKind(pool_.constants[e.index]);
               })) {
      return ValueKind::Bool;
    }
    fail("`in` a list that is neither a field nor constants of the element's kind");
  }

  // `list.exists(x, p)` and `list.all(x, p)` over a list field of strings, as lowered
  // (lower_macros.cpp).
  ValueKind comprehension(const Node& n) {
    const Comprehension& c = n.loop;
    if (++loops_ > kMaxKernelLoops) fail("more comprehensions than a kernel runs");
    const Node& range = pool_[c.range];
    if (c.kind != LoopKind::Fold || c.iterVar2 != kNoSlot || range.kind != NodeKind::Field ||
        range.staticKind != ValueKind::List || !isExistsOrAll(c)) {
      fail("a comprehension other than exists or all over a list field");
    }
    valueColumn(c.range, ColumnKind::StringList);
    const Node& step = pool_[c.step];
    loopVars_.push_back(c.iterVar);
    expect(step.kids[1], ValueKind::Bool);
    loopVars_.pop_back();
    return ValueKind::Bool;
  }

  bool isAccu(NodeId id, uint32_t accu) const {
    return pool_[id].kind == NodeKind::Variable && pool_[id].index == accu;
  }

  // init false, continue while !accu is not false, step accu || p (exists); or init true,
  // continue while accu is not false, step accu && p (all); the result accu.
  bool isExistsOrAll(const Comprehension& c) const {
    const Node& init = pool_[c.init];
    if (init.kind != NodeKind::Constant || pool_.constants[init.index].kind() != ValueKind::Bool) {
      return false;
    }
    bool all = pool_.constants[init.index].asBool();
    if (c.condition == kNoNode || pool_[c.condition].kind != NodeKind::NotStrictlyFalse) return false;
    NodeId tested = pool_[c.condition].kids[0];
    if (!all) {
      const Node& negation = pool_[tested];
      if (negation.kind != NodeKind::Call || staticOverloadId(negation) != "logical_not") return false;
      tested = negation.kids[0];
    }
    const Node& step = pool_[c.step];
    if (step.kind != (all ? NodeKind::And : NodeKind::Or)) return false;
    return isAccu(tested, c.accuVar) && isAccu(step.kids[0], c.accuVar) &&
           isAccu(c.result, c.accuVar);
  }

  const ExprPool& pool_;
  const RecordLayouts& layouts_;
  ColumnPlan& plan_;
  uint32_t input_;
  std::vector<uint32_t> loopVars_;
  uint32_t loops_ = 0;
};

}  // namespace

ColumnPlan planColumns(const ExprPool& pool, const std::vector<LoweredExpr>& exprs,
                       const std::vector<ExprIndex>& which, const RecordLayouts& layouts) {
  ColumnPlan plan;
  plan.exprs = which;
  for (ExprIndex e : which) {
    const LoweredExpr& expr = exprs[e];
    ColumnPlan before = plan;
    try {
      if (expr.inputCount != 1) throw NotColumnar{"not one input"};
      Planner planner(pool, layouts, plan, 0);
      if (planner.scalar(expr.root) != ValueKind::Bool) throw NotColumnar{"not a bool"};
      plan.kernel.push_back(true);
      plan.whyNot.emplace_back();
    } catch (const NotColumnar& no) {
      plan = std::move(before);
      plan.kernel.push_back(false);
      plan.whyNot.push_back(no.why);
    }
  }
  return plan;
}

}  // namespace journey::ir
