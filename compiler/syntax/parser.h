// The only door into compiler/syntax: source text in, our AST out. ANTLR's parse tree and
// token types never leave this folder.
#pragma once

#include <optional>
#include <string>

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/source/source_manager.h"
#include "compiler/syntax/syntax_tree.h"

namespace journey::syntax {

// Parses one whole file into a module whose expressions are added to `ast`. Syntax errors are
// reported to `diags` (one per mistake, in plain words); the module holds what could be read.
ast::Module parseFile(FileId file, const SourceManager& sources, ast::Ast& ast, DiagnosticSink& diags);

// Parses a file's whole text as one expression (`journey eval`, the REPL, test vectors).
// Returns kNoExpr after a syntax error.
ast::ExprId parseExpression(FileId file, const SourceManager& sources, ast::Ast& ast,
                            DiagnosticSink& diags);

// Parses one file for a tool that works on its text as written (the formatter): the parse tree
// with every token. Reports the same syntax errors as parseFile and returns nullopt after any.
std::optional<SyntaxTree> parseSyntaxTree(FileId file, const SourceManager& sources,
                                          DiagnosticSink& diags);

// `--emit tokens`: one token per line as `line:col KIND 'text'`, newlines that end statements
// shown as NEWLINE.
std::string dumpTokens(FileId file, const SourceManager& sources);

}  // namespace journey::syntax
