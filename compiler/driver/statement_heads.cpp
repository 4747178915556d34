#include "compiler/driver/statement_heads.h"

#include <type_traits>
#include <utility>
#include <variant>

namespace journey {
namespace {

class HeadCollector {
 public:
  explicit HeadCollector(const ast::Ast& ast) : ast_(ast) {}

  void declaration(const ast::Decl& d) {
    if (auto* j = std::get_if<ast::JourneyDecl>(&d.kind)) {
      for (const ast::Clause& c : j->clauses) heads_.push_back(c.range);
      block(j->steps);
    } else if (std::holds_alternative<ast::AudienceDecl>(d.kind) ||
               std::holds_alternative<ast::ChannelDecl>(d.kind) ||
               std::holds_alternative<ast::ConstDecl>(d.kind) ||
               std::holds_alternative<ast::FnDecl>(d.kind) ||
               std::holds_alternative<ast::CapDecl>(d.kind) ||
               std::holds_alternative<ast::ImportDecl>(d.kind)) {
      heads_.push_back(d.range);  // one statement, no body of its own
    }
    // A channel's fields may share a line (`{ address: …, consent: … }`), which `fmt` spreads,
    // or not, which it may join: the whole declaration is one head. Schemas, types, events and
    // actions: a body of fields or clauses, one a line already.
  }

  std::vector<SourceRange> take() { return std::move(heads_); }

 private:
  void block(const ast::Block& steps) {
    for (const ast::Step& s : steps) step(s);
  }

  // From the step's start to the end of `last`, the head's last part.
  void headTo(const ast::Step& s, SourceRange last) {
    if (!last.valid()) return;
    heads_.push_back(SourceRange{s.range.file, s.range.begin, last.end});
  }

  void step(const ast::Step& s) {
    std::visit(
        [&](const auto& k) {
          using T = std::decay_t<decltype(k)>;
          if constexpr (std::is_same_v<T, ast::IfStep>) {
            for (const ast::IfBranch& b : k.branches) {
              if (b.condition != ast::kNoExpr) {
                heads_.push_back(SourceRange{b.range.file, b.range.begin, ast_[b.condition].range.end});
              }
              block(b.body);
            }
            if (k.elseBody) block(*k.elseBody);
          } else if constexpr (std::is_same_v<T, ast::WaitForStep>) {
            SourceRange last = k.within != ast::kNoExpr ? ast_[k.within].range
                               : k.events.empty()       ? SourceRange{}
                                                        : k.events.back().range;
            headTo(s, last);
            for (const ast::OnHandler& h : k.handlers) block(h.body);
            if (k.timeout) block(*k.timeout);
          } else if constexpr (std::is_same_v<T, ast::SplitStep>) {
            headTo(s, k.nameRange);
            for (const ast::SplitArm& arm : k.arms) block(arm.body);
          } else if constexpr (std::is_same_v<T, ast::CallStep>) {
            if (k.onError) {
              // `call A { args } as r on error {`: up to the binding, else the arguments.
              SourceRange last = k.binding          ? k.binding->range
                                 : !k.args.empty() ? k.args.back().range
                                                   : k.action.range;
              headTo(s, last);
              block(*k.onError);
            } else {
              heads_.push_back(s.range);
            }
          } else {
            heads_.push_back(s.range);  // a simple step, payload and value included
          }
        },
        s.kind);
  }

  const ast::Ast& ast_;
  std::vector<SourceRange> heads_;
};

}  // namespace

std::vector<SourceRange> statementHeads(const ast::Ast& ast) {
  HeadCollector collector(ast);
  for (const ast::Module& m : ast.modules) {
    for (const ast::Decl& d : m.decls) collector.declaration(d);
  }
  return collector.take();
}

}  // namespace journey
