#include "compiler/syntax/syntax_tree_builder.h"

#include <antlr4-runtime.h>

#include "JourneyLexer.h"
#include "JourneyParser.h"
#include "compiler/syntax/token_kinds.h"

namespace journey::syntax {

using grammar::JourneyLexer;
using grammar::JourneyParser;

namespace {

struct RuleEntry {
  size_t antlrIndex;
  SyntaxRule rule;
  std::string_view name;
};

// The one table between ANTLR's rule indexes, our enum and the grammar's names.
constexpr RuleEntry kRules[] = {
    {JourneyParser::RuleFile, SyntaxRule::File, "file"},
    {JourneyParser::RuleExprFile, SyntaxRule::ExprFile, "exprFile"},
    {JourneyParser::RuleSep, SyntaxRule::Sep, "sep"},
    {JourneyParser::RuleDecl, SyntaxRule::Decl, "decl"},
    {JourneyParser::RuleImportDecl, SyntaxRule::ImportDecl, "importDecl"},
    {JourneyParser::RuleTypeDecl, SyntaxRule::TypeDecl, "typeDecl"},
    {JourneyParser::RuleSchemaDecl, SyntaxRule::SchemaDecl, "schemaDecl"},
    {JourneyParser::RuleEventDecl, SyntaxRule::EventDecl, "eventDecl"},
    {JourneyParser::RuleChannelDecl, SyntaxRule::ChannelDecl, "channelDecl"},
    {JourneyParser::RuleAudienceDecl, SyntaxRule::AudienceDecl, "audienceDecl"},
    {JourneyParser::RuleCapDecl, SyntaxRule::CapDecl, "capDecl"},
    {JourneyParser::RuleConstDecl, SyntaxRule::ConstDecl, "constDecl"},
    {JourneyParser::RuleFnDecl, SyntaxRule::FnDecl, "fnDecl"},
    {JourneyParser::RuleParam, SyntaxRule::Param, "param"},
    {JourneyParser::RuleActionDecl, SyntaxRule::ActionDecl, "actionDecl"},
    {JourneyParser::RuleActionItem, SyntaxRule::ActionItem, "actionItem"},
    {JourneyParser::RuleTypeRef, SyntaxRule::TypeRef, "typeRef"},
    {JourneyParser::RuleTypeAtom, SyntaxRule::TypeAtom, "typeAtom"},
    {JourneyParser::RuleQualifiedName, SyntaxRule::QualifiedName, "qualifiedName"},
    {JourneyParser::RuleRecordBody, SyntaxRule::RecordBody, "recordBody"},
    {JourneyParser::RuleFieldDecls, SyntaxRule::FieldDecls, "fieldDecls"},
    {JourneyParser::RuleFieldDecl, SyntaxRule::FieldDecl, "fieldDecl"},
    {JourneyParser::RuleFieldSep, SyntaxRule::FieldSep, "fieldSep"},
    {JourneyParser::RuleFieldBlock, SyntaxRule::FieldBlock, "fieldBlock"},
    {JourneyParser::RuleFieldInits, SyntaxRule::FieldInits, "fieldInits"},
    {JourneyParser::RuleFieldInit, SyntaxRule::FieldInit, "fieldInit"},
    {JourneyParser::RuleJourneyDecl, SyntaxRule::JourneyDecl, "journeyDecl"},
    {JourneyParser::RuleJourneyItem, SyntaxRule::JourneyItem, "journeyItem"},
    {JourneyParser::RuleClause, SyntaxRule::Clause, "clause"},
    {JourneyParser::RuleSchedule, SyntaxRule::Schedule, "schedule"},
    {JourneyParser::RuleTimeOfDay, SyntaxRule::TimeOfDay, "timeOfDay"},
    {JourneyParser::RuleBlock, SyntaxRule::Block, "block"},
    {JourneyParser::RuleStmt, SyntaxRule::Stmt, "stmt"},
    {JourneyParser::RuleElseIf, SyntaxRule::ElseIf, "elseIf"},
    {JourneyParser::RuleAwaited, SyntaxRule::Awaited, "awaited"},
    {JourneyParser::RuleWaitBody, SyntaxRule::WaitBody, "waitBody"},
    {JourneyParser::RuleHandler, SyntaxRule::Handler, "handler"},
    {JourneyParser::RuleSplitBody, SyntaxRule::SplitBody, "splitBody"},
    {JourneyParser::RuleSplitArm, SyntaxRule::SplitArm, "splitArm"},
    {JourneyParser::RuleTestDecl, SyntaxRule::TestDecl, "testDecl"},
    {JourneyParser::RuleTestStmt, SyntaxRule::TestStmt, "testStmt"},
    {JourneyParser::RuleExpectWord, SyntaxRule::ExpectWord, "expectWord"},
    {JourneyParser::RuleExpr, SyntaxRule::Expr, "expr"},
    {JourneyParser::RuleBinary, SyntaxRule::Binary, "binary"},
    {JourneyParser::RuleArithmetic, SyntaxRule::Arithmetic, "arithmetic"},
    {JourneyParser::RuleOperand, SyntaxRule::Operand, "operand"},
    {JourneyParser::RuleMemberSuffix, SyntaxRule::MemberSuffix, "memberSuffix"},
    {JourneyParser::RuleRecordInit, SyntaxRule::RecordInit, "recordInit"},
    {JourneyParser::RulePrimary, SyntaxRule::Primary, "primary"},
    {JourneyParser::RuleExprList, SyntaxRule::ExprList, "exprList"},
    {JourneyParser::RuleListElems, SyntaxRule::ListElems, "listElems"},
    {JourneyParser::RuleListElem, SyntaxRule::ListElem, "listElem"},
    {JourneyParser::RuleMapEntries, SyntaxRule::MapEntries, "mapEntries"},
    {JourneyParser::RuleMapEntry, SyntaxRule::MapEntry, "mapEntry"},
    {JourneyParser::RuleIdent, SyntaxRule::Ident, "ident"},
    {JourneyParser::RuleSelector, SyntaxRule::Selector, "selector"},
    {JourneyParser::RuleReserved, SyntaxRule::Reserved, "reserved"},
};

SyntaxRule ruleOf(size_t antlrIndex) {
  for (const RuleEntry& e : kRules) {
    if (e.antlrIndex == antlrIndex) return e.rule;
  }
  return SyntaxRule::Other;
}

SyntaxTokenKind tokenKindOf(size_t type) {
  if (isLiteralToken(type)) return SyntaxTokenKind::Literal;
  switch (type) {
    case JourneyLexer::LPAREN: return SyntaxTokenKind::LParen;
    case JourneyLexer::RPAREN: return SyntaxTokenKind::RParen;
    case JourneyLexer::LBRACKET: return SyntaxTokenKind::LBracket;
    case JourneyLexer::RBRACKET: return SyntaxTokenKind::RBracket;
    case JourneyLexer::LBRACE: return SyntaxTokenKind::LBrace;
    case JourneyLexer::RBRACE: return SyntaxTokenKind::RBrace;
    case JourneyLexer::DOT: return SyntaxTokenKind::Dot;
    case JourneyLexer::COMMA: return SyntaxTokenKind::Comma;
    case JourneyLexer::COLON: return SyntaxTokenKind::Colon;
    case JourneyLexer::SEMI: return SyntaxTokenKind::Semi;
    case JourneyLexer::QUESTION: return SyntaxTokenKind::Question;
    case JourneyLexer::ASSIGN: return SyntaxTokenKind::Assign;
    case JourneyLexer::NOT: return SyntaxTokenKind::Not;
    case JourneyLexer::EQ: case JourneyLexer::NE: case JourneyLexer::LE: case JourneyLexer::GE:
    case JourneyLexer::LT: case JourneyLexer::GT: case JourneyLexer::AND: case JourneyLexer::OR:
    case JourneyLexer::PLUS: case JourneyLexer::MINUS: case JourneyLexer::STAR:
    case JourneyLexer::SLASH: case JourneyLexer::MOD: case JourneyLexer::IN:
      return SyntaxTokenKind::Operator;
    case JourneyLexer::NEWLINE: return SyntaxTokenKind::Newline;
    case antlr4::Token::EOF: return SyntaxTokenKind::End;
    default: return SyntaxTokenKind::Word;
  }
}

}  // namespace

std::string_view syntaxRuleName(SyntaxRule rule) {
  for (const RuleEntry& e : kRules) {
    if (e.rule == rule) return e.name;
  }
  return "other";
}

SyntaxTree buildSyntaxTree(antlr4::ParserRuleContext* root, const SourceText& text) {
  SyntaxTree tree;
  tree.nodes.push_back(SyntaxNode{ruleOf(root->getRuleIndex()), {}});
  // Depth first with an explicit stack, so that deeply nested expressions need no deep native
  // stack; tokens are numbered as they are met, in source order.
  struct Frame {
    antlr4::ParserRuleContext* ctx;
    uint32_t node;
    size_t next = 0;  // the next child of ctx to visit
  };
  std::vector<Frame> stack{{root, 0}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next == top.ctx->children.size()) {
      stack.pop_back();
      continue;
    }
    antlr4::tree::ParseTree* child = top.ctx->children[top.next++];
    uint32_t parent = top.node;
    if (auto* terminal = dynamic_cast<antlr4::tree::TerminalNode*>(child)) {
      antlr4::Token* token = terminal->getSymbol();
      auto index = static_cast<uint32_t>(tree.tokens.size());
      tree.tokens.push_back(SyntaxToken{tokenKindOf(token->getType()), text.range(token)});
      tree.nodes[parent].children.push_back(SyntaxChild{true, index});
    } else if (auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(child)) {
      auto index = static_cast<uint32_t>(tree.nodes.size());
      tree.nodes.push_back(SyntaxNode{ruleOf(rule->getRuleIndex()), {}});
      tree.nodes[parent].children.push_back(SyntaxChild{false, index});
      stack.push_back(Frame{rule, index});  // `top` is not used after this
    }
  }
  return tree;
}

}  // namespace journey::syntax
