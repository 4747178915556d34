// The runtime's inputs (LANGUAGE.md §5): profile lines and the record stream read against a
// lowered program's schema, every reason a line is rejected, defaults, `set` patches and how
// they merge into a profile.
#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "compiler/driver/frontend.h"
#include "compiler/ir/lower_program.h"
#include "compiler/syntax/parser.h"
#include "runtime_support.h"
#include "vm/runtime/input_records.h"
#include "vm/runtime/interp_engine.h"
#include "vm/runtime/line_reader.h"
#include "vm/value/packed_tree.h"
#include "vm/value/plain_json.h"
#include "vm/value/value_convert.h"

using namespace journey;

namespace {

const char* kInputProgram = R"(
type Item { sku: string, qty: int = 1, price: double }
schema Profile {
  id: string
  email: string?
  firstName: string
  country: string = "FR"
  loyalty: { tier: string = "basic", points: int }
  consents: { email: bool = false, sms: bool = false }
  tags: list<string>
  scores: map<string, int>?
  seen: timestamp?
}
event CartAbandoned { cartId: string, total: double, items: list<Item> }
event Purchase { orderId: string, cartId: string?, total: double }
event Ping {}
audience French = profile.country == "FR"
)";

// A checked, lowered program and a reader over it; defaults are evaluated by the interpreter.
struct InputWorld {
  explicit InputWorld(const char* source = kInputProgram) {
    FileId f = fe.sources.add("program.journey", source);
    fe.ast.modules.push_back(syntax::parseFile(f, fe.sources, fe.ast, fe.diags));
    bool ok = fe.check();
    REQUIRE_MESSAGE(ok, (fe.diags.all().empty() ? "" : fe.diags.all().front().message));
    program = ir::lowerProgram(fe.sources, fe.ast, fe.program);
    engine = runtime::makeInterpEngine(program);
    newReader();
  }

  // A reader as a new run's: it remembers no record before.
  void newReader() {
    reader = std::make_unique<runtime::InputReader>(
        program, test::evaluatedDefaults(program, *engine));
  }

  // The profile as plain JSON, or `rejected LINE: reason`.
  std::string profile(std::string_view line, size_t number = 1) {
    auto r = reader->readProfile(line, number);
    if (auto* bad = std::get_if<runtime::Rejection>(&r)) return rejected(*bad);
    auto& p = std::get<runtime::ProfileInput>(r);
    std::string out = p.id + " ";
    appendPlainJson(out, p.profile);
    return out;
  }

  // `event NAME PROFILE TIME {data}`, `set PROFILE TIME {patch}`, `audience NAME PROFILE TIME
  // enter|exit` or `rejected LINE: reason`.
  std::string record(std::string_view line, size_t number = 1) {
    runtime::RecordInput r = reader->readRecord(line, number);
    if (auto* bad = std::get_if<runtime::Rejection>(&r)) return rejected(*bad);
    std::string out;
    if (auto* e = std::get_if<runtime::EventInput>(&r)) {
      out = "event " + program.events[e->event].name + " " + e->profile + " " +
            formatTimestamp(e->time) + " ";
      appendPlainJson(out, e->record);
    } else if (auto* a = std::get_if<runtime::AudienceInput>(&r)) {
      out = "audience " + program.audiences[a->audience].name + " " + a->profile + " " +
            formatTimestamp(a->time) + (a->enter ? " enter" : " exit");
    } else {
      auto& s = std::get<runtime::SetInput>(r);
      out = "set " + s.profile + " " + formatTimestamp(s.time) + " ";
      appendPlainJson(out, s.patch);
    }
    return out;
  }

  // The reason alone, for lines expected to be rejected.
  std::string reason(std::string_view line) {
    std::string r = record(line, 7);
    const std::string prefix = "rejected 7: ";
    return r.starts_with(prefix) ? r.substr(prefix.size()) : "accepted: " + r;
  }
  std::string profileReason(std::string_view line) {
    std::string r = profile(line, 3);
    const std::string prefix = "rejected 3: ";
    return r.starts_with(prefix) ? r.substr(prefix.size()) : "accepted: " + r;
  }

  Value profileValue(std::string_view line) {
    auto r = reader->readProfile(line, 1);
    REQUIRE(std::holds_alternative<runtime::ProfileInput>(r));
    return std::get<runtime::ProfileInput>(r).profile;
  }
  Value patchValue(std::string_view line) {
    runtime::RecordInput r = reader->readRecord(line, 1);
    if (auto* bad = std::get_if<runtime::Rejection>(&r)) FAIL(bad->reason);
    REQUIRE(std::holds_alternative<runtime::SetInput>(r));
    return std::get<runtime::SetInput>(r).patch;
  }

  static std::string rejected(const runtime::Rejection& r) {
    return "rejected " + std::to_string(r.line) + ": " + r.reason;
  }

  Frontend fe;
  ir::ProgramIr program;
  std::unique_ptr<runtime::ExpressionEngine> engine;
  std::unique_ptr<runtime::InputReader> reader;
};

std::string json(const Value& v) {
  std::string out;
  appendPlainJson(out, v);
  return out;
}

const char* kAnn =
    R"({"id": "p1", "firstName": "Ann", "loyalty": {"points": 3}, "tags": ["a"],)"
    R"( "consents": {"email": true}})";

}  // namespace

TEST_SUITE_BEGIN("runtime");

TEST_CASE("runtime input: profiles with defaults, optional and nested records") {
  InputWorld w;
  CHECK(w.profile(kAnn) ==
        R"(p1 {"id": "p1", "firstName": "Ann", "country": "FR", "loyalty": {"tier": "basic", )"
        R"("points": 3}, "consents": {"email": true, "sms": false}, "tags": ["a"]})");
  // Optional fields given, or null (absent); defaults overridden.
  CHECK(w.profile(R"({"id": "p2", "email": "b@x.io", "firstName": "Bo", "country": "DE",)"
                  R"( "loyalty": {"tier": "gold", "points": 9}, "consents": {}, "tags": [],)"
                  R"( "scores": {"a": 1}, "seen": "2026-03-02T10:00:00+01:00"})") ==
        R"(p2 {"id": "p2", "email": "b@x.io", "firstName": "Bo", "country": "DE", "loyalty": )"
        R"({"tier": "gold", "points": 9}, "consents": {"email": false, "sms": false}, )"
        R"("tags": [], "scores": {"a": 1}, "seen": "2026-03-02T09:00:00Z"})");
  CHECK(w.profile(R"({"id": "p3", "email": null, "firstName": "C", "loyalty": {"points": 0},)"
                  R"( "consents": {}, "tags": [], "seen": null})") ==
        R"(p3 {"id": "p3", "firstName": "C", "country": "FR", "loyalty": {"tier": "basic", )"
        R"("points": 0}, "consents": {"email": false, "sms": false}, "tags": []})");
}

