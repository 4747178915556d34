// The profile ids a `journey audience` run has read, to refuse an id given again: rows stream
// out as profiles are read, so a second line for an id would be a second row, records would
// reach only one of the two, and the change feed would compare the id twice.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace journey::audience {

class RepeatedIds {
 public:
  // The line that gave `id` first, when one did; else remembers `line` as that line.
  std::optional<size_t> earlierLine(std::string_view id, size_t line);
  // The rejection reason for an id given again.
  static std::string reason(std::string_view id, size_t earlierLine);

 private:
  // An id is kept as two independent 64-bit hashes, not its text: 24 bytes a profile whatever
  // the id's length, and two different ids agree in both with odds of about 2^-128.
  struct Key {
    uint64_t a, b;
    bool operator==(const Key&) const = default;
    template <typename H>
    friend H AbslHashValue(H h, const Key& k) {
      return H::combine(std::move(h), k.a, k.b);
    }
  };
  absl::flat_hash_map<Key, uint64_t> lines_;
};

}  // namespace journey::audience
