// Journeys: header clauses, schedules, times of day and steps.
#include <array>

#include "compiler/syntax/ast_builder.h"
#include "compiler/syntax/literals.h"

namespace journey::syntax {

using P = grammar::JourneyParser;

ast::JourneyDecl AstBuilder::journey(P::JourneyDeclContext* ctx, ast::Name journeyName) {
  ast::JourneyDecl j;
  j.name = std::move(journeyName);
  std::optional<SourceRange> firstStep;
  for (P::JourneyItemContext* item : ctx->journeyItem()) {
    if (P::ClauseContext* c = item->clause()) {
      std::optional<ast::Clause> clause = this->clause(c);
      if (!clause) continue;
      if (firstStep) {
        Diagnostic& d = report(DiagKind::ClauseAfterStep, range(c->getStart()),
                               "header clause `" + std::string(textOf(c->getStart())) +
                                   "` comes after the first step");
        d.secondary.push_back(Label{*firstStep, "the steps start here"});
        d.helps.push_back("move the clause up, before the journey's first step");
      }
      j.clauses.push_back(std::move(*clause));
    } else if (P::StmtContext* s = item->stmt()) {
      if (std::optional<ast::Step> st = step(s)) {
        if (!firstStep) firstStep = range(s->getStart());
        j.steps.push_back(std::move(*st));
      }
    }
  }
  return j;
}

// ---------------------------------------------------------------------------------------------
// Header clauses

std::optional<ast::Clause> AstBuilder::clause(P::ClauseContext* ctx) {
  SourceRange whole = range(ctx);
  auto make = [&](ast::ClauseKind kind) { return ast::Clause{std::move(kind), whole}; };
  auto exprOr = [&](P::ExprContext* e) { return e != nullptr ? expr(e) : error(whole); };

  if (auto* c = dynamic_cast<P::EntryAudienceContext*>(ctx)) {
    std::optional<ast::Name> audience = name(c->ident());
    if (!audience) return std::nullopt;
    return make(ast::EntryClause{ast::AudienceEntry{*audience, c->EXIT() != nullptr}});
  }
  if (auto* c = dynamic_cast<P::EntryEventContext*>(ctx)) {
    std::optional<ast::Name> event = name(c->ident(0));
    if (!event) return std::nullopt;
    ast::EventEntry entry{*event, std::nullopt, ast::kNoExpr};
    if (c->AS() != nullptr) entry.binding = bindingName(c->ident(1));
    if (c->WHEN() != nullptr) entry.when = exprOr(c->expr());
    return make(ast::EntryClause{std::move(entry)});
  }
  if (auto* c = dynamic_cast<P::EntryEveryContext*>(ctx)) {
    std::optional<ast::Schedule> schedule = this->schedule(c->schedule());
    std::optional<ast::Name> audience = name(c->ident());
    if (!schedule || !audience) return std::nullopt;
    ast::ScheduledEntry entry;
    entry.schedule = std::move(*schedule);
    if (c->IN() != nullptr) entry.timezone = exprOr(c->expr());
    entry.audience = *audience;
    entry.incremental = c->INCREMENTAL() != nullptr;
    return make(ast::EntryClause{std::move(entry)});
  }
  if (auto* c = dynamic_cast<P::EntryAtContext*>(ctx)) {
    std::optional<ast::Name> audience = name(c->ident());
    if (!audience) return std::nullopt;
    return make(ast::EntryClause{ast::AtEntry{exprOr(c->expr()), *audience}});
  }
  if (auto* c = dynamic_cast<P::KeyClauseContext*>(ctx)) {
    return make(ast::KeyClause{exprOr(c->expr())});
  }
  if (auto* c = dynamic_cast<P::ReentryClauseContext*>(ctx)) {
    ast::ReentryClause r;
    if (c->NEVER() != nullptr) {
      r.kind = ast::ReentryClause::Kind::Never;
    } else if (c->ALWAYS() != nullptr) {
      r.kind = ast::ReentryClause::Kind::Always;
    } else if (c->AFTER() != nullptr) {
      r.kind = ast::ReentryClause::Kind::After;
      r.after = exprOr(c->expr());
    } else {
      return std::nullopt;
    }
    return make(r);
  }
  if (auto* c = dynamic_cast<P::ExitOnClauseContext*>(ctx)) {
    std::optional<ast::Name> event = name(c->ident(0));
    if (!event) return std::nullopt;
    ast::ExitOnClause exit{*event, std::nullopt, ast::kNoExpr};
    if (c->AS() != nullptr) exit.binding = bindingName(c->ident(1));
    if (c->WHEN() != nullptr) exit.when = exprOr(c->expr());
    return make(std::move(exit));
  }
  if (auto* c = dynamic_cast<P::ExitWhenClauseContext*>(ctx)) {
    return make(ast::ExitWhenClause{exprOr(c->expr())});
  }
  if (auto* c = dynamic_cast<P::TimeoutClauseContext*>(ctx)) {
    return make(ast::TimeoutClause{exprOr(c->expr())});
  }
  if (auto* c = dynamic_cast<P::TimezoneClauseContext*>(ctx)) {
    return make(ast::TimezoneClause{exprOr(c->expr())});
  }
  if (auto* c = dynamic_cast<P::QuietHoursClauseContext*>(ctx)) {
    if (c->from == nullptr || c->to == nullptr) return std::nullopt;
    ast::QuietHoursClause q;
    q.from = timeOfDay(c->from);
    q.to = timeOfDay(c->to);
    q.discard = c->DISCARD() != nullptr;
    return make(q);
  }
  if (auto* c = dynamic_cast<P::CapClauseContext*>(ctx)) {
    if (c->capDecl() == nullptr) return std::nullopt;
    std::optional<ast::CapDecl> cap = capDecl(c->capDecl());
    if (!cap) return std::nullopt;
    return make(std::move(*cap));
  }
  return std::nullopt;
}

std::optional<ast::Schedule> AstBuilder::schedule(P::ScheduleContext* ctx) {
  if (ctx == nullptr) return std::nullopt;
  ast::Schedule s;
  s.range = range(ctx);
  if (auto* at = dynamic_cast<P::ScheduleAtContext*>(ctx)) {
    std::optional<ast::Name> day = name(at->ident());
    if (!day || at->timeOfDay() == nullptr) return std::nullopt;
    bool isDay = false;
    std::optional<ast::Weekday> wd = weekday(*day, true, isDay);
    s.kind = wd ? ast::Schedule::Kind::WeekdayAt : ast::Schedule::Kind::DayAt;
    if (wd) s.weekday = *wd;
    s.time = timeOfDay(at->timeOfDay());
    return s;
  }
  if (auto* cron = dynamic_cast<P::ScheduleCronContext*>(ctx)) {
    std::optional<std::string> spec = stringValue(cron->STRING());
    if (!spec) return std::nullopt;
    s.kind = ast::Schedule::Kind::Cron;
    s.cron = *spec;
    return s;
  }
  if (auto* every = dynamic_cast<P::ScheduleEveryContext*>(ctx)) {
    if (every->arithmetic() == nullptr) return std::nullopt;
    ast::ExprId e = operatorChain(every->arithmetic());
    // `every hour` reads as an identifier; it is the hourly schedule.
    if (auto* id = std::get_if<ast::Ident>(&ast_[e].node); id && !id->rooted && id->name == "hour") {
      s.kind = ast::Schedule::Kind::Hour;
      return s;
    }
    s.kind = ast::Schedule::Kind::Every;
    s.every = e;
    return s;
  }
  return std::nullopt;
}

std::optional<ast::Weekday> AstBuilder::weekday(const ast::Name& day, bool allowDay, bool& isDay) {
  static const std::array<const char*, 7> kDays = {"sunday", "monday", "tuesday", "wednesday",
                                                   "thursday", "friday", "saturday"};
  for (size_t i = 0; i < kDays.size(); ++i) {
    if (day.text == kDays[i]) return static_cast<ast::Weekday>(i);
  }
  isDay = allowDay && day.text == "day";
  if (!isDay) {
    report(DiagKind::UnknownDayName, day.range, "`" + day.text + "` is not a day name")
        .helps.push_back(allowDay ? "write `day` (every day) or a weekday, `monday` to `sunday`"
                                  : "write a weekday, `monday` to `sunday`");
  }
  return std::nullopt;
}

// `HH:MM`: an hour of one or two digits and a minute of two. The ranges (0-23, 0-59) are
// checked with the other journey rules (E0405); here only the written form.
ast::TimeOfDay AstBuilder::timeOfDay(P::TimeOfDayContext* ctx) {
  ast::TimeOfDay t;
  t.range = range(ctx);
  if (ctx->exception != nullptr || ctx->INT().size() != 2) return t;
  std::string_view hour = textOf(ctx->INT(0)->getSymbol());
  std::string_view minute = textOf(ctx->INT(1)->getSymbol());
  auto digitsOnly = [](std::string_view s) {
    for (char c : s) {
      if (c < '0' || c > '9') return false;
    }
    return !s.empty();
  };
  if (!digitsOnly(hour) || !digitsOnly(minute) || hour.size() > 2 || minute.size() != 2) {
    report(DiagKind::MalformedTimeOfDay, t.range,
           "`" + std::string(text_.slice(t.range)) + "` is not a time of day written `HH:MM`")
        .helps.push_back("write the hour with one or two digits and the minute with two, as in "
                         "`09:05`");
    return t;
  }
  t.hour = std::stoi(std::string(hour));
  t.minute = std::stoi(std::string(minute));
  return t;
}

// ---------------------------------------------------------------------------------------------
// Steps

ast::Block AstBuilder::block(P::BlockContext* ctx) {
  ast::Block out;
  if (ctx == nullptr) return out;
  for (P::StmtContext* s : ctx->stmt()) {
    if (std::optional<ast::Step> st = step(s)) out.push_back(std::move(*st));
  }
  return out;
}

std::optional<ast::Step> AstBuilder::step(P::StmtContext* ctx) {
  SourceRange whole = range(ctx);
  auto exprOr = [&](P::ExprContext* e) { return e != nullptr ? expr(e) : error(whole); };
  std::optional<ast::StepKind> kind;

  if (auto* s = dynamic_cast<P::WaitUntilTimeStmtContext*>(ctx)) {
    if (s->timeOfDay() == nullptr) return std::nullopt;
    ast::WaitUntilTimeStep w;
    w.time = timeOfDay(s->timeOfDay());
    if (s->ON() != nullptr) {
      std::optional<ast::Name> day = name(s->ident());
      bool isDay = false;
      if (day) w.weekday = weekday(*day, false, isDay);
    }
    kind = w;
  } else if (auto* s = dynamic_cast<P::WaitUntilStmtContext*>(ctx)) {
    kind = ast::WaitUntilStep{exprOr(s->expr())};
  } else if (auto* s = dynamic_cast<P::WaitForStmtContext*>(ctx)) {
    kind = waitFor(s);
  } else if (auto* s = dynamic_cast<P::WaitStmtContext*>(ctx)) {
    kind = ast::WaitStep{exprOr(s->expr())};
  } else if (auto* s = dynamic_cast<P::IfStmtContext*>(ctx)) {
    ast::IfStep ifStep;
    ifStep.branches.push_back(
        ast::IfBranch{exprOr(s->expr()), block(s->block(0)),
                      SourceRange::cover(range(s->IF()), range(s->block(0)))});
    for (P::ElseIfContext* e : s->elseIf()) {
      ifStep.branches.push_back(ast::IfBranch{exprOr(e->expr()), block(e->block()), range(e)});
    }
    if (s->ELSE() != nullptr) ifStep.elseBody = block(s->block(1));
    kind = std::move(ifStep);
  } else if (auto* s = dynamic_cast<P::SplitStmtContext*>(ctx)) {
    kind = split(s);
  } else if (auto* s = dynamic_cast<P::SendStmtContext*>(ctx)) {
    std::optional<ast::Name> channel = name(s->ident());
    std::optional<std::string> tpl = stringValue(s->STRING());
    if (!channel || !tpl) return std::nullopt;
    kind = ast::SendStep{*channel, *tpl, range(s->STRING()), fieldBlock(s->fieldBlock())};
  } else if (auto* s = dynamic_cast<P::CallStmtContext*>(ctx)) {
    std::optional<ast::Name> action = name(s->ident(0));
    if (!action) return std::nullopt;
    ast::CallStep call;
    call.action = *action;
    call.args = fieldBlock(s->fieldBlock());
    if (s->AS() != nullptr) call.binding = bindingName(s->ident(1));
    if (s->ERROR() != nullptr) call.onError = block(s->block());
    kind = std::move(call);
  } else if (auto* s = dynamic_cast<P::SetStmtContext*>(ctx)) {
    ast::SetStep set;
    std::optional<ast::Name> root = name(s->ident());
    if (!root) return std::nullopt;
    set.path.push_back(*root);
    for (P::SelectorContext* sel : s->selector()) {
      std::optional<ast::Name> part = name(sel);
      if (!part) return std::nullopt;
      set.path.push_back(*part);
    }
    set.value = exprOr(s->expr());
    kind = std::move(set);
  } else if (auto* s = dynamic_cast<P::LetStmtContext*>(ctx)) {
    std::optional<ast::Name> n = bindingName(s->ident());
    if (!n) return std::nullopt;
    kind = ast::LetStep{*n, exprOr(s->expr())};
  } else if (auto* s = dynamic_cast<P::EmitStmtContext*>(ctx)) {
    std::optional<ast::Name> event = name(s->ident());
    if (!event) return std::nullopt;
    kind = ast::EmitStep{*event, fieldBlock(s->fieldBlock())};
  } else if (auto* s = dynamic_cast<P::GotoStmtContext*>(ctx)) {
    std::optional<ast::Name> target = name(s->ident());
    if (!target) return std::nullopt;
    kind = ast::GotoStep{*target};
  } else if (auto* s = dynamic_cast<P::EndStmtContext*>(ctx)) {
    ast::EndStep end;
    if (s->STRING() != nullptr) end.reason = stringValue(s->STRING());
    kind = std::move(end);
  }
  if (!kind) return std::nullopt;
  return ast::Step{std::move(*kind), whole};
}

std::optional<ast::StepKind> AstBuilder::waitFor(P::WaitForStmtContext* ctx) {
  ast::WaitForStep w;
  for (P::AwaitedContext* a : ctx->awaited()) {
    std::optional<ast::Name> event = name(a->ident(0));
    if (!event) continue;
    ast::AwaitedEvent awaited{*event, std::nullopt, ast::kNoExpr, range(a)};
    if (a->AS() != nullptr) awaited.binding = bindingName(a->ident(1));
    if (a->WHEN() != nullptr) awaited.when = a->expr() ? expr(a->expr()) : error(range(a));
    w.events.push_back(std::move(awaited));
  }
  if (w.events.empty()) return std::nullopt;
  if (ctx->WITHIN() != nullptr) w.within = ctx->expr() ? expr(ctx->expr()) : error(range(ctx));
  if (P::WaitBodyContext* body = ctx->waitBody()) {
    for (P::HandlerContext* h : body->handler()) {
      if (auto* on = dynamic_cast<P::OnHandlerContext*>(h)) {
        std::optional<ast::Name> binding = name(on->ident());
        if (!binding) continue;
        w.handlers.push_back(ast::OnHandler{*binding, block(on->block()), range(on)});
      } else if (auto* t = dynamic_cast<P::TimeoutHandlerContext*>(h)) {
        if (w.timeout) {
          report(DiagKind::RepeatedPart, range(t->TIMEOUT()),
                 "this `wait for` already has a `timeout` handler")
              .secondary.push_back(Label{w.timeoutRange, "the first one"});
          continue;
        }
        w.timeout = block(t->block());
        w.timeoutRange = range(t);
      }
    }
  }
  return ast::StepKind{std::move(w)};
}

std::optional<ast::StepKind> AstBuilder::split(P::SplitStmtContext* ctx) {
  std::optional<std::string> splitName = stringValue(ctx->STRING());
  if (!splitName) return std::nullopt;
  ast::SplitStep s;
  s.name = *splitName;
  s.nameRange = range(ctx->STRING());
  if (ctx->splitBody() == nullptr) return std::nullopt;
  for (P::SplitArmContext* arm : ctx->splitBody()->splitArm()) {
    if (arm->INT() == nullptr || arm->exception != nullptr) continue;
    ast::SplitArm a;
    a.percentRange = SourceRange::cover(range(arm->INT()), range(arm->MOD()));
    SourceRange digits = range(arm->INT());
    if (auto problem = decodeInt(text_.slice(digits), false, a.percent)) {
      report(problem->kind, digits, problem->message);
      continue;
    }
    a.body = block(arm->block());
    s.arms.push_back(std::move(a));
  }
  return ast::StepKind{std::move(s)};
}

}  // namespace journey::syntax
