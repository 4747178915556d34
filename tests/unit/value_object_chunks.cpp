// Object chunks (vm/value/object_chunks.h): values built inside ObjectChunks::place read as
// the same values built on the heap, their objects lie one after another in a chunk, and a
// chunk is freed when its owner and the last of its objects are gone.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/unit/leak_check.h"
#include "vm/value/equality.h"
#include "vm/value/object_chunks.h"
#include "vm/value/packed_tree.h"
#include "vm/value/record.h"

using namespace journey;

namespace {

// A profile-like record: strings, a nested record, a list, a map and an optional, and one
// string made before (shared, as the converter's recurring strings are). Every string is longer
// than Value::kMaxInlineText, so that each is an object of its own.
struct Profile {
  RecordLayout inner{"Inner", {"tier", "points"}};
  RecordLayout outer{"Outer", {"id", "country", "inner", "tags", "scores", "maybe"}};
  Value shared = Value::string("shared by every profile");

  // The root first, as the JSON converter builds records.
  Value build(int n) const {
    RecordBuilder b(outer);
    RecordBuilder in(inner);
    in.set(0, Value::string("the tier number " + std::to_string(n))).set(1, Value::integer(n));
    std::vector<MapEntry> scores;
    for (int i = 0; i < 12; ++i) {
      scores.push_back({Value::string("the map's key " + std::to_string(i)), Value::integer(i * n)});
    }
    b.set(0, Value::string("the profile number " + std::to_string(n)))
        .set(1, shared)
        .set(2, in.build())
        .set(3, Value::list({Value::string("a tag, made long"), Value::string("é, and not ASCII")}))
        .set(4, Value::map(std::move(scores)))
        .set(5, Value::optional(Value::string("inside an optional")));
    return b.build();
  }
};

// Whether `v`'s object lies in [from, from + bytes).
bool within(const Value& v, const void* from, size_t bytes) {
  auto* at = reinterpret_cast<const char*>(v.heapObject());
  auto* start = static_cast<const char*>(from);
  return at && at >= start && at < start + bytes;
}

// Every object `v` holds apart from the shared string, root included.
std::vector<Value> objectsOf(const Value& profile) {
  RecordView r = profile.asRecord();
  std::vector<Value> out = {profile, r.field(0), r.field(2), r.field(2).asRecord().field(0),
                            r.field(3), r.field(3).asList()[0], r.field(3).asList()[1],
                            r.field(4), r.field(5), r.field(5).optionalValue()};
  for (const MapEntry& e : r.field(4).asMap().entries()) out.push_back(e.key);
  return out;
}

}  // namespace

TEST_SUITE("value") {

TEST_CASE("values built in chunks equal those built on the heap, objects side by side") {
  LeakCheck leaks;
  Profile p;
  ObjectChunks chunks;
  int64_t before = liveHeapObjectsOnThisThread();
  Value placed = chunks.place([&] { return p.build(7); });
  CHECK(liveHeapObjectsOnThisThread() == before + 1);  // the chunk, and nothing else
  CHECK(equals(placed, p.build(7)));

  const PackedBlock* chunk = packedBlockOf(placed);
  REQUIRE(chunk != nullptr);
  CHECK(chunk->bytes == ObjectChunks::kChunkBytes);
  // The root first, then what it holds, in one run of lines that lastSpan measures.
  uint32_t span = chunks.lastSpan();
  CHECK(span > 0);
  for (const Value& o : objectsOf(placed)) {
    CHECK(packedBlockOf(o) == chunk);
    CHECK(within(o, placed.heapObject(), span));
  }
  CHECK(placed.asRecord().field(1).heapObject() == p.shared.heapObject());  // made before
  CHECK(packedBlockOf(placed.asRecord().field(1)) == nullptr);
  CHECK_FALSE(placed.asRecord().field(3).asList()[1].isAsciiString());  // flags kept
  // The chunk counts each object and its owner.
  CHECK(chunk->liveObjects.load() == objectsOf(placed).size() + 1);
  // Already in one run of lines: packing leaves it where it is.
  CHECK(packTree(placed).heapObject() == placed.heapObject());
}

TEST_CASE("a chunk is freed when its owner and the last of its objects are gone") {
  LeakCheck leaks;
  Profile p;
  int64_t before = liveHeapObjectsOnThisThread();
  Value kept;
  {
    ObjectChunks chunks;
    kept = chunks.place([&] { return p.build(1); });
    Value gone = chunks.place([&] { return p.build(2); });
    CHECK(packedBlockOf(gone) == packedBlockOf(kept));
  }
  CHECK(liveHeapObjectsOnThisThread() == before + 1);  // kept holds its chunk
  Value tier = kept.asRecord().field(2);
  kept = Value();
  CHECK(tier.asRecord().field(0).asString() == "the tier number 1");
  CHECK(liveHeapObjectsOnThisThread() == before + 1);
  tier = Value();
  CHECK(liveHeapObjectsOnThisThread() == before);
}

TEST_CASE("objects freed while they are placed leave their chunk's count") {
  LeakCheck leaks;
  Profile p;
  ObjectChunks chunks;
  Value placed = chunks.place([&] {
    Value temporary = Value::string("a temporary, longer than a word");
    temporary = Value();
    Value error = Value::error("an error value, made and dropped");
    return p.build(3);
  });
  const PackedBlock* chunk = packedBlockOf(placed);
  REQUIRE(chunk != nullptr);
  CHECK(chunk->liveObjects.load() == objectsOf(placed).size() + 1);
  // An error can be what a placement gives; it lives in the chunk like any object.
  Value error = chunks.place([] { return Value::error("no such field"); });
  CHECK(error.errorMessage() == "no such field");
  CHECK(packedBlockOf(error) == chunk);
}

TEST_CASE("placements fill one chunk after another; objects larger than a chunk stay apart") {
  LeakCheck leaks;
  Profile p;
  ObjectChunks chunks;
  std::vector<Value> profiles;
  std::vector<const PackedBlock*> seen;
  int spread = 0;
  for (int n = 0; n < 400; ++n) {  // about 1.3 KB each: several 64 KiB chunks
    profiles.push_back(chunks.place([&] { return p.build(n); }));
    const PackedBlock* chunk = packedBlockOf(profiles.back());
    if (seen.empty() || seen.back() != chunk) seen.push_back(chunk);
    uint32_t span = chunks.lastSpan();
    if (span == 0) {
      ++spread;  // began in one chunk and ended in the next
      continue;
    }
    for (const Value& o : objectsOf(profiles.back())) {
      CHECK(within(o, profiles.back().heapObject(), span));
    }
  }
  CHECK(seen.size() >= 5);
  CHECK(spread <= static_cast<int>(seen.size()));
  for (int n = 0; n < 400; ++n) CHECK(equals(profiles[static_cast<size_t>(n)], p.build(n)));

  // A list of 10,000 elements takes 160 KB: the heap holds it, the chunk its strings.
  Value big = chunks.place([] {
    std::vector<Value> many;
    for (int i = 0; i < 10000; ++i) many.push_back(Value::string(std::to_string(i) + " items, in a list"));
    return Value::list(std::move(many));
  });
  CHECK(packedBlockOf(big) == nullptr);
  CHECK(packedBlockOf(big.asList()[9999]) != nullptr);
  CHECK(big.asList()[9999].asString() == "9999 items, in a list");
}

}  // TEST_SUITE
