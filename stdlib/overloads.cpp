// The registry: every domain's overloads, gathered once in a stable order.
#include "stdlib/overloads.h"

#include "stdlib/domains.h"

namespace journey::stdlib {

const std::vector<Overload>& standardOverloads() {
  static const std::vector<Overload> all = [] {
    std::vector<Overload> out;
    declareArithmetic(out);
    declareCompare(out);
    declareLogic(out);
    declareListsMaps(out);
    declareStrings(out);
    declareConvert(out);
    declareTypes(out);
    declareTime(out);
    declareMath(out);
    declareOptional(out);
    declareEncoders(out);
    declareJourney(out);
    return out;
  }();
  return all;
}

}  // namespace journey::stdlib
