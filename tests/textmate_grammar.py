#!/usr/bin/env python3
"""The TextMate grammar (editors/journey.tmLanguage.json) against the language's grammar.

    textmate_grammar.py editors/journey.tmLanguage.json grammar/Journey.g4

Checks that the JSON is valid, that every regex compiles (Python's `re` reads the patterns we
write: the grammar uses no Oniguruma-only construct), that every `include` exists, that every
keyword of Journey.g4's lexer is highlighted as a keyword on its own, and that samples of each
literal form, declaration and contextual keyword get the scope they should.
"""
import json
import re
import sys

KEYWORD_SCOPES = ("keyword.", "storage.", "constant.language.")

# (text, token in it, scope the token must get; None: no rule may claim it)
SAMPLES = [
    ("// note", "// note", "comment.line.double-slash.journey"),
    ("/* a\nb */", "/* a\nb */", "comment.block.journey"),
    ('"s\\n"', '"s\\n"', "string.quoted.double.journey"),
    ("'s'", "'s'", "string.quoted.single.journey"),
    ('"""a "b" c"""', '"""a "b" c"""', "string.quoted.triple.journey"),
    ("'''a'''", "'''a'''", "string.quoted.triple.journey"),
    ('r"\\d+"', 'r"\\d+"', "string.quoted.double.raw.journey"),
    ("R'x'", "R'x'", "string.quoted.single.raw.journey"),
    ('rb"""x"""', 'rb"""x"""', "string.quoted.triple.raw.journey"),
    ('b"\\x00"', 'b"\\x00"', "string.quoted.double.journey"),
    ("Br'x'", "Br'x'", "string.quoted.single.raw.journey"),
    ('"\\u00e9"', "\\u00e9", "constant.character.escape.journey"),
    ("42", "42", "constant.numeric.integer.journey"),
    ("42u", "42u", "constant.numeric.integer.unsigned.journey"),
    ("0x2A", "0x2A", "constant.numeric.integer.hexadecimal.journey"),
    ("0x2AU", "0x2AU", "constant.numeric.integer.unsigned.journey"),
    ("4.25", "4.25", "constant.numeric.float.journey"),
    ("1e-9", "1e-9", "constant.numeric.float.journey"),
    ("x + .5", ".5", "constant.numeric.float.journey"),
    ("30d", "30d", "constant.numeric.duration.journey"),
    ("1h30m", "1h30m", "constant.numeric.duration.journey"),
    ("500ms", "500ms", "constant.numeric.duration.journey"),
    ("50% {", "50%", "constant.numeric.percentage.journey"),
    ("wait until 09:00", "09:00", "constant.numeric.time.journey"),
    ("quiet hours 21:00 to 08:00", "08:00", "constant.numeric.time.journey"),
    ("every monday at 09:00", "monday", "constant.language.schedule.journey"),
    ("c ? 10:20", "10:20", None),
    ("journey CartRecovery {", "CartRecovery", "entity.name.type.journey"),
    ("audience Gold = true", "Gold", "entity.name.type.journey"),
    ("event Purchase retain 30d {", "Purchase", "entity.name.type.journey"),
    ("fn double(a: int): int = a * 2", "double", "entity.name.function.journey"),
    ("const LIMIT = 3", "LIMIT", "variable.other.constant.journey"),
    ("entry on audience Gold", "Gold", "entity.name.type.journey"),
    ("goto Next", "Next", "entity.name.type.journey"),
    ("profile.wait", "wait", None),
    ("cart.key", "key", None),
    ("items.exists(i, i.qty > 1)", "exists", "support.function.macro.journey"),
    ("has(p.email)", "has", "support.function.macro.journey"),
    ("cel.bind(x, 1, x)", "cel.bind", "support.function.macro.journey"),
    ("math.abs(x)", "math", "support.class.journey"),
    ("inAudience(Gold)", "inAudience", "support.function.journey"),
    ("profile.email", "profile", "variable.language.profile.journey"),
    ("a && b", "&&", "keyword.operator.logical.journey"),
    ("a != b", "!=", "keyword.operator.comparison.journey"),
    ("p.?email", ".?", "keyword.operator.optional.journey"),
    ("m.`content-type`", "`content-type`", "variable.other.quoted.journey"),
]


def patterns_in_order(grammar):
    """The grammar's rules as TextMate tries them at one position, includes expanded."""
    repository = grammar.get("repository", {})
    out = []

    def expand(rules, seen):
        for rule in rules:
            include = rule.get("include")
            if include:
                name = include[1:]
                if not include.startswith("#") or name not in repository:
                    raise AssertionError(f"include {include!r} names no repository rule")
                if name not in seen:
                    expand(repository[name].get("patterns", [repository[name]]), seen | {name})
            else:
                out.append(rule)
                expand(rule.get("patterns", []), seen)  # inside begin/end rules
    expand(grammar["patterns"], frozenset())
    return out


def regexes(node, where="$"):
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("match", "begin", "end", "while"):
                yield f"{where}.{key}", value
            else:
                yield from regexes(value, f"{where}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from regexes(value, f"{where}[{i}]")


def lexer_keywords(g4_text):
    return re.findall(r"^[A-Z_]+\s*:\s*'([A-Za-z_]\w*)'\s*;", g4_text, re.M)


def scope_of(rules, text, token):
    """The scope the first rule that claims `token` within `text` gives it (None: no rule)."""
    for rule in rules:
        if "match" in rule:
            for m in re.finditer(rule["match"], text):
                if m.group(0) == token and "name" in rule:
                    return rule["name"]
                for index, capture in rule.get("captures", {}).items():
                    if m.group(int(index)) == token:
                        return capture.get("name")
        elif "begin" in rule and text == token:
            m = re.match(rule["begin"], text)
            if m and re.search(rule["end"], text[m.end():]) and re.search(rule["end"] + r"\Z", text[m.end():]):
                return rule.get("name")
    return None


def main():
    grammar_path, g4_path = sys.argv[1], sys.argv[2]
    failures = []
    checks = 0
    with open(grammar_path) as f:
        grammar = json.load(f)  # raises on invalid JSON
    if grammar.get("scopeName") != "source.journey" or "journey" not in grammar.get("fileTypes", []):
        failures.append("scopeName must be source.journey and fileTypes must hold journey")

    for where, regex in regexes(grammar):
        checks += 1
        try:
            re.compile(regex)
        except re.error as e:
            failures.append(f"{where}: {regex!r} does not compile: {e}")
    try:
        rules = patterns_in_order(grammar)
    except AssertionError as e:
        print(f"FAILED {e}")
        return 1

    with open(g4_path) as f:
        keywords = lexer_keywords(f.read())
    if len(keywords) < 60:
        failures.append(f"only {len(keywords)} keywords read from {g4_path}: the lexer rules changed form")
    standalone = [r for r in rules if "match" in r and r.get("name", "").startswith(KEYWORD_SCOPES)]
    checks += len(keywords) + len(SAMPLES)
    for word in keywords:
        if not any(re.fullmatch(r["match"], word) for r in standalone):
            failures.append(f"keyword `{word}` of {g4_path} is not highlighted as a keyword")

    for text, token, expected in SAMPLES:
        got = scope_of(rules, text, token)
        if got != expected:
            failures.append(f"{token!r} in {text!r}: scope {got}, expected {expected}")

    for f in failures:
        print(f"FAILED {f}")
    print(f"{checks - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
