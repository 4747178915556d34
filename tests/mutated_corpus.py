#!/usr/bin/env python3
"""The repository's scenarios and examples, mutated, through every command that takes them.

A mutant is a scenario's program changed at one to three tokens (deleted, replaced by a
literal, keyword or expression from a list, copied from elsewhere in the file, a number or
duration changed, a line doubled), or its profiles or records changed at one to three lines (a
value replaced or removed, a line doubled or deleted, a byte of JSON broken); or an example's
program or test file changed the same way. Checked for each:
- no command crashes: no signal, no sanitizer report, no "internal error", no timeout;
- a program that runs (status 0) runs the same on the JIT as on the interpreter, and the same
  from an artifact built of it, on both engines;
- `journey fmt` formats it, formats its own output to itself, and the formatted program runs
  the same (but for the line numbers of steps);
- `journey graph` draws it in DOT, Mermaid and SVG;
- `journey audience` gives the same memberships on both engines and on two threads;
- an example's `journey test` reports the same on both engines.
A failing mutant is kept, with its inputs, in a directory named on the way out. The mutants are not expected to be valid: most are refused with a diagnostic, which is
what they should get.

    mutated_corpus.py JOURNEY [COUNT [SEED]]   (COUNT default $JOURNEY_MUTATED_CORPUS or 30)
"""
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

JOURNEY = os.path.abspath(sys.argv[1])
COUNT = int(sys.argv[2]) if len(sys.argv) > 2 else int(os.environ.get("JOURNEY_MUTATED_CORPUS", "30"))
SEED = int(sys.argv[3]) if len(sys.argv) > 3 else 1
HERE = os.path.dirname(os.path.abspath(__file__))
SCENARIOS = os.path.join(HERE, "scenarios")
EXAMPLES = os.path.join(os.path.dirname(HERE), "examples")
rng = random.Random(SEED)

TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\d+(?:\.\d+)?[a-z]*|[A-Za-z_][A-Za-z_0-9]*'
                   r'|==|!=|<=|>=|&&|\|\||\S')
# What a token may become: edge values, keywords and expressions that fail at run time.
REPLACEMENTS = [
    "0", "1", "-1", "0s", "1s", "0d", "100000d", "1ms", "9223372036854775807", "1.5", '""',
    '"x"', "null", "true", "false", "now()", "[]", "{}", "23:59", "00:00", "02:30",
    '"America/New_York"', '"Europe/Paris"', '"Bad/Zone"', "profile", "profile.id", "wait",
    "end", "send", "emit", "goto", "split", "if", "else", "{", "}", "(", ")", ".", ",", ":",
    "+", "-", "*", "/", "%", "!", "?", "[", "]", '"\\u0000"', '"é"', "history(Purchase, 1d)",
    "size([])", 'int("x")', "1 / 0", 'timestamp("x")']
JSON_VALUES = [None, True, 0, -1, 1.5, 1e308, -0.0, "", "x", [], {}, 2**63, -2**63,
               "2026-03-02T08:00:00Z", "1970-01-01T00:00:00Z", "é\u0000", "9999-12-31T23:59:59Z",
               2**64 - 1]
TIMES = ["2026-03-08T07:00:00Z", "2026-03-29T01:30:00Z", "2026-11-01T05:30:00Z",
         "2025-01-01T00:00:00Z"]
CRASH_SIGNS = [b"runtime error:", b"AddressSanitizer", b"LeakSanitizer", b"internal error",
               b"terminate called"]


def mutate_program(text):
    for _ in range(rng.randint(1, 3)):
        tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        if not tokens:
            return text
        start, end = rng.choice(tokens)
        op = rng.random()
        if op < 0.25:
            text = text[:start] + text[end:]
        elif op < 0.55:
            text = text[:start] + rng.choice(REPLACEMENTS) + text[end:]
        elif op < 0.75:
            s2, e2 = rng.choice(tokens)
            text = text[:start] + text[s2:e2] + text[end:]
        elif op < 0.9:
            number = re.match(r"\d+(?:\.\d+)?([a-z]*)", text[start:end])
            n = rng.choice([0, 1, 2, 59, 60, 61, 99, 100, 101, 1000, 10**9, 10**18])
            if number:
                text = text[:start] + str(n) + number.group(1) + text[end:]
            else:
                text = text[:end] + " " + text[start:end] + text[end:]
        else:
            lines = text.split("\n")
            k = rng.randrange(len(lines))
            lines.insert(k, lines[k])
            text = "\n".join(lines)
    return text


