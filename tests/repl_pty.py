#!/usr/bin/env python3
"""Drives `journey repl` through a pseudo-terminal, as a person would: the prompt, tab
completion (commands, bound names, fields after `.`, namespaced functions), a multi-line input
cancelled by Ctrl-C, Ctrl-D to quit, and the history file read back by a second session.

    repl_pty.py JOURNEY PROGRAM.journey
"""
import fcntl
import os
import pty
import select
import struct
import sys
import tempfile
import termios
import time

JOURNEY, PROGRAM = sys.argv[1], sys.argv[2]


class Session:
    def __init__(self, env):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.execve(JOURNEY, [JOURNEY, "repl", PROGRAM], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
        self.seen = b""
        self.pos = 0

    def expect(self, text, timeout=20):
        """Waits until `text` appears after what earlier expectations consumed."""
        want = text.encode()
        deadline = time.time() + timeout
        while True:
            at = self.seen.find(want, self.pos)
            if at >= 0:
                self.pos = at + len(want)
                return
            left = deadline - time.time()
            if left <= 0:
                sys.exit(f"timed out waiting for {text!r}; the terminal shows:\n"
                         + self.seen[self.pos:].decode(errors="replace"))
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    chunk = os.read(self.fd, 4096)
                except OSError:
                    chunk = b""
                if not chunk:
                    sys.exit(f"the REPL ended while waiting for {text!r}:\n"
                             + self.seen[self.pos:].decode(errors="replace"))
                self.seen += chunk

    def send(self, keys):
        os.write(self.fd, keys.encode())

    def finish(self):
        """Ctrl-D at an empty prompt ends the session with status 0."""
        self.send("\x04")
        deadline = time.time() + 20
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                if os.waitstatus_to_exitcode(status) != 0:
                    sys.exit(f"the REPL exited with status {status}")
                return
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.1)
                if ready:
                    os.read(self.fd, 4096)
            except OSError:
                pass
        sys.exit("Ctrl-D did not end the session")


def main():
    with tempfile.TemporaryDirectory() as home:
        history = os.path.join(home, "state", "history")
        env = {"HOME": home, "TERM": "xterm", "PATH": os.environ.get("PATH", ""),
               "JOURNEY_HISTORY": history, "LANG": "C.UTF-8"}
        # Sanitizer settings pass through (scripts/test.sh sets them for the ASan build).
        env.update({k: v for k, v in os.environ.items() if k.endswith("SAN_OPTIONS")})

        s = Session(env)
        s.expect("journey> ")
        s.send("1 + 2\r")
        s.expect("3 : int")
        # A command name completes after `:`.
        s.send(":rel\t\r")
        s.expect("reloaded 1 file")
        # A bound name, a field after `.`, a namespaced function.
        s.send("let abcdef = 5\r")
        s.expect("abcdef = 5 : int")
        s.send("abcd\t + 1\r")
        s.expect("6 : int")
        s.send(":type profile.loy\t.poi\t\r")
        s.expect("\r\nint")
        s.send("math.gre\t(1, 2)\r")
        s.expect("2 : int")
        # A command's argument: an event name after `:event` (Ctrl-U then clears the line).
        s.send(":event CartAb\t")
        s.expect("andoned")
        s.send("\x15")
        # Several candidates: the common prefix, then the list.
        s.send(":e\t\t")
        s.expect(":emit")
        s.expect(":event")
        s.send("ngine\r")
        s.expect("engine interp")
        # An open bracket continues on the next line; Ctrl-C cancels the whole input.
        s.send("[1,\r")
        s.expect("...> ")
        s.send("\x03")
        s.expect("^C")
        s.expect("journey> ")
        # An error does not end the session.
        s.send("nope\r")
        s.expect("unknown name `nope`")
        s.expect("journey> ")
        s.send("6 * 7\r")
        s.expect("42 : int")
        s.finish()

        with open(history, encoding="utf-8") as f:
            saved = f.read()
        # libedit escapes spaces in the file (`6\0407`).
        if "abcdef" not in saved or "math.greatest" not in saved or "[1," in saved:
            sys.exit(f"the history file lacks the inputs:\n{saved}")

        # A new session reads the history: the up arrow recalls the last input.
        s = Session(env)
        s.expect("journey> ")
        s.send("\x1b[A\r")
        s.expect("42 : int")
        s.finish()
    print("ok")


main()
