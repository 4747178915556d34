// The artifact's container, version 2 (docs/artifacts.md): a fixed header, a section table,
// then the sections' bytes. All fixed-width integers are little-endian.
//
//   offset  size  field
//        0     8  magic 89 4A 41 52 0D 0A 1A 0A ("\x89JAR\r\n\x1a\n")
//        8     4  format version
//       12     4  header size (96)
//       16     8  content size: the bytes after the header
//       24     8  checksum: CRC-64/XZ of every byte of the file except these 8
//       32     8  schema fingerprint
//       40    16  compiler version, ASCII, NUL-padded
//       56    32  target triple, ASCII, NUL-padded
//       88     4  section count
//       92     4  flags (0)
//       96  24×n  section table: id (4 ASCII), flags, offset (from the file's start), size
//
// The first 12 bytes mean the same in every version, so any reader can name a version it does
// not read. A later version may add sections; a reader skips a section it does not know unless
// the section's `required` flag says it cannot do without it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace journey::artifact {

inline constexpr std::string_view kMagic{"\x89JAR\r\n\x1a\n", 8};
// Version 2 stores each expression's input count, and only the inputs it reads (version 1:
// every input, read or not); this journey reads both.
inline constexpr uint32_t kFormatVersion = 2;

inline constexpr size_t kHeaderSize = 96;
inline constexpr size_t kChecksumOffset = 24;
inline constexpr size_t kCompilerVersionOffset = 40, kCompilerVersionSize = 16;
inline constexpr size_t kTargetTripleOffset = 56, kTargetTripleSize = 32;
inline constexpr size_t kSectionEntrySize = 24;

// Section flag: a reader that does not know the section must refuse the artifact.
inline constexpr uint32_t kSectionRequired = 1;

// The sections, in the order they are written.
inline constexpr std::string_view kSourcesSection = "SRCS";  // the source map's files
inline constexpr std::string_view kTypesSection = "TYPE";    // records and types
inline constexpr std::string_view kExprSection = "EXPR";     // overloads, constants, nodes, expressions
inline constexpr std::string_view kProgramSection = "PROG";  // declarations and journeys
// Optional (not `required`): a reader without a JIT skips it.
inline constexpr std::string_view kNativeSection = "NATV";   // the JIT's object code

}  // namespace journey::artifact
