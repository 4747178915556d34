// tools/journey/printable_text: text read from a file is printed without its control bytes
// (`journey inspect` of a damaged or forged artifact must not drive the terminal).
#include <doctest/doctest.h>

#include "tools/journey/printable_text.h"

using journey::cli::printableText;

TEST_CASE("control bytes of a file's text are printed as \\xNN, newlines kept") {
  CHECK(printableText("journey 0.1.0\n") == "journey 0.1.0\n");
  CHECK(printableText("\x1b[31mred") == "\\x1b[31mred");
  CHECK(printableText(std::string("a\0b\tc\x7f", 6)) == "a\\x00b\\x09c\\x7f");
  CHECK(printableText("caf\xc3\xa9") == "caf\xc3\xa9");  // UTF-8 is text
  CHECK(printableText("\xf0\x9f\x93\xa7 mail") == "\xf0\x9f\x93\xa7 mail");
}

TEST_CASE("bytes that are no UTF-8 are printed as \\xNN, one at a time") {
  CHECK(printableText("0.1\xff\xff") == "0.1\\xff\\xff");
  CHECK(printableText("caf\xc3") == "caf\\xc3");        // a character cut short
  CHECK(printableText("\xc0\xaf") == "\\xc0\\xaf");      // an overlong `/`
  CHECK(printableText("\xed\xa0\x80") == "\\xed\\xa0\\x80");  // a surrogate
}

TEST_CASE("a line's text has its newlines escaped too") {
  using journey::cli::Newlines;
  CHECK(printableText("two\nlines.journey", Newlines::Escaped) == "two\\x0alines.journey");
}
