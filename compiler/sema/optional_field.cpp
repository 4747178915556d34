#include "compiler/sema/optional_field.h"

namespace journey::sema {

std::string optionalFieldNeedsOptional(std::string_view name, std::string_view found) {
  return "an optional field `?" + std::string(name) + ": value` needs an optional value, found `" +
         std::string(found) + "`";
}

void reportRequiredSetOptionally(DiagnosticSink& diags, SourceRange at, const RecordField& field,
                                 std::string_view what, const TypeTable& types) {
  diags
      .report(DiagKind::OptionalExpected, at,
              "field `" + field.name + "` of " + std::string(what) +
                  " is required, so it cannot be set optionally")
      .helps.push_back("remove the `?`, or declare the field optional (`" + field.name + ": " +
                       types.print(field.type) + "?`)");
}

}  // namespace journey::sema
