// What an instance does to the outside world: `send` (consent, address, quiet hours, caps) and
// `call` (an action's mock).
#include "absl/container/inlined_vector.h"
#include "vm/runtime/local_time.h"
#include "vm/runtime/runtime_impl.h"
#include "vm/runtime/time_math.h"
#include "vm/value/plain_json.h"
#include "vm/value/record.h"
#include "vm/value/value_convert.h"

namespace journey::runtime {

namespace {

// A channel's address as text, or nullopt when it is absent (an absent optional field reads
// as an error; an empty optional, null or an empty string is absent too). A string is viewed in
// `v`; a number is written into `number`.
std::optional<std::string_view> addressText(const Value& v, std::string& number) {
  switch (v.kind()) {
    case ValueKind::String:
      if (v.asString().empty()) return std::nullopt;
      return v.asString();
    case ValueKind::Optional:
      if (!v.hasValue()) return std::nullopt;
      return addressText(v.optionalValue(), number);
    case ValueKind::Int: return number = std::to_string(v.asInt());
    default: return std::nullopt;
  }
}

}  // namespace

RecordLine Runtime::Impl::sendLine(std::string_view kind, const SendContext& c) {
  const ir::JourneyIr& j = program.journeys[c.journey];
  const ir::StepIr& step = j.steps[c.step];
  const auto& s = std::get<ir::SendIr>(step.kind);
  RecordLine l = line(kind);
  keyField(profileText(programText(l, "journey", j.name), store.profile(c.profile).id), c.key,
           c.keyPlain);
  programText(l, "step", step.location);
  programText(l, "channel", program.channels[s.channel].name);
  programText(l, "template", s.templateName);
  return l;
}

void Runtime::Impl::suppress(const SendContext& c, std::string_view reason) {
  RecordLine l = sendLine("suppressed", c);
  l.text("reason", reason);
  write(l);
  ++stats.suppressed;
}

Value Runtime::Impl::send(const SendContext& c, absl::FunctionRef<Value()> makePayload) {
  const ir::JourneyIr& j = program.journeys[c.journey];
  const ir::StepIr& step = j.steps[c.step];
  const auto& s = std::get<ir::SendIr>(step.kind);
  const ir::ChannelIr& channel = program.channels[s.channel];
  ProfileState* p = &store.profile(c.profile);
  auto suppressed = [&](std::string_view reason) {
    suppress(c, reason);
    return Value();
  };

  if (channel.consent != ir::kNoExpr) {
    Value consent = eval(channel.consent, &p->profile, p);
    if (consent.isError()) return suppressed("consent: " + std::string(consent.errorMessage()));
    if (consent.kind() != ValueKind::Bool || !consent.asBool()) return suppressed("no consent");
  }
  Value address;
  std::string number;
  std::optional<std::string_view> to;
  if (channel.address != ir::kNoExpr) {
    address = eval(channel.address, &p->profile, p);
    to = addressText(address, number);
    if (!to) return suppressed("no address");
  }

  // Frequency rules: the file's for the channel, then the journey's; sends counted in
  // (now - window, now].
  auto full = [&](const CapRule& cap, bool journeyOnly) {
    if (cap.channel != s.channel) return false;
    Timestamp from = minusDuration(clock.now(), cap.window);
    std::optional<uint32_t> journey;
    if (journeyOnly) journey = c.journey;
    return p->sends.countAfter(s.channel, journey, from) >= cap.count;
  };
  auto capped = [&](const CapRule& cap) {
    RecordLine l = sendLine("capped", c);
    l.text("rule", cap.text);
    write(l);
    ++stats.capped;
    return Value();
  };
  for (const CapRule& cap : fileCaps) {
    if (full(cap, false)) return capped(cap);
  }
  for (const CapRule& cap : journeyCaps[c.journey]) {
    if (full(cap, true)) return capped(cap);
  }
  Value payload = makePayload();
  if (payload.isError()) return payload;

  // Quiet hours come after the frequency rules (a full rule caps the send at once); a queued
  // send is delivered at the window's end, its consent, address and rules checked again then.
  bool delivering = c.instance == nullptr;  // a held send, its window over
  if (j.quietHours && !delivering) {
    Value why;
    std::optional<TimeZone> zone = journeyZone(*c.instance, p, why);
    if (!zone) {  // a send never stops the journey: judged in UTC, which --trace tells
      zone = TimeZone::utc();
      trace(*c.instance,
            [&] { return "quiet hours judged in UTC: " + std::string(why.errorMessage()); });
    }
    if (std::optional<Timestamp> end = quietHoursEnd(clock.now(), *zone, *j.quietHours)) {
      if (j.quietHours->discard) return suppressed("quiet hours");
      uint64_t held =
          store.holdSend(HeldSend{.instance = c.instance->id, .journey = c.journey,
                                  .step = c.step, .profile = c.profile,
                                  .keyPlain = c.keyPlain, .key = std::string(c.key),
                                  .payload = payload});
      store.addTimer(Timer(*end, Timer::Kind::HeldSend, held, c.instance->rank));
      trace(*c.instance, [&] {
        return "send at " + step.location + " held by quiet hours until " + formatTimestamp(*end);
      });
      return Value();  // the `send` record is written when the window ends
    }
  }

  if (channelCapped[s.channel]) {
    p->sends.add(s.channel, c.journey, clock.now(), minusDuration(clock.now(), longestCapWindow));
  }
  RecordLine l = sendLine("send", c);
  if (to) l.text("to", *to);
  l.value("payload", payload);
  write(l);
  uint64_t*& sent = sendCounts[s.channel];
  if (!sent) sent = &stats.sends[channel.name];
  ++*sent;
  return Value();
}

namespace {

Runtime::Impl::SendContext heldContext(const HeldSend& held) {
  return {.journey = held.journey, .profile = held.profile, .key = held.key,
          .keyPlain = held.keyPlain, .step = held.step};
}

}  // namespace

void Runtime::Impl::deliverHeldSend(const Timer& timer) {
  // None: delivered already, by queued work at its instant, or dropped as its instance exited.
  if (!store.heldSend(timer.id)) return;
  HeldSend held = store.releaseSend(timer.id);
  send(heldContext(held), [&] { return held.payload; });
}

// Exit criteria say the journey no longer applies to the customer (a cart reminder held until
// morning must not reach one who bought in the night): the sends the instance holds go with it,
// each written `suppressed` at the exit. An instance that ends otherwise (its last step, `end`,
// `goto`, its timeout, an error) leaves its held sends to be delivered: they were decided.
void Runtime::Impl::dropHeldSends(const Instance& instance) {
  if (!instance.holdsSends) return;  // most never did: the store need not look
  while (uint64_t id = store.heldSendOf(instance.id)) {
    HeldSend held = store.releaseSend(id);
    suppress(heldContext(held), "exited");
  }
}

Value Runtime::Impl::buildRecord(sema::RecordId record,
                                 const std::vector<std::pair<std::string, Value>>& fields) {
  const RecordLayout& layout = program.layouts[record];
  RecordBuilder builder(layout);
  for (size_t f = 0; f < layout.fieldCount(); ++f) {
    if (program.fieldDefaults.count({record, f})) builder.set(f, fieldDefault(record, f));
  }
  for (const auto& [name, value] : fields) {
    int index = layout.find(name);
    if (index < 0) return Value::error("no field `" + name + "` in `" + layout.name + "`");
    if (value.kind() == ValueKind::Optional) {
      if (value.hasValue()) builder.set(static_cast<size_t>(index), value.optionalValue());
      continue;
    }
    builder.set(static_cast<size_t>(index), value);
  }
  return builder.build();
}

Runtime::Impl::MockOutcome Runtime::Impl::mockOutcome(const ir::ActionIr& action) {
  MockOutcome outcome;
  if (action.mockError != ir::kNoExpr) {
    Value message = evalConstant(action.mockError);
    outcome.failure = message.kind() == ValueKind::String ? std::string(message.asString())
                                                          : "the action failed";
    return outcome;
  }
  std::vector<std::pair<std::string, Value>> fields;
  for (const ir::FieldValue& f : action.mock) {
    Value v = evalConstant(f.value);
    if (presentField(f, v)) fields.emplace_back(f.name, std::move(v));
  }
  outcome.response = buildRecord(action.response, fields);
  if (outcome.response.isError()) {
    outcome.failure = std::string(outcome.response.errorMessage());
  } else {
    appendPlainJson(outcome.responseJson, outcome.response);
  }
  return outcome;
}

bool Runtime::Impl::call(Instance& inst, const ir::StepIr& step, const ir::CallIr& c) {
  const ir::ActionIr& action = program.actions[c.action];
  ProfileState* p = &store.profile(inst.profile);
  // The arguments are only written: as the fields of a JSON object, not built into a map.
  absl::InlinedVector<Value, 4> args;
  absl::InlinedVector<bool, 4> leftOut;  // by argument: an optional one without a value
  for (const ir::FieldValue& arg : c.args) {
    Value v = eval(arg.value, inst.frame.data(), p);
    if (v.isError()) {
      endInstance(inst, "error: " + std::string(v.errorMessage()), step.location);
      return true;
    }
    leftOut.push_back(!presentField(arg, v));
    if (auto clash = jsonKeyClash(v)) {
      endInstance(inst, "error: " + *clash, step.location);
      return true;
    }
    args.push_back(std::move(v));
  }
  RecordLine l = instanceLine("call", inst, step.location);
  l.text("action", action.name).field("args");
  const std::vector<std::string>& keys = stepConstants[inst.journey][inst.pc].argumentKeys;
  bool first = true;
  for (size_t i = 0; i < args.size(); ++i) {
    if (leftOut[i]) continue;
    l.raw(first ? "{" : ", ").raw(keys[i]).plain(args[i]);
    first = false;
  }
  l.raw(first ? "{}" : "}");

  const MockOutcome& mock = mocks[c.action];
  const std::string& failure = mock.failure;
  if (!failure.empty()) {
    l.text("error", failure);
    write(l);
    if (!c.hasOnError) {
      endInstance(inst, "error: " + action.name + ": " + failure, step.location);
      return true;
    }
    // The binding is left without a value (docs decision 3): reading it is an error saying so.
    if (c.resultSlot != ir::kNoSlot) {
      inst.frame[c.resultSlot] =
          Value::error("`" + program.journeys[inst.journey].frame[c.resultSlot] +
                       "` has no value: the call to " + action.name + " failed");
    }
    inst.pc = c.onError;
    return false;
  }
  l.field("response").raw(mock.responseJson);
  write(l);
  if (c.resultSlot != ir::kNoSlot) inst.frame[c.resultSlot] = mock.response;
  inst.pc = step.next;
  return false;
}

}  // namespace journey::runtime
