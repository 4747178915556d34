#include "tools/journey/repl/line_source.h"

#include <histedit.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <filesystem>

#include "tools/journey/repl/bounded_line.h"

namespace journey::repl {

namespace {

class StreamSource final : public LineSource {
 public:
  StreamSource(std::istream& in, size_t maxLine) : in_(in), maxLine_(maxLine) {}
  Read read(bool) override {
    Read r;
    LineRead got = readBoundedLine(in_, r.line, maxLine_);
    ++lineNumber_;
    if (got == LineRead::TooLong) {
      r.line.clear();
      std::string bound = maxLine_ % (1 << 20) == 0 ? std::to_string(maxLine_ >> 20) + " MiB"
                                                     : std::to_string(maxLine_) + " bytes";
      r.failure = "line " + std::to_string(lineNumber_) + " is longer than " + bound +
                  ": the input is not read further";
    }
    if (got != LineRead::Line) return r;
    if (!r.line.empty() && r.line.back() == '\r') r.line.pop_back();
    r.status = Status::Line;
    return r;
  }

 private:
  std::istream& in_;
  size_t maxLine_;
  size_t lineNumber_ = 0;
};

// Set by SIGINT; the read in progress then fails with EINTR (the handler is installed without
// SA_RESTART), which ends el_gets: the input is cancelled.
volatile sig_atomic_t interrupted = 0;
void onInterrupt(int) { interrupted = 1; }

// For tests (tests/repl_pty.py): JOURNEY_TEST_INTERRUPT_AT_WAIT=N raises SIGINT once, in the
// N-th wait for a key, after the check for an earlier Ctrl-C and before the wait: the window a
// real Ctrl-C hits only by chance, microseconds wide. 0 (unset): never.
long interruptAtWait() {
  static const long at = [] {
    const char* text = std::getenv("JOURNEY_TEST_INTERRUPT_AT_WAIT");
    return text ? std::strtol(text, nullptr, 10) : 0;
  }();
  return at;
}

class TerminalSource final : public LineSource {
 public:
  TerminalSource(Completer completer, std::string historyPath)
      : completer_(std::move(completer)), historyPath_(std::move(historyPath)) {
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, &previous_);

    history_ = history_init();
    HistEvent ev;
    history(history_, &ev, H_SETSIZE, 1000);
    history(history_, &ev, H_SETUNIQUE, 1);
    if (!historyPath_.empty()) history(history_, &ev, H_LOAD, historyPath_.c_str());

    el_ = el_init("journey", stdin, stdout, stderr);
    el_set(el_, EL_CLIENTDATA, this);
    el_set(el_, EL_EDITOR, "emacs");
    el_set(el_, EL_PROMPT, &TerminalSource::prompt);
    el_set(el_, EL_HIST, history, history_);
    el_set(el_, EL_GETCFN, &TerminalSource::readChar);
    // The wide form: the narrow one copies the name and help and never frees them.
    el_wset(el_, EL_ADDFN, L"journey-complete", L"complete a name", &TerminalSource::complete);
    el_set(el_, EL_BIND, "^I", "journey-complete", nullptr);
    el_source(el_, nullptr);  // the user's ~/.editrc
  }

  ~TerminalSource() override {
    el_end(el_);
    history_end(history_);
    sigaction(SIGINT, &previous_, nullptr);
  }

  Read read(bool continuing) override {
    prompt_ = continuing ? "   ...> " : "journey> ";
    interrupted = 0;
    int count = 0;
    const char* line = el_gets(el_, &count);
    Read r;
    if (interrupted) {
      std::fputs("^C\n", stdout);
      std::fflush(stdout);
      r.status = Status::Interrupted;
      return r;
    }
    if (!line || count <= 0) {
      std::fputc('\n', stdout);  // Ctrl-D leaves the cursor after the prompt
      return r;
    }
    r.line = line;
    while (!r.line.empty() && (r.line.back() == '\n' || r.line.back() == '\r')) r.line.pop_back();
    r.status = Status::Line;
    return r;
  }

  void remember(const std::string& input) override {
    HistEvent ev;
    history(history_, &ev, H_ENTER, input.c_str());
    if (historyPath_.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(historyPath_).parent_path(), ec);
    history(history_, &ev, H_SAVE, historyPath_.c_str());
  }

