// Every E03xx diagnostic kind (kinds/types.def) is produced by an example expression, alone,
// and is documented for `journey explain`.
#include <doctest/doctest.h>

#include <map>

#include "tests/unit/types_support.h"

using namespace journey;

namespace {

// One expression per kind, checked in the shop world (pure where the kind needs it).
const std::map<std::string, std::string>& examples() {
  static const std::map<std::string, std::string> table = {
      {"TypeMismatch", "discounted(1, 0.5)"},
      {"UnknownIdentifier", "cartt.total"},
      {"UnknownFunction", "lenght(s)"},
      {"NoMatchingOverload", "size(1)"},
      {"InvalidOperands", "'count: ' + 3"},
      {"WrongArgumentCount", "discounted(1.0)"},
      {"NoFields", "cart.total.amount"},
      {"NotIndexable", "s[0]"},
      {"InvalidIndex", "l['0']"},
      {"InvalidMapKeyType", "{1.5: 'a'}"},
      {"BranchMismatch", "true ? 'a' : 1"},
      {"NotARange", "cart.total.all(x, x > 0)"},
      {"ImpureExpression", "now()"},  // checked in a pure scope
      {"NameArgumentExpected", "inAudience('Gold')"},
      {"WrongCallStyle", "startsWith(s, 'a')"},
      {"OptionalExpected", "[?s]"},
      {"DuplicateMacroVariable", "m.all(k, k, true)"},
      {"InvalidFormat", "'%d'.format([s])"},
  };
  return table;
}

bool isLower(std::string_view s) {
  return !s.empty() && !(s[0] >= 'A' && s[0] <= 'Z') && s.back() != '.';
}

}  // namespace

TEST_SUITE_BEGIN("types");

TEST_CASE("every expression-type diagnostic kind has an example that produces it alone") {
  size_t kinds = 0;
  for (const DiagKindInfo& k : allDiagKinds()) {
    if (!k.code.starts_with("E03")) continue;
    ++kinds;
    CAPTURE(k.name);
    CHECK(isLower(k.summary));
    CHECK(k.explanation.size() > 40);
    CHECK(k.severity == Severity::Error);
    auto it = examples().find(std::string(k.name));
    REQUIRE_MESSAGE(it != examples().end(), "no example for this kind");
    test::TypeWorld w;
    test::declareShop(w);
    sema::Scope pure(&w.scope);
    if (k.kind == DiagKind::ImpureExpression) {
      pure.makePure("a `fn` body", "pass the value it needs as a parameter");
    }
    test::Checked c = w.check(it->second, pure);
    CAPTURE(c.messages());
    REQUIRE(c.parsed);
    CHECK(c.errors == 1);
    REQUIRE(!c.diagnostics.empty());
    CHECK(c.diagnostics[0].kind == k.kind);
    CHECK(isLower(c.diagnostics[0].message));
    CHECK(c.diagnostics[0].range.valid());
  }
  CHECK(kinds == examples().size());
}

TEST_SUITE_END();
