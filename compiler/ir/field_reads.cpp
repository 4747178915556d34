#include "compiler/ir/field_reads.h"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>

#include "compiler/ir/history_reads.h"

namespace journey::ir {

namespace {

class ReadWalk {
 public:
  explicit ReadWalk(const ProgramIr& program, const AudienceRules* rules = nullptr)
      : program_(program), pool_(program.pool), rules_(rules) {
    reads_.resize(program.layouts.size());
    for (size_t r = 0; r < reads_.size(); ++r) {
      reads_[r].assign(program.types.recordInfo(static_cast<sema::RecordId>(r)).fields.size(),
                       false);
    }
  }

  // The profile's reads by an audience rule (or another expression on the profile alone).
  void profileExpr(ExprIndex e) {
    if (e == kNoExpr || !done_.insert(e).second) return;
    const LoweredExpr& lowered = program_.exprs[e];
    bool profileInput = lowered.inputCount == 1;
    if (!profileInput) {  // the profile under another slot, or with other inputs: all of it
      if (program_.profileRecord) wholeRecord(*program_.profileRecord);
      return;
    }
    rootSlot_ = 0;
    rootRecord_ = program_.profileRecord;
    followAudiences_ = true;
    value(lowered.root);
  }

  // The reads of the record `record` that expression `e` may find in its slot `slot`.
  void rootedExpr(ExprIndex e, uint32_t slot, sema::RecordId record) {
    rootSlot_ = slot;
    rootRecord_ = record;
    followAudiences_ = false;  // audience rules read the profile, not this record
    value(program_.exprs[e].root);
  }

  void read(sema::RecordId record, uint32_t field) { reads_[record][field] = true; }
  // The field is read and its value used as a whole.
  void readWhole(sema::RecordId record, uint32_t field) {
    read(record, field);
    wholeType(program_.types.recordInfo(record).fields[field].type);
  }

  void wholeRecord(sema::RecordId record) {
    if (!whole_.insert(record).second) return;
    const sema::RecordInfo& info = program_.types.recordInfo(record);
    for (uint32_t f = 0; f < info.fields.size(); ++f) {
      read(record, f);
      wholeType(info.fields[f].type);
    }
  }

  FieldReads take() { return std::move(reads_); }

