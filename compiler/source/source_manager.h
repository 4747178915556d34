// Source files of one compilation and the mapping from byte offsets to lines and columns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace journey {

using FileId = uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

// A half-open byte range [begin, end) in one source file.
struct SourceRange {
  FileId file = kNoFile;
  uint32_t begin = 0;
  uint32_t end = 0;

  bool valid() const { return file != kNoFile; }
  bool operator==(const SourceRange&) const = default;
  // The smallest range covering both.
  static SourceRange cover(SourceRange a, SourceRange b);
};

struct LineCol {
  uint32_t line = 1;    // 1-based
  uint32_t column = 1;  // 1-based, counted in Unicode code points
};

class SourceManager {
 public:
  FileId add(std::string path, std::string text);

  const std::string& path(FileId f) const { return files_[f].path; }
  const std::string& text(FileId f) const { return files_[f].text; }
  size_t size() const { return files_.size(); }

  LineCol lineCol(FileId f, uint32_t offset) const;
  // The text of a 1-based line, without its line terminator.
  std::string_view lineText(FileId f, uint32_t line) const;
  // The length of that text in code points.
  uint32_t lineLength(FileId f, uint32_t line) const;
  // The text a range covers.
  std::string_view slice(SourceRange r) const;
  // "file:line:col" of the range's start.
  std::string location(SourceRange r) const;

 private:
  // Code points are counted from a checkpoint every this many bytes, so that the columns of a
  // long line (a generated file's) cost no more each than those of a short one.
  static constexpr uint32_t kCheckpointBytes = 1024;
  struct File {
    std::string path;
    std::string text;
    std::vector<uint32_t> lineStarts;
    std::vector<uint32_t> codePointsBefore;  // before byte i * kCheckpointBytes
  };
  // Code points of `file`'s text before `offset`.
  static uint32_t codePointsTo(const File& file, uint32_t offset);
  std::vector<File> files_;
};

// Number of Unicode code points in a UTF-8 string (invalid bytes count one each).
uint32_t codePointCount(std::string_view utf8);

}  // namespace journey
