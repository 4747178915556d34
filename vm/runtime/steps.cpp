// Running an instance: each step kind of LANGUAGE.md §4, with the rules of §5.
#include <algorithm>
#include <optional>
#include <string>

#include "vm/interp/value_fits_type.h"
#include "vm/runtime/local_time.h"
#include "vm/runtime/runtime_impl.h"
#include "vm/runtime/split_hash.h"
#include "vm/runtime/time_math.h"
#include "vm/value/plain_json.h"
#include "vm/value/printer.h"
#include "vm/value/record.h"
#include "vm/value/value_convert.h"
#include "vm/value/value_depth.h"

namespace journey::runtime {

namespace {

// `goto` chains (A goes to B goes to A …) end with an error instead of running forever.
constexpr int kMaxGotoChain = 100;
// The longest chain of emitted events and profile changes at one instant (Impl::chain), and
// the most of them one input record or timer may cause (Impl::caused): a step that would go
// past either fails.
constexpr int kMaxChain = 100;
constexpr int kMaxCaused = 10000;

// What a step's expression must give: for the message when a `dyn` value, which the checker
// could not judge, turns out to be something else.
const char* expectedBy(const ir::StepIr& step) {
  return std::visit(
      [](const auto& k) {
        using T = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<T, ir::BranchIr>) return "a bool condition";
        if constexpr (std::is_same_v<T, ir::WaitIr> || std::is_same_v<T, ir::WaitForIr>) {
          return "a duration";
        }
        if constexpr (std::is_same_v<T, ir::WaitUntilIr>) return "a timestamp";
        return "a value of another type";
      },
      step.kind);
}

// An error's message, or what was found where `step` expected another type.
std::string errorText(const Value& v, const ir::StepIr& step) {
  if (v.isError()) return std::string(v.errorMessage());
  return std::string("expected ") + expectedBy(step) + ", found " + toCelLiteral(v);
}


bool isTrue(const Value& v) { return v.kind() == ValueKind::Bool && v.asBool(); }

std::optional<Value> setPath(Value& record, const std::vector<std::string>& path, size_t at,
                             const Value& value);
// The place the first `count` names of a `set` path lead to, for a message: `profile.a.b`.
std::string placeOf(const std::vector<std::string>& path, size_t count) {
  std::string place = "profile";
  for (size_t i = 0; i < count && i < path.size(); ++i) place += "." + path[i];
  return place;
}

// Sets the entry of `map` at `path[at]` (a string key, as `profile.attributes.color` names it),
// or below it, as setPath does for a record's field. A map is copied whole: maps are small.
std::optional<Value> setEntry(Value& map, const std::vector<std::string>& path, size_t at,
                              const Value& value) {
  MapView view = map.asMap();
  std::vector<MapEntry> entries(view.entries().begin(), view.entries().end());
  auto entry = std::find_if(entries.begin(), entries.end(), [&](const MapEntry& e) {
    return e.key.kind() == ValueKind::String && e.key.asString() == path[at];
  });
  if (at + 1 < path.size()) {
    if (entry == entries.end()) {
      return Value::error("`" + placeOf(path, at) + "` has no entry `" + path[at] + "`");
    }
    if (std::optional<Value> failed = setPath(entry->value, path, at + 1, value)) return failed;
  } else if (value.kind() == ValueKind::Optional && !value.hasValue()) {
    if (entry != entries.end()) entries.erase(entry);
  } else {
    Value set = value.kind() == ValueKind::Optional ? value.optionalValue() : value;
    if (entry != entries.end()) {
      entry->value = std::move(set);
    } else {
      entries.push_back({Value::string(path[at]), std::move(set)});
    }
  }
  map = Value::map(std::move(entries));
  return std::nullopt;
}

// Sets the field of `record` at `path` to `value` (an empty optional removes it). Only what is
// shared is copied: the profile, which no instance holds, changes in place. Returns the error,
// if any, and then leaves `record` as it was.
std::optional<Value> setPath(Value& record, const std::vector<std::string>& path, size_t at,
                             const Value& value) {
  if (record.kind() == ValueKind::Map) return setEntry(record, path, at, value);
  if (record.kind() != ValueKind::Record) return Value::error("not a record or a map");
  RecordView r = record.asRecord();
  int index = r.layout().find(path[at]);
  if (index < 0) return Value::error("no such field `" + path[at] + "`");
  auto field = static_cast<size_t>(index);
  if (at + 1 == path.size()) {
    if (value.kind() != ValueKind::Optional) {
      record = withField(std::move(record), field, value);
    } else if (value.hasValue()) {
      record = withField(std::move(record), field, value.optionalValue());
    } else {
      record = withoutField(std::move(record), field);
    }
    return std::nullopt;
  }
  if (!r.has(field)) return Value::error("`" + placeOf(path, at + 1) + "` is absent");
  // Taken out while it changes, so that it is changed in place when only `record` held it.
  Value inner = r.field(field);
  record = withoutField(std::move(record), field);
  std::optional<Value> failed = setPath(inner, path, at + 1, value);
  record = withField(std::move(record), field, std::move(inner));
  return failed;
}

}  // namespace

