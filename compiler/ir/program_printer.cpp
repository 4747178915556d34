#include "compiler/ir/program_printer.h"

#include <fmt/format.h>

#include <vector>

namespace journey::ir {

namespace {

const char* const kWeekdays[] = {"sunday", "monday", "tuesday", "wednesday",
                                 "thursday", "friday", "saturday"};

class ProgramPrinter {
 public:
  ProgramPrinter(const ProgramIr& program, const ExprPrinter& printExpr)
      : p_(program), printExpr_(printExpr) {}

  std::string run() {
    for (const EventIr& e : p_.events) {
      if (e.retain != kNoExpr) section("event " + e.name + " retain", e.retain);
    }
    for (const AudienceIr& a : p_.audiences) section("audience " + a.name, a.rule);
    for (const ChannelIr& c : p_.channels) {
      section("channel " + c.name + " address", c.address);
      section("channel " + c.name + " consent", c.consent);
    }
    for (const JourneyIr& j : p_.journeys) journey(j);
    return out_;
  }

 private:
  void section(const std::string& title, ExprIndex e) {
    if (e == kNoExpr) return;
    out_ += "# " + title + "\n" + printExpr_(e) + "\n";
  }

  // `eN`, remembered so the journey's expressions are printed after its steps.
  std::string ref(ExprIndex e) {
    if (e == kNoExpr) return "-";
    used_.push_back(e);
    return "e" + std::to_string(e);
  }
  static std::string target(StepIndex s) {
    return s == kEndOfJourney ? "end" : "s" + std::to_string(s);
  }
  std::string fields(const std::vector<FieldValue>& fs) {
    std::string out = "{";
    for (size_t i = 0; i < fs.size(); ++i) {
      out += (i ? ", " : "") + fs[i].name + ": " + ref(fs[i].value);
    }
    return out + "}";
  }
  std::string slot(uint32_t s) const { return s == kNoSlot ? "" : " as $" + std::to_string(s); }

  void journey(const JourneyIr& j) {
    used_.clear();
    out_ += "# journey " + j.name + "\nframe:";
    for (size_t i = 0; i < j.frame.size(); ++i) {
      out_ += fmt::format("{} ${} {}", i ? "," : "", i, j.frame[i].empty() ? "(exit binding)" : j.frame[i]);
    }
    out_ += "\nentry: " + entry(j.entry) + "\n";
    if (j.entryFields) {
      out_ += "entry fields:";
      for (const EntryFieldIr& f : *j.entryFields) out_ += fmt::format(" ${}", f.slot);
      out_ += j.entryFields->empty() ? " none\n" : "\n";
    }
    if (j.key != kNoExpr) out_ += "key: " + ref(j.key) + "\n";
    if (j.reentry == Reentry::Never) out_ += "reentry: never\n";
    if (j.reentry == Reentry::After) out_ += "reentry: after " + ref(j.reentryAfter) + "\n";
    for (const ExitOnIr& x : j.exitOn) {
      out_ += "exit on " + p_.events[x.event].name + slot(x.bindingSlot) + " when " + ref(x.when) + "\n";
    }
    for (ExprIndex e : j.exitWhen) out_ += "exit when " + ref(e) + "\n";
    if (j.timeout != kNoExpr) out_ += "timeout: " + ref(j.timeout) + "\n";
    if (j.timezone != kNoExpr) out_ += "timezone: " + ref(j.timezone) + "\n";
    if (j.quietHours) {
      out_ += fmt::format("quiet hours: {:02}:{:02} to {:02}:{:02} {}\n", j.quietHours->fromMinute / 60,
                          j.quietHours->fromMinute % 60, j.quietHours->toMinute / 60,
                          j.quietHours->toMinute % 60, j.quietHours->discard ? "discard" : "queue");
    }
    for (const CapIr& c : j.caps) {
      out_ += "cap " + p_.channels[c.channel].name + " " + ref(c.count) + " per " + ref(c.window) + "\n";
    }
    out_ += "start: " + target(j.start) + "\n";
    for (size_t i = 0; i < j.steps.size(); ++i) {
      std::string text = step(j.steps[i]);
      out_ += fmt::format("s{:<3} {:<60} {}\n", i, text, j.steps[i].location);
    }
    std::vector<ExprIndex> exprs = used_;
    for (ExprIndex e : exprs) out_ += "e" + std::to_string(e) + ":\n" + printExpr_(e);
    out_ += "\n";
  }

