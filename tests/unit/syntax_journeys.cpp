// Journeys: every header clause and step, schedules and times of day, statement headers with
// braces, newline rules, keywords as names, ranges.
#include <doctest/doctest.h>

#include "syntax_support.h"

namespace ast = journey::ast;
using journey::syntax_test::fileError;
using journey::syntax_test::parse;
using journey::syntax_test::Parsed;
using journey::syntax_test::show;

namespace {

std::unique_ptr<Parsed> journeyOf(const std::string& body) {
  return parse("journey J {\n" + body + "\n}\n");
}

const ast::JourneyDecl& theJourney(const Parsed& p) {
  REQUIRE(p.module.decls.size() == 1);
  return std::get<ast::JourneyDecl>(p.module.decls[0].kind);
}

template <typename T>
const T& clause(const Parsed& p, size_t i = 0) {
  INFO(p.message());
  REQUIRE(p.diags.all().empty());
  const auto& j = theJourney(p);
  REQUIRE(j.clauses.size() > i);
  return std::get<T>(j.clauses[i].kind);
}

template <typename T>
const T& entry(const Parsed& p) {
  return std::get<T>(clause<ast::EntryClause>(p).kind);
}

template <typename T>
const T& step(const Parsed& p, size_t i = 0) {
  INFO(p.message());
  REQUIRE(p.diags.all().empty());
  const auto& j = theJourney(p);
  REQUIRE(j.steps.size() > i);
  return std::get<T>(j.steps[i].kind);
}

}  // namespace

