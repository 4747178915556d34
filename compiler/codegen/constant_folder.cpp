#include "compiler/codegen/constant_folder.h"

#include <vector>

namespace journey::codegen {

using ir::Node;
using ir::NodeId;
using ir::NodeKind;

std::optional<Value> ConstantFolder::value(NodeId id) {
  if (auto it = memo_.find(id); it != memo_.end()) return it->second;
  const Node& n = pool_[id];
  std::optional<Value> out;
  switch (n.kind) {
    case NodeKind::Constant: out = pool_.constants[n.index]; break;
    case NodeKind::Error: out = Value::error(n.name); break;
    case NodeKind::List:
    case NodeKind::Map: {
      for (bool optional : n.optionalMask) {
        if (optional) return memo_[id] = std::nullopt;
      }
      std::vector<Value> kids;
      for (NodeId k : n.kids) {
        std::optional<Value> v = value(k);
        if (!v) return memo_[id] = std::nullopt;
        kids.push_back(std::move(*v));
      }
      // An erroneous literal folds to its (first) error, which is what evaluating it gives.
      for (const Value& v : kids) {
        if (v.isError()) return memo_[id] = v;
      }
      if (n.kind == NodeKind::List) {
        out = Value::list(std::move(kids));
      } else {
        std::vector<MapEntry> entries;
        for (size_t i = 0; i + 1 < kids.size(); i += 2) entries.push_back({kids[i], kids[i + 1]});
        out = Value::map(std::move(entries));
      }
      break;
    }
    default: break;
  }
  return memo_[id] = out;
}

}  // namespace journey::codegen
