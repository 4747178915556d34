#include "compiler/artifact/program_validator.h"

#include <fmt/format.h>

#include "compiler/artifact/artifact_error.h"
#include "stdlib/overloads.h"

namespace journey::artifact {

namespace {

using namespace journey::ir;

// More registers than the bytecode can address are refused by its compiler anyway.
constexpr uint32_t kMaxSlots = 0xFFFF;

[[noreturn]] void invalid(const std::string& message) {
  throw ArtifactError("invalid program: " + message);
}

void require(bool ok, const std::string& message) {
  if (!ok) invalid(message);
}

class Validator {
 public:
  Validator(const ProgramIr& p, size_t sourceFiles) : p_(p), sourceFiles_(sourceFiles) {}

  void run() {
    records();
    nodes();
    expressions();
    declarations();
    for (size_t j = 0; j < p_.journeys.size(); ++j) journey(p_.journeys[j]);
  }

 private:
  // ---- types and records -------------------------------------------------------------------

  void range(const SourceRange& r, const std::string& what) {
    require(r.file == kNoFile || r.file < sourceFiles_, what + " names an unknown source file");
  }

  size_t fieldCount(uint32_t record) const { return p_.types.recordInfo(record).fields.size(); }

  void record(uint32_t r, const std::string& what) {
    require(r < p_.types.recordCount(), fmt::format("{} names an unknown record {}", what, r));
  }

  void records() {
    require(p_.layouts.size() == p_.types.recordCount(), "record layouts do not match the records");
    require(p_.profileType < p_.types.size(), "the profile type is unknown");
    if (p_.profileRecord) record(*p_.profileRecord, "the profile");
    for (size_t r = 0; r < p_.types.recordCount(); ++r) {
      const sema::RecordInfo& info = p_.types.recordInfo(static_cast<sema::RecordId>(r));
      range(info.range, "record " + info.name);
      for (const sema::RecordField& f : info.fields) range(f.range, "field " + f.name);
    }
  }

  // ---- expressions -------------------------------------------------------------------------

  // Operands refer to earlier nodes (lowering adds a node after its operands), which makes
  // every expression a tree or DAG: evaluation and printing terminate.
  void operand(NodeId kid, NodeId parent, bool optional = false) {
    if (optional && kid == kNoNode) return;
    require(kid < parent, fmt::format("node {} refers to node {}, not an earlier one", parent, kid));
  }

  void nodes() {
    const auto& overloads = stdlib::standardOverloads();
    for (NodeId id = 0; id < p_.pool.nodes.size(); ++id) {
      const Node& n = p_.pool.nodes[id];
      for (NodeId k : n.kids) operand(k, id);
      range(n.range, fmt::format("node {}", id));
      auto kids = [&](size_t count) {
        require(n.kids.size() == count, fmt::format("node {} has {} operands", id, n.kids.size()));
      };
      auto mask = [&](size_t entries) {
        require(n.optionalMask.empty() || n.optionalMask.size() == entries,
                fmt::format("node {} has a wrong optional mask", id));
      };
      auto layout = [&](bool needed) {
        if (n.record < 0 && !needed) return;
        require(n.record >= 0 && static_cast<size_t>(n.record) < p_.layouts.size(),
                fmt::format("node {} names an unknown record layout", id));
      };
      switch (n.kind) {
        case NodeKind::Constant:
          kids(0);
          require(n.index < p_.pool.constants.size(), fmt::format("node {} names an unknown constant", id));
          break;
        case NodeKind::Variable:
        case NodeKind::Error: kids(0); break;
        case NodeKind::Field:
        case NodeKind::TestField:
          kids(1);
          layout(false);
          if (n.record >= 0) {
            require(n.index < p_.layouts[n.record].fieldCount(), fmt::format("node {} names an unknown field", id));
          }
          break;
        case NodeKind::OptionalField:
        case NodeKind::NotStrictlyFalse: kids(1); break;
        case NodeKind::Index:
        case NodeKind::OptionalIndex:
        case NodeKind::And:
        case NodeKind::Or:
        case NodeKind::Let: kids(2); break;
        case NodeKind::Conditional: kids(3); break;
        case NodeKind::Call:
          require(!n.candidates.empty(), fmt::format("call node {} has no overload", id));
          for (uint32_t c : n.candidates) {
            require(c < overloads.size() && overloads[c].params.size() == n.kids.size(),
                    fmt::format("call node {} has {} operands for `{}`", id, n.kids.size(), n.name));
          }
          break;
        case NodeKind::List: mask(n.kids.size()); break;
        case NodeKind::Map:
          require(n.kids.size() % 2 == 0, fmt::format("map node {} has an odd operand count", id));
          mask(n.kids.size() / 2);
          break;
        case NodeKind::Record: {
          layout(true);
          require(n.fieldIndices.size() == n.kids.size() && n.defaultCount <= n.kids.size(),
                  fmt::format("record node {} has mismatched fields", id));
          mask(n.kids.size());
          for (uint32_t f : n.fieldIndices) {
            require(f < p_.layouts[n.record].fieldCount(), fmt::format("node {} names an unknown field", id));
          }
          break;
        }
        case NodeKind::Comprehension: {
          kids(0);
          const Comprehension& c = n.loop;
          bool fold = c.kind == LoopKind::Fold;
          operand(c.range, id);
          operand(c.step, id);
          operand(c.init, id, !fold);
          operand(c.result, id, !fold);
          operand(c.condition, id, true);
          operand(c.filter, id, true);
          break;
        }
      }
    }
  }

