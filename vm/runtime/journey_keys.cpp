#include "vm/runtime/journey_keys.h"

namespace journey::runtime {

const JourneyKeys::Entry* JourneyKeys::find(uint32_t journey, std::string_view key) const {
  Probe p = probe(journey, key);
  const Shard& shard = shardOf(p);
  auto it = shard.find(p);
  return it == shard.end() ? nullptr : &*it;
}

bool JourneyKeys::active(uint32_t journey, std::string_view key) const {
  const Entry* e = find(journey, key);
  return e && (e->state & kActive);
}

std::optional<uint64_t> JourneyKeys::activeInstance(uint32_t journey,
                                                    std::string_view key) const {
  const Entry* e = find(journey, key);
  if (!e || (e->state & (kActive | kEntered)) != kActive) return std::nullopt;
  return e->word;
}

std::optional<Timestamp> JourneyKeys::lastEntered(uint32_t journey, std::string_view key) const {
  const Entry* e = find(journey, key);
  return e ? e->lastEntered() : std::nullopt;
}

const JourneyKeys::Entry& JourneyKeys::entry(uint32_t journey, std::string_view key) {
  Probe p = probe(journey, key);
  return *shardOf(p).lazy_emplace(p, [&](const auto& construct) {
    construct(Entry{InlineText(key), journey, 0, 0});
    ++size_;
  });
}

void JourneyKeys::activate(uint32_t journey, std::string_view key, uint64_t id) {
  const Entry& e = entry(journey, key);
  e.state = kActive;
  e.word = id;
}

void JourneyKeys::deactivate(uint32_t journey, std::string_view key) {
  Probe p = probe(journey, key);
  Shard& shard = shardOf(p);
  auto it = shard.find(p);
  if (it == shard.end()) return;
  it->state &= ~kActive;
  if (!(it->state & kEntered)) {
    shard.erase(it);
    --size_;
  }
}

void JourneyKeys::setLastEntered(uint32_t journey, std::string_view key, Timestamp t) {
  const Entry& e = entry(journey, key);
  e.word = static_cast<uint64_t>(t.seconds);
  e.state = (e.state & kActive) | kEntered | (static_cast<uint32_t>(t.nanos) & kNanos);
}

void JourneyKeys::forgetBefore(uint32_t journey, Timestamp t) {
  for (Shard& shard : shards_) {
    size_ -= absl::erase_if(shard, [&](const Entry& e) {
      // An active key holds no last entry but while its instance ends (setLastEntered, then
      // deactivate): such an entry is left to the next clean-up.
      if (e.journey != journey || (e.state & kActive) || !(e.state & kEntered)) return false;
      return *e.lastEntered() < t;
    });
  }
}

}  // namespace journey::runtime
