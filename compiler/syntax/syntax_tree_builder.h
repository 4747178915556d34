// ANTLR's parse tree -> SyntaxTree (syntax_tree.h), inside compiler/syntax.
#pragma once

#include "compiler/syntax/source_text.h"
#include "compiler/syntax/syntax_tree.h"

namespace antlr4 {
class ParserRuleContext;
}

namespace journey::syntax {

// The tree under `root`, which must hold no syntax errors (every child a token or a rule).
SyntaxTree buildSyntaxTree(antlr4::ParserRuleContext* root, const SourceText& text);

}  // namespace journey::syntax
