// Expressions: CEL's precedence levels, member chains, literals and aggregates.
#include "compiler/syntax/ast_builder.h"
#include "compiler/syntax/literals.h"

namespace journey::syntax {

using P = grammar::JourneyParser;

namespace {

const char* operatorFunction(size_t tokenType) {
  switch (tokenType) {
    case P::PLUS: return "_+_";
    case P::MINUS: return "_-_";
    case P::STAR: return "_*_";
    case P::SLASH: return "_/_";
    case P::MOD: return "_%_";
    case P::EQ: return "_==_";
    case P::NE: return "_!=_";
    case P::LT: return "_<_";
    case P::LE: return "_<=_";
    case P::GT: return "_>_";
    case P::GE: return "_>=_";
    case P::AND: return "_&&_";
    case P::OR: return "_||_";
    case P::IN: return "@in";
    default: return "?";
  }
}

// CEL's binary precedence, higher binds tighter.
int precedence(size_t tokenType) {
  switch (tokenType) {
    case P::STAR: case P::SLASH: case P::MOD: return 5;
    case P::PLUS: case P::MINUS: return 4;
    case P::OR: return 1;
    case P::AND: return 2;
    default: return 3;  // relations and `in`
  }
}

}  // namespace

ast::ExprId AstBuilder::expr(P::ExprContext* ctx) {
  if (ast::ExprId e = errorIfBroken(ctx); e != ast::kNoExpr) return e;
  ast::ExprId cond = operatorChain(ctx->cond);
  if (ctx->then == nullptr) return cond;
  ast::ExprId then = operatorChain(ctx->then);
  ast::ExprId otherwise = expr(ctx->otherwise);
  return add(ast::Call{"_?_:_", range(ctx->QUESTION()), ast::kNoExpr, {cond, then, otherwise}},
             SourceRange::cover(rangeOf(cond), rangeOf(otherwise)));
}

ast::ExprId AstBuilder::binary(antlr4::Token* op, ast::ExprId left, ast::ExprId right) {
  return add(ast::Call{operatorFunction(op->getType()), range(op), ast::kNoExpr, {left, right}},
             SourceRange::cover(rangeOf(left), rangeOf(right)));
}

// `a op b op c ...` with operators of mixed precedence, all left-associative: operator
// precedence parsing with two stacks, iterative so that long chains need no recursion.
ast::ExprId AstBuilder::operatorChain(antlr4::ParserRuleContext* ctx) {
  if (ast::ExprId e = errorIfBroken(ctx); e != ast::kNoExpr) return e;
  if (ctx->children.size() == 1) {
    if (auto* only = dynamic_cast<P::OperandContext*>(ctx->children[0])) return operand(only);
  }
  std::vector<ast::ExprId> operands;
  std::vector<antlr4::Token*> ops;
  auto reduce = [&] {
    antlr4::Token* op = ops.back();
    ops.pop_back();
    ast::ExprId right = operands.empty() ? error(range(op)) : operands.back();
    if (!operands.empty()) operands.pop_back();
    ast::ExprId left = operands.empty() ? error(range(op)) : operands.back();
    if (!operands.empty()) operands.pop_back();
    operands.push_back(binary(op, left, right));
  };
  bool expectOperand = true;
  for (antlr4::tree::ParseTree* child : ctx->children) {
    if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child)) {
      antlr4::Token* op = terminal->getSymbol();
      while (!ops.empty() && precedence(ops.back()->getType()) >= precedence(op->getType())) reduce();
      ops.push_back(op);
      expectOperand = true;
    } else {
      operands.push_back(operand(static_cast<P::OperandContext*>(child)));
      expectOperand = false;
    }
  }
  if (expectOperand && !ops.empty()) operands.push_back(error(range(ops.back())));
  while (!ops.empty()) reduce();
  return operands.empty() ? error(range(ctx)) : operands.back();
}

