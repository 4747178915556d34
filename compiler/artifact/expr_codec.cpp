#include "compiler/artifact/expr_codec.h"

#include <fmt/format.h>

#include <map>
#include <string_view>

#include "compiler/artifact/range_codec.h"
#include "compiler/artifact/value_codec.h"
#include "stdlib/overloads.h"

namespace journey::artifact {

namespace {

using ir::Node;
using ir::NodeKind;

bool isDefault(const ir::Comprehension& c) {
  ir::Comprehension d;
  return c.kind == d.kind && c.range == d.range && c.iterVar == d.iterVar &&
         c.iterVar2 == d.iterVar2 && c.accuVar == d.accuVar && c.init == d.init &&
         c.condition == d.condition && c.filter == d.filter && c.step == d.step &&
         c.result == d.result;
}

void writeIndices(ByteWriter& out, const std::vector<uint32_t>& v) {
  out.varint(v.size());
  for (uint32_t x : v) out.varint(x);
}

std::vector<uint32_t> readIndices(ByteReader& in) {
  std::vector<uint32_t> v(in.count());
  for (uint32_t& x : v) x = in.u32();
  return v;
}

// The overload ids the pool calls, in order of first use, and each candidate's place there.
class OverloadTable {
 public:
  explicit OverloadTable(const ir::ExprPool& pool) {
    const auto& all = stdlib::standardOverloads();
    for (const Node& n : pool.nodes) {
      for (uint32_t c : n.candidates) {
        if (places_.emplace(c, static_cast<uint32_t>(ids_.size())).second) ids_.push_back(all.at(c).id);
      }
    }
  }
  const std::vector<std::string_view>& ids() const { return ids_; }
  uint32_t place(uint32_t candidate) const { return places_.at(candidate); }

 private:
  std::vector<std::string_view> ids_;
  std::map<uint32_t, uint32_t> places_;
};

// This build's index of each written overload id.
std::vector<uint32_t> readOverloadTable(ByteReader& in) {
  std::vector<uint32_t> table(in.count());
  for (uint32_t& index : table) {
    std::string id = in.text();
    std::optional<uint32_t> found = stdlib::overloadWithId(id);
    if (!found) {
      in.fail(fmt::format("the program calls the overload `{}`, which this journey does not have", id));
    }
    index = *found;
  }
  return table;
}

void writeNode(ByteWriter& out, const Node& n, const OverloadTable& overloads) {
  out.u8(static_cast<uint8_t>(n.kind));
  out.u8(static_cast<uint8_t>(n.staticKind));
  out.varint(n.index);
  out.signedVarint(n.record);
  out.varint(n.defaultCount);
  out.text(n.name);
  writeIndices(out, n.kids);
  out.varint(n.candidates.size());
  for (uint32_t c : n.candidates) out.varint(overloads.place(c));
  out.varint(n.optionalMask.size());
  for (bool b : n.optionalMask) out.boolean(b);
  writeIndices(out, n.fieldIndices);
  out.boolean(!isDefault(n.loop));
  if (!isDefault(n.loop)) {
    const ir::Comprehension& c = n.loop;
    out.u8(static_cast<uint8_t>(c.kind));
    for (uint32_t x : {c.range, c.iterVar, c.iterVar2, c.accuVar, c.init, c.condition, c.filter,
                       c.step, c.result}) {
      out.varint(x);
    }
  }
  writeRange(out, n.range);
}

Node readNode(ByteReader& in, const std::vector<uint32_t>& overloads) {
  Node n;
  n.kind = static_cast<NodeKind>(in.below(static_cast<uint32_t>(NodeKind::Error) + 1, "node kind"));
  n.staticKind = static_cast<ValueKind>(in.below(static_cast<uint32_t>(ValueKind::Error) + 1, "value kind"));
  n.index = in.u32();
  int64_t record = in.signedVarint();
  if (record < -1 || record > INT32_MAX) in.fail("a record layout index is out of range");
  n.record = static_cast<int32_t>(record);
  n.defaultCount = in.u32();
  n.name = in.text();
  n.kids = readIndices(in);
  n.candidates.resize(in.count());
  for (uint32_t& c : n.candidates) c = overloads[in.below(static_cast<uint32_t>(overloads.size()), "overload")];
  n.optionalMask.resize(in.count());
  for (size_t i = 0; i < n.optionalMask.size(); ++i) n.optionalMask[i] = in.boolean();
  n.fieldIndices = readIndices(in);
  if (in.boolean()) {
    ir::Comprehension& c = n.loop;
    c.kind = static_cast<ir::LoopKind>(in.below(static_cast<uint32_t>(ir::LoopKind::MapEntries) + 1, "loop kind"));
    for (uint32_t* x : {&c.range, &c.iterVar, &c.iterVar2, &c.accuVar, &c.init, &c.condition,
                        &c.filter, &c.step, &c.result}) {
      *x = in.u32();
    }
  }
  n.range = readRange(in);
  return n;
}

}  // namespace

void writeExpressions(ByteWriter& out, const ir::ExprPool& pool,
                      const std::vector<ir::LoweredExpr>& exprs) {
  OverloadTable overloads(pool);
  out.varint(overloads.ids().size());
  for (std::string_view id : overloads.ids()) out.text(id);
  out.varint(pool.constants.size());
  for (const Value& v : pool.constants) writeValue(out, v);
  out.varint(pool.nodes.size());
  for (const Node& n : pool.nodes) writeNode(out, n, overloads);
  out.varint(exprs.size());
  for (const ir::LoweredExpr& e : exprs) {
    out.varint(e.root);
    out.varint(e.slotCount);
    out.varint(e.inputCount);
    out.varint(e.inputs.size());
    for (const ir::Input& i : e.inputs) {
      out.text(i.name);
      out.varint(i.slot);
    }
  }
}

void readExpressions(ByteReader& in, ir::ExprPool& pool, std::vector<ir::LoweredExpr>& exprs,
                     uint32_t formatVersion) {
  std::vector<uint32_t> overloads = readOverloadTable(in);
  pool.constants.resize(in.count());
  for (Value& v : pool.constants) v = readValue(in);
  pool.nodes.resize(in.count());
  for (Node& n : pool.nodes) n = readNode(in, overloads);
  exprs.resize(in.count());
  for (ir::LoweredExpr& e : exprs) {
    e.root = in.u32();
    e.slotCount = in.u32();
    if (formatVersion >= 2) e.inputCount = in.u32();
    e.inputs.resize(in.count());
    for (ir::Input& i : e.inputs) {
      i.name = in.text();
      i.slot = in.u32();
    }
    if (formatVersion < 2) e.inputCount = static_cast<uint32_t>(e.inputs.size());
  }
}

}  // namespace journey::artifact
