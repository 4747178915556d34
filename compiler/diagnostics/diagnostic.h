// Diagnostics: one registry of kinds (stable codes), the diagnostic record, and a sink.
#pragma once

#include <cstdint>
#include <algorithm>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/source/source_manager.h"

namespace journey {

enum class Severity : uint8_t { Error, Warning };

// Every kind is declared once, in one of the files under kinds/, as
//   DIAG(Name, "E0123", Error|Warning, "one-line summary", "longer explanation for `explain`")
enum class DiagKind : uint16_t {
#define DIAG(name, code, severity, summary, explanation) name,
#include "compiler/diagnostics/kinds/all.def"
#undef DIAG
};

struct DiagKindInfo {
  DiagKind kind;
  std::string_view name;
  std::string_view code;
  Severity severity;
  std::string_view summary;
  std::string_view explanation;
};

const DiagKindInfo& info(DiagKind kind);
// All kinds, in declaration order.
const std::vector<DiagKindInfo>& allDiagKinds();
// Looks a kind up by its code ("E0301"), case-insensitively; null when unknown.
const DiagKindInfo* findDiagKind(std::string_view code);

// A secondary span with its own short label.
struct Label {
  SourceRange range;
  std::string text;
};

struct Diagnostic {
  DiagKind kind;
  SourceRange range;        // the narrowest span at fault
  std::string message;      // lowercase, no trailing period, code in backticks
  std::string label;        // optional text beside the caret underline
  std::vector<Label> secondary;
  std::vector<std::string> notes;
  std::vector<std::string> helps;
  bool denied = false;  // a warning that the command line made an error (`--deny`)

  Severity severity() const { return denied ? Severity::Error : info(kind).severity; }
};

// Collects diagnostics of one compilation, in the order they were reported.
class DiagnosticSink {
 public:
  Diagnostic& report(DiagKind kind, SourceRange range, std::string message);
  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  size_t errorCount() const { return errors_; }
  size_t warningCount() const { return diagnostics_.size() - errors_; }
  bool hasErrors() const { return errors_ > 0; }
  // The diagnostics reported after the first `count`, to add helps or notes to.
  std::span<Diagnostic> reportedSince(size_t count) {
    return std::span<Diagnostic>(diagnostics_).subspan(std::min(count, diagnostics_.size()));
  }
  // Keeps the diagnostics for which `keep` is true (it may change them: a warning denied),
  // in order, and counts the errors again.
  void retain(const std::function<bool(Diagnostic&)>& keep);
  // Puts the diagnostics in source order (by file, then position; the order reported within one
  // position), as passes that run after others would otherwise leave them.
  void sortBySource();

 private:
  std::vector<Diagnostic> diagnostics_;
  size_t errors_ = 0;
};

}  // namespace journey