std::optional<Value> Runtime::Impl::loopStopped() {
  const char* loop = " (journeys that start one another in a loop)";
  if (chain >= kMaxChain) {
    return Value::error("more than " + std::to_string(kMaxChain) +
                        " emitted events and profile changes at one instant, each caused by the "
                        "one before" + loop);
  }
  if (++caused > kMaxCaused) {
    return Value::error("more than " + std::to_string(kMaxCaused) +
                        " emitted events and profile changes at one instant, caused by one "
                        "input record or timer" + loop);
  }
  return std::nullopt;
}

bool Runtime::Impl::exitWhenHolds(Instance& instance, std::string_view step) {
  const ir::JourneyIr& j = program.journeys[instance.journey];
  if (j.exitWhen.empty()) return false;
  ProfileState& p = store.profile(instance.profile);
  for (ir::ExprIndex e : j.exitWhen) {
    Value v = eval(e, instance.frame.data(), &p);
    if (v.isError()) {
      endInstance(instance, "error: " + std::string(v.errorMessage()), step);
      return true;
    }
    if (isTrue(v)) {
      endInstance(instance, "exit", step);
      return true;
    }
  }
  return false;
}

void Runtime::Impl::endInstance(Instance& instance, std::string_view reason,
                                std::string_view step) {
  store.prefetchJourneyKey(instance.journey, keyOf(instance));  // loads while the line is built
  RecordLine l = instanceLine("exit", instance, step);
  l.text("reason", reason);
  write(l);
  ++endedCount(reason.substr(0, reason.find(':')));
  trace(instance, [&] { return "ends: " + std::string(reason); });
  if (reason == "exit") dropHeldSends(instance);
  forgetInstance(store.profile(instance.profile), instance.id);
  noteEntry(instance.journey, keyOf(instance), instance.entered());
  store.removeInstance(instance.id);
}

namespace {
// Up to this many, a profile's instances are a list an ended one is taken out of at once.
constexpr size_t kInstancesForgottenAtOnce = 64;
}  // namespace

// From a longer list (thousands of one profile's instances, each ending at its own timer),
// taking one out would move those after it each time: its id stays, stale, until the list
// is full, and is dropped then. Each id is thus moved a bounded number of times.
void Runtime::Impl::forgetInstance(ProfileState& p, InstanceId id) {
  auto& ids = p.instances;
  if (!ids.empty() && ids.back() == id) {
    ids.pop_back();
  } else if (ids.size() <= kInstancesForgottenAtOnce) {
    ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
  }
}

void Runtime::Impl::rememberInstance(ProfileState& p, InstanceId id) {
  auto& ids = p.instances;
  if (ids.size() == ids.capacity() && ids.size() > kInstancesForgottenAtOnce) {
    ids.erase(std::remove_if(ids.begin(), ids.end(),
                             [&](InstanceId i) { return store.findInstance(i) == nullptr; }),
              ids.end());
    // Room for as many again as are live, so the next pass is as far off as this one cost.
    ids.reserve(2 * ids.size());
  }
  ids.push_back(id);
}

uint64_t& Runtime::Impl::endedCount(std::string_view kind) {
  for (const auto& [known, count] : endedCounts) {
    if (known == kind) return *count;
  }
  uint64_t* count = &stats.ended[std::string(kind)];
  constexpr size_t kKindsKept = 16;  // `end "…"` reasons are the program's: a few
  if (endedCounts.size() < kKindsKept) endedCounts.emplace_back(std::string(kind), count);
  return *count;
}

void Runtime::Impl::armWait(Instance& instance, std::optional<Timestamp> wake, Duration delay) {
  instance.wakeTimer = 0;
  if (std::optional<Timestamp> deadline = timeoutDeadline(instance)) {
    // The timeout ends the instance first, even at the same time (its sequence, taken at
    // entry, is older than any the wait would get): the wait needs no timer of its own.
    if (!wake || !(*wake < *deadline)) {
      if (!instance.timeoutQueued) {
        store.queueTimer(Timer(*deadline, Timer::Kind::Timeout, instance.id, instance.rank),
                         instance.timeoutTimer);
        instance.timeoutQueued = true;
      }
      return;
    }
  }
  if (wake) {
    instance.wakeTimer =
        store.addTimer(Timer(*wake, Timer::Kind::Resume, instance.id, instance.rank), delay);
  }
}

