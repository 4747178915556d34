#include "vm/runtime/audience_windows.h"

#include <algorithm>

#include "compiler/codegen/constant_folder.h"
#include "compiler/ir/expr_nodes.h"

namespace journey::runtime {

AudienceWindows findAudienceWindows(const ir::ProgramIr& program) {
  size_t count = program.audiences.size();
  AudienceWindows out;
  out.windows.resize(count);
  out.unknown.assign(count, false);
  codegen::ConstantFolder folder(program.pool);
  std::vector<std::vector<uint32_t>> reads(count);  // the audiences each one reads
  for (size_t a = 0; a < count; ++a) {
    ir::ExprIndex rule = program.audiences[a].rule;
    if (rule == ir::kNoExpr) continue;
    for (ir::NodeId id : ir::nodesOf(program.pool, program.exprs[rule].root)) {
      const ir::Node& n = program.pool[id];
      if (n.kind != ir::NodeKind::Call) continue;
      if (n.name == "history" || n.name == "@historyCount") {
        std::optional<Value> event, length;
        if (n.kids.size() == 2) {
          event = folder.value(n.kids[0]);
          length = folder.value(n.kids[1]);
        }
        int e = event && event->kind() == ValueKind::Type ? program.findEvent(event->typeName())
                                                          : -1;
        if (e < 0 || !length || length->kind() != ValueKind::Duration) {
          out.unknown[a] = true;
          continue;
        }
        out.windows[a].push_back({static_cast<uint32_t>(e), length->asDuration()});
      } else if (n.name == "inAudience") {
        std::optional<Value> name;
        if (!n.kids.empty()) name = folder.value(n.kids.back());
        int other = name && name->kind() == ValueKind::String
                        ? program.findAudience(name->asString())
                        : -1;
        if (other < 0) {
          out.unknown[a] = true;
        } else {
          reads[a].push_back(static_cast<uint32_t>(other));
        }
      }
    }
  }
  // Through the audiences read, as far as a chain goes (the checker rules out cycles).
  for (size_t round = 0; round < count; ++round) {
    for (size_t a = 0; a < count; ++a) {
      for (uint32_t b : reads[a]) {
        out.unknown[a] = out.unknown[a] || out.unknown[b];
        for (const AudienceWindow& w : out.windows[b]) {
          std::vector<AudienceWindow>& have = out.windows[a];
          if (std::none_of(have.begin(), have.end(), [&](const AudienceWindow& h) {
                return h.event == w.event && h.length == w.length;
              })) {
            have.push_back(w);
          }
        }
      }
    }
  }
  return out;
}

}  // namespace journey::runtime
