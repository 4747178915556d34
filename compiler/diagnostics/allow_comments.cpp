#include "compiler/diagnostics/allow_comments.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace journey {
namespace {

// What a line of source holds, as the lexer would read it.
enum class LineShape : uint8_t {
  Blank,
  Comment,  // comments only (`//`, or a part of a `/* */`)
  Code,     // a token: a line that begins inside a string continues the code before it
};

struct SourceLine {
  LineShape shape = LineShape::Blank;
  size_t comment = std::string_view::npos;  // where a `//` that begins the line starts
};

bool identifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Whether the quote at `at` opens a raw string (`r"…"`, `br'''…'''`: no escapes), as the
// grammar's STRING and BYTES read their prefixes.
bool rawQuote(std::string_view text, size_t at) {
  auto prefixLetter = [](char c) { return c == 'r' || c == 'R' || c == 'b' || c == 'B'; };
  size_t start = at;
  while (start > 0 && at - start < 2 && prefixLetter(text[start - 1])) --start;
  if (start > 0 && identifierChar(text[start - 1])) return false;  // part of a name
  std::string prefix(text.substr(start, at - start));
  std::transform(prefix.begin(), prefix.end(), prefix.begin(), ::tolower);
  return prefix == "r" || prefix == "rb" || prefix == "br";
}

// The shape of each line of `text` (lines end at '\n'), following strings and comments as
// the grammar does: only a `//` outside both begins a comment, and a line inside a
// triple-quoted string or a block comment is neither an allow comment nor a line of its own.
std::vector<SourceLine> linesOf(std::string_view text) {
  std::vector<SourceLine> lines(1);
  enum class In { Code, BlockComment, String } in = In::Code;
  char quote = 0;
  bool triple = false, raw = false, escaped = false;
  auto at = [&](size_t i) { return i < text.size() ? text[i] : '\0'; };
  for (size_t i = 0; i < text.size();) {
    SourceLine& line = lines.back();
    char c = text[i];
    if (c == '\n') {
      if (in == In::String && !triple) in = In::Code;  // an unclosed quote ends with its line
      escaped = false;
      lines.emplace_back();
      ++i;
      continue;
    }
    if (in == In::BlockComment) {
      if (line.shape == LineShape::Blank && !std::isspace(static_cast<unsigned char>(c))) {
        line.shape = LineShape::Comment;
      }
      if (c == '*' && at(i + 1) == '/') {
        in = In::Code;
        i += 2;
      } else {
        ++i;
      }
      continue;
    }
    if (in == In::String) {
      line.shape = LineShape::Code;
      if (escaped) {
        escaped = false;
      } else if (c == '\\' && !raw) {
        escaped = true;
      } else if (c == quote && (!triple || (at(i + 1) == quote && at(i + 2) == quote))) {
        in = In::Code;
        i += triple ? 3 : 1;
        continue;
      }
      ++i;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
    } else if (c == '/' && at(i + 1) == '/') {
      if (line.shape == LineShape::Blank) {
        line.shape = LineShape::Comment;
        line.comment = i;
      }
      i = std::min(text.find('\n', i), text.size());
    } else if (c == '/' && at(i + 1) == '*') {
      if (line.shape == LineShape::Blank) line.shape = LineShape::Comment;
      in = In::BlockComment;
      i += 2;
    } else if (c == '"' || c == '\'') {
      line.shape = LineShape::Code;
      quote = c;
      raw = rawQuote(text, i);
      triple = at(i + 1) == c && at(i + 2) == c;
      in = In::String;
      i += triple ? 3 : 1;
    } else if (c == '`') {  // a quoted name, which may hold quotes
      line.shape = LineShape::Code;
      size_t close = std::min(text.find_first_of("`\n", i + 1), text.size());
      i = close < text.size() && text[close] == '`' ? close + 1 : close;
    } else {
      line.shape = LineShape::Code;
      ++i;
    }
  }
  return lines;
}

// Consumes `word` (after any spaces) from the front of `s`.
bool take(std::string_view& s, std::string_view word) {
  size_t from = s.find_first_not_of(" \t");
  if (from == std::string_view::npos || s.substr(from, word.size()) != word) return false;
  s.remove_prefix(from + word.size());
  return true;
}

// A warning an allow comment names: where the comment names it, and whether a warning was left
// out by it.
struct Allowance {
  SourceRange named;
  bool used = false;
};
using AllowedCodes = std::map<std::string, Allowance, std::less<>>;

// Each file's allow comments, by (file, 1-based line of code) they cover; the ones that cover
// no line (at the end of a file) are kept under line 0. A bad code is reported where it stands.
std::map<std::pair<FileId, uint32_t>, AllowedCodes> allowedLines(DiagnosticSink& sink,
                                                                 const SourceManager& sources) {
  std::map<std::pair<FileId, uint32_t>, AllowedCodes> allowed;
  for (FileId f = 0; f < sources.size(); ++f) {
    std::string_view text = sources.text(f);
    AllowedCodes pending;
    std::vector<SourceLine> lines = linesOf(text);
    for (uint32_t line = 1; line <= lines.size(); ++line) {
      const SourceLine& shape = lines[line - 1];
      if (shape.shape == LineShape::Code && !pending.empty()) {
        allowed[{f, line}] = std::exchange(pending, {});
      }
      if (shape.comment == std::string_view::npos) continue;
      std::string_view rest = text.substr(shape.comment + 2);
      rest = rest.substr(0, rest.find('\n'));
      if (!take(rest, "journey:") || !take(rest, "allow") || rest.empty() ||
          !std::isspace(static_cast<unsigned char>(rest[0]))) {
        continue;  // another comment
      }
      rest = rest.substr(0, rest.find("//"));  // a comment may follow the codes: the reason
      for (size_t at = 0; (at = rest.find_first_not_of(", \t\r", at)) != std::string_view::npos;) {
        size_t stop = std::min(rest.find_first_of(", \t\r", at), rest.size());
        std::string_view code = rest.substr(at, stop - at);
        auto offset = static_cast<uint32_t>(code.data() - text.data());
        SourceRange range{f, offset, offset + static_cast<uint32_t>(code.size())};
        const DiagKindInfo* kind = findDiagKind(code);
        if (kind && kind->severity == Severity::Warning) {
          pending.try_emplace(std::string(kind->code), Allowance{range});
        } else if (kind) {
          sink.report(DiagKind::UnknownAllowedWarning, range,
                      fmt::format("`{}` is an error, and only warnings can be allowed",
                                  kind->code));
        } else {
          sink.report(DiagKind::UnknownAllowedWarning, range,
                      fmt::format("`{}` is not the code of any warning", code));
        }
        at = stop;
      }
    }
    if (!pending.empty()) allowed[{f, 0}] = std::move(pending);
  }
  return allowed;
}

}  // namespace

