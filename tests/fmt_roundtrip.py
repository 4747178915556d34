#!/usr/bin/env python3
"""`journey fmt` over every .journey file of the repository (docs/fmt.md).

The files are copied to a temporary tree and formatted there with `fmt -w`, so that imports
resolve among formatted files. For each file that parses: formatting it again changes nothing
(idempotence), no comment is lost or changed (read by a lexer of this script's own, not the
formatter's), the AST (`check --emit ast`) is the same positions aside, and for files that check
without errors so are the typed AST (`check --emit typed`) and its warnings' codes (an allow
comment must cover the same code after `fmt` moved it between lines). The typed comparison
skips a file that `fmt` left unchanged and that imports nothing: the same bytes check the same.
A file with syntax errors must be refused, without an internal error, and left as it was.
Lists the files covered; stops at the first difference and shows it.

    fmt_roundtrip.py [--no-typed] JOURNEY REPO_ROOT

--no-typed leaves out the typed comparison, two `journey` runs per file: the sanitizer build
passes it, where each run costs about 0.15 s of start and leak check and the optimised build
has already compared the same files (docs/testing.md).
"""
import difflib
import os
import re
import subprocess
import sys
import tempfile

FOLDERS = ["examples", "tests", "bench"]
POSITION = re.compile(r" @\d+:\d+")
DIAGNOSED = re.compile(r"^(\S+\.journey):\d+:\d+: error", re.MULTILINE)
# A diagnostic's kind and code, its place aside: `warning[W0101]`.
DIAGNOSTIC_CODE = re.compile(r"^\S+:\d+:\d+: ((?:warning|error)\[[A-Z]\d+\])", re.MULTILINE)
SPACING = {"warning[W0112]"}
# Conservative: a word `import` at a line's start, in code or not, counts as an import.
IMPORT = re.compile(r"^\s*import\b", re.MULTILINE)
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
    args = sys.argv[1:]
    compare_typed = "--no-typed" not in args
    args = [a for a in args if a != "--no-typed"]
    journey, root = os.path.abspath(args[0]), os.path.abspath(args[1])
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
        originals = {}
        for rel in files:
            originals[rel] = read(os.path.join(root, rel))
            os.makedirs(os.path.dirname(os.path.join(mirror, rel)), exist_ok=True)
            write(os.path.join(mirror, rel), originals[rel])

        # One run rewrites every file of the copy; those with syntax errors stay as they were.
        result = run(journey, ["fmt", "-w"] + files, mirror)
        if "internal error" in result.stderr or result.returncode not in (0, 1):
            print(f"FAIL: fmt -w exited {result.returncode}\n{result.stderr}")
            return 1
        refused = sorted(set(DIAGNOSED.findall(result.stderr)))
        formatted = [rel for rel in files if rel not in refused]
        for rel in refused:
            if read(os.path.join(mirror, rel)) != originals[rel]:
                print(f"FAIL {rel}: a file with syntax errors was changed")
                return 1

        # Formatting the formatted files changes nothing.
        again = run(journey, ["fmt", "--check", "-d"] + formatted, mirror)
        if again.returncode != 0:
            print(f"FAIL: formatting is not idempotent\n{again.stdout}{again.stderr}")
            return 1

        for rel in formatted:
            once = read(os.path.join(mirror, rel))
            if comments(originals[rel]) != comments(once):
                return show_difference("comments differ", rel, "\n".join(comments(originals[rel])),
                                       "\n".join(comments(once)))

        # The same syntax trees, positions aside: every formatted file in one parse per tree.
        before = POSITION.sub("", run(journey, ["check", "--emit", "ast"] + formatted, root).stdout)
        after = POSITION.sub("", run(journey, ["check", "--emit", "ast"] + formatted, mirror).stdout)
        if before != after:
            return show_difference("--emit ast differs", "(all formatted files)", before, after)

        # The same typed program, for each file that checks without errors.
        checked = unchanged = 0
        for rel in formatted:
            if not compare_typed:
                print(f"ok {rel} (idempotent, comments, ast)")
                continue
            # The same bytes with no import (whose file may have changed) check the same: the
            # typed comparison is left to the files fmt changed.
            same = read(os.path.join(mirror, rel)) == originals[rel]
            if same and not IMPORT.search(originals[rel]):
                unchanged += 1
                print(f"ok {rel} (idempotent, comments, ast; unchanged by fmt)")
                continue
            typed = run(journey, ["check", "--emit", "typed", rel], root)
            if typed.returncode != 0:
                print(f"ok {rel} (idempotent, comments, ast)")
                continue
            checked += 1
            typed_after = run(journey, ["check", "--emit", "typed", rel], mirror)
            if POSITION.sub("", typed.stdout) != POSITION.sub("", typed_after.stdout):
                return show_difference("--emit typed differs", rel, POSITION.sub("", typed.stdout),
                                       POSITION.sub("", typed_after.stdout))
            # The same warnings: `fmt` moves code between lines, and what an allow comment
            # covers must not change with it.
            # A warning about the spacing itself (W0112: `x ?b: y`) goes once fmt spaces the
            # code as what it means (`x ? b : y`).
            codes = sorted(c for c in DIAGNOSTIC_CODE.findall(typed.stderr) if c not in SPACING)
            codes_after = sorted(DIAGNOSTIC_CODE.findall(typed_after.stderr))
            if codes != codes_after:
                return show_difference("the warnings differ", rel, "\n".join(codes),
                                       "\n".join(codes_after))
            print(f"ok {rel} (idempotent, comments, ast, typed)")
        for rel in refused:
            print(f"ok {rel} (syntax errors: refused and left alone)")
        print(f"{len(formatted)} files formatted ({checked} of them also compared typed, "
              f"{unchanged} unchanged by fmt), {len(refused)} refused for syntax errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
