// `duration("...")` and `timestamp("...")` of a string literal: read when the program is
// checked, as they would be at every run, so that a literal they cannot read (`"2d"`: CEL's
// durations have no days) is a warning rather than an error in every evaluation. A warning and
// not an error: CEL defines such a call as an evaluation error, which a program may mean.
#include "compiler/sema/expr_checker_impl.h"
#include "vm/value/value_convert.h"

namespace journey::sema {

void ExprChecker::Impl::checkConversion(const ast::Call& call) {
  if (call.args.size() != 1) return;
  auto* literal = std::get_if<ast::Literal>(&ast[call.args[0]].node);
  if (!literal || literal->kind != ast::LiteralKind::String) return;
  const bool isDuration = call.function == "duration";
  Value v = isDuration ? parseDuration(literal->bytes) : parseTimestamp(literal->bytes);
  if (!v.isError()) return;
  Diagnostic& d = report(DiagKind::ConversionAlwaysFails, ast[call.args[0]].range,
                         "`" + call.function + "()` cannot read this string: " +
                             std::string(v.errorMessage()));
  if (isDuration) {
    d.helps.push_back("durations in a string take `h`, `m`, `s`, `ms`, `us` and `ns` "
                      "(`\"1h30m\"`); for days, write a duration literal such as `2d`");
  } else {
    d.helps.push_back("timestamps in a string are RFC 3339: `\"2026-03-02T09:00:00Z\"`");
  }
}

}  // namespace journey::sema