  std::string entry(const EntryIr& entry) {
    return std::visit(
        [&](const auto& e) -> std::string {
          using T = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<T, EventEntryIr>) {
            return "on " + p_.events[e.event].name + (e.when == kNoExpr ? "" : " when " + ref(e.when));
          } else if constexpr (std::is_same_v<T, AudienceEntryIr>) {
            return "on audience " + p_.audiences[e.audience].name + (e.onExit ? " exit" : "");
          } else if constexpr (std::is_same_v<T, ScheduledEntryIr>) {
            std::string s;
            switch (e.schedule.kind) {
              case ScheduleIr::Kind::DayAt:
                s = fmt::format("day at {:02}:{:02}", e.schedule.hour, e.schedule.minute);
                break;
              case ScheduleIr::Kind::WeekdayAt:
                s = fmt::format("{} at {:02}:{:02}", kWeekdays[e.schedule.weekday % 7],
                                e.schedule.hour, e.schedule.minute);
                break;
              case ScheduleIr::Kind::Hour: s = "hour"; break;
              case ScheduleIr::Kind::Every: s = ref(e.schedule.every); break;
              case ScheduleIr::Kind::Cron: s = "cron \"" + e.schedule.cron + "\""; break;
            }
            return "every " + s + (e.timezone == kNoExpr ? "" : " in " + ref(e.timezone)) +
                   " for audience " + p_.audiences[e.audience].name +
                   (e.incremental ? " incremental" : "");
          } else {
            return "at " + ref(e.at) + " for audience " + p_.audiences[e.audience].name;
          }
        },
        entry);
  }

  std::string step(const StepIr& s) {
    std::string next = " -> " + target(s.next);
    return std::visit(
        [&](const auto& k) -> std::string {
          using T = std::decay_t<decltype(k)>;
          if constexpr (std::is_same_v<T, WaitIr>) {
            return "wait " + ref(k.duration) + next;
          } else if constexpr (std::is_same_v<T, WaitUntilIr>) {
            return "wait until " + ref(k.at) + next;
          } else if constexpr (std::is_same_v<T, WaitUntilTimeIr>) {
            std::string day = k.weekday >= 0 ? std::string(" on ") + kWeekdays[k.weekday % 7] : "";
            return fmt::format("wait until {:02}:{:02}{}", k.hour, k.minute, day) + next;
          } else if constexpr (std::is_same_v<T, WaitForIr>) {
            std::string out = "wait for";
            for (size_t i = 0; i < k.events.size(); ++i) {
              const AwaitedIr& a = k.events[i];
              out += (i ? ", " : " ") + p_.events[a.event].name + slot(a.bindingSlot) +
                     (a.when == kNoExpr ? "" : " when " + ref(a.when)) + " -> " + target(a.target);
            }
            if (k.within != kNoExpr) out += " within " + ref(k.within);
            return out + "; timeout -> " + target(k.timeoutTarget);
          } else if constexpr (std::is_same_v<T, BranchIr>) {
            return "if " + ref(k.condition) + " -> " + target(k.then) + " else -> " + target(k.otherwise);
          } else if constexpr (std::is_same_v<T, SplitIr>) {
            std::string out = "split \"" + k.name + "\"";
            for (const SplitArmIr& arm : k.arms) out += fmt::format(" {}% -> {}", arm.percent, target(arm.target));
            return out;
          } else if constexpr (std::is_same_v<T, SendIr>) {
            return "send " + p_.channels[k.channel].name + " \"" + k.templateName + "\" " +
                   fields(k.payload) + next;
          } else if constexpr (std::is_same_v<T, CallIr>) {
            return "call " + p_.actions[k.action].name + " " + fields(k.args) + slot(k.resultSlot) +
                   (k.hasOnError ? " on error -> " + target(k.onError) : "") + next;
          } else if constexpr (std::is_same_v<T, SetIr>) {
            std::string path = "profile";
            for (const std::string& part : k.path) path += "." + part;
            return "set " + path + " = " + ref(k.value) + next;
          } else if constexpr (std::is_same_v<T, LetIr>) {
            return "let $" + std::to_string(k.slot) + " = " + ref(k.value) + next;
          } else if constexpr (std::is_same_v<T, EmitIr>) {
            return "emit " + p_.events[k.event].name + " " + fields(k.fields) + next;
          } else if constexpr (std::is_same_v<T, GotoIr>) {
            return "goto " + p_.journeys[k.journey].name;
          } else {
            return k.reason ? "end \"" + *k.reason + "\"" : "end";
          }
        },
        s.kind);
  }

  const ProgramIr& p_;
  const ExprPrinter& printExpr_;
  std::vector<ExprIndex> used_;
  std::string out_;
};

}  // namespace

std::string printProgram(const ProgramIr& program, const ExprPrinter& printExpr) {
  return ProgramPrinter(program, printExpr).run();
}

}  // namespace journey::ir
