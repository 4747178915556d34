#include "compiler/artifact/artifact_writer.h"

#include <utility>

#include "compiler/artifact/artifact_format.h"
#include "compiler/artifact/build_info.h"
#include "compiler/artifact/byte_writer.h"
#include "compiler/artifact/crc64.h"
#include "compiler/artifact/expr_codec.h"
#include "compiler/artifact/program_codec.h"
#include "compiler/artifact/schema_fingerprint.h"
#include "compiler/artifact/type_codec.h"

namespace journey::artifact {

namespace {

void padded(ByteWriter& out, std::string_view text, size_t size) {
  std::string field(text.substr(0, size));
  field.resize(size, '\0');
  out.raw(field);
}

std::string sourcesSection(const std::vector<SourceFile>& sources) {
  ByteWriter out;
  out.varint(sources.size());
  for (const SourceFile& f : sources) {
    out.text(f.path);
    out.varint(f.size);
    out.fixed64(f.checksum);
  }
  return out.take();
}

}  // namespace

std::vector<SourceFile> sourceFiles(const SourceManager& sources) {
  std::vector<SourceFile> files;
  for (FileId f = 0; f < sources.size(); ++f) {
    files.push_back({sources.path(f), sources.text(f).size(), crc64(sources.text(f))});
  }
  return files;
}

std::string nativeSection(const NativeSection& native) {
  ByteWriter out;
  out.text(native.target);
  out.text(native.llvmVersion);
  out.text(native.key);
  out.text(native.object);
  return out.take();
}

std::string writeArtifact(const ir::ProgramIr& program, const std::vector<SourceFile>& sources,
                          const NativeSection* native) {
  ByteWriter types, exprs, decls;
  writeTypes(types, program.types);
  writeExpressions(exprs, program.pool, program.exprs);
  writeDeclarations(decls, program);
  struct Section {
    std::string_view id;
    std::string bytes;
    uint32_t flags;
  };
  std::vector<Section> sections = {
      {kSourcesSection, sourcesSection(sources), kSectionRequired},
      {kTypesSection, types.take(), kSectionRequired},
      {kExprSection, exprs.take(), kSectionRequired},
      {kProgramSection, decls.take(), kSectionRequired},
  };
  if (native) sections.push_back({kNativeSection, nativeSection(*native), 0});
  size_t count = sections.size();

  size_t tableEnd = kHeaderSize + count * kSectionEntrySize;
  size_t total = tableEnd;
  for (const Section& section : sections) total += section.bytes.size();

  ByteWriter out;
  out.raw(kMagic);
  out.fixed32(kFormatVersion);
  out.fixed32(static_cast<uint32_t>(kHeaderSize));
  out.fixed64(total - kHeaderSize);
  out.fixed64(0);  // the checksum, patched below
  out.fixed64(schemaFingerprint(program.types, program.profileType));
  padded(out, compilerVersion(), kCompilerVersionSize);
  padded(out, hostTargetTriple(), kTargetTripleSize);
  out.fixed32(static_cast<uint32_t>(count));
  out.fixed32(0);
  size_t offset = tableEnd;
  for (const Section& section : sections) {
    out.raw(section.id);
    out.fixed32(section.flags);
    out.fixed64(offset);
    out.fixed64(section.bytes.size());
    offset += section.bytes.size();
  }
  for (const Section& section : sections) out.raw(section.bytes);

  std::string_view all = out.bytes();
  uint64_t checksum = crc64(all.substr(kChecksumOffset + 8), crc64(all.substr(0, kChecksumOffset)));
  out.patchFixed64(kChecksumOffset, checksum);
  return out.take();
}

}  // namespace journey::artifact