def mutate_value(v):
    if rng.random() < 0.2:
        return rng.choice(JSON_VALUES)
    if isinstance(v, dict) and v:
        key = rng.choice(list(v))
        if rng.random() < 0.2:
            del v[key]
        else:
            v[key] = mutate_value(v[key])
    elif isinstance(v, list) and v:
        i = rng.randrange(len(v))
        v[i] = mutate_value(v[i])
    elif isinstance(v, str) and re.match(r"\d{4}-\d\d-\d\dT", v):
        return rng.choice(TIMES + [v.replace("Z", "+05:30"), v[:-1] + ".999999999Z"])
    return v


def mutate_lines(text):
    lines = [line for line in text.split("\n") if line.strip()]
    for _ in range(rng.randint(1, 3)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        op = rng.random()
        if op < 0.6:
            try:
                lines[i] = json.dumps(mutate_value(json.loads(lines[i])))
            except ValueError:
                pass
        elif op < 0.75:
            lines.insert(i, lines[i])
        elif op < 0.85:
            del lines[i]
        else:
            k = rng.randrange(len(lines[i]) + 1)
            lines[i] = lines[i][:k] + rng.choice(["", '"', "{", "}", ",", "\\", "é"]) + lines[i][k + 1:]
    return "".join(line + "\n" for line in lines)


class Failure(Exception):
    pass


def journey(*args, cwd=None):
    """Runs `journey ARGS` (in `cwd`): (status, stdout); a crash raises Failure."""
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=1:abort_on_error=1",
               UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1")
    try:
        p = subprocess.run([JOURNEY, *args], capture_output=True, timeout=120, env=env, cwd=cwd)
    except subprocess.TimeoutExpired:
        raise Failure(f"timeout: journey {' '.join(args)}")
    signs = [s.decode() for s in CRASH_SIGNS if s in p.stderr]
    if p.returncode < 0 or p.returncode >= 128 or signs:
        raise Failure(f"crash ({p.returncode}, {', '.join(signs) or 'no report'}): "
                      f"journey {' '.join(args)}\n{p.stderr.decode(errors='replace')[-2000:]}")
    return p.returncode, p.stdout


def same(what, a, b):
    if a != b:
        raise Failure(f"{what} differ")


def without_step_lines(out):
    return re.sub(rb"\.journey:\d+:\d+", b".journey", out)


def check_scenario(work, until):
    """The mutant in `work` (main.journey, events.jsonl, maybe profiles.jsonl) through run,
    build, fmt, graph and audience. Every command runs in `work` on `main.journey`, so that
    the steps' locations in the output name the same file."""
    inputs = ["--events", "events.jsonl", "--rejected", "-", "--threads", "1"]
    has_profiles = os.path.exists(os.path.join(work, "profiles.jsonl"))
    if has_profiles:
        inputs += ["--profiles", "profiles.jsonl"]
    if until:
        inputs += ["--until", until]
    here = lambda *args: journey(*args, cwd=work)
    run = here("run", "main.journey", *inputs, "--engine", "interp")
    if run[0] != 0:
        return False
    same("the engines' outputs", run, here("run", "main.journey", *inputs, "--engine", "jit"))
    if here("build", "main.journey", "-o", "main.jart")[0] != 0:
        raise Failure("journey build refused a program that runs")
    for engine in ("interp", "jit"):
        same(f"the outputs from source and from the artifact ({engine})", run,
             here("run", "main.jart", *inputs, "--engine", engine))
    formatted_status, formatted = here("fmt", "main.journey")
    if formatted_status != 0:
        raise Failure("journey fmt refused a program that runs")
    # The formatted program beside the other files, as main.journey of a folder of its own.
    fmt = os.path.join(work, "fmt")
    os.makedirs(fmt)
    for name in os.listdir(work):
        if name.endswith(".journey") or name.endswith(".jsonl"):
            shutil.copy(os.path.join(work, name), fmt)
    with open(os.path.join(fmt, "main.journey"), "wb") as f:
        f.write(formatted)
    same("journey fmt's output and its output formatted again", formatted,
         journey("fmt", "main.journey", cwd=fmt)[1])
    again = journey("run", "main.journey", *inputs, "--engine", "interp", cwd=fmt)
    same("the outputs of the program and of the program formatted",
         (run[0], without_step_lines(run[1])), (again[0], without_step_lines(again[1])))
    for form in ("dot", "mermaid", "svg"):
        if here("graph", "main.journey", "--format", form)[0] != 0:
            raise Failure(f"journey graph --format {form} refused a program that runs")
    if has_profiles:
        audience = ["audience", "main.journey", "--profiles", "profiles.jsonl", "--events",
                    "events.jsonl", "--at", "2026-03-09T00:00:00Z", "--rejected", "-"]
        interp = here(*audience, "--engine", "interp", "--threads", "1")
        same("journey audience's memberships on the two engines", interp,
             here(*audience, "--engine", "jit", "--threads", "1"))
        same("journey audience's memberships on one and two threads", interp,
             here(*audience, "--engine", "interp", "--threads", "2"))
    return True


def check_example(work, files):
    """The example in `work`, one of its files mutated: `journey test` on both engines."""
    same("journey test's reports on the two engines",
         journey("test", *files, "--engine", "interp", cwd=work),
         journey("test", *files, "--engine", "jit", cwd=work))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def scenario_mutant(work):
    """A scenario copied into `work`, one of its files mutated: (its name, the file, --until)."""
    name = rng.choice(sorted(d for d in os.listdir(SCENARIOS)
                             if os.path.exists(os.path.join(SCENARIOS, d, "main.journey"))))
    shutil.copytree(os.path.join(SCENARIOS, name), work, dirs_exist_ok=True)
    args_file = os.path.join(work, "args")
    args = read(args_file).split() if os.path.exists(args_file) else []
    until = args[args.index("--until") + 1] if "--until" in args else None
    which = rng.random()
    has_profiles = os.path.exists(os.path.join(work, "profiles.jsonl"))
    target = ("main.journey" if which < 0.6 else
              "profiles.jsonl" if which < 0.8 and has_profiles else "events.jsonl")
    path = os.path.join(work, target)
    text = read(path) if os.path.exists(path) else ""
    write(path, mutate_program(text) if target.endswith(".journey") else mutate_lines(text))
    return name, target, until


def example_mutant(work):
    """An example copied into `work`, one of its .journey files mutated: (its name, the file,
    its .journey files)."""
    name = rng.choice(sorted(d for d in os.listdir(EXAMPLES)
                             if os.path.isdir(os.path.join(EXAMPLES, d))))
    shutil.copytree(os.path.join(EXAMPLES, name), work, dirs_exist_ok=True)
    files = sorted(f for f in os.listdir(work) if f.endswith(".journey"))
    target = rng.choice(files)
    write(os.path.join(work, target), mutate_program(read(os.path.join(work, target))))
    return name, target, files


def main():
    passed = failed = compared = tested = 0
    keep = tempfile.mkdtemp(prefix="mutated_corpus.")
    for n in range(COUNT):
        with tempfile.TemporaryDirectory() as work:
            is_scenario = rng.random() < 0.8
            if is_scenario:
                name, target, until = scenario_mutant(work)
            else:
                name, target, files = example_mutant(work)
            try:
                if is_scenario:
                    compared += check_scenario(work, until)
                else:
                    check_example(work, files)
                    tested += 1
                passed += 1
            except Failure as failure:
                failed += 1
                kept = os.path.join(keep, f"{n}-{name}")
                shutil.copytree(work, kept)
                print(f"FAIL mutant {n} of {name} ({target} mutated): {failure}\n  kept in {kept}")
    if not failed:
        shutil.rmtree(keep)
    print(f"mutated_corpus: seed {SEED}: {COUNT} mutants; {compared} scenario mutants ran and "
          f"were compared, {tested} example mutants tested on both engines")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