ast::ExprId AstBuilder::operand(P::OperandContext* ctx) {
  if (ast::ExprId e = errorIfBroken(ctx); e != ast::kNoExpr) return e;
  // Children: unary operators, the primary, then member suffixes and record initialisers.
  std::vector<antlr4::Token*> ops;
  size_t i = 0;
  for (; i < ctx->children.size(); ++i) {
    auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(ctx->children[i]);
    if (terminal == nullptr) break;
    ops.push_back(terminal->getSymbol());
  }
  auto* primaryCtx = i < ctx->children.size() ? dynamic_cast<P::PrimaryContext*>(ctx->children[i]) : nullptr;
  if (primaryCtx == nullptr) return error(range(ctx));
  bool suffixes = i + 1 < ctx->children.size();

  ast::ExprId acc;
  auto* number = dynamic_cast<P::LiteralPrimaryContext*>(primaryCtx);
  if (number != nullptr && !suffixes && !ops.empty() && ops.back()->getType() == P::MINUS &&
      number->exception == nullptr &&
      (number->getStart()->getType() == P::INT || number->getStart()->getType() == P::FLOAT)) {
    // `-9223372036854775808` is a literal, not the negation of an out-of-range one.
    acc = literal(number->getStart(), ops.back());
    ops.pop_back();
  } else {
    acc = primary(primaryCtx);
  }

  for (size_t k = i + 1; k < ctx->children.size(); ++k) {
    antlr4::tree::ParseTree* child = ctx->children[k];
    if (auto* sel = dynamic_cast<P::SelectSuffixContext*>(child)) {
      std::optional<ast::Name> field = name(sel->selector());
      if (sel->exception != nullptr || !field) {
        acc = error(SourceRange::cover(rangeOf(acc), range(sel)));
        continue;
      }
      bool optional = sel->QUESTION() != nullptr;
      if (sel->LPAREN() == nullptr) {
        acc = add(ast::Select{acc, *field, optional}, SourceRange::cover(rangeOf(acc), field->range));
        continue;
      }
      SourceRange whole = SourceRange::cover(rangeOf(acc), range(sel->RPAREN()));
      if (optional) {
        report(DiagKind::OptionalMethodCall, SourceRange::cover(range(sel->DOT()), field->range),
               "`.?" + field->text + "(...)` calls a method through `.?`")
            .helps.push_back("select the optional field first, then call: `x.?f.orValue(v)`");
        acc = error(whole);
        continue;
      }
      acc = receiverCall(acc, *field, exprList(sel->exprList()), whole);
    } else if (auto* idx = dynamic_cast<P::IndexSuffixContext*>(child)) {
      if (idx->exception != nullptr || idx->expr() == nullptr) {
        acc = error(SourceRange::cover(rangeOf(acc), range(idx)));
        continue;
      }
      ast::ExprId index = expr(idx->expr());
      acc = add(ast::Index{acc, index, idx->QUESTION() != nullptr},
                SourceRange::cover(rangeOf(acc), range(idx)));
    } else if (auto* rec = dynamic_cast<P::RecordInitContext*>(child)) {
      acc = recordLiteral(acc, rec);
    } else if (auto* broken = dynamic_cast<antlr4::ParserRuleContext*>(child)) {
      acc = error(SourceRange::cover(rangeOf(acc), range(broken)));
    }
  }

  for (size_t k = ops.size(); k-- > 0;) {
    const char* fn = ops[k]->getType() == P::NOT ? "!_" : "-_";
    acc = add(ast::Call{fn, range(ops[k]), ast::kNoExpr, {acc}},
              SourceRange::cover(range(ops[k]), rangeOf(acc)));
  }
  return acc;
}

ast::ExprId AstBuilder::recordLiteral(ast::ExprId typeExpr, P::RecordInitContext* ctx) {
  SourceRange whole = SourceRange::cover(rangeOf(typeExpr), range(ctx));
  if (ctx->exception != nullptr) return error(whole);
  // The type name is the member chain before the braces: `Item`, `a.b.Item`, `.a.Item`.
  std::string typeName;
  bool isName = true;
  for (ast::ExprId e = typeExpr;;) {
    const ast::ExprNode& n = ast_[e].node;
    if (auto* id = std::get_if<ast::Ident>(&n)) {
      typeName = (id->rooted ? "." : "") + id->name + typeName;
      break;
    }
    auto* sel = std::get_if<ast::Select>(&n);
    if (sel == nullptr || sel->optional) {
      isName = false;
      break;
    }
    typeName = "." + sel->field.text + typeName;
    e = sel->operand;
  }
  if (!isName) {
    if (!std::holds_alternative<ast::ErrorExpr>(ast_[typeExpr].node)) {
      report(DiagKind::RecordLiteralWithoutType, range(ctx->LBRACE()),
             "a record literal needs a type name before `{`")
          .label = "this `{` follows an expression that is not a type name";
    }
    return error(whole);
  }
  ast::RecordLit record;
  record.type = ast::Name{typeName, rangeOf(typeExpr)};
  for (P::FieldInitContext* f : ctx->fieldInit()) {
    if (auto init = fieldInit(f)) record.fields.push_back(std::move(*init));
  }
  return add(std::move(record), whole);
}

