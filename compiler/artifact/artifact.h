// An artifact in memory: what `journey build` writes and `journey run`/`inspect` read — the
// header's facts, the section table, the source files the program came from, and the lowered
// program itself.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "compiler/ir/program_ir.h"

namespace journey::artifact {

struct SectionInfo {
  std::string id;  // four ASCII characters: `TYPE`
  uint32_t flags = 0;
  uint64_t offset = 0;
  uint64_t size = 0;
};

// One file of the program (the source map's file table): ranges in the program name files by
// their position here.
struct SourceFile {
  std::string path;  // as the build named it, which is how locations print it
  uint64_t size = 0;
  uint64_t checksum = 0;  // CRC-64 of the text, to tell which version of the file was built
};

// The program's code compiled ahead of time by the JIT (`journey build --native`): an object
// file for `target` built by LLVM `llvmVersion`, from the IR whose code key is `key`
// (docs/jit.md). Only the JIT reads it, and only when all three match.
struct NativeSection {
  std::string target;
  std::string llvmVersion;
  std::string key;
  std::string object;
};

struct Artifact {
  uint32_t formatVersion = 0;
  std::string compilerVersion;
  std::string targetTriple;
  uint64_t checksum = 0;
  uint64_t schemaFingerprint = 0;
  uint64_t totalSize = 0;
  std::vector<SectionInfo> sections;
  std::vector<SourceFile> sources;
  ir::ProgramIr program;
  std::optional<NativeSection> native;
  // Sections skipped because this journey does not know them, one line each.
  std::vector<std::string> notes;
};

}  // namespace journey::artifact
