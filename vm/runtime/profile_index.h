// The in-memory store's index of profiles by id: 8 bytes a slot, the id not copied.
//
// A slot holds a profile's number and 32 bits of its id's hash; the id itself stays in the
// profile's state. A look-up compares those bits and asks its caller to confirm the id of a
// profile whose bits match: for an absent id almost never, for a present one once. At a million
// profiles the tables take 16 MB where an Abseil map of a std::string key took 80, each byte of
// them touched once when a table grows (a cost this project's machines make high: see
// docs/runtime.md, "Memory"), and 16 MB more often stays in cache.
//
// candidate() answers without confirming, so that a batch can start loading the states it
// names before it reads them (MemoryStore::prefetchProfiles).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "vm/runtime/prefetch_hint.h"
#include "vm/runtime/text_hash.h"

namespace journey::runtime {

class ProfileIndex {
 public:
  static uint64_t hashOf(std::string_view id) { return textHash(id); }

  void prefetch(uint64_t hash) const { shardOf(hash).prefetch(hash); }
  // The first profile whose hash bits match `hash`'s, unconfirmed.
  std::optional<uint32_t> candidate(uint64_t hash) const {
    return find(hash, [](uint32_t) { return true; });
  }
  // The profile whose hash bits match `hash`'s and for which `is(profile)` holds.
  template <typename Is>
  std::optional<uint32_t> find(uint64_t hash, Is is) const {
    return shardOf(hash).find(hash, is);
  }
  // Adds `profile`, whose id is not in the index yet.
  void insert(uint64_t hash, uint32_t profile) {
    shardOf(hash).insert(hash, profile);
    ++size_;
  }
  size_t size() const { return size_; }

 private:
  // One open-addressing table, grown by doubling.
  class Table {
   public:
    void prefetch(uint64_t hash) const {
      if (!slots_.empty()) prefetchLine(&slots_[home(hash)]);
    }
    template <typename Is>
    std::optional<uint32_t> find(uint64_t hash, Is is) const {
      if (slots_.empty()) return std::nullopt;
      const uint32_t bits = bitsOf(hash);
      for (size_t at = home(hash);; at = (at + 1) & mask()) {
        const Slot& s = slots_[at];
        if (s.profile == kEmpty) return std::nullopt;
        if (s.bits == bits && is(s.profile)) return s.profile;
      }
    }
    void insert(uint64_t hash, uint32_t profile);

   private:
    static constexpr uint32_t kEmpty = UINT32_MAX;
    struct Slot {
      uint32_t bits = 0;
      uint32_t profile = kEmpty;
    };
    // The slot is chosen by the same bits that are kept, so that growing needs no id again.
    static uint32_t bitsOf(uint64_t hash) { return static_cast<uint32_t>(hash >> 32); }
    size_t mask() const { return slots_.size() - 1; }
    size_t home(uint64_t hash) const { return bitsOf(hash) & mask(); }
    void place(Slot slot);

    std::vector<Slot> slots_;  // a power of two of them, at most half used
    size_t size_ = 0;
  };

  // Tables chosen by the hash's low bits, which a table neither keeps nor places by: a table
  // that doubled alone at a million profiles left its earlier sizes (16 MB in all) touched and
  // unused; 64 shards grow a quarter megabyte at a time and reuse each other's old slots.
  static constexpr size_t kShards = 64;
  const Table& shardOf(uint64_t hash) const { return shards_[hash % kShards]; }
  Table& shardOf(uint64_t hash) { return shards_[hash % kShards]; }

  std::array<Table, kShards> shards_;
  size_t size_ = 0;  // across the shards
};

}  // namespace journey::runtime