TEST_CASE("runtime input: profiles built in chunks read the same, each in one run of lines") {
  InputWorld heap, chunked;
  chunked.reader->buildProfilesInChunks();
  const std::string lines[] = {
      kAnn,
      R"({"id": "p2", "email": "someone.longer@example.com", "firstName": "Bo", "country": "DE",)"
      R"( "loyalty": {"tier": "gold", "points": 9}, "consents": {}, "tags": ["one", "two"],)"
      R"( "scores": {"a": 1}, "seen": "2026-03-02T10:00:00+01:00"})",
      R"({"id": "p3", "firstName": 7})",  // rejected alike
  };
  for (const std::string& line : lines) {
    CAPTURE(line);
    CHECK(chunked.profile(line) == heap.profile(line));
    auto r = chunked.reader->readProfile(line, 1);
    auto* p = std::get_if<runtime::ProfileInput>(&r);
    if (!p) continue;
    const PackedBlock* chunk = packedBlockOf(p->profile);
    REQUIRE(chunk != nullptr);
    CHECK(p->spanBytes > 0);
    // The nested records and the list lie in the chunk, within the span from the root.
    auto* root = reinterpret_cast<const char*>(p->profile.heapObject());
    RecordView profile = p->profile.asRecord();
    for (size_t f = 0; f < profile.fieldCount(); ++f) {
      const HeapObject* o = profile.field(f).heapObject();
      if (!o || profile.field(f).kind() == ValueKind::String) continue;  // strings may be shared
      CHECK(packedBlockOf(*o) == chunk);
      CHECK(reinterpret_cast<const char*>(o) < root + p->spanBytes);
    }
    // A reader that has not been asked builds on the heap, as before.
    auto h = heap.reader->readProfile(line, 1);
    CHECK(packedBlockOf(std::get<runtime::ProfileInput>(h).profile) == nullptr);
    CHECK(std::get<runtime::ProfileInput>(h).spanBytes == 0);
  }
}

TEST_CASE("runtime input: every reason a profile line is rejected") {
  InputWorld w;
  CHECK(w.profile("{\"id\": ", 12).starts_with("rejected 12: not JSON: "));
  CHECK(w.profileReason(runtime::LineReader::kOverlongLine) ==
        "the line is longer than 64 MiB, which no record is");
  CHECK(w.profileReason("[1, 2]") == "profile: expected an object, found an array");
  CHECK(w.profileReason(R"({"id": "p1", "loyalty": {"points": 3}, "consents": {}, "tags": []})") ==
        "profile: missing field `firstName`");
  CHECK(w.profileReason(R"({"id": 7, "firstName": "A", "loyalty": {"points": 3},)"
                        R"( "consents": {}, "tags": []})") ==
        "profile.id: expected a string, found the number 7");
  CHECK(w.profileReason(R"({"id": "", "firstName": "A", "loyalty": {"points": 3},)"
                        R"( "consents": {}, "tags": []})") == "profile.id: the id is empty");
  CHECK(w.profileReason(R"({"id": "p", "firstName": "A", "loyalty": {"points": "3"},)"
                        R"( "consents": {}, "tags": []})") ==
        R"(profile.loyalty.points: expected an int, found the string "3")");
  CHECK(w.profileReason(R"({"id": "p", "firstName": "A", "loyalty": {"points": 3},)"
                        R"( "consents": {}, "tags": ["a", 2]})") ==
        "profile.tags[1]: expected a string, found the number 2");
  CHECK(w.profileReason(R"({"id": "p", "firstName": "A", "loyalty": {"points": 3},)"
                        R"( "consents": {"fax": true}, "tags": []})") ==
        "profile.consents.fax: `Profile.consents` has no such field");
  CHECK(w.profileReason(R"({"id": "p", "firstName": "A", "loyalty": {"points": 3},)"
                        R"( "consents": {}, "tags": [], "seen": "noon"})")
            .starts_with("profile.seen: "));
  CHECK(w.profileReason(R"({"id": "p", "firstName": null, "loyalty": {"points": 3},)"
                        R"( "consents": {}, "tags": []})") ==
        "profile.firstName: expected a string, found null");
  // A map key that is not a name is quoted in the path, which then reads one way.
  const std::string whole = R"({"id": "p", "firstName": "A", "loyalty": {"points": 3},)"
                            R"( "consents": {}, "tags": [], )";
  CHECK(w.profileReason(whole + R"("scores": {"a.b": "x"}})") ==
        R"(profile.scores["a.b"]: expected an int, found the string "x")");
  CHECK(w.profileReason(whole + R"("scores": {"": "x"}})") ==
        R"(profile.scores[""]: expected an int, found the string "x")");
  CHECK(w.profileReason(whole + R"("scores": {"_a1": "x"}})") ==
        R"(profile.scores._a1: expected an int, found the string "x")");
  // A found string is cut after 40 bytes, back to the start of a character, and marked;
  // what it holds is written as JSON; numbers and booleans are shown as they are.
  const std::string found = "profile.scores.a: expected an int, found ";
  CHECK(w.profileReason(whole + R"("scores": {"a": ")" + std::string(39, 'x') + R"(\u00e9"}})") ==
        found + "the string \"" + std::string(39, 'x') + "…\"");
  CHECK(w.profileReason(whole + R"("scores": {"a": "a\"b\n"}})") ==
        found + R"(the string "a\"b\n")");
  CHECK(w.profileReason(R"({"id": "p", "firstName": 2.5, "loyalty": {"points": 3},)"
                        R"( "consents": {}, "tags": []})") ==
        "profile.firstName: expected a string, found the number 2.5");
  CHECK(w.profileReason(whole + R"("scores": {"a": false}})") == found + "false");
  CHECK(w.profileReason(whole + R"("scores": {"a": [1]}})") == found + "an array");
  // Trailing content is not one JSON value.
  CHECK(w.profileReason(R"({"id": "p"} {"id": "q"})").starts_with("not JSON: "));
  // Text that is not UTF-8, as raw bytes or as a lone surrogate escape, never becomes a
  // string: the JSON parser refuses the line.
  CHECK(w.profileReason("{\"id\": \"p\xff\"}").starts_with("not JSON: "));
  CHECK(w.profileReason(R"({"id": "p\ud800"})").starts_with("not JSON: "));
  CHECK(w.profileReason(R"({"id": "p\udc00\ud800"})").starts_with("not JSON: "));
}

