// One of the program's tables (events, audiences) by name, for the lookups made while a
// program runs: `history(E, d)` and `inAudience(A)` name what they read, and a scan of the
// table (ProgramIr::findEvent) made each call cost the program's size.
#pragma once

#include <string_view>
#include <unordered_map>

namespace journey::ir {

class NameIndex {
 public:
  // Views of the table's names: the table must outlive the index.
  template <class Table>
  explicit NameIndex(const Table& table) {
    for (size_t i = 0; i < table.size(); ++i) byName_.emplace(table[i].name, static_cast<int>(i));
  }

  // The index of the entry named `name`, or -1.
  int find(std::string_view name) const {
    auto it = byName_.find(name);
    return it == byName_.end() ? -1 : it->second;
  }

 private:
  std::unordered_map<std::string_view, int> byName_;
};

}  // namespace journey::ir
