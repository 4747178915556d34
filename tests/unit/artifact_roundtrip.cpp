// Artifacts hold the whole lowered program: every example and scenario, written and read
// back, prints the same IR and bytecode and writes the same bytes again; the primitives
// (CRC, varints, constants) round-trip on their own.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "artifact_support.h"
#include "compiler/artifact/artifact_error.h"
#include "compiler/artifact/artifact_format.h"
#include "compiler/artifact/artifact_reader.h"
#include "compiler/artifact/byte_reader.h"
#include "compiler/artifact/byte_writer.h"
#include "compiler/artifact/crc64.h"
#include "compiler/artifact/schema_fingerprint.h"
#include "compiler/artifact/value_codec.h"
#include "compiler/codegen/bytecode_compiler.h"
#include "compiler/codegen/bytecode_disasm.h"
#include "compiler/ir/ir_printer.h"
#include "compiler/ir/program_printer.h"
#include "vm/value/printer.h"

using namespace journey;
using journey::test::fixChecksum;
using journey::test::getFixed;
using journey::test::putFixed;

namespace {

std::string printIr(const ir::ProgramIr& p) {
  return ir::printProgram(p, [&](ir::ExprIndex e) { return ir::printExpr(p.pool, p.exprs[e], &p.layouts); });
}

std::string printBytecode(const ir::ProgramIr& p) {
  return ir::printProgram(p, [&](ir::ExprIndex e) {
    return codegen::disassemble(codegen::compileExpr(p.pool, p.exprs[e], p.layouts));
  });
}

std::string printTypes(const sema::TypeTable& t) {
  std::string out;
  for (sema::TypeId id = 0; id < t.size(); ++id) out += t.print(id) + "\n";
  for (sema::RecordId r = 0; r < t.recordCount(); ++r) {
    const sema::RecordInfo& info = t.recordInfo(r);
    out += info.name + std::to_string(static_cast<int>(info.origin)) + ":";
    for (const sema::RecordField& f : info.fields) {
      out += " " + f.name + "/" + std::to_string(f.type) + (f.optional ? "?" : "") + (f.hasDefault ? "=" : "");
    }
    out += "\n";
  }
  return out;
}

// The artifact with one more section at its end (a later version's, say).
std::string withExtraSection(std::string bytes, std::string_view id, uint32_t flags, std::string_view body) {
  size_t count = getFixed(bytes, 88, 4);
  size_t tableEnd = artifact::kHeaderSize + count * artifact::kSectionEntrySize;
  for (size_t i = 0; i < count; ++i) {  // every section moves down by one table entry
    size_t entry = artifact::kHeaderSize + i * artifact::kSectionEntrySize;
    putFixed(bytes, entry + 8, getFixed(bytes, entry + 8, 8) + artifact::kSectionEntrySize, 8);
  }
  std::string entry(artifact::kSectionEntrySize, '\0');
  entry.replace(0, 4, id);
  putFixed(entry, 4, flags, 4);
  putFixed(entry, 8, bytes.size() + artifact::kSectionEntrySize, 8);
  putFixed(entry, 16, body.size(), 8);
  bytes.insert(tableEnd, entry);
  bytes += body;
  putFixed(bytes, 88, count + 1, 4);
  putFixed(bytes, 16, bytes.size() - artifact::kHeaderSize, 8);
  fixChecksum(bytes);
  return bytes;
}

Value roundTrip(const Value& v) {
  artifact::ByteWriter out;
  artifact::writeValue(out, v);
  artifact::ByteReader in(out.bytes(), "test");
  Value back = artifact::readValue(in);
  CHECK(in.atEnd());
  return back;
}

}  // namespace

TEST_SUITE_BEGIN("artifact");

TEST_CASE("CRC-64/XZ gives the standard check value") {
  CHECK(artifact::crc64("123456789") == 0x995DC9BBDF1939FAull);
  CHECK(artifact::crc64("6789", artifact::crc64("12345")) == artifact::crc64("123456789"));
  CHECK(artifact::crc64("") == 0);
}

