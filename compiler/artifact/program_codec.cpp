#include "compiler/artifact/program_codec.h"

#include <fmt/format.h>

namespace journey::artifact {

namespace {

using namespace journey::ir;

// ---- writing -----------------------------------------------------------------------------

template <typename T, typename F>
void writeList(ByteWriter& out, const std::vector<T>& items, F&& writeOne) {
  out.varint(items.size());
  for (const T& item : items) writeOne(item);
}

// `?name:` rides in the expression index's top bit, which no index reaches: an older reader
// refuses such an artifact (an index out of range) rather than giving the field unconditionally.
constexpr uint32_t kOptionalField = uint32_t{1} << 31;

void writeFields(ByteWriter& out, const std::vector<FieldValue>& fields) {
  writeList(out, fields, [&](const FieldValue& f) {
    out.text(f.name);
    out.varint(f.optional && f.value != kNoExpr ? f.value | kOptionalField : f.value);
  });
}

void writeCaps(ByteWriter& out, const std::vector<CapIr>& caps) {
  writeList(out, caps, [&](const CapIr& c) {
    out.varint(c.channel);
    out.varint(c.count);
    out.varint(c.window);
  });
}

void writeEntry(ByteWriter& out, const EntryIr& entry) {
  out.u8(static_cast<uint8_t>(entry.index()));
  std::visit(
      [&](const auto& e) {
        using T = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<T, EventEntryIr>) {
          out.varint(e.event);
          out.varint(e.when);
        } else if constexpr (std::is_same_v<T, AudienceEntryIr>) {
          out.varint(e.audience);
          out.boolean(e.onExit);
        } else if constexpr (std::is_same_v<T, ScheduledEntryIr>) {
          out.u8(static_cast<uint8_t>(e.schedule.kind));
          out.signedVarint(e.schedule.weekday);
          out.signedVarint(e.schedule.hour);
          out.signedVarint(e.schedule.minute);
          out.varint(e.schedule.every);
          out.text(e.schedule.cron);
          out.varint(e.timezone);
          out.varint(e.audience);
          out.boolean(e.incremental);
        } else {
          out.varint(e.at);
          out.varint(e.audience);
        }
      },
      entry);
}

void writeStep(ByteWriter& out, const StepIr& step) {
  out.u8(static_cast<uint8_t>(step.kind.index()));
  std::visit(
      [&](const auto& k) {
        using T = std::decay_t<decltype(k)>;
        if constexpr (std::is_same_v<T, WaitIr>) {
          out.varint(k.duration);
        } else if constexpr (std::is_same_v<T, WaitUntilIr>) {
          out.varint(k.at);
        } else if constexpr (std::is_same_v<T, WaitUntilTimeIr>) {
          out.signedVarint(k.hour);
          out.signedVarint(k.minute);
          out.signedVarint(k.weekday);
        } else if constexpr (std::is_same_v<T, WaitForIr>) {
          writeList(out, k.events, [&](const AwaitedIr& a) {
            out.varint(a.event);
            out.varint(a.bindingSlot);
            out.varint(a.when);
            out.varint(a.target);
          });
          out.varint(k.within);
          out.varint(k.timeoutTarget);
        } else if constexpr (std::is_same_v<T, BranchIr>) {
          out.varint(k.condition);
          out.varint(k.then);
          out.varint(k.otherwise);
        } else if constexpr (std::is_same_v<T, SplitIr>) {
          out.text(k.name);
          writeList(out, k.arms, [&](const SplitArmIr& a) {
            out.signedVarint(a.percent);
            out.varint(a.target);
          });
        } else if constexpr (std::is_same_v<T, SendIr>) {
          out.varint(k.channel);
          out.text(k.templateName);
          writeFields(out, k.payload);
        } else if constexpr (std::is_same_v<T, CallIr>) {
          out.varint(k.action);
          writeFields(out, k.args);
          out.varint(k.resultSlot);
          out.varint(k.onError);
          out.boolean(k.hasOnError);
        } else if constexpr (std::is_same_v<T, SetIr>) {
          writeList(out, k.path, [&](const std::string& part) { out.text(part); });
          out.varint(k.value);
        } else if constexpr (std::is_same_v<T, LetIr>) {
          out.varint(k.slot);
          out.varint(k.value);
        } else if constexpr (std::is_same_v<T, EmitIr>) {
          out.varint(k.event);
          writeFields(out, k.fields);
        } else if constexpr (std::is_same_v<T, GotoIr>) {
          out.varint(k.journey);
        } else {
          out.boolean(k.reason.has_value());
          if (k.reason) out.text(*k.reason);
        }
      },
      step.kind);
  out.varint(step.next);
  out.text(step.location);
}

void writeJourney(ByteWriter& out, const JourneyIr& j) {
  out.text(j.name);
  out.text(j.entryLocation);
  writeList(out, j.frame, [&](const std::string& name) { out.text(name); });
  out.varint(j.entrySlot);
  writeEntry(out, j.entry);
  out.varint(j.key);
  out.u8(static_cast<uint8_t>(j.reentry));
  out.varint(j.reentryAfter);
  writeList(out, j.exitOn, [&](const ExitOnIr& x) {
    out.varint(x.event);
    out.varint(x.bindingSlot);
    out.varint(x.when);
  });
  writeList(out, j.exitWhen, [&](ExprIndex e) { out.varint(e); });
  out.varint(j.timeout);
  out.varint(j.timezone);
  out.boolean(j.quietHours.has_value());
  if (j.quietHours) {
    out.signedVarint(j.quietHours->fromMinute);
    out.signedVarint(j.quietHours->toMinute);
    out.boolean(j.quietHours->discard);
  }
  writeCaps(out, j.caps);
  writeList(out, j.steps, [&](const StepIr& s) { writeStep(out, s); });
  out.varint(j.start);
  out.boolean(j.entryFields.has_value());
  if (j.entryFields) {
    writeList(out, *j.entryFields, [&](const EntryFieldIr& f) {
      out.varint(f.field);
      out.varint(f.slot);
      out.boolean(f.presence);
    });
  }
}

// ---- reading -----------------------------------------------------------------------------

template <typename T, typename F>
void readList(ByteReader& in, std::vector<T>& items, F&& readOne) {
  items.resize(in.count());
  for (T& item : items) readOne(item);
}

void readFields(ByteReader& in, std::vector<FieldValue>& fields) {
  readList(in, fields, [&](FieldValue& f) {
    f.name = in.text();
    uint32_t value = in.u32();
    f.optional = value != kNoExpr && (value & kOptionalField) != 0;
    f.value = f.optional ? value & ~kOptionalField : value;
  });
}

void readCaps(ByteReader& in, std::vector<CapIr>& caps) {
  readList(in, caps, [&](CapIr& c) {
    c.channel = in.u32();
    c.count = in.u32();
    c.window = in.u32();
  });
}

EntryIr readEntry(ByteReader& in) {
  switch (in.below(std::variant_size_v<EntryIr>, "entry kind")) {
    case 0: {
      EventEntryIr e;
      e.event = in.u32();
      e.when = in.u32();
      return e;
    }
    case 1: {
      AudienceEntryIr e;
      e.audience = in.u32();
      e.onExit = in.boolean();
      return e;
    }
    case 2: {
      ScheduledEntryIr e;
      e.schedule.kind = static_cast<ScheduleIr::Kind>(
          in.below(static_cast<uint32_t>(ScheduleIr::Kind::Cron) + 1, "schedule kind"));
      e.schedule.weekday = in.int32();
      e.schedule.hour = in.int32();
      e.schedule.minute = in.int32();
      e.schedule.every = in.u32();
      e.schedule.cron = in.text();
      e.timezone = in.u32();
      e.audience = in.u32();
      e.incremental = in.boolean();
      return e;
    }
    default: {
      AtEntryIr e;
      e.at = in.u32();
      e.audience = in.u32();
      return e;
    }
  }
}

StepKindIr readStepKind(ByteReader& in) {
  switch (in.below(std::variant_size_v<StepKindIr>, "step kind")) {
    case 0: return WaitIr{in.u32()};
    case 1: return WaitUntilIr{in.u32()};
    case 2: {
      WaitUntilTimeIr k;
      k.hour = in.int32();
      k.minute = in.int32();
      k.weekday = in.int32();
      return k;
    }
    case 3: {
      WaitForIr k;
      readList(in, k.events, [&](AwaitedIr& a) {
        a.event = in.u32();
        a.bindingSlot = in.u32();
        a.when = in.u32();
        a.target = in.u32();
      });
      k.within = in.u32();
      k.timeoutTarget = in.u32();
      return k;
    }
    case 4: {
      BranchIr k;
      k.condition = in.u32();
      k.then = in.u32();
      k.otherwise = in.u32();
      return k;
    }
    case 5: {
      SplitIr k;
      k.name = in.text();
      readList(in, k.arms, [&](SplitArmIr& a) {
        a.percent = in.signedVarint();
        a.target = in.u32();
      });
      return k;
    }
    case 6: {
      SendIr k;
      k.channel = in.u32();
      k.templateName = in.text();
      readFields(in, k.payload);
      return k;
    }
    case 7: {
      CallIr k;
      k.action = in.u32();
      readFields(in, k.args);
      k.resultSlot = in.u32();
      k.onError = in.u32();
      k.hasOnError = in.boolean();
      return k;
    }
    case 8: {
      SetIr k;
      readList(in, k.path, [&](std::string& part) { part = in.text(); });
      k.value = in.u32();
      return k;
    }
    case 9: {
      LetIr k;
      k.slot = in.u32();
      k.value = in.u32();
      return k;
    }
    case 10: {
      EmitIr k;
      k.event = in.u32();
      readFields(in, k.fields);
      return k;
    }
    case 11: return GotoIr{in.u32()};
    default: {
      EndIr k;
      if (in.boolean()) k.reason = in.text();
      return k;
    }
  }
}

void readJourney(ByteReader& in, JourneyIr& j) {
  j.name = in.text();
  j.entryLocation = in.text();
  readList(in, j.frame, [&](std::string& name) { name = in.text(); });
  j.entrySlot = in.u32();
  j.entry = readEntry(in);
  j.key = in.u32();
  j.reentry = static_cast<Reentry>(in.below(static_cast<uint32_t>(Reentry::After) + 1, "reentry kind"));
  j.reentryAfter = in.u32();
  readList(in, j.exitOn, [&](ExitOnIr& x) {
    x.event = in.u32();
    x.bindingSlot = in.u32();
    x.when = in.u32();
  });
  readList(in, j.exitWhen, [&](ExprIndex& e) { e = in.u32(); });
  j.timeout = in.u32();
  j.timezone = in.u32();
  if (in.boolean()) {
    QuietHoursIr q;
    q.fromMinute = in.int32();
    q.toMinute = in.int32();
    q.discard = in.boolean();
    j.quietHours = q;
  }
  readCaps(in, j.caps);
  readList(in, j.steps, [&](StepIr& s) {
    s.kind = readStepKind(in);
    s.next = in.u32();
    s.location = in.text();
  });
  j.start = in.u32();
  if (in.boolean()) {
    j.entryFields.emplace();
    readList(in, *j.entryFields, [&](EntryFieldIr& f) {
      f.field = in.u32();
      f.slot = in.u32();
      f.presence = in.boolean();
    });
  }
}

}  // namespace

