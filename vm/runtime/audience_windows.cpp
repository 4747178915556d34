#include "vm/runtime/audience_windows.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "compiler/codegen/constant_folder.h"
#include "compiler/ir/dependency_order.h"
#include "compiler/ir/expr_nodes.h"
#include "vm/interp/expression_runner.h"

namespace journey::runtime {

namespace {

// A window's length, and any value, when its expression reads nothing but constants (`1h + 1h`,
// `duration("24h")`, `-(-1d)`, a `fn` of `1h` or of `"24h"`): no slot it does not bind itself,
// no comprehension, no call whose value depends on the profile or the clock. Nothing otherwise,
// nor for an error (an overflow).
std::optional<Value> closedValue(const ir::ProgramIr& program, ir::NodeId id) {
  std::vector<ir::NodeId> nodes = ir::nodesOf(program.pool, id);
  std::vector<uint32_t> bound;
  uint32_t slots = 0;
  for (ir::NodeId node : nodes) {
    const ir::Node& n = program.pool[node];
    if (n.kind == ir::NodeKind::Let) {
      bound.push_back(n.index);
      slots = std::max(slots, n.index + 1);
    }
    if (n.kind == ir::NodeKind::Comprehension) return std::nullopt;
    if (n.kind == ir::NodeKind::Call &&
        (n.name == "now" || n.name == "history" || n.name == "@historyCount" ||
         n.name == "inAudience")) {
      return std::nullopt;
    }
  }
  for (ir::NodeId node : nodes) {
    const ir::Node& n = program.pool[node];
    if (n.kind == ir::NodeKind::Variable && std::ranges::count(bound, n.index) == 0) {
      return std::nullopt;
    }
  }
  interp::ExpressionRunner runner(program.pool, ir::LoweredExpr{id, slots, {}}, program.layouts);
  stdlib::CallContext context;
  Value v = runner.run(nullptr, context);
  if (v.isError()) return std::nullopt;
  return v;
}

}  // namespace

AudienceWindows findAudienceWindows(const ir::ProgramIr& program) {
  size_t count = program.audiences.size();
  AudienceWindows out;
  out.windows.resize(count);
  out.unknown.assign(count, false);
  codegen::ConstantFolder folder(program.pool);
  std::vector<std::vector<uint32_t>> reads(count);  // the audiences each one reads
  std::unordered_map<std::string_view, uint32_t> named;  // a scan per `inAudience` was quadratic
  for (uint32_t a = 0; a < count; ++a) named.emplace(program.audiences[a].name, a);
  for (size_t a = 0; a < count; ++a) {
    ir::ExprIndex rule = program.audiences[a].rule;
    if (rule == ir::kNoExpr) continue;
    std::vector<ir::NodeId> nodes = ir::nodesOf(program.pool, program.exprs[rule].root);
    // The values `let` nodes bind (`cel.bind(d, 1h, …)`), by slot: a window that is such a
    // variable is its value's length when that is closed. Each binding has a slot of its own.
    std::unordered_map<uint32_t, ir::NodeId> bound;
    for (ir::NodeId id : nodes) {
      const ir::Node& n = program.pool[id];
      if (n.kind == ir::NodeKind::Let && !n.kids.empty()) bound.emplace(n.index, n.kids[0]);
    }
    for (ir::NodeId id : nodes) {
      const ir::Node& n = program.pool[id];
      if (n.kind != ir::NodeKind::Call) continue;
      if (n.name == "history" || n.name == "@historyCount") {
        std::optional<Value> event;
        std::optional<Duration> length;
        if (n.kids.size() == 2) {
          event = folder.value(n.kids[0]);
          ir::NodeId window = n.kids[1];
          const ir::Node& w = program.pool[window];
          auto value = w.kind == ir::NodeKind::Variable ? bound.find(w.index) : bound.end();
          if (value != bound.end()) window = value->second;
          std::optional<Value> v = closedValue(program, window);
          if (v && v->kind() == ValueKind::Duration) length = v->asDuration();
        }
        int e = event && event->kind() == ValueKind::Type ? program.findEvent(event->typeName())
                                                          : -1;
        if (e < 0 || !length) {
          out.unknown[a] = true;
          continue;
        }
        out.windows[a].push_back({static_cast<uint32_t>(e), *length});
      } else if (n.name == "inAudience") {
        std::optional<Value> name;
        if (!n.kids.empty()) name = folder.value(n.kids.back());
        auto other = name && name->kind() == ValueKind::String ? named.find(name->asString())
                                                               : named.end();
        if (other == named.end()) {
          out.unknown[a] = true;
        } else {
          reads[a].push_back(other->second);
        }
      }
    }
  }
  // Through the audiences read, as far as a chain goes (the checker rules out cycles): each
  // after those it reads, so theirs are whole when it takes them.
  for (uint32_t a : ir::dependenciesFirst(reads)) {
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
  out.readers.resize(count);
  for (size_t a = 0; a < count; ++a) {
    std::vector<bool> seen(count, false);
    std::vector<uint32_t> todo = reads[a];
    while (!todo.empty()) {
      uint32_t b = todo.back();
      todo.pop_back();
      if (seen[b] || b == a) continue;
      seen[b] = true;
      out.readers[b].push_back(static_cast<uint32_t>(a));
      todo.insert(todo.end(), reads[b].begin(), reads[b].end());
    }
  }
  return out;
}

}  // namespace journey::runtime
