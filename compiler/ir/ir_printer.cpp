#include "compiler/ir/ir_printer.h"

#include "stdlib/overloads.h"
#include "vm/value/printer.h"

namespace journey::ir {

namespace {

std::string_view kindName(ValueKind k) {
  switch (k) {
    case ValueKind::Null: return "null";
    case ValueKind::Bool: return "bool";
    case ValueKind::Int: return "int";
    case ValueKind::Uint: return "uint";
    case ValueKind::Double: return "double";
    case ValueKind::String: return "string";
    case ValueKind::Bytes: return "bytes";
    case ValueKind::Timestamp: return "timestamp";
    case ValueKind::Duration: return "duration";
    case ValueKind::List: return "list";
    case ValueKind::Map: return "map";
    case ValueKind::Record: return "record";
    case ValueKind::Optional: return "optional";
    case ValueKind::Type: return "type";
    case ValueKind::Error: return "";
  }
  return "";
}

std::string_view loopName(LoopKind k) {
  switch (k) {
    case LoopKind::Fold: return "fold";
    case LoopKind::ListOf: return "list-of";
    case LoopKind::MapOf: return "map-of";
    case LoopKind::MapEntries: return "map-entries";
  }
  return "";
}

class Printer {
 public:
  Printer(const ExprPool& pool, const RecordLayouts* layouts) : pool_(pool), layouts_(layouts) {}

  void node(NodeId id, int depth, std::string_view role = {}) {
    indent(depth);
    if (!role.empty()) out_ += std::string(role) + ": ";
    if (id == kNoNode || id >= pool_.nodes.size()) {
      out_ += "<none>\n";
      return;
    }
    const Node& n = pool_[id];
    switch (n.kind) {
      case NodeKind::Constant: out_ += "const " + toCelLiteral(pool_.constants[n.index]); break;
      case NodeKind::Variable: out_ += "var " + n.name + " $" + std::to_string(n.index); break;
      case NodeKind::Field:
      case NodeKind::TestField:
      case NodeKind::OptionalField:
        out_ += n.kind == NodeKind::Field       ? "field ."
                : n.kind == NodeKind::TestField ? "has ."
                                                : "opt-field .?";
        out_ += n.name;
        if (n.record >= 0) {
          out_ += " #" + std::to_string(n.index);
          if (layouts_ && static_cast<size_t>(n.record) < layouts_->size())
            out_ += " of " + (*layouts_)[n.record].name;
        }
        break;
      case NodeKind::Index: out_ += "index"; break;
      case NodeKind::OptionalIndex: out_ += "opt-index"; break;
      case NodeKind::Call: {
        out_ += "call " + n.name + " [";
        const auto& all = stdlib::standardOverloads();
        for (size_t i = 0; i < n.candidates.size(); ++i) {
          if (i) out_ += ", ";
          out_ += n.candidates[i] < all.size() ? std::string(all[n.candidates[i]].id) : "?";
        }
        out_ += "]";
        break;
      }
      case NodeKind::And: out_ += "and"; break;
      case NodeKind::Or: out_ += "or"; break;
      case NodeKind::Conditional: out_ += "if"; break;
      case NodeKind::NotStrictlyFalse: out_ += "not-strictly-false"; break;
      case NodeKind::List: out_ += "list" + mask(n); break;
      case NodeKind::Map: out_ += "map" + mask(n); break;
      case NodeKind::Record: {
        out_ += "record ";
        if (layouts_ && n.record >= 0 && static_cast<size_t>(n.record) < layouts_->size())
          out_ += (*layouts_)[n.record].name;
        break;
      }
      case NodeKind::Comprehension: {
        const Comprehension& c = n.loop;
        out_ += "comprehension " + std::string(loopName(c.kind)) + " $" + std::to_string(c.iterVar);
        if (c.iterVar2 != kNoSlot) out_ += ", $" + std::to_string(c.iterVar2);
        if (c.accuVar != kNoSlot) out_ += " accu $" + std::to_string(c.accuVar);
        break;
      }
      case NodeKind::Let: out_ += "let " + n.name + " $" + std::to_string(n.index); break;
      case NodeKind::Error: out_ += "error \"" + n.name + "\""; break;
    }
    std::string_view kind = kindName(n.staticKind);
    if (!kind.empty()) out_ += " : " + std::string(kind);
    out_ += "\n";

    if (n.kind == NodeKind::Comprehension) {
      const Comprehension& c = n.loop;
      node(c.range, depth + 1, "range");
      if (c.init != kNoNode) node(c.init, depth + 1, "init");
      if (c.condition != kNoNode) node(c.condition, depth + 1, "while");
      if (c.filter != kNoNode) node(c.filter, depth + 1, "where");
      node(c.step, depth + 1, "step");
      if (c.result != kNoNode) node(c.result, depth + 1, "result");
      return;
    }
    for (size_t i = 0; i < n.kids.size(); ++i) {
      std::string label;
      if (n.kind == NodeKind::Record && i < n.fieldIndices.size()) {
        label = i < n.defaultCount ? "default " : "";
        if (layouts_ && n.record >= 0 && static_cast<size_t>(n.record) < layouts_->size())
          label += (*layouts_)[n.record].fieldNames[n.fieldIndices[i]];
        else
          label += "#" + std::to_string(n.fieldIndices[i]);
        if (i < n.optionalMask.size() && n.optionalMask[i]) label = "?" + label;
      } else if (n.kind == NodeKind::List && i < n.optionalMask.size() && n.optionalMask[i]) {
        label = "?";
      } else if (n.kind == NodeKind::Map && i / 2 < n.optionalMask.size() && n.optionalMask[i / 2]) {
        label = i % 2 == 0 ? "?key" : "value";
      }
      node(n.kids[i], depth + 1, label);
    }
  }

  std::string take() { return std::move(out_); }

 private:
  void indent(int depth) { out_.append(static_cast<size_t>(depth) * 2, ' '); }
  static std::string mask(const Node& n) {
    for (bool b : n.optionalMask) {
      if (b) return " (with optional entries)";
    }
    return "";
  }

  const ExprPool& pool_;
  const RecordLayouts* layouts_;
  std::string out_;
};

}  // namespace

std::string printExpr(const ExprPool& pool, const LoweredExpr& expr, const RecordLayouts* layouts) {
  Printer p(pool, layouts);
  std::string header;
  for (const Input& in : expr.inputs) header += "input " + in.name + " $" + std::to_string(in.slot) + "\n";
  p.node(expr.root, 0);
  return header + p.take();
}

}  // namespace journey::ir