TEST_CASE("varints round-trip and refuse overflow and truncation") {
  artifact::ByteWriter out;
  for (uint64_t v : {uint64_t{0}, uint64_t{127}, uint64_t{128}, uint64_t{UINT32_MAX}, UINT64_MAX}) out.varint(v);
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{63}, int64_t{-64}, INT64_MIN, INT64_MAX}) out.signedVarint(v);
  artifact::ByteReader in(out.bytes(), "test");
  for (uint64_t v : {uint64_t{0}, uint64_t{127}, uint64_t{128}, uint64_t{UINT32_MAX}, UINT64_MAX}) CHECK(in.varint() == v);
  for (int64_t v : {int64_t{0}, int64_t{-1}, int64_t{63}, int64_t{-64}, INT64_MIN, INT64_MAX}) CHECK(in.signedVarint() == v);
  CHECK(in.atEnd());
  CHECK_THROWS_AS(in.u8(), artifact::ArtifactError);

  std::string overlong(11, '\xff');
  artifact::ByteReader tooLong(overlong, "test");
  CHECK_THROWS_AS(tooLong.varint(), artifact::ArtifactError);
  std::string bigCount = "\x05" "ab";
  artifact::ByteReader counted(bigCount, "test");
  CHECK_THROWS_WITH_AS(counted.count(), "test: a count of 5 exceeds the 2 bytes left (at byte 1)",
                       artifact::ArtifactError);
}

