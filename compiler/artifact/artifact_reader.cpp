#include "compiler/artifact/artifact_reader.h"

#include <fmt/format.h>

#include <map>

#include "compiler/artifact/artifact_error.h"
#include "compiler/artifact/artifact_format.h"
#include "compiler/artifact/byte_reader.h"
#include "compiler/artifact/crc64.h"
#include "compiler/artifact/expr_codec.h"
#include "compiler/artifact/program_codec.h"
#include "compiler/artifact/program_validator.h"
#include "compiler/artifact/schema_fingerprint.h"
#include "compiler/artifact/type_codec.h"

namespace journey::artifact {

namespace {

[[noreturn]] void fail(const std::string& message) { throw ArtifactError(message); }

std::string unpadded(std::string_view field) { return std::string(field.substr(0, field.find('\0'))); }

bool printable(std::string_view id) {
  for (char c : id) {
    if (c < 0x21 || c > 0x7E) return false;
  }
  return true;
}

// Magic, version and length: what must hold before anything else can be read. Returns the
// version.
uint32_t checkFrame(std::string_view bytes, ByteReader& header) {
  if (bytes.substr(0, kMagic.size()) != kMagic.substr(0, std::min(bytes.size(), kMagic.size()))) {
    fail("not a journey artifact (wrong magic number)");
  }
  if (bytes.empty()) fail("an empty file, not a journey artifact");
  if (bytes.size() < 12) {
    fail(fmt::format("truncated: {} bytes, shorter than the {}-byte header", bytes.size(),
                     kHeaderSize));
  }
  header.raw(kMagic.size());
  uint32_t version = header.fixed32();
  if (version > kFormatVersion) {
    fail(fmt::format("format version {} is newer than this journey reads (up to {}); use the journey that built it or rebuild from the sources",
                     version, kFormatVersion));
  }
  if (version == 0) fail("format version 0 does not exist (corrupt header)");
  if (bytes.size() < kHeaderSize) {
    fail(fmt::format("truncated: {} bytes, shorter than the {}-byte header", bytes.size(), kHeaderSize));
  }
  uint32_t headerSize = header.fixed32();
  if (headerSize != kHeaderSize) fail(fmt::format("corrupt header (header size {})", headerSize));
  uint64_t content = header.fixed64();
  uint64_t expected = kHeaderSize + content;
  if (content > UINT64_MAX - kHeaderSize || bytes.size() < expected) {
    fail(fmt::format("truncated: {} bytes, the header announces {}", bytes.size(),
                     content > UINT64_MAX - kHeaderSize ? std::string("more") : std::to_string(expected)));
  }
  if (bytes.size() > expected) {
    uint64_t extra = bytes.size() - expected;
    fail(fmt::format("{} unexpected byte{} after the artifact's end", extra, extra == 1 ? "" : "s"));
  }
  return version;
}

std::vector<SourceFile> readSources(ByteReader& in) {
  std::vector<SourceFile> files(in.count());
  for (SourceFile& f : files) {
    f.path = in.text();
    f.size = in.varint();
    f.checksum = in.fixed64();
  }
  return files;
}

}  // namespace

uint64_t artifactChecksum(std::string_view bytes) {
  if (bytes.size() < kChecksumOffset + 8) return 0;
  return crc64(bytes.substr(kChecksumOffset + 8), crc64(bytes.substr(0, kChecksumOffset)));
}

Artifact readArtifact(std::string_view bytes) {
  ByteReader header(bytes, "header");
  Artifact a;
  a.formatVersion = checkFrame(bytes, header);
  a.totalSize = bytes.size();
  a.checksum = header.fixed64();
  uint64_t actual = artifactChecksum(bytes);
  if (actual != a.checksum) {
    fail(fmt::format("checksum mismatch (stored {:016x}, computed {:016x}): the file is damaged",
                     a.checksum, actual));
  }
  a.schemaFingerprint = header.fixed64();
  a.compilerVersion = unpadded(header.raw(kCompilerVersionSize));
  a.targetTriple = unpadded(header.raw(kTargetTripleSize));
  uint32_t count = header.fixed32();
  // Reserved for meanings a reader must understand: one it does not know is refused.
  if (uint32_t flags = header.fixed32(); flags != 0) {
    fail(fmt::format(
        "header flags {:#x} unknown to this journey (corrupt header, or a newer format)", flags));
  }

  // The section table, then each section where the table says.
  if (count > (bytes.size() - kHeaderSize) / kSectionEntrySize) fail(fmt::format("corrupt section table ({} sections)", count));
  std::map<std::string, std::string_view> known;
  for (uint32_t i = 0; i < count; ++i) {
    SectionInfo s;
    s.id = std::string(header.raw(4));
    s.flags = header.fixed32();
    s.offset = header.fixed64();
    s.size = header.fixed64();
    if (!printable(s.id)) fail(fmt::format("corrupt section table (entry {})", i));
    if (s.offset > bytes.size() || s.size > bytes.size() - s.offset) {
      fail(fmt::format("section {} lies outside the file", s.id));
    }
    std::string_view body = bytes.substr(s.offset, s.size);
    bool ours = s.id == kSourcesSection || s.id == kTypesSection || s.id == kExprSection ||
                s.id == kProgramSection || s.id == kNativeSection;
    if (!ours && (s.flags & kSectionRequired)) {
      fail(fmt::format("section {} is required but unknown to this journey (built by journey {})",
                       s.id, a.compilerVersion));
    }
    if (!ours) a.notes.push_back(fmt::format("skipping section {} ({} bytes), unknown to this journey", s.id, s.size));
    if (ours && !known.emplace(s.id, body).second) fail(fmt::format("section {} appears twice", s.id));
    a.sections.push_back(std::move(s));
  }
  auto section = [&](std::string_view id) {
    auto it = known.find(std::string(id));
    if (it == known.end()) fail(fmt::format("section {} is missing", id));
    return ByteReader(it->second, fmt::format("section {}", id));
  };

  ByteReader sources = section(kSourcesSection);
  a.sources = readSources(sources);
  sources.expectEnd();
  ByteReader types = section(kTypesSection);
  a.program.types = readTypes(types);
  types.expectEnd();
  a.program.layouts = ir::RecordLayouts(a.program.types);
  ByteReader exprs = section(kExprSection);
  readExpressions(exprs, a.program.pool, a.program.exprs, a.formatVersion);
  exprs.expectEnd();
  ByteReader decls = section(kProgramSection);
  readDeclarations(decls, a.program);
  decls.expectEnd();
  if (known.count(std::string(kNativeSection))) {
    ByteReader native = section(kNativeSection);
    NativeSection n;
    n.target = native.text();
    n.llvmVersion = native.text();
    n.key = native.text();
    n.object = native.text();
    native.expectEnd();
    a.native = std::move(n);
  }
  validateProgram(a.program, a.sources.size());
  if (schemaFingerprint(a.program.types, a.program.profileType) != a.schemaFingerprint) {
    fail("the header's schema fingerprint is not the program's schema");
  }
  return a;
}

}  // namespace journey::artifact