TEST_CASE("runtime input: event records take their time from the line") {
  InputWorld w;
  CHECK(w.record(R"({"time": "2026-03-02T10:00:00Z", "profile": "p1", "event": "CartAbandoned",)"
                 R"( "data": {"cartId": "c1", "total": 80,)"
                 R"( "items": [{"sku": "s", "price": 2}]}})") ==
        R"(event CartAbandoned p1 2026-03-02T10:00:00Z {"cartId": "c1", "total": 80.0, )"
        R"("items": [{"sku": "s", "qty": 1, "price": 2.0}], "time": "2026-03-02T10:00:00Z"})");
  // Optional fields absent or given; keys in any order; a fraction of a second kept.
  CHECK(w.record(R"({"event": "Purchase", "profile": "p1", "time": "2026-03-02T10:00:00.25Z",)"
                 R"( "data": {"total": 5.5, "orderId": "o1"}})") ==
        R"(event Purchase p1 2026-03-02T10:00:00.25Z {"orderId": "o1", "total": 5.5, )"
        R"("time": "2026-03-02T10:00:00.25Z"})");
  CHECK(w.record(R"({"time": "2026-03-02T10:01:00Z", "profile": "p1", "event": "Purchase",)"
                 R"( "data": {"orderId": "o2", "cartId": "c1", "total": 1}})") ==
        R"(event Purchase p1 2026-03-02T10:01:00Z {"orderId": "o2", "cartId": "c1", )"
        R"("total": 1.0, "time": "2026-03-02T10:01:00Z"})");
  // An event without fields needs no "data".
  CHECK(w.record(R"({"time": "2026-03-02T10:02:00Z", "profile": "p2", "event": "Ping"})") ==
        R"(event Ping p2 2026-03-02T10:02:00Z {"time": "2026-03-02T10:02:00Z"})");
  CHECK(w.record(R"({"time": "2026-03-02T10:02:00Z", "profile": "p2", "event": "Ping",)"
                 R"( "data": {}})") ==
        R"(event Ping p2 2026-03-02T10:02:00Z {"time": "2026-03-02T10:02:00Z"})");
  // The event index is the program's.
  auto r = w.reader->readRecord(
      R"({"time": "2026-03-02T10:03:00Z", "profile": "p1", "event": "Ping"})", 9);
  REQUIRE(std::holds_alternative<runtime::EventInput>(r));
  CHECK(std::get<runtime::EventInput>(r).event ==
        static_cast<uint32_t>(w.program.findEvent("Ping")));
}

TEST_CASE("runtime input: every reason a record line is rejected") {
  InputWorld w;
  const std::string t = R"("time": "2026-03-02T10:00:00Z", )";
  CHECK(w.record("{\"time\": ", 4).starts_with("rejected 4: not JSON: "));
  CHECK(w.reason("").starts_with("not JSON: "));
  CHECK(w.reason(runtime::LineReader::kOverlongLine) ==
        "the line is longer than 64 MiB, which no record is");
  CHECK(w.reason("[]") == "record: expected a JSON object, found an array");
  CHECK(w.reason("{" + t + R"("profile": "p1", "event": "Ping", "extra": 1})") ==
        R"(unknown key "extra" (a record has "time", "profile", and "event" with "data",)"
        R"( "set", or "audience" with "change"))");
  CHECK(w.reason("{" + t + t + R"("profile": "p1", "event": "Ping"})") ==
        R"(duplicate key "time")");
  CHECK(w.reason(R"({"profile": "p1", "event": "Ping"})") == R"(missing "time")");
  CHECK(w.reason(R"({"time": 5, "profile": "p1", "event": "Ping"})") ==
        "time: expected an RFC 3339 timestamp string, found the number 5");
  CHECK(w.reason(R"({"time": "yesterday", "profile": "p1", "event": "Ping"})")
            .starts_with("time: "));
  CHECK(w.reason(R"({"time": "2026-03-02", "profile": "p1", "event": "Ping"})")
            .starts_with("time: "));
  CHECK(w.reason("{" + t + R"("event": "Ping"})") == R"(missing "profile")");
  CHECK(w.reason("{" + t + R"("profile": 1, "event": "Ping"})") ==
        "profile: expected a string (the profile's id), found the number 1");
  CHECK(w.reason("{" + t + R"("profile": "", "event": "Ping"})") == "profile: the id is empty");
  CHECK(w.reason("{" + t + R"("profile": "p1"})") == R"(missing "event", "set" or "audience")");
  CHECK(w.reason("{" + t + R"("profile": "p1", "data": {}})") ==
        R"(missing "event", "set" or "audience")");
  CHECK(w.reason("{" + t + R"("profile": "p1", "event": "Ping", "set": {}})") ==
        R"(more than one of "event", "set" and "audience": a record is one of them)");
  CHECK(w.reason("{" + t + R"("profile": "p1", "set": {}, "data": {}})") ==
        R"("data" goes with "event" only)");
  // Audience changes (`journey audience --previous`, `journey run`'s own `audience` records).
  CHECK(w.record("{" + t + R"("kind": "audience", "profile": "p1", "audience": "French", )"
                 R"("change": "enter"})") == "audience French p1 2026-03-02T10:00:00Z enter");
  CHECK(w.record("{" + t + R"("profile": "p2", "audience": "French", "change": "exit"})") ==
        "audience French p2 2026-03-02T10:00:00Z exit");
  CHECK(w.reason("{" + t + R"("profile": "p1", "audience": "French"})") ==
        R"(missing "change": an audience record says "enter" or "exit")");
  CHECK(w.reason("{" + t + R"("profile": "p1", "event": "Ping", "change": "enter"})") ==
        R"("change" goes with "audience" only)");
  CHECK(w.reason("{" + t + R"("profile": "p1", "event": "Ping", "kind": "audience"})") ==
        R"("kind" goes with "audience" only)");
  CHECK(w.reason("{" + t + R"("profile": "p1", "audience": "French", "change": "join"})") ==
        R"(change: expected "enter" or "exit", found "join")");
  // Only the whole words: not a part of what the message lists.
  for (std::string part : {"ent", "xit", " or ", R"(enter\" or \"exit)", ""}) {
    CAPTURE(part);
    CHECK(w.reason("{" + t + R"("profile": "p1", "audience": "French", "change": ")" + part +
                   R"("})") == R"(change: expected "enter" or "exit", found ")" + part + "\"");
  }
  CHECK(w.reason("{" + t + R"("kind": "audienc", "profile": "p1", "audience": "French", )"
                 R"("change": "exit"})") == R"(kind: expected "audience", found "audienc")");
  CHECK(w.reason("{" + t + R"("profile": "p1", "audience": "French", "change": 1})") ==
        R"(change: expected "enter" or "exit", found the number 1)");
  CHECK(w.reason("{" + t + R"("kind": "send", "profile": "p1", "audience": "French", )"
                 R"("change": "exit"})") == R"(kind: expected "audience", found "send")");
  CHECK(w.reason("{" + t + R"("profile": "p1", "audience": "Gold", "change": "exit"})") ==
        R"(unknown audience "Gold")");
  CHECK(w.reason("{" + t + R"("profile": "p1", "audience": 3, "change": "exit"})") ==
        "audience: expected a string (an audience's name), found the number 3");
  CHECK(w.reason("{" + t + R"("profile": "p1", "event": ["Ping"]})") ==
        "event: expected a string (an event type), found an array");
  CHECK(w.reason("{" + t + R"("profile": "p1", "event": "Foo"})") ==
        R"(unknown event type "Foo")");
  CHECK(w.reason("{" + t + R"("profile": "p1", "event": "Purchase", "data": 3})") ==
        "data: expected an object, found the number 3");
  CHECK(w.reason("{" + t + R"("profile": "p1", "event": "Purchase"})") ==
        "data: missing field `orderId`");
  CHECK(w.reason("{" + t + R"("profile": "p1", "event": "Purchase",)"
                 R"( "data": {"orderId": "o", "total": "80"}})") ==
        R"(data.total: expected a number, found the string "80")");
  CHECK(w.reason("{" + t + R"("profile": "p1", "event": "Purchase",)"
                 R"( "data": {"orderId": "o", "total": 1, "coupon": "X"}})") ==
        "data.coupon: `Purchase` has no such field");
  CHECK(w.reason("{" + t + R"("profile": "p1", "event": "CartAbandoned",)"
                 R"( "data": {"cartId": "c", "total": 1, "items": [{"sku": "s"}]}})") ==
        "data.items[0]: missing field `price`");
  CHECK(w.reason("{" + t + R"("profile": "p1", "event": "Ping",)"
                 R"( "data": {"time": "2026-03-02T10:00:00Z"}})") ==
        R"(data.time: the event's time is the record's "time", not a data field)");
  CHECK(w.reason("{" + t + R"("profile": "p1", "set": []})") ==
        "set: expected an object, found an array");
  CHECK(w.reason("{" + t + R"("profile": "p1", "set": {"nickname": "x"}})") ==
        "set.nickname: `Profile` has no such field");
  CHECK(w.reason("{" + t + R"("profile": "p1", "set": {"loyalty": {"points": 1.5}}})") ==
        "set.loyalty.points: expected an int, found the number 1.5, not a whole number");
  CHECK(w.reason("{" + t + R"("profile": "p1", "set": {"firstName": null}})") ==
        "set.firstName: expected a string, found null");
  CHECK(w.reason("{" + t + R"("profile": "p1", "set": {"id": "p2"}})") ==
        R"(set.id: a set cannot change the profile's id ("p2" is not "p1"))");
}

