// Runs test code in a child process, for what ends a process (a fault turned into an error
// message and an exit code): the parent sees the exit status and what the child wrote to
// stderr.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <functional>
#include <string>

namespace journey::test {

struct ChildOutcome {
  bool exited = false;  // by exit, rather than a signal
  int exitCode = -1;
  std::string stderrText;
};

// `body` runs in the child with stderr going to a pipe; a child whose body returns exits 0.
inline ChildOutcome runInChild(const std::function<void()>& body) {
  ChildOutcome outcome;
  int err[2];
  if (::pipe(err) != 0) return outcome;
  pid_t child = ::fork();
  if (child < 0) return outcome;
  if (child == 0) {
    ::dup2(err[1], STDERR_FILENO);
    body();
    ::_exit(0);
  }
  ::close(err[1]);
  char buffer[256];
  for (ssize_t n; (n = ::read(err[0], buffer, sizeof buffer)) > 0;) {
    outcome.stderrText.append(buffer, static_cast<size_t>(n));
  }
  ::close(err[0]);
  int status = 0;
  if (::waitpid(child, &status, 0) != child) return outcome;
  outcome.exited = WIFEXITED(status);
  if (outcome.exited) outcome.exitCode = WEXITSTATUS(status);
  return outcome;
}

}  // namespace journey::test