void writeDeclarations(ByteWriter& out, const ProgramIr& p) {
  out.varint(p.profileType);
  out.boolean(p.profileRecord.has_value());
  if (p.profileRecord) out.varint(*p.profileRecord);
  out.varint(p.fieldDefaults.size());
  for (const auto& [field, expr] : p.fieldDefaults) {
    out.varint(field.first);
    out.varint(field.second);
    out.varint(expr);
  }
  writeList(out, p.events, [&](const EventIr& e) {
    out.text(e.name);
    out.varint(e.record);
    out.varint(e.type);
    out.varint(e.timeField);
    out.varint(e.retain);
  });
  writeList(out, p.audiences, [&](const AudienceIr& a) {
    out.text(a.name);
    out.varint(a.rule);
    out.varint(a.readsHistory.size());
    for (bool b : a.readsHistory) out.boolean(b);
    out.boolean(a.readsClock);
  });
  writeList(out, p.channels, [&](const ChannelIr& c) {
    out.text(c.name);
    out.varint(c.address);
    out.varint(c.consent);
  });
  writeList(out, p.actions, [&](const ActionIr& a) {
    out.text(a.name);
    out.varint(a.response);
    writeFields(out, a.mock);
    out.varint(a.mockError);
  });
  writeCaps(out, p.caps);
  writeList(out, p.journeys, [&](const JourneyIr& j) { writeJourney(out, j); });
}

