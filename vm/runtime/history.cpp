#include "vm/runtime/history.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <string>
#include <vector>

namespace journey::runtime {

size_t History::blockBytes(uint32_t capacity, bool keepsRecords) {
  return sizeof(Block) + capacity * (sizeof(Timestamp) + (keepsRecords ? sizeof(Value) : 0));
}

History::Block* History::newBlock(uint32_t capacity, bool keepsRecords) {
  return new (::operator new(blockBytes(capacity, keepsRecords)))
      Block{0, 0, capacity, keepsRecords};
}

// Sized, as freeHeapObject frees.
void History::freeBlock(Block* block) {
  ::operator delete(block, blockBytes(block->capacity, block->keepsRecords != 0));
}

History::~History() {
  if (!block_) return;
  if (block_->keepsRecords) {  // trimmed records too: they go when the block is relocated
    for (uint32_t i = 0; i < block_->size; ++i) block_->records()[i].~Value();
  }
  freeBlock(block_);
}

void History::relocate(uint32_t capacity) {
  Block* from = block_;
  const bool keeps = from->keepsRecords;
  const uint32_t live = from->size - from->first;
  // The trimmed records go first (the live ones are moved, bit for bit: Values are
  // trivially relocatable, value.h).
  if (keeps) {
    for (uint32_t i = 0; i < from->first; ++i) from->records()[i].~Value();
  }
  Block* to = from;
  if (capacity != from->capacity) to = newBlock(capacity, keeps);
  // Times before records: in a block of the same capacity the records' ranges do not move.
  std::memmove(to->times(), from->times() + from->first, live * sizeof(Timestamp));
  if (keeps) {
    std::memmove(static_cast<void*>(to->records()), from->records() + from->first,
                 live * sizeof(Value));
  }
  to->first = 0;
  to->size = live;
  if (to != from) freeBlock(from);
  block_ = to;
}

void History::append(Timestamp time, const Value& record, bool keepRecord) {
  if (!block_) {
    block_ = newBlock(1, keepRecord);
  } else if (block_->size == block_->capacity) {
    relocate(block_->capacity * 2);  // dropOldest keeps the trimmed front under half
  }
  block_->times()[block_->size] = time;
  if (block_->keepsRecords) new (block_->records() + block_->size) Value(record);
  ++block_->size;
}

void History::dropOldest() {
  if (!block_) return;
  ++block_->first;
  if (block_->first * 2 < block_->size) return;
  if (block_->first == block_->size) {  // nothing left: the memory goes
    *this = History();
    return;
  }
  relocate(block_->capacity);
}

History::Span History::between(Timestamp from, Timestamp to) const {
  if (!block_) return {};
  // Usually the whole history is in the window: its ends are checked before any search.
  const Timestamp* begin = block_->times() + block_->first;
  const Timestamp* end = block_->times() + block_->size;
  auto atOrBefore = [](Timestamp t) { return [t](Timestamp x) { return x <= t; }; };
  const Timestamp *first = begin, *last = end;
  if (first != last && *first <= from) first = std::partition_point(first + 1, last, atOrBefore(from));
  if (first != last && to < *(last - 1)) last = std::partition_point(first, last - 1, atOrBefore(to));
  return {static_cast<size_t>(first - begin), static_cast<size_t>(last - begin)};
}

Value History::list(Span span, std::string_view event) const {
  if (span.empty()) return Value::list({});
  if (!block_->keepsRecords) {
    return Value::error("the records of `" + std::string(event) +
                        "` are not kept: the program only counts them");
  }
  const Value* records = block_->records() + block_->first;
  return Value::list(std::vector<Value>(records + span.begin, records + span.end));
}

}  // namespace journey::runtime
