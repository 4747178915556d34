#include "compiler/syntax/expectations.h"

#include <memory>
#include <unordered_set>

#include "JourneyParser.h"
#include "compiler/syntax/token_kinds.h"

namespace journey::syntax {

using grammar::JourneyParser;
using antlr4::misc::IntervalSet;

namespace {

// Rules whose tokens are names or literals, not keywords the grammar asks for by themselves.
bool isNameRule(size_t rule) {
  return rule == JourneyParser::RuleIdent || rule == JourneyParser::RuleSelector ||
         rule == JourneyParser::RuleReserved;
}

// Replays tokens through the ATN from a decision state, with the parser's rule stack as the
// return addresses, and collects what could come next.

struct ReturnStack {
  antlr4::atn::ATNState* follow;
  std::shared_ptr<const ReturnStack> next;
};
using StackPtr = std::shared_ptr<const ReturnStack>;

class ExpectationSimulator {
 public:
  explicit ExpectationSimulator(const antlr4::atn::ATN& atn) : atn_(atn) {}

  void start(antlr4::atn::ATNState* state, StackPtr stack) { closure(state, std::move(stack)); }

  void step(size_t tokenType) {
    std::vector<Config> current = std::move(matching_);
    matching_.clear();
    visited_.clear();
    reachedEnd_ = false;
    for (const Config& c : current) {
      for (antlr4::atn::Transition* t : c.state->transitions) {
        if (!t->isEpsilon() && t->matches(tokenType, antlr4::Token::MIN_USER_TOKEN_TYPE,
                                          atn_.maxTokenType)) {
          closure(t->target, c.stack);
        }
      }
    }
  }

  bool alive() const { return !matching_.empty() || reachedEnd_; }

  // What may come next; `keywords` gets the part asked for by keyword, not as a name.
  IntervalSet expected(std::set<size_t>& rules, IntervalSet& keywords) const {
    IntervalSet set;
    for (const Config& c : matching_) {
      rules.insert(c.state->ruleIndex);
      for (antlr4::atn::Transition* t : c.state->transitions) {
        auto kind = t->getSerializationType();
        if (t->isEpsilon() || kind == antlr4::atn::Transition::NOT_SET ||
            kind == antlr4::atn::Transition::WILDCARD) {
          continue;
        }
        set.addAll(t->label());
        if (!isNameRule(c.state->ruleIndex)) keywords.addAll(t->label());
      }
    }
    if (reachedEnd_) set.add(antlr4::Token::EOF);
    return set;
  }

 private:
  struct Config {
    antlr4::atn::ATNState* state;
    StackPtr stack;
  };

  void closure(antlr4::atn::ATNState* s, StackPtr stack) {
    if (budget_ == 0) return;
    --budget_;
    if (!visited_.insert({s, stack.get()}).second) return;
    if (s->getStateType() == antlr4::atn::ATNState::RULE_STOP) {
      if (!stack) {
        reachedEnd_ = true;
        return;
      }
      closure(stack->follow, stack->next);
      return;
    }
    bool consumes = false;
    for (antlr4::atn::Transition* t : s->transitions) {
      if (t->getSerializationType() == antlr4::atn::Transition::RULE) {
        auto* rule = static_cast<antlr4::atn::RuleTransition*>(t);
        closure(rule->target, std::make_shared<const ReturnStack>(ReturnStack{rule->followState, stack}));
      } else if (t->isEpsilon()) {
        closure(t->target, stack);
      } else {
        consumes = true;
      }
    }
    if (consumes) matching_.push_back(Config{s, stack});
  }

  struct PairHash {
    size_t operator()(const std::pair<antlr4::atn::ATNState*, const ReturnStack*>& p) const {
      return std::hash<const void*>()(p.first) * 31 + std::hash<const void*>()(p.second);
    }
  };

