// The run-time shape of every record type of a checked program: one vm/value RecordLayout per
// sema record (declared types, the schema, events, action responses, inline records), in the
// checker's field order, so that a field the checker resolved to index i is field i at run time.
#pragma once

#include <map>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/sema/checker.h"
#include "vm/value/record.h"

namespace journey::ir {

class RecordLayouts {
 public:
  RecordLayouts() = default;
  // One layout per record of `types`, indexed by sema::RecordId. Field defaults are found in
  // `ast` (the declarations the records came from); `ast` may be null (no defaults).
  RecordLayouts(const sema::CheckedProgram& program, const ast::Ast* ast);
  // The layouts alone, without defaults (a program read back from an artifact).
  explicit RecordLayouts(const sema::TypeTable& types);
  RecordLayouts(RecordLayouts&&) = default;
  RecordLayouts& operator=(RecordLayouts&&) = default;

  size_t size() const { return layouts_.size(); }
  // Layouts never move: records point to them (vm/value/record.h).
  const RecordLayout& operator[](size_t record) const { return *layouts_[record]; }
  // The default expression of a field, or kNoExpr.
  ast::ExprId fieldDefault(size_t record, size_t field) const;

 private:
  std::vector<std::unique_ptr<RecordLayout>> layouts_;
  std::map<std::pair<size_t, size_t>, ast::ExprId> defaults_;
};

}  // namespace journey::ir
