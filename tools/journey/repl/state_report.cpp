#include "tools/journey/repl/state_report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "vm/value/value_convert.h"

namespace journey::repl {

namespace {

using runtime::Instance;
using runtime::Timer;

// Deadlines by instance: the end of its wait and its journey timeout.
struct Deadlines {
  std::optional<Timestamp> wake, timeout;
};

std::string awaitedEvents(const ir::ProgramIr& program, const ir::WaitForIr& wait) {
  std::string names;
  for (const ir::AwaitedIr& e : wait.events) {
    names += (names.empty() ? "" : ", ") + program.events[e.event].name;
  }
  return names;
}

// "waits for EmailOpened, Purchase at file:24:3 until T"
std::string describeInstance(const ir::ProgramIr& program, const Instance& inst,
                             std::string_view key, const Deadlines& deadlines) {
  const ir::JourneyIr& j = program.journeys[inst.journey];
  std::string text = fmt::format("  {} [{}] ", j.name, key);
  if (inst.wait == runtime::WaitKind::None || inst.pc == ir::kEndOfJourney) {
    text += "is running";
  } else {
    const ir::StepIr& step = j.steps[inst.pc];
    if (auto* w = std::get_if<ir::WaitForIr>(&step.kind)) {
      text += "waits for " + awaitedEvents(program, *w);
    } else {
      text += "waits";
    }
    text += " at " + step.location;
    text += deadlines.wake ? " until " + formatTimestamp(*deadlines.wake) : " until its timeout";
  }
  if (deadlines.timeout) text += "; times out " + formatTimestamp(*deadlines.timeout);
  return text;
}

}  // namespace

std::string describeState(SessionRuntime& run) {
  const ir::ProgramIr& program = run.program();
  runtime::Store& store = run.store();
  std::string out = fmt::format("now {}{}\n", formatTimestamp(run.now()),
                                run.running() ? "" : " (the clock has not started)");

  std::map<runtime::InstanceId, Deadlines> deadlines;
  std::vector<std::string> held;
  std::map<Timestamp, std::vector<std::string>> ticks;
  store.forEachTimer([&](const Timer& t) {
    switch (t.kind) {
      case Timer::Kind::Resume: {
        const Instance* inst = store.findInstance(t.id);
        if (inst && inst->wakeTimer == t.sequence) deadlines[t.id].wake = t.due();
        return;
      }
      case Timer::Kind::Timeout:
        if (store.findInstance(t.id)) deadlines[t.id].timeout = t.due();
        return;
      case Timer::Kind::HeldSend:
        if (const runtime::HeldSend* s = store.heldSend(t.id)) {
          const ir::JourneyIr& j = program.journeys[s->journey];
          const auto& send = std::get<ir::SendIr>(j.steps[s->step].kind);
          held.push_back(fmt::format("held send: {} \"{}\" of {} [{}] for {} until {}",
                                     program.channels[send.channel].name, send.templateName, j.name,
                                     s->key, store.profile(s->profile).id,
                                     formatTimestamp(t.due())));
        }
        return;
      case Timer::Kind::ScheduleTick:
        ticks[t.due()].push_back(program.journeys[t.id].name);
        return;
      case Timer::Kind::AudienceWindow:
        return;  // shown with its profile
    }
  });

  size_t profiles = 0;
  store.forEachProfile([&](runtime::ProfileState& p) {
    ++profiles;
    // As `inAudience()` answers now; the memberships the runtime recorded (what `entry on
    // audience` follows) can lag behind a rule that reads the clock until the profile's rules
    // are next evaluated, and are not found before the clock starts.
    std::string audiences, recorded;
    const std::string id(p.id);
    for (size_t a = 0; a < program.audiences.size(); ++a) {
      const std::string& name = program.audiences[a].name;
      bool now = run.inAudience(id, name).value_or(false);
      if (now) audiences += (audiences.empty() ? "" : ", ") + name;
      if (run.running() && now != p.member[a]) {
        recorded += fmt::format("{}{} {}", recorded.empty() ? "" : ", ",
                                p.member[a] ? "in" : "not in", name);
      }
    }
    out += fmt::format("profile {}{}: {}\n", id, id == run.currentProfile() ? " (current)" : "",
                       audiences.empty() ? "in no audience" : "in " + audiences);
    if (!recorded.empty()) {
      out += fmt::format("  recorded until its rules are next evaluated: {}\n", recorded);
    }
    if (p.windowDue() != runtime::kNoWindowDue) {
      out += fmt::format("  audiences re-evaluated at {}: an event leaves a history window\n",
                         formatTimestamp(p.windowDue()));
    }
    for (runtime::InstanceId id : p.instances) {
      if (const Instance* inst = store.findInstance(id)) {
        Deadlines& due = deadlines[id];
        if (!due.timeout) due.timeout = run.timeoutDeadline(*inst);  // not queued yet
        out += describeInstance(program, *inst, runtime::instanceKey(*inst, p), due) + "\n";
      }
    }
  });
  if (profiles == 0) out += "no profiles (give one with `:profile`)\n";
  std::sort(held.begin(), held.end());
  for (const std::string& h : held) out += h + "\n";
  for (const auto& [at, journeys] : ticks) {
    for (const std::string& j : journeys) {
      out += fmt::format("next tick: {} at {}\n", j, formatTimestamp(at));
    }
  }
  out.pop_back();
  return out;
}

}  // namespace journey::repl