  void slot(uint32_t s, uint32_t slotCount, size_t expr) {
    require(s < slotCount, fmt::format("expression {} uses slot {} of {}", expr, s, slotCount));
  }

  // Every slot a node of the expression uses is one of its slots.
  void expressions() {
    std::vector<size_t> seenBy(p_.pool.nodes.size(), SIZE_MAX);
    for (size_t e = 0; e < p_.exprs.size(); ++e) {
      const LoweredExpr& x = p_.exprs[e];
      require(x.root < p_.pool.nodes.size(), fmt::format("expression {} has no root", e));
      require(x.slotCount <= kMaxSlots, fmt::format("expression {} has too many slots", e));
      require(x.inputCount <= x.slotCount,
              fmt::format("expression {} has more inputs than slots", e));
      for (const Input& i : x.inputs) slot(i.slot, x.inputCount, e);
      std::vector<NodeId> work{x.root};
      while (!work.empty()) {
        NodeId id = work.back();
        work.pop_back();
        if (id == kNoNode || seenBy[id] == e) continue;
        seenBy[id] = e;
        const Node& n = p_.pool.nodes[id];
        if (n.kind == NodeKind::Variable || n.kind == NodeKind::Let) slot(n.index, x.slotCount, e);
        if (n.kind == NodeKind::Comprehension) {
          const Comprehension& c = n.loop;
          slot(c.iterVar, x.slotCount, e);
          if (c.iterVar2 != kNoSlot) slot(c.iterVar2, x.slotCount, e);
          if (c.kind == LoopKind::Fold) slot(c.accuVar, x.slotCount, e);
          work.insert(work.end(), {c.range, c.init, c.condition, c.filter, c.step, c.result});
        }
        work.insert(work.end(), n.kids.begin(), n.kids.end());
      }
    }
  }

  // An expression reference: in range, and asking for at most `inputs` inputs (a constant
  // gets none, a profile rule the profile, a journey's expression its frame).
  void expr(ExprIndex e, size_t inputs, const std::string& what, bool optional = false) {
    if (optional && e == kNoExpr) return;
    require(e < p_.exprs.size(), what + " names an unknown expression");
    require(p_.exprs[e].inputCount <= inputs, what + " needs inputs it is not given");
  }

  void index(uint32_t i, size_t size, const std::string& what) {
    require(i < size, fmt::format("{} names an unknown entry {}", what, i));
  }

  // ---- declarations ------------------------------------------------------------------------

  void caps(const std::vector<CapIr>& caps, const std::string& where) {
    for (const CapIr& c : caps) {
      index(c.channel, p_.channels.size(), "a cap of " + where);
      expr(c.count, 0, "a cap of " + where);
      expr(c.window, 0, "a cap of " + where);
    }
  }

  void declarations() {
    for (const auto& [field, e] : p_.fieldDefaults) {
      record(field.first, "a field default");
      require(field.second < fieldCount(field.first), "a field default names an unknown field");
      expr(e, 0, "a field default");
    }
    for (const EventIr& e : p_.events) {
      record(e.record, "event " + e.name);
      require(e.type < p_.types.size(), "event " + e.name + " has an unknown type");
      require(e.timeField < fieldCount(e.record), "event " + e.name + " has no time field");
      expr(e.retain, 0, "event " + e.name, true);
    }
    for (const AudienceIr& a : p_.audiences) {
      expr(a.rule, 1, "audience " + a.name);
      require(a.readsHistory.size() == p_.events.size(), "audience " + a.name + " lacks its event table");
    }
    for (const ChannelIr& c : p_.channels) {
      expr(c.address, 1, "channel " + c.name, true);
      expr(c.consent, 1, "channel " + c.name, true);
    }
    for (const ActionIr& a : p_.actions) {
      record(a.response, "action " + a.name);
      for (const FieldValue& f : a.mock) expr(f.value, 0, "action " + a.name);
      expr(a.mockError, 0, "action " + a.name, true);
    }
    caps(p_.caps, "the program");
  }

  // ---- journeys ----------------------------------------------------------------------------

  void clockTime(int hour, int minute, int weekday, int firstWeekday, const std::string& what) {
    require(hour >= 0 && hour < 24 && minute >= 0 && minute < 60 && weekday >= firstWeekday && weekday < 7,
            what + " has an impossible time");
  }

