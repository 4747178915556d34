#!/usr/bin/env python3
"""`journey graph` over every example: one node per step, in every format.

    graph_examples.py JOURNEY EXAMPLES_DIR text   DOT and Mermaid
    graph_examples.py JOURNEY EXAMPLES_DIR svg    SVG: well-formed XML

The steps of each journey are counted independently of the graph code, from the AST that
`journey check --emit ast` prints, and each diagram must hold exactly one node per step, named
after its journey. Graphviz's warnings would show on stderr, which must stay empty.
"""
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

STEP_WORDS = {"wait", "if", "split", "send", "call", "set", "let", "emit", "goto", "end"}


def run(args):
    proc = subprocess.run(args, capture_output=True, text=True)
    if proc.returncode != 0 or proc.stderr:
        raise AssertionError(f"{' '.join(args)}: exit {proc.returncode}\n{proc.stderr}")
    return proc.stdout


def steps_per_journey(journey, files):
    """{journey name: number of steps} from `--emit ast`: a step is a line whose first word is a
    step keyword, directly inside a journey or inside a block (a branch, an `else`, an arm, an
    `on` handler, `on error`, or the `timeout` handler of a `wait for`)."""
    counts = {}
    stack = []  # (indent, text) of the enclosing lines
    current = None
    for line in run([journey, "check", "--emit", "ast", *files]).splitlines():
        indent = len(line) - len(line.lstrip(" "))
        text = line.strip()
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else ""
        grandparent = stack[-2][1] if len(stack) >= 2 else ""
        if text.startswith("journey "):
            current = text.split()[1]
            counts[current] = 0
        elif text.split(" ")[0] in STEP_WORDS and current is not None:
            in_block = (parent.startswith("journey ") or parent.startswith("branch")
                        or parent in ("else", "on error") or parent.startswith("arm ")
                        or (parent.startswith("on ") and grandparent.startswith("wait"))
                        or (parent.startswith("timeout") and grandparent.startswith("wait")))
            if in_block:
                counts[current] += 1
        stack.append((indent, text))
    return counts


def count_nodes(names, pattern):
    """{journey: number of step nodes} among node names that `pattern` splits into (journey, key)."""
    counts = {}
    for name in names:
        m = re.fullmatch(pattern, name)
        if m and m.group(2).isdigit():
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    return counts


def expect_counts(what, expected, actual):
    for journey, n in expected.items():
        if actual.get(journey, 0) != n:
            raise AssertionError(f"{what}: journey {journey} has {n} steps but "
                                 f"{actual.get(journey, 0)} step nodes")
    extra = set(actual) - set(expected)
    if extra:
        raise AssertionError(f"{what}: step nodes of unknown journeys {sorted(extra)}")


def check_text(journey, files, expected, name):
    dot = run([journey, "graph", *files])
    if not dot.startswith("digraph journeys {"):
        raise AssertionError(f"{name}: DOT does not start with the graph")
    nodes = re.findall(r'^\s*"([^"]+)" \[label=', dot, re.M)
    expect_counts(f"{name} (dot)", expected, count_nodes(nodes, r"(\w+)/(\w+)"))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.dot")
        run([journey, "graph", *files, "-o", out])
        with open(out) as f:
            if f.read() != dot:
                raise AssertionError(f"{name}: -o wrote something else than stdout")

    mermaid = run([journey, "graph", "--format", "mermaid", *files])
    if not mermaid.startswith("flowchart TB\n"):
        raise AssertionError(f"{name}: Mermaid does not start with the flowchart")
    ids = re.findall(r"^\s+(j\d+_\w+)[\[({>]", mermaid, re.M)
    # Mermaid ids carry the journey's index: map them to names through the DOT order.
    order = list(dict.fromkeys(re.findall(r'subgraph "cluster_(\w+)"', dot)))
    named = [f"{order[int(i.split('_')[0][1:])]}/{i.split('_', 1)[1]}" for i in ids]
    expect_counts(f"{name} (mermaid)", expected, count_nodes(named, r"(\w+)/(\w+)"))


def check_svg(journey, files, expected, name):
    svg = run([journey, "graph", "--format", "svg", *files])
    root = ET.fromstring(svg)  # raises on malformed XML
    ns = {"svg": "http://www.w3.org/2000/svg"}
    if root.tag != "{http://www.w3.org/2000/svg}svg":
        raise AssertionError(f"{name}: the root element is {root.tag}")
    titles = [g.findtext("svg:title", namespaces=ns) for g in root.iter("{http://www.w3.org/2000/svg}g")
              if g.get("class") == "node"]
    expect_counts(f"{name} (svg)", expected, count_nodes(titles, r"(\w+)/(\w+)"))
    clusters = [g.findtext("svg:title", namespaces=ns) for g in root.iter("{http://www.w3.org/2000/svg}g")
                if g.get("class") == "cluster"]
    if sorted(clusters) != sorted(f"cluster_{j}" for j in expected):
        raise AssertionError(f"{name} (svg): clusters {clusters}, journeys {sorted(expected)}")


def main():
    journey, examples, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    failures = 0
    checked = 0
    for folder in sorted(os.listdir(examples)):
        path = os.path.join(examples, folder)
        if not os.path.isdir(path):
            continue
        files = sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".journey"))
        if not files:
            continue
        try:
            expected = steps_per_journey(journey, files)
            if not expected or sum(expected.values()) == 0:
                raise AssertionError(f"{folder}: no journey or no step found in the AST")
            (check_svg if mode == "svg" else check_text)(journey, files, expected, folder)
            checked += 1
            print(f"ok {folder}: {len(expected)} journeys, {sum(expected.values())} steps")
        except AssertionError as e:
            failures += 1
            print(f"FAILED {e}")
    print(f"{checked} passed, {failures} failed")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
