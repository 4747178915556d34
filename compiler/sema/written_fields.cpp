#include "compiler/sema/written_fields.h"

namespace journey::sema {

namespace {

// A written field belongs to the record field declared at the same place.
void walkRecord(RecordId id, const std::vector<ast::FieldDecl>& written, const TypeTable& types,
                const WrittenFieldVisitor& visit) {
  const RecordInfo& info = types.recordInfo(id);
  size_t next = 0;  // see RecordInfo::find
  for (const ast::FieldDecl& f : written) {
    int index = info.find(f.name.text, next);
    if (index < 0 || info.fields[index].range.begin != f.name.range.begin) continue;
    next = static_cast<size_t>(index) + 1;
    visit(id, static_cast<size_t>(index), f);
    const ast::TypeRef* t = f.type.get();
    if (t && t->kind == ast::TypeRef::Kind::Optional) t = t->inner.get();
    TypeId type = info.fields[index].type;
    if (t && t->kind == ast::TypeRef::Kind::Record && types.kind(type) == TypeKind::Record) {
      walkRecord(types.get(type).record, t->fields, types, visit);
    }
  }
}

}  // namespace

void forEachWrittenField(const ast::Ast& ast, const ProgramSymbols& symbols,
                         const TypeTable& types, const WrittenFieldVisitor& visit) {
  for (const ast::Module& m : ast.modules) {
    for (const ast::Decl& decl : m.decls) {
      if (auto* t = std::get_if<ast::TypeDecl>(&decl.kind)) {
        auto it = symbols.recordTypes.find(t->name.text);
        if (it != symbols.recordTypes.end()) walkRecord(it->second, t->fields, types, visit);
      } else if (auto* s = std::get_if<ast::SchemaDecl>(&decl.kind)) {
        if (s == symbols.schemaDecl && symbols.profile) walkRecord(*symbols.profile, s->fields, types, visit);
      } else if (auto* e = std::get_if<ast::EventDecl>(&decl.kind)) {
        auto it = symbols.events.find(e->name.text);
        if (it != symbols.events.end() && it->second.decl == e) {
          walkRecord(it->second.record, e->fields, types, visit);
        }
      } else if (auto* a = std::get_if<ast::ActionDecl>(&decl.kind)) {
        auto it = symbols.actions.find(a->name.text);
        if (it != symbols.actions.end() && it->second.decl == a &&
            types.kind(it->second.response) == TypeKind::Record) {
          walkRecord(types.get(it->second.response).record, a->response, types, visit);
        }
      }
    }
  }
}

}  // namespace journey::sema
