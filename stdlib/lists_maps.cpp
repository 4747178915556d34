// Sizes of and membership in lists and maps. Indexing (`l[i]`, `m[k]`) is not a function: the
// checker types ast::Index directly.
#include "stdlib/domains.h"

namespace journey::stdlib {

void declareListsMaps(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"size", "size_list", false, {"list<A>"}, "int"},
      {"size", "size_map", false, {"map<K, V>"}, "int"},
      {"size", "list_size", true, {"list<A>"}, "int"},
      {"size", "map_size", true, {"map<K, V>"}, "int"},

      {"@in", "in_list", false, {"A", "list<A>"}, "bool"},
      {"@in", "in_map", false, {"K", "map<K, V>"}, "bool"},
  });
}

}  // namespace journey::stdlib
