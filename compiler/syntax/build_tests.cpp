// Test declarations (`test "name" { ... }`): inputs and expectations, kept apart from the
// program's declarations (ast::Module::tests).
#include "compiler/syntax/ast_builder.h"

namespace journey::syntax {

using P = grammar::JourneyParser;

std::optional<ast::TestString> AstBuilder::testString(antlr4::tree::TerminalNode* node) {
  std::optional<std::string> value = stringValue(node);
  if (!value) return std::nullopt;
  return ast::TestString{std::move(*value), range(node)};
}

std::optional<ast::TestDecl> AstBuilder::testDecl(P::TestDeclContext* ctx) {
  std::optional<ast::TestString> name = testString(ctx->STRING());
  if (!name) return std::nullopt;
  ast::TestDecl test{std::move(*name), {}, range(ctx)};
  for (P::TestStmtContext* s : ctx->testStmt()) {
    if (auto stmt = testStmt(s)) test.stmts.push_back(std::move(*stmt));
  }
  return test;
}

std::optional<ast::TestStmt> AstBuilder::testStmt(P::TestStmtContext* ctx) {
  SourceRange whole = range(ctx);
  auto make = [&](ast::TestStmtKind kind) { return ast::TestStmt{std::move(kind), whole}; };
  // An optional string after `for` or `at`: absent, or present and decoded.
  auto optionalString = [&](antlr4::tree::TerminalNode* node, std::optional<ast::TestString>& out) {
    if (node == nullptr) return true;
    out = testString(node);
    return out.has_value();
  };

  if (auto* c = dynamic_cast<P::TestProfileContext*>(ctx)) {
    ast::Name word{std::string(text_.slice(range(c->testWord()))), range(c->testWord())};
    if (word.text != "profile") {
      Diagnostic& d = report(DiagKind::InvalidTestStatement, word.range,
                             "`" + word.text + "` does not start a test statement");
      if (word.text == "event" || word.text == "set") {
        d.helps.push_back("an input starts with its time: `at \"TIME\" " + word.text + " ...`");
      } else {
        d.helps.push_back("a test holds `profile { ... }`, `at \"TIME\" event NAME { ... }`, "
                          "`at \"TIME\" set { ... }`, `until \"TIME\"` and `expect ...`");
      }
      return std::nullopt;
    }
    ast::TestInput input;
    input.kind = ast::TestInput::Kind::Profile;
    input.fields = fieldBlock(c->fieldBlock());
    return make(std::move(input));
  }
  if (auto* c = dynamic_cast<P::TestEventContext*>(ctx)) {
    ast::TestInput input;
    input.kind = ast::TestInput::Kind::Event;
    std::optional<ast::TestString> time = testString(c->STRING(0));
    std::optional<ast::Name> event = name(c->ident());
    if (!time || !event || !optionalString(c->STRING(1), input.profile)) return std::nullopt;
    input.time = std::move(*time);
    input.event = std::move(*event);
    if (c->fieldBlock() != nullptr) input.fields = fieldBlock(c->fieldBlock());
    return make(std::move(input));
  }
  if (auto* c = dynamic_cast<P::TestSetContext*>(ctx)) {
    ast::TestInput input;
    input.kind = ast::TestInput::Kind::Set;
    std::optional<ast::TestString> time = testString(c->STRING(0));
    if (!time || !optionalString(c->STRING(1), input.profile)) return std::nullopt;
    input.time = std::move(*time);
    input.fields = fieldBlock(c->fieldBlock());
    return make(std::move(input));
  }
  if (auto* c = dynamic_cast<P::TestUntilContext*>(ctx)) {
    std::optional<ast::TestString> time = testString(c->STRING());
    if (!time) return std::nullopt;
    return make(ast::TestUntil{std::move(*time)});
  }
  if (auto* c = dynamic_cast<P::TestExpectContext*>(ctx)) {
    ast::TestExpect expect;
    for (P::ExpectWordContext* w : c->expectWord()) {
      expect.words.push_back(ast::Name{std::string(text_.slice(range(w))), range(w)});
    }
    // The strings in order: the quoted text, then `at`'s, then `for`'s; which are present
    // follows from the keywords.
    std::vector<antlr4::tree::TerminalNode*> strings = c->STRING();
    size_t next = 0;
    auto take = [&](bool present, std::optional<ast::TestString>& out) {
      if (!present) return true;
      return next < strings.size() && optionalString(strings[next++], out);
    };
    size_t keywords = (c->AT() != nullptr) + (c->FOR() != nullptr);
    if (!take(strings.size() > keywords, expect.text) || !take(c->AT() != nullptr, expect.at) ||
        !take(c->FOR() != nullptr, expect.profile)) {
      return std::nullopt;
    }
    return make(std::move(expect));
  }
  return std::nullopt;
}

}  // namespace journey::syntax