ast::ExprId AstBuilder::primary(P::PrimaryContext* ctx) {
  if (ast::ExprId e = errorIfBroken(ctx); e != ast::kNoExpr) return e;
  if (auto* p = dynamic_cast<P::IdentPrimaryContext*>(ctx)) {
    std::optional<ast::Name> n = name(p->ident());
    if (!n) return error(range(ctx));
    bool rooted = p->DOT() != nullptr;
    SourceRange r = rooted ? SourceRange::cover(range(p->DOT()), n->range) : n->range;
    if (p->LPAREN() != nullptr) {
      ast::Name function{rooted ? "." + n->text : n->text, r};
      return globalCall(function, exprList(p->exprList()),
                        SourceRange::cover(r, range(p->RPAREN())));
    }
    return add(ast::Ident{n->text, rooted}, r);
  }
  if (auto* p = dynamic_cast<P::ParenPrimaryContext*>(ctx)) return expr(p->expr());
  if (auto* p = dynamic_cast<P::ListPrimaryContext*>(ctx)) {
    ast::ListLit list;
    if (P::ListElemsContext* elems = p->listElems()) {
      if (elems->exception != nullptr) return error(range(ctx));
      for (P::ListElemContext* el : elems->listElem()) {
        ast::ExprId value = el->exception != nullptr ? error(range(el)) : expr(el->expr());
        list.elements.push_back(value);
        list.optionalElements.push_back(el->QUESTION() != nullptr);
      }
    }
    return add(std::move(list), range(ctx));
  }
  if (auto* p = dynamic_cast<P::MapPrimaryContext*>(ctx)) {
    ast::MapLit map;
    if (P::MapEntriesContext* entries = p->mapEntries()) {
      if (entries->exception != nullptr) return error(range(ctx));
      for (P::MapEntryContext* en : entries->mapEntry()) {
        ast::MapEntry entry;
        entry.key = en->key != nullptr ? expr(en->key) : error(range(en));
        warnConditionalLikeOptional(en->value, "map entry");
        entry.value = en->value != nullptr && en->exception == nullptr ? expr(en->value) : error(range(en));
        entry.optional = en->QUESTION() != nullptr;
        entry.range = range(en);
        map.entries.push_back(entry);
      }
    }
    return add(std::move(map), range(ctx));
  }
  if (auto* p = dynamic_cast<P::LiteralPrimaryContext*>(ctx)) return literal(p->getStart(), nullptr);
  return error(range(ctx));
}

ast::ExprId AstBuilder::literal(antlr4::Token* token, antlr4::Token* minus) {
  SourceRange r = range(token);
  SourceRange whole = minus != nullptr ? SourceRange::cover(range(minus), r) : r;
  std::string_view text = text_.slice(r);
  ast::Literal lit;
  std::optional<LiteralProblem> problem;
  switch (token->getType()) {
    case P::INT:
      lit.kind = ast::LiteralKind::Int;
      problem = decodeInt(text, minus != nullptr, lit.intValue);
      break;
    case P::UINT:
      lit.kind = ast::LiteralKind::Uint;
      problem = decodeUint(text, lit.uintValue);
      break;
    case P::FLOAT:
      lit.kind = ast::LiteralKind::Double;
      problem = decodeDouble(text, lit.doubleValue);
      if (minus != nullptr) lit.doubleValue = -lit.doubleValue;
      break;
    case P::STRING:
    case P::BYTES:
      lit.kind = token->getType() == P::STRING ? ast::LiteralKind::String : ast::LiteralKind::Bytes;
      problem = decodeQuoted(text, lit.bytes);
      break;
    case P::TRUE_LIT:
    case P::FALSE_LIT:
      lit.kind = ast::LiteralKind::Bool;
      lit.boolValue = token->getType() == P::TRUE_LIT;
      break;
    case P::NULL_LIT:
      lit.kind = ast::LiteralKind::Null;
      break;
    case P::DURATION:
      lit.kind = ast::LiteralKind::Duration;
      problem = decodeDuration(text, lit.intValue);
      break;
    default:  // BAD_NUMBER, reported by the token filter
      return error(whole);
  }
  if (problem) {
    SourceRange at{r.file, r.begin + problem->begin, r.begin + problem->end};
    if (problem->kind == DiagKind::LiteralOutOfRange) at = whole;
    report(problem->kind, at, problem->message);
    return error(whole);
  }
  return add(std::move(lit), whole);
}

std::vector<ast::ExprId> AstBuilder::exprList(P::ExprListContext* ctx) {
  std::vector<ast::ExprId> out;
  if (ctx == nullptr) return out;
  if (ctx->exception != nullptr && ctx->expr().empty()) {
    out.push_back(error(range(ctx)));
    return out;
  }
  for (P::ExprContext* e : ctx->expr()) out.push_back(expr(e));
  return out;
}

}  // namespace journey::syntax
