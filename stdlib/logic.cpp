// Logical operators. `&&`, `||` and `?:` are not strict (they absorb errors and short-circuit);
// the engines evaluate them specially, the declarations give their types.
#include "stdlib/domains.h"

namespace journey::stdlib {

void declareLogic(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"_&&_", "logical_and", false, {"bool", "bool"}, "bool"},
      {"_||_", "logical_or", false, {"bool", "bool"}, "bool"},
      {"!_", "logical_not", false, {"bool"}, "bool"},
      {"_?_:_", "conditional", false, {"bool", "A", "A"}, "A"},
  });
}

}  // namespace journey::stdlib
