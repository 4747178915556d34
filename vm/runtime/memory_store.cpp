#include "vm/runtime/memory_store.h"

#include <map>
#include <queue>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace journey::runtime {

namespace {

// (journey, key) as one hashable string: the journey index, a separator, the key.
std::string journeyKey(uint32_t journey, std::string_view key) {
  std::string k = std::to_string(journey);
  k += '\x1f';
  k += key;
  return k;
}

// Lets the profile index be searched with a string_view, without building a string.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct TimerAfter {
  bool operator()(const Timer& a, const Timer& b) const {
    if (a.time != b.time) return b.time < a.time;
    return b.sequence < a.sequence;
  }
};

class MemoryStore final : public Store {
 public:
  ProfileState* findProfile(std::string_view id) override {
    // The work for one record asks for the same profile many times: remember the last one
    // (profiles are never removed, so the pointer stays valid).
    if (last_ && last_->id == id) return last_;
    auto it = profileIndex_.find(id);
    if (it == profileIndex_.end()) return nullptr;
    last_ = profiles_[it->second].get();
    return last_;
  }
  ProfileState& addProfile(const std::string& id, Value profile) override {
    auto state = std::make_unique<ProfileState>();
    state->id = id;
    state->profile = std::move(profile);
    state->order = profiles_.size();
    profileIndex_.emplace(id, profiles_.size());
    profiles_.push_back(std::move(state));
    return *profiles_.back();
  }
  void forEachProfile(const std::function<void(ProfileState&)>& visit) override {
    for (auto& p : profiles_) visit(*p);
  }

  Instance& addInstance(Instance instance) override {
    instance.id = ++lastInstance_;
    active_[journeyKey(instance.journey, instance.key)] = instance.id;
    auto [it, _] = instances_.emplace(instance.id, std::move(instance));
    return it->second;
  }
  Instance* findInstance(InstanceId id) override {
    auto it = instances_.find(id);
    return it == instances_.end() ? nullptr : &it->second;
  }
  void removeInstance(InstanceId id) override {
    auto it = instances_.find(id);
    if (it == instances_.end()) return;
    active_.erase(journeyKey(it->second.journey, it->second.key));
    instances_.erase(it);
  }
  std::optional<InstanceId> activeInstance(uint32_t journey, std::string_view key) override {
    auto it = active_.find(journeyKey(journey, key));
    if (it == active_.end()) return std::nullopt;
    return it->second;
  }
  size_t instanceCount() const override { return instances_.size(); }

  std::optional<Timestamp> lastEntry(uint32_t journey, std::string_view key) override {
    auto it = lastEntry_.find(journeyKey(journey, key));
    if (it == lastEntry_.end()) return std::nullopt;
    return it->second;
  }
  void setLastEntry(uint32_t journey, const std::string& key, Timestamp t) override {
    lastEntry_[journeyKey(journey, key)] = t;
  }

  uint64_t holdSend(HeldSend send) override {
    held_.emplace(++lastHeld_, std::move(send));
    return lastHeld_;
  }
  HeldSend releaseSend(uint64_t id) override {
    auto it = held_.find(id);
    HeldSend send = std::move(it->second);
    held_.erase(it);
    return send;
  }

  void addTimer(Timer timer) override {
    timer.sequence = ++lastTimer_;
    timers_.push(std::move(timer));
  }
  const Timer* nextTimer() const override { return timers_.empty() ? nullptr : &timers_.top(); }
  Timer popTimer() override {
    Timer t = timers_.top();
    timers_.pop();
    return t;
  }

  std::optional<Timestamp> lastTick(uint32_t journey) override {
    auto it = lastTick_.find(journey);
    if (it == lastTick_.end()) return std::nullopt;
    return it->second;
  }
  bool memberAtLastTick(uint32_t journey, std::string_view profile) override {
    auto it = tickMembers_.find(journey);
    return it != tickMembers_.end() && it->second.count(std::string(profile));
  }
  void setLastTick(uint32_t journey, Timestamp t, std::vector<std::string> members) override {
    lastTick_[journey] = t;
    tickMembers_[journey] = std::unordered_set<std::string>(members.begin(), members.end());
  }
  void forgetTickMember(uint32_t journey, std::string_view profile) override {
    auto it = tickMembers_.find(journey);
    if (it != tickMembers_.end()) it->second.erase(std::string(profile));
  }

 private:
  std::vector<std::unique_ptr<ProfileState>> profiles_;
  std::unordered_map<std::string, size_t, StringHash, std::equal_to<>> profileIndex_;
  ProfileState* last_ = nullptr;
  std::unordered_map<InstanceId, Instance> instances_;
  std::unordered_map<std::string, InstanceId> active_;
  std::unordered_map<std::string, Timestamp> lastEntry_;
  std::priority_queue<Timer, std::vector<Timer>, TimerAfter> timers_;
  std::map<uint32_t, Timestamp> lastTick_;
  std::map<uint32_t, std::unordered_set<std::string>> tickMembers_;
  std::unordered_map<uint64_t, HeldSend> held_;
  uint64_t lastHeld_ = 0;
  InstanceId lastInstance_ = 0;
  uint64_t lastTimer_ = 0;
};

}  // namespace

std::unique_ptr<Store> makeMemoryStore() { return std::make_unique<MemoryStore>(); }

}  // namespace journey::runtime
