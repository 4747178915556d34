#include "vm/runtime/memory_store.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "vm/runtime/journey_keys.h"
#include "vm/runtime/prefetch_hint.h"
#include "vm/runtime/profile_index.h"
#include "vm/runtime/stable_vector.h"
#include "vm/runtime/timer_queue.h"
#include "vm/value/packed_tree.h"
#include "vm/value/short_text.h"

namespace journey::runtime {

namespace {

constexpr InstanceId kSlotMask = 0xffffffff;
// How much of a packed profile a record's prefetch loads at most: the shop's take about 460
// bytes (the strings shared among profiles stay outside); a larger one's rest loads when read.
constexpr size_t kProfilePrefetchBytes = 1024;
constexpr size_t kPrefetchedHistories = 8;  // a profile's histories loaded with its state
// How many of the timers due during a batch of records prefetchTimers loads for at most (a
// batch of the shop's fires about ten).
constexpr size_t kPrefetchedTimers = 32;
// How many of the free slots of held sends, the next ones taken, prefetchTimers loads.
constexpr size_t kPrefetchedHeldSlots = 2;

// Every cache line the bytes touch: an object seldom starts at a line's start, so its size
// in lines, counted from its start, would leave out the last line it reaches into.
void prefetchBytes(const void* at, size_t size) {
  constexpr uintptr_t kLine = 64;
  const uintptr_t start = reinterpret_cast<uintptr_t>(at);
  for (uintptr_t line = start & ~(kLine - 1); line < start + size; line += kLine) {
    prefetchLine(reinterpret_cast<const void*>(line));
  }
}

class MemoryStore final : public Store {
 public:
  ProfileState* findProfile(std::string_view id) override {
    // Records look their profiles up in the order they were prefetched, some twice: the
    // prefetch's answer is taken when its profile has this id (profiles never move or go).
    for (size_t at : {nextFound_, nextFound_ - 1}) {
      if (at < found_.size() && found_[at] && sameText(found_[at]->id, id)) {
        nextFound_ = at + 1;
        return found_[at];
      }
    }
    std::optional<ProfileRef> ref = profileIndex_.find(
        ProfileIndex::hashOf(id), [&](ProfileRef r) { return sameText(profiles_[r].id, id); });
    return ref ? &profiles_[*ref] : nullptr;
  }
  ProfileState& profile(ProfileRef ref) override { return profiles_[ref]; }
  ProfileState& addProfile(const std::string& id, Value profile, uint32_t spanBytes) override {
    ProfileState state;
    state.ref = static_cast<ProfileRef>(profiles_.size());
    state.id = InlineText(id);
    // One run of lines, for prefetchProfiles: packed here into a block of its own, unless the
    // reader built it in a chunk.
    state.profile = packTree(profile);
    const PackedBlock* block = packedBlockOf(state.profile);
    state.profileBytes = spanBytes ? spanBytes : block ? block->bytes : 0;
    ProfileState& added = profiles_.push_back(std::move(state));
    profileIndex_.insert(ProfileIndex::hashOf(added.id), added.ref);
    return added;
  }
  void prefetchProfiles(std::span<const ProfileUse> uses) override {
    // In stages, each starting the loads the next one needs, so that a batch's cache misses
    // overlap instead of following one another: the index's slots; the states their candidates
    // name (not confirmed here, which would wait for each state in turn: findProfile does);
    // what a record reaches from its state (the profile, packed in one block, retained
    // histories, active instances); where each history appends.
    hashes_.clear();
    for (const ProfileUse& use : uses) {
      hashes_.push_back(ProfileIndex::hashOf(use.id));
      profileIndex_.prefetch(hashes_.back());
    }
    found_.clear();
    nextFound_ = 0;
    for (uint64_t hash : hashes_) {
      std::optional<ProfileRef> ref = profileIndex_.candidate(hash);
      ProfileState* p = ref ? &profiles_[*ref] : nullptr;
      if (p) prefetchBytes(p, sizeof(ProfileState));
      found_.push_back(p);
    }
    for (size_t i = 0; i < found_.size(); ++i) {
      const ProfileState* p = found_[i];
      if (!p) continue;
      if (uses[i].histories) prefetchLine(p->history.get());
      const bool reacting = uses[i].instances && !p->instances.empty();
      if (uses[i].record || reacting) {
        prefetchBytes(p->profile.heapObject(),
                      std::clamp<size_t>(p->profileBytes, 64, kProfilePrefetchBytes));
      }
      if (!reacting) continue;
      for (InstanceId id : p->instances) prefetchLine(&instances_[id & kSlotMask]);
    }
    for (size_t i = 0; i < found_.size(); ++i) {
      if (!found_[i] || !uses[i].histories) continue;
      // A program that keeps the history of hundreds of events would load hundreds of
      // pointers a record for the one or two it reads: then none is loaded ahead.
      std::span<const History> histories = found_[i]->histories();
      if (histories.size() > kPrefetchedHistories) continue;
      for (const History& h : histories) prefetchLine(h.address());
    }
  }
  void prefetchTimers(Timestamp until) override {
    // In stages, as prefetchProfiles: the instances and held sends the timers name; then the
    // states of their profiles, and the instances' frames; then the profiles and their send
    // logs (most timers resume an instance into a send, whose caps scan the log), and the
    // values the frames hold (an entry event: the first step after a wait reads it). A timer's
    // instance may have ended (its slot then names another profile, or none): a wasted load,
    // nothing more.
    dueProfiles_.clear();
    dueFrames_.clear();
    timers_.forEachDueBy(until, kPrefetchedTimers, [&](const Timer& t) {
      switch (t.kind) {
        case Timer::Kind::Resume:
        case Timer::Kind::Timeout:
          if ((t.id & kSlotMask) < instances_.size()) {
            prefetchLine(&instances_[t.id & kSlotMask]);
          }
          break;
        case Timer::Kind::HeldSend:
          if (heldSlot(t.id) < held_.size()) {
            prefetchLine(&held_[heldSlot(t.id)]);
            prefetchLine(&heldUses_[heldSlot(t.id)]);
          }
          break;
        default: break;
      }
    });
    timers_.forEachDueBy(until, kPrefetchedTimers, [&](const Timer& t) {
      std::optional<ProfileRef> ref;
      switch (t.kind) {
        case Timer::Kind::Resume:
        case Timer::Kind::Timeout:
          if (Instance* instance = findInstance(t.id)) {
            ref = instance->profile;
            prefetchLine(instance->frame.data());
            dueFrames_.push_back(&instance->frame);
          }
          break;
        case Timer::Kind::HeldSend:
          if (const HeldSend* held = heldSend(t.id)) ref = held->profile;
          break;
        case Timer::Kind::AudienceWindow: ref = static_cast<ProfileRef>(t.id); break;
        case Timer::Kind::ScheduleTick: break;
      }
      if (!ref || *ref >= profiles_.size()) return;
      prefetchBytes(&profiles_[*ref], sizeof(ProfileState));
      dueProfiles_.push_back(*ref);
    });
    for (ProfileRef ref : dueProfiles_) {
      const ProfileState& p = profiles_[ref];
      prefetchBytes(p.profile.heapObject(),
                    std::clamp<size_t>(p.profileBytes, 64, kProfilePrefetchBytes));
      if (!p.sends.empty()) prefetchLine(p.sends.data());
    }
    for (Frame* frame : dueFrames_) {
      for (uint32_t i = 0; i < frame->size(); ++i) {
        if (const HeapObject* held = (*frame)[i].heapObject()) prefetchLine(held);
      }
    }
    // A send that quiet hours hold takes the free slot at the back of the list, freed hours
    // before (held sends are delivered in bursts): its lines are long out of the cache.
    for (size_t i = 1; i <= std::min(freeHeld_.size(), kPrefetchedHeldSlots); ++i) {
      uint32_t slot = freeHeld_[freeHeld_.size() - i];
      prefetchBytes(&held_[slot], sizeof(held_[0]));
      prefetchLine(&heldUses_[slot]);
      prefetchLine(&nextHeld_[slot]);
    }
  }
  void forEachProfile(const std::function<void(ProfileState&)>& visit) override {
    for (size_t i = 0; i < profiles_.size(); ++i) visit(profiles_[i]);
  }

