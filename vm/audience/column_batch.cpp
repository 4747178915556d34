#include "vm/audience/column_batch.h"

#include <algorithm>
#include <cstring>

#include "vm/value/objects.h"

namespace journey::audience {

namespace {

constexpr char kEmpty[] = "";

constexpr size_t kBlockBytes = 256 * 1024;

void setBit(std::vector<uint64_t>& bits, size_t row, bool on) {
  if (row % 64 == 0) bits.push_back(0);
  bits.back() |= static_cast<uint64_t>(on) << (row % 64);
}

}  // namespace

ColumnBatch::ColumnBatch(const ir::ColumnPlan& plan, const ir::RecordLayouts& layouts)
    : plan_(plan), layouts_(layouts), columns_(plan.columns.size()), data_(plan.columns.size()) {
  for (Column& c : columns_) c.offsets.push_back(0);
}

void ColumnBatch::clear() {
  for (Column& c : columns_) {  // emptied, their memory kept for the next rows
    c.present.clear();
    c.bools.clear();
    c.ints.clear();
    c.doubles.clear();
    c.strings.clear();
    c.offsets.assign(1, 0);
  }
  profiles_.clear();
  perRow_.clear();
  perRowCount_ = 0;
  blocksInUse_ = 0;  // the blocks are kept for the next rows
  blockUsed_ = 0;
  large_.clear();
}

StringRef ColumnBatch::copy(std::string_view s) {
  if (s.empty()) return StringRef{kEmpty, 0};
  char* at;
  if (s.size() > kBlockBytes) {
    large_.push_back(std::make_unique<char[]>(s.size()));
    at = large_.back().get();
  } else {
    if (kBlockBytes - blockUsed_ < s.size() || blocksInUse_ == 0) {
      if (blocksInUse_ == blocks_.size()) blocks_.push_back(std::make_unique<char[]>(kBlockBytes));
      ++blocksInUse_;
      blockUsed_ = 0;
    }
    at = blocks_[blocksInUse_ - 1].get() + blockUsed_;
    blockUsed_ += s.size();
  }
  std::memcpy(at, s.data(), s.size());
  return StringRef{at, s.size()};
}

bool ColumnBatch::walk(const Value& profile, const ir::ColumnPath& path, const Value*& leaf) const {
  const Value* at = &profile;
  for (size_t step = 0; step < path.fields.size(); ++step) {
    if (at->kind() != ValueKind::Record ||
        &at->asRecord().layout() != &layouts_[static_cast<size_t>(path.layouts[step])]) {
      return false;
    }
    RecordView record = at->asRecord();
    if (!record.has(path.fields[step])) {
      leaf = nullptr;
      return true;
    }
    at = &record.field(path.fields[step]);
  }
  leaf = at;
  return true;
}

bool ColumnBatch::appendValue(Column& column, ir::ColumnKind kind, const Value* leaf) {
  using ir::ColumnKind;
  // The value of an absent or unfitting leaf: zero, the empty string, no elements.
  auto want = [&](ValueKind k) { return leaf && leaf->kind() == k; };
  bool fits = !leaf || kind == ColumnKind::Presence;
  switch (kind) {
    case ColumnKind::Presence: break;
    case ColumnKind::Bool:
      fits = fits || want(ValueKind::Bool);
      column.bools.push_back(want(ValueKind::Bool) && leaf->asBool());
      break;
    case ColumnKind::Int:
      fits = fits || want(ValueKind::Int);
      column.ints.push_back(want(ValueKind::Int) ? leaf->asInt() : 0);
      break;
    case ColumnKind::Double:
      fits = fits || want(ValueKind::Double);
      column.doubles.push_back(want(ValueKind::Double) ? leaf->asDouble() : 0.0);
      break;
    case ColumnKind::String:
      fits = fits || want(ValueKind::String);
      column.strings.push_back(copy(want(ValueKind::String) ? leaf->asString() : ""));
      break;
    case ColumnKind::StringList: {
      if (want(ValueKind::List)) {
        auto items = leaf->asList();
        fits = items.size() <= ir::kMaxKernelListItems;
        for (const Value& item : items) {
          if (item.kind() != ValueKind::String) {
            fits = false;
            break;
          }
        }
        if (fits) {
          for (const Value& item : items) column.strings.push_back(copy(item.asString()));
        }
      }
      column.offsets.push_back(static_cast<uint32_t>(column.strings.size()));
      break;
    }
  }
  return fits;
}

void ColumnBatch::append(const Value& profile) {
  size_t row = profiles_.size();
  profiles_.push_back(&profile);
  bool fits = true;
  for (size_t c = 0; c < columns_.size(); ++c) {
    const ir::ColumnPath& path = plan_.columns[c];
    const Value* leaf = nullptr;
    bool shaped = walk(profile, path, leaf);
    fits = appendValue(columns_[c], path.kind, shaped ? leaf : nullptr) && shaped && fits;
    setBit(columns_[c].present, row, shaped && leaf);
  }
  setBit(perRow_, row, !fits);
  perRowCount_ += !fits;
}

const ColumnData* ColumnBatch::data() {
  for (size_t c = 0; c < columns_.size(); ++c) {
    Column& column = columns_[c];
    ColumnData& d = data_[c];
    d.present = column.present.data();
    d.offsets = column.offsets.data();
    switch (plan_.columns[c].kind) {
      case ir::ColumnKind::Presence: d.values = nullptr; break;
      case ir::ColumnKind::Bool: d.values = column.bools.data(); break;
      case ir::ColumnKind::Int: d.values = column.ints.data(); break;
      case ir::ColumnKind::Double: d.values = column.doubles.data(); break;
      case ir::ColumnKind::String:
      case ir::ColumnKind::StringList: d.values = column.strings.data(); break;
    }
  }
  return data_.data();
}

}  // namespace journey::audience
