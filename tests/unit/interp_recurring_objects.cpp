// RecurringObjects: a record or a list of the same bits as one met before is that object;
// objects that differ, or are equal only by content, are not shared; a site whose objects do
// not recur stops looking; inside ObjectChunks::place, an object dropped for a shared one gives
// its bytes back.
#include <doctest/doctest.h>

#include <string>

#include "tests/unit/leak_check.h"
#include "vm/interp/recurring_objects.h"
#include "vm/value/equality.h"
#include "vm/value/object_chunks.h"
#include "vm/value/record.h"

using namespace journey;
using journey::interp::RecurringObjects;
using journey::interp::SharingSite;

namespace {

const RecordLayout& consentsLayout() {
  static const RecordLayout layout("Consents", {"email", "sms", "push"});
  return layout;
}

Value consents(bool email, bool sms, bool push) {
  RecordBuilder b(consentsLayout());
  b.set(0, Value::boolean(email)).set(1, Value::boolean(sms)).set(2, Value::boolean(push));
  return b.build();
}

Value consentsWithoutPush(bool email, bool sms) {
  RecordBuilder b(consentsLayout());
  b.set(0, Value::boolean(email)).set(1, Value::boolean(sms));
  return b.build();
}

}  // namespace

TEST_SUITE_BEGIN("interp");

TEST_CASE("recurring records: the same bits give the record met before") {
  LeakCheck leaks;
  RecurringObjects records;
  SharingSite site;
  Value a = records.get(consents(true, false, true), &site);
  Value b = records.get(consents(true, false, true), &site);
  CHECK(a.heapObject() == b.heapObject());
  Value c = records.get(consents(true, true, true), &site);
  CHECK(c.heapObject() != a.heapObject());
  CHECK(c.asRecord().field(1).asBool());
  // Presence counts: a field absent is not a field false.
  Value d = records.get(consentsWithoutPush(true, false), &site);
  CHECK(d.heapObject() != a.heapObject());
  CHECK_FALSE(d.asRecord().has(2));
  // No site: nothing shared.
  Value e = records.get(consents(true, false, true), nullptr);
  CHECK(e.heapObject() != a.heapObject());
  CHECK(equals(e, a));
}

TEST_CASE("recurring records: heap fields are shared only when they are the same object") {
  LeakCheck leaks;
  RecordLayout layout("Loyalty", {"tier", "points"});
  auto loyalty = [&](Value tier, int64_t points) {
    RecordBuilder b(layout);
    b.set(0, std::move(tier)).set(1, Value::integer(points));
    return b.build();
  };
  RecurringObjects records;
  SharingSite site;
  Value gold = Value::string("gold, a tier shared by the strings' table");
  Value a = records.get(loyalty(gold, 10), &site);
  Value b = records.get(loyalty(gold, 10), &site);
  CHECK(a.heapObject() == b.heapObject());
  Value c = records.get(loyalty(Value::string("gold, a tier shared by the strings' table"), 10),
                        &site);
  CHECK(c.heapObject() != a.heapObject());  // equal, but another string object
  CHECK(equals(c, a));
}

TEST_CASE("recurring objects: lists of the same elements are one list") {
  LeakCheck leaks;
  RecurringObjects objects;
  SharingSite site;
  Value vip = Value::string("vip"), news = Value::string("newsletter");
  Value a = objects.get(Value::list({vip, news}), &site);
  Value b = objects.get(Value::list({vip, news}), &site);
  CHECK(a.heapObject() == b.heapObject());
  Value shorter = objects.get(Value::list({vip}), &site);
  CHECK(shorter.heapObject() != a.heapObject());
  CHECK(shorter.asList().size() == 1);
  Value reordered = objects.get(Value::list({news, vip}), &site);
  CHECK(reordered.heapObject() != a.heapObject());
  CHECK(reordered.asList()[0].asString() == "newsletter");
  CHECK(objects.get(Value::list({}), &site).asList().empty());  // empty: no object to share
}

TEST_CASE("recurring records: a site whose records do not recur stops looking") {
  LeakCheck leaks;
  RecordLayout layout("Counter", {"n"});
  RecurringObjects records;
  SharingSite counters;
  for (int64_t i = 0; i < 5000; ++i) {
    RecordBuilder b(layout);
    b.set(0, Value::integer(i));
    CHECK(records.get(b.build(), &counters).asRecord().field(0).asInt() == i);
  }
  CHECK(counters.off);
  SharingSite flags;
  for (int i = 0; i < 5000; ++i) records.get(consents(i % 2 == 0, i % 3 == 0, true), &flags);
  CHECK_FALSE(flags.off);
}

TEST_CASE("recurring records: a record dropped for a shared one gives its chunk bytes back") {
  LeakCheck leaks;
  RecurringObjects records;
  SharingSite site;
  ObjectChunks chunks;
  Value first = chunks.place([&] { return records.get(consents(false, false, true), &site); });
  chunks.place([&] { return records.get(consents(false, false, true), &site); });
  const uint32_t sharedSpan = chunks.lastSpan();
  Value again = chunks.place([&] { return records.get(consents(false, false, true), &site); });
  CHECK(again.heapObject() == first.heapObject());
  CHECK(sharedSpan == 0);  // nothing of it stayed in the chunk
  CHECK(packedBlockOf(first)->liveObjects.load() == 1 + 1);  // the record, the owner
}

TEST_SUITE_END();
