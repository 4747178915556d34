// Builds the diagram of journeys from the AST: the AST keeps every clause, step and expression
// with its source range, so labels show the author's text (the IR has lowered it).
#pragma once

#include <cstddef>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/graph/diagram.h"
#include "compiler/source/source_manager.h"

namespace journey::graph {

// The program's journeys in declaration order: files in the order they were loaded (a file
// before the files it imports), declarations in the order written.
std::vector<const ast::JourneyDecl*> programJourneys(const ast::Ast& ast);

// The diagram of the journeys at `selected` (indices into programJourneys), one cluster each in
// that order. The program is expected to have checked without errors.
Diagram buildDiagram(const SourceManager& sources, const ast::Ast& ast,
                     const std::vector<size_t>& selected);

}  // namespace journey::graph
