// The in-memory store's table of (journey, key): whether an instance is active for it, and when
// it last entered, for `reentry`. One table answers both, so that an entry looks the key up once
// and an end once, each a cache miss in a large run, where a set of the active instances beside
// a table of last entries took two (and the set's look-up read the instance for its key).
//
// An entry is made when an instance becomes active and kept while either holds: the table has one
// per active instance and one per key that entered within the reentry window, millions in a large
// run (one per cart of the last week for a journey keyed by cart). Each is kept in 32 bytes, its
// key an InlineText. While the key is active, the entry holds its instance's id in place of the
// last entry: the runtime reads the last entry only while no instance is active, and writes it
// when the instance ends.
//
// The entries are spread over 256 tables by their hash's top byte. One table doubling from 70 to
// 140 MB left its old 70 MB (and 70 more of earlier sizes) touched and unused for the rest of
// the run: a sixth of a full-size run's memory, each page first touched at a cost on this machine
// (docs/runtime.md, "Memory"). Shards grow half a megabyte at a time, and what one gives up
// the next one to grow takes.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "vm/runtime/inline_text.h"
#include "vm/runtime/prefetch_hint.h"
#include "vm/runtime/text_hash.h"
#include "vm/value/value.h"

namespace journey::runtime {

class JourneyKeys {
 public:
  // Starts loading where the calls below look for (journey, key). Flattened, so that Abseil's
  // prefetch is inlined here: a call to it would be deleted as free of effects
  // (prefetch_hint.h).
  [[gnu::flatten]] void prefetch(uint32_t journey, std::string_view key) const {
    Probe p = probe(journey, key);
    shardOf(p).prefetch(p);
    keepPrefetches();
  }
  bool active(uint32_t journey, std::string_view key) const;
  // The id of the active instance of (journey, key), if there is one (and its end has not begun:
  // setLastEntered below).
  std::optional<uint64_t> activeInstance(uint32_t journey, std::string_view key) const;
  // None while an instance is active.
  std::optional<Timestamp> lastEntered(uint32_t journey, std::string_view key) const;
  // Instance `id` of (journey, key) starts, forgetting the key's last entry; it ends (an entry
  // left with no last entry goes).
  void activate(uint32_t journey, std::string_view key, uint64_t id);
  void deactivate(uint32_t journey, std::string_view key);
  // Written as an instance of the key ends (before deactivate), or where none is active.
  void setLastEntered(uint32_t journey, std::string_view key, Timestamp t);
  size_t size() const { return size_; }
  // Forgets the last entries of `journey` from before `t` (an active key keeps its entry).
  void forgetBefore(uint32_t journey, Timestamp t);

 private:
  // `state` holds the flags below and the last entry's nanoseconds (below 2^30).
  static constexpr uint32_t kActive = 1u << 31;
  static constexpr uint32_t kEntered = 1u << 30;
  static constexpr uint32_t kNanos = kEntered - 1;
  struct Entry {
    InlineText key;  // short keys (ids, cart ids) inline
    uint32_t journey;
    mutable uint32_t state;  // the flags and the time are not part of the key: changed in place
    // With kEntered, the last entry's seconds; else, with kActive, the active instance's id.
    mutable uint64_t word;

    std::optional<Timestamp> lastEntered() const {
      if (!(state & kEntered)) return std::nullopt;
      return Timestamp{static_cast<int64_t>(word), static_cast<int32_t>(state & kNanos)};
    }
  };
  static_assert(sizeof(Entry) == 32);
  // A look-up's key with its hash, computed once for the shard and the shard's table.
  struct Probe {
    uint32_t journey;
    std::string_view key;
    uint64_t hash;
  };
  static Probe probe(uint32_t journey, std::string_view key) {
    return {journey, key, textHash(key, journey)};
  }
  struct Hash {
    using is_transparent = void;
    size_t operator()(const Entry& e) const { return textHash(e.key.view(), e.journey); }
    size_t operator()(const Probe& p) const { return p.hash; }
  };
  struct Eq {
    using is_transparent = void;
    static std::pair<uint32_t, std::string_view> id(const Entry& e) {
      return {e.journey, e.key.view()};
    }
    static std::pair<uint32_t, std::string_view> id(const Probe& p) { return {p.journey, p.key}; }
    template <typename A, typename B>
    bool operator()(const A& a, const B& b) const {
      return id(a) == id(b);
    }
  };
  using Shard = absl::flat_hash_set<Entry, Hash, Eq>;
  static constexpr int kShardBits = 8;
  // By the hash's top bits: a shard's table places entries by its low bits.
  Shard& shardOf(const Probe& p) { return shards_[p.hash >> (64 - kShardBits)]; }
  const Shard& shardOf(const Probe& p) const { return shards_[p.hash >> (64 - kShardBits)]; }
  // The entry of (journey, key), or null.
  const Entry* find(uint32_t journey, std::string_view key) const;
  // The entry of (journey, key), made empty when there is none.
  const Entry& entry(uint32_t journey, std::string_view key);

  std::array<Shard, size_t{1} << kShardBits> shards_;
  size_t size_ = 0;  // across the shards
};

}  // namespace journey::runtime
