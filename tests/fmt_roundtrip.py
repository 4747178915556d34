#!/usr/bin/env python3
"""`journey fmt` over every .journey file of the repository (docs/fmt.md).

For each file that parses: formatting the formatted text changes nothing (idempotence), no
comment is lost or changed (read by a lexer of this script's own, not the formatter's), the AST
(`check --emit ast`) is the same positions aside, and for files that check without errors so is
the typed AST (`check --emit typed`). The formatted files are written to a copy of the tree, so
imports resolve among formatted files. A file with syntax errors must be refused with exit 1 and
no internal error. Lists the files covered; stops at the first difference and shows it.

    fmt_roundtrip.py JOURNEY REPO_ROOT
"""
import difflib
import os
import re
import subprocess
import sys
import tempfile

FOLDERS = ["examples", "tests", "bench"]
POSITION = re.compile(r" @\d+:\d+")
RAW_PREFIXES = {"r", "R", "rb", "rB", "Rb", "RB", "br", "bR", "Br", "BR"}


def comments(text):
    """The comments of a Journey source, in order, line comments without trailing blanks."""
    found = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            end = text.find("\n", i)
            end = n if end < 0 else end
            found.append(text[i:end].rstrip(" \t\r\f\v"))
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            found.append(text[i:end])
            i = end
        elif c == "`":
            end = text.find("`", i + 1)
            i = n if end < 0 else end + 1
        elif c in "\"'":
            word = re.search(r"[A-Za-z0-9_]*$", text[:i]).group(0)
            raw = word in RAW_PREFIXES
            quote = text[i : i + 3] if text.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                if len(quote) == 1 and text[j] == "\n":
                    break
                j += 2 if (text[j] == "\\" and not raw) else 1
            i = j + len(quote)
        else:
            i += 1
    return found


class Result:
    """A finished run, its output decoded byte for byte (no newline translation)."""

    def __init__(self, done):
        self.returncode = done.returncode
        self.stdout = done.stdout.decode("utf-8", "surrogateescape")
        self.stderr = done.stderr.decode("utf-8", "surrogateescape")


def run(journey, args, cwd):
    return Result(subprocess.run([journey] + args, cwd=cwd, capture_output=True))


def read(path):
    with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
        f.write(text)


def show_difference(what, path, expected, actual):
    print(f"FAIL {path}: {what}")
    diff = difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                "before", "after")
    sys.stdout.writelines(list(diff)[:80])
    return 1


def main():
    journey, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    files = []
    for folder in FOLDERS:
        for base, dirs, names in os.walk(os.path.join(root, folder)):
            dirs.sort()
            files += [os.path.relpath(os.path.join(base, f), root)
                      for f in sorted(names) if f.endswith(".journey")]
    if not files:
        print("no .journey files found under", root)
        return 1

    with tempfile.TemporaryDirectory() as mirror:
        formatted = {}
        refused = []
        for rel in files:
            original = read(os.path.join(root, rel))
            result = run(journey, ["fmt", rel], root)
            if "internal error" in result.stderr or result.returncode not in (0, 1):
                print(f"FAIL {rel}: fmt exited {result.returncode}\n{result.stderr}")
                return 1
            os.makedirs(os.path.dirname(os.path.join(mirror, rel)), exist_ok=True)
            text = result.stdout if result.returncode == 0 else original
            write(os.path.join(mirror, rel), text)
            if result.returncode == 1:
                if "error[" not in result.stderr:
                    print(f"FAIL {rel}: exit 1 without a diagnostic\n{result.stderr}")
                    return 1
                refused.append(rel)
                continue
            formatted[rel] = (original, result.stdout)

        for rel, (original, once) in formatted.items():
            twice = run(journey, ["fmt", rel], mirror)
            if twice.returncode != 0:
                print(f"FAIL {rel}: the formatted file is refused\n{twice.stderr}")
                return 1
            if twice.stdout != once:
                return show_difference("formatting is not idempotent", rel, once, twice.stdout)
            if comments(original) != comments(once):
                return show_difference("comments differ", rel, "\n".join(comments(original)),
                                       "\n".join(comments(once)))
            checks = ["ast"]
            if run(journey, ["check", rel], root).returncode == 0:
                checks.append("typed")
            for stage in checks:
                before = POSITION.sub("", run(journey, ["check", "--emit", stage, rel], root).stdout)
                after = POSITION.sub("", run(journey, ["check", "--emit", stage, rel], mirror).stdout)
                if before != after:
                    return show_difference(f"--emit {stage} differs", rel, before, after)
            print(f"ok {rel} (idempotent, comments, {' and '.join(checks)})")
        for rel in refused:
            print(f"ok {rel} (syntax errors: refused)")
        print(f"{len(formatted)} files formatted and checked, {len(refused)} refused for syntax errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
