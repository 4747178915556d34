#!/usr/bin/env python3
"""Drives `journey repl` through a pseudo-terminal, as a person would: the prompt, tab
completion (commands, bound names, fields after `.`, namespaced functions), a multi-line input
cancelled by Ctrl-C, a long replay and a long clock move stopped by Ctrl-C, Ctrl-D to quit, the history file
read back by a second session, and a Ctrl-C just before the editor waits for a key (a test
hook raises it there).

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
        if not self.appears(text, timeout):
            sys.exit(f"timed out waiting for {text!r} after {self.seen[:self.pos][-300:]!r}; "
                     f"then the terminal shows {self.seen[self.pos:]!r}")

    def appears(self, text, timeout):
        """Whether `text` appears within `timeout` seconds (consumed up to its end if so)."""
        want = text.encode()
        deadline = time.time() + timeout
        while True:
            at = self.seen.find(want, self.pos)
            if at >= 0:
                self.pos = at + len(want)
                return True
            left = deadline - time.time()
            if left <= 0:
                return False
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
        """Types `keys` once libedit has the terminal in raw mode: libedit prints the prompt
        before it switches, and a Ctrl-D that the line discipline took in cooked mode would
        reach libedit as a NUL."""
        deadline = time.time() + 20
        while termios.tcgetattr(self.fd)[3] & termios.ICANON:
            if time.time() > deadline:
                sys.exit(f"the terminal stayed in cooked mode before {keys!r}")
            time.sleep(0.01)
        os.write(self.fd, keys.encode())

    def enter(self, keys, *shown):
        """Sends keys, waits for each text in `shown`, then for the next prompt."""
        self.send(keys)
        for text in shown:
            self.expect(text)
        self.expect("journey> ")

    def finish(self):
        """Ctrl-D at an empty prompt ends the session with status 0."""
        self.send("\x04")
        deadline = time.time() + 60  # a sanitizer's leak check at exit is slow on a busy machine
        while time.time() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                if os.waitstatus_to_exitcode(status) != 0:
                    sys.exit(f"the REPL exited with status {status}")
                return
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.1)
                if ready:
                    self.seen += os.read(self.fd, 4096)
            except OSError:
                pass
        sys.exit(f"Ctrl-D did not end the session; the terminal shows {self.seen[-300:]!r}")


def interrupt(s, stopped):
    """Ctrl-C until `stopped` appears: a Ctrl-C that lands before the long command began counts
    as pressed before it, so it is sent again while the command goes on."""
    for _ in range(5):
        time.sleep(1)
        os.write(s.fd, b"\x03")
        if s.appears(stopped, 5):
            return
    sys.exit(f"Ctrl-C did not stop the command: {stopped!r} never appeared")


def main():
    with tempfile.TemporaryDirectory() as home:
        history = os.path.join(home, "state", "history")
        env = {"HOME": home, "TERM": "xterm", "PATH": os.environ.get("PATH", ""),
               "JOURNEY_HISTORY": history, "LANG": "C.UTF-8"}
        # Sanitizer settings pass through (scripts/test.sh sets them for the ASan build).
        env.update({k: v for k, v in os.environ.items() if k.endswith("SAN_OPTIONS")})

        # Keys are sent only at a prompt: until libedit has the terminal, the terminal's own line
        # discipline would act on them (Ctrl-C, Ctrl-D, Ctrl-U).
        s = Session(env)
        s.expect("journey> ")
        s.enter("1 + 2\r", "3 : int")
        # A command name completes after `:`.
        s.enter(":rel\t\r", "reloaded 1 file")
        # A bound name, a field after `.`, a namespaced function.
        s.enter("let abcdef = 5\r", "abcdef = 5 : int")
        s.enter("abcd\t + 1\r", "6 : int")
        s.enter(":type profile.loy\t.poi\t\r", "\r\nint")
        s.enter("math.gre\t(1, 2)\r", "2 : int")
        # A command that takes an argument completes with a space after it.
        s.enter(":adv\t0s\r", "no output")
        # A literal's methods: a string's (the quotes are part of the receiver), a list's macros.
        s.enter('"abc".sta\t("a")\r', "true : bool")
        s.enter("[2, 3].fil\t(x, x > 2)\r", "[3] : list<int>")
        # A command's argument: an event name after `:event` (Ctrl-U then clears the line).
        s.send(":event CartAb\t")
        s.expect("andoned")
        s.enter("\x15\r")
        # Several candidates: the common prefix, then the list and the line again.
        s.send(":e\t\t")
        s.expect(":emit")
        s.expect(":event")
        s.expect("journey> :e")
        s.enter("ngine\r", "engine interp")
        # An open bracket continues on the next line; Ctrl-C cancels the whole input.
        s.send("[1,\r")
        s.expect("...> ")
        s.enter("\x03", "^C")
        # An error does not end the session.
        s.enter("nope\r", "unknown name `nope`")
        s.enter("6 * 7\r", "42 : int")
        # Ctrl-C stops the replay of a long clock move into a program that now ticks every
        # minute, where it got to; then a clock move that fires more than expected, the same
        # way. Both run in the terminal's cooked mode: the key reaches the REPL as SIGINT.
        s.enter('audience Everyone = true\r', "declared audience Everyone")
        s.enter(':profile {"id": "x", "firstName": "X", "country": "FR", "loyalty": {"tier": "m", '
                '"points": 1}, "consents": {"email": true, "sms": true, "push": true}, "tags": []}\r',
                "current profile x")
        s.enter(":advance 3000d\r", "now ")
        s.enter(':event EmailOpened {"messageId": "m1"}\r', "EmailOpened at ")
        s.send('journey Often { entry every 1m for audience Everyone\r')
        s.expect("...> ")
        s.send('  send push "p" }\r')
        interrupt(s, "the replay was stopped at")
        s.expect("the profile, event or set after it was dropped")
        s.expect("declared journey Often")
        s.expect("journey> ")
        s.send(":advance 3000d\r")
        interrupt(s, "stopped by Ctrl-C on the way to")
        s.expect("journey> ")
        s.enter("6 * 7\r", "42 : int")
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

        # A Ctrl-C that lands after the editor checked for one and before it waits for a key
        # (raised there by the test hook) cancels the empty input at once, not the line typed
        # next.
        s = Session(dict(env, JOURNEY_TEST_INTERRUPT_AT_WAIT="1"))
        s.expect("journey> ")
        s.expect("^C")
        s.expect("journey> ")
        s.enter("2 + 2\r", "4 : int")
        s.finish()
    print("ok")


main()
