// The front end of every tool: reads the files named on the command line and the files they
// import, parses each once, and checks them together as one program.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/ir/program_ir.h"
#include "compiler/sema/checker.h"
#include "compiler/source/source_manager.h"

namespace journey {

class Frontend {
 public:
  // Loads and parses `paths` and their imports. False when a file could not be read or parsed.
  bool parse(const std::vector<std::string>& paths);
  // Checks the parsed program. False when there are errors (warnings do not count).
  bool check();
  // The checked program lowered to the IR the runtimes execute: the lowering `check` made to
  // judge it (E0229), kept so that a tool does not lower twice; lowered now when there is none.
  // `takeLowered` moves it out.
  const ir::ProgramIr& lowered();
  ir::ProgramIr takeLowered();
  // Reads one source file into `sources` without parsing it; reports E0001 when it cannot be
  // read (`from` is the import that named it, if any).
  std::optional<FileId> readFile(const std::string& path, SourceRange from = {});

  SourceManager sources;
  ast::Ast ast;
  DiagnosticSink diags;
  sema::CheckedProgram program;

 private:
  // Loads `path` and, after it, what it imports, depth first (a chain of imports as long as
  // there are files: no recursion).
  void load(const std::string& path);
  std::unordered_set<std::string> loaded_;  // the files read (fileIdentity), each read once
  std::optional<ir::ProgramIr> lowered_;
};

}  // namespace journey