TEST_CASE("constants of every kind round-trip") {
  std::vector<Value> values = {
      Value::null(), Value::boolean(true), Value::integer(-42), Value::uinteger(UINT64_MAX),
      Value::dbl(-0.0), Value::dbl(std::numeric_limits<double>::infinity()), Value::string("héllo"),
      Value::bytes(std::string_view("\x00\xff", 2)), Value::timestamp(1'700'000'000, 5),
      Value::duration(-90, -5), Value::list({Value::integer(1), Value::string("x")}),
      Value::map({{Value::string("a"), Value::integer(1)}, {Value::integer(2), Value::list({})}}),
      Value::optional(Value::integer(3)), Value::optionalNone(), Value::type(TypeTag::Int),
      Value::type("Purchase"), Value::error("boom"),
  };
  for (const Value& v : values) {
    CAPTURE(toCelLiteral(v));
    CHECK(toCelLiteral(roundTrip(v)) == toCelLiteral(v));
    CHECK(roundTrip(v).kind() == v.kind());
  }
  Value nan = roundTrip(Value::dbl(std::nan("7")));
  CHECK(std::isnan(nan.asDouble()));
}

TEST_CASE("every example and scenario round-trips through an artifact") {
  const std::vector<test::BuiltProgram>& programs = test::builtPrograms();
  REQUIRE(programs.size() > 50);
  for (const test::BuiltProgram& b : programs) {
    CAPTURE(b.name);
    artifact::Artifact a = artifact::readArtifact(b.bytes);
    CHECK(printIr(a.program) == printIr(b.program));
    CHECK(printBytecode(a.program) == printBytecode(b.program));
    CHECK(printTypes(a.program.types) == printTypes(b.program.types));
    CHECK(a.program.profileRecord == b.program.profileRecord);
    CHECK(a.program.fieldDefaults == b.program.fieldDefaults);
    CHECK(a.schemaFingerprint == artifact::schemaFingerprint(b.program.types, b.program.profileType));
    // Writing the decoded program gives the same bytes: nothing was lost or changed.
    CHECK(artifact::writeArtifact(a.program, a.sources) == b.bytes);
  }
}

TEST_CASE("a section this journey does not know is skipped with a note, unless required") {
  const test::BuiltProgram& shop = test::builtPrograms().front();
  artifact::Artifact a = artifact::readArtifact(withExtraSection(shop.bytes, "XTRA", 0, "later data"));
  REQUIRE(a.notes.size() == 1);
  CHECK(a.notes[0] == "skipping section XTRA (10 bytes), unknown to this journey");
  CHECK(printIr(a.program) == printIr(shop.program));
  CHECK_THROWS_WITH_AS(artifact::readArtifact(withExtraSection(shop.bytes, "NEWS", artifact::kSectionRequired, "")),
                       "section NEWS is required but unknown to this journey (built by journey 0.1.0)",
                       artifact::ArtifactError);
  CHECK_THROWS_WITH_AS(artifact::readArtifact(withExtraSection(shop.bytes, "TYPE", 0, "")),
                       "section TYPE appears twice", artifact::ArtifactError);
}

TEST_CASE("the native section round-trips, and a malformed one is refused") {
  const test::BuiltProgram& shop = test::builtPrograms().front();
  artifact::NativeSection native{"x86_64-pc-linux-gnu generic", "19.1.7", "0123456789abcdef k",
                                 std::string("\x7f" "ELF\0\1", 6)};
  artifact::Artifact plain = artifact::readArtifact(shop.bytes);
  std::string bytes = artifact::writeArtifact(shop.program, plain.sources, &native);
  artifact::Artifact a = artifact::readArtifact(bytes);
  REQUIRE(a.native);
  CHECK(a.native->target == native.target);
  CHECK(a.native->llvmVersion == native.llvmVersion);
  CHECK(a.native->key == native.key);
  CHECK(a.native->object == native.object);
  CHECK(a.notes.empty());
  CHECK_FALSE(plain.native);
  CHECK_THROWS_WITH_AS(artifact::readArtifact(withExtraSection(shop.bytes, "NATV", 0, "object code")),
                       "section NATV: a count of 111 exceeds the 10 bytes left (at byte 1)",
                       artifact::ArtifactError);
}

TEST_CASE("an overload this journey lacks is named") {
  std::string bytes = test::builtPrograms().front().bytes;
  size_t at = bytes.find("\x06" "equals");
  REQUIRE(at != std::string::npos);
  bytes.replace(at + 1, 6, "equalz");
  fixChecksum(bytes);
  std::string message;
  try {
    artifact::readArtifact(bytes);
  } catch (const artifact::ArtifactError& e) {
    message = e.what();
  }
  CHECK(message.starts_with("section EXPR: the program calls the overload `equalz`, which this journey does not have"));
}

TEST_CASE("the schema fingerprint ignores names and field order") {
  sema::TypeTable a, b;
  sema::RecordInfo ra{"Profile", sema::RecordOrigin::Schema, {{"id", a.string(), false, false, {}}, {"age", a.int64(), true, false, {}}}, {}};
  sema::RecordInfo rb{"Customer", sema::RecordOrigin::Schema, {{"age", b.int64(), true, false, {}}, {"id", b.string(), false, false, {}}}, {}};
  sema::TypeId pa = a.record(a.addRecord(ra)), pb = b.record(b.addRecord(rb));
  CHECK(artifact::canonicalSchema(a, pa) == "{age:int?,id:string}");
  CHECK(artifact::schemaFingerprint(a, pa) == artifact::schemaFingerprint(b, pb));
  b.recordInfo(0).fields[0].optional = false;
  CHECK(artifact::schemaFingerprint(a, pa) != artifact::schemaFingerprint(b, pb));
}

TEST_SUITE_END();

TEST_CASE("header flags a reader does not know are refused, and an empty file is named") {
  std::string bytes = test::builtPrograms().front().bytes;
  bytes[92] = 1;  // the header's flags (docs/artifacts.md): reserved, 0
  fixChecksum(bytes);
  CHECK_THROWS_WITH_AS(artifact::readArtifact(bytes),
                       "header flags 0x1 unknown to this journey (corrupt header, or a newer format)",
                       artifact::ArtifactError);
  CHECK_THROWS_WITH_AS(artifact::readArtifact(""), "an empty file, not a journey artifact",
                       artifact::ArtifactError);
  CHECK_THROWS_WITH_AS(artifact::readArtifact(bytes.substr(0, 5)),
                       "truncated: 5 bytes, shorter than the 96-byte header",
                       artifact::ArtifactError);
}
