#include "vm/runtime/journey_keys.h"

namespace journey::runtime {

bool JourneyKeys::active(uint32_t journey, std::string_view key) const {
  auto it = entries_.find(Probe{journey, key});
  return it != entries_.end() && (it->state & kActive);
}

std::optional<Timestamp> JourneyKeys::lastEntered(uint32_t journey, std::string_view key) const {
  auto it = entries_.find(Probe{journey, key});
  if (it == entries_.end()) return std::nullopt;
  return it->lastEntered();
}

const JourneyKeys::Entry& JourneyKeys::entry(uint32_t journey, std::string_view key) {
  return *entries_.lazy_emplace(Probe{journey, key}, [&](const auto& construct) {
    construct(Entry{InlineText(key), journey, 0, 0});
  });
}

void JourneyKeys::activate(uint32_t journey, std::string_view key) {
  entry(journey, key).state |= kActive;
}

void JourneyKeys::deactivate(uint32_t journey, std::string_view key) {
  auto it = entries_.find(Probe{journey, key});
  if (it == entries_.end()) return;
  it->state &= ~kActive;
  if (!(it->state & kEntered)) entries_.erase(it);
}

void JourneyKeys::setLastEntered(uint32_t journey, std::string_view key, Timestamp t) {
  const Entry& e = entry(journey, key);
  e.seconds = t.seconds;
  e.state = (e.state & kActive) | kEntered | (static_cast<uint32_t>(t.nanos) & kNanos);
}

void JourneyKeys::forgetBefore(uint32_t journey, Timestamp t) {
  absl::erase_if(entries_, [&](const Entry& e) {
    if (e.journey != journey || !(e.state & kEntered) || !(*e.lastEntered() < t)) return false;
    if (!(e.state & kActive)) return true;
    e.state &= ~(kEntered | kNanos);  // the instance's entry stays
    return false;
  });
}

}  // namespace journey::runtime