std::optional<Timestamp> Runtime::Impl::timeoutDeadline(const Instance& instance) const {
  if (instance.timeoutTimer == 0) return std::nullopt;  // its timer was queued at entry
  return plusDuration(instance.entered(), *constantTimeout[instance.journey]);
}

std::optional<TimeZone> Runtime::Impl::journeyZone(Instance& instance, ProfileState* profile,
                                                   Value& why) {
  const ir::JourneyIr& j = program.journeys[instance.journey];
  if (j.timezone == ir::kNoExpr) return TimeZone::utc();
  Value name = eval(j.timezone, instance.frame.data(), profile);
  if (name.kind() != ValueKind::String) {
    why = name.isError() ? name : Value::error("the time zone is not a string");
    return std::nullopt;
  }
  std::optional<TimeZone> zone = TimeZone::find(name.asString());
  // Zone names are short: a runaway field is quoted in part, not copied into every exit line.
  if (!zone) why = Value::error("unknown time zone \"" + cutShort(name.asString(), 64) + "\"");
  return zone;
}

void Runtime::Impl::resume(Instance& instance, ir::StepIndex next) {
  // An exit after the wait names the wait's step.
  const std::string& waitStep = program.journeys[instance.journey].steps[instance.pc].location;
  instance.wait = WaitKind::None;
  instance.wakeTimer = 0;
  instance.pc = next;
  if (exitWhenHolds(instance, waitStep)) return;
  run(instance.id);
}

bool Runtime::Impl::exitOnMatches(Instance& instance, uint32_t event, const Value& record) {
  const ir::JourneyIr& j = program.journeys[instance.journey];
  ProfileState* p = &store.profile(instance.profile);
  for (const ir::ExitOnIr& exit : j.exitOn) {
    if (exit.event != event) continue;
    if (exit.when == ir::kNoExpr) return true;
    if (exit.bindingSlot != ir::kNoSlot) instance.frame[exit.bindingSlot] = record;
    Value v = eval(exit.when, instance.frame.data(), p);
    if (exit.bindingSlot != ir::kNoSlot) instance.frame[exit.bindingSlot] = Value();
    if (isTrue(v)) return true;  // an error is no match (docs/language.md, decision 17)
  }
  return false;
}

bool Runtime::Impl::offerEvent(Instance& instance, uint32_t event, const Value& record) {
  const ir::StepIr& step = program.journeys[instance.journey].steps[instance.pc];
  const auto& wait = std::get<ir::WaitForIr>(step.kind);
  ProfileState* p = &store.profile(instance.profile);
  for (const ir::AwaitedIr& awaited : wait.events) {
    if (awaited.event != event) continue;
    Value saved;
    if (awaited.bindingSlot != ir::kNoSlot) {
      saved = instance.frame[awaited.bindingSlot];
      instance.frame[awaited.bindingSlot] = record;
    }
    if (awaited.when != ir::kNoExpr) {
      Value v = eval(awaited.when, instance.frame.data(), p);
      if (!isTrue(v)) {  // false, or an error: no match (docs/language.md, decision 17)
        if (awaited.bindingSlot != ir::kNoSlot) instance.frame[awaited.bindingSlot] = saved;
        continue;
      }
    }
    trace(instance, [&] {
      return "wait for at " + step.location + " takes " + program.events[event].name;
    });
    resume(instance, awaited.target);
    return true;
  }
  return false;
}

