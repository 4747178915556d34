#include "vm/runtime/runtime.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "absl/container/inlined_vector.h"

#include "compiler/codegen/constant_folder.h"
#include "compiler/ir/field_reads.h"
#include "vm/interp/value_fits_type.h"
#include "vm/runtime/audience_windows.h"
#include "vm/runtime/entry_binding.h"
#include "vm/runtime/local_time.h"
#include "vm/runtime/runtime_impl.h"
#include "vm/runtime/time_math.h"
#include "vm/value/json_string.h"
#include "vm/value/record.h"
#include "vm/value/short_text.h"
#include "vm/value/value_convert.h"

namespace journey::runtime {

namespace {

const ir::AudienceEntryIr* audienceEntry(const ir::JourneyIr& j) {
  return std::get_if<ir::AudienceEntryIr>(&j.entry);
}

}  // namespace

// ---- the host of evaluations ------------------------------------------------------------

Value RuntimeHost::now() { return Value::timestamp(rt_.clock.now()); }

Value RuntimeHost::inAudience(std::string_view name) {
  if (!profile_) return Value::error("inAudience() needs a profile");
  int a = rt_.audienceAnswers.find(name);
  if (a < 0) return Value::error("unknown audience `" + std::string(name) + "`");
  auto audience = static_cast<uint32_t>(a);
  return rt_.audienceAnswers.answer(audience,
                                    [&] { return rt_.audienceAnswer(audience, *profile_); });
}

Value RuntimeHost::history(std::string_view event, Duration window) {
  HistoryWindow w = inWindow(event, window);
  if (w.error.isError()) return w.error;
  return w.history->list(w.records, event);
}

Value RuntimeHost::historyCount(std::string_view event, Duration window) {
  HistoryWindow w = inWindow(event, window);
  if (w.error.isError()) return w.error;
  return Value::integer(static_cast<int64_t>(w.records.size()));
}

RuntimeHost::HistoryWindow RuntimeHost::inWindow(std::string_view event, Duration window) {
  if (!profile_) return {nullptr, {}, Value::error("history() needs a profile")};
  int e = rt_.eventsByName.find(event);
  if (e < 0) return {nullptr, {}, Value::error("unknown event `" + std::string(event) + "`")};
  Timestamp now = rt_.clock.now();
  Timestamp from = minusDuration(now, window);
  // Records older than `retain` are gone even when no newer one has trimmed them yet.
  Timestamp retained = minusDuration(now, rt_.retain[e]);
  if (from < retained) from = retained;
  static const History none;  // an event whose history is not kept: nothing reads it
  int32_t slot = rt_.historySlot[static_cast<size_t>(e)];
  const History& h = slot < 0 ? none : profile_->histories()[static_cast<size_t>(slot)];
  return {&h, h.between(from, now), {}};
}

// ---- set-up -----------------------------------------------------------------------------

Runtime::Impl::Impl(const ir::ProgramIr& program, ExpressionEngine& engine, Store& store,
                    Clock& clock, OutputSink& output, RuntimeOptions options, RunStats& stats)
    : program(program), engine(engine), store(store), clock(clock), output(output),
      options(options), stats(stats) {
  // The program's names and locations are written unchecked when none needs an escape.
  plainNames = true;
  auto plain = [&](std::string_view s) { plainNames = plainNames && !jsonStringNeedsEscape(s); };
  for (const ir::ChannelIr& c : program.channels) plain(c.name);
  for (const ir::AudienceIr& a : program.audiences) plain(a.name);
  for (const ir::JourneyIr& j : program.journeys) {
    plain(j.name);
    plain(j.entryLocation);
    for (const ir::StepIr& s : j.steps) {
      plain(s.location);
      if (const auto* send = std::get_if<ir::SendIr>(&s.kind)) plain(send->templateName);
    }
  }
  // Constant expressions (`wait 1h`, `timeout 30d`) take their folded value, the one both
  // engines would compute, without running an engine for each instance.
  codegen::ConstantFolder folder(program.pool);
  for (const ir::LoweredExpr& e : program.exprs) {
    std::optional<Value> folded = folder.value(e.root);
    isConstant.push_back(folded.has_value());
    constants.push_back(folded ? std::move(*folded) : Value());
    fieldPaths.push_back(fieldPathOf(program.pool, e, program.layouts));
    directCalls.push_back(directCallOf(program.pool, e, program.layouts));
  }
  for (const auto& [field, expr] : program.fieldDefaults) defaults.push_back(evalConstant(expr));
  for (const ir::ActionIr& a : program.actions) mocks.push_back(mockOutcome(a));
  for (const ir::JourneyIr& j : program.journeys) {
    std::vector<StepConstants>& steps = stepConstants.emplace_back(j.steps.size());
    for (size_t i = 0; i < j.steps.size(); ++i) {
      if (const auto* send = std::get_if<ir::SendIr>(&j.steps[i].kind)) {
        for (const ir::FieldValue& f : send->payload) {
          steps[i].fieldNames.push_back(Value::string(f.name));
        }
      }
      if (const auto* call = std::get_if<ir::CallIr>(&j.steps[i].kind)) {
        for (const ir::FieldValue& f : call->args) {
          std::string& key = steps[i].argumentKeys.emplace_back();
          appendJsonString(key, f.name);
          key += ": ";
        }
      }
      if (const auto* set = std::get_if<ir::SetIr>(&j.steps[i].kind)) {
        steps[i].setPath = "profile";
        for (const std::string& part : set->path) steps[i].setPath += "." + part;
        steps[i].setType = interp::typeAtPath(program.types, program.profileType, set->path);
      }
      if (const auto* emit = std::get_if<ir::EmitIr>(&j.steps[i].kind)) {
        const sema::RecordInfo& event =
            program.types.recordInfo(program.events[emit->event].record);
        for (const ir::FieldValue& f : emit->fields) {
          int field = event.find(f.name);
          steps[i].emitTypes.push_back(field < 0 ? program.types.dyn()
                                                 : event.fields[static_cast<size_t>(field)].type);
        }
      }
    }
  }
  sendCounts.assign(program.channels.size(), nullptr);
  for (const ir::EventIr& e : program.events) {
    Value d = e.retain == ir::kNoExpr ? Value() : evalConstant(e.retain);
    retain.push_back(d.kind() == ValueKind::Duration ? d.asDuration() : Duration{});
  }
  historyUse = ir::eventHistoryUse(program);
  if (options.keepEveryRetainedRecord) {
    historyUse.assign(program.events.size(), ir::HistoryUse::Records);
  }
  for (size_t e = 0; e < program.events.size(); ++e) {
    bool kept = retain[e] != Duration{} && historyUse[e] != ir::HistoryUse::None;
    historySlot.push_back(kept ? static_cast<int32_t>(historySlots++) : -1);
  }
  findAudienceReads();
  eventUses = findEventUses(program);
  audienceEntryJourneys.assign(program.audiences.size(), {});
  incrementalReadsOf.assign(program.audiences.size(), {});
  for (uint32_t j = 0; j < program.journeys.size(); ++j) {
    const ir::AudienceEntryIr* entry = audienceEntry(program.journeys[j]);
    if (entry && entry->audience < audienceEntryJourneys.size()) {
      audienceEntryJourneys[entry->audience].push_back(j);
    }
    auto* s = std::get_if<ir::ScheduledEntryIr>(&program.journeys[j].entry);
    if (s && s->incremental && s->audience < incrementalReadsOf.size()) {
      incrementalReadsOf[s->audience].push_back(j);
    }
  }
  for (size_t j = 0; j < program.journeys.size(); ++j) {
    for (size_t i = 0; i < program.journeys[j].steps.size(); ++i) {
      const auto* set = std::get_if<ir::SetIr>(&program.journeys[j].steps[i].kind);
      if (!set) continue;
      int field = set->path.empty() || !program.profileRecord
                      ? -1
                      : program.layouts[*program.profileRecord].find(set->path[0]);
      stepConstants[j][i].setAudiences =
          field < 0 ? allAudiences
                    : audiencesReadingField[static_cast<size_t>(field)] | audiencesAlways;
    }
  }
  channelCapped.assign(program.channels.size(), false);
  auto capRule = [&](const ir::CapIr& c, const ir::JourneyIr* j) -> std::optional<CapRule> {
    channelCapped[c.channel] = true;
    Value count = evalConstant(c.count);
    Value w = evalConstant(c.window);
    if (w.kind() == ValueKind::Duration && longestCapWindow < w.asDuration()) {
      longestCapWindow = w.asDuration();
    }
    if (count.kind() != ValueKind::Int || w.kind() != ValueKind::Duration) return std::nullopt;
    return CapRule{c.channel, count.asInt(), w.asDuration(),
                   "cap " + program.channels[c.channel].name + " " +
                       std::to_string(count.asInt()) + " per " + authorDuration(w.asDuration()) +
                       (j ? " in " + j->name : "")};
  };
  for (const ir::CapIr& c : program.caps) {
    if (std::optional<CapRule> rule = capRule(c, nullptr)) fileCaps.push_back(*rule);
  }
  for (const ir::JourneyIr& j : program.journeys) {
    Value timeout = j.timeout == ir::kNoExpr ? Value::duration(kDefaultTimeout)
                    : isConstant[j.timeout]  ? constants[j.timeout]
                                             : Value();
    constantTimeout.push_back(timeout.kind() == ValueKind::Duration
                                  ? std::optional<Duration>(timeout.asDuration())
                                  : std::nullopt);
    journeyCaps.emplace_back();
    for (const ir::CapIr& c : j.caps) {
      if (std::optional<CapRule> rule = capRule(c, &j)) journeyCaps.back().push_back(*rule);
    }
    // A window that evaluates without the instance's inputs is the same for every entry.
    std::optional<Duration> window;
    if (j.reentry == ir::Reentry::After) {
      std::vector<Value> frame(j.frame.size());
      Value w = eval(j.reentryAfter, frame.data(), nullptr);
      if (w.kind() == ValueKind::Duration) window = w.asDuration();
    }
    reentryWindow.push_back(window);
  }
}

Value Runtime::Impl::eval(ir::ExprIndex e, Value* inputs, ProfileState* profile) {
  if (isConstant[e]) return constants[e];
  if (const std::optional<FieldPath>& path = fieldPaths[e]; path && inputs) {
    // Slot 0 is the profile wherever there is one (lent to the frame below, for the engine).
    const Value& base = profile && path->slot == 0 ? profile->profile : inputs[path->slot];
    if (const Value* v = readFieldPath(*path, base)) return *v;
  }
  RuntimeHost host(*this, profile);
  stdlib::CallContext ctx{&host};
  if (const std::optional<DirectCall>& call = directCalls[e]; call && inputs) {
    const Value* lent = profile ? &profile->profile : nullptr;
    if (std::optional<Value> v = callDirectly(*call, inputs, lent, ctx)) return std::move(*v);
  }
  if (!profile || inputs == &profile->profile) return engine.evaluate(e, inputs, ctx);
  ProfileLoan loan(inputs, profile->profile);
  return engine.evaluate(e, inputs, ctx);
}

Value Runtime::Impl::fieldDefault(sema::RecordId record, size_t field) {
  return fieldDefaultIn(program, defaults, record, field);
}

Runtime::Runtime(const ir::ProgramIr& program, ExpressionEngine& engine, Store& store,
                 Clock& clock, OutputSink& output, RuntimeOptions options)
    : impl_(std::make_unique<Impl>(program, engine, store, clock, output, options, stats_)) {}

Runtime::~Runtime() = default;

Value Runtime::fieldDefault(sema::RecordId record, size_t field) {
  return impl_->fieldDefault(record, field);
}

void Runtime::addProfile(ProfileInput input) {
  if (ProfileState* existing = impl_->store.findProfile(input.id)) {
    existing->profile = std::move(input.profile);
    if (input.spanBytes) existing->profileBytes = input.spanBytes;
    return;
  }
  if (impl_->idsPlain && jsonStringNeedsEscape(input.id)) impl_->idsPlain = false;
  ProfileState& p = impl_->store.addProfile(input.id, std::move(input.profile), input.spanBytes);
  p.keepHistories(impl_->historySlots);
  p.member.reset(impl_->program.audiences.size());
  ++stats_.profiles;
}

void Runtime::start(Timestamp firstRecord) {
  Impl& rt = *impl_;
  rt.clock.advanceTo(firstRecord);
  rt.store.forEachProfile([&](ProfileState& p) { rt.reevaluateAudiences(p, true); });
  Timestamp justBefore = minusDuration(firstRecord, Duration{0, 1});
  for (uint32_t j = 0; j < rt.program.journeys.size(); ++j) {
    const ir::EntryIr& entry = rt.program.journeys[j].entry;
    if (std::holds_alternative<ir::ScheduledEntryIr>(entry)) {
      rt.scheduleNextTick(j, justBefore);
    } else if (auto* at = std::get_if<ir::AtEntryIr>(&entry)) {
      Value t = rt.evalConstant(at->at);
      if (t.kind() == ValueKind::Timestamp && !(t.asTimestamp() < firstRecord)) {
        rt.store.addTimer(Timer(t.asTimestamp(), Timer::Kind::ScheduleTick, j, clockRank(j)));
      }
    }
  }
}

std::string Runtime::unknownProfile(std::string_view id) {
  return "unknown profile \"" + std::string(id) + "\"";
}

std::optional<std::string> Runtime::apply(const EventInput& event) {
  Impl& rt = *impl_;
  // Profiles stay where they are: found before the timers fire, still there after.
  ProfileState* p = rt.store.findProfile(event.profile);
  if (!p) return unknownProfile(event.profile);
  rt.advanceClockTo(event.time);
  rt.beginInput();
  ++stats_.records;
  rt.handleEvent(*p, event.event, event.record);
  rt.drain();
  return std::nullopt;
}

std::optional<std::string> Runtime::refuses(const SetInput& set) {
  ProfileState* p = impl_->store.findProfile(set.profile);
  return missingAfterMerge(impl_->program, p ? &p->profile : nullptr, set.patch);
}

std::optional<std::string> Runtime::apply(const SetInput& set) {
  Impl& rt = *impl_;
  ProfileState* p = rt.store.findProfile(set.profile);
  if (auto missing = missingAfterMerge(rt.program, p ? &p->profile : nullptr, set.patch)) {
    return missing;
  }
  rt.advanceClockTo(set.time);
  rt.beginInput();
  ++stats_.records;
  if (!p) {
    addProfile({set.profile, set.patch});
    p = rt.store.findProfile(set.profile);
    rt.markDirty(p->ref, rt.allAudiences, false);  // its memberships are all to find
  } else {
    MergeSchema schema{rt.program, rt.defaultOf};
    p->profile = mergeProfile(std::move(p->profile), set.patch, &schema);
    rt.markDirty(p->ref, rt.audiencesChangedBy(set.patch), false);
  }
  rt.drain();
  return std::nullopt;
}

std::optional<std::string> Runtime::apply(const AudienceInput& change) {
  Impl& rt = *impl_;
  ProfileState* p = rt.store.findProfile(change.profile);
  if (!p) return unknownProfile(change.profile);
  rt.advanceClockTo(change.time);
  rt.beginInput();
  ++stats_.records;
  if (p->member[change.audience] != change.enter) {
    // Decided before the journeys it starts run: their `inAudience()` answers it.
    rt.store.setDecidedElsewhere(p->ref, change.audience, true);
    rt.changeMembership(*p, change.audience, change.enter, false);
    // The audiences that read it.
    AudienceSet readers;
    for (uint32_t r : rt.windows.readers[change.audience]) readers.add(r);
    if (!readers.empty()) rt.markDirty(p->ref, readers, false);
  }
  rt.drain();
  return std::nullopt;
}

bool Runtime::hasProfile(std::string_view id) const {
  return impl_->store.findProfile(id) != nullptr;
}

std::optional<Timestamp> Runtime::timeoutDeadline(const Instance& instance) const {
  return impl_->timeoutDeadline(instance);
}

std::unique_ptr<stdlib::Host> Runtime::hostFor(std::string_view id) {
  return std::make_unique<RuntimeHost>(*impl_, impl_->store.findProfile(id));
}

void Runtime::finish(Timestamp until) {
  impl_->advanceClockTo(until);
}

// ---- timers -----------------------------------------------------------------------------

void Runtime::Impl::advanceClockTo(Timestamp t) {
  while (const Timer* next = store.nextTimer()) {
    // A deadline saturated at the last instant is never (kNever), even for a record at it;
    // such timers are queued last.
    if (t < next->due() || next->due() == kNever) break;
    Timer timer = store.popTimer();
    clock.advanceTo(timer.due());
    input = inputOf(timer);
    fire(timer);
    drain();
  }
  clock.advanceTo(t);
}

void Runtime::Impl::fire(const Timer& timer) {
  switch (timer.kind) {
    case Timer::Kind::Resume: {
      Instance* inst = store.findInstance(timer.id);
      if (!inst || inst->wakeTimer != timer.sequence) return;
      const ir::StepIr& step = program.journeys[inst->journey].steps[inst->pc];
      ir::StepIndex next = step.next;
      if (auto* w = std::get_if<ir::WaitForIr>(&step.kind)) next = w->timeoutTarget;
      resume(*inst, next);
      return;
    }
    case Timer::Kind::Timeout:
      if (Instance* inst = store.findInstance(timer.id)) endInstance(*inst, "timeout", "");
      return;
    case Timer::Kind::HeldSend:
      deliverHeldSend(timer);
      return;
    case Timer::Kind::AudienceWindow: {
      ProfileState& p = store.profile(static_cast<ProfileRef>(timer.id));
      if (p.windowDue() != timer.due()) return;  // replaced by an earlier one
      beginInput();  // the clock's own input, entering journeys as a record would
      p.setWindowDue(kNoWindowDue);
      AudienceSet changed = audiencesWithWindowLeftAt(p, timer.due());
      reevaluateAudiences(p, false, -1, &changed);
      scheduleWindowRecheck(p);
      drain();
      return;
    }
    case Timer::Kind::ScheduleTick:
      // Schedules due at the same instant tick together, in declaration order (ties go by
      // declaration order, whenever each timer was set); the others' timers then find their
      // tick done.
      if (store.lastTick(static_cast<uint32_t>(timer.id)) == timer.due()) return;
      for (uint32_t j = 0; j < program.journeys.size(); ++j) {
        if (j == timer.id || (store.lastTick(j) != timer.due() && ticksAt(j, timer.due()))) {
          tick(j, timer.due());
        }
      }
      return;
  }
}

// ---- records ----------------------------------------------------------------------------

void Runtime::Impl::appendHistory(ProfileState& p, uint32_t event, const Value& record) {
  if (historySlot[event] < 0) return;
  Duration keep = retain[event];
  History& h = p.histories()[static_cast<size_t>(historySlot[event])];
  Timestamp at = record.asRecord().field(program.events[event].timeField).asTimestamp();
  h.append(at, record, historyUse[event] == ir::HistoryUse::Records);
  // Trim what has fallen out of the retention window.
  Timestamp oldest = minusDuration(clock.now(), keep);
  while (!h.empty() && !(oldest < h.time(0))) h.dropOldest();
  if (windowedEvent[event]) {
    // The event is the newest in its windows: it leaves them last, or first when they were
    // empty. Only that can move the profile's next window change earlier.
    Timestamp out = plusDuration(at, shortestWindow[event]);
    if (out < p.windowDue()) {
      p.setWindowDue(out);
      // At a fixed delay from the clock (records come in time order): a lane, not the heap.
      Duration delay = at == clock.now() ? shortestWindow[event] : Duration{};
      store.addTimer(Timer(out, Timer::Kind::AudienceWindow, p.ref, clockRank()), delay);
    }
  }
}

void Runtime::Impl::handleEvent(ProfileState& p, uint32_t event, const Value& record) {
  fireQueuedInstantTimersOf(p);
  appendHistory(p, event, record);
  // The instances that see the event are those active before it: not those its audience
  // changes start, which begin after it. A copy also because instances end (or others start)
  // meanwhile. Few, so kept inline.
  absl::InlinedVector<InstanceId, 8> ids;
  if (eventUses[event].instancesReact) ids.assign(p.instances.begin(), p.instances.end());
  reevaluateAudiences(p, false, static_cast<int>(event));
  // The profile's instances see the event: `exit on` before `wait for`.
  if (eventUses[event].instancesReact) {
    for (InstanceId id : ids) {
      Instance* inst = store.findInstance(id);
      if (!inst) continue;
      if (exitOnMatches(*inst, event, record)) endInstance(*inst, "exit", "");
    }
    for (InstanceId id : ids) {
      Instance* inst = store.findInstance(id);
      if (inst && inst->wait == WaitKind::Events) offerEvent(*inst, event, record);
    }
  }
  for (const EventEntry& entry : eventUses[event].entries) enter(entry.journey, p, &record, true);
}

void Runtime::Impl::fireQueuedInstantTimersOf(ProfileState& p) {
  // Work queued at the instant of the timer that ran its step (an emitted event, an audience
  // change after a `set`) comes while the instant's other timers may still be queued: the
  // profile's own fire first (its instances' and its held sends'), as before an input record
  // of that time.
  if (chain == 0) return;
  fireDueTimers([&](const std::function<void(const Timer&)>& visit) {
    store.forEachDueTimerOf(p.ref, clock.now(), visit);
  });
}

void Runtime::Impl::fireDueTimersOfKey(uint32_t journey, std::string_view key) {
  // The key's instance, of whichever profile: its timers are among those its profile's index
  // lists.
  std::optional<InstanceId> id = store.activeInstance(journey, key);
  const Instance* inst = id ? store.findInstance(*id) : nullptr;
  if (!inst) return;
  const ProfileRef owner = inst->profile;
  fireDueTimers([&](const std::function<void(const Timer&)>& visit) {
    store.forEachDueTimerOf(owner, clock.now(), [&](const Timer& t) {
      if (t.kind != Timer::Kind::HeldSend && t.id == *id) visit(t);
    });
  });
}

void Runtime::Impl::fireDueTimers(
    absl::FunctionRef<void(const std::function<void(const Timer&)>&)> candidates) {
  const Timer* next = store.nextTimer();
  if (!next || clock.now() < next->due()) return;  // all fired: an input record's case
  std::vector<Timer> due;
  candidates([&](const Timer& t) {
    bool ofInstance = t.kind == Timer::Kind::Resume || t.kind == Timer::Kind::Timeout;
    if ((ofInstance || t.kind == Timer::Kind::HeldSend) && t.due() != kNever) {
      due.push_back(t);
    }
  });
  std::sort(due.begin(), due.end(), firesBefore);
  // Each stays queued, and finds its instance gone or resumed, or its send delivered, when
  // it is taken.
  uint64_t handled = input;
  for (const Timer& t : due) {
    input = inputOf(t);
    fire(t);
  }
  input = handled;
}

void Runtime::Impl::markDirty(ProfileRef profile, const AudienceSet& audiences, bool byStep) {
  int link = byStep ? chain + 1 : chain;
  for (DirtyProfile& d : dirtyProfiles) {
    if (d.profile == profile) {
      d.audiences |= audiences;
      d.chain = std::max(d.chain, link);
      return;
    }
  }
  dirtyProfiles.push_back({profile, audiences, link});
}

void Runtime::Impl::findAudienceReads() {
  size_t count = program.audiences.size();
  windows = findAudienceWindows(program);
  windowedEvent.assign(program.events.size(), false);
  allAudiences = AudienceSet::all(count);
  eventAudiences.assign(program.events.size(), AudienceSet{});
  shortestWindow.assign(program.events.size(), Duration{});
  evaluateAlways.assign(count, true);
  size_t fields = program.profileRecord ? program.layouts[*program.profileRecord].fieldCount() : 0;
  audiencesReadingField.assign(fields, AudienceSet{});
  ir::AudienceRules rules(program);
  std::map<std::tuple<uint32_t, int64_t, int32_t>, size_t> windowPlace;  // in distinctWindows
  for (size_t a = 0; a < count; ++a) {
    const ir::AudienceIr& audience = program.audiences[a];
    evaluateAlways[a] = audience.readsClock || windows.unknown[a];
    // The windows as history() sees them: none over an event whose history is not kept (it is
    // always empty), none longer than the event is retained.
    std::erase_if(windows.windows[a],
                  [&](const AudienceWindow& w) { return historySlot[w.event] < 0; });
    for (AudienceWindow& w : windows.windows[a]) {
      w.length = std::min(w.length, retain[w.event]);
      if (!windowedEvent[w.event] || w.length < shortestWindow[w.event]) {
        shortestWindow[w.event] = w.length;
      }
      windowedEvent[w.event] = true;
    }
    if (evaluateAlways[a]) audiencesAlways.add(a);
    if (!windows.windows[a].empty()) windowedAudiences.add(a);
    for (const AudienceWindow& w : windows.windows[a]) {
      auto [at, added] =
          windowPlace.try_emplace({w.event, w.length.seconds, w.length.nanos},
                                  distinctWindows.size());
      if (added) distinctWindows.push_back({w, AudienceSet{}});
      distinctWindows[at->second].audiences.add(a);
    }
    for (size_t e = 0; e < program.events.size(); ++e) {
      if (evaluateAlways[a] || audience.readsHistory[e]) eventAudiences[e].add(a);
    }
    ir::FieldReads reads = ir::profileReads(program, {audience.rule}, &rules);
    for (size_t f = 0; f < fields; ++f) {
      if (audience.rule == ir::kNoExpr || reads[*program.profileRecord][f]) {
        audiencesReadingField[f].add(a);
      }
    }
  }
  windowedClockAudiences = windowedAudiences;
  windowedClockAudiences &= audiencesAlways;
}

AudienceSet Runtime::Impl::audiencesChangedBy(const Value& patch) const {
  if (patch.kind() != ValueKind::Record) return allAudiences;
  RecordView given = patch.asRecord();
  AudienceSet audiences = audiencesAlways;
  for (size_t f = 0; f < given.fieldCount() && f < audiencesReadingField.size(); ++f) {
    if (given.has(f)) audiences |= audiencesReadingField[f];
  }
  return audiences;
}

AudienceSet Runtime::Impl::audiencesWithWindowLeftAt(const ProfileState& p,
                                                     Timestamp now) const {
  AudienceSet changed = windowedClockAudiences;
  for (const SharedWindow& d : distinctWindows) {
    const History& h = p.histories()[static_cast<size_t>(historySlot[d.window.event])];
    if (h.empty()) continue;  // most of a program's events, for most profiles
    // An event at exactly now - D has just left (now - D, now].
    Timestamp left = minusDuration(now, d.window.length);
    if (!h.between(minusDuration(left, Duration{0, 1}), left).empty()) changed |= d.audiences;
  }
  return changed;
}

void Runtime::Impl::scheduleWindowRecheck(ProfileState& p) {
  Timestamp now = clock.now();
  Timestamp next = kNoWindowDue;
  for (const SharedWindow& d : distinctWindows) {
    const AudienceWindow& w = d.window;
    const History& h = p.histories()[static_cast<size_t>(historySlot[w.event])];
    if (h.empty()) continue;
    History::Span span = h.between(minusDuration(now, w.length), now);
    if (span.empty()) continue;
    // At its time plus the length the oldest event is out: the window is (now - D, now].
    Timestamp out = plusDuration(h.time(span.begin), w.length);
    if (out < next) next = out;
  }
  // A set windowDue is always ahead of the clock: its timer resets it when it fires.
  if (!(next < p.windowDue())) return;  // none, or one is set for then or earlier
  p.setWindowDue(next);
  store.addTimer(Timer(next, Timer::Kind::AudienceWindow, p.ref, clockRank()));
}

void Runtime::Impl::drainQueued() {
  draining = true;  // a drain asked for meanwhile leaves the queues to this one
  while (!dirtyProfiles.empty() || !pendingEvents.empty()) {
    if (!dirtyProfiles.empty()) {
      DirtyProfile dirty = std::move(dirtyProfiles.front());
      dirtyProfiles.erase(dirtyProfiles.begin());
      chain = dirty.chain;
      ProfileState& p = store.profile(dirty.profile);
      fireQueuedInstantTimersOf(p);
      reevaluateAudiences(p, false, -1, &dirty.audiences);
      chain = 0;
      continue;
    }
    PendingEvent e = std::move(pendingEvents.front());
    pendingEvents.pop_front();
    chain = e.chain;
    handleEvent(store.profile(e.profile), e.event, e.record);
    chain = 0;
  }
  draining = false;
}

// ---- audiences --------------------------------------------------------------------------

void Runtime::Impl::reevaluateAudiences(ProfileState& p, bool silent, int event,
                                        const AudienceSet* audiences) {
  size_t count = program.audiences.size();
  const AudienceSet& changed = event >= 0    ? eventAudiences[static_cast<size_t>(event)]
                               : audiences ? *audiences
                                           : allAudiences;
  if (changed.empty()) return;  // nothing any rule reads has changed
  // The rules evaluated now take back memberships decided elsewhere, all of them before any
  // rule runs: a rule that reads another (`inAudience`) gets that one's new answer.
  if (store.anyDecidedElsewhere()) {
    changed.forEach([&](size_t a) {
      if (a < count) store.setDecidedElsewhere(p.ref, static_cast<uint32_t>(a), false);
    });
  }
  // All memberships first, then the changes in declaration order: an entry started by one
  // change must not see the others half-applied. Only the rules that may have changed are
  // looked at, so a record that changes one of hundreds costs one.
  struct Answer {
    uint32_t audience;
    bool member;
  };
  absl::InlinedVector<Answer, 8> changes;
  changed.forEach([&](size_t a) {
    if (a >= count) return;
    Value v = eval(program.audiences[a].rule, &p.profile, &p);
    bool member = v.kind() == ValueKind::Bool && v.asBool();
    if (p.member[a] != member) changes.push_back({static_cast<uint32_t>(a), member});
  });
  for (const Answer& c : changes) {
    if (p.member[c.audience] != c.member) changeMembership(p, c.audience, c.member, silent);
  }
}

Value Runtime::Impl::audienceAnswer(uint32_t a, ProfileState& p) {
  if (store.anyDecidedElsewhere() && store.decidedElsewhere(p.ref, a)) {
    return Value::boolean(p.member[a]);
  }
  // A rule that fails means "not a member" (docs/language.md), for `inAudience` as for entries.
  Value v = eval(program.audiences[a].rule, &p.profile, &p);
  return Value::boolean(v.kind() == ValueKind::Bool && v.asBool());
}

void Runtime::Impl::changeMembership(ProfileState& p, uint32_t a, bool member, bool silent) {
  p.member.set(a, member);
  if (!member) {
    // Left: an `incremental` read enters it again once it is back.
    for (uint32_t j : incrementalReadsOf[a]) store.forgetTickMember(j, p.ref);
  }
  if (silent) return;
  RecordLine l = line("audience");
  profileText(l, p.id);
  programText(l, "audience", program.audiences[a].name)
      .plainText("change", member ? "enter" : "exit");
  write(l);
  for (uint32_t j : audienceEntryJourneys[a]) {
    if (audienceEntry(program.journeys[j])->onExit == !member) enter(j, p, nullptr, false);
  }
}

// ---- schedules --------------------------------------------------------------------------

std::optional<Timestamp> Runtime::Impl::nextTickAfter(uint32_t journey, Timestamp after) {
  auto* entry = std::get_if<ir::ScheduledEntryIr>(&program.journeys[journey].entry);
  if (!entry) return std::nullopt;
  Schedule s;
  s.kind = entry->schedule.kind;
  s.weekday = entry->schedule.weekday;
  s.hour = entry->schedule.hour;
  s.minute = entry->schedule.minute;
  s.cron = entry->schedule.cron;
  if (entry->schedule.every != ir::kNoExpr) {
    Value every = evalConstant(entry->schedule.every);
    // The checker's bound, for an artifact that bypassed it: no tick rather than endless ones.
    if (every.kind() != ValueKind::Duration ||
        every.asDuration() < Duration{ir::ScheduleIr::kShortestPeriodSeconds, 0}) {
      return std::nullopt;
    }
    s.every = every.asDuration();
  }
  TimeZone zone = TimeZone::utc();
  if (entry->timezone != ir::kNoExpr) {
    Value name = evalConstant(entry->timezone);
    if (name.kind() != ValueKind::String) return std::nullopt;
    std::optional<TimeZone> found = TimeZone::find(name.asString());
    if (!found) return std::nullopt;  // the checker reports unknown constant zones
    zone = *found;
  } else if (const ir::JourneyIr& j = program.journeys[journey]; j.timezone != ir::kNoExpr) {
    // No `in`: the journey's `timezone` when it is a constant string, otherwise UTC (one tick
    // serves every profile). Evaluated without a profile or bindings, a per-profile zone fails.
    std::vector<Value> frame(j.frame.size());
    Value name = eval(j.timezone, frame.data(), nullptr);
    if (name.kind() == ValueKind::String) {
      if (std::optional<TimeZone> found = TimeZone::find(name.asString())) zone = *found;
    }
  }
  return nextTick(s, after, zone);
}

void Runtime::Impl::scheduleNextTick(uint32_t journey, Timestamp after) {
  std::optional<Timestamp> next = nextTickAfter(journey, after);
  if (!next) return;
  store.addTimer(Timer(*next, Timer::Kind::ScheduleTick, journey, clockRank(journey)));
}

bool Runtime::Impl::ticksAt(uint32_t journey, Timestamp t) {
  if (auto* at = std::get_if<ir::AtEntryIr>(&program.journeys[journey].entry)) {
    Value v = evalConstant(at->at);
    return v.kind() == ValueKind::Timestamp && v.asTimestamp() == t;
  }
  return nextTickAfter(journey, minusDuration(t, Duration{0, 1})) == t;
}

void Runtime::Impl::tick(uint32_t journey, Timestamp at) {
  beginInput();  // a tick is an input of its own, entering profiles in their input order
  const ir::EntryIr& entry = program.journeys[journey].entry;
  uint32_t audience = 0;
  bool incremental = false;
  if (auto* s = std::get_if<ir::ScheduledEntryIr>(&entry)) {
    audience = s->audience;
    incremental = s->incremental;
  } else if (auto* a = std::get_if<ir::AtEntryIr>(&entry)) {
    audience = a->audience;
  }
  // A scheduled read evaluates the audience for every profile at the tick (its rule may
  // depend on `now()`), or takes a membership decided elsewhere; it does not change the
  // streaming memberships.
  std::optional<Timestamp> previous = store.lastTick(journey);
  std::vector<ProfileRef> members, entering;
  store.forEachProfile([&](ProfileState& p) {
    Value v = audienceAnswer(audience, p);
    if (v.kind() != ValueKind::Bool || !v.asBool()) return;
    members.push_back(p.ref);
    // `incremental`: after the first tick, those who were not members at the previous tick,
    // or who left (and came back) since: leaving takes them off that tick's members.
    if (incremental && previous && store.memberAtLastTick(journey, p.ref)) return;
    entering.push_back(p.ref);
  });
  store.setLastTick(journey, at, std::move(members));
  // Each entry looks its key up in a table larger than the cache: when the key is the
  // profile's id, it is loaded a few entries ahead.
  constexpr size_t kKeysAhead = 4;
  const bool keyedById = program.journeys[journey].key == ir::kNoExpr;
  for (size_t i = 0; i < entering.size(); ++i) {
    if (keyedById && i + kKeysAhead < entering.size()) {
      store.prefetchJourneyKey(journey, store.profile(entering[i + kKeysAhead]).id);
    }
    enter(journey, store.profile(entering[i]), nullptr, false);
    drain();
  }
  if (std::holds_alternative<ir::ScheduledEntryIr>(entry)) scheduleNextTick(journey, at);
}

// ---- entries ----------------------------------------------------------------------------

namespace {

// A key as text: a string, or an integer in decimal. Any other value (a `dyn` that the checker
// could not type, E0417) is an error.
Value keyText(Value v) {
  if (v.isError()) return v;
  switch (v.kind()) {
    case ValueKind::String: return v;
    case ValueKind::Int: return Value::string(std::to_string(v.asInt()));
    case ValueKind::Uint: return Value::string(std::to_string(v.asUint()));
    default:
      return Value::error("a key is a `string`, an `int` or a `uint`, not `" +
                          std::string(shownTypeName(v)) + "`");
  }
}

}  // namespace

void Runtime::Impl::enter(uint32_t journey, ProfileState& p, const Value* entryEvent,
                          bool checkWhen) {
  const ir::JourneyIr& j = program.journeys[journey];
  Frame frame(static_cast<uint32_t>(j.frame.size()));
  if (entryEvent) bindEntryEvent(program, j, *entryEvent, frame.data());
  const auto* eventEntry = std::get_if<ir::EventEntryIr>(&j.entry);
  if (checkWhen && eventEntry && eventEntry->when != ir::kNoExpr) {
    Value when = eval(eventEntry->when, frame.data(), &p);
    if (when.kind() != ValueKind::Bool || !when.asBool()) return;
  }

  auto skipped = [&](std::string_view key, const std::string& reason) {
    RecordLine l = line("skipped");
    profileText(programText(l, "journey", j.name), p.id).text("key", key);
    programText(l, "step", j.entryLocation).text("reason", reason);
    write(l);
    ++stats.skipped;
  };
  // The key as a string (null: the profile's id), and as text to look it up.
  Value keyValue;
  if (j.key != ir::kNoExpr) {
    keyValue = keyText(eval(j.key, frame.data(), &p));
    if (keyValue.isError()) return skipped("", "error: " + std::string(keyValue.errorMessage()));
  }
  const std::string_view key = keyValue.isNull() ? std::string_view(p.id) : keyValue.asString();
  // The last entry is written when an instance ends: while one is active, the key is skipped
  // before the previous one is read.
  if (store.hasActiveInstance(journey, key)) {
    // Work queued at a timer's instant: the key's instance, of any profile, may end then.
    if (chain > 0) fireDueTimersOfKey(journey, key);
    if (store.hasActiveInstance(journey, key)) return skipped(key, "active");
  }
  if (std::optional<Timestamp> last = store.lastEntry(journey, key)) {
    if (j.reentry == ir::Reentry::Never) return skipped(key, "reentry never");
    if (j.reentry == ir::Reentry::After) {
      Value after = eval(j.reentryAfter, frame.data(), &p);
      if (after.kind() == ValueKind::Duration &&
          clock.now() < plusDuration(*last, after.asDuration())) {
        return skipped(key, "reentry after " + authorDuration(after.asDuration()));
      }
    }
  }

  Instance fresh;
  fresh.journey = journey;
  fresh.profile = p.ref;
  fresh.keyPlain = !keyValue.isNull() && !jsonStringNeedsEscape(keyValue.asString());
  fresh.key = std::move(keyValue);
  fresh.pc = j.start;
  fresh.frame = std::move(frame);
  // A constant timeout is queued only when a wait could last until it (armWait); another is
  // evaluated for this entry and queued now.
  Duration timeout = kDefaultTimeout;
  if (!constantTimeout[journey] && j.timeout != ir::kNoExpr) {
    Value t = eval(j.timeout, fresh.frame.data(), &p);
    if (t.kind() == ValueKind::Duration) timeout = t.asDuration();
  }
  fresh.setEntered(clock.now());
  fresh.rank = timerRank(input, journey);
  Instance& inst = store.addInstance(std::move(fresh));
  InstanceId id = inst.id;
  rememberInstance(p, id);
  ++stats.entered;
  RecordLine l = instanceLine("enter", inst);
  write(l);
  if (constantTimeout[journey]) {
    inst.timeoutTimer = store.reserveTimerSequence();
  } else {
    Timer timer(plusDuration(clock.now(), timeout), Timer::Kind::Timeout, id, inst.rank);
    store.addTimer(timer, timeout);
  }

  if (exitWhenHolds(inst, "")) return;
  run(id);
}

void Runtime::Impl::noteEntry(uint32_t journey, std::string_view key, Timestamp entered) {
  // `reentry always` never looks at the last entry.
  if (program.journeys[journey].reentry == ir::Reentry::Always) return;
  store.setLastEntry(journey, key, entered);
  // Clean up each time the store has doubled since the last clean-up: amortised O(1).
  if (store.lastEntryCount() < 2 * std::max<size_t>(lastEntriesAfterCleanUp, 1024)) return;
  for (uint32_t j = 0; j < program.journeys.size(); ++j) {
    if (!reentryWindow[j]) continue;
    store.forgetEntriesBefore(j, minusDuration(clock.now(), *reentryWindow[j]));
  }
  lastEntriesAfterCleanUp = store.lastEntryCount();
}

// ---- output -----------------------------------------------------------------------------

RecordLine Runtime::Impl::line(std::string_view kind) { return RecordLine(clock.now(), kind); }

RecordLine Runtime::Impl::instanceLine(std::string_view kind, const Instance& instance,
                                       std::string_view step) {
  // Every record names a place: the step, else the step the instance is at, else its entry.
  const ir::JourneyIr& j = program.journeys[instance.journey];
  std::string_view where = !step.empty()                       ? step
                           : instance.at != ir::kEndOfJourney ? j.steps[instance.at].location
                                                               : j.entryLocation;
  RecordLine l = line(kind);
  keyField(profileText(programText(l, "journey", j.name), store.profile(instance.profile).id),
           keyOf(instance), keyPlain(instance));
  programText(l, "step", where);
  return l;
}

void Runtime::Impl::write(RecordLine& line) { output.write(line.done()); }

void Runtime::Impl::traceLine(const Instance& instance, const std::string& what) {
  std::string text = formatTimestamp(clock.now()) + " " + program.journeys[instance.journey].name +
                     " " + std::string(store.profile(instance.profile).id.view()) + " [" +
                     std::string(keyOf(instance)) + "] " + what;
  options.trace->write(text);
}

}  // namespace journey::runtime