  Instance& addInstance(Instance instance) override {
    size_t slot;
    InstanceId previous = 0;
    if (!freeSlots_.empty()) {
      slot = freeSlots_.back();
      freeSlots_.pop_back();
      previous = instances_[slot].id;
    } else {
      slot = instances_.size();
      instances_.push_back(Instance());
      heldOfSlot_.push_back(0);
    }
    // The slot in the low half, its use count in the high half.
    instance.id = (((previous >> 32) + 1) << 32) | slot;
    Instance& stored = instances_[slot];
    stored = std::move(instance);
    journeyKeys_.activate(stored.journey, keyOf(stored), stored.id);
    ++instanceCount_;
    return stored;
  }
  Instance* findInstance(InstanceId id) override {
    std::optional<size_t> slot = liveSlot(id);
    return slot ? &instances_[*slot] : nullptr;
  }
  void removeInstance(InstanceId id) override {
    Instance* instance = findInstance(id);
    if (!instance) return;
    journeyKeys_.deactivate(instance->journey, keyOf(*instance));
    // The slot keeps its id (for the next use count) but frees what the instance held.
    instance->id |= kFreed;
    // What it still holds is delivered later, unindexed. Only an instance that held a send
    // has a chain (holdSend relies on it).
    if (instance->holdsSends) heldOfSlot_[id & kSlotMask] = 0;
    instance->key = Value();
    instance->frame = Frame();
    freeSlots_.push_back(static_cast<uint32_t>(id & kSlotMask));
    --instanceCount_;
  }
  bool hasActiveInstance(uint32_t journey, std::string_view key) override {
    return journeyKeys_.active(journey, key);
  }
  std::optional<InstanceId> activeInstance(uint32_t journey, std::string_view key) override {
    return journeyKeys_.activeInstance(journey, key);
  }
  size_t instanceCount() const override { return instanceCount_; }
  void prefetchJourneyKey(uint32_t journey, std::string_view key) override {
    journeyKeys_.prefetch(journey, key);
  }

