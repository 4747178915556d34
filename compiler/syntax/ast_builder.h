// Parse tree -> AST. Literals are decoded here, a unary minus is folded into the number it
// negates, macros and qualified function names are recognised, and times of day are checked.
//
// The tree may hold the remains of syntax errors (contexts with an exception, missing
// children): an expression that cannot be built becomes an ErrorExpr without a further
// diagnostic, and a step or declaration without its name is left out, so later phases see no
// holes and report no cascade.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "JourneyParser.h"
#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/syntax/source_text.h"

namespace journey::syntax {

// Namespaces of the extension libraries (`math`, `strings`, `base64`, `optional`, `cel`): a
// call on one of them is a global function, so none can name a variable.
bool isLibraryNamespace(std::string_view name);

// Deeper expressions than this are refused: later phases walk expressions recursively.
inline constexpr uint32_t kMaxExpressionDepth = 400;

class AstBuilder {
 public:
  using P = grammar::JourneyParser;

  AstBuilder(const SourceText& text, ast::Ast& ast, DiagnosticSink& diags);

  ast::Module buildFile(P::FileContext* ctx);
  ast::ExprId buildExpression(P::ExprFileContext* ctx);

 private:
  // --- declarations (build_declarations.cpp)
  std::optional<ast::Decl> declaration(P::DeclContext* ctx);
  std::optional<ast::DeclKind> actionDecl(P::ActionDeclContext* ctx);
  std::optional<ast::CapDecl> capDecl(P::CapDeclContext* ctx);
  ast::TypeRefPtr typeRef(P::TypeRefContext* ctx, SourceRange fallback);
  std::vector<ast::FieldDecl> fieldDecls(P::FieldDeclsContext* ctx);
  std::vector<ast::FieldDecl> recordBody(P::RecordBodyContext* ctx);
  std::vector<ast::FieldInit> fieldBlock(P::FieldBlockContext* ctx);
  // Fields written one after another on a line, with no `,` between (`{ a: 1 b: 2 }`), or
  // with two (`a: 1,, b: 2`): an error. The grammar lets a field follow without a separator because the token filter drops
  // the end of a line after a `?` (`email: string?`), which it takes for a continuation.
  void requireFieldSeparators(antlr4::ParserRuleContext* fields);
  std::optional<ast::FieldInit> fieldInit(P::FieldInitContext* ctx);
  // W0112 for a value written `x ?b: y` in a field or map entry: it reads as a conditional
  // where the spacing says an optional field (`?b:`) whose `,` before it is missing.
  void warnConditionalLikeOptional(P::ExprContext* value, std::string_view what);

  // --- journeys (build_journeys.cpp)
  ast::JourneyDecl journey(P::JourneyDeclContext* ctx, ast::Name name);
  std::optional<ast::Clause> clause(P::ClauseContext* ctx);
  std::optional<ast::Schedule> schedule(P::ScheduleContext* ctx);
  ast::TimeOfDay timeOfDay(P::TimeOfDayContext* ctx);
  std::optional<ast::Weekday> weekday(const ast::Name& name, bool allowDay, bool& isDay);
  ast::Block block(P::BlockContext* ctx);
  std::optional<ast::Step> step(P::StmtContext* ctx);
  std::optional<ast::StepKind> waitFor(P::WaitForStmtContext* ctx);
  std::optional<ast::StepKind> split(P::SplitStmtContext* ctx);

  // build_tests.cpp
  std::optional<ast::TestDecl> testDecl(P::TestDeclContext* ctx);
  std::optional<ast::TestStmt> testStmt(P::TestStmtContext* ctx);
  std::optional<ast::TestString> testString(antlr4::tree::TerminalNode* node);

  // --- expressions (build_expressions.cpp)
  ast::ExprId expr(P::ExprContext* ctx);
  // `binary` and `arithmetic`: operands and operators in a flat list, built with CEL's precedence.
  ast::ExprId operatorChain(antlr4::ParserRuleContext* ctx);
  ast::ExprId operand(P::OperandContext* ctx);
  ast::ExprId primary(P::PrimaryContext* ctx);
  ast::ExprId literal(antlr4::Token* token, antlr4::Token* minus);
  ast::ExprId recordLiteral(ast::ExprId typeExpr, P::RecordInitContext* ctx);
  std::vector<ast::ExprId> exprList(P::ExprListContext* ctx);
  ast::ExprId binary(antlr4::Token* op, ast::ExprId left, ast::ExprId right);

  // --- calls and macros (build_calls.cpp)
  ast::ExprId globalCall(ast::Name function, std::vector<ast::ExprId> args, SourceRange range);
  ast::ExprId receiverCall(ast::ExprId target, ast::Name function, std::vector<ast::ExprId> args,
                           SourceRange range);
  ast::ExprId macro(ast::MacroKind kind, ast::ExprId target, const ast::Name& function,
                    std::vector<ast::ExprId> args, size_t varCount, SourceRange range);
  std::optional<std::string> qualifiedName(ast::ExprId e) const;

  // --- helpers (ast_builder.cpp)
  ast::ExprId add(ast::ExprNode node, SourceRange range);
  ast::ExprId error(SourceRange range);
  ast::ExprId errorIfBroken(antlr4::ParserRuleContext* ctx);
  SourceRange range(antlr4::Token* token) const { return text_.range(token); }
  SourceRange range(antlr4::tree::TerminalNode* node) const;
  SourceRange range(antlr4::ParserRuleContext* ctx) const { return text_.range(ctx); }
  SourceRange rangeOf(ast::ExprId e) const { return ast_[e].range; }
  std::string_view textOf(antlr4::Token* token) const { return text_.slice(range(token)); }
  std::optional<ast::Name> name(P::IdentContext* ctx) const;
  // The name a variable is bound to (a binding, `let`, a parameter, a constant, a macro's
  // variable): one of the library namespaces (`math`, `strings`, ...) is refused there, since
  // `math.abs(x)` would then read the variable. Reported; the name is kept.
  std::optional<ast::Name> bindingName(P::IdentContext* ctx);
  void refuseNamespace(const ast::Name& name);
  std::optional<ast::Name> name(P::SelectorContext* ctx) const;
  // A string token's value; reports escape errors.
  std::optional<std::string> stringValue(antlr4::tree::TerminalNode* node);
  Diagnostic& report(DiagKind kind, SourceRange range, std::string message);

  const SourceText& text_;
  ast::Ast& ast_;
  DiagnosticSink& diags_;
  ast::ExprId firstId_;
  std::vector<uint32_t> depth_;  // of each expression this builder added, from firstId_
  bool tooDeepReported_ = false;
};

}  // namespace journey::syntax
