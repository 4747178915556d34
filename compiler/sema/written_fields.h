// Walks the fields as they are written in declarations (`type`, the schema, events, action
// responses), matched to the checked records' fields. Inline records (`loyalty: { tier: string }`)
// have RecordIds of their own; the walk descends into them, so field defaults and other
// per-declaration facts can be found for every record.
#pragma once

#include <functional>

#include "compiler/ast/ast.h"
#include "compiler/sema/symbols.h"
#include "compiler/sema/types.h"

namespace journey::sema {

// Calls `visit(record, fieldIndex, written)` for every written field of every declared
// record, in source order.
using WrittenFieldVisitor =
    std::function<void(RecordId record, size_t fieldIndex, const ast::FieldDecl& written)>;
void forEachWrittenField(const ast::Ast& ast, const ProgramSymbols& symbols,
                         const TypeTable& types, const WrittenFieldVisitor& visit);

}  // namespace journey::sema
