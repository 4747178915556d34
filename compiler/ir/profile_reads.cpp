#include "compiler/ir/profile_reads.h"

#include <optional>
#include <set>

namespace journey::ir {

namespace {

class ReadWalk {
 public:
  explicit ReadWalk(const ProgramIr& program) : program_(program), pool_(program.pool) {
    reads_.resize(program.layouts.size());
    for (size_t r = 0; r < reads_.size(); ++r) {
      reads_[r].assign(program.types.recordInfo(static_cast<sema::RecordId>(r)).fields.size(),
                       false);
    }
  }

  void expr(ExprIndex e) {
    if (e == kNoExpr || !done_.insert(e).second) return;
    const LoweredExpr& lowered = program_.exprs[e];
    bool profileInput = lowered.inputs.size() == 1 && lowered.inputs[0].slot == 0;
    if (!profileInput) {  // the profile under another slot, or with other inputs: all of it
      if (program_.profileRecord) wholeRecord(*program_.profileRecord);
      return;
    }
    value(lowered.root);
  }

  FieldReads take() { return std::move(reads_); }

 private:
  // The record type a node stands for when it is the profile or a part of it reached by
  // static field selections (the profile, `profile.loyalty`); none otherwise. With `mark`,
  // the fields selected on the way are read.
  std::optional<sema::RecordId> profilePart(NodeId id, bool mark) {
    const Node& n = pool_[id];
    if (n.kind == NodeKind::Variable && n.index == 0) return program_.profileRecord;
    if (n.kind != NodeKind::Field || n.record < 0 || n.kids.empty()) return std::nullopt;
    std::optional<sema::RecordId> owner = profilePart(n.kids[0], mark);
    if (!owner) return std::nullopt;
    if (mark) read(*owner, n.index);
    sema::TypeId type = program_.types.recordInfo(*owner).fields[n.index].type;
    return recordOf(type);
  }

  // The record a field of this type holds directly (through optional), if any.
  std::optional<sema::RecordId> recordOf(sema::TypeId type) const {
    const sema::TypeTable& t = program_.types;
    if (t.kind(type) == sema::TypeKind::Optional) type = t.param(type, 0);
    if (t.kind(type) == sema::TypeKind::Record) return t.get(type).record;
    return std::nullopt;
  }

  // A node whose value is used: the parts of the profile it reaches are read, and so is
  // everything inside a part used as a value.
  void value(NodeId id) {
    if (id == kNoNode) return;
    const Node& n = pool_[id];
    if ((n.kind == NodeKind::Field || n.kind == NodeKind::TestField) && n.record >= 0 &&
        !n.kids.empty()) {
      if (std::optional<sema::RecordId> owner = profilePart(n.kids[0], true)) {
        read(*owner, n.index);
        if (n.kind == NodeKind::Field) {
          sema::TypeId type = program_.types.recordInfo(*owner).fields[n.index].type;
          // The field's value is used: whatever it holds is read whole (a record field
          // that is only selected from goes through profilePart instead).
          wholeType(type);
        }
        return;
      }
    }
    if (n.kind == NodeKind::OptionalField && !n.kids.empty()) {  // `profile.?email`: by name
      if (std::optional<sema::RecordId> owner = profilePart(n.kids[0], true)) {
        const sema::RecordInfo& info = program_.types.recordInfo(*owner);
        int field = info.find(n.name);
        if (field >= 0) {
          read(*owner, static_cast<uint32_t>(field));
          wholeType(info.fields[static_cast<size_t>(field)].type);
          return;
        }
      }
    }
    if (n.kind == NodeKind::Variable && n.index == 0) {
      if (program_.profileRecord) wholeRecord(*program_.profileRecord);
      return;
    }
    if (n.kind == NodeKind::Call && n.name == "inAudience") audienceCall(n);
    for (NodeId kid : n.kids) value(kid);
    if (n.kind == NodeKind::Comprehension) {
      const Comprehension& c = n.loop;
      for (NodeId part : {c.range, c.init, c.condition, c.filter, c.step, c.result}) value(part);
    }
  }

  void audienceCall(const Node& n) {
    const Node* arg = n.kids.empty() ? nullptr : &pool_[n.kids.back()];
    if (arg && arg->kind == NodeKind::Constant &&
        pool_.constants[arg->index].kind() == ValueKind::String) {
      std::string_view name = pool_.constants[arg->index].asString();
      for (const AudienceIr& a : program_.audiences) {
        if (a.name == name) expr(a.rule);
      }
      return;
    }
    for (const AudienceIr& a : program_.audiences) expr(a.rule);
  }

  void read(sema::RecordId record, uint32_t field) { reads_[record][field] = true; }

  void wholeRecord(sema::RecordId record) {
    if (!whole_.insert(record).second) return;
    const sema::RecordInfo& info = program_.types.recordInfo(record);
    for (uint32_t f = 0; f < info.fields.size(); ++f) {
      read(record, f);
      wholeType(info.fields[f].type);
    }
  }

  // Every record a value of this type can hold, read whole.
  void wholeType(sema::TypeId type) {
    const sema::TypeTable& t = program_.types;
    if (t.kind(type) == sema::TypeKind::Record) return wholeRecord(t.get(type).record);
    for (sema::TypeId param : t.get(type).params) wholeType(param);
  }

  const ProgramIr& program_;
  const ExprPool& pool_;
  FieldReads reads_;
  std::set<ExprIndex> done_;
  std::set<sema::RecordId> whole_;
};

}  // namespace

FieldReads profileReads(const ProgramIr& program, const std::vector<ExprIndex>& exprs) {
  ReadWalk walk(program);
  for (ExprIndex e : exprs) walk.expr(e);
  return walk.take();
}

}  // namespace journey::ir
