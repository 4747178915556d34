// The registry: every domain's overloads, gathered once in a stable order.
#include "stdlib/overloads.h"

#include <map>

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

namespace {

struct OverloadIndex {
  std::map<std::string_view, std::vector<uint32_t>, std::less<>> byFunction;
  std::map<std::string_view, uint32_t, std::less<>> byId;
};

const OverloadIndex& overloadIndex() {
  static const OverloadIndex index = [] {
    OverloadIndex out;
    const std::vector<Overload>& all = standardOverloads();
    for (uint32_t i = 0; i < all.size(); ++i) {
      out.byFunction[all[i].function].push_back(i);
      out.byId.emplace(all[i].id, i);
    }
    return out;
  }();
  return index;
}

}  // namespace

std::span<const uint32_t> overloadsNamed(std::string_view function) {
  const auto& byFunction = overloadIndex().byFunction;
  auto it = byFunction.find(function);
  if (it == byFunction.end()) return {};
  return it->second;
}

std::optional<uint32_t> overloadWithId(std::string_view id) {
  const auto& byId = overloadIndex().byId;
  auto it = byId.find(id);
  if (it == byId.end()) return std::nullopt;
  return it->second;
}

}  // namespace journey::stdlib
