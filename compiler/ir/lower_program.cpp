#include "compiler/ir/lower_program.h"

#include <algorithm>
#include <string_view>
#include <unordered_map>

#include "compiler/ir/dependency_order.h"
#include "compiler/ir/entry_projection.h"
#include "compiler/ir/expr_nodes.h"
#include "compiler/ir/lower.h"

namespace journey::ir {

namespace {

constexpr const char* kProfile = "profile";

int indexOf(const auto& table, std::string_view name) {
  for (size_t i = 0; i < table.size(); ++i) {
    if (table[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

// Names to their index in one of the program's tables, filled as declareTables adds them
// (keyed by the AST's names, which outlive the lowering): a lookup by a scan of the table made
// a program of thousands of journeys, audiences or channels quadratic to lower.
class NameTable {
 public:
  void add(std::string_view name, size_t index) { at_.emplace(name, static_cast<int>(index)); }
  // -1 for a name not declared (the checker has reported it).
  int find(std::string_view name) const {
    auto it = at_.find(name);
    return it == at_.end() ? -1 : it->second;
  }
  // 0 for a name not declared, so that lowering a program with errors still goes on.
  uint32_t at(std::string_view name) const {
    return static_cast<uint32_t>(std::max(0, find(name)));
  }

 private:
  std::unordered_map<std::string_view, int> at_;
};

class ProgramLowerer {
 public:
  ProgramLowerer(const SourceManager& sources, const ast::Ast& ast,
                 const sema::CheckedProgram& program, ProgramIr& out)
      : sources_(sources), ast_(ast), program_(program), out_(out) {}

  void run() {
    out_.types = program_.types;
    out_.profileRecord = program_.symbols.profile;
    out_.profileType = program_.symbols.profile ? program_.symbols.profileType : out_.types.error();
    out_.layouts = RecordLayouts(program_, &ast_);
    Lowerer lowerer(ast_, program_, out_.layouts, out_.pool);
    lowerer_ = &lowerer;
    lowerFieldDefaults();
    for (const ast::Module& m : ast_.modules) {
      for (const ast::Decl& d : m.decls) declareTables(d);
    }
    for (const ast::Module& m : ast_.modules) {
      for (const ast::Decl& d : m.decls) fillTables(d);
    }
    findAudienceDependencies();
    lowerer_ = nullptr;
  }

 private:
  ExprIndex expr(ast::ExprId e, const InputNames& inputs) {
    if (e == ast::kNoExpr) return kNoExpr;
    out_.exprs.push_back(lowerer_->lowerRoot(e, inputs));
    return static_cast<ExprIndex>(out_.exprs.size() - 1);
  }
  ExprIndex profileExpr(ast::ExprId e) { return expr(e, profileInputs_); }
  ExprIndex constantExpr(ast::ExprId e) { return expr(e, noInputs_); }

  std::vector<FieldValue> fields(const std::vector<ast::FieldInit>& inits,
                                 const InputNames& inputs) {
    std::vector<FieldValue> out;
    for (const ast::FieldInit& f : inits) {
      out.push_back({f.field.text, expr(f.value, inputs), f.optional});
    }
    return out;
  }

  void lowerFieldDefaults() {
    for (size_t r = 0; r < out_.layouts.size(); ++r) {
      for (size_t f = 0; f < out_.layouts[r].fieldCount(); ++f) {
        ast::ExprId d = out_.layouts.fieldDefault(r, f);
        if (d != ast::kNoExpr) out_.fieldDefaults[{static_cast<sema::RecordId>(r), f}] = constantExpr(d);
      }
    }
  }

  // Names first, so that references between declarations resolve in any order.
  void declareTables(const ast::Decl& d) {
    if (auto* e = std::get_if<ast::EventDecl>(&d.kind)) {
      auto it = program_.symbols.events.find(e->name.text);
      if (it == program_.symbols.events.end() || it->second.decl != e) return;
      EventIr ev;
      ev.name = e->name.text;
      ev.record = it->second.record;
      ev.type = it->second.type;
      ev.timeField = static_cast<uint32_t>(out_.layouts[ev.record].find("time"));
      eventNames_.add(e->name.text, out_.events.size());
      out_.events.push_back(std::move(ev));
    } else if (auto* a = std::get_if<ast::AudienceDecl>(&d.kind)) {
      AudienceIr audience;
      audience.name = a->name.text;
      audienceNames_.add(a->name.text, out_.audiences.size());
      out_.audiences.push_back(std::move(audience));
    } else if (auto* c = std::get_if<ast::ChannelDecl>(&d.kind)) {
      channelNames_.add(c->name.text, out_.channels.size());
      out_.channels.push_back({c->name.text, kNoExpr, kNoExpr});
    } else if (auto* a = std::get_if<ast::ActionDecl>(&d.kind)) {
      ActionIr action;
      action.name = a->name.text;
      auto it = program_.symbols.actions.find(a->name.text);
      if (it != program_.symbols.actions.end()) {
        action.response = program_.types.get(it->second.response).record;
      }
      actionNames_.add(a->name.text, out_.actions.size());
      out_.actions.push_back(std::move(action));
    } else if (auto* j = std::get_if<ast::JourneyDecl>(&d.kind)) {
      JourneyIr journey;
      journey.name = j->name.text;
      journeyNames_.add(j->name.text, out_.journeys.size());
      out_.journeys.push_back(std::move(journey));
    }
  }

  void fillTables(const ast::Decl& d) {
    if (auto* e = std::get_if<ast::EventDecl>(&d.kind)) {
      int i = eventNames_.find(e->name.text);
      if (i >= 0) out_.events[i].retain = constantExpr(e->retain);
    } else if (auto* a = std::get_if<ast::AudienceDecl>(&d.kind)) {
      out_.audiences[audienceNames_.at(a->name.text)].rule = profileExpr(a->rule);
    } else if (auto* c = std::get_if<ast::ChannelDecl>(&d.kind)) {
      ChannelIr& channel = out_.channels[channelNames_.at(c->name.text)];
      channel.address = profileExpr(c->address);
      channel.consent = profileExpr(c->consent);
    } else if (auto* a = std::get_if<ast::ActionDecl>(&d.kind)) {
      ActionIr& action = out_.actions[actionNames_.at(a->name.text)];
      action.mock = fields(a->mock, noInputs_);
      action.mockError = constantExpr(a->mockError);
    } else if (auto* c = std::get_if<ast::CapDecl>(&d.kind)) {
      out_.caps.push_back(cap(*c));
    } else if (auto* j = std::get_if<ast::JourneyDecl>(&d.kind)) {
      uint32_t journey = journeyNames_.at(j->name.text);
      auto first = static_cast<ExprIndex>(out_.exprs.size());
      JourneyLowerer(*this, out_.journeys[journey]).run(*j);
      projectEntryFields(out_, journey, first, static_cast<ExprIndex>(out_.exprs.size()));
    }
  }

  // What each audience's membership depends on besides the profile, through the audiences it
  // reads too (the checker rules out cycles; a chain is bounded by the audience count).
  void findAudienceDependencies() {
    size_t events = out_.events.size();
    std::vector<std::vector<uint32_t>> reads(out_.audiences.size());
    for (size_t a = 0; a < out_.audiences.size(); ++a) {
      AudienceIr& audience = out_.audiences[a];
      audience.readsHistory.assign(events, false);
      if (audience.rule == kNoExpr) continue;
      for (NodeId id : nodesOf(out_.pool, out_.exprs[audience.rule].root)) {
        const Node& n = out_.pool[id];
        if (n.kind != NodeKind::Call) continue;
        const Value* named = n.kids.empty() || out_.pool[n.kids[0]].kind != NodeKind::Constant
                                 ? nullptr
                                 : &out_.pool.constants[out_.pool[n.kids[0]].index];
        if (n.name == "now") {
          audience.readsClock = true;
        } else if (n.name == "history" || n.name == "@historyCount") {
          int e = named && named->kind() == ValueKind::Type ? eventNames_.find(named->typeName())
                                                            : -1;
          if (e >= 0) {
            audience.readsHistory[e] = true;
          } else {
            audience.readsHistory.assign(events, true);  // not known statically: any event
          }
        } else if (n.name == "inAudience") {
          int other = named && named->kind() == ValueKind::String
                          ? audienceNames_.find(named->asString())
                          : -1;
          if (other >= 0) {
            reads[a].push_back(static_cast<uint32_t>(other));
          } else {
            audience.readsClock = true;  // not known statically: re-evaluate always
            audience.readsHistory.assign(events, true);
          }
        }
      }
    }
    for (uint32_t a : dependenciesFirst(reads)) {
      for (uint32_t other : reads[a]) {
        AudienceIr& to = out_.audiences[a];
        const AudienceIr& from = out_.audiences[other];
        to.readsClock = to.readsClock || from.readsClock;
        for (size_t e = 0; e < events; ++e) {
          to.readsHistory[e] = to.readsHistory[e] || from.readsHistory[e];
        }
      }
    }
  }

  CapIr cap(const ast::CapDecl& c) {
    CapIr out;
    out.channel = channelNames_.at(c.channel.text);
    out.count = constantExpr(c.count);
    out.window = constantExpr(c.window);
    return out;
  }

  // One journey: its frame, clauses and step graph.
  class JourneyLowerer {
   public:
    JourneyLowerer(ProgramLowerer& p, JourneyIr& j) : p_(p), j_(j) {}

    void run(const ast::JourneyDecl& decl) {
      // The frame: profile, the entry binding, every local; then one hidden slot per
      // `exit on ... as n` (its binding is visible to its own `when` only).
      slot(kProfile);
      for (const ast::Clause& c : decl.clauses) {
        if (auto* entry = std::get_if<ast::EntryClause>(&c.kind)) {
          if (auto* e = std::get_if<ast::EventEntry>(&entry->kind)) {
            j_.entrySlot = slot(e->binding ? e->binding->text : "event");
          }
        }
      }
      collectLocals(decl.steps);
      visible_ = InputNames(j_.frame);
      for (const ast::Clause& c : decl.clauses) clause(c);
      j_.start = block(decl.steps, kEndOfJourney);
    }

   private:
    uint32_t slot(const std::string& name) {
      auto [it, added] = slots_.try_emplace(name, static_cast<uint32_t>(j_.frame.size()));
      if (added) j_.frame.push_back(name);
      return it->second;
    }

    void collectLocals(const ast::Block& b) {
      for (const ast::Step& s : b) {
        if (auto* let = std::get_if<ast::LetStep>(&s.kind)) slot(let->name.text);
        if (auto* call = std::get_if<ast::CallStep>(&s.kind)) {
          if (call->binding) slot(call->binding->text);
          if (call->onError) collectLocals(*call->onError);
        }
        if (auto* w = std::get_if<ast::WaitForStep>(&s.kind)) {
          for (const ast::AwaitedEvent& e : w->events) {
            if (e.binding) slot(e.binding->text);
          }
          for (const ast::OnHandler& h : w->handlers) collectLocals(h.body);
          if (w->timeout) collectLocals(*w->timeout);
        }
        if (auto* i = std::get_if<ast::IfStep>(&s.kind)) {
          for (const ast::IfBranch& b2 : i->branches) collectLocals(b2.body);
          if (i->elseBody) collectLocals(*i->elseBody);
        }
        if (auto* sp = std::get_if<ast::SplitStep>(&s.kind)) {
          for (const ast::SplitArm& arm : sp->arms) collectLocals(arm.body);
        }
      }
    }

    ExprIndex expr(ast::ExprId e) { return p_.expr(e, visible_); }

    void clause(const ast::Clause& c) {
      std::visit(
          [&](const auto& k) {
            using T = std::decay_t<decltype(k)>;
            if constexpr (std::is_same_v<T, ast::EntryClause>) {
              j_.entry = entry(k.kind);
              j_.entryLocation = p_.sources_.location(c.range);
            } else if constexpr (std::is_same_v<T, ast::KeyClause>) {
              j_.key = expr(k.key);
            } else if constexpr (std::is_same_v<T, ast::ReentryClause>) {
              j_.reentry = k.kind == ast::ReentryClause::Kind::Never    ? Reentry::Never
                           : k.kind == ast::ReentryClause::Kind::After ? Reentry::After
                                                                        : Reentry::Always;
              j_.reentryAfter = expr(k.after);
            } else if constexpr (std::is_same_v<T, ast::ExitOnClause>) {
              ExitOnIr exit;
              exit.event = eventIndex(k.event.text);
              if (k.binding) {
                // A slot of its own, named only in the inputs of this `when`.
                InputNames inputs = visible_;
                inputs.push(k.binding->text);
                j_.frame.push_back("");
                visible_.push("");
                exit.bindingSlot = static_cast<uint32_t>(j_.frame.size() - 1);
                exit.when = p_.expr(k.when, inputs);
              } else {
                exit.when = expr(k.when);
              }
              j_.exitOn.push_back(exit);
            } else if constexpr (std::is_same_v<T, ast::ExitWhenClause>) {
              j_.exitWhen.push_back(expr(k.condition));
            } else if constexpr (std::is_same_v<T, ast::TimeoutClause>) {
              j_.timeout = expr(k.duration);
            } else if constexpr (std::is_same_v<T, ast::TimezoneClause>) {
              j_.timezone = expr(k.zone);
            } else if constexpr (std::is_same_v<T, ast::QuietHoursClause>) {
              j_.quietHours = QuietHoursIr{k.from.hour * 60 + k.from.minute,
                                           k.to.hour * 60 + k.to.minute, k.discard};
            } else if constexpr (std::is_same_v<T, ast::CapDecl>) {
              j_.caps.push_back(p_.cap(k));
            }
          },
          c.kind);
    }

    EntryIr entry(const ast::EntryKind& kind) {
      return std::visit(
          [&](const auto& e) -> EntryIr {
            using T = std::decay_t<decltype(e)>;
            if constexpr (std::is_same_v<T, ast::EventEntry>) {
              return EventEntryIr{eventIndex(e.event.text), expr(e.when)};
            } else if constexpr (std::is_same_v<T, ast::AudienceEntry>) {
              return AudienceEntryIr{audienceIndex(e.audience.text), e.onExit};
            } else if constexpr (std::is_same_v<T, ast::ScheduledEntry>) {
              ScheduledEntryIr s;
              s.schedule.kind = static_cast<ScheduleIr::Kind>(e.schedule.kind);
              s.schedule.weekday = static_cast<int>(e.schedule.weekday);
              s.schedule.hour = e.schedule.time.hour;
              s.schedule.minute = e.schedule.time.minute;
              s.schedule.every = p_.constantExpr(e.schedule.every);
              s.schedule.cron = e.schedule.cron;
              s.timezone = p_.constantExpr(e.timezone);
              s.audience = audienceIndex(e.audience.text);
              s.incremental = e.incremental;
              return s;
            } else {
              return AtEntryIr{p_.constantExpr(e.at), audienceIndex(e.audience.text)};
            }
          },
          kind);
    }

    uint32_t eventIndex(const std::string& name) const {
      return p_.eventNames_.at(name);
    }
    uint32_t audienceIndex(const std::string& name) const {
      return p_.audienceNames_.at(name);
    }

    StepIndex add(StepKindIr kind, StepIndex next, SourceRange where) {
      j_.steps.push_back({std::move(kind), next, p_.sources_.location(where)});
      return static_cast<StepIndex>(j_.steps.size() - 1);
    }

    // Lowered from the last step back, so each step's successor is known when it is made.
    StepIndex block(const ast::Block& b, StepIndex continuation) {
      StepIndex next = continuation;
      for (auto it = b.rbegin(); it != b.rend(); ++it) next = step(*it, next);
      return next;
    }

    StepIndex step(const ast::Step& s, StepIndex next) {
      return std::visit(
          [&](const auto& k) -> StepIndex {
            using T = std::decay_t<decltype(k)>;
            if constexpr (std::is_same_v<T, ast::WaitStep>) {
              return add(WaitIr{expr(k.duration)}, next, s.range);
            } else if constexpr (std::is_same_v<T, ast::WaitUntilStep>) {
              return add(WaitUntilIr{expr(k.at)}, next, s.range);
            } else if constexpr (std::is_same_v<T, ast::WaitUntilTimeStep>) {
              int weekday = k.weekday ? static_cast<int>(*k.weekday) : -1;
              return add(WaitUntilTimeIr{k.time.hour, k.time.minute, weekday}, next, s.range);
            } else if constexpr (std::is_same_v<T, ast::WaitForStep>) {
              return waitFor(k, next, s.range);
            } else if constexpr (std::is_same_v<T, ast::IfStep>) {
              StepIndex otherwise = k.elseBody ? block(*k.elseBody, next) : next;
              for (auto it = k.branches.rbegin(); it != k.branches.rend(); ++it) {
                bool first = it + 1 == k.branches.rend();
                otherwise = add(BranchIr{expr(it->condition), block(it->body, next), otherwise},
                                next, first ? s.range : it->range);
              }
              return otherwise;
            } else if constexpr (std::is_same_v<T, ast::SplitStep>) {
              SplitIr split{k.name, {}};
              for (const ast::SplitArm& arm : k.arms) {
                split.arms.push_back({arm.percent, block(arm.body, next)});
              }
              return add(std::move(split), next, s.range);
            } else if constexpr (std::is_same_v<T, ast::SendStep>) {
              SendIr send;
              send.channel = p_.channelNames_.at(k.channel.text);
              send.templateName = k.templateName;
              send.payload = p_.fields(k.payload, visible_);
              return add(std::move(send), next, s.range);
            } else if constexpr (std::is_same_v<T, ast::CallStep>) {
              CallIr call;
              call.action = p_.actionNames_.at(k.action.text);
              call.args = p_.fields(k.args, visible_);
              if (k.binding) call.resultSlot = slot(k.binding->text);
              if (k.onError) {
                call.hasOnError = true;
                call.onError = block(*k.onError, next);
              }
              return add(std::move(call), next, s.range);
            } else if constexpr (std::is_same_v<T, ast::SetStep>) {
              SetIr set;
              for (size_t i = 1; i < k.path.size(); ++i) set.path.push_back(k.path[i].text);
              set.value = expr(k.value);
              return add(std::move(set), next, s.range);
            } else if constexpr (std::is_same_v<T, ast::LetStep>) {
              return add(LetIr{slot(k.name.text), expr(k.value)}, next, s.range);
            } else if constexpr (std::is_same_v<T, ast::EmitStep>) {
              return add(EmitIr{eventIndex(k.event.text), p_.fields(k.fields, visible_)}, next,
                         s.range);
            } else if constexpr (std::is_same_v<T, ast::GotoStep>) {
              return add(GotoIr{p_.journeyNames_.at(k.journey.text)}, next, s.range);
            } else {
              return add(EndIr{k.reason}, next, s.range);
            }
          },
          s.kind);
    }

    StepIndex waitFor(const ast::WaitForStep& w, StepIndex next, SourceRange where) {
      WaitForIr wait;
      for (const ast::AwaitedEvent& e : w.events) {
        AwaitedIr awaited;
        awaited.event = eventIndex(e.event.text);
        if (e.binding) awaited.bindingSlot = slot(e.binding->text);
        awaited.when = expr(e.when);
        // A handler names the binding, or the event when there is none.
        const std::string& handlerName = e.binding ? e.binding->text : e.event.text;
        awaited.target = next;
        for (const ast::OnHandler& h : w.handlers) {
          if (h.binding.text == handlerName) awaited.target = block(h.body, next);
        }
        wait.events.push_back(awaited);
      }
      wait.within = expr(w.within);
      wait.timeoutTarget = w.timeout ? block(*w.timeout, next) : next;
      return add(std::move(wait), next, where);
    }

    ProgramLowerer& p_;
    JourneyIr& j_;
    InputNames visible_;  // the frame's names as expressions see them
    std::unordered_map<std::string, uint32_t> slots_;  // the frame's named slots
  };

  const SourceManager& sources_;
  const ast::Ast& ast_;
  const sema::CheckedProgram& program_;
  ProgramIr& out_;
  NameTable eventNames_, audienceNames_, channelNames_, actionNames_, journeyNames_;
  Lowerer* lowerer_ = nullptr;
  const InputNames noInputs_, profileInputs_{{std::string(kProfile)}};
};

}  // namespace

int ProgramIr::findEvent(std::string_view name) const { return indexOf(events, name); }
int ProgramIr::findJourney(std::string_view name) const { return indexOf(journeys, name); }
int ProgramIr::findAudience(std::string_view name) const { return indexOf(audiences, name); }

ProgramIr lowerProgram(const SourceManager& sources, const ast::Ast& ast,
                       const sema::CheckedProgram& program) {
  ProgramIr out;
  ProgramLowerer(sources, ast, program, out).run();
  return out;
}

}  // namespace journey::ir