void readDeclarations(ByteReader& in, ProgramIr& p) {
  p.profileType = in.u32();
  if (in.boolean()) p.profileRecord = in.u32();
  size_t defaults = in.count();
  for (size_t i = 0; i < defaults; ++i) {
    sema::RecordId record = in.u32();
    size_t field = in.u32();
    ExprIndex expr = in.u32();
    if (!p.fieldDefaults.emplace(std::pair{record, field}, expr).second) {
      in.fail(fmt::format("field {} of record {} has two defaults", field, record));
    }
  }
  readList(in, p.events, [&](EventIr& e) {
    e.name = in.text();
    e.record = in.u32();
    e.type = in.u32();
    e.timeField = in.u32();
    e.retain = in.u32();
  });
  readList(in, p.audiences, [&](AudienceIr& a) {
    a.name = in.text();
    a.rule = in.u32();
    a.readsHistory.resize(in.count());
    for (size_t i = 0; i < a.readsHistory.size(); ++i) a.readsHistory[i] = in.boolean();
    a.readsClock = in.boolean();
  });
  readList(in, p.channels, [&](ChannelIr& c) {
    c.name = in.text();
    c.address = in.u32();
    c.consent = in.u32();
  });
  readList(in, p.actions, [&](ActionIr& a) {
    a.name = in.text();
    a.response = in.u32();
    readFields(in, a.mock);
    a.mockError = in.u32();
  });
  readCaps(in, p.caps);
  readList(in, p.journeys, [&](JourneyIr& j) { readJourney(in, j); });
}

}  // namespace journey::artifact