TEST_CASE("runtime input: out of order records are rejected and do not move the clock") {
  InputWorld w;
  auto ping = [](const std::string& time) {
    return R"({"time": ")" + time + R"(", "profile": "p1", "event": "Ping"})";
  };
  CHECK(w.record(ping("2026-03-02T11:00:00Z"), 1).starts_with("event Ping"));
  CHECK(w.record(ping("2026-03-02T10:00:00Z"), 2) ==
        "rejected 2: out of order: 2026-03-02T10:00:00Z is before 2026-03-02T11:00:00Z");
  CHECK(w.record(ping("2026-03-02T11:00:00Z"), 3).starts_with("event Ping"));  // ties are in order
  CHECK(w.record(ping("2026-03-02T12:00:00+02:00"), 4) ==
        "rejected 4: out of order: 2026-03-02T10:00:00Z is before 2026-03-02T11:00:00Z");
  // A rejected record leaves the clock where it was.
  CHECK(w.reason(R"({"time": "2026-03-02T13:00:00Z", "profile": "p1", "event": "Nope"})") ==
        R"(unknown event type "Nope")");
  CHECK(w.record(ping("2026-03-02T12:00:00Z"), 6).starts_with("event Ping"));
  // `set` records are ordered with events.
  CHECK(w.record(R"({"time": "2026-03-02T11:30:00Z", "profile": "p1", "set": {}})", 7) ==
        "rejected 7: out of order: 2026-03-02T11:30:00Z is before 2026-03-02T12:00:00Z");
  CHECK(w.record(R"({"time": "2026-03-02T12:00:00.5Z", "profile": "p1", "set": {}})", 8) ==
        "set p1 2026-03-02T12:00:00.5Z {}");
}

TEST_CASE("runtime input: a record too far after the previous one is rejected, if asked") {
  InputWorld w;
  auto ping = [](const std::string& time) {
    return R"({"time": ")" + time + R"(", "profile": "p1", "event": "Ping"})";
  };
  // No limit unless one is set.
  CHECK(w.record(ping("2026-03-02T11:00:00Z"), 1).starts_with("event Ping"));
  CHECK(w.record(ping("2126-03-02T11:00:00Z"), 2).starts_with("event Ping"));
  w.reader->rejectGapsOver(Duration{86400, 0}, "--the-flag");
  CHECK(w.record(ping("2126-03-03T11:00:00Z"), 3).starts_with("event Ping"));  // exactly 1d
  CHECK(w.record(ping("2126-03-04T11:00:00.000000001Z"), 4) ==
        "rejected 4: too far ahead: 2126-03-04T11:00:00.000000001Z is more than 1d after the "
        "previous record's 2126-03-03T11:00:00Z (a mistyped time? --the-flag allows more)");
  // A rejected record leaves the clock where it was: the next is measured from line 3.
  CHECK(w.record(ping("2126-03-04T10:00:00Z"), 5).starts_with("event Ping"));
  CHECK(w.record(R"({"time": "2127-01-01T00:00:00Z", "profile": "p1", "set": {}})", 6)
            .starts_with("rejected 6: too far ahead"));
  w.reader->rejectGapsOver(std::nullopt, "");
  CHECK(w.record(ping("9999-12-31T23:59:59Z"), 7).starts_with("event Ping"));
}

