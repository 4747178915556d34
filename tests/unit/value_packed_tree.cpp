// Packed trees (vm/value/packed_tree.h): a value copied into one block reads the same, keeps
// shared objects shared, and frees its block only when the last of its objects goes.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/unit/leak_check.h"
#include "vm/value/equality.h"
#include "vm/value/packed_tree.h"
#include "vm/value/record.h"

using namespace journey;

namespace {

// Whether `v`'s object lies inside `block`.
bool inside(const Value& v, const PackedBlock* block) {
  auto* at = reinterpret_cast<const char*>(v.heapObject());
  auto* start = reinterpret_cast<const char*>(block);
  return at && at > start && at < start + block->bytes;
}

// A profile-like record: strings (one short enough to be inline, the others objects of their
// own), a nested record, a list, a large map and an optional.
struct Sample {
  RecordLayout inner{"Inner", {"tier", "points"}};
  RecordLayout outer{"Outer", {"id", "country", "inner", "tags", "scores", "maybe", "absent"}};
  Value shared = Value::string("shared by every profile");

  Value build() const {
    RecordBuilder in(inner);
    in.set(0, Value::string("gold tier, longer than a word")).set(1, Value::integer(42));
    std::vector<MapEntry> scores;
    for (int i = 0; i < 20; ++i) {  // past the linear limit: the map has an index
      scores.push_back({Value::string("the map's key " + std::to_string(i)), Value::integer(i * i)});
    }
    RecordBuilder b(outer);
    b.set(0, Value::string("the profile p12345"))
        .set(1, shared)
        .set(2, in.build())
        .set(3, Value::list({Value::string("a"), Value::string("é, and not ASCII")}))
        .set(4, Value::map(std::move(scores)))
        .set(5, Value::optional(Value::string("inside an optional")));
    return b.build();
  }
};

}  // namespace

TEST_SUITE("value") {

TEST_CASE("a packed tree equals its original and holds its unshared objects in one block") {
  LeakCheck leaks;
  Sample s;
  Value original = s.build();
  Value packed = packTree(original);
  const PackedBlock* block = packedBlockOf(packed);
  REQUIRE(block != nullptr);
  CHECK(packedBlockOf(original) == nullptr);
  CHECK(equals(packed, original));
  CHECK(packed.heapObject() != original.heapObject());

  RecordView r = packed.asRecord();
  CHECK(&r.layout() == &s.outer);
  CHECK(r.has(5));
  CHECK_FALSE(r.has(6));
  for (size_t f : {0, 2, 3, 4, 5}) CHECK(inside(r.field(f), block));
  // The root first, right after the block's header.
  CHECK(reinterpret_cast<const char*>(packed.heapObject()) ==
        reinterpret_cast<const char*>(block) + sizeof(PackedBlock));
  // Shared when packed: referred to, not copied.
  CHECK(r.field(1).heapObject() == s.shared.heapObject());
  CHECK_FALSE(inside(r.field(1), block));

  // What the children hold is copied too, text flags included.
  const Value& list = r.field(3);
  CHECK(inside(list.asList()[1], block));
  CHECK(list.asList()[1].asString() == "é, and not ASCII");
  CHECK_FALSE(list.asList()[1].isAsciiString());
  CHECK(list.asList()[0].isAsciiString());
  CHECK(list.asList()[0].heapObject() == nullptr);  // short enough to be inline: no object
  CHECK(list.asList()[0].asString() == "a");
  CHECK(inside(r.field(5).optionalValue(), block));
  CHECK(inside(r.field(2).asRecord().field(0), block));
  // The map's index still finds every key.
  MapView scores = r.field(4).asMap();
  for (int i = 0; i < 20; ++i) {
    const Value* v = scores.find(Value::string("the map's key " + std::to_string(i)));
    REQUIRE(v != nullptr);
    CHECK(v->asInt() == i * i);
  }
  CHECK(scores.find(Value::string("the map's key 20")) == nullptr);
  // Every object is in the block: root, the id, the nested record and its string, the list and
  // its long string, the map and its 20 keys, the optional and its string.
  CHECK(block->liveObjects.load() == 1 + 1 + 2 + 1 + 1 + 1 + 20 + 2);
}

TEST_CASE("objects of a packed tree outlive its root, and the last one frees the block") {
  LeakCheck leaks;
  Sample s;
  int64_t before = liveHeapObjectsOnThisThread();
  Value packed = packTree(s.build());
  CHECK(liveHeapObjectsOnThisThread() == before + 1);  // one allocation for the whole tree
  Value inner = packed.asRecord().field(2);
  Value tag = packed.asRecord().field(3).asList()[1];
  const PackedBlock* block = packedBlockOf(inner);
  uint32_t live = block->liveObjects.load();
  packed = Value();  // the root and everything only it held are destroyed, not freed
  CHECK(block->liveObjects.load() == 3);  // inner, its string, the tag
  CHECK(live > 3);
  CHECK(inner.asRecord().field(0).asString() == "gold tier, longer than a word");
  CHECK(tag.asString() == "é, and not ASCII");
  inner = Value();
  CHECK(liveHeapObjectsOnThisThread() == before + 1);
  tag = Value();
  CHECK(liveHeapObjectsOnThisThread() == before);
}

TEST_CASE("a unique packed root changes in place and keeps its other objects") {
  LeakCheck leaks;
  Sample s;
  Value packed = packTree(s.build());
  const HeapObject* root = packed.heapObject();
  const PackedBlock* block = packedBlockOf(packed);
  uint32_t live = block->liveObjects.load();
  packed = withField(std::move(packed), 0, Value::string("p99999, set later"));
  CHECK(packed.heapObject() == root);               // changed in place
  CHECK(block->liveObjects.load() == live - 1);     // the replaced id is destroyed
  CHECK(packed.asRecord().field(0).asString() == "p99999, set later");
  CHECK_FALSE(inside(packed.asRecord().field(0), block));
  CHECK(inside(packed.asRecord().field(2), block));
  // A second reference makes the change a copy; the block stays with the first.
  Value other = packed;
  Value changed = withField(other, 1, Value::integer(1));
  CHECK(changed.heapObject() != root);
  CHECK(packed.asRecord().field(1).heapObject() == s.shared.heapObject());
  CHECK(changed.asRecord().field(2).heapObject() == packed.asRecord().field(2).heapObject());
}

TEST_CASE("values without heap objects, trees too large for a block and packed ones are left") {
  LeakCheck leaks;
  Value n = packTree(Value::integer(7));
  CHECK(n.asInt() == 7);
  CHECK(packedBlockOf(n) == nullptr);
  CHECK(packedBlockOf(packTree(Value::string(""))) == nullptr);

  std::vector<Value> many;
  for (int i = 0; i < 20000; ++i) many.push_back(Value::string(std::to_string(i) + " a string"));
  Value big = Value::list(std::move(many));  // about 900 KB: past the block's 512 KiB
  Value same = packTree(big);
  CHECK(same.heapObject() == big.heapObject());
  CHECK(packedBlockOf(same) == nullptr);

  // A packed tree stays in its block.
  Sample s;
  Value once = packTree(s.build());
  Value twice = packTree(once);
  CHECK(twice.heapObject() == once.heapObject());
  CHECK(equals(once, twice));
}

}  // TEST_SUITE
