#include "tools/journey/emit_program.h"

#include <algorithm>
#include <set>

#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/codegen/bytecode_disasm.h"
#include "compiler/ir/ir_printer.h"
#include "compiler/ir/lower.h"

namespace journey::cli {
namespace {

class ProgramEmitter {
 public:
  ProgramEmitter(const Frontend& fe, std::string_view stage)
      : fe_(fe), stage_(stage), layouts_(fe.program, &fe.ast) {}

  std::string run() {
    for (const ast::Module& m : fe_.ast.modules) {
      for (const ast::Decl& d : m.decls) {
        if (auto* a = std::get_if<ast::AudienceDecl>(&d.kind)) {
          expr("audience " + a->name.text, a->rule);
        } else if (auto* c = std::get_if<ast::ChannelDecl>(&d.kind)) {
          expr("channel " + c->name.text + " address", c->address);
          expr("channel " + c->name.text + " consent", c->consent);
        } else if (auto* j = std::get_if<ast::JourneyDecl>(&d.kind)) {
          journey(*j);
        }
      }
    }
    return out_;
  }

 private:
  void journey(const ast::JourneyDecl& j) {
    std::string name = "journey " + j.name.text;
    for (const ast::Clause& c : j.clauses) {
      if (auto* e = std::get_if<ast::EntryClause>(&c.kind)) {
        if (auto* ev = std::get_if<ast::EventEntry>(&e->kind)) expr(name + " entry when", ev->when);
      } else if (auto* x = std::get_if<ast::ExitOnClause>(&c.kind)) {
        expr(name + " exit on " + x->event.text + " when", x->when);
      } else if (auto* w = std::get_if<ast::ExitWhenClause>(&c.kind)) {
        expr(name + " exit when", w->condition);
      } else if (auto* k = std::get_if<ast::KeyClause>(&c.kind)) {
        expr(name + " key", k->key);
      }
    }
    block(name, j.steps);
  }

  void block(const std::string& name, const ast::Block& steps) {
    for (const ast::Step& s : steps) {
      std::visit(
          [&](const auto& step) {
            using T = std::decay_t<decltype(step)>;
            if constexpr (std::is_same_v<T, ast::IfStep>) {
              for (const ast::IfBranch& b : step.branches) {
                expr(name + " if", b.condition);
                block(name, b.body);
              }
              if (step.elseBody) block(name, *step.elseBody);
            } else if constexpr (std::is_same_v<T, ast::WaitUntilStep>) {
              expr(name + " wait until", step.at);
            } else if constexpr (std::is_same_v<T, ast::WaitForStep>) {
              for (const ast::AwaitedEvent& e : step.events) {
                expr(name + " wait for " + e.event.text + " when", e.when);
              }
              for (const ast::OnHandler& h : step.handlers) block(name, h.body);
              if (step.timeout) block(name, *step.timeout);
            } else if constexpr (std::is_same_v<T, ast::SplitStep>) {
              for (const ast::SplitArm& arm : step.arms) block(name, arm.body);
            } else if constexpr (std::is_same_v<T, ast::LetStep>) {
              expr(name + " let " + step.name.text, step.value);
            } else if constexpr (std::is_same_v<T, ast::SetStep>) {
              std::string path;
              for (const ast::Name& n : step.path) path += (path.empty() ? "" : ".") + n.text;
              expr(name + " set " + path, step.value);
            } else if constexpr (std::is_same_v<T, ast::SendStep>) {
              for (const ast::FieldInit& f : step.payload) {
                expr(name + " send " + step.channel.text + " " + f.field.text, f.value);
              }
            } else if constexpr (std::is_same_v<T, ast::CallStep>) {
              for (const ast::FieldInit& f : step.args) {
                expr(name + " call " + step.action.text + " " + f.field.text, f.value);
              }
              if (step.onError) block(name, *step.onError);
            } else if constexpr (std::is_same_v<T, ast::EmitStep>) {
              for (const ast::FieldInit& f : step.fields) {
                expr(name + " emit " + step.event.text + " " + f.field.text, f.value);
              }
            }
          },
          s.kind);
    }
  }

  // The names an expression reads that the program does not declare: its inputs (the profile,
  // entry and `let` bindings, ...). Macro variables are bound inside and shadow these.
  void freeNames(ast::ExprId e, std::set<std::string>& out) const {
    if (e == ast::kNoExpr || e >= fe_.ast.exprs.size()) return;
    const ast::ExprNode& n = fe_.ast[e].node;
    const sema::ProgramSymbols& symbols = fe_.program.symbols;
    // Type names (`int`, `google.protobuf.Timestamp`) are not inputs.
    const auto& types = fe_.program.facts.types;
    if (e < types.size() && fe_.program.types.kind(types[e]) == sema::TypeKind::Type) return;
    if (auto* id = std::get_if<ast::Ident>(&n)) {
      if (!symbols.consts.count(id->name) && !symbols.events.count(id->name) &&
          !symbols.audiences.count(id->name) && !symbols.recordTypes.count(id->name)) {
        out.insert(id->name);
      }
    } else if (auto* s = std::get_if<ast::Select>(&n)) {
      freeNames(s->operand, out);
    } else if (auto* i = std::get_if<ast::Index>(&n)) {
      freeNames(i->operand, out);
      freeNames(i->index, out);
    } else if (auto* c = std::get_if<ast::Call>(&n)) {
      freeNames(c->target, out);
      for (ast::ExprId a : c->args) freeNames(a, out);
    } else if (auto* l = std::get_if<ast::ListLit>(&n)) {
      for (ast::ExprId a : l->elements) freeNames(a, out);
    } else if (auto* m = std::get_if<ast::MapLit>(&n)) {
      for (const ast::MapEntry& entry : m->entries) {
        freeNames(entry.key, out);
        freeNames(entry.value, out);
      }
    } else if (auto* r = std::get_if<ast::RecordLit>(&n)) {
      for (const ast::FieldInit& f : r->fields) freeNames(f.value, out);
    } else if (auto* m = std::get_if<ast::Macro>(&n)) {
      freeNames(m->target, out);
      for (ast::ExprId a : m->args) freeNames(a, out);
    }
  }

  void expr(const std::string& what, ast::ExprId e) {
    if (e == ast::kNoExpr) return;
    std::set<std::string> names;
    freeNames(e, names);
    std::vector<std::string> inputs;
    if (names.erase("profile")) inputs.push_back("profile");
    inputs.insert(inputs.end(), names.begin(), names.end());

    ir::ExprPool pool;
    ir::Lowerer lowerer(fe_.ast, fe_.program, layouts_, pool);
    ir::LoweredExpr lowered = lowerer.lowerRoot(e, inputs);
    out_ += "# " + what + " (" + fe_.sources.location(fe_.ast[e].range) + ")\n";
    if (stage_ == "ir") {
      out_ += ir::printExpr(pool, lowered, &layouts_);
    } else {
      out_ += codegen::disassemble(codegen::compileExpr(pool, lowered, layouts_));
    }
    out_ += "\n";
  }

  const Frontend& fe_;
  std::string stage_;
  ir::RecordLayouts layouts_;
  std::string out_;
};

}  // namespace

std::string emitProgramExpressions(const Frontend& fe, std::string_view stage) {
  return ProgramEmitter(fe, stage).run();
}

}  // namespace journey::cli
