// The hand-written scanner produces exactly the tokens of the lexer ANTLR generates from the
// grammar: same kinds, positions and channels, on real programs, on every CEL conformance
// expression, on tricky literals and on thousands of mutated files.
#include <doctest/doctest.h>
#include <simdjson.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "compiler/syntax/token_filter.h"
#include "test_paths.h"

using journey::syntax::LexerKind;
using journey::syntax::rawTokenListing;

namespace {

std::vector<std::string> programs() {
  std::vector<std::string> out;
  for (const char* dir : {"/examples", "/tests/golden"}) {
    std::error_code ec;
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(journey::test::repoRoot() + dir, ec)) {
      if (entry.path().extension() != ".journey") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      out.push_back(ss.str());
    }
  }
  return out;
}

bool same(const std::string& text) {
  return rawTokenListing(text, LexerKind::Scanner) == rawTokenListing(text, LexerKind::Antlr);
}

}  // namespace

TEST_SUITE("syntax") {

// One known difference: ANTLR's input stream drops a byte order mark at the very start of the
// text, which shifts its positions by one; the scanner skips it as white space and keeps them.
TEST_CASE("a byte order mark at the start is white space") {
  CHECK(rawTokenListing("\xef\xbb\xbfjourney", LexerKind::Scanner) == "JOURNEY 1 7 0\nEOF 8 7 0\n");
}

TEST_CASE("scanner and generated lexer agree on tricky input") {
  const char* cases[] = {
      "", " ", "\n", "\r", "\r\n", "\n\r", "\t\f\v x", "x \xef\xbb\xbf y",
      "a//c\nb", "a/*c*/b", "/* never closed", "/*/", "/**/", "a /", "x//",
      "0", "00", "007", "0x", "0x1", "0X1fu", "0x1g", "1u", "1U", "1e", "1e3", "1e+3", "1e-", "1E+x",
      "1.", "1.5", "1.5e3", ".5", ".5e-2", ".e5", "1..2", "1.5.3", "42.charAt", "1m", "1ms", "1m5s",
      "1ms5", "1h30m", "1ns", "1us", "1mss", "1d2w", "10sec", "5x", "1_000", "9_", "0xffu1",
      "2.5e3x", "1h.5", "1mu",
      "'a'", "\"a\"", "''", "\"\"", "'''a'''", "\"\"\"a\"\"\"", "'''", "\"\"\"", "''''", "\"\"\"\"",
      "'''a''", "\"\"\"a\\\"\"\"\"", "\"\"\"a\\", "\"\"\"a\\\"", "\"a", "\"a\\", "\"a\\\"", "'a\\'b'",
      "\"a\nb\"", "\"a\\\nb\"", "r\"a\\\"", "r'a\\'", "R\"\"\"x\\\"\"\"\"", "b'x'", "B\"x\"",
      "br'x'", "rb'x'", "bR\"x\"", "Rb'''x'''", "rr'x'", "bb'x'", "rbx'y'", "b", "r", "br", "b\"",
      "r\"", "\"\\u00e9\"", "'\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'", "`a`", "`a-b.c`", "``", "`a",
      "`a\nb`", "a.`b`", "==", "=", "!=", "!", "<=", "<", ">=", ">", "&&", "&", "||", "|", "=>",
      "a?.b", "#", "@", "$", "~", "^", "\\", "\x01", "\x7f", "\xc3\xa9", "\xe2\x82\xac",
      "journey wait if else in true false null as for let const incremental increments",
      "x.if.in", "a_b1 _x __", "w\xc3\xa9",
  };
  for (const char* c : cases) {
    std::string text(c);
    INFO(text);
    CHECK(same(text));
  }
}

TEST_CASE("scanner and generated lexer agree on programs and mutations") {
  std::vector<std::string> sources = programs();
  REQUIRE(!sources.empty());
  for (const std::string& s : sources) CHECK(same(s));
  std::mt19937 rng(4242);
  const char* strays[] = {"\"", "'", "\"\"\"", "'''", "\\", "`", "/*", "*/", "//", "\n", "\r",
                          ".", "0x", "1e", "u", "ms", "b'", "r\"", "\xe2\x82\xac", "\xff", "&",
                          "|", "="};
  for (int i = 0; i < 2000; ++i) {
    std::string s = sources[rng() % sources.size()];
    int edits = 1 + static_cast<int>(rng() % 8);
    for (int e = 0; e < edits && !s.empty(); ++e) {
      size_t pos = rng() % s.size();
      switch (rng() % 4) {
        case 0: s.erase(pos, 1 + rng() % 10); break;
        case 1: s.insert(pos, strays[rng() % (sizeof strays / sizeof *strays)]); break;
        case 2: s[pos] = static_cast<char>(rng() % 256); break;
        case 3: s.resize(pos); break;
      }
    }
    INFO(s);
    CHECK(same(s));
  }
}

TEST_CASE("scanner and generated lexer agree on the CEL conformance expressions") {
  std::ifstream in(journey::test::sharedDir() + "/conformance/cel/cases.jsonl");
  REQUIRE(in.good());
  simdjson::dom::parser parser;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    simdjson::padded_string padded(line);
    simdjson::dom::element root;
    REQUIRE(parser.parse(padded).get(root) == simdjson::SUCCESS);
    std::string_view text;
    REQUIRE(root["expr"].get(text) == simdjson::SUCCESS);
    INFO(text);
    CHECK(same(std::string(text)));
    ++n;
  }
  CHECK(n > 700);
}

}  // TEST_SUITE
