// The in-memory store's last entries: when each (journey, key) last entered, for `reentry`.
// An entry is written when an instance ends, so the table holds one per key that ever entered
// within the reentry window: for a journey keyed by cart, one per cart of the last week, millions
// in a large run. Each is kept in 32 bytes, its key an InlineText. (As an Abseil map of a
// std::string key and a timestamp, an entry took 56 bytes, and the table was a sixth of a large
// run's memory.)
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "vm/runtime/inline_text.h"
#include "vm/value/value.h"

namespace journey::runtime {

class LastEntries {
 public:
  std::optional<Timestamp> find(uint32_t journey, std::string_view key) const;
  // Starts loading where find and set look for (journey, key).
  void prefetch(uint32_t journey, std::string_view key) const {
    entries_.prefetch(Probe{journey, key});
  }
  void set(uint32_t journey, std::string_view key, Timestamp t);
  size_t size() const { return entries_.size(); }
  // Forgets the entries of `journey` from before `t`.
  void forgetBefore(uint32_t journey, Timestamp t);

 private:
  struct Entry {
    InlineText key;  // short keys (ids, cart ids) inline
    uint32_t journey;
    mutable int32_t nanos;  // the time is not part of the key: set() updates it in place
    mutable int64_t seconds;
  };
  static_assert(sizeof(Entry) == 32);
  struct Probe {
    uint32_t journey;
    std::string_view key;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(const Entry& e) const { return (*this)(Probe{e.journey, e.key.view()}); }
    size_t operator()(Probe p) const;
  };
  struct Eq {
    using is_transparent = void;
    static Probe probe(const Entry& e) { return {e.journey, e.key.view()}; }
    static Probe probe(Probe p) { return p; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      Probe x = probe(a), y = probe(b);
      return x.journey == y.journey && x.key == y.key;
    }
  };

  absl::flat_hash_set<Entry, Hash, Eq> entries_;
};

}  // namespace journey::runtime