TEST_CASE("runtime input: a record's time is read as parseTimestamp reads it, in any order of forms") {
  // The reader reads only the time of day of a plain `…Z` time on the last one's date; each
  // time here must be what parseTimestamp gives, or rejected as it rejects it.
  InputWorld w;
  const char* times[] = {
      "2026-03-02T10:00:00Z", "2026-03-02T10:00:05Z", "2026-03-02T23:59:59Z",
      "2026-03-03T00:00:00Z", "2026-03-03T00:00:01.5Z", "2026-03-03T00:00:02Z",
      "2026-03-03T02:00:00+01:00", "2026-03-03T01:30:00Z", "2026-03-03T24:00:00Z",
      "2026-03-03T01:60:00Z", "2026-03-03T01:30:60Z", "2026-03-03t01:40:00z",
      "2026-03-03T01:4a:00Z", "2026-03-04T00:00:00Z", "2026-02-30T00:00:00Z",
      "2026-03-04T12:00:00Z", "2027-01-01T00:00:00Z", "2027-01-01T00:00:09Z"};
  size_t line = 0;
  for (const char* time : times) {
    INFO(time);
    std::string got = w.record(R"({"time": ")" + std::string(time) +
                                   R"(", "profile": "p1", "event": "Ping"})",
                               ++line);
    Value expected = parseInputTimestamp(time);  // parseTimestamp, its error with an example
    if (expected.isError()) {
      CHECK(got == "rejected " + std::to_string(line) + ": time: " +
                       std::string(expected.errorMessage()));
    } else {
      CHECK(got.starts_with("event Ping p1 " + formatTimestamp(expected.asTimestamp()) + " "));
    }
  }
}

TEST_CASE("runtime input: set patches hold only the fields given") {
  InputWorld w;
  const std::string t = R"("time": "2026-03-02T10:00:00Z", "profile": "p1", )";
  CHECK(w.record("{" + t + R"("set": {"consents": {"sms": true}}})") ==
        R"(set p1 2026-03-02T10:00:00Z {"consents": {"sms": true}})");
  CHECK(w.record("{" + t + R"("set": {"loyalty": {"tier": "gold"}, "email": "a@b.c"}})") ==
        R"(set p1 2026-03-02T10:00:00Z {"email": "a@b.c", "loyalty": {"tier": "gold"}})");
  // null for an optional field: present as null in the patch, meaning "make it absent".
  CHECK(w.record("{" + t + R"("set": {"email": null}})") ==
        R"(set p1 2026-03-02T10:00:00Z {"email": null})");
  // The same id is allowed; lists are whole values.
  CHECK(w.record("{" + t + R"("set": {"id": "p1", "tags": ["x", "y"]}})") ==
        R"(set p1 2026-03-02T10:00:00Z {"id": "p1", "tags": ["x", "y"]})");
}

TEST_CASE("runtime input: records in a patch's lists are whole, with defaults") {
  InputWorld w(R"(
type Item { sku: string, qty: int = 1 }
schema Profile { id: string, wish: list<Item>, best: { item: Item?, note: string = "n" } }
)");
  const std::string t = R"("time": "2026-03-02T10:00:00Z", "profile": "p1", )";
  CHECK(w.record("{" + t + R"("set": {"wish": [{"sku": "a"}]}})") ==
        R"(set p1 2026-03-02T10:00:00Z {"wish": [{"sku": "a", "qty": 1}]})");
  CHECK(w.reason("{" + t + R"("set": {"wish": [{"qty": 2}]}})") ==
        "set.wish[0]: missing field `sku`");
  // Nested records through fields stay partial, a named type's record included.
  CHECK(w.record("{" + t + R"("set": {"best": {"item": {"qty": 3}}}})") ==
        R"(set p1 2026-03-02T10:00:00Z {"best": {"item": {"qty": 3}}})");
}

TEST_CASE("runtime input: an integer beyond 64 bits is the double JSON means") {
  InputWorld w(R"(
schema Profile { id: string }
event Ping { d: double?, x: dyn?, i: int?, u: uint? }
)");
  const std::string t = R"({"time": "2026-03-02T10:00:00Z", "profile": "p1", "event": "Ping", )";
  CHECK(w.record(t + R"("data": {"d": 18446744073709551616}})") ==
        R"(event Ping p1 2026-03-02T10:00:00Z {"d": 18446744073709551616.0, )"
        R"("time": "2026-03-02T10:00:00Z"})");
  // In a dyn value at any depth, beside the largest integers that fit and a string of digits.
  CHECK(w.record(t + R"("data": {"x": [-9223372036854775809, {"k": 123456789012345678901}, )"
                     R"(18446744073709551615, -9223372036854775808, "123456789012345678901"]}})") ==
        R"(event Ping p1 2026-03-02T10:00:00Z {"x": [-9223372036854775808.0, )"
        R"({"k": 123456789012345683968.0}, 18446744073709551615, -9223372036854775808, )"
        R"("123456789012345678901"], "time": "2026-03-02T10:00:00Z"})");
  // An integer field refuses it by its path.
  constexpr std::string_view kInts = "outside -9223372036854775808 to 9223372036854775807";
  constexpr std::string_view kUints = "outside 0 to 18446744073709551615";
  CHECK(w.reason(t + R"("data": {"i": 100000000000000000000}})") ==
        "data.i: expected an int, found the number 1e+20, " + std::string(kInts));
  CHECK(w.reason(t + R"("data": {"u": 18446744073709551616}})") ==
        "data.u: expected a uint, found the number 1.8446744073709552e+19, " + std::string(kUints));
  // Within 64 bits, each type's bounds are exact.
  CHECK(w.reason(t + R"("data": {"i": 9223372036854775808}})") ==
        "data.i: expected an int, found the number 9223372036854775808, " + std::string(kInts));
  CHECK(w.reason(t + R"("data": {"u": -1}})") ==
        "data.u: expected a uint, found the number -1, " + std::string(kUints));
  CHECK(w.reason(t + R"("data": {"u": -1.0}})") ==
        "data.u: expected a uint, found the number -1, " + std::string(kUints));
  CHECK(w.reason(t + R"("data": {"i": -9223372036854775808, "u": 18446744073709551615}})")
            .starts_with("accepted: "));
  // A malformed number, or one beyond a double's range, is still not JSON this reads.
  const std::string notRead =
      "not JSON this journey reads: a malformed number, or one beyond a double's range";
  CHECK(w.reason(t + R"("data": {"d": 1e400}})") == notRead);
  CHECK(w.reason(t + R"("data": {"d": 012345678901234567890}})") == notRead);
  CHECK(w.reason(t + R"("data": {"d": 1.2.3, "x": 123456789012345678901}})") == notRead);
}

