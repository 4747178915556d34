#include "vm/runtime/last_entries.h"

#include <utility>

#include "absl/hash/hash.h"
#include "vm/runtime/absl_view.h"

namespace journey::runtime {

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
    construct(Entry{InlineText(key), journey, t.nanos, t.seconds});
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
