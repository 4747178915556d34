// A journey's steps. Local names are block scoped: `let n` and `call ... as n` are visible in
// the rest of their block and in nested blocks, not after the block (so a name declared inside
// an `if` is not visible after it). A local name may not shadow a visible one: that is an
// error, since a journey reads top to bottom and a reused name would hide what it meant above.
#include <algorithm>
#include <set>

#include "compiler/sema/optional_field.h"
#include "compiler/sema/program_checker.h"
#include "compiler/sema/suggest.h"

namespace journey::sema {
namespace {

std::set<std::string> intersect(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

}  // namespace

// Declares a local in `scope`, unless the name is already visible (then reports it, and the
// visible declaration stays the one its uses see).
static void declareLocal(ProgramChecker& c, LocalScope& scope, const ast::Name& name, TypeId type,
                         std::optional<Scope::UnsetAfterFailure> unset = std::nullopt) {
  if (std::optional<SourceRange> first = scope.find(name.text)) {
    c.reportRedeclared(name, *first).helps.push_back("choose another name");
    return;
  }
  if (c.refuseProgramName(name)) return;
  scope.declare(name.text, name.range, type, std::move(unset));
}

// `{ nick: profile.nick }` with `nick` optional was warned about as read without a presence
// test (among the diagnostics after the first `before`, those checking the value reported); in
// a payload the field can also be left out when it is absent.
void ProgramChecker::offerOptionalField(const ast::FieldInit& f, size_t before) {
  SourceRange read = ast[f.value].range;
  std::string text(sources.slice(read));
  size_t dot = text.rfind('.');
  if (dot == std::string::npos || !std::holds_alternative<ast::Select>(ast[f.value].node)) return;
  std::string optional = text.substr(0, dot + 1) + "?" + text.substr(dot + 1);
  for (Diagnostic& d : diags.reportedSince(before)) {
    if (d.kind == DiagKind::UnguardedOptionalRead && d.range == read) {
      d.helps.push_back("or leave the field out when it is absent: `?" + f.field.text + ": " +
                        optional + "`");
    }
  }
}

void ProgramChecker::checkBlock(const ast::Block& block, LocalScope& scope, JourneyState& journey) {
  auto checkPayload = [&](const std::vector<ast::FieldInit>& fields, const Scope& s) {
    std::map<std::string, SourceRange, std::less<>> seen;
    for (const ast::FieldInit& f : fields) {
      reportFieldGivenTwice(seen, f.field);  // the value is checked all the same
      if (!f.optional) {
        size_t before = diags.all().size();
        exprs.check(f.value, s);
        offerOptionalField(f, before);
        continue;
      }
      // `?name: o`: given only when the optional `o` has a value.
      TypeId t = exprs.check(f.value, s);
      TypeKind kind = types.kind(t);
      if (kind != TypeKind::Error && kind != TypeKind::Dyn && kind != TypeKind::Optional) {
        report(DiagKind::OptionalExpected, ast[f.value].range,
               optionalFieldNeedsOptional(f.field.text, types.print(t)))
            .helps.push_back("remove the `?` to always give the field");
      }
    }
  };

  for (const ast::Step& step : block) {
    std::visit(
        [&](const auto& k) {
          using T = std::decay_t<decltype(k)>;
          if constexpr (std::is_same_v<T, ast::WaitStep>) {
            // A computed wait is allowed; a constant one must be positive.
            checkDuration(k.duration, scope.scope, "the duration of `wait`", false);
          } else if constexpr (std::is_same_v<T, ast::WaitUntilStep>) {
            exprs.expect(k.at, scope.scope, types.timestamp(), "the time of `wait until`");
          } else if constexpr (std::is_same_v<T, ast::WaitUntilTimeStep>) {
            checkTimeOfDay(k.time);
          } else if constexpr (std::is_same_v<T, ast::WaitForStep>) {
            checkWaitFor(k, scope, journey);
          } else if constexpr (std::is_same_v<T, ast::IfStep>) {
            checkIf(k, scope, journey);
          } else if constexpr (std::is_same_v<T, ast::SplitStep>) {
            checkSplit(k, scope, journey);
          } else if constexpr (std::is_same_v<T, ast::SendStep>) {
            if (!symbols.channels.count(k.channel.text)) {
              reportUnknown(DiagKind::UnknownChannel, k.channel, "channel",
                            namesOf(symbols.channels));
            }
            checkPayload(k.payload, scope.scope);  // payload fields may be of any type
            sentTemplates[k.channel.text].insert(k.templateName);
          } else if constexpr (std::is_same_v<T, ast::CallStep>) {
            TypeId response = types.error();
            if (auto it = symbols.actions.find(k.action.text); it != symbols.actions.end()) {
              response = it->second.response;
            } else {
              reportUnknown(DiagKind::UnknownAction, k.action, "action", namesOf(symbols.actions));
            }
            checkPayload(k.args, scope.scope);
            // The response is not bound inside `on error`: there is none, nor after it when
            // the block goes on (reading it then is an error at run time).
            std::optional<Scope::UnsetAfterFailure> unset;
            if (k.onError) {
              LocalScope onError(&scope);
              checkBlock(*k.onError, onError, journey);
              if (!alwaysEnds(*k.onError)) {
                unset = Scope::UnsetAfterFailure{k.action.text, k.action.range};
              }
            }
            if (k.binding) declareLocal(*this, scope, *k.binding, response, std::move(unset));
          } else if constexpr (std::is_same_v<T, ast::SetStep>) {
            checkSet(k, scope);
          } else if constexpr (std::is_same_v<T, ast::LetStep>) {
            TypeId t = exprs.check(k.value, scope.scope);
            declareLocal(*this, scope, k.name, t);
          } else if constexpr (std::is_same_v<T, ast::EmitStep>) {
            auto it = symbols.events.find(k.event.text);
            if (it == symbols.events.end()) {
              reportUnknown(DiagKind::UnknownEvent, k.event, "event", namesOf(symbols.events));
              for (const ast::FieldInit& f : k.fields) exprs.check(f.value, scope.scope);
            } else {
              checkRecordFields(k.fields, it->second.record, "event `" + k.event.text + "`",
                                k.event.range, scope.scope, false);
            }
          } else if constexpr (std::is_same_v<T, ast::GotoStep>) {
            checkGoto(k, journey);
          } else if constexpr (std::is_same_v<T, ast::EndStep>) {
            // The reason is a plain string: nothing to check; kept for expectations.
            if (k.reason) endReasons[journey.decl->name.text].insert(*k.reason);
          }
        },
        step.kind);
  }
}

void ProgramChecker::checkWaitFor(const ast::WaitForStep& w, LocalScope& scope,
                                  JourneyState& journey) {
  // Handlers are named by an event's binding, or by the event's name when it has none (then
  // nothing is bound in the handler).
  struct Awaited {
    const ast::AwaitedEvent* event;
    TypeId type;
    bool handled = false;
    SourceRange handler;
  };
  std::vector<Awaited> awaited;
  std::map<std::string, SourceRange, std::less<>> bindings;
  // Events offered in the order written, the first whose `when` holds taking each: after one
  // without a `when`, a later one of the same event never matches.
  std::map<std::string, SourceRange, std::less<>> takenWhole;
  for (const ast::AwaitedEvent& e : w.events) {
    TypeId type = types.error();
    const std::string& name = e.event.text;
    if (auto taken = takenWhole.find(name); taken != takenWhole.end()) {
      Diagnostic& d = report(DiagKind::AwaitedEventShadowed, e.event.range,
                             "this `" + name + "` can never be matched");
      d.secondary.push_back({taken->second, "an earlier `" + name + "` without `when` takes each"});
      d.helps.push_back("await the events with a `when` first, or drop this one");
    } else if (e.when == ast::kNoExpr) {
      takenWhole.emplace(name, e.event.range);
    }
    if (symbols.events.count(name) == 0 && (scope.find(name) || symbols.consts.count(name))) {
      // `let d = 1h` then `wait for d`: a length of time, not an event.
      report(DiagKind::UnknownEvent, e.event.range, "`" + name + "` is a value, not an event")
          .helps.push_back("to wait a length of time, write `wait " + name +
                           "` without `for`; `wait for` waits for events");
    } else {
      type = eventType(e.event).value_or(types.error());
    }
    LocalScope whenScope(&scope);
    if (e.binding) {
      auto [it, fresh] = bindings.try_emplace(e.binding->text, e.binding->range);
      if (!fresh) {
        Diagnostic& d = report(DiagKind::DuplicateBinding, e.binding->range,
                               "`" + e.binding->text + "` is already declared");
        d.secondary.push_back({it->second, "first declared here"});
        d.helps.push_back("give each awaited event its own name");
        type = types.error();
        whenScope.declare(e.binding->text, e.binding->range, type);
      } else if (scope.find(e.binding->text)) {
        declareLocal(*this, scope, *e.binding, type);  // reports the duplicate
        type = types.error();
        whenScope.declare(e.binding->text, e.binding->range, type);
      } else {
        refuseProgramName(*e.binding);
        whenScope.declare(e.binding->text, e.binding->range, type);
      }
    }
    if (e.when != ast::kNoExpr) {
      exprs.expect(e.when, whenScope.scope, types.boolean(), "the `when` condition of `wait for`");
    }
    awaited.push_back({&e, type, false, SourceRange{}});
  }
  if (w.within != ast::kNoExpr) checkDuration(w.within, scope.scope, "`within`", false);

  std::vector<std::string> names;
  for (const Awaited& a : awaited) {
    names.push_back(a.event->binding ? a.event->binding->text : a.event->event.text);
  }
  for (const ast::OnHandler& h : w.handlers) {
    LocalScope body(&scope);
    auto found = std::find(names.begin(), names.end(), h.binding.text);
    if (found == names.end()) {
      // The awaited event named by its type where it has a binding (`as opened`).
      auto byType = std::find_if(awaited.begin(), awaited.end(), [&](const Awaited& a) {
        return a.event->binding && a.event->event.text == h.binding.text;
      });
      Diagnostic& d = report(
          DiagKind::UnknownHandler, h.binding.range,
          byType != awaited.end()
              ? "`" + h.binding.text + "` is awaited as `" + byType->event->binding->text +
                    "`: a handler names the binding"
              : "`" + h.binding.text + "` is not an awaited event of this `wait for`");
      if (byType != awaited.end()) {
        d.helps.push_back("write `on " + byType->event->binding->text + "`");
      } else if (h.binding.text == "timeout") {
        d.helps.push_back("the timeout's block is written `timeout { … }`, without `on`");
      } else if (auto close = closestName(h.binding.text, names)) {
        d.helps.push_back("did you mean `" + *close + "`?");
      } else {
        d.notes.push_back("a handler names an awaited event's binding (`as name`)");
      }
      // Bound with the Error type so that the body's uses of it report nothing more.
      body.declare(h.binding.text, h.binding.range, types.error());
    } else {
      Awaited& a = awaited[found - names.begin()];
      if (a.handled) {
        Diagnostic& d = report(DiagKind::DuplicateHandler, h.binding.range,
                               "`" + h.binding.text + "` is handled twice");
        d.secondary.push_back({a.handler, "first handled here"});
      }
      a.handled = true;
      a.handler = h.binding.range;
      if (a.event->binding) {
        body.declare(a.event->binding->text, a.event->binding->range, a.type);
        // The handled event never changes: its `when` presence tests hold in the handler.
        for (const std::string& path : provenPresent(ast, a.event->when, true)) {
          if (path.rfind(a.event->binding->text + ".", 0) == 0) body.scope.guard(path);
        }
      }
    }
    checkBlock(h.body, body, journey);
  }
  // Awaited events without a handler are allowed: they end the wait and the journey goes on
  // after the `wait for`.
  if (w.timeout) {
    LocalScope timeout(&scope);
    checkBlock(*w.timeout, timeout, journey);
  }
}

void ProgramChecker::checkIf(const ast::IfStep& s, LocalScope& scope, JourneyState& journey) {
  // `elseScope` accumulates what the earlier conditions being false proves; each branch adds
  // what its own condition being true proves. After the `if`, a path is guarded when every
  // branch that can fall through proves it.
  LocalScope elseScope(&scope);
  std::set<std::string> falsePaths;
  std::optional<std::set<std::string>> afterPaths;
  auto fallsThrough = [&](std::set<std::string> paths) {
    afterPaths = afterPaths ? intersect(*afterPaths, paths) : paths;
  };
  for (const ast::IfBranch& b : s.branches) {
    exprs.expect(b.condition, elseScope.scope, types.boolean(), "the condition of `if`");
    LocalScope body(&elseScope);
    std::set<std::string> entered = falsePaths;
    for (const std::string& p : provenPresent(ast, b.condition, true)) {
      body.scope.guard(p);
      entered.insert(p);
    }
    checkBlock(b.body, body, journey);
    if (!alwaysEnds(b.body)) fallsThrough(entered);
    for (const std::string& p : provenPresent(ast, b.condition, false)) {
      elseScope.scope.guard(p);
      falsePaths.insert(p);
    }
  }
  if (s.elseBody) {
    LocalScope body(&elseScope);
    checkBlock(*s.elseBody, body, journey);
    if (!alwaysEnds(*s.elseBody)) fallsThrough(falsePaths);
  } else {
    fallsThrough(falsePaths);
  }
  if (afterPaths) {
    for (const std::string& p : *afterPaths) scope.scope.guard(p);
  }
}

void ProgramChecker::checkSplit(const ast::SplitStep& s, LocalScope& scope, JourneyState& journey) {
  auto [it, fresh] = journey.splitNames.try_emplace(s.name, s.nameRange);
  if (!fresh) {
    Diagnostic& d = report(DiagKind::DuplicateSplitName, s.nameRange,
                           "journey `" + journey.decl->name.text + "` already has a split named `" +
                               s.name + "`");
    d.secondary.push_back({it->second, "first split with this name"});
  }
  int64_t sum = 0;
  bool valid = true;
  for (const ast::SplitArm& arm : s.arms) {
    if (arm.percent < 1 || arm.percent > 100) {
      report(DiagKind::InvalidSplitPercent, arm.percentRange,
             "a split percentage must be from 1% to 100%, not " + std::to_string(arm.percent) + "%");
      valid = false;
      continue;  // not summed: any int64 may be written here, and the sum is not reported
    }
    sum += arm.percent;
  }
  if (valid && sum != 100) {
    Diagnostic& d = report(DiagKind::SplitSum, s.nameRange,
                           "the percentages of split `" + s.name + "` sum to " +
                               std::to_string(sum) + "%, not 100%");
    std::string terms;
    for (const ast::SplitArm& arm : s.arms) {
      terms += (terms.empty() ? "" : " + ") + std::to_string(arm.percent) + "%";
    }
    if (!terms.empty()) d.notes.push_back("the arms take " + terms);
  }
  for (const ast::SplitArm& arm : s.arms) {
    LocalScope body(&scope);
    checkBlock(arm.body, body, journey);
  }
}

void ProgramChecker::checkSet(const ast::SetStep& s, LocalScope& scope) {
  auto checkValueOnly = [&] { exprs.check(s.value, scope.scope); };
  if (s.path.empty()) return checkValueOnly();
  std::vector<size_t> optionalAt, mapEntryAt;
  std::optional<TypeId> type = profilePathType(
      s.path, "instance variables are declared with `let` and cannot be reassigned", &optionalAt,
      &mapEntryAt);
  if (!type) return checkValueOnly();
  std::string written;
  for (size_t i = 0; i < s.path.size(); ++i) {
    // A field set inside an absent record, or an absent map entry, has nothing to be set in:
    // the step fails at run time.
    bool inside = i + 1 < s.path.size();
    bool optional = std::ranges::count(optionalAt, i) > 0;
    bool entry = std::ranges::count(mapEntryAt, i) > 0;
    if (inside && (optional || entry) && !scope.scope.absentAllowed()) {
      std::string through = written + "." + s.path[i].text;
      if (!scope.scope.isGuarded(through)) {
        SourceRange range = SourceRange::cover(s.path[0].range, s.path[i].range);
        Diagnostic& d = report(DiagKind::UnguardedOptionalRead, range,
                               "`" + through + "` is " +
                                   (entry ? "a map entry" : "optional") + " and may be absent");
        d.label = "set inside it without a presence test";
        // A record of an inline type has no name to build one with: only the test helps.
        std::vector<ast::Name> prefix(s.path.begin(), s.path.begin() + i + 1);
        std::optional<TypeId> held = profilePathType(prefix, "");
        bool buildable = !held || types.kind(*held) != TypeKind::Record ||
                         types.recordInfo(types.get(*held).record).origin != RecordOrigin::Inline;
        d.helps.push_back("test it first with `has(" + through + ")`" +
                          (buildable ? std::string(", or set the whole ") +
                                           (entry ? "entry" : "record") + ": `set " + through +
                                           " = …`"
                                     : std::string()));
      }
    }
    written += (written.empty() ? "" : ".") + s.path[i].text;
  }
  exprs.expect(s.value, scope.scope, *type, "the value of `set " + written + "`");
  // Once the step has run, the field holds a value and so does each record around it.
  std::string place = s.path[0].text;
  for (size_t i = 1; i < s.path.size(); ++i) scope.scope.guard(place += "." + s.path[i].text);
}

std::optional<TypeId> ProgramChecker::profilePathType(const std::vector<ast::Name>& path,
                                                      std::string_view notProfileHelp,
                                                      std::vector<size_t>* optionalAt,
                                                      std::vector<size_t>* mapEntryAt) {
  if (path[0].text != "profile") {
    Diagnostic& d = report(DiagKind::InvalidSetTarget, path[0].range,
                           "`set` updates the profile: its path starts with `profile`, not `" +
                               path[0].text + "`");
    d.helps.emplace_back(notProfileHelp);
    return std::nullopt;
  }
  if (path.size() == 1) {
    Diagnostic& d = report(DiagKind::InvalidSetTarget, path[0].range,
                           "`set` updates a field of the profile, not the whole profile");
    d.helps.push_back("name the field: `set profile.field = value`");
    return std::nullopt;
  }
  if (path[1].text == "id") {
    Diagnostic& d = report(DiagKind::InvalidSetTarget, path[1].range,
                           "the profile's `id` cannot be changed");
    d.notes.push_back("`id` is the profile's identity");
    return std::nullopt;
  }
  std::string written = "profile";
  TypeId current = profileType;
  for (size_t i = 1; i < path.size(); ++i) {
    const ast::Name& segment = path[i];
    TypeKind kind = types.kind(current);
    if (kind == TypeKind::Error) return std::nullopt;
    if (kind == TypeKind::Dyn) {
      current = types.dyn();
    } else if (kind == TypeKind::Map && types.kind(types.param(current, 0)) == TypeKind::String) {
      current = types.param(current, 1);  // `profile.attributes.color`: a map entry
      if (mapEntryAt) mapEntryAt->push_back(i);
    } else if (kind == TypeKind::Record) {
      // Copy: checking may add records and move the table's storage.
      RecordInfo info = types.recordInfo(types.get(current).record);
      int index = info.find(segment.text);
      if (index < 0) {
        Diagnostic& d = report(DiagKind::UnknownField, segment.range,
                               (i == 1 ? "the schema" : "`" + written + "`") + std::string(" has no field `") +
                                   segment.text + "`");
        std::vector<std::string> names;
        for (const RecordField& f : info.fields) names.push_back(f.name);
        if (auto close = closestName(segment.text, names)) {
          d.helps.push_back("did you mean `" + *close + "`?");
        }
        return std::nullopt;
      }
      current = info.fields[index].type;
      if (optionalAt && info.fields[index].optional) optionalAt->push_back(i);
    } else {
      std::string type = types.print(current);
      bool vowel = std::string_view("aeio").find(type[0]) != std::string_view::npos;  // a uint
      report(DiagKind::InvalidSetTarget, segment.range,
             "`" + written + "` is " + (vowel ? "an" : "a") + " `" + type +
                 "`, which has no fields");
      return std::nullopt;
    }
    written += "." + segment.text;
  }
  return current;
}

void ProgramChecker::checkGoto(const ast::GotoStep& g, JourneyState& journey) {
  auto it = symbols.journeys.find(g.journey.text);
  if (it == symbols.journeys.end()) {
    reportUnknown(DiagKind::UnknownJourney, g.journey, "journey", namesOf(symbols.journeys));
    return;
  }
  // Both journeys must start on the same event: the target starts with this one's entry event.
  auto eventEntry = [](const ast::JourneyDecl& j) -> const ast::EventEntry* {
    for (const ast::Clause& c : j.clauses) {
      if (auto* entry = std::get_if<ast::EntryClause>(&c.kind)) {
        return std::get_if<ast::EventEntry>(&entry->kind);
      }
    }
    return nullptr;
  };
  const ast::JourneyDecl& target = *it->second.decl;
  const ast::EventEntry* mine = eventEntry(*journey.decl);
  const ast::EventEntry* theirs = eventEntry(target);
  if (!mine) {
    Diagnostic& d = report(DiagKind::GotoEntryMismatch, g.journey.range,
                           "journey `" + journey.decl->name.text +
                               "` does not start on an event, so it cannot `goto` another journey");
    d.notes.push_back("`goto` starts the target journey with this journey's entry event");
    return;
  }
  if (!symbols.events.count(mine->event.text)) return;  // already reported
  if (!theirs) {
    Diagnostic& d = report(DiagKind::GotoEntryMismatch, g.journey.range,
                           "journey `" + target.name.text + "` does not start on an event");
    d.secondary.push_back({target.name.range, "`" + target.name.text + "` is declared here"});
    d.notes.push_back("`goto` starts the target journey with this journey's entry event `" +
                      mine->event.text + "`");
    return;
  }
  if (!symbols.events.count(theirs->event.text) || theirs->event.text == mine->event.text) return;
  Diagnostic& d = report(DiagKind::GotoEntryMismatch, g.journey.range,
                         "journey `" + target.name.text + "` starts on `" + theirs->event.text +
                             "`, not `" + mine->event.text + "`");
  d.secondary.push_back({theirs->event.range, "`" + target.name.text + "` starts here"});
  d.notes.push_back("`goto` starts the target journey with this journey's entry event");
}

}  // namespace journey::sema