TEST_CASE("runtime input: a key given twice inside a dyn value is named by its path") {
  InputWorld w("schema Profile { id: string, d: dyn? }\n");
  CHECK(w.profileReason(R"({"id": "p", "d": {"x": [{"a": 1, "a": 2}]}})") ==
        R"(profile.d.x[0]: duplicate map key `"a"`)");
  CHECK(w.reason(R"({"time": "2026-03-02T10:00:00Z", "profile": "p", "set": )"
                 R"({"d": {"a b": {"k": 1, "k": 1}}}})") ==
        R"(set.d["a b"]: duplicate map key `"k"`)");
}

TEST_CASE("runtime input: set patches merge recursively into profiles") {
  InputWorld w;
  Value ann = w.profileValue(kAnn);
  const std::string t = R"({"time": "2026-03-02T10:00:00Z", "profile": "p1", "set": )";
  auto merged = [&](const Value& base, const std::string& patch) {
    return json(runtime::mergeProfile(base, w.patchValue(t + patch + "}")));
  };
  const std::string before = json(ann);
  CHECK(merged(ann, R"({"consents": {"sms": true}, "loyalty": {"points": 10}})") ==
        R"({"id": "p1", "firstName": "Ann", "country": "FR", "loyalty": {"tier": "basic", )"
        R"("points": 10}, "consents": {"email": true, "sms": true}, "tags": ["a"]})");
  // Lists and maps are replaced, not merged.
  Value withScores =
      runtime::mergeProfile(ann, w.patchValue(t + R"({"scores": {"a": 1, "b": 2}}})"));
  CHECK(merged(withScores, R"({"tags": ["z"], "scores": {"c": 3}})") ==
        R"({"id": "p1", "firstName": "Ann", "country": "FR", "loyalty": {"tier": "basic", )"
        R"("points": 3}, "consents": {"email": true, "sms": false}, "tags": ["z"], )"
        R"("scores": {"c": 3}})");
  // null makes an optional field absent; a new optional field appears.
  Value withEmail = runtime::mergeProfile(ann, w.patchValue(t + R"({"email": "a@b.c"}})"));
  CHECK(json(withEmail).find(R"("email": "a@b.c")") != std::string::npos);
  CHECK(merged(withEmail, R"({"email": null, "seen": "2026-01-01T00:00:00Z"})") ==
        R"({"id": "p1", "firstName": "Ann", "country": "FR", "loyalty": {"tier": "basic", )"
        R"("points": 3}, "consents": {"email": true, "sms": false}, "tags": ["a"], )"
        R"("seen": "2026-01-01T00:00:00Z"})");
  CHECK(merged(ann, R"({"email": null})") == before);  // clearing an absent field: no change
  CHECK(merged(ann, "{}") == before);
  // The profile merged into is not modified.
  CHECK(json(ann) == before);
  CHECK(json(withScores).find(R"("scores": {"a": 1, "b": 2})") != std::string::npos);
}

TEST_CASE("runtime input: a nested record absent from the profile takes the patch's fields") {
  InputWorld w(R"(
schema Profile { id: string, address: { city: string, zip: string? }? }
)");
  Value p = w.profileValue(R"({"id": "p1"})");
  const std::string t = R"({"time": "2026-03-02T10:00:00Z", "profile": "p1", "set": )";
  Value patch = w.patchValue(t + R"({"address": {"city": "Lyon", "zip": null}}})");
  CHECK(json(patch) == R"({"address": {"city": "Lyon", "zip": null}})");
  // The null marker does not survive into the profile.
  CHECK(json(runtime::mergeProfile(p, patch)) == R"({"id": "p1", "address": {"city": "Lyon"}})");
}

TEST_CASE("runtime input: a set is checked against the schema as merged") {
  InputWorld w(R"(
schema Profile { id: string, name: string, rec: { a: int, b: int = 5, c: string? }? }
)");
  Value p = w.profileValue(R"({"id": "p1", "name": "Ann"})");
  const std::string t = R"({"time": "2026-03-02T10:00:00Z", "profile": "p1", "set": )";
  auto missing = [&](const Value* profile, const Value& patch) {
    return runtime::missingAfterMerge(w.program, profile, patch).value_or("complete");
  };
  // A nested record the profile lacks must be whole: its defaults fill what they can.
  Value partial = w.patchValue(t + R"({"rec": {"c": "x"}}})");
  CHECK(missing(&p, partial) == "set.rec: missing field `a`");
  Value enough = w.patchValue(t + R"({"rec": {"a": 1}}})");
  CHECK(missing(&p, enough) == "complete");
  auto defaults = test::evaluatedDefaults(w.program, *w.engine);
  runtime::MergeSchema schema{w.program, defaults};
  Value merged = runtime::mergeProfile(p, enough, &schema);
  CHECK(json(merged) == R"({"id": "p1", "name": "Ann", "rec": {"a": 1, "b": 5}})");
  // Once it exists, a part will do.
  CHECK(missing(&merged, partial) == "complete");
  // A profile the set creates must be whole.
  CHECK(missing(nullptr, w.reader->newProfile("p9", partial)) == "set: missing field `name`");
  CHECK(missing(nullptr, w.reader->newProfile(
                             "p9", w.patchValue(t + R"({"name": "Zoe", "rec": {"a": 2}}})"))) ==
        "complete");
}