 private:
  static TerminalSource& self(EditLine* el) {
    void* data = nullptr;
    el_get(el, EL_CLIENTDATA, &data);
    return *static_cast<TerminalSource*>(data);
  }

  static char* prompt(EditLine* el) { return self(el).prompt_.data(); }

  // Waits until the terminal has a byte to read: false when Ctrl-C was pressed, before the
  // wait or during it. SIGINT is blocked except inside ppoll, so one that lands between the
  // check and the wait is not lost: it ends the wait at once. (A plain blocking read would
  // miss it, and the Ctrl-C would then cancel the line typed next.)
  static bool waitForInput() {
    sigset_t withInterrupt, blocked;
    sigemptyset(&withInterrupt);
    sigaddset(&withInterrupt, SIGINT);
    pthread_sigmask(SIG_BLOCK, &withInterrupt, &blocked);
    sigset_t waiting = blocked;
    sigdelset(&waiting, SIGINT);
    bool ready = false;
    static long waits = 0;
    while (!interrupted) {
      pollfd terminal{STDIN_FILENO, POLLIN, 0};
      if (++waits == interruptAtWait()) raise(SIGINT);  // blocked: pending until the wait
      if (ppoll(&terminal, 1, nullptr, &waiting) > 0) {
        ready = true;
        break;
      }
      if (errno != EINTR) break;
    }
    pthread_sigmask(SIG_SETMASK, &blocked, nullptr);
    return ready;
  }

  // One character from the terminal; a Ctrl-C before or during the read ends it with an error.
  static int readChar(EditLine*, wchar_t* out) {
    std::mbstate_t state{};
    for (;;) {
      char byte;
      if (!waitForInput()) return -1;
      ssize_t n = ::read(STDIN_FILENO, &byte, 1);
      if (n == 0) return 0;
      if (n < 0) {
        if (errno == EINTR && !interrupted) continue;
        return -1;
      }
      size_t r = std::mbrtowc(out, &byte, 1, &state);
      if (r == static_cast<size_t>(-2)) continue;  // more bytes of the character to come
      if (r == static_cast<size_t>(-1)) *out = static_cast<unsigned char>(byte);
      return 1;
    }
  }

  static unsigned char complete(EditLine* el, int) {
    TerminalSource& me = self(el);
    const LineInfo* info = el_line(el);
    std::string_view before(info->buffer, static_cast<size_t>(info->cursor - info->buffer));
    Completion c = me.completer_(before);
    if (c.candidates.empty()) return CC_REFRESH_BEEP;
    std::string_view typed = before.substr(std::min(c.wordStart, before.size()));
    std::string prefix = commonPrefix(c.candidates);
    if (prefix.size() > typed.size() && prefix.compare(0, typed.size(), typed) == 0) {
      el_insertstr(el, prefix.substr(typed.size()).c_str());
      return CC_REFRESH;
    }
    if (c.candidates.size() == 1) return CC_REFRESH;
    std::string list = "\n";
    for (const std::string& candidate : c.candidates) list += candidate + "  ";
    list += "\n";
    std::fputs(list.c_str(), stdout);
    std::fflush(stdout);
    return CC_REDISPLAY;
  }

  Completer completer_;
  std::string historyPath_;
  std::string prompt_;
  EditLine* el_ = nullptr;
  History* history_ = nullptr;
  struct sigaction previous_ {};
};

}  // namespace

bool takeInterrupt() {
  bool was = interrupted;
  interrupted = 0;
  return was;
}

std::unique_ptr<LineSource> makeStreamSource(std::istream& in, size_t maxLine) {
  return std::make_unique<StreamSource>(in, maxLine);
}

std::unique_ptr<LineSource> makeTerminalSource(Completer completer, std::string historyPath) {
  return std::make_unique<TerminalSource>(std::move(completer), std::move(historyPath));
}

std::string historyFilePath() {
  if (const char* path = std::getenv("JOURNEY_HISTORY")) return path;
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state) {
    return std::string(state) + "/journey/history";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.local/state/journey/history";
  }
  return "";
}

std::string commonPrefix(const std::vector<std::string>& words) {
  if (words.empty()) return "";
  std::string prefix = words[0];
  for (const std::string& w : words) {
    size_t n = 0;
    while (n < prefix.size() && n < w.size() && prefix[n] == w[n]) ++n;
    prefix.resize(n);
  }
  return prefix;
}

}  // namespace journey::repl
