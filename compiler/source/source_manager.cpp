#include "compiler/source/source_manager.h"

#include <algorithm>

#include "vm/value/utf8_repair.h"

namespace journey {

SourceRange SourceRange::cover(SourceRange a, SourceRange b) {
  if (!a.valid()) return b;
  if (!b.valid() || a.file != b.file) return a;
  return {a.file, std::min(a.begin, b.begin), std::max(a.end, b.end)};
}

uint32_t codePointCount(std::string_view utf8) {
  uint32_t n = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) != 0x80) ++n;  // count every byte that is not a continuation byte
  }
  return n;
}

FileId SourceManager::add(std::string path, std::string text) {
  // A UTF-8 byte order mark that starts the file (the lexer skips it) is not part of line 1:
  // columns there count from after it, as an editor shows them.
  const uint32_t firstLine = std::string_view(text).starts_with("\xEF\xBB\xBF") ? 3 : 0;
  File f{std::move(path), std::move(text), {firstLine}, {}};
  uint32_t codePoints = 0;
  for (uint32_t i = 0; i < f.text.size(); ++i) {
    if (i % kCheckpointBytes == 0) f.codePointsBefore.push_back(codePoints);
    if (f.text[i] == '\n') f.lineStarts.push_back(i + 1);
    if ((static_cast<unsigned char>(f.text[i]) & 0xC0) != 0x80) ++codePoints;
  }
  f.codePointsBefore.push_back(codePoints);  // for an offset at the end of the text
  files_.push_back(std::move(f));
  return static_cast<FileId>(files_.size() - 1);
}

LineCol SourceManager::lineCol(FileId f, uint32_t offset) const {
  const File& file = files_[f];
  offset = std::clamp<uint32_t>(offset, file.lineStarts[0], static_cast<uint32_t>(file.text.size()));
  auto it = std::upper_bound(file.lineStarts.begin(), file.lineStarts.end(), offset);
  uint32_t line = static_cast<uint32_t>(it - file.lineStarts.begin());
  uint32_t start = file.lineStarts[line - 1];
  if (offset - start < kCheckpointBytes) {
    return {line, codePointCount(std::string_view(file.text.data() + start, offset - start)) + 1};
  }
  return {line, codePointsTo(file, offset) - codePointsTo(file, start) + 1};
}

uint32_t SourceManager::codePointsTo(const File& file, uint32_t offset) {
  uint32_t block = offset / kCheckpointBytes;
  uint32_t from = block * kCheckpointBytes;
  return file.codePointsBefore[block] +
         codePointCount(std::string_view(file.text.data() + from, offset - from));
}

std::string_view SourceManager::lineText(FileId f, uint32_t line) const {
  const File& file = files_[f];
  if (line == 0 || line > file.lineStarts.size()) return {};
  uint32_t start = file.lineStarts[line - 1];
  uint32_t end = line < file.lineStarts.size() ? file.lineStarts[line] - 1
                                               : static_cast<uint32_t>(file.text.size());
  if (end > start && file.text[end - 1] == '\r') --end;
  return std::string_view(file.text).substr(start, end - start);
}

uint32_t SourceManager::lineLength(FileId f, uint32_t line) const {
  std::string_view text = lineText(f, line);
  if (text.size() < kCheckpointBytes) return codePointCount(text);
  const File& file = files_[f];
  uint32_t start = static_cast<uint32_t>(text.data() - file.text.data());
  return codePointsTo(file, start + static_cast<uint32_t>(text.size())) - codePointsTo(file, start);
}

std::string_view SourceManager::slice(SourceRange r) const {
  const std::string& t = files_[r.file].text;
  uint32_t b = std::min<uint32_t>(r.begin, static_cast<uint32_t>(t.size()));
  uint32_t e = std::min<uint32_t>(std::max(r.end, b), static_cast<uint32_t>(t.size()));
  return std::string_view(t).substr(b, e - b);
}

std::string SourceManager::location(SourceRange r) const {
  LineCol lc = lineCol(r.file, r.begin);
  // Locations go into JSON and SVG (output records, tooltips): a file's name that is not UTF-8
  // is written with U+FFFD for each run of bytes that are not.
  std::string out;
  appendAsUtf8(out, path(r.file));
  return out + ":" + std::to_string(lc.line) + ":" + std::to_string(lc.column);
}

}  // namespace journey
