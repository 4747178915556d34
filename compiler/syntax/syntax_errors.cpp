#include "compiler/syntax/syntax_errors.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "JourneyParser.h"
#include "compiler/sema/program_checker.h"
#include "compiler/syntax/expectations.h"
#include "compiler/syntax/foreign_habits.h"
#include "compiler/syntax/token_kinds.h"
#include "vm/value/value_convert.h"

namespace journey::syntax {

using grammar::JourneyParser;
using antlr4::misc::IntervalSet;

namespace {

// Rules that end at a separator: recovery skips to the end of the innermost one.
bool isSyncRule(size_t rule) {
  switch (rule) {
    case JourneyParser::RuleDecl: case JourneyParser::RuleJourneyItem:
    case JourneyParser::RuleStmt: case JourneyParser::RuleClause:
    case JourneyParser::RuleActionItem: case JourneyParser::RuleHandler:
    case JourneyParser::RuleSplitArm: case JourneyParser::RuleFieldDecl:
    case JourneyParser::RuleFieldInit: case JourneyParser::RuleTestStmt:
      return true;
    default:
      return false;
  }
}

// Fields are also separated by commas.
bool isFieldRule(size_t rule) {
  return rule == JourneyParser::RuleFieldDecl || rule == JourneyParser::RuleFieldInit;
}

// Rules made of items separated by newlines: the file, and the braces of journeys, blocks,
// `wait for` handlers, splits, actions and tests. The item rule of each, or SIZE_MAX.
size_t itemRuleOf(size_t bodyRule) {
  switch (bodyRule) {
    case JourneyParser::RuleFile: return JourneyParser::RuleDecl;
    case JourneyParser::RuleJourneyDecl: return JourneyParser::RuleJourneyItem;
    case JourneyParser::RuleBlock: return JourneyParser::RuleStmt;
    case JourneyParser::RuleWaitBody: return JourneyParser::RuleHandler;
    case JourneyParser::RuleSplitBody: return JourneyParser::RuleSplitArm;
    case JourneyParser::RuleActionDecl: return JourneyParser::RuleActionItem;
    case JourneyParser::RuleTestDecl: return JourneyParser::RuleTestStmt;
    default: return SIZE_MAX;
  }
}

// Whether the parser is between the braces of a body (for the file: anywhere).
bool insideBody(antlr4::ParserRuleContext* ctx) {
  if (ctx == nullptr || itemRuleOf(ctx->getRuleIndex()) == SIZE_MAX) return false;
  if (ctx->getRuleIndex() == JourneyParser::RuleFile) return true;
  return ctx->getToken(JourneyParser::LBRACE, 0) != nullptr;
}

// Where a body invokes its item rule, and where it continues after the item.
struct ItemCall {
  size_t invokingState = SIZE_MAX;
  size_t followState = SIZE_MAX;
};
ItemCall itemCallOf(const antlr4::atn::ATN& atn, size_t bodyRule) {
  size_t itemRule = itemRuleOf(bodyRule);
  for (antlr4::atn::ATNState* s : atn.states) {
    if (s == nullptr || s->ruleIndex != bodyRule) continue;
    for (antlr4::atn::Transition* t : s->transitions) {
      if (t->getSerializationType() == antlr4::atn::Transition::RULE &&
          t->target->ruleIndex == itemRule) {
        return ItemCall{s->stateNumber,
                        static_cast<antlr4::atn::RuleTransition*>(t)->followState->stateNumber};
      }
    }
  }
  return ItemCall{};
}

void parseItem(antlr4::Parser* parser, size_t itemRule) {
  auto* p = static_cast<JourneyParser*>(parser);
  switch (itemRule) {
    case JourneyParser::RuleDecl: p->decl(); break;
    case JourneyParser::RuleJourneyItem: p->journeyItem(); break;
    case JourneyParser::RuleStmt: p->stmt(); break;
    case JourneyParser::RuleHandler: p->handler(); break;
    case JourneyParser::RuleSplitArm: p->splitArm(); break;
    case JourneyParser::RuleActionItem: p->actionItem(); break;
    case JourneyParser::RuleTestStmt: p->testStmt(); break;
    default: break;
  }
}

// The terminal of the token at `index` under `tree`, or null.
antlr4::tree::TerminalNode* terminalAt(antlr4::tree::ParseTree* tree, size_t index) {
  if (auto* t = dynamic_cast<antlr4::tree::TerminalNode*>(tree)) {
    return t->getSymbol()->getTokenIndex() == index ? t : nullptr;
  }
  for (antlr4::tree::ParseTree* child : tree->children) {
    if (antlr4::tree::TerminalNode* t = terminalAt(child, index)) return t;
  }
  return nullptr;
}

// Whether the token at `index` ends an expression: its terminal, found under `ctx` or the
// nearest rule above it that holds it (`if a = b {`: the expression is the sibling of the
// block the parser was in), lies inside an `expr`. Where `and` may have been meant as `&&`.
bool endsExpression(antlr4::ParserRuleContext* ctx, size_t index) {
  antlr4::tree::ParseTree* node = nullptr;
  for (antlr4::tree::ParseTree* above = ctx; above != nullptr && node == nullptr;
       above = above->parent) {
    node = terminalAt(above, index);
  }
  for (; node != nullptr; node = node->parent) {
    auto* rule = dynamic_cast<antlr4::ParserRuleContext*>(node);
    if (rule != nullptr && rule->getRuleIndex() == JourneyParser::RuleExpr) return true;
  }
  return false;
}

bool isSeparator(size_t type) { return type == JourneyParser::NEWLINE || type == JourneyParser::SEMI; }

std::string shownText(const SourceText& text, antlr4::Token* t) {
  size_t type = t->getType();
  if (type == antlr4::Token::EOF) return "end of file";
  if (type == JourneyParser::NEWLINE) return "end of line";
  std::string s(text.slice(text.range(t)));
  if (s.size() > 24) {
    s = s.substr(0, utf8CharStart(s, 20)) + "...";
  }
  return "`" + s + "`";
}

const char* declarationNoun(size_t keyword) {
  switch (keyword) {
    case JourneyParser::JOURNEY: return "journey";
    case JourneyParser::TYPE: return "type";
    case JourneyParser::SCHEMA: return "schema";
    case JourneyParser::EVENT: return "event";
    case JourneyParser::CHANNEL: return "channel";
    case JourneyParser::AUDIENCE: return "audience";
    case JourneyParser::ACTION: return "action";
    case JourneyParser::FN: return "function";
    case JourneyParser::CONST: return "constant";
    default: return nullptr;
  }
}

// " after the journey name", " after `wait`", or "".
std::string afterWhat(antlr4::TokenStream* input, size_t offendingIndex) {
  if (offendingIndex == 0) return "";
  antlr4::Token* prev = input->get(offendingIndex - 1);
  size_t type = prev->getType();
  if (type == JourneyParser::IDENT || isContextualKeyword(type)) {
    if (offendingIndex >= 2) {
      const char* noun = declarationNoun(input->get(offendingIndex - 2)->getType());
      // `journey Name` at the start of a declaration (not `profile.journey x`).
      bool atStart = offendingIndex < 3 || input->get(offendingIndex - 3)->getType() == JourneyParser::NEWLINE ||
                     input->get(offendingIndex - 3)->getType() == JourneyParser::SEMI;
      if (noun != nullptr && atStart) return std::string(" after the ") + noun + " name";
    }
    if (type == JourneyParser::IDENT) return "";
  }
  if (type == JourneyParser::NEWLINE || type == JourneyParser::SEMI || isLiteralToken(type) ||
      type == JourneyParser::LBRACE ||
      type == JourneyParser::RPAREN || type == JourneyParser::RBRACKET ||
      type == JourneyParser::RBRACE) {
    return "";
  }
  return " after " + describeTokenType(type);
}

// `1.5h` as whole units (`1h30m`), when it is a number and one unit that make a whole number of
// nanoseconds.
std::optional<std::string> wholeDuration(std::string_view written) {
  static constexpr std::pair<std::string_view, int64_t> kUnits[] = {
      {"w", 604'800'000'000'000}, {"d", 86'400'000'000'000}, {"h", 3'600'000'000'000},
      {"m", 60'000'000'000},      {"s", 1'000'000'000},      {"ms", 1'000'000},
      {"us", 1'000},              {"ns", 1}};
  size_t unitAt = written.find_first_not_of("0123456789.");
  if (unitAt == std::string_view::npos) return std::nullopt;
  std::string_view unit = written.substr(unitAt);
  double amount = std::strtod(std::string(written.substr(0, unitAt)).c_str(), nullptr);
  for (const auto& [name, nanos] : kUnits) {
    if (name != unit) continue;
    double total = amount * static_cast<double>(nanos);
    if (!(total >= 1 && total < 9.2e18) || total != std::floor(total)) return std::nullopt;
    return sema::formatDuration(static_cast<int64_t>(total));
  }
  return std::nullopt;
}

}  // namespace

antlr4::ParserRuleContext* SyntaxErrorStrategy::statementContext(antlr4::Parser* parser) const {
  antlr4::ParserRuleContext* ctx = parser->getContext();
  while (ctx != nullptr && !isSyncRule(ctx->getRuleIndex())) {
    ctx = dynamic_cast<antlr4::ParserRuleContext*>(ctx->parent);
  }
  return ctx;
}

void SyntaxErrorStrategy::sync(antlr4::Parser*) {}

antlr4::Token* SyntaxErrorStrategy::recoverInline(antlr4::Parser* parser) {
  throw antlr4::InputMismatchException(parser);
}

void SyntaxErrorStrategy::recover(antlr4::Parser* parser, std::exception_ptr) {
  antlr4::ParserRuleContext* current = parser->getContext();
  if (insideBody(current)) {
    resumeBody(parser, current);
    return;
  }
  antlr4::TokenStream* input = parser->getTokenStream();
  const std::vector<uint32_t>& levels = session_.tokens.levels();
  antlr4::ParserRuleContext* stmt = statementContext(parser);
  // After an unclosed bracket the rest of the line is lost: skip the whole statement, not just
  // the field the error was found in.
  while (recoverWholeStatement_ && stmt != nullptr && isFieldRule(stmt->getRuleIndex())) {
    stmt = dynamic_cast<antlr4::ParserRuleContext*>(stmt->parent);
    while (stmt != nullptr && !isSyncRule(stmt->getRuleIndex())) {
      stmt = dynamic_cast<antlr4::ParserRuleContext*>(stmt->parent);
    }
  }
  recoverWholeStatement_ = false;
  size_t startIndex = stmt != nullptr && stmt->getStart() != nullptr ? stmt->getStart()->getTokenIndex() : 0;
  uint32_t level = startIndex < levels.size() ? levels[startIndex] : 0;
  bool commas = stmt != nullptr && isFieldRule(stmt->getRuleIndex());

  // Guarantees progress when the same error recovers twice at the same place.
  size_t here = input->index();
  if (here == lastRecoverIndex_ && parser->getState() == lastRecoverState_ &&
      input->LA(1) != antlr4::Token::EOF) {
    parser->consume();
  }
  lastRecoverIndex_ = input->index();
  lastRecoverState_ = parser->getState();

  while (true) {
    antlr4::Token* t = input->LT(1);
    size_t type = t->getType();
    if (type == antlr4::Token::EOF) break;
    size_t index = t->getTokenIndex();
    uint32_t tokenLevel = index < levels.size() ? levels[index] : 0;
    if (tokenLevel < level) break;  // closes the block around the statement
    if (tokenLevel == level && (isSeparator(type) || (commas && type == JourneyParser::COMMA))) {
      break;
    }
    parser->consume();
  }
}

void SyntaxErrorStrategy::resumeBody(antlr4::Parser* parser, antlr4::ParserRuleContext* body) {
  antlr4::TokenStream* input = parser->getTokenStream();
  const std::vector<uint32_t>& levels = session_.tokens.levels();
  auto levelOf = [&](antlr4::Token* t) -> uint32_t {
    size_t i = t->getTokenIndex();
    return i < levels.size() ? levels[i] : 0;
  };
  size_t bodyRule = body->getRuleIndex();
  size_t itemRule = itemRuleOf(bodyRule);
  ItemCall call = itemCallOf(parser->getATN(), bodyRule);
  uint32_t inner = 0;
  if (bodyRule != JourneyParser::RuleFile) {
    inner = levelOf(body->getToken(JourneyParser::LBRACE, 0)->getSymbol()) + 1;
  }
  while (true) {
    size_t before = input->index();
    // The rest of the line that went wrong, then its separators.
    while (input->LA(1) != antlr4::Token::EOF) {
      antlr4::Token* t = input->LT(1);
      uint32_t level = levelOf(t);
      if (level < inner || (level == inner && isSeparator(t->getType()))) break;
      parser->consume();
    }
    while (isSeparator(input->LA(1))) parser->consume();
    if (input->LA(1) == antlr4::Token::EOF) return;
    if (levelOf(input->LT(1)) < inner) {
      if (input->LA(1) == JourneyParser::RBRACE) parser->consume();  // the body's own `}`
      return;
    }
    if (call.invokingState == SIZE_MAX) return;
    // Once the token that went wrong is behind us, errors are new mistakes.
    if (lastErrorIndex_ == SIZE_MAX || input->index() > lastErrorIndex_) endErrorCondition(parser);
    parser->setState(call.invokingState);
    parseItem(parser, itemRule);
    antlr4::Token* next = input->LT(1);
    if (next->getType() != antlr4::Token::EOF && !isSeparator(next->getType()) &&
        levelOf(next) >= inner) {
      // Stray tokens after the item, on its line.
      parser->setState(call.followState);
      reportError(parser, antlr4::InputMismatchException(parser));
    }
    if (input->index() == before && input->LA(1) != antlr4::Token::EOF) parser->consume();
  }
}

void SyntaxErrorStrategy::reportError(antlr4::Parser* parser, const antlr4::RecognitionException& e) {
  if (inErrorRecoveryMode(parser)) return;
  beginErrorCondition(parser);

  antlr4::TokenStream* input = parser->getTokenStream();
  antlr4::Token* found = e.getOffendingToken();
  if (found == nullptr) found = input->LT(1);
  size_t foundIndex = found->getTokenIndex();
  size_t foundType = found->getType();
  lastErrorIndex_ = foundIndex;
  const SourceText& text = session_.text;
  antlr4::Token* prev = foundIndex > 0 ? input->get(foundIndex - 1) : nullptr;
  bool lineStart = prev == nullptr || isSeparator(prev->getType()) ||
                   prev->getType() == JourneyParser::LBRACE;

  // A lexical problem in the same statement already explains this error.
  antlr4::ParserRuleContext* stmt = statementContext(parser);
  size_t stmtStart = foundIndex;
  if (stmt != nullptr && stmt->getStart() != nullptr) {
    stmtStart = stmt->getStart()->getTokenIndex();
  } else {  // between declarations (`event E { … } retain 7d`): from the line's start
    while (stmtStart > 0 && !isSeparator(input->get(stmtStart - 1)->getType())) --stmtStart;
  }
  if (session_.tokens.lexicalProblemBetween(std::min(stmtStart, foundIndex), foundIndex)) return;
  // A test statement that starts with a word other than `profile`: the AST builder says so.
  if (auto* profile = dynamic_cast<JourneyParser::TestProfileContext*>(stmt);
      profile != nullptr && text.slice(text.range(profile->getStart())) != "profile") {
    return;
  }
  bool earlierErrors = session_.diags.errorCount() > session_.errorsBefore;
  // The end of the file after another error is a consequence of it (an unclosed block).
  if (foundType == antlr4::Token::EOF && earlierErrors) return;

  Expectation x = expectationFor(parser, e);
  antlr4::ParserRuleContext* current = parser->getContext();
  // After a literal left open, the `}` that ends its journey closed the literal: the next
  // declaration starts inside the journey, as a consequence of that error.
  if (unclosedLiteral_ && lineStart && current->getRuleIndex() != JourneyParser::RuleFile) {
    const antlr4::atn::ATN& atn = parser->getATN();
    if (atn.nextTokens(atn.ruleToStartState[JourneyParser::RuleDecl]).contains(foundType)) return;
  }
  if (insideBody(current) && foundType != antlr4::Token::EOF) {
    size_t itemRule = itemRuleOf(current->getRuleIndex());
    if (lineStart) {
      // A line that starts no item of this body.
      const antlr4::atn::ATN& atn = parser->getATN();
      x.tokens = atn.nextTokens(atn.ruleToStartState[itemRule]);
      x.keywords = x.tokens;
      x.rules = {itemRule};
    } else {
      // Stray tokens after a complete item.
      x.tokens = IntervalSet::of(static_cast<ssize_t>(JourneyParser::NEWLINE));
      if (current->getRuleIndex() != JourneyParser::RuleFile) x.tokens.add(static_cast<ssize_t>(JourneyParser::RBRACE));
      x.keywords = x.tokens;
      x.rules = {current->getRuleIndex()};
    }
  }
  SourceRange at = text.range(found);

  // `{ "plan": "pro" }` where a field's name is due: a JSON line's quoted name, which fields of
  // a declaration, a step or a test input do not take (nested records in values do).
  bool inFields = current->getRuleIndex() == JourneyParser::RuleFieldBlock ||
                  current->getRuleIndex() == JourneyParser::RuleFieldInits;
  if (inFields && foundType == JourneyParser::STRING && input->LA(2) == JourneyParser::COLON &&
      input->LT(1) == found) {
    std::string quoted(text.slice(at));
    Diagnostic& d = session_.diags.report(DiagKind::UnexpectedToken, at,
                                          "a field's name is written without quotes here");
    d.label = "quoted name";
    d.helps.push_back("write `" + quoted.substr(1, quoted.size() - 2) + ": …`");
    return;
  }

  // `1.5h` just before or at the error: a number with a fraction, then a duration's unit (read
  // as a name, which in a payload parses as the next field's). Durations count whole units.
  for (size_t i = std::max<size_t>(foundIndex, 2) - 1; i <= foundIndex; ++i) {
    antlr4::Token* number = input->get(i - 1);
    antlr4::Token* unit = input->get(i);
    if (unit->getType() != JourneyParser::IDENT || number->getType() != JourneyParser::FLOAT ||
        number->getStopIndex() + 1 != unit->getStartIndex()) {
      continue;
    }
    SourceRange both = text.range(number);
    both.end = text.range(unit).end;
    std::string written(text.slice(both));
    if (std::optional<std::string> whole = wholeDuration(written)) {
      Diagnostic& d = session_.diags.report(
          DiagKind::UnexpectedToken, both,
          "a duration counts whole units: `" + written + "` has a fraction");
      d.helps.push_back("write `" + *whole + "`");
      return;
    }
  }

  // After `(` or `,` a name may always start (a parameter, an argument, a macro's variable),
  // though an optional list skipped by the parser expects only its closer by then.
  bool nameMayStart = x.tokens.contains(static_cast<size_t>(JourneyParser::IDENT)) ||
                      (prev != nullptr && (prev->getType() == JourneyParser::LPAREN ||
                                           prev->getType() == JourneyParser::COMMA));
  if (isReservedWord(foundType) && nameMayStart) {
    std::string word(text.slice(at));
    Diagnostic& d = session_.diags.report(DiagKind::ReservedWord, at,
                                          "`" + word + "` is a reserved word and cannot be used as a name");
    d.label = "reserved word";
    // `var x = 1` or `function f…` typed in the REPL, where an expression may start.
    if (lineStart && word == "var") {
      d.helps.push_back("to name a value, write `let`: `let x = …`");
    } else if (lineStart && word == "function") {
      d.helps.push_back("a function is declared with `fn`: `fn name(x: int): int = x + 1`");
    }
    return;
  }

  if (foundType == antlr4::Token::EOF && !session_.tokens.unclosed().empty()) {
    const OpenBracket& open = session_.tokens.unclosed().back();
    antlr4::Token* opener = input->get(open.tokenIndex);
    std::string bracket(text.slice(text.range(opener)));
    Diagnostic& d = session_.diags.report(DiagKind::UnclosedBracket, text.range(opener),
                                          "unclosed `" + bracket + "`");
    d.label = "this `" + bracket + "` is never closed";
    d.secondary.push_back(Label{at, "the file ends here"});
    return;
  }

  // `f(a` followed by a new line that cannot continue the call: the filter ended the line and
  // remembers the parenthesis left open.
  size_t openerIndex = foundType == JourneyParser::NEWLINE ? session_.tokens.partner(foundIndex) : SIZE_MAX;
  if (openerIndex != SIZE_MAX) {
    antlr4::Token* opener = input->get(openerIndex);
    size_t closer = opener->getType() == JourneyParser::LPAREN ? JourneyParser::RPAREN : JourneyParser::RBRACKET;
    if (x.tokens.contains(closer)) {
      SourceRange openerRange = text.range(opener);
      std::string bracket(text.slice(openerRange));
      Diagnostic& d = session_.diags.report(DiagKind::UnclosedBracket, openerRange,
                                            "unclosed `" + bracket + "`");
      d.label = "this `" + bracket + "` is not closed";
      d.secondary.push_back(Label{at, "expected " + describeTokenType(closer) + " before the end of the line"});
      d.helps.push_back("close it on this line, or end the line with `,` to go on with the next "
                        "item on the next one");
      recoverWholeStatement_ = true;
      return;
    }
  }

  // `if Item{sku: "a"} == x {`: in a statement header the `{` after a name opens the block, so
  // neither a record literal nor the block fits.
  if (foundType == JourneyParser::LBRACE && x.tokens.contains(static_cast<size_t>(JourneyParser::LBRACE)) &&
      prev != nullptr && (prev->getType() == JourneyParser::IDENT || isContextualKeyword(prev->getType()))) {
    std::string type(text.slice(text.range(prev)));
    Diagnostic& d = session_.diags.report(
        DiagKind::RecordLiteralWithoutType, at,
        "a record literal in a statement header must be written in parentheses");
    d.label = "this `{` would open the block";
    d.helps.push_back("write `(" + type + "{...})`, as in `if (" + type + "{sku: \"a\"}) == x {`");
    return;
  }

  bool isCloser = foundType == JourneyParser::RPAREN || foundType == JourneyParser::RBRACKET ||
                  foundType == JourneyParser::RBRACE;
  // A closing bracket that closes nothing.
  if (isCloser && !x.tokens.contains(foundType) && session_.tokens.partner(foundIndex) == SIZE_MAX) {
    Diagnostic& d = session_.diags.report(DiagKind::UnexpectedToken, at,
                                          "unexpected " + shownText(text, found));
    d.label = "no matching opening bracket";
    return;
  }

  // The filter drops a newline before `}`, `)`, `]`, `,` and `else`; when one was there, the
  // user sees the line end, so say so and point at it.
  std::string foundText = shownText(text, found);
  bool lineBreakBefore = false;
  if (prev != nullptr) {
    SourceRange p = text.range(prev);
    lineBreakBefore = text.slice(SourceRange{p.file, p.end, at.begin}).find_first_of("\r\n") !=
                      std::string_view::npos;
  }
  if (lineBreakBefore && !lineStart &&
      (isCloser || foundType == JourneyParser::COMMA || foundType == JourneyParser::ELSE)) {
    SourceRange p = text.range(prev);
    at = SourceRange{p.file, p.end, p.end};
    foundText = "end of line";
  }

  // Expecting only the `}` of a body means the item before could have ended here, too.
  IntervalSet expected = x.tokens;
  if (expected.size() == 1 && expected.contains(static_cast<size_t>(JourneyParser::RBRACE)) &&
      !lineStart && foundType != JourneyParser::NEWLINE) {
    expected.add(static_cast<ssize_t>(JourneyParser::NEWLINE));
  }
  if (lineStart) {
    // A blank line or another `;` is never what is missing.
    expected.remove(static_cast<size_t>(JourneyParser::NEWLINE));
    expected.remove(static_cast<size_t>(JourneyParser::SEMI));
  }
  bool afterColon = prev != nullptr && prev->getType() == JourneyParser::COLON;
  // "after `wait`" helps when something is missing, not when the statement was complete.
  bool complete = expected.contains(static_cast<size_t>(JourneyParser::NEWLINE)) ||
                  expected.contains(static_cast<size_t>(JourneyParser::RBRACE));
  std::string message = "expected " + describeExpected(expected, x.keywords, x.rules, afterColon) +
                        (complete ? "" : afterWhat(input, foundIndex)) + ", found " + foundText;
  Diagnostic& d = session_.diags.report(DiagKind::UnexpectedToken, at, message);
  if (foundText != "end of line") noteContinuedLine(d, input, stmtStart, foundIndex);
  bool unclosed = unclosedLiteralHelp(d, parser, current, foundIndex);
  unclosedLiteral_ |= unclosed;
  // `{"a": 1` then `"b": 2}` on the next line: inside a literal a line goes on after a `,`.
  if (foundType == JourneyParser::NEWLINE && !unclosed) {
    for (antlr4::tree::ParseTree* node = current; node != nullptr; node = node->parent) {
      auto* c = dynamic_cast<antlr4::RuleContext*>(node);
      size_t rule = c != nullptr ? c->getRuleIndex() : SIZE_MAX;
      if (rule == JourneyParser::RuleMapEntries || rule == JourneyParser::RuleListElems ||
          rule == JourneyParser::RuleExprList || rule == JourneyParser::RuleRecordInit ||
          dynamic_cast<JourneyParser::MapPrimaryContext*>(node) != nullptr) {
        d.helps.push_back("to go on with the next item on the next line, end this one with `,`");
        break;
      }
    }
  }
  HabitContext habit;
  habit.foundType = foundType;
  habit.found = text.slice(text.range(found));
  {
    std::string_view rest = std::string_view(text.text()).substr(text.range(found).begin);
    habit.lineRest = rest.substr(0, rest.find('\n'));
  }
  habit.lineStart = lineStart;
  habit.keywords = &x.keywords;
  // Stray words after a complete statement: the parser has left it, and expects no keyword.
  habit.afterStatement = insideBody(current) && !lineStart;
  if (prev != nullptr) {
    habit.prevType = prev->getType();
    habit.prev = text.slice(text.range(prev));
    habit.adjacent = prev->getStopIndex() + 1 == found->getStartIndex();
    habit.afterExpression = endsExpression(current, prev->getTokenIndex());
    habit.colonDue = x.tokens.contains(static_cast<size_t>(JourneyParser::COLON));
    habit.lineBreakBefore = lineBreakBefore || prev->getType() == JourneyParser::NEWLINE;
    if (foundIndex >= 2) {
      antlr4::Token* beforePrev = input->get(foundIndex - 2);
      habit.beforePrevType = beforePrev->getType();
      habit.beforePrev = text.slice(text.range(beforePrev));
    }
  }
  for (size_t k = foundIndex; k > 0; --k) {  // back to the statement's first word
    antlr4::Token* t = input->get(k - 1);
    size_t type = t->getType();
    if (isSeparator(type) || type == JourneyParser::LBRACE || type == JourneyParser::RBRACE) break;
    habit.statementWord = type;
    habit.withinBefore |= type == JourneyParser::WITHIN;
    habit.statement = text.slice(SourceRange{at.file, text.range(t).begin, at.begin});
  }
  if (foundType != antlr4::Token::EOF) {
    // Fetched up to the token after the found one, which get() needs.
    ssize_t ahead = static_cast<ssize_t>(foundIndex + 2) - static_cast<ssize_t>(input->index());
    if (foundIndex + 1 >= input->size() && ahead > 0) input->LT(ahead);
    if (foundIndex + 1 < input->size()) habit.nextType = input->get(foundIndex + 1)->getType();
  }
  habit.inArms = current->getRuleIndex() == JourneyParser::RuleSplitBody ||
                 current->getRuleIndex() == JourneyParser::RuleWaitBody;
  for (std::string& help : foreignHabitHelps(habit)) d.helps.push_back(std::move(help));
  if (d.helps.empty()) {
    suggestKeywordByParsing(d, parser, foundIndex, habit.found, foundType);
  } else {
    keywordGuesser_.leaveOut(foundIndex);
  }
  testWordOrderHelp(d, input, foundIndex, foundType);
}

// Word order in a test's statements, which the grammar fixes: `expect … at "T" for "ID"`, and
// `at "T" event E for "ID" { fields }`.
void SyntaxErrorStrategy::testWordOrderHelp(Diagnostic& d, antlr4::TokenStream* input,
                                            size_t foundIndex, size_t foundType) {
  if (foundType != JourneyParser::AT && foundType != JourneyParser::FOR) return;
  // The first token of the statement, past any bracketed part (the fields' `{ … }`).
  size_t first = foundIndex;
  while (first > 0) {
    size_t before = first - 1;
    size_t type = input->get(before)->getType();
    if (type == JourneyParser::RBRACE && session_.tokens.partner(before) < before) {
      first = session_.tokens.partner(before);
      continue;
    }
    if (isSeparator(type) || type == JourneyParser::LBRACE) break;
    first = before;
  }
  size_t firstType = input->get(first)->getType();
  if (foundType == JourneyParser::AT && firstType == JourneyParser::EXPECT) {
    d.helps.push_back("in an expectation `at` comes before `for`: `expect send email \"x\" at "
                      "\"2026-03-02T10:00:00Z\" for \"p2\"`");
  }
  // `at "T" event E { … } for "b"`: the profile is named before the fields.
  if (foundType == JourneyParser::FOR && firstType == JourneyParser::AT && foundIndex > 0 &&
      input->get(foundIndex - 1)->getType() == JourneyParser::RBRACE) {
    const SourceText& text = session_.text;
    size_t kind = first + 2;  // `event` or `set`, after `at "T"`
    bool isEvent = input->get(kind)->getType() == JourneyParser::EVENT;
    std::string what = isEvent ? "event " + std::string(text.slice(text.range(input->get(kind + 1))))
                               : "set";
    input->LT(2);  // fetches the token after `for`, when it is the next to read
    antlr4::Token* id = input->size() > foundIndex + 1 ? input->get(foundIndex + 1) : nullptr;
    std::string profile = id != nullptr && id->getType() == JourneyParser::STRING
                              ? std::string(text.slice(text.range(id)))
                              : "\"ID\"";
    d.helps.push_back("name the profile before the fields: `at " +
                      std::string(text.slice(text.range(input->get(first + 1)))) + " " + what +
                      " for " + profile + " { … }`");
  }
}

void SyntaxErrorStrategy::suggestKeywordByParsing(Diagnostic& d, antlr4::Parser* parser,
                                                  size_t wordIndex, std::string_view word,
                                                  size_t type) {
  auto* tokens = dynamic_cast<antlr4::BufferedTokenStream*>(parser->getTokenStream());
  antlr4::tree::ParseTree* root = parser->getContext();
  while (root != nullptr && root->parent != nullptr) root = root->parent;
  auto* file = dynamic_cast<antlr4::ParserRuleContext*>(root);
  std::optional<size_t> keyword;
  if (type == JourneyParser::IDENT && tokens != nullptr && file != nullptr &&
      file->getRuleIndex() == JourneyParser::RuleFile) {
    keyword = keywordGuesser_.guess(*tokens, session_.tokens.levels(), wordIndex, word);
  }
  if (keyword) {
    d.helps.push_back("did you mean `" + keywordSpelling(*keyword) + "`?");
  } else {
    keywordGuesser_.leaveOut(wordIndex);
  }
}

// `send email "x" { plan: s.plan` and no `}`: a literal in braces goes on over lines, so the
// next statement reads as more of it (`send` as a field's name, then "expected `:`"). Said, and
// true, when a line after the brace's starts with a word that starts a step.
bool SyntaxErrorStrategy::unclosedLiteralHelp(Diagnostic& d, antlr4::Parser* parser,
                                              antlr4::ParserRuleContext* current,
                                              size_t foundIndex) {
  antlr4::Token* opener = nullptr;
  for (antlr4::tree::ParseTree* node = current; node != nullptr; node = node->parent) {
    auto* c = dynamic_cast<antlr4::ParserRuleContext*>(node);
    if (c == nullptr) continue;
    size_t rule = c->getRuleIndex();
    if (rule == JourneyParser::RuleFieldBlock || rule == JourneyParser::RuleRecordInit ||
        dynamic_cast<JourneyParser::MapPrimaryContext*>(c) != nullptr) {
      opener = c->getStart();
      break;
    }
  }
  if (opener == nullptr || opener->getType() != JourneyParser::LBRACE) return false;
  antlr4::TokenStream* input = parser->getTokenStream();
  if (foundIndex + 2 >= input->index()) {  // the tokens after the found one, fetched to be read
    input->LT(static_cast<ssize_t>(foundIndex + 3 - input->index()));
  }
  const SourceText& text = session_.text;
  auto lineBreakBetween = [&](size_t a, size_t b) {  // token indices, a before b
    SourceRange ra = text.range(input->get(a)), rb = text.range(input->get(b));
    return text.slice(SourceRange{ra.file, ra.end, rb.begin}).find_first_of("\r\n") !=
           std::string_view::npos;
  };
  // The first word of the line the error is on (of the next one, at an end of line).
  size_t open = opener->getTokenIndex();
  size_t first = foundIndex;
  if (input->get(foundIndex)->getType() == JourneyParser::NEWLINE) {
    first = foundIndex + 1;
  } else {
    while (first > open + 1 && input->get(first - 1)->getType() != JourneyParser::NEWLINE &&
           !lineBreakBetween(first - 1, first)) {
      --first;
    }
    if (first == open + 1 && !lineBreakBetween(open, first)) return false;
  }
  if (first + 1 >= input->size()) return false;  // the end of the file
  const antlr4::atn::ATN& atn = parser->getATN();
  if (!atn.nextTokens(atn.ruleToStartState[JourneyParser::RuleStmt])
           .contains(input->get(first)->getType()) ||
      input->get(first + 1)->getType() == JourneyParser::COLON) {  // a field `send: …`
    return false;
  }
  // The line the literal was meant to end on: the one before the step's.
  size_t last = first - 1;
  while (last > open && input->get(last)->getType() == JourneyParser::NEWLINE) --last;
  uint32_t end = text.range(input->get(last)).end;
  auto line = 1 + std::count(text.text().begin(), text.text().begin() + end, '\n');
  if (!session_.openLiteral) session_.openLiteral = OpenLiteral{end, d.range.begin};
  d.secondary.push_back(Label{text.range(opener), "this `{` is not closed"});
  std::string help = "close it with `}` at the end of line " + std::to_string(line);
  // Unless the line ended at the error, say why the next one was read as part of the literal.
  if (first != foundIndex + 1) help += ": a new line inside `{ … }` goes on with what it holds";
  d.helps.push_back(help);
  return true;
}

// `a +` at the end of a line continues the statement on the next one. When the error is on such
// a continued line, the cause is often the line before: say so.
void SyntaxErrorStrategy::noteContinuedLine(Diagnostic& d, antlr4::TokenStream* input,
                                            size_t stmtStart, size_t foundIndex) {
  const SourceText& text = session_.text;
  for (size_t k = foundIndex; k > stmtStart && k > 0; --k) {
    antlr4::Token* before = input->get(k - 1);
    if (isSeparator(before->getType())) return;  // the statement starts after it
    SourceRange b = text.range(before);
    SourceRange a = text.range(input->get(k));
    if (text.slice(SourceRange{b.file, b.end, a.begin}).find_first_of("\r\n") == std::string_view::npos) {
      continue;
    }
    size_t p = before->getType();
    if (isBinaryOperator(p) || p == JourneyParser::DOT || p == JourneyParser::COMMA ||
        p == JourneyParser::COLON || p == JourneyParser::NOT || p == JourneyParser::ASSIGN) {
      d.notes.push_back("the line before ends with " + describeTokenType(p) +
                        ", so this line continues it");
    }
    return;
  }
}

}  // namespace journey::syntax
