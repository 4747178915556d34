#include "vm/audience/membership_evaluator.h"

#include "stdlib/function.h"
#include "vm/runtime/time_math.h"

namespace journey::audience {

// The functions' view of the world while one profile's rules run.
class MembershipEvaluator::Host final : public stdlib::Host {
 public:
  Host(MembershipEvaluator& e, const ProfileData& p) : e_(e), p_(p) {}

  Value now() override { return Value::timestamp(e_.at_); }

  Value inAudience(std::string_view name) override {
    int a = e_.answers_.find(name);
    if (a < 0) return Value::error("unknown audience `" + std::string(name) + "`");
    // A rule that fails means "not a member" (docs/language.md), here as at the top level.
    return e_.answers_.answer(static_cast<uint32_t>(a), [&] {
      Value v = rule(e_.program_.audiences[static_cast<size_t>(a)]);
      return Value::boolean(v.kind() == ValueKind::Bool && v.asBool());
    });
  }

  Value history(std::string_view event, Duration window) override {
    Value error;
    const runtime::History* h = nullptr;
    runtime::History::Span r = inWindow(event, window, h, error);
    if (error.isError()) return error;
    return h->list(r, event);
  }

  Value historyCount(std::string_view event, Duration window) override {
    Value error;
    const runtime::History* h = nullptr;
    runtime::History::Span r = inWindow(event, window, h, error);
    if (error.isError()) return error;
    return Value::integer(static_cast<int64_t>(r.size()));
  }

  Value rule(const ir::AudienceIr& a) {
    stdlib::CallContext ctx{this};
    return e_.engine_.evaluate(a.rule, &p_.profile, ctx);
  }

 private:
  // The window's records of `history`, which it points to (or `error` says why none).
  runtime::History::Span inWindow(std::string_view event, Duration window,
                                  const runtime::History*& history, Value& error) {
    static const runtime::History none;
    history = &none;
    int e = e_.eventsByName_.find(event);
    if (e < 0) {
      error = Value::error("unknown event `" + std::string(event) + "`");
      return {};
    }
    Timestamp from = runtime::minusDuration(e_.at_, window);
    Timestamp retained = runtime::minusDuration(e_.at_, e_.retain_[e]);
    if (from < retained) from = retained;
    if (static_cast<size_t>(e) < p_.history.size()) history = &p_.history[e];
    return history->between(from, e_.at_);
  }

  MembershipEvaluator& e_;
  const ProfileData& p_;
};

MembershipEvaluator::MembershipEvaluator(const ir::ProgramIr& program,
                                         runtime::ExpressionEngine& engine, Timestamp at,
                                         std::vector<Duration> retain)
    : program_(program), engine_(engine), at_(at), retain_(std::move(retain)),
      errors_(program.audiences.size(), 0), eventsByName_(program.events), answers_(program) {}

void MembershipEvaluator::evaluate(const ProfileData& p, const std::vector<uint32_t>& selected,
                                   std::vector<uint8_t>& member) {
  Host host(*this, p);
  for (uint32_t a : selected) {
    Value v = host.rule(program_.audiences[a]);
    bool isBool = v.kind() == ValueKind::Bool;
    if (!isBool) ++errors_[a];
    member[a] = isBool && v.asBool();
  }
}

}  // namespace journey::audience
