// Declarations: import, type, schema, event, channel, audience, action, cap, const, fn; types
// and record-like bodies; statement separators.
#include <doctest/doctest.h>

#include "syntax_support.h"

namespace ast = journey::ast;
using journey::syntax_test::fileError;
using journey::syntax_test::parse;
using journey::syntax_test::show;

namespace {

template <typename T>
const T& only(const journey::syntax_test::Parsed& p) {
  REQUIRE(p.diags.all().empty());
  REQUIRE(p.module.decls.size() == 1);
  return std::get<T>(p.module.decls[0].kind);
}

std::string typeText(const ast::TypeRef* t) {
  if (t == nullptr) return "<none>";
  switch (t->kind) {
    case ast::TypeRef::Kind::Optional: return typeText(t->inner.get()) + "?";
    case ast::TypeRef::Kind::Record: {
      std::string out = "{";
      for (size_t i = 0; i < t->fields.size(); ++i) {
        out += (i ? ", " : "") + t->fields[i].name.text + ": " + typeText(t->fields[i].type.get());
      }
      return out + "}";
    }
    case ast::TypeRef::Kind::Named: {
      std::string out = t->name.text;
      for (size_t i = 0; i < t->params.size(); ++i) {
        out += (i ? ", " : "<") + typeText(t->params[i].get());
      }
      return out + (t->params.empty() ? "" : ">");
    }
  }
  return "?";
}

}  // namespace

