#include "tools/journey/repl/console.h"

#include <fmt/format.h>

#include <cstdio>

namespace journey::repl {

void Console::print(std::string_view text) {
  fmt::print("{}\n", text);
  std::fflush(stdout);
}

void Console::toStderr(std::string_view label, std::string_view message) {
  std::fflush(stdout);
  if (color_) {
    const char* colour = label == "error"     ? "\x1b[1;31m"
                         : label == "warning" ? "\x1b[1;33m"
                                              : "\x1b[1;36m";
    fmt::print(stderr, "{}{}\x1b[0m: {}\n", colour, label, message);
  } else {
    fmt::print(stderr, "{}: {}\n", label, message);
  }
}

void Console::error(std::string_view message) { toStderr("error", message); }
void Console::warning(std::string_view message) { toStderr("warning", message); }
void Console::note(std::string_view message) { toStderr("note", message); }

void Console::diagnostics(std::string_view rendered) {
  std::fflush(stdout);
  fmt::print(stderr, "{}", rendered);
}

}  // namespace journey::repl
