#include "compiler/syntax/ast_builder.h"

#include <algorithm>

#include "compiler/syntax/literals.h"

namespace journey::syntax {

namespace {

// The deepest child of an expression node, by the builder's depth table.
template <typename DepthOf>
uint32_t deepestChild(const ast::ExprNode& node, DepthOf depthOf) {
  uint32_t d = 0;
  auto see = [&](ast::ExprId e) { d = std::max(d, depthOf(e)); };
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::Select>) {
          see(n.operand);
        } else if constexpr (std::is_same_v<T, ast::Index>) {
          see(n.operand);
          see(n.index);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          see(n.target);
          for (ast::ExprId a : n.args) see(a);
        } else if constexpr (std::is_same_v<T, ast::ListLit>) {
          for (ast::ExprId a : n.elements) see(a);
        } else if constexpr (std::is_same_v<T, ast::MapLit>) {
          for (const ast::MapEntry& m : n.entries) {
            see(m.key);
            see(m.value);
          }
        } else if constexpr (std::is_same_v<T, ast::RecordLit>) {
          for (const ast::FieldInit& f : n.fields) see(f.value);
        } else if constexpr (std::is_same_v<T, ast::Macro>) {
          see(n.target);
          for (ast::ExprId a : n.args) see(a);
        }
      },
      node);
  return d;
}

}  // namespace

AstBuilder::AstBuilder(const SourceText& text, ast::Ast& ast, DiagnosticSink& diags)
    : text_(text), ast_(ast), diags_(diags), firstId_(static_cast<ast::ExprId>(ast.exprs.size())) {}

ast::ExprId AstBuilder::add(ast::ExprNode node, SourceRange r) {
  uint32_t depth = 1 + deepestChild(node, [&](ast::ExprId e) -> uint32_t {
                     if (e == ast::kNoExpr || e < firstId_ || e - firstId_ >= depth_.size()) return 0;
                     return depth_[e - firstId_];
                   });
  if (depth > kMaxExpressionDepth) {
    if (!tooDeepReported_) {
      tooDeepReported_ = true;
      report(DiagKind::NestingTooDeep, r,
             "this expression is nested too deeply (more than " +
                 std::to_string(kMaxExpressionDepth) + " levels)")
          .helps.push_back("split it with `let` steps, constants or functions");
    }
    node = ast::ErrorExpr{};
    depth = 1;
  }
  ast::ExprId id = ast_.add(std::move(node), r);
  depth_.resize(id - firstId_ + 1, 0);
  depth_[id - firstId_] = depth;
  return id;
}

ast::ExprId AstBuilder::error(SourceRange r) { return add(ast::ErrorExpr{}, r); }

ast::ExprId AstBuilder::errorIfBroken(antlr4::ParserRuleContext* ctx) {
  if (ctx == nullptr) return error(SourceRange{text_.file(), 0, 0});
  if (ctx->exception != nullptr) return error(range(ctx));
  return ast::kNoExpr;
}

SourceRange AstBuilder::range(antlr4::tree::TerminalNode* node) const {
  return node == nullptr ? SourceRange{text_.file(), 0, 0} : text_.range(node->getSymbol());
}

std::optional<ast::Name> AstBuilder::name(P::IdentContext* ctx) const {
  if (ctx == nullptr || ctx->exception != nullptr || ctx->getStart() == nullptr) return std::nullopt;
  antlr4::Token* t = ctx->getStart();
  if (t->getType() == antlr4::Token::EOF) return std::nullopt;
  return ast::Name{std::string(textOf(t)), range(t)};
}

std::optional<ast::Name> AstBuilder::bindingName(P::IdentContext* ctx) {
  std::optional<ast::Name> n = name(ctx);
  if (n) refuseNamespace(*n);
  return n;
}

void AstBuilder::refuseNamespace(const ast::Name& name) {
  if (!isLibraryNamespace(name.text)) return;
  report(DiagKind::ReservedWord, name.range,
         "`" + name.text + "` names a library's functions (`" + name.text +
             ".…`) and cannot name a variable")
      .helps.push_back("choose another name");
}

std::optional<ast::Name> AstBuilder::name(P::SelectorContext* ctx) const {
  if (ctx == nullptr || ctx->exception != nullptr || ctx->getStart() == nullptr) return std::nullopt;
  if (ctx->ident() != nullptr) return name(ctx->ident());
  antlr4::Token* t = ctx->getStart();
  if (auto* quoted = ctx->QUOTED_IDENT()) {
    std::string_view text = textOf(quoted->getSymbol());
    return ast::Name{std::string(text.substr(1, text.size() - 2)), range(t)};
  }
  if (ctx->reserved() == nullptr || ctx->reserved()->exception != nullptr) return std::nullopt;
  return ast::Name{std::string(textOf(t)), range(t)};
}

std::optional<std::string> AstBuilder::stringValue(antlr4::tree::TerminalNode* node) {
  if (node == nullptr) return std::nullopt;
  SourceRange r = range(node);
  std::string value;
  if (auto problem = decodeQuoted(text_.slice(r), value)) {
    report(problem->kind, SourceRange{r.file, r.begin + problem->begin, r.begin + problem->end},
           problem->message);
    return std::nullopt;
  }
  return value;
}

Diagnostic& AstBuilder::report(DiagKind kind, SourceRange r, std::string message) {
  return diags_.report(kind, r, std::move(message));
}

ast::Module AstBuilder::buildFile(P::FileContext* ctx) {
  ast::Module module;
  module.file = text_.file();
  if (ctx == nullptr) return module;
  for (P::DeclContext* d : ctx->decl()) {
    if (d->testDecl() != nullptr) {
      if (auto test = testDecl(d->testDecl())) module.tests.push_back(std::move(*test));
    } else if (auto decl = declaration(d)) {
      module.decls.push_back(std::move(*decl));
    }
  }
  return module;
}

ast::ExprId AstBuilder::buildExpression(P::ExprFileContext* ctx) {
  if (ctx == nullptr || ctx->expr() == nullptr) return ast::kNoExpr;
  return expr(ctx->expr());
}

}  // namespace journey::syntax