 private:
  // The record type a node stands for when it is the root (the record in rootSlot_) or a part
  // of it reached by static field selections (`profile`, `profile.loyalty`); none otherwise.
  // With `mark`, the fields selected on the way are read.
  std::optional<sema::RecordId> rootPart(NodeId id, bool mark) {
    const Node& n = pool_[id];
    if (n.kind == NodeKind::Variable && n.index == rootSlot_) return rootRecord_;
    if (n.kind != NodeKind::Field || n.record < 0 || n.kids.empty()) return std::nullopt;
    std::optional<sema::RecordId> owner = rootPart(n.kids[0], mark);
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

  // A node whose value is used: the parts of the root it reaches are read, and so is
  // everything inside a part used as a value.
  void value(NodeId id) {
    if (id == kNoNode) return;
    const Node& n = pool_[id];
    if ((n.kind == NodeKind::Field || n.kind == NodeKind::TestField) && n.record >= 0 &&
        !n.kids.empty()) {
      if (std::optional<sema::RecordId> owner = rootPart(n.kids[0], true)) {
        read(*owner, n.index);
        if (n.kind == NodeKind::Field) {
          sema::TypeId type = program_.types.recordInfo(*owner).fields[n.index].type;
          // The field's value is used: whatever it holds is read whole (a record field
          // that is only selected from goes through rootPart instead).
          wholeType(type);
        }
        return;
      }
    }
    if (n.kind == NodeKind::OptionalField && !n.kids.empty()) {  // `profile.?email`: by name
      if (std::optional<sema::RecordId> owner = rootPart(n.kids[0], true)) {
        const sema::RecordInfo& info = program_.types.recordInfo(*owner);
        int field = info.find(n.name);
        if (field >= 0) {
          read(*owner, static_cast<uint32_t>(field));
          wholeType(info.fields[static_cast<size_t>(field)].type);
          return;
        }
      }
    }
    if (n.kind == NodeKind::Variable && n.index == rootSlot_) {
      if (rootRecord_) wholeRecord(*rootRecord_);
      return;
    }
    if (followAudiences_ && n.kind == NodeKind::Call && n.name == "inAudience") audienceCall(n);
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
      if (!rules_) rules_ = &ownRules_.emplace(program_);
      for (ExprIndex rule : rules_->named(pool_.constants[arg->index].asString())) {
        profileExpr(rule);
      }
      return;
    }
    for (const AudienceIr& a : program_.audiences) profileExpr(a.rule);
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
  std::set<ExprIndex> done_;  // profileExpr's, for audiences named more than once
  const AudienceRules* rules_ = nullptr;    // the caller's, or ownRules_ once one is needed
  std::optional<AudienceRules> ownRules_;
  std::set<sema::RecordId> whole_;
  // The walk's root: the slot holding the record whose reads are sought, and its type.
  uint32_t rootSlot_ = 0;
  std::optional<sema::RecordId> rootRecord_;
  bool followAudiences_ = false;
};

}  // namespace

AudienceRules::AudienceRules(const ProgramIr& program) {
  for (const AudienceIr& a : program.audiences) rules_.emplace(a.name, a.rule);
}

std::vector<ExprIndex> AudienceRules::named(std::string_view name) const {
  std::vector<ExprIndex> found;
  auto [first, last] = rules_.equal_range(name);
  for (auto it = first; it != last; ++it) found.push_back(it->second);
  return found;
}

FieldReads profileReads(const ProgramIr& program, const std::vector<ExprIndex>& exprs,
                        const AudienceRules* rules) {
  ReadWalk walk(program, rules);
  for (ExprIndex e : exprs) walk.profileExpr(e);
  return walk.take();
}

FieldReads eventReads(const ProgramIr& program) {
  ReadWalk walk(program);
  // The frame names journeys bind events to, and the records bound under each. A name is
  // matched in every expression's inputs (an expression names its inputs as the frame does):
  // one journey's `let` named like another's binding makes its uses count too, which can only
  // read more.
  std::map<std::string, std::set<sema::RecordId>> bound;
  auto bind = [&](const JourneyIr& j, uint32_t slot, uint32_t event) {
    if (slot < j.frame.size()) bound[j.frame[slot]].insert(program.events[event].record);
  };
  for (const JourneyIr& j : program.journeys) {
    const auto* entry = std::get_if<EventEntryIr>(&j.entry);
    if (entry) {
      sema::RecordId record = program.events[entry->event].record;
      if (j.entryFields) {  // copied into slots at entry, which expressions use as values
        for (const EntryFieldIr& f : *j.entryFields) {
          if (f.presence) {
            walk.read(record, f.field);
          } else {
            walk.readWhole(record, f.field);
          }
        }
      } else {
        bind(j, j.entrySlot, entry->event);
      }
    }
    for (const ExitOnIr& x : j.exitOn) {  // a slot only its `when` sees, under no frame name
      if (x.bindingSlot != kNoSlot && x.when != kNoExpr) {
        walk.rootedExpr(x.when, x.bindingSlot, program.events[x.event].record);
      }
    }
    for (const StepIr& step : j.steps) {
      if (const auto* w = std::get_if<WaitForIr>(&step.kind)) {
        for (const AwaitedIr& a : w->events) bind(j, a.bindingSlot, a.event);
      }
      // The next journey receives the entry event as it is, and may read any of it.
      if (entry && std::holds_alternative<GotoIr>(step.kind)) {
        walk.wholeRecord(program.events[entry->event].record);
      }
    }
  }
  for (ExprIndex e = 0; e < program.exprs.size(); ++e) {
    for (const Input& input : program.exprs[e].inputs) {
      auto it = bound.find(input.name);
      if (it == bound.end()) continue;
      for (sema::RecordId record : it->second) walk.rootedExpr(e, input.slot, record);
    }
  }
  std::vector<HistoryUse> history = eventHistoryUse(program);
  for (size_t i = 0; i < program.events.size(); ++i) {
    const EventIr& event = program.events[i];
    if (history[i] == HistoryUse::Records) walk.wholeRecord(event.record);
    if (event.timeField < program.types.recordInfo(event.record).fields.size()) {
      walk.read(event.record, event.timeField);
    }
  }
  return walk.take();
}

}  // namespace journey::ir
