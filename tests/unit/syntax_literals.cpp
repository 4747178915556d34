// Literals: numbers, strings and bytes with every quote form and escape, durations.
#include <doctest/doctest.h>

#include "syntax_support.h"

using journey::syntax_test::expr;
using journey::syntax_test::parseExpr;

TEST_SUITE("syntax") {

TEST_CASE("integer literals") {
  CHECK(expr("0") == "0");
  CHECK(expr("42") == "42");
  CHECK(expr("007") == "7");
  CHECK(expr("0x2A") == "42");
  CHECK(expr("0Xff") == "255");
  CHECK(expr("9223372036854775807") == "9223372036854775807");
  CHECK(expr("-9223372036854775808") == "-9223372036854775808");
  CHECK(expr("-0x8000000000000000") == "-9223372036854775808");
  CHECK(expr("-5") == "-5");
  // Only one minus is folded into the literal; parentheses keep the negation a call.
  CHECK(expr("--5") == "-_(-5)");
  CHECK(expr("-(5)") == "-_(5)");
  CHECK(expr("-(-9223372036854775808)") == "-_(-9223372036854775808)");
  CHECK(expr("- 5") == "-5");
}

TEST_CASE("integer literals out of range") {
  auto p = parseExpr("9223372036854775808");
  CHECK(p->code() == "E0105");
  CHECK(p->message() == "integer literal `9223372036854775808` does not fit in an `int` (64 bits)");
  CHECK(parseExpr("0x8000000000000000")->code() == "E0105");
  CHECK(parseExpr("-9223372036854775809")->code() == "E0105");
  CHECK(parseExpr("-0x8000000000000001")->code() == "E0105");
  CHECK(parseExpr("99999999999999999999999")->code() == "E0105");
}

TEST_CASE("unsigned literals") {
  CHECK(expr("0u") == "0u");
  CHECK(expr("42U") == "42u");
  CHECK(expr("0x2Au") == "42u");
  CHECK(expr("18446744073709551615u") == "18446744073709551615u");
  CHECK(parseExpr("18446744073709551616u")->code() == "E0105");
  CHECK(parseExpr("0x10000000000000000u")->code() == "E0105");
  // A minus is never folded into a uint: `-(5u)` has no overload, which the checker reports.
  CHECK(expr("-5u") == "-_(5u)");
}

TEST_CASE("double literals") {
  CHECK(expr("1.5") == "1.5");
  CHECK(expr(".5") == "0.5");
  CHECK(expr("1e3") == "1000.0");
  CHECK(expr("1E3") == "1000.0");
  CHECK(expr("2.5e-3") == "0.0025");
  CHECK(expr("1e+2") == "100.0");
  CHECK(expr("-1.5") == "-1.5");
  CHECK(expr("0.0") == "0.0");
  CHECK(parseExpr("1e999")->code() == "E0105");
  CHECK(expr("1e-400") == "0.0");
  // `2.` is not a double in CEL: `42.charAt` is a call on the int 42.
  CHECK(expr("42.charAt(0)") == "42.charAt(0)");
}

TEST_CASE("malformed numbers") {
  auto p = parseExpr("10sec");
  CHECK(p->code() == "E0104");
  CHECK(p->message() == "invalid number `10sec`");
  CHECK(p->diags.all().size() == 1);
  CHECK(parseExpr("0x")->code() == "E0104");
  CHECK(parseExpr("1e3x")->code() == "E0104");
  CHECK(parseExpr("12abc")->code() == "E0104");
}

TEST_CASE("duration literals") {
  CHECK(expr("90s") == "dur(90000000000)");
  CHECK(expr("15m") == "dur(900000000000)");
  CHECK(expr("1h") == "dur(3600000000000)");
  CHECK(expr("7d") == "dur(604800000000000)");
  CHECK(expr("2w") == "dur(1209600000000000)");
  CHECK(expr("500ms") == "dur(500000000)");
  CHECK(expr("250us") == "dur(250000)");
  CHECK(expr("10ns") == "dur(10)");
  CHECK(expr("1h30m") == "dur(5400000000000)");
  CHECK(expr("1d2h3m4s5ms6us7ns") == "dur(93784005006007)");
  CHECK(expr("0s") == "dur(0)");
  // A minus before a duration stays a call (no negative duration literal).
  CHECK(expr("-1h") == "-_(dur(3600000000000))");
  auto p = parseExpr("300000w");
  CHECK(p->code() == "E0105");
  CHECK(parseExpr("9223372036854775807ns")->code() == "");
  CHECK(parseExpr("9223372036854775808ns")->code() == "E0105");
  CHECK(parseExpr("106751d")->code() == "");
  CHECK(parseExpr("106752d")->code() == "E0105");
}

TEST_CASE("bool and null literals") {
  CHECK(expr("true") == "true");
  CHECK(expr("false") == "false");
  CHECK(expr("null") == "null");
}

TEST_CASE("string quote forms") {
  CHECK(expr("'hello'") == "\"hello\"");
  CHECK(expr("\"hello\"") == "\"hello\"");
  CHECK(expr("\"\"\"hello\"\"\"") == "\"hello\"");
  CHECK(expr("'''hello'''") == "\"hello\"");
  CHECK(expr("''") == "\"\"");
  CHECK(expr("\"\"") == "\"\"");
  CHECK(expr("'\"\"'") == "\"\\\"\\\"\"");
  CHECK(expr("'''x''x'''") == "\"x''x\"");
  CHECK(expr("\"\"\"a\nb\"\"\"") == "\"a\\x0ab\"");
  CHECK(expr("\"\"\"a\"b\"\"\"") == "\"a\\\"b\"");
}

TEST_CASE("string escapes") {
  CHECK(expr(R"("\a\b\f\n\r\t\v")") == "\"\\x07\\x08\\x0c\\x0a\\x0d\\x09\\x0b\"");
  CHECK(expr(R"("\\ \? \" \' \`")") == R"("\\ ? \" ' `")");
  CHECK(expr(R"('\x41\X42')") == "\"AB\"");
  CHECK(expr(R"('\u00e9')") == "\"\xc3\xa9\"");
  CHECK(expr(R"('\U0001F62C')") == "\"\xf0\x9f\x98\xac\"");
  CHECK(expr(R"('\101\060')") == "\"A0\"");
  // In strings \x and octal escapes are code points (U+00FF), encoded in UTF-8.
  CHECK(expr(R"("\377")") == "\"\xc3\xbf\"");
  CHECK(expr(R"("\xFF")") == "\"\xc3\xbf\"");
  CHECK(expr(R"("\303\277")") == "\"\xc3\x83\xc2\xbf\"");
}

TEST_CASE("invalid escapes") {
  auto p = parseExpr(R"("C:\data")");
  CHECK(p->code() == "E0103");
  CHECK(p->message() == "`\\d` is not a valid escape sequence");
  CHECK(p->underlined() == "\\d");
  CHECK(parseExpr(R"('\uD83D\uDE03')")->message() == "`\\uD83D` is a UTF-16 surrogate, not a code point");
  CHECK(parseExpr(R"('\UD83DDE03')")->code() == "E0103");
  CHECK(parseExpr(R"('\U00110000')")->message() ==
        "`\\U00110000` is past the last Unicode code point (U+10FFFF)");
  CHECK(parseExpr(R"('\x4')")->message() == "`\\x` must be followed by 2 hexadecimal digits");
  CHECK(parseExpr(R"('\u12')")->code() == "E0103");
  CHECK(parseExpr(R"('\400')")->message() ==
        "an octal escape has exactly three digits, from `\\000` to `\\377`");
  CHECK(parseExpr(R"('\12')")->code() == "E0103");
  CHECK(parseExpr(R"('\s')")->code() == "E0103");
  CHECK(parseExpr(R"(b'\u0041')")->code() == "E0103");
  CHECK(parseExpr(R"(b'\U00000041')")->code() == "E0103");
  // One diagnostic, on the escape itself.
  auto q = parseExpr(R"(f("ok", "bad \q here"))");
  CHECK(q->diags.all().size() == 1);
  CHECK(q->underlined() == "\\q");
}

TEST_CASE("raw strings keep backslashes") {
  CHECK(expr(R"(r"\d+\.\n")") == R"("\\d+\\.\\n")");
  CHECK(expr(R"(R'\\')") == R"("\\\\")");
  CHECK(expr(R"(r"""a\"b""")") == R"("a\\\"b")");
  CHECK(expr(R"(r'''\x''')") == R"("\\x")");
}

TEST_CASE("bytes literals") {
  CHECK(expr("b'abc'") == "b\"abc\"");
  CHECK(expr("B\"abc\"") == "b\"abc\"");
  CHECK(expr("b'''abc'''") == "b\"abc\"");
  CHECK(expr("b\"\"\"a\"\"\"") == "b\"a\"");
  // The bytes of the UTF-8 text; \x and octal escapes are single bytes.
  CHECK(expr("b'\xc3\xbf'") == "b\"\\xc3\\xbf\"");
  CHECK(expr(R"(b"\303\277")") == "b\"\\xc3\\xbf\"");
  CHECK(expr(R"(b"\377")") == "b\"\\xff\"");
  CHECK(expr(R"(b"\xff\X00")") == "b\"\\xff\\x00\"");
  // Raw bytes in every prefix order and case.
  CHECK(expr(R"(br'\n')") == R"(b"\\n")");
  CHECK(expr(R"(rb'\n')") == R"(b"\\n")");
  CHECK(expr(R"(BR'\n')") == R"(b"\\n")");
  CHECK(expr(R"(Rb"\n")") == R"(b"\\n")");
  CHECK(expr(R"(bR"""\n""")") == R"(b"\\n")");
}

TEST_CASE("unclosed strings") {
  auto p = parseExpr("'abc");
  CHECK(p->code() == "E0102");
  CHECK(p->message() == "unclosed string literal");
  CHECK(p->diags.all().size() == 1);
  CHECK(parseExpr("\"abc\\\"")->code() == "E0102");  // the last quote is escaped
  CHECK(parseExpr("\"\"\"abc")->code() == "E0102");
  CHECK(parseExpr("b'abc")->message() == "unclosed bytes literal");
  CHECK(parseExpr("r'abc")->code() == "E0102");
  // A string does not run past the end of its line.
  auto f = journey::syntax_test::parse("audience A = f(\"abc)\naudience B = true\n");
  CHECK(f->codes() == std::vector<std::string>{"E0102"});
  CHECK(f->module.decls.size() == 2);
}

TEST_CASE("unicode in strings and comments") {
  CHECK(expr("'h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80'") == "\"h\xc3\xa9llo \xe2\x82\xac \xf0\x9f\x98\x80\"");
  CHECK(expr("// caf\xc3\xa9 \xe2\x82\xac\n1 + /* \xf0\x9f\x98\x80 */ 2") == "_+_(1, 2)");
}

}  // TEST_SUITE