TEST_CASE("runtime input: new profiles hold the id and the defaults") {
  InputWorld w;
  // Only the fields' own defaults: a required record is not made up from its fields' defaults.
  CHECK(json(w.reader->newProfile("p9")) == R"({"id": "p9", "country": "FR"})");
  const std::string t = R"({"time": "2026-03-02T10:00:00Z", "profile": "p9", "set": )";
  Value whole = w.reader->newProfile(
      "p9", w.patchValue(t + R"({"firstName": "Zoe", "tags": [], "loyalty": {"points": 3}, )"
                             R"("consents": {"sms": true}}})"));
  CHECK(json(whole) == R"({"id": "p9", "firstName": "Zoe", "country": "FR", "loyalty": )"
                       R"({"tier": "basic", "points": 3}, "consents": {"email": false, )"
                       R"("sms": true}, "tags": []})");
  CHECK(!runtime::missingAfterMerge(w.program, nullptr, whole));
  // Without `consents`, whose fields all have defaults, the set is as incomplete as a profile
  // line without it.
  Value without = w.reader->newProfile(
      "p9", w.patchValue(t + R"({"firstName": "Zoe", "tags": [], "loyalty": {"points": 3}}})"));
  CHECK(runtime::missingAfterMerge(w.program, nullptr, without) ==
        "set: missing field `consents`");
  CHECK(w.profileReason(R"({"id": "p9", "firstName": "Zoe", "tags": [], "loyalty": )"
                        R"({"points": 3}})") == "profile: missing field `consents`");
}

TEST_CASE("runtime input: a program without a schema reads events only") {
  InputWorld w("event Ping {}\n");
  CHECK(w.profileReason(R"({"id": "p1"})") == "the program has no schema");
  CHECK(w.reason(R"({"time": "2026-03-02T10:00:00Z", "profile": "p1", "set": {}})") ==
        "the program has no schema");
  CHECK(w.record(R"({"time": "2026-03-02T10:00:00Z", "profile": "p1", "event": "Ping"})") ==
        R"(event Ping p1 2026-03-02T10:00:00Z {"time": "2026-03-02T10:00:00Z"})");
  CHECK(w.reader->newProfile("p1").isError());
}

TEST_CASE("runtime input: event types are found by name among few and among many") {
  // Up to eight names are compared in turn, more are looked up: both ways, every name, a
  // prefix, a longer name and a name differing in case are refused.
  for (int count : {3, 8, 9, 40}) {
    std::string source;
    for (int i = 0; i < count; ++i) source += "event E" + std::to_string(i) + " { n: int }\n";
    InputWorld w(source.c_str());
    for (int i = 0; i < count; ++i) {
      std::string name = "E" + std::to_string(i);
      auto r = w.reader->readRecord(R"({"time": "2026-03-02T10:00:00Z", "profile": "p1", )"
                                    R"("event": ")" + name + R"(", "data": {"n": 1}})", 1);
      REQUIRE_MESSAGE(std::holds_alternative<runtime::EventInput>(r), name);
      CHECK(std::get<runtime::EventInput>(r).event ==
            static_cast<uint32_t>(w.program.findEvent(name)));
    }
    for (const std::string& name :
         std::vector<std::string>{"E", "E" + std::to_string(count), "e0", "E00"}) {
      std::string reason = w.reason(R"({"time": "2026-03-02T10:00:00Z", "profile": "p1", )"
                                    R"("event": ")" + name + R"(", "data": {"n": 1}})");
      CHECK(reason.starts_with("unknown event type \"" + name + "\""));
    }
  }
}

TEST_CASE("runtime input: an unknown event type names the declared one it likely meant") {
  InputWorld w("event Login { device: string }\nevent Purchase { total: double }\n");
  auto reason = [&](const std::string& name) {
    return w.reason(R"({"time": "2026-03-02T10:00:00Z", "profile": "p1", "event": ")" + name +
                    R"(", "data": {}})");
  };
  CHECK(reason("login") == R"(unknown event type "login": did you mean "Login"?)");
  CHECK(reason("Purchse") == R"(unknown event type "Purchse": did you mean "Purchase"?)");
  CHECK(reason("Refund") == R"(unknown event type "Refund")");
}

TEST_CASE("runtime input: long and short lines reuse the reader's buffers") {
  InputWorld w;
  std::string tags;
  for (int i = 0; i < 2000; ++i) tags += (i ? ", \"t" : "\"t") + std::to_string(i) + "\"";
  std::string big = R"({"id": "p1", "firstName": "A", "loyalty": {"points": 1}, "consents": {},)"
                    R"( "tags": [)" + tags + "]}";
  CHECK(w.profile(big).find("\"t1999\"]") != std::string::npos);
  CHECK(w.profile(kAnn).starts_with("p1 {"));
  CHECK(w.profileReason("{").starts_with("not JSON: "));
  CHECK(w.profile(kAnn).starts_with("p1 {"));
}

TEST_SUITE_END();

TEST_CASE("runtime input: profiles read with only some fields kept") {
  InputWorld w;
  const std::string line =
      R"({"id": "p1", "email": "ann@example.com", "firstName": "Ann", "loyalty": {"tier": "gold",)"
      R"( "points": 5}, "consents": {"email": true}, "tags": ["vip"], "scores": {"a": 1}})";
  const std::string whole = w.profile(line);
  // Keep loyalty.tier alone: the other fields are left absent; the id is given beside the
  // record (read from the JSON), not built into it.
  std::vector<std::vector<bool>> kept(w.program.layouts.size());
  for (size_t r = 0; r < kept.size(); ++r) kept[r].assign(w.program.layouts[r].fieldCount(), false);
  sema::RecordId profile = *w.program.profileRecord;
  auto field = [&](sema::RecordId r, std::string_view name) {
    return static_cast<size_t>(w.program.layouts[r].find(name));
  };
  kept[profile][field(profile, "loyalty")] = true;
  sema::TypeId loyaltyType = w.program.types.recordInfo(profile).fields[field(profile, "loyalty")].type;
  sema::RecordId loyalty = w.program.types.get(loyaltyType).record;
  kept[loyalty][field(loyalty, "tier")] = true;
  w.reader->keepProfileFields(kept);
  CHECK(w.profile(line) == R"(p1 {"loyalty": {"tier": "gold"}})");
  CHECK(whole != w.profile(line));
  std::string emptyId = line;
  emptyId.replace(emptyId.find("p1"), 2, "");
  CHECK(w.profileReason(emptyId) == "profile.id: the id is empty");
  kept[profile][field(profile, "id")] = true;  // a rule reads it: built
  w.reader->keepProfileFields(kept);
  CHECK(w.profile(line) == R"(p1 {"id": "p1", "loyalty": {"tier": "gold"}})");
  kept[profile][field(profile, "id")] = false;
  w.reader->keepProfileFields(kept);
  // Fields left out are still checked: the same errors as when they are kept.
  CHECK(w.profileReason(R"({"id": "p2", "firstName": 3, "loyalty": {"tier": "x", "points": 1},)"
                        R"( "tags": []})") ==
        "profile.firstName: expected a string, found the number 3");
  CHECK(w.profileReason(R"({"id": "p2", "firstName": "B", "loyalty": {"tier": "x", "points": "1"},)"
                        R"( "tags": []})") ==
        R"(profile.loyalty.points: expected an int, found the string "1")");
  CHECK(w.profileReason(R"({"id": "p2", "firstName": "B", "loyalty": {"tier": "x", "points": 1},)"
                        R"( "tags": [1]})") ==
        "profile.tags[0]: expected a string, found the number 1");
  CHECK(w.profileReason(R"({"id": "p2", "loyalty": {"tier": "x", "points": 1}, "tags": []})") ==
        "profile: missing field `firstName`");

  // Nested records left out are checked without being built: the errors of a reader that
  // keeps everything.
  kept[profile][field(profile, "loyalty")] = false;
  w.reader->keepProfileFields(kept);
  CHECK(w.profile(line) == R"(p1 {})");
  InputWorld everything;
  const std::string start = R"({"id": "p2", "firstName": "B", "tags": [], )";
  for (std::string rest : {R"("loyalty": {"tier": "x"}})", R"("loyalty": {"points": "1"}})",
                           R"("loyalty": 5})", R"("loyalty": {"points": 1, "rank": 2}})",
                           R"("loyalty": {"points": 1}, "consents": {"email": "yes"}})",
                           R"("loyalty": {"points": 1}, "consents": [true]})"}) {
    CAPTURE(rest);
    std::string reason = everything.profileReason(start + rest);
    CHECK(reason.starts_with("profile."));
    CHECK(w.profileReason(start + rest) == reason);
  }
}