void applyAllowComments(DiagnosticSink& sink, const SourceManager& sources) {
  auto allowed = allowedLines(sink, sources);
  if (allowed.empty()) return;
  sink.retain([&](Diagnostic& d) {
    if (d.severity() != Severity::Warning || !d.range.valid()) return true;
    auto it = allowed.find({d.range.file, sources.lineCol(d.range.file, d.range.begin).line});
    if (it == allowed.end()) return true;
    auto code = it->second.find(info(d.kind).code);
    if (code == it->second.end()) return true;
    code->second.used = true;
    return false;
  });
  struct Unused {
    SourceRange named;
    std::string message;
  };
  std::vector<Unused> unused;
  for (const auto& [where, codes] : allowed) {
    for (const auto& [code, allowance] : codes) {
      if (allowance.used) continue;
      const uint32_t line = where.second;
      std::string message = line == 0
                                ? fmt::format("no line of code follows to allow `{}` on", code)
                                : fmt::format("line {} has no `{}` warning to allow", line, code);
      unused.push_back({allowance.named, std::move(message)});
    }
  }
  std::sort(unused.begin(), unused.end(), [](const Unused& a, const Unused& b) {
    return std::pair(a.named.file, a.named.begin) < std::pair(b.named.file, b.named.begin);
  });
  for (const Unused& u : unused) sink.report(DiagKind::UnusedAllowComment, u.named, u.message);
}

}  // namespace journey
