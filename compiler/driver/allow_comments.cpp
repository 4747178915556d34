#include "compiler/driver/allow_comments.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compiler/syntax/source_lines.h"

namespace journey {
namespace {

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
    if (text.find("journey:") == std::string_view::npos) continue;  // no allow comment: no scan
    AllowedCodes pending;
    std::vector<syntax::SourceLine> lines = syntax::sourceLines(f, text);
    for (uint32_t line = 1; line <= lines.size(); ++line) {
      const syntax::SourceLine& shape = lines[line - 1];
      if (shape.shape == syntax::LineShape::Code && !pending.empty()) {
        allowed[{f, line}] = std::exchange(pending, {});
      }
      if (shape.comment == UINT32_MAX) continue;
      std::string_view comment = text.substr(shape.comment);
      std::optional<std::string_view> codes =
          syntax::allowCommentCodes(comment.substr(0, comment.find('\n')));
      if (!codes) continue;  // another comment
      std::string_view rest = codes->substr(0, codes->find("//"));  // a comment may follow the codes: the reason
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

void applyAllowComments(DiagnosticSink& sink, const SourceManager& sources,
                        const std::vector<SourceRange>& statementHeads) {
  auto allowed = allowedLines(sink, sources);
  if (allowed.empty()) return;
  // The last line each comment covers: its line, or the end of the statement heads that hold
  // it (that start on it, or that it is inside of: a payload spread over lines).
  std::map<std::pair<FileId, uint32_t>, uint32_t> lastLine;
  for (const auto& [where, codes] : allowed) lastLine[where] = where.second;
  for (const SourceRange& head : statementHeads) {
    if (!head.valid()) continue;
    uint32_t first = sources.lineCol(head.file, head.begin).line;
    uint32_t end = sources.lineCol(head.file, head.end > head.begin ? head.end - 1 : head.end).line;
    for (auto it = lastLine.lower_bound({head.file, first});
         it != lastLine.end() && it->first.first == head.file && it->first.second <= end; ++it) {
      it->second = std::max(it->second, end);
    }
  }
  sink.retain([&](Diagnostic& d) {
    if (d.severity() != Severity::Warning || !d.range.valid()) return true;
    const FileId file = d.range.file;
    const uint32_t line = sources.lineCol(file, d.range.begin).line;
    // The comments whose reach holds the line, the nearest first.
    for (auto it = allowed.upper_bound({file, line}); it != allowed.begin();) {
      --it;
      if (it->first.first != file || it->first.second == 0) break;
      if (lastLine[it->first] < line) continue;
      auto code = it->second.find(info(d.kind).code);
      if (code == it->second.end()) continue;
      code->second.used = true;
      return false;
    }
    return true;
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
      const uint32_t last = lastLine[where];
      std::string message =
          line == 0    ? fmt::format("no line of code follows to allow `{}` on", code)
          : last > line ? fmt::format("lines {} to {} have no `{}` warning to allow", line, last, code)
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