  void entry(const JourneyIr& j, size_t frame) {
    const std::string what = "the entry of journey " + j.name;
    if (const auto* e = std::get_if<EventEntryIr>(&j.entry)) {
      index(e->event, p_.events.size(), what);
      expr(e->when, frame, what, true);
      if (j.entryFields) {
        for (const EntryFieldIr& f : *j.entryFields) {
          require(j.entrySlot != kNoSlot && f.slot < frame &&
                      f.field < fieldCount(p_.events[e->event].record),
                  what + " reads an entry field outside its frame or its event");
        }
      }
    } else if (const auto* e = std::get_if<AudienceEntryIr>(&j.entry)) {
      index(e->audience, p_.audiences.size(), what);
    } else if (const auto* e = std::get_if<ScheduledEntryIr>(&j.entry)) {
      index(e->audience, p_.audiences.size(), what);
      const ScheduleIr& s = e->schedule;
      clockTime(s.hour, s.minute, s.weekday, 0, what);
      expr(s.every, 0, what, s.kind != ScheduleIr::Kind::Every);
      expr(e->timezone, 0, what, true);
    } else if (const auto* e = std::get_if<AtEntryIr>(&j.entry)) {
      index(e->audience, p_.audiences.size(), what);
      expr(e->at, 0, what);
    }
  }

  void journey(const JourneyIr& j) {
    const std::string what = "journey " + j.name;
    size_t frame = j.frame.size();
    require(frame >= 1 && frame <= kMaxSlots, what + " has no frame");
    auto frameSlot = [&](uint32_t s) {
      require(s == kNoSlot || s < frame, what + " uses a slot outside its frame");
    };
    auto target = [&](StepIndex s) {
      require(s == kEndOfJourney || s < j.steps.size(), what + " jumps to an unknown step");
    };
    frameSlot(j.entrySlot);
    require(!j.entryFields || std::holds_alternative<EventEntryIr>(j.entry),
            what + " has entry fields but no entry event");
    entry(j, frame);
    expr(j.key, frame, what, true);
    expr(j.reentryAfter, frame, what, j.reentry != Reentry::After);
    for (const ExitOnIr& x : j.exitOn) {
      index(x.event, p_.events.size(), what);
      frameSlot(x.bindingSlot);
      expr(x.when, frame, what, true);
    }
    for (ExprIndex e : j.exitWhen) expr(e, frame, what);
    expr(j.timeout, frame, what, true);
    expr(j.timezone, frame, what, true);
    if (j.quietHours) {
      require(j.quietHours->fromMinute >= 0 && j.quietHours->fromMinute < 1440 &&
                  j.quietHours->toMinute >= 0 && j.quietHours->toMinute < 1440,
              what + " has impossible quiet hours");
    }
    caps(j.caps, what);
    target(j.start);
    for (const StepIr& s : j.steps) {
      target(s.next);
      step(s, what + " step " + s.location, frame, frameSlot, target);
    }
  }

  template <typename SlotCheck, typename TargetCheck>
  void step(const StepIr& s, const std::string& what, size_t frame, SlotCheck& frameSlot,
            TargetCheck& target) {
    auto fields = [&](const std::vector<FieldValue>& fs) {
      for (const FieldValue& f : fs) expr(f.value, frame, what);
    };
    std::visit(
        [&](const auto& k) {
          using T = std::decay_t<decltype(k)>;
          if constexpr (std::is_same_v<T, WaitIr>) {
            expr(k.duration, frame, what);
          } else if constexpr (std::is_same_v<T, WaitUntilIr>) {
            expr(k.at, frame, what);
          } else if constexpr (std::is_same_v<T, WaitUntilTimeIr>) {
            clockTime(k.hour, k.minute, k.weekday, -1, what);
          } else if constexpr (std::is_same_v<T, WaitForIr>) {
            for (const AwaitedIr& a : k.events) {
              index(a.event, p_.events.size(), what);
              frameSlot(a.bindingSlot);
              expr(a.when, frame, what, true);
              target(a.target);
            }
            expr(k.within, frame, what, true);
            target(k.timeoutTarget);
          } else if constexpr (std::is_same_v<T, BranchIr>) {
            expr(k.condition, frame, what);
            target(k.then);
            target(k.otherwise);
          } else if constexpr (std::is_same_v<T, SplitIr>) {
            for (const SplitArmIr& a : k.arms) target(a.target);
          } else if constexpr (std::is_same_v<T, SendIr>) {
            index(k.channel, p_.channels.size(), what);
            fields(k.payload);
          } else if constexpr (std::is_same_v<T, CallIr>) {
            index(k.action, p_.actions.size(), what);
            fields(k.args);
            frameSlot(k.resultSlot);
            target(k.onError);
          } else if constexpr (std::is_same_v<T, SetIr>) {
            expr(k.value, frame, what);
          } else if constexpr (std::is_same_v<T, LetIr>) {
            require(k.slot < frame, what + " uses a slot outside its frame");
            expr(k.value, frame, what);
          } else if constexpr (std::is_same_v<T, EmitIr>) {
            index(k.event, p_.events.size(), what);
            fields(k.fields);
          } else if constexpr (std::is_same_v<T, GotoIr>) {
            index(k.journey, p_.journeys.size(), what);
          }
        },
        s.kind);
  }

  const ProgramIr& p_;
  size_t sourceFiles_;
};

}  // namespace

void validateProgram(const ProgramIr& program, size_t sourceFiles) {
  Validator(program, sourceFiles).run();
}

}  // namespace journey::artifact
