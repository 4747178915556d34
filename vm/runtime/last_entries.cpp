#include "vm/runtime/last_entries.h"

#include <cstring>
#include <new>
#include <utility>

#include "absl/hash/hash.h"
#include "vm/runtime/absl_view.h"

namespace journey::runtime {

LastEntries::Text::Text(std::string_view s) {
  if (s.size() < sizeof bytes_) {
    std::memset(bytes_, 0, sizeof bytes_);
    std::memcpy(bytes_, s.data(), s.size());
    bytes_[15] = static_cast<char>(s.size());
    return;
  }
  char* copy = new char[s.size()];
  std::memcpy(copy, s.data(), s.size());
  auto size = static_cast<uint32_t>(s.size());  // keys are lines' fields: well under 4 GB
  std::memcpy(bytes_, &copy, sizeof copy);
  std::memcpy(bytes_ + 8, &size, sizeof size);
  bytes_[15] = static_cast<char>(kOutOfLine);
}

LastEntries::Text::Text(Text&& other) noexcept {
  std::memcpy(bytes_, other.bytes_, sizeof bytes_);
  other.bytes_[15] = 0;  // now an empty inline text: nothing to free
}

LastEntries::Text& LastEntries::Text::operator=(Text&& other) noexcept {
  if (this != &other) {
    this->~Text();
    new (this) Text(std::move(other));
  }
  return *this;
}

LastEntries::Text::~Text() {
  if (inline_()) return;
  char* copy;
  std::memcpy(&copy, bytes_, sizeof copy);
  delete[] copy;
}

std::string_view LastEntries::Text::view() const {
  if (inline_()) return {bytes_, static_cast<uint8_t>(bytes_[15])};
  const char* copy;
  uint32_t size;
  std::memcpy(&copy, bytes_, sizeof copy);
  std::memcpy(&size, bytes_ + 8, sizeof size);
  return {copy, size};
}

size_t LastEntries::Hash::operator()(Probe p) const {
  return absl::Hash<std::pair<uint32_t, absl::string_view>>{}({p.journey, abslView(p.key)});
}

std::optional<Timestamp> LastEntries::find(uint32_t journey, std::string_view key) const {
  auto it = entries_.find(Probe{journey, key});
  if (it == entries_.end()) return std::nullopt;
  return Timestamp{it->seconds, it->nanos};
}

void LastEntries::set(uint32_t journey, std::string_view key, Timestamp t) {
  auto it = entries_.lazy_emplace(Probe{journey, key}, [&](const auto& construct) {
    construct(Entry{Text(key), journey, t.nanos, t.seconds});
  });
  it->seconds = t.seconds;
  it->nanos = t.nanos;
}

void LastEntries::forgetBefore(uint32_t journey, Timestamp t) {
  absl::erase_if(entries_, [&](const Entry& e) {
    return e.journey == journey && Timestamp{e.seconds, e.nanos} < t;
  });
}

}  // namespace journey::runtime