  const antlr4::atn::ATN& atn_;
  std::vector<Config> matching_;
  std::unordered_set<std::pair<antlr4::atn::ATNState*, const ReturnStack*>, PairHash> visited_;
  bool reachedEnd_ = false;
  size_t budget_ = 50'000;
};

// The return addresses of the rules being parsed, innermost on top.
StackPtr returnStackOf(const antlr4::atn::ATN& atn, antlr4::RuleContext* ctx) {
  std::vector<antlr4::atn::ATNState*> follows;
  for (antlr4::RuleContext* c = ctx; c != nullptr && c->invokingState != INVALID_INDEX;
       c = dynamic_cast<antlr4::RuleContext*>(c->parent)) {
    if (c->invokingState >= atn.states.size()) break;
    antlr4::atn::ATNState* invoking = atn.states[c->invokingState];
    if (invoking->transitions.empty() ||
        invoking->transitions[0]->getSerializationType() != antlr4::atn::Transition::RULE) {
      break;
    }
    follows.push_back(static_cast<antlr4::atn::RuleTransition*>(invoking->transitions[0])->followState);
  }
  StackPtr stack;
  for (auto it = follows.rbegin(); it != follows.rend(); ++it) {
    stack = std::make_shared<const ReturnStack>(ReturnStack{*it, stack});
  }
  return stack;
}

}  // namespace

Expectation expectationFor(antlr4::Parser* parser, const antlr4::RecognitionException& e) {
  Expectation x;
  auto* noViable = dynamic_cast<const antlr4::NoViableAltException*>(&e);
  const antlr4::atn::ATN& atn = parser->getATN();
  size_t state = e.getOffendingState();
  if (noViable != nullptr && state < atn.states.size() && noViable->getStartToken() != nullptr &&
      e.getOffendingToken() != nullptr) {
    ExpectationSimulator sim(atn);
    sim.start(atn.states[state], returnStackOf(atn, parser->getContext()));
    antlr4::TokenStream* input = parser->getTokenStream();
    size_t from = noViable->getStartToken()->getTokenIndex();
    size_t to = e.getOffendingToken()->getTokenIndex();
    for (size_t i = from; i < to && sim.alive(); ++i) sim.step(input->get(i)->getType());
    if (sim.alive()) x.tokens = sim.expected(x.rules, x.keywords);
  }
  if (x.tokens.isEmpty()) {
    x.tokens = e.getExpectedTokens();
    antlr4::ParserRuleContext* ctx = parser->getContext();
    if (ctx != nullptr) x.rules.insert(ctx->getRuleIndex());
    if (ctx == nullptr || !isNameRule(ctx->getRuleIndex())) x.keywords = x.tokens;
  }
  return x;
}

namespace {

std::string joinAlternatives(const std::vector<std::string>& items) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

}  // namespace

std::string describeExpected(const IntervalSet& set, const IntervalSet& keywords,
                             const std::set<size_t>& rules, bool afterColon) {
  std::vector<size_t> types;
  for (ssize_t t : set.toList()) {
    if (t < 0 || static_cast<size_t>(t) == antlr4::Token::EPSILON) continue;
    types.push_back(static_cast<size_t>(t));
  }
  auto has = [&](size_t t) { return set.contains(t); };
  auto count = [&](bool (*pred)(size_t)) {
    size_t n = 0;
    for (size_t t : types) n += pred(t) ? 1 : 0;
    return n;
  };
  std::vector<std::string> items;
  std::vector<bool> covered(types.size(), false);
  auto cover = [&](bool (*pred)(size_t)) {
    for (size_t i = 0; i < types.size(); ++i) covered[i] = covered[i] || pred(types[i]);
  };

  bool inTime = rules.count(JourneyParser::RuleTimeOfDay) > 0;
  bool inSplit = rules.count(JourneyParser::RuleSplitArm) > 0;
  if (types.size() == 1 && types[0] == JourneyParser::INT && inTime) {
    return afterColon ? "the minutes of the time of day (two digits)" : "a time of day like `09:00`";
  }
  if (types.size() == 1 && types[0] == JourneyParser::INT && inSplit) {
    return "a percentage like `50%`";
  }
  // Contextual keywords are names too: settle names and expressions first.
  bool names = has(JourneyParser::IDENT);
  if (names && has(JourneyParser::INT) && has(JourneyParser::LPAREN)) {
    items.push_back("an expression");
    cover(isExpressionStart);
  } else if (names) {
    items.push_back("a name");
    cover([](size_t t) { return t == JourneyParser::IDENT || t == JourneyParser::QUOTED_IDENT ||
                                isContextualKeyword(t) || isReservedWord(t); });
  }
  if (!names && count(startsDeclaration) >= 6) {
    items.push_back("a declaration (`journey`, `schema`, `type`, `event`, `channel`, "
                    "`audience`, `action`, `cap`, `const`, `fn`, `import` or `test`)");
    cover(startsDeclaration);
  }
  if (!names && count(startsStep) >= 6) {
    bool clauses = count(startsClause) >= 4;
    items.push_back(clauses ? "a header clause or a step" : "a step");
    cover(startsStep);
    if (clauses) cover(startsClause);
  }
  // Keywords the grammar asks for by themselves (`until` after `wait`) stay visible even when
  // they are also names.
  for (size_t i = 0; i < types.size(); ++i) {
    if (covered[i] && keywords.contains(types[i]) &&
        (isContextualKeyword(types[i]) || isReservedWord(types[i])) &&
        !startsStep(types[i]) && !startsClause(types[i]) && !startsDeclaration(types[i])) {
      covered[i] = false;
    }
  }
  if (count(isBinaryOperator) >= 4) {
    items.push_back("an operator");
    cover(isBinaryOperator);
    cover([](size_t t) { return t == JourneyParser::DOT || t == JourneyParser::LBRACKET; });
  }
  if (has(JourneyParser::NEWLINE) || has(JourneyParser::SEMI)) {
    items.push_back("end of line");
    cover([](size_t t) { return t == JourneyParser::NEWLINE || t == JourneyParser::SEMI; });
  }
  for (size_t i = 0; i < types.size(); ++i) {
    if (!covered[i]) items.push_back(describeTokenType(types[i]));
  }
  if (items.size() > 6) {
    items.resize(5);
    items.push_back("...");
  }
  // The end of the input (ANTLR's EOF, -1 in the set, left out above) is named only when it is
  // all there is: after a whole expression (`journey eval '3 days'`).
  if (items.empty() && set.contains(static_cast<ssize_t>(-1))) return "end of input";
  return items.empty() ? "something else" : joinAlternatives(items);
}


}  // namespace journey::syntax