TEST_SUITE("syntax") {

TEST_CASE("import") {
  auto p = parse("import \"other.journey\"\n");
  const auto& d = only<ast::ImportDecl>(*p);
  CHECK(d.path == "other.journey");
  CHECK(p->text(d.pathRange) == "\"other.journey\"");
}

TEST_CASE("type and schema with newline, comma and semicolon separated fields") {
  auto p = parse(
      "schema Profile {\n"
      "  id: string\n"
      "  email: string?       // optional\n"
      "  phone: string?\n"
      "  timezone: string = \"UTC\"\n"
      "  loyalty: { tier: string, points: int }\n"
      "  tags: list<string>\n"
      "  scores: map<string, list<int>>, flag: bool; n: int\n"
      "  for: int\n"
      "  `content-type`: string\n"
      "  when: google.protobuf.Timestamp\n"
      "}\n");
  const auto& s = only<ast::SchemaDecl>(*p);
  CHECK(s.name.text == "Profile");
  REQUIRE(s.fields.size() == 12);
  std::vector<std::string> got;
  for (const auto& f : s.fields) got.push_back(f.name.text + ": " + typeText(f.type.get()));
  CHECK(got == std::vector<std::string>{
                   "id: string", "email: string?", "phone: string?", "timezone: string",
                   "loyalty: {tier: string, points: int}", "tags: list<string>",
                   "scores: map<string, list<int>>", "flag: bool", "n: int", "for: int",
                   "content-type: string", "when: google.protobuf.Timestamp"});
  CHECK(show(p->ast, s.fields[3].defaultValue) == "\"UTC\"");
  CHECK(p->text(s.fields[1].range) == "email: string?");
  CHECK(p->text(s.fields[1].type->range) == "string?");

  auto t = parse("type Item { sku: string, qty: int = 1, price: double }\n");
  const auto& item = only<ast::TypeDecl>(*t);
  REQUIRE(item.fields.size() == 3);
  CHECK(show(t->ast, item.fields[1].defaultValue) == "1");
  auto empty = parse("type Empty {}\n");
  CHECK(only<ast::TypeDecl>(*empty).fields.empty());
  auto trailing = parse("type T {\n  a: int,\n  b: int,\n}\n");
  CHECK(only<ast::TypeDecl>(*trailing).fields.size() == 2);
}

TEST_CASE("event") {
  auto p = parse("event CartAbandoned retain 30d { cartId: string, items: list<Item> }\n");
  const auto& e = only<ast::EventDecl>(*p);
  CHECK(e.name.text == "CartAbandoned");
  CHECK(show(p->ast, e.retain) == "dur(2592000000000000)");
  CHECK(e.fields.size() == 2);
  auto bare = parse("event Ping\n");
  CHECK(only<ast::EventDecl>(*bare).retain == ast::kNoExpr);
  // A `{` after the retain expression opens the body, also after a name.
  auto named = parse("event E retain window { a: int }\n");
  const auto& n = only<ast::EventDecl>(*named);
  CHECK(show(named->ast, n.retain) == "window");
  CHECK(n.fields.size() == 1);
}

TEST_CASE("channel") {
  auto p = parse(
      "channel email {\n  address: profile.email\n  consent: profile.consents.email,\n"
      "  kind: \"email\"\n}\n");
  const auto& c = only<ast::ChannelDecl>(*p);
  CHECK(show(p->ast, c.address) == "profile.email");
  CHECK(show(p->ast, c.consent) == "profile.consents.email");
  REQUIRE(c.otherFields.size() == 1);
  CHECK(c.otherFields[0].field.text == "kind");
  auto twice = parse("channel sms { address: a, address: b, consent: true }\n");
  CHECK(twice->codes() == std::vector<std::string>{"E0119"});
  CHECK(twice->message() == "`address` is given twice in channel `sms`");
  CHECK(twice->underlined() == "address");
}

TEST_CASE("audience") {
  auto p = parse("audience Gold = profile.loyalty.tier == \"gold\" &&\n  inAudience(Active)\n");
  const auto& a = only<ast::AudienceDecl>(*p);
  CHECK(show(p->ast, a.rule) == "_&&_(_==_(profile.loyalty.tier, \"gold\"), inAudience(Active))");
}

TEST_CASE("action") {
  auto p = parse(
      "action crm_score {\n"
      "  method POST\n"
      "  url \"https://crm.example.com/score\"\n"
      "  timeout 5s\n"
      "  retries 2\n"
      "  response { score: int, tier: string? }\n"
      "  mock { score: 42, tier: \"gold\" }\n"
      "}\n");
  const auto& a = only<ast::ActionDecl>(*p);
  REQUIRE(a.method.has_value());
  CHECK(a.method->text == "POST");
  CHECK(show(p->ast, a.url) == "\"https://crm.example.com/score\"");
  CHECK(show(p->ast, a.timeout) == "dur(5000000000)");
  CHECK(show(p->ast, a.retries) == "2");
  CHECK(a.hasResponse);
  CHECK(a.response.size() == 2);
  CHECK(a.hasMock);
  REQUIRE(a.mock.size() == 2);
  CHECK(show(p->ast, a.mock[0].value) == "42");
  CHECK(a.mockError == ast::kNoExpr);

  auto failing = parse("action flaky { url \"https://x\"; mock error \"service down\" }\n");
  const auto& f = only<ast::ActionDecl>(*failing);
  CHECK(!f.hasMock);
  CHECK(show(failing->ast, f.mockError) == "\"service down\"");
  CHECK(failing->text(f.mockRange) == "mock error \"service down\"");

  auto twice = parse("action a {\n  url \"x\"\n  url \"y\"\n}\n");
  CHECK(twice->codes() == std::vector<std::string>{"E0119"});
  CHECK(twice->message() == "`url` is given twice in action `a`");
  CHECK(twice->where() == "3:3");
}

TEST_CASE("cap, const and fn") {
  auto c = parse("cap email 3 per 7d\n");
  const auto& cap = only<ast::CapDecl>(*c);
  CHECK(cap.channel.text == "email");
  CHECK(show(c->ast, cap.count) == "3");
  CHECK(show(c->ast, cap.window) == "dur(604800000000000)");

  auto k = parse("const LIMIT = 10\n");
  CHECK(only<ast::ConstDecl>(*k).type == nullptr);
  auto typed = parse("const TAGS: list<string> = [\"a\"]\n");
  CHECK(typeText(only<ast::ConstDecl>(*typed).type.get()) == "list<string>");

  auto f = parse("fn score(a: int, b: double?): double = a * 2.0 + b.orValue(0.0)\n");
  const auto& fn = only<ast::FnDecl>(*f);
  REQUIRE(fn.params.size() == 2);
  CHECK(fn.params[0].name.text == "a");
  CHECK(typeText(fn.params[1].type.get()) == "double?");
  CHECK(typeText(fn.result.get()) == "double");
  CHECK(show(f->ast, fn.body) == "_+_(_*_(a, 2.0), b.orValue(0.0))");
  auto noResult = parse("fn twice(x: int) = x * 2\n");
  CHECK(only<ast::FnDecl>(*noResult).result == nullptr);
  // A newline after `,`, `=` or an operator does not end the declaration.
  auto multiLine = parse("fn f(\n  a: int,\n  b: int,\n): int =\n  a +\n  b\n");
  CHECK(show(multiLine->ast, only<ast::FnDecl>(*multiLine).body) == "_+_(a, b)");
}

TEST_CASE("declarations are separated by newlines or semicolons") {
  auto p = parse("\n\n// comment\ncap email 1 per 1d; cap sms 2 per 2d\n\n\ncap push 3 per 3d\n");
  CHECK(p->diags.all().empty());
  CHECK(p->module.decls.size() == 3);
  auto q = parse("const a = 1 const b = 2\n");
  CHECK(q->code() == "E0101");
  CHECK(q->message() == "expected end of line, found `const`");
  CHECK(q->module.decls.size() == 1);
  CHECK(parse("")->module.decls.empty());
  CHECK(parse("   \n\n  // only a comment")->diags.all().empty());
  CHECK(parse("/* block\n comment */ const a = 1")->module.decls.size() == 1);
}

TEST_CASE("declaration ranges") {
  auto p = parse("const a = 1\n\njourney J {\n  entry on E\n}\n");
  REQUIRE(p->module.decls.size() == 2);
  CHECK(p->text(p->module.decls[0].range) == "const a = 1");
  CHECK(p->text(p->module.decls[1].range) == "journey J {\n  entry on E\n}");
  const auto& j = std::get<ast::JourneyDecl>(p->module.decls[1].kind);
  CHECK(p->text(j.name.range) == "J");
}

TEST_CASE("keywords as declaration and field names") {
  auto p = parse("event wait { key: string, entry: int, if: bool }\naudience send = true\n");
  CHECK(p->diags.all().empty());
  REQUIRE(p->module.decls.size() == 2);
  CHECK(std::get<ast::EventDecl>(p->module.decls[0].kind).name.text == "wait");
  CHECK(std::get<ast::AudienceDecl>(p->module.decls[1].kind).name.text == "send");
  // A reserved word is not a declaration name.
  CHECK(fileError("const for = 1\n") ==
        "E0106 1:7 `for` is a reserved word and cannot be used as a name");
}

}  // TEST_SUITE
