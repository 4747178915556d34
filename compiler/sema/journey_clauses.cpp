// A journey's header clauses: one `entry`, at most one of `key`, `reentry`, `timeout`,
// `timezone` and `quiet hours` (`exit on`, `exit when` and `cap` repeat), then the steps.
#include <fmt/format.h>

#include <optional>
#include <string>

#include "compiler/ir/program_ir.h"
#include "compiler/sema/cron.h"
#include "compiler/sema/program_checker.h"
#include "compiler/sema/suggest.h"

namespace journey::sema {
namespace {

const char* clauseName(const ast::ClauseKind& k) {
  switch (k.index()) {
    case 0: return "entry";
    case 1: return "key";
    case 2: return "reentry";
    case 3: return "exit on";
    case 4: return "exit when";
    case 5: return "timeout";
    case 6: return "timezone";
    case 7: return "quiet hours";
    default: return "cap";
  }
}

bool repeatable(const ast::ClauseKind& k) {
  return std::holds_alternative<ast::ExitOnClause>(k) ||
         std::holds_alternative<ast::ExitWhenClause>(k) || std::holds_alternative<ast::CapDecl>(k);
}

// `every week`, `every minute`: a period named in words, and how the language writes it.
std::optional<std::string> periodInWords(std::string_view word) {
  if (word == "week" || word == "weeks" || word == "weekly") {
    return "write `every 7d`, or a day and time: `every monday at 09:00`";
  }
  if (word == "day" || word == "days" || word == "daily") {
    return "write `every 1d`, or a time: `every day at 09:00`";
  }
  if (word == "hours" || word == "hourly") return "write `every hour` or `every 1h`";
  if (word == "minute" || word == "minutes") return "write `every 1m`";
  if (word == "month" || word == "months" || word == "monthly" || word == "year" ||
      word == "years" || word == "yearly") {
    return "months and years have no fixed length: write a cron schedule, "
           "`every cron \"0 9 1 * *\"` (the 1st of each month, 09:00)";
  }
  return std::nullopt;
}

}  // namespace

bool ProgramChecker::checkTimeOfDay(const ast::TimeOfDay& t) {
  if (t.hour >= 0 && t.hour <= 23 && t.minute >= 0 && t.minute <= 59) return true;
  Diagnostic& d = report(DiagKind::InvalidTimeOfDay, t.range,
                         fmt::format("`{:02}:{:02}` is not a time of day", t.hour, t.minute));
  d.notes.push_back("hours go from 0 to 23 and minutes from 0 to 59");
  return false;
}

void ProgramChecker::checkTimezone(ast::ExprId zone, const Scope& scope, std::string_view what) {
  if (zone == ast::kNoExpr) return;
  exprs.expect(zone, scope, types.string(), what);
  auto* lit = std::get_if<ast::Literal>(&ast[zone].node);
  if (!lit || lit->kind != ast::LiteralKind::String) return;
  if (isKnownTimezone(lit->bytes)) {
    if (std::optional<std::string> warning = fixedZoneWarning(lit->bytes)) {
      report(DiagKind::FixedOffsetZone, ast[zone].range, *warning);
    }
    return;
  }
  Diagnostic& d = report(DiagKind::UnknownTimezone, ast[zone].range,
                         "unknown time zone `" + lit->bytes + "`");
  if (std::optional<std::string> help = timezoneHelp(lit->bytes)) {
    d.helps.push_back(*help);
  } else if (auto close = closestName(lit->bytes, timezoneNames())) {
    d.helps.push_back("did you mean `" + *close + "`?");
  } else {
    d.notes.push_back("time zones are IANA names such as `Europe/Paris`; a fixed offset is an "
                      "`Etc/GMT` zone (`Etc/GMT-2` is UTC+02:00)");
  }
}

// A schedule without `in` ticks in the journey's `timezone` only when that is one zone for
// every profile: one that reads the profile leaves the tick in UTC (docs/language.md, decision
// 8), which a journey written for the profile's own 09:00 does not expect unless it then waits
// until a local time.
void ProgramChecker::lintScheduleZone(const ast::JourneyDecl& j) {
  const ast::ScheduledEntry* scheduled = nullptr;
  const ast::TimezoneClause* zone = nullptr;
  for (const ast::Clause& c : j.clauses) {
    if (auto* entry = std::get_if<ast::EntryClause>(&c.kind)) {
      scheduled = std::get_if<ast::ScheduledEntry>(&entry->kind);
    }
    if (auto* z = std::get_if<ast::TimezoneClause>(&c.kind)) zone = z;
  }
  if (!scheduled || scheduled->timezone != ast::kNoExpr || !zone) return;
  // Only a time of day is placed by a zone the author meant to be the profile's (`every hour`
  // ticks with every whole-hour zone's hours).
  ast::Schedule::Kind kind = scheduled->schedule.kind;
  if (kind != ast::Schedule::Kind::DayAt && kind != ast::Schedule::Kind::WeekdayAt &&
      kind != ast::Schedule::Kind::Cron) {
    return;
  }
  // A `wait until HH:MM` after the tick is how a journey reaches each profile at its own time.
  for (const ast::Step& s : j.steps) {
    if (std::holds_alternative<ast::WaitUntilTimeStep>(s.kind)) return;
  }
  bool perProfile = false;
  std::vector<std::string> bound;
  collectUses(ast, zone->zone, bound, [&](const std::string& name, SourceRange, bool call) {
    perProfile = perProfile || (!call && name == "profile");
  });
  if (!perProfile) return;
  Diagnostic& d = report(DiagKind::ScheduleInUtc, ast[zone->zone].range,
                         "the schedule of `" + j.name.text + "` ticks in UTC: one tick serves "
                         "every profile, so a zone read from the profile cannot place it");
  d.notes.push_back("the journey's `timezone` places its waits until a local time and its "
                    "quiet hours");
  d.helps.push_back("to reach each profile at its own local time, tick early in UTC and wait: "
                    "`entry every sunday at 12:00 for audience …` then `wait until 09:00 on "
                    "monday`; or give the schedule one zone with `in \"Europe/Paris\"`");
}

void ProgramChecker::checkJourney(const ast::JourneyDecl& j) {
  JourneyState state;
  state.decl = &j;
  state.timeout = kDefaultJourneyTimeout;
  std::vector<Scope::EndedName> endedNames;  // before `root`, which refers to it
  LocalScope root(nullptr);
  root.scope.keepEndedNames(&endedNames);
  declareProfile(root);
  Scope pure;  // schedules and the `entry at` time are evaluated without a profile
  pure.hide(&root.scope);
  // The scope of one such clause, named for messages.
  auto once = [&](std::string_view where) -> Scope& {
    pure.makePure(where, kWholeJourneyValue);
    return pure;
  };

  // Singular clauses: report a second one and check only the first.
  std::map<size_t, const ast::Clause*> firstOfKind;
  std::vector<const ast::Clause*> clauses;
  for (const ast::Clause& c : j.clauses) {
    if (!repeatable(c.kind)) {
      auto [it, fresh] = firstOfKind.try_emplace(c.kind.index(), &c);
      if (!fresh) {
        std::string name = clauseName(c.kind);
        Diagnostic& d = report(DiagKind::DuplicateClause, c.range,
                               "journey `" + j.name.text + "` has more than one `" + name +
                                   "` clause");
        d.secondary.push_back({it->second->range, "the first `" + name + "` clause"});
        continue;
      }
    }
    clauses.push_back(&c);
  }

  // The entry first: its binding is visible in every other clause, whatever the order.
  auto entryIt = firstOfKind.find(0);
  if (entryIt == firstOfKind.end()) {
    Diagnostic& d = report(DiagKind::MissingEntry, j.name.range,
                           "journey `" + j.name.text + "` has no `entry` clause");
    d.helps.push_back("say how instances start, such as `entry on SomeEvent`");
  } else {
    const auto& entry = std::get<ast::EntryClause>(entryIt->second->kind);
    auto checkAudienceName = [&](const ast::Name& a) {
      if (!symbols.audiences.count(a.text)) {
        reportUnknown(DiagKind::UnknownAudience, a, "audience", namesOf(symbols.audiences));
      }
    };
    std::visit(
        [&](const auto& e) {
          using T = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<T, ast::EventEntry>) {
            std::optional<TypeId> known = eventType(e.event);
            if (known) state.entryEvent = *known;
            TypeId type = known.value_or(types.error());
            // Without `as`, the entry event is `event`. With an unknown event the binding is of
            // the Error type, so its uses report nothing more.
            std::string binding = e.binding ? e.binding->text : "event";
            SourceRange site = e.binding ? e.binding->range : e.event.range;
            if (binding == "profile") {
              report(DiagKind::DuplicateBinding, site, "`profile` is already declared")
                  .notes.push_back("`profile` always names the customer profile");
            } else {
              if (e.binding) refuseProgramName(*e.binding);
              root.declare(binding, site, type);
            }
            if (e.when != ast::kNoExpr) {
              exprs.expect(e.when, root.scope, types.boolean(), "the `when` condition of `entry`");
              // The entry event never changes, so a presence test on it holds for the journey;
              // unless a `goto` may enter it, which does not evaluate the `when`.
              for (const std::string& path : provenPresent(ast, e.when, true)) {
                if (path.rfind(binding + ".", 0) == 0 && !isGotoTarget(j.name.text)) {
                  root.scope.guard(path);
                }
              }
            }
          } else if constexpr (std::is_same_v<T, ast::AudienceEntry>) {
            checkAudienceName(e.audience);
          } else if constexpr (std::is_same_v<T, ast::ScheduledEntry>) {
            const ast::Schedule& s = e.schedule;
            switch (s.kind) {
              case ast::Schedule::Kind::DayAt:
              case ast::Schedule::Kind::WeekdayAt: checkTimeOfDay(s.time); break;
              case ast::Schedule::Kind::Hour: break;
              case ast::Schedule::Kind::Every:
                if (auto* word = std::get_if<ast::Ident>(&ast[s.every].node)) {
                  if (std::optional<std::string> help = periodInWords(word->name)) {
                    report(DiagKind::UnknownIdentifier, ast[s.every].range,
                           "`every` takes a duration, not `" + word->name + "`")
                        .helps.push_back(*help);
                    break;
                  }
                }
                if (auto period =
                        checkDuration(s.every, once("a schedule"), "the period of `every`", true);
                    period && *period < ir::ScheduleIr::kShortestPeriodSeconds * kNanosPerSecond) {
                  report(DiagKind::ScheduleTooFrequent, ast[s.every].range,
                         "the period of `every` is `" + formatDuration(*period) +
                             "`, shorter than a minute");
                }
                break;
              case ast::Schedule::Kind::Cron:
                if (std::variant<CronSpec, CronError> read = parseCron(s.cron);
                    auto* err = std::get_if<CronError>(&read)) {
                  // Point into the string when its source text is the cron text unescaped.
                  SourceRange where = s.range;
                  std::string_view text = s.range.valid() ? sources.slice(s.range) : "";
                  size_t quote = text.find('"');
                  if (quote != std::string_view::npos &&
                      text.substr(quote + 1, s.cron.size()) == s.cron) {
                    where.begin = s.range.begin + static_cast<uint32_t>(quote + 1 + err->offset);
                    where.end = where.begin + static_cast<uint32_t>(err->length);
                  }
                  Diagnostic& d = report(DiagKind::InvalidCron, where, err->message);
                  d.notes.push_back("the fields are `minute hour day-of-month month day-of-week`");
                }
                break;
            }
            checkTimezone(e.timezone, once("a schedule"), "the time zone of a schedule");
            checkAudienceName(e.audience);
          } else if constexpr (std::is_same_v<T, ast::AtEntry>) {
            exprs.expect(e.at, once("`entry at`"), types.timestamp(), "the time of `entry at`");
            checkAudienceName(e.audience);
          }
        },
        entry.kind);
  }

