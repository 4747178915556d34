// Shared by the tests/unit/interp_*.cpp files: an expression compiled through the whole
// pipeline (parse, check, lower, bytecode) and run by the interpreter, optionally against a
// program's declarations and with bound inputs.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/codegen/bytecode_disasm.h"
#include "compiler/driver/frontend.h"
#include "compiler/ir/ir_printer.h"
#include "compiler/ir/lower.h"
#include "compiler/syntax/parser.h"
#include "tests/unit/world_checker.h"
#include "vm/interp/interpreter.h"
#include "vm/interp/wall_clock_host.h"
#include "vm/value/printer.h"

namespace journey::test {

class InterpWorld {
 public:
  // A program's source (may be empty): its declarations are visible to the expressions.
  explicit InterpWorld(const std::string& program = "") {
    if (!program.empty()) {
      FileId f = fe.sources.add("program.journey", program);
      fe.ast.modules.push_back(syntax::parseFile(f, fe.sources, fe.ast, fe.diags));
      fe.check();
    }
    layouts = ir::RecordLayouts(fe.program, &fe.ast);
  }

  void bind(const std::string& name, sema::TypeId type, Value v) {
    scope.declare(name, type);
    names.push_back(name);
    values.push_back(std::move(v));
  }

  struct Result {
    bool compiled = false;
    std::string diagnostics;
    Value value;
    std::string ir, bytecode;
    // The value printed in CEL syntax, or `<error: message>`, or `compile error: ...`.
    std::string text() const {
      return compiled ? toCelLiteral(value) : "compile error: " + diagnostics;
    }
  };

  Result eval(const std::string& text, bool checked = true, interp::Limits limits = {}) {
    Result r;
    size_t before = fe.diags.all().size();
    FileId f = fe.sources.add("<expr>", text);
    ast::ExprId root = syntax::parseExpression(f, fe.sources, fe.ast, fe.diags);
    if (root != ast::kNoExpr && checked) {
      checker.check(root, scope);
    }
    for (size_t i = before; i < fe.diags.all().size(); ++i) {
      if (fe.diags.all()[i].severity() == Severity::Error)
        r.diagnostics += fe.diags.all()[i].message + "\n";
    }
    if (root == ast::kNoExpr || !r.diagnostics.empty()) return r;
    r.compiled = true;
    ir::ExprPool pool;
    ir::LowerOptions options = lowerOptions;
    options.checked = checked;
    ir::Lowerer lowerer(fe.ast, fe.program, layouts, pool, options);
    ir::LoweredExpr lowered = lowerer.lowerRoot(root, names);
    r.ir = ir::printExpr(pool, lowered, &layouts);
    codegen::Chunk chunk = codegen::compileExpr(pool, lowered, layouts);
    r.bytecode = codegen::disassemble(chunk);
    stdlib::CallContext ctx{&host};
    r.value = interp::evaluate(chunk, values, ctx, limits);
    return r;
  }

  // The value as CEL text (`<error: ...>` for an error value).
  std::string run(const std::string& text, bool checked = true) { return eval(text, checked).text(); }

  Frontend fe;
  WorldChecker checker{fe};
  ir::LowerOptions lowerOptions;  // for every expression, but `checked`, which each gives
  ir::RecordLayouts layouts;
  sema::Scope scope;
  std::vector<std::string> names;
  std::vector<Value> values;
  interp::WallClockHost host;
};

}  // namespace journey::test
