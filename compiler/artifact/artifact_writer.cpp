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

std::string writeArtifact(const ir::ProgramIr& program, const std::vector<SourceFile>& sources) {
  ByteWriter types, exprs, decls;
  writeTypes(types, program.types);
  writeExpressions(exprs, program.pool, program.exprs);
  writeDeclarations(decls, program);
  std::pair<std::string_view, std::string> sections[] = {
      {kSourcesSection, sourcesSection(sources)},
      {kTypesSection, types.take()},
      {kExprSection, exprs.take()},
      {kProgramSection, decls.take()},
  };
  size_t count = std::size(sections);

  size_t tableEnd = kHeaderSize + count * kSectionEntrySize;
  size_t total = tableEnd;
  for (const auto& [id, bytes] : sections) total += bytes.size();

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
  for (const auto& [id, bytes] : sections) {
    out.raw(id);
    out.fixed32(kSectionRequired);
    out.fixed64(offset);
    out.fixed64(bytes.size());
    offset += bytes.size();
  }
  for (const auto& [id, bytes] : sections) out.raw(bytes);

  std::string_view all = out.bytes();
  uint64_t checksum = crc64(all.substr(kChecksumOffset + 8), crc64(all.substr(0, kChecksumOffset)));
  out.patchFixed64(kChecksumOffset, checksum);
  return out.take();
}

}  // namespace journey::artifact