  for (const ast::Clause* c : clauses) {
    std::visit(
        [&](const auto& k) {
          using T = std::decay_t<decltype(k)>;
          if constexpr (std::is_same_v<T, ast::KeyClause>) {
            // Keys are strings or integers: they are compared and printed in output records.
            TypeId t = exprs.check(k.key, root.scope);
            TypeKind kind = types.kind(t);
            if (kind != TypeKind::String && kind != TypeKind::Int && kind != TypeKind::Uint &&
                kind != TypeKind::Dyn && kind != TypeKind::Error) {
              report(DiagKind::InvalidKeyType, ast[k.key].range,
                     "the journey key must be a `string`, `int` or `uint`, not `" +
                         types.print(t) + "`");
            }
          } else if constexpr (std::is_same_v<T, ast::ReentryClause>) {
            if (k.kind == ast::ReentryClause::Kind::After) {
              checkDuration(k.after, once("`reentry after`"), "`reentry after`", true);
            }
          } else if constexpr (std::is_same_v<T, ast::ExitOnClause>) {
            TypeId type = eventType(k.event).value_or(types.error());
            // `exit on E` without `as` binds nothing: `event` stays the entry event.
            LocalScope scope(&root);
            if (k.binding) {
              if (std::optional<SourceRange> first = root.find(k.binding->text)) {
                reportRedeclared(*k.binding, *first);
                scope.declare(k.binding->text, k.binding->range, types.error());
              } else {
                refuseProgramName(*k.binding);
                scope.declare(k.binding->text, k.binding->range, type);
              }
            }
            if (k.when != ast::kNoExpr) {
              exprs.expect(k.when, scope.scope, types.boolean(), "the `when` condition of `exit on`");
            }
          } else if constexpr (std::is_same_v<T, ast::ExitWhenClause>) {
            exprs.expect(k.condition, root.scope, types.boolean(), "the condition of `exit when`");
          } else if constexpr (std::is_same_v<T, ast::TimeoutClause>) {
            if (auto v = checkDuration(k.duration, once("a journey's `timeout`"),
                                       "the journey's `timeout`", true)) {
              state.timeout = *v;
            }
          } else if constexpr (std::is_same_v<T, ast::TimezoneClause>) {
            checkTimezone(k.zone, root.scope, "the journey's `timezone`");
          } else if constexpr (std::is_same_v<T, ast::QuietHoursClause>) {
            bool valid = checkTimeOfDay(k.from);
            valid = checkTimeOfDay(k.to) && valid;
            if (valid && k.from.hour == k.to.hour && k.from.minute == k.to.minute) {
              Diagnostic& d = report(DiagKind::EmptyQuietHours,
                                     SourceRange::cover(k.from.range, k.to.range),
                                     "quiet hours start and end at the same time");
              d.helps.push_back("quiet hours may wrap past midnight, as in `21:00 to 08:00`");
            }
          } else if constexpr (std::is_same_v<T, ast::CapDecl>) {
            checkCap(k, once("a journey's cap"));
          }
        },
        c->kind);
  }

  lintScheduleZone(j);
  LocalScope body(&root);
  checkBlock(j.steps, body, state);
  lintJourney(j, state.timeout);
}

}  // namespace journey::sema
