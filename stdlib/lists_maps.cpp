// Sizes of and membership in lists and maps. Indexing (`l[i]`, `m[k]`) is not a function: the
// checker types ast::Index directly.
#include "stdlib/domains.h"
#include "vm/value/equality.h"

namespace journey::stdlib {

namespace {

Value sizeList(const Value* a, CallContext&) {
  return Value::integer(static_cast<int64_t>(a[0].asList().size()));
}
Value sizeMap(const Value* a, CallContext&) {
  return Value::integer(static_cast<int64_t>(a[0].asMap().size()));
}

// CEL equality, so `3u in [1, 2, 3]` and `3.0 in [3u]` hold; an element of another type is
// just unequal.
Value inList(const Value* a, CallContext&) {
  for (const Value& element : a[1].asList()) {
    if (equals(a[0], element)) return Value::boolean(true);
  }
  return Value::boolean(false);
}

// Key lookup under CEL equality: `3.0 in {3u: x}` holds; a key of a kind no map can hold
// (a double that is not an integer, a list, ...) is simply absent.
Value inMap(const Value* a, CallContext&) {
  return Value::boolean(a[1].asMap().find(a[0]) != nullptr);
}

}  // namespace

void declareListsMaps(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"size", "size_list", false, {"list<A>"}, "int", &sizeList},
      {"size", "size_map", false, {"map<K, V>"}, "int", &sizeMap},
      {"size", "list_size", true, {"list<A>"}, "int", &sizeList},
      {"size", "map_size", true, {"map<K, V>"}, "int", &sizeMap},

      {"@in", "in_list", false, {"A", "list<A>"}, "bool", &inList},
      {"@in", "in_map", false, {"K", "map<K, V>"}, "bool", &inMap},
  });
}

}  // namespace journey::stdlib
