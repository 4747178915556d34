// One event type's retained records of a profile, oldest first: their times always, the
// records themselves only when something may read them back.
//
// A run retains millions of records. When the program only counts them (`size(history(E, D))`,
// which lowering turns into a count), a retained record costs its 16-byte time; kept as a
// Value, a cart with two items is eight heap objects allocated on fresh memory and touched
// again only to be trimmed. Whether records are kept is fixed per event type
// (`ir::eventHistoryUse`, or a host that may ask for any history, like the REPL).
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>

#include "vm/value/value.h"

namespace journey::runtime {

class History {
 public:
  // Retained records [begin, end), oldest first: `history(E, D)`'s window.
  struct Span {
    size_t begin = 0;
    size_t end = 0;
    size_t size() const { return end - begin; }
    bool empty() const { return begin == end; }
  };

  History() = default;
  History(History&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  History& operator=(History&& other) noexcept {
    std::swap(block_, other.block_);
    return *this;
  }
  ~History();

  // `time` is the record's own (its `time` field); records come in time order, as the clock
  // never goes back. `record` is kept when `keepRecord` (the same for every append).
  void append(Timestamp time, const Value& record, bool keepRecord);
  // Drops the oldest record (none when empty). Only an index moves; the stale front is dropped
  // once it is half of what is held, so appends and trims stay amortized O(1).
  void dropOldest();

  size_t size() const { return block_ ? block_->size - block_->first : 0; }
  bool empty() const { return size() == 0; }
  // The i-th retained record's time (0 is the oldest).
  Timestamp time(size_t i) const { return block_->times()[block_->first + i]; }

  // The records with `from < time <= to`, both ends found by binary search over the times.
  Span between(Timestamp from, Timestamp to) const;
  // The span's records as a CEL list; an error when this history keeps only times.
  Value list(Span span, std::string_view event) const;

  // Where what an append or a count reads first is, for prefetching (null when empty).
  const void* address() const { return block_; }

 private:
  // One allocation: this header, `capacity` times, then as many records when they are kept.
  // Most profiles retain one to four records of an event: 32 to 80 bytes in all, where two
  // vectors and their header took 56 bytes before the first time.
  struct Block {
    uint32_t first;     // entries before it are trimmed
    uint32_t size;      // entries held, trimmed ones included
    uint32_t capacity;
    uint32_t keepsRecords;
    Timestamp* times() { return reinterpret_cast<Timestamp*>(this + 1); }
    const Timestamp* times() const { return reinterpret_cast<const Timestamp*>(this + 1); }
    Value* records() { return reinterpret_cast<Value*>(times() + capacity); }
    const Value* records() const { return reinterpret_cast<const Value*>(times() + capacity); }
  };
  static_assert(sizeof(Block) % alignof(Timestamp) == 0 &&
                sizeof(Timestamp) % alignof(Value) == 0);

  static size_t blockBytes(uint32_t capacity, bool keepsRecords);
  static Block* newBlock(uint32_t capacity, bool keepsRecords);
  static void freeBlock(Block* block);
  // Moves the live entries to the front of a block of `capacity` (a new one when it differs).
  void relocate(uint32_t capacity);

  Block* block_ = nullptr;
};

}  // namespace journey::runtime