TEST_CASE("runtime input: records of a field nobody reads are checked as building them would") {
  // Every field kind in a record inside a list: the reader that keeps the list builds each
  // item (and reports its first error); the one that does not only checks them, by their JSON
  // kinds where those decide. Both must accept and reject the same lines, with the same reason.
  const char* program = R"(
type Inner { a: int }
type Item {
  sku: string, qty: int, n: uint, price: double, gift: bool, note: string?, size: int = 1,
  when: timestamp, tags: list<string>, inner: Inner?, deep: Inner
}
schema Profile { id: string }
event Order { items: list<Item>, ref: string }
)";
  InputWorld building(program), checking(program);
  const ir::EventIr& order = checking.program.events[0];
  std::vector<std::vector<bool>> kept(checking.program.layouts.size());
  for (size_t r = 0; r < kept.size(); ++r) kept[r].assign(checking.program.layouts[r].fieldCount(), true);
  kept[order.record][static_cast<size_t>(checking.program.layouts[order.record].find("items"))] = false;
  checking.reader->keepEventFields(kept);

  const std::vector<std::pair<std::string, std::string>> fields = {
      {"sku", R"("A-1")"}, {"qty", "2"}, {"n", "3"}, {"price", "9.5"}, {"gift", "true"},
      {"note", R"("hi")"}, {"size", "4"}, {"when", R"("2026-03-02T10:00:00Z")"},
      {"tags", R"(["x"])"}, {"inner", R"({"a": 1})"}, {"deep", R"({"a": 2})"}};
  const std::vector<std::string> values = {
      R"("text")", "0", "-1", "7", "18446744073709551615", "2.0", "2.5", "1e300", "true",
      "null", "[]", R"([1])", R"(["a"])", "{}", R"({"a": 1})", R"({"a": "1"})",
      R"({"a": 1, "b": 2})", R"("2026-03-02T10:00:00Z")", R"("soon")"};
  auto item = [&](size_t changed, const std::string* value, bool drop, const char* extra) {
    std::string out = "{";
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i == changed && drop) continue;
      if (out.size() > 1) out += ", ";
      out += "\"" + fields[i].first + "\": " + (i == changed && value ? *value : fields[i].second);
    }
    return out + extra + "}";
  };
  auto line = [](const std::string& items) {
    return R"({"time": "2026-03-02T10:00:00Z", "profile": "p1", "event": "Order", "data": {"items": [)" +
           items + R"(], "ref": "r"}})";
  };
  std::vector<std::string> items = {item(0, nullptr, false, ""), item(0, nullptr, false, R"(, "sku": "B")"),
                                    item(0, nullptr, false, R"(, "colour": "red")")};
  for (size_t f = 0; f < fields.size(); ++f) {
    items.push_back(item(f, nullptr, true, ""));
    for (const std::string& v : values) items.push_back(item(f, &v, false, ""));
  }
  items.push_back("null");
  items.push_back("[]");
  items.push_back(R"("item")");
  size_t accepted = 0;
  for (const std::string& one : items) {
    for (const std::string& list : {one, item(0, nullptr, false, "") + ", " + one}) {
      CAPTURE(list);
      std::string built = building.reason(line(list));
      std::string checked = checking.reason(line(list));
      bool ok = built.starts_with("accepted: ");
      CHECK(checked.starts_with("accepted: ") == ok);
      if (!ok) CHECK(checked == built);
      accepted += ok;
    }
  }
  // Both kinds of outcome were exercised: some lines pass, most are rejected.
  CHECK(accepted > 20);
  CHECK(accepted < items.size());
}

TEST_CASE("a record's time reads as parseTimestamp reads it, whatever its time of day holds") {
  // The reader takes `YYYY-MM-DDTHH:MM:SSZ` apart itself (its time of day as one word, its date
  // from the record before): every byte of the time of day replaced by each of a set of
  // characters, after a record of the same date and of another, gives parseTimestamp's answer.
  const std::string base = "2026-03-02T09:30:45Z";
  const std::string others = "0123456789:/;.Z T-+a\x7f";
  InputWorld w;
  for (const std::string& before : {std::string("2026-03-02T00:00:00Z"),
                                    std::string("2026-03-01T23:59:59Z")}) {
    for (size_t at = 10; at < base.size(); ++at) {
      for (char c : others) {
        std::string time = base;
        time[at] = c;
        w.newReader();
        w.record(R"({"time": ")" + before + R"(", "profile": "p1", "event": "Ping"})");
        Value want = parseTimestamp(time);
        std::string got = w.record(R"({"time": ")" + time + R"(", "profile": "p1", "event": "Ping"})");
        INFO("time " << time << " after " << before);
        if (want.isError()) {
          CHECK(got.starts_with("rejected 1: time: "));
        } else {
          CHECK(got.starts_with("event Ping p1 " + formatTimestamp(want.asTimestamp()) + " "));
        }
      }
    }
  }
}
