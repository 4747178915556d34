// A program compiled from source text for tests: parsed, checked (the test fails with the first
// diagnostic otherwise) and lowered.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "compiler/driver/frontend.h"
#include "compiler/ir/lower_program.h"
#include "compiler/syntax/parser.h"

namespace journey::test {

inline ir::ProgramIr lowerSource(std::string_view fileName, const std::string& text) {
  Frontend fe;
  FileId file = fe.sources.add(std::string(fileName), text);
  fe.ast.modules.push_back(syntax::parseFile(file, fe.sources, fe.ast, fe.diags));
  bool ok = fe.check();
  REQUIRE_MESSAGE(ok, (fe.diags.all().empty() ? "" : fe.diags.all().front().message));
  return ir::lowerProgram(fe.sources, fe.ast, fe.program);
}

}  // namespace journey::test
