#include "compiler/ir/record_layouts.h"

#include "compiler/sema/written_fields.h"

namespace journey::ir {

RecordLayouts::RecordLayouts(const sema::TypeTable& types) {
  for (size_t r = 0; r < types.recordCount(); ++r) {
    const sema::RecordInfo& info = types.recordInfo(static_cast<sema::RecordId>(r));
    std::vector<std::string> names;
    std::vector<bool> optional;
    for (const sema::RecordField& f : info.fields) {
      names.push_back(f.name);
      optional.push_back(f.optional);
    }
    layouts_.push_back(std::make_unique<RecordLayout>(info.name, std::move(names), std::move(optional)));
  }
}

RecordLayouts::RecordLayouts(const sema::CheckedProgram& program, const ast::Ast* ast)
    : RecordLayouts(program.types) {
  if (!ast) return;

  sema::forEachWrittenField(*ast, program.symbols, program.types,
                            [&](sema::RecordId id, size_t index, const ast::FieldDecl& f) {
                              if (f.defaultValue != ast::kNoExpr) defaults_[{id, index}] = f.defaultValue;
                            });
}

ast::ExprId RecordLayouts::fieldDefault(size_t record, size_t field) const {
  auto it = defaults_.find({record, field});
  return it == defaults_.end() ? ast::kNoExpr : it->second;
}

}  // namespace journey::ir