  std::optional<Timestamp> lastEntry(uint32_t journey, std::string_view key) override {
    return journeyKeys_.lastEntered(journey, key);
  }
  void setLastEntry(uint32_t journey, std::string_view key, Timestamp t) override {
    journeyKeys_.setLastEntered(journey, key, t);
  }
  size_t lastEntryCount() const override { return journeyKeys_.size(); }
  void forgetEntriesBefore(uint32_t journey, Timestamp t) override {
    journeyKeys_.forgetBefore(journey, t);
  }

  // A held send's id is its slot plus one, and above that the slot's count of uses: a timer of
  // a send delivered early (before its timer, by queued work at its instant) finds none when
  // the slot holds another. A new one takes the slot freed last, still in the cache, where a
  // table by sequence number put each at a cold random place.
  static size_t heldSlot(uint64_t id) { return static_cast<size_t>((id & 0xffff'ffff) - 1); }
  // Where the chain of a live instance's held sends starts, or null when it has ended.
  uint64_t* heldChainOf(InstanceId instance) {
    std::optional<size_t> slot = liveSlot(instance);
    return slot ? &heldOfSlot_[*slot] : nullptr;
  }
  uint64_t holdSend(HeldSend send) override {
    size_t slot = held_.size();
    if (freeHeld_.empty()) {
      held_.emplace_back(std::move(send));
      heldUses_.push_back(0);
      nextHeld_.push_back(0);
    } else {
      slot = freeHeld_.back();
      freeHeld_.pop_back();
      held_[slot] = std::move(send);
      ++heldUses_[slot];
      nextHeld_[slot] = 0;
    }
    uint64_t id = (uint64_t{heldUses_[slot]} << 32) | (slot + 1);
    if (std::optional<size_t> live = liveSlot(held_[slot]->instance)) {
      Instance& instance = instances_[*live];
      uint64_t* link = &heldOfSlot_[*live];
      // An instance's first held send starts its chain, which is empty: written without
      // loading the chain head's line, which nothing else brings into the cache.
      if (instance.holdsSends) {
        while (*link) link = &nextHeld_[heldSlot(*link)];  // last: the oldest comes first
      }
      *link = id;
      instance.holdsSends = true;
    }
    return id;
  }
  HeldSend releaseSend(uint64_t id) override {
    if (!heldSend(id)) return HeldSend{};
    size_t index = heldSlot(id);
    std::optional<HeldSend>& slot = held_[index];
    HeldSend send = std::move(*slot);
    slot.reset();
    if (uint64_t* link = heldChainOf(send.instance)) {
      while (*link && *link != id) link = &nextHeld_[heldSlot(*link)];
      if (*link) *link = nextHeld_[index];
    }
    freeHeld_.push_back(static_cast<uint32_t>(index));
    return send;
  }
  const HeldSend* heldSend(uint64_t id) const override {
    size_t index = heldSlot(id);
    if ((id & 0xffff'ffff) == 0 || index >= held_.size() || !held_[index] ||
        heldUses_[index] != id >> 32) {
      return nullptr;
    }
    return &*held_[index];
  }
  uint64_t heldSendOf(InstanceId instance) const override {
    std::optional<size_t> slot = liveSlot(instance);
    return slot ? heldOfSlot_[*slot] : 0;
  }

  uint64_t addTimer(Timer timer, Duration delay) override {
    return enqueue(timer, ++lastTimer_, delay);
  }
  uint64_t reserveTimerSequence() override { return ++lastTimer_; }
  void queueTimer(Timer timer, uint64_t reservedSequence) override {
    enqueue(timer, reservedSequence, Duration{});  // set earlier than now: no lane's order
  }
  const Timer* nextTimer() const override { return timers_.top(); }
  Timer popTimer() override {
    Timer timer = timers_.pop();
    if (timer.kind == Timer::Kind::AudienceWindow) --windowTimers_;
    return timer;
  }
  void forEachTimer(const std::function<void(const Timer&)>& visit) const override {
    timers_.forEachInOrder(visit);
  }

  void forEachDueTimerOf(ProfileRef profile, Timestamp until,
                         const std::function<void(const Timer&)>& visit) override {
    if (!dueByProfileFresh_ || dueByProfileUntil_ != until) indexDueTimers(until);
    auto of = std::equal_range(dueByProfile_.begin(), dueByProfile_.end(),
                               std::pair<ProfileRef, Timer>{profile, Timer{}}, profileBefore);
    for (auto it = of.first; it != of.second; ++it) visit(it->second);
  }

  std::optional<Timestamp> lastTick(uint32_t journey) override {
    auto it = lastTick_.find(journey);
    if (it == lastTick_.end()) return std::nullopt;
    return it->second;
  }
  bool memberAtLastTick(uint32_t journey, ProfileRef profile) override {
    auto it = tickMembers_.find(journey);
    return it != tickMembers_.end() && it->second.contains(profile);
  }
  void setLastTick(uint32_t journey, Timestamp t, std::vector<ProfileRef> members) override {
    lastTick_[journey] = t;
    tickMembers_[journey] = absl::flat_hash_set<ProfileRef>(members.begin(), members.end());
  }
  void forgetTickMember(uint32_t journey, ProfileRef profile) override {
    auto it = tickMembers_.find(journey);
    if (it != tickMembers_.end()) it->second.erase(profile);
  }

  bool decidedElsewhere(ProfileRef profile, uint32_t audience) const override {
    return decidedElsewhere_.contains(decidedKey(profile, audience));
  }
  void setDecidedElsewhere(ProfileRef profile, uint32_t audience, bool decided) override {
    if (decided) {
      decidedElsewhere_.insert(decidedKey(profile, audience));
    } else {
      decidedElsewhere_.erase(decidedKey(profile, audience));
    }
  }
  bool anyDecidedElsewhere() const override { return !decidedElsewhere_.empty(); }

 private:
  // A freed slot's id has this bit set, so no live id matches it.
  static constexpr InstanceId kFreed = InstanceId{1} << 31;
  // The slot of the instance `id`, or none once it has ended.
  std::optional<size_t> liveSlot(InstanceId id) const {
    size_t slot = id & kSlotMask;
    if (slot >= instances_.size() || instances_[slot].id != id) return std::nullopt;
    return slot;
  }

  uint64_t enqueue(Timer timer, uint64_t sequence, Duration delay) {
    if (sweptTimers() >= 2 * std::max<size_t>(timersAfterCleanUp_, 4096)) dropStaleTimers();
    if (!(dueByProfileUntil_ < timer.due())) dueByProfileFresh_ = false;  // the index misses it
    if (timer.kind == Timer::Kind::AudienceWindow) ++windowTimers_;
    timer.sequence = sequence;
    if (timer.kind == Timer::Kind::HeldSend) {
      timers_.pushAtSharedInstant(timer);  // the end of quiet hours in some zone
    } else {
      timers_.push(timer, delay);
    }
    return sequence;
  }
  // forEachDueTimerOf's index: the timers due by an instant, by profile, made once for the
  // instant and again only when a timer due by then is added. Those fired since stay in it.
  static bool profileBefore(const std::pair<ProfileRef, Timer>& a,
                            const std::pair<ProfileRef, Timer>& b) {
    return a.first < b.first;
  }
  void indexDueTimers(Timestamp until) {
    dueByProfile_.clear();
    timers_.forEachDueBy(until, [&](const Timer& t) {
      if (t.due() == kNever) return;
      if (t.kind == Timer::Kind::Resume || t.kind == Timer::Kind::Timeout) {
        if (const Instance* inst = findInstance(t.id)) dueByProfile_.emplace_back(inst->profile, t);
      } else if (t.kind == Timer::Kind::HeldSend) {
        if (const HeldSend* held = heldSend(t.id)) dueByProfile_.emplace_back(held->profile, t);
      }
    });
    std::stable_sort(dueByProfile_.begin(), dueByProfile_.end(), profileBefore);
    dueByProfileUntil_ = until;
    dueByProfileFresh_ = true;
  }

  // Timers of ended instances, and of waits that an event ended, stay queued until due (a
  // journey timeout: weeks). Each time the instances' timers have doubled, they are dropped:
  // amortised O(1). Audience windows' timers are left out, and out of the count: they are
  // rarely stale (telling would read each one's profile), and months ahead they would make
  // the sweeps rarer, keeping more stale timers.
  size_t sweptTimers() const { return timers_.size() - windowTimers_; }
  void dropStaleTimers() {
    timers_.eraseIf([&](const Timer& t) {
      if (t.kind != Timer::Kind::Resume && t.kind != Timer::Kind::Timeout) return false;
      const Instance* instance = findInstance(t.id);
      return !instance || (t.kind == Timer::Kind::Resume && instance->wakeTimer != t.sequence);
    });
    timersAfterCleanUp_ = sweptTimers();
  }

  std::string_view keyOf(const Instance& instance) {
    return instanceKey(instance, profiles_[instance.profile]);
  }

  StableVector<ProfileState> profiles_;
  ProfileIndex profileIndex_;
  std::vector<uint64_t> hashes_;  // prefetchProfiles' own: the batch's ids hashed once
  std::vector<std::pair<ProfileRef, Timer>> dueByProfile_;  // see indexDueTimers
  Timestamp dueByProfileUntil_{};
  bool dueByProfileFresh_ = false;
  // What the last prefetchProfiles found, per id (null: none; unconfirmed), and where
  // findProfile looks next among them.
  std::vector<ProfileState*> found_;
  size_t nextFound_ = 0;
  std::vector<ProfileRef> dueProfiles_;  // prefetchTimers' own
  std::vector<Frame*> dueFrames_;        // the same
  StableVector<Instance> instances_;
  std::vector<uint32_t> freeSlots_;
  size_t instanceCount_ = 0;
  JourneyKeys journeyKeys_;
  TimerQueue timers_;
  size_t timersAfterCleanUp_ = 0;
  size_t windowTimers_ = 0;  // AudienceWindow timers queued
  std::map<uint32_t, Timestamp> lastTick_;
  std::map<uint32_t, absl::flat_hash_set<ProfileRef>> tickMembers_;
  // (profile, audience) pairs whose membership an input record decided; rare, so not a bit in
  // every profile's state.
  static uint64_t decidedKey(ProfileRef profile, uint32_t audience) {
    return uint64_t{profile} << 32 | audience;
  }
  absl::flat_hash_set<uint64_t> decidedElsewhere_;
  std::vector<std::optional<HeldSend>> held_;  // by slot (holdSend); empty when delivered
  std::vector<uint32_t> heldUses_;              // by slot: how often it was taken again
  // The sends a live instance holds (dropHeldSends), oldest first, as a chain of ids: the
  // first by the instance's slot (0: none), each next one by the held send's slot. Kept
  // beside the slots rather than in a table by instance, whose insert and erase per held send
  // were a cache miss each at full size.
  std::vector<uint64_t> heldOfSlot_;  // by instance slot
  std::vector<uint64_t> nextHeld_;    // by held send slot
  std::vector<uint32_t> freeHeld_;
  uint64_t lastTimer_ = 0;
};

}  // namespace

std::unique_ptr<Store> makeMemoryStore() { return std::make_unique<MemoryStore>(); }

}  // namespace journey::runtime