TEST_SUITE("syntax") {

TEST_CASE("entry on an event") {
  auto p = journeyOf("entry on CartAbandoned as cart when cart.total > 50.0");
  const auto& e = entry<ast::EventEntry>(*p);
  CHECK(e.event.text == "CartAbandoned");
  REQUIRE(e.binding.has_value());
  CHECK(e.binding->text == "cart");
  CHECK(show(p->ast, e.when) == "_>_(cart.total, 50.0)");
  auto bare = journeyOf("entry on Signup");
  CHECK(!entry<ast::EventEntry>(*bare).binding.has_value());
  CHECK(entry<ast::EventEntry>(*bare).when == ast::kNoExpr);
  auto when = journeyOf("entry on Signup when event.plan == 'pro'");
  CHECK(show(when->ast, entry<ast::EventEntry>(*when).when) == "_==_(event.plan, \"pro\")");
}

TEST_CASE("entry on an audience") {
  auto p = journeyOf("entry on audience Gold");
  CHECK(entry<ast::AudienceEntry>(*p).audience.text == "Gold");
  CHECK(!entry<ast::AudienceEntry>(*p).onExit);
  auto q = journeyOf("entry on audience Gold exit");
  CHECK(entry<ast::AudienceEntry>(*q).onExit);
  // An event may be called `audience`.
  auto r = journeyOf("entry on audience as a");
  CHECK(entry<ast::EventEntry>(*r).event.text == "audience");
}

TEST_CASE("scheduled entries") {
  auto p = journeyOf("entry every monday at 09:00 in \"Europe/Paris\" for audience LapsedBuyers");
  const auto& e = entry<ast::ScheduledEntry>(*p);
  CHECK(e.schedule.kind == ast::Schedule::Kind::WeekdayAt);
  CHECK(e.schedule.weekday == ast::Weekday::Monday);
  CHECK(e.schedule.time.hour == 9);
  CHECK(e.schedule.time.minute == 0);
  CHECK(p->text(e.schedule.time.range) == "09:00");
  CHECK(show(p->ast, e.timezone) == "\"Europe/Paris\"");
  CHECK(e.audience.text == "LapsedBuyers");
  CHECK(!e.incremental);

  auto day = journeyOf("entry every day at 7:30 for audience A incremental");
  const auto& d = entry<ast::ScheduledEntry>(*day);
  CHECK(d.schedule.kind == ast::Schedule::Kind::DayAt);
  CHECK(d.schedule.time.hour == 7);
  CHECK(d.schedule.time.minute == 30);
  CHECK(d.timezone == ast::kNoExpr);
  CHECK(d.incremental);

  auto sunday = journeyOf("entry every sunday at 23:59 for audience A");
  CHECK(entry<ast::ScheduledEntry>(*sunday).schedule.weekday == ast::Weekday::Sunday);

  auto hour = journeyOf("entry every hour for audience A");
  CHECK(entry<ast::ScheduledEntry>(*hour).schedule.kind == ast::Schedule::Kind::Hour);

  auto every = journeyOf("entry every 2h + 30m in profile.timezone for audience A");
  const auto& ev = entry<ast::ScheduledEntry>(*every);
  CHECK(ev.schedule.kind == ast::Schedule::Kind::Every);
  CHECK(show(every->ast, ev.schedule.every) == "_+_(dur(7200000000000), dur(1800000000000))");
  CHECK(show(every->ast, ev.timezone) == "profile.timezone");

  auto cron = journeyOf("entry every cron \"30 8 * * mon-fri\" for audience A");
  const auto& c = entry<ast::ScheduledEntry>(*cron);
  CHECK(c.schedule.kind == ast::Schedule::Kind::Cron);
  CHECK(c.schedule.cron == "30 8 * * mon-fri");

  auto at = journeyOf("entry at timestamp(\"2026-12-24T09:00:00Z\") for audience Everyone");
  const auto& a = entry<ast::AtEntry>(*at);
  CHECK(show(at->ast, a.at) == "timestamp(\"2026-12-24T09:00:00Z\")");
  CHECK(a.audience.text == "Everyone");
}

TEST_CASE("schedule and time-of-day mistakes") {
  CHECK(fileError("journey J {\n  entry every mon at 09:00 for audience A\n}\n") ==
        "E0115 2:15 `mon` is not a day name");
  CHECK(fileError("journey J {\n  entry every day at 9:5 for audience A\n}\n") ==
        "E0109 2:22 `9:5` is not a time of day written `HH:MM`");
  CHECK(fileError("journey J {\n  entry on E\n  wait until 123:00\n}\n").substr(0, 5) == "E0109");
  CHECK(fileError("journey J {\n  entry on E\n  wait until 10:00 on someday\n}\n") ==
        "E0115 3:23 `someday` is not a day name");
  // Ranges are the checker's: the parser keeps what was written.
  auto p = journeyOf("entry on E\nwait until 25:61");
  CHECK(step<ast::WaitUntilTimeStep>(*p).time.hour == 25);
  CHECK(step<ast::WaitUntilTimeStep>(*p).time.minute == 61);
}

TEST_CASE("key, reentry, exit, timeout, timezone, quiet hours and cap clauses") {
  auto p = journeyOf(
      "entry on CartAbandoned as cart\n"
      "key cart.cartId\n"
      "reentry after 7d\n"
      "exit on Purchase as p when has(p.cartId) && p.cartId == cart.cartId\n"
      "exit when !profile.consents.email\n"
      "timeout 30d\n"
      "timezone profile.timezone\n"
      "quiet hours 21:00 to 08:00 discard\n"
      "cap email 2 per 1d\n"
      "exit on Unsubscribed");
  REQUIRE(p->diags.all().empty());
  const auto& j = theJourney(*p);
  REQUIRE(j.clauses.size() == 10);
  CHECK(show(p->ast, std::get<ast::KeyClause>(j.clauses[1].kind).key) == "cart.cartId");
  const auto& re = std::get<ast::ReentryClause>(j.clauses[2].kind);
  CHECK(re.kind == ast::ReentryClause::Kind::After);
  CHECK(show(p->ast, re.after) == "dur(604800000000000)");
  const auto& exitOn = std::get<ast::ExitOnClause>(j.clauses[3].kind);
  CHECK(exitOn.event.text == "Purchase");
  CHECK(exitOn.binding->text == "p");
  CHECK(show(p->ast, exitOn.when) ==
        "_&&_(has<>(p.cartId), _==_(p.cartId, cart.cartId))");
  CHECK(show(p->ast, std::get<ast::ExitWhenClause>(j.clauses[4].kind).condition) ==
        "!_(profile.consents.email)");
  CHECK(show(p->ast, std::get<ast::TimeoutClause>(j.clauses[5].kind).duration) ==
        "dur(2592000000000000)");
  CHECK(show(p->ast, std::get<ast::TimezoneClause>(j.clauses[6].kind).zone) == "profile.timezone");
  const auto& quiet = std::get<ast::QuietHoursClause>(j.clauses[7].kind);
  CHECK(quiet.from.hour == 21);
  CHECK(quiet.to.hour == 8);
  CHECK(quiet.discard);
  const auto& cap = std::get<ast::CapDecl>(j.clauses[8].kind);
  CHECK(cap.channel.text == "email");
  CHECK(show(p->ast, cap.count) == "2");
  const auto& plain = std::get<ast::ExitOnClause>(j.clauses[9].kind);
  CHECK(!plain.binding.has_value());
  CHECK(plain.when == ast::kNoExpr);
  CHECK(p->text(j.clauses[7].range) == "quiet hours 21:00 to 08:00 discard");

  auto never = journeyOf("reentry never");
  CHECK(clause<ast::ReentryClause>(*never).kind == ast::ReentryClause::Kind::Never);
  auto always = journeyOf("reentry always");
  CHECK(clause<ast::ReentryClause>(*always).kind == ast::ReentryClause::Kind::Always);
  auto queue = journeyOf("quiet hours 22:00 to 07:30 queue");
  CHECK(!clause<ast::QuietHoursClause>(*queue).discard);
  auto byDefault = journeyOf("quiet hours 22:00 to 07:30");
  CHECK(!clause<ast::QuietHoursClause>(*byDefault).discard);
}

TEST_CASE("a header clause after a step") {
  auto p = journeyOf("entry on E\nsend email \"a\"\ntimeout 30d");
  CHECK(p->codes() == std::vector<std::string>{"E0114"});
  CHECK(p->message() == "header clause `timeout` comes after the first step");
  CHECK(p->where() == "4:1");
  CHECK(theJourney(*p).clauses.size() == 2);  // kept, so nothing else is reported
}

TEST_CASE("wait steps") {
  auto p = journeyOf("entry on E\nwait 1h\nwait until timestamp(\"2026-01-01T00:00:00Z\")\n"
                     "wait until 09:00\nwait until 18:30 on friday\nwait delay * 2");
  CHECK(show(p->ast, step<ast::WaitStep>(*p, 0).duration) == "dur(3600000000000)");
  CHECK(show(p->ast, step<ast::WaitUntilStep>(*p, 1).at) ==
        "timestamp(\"2026-01-01T00:00:00Z\")");
  CHECK(step<ast::WaitUntilTimeStep>(*p, 2).time.hour == 9);
  CHECK(!step<ast::WaitUntilTimeStep>(*p, 2).weekday.has_value());
  CHECK(step<ast::WaitUntilTimeStep>(*p, 3).weekday == ast::Weekday::Friday);
  CHECK(show(p->ast, step<ast::WaitStep>(*p, 4).duration) == "_*_(delay, 2)");
  // `c ? 10:20` in an expression stays a conditional.
  auto q = journeyOf("entry on E\nwait until c ? 10 : 20");
  CHECK(show(q->ast, step<ast::WaitUntilStep>(*q).at) == "_?_:_(c, 10, 20)");
}

TEST_CASE("wait for") {
  auto p = journeyOf(
      "entry on E\n"
      "wait for EmailOpened as opened when opened.messageId != \"\", Purchase as bought within 2d {\n"
      "  on opened {\n    send push \"thanks\"\n  }\n"
      "  on bought { end \"converted\" }\n"
      "  timeout {\n    end\n  }\n"
      "}");
  const auto& w = step<ast::WaitForStep>(*p);
  REQUIRE(w.events.size() == 2);
  CHECK(w.events[0].event.text == "EmailOpened");
  CHECK(w.events[0].binding->text == "opened");
  CHECK(show(p->ast, w.events[0].when) == "_!=_(opened.messageId, \"\")");
  CHECK(w.events[1].binding->text == "bought");
  CHECK(show(p->ast, w.within) == "dur(172800000000000)");
  REQUIRE(w.handlers.size() == 2);
  CHECK(w.handlers[0].binding.text == "opened");
  CHECK(w.handlers[0].body.size() == 1);
  CHECK(w.handlers[1].binding.text == "bought");
  REQUIRE(w.timeout.has_value());
  CHECK(w.timeout->size() == 1);
  CHECK(p->text(w.events[0].range) == "EmailOpened as opened when opened.messageId != \"\"");

  // A `{` after `within NAME` or after `when c` opens the block.
  auto q = journeyOf("entry on E\nwait for A within limit {\n  timeout { end }\n}");
  CHECK(show(q->ast, step<ast::WaitForStep>(*q).within) == "limit");
  auto r = journeyOf("entry on E\nwait for A when ready {\n  on A { end }\n}");
  CHECK(show(r->ast, step<ast::WaitForStep>(*r).events[0].when) == "ready");
  auto bare = journeyOf("entry on E\nwait for A\nsend email \"x\"");
  CHECK(step<ast::WaitForStep>(*bare).handlers.empty());
  CHECK(theJourney(*bare).steps.size() == 2);
  auto twice = journeyOf("entry on E\nwait for A {\n  timeout { end }\n  timeout { end }\n}");
  CHECK(twice->codes() == std::vector<std::string>{"E0119"});
}

TEST_CASE("if, else if, else") {
  auto p = journeyOf(
      "entry on E\n"
      "if a > 1 {\n  send email \"a\"\n} else if b {\n  end\n}\nelse {\n  wait 1h\n  end\n}");
  const auto& s = step<ast::IfStep>(*p);
  REQUIRE(s.branches.size() == 2);
  CHECK(show(p->ast, s.branches[0].condition) == "_>_(a, 1)");
  CHECK(show(p->ast, s.branches[1].condition) == "b");
  REQUIRE(s.elseBody.has_value());
  CHECK(s.elseBody->size() == 2);
  auto oneLine = journeyOf("entry on E\nif x { end } else { wait 1h }");
  CHECK(step<ast::IfStep>(*oneLine).elseBody.has_value());
  auto empty = journeyOf("entry on E\nif x {}");
  CHECK(step<ast::IfStep>(*empty).branches[0].body.empty());
  // In a header a `{` opens the block; a record literal needs parentheses there.
  auto record = journeyOf("entry on E\nif (Item{sku: \"a\"}) == x {\n  end\n}");
  CHECK(show(record->ast, step<ast::IfStep>(*record).branches[0].condition) ==
        "_==_(Item{sku: \"a\"}, x)");
  auto call = journeyOf("entry on E\nif f(Item{sku: \"a\"}) { end }");
  CHECK(show(call->ast, step<ast::IfStep>(*call).branches[0].condition) ==
        "f(Item{sku: \"a\"})");
  auto map = journeyOf("entry on E\nif x in {\"a\": 1} { end }");
  CHECK(show(map->ast, step<ast::IfStep>(*map).branches[0].condition) == "@in(x, {\"a\": 1})");
  auto nested = journeyOf("entry on E\nif a {\n  if b {\n    if c { end }\n  }\n}");
  CHECK(step<ast::IfStep>(*nested).branches[0].body.size() == 1);
}

TEST_CASE("split") {
  auto p = journeyOf("entry on E\nsplit \"subject-test\" {\n  50% { send email \"a\" }\n"
                     "  30% {\n    send email \"b\"\n  }\n  20% {}\n}");
  const auto& s = step<ast::SplitStep>(*p);
  CHECK(s.name == "subject-test");
  CHECK(p->text(s.nameRange) == "\"subject-test\"");
  REQUIRE(s.arms.size() == 3);
  CHECK(s.arms[0].percent == 50);
  CHECK(p->text(s.arms[0].percentRange) == "50%");
  CHECK(s.arms[1].percent == 30);
  CHECK(s.arms[2].body.empty());
}

TEST_CASE("send, call, set, let, emit, goto, end") {
  auto p = journeyOf(
      "entry on E\n"
      "send email \"cart-reminder\" { cartId: cart.cartId, total: cart.total }\n"
      "send sms \"plain\"\n"
      "send push \"multi\" {\n  a: 1\n  b: 2,\n  ?c: optional.none()\n}\n"
      "call crm_score { id: profile.id } as r on error {\n  end \"crm down\"\n}\n"
      "call ping\n"
      "set profile.tags = profile.tags + [\"winback-sent\"]\n"
      "set profile.loyalty.points = 0\n"
      "let total = cart.total * 1.2\n"
      "emit CartSaved { cartId: cart.cartId }\n"
      "emit Ping\n"
      "goto Other\n"
      "end\n"
      "end \"done\"");
  const auto& send = step<ast::SendStep>(*p, 0);
  CHECK(send.channel.text == "email");
  CHECK(send.templateName == "cart-reminder");
  CHECK(p->text(send.templateRange) == "\"cart-reminder\"");
  REQUIRE(send.payload.size() == 2);
  CHECK(send.payload[1].field.text == "total");
  CHECK(show(p->ast, send.payload[1].value) == "cart.total");
  CHECK(step<ast::SendStep>(*p, 1).payload.empty());
  const auto& multi = step<ast::SendStep>(*p, 2);
  REQUIRE(multi.payload.size() == 3);
  CHECK(multi.payload[2].optional);
  const auto& call = step<ast::CallStep>(*p, 3);
  CHECK(call.action.text == "crm_score");
  CHECK(call.args.size() == 1);
  CHECK(call.binding->text == "r");
  REQUIRE(call.onError.has_value());
  CHECK(call.onError->size() == 1);
  const auto& ping = step<ast::CallStep>(*p, 4);
  CHECK(ping.args.empty());
  CHECK(!ping.binding.has_value());
  CHECK(!ping.onError.has_value());
  const auto& set = step<ast::SetStep>(*p, 5);
  REQUIRE(set.path.size() == 2);
  CHECK(set.path[0].text == "profile");
  CHECK(set.path[1].text == "tags");
  CHECK(show(p->ast, set.value) == "_+_(profile.tags, [\"winback-sent\"])");
  CHECK(step<ast::SetStep>(*p, 6).path.size() == 3);
  const auto& let = step<ast::LetStep>(*p, 7);
  CHECK(let.name.text == "total");
  CHECK(show(p->ast, let.value) == "_*_(cart.total, 1.2)");
  const auto& emit = step<ast::EmitStep>(*p, 8);
  CHECK(emit.event.text == "CartSaved");
  CHECK(emit.fields.size() == 1);
  CHECK(step<ast::EmitStep>(*p, 9).fields.empty());
  CHECK(step<ast::GotoStep>(*p, 10).journey.text == "Other");
  CHECK(!step<ast::EndStep>(*p, 11).reason.has_value());
  CHECK(step<ast::EndStep>(*p, 12).reason == "done");
}

TEST_CASE("step ranges") {
  auto p = parse("journey J {\n  entry on E\n  wait 1h\n  if x {\n    end\n  }\n}\n");
  const auto& j = theJourney(*p);
  REQUIRE(j.steps.size() == 2);
  CHECK(p->text(j.steps[0].range) == "wait 1h");
  CHECK(p->sources.lineCol(p->file, j.steps[0].range.begin).line == 3);
  CHECK(p->text(j.steps[1].range) == "if x {\n    end\n  }");
  const auto& inner = std::get<ast::IfStep>(j.steps[1].kind).branches[0].body[0];
  CHECK(p->sources.location(inner.range) == "test.journey:5:5");
}

TEST_CASE("statements end at newlines or semicolons") {
  auto p = journeyOf("entry on E; wait 1h; send email \"a\"\n\n\nend;");
  CHECK(p->diags.all().empty());
  CHECK(theJourney(*p).steps.size() == 3);
  // No newline ends a statement inside parentheses or brackets, or after an operator, `.`,
  // `,`, `?`, `:` or `=`.
  auto q = journeyOf(
      "entry on E\n"
      "let a = f(1,\n  2)\n"
      "let b = [\n  1,\n  2\n]\n"
      "let c = x &&\n  y ||\n  z\n"
      "let d = profile.\n  tags\n"
      "let e = c ?\n  1 :\n  2\n"
      "let f =\n  3\n"
      "let g = {\n  \"a\": 1,\n  \"b\": 2,\n}\n"
      "let h = Item{\n  sku: \"a\"\n}");
  INFO(q->message());
  CHECK(q->diags.all().empty());
  const auto& j = theJourney(*q);
  REQUIRE(j.steps.size() == 8);
  CHECK(show(q->ast, std::get<ast::LetStep>(j.steps[2].kind).value) == "_||_(_&&_(x, y), z)");
  CHECK(show(q->ast, std::get<ast::LetStep>(j.steps[3].kind).value) == "profile.tags");
  CHECK(show(q->ast, std::get<ast::LetStep>(j.steps[4].kind).value) == "_?_:_(c, 1, 2)");
  // A newline before an operator does end the statement.
  auto r = journeyOf("entry on E\nlet a = x\n  && y");
  CHECK(r->code() == "E0101");
  CHECK(r->where() == "4:3");
}

TEST_CASE("journey keywords as names") {
  auto p = journeyOf(
      "entry on E as entry\n"
      "key entry.key\n"
      "let wait = profile.wait\n"
      "let send = cart.key + entry.timeout\n"
      "call action as call\n"
      "set profile.split.when = wait");
  INFO(p->message());
  CHECK(p->diags.all().empty());
  const auto& j = theJourney(*p);
  CHECK(std::get<ast::LetStep>(j.steps[0].kind).name.text == "wait");
  CHECK(show(p->ast, std::get<ast::LetStep>(j.steps[1].kind).value) ==
        "_+_(cart.key, entry.timeout)");
  CHECK(std::get<ast::SetStep>(j.steps[3].kind).path[2].text == "when");
  CHECK(fileError("journey J {\n  entry on E\n  let if = 1\n}\n") ==
        "E0106 3:7 `if` is a reserved word and cannot be used as a name");
  CHECK(fileError("journey J {\n  entry on E as for\n}\n").substr(0, 5) == "E0106");
}

TEST_CASE("the design document's example parses") {
  auto p = parse(
      "journey CartRecovery {\n"
      "  entry on CartAbandoned as cart when cart.total > 50.0\n"
      "  key cart.cartId                 // one instance per (journey, key)\n"
      "  reentry after 7d\n"
      "  exit on Purchase as p when has(p.cartId) && p.cartId == cart.cartId\n"
      "  exit when !profile.consents.email\n"
      "  timeout 30d\n"
      "  timezone profile.timezone\n"
      "  quiet hours 21:00 to 08:00 queue\n"
      "\n"
      "  wait 1h\n"
      "  if !has(profile.email) {\n"
      "    end \"no email\"\n"
      "  }\n"
      "  send email \"cart-reminder\" { cartId: cart.cartId, total: cart.total }\n"
      "  wait for EmailOpened as opened, Purchase as bought within 2d {\n"
      "    on opened {\n"
      "      send push \"thanks-for-looking\"\n"
      "    }\n"
      "    on bought {\n"
      "      end \"converted\"\n"
      "    }\n"
      "    timeout {\n"
      "      if profile.consents.sms {\n"
      "        send sms \"cart-sms\" { text: \"Your cart is waiting, \" + profile.firstName }\n"
      "      }\n"
      "    }\n"
      "  }\n"
      "  split \"subject-test\" {\n"
      "    50% { send email \"winback-a\" }\n"
      "    50% { send email \"winback-b\" }\n"
      "  }\n"
      "}\n");
  INFO(p->message());
  CHECK(p->diags.all().empty());
  CHECK(theJourney(*p).clauses.size() == 8);
  CHECK(theJourney(*p).steps.size() == 5);
}

}  // TEST_SUITE