void Runtime::Impl::run(InstanceId id) {
  for (;;) {
    Instance* found = store.findInstance(id);
    if (!found) return;
    Instance& inst = *found;
    const ir::JourneyIr& j = program.journeys[inst.journey];
    ProfileState* p = &store.profile(inst.profile);
    // An engine that compiles the pure steps runs them first; a trace names every step, so
    // with one the steps are walked here.
    if (!options.trace && inst.pc != ir::kEndOfJourney) {
      RuntimeHost host(*this, p);
      stdlib::CallContext ctx{&host};
      ExpressionEngine::PureSteps ran;
      {
        ProfileLoan loan(inst.frame.data(), p->profile);  // returned before the instance can end
        ran = engine.runPureSteps(inst.journey, inst.pc, inst.at, inst.frame.data(), keyOf(inst),
                                  ctx);
      }
      inst.pc = ran.pc;
      inst.at = ran.at;
      if (ran.failed) {
        const ir::StepIr& stopped = j.steps[ran.pc];
        return endInstance(inst, "error: " + errorText(ran.stopped, stopped), stopped.location);
      }
    }
    if (inst.pc == ir::kEndOfJourney) return endInstance(inst, "end", "");
    const ir::StepIr& step = j.steps[inst.pc];
    inst.at = inst.pc;
    Value* frame = inst.frame.data();
    auto fail = [&](const Value& v) {
      endInstance(inst, "error: " + errorText(v, step), step.location);
    };
    // `delay`: set at a fixed delay from now (the timer queue's hint), or zero.
    auto waitUntil = [&](Timestamp wake, Duration delay = {}) {
      inst.wait = WaitKind::Timer;
      armWait(inst, wake, delay);
      trace(inst, [&] { return "waits at " + step.location + " until " + formatTimestamp(wake); });
    };
    // A wait that is over when it begins (a time in the past, a duration that is not positive)
    // goes on at once, after the check every wait ends with; not through a timer, which would
    // begin a new chain of emitted events and profile changes (loopStopped).
    auto endsAtOnce = [&](ir::StepIndex next) {
      inst.pc = next;
      return exitWhenHolds(inst, step.location);
    };
    trace(inst, [&] { return "step " + step.location; });

    bool stop = std::visit(
        [&](const auto& k) -> bool {
          using T = std::decay_t<decltype(k)>;
          if constexpr (std::is_same_v<T, ir::WaitIr>) {
            Value d = eval(k.duration, frame, p);
            if (d.kind() != ValueKind::Duration) return fail(d), true;
            if (!(Duration{} < d.asDuration())) return endsAtOnce(step.next);
            waitUntil(plusDuration(clock.now(), d.asDuration()), d.asDuration());
            return true;
          } else if constexpr (std::is_same_v<T, ir::WaitUntilIr>) {
            Value t = eval(k.at, frame, p);
            if (t.kind() != ValueKind::Timestamp) return fail(t), true;
            if (clock.now() < t.asTimestamp()) {
              waitUntil(t.asTimestamp());
              return true;
            }
            return endsAtOnce(step.next);  // in the past
          } else if constexpr (std::is_same_v<T, ir::WaitUntilTimeIr>) {
            Value why;
            std::optional<TimeZone> zone = journeyZone(inst, p, why);
            if (!zone) return fail(why), true;
            waitUntil(nextLocalTime(clock.now(), *zone, k.hour, k.minute, k.weekday));
            return true;
          } else if constexpr (std::is_same_v<T, ir::WaitForIr>) {
            if (k.within != ir::kNoExpr) {
              Value d = eval(k.within, frame, p);
              if (d.kind() != ValueKind::Duration) return fail(d), true;
              // Times out before any event can come.
              if (!(Duration{} < d.asDuration())) return endsAtOnce(k.timeoutTarget);
              inst.wait = WaitKind::Events;
              armWait(inst, plusDuration(clock.now(), d.asDuration()), d.asDuration());
            } else {
              inst.wait = WaitKind::Events;
              armWait(inst, std::nullopt);
            }
            trace(inst, [&] { return "waits for events at " + step.location; });
            return true;
          } else if constexpr (std::is_same_v<T, ir::BranchIr>) {
            Value c = eval(k.condition, frame, p);
            if (c.kind() != ValueKind::Bool) return fail(c), true;
            inst.pc = c.asBool() ? k.then : k.otherwise;
            return false;
          } else if constexpr (std::is_same_v<T, ir::SplitIr>) {
            uint32_t bucket = splitBucket(j.name, k.name, keyOf(inst));
            int64_t upTo = 0;
            inst.pc = step.next;
            for (const ir::SplitArmIr& arm : k.arms) {
              upTo += arm.percent * 100;
              if (bucket < upTo) {
                inst.pc = arm.target;
                break;
              }
            }
            return false;
          } else if constexpr (std::is_same_v<T, ir::SendIr>) {
            if (exitWhenHolds(inst, step.location)) return true;
            const std::vector<Value>& names = stepConstants[inst.journey][inst.pc].fieldNames;
            // Made once the send is neither suppressed nor capped: a refused send goes on.
            auto payload = [&]() -> Value {
              std::vector<MapEntry> fields;
              for (size_t i = 0; i < k.payload.size(); ++i) {
                Value v = eval(k.payload[i].value, frame, p);
                if (v.isError()) return v;
                if (!presentField(k.payload[i], v)) continue;
                if (auto clash = jsonKeyClash(v)) return Value::error(*clash);
                fields.push_back({names[i], std::move(v)});
              }
              return Value::map(std::move(fields));
            };
            SendContext context{.journey = inst.journey, .profile = inst.profile,
                                .key = keyOf(inst), .keyPlain = keyPlain(inst),
                                .step = inst.pc, .instance = &inst};
            if (Value failed = send(context, payload); failed.isError()) return fail(failed), true;
            inst.pc = step.next;
            return false;
          } else if constexpr (std::is_same_v<T, ir::CallIr>) {
            return call(inst, step, k);  // true when the instance ended
          } else if constexpr (std::is_same_v<T, ir::SetIr>) {
            if (std::optional<Value> stopped = loopStopped()) return fail(*stopped), true;
            Value v = eval(k.value, frame, p);
            if (v.isError()) return fail(v), true;
            if (auto clash = jsonKeyClash(v)) return fail(Value::error(*clash)), true;
            const StepConstants& constants = stepConstants[inst.journey][inst.pc];
            if (auto misfit =
                    interp::valueMisfit(v, constants.setType, program.types, program.layouts)) {
              return fail(Value::error("the value does not fit `" + constants.setPath + "`: " +
                                       *misfit)),
                     true;
            }
            // Kept in the profile, a value can grow with each `set` (`[profile.d]`).
            if (nestsDeeperThan(v, kMaxValueDepth - std::min(k.path.size(), kMaxValueDepth))) {
              return fail(Value::error("the value set would nest the profile more than " +
                                       std::to_string(kMaxValueDepth) + " levels deep")),
                     true;
            }
            if (std::optional<Value> failed = setPath(p->profile, k.path, 0, v)) {
              return fail(*failed), true;
            }
            RecordLine l = instanceLine("set", inst, step.location);
            l.text("path", constants.setPath).value("value", v);
            write(l);
            markDirty(p->ref, constants.setAudiences, true);
            inst.pc = step.next;
            return false;
          } else if constexpr (std::is_same_v<T, ir::LetIr>) {
            Value v = eval(k.value, frame, p);
            if (v.isError()) return fail(v), true;
            inst.frame[k.slot] = std::move(v);
            inst.pc = step.next;
            return false;
          } else if constexpr (std::is_same_v<T, ir::EmitIr>) {
            if (std::optional<Value> stopped = loopStopped()) return fail(*stopped), true;
            const ir::EventIr& event = program.events[k.event];
            std::vector<std::pair<std::string, Value>> fields;
            const auto& types = stepConstants[inst.journey][inst.pc].emitTypes;
            for (size_t i = 0; i < k.fields.size(); ++i) {
              const ir::FieldValue& f = k.fields[i];
              Value v = eval(f.value, frame, p);
              if (v.isError()) return fail(v), true;
              if (!presentField(f, v)) continue;
              if (auto clash = jsonKeyClash(v)) return fail(Value::error(*clash)), true;
              if (auto misfit = interp::valueMisfit(v, types[i], program.types, program.layouts)) {
                return fail(Value::error("the value does not fit `" + event.name + "." + f.name +
                                         "`: " + *misfit)),
                       true;
              }
              fields.emplace_back(f.name, std::move(v));
            }
            fields.emplace_back("time", Value::timestamp(clock.now()));
            Value record = buildRecord(event.record, fields);
            if (record.isError()) return fail(record), true;
            RecordLine l = instanceLine("emit", inst, step.location);
            l.text("event", event.name).value("data", record);
            write(l);
            pendingEvents.push_back({p->ref, k.event, std::move(record), chain + 1});
            inst.pc = step.next;
            return false;
          } else if constexpr (std::is_same_v<T, ir::GotoIr>) {
            if (gotoChain >= kMaxGotoChain) {
              return fail(Value::error("more than 100 `goto`s in a row")), true;
            }
            Value entryEvent;
            if (j.entrySlot != ir::kNoSlot) entryEvent = inst.frame[j.entrySlot];
            endInstance(inst, "goto", step.location);
            ++gotoChain;
            enter(k.journey, *p, entryEvent.kind() == ValueKind::Record ? &entryEvent : nullptr,
                  false);
            --gotoChain;
            return true;
          } else {
            endInstance(inst, k.reason ? "end: " + *k.reason : "end", step.location);
            return true;
          }
        },
        step.kind);
    if (stop) return;
  }
}

}  // namespace journey::runtime
