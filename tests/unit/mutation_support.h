// Mutations of the example programs for robustness tests: deletions, duplications, swapped
// tokens and bytes, truncation, stray characters.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "sanitizer_share.h"
#include "test_paths.h"

namespace journey::mutation_test {

// How many mutants a test makes: `full` (a quarter under the sanitizers: sanitizer_share.h),
// or what the environment variable `name` says.
inline int mutationCount(const char* name, int full) {
  if (const char* env = std::getenv(name)) return std::atoi(env);
  return journey::test::sanitizerShare(full);
}

inline std::vector<std::string> exampleSources() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(journey::test::repoRoot() + "/examples")) {
    if (entry.path().extension() != ".journey") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

// Token-ish pieces: runs of word characters or single other characters.
inline std::vector<std::pair<size_t, size_t>> pieces(const std::string& s) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < s.size();) {
    size_t j = i + 1;
    if (std::isalnum(static_cast<unsigned char>(s[i]))) {
      while (j < s.size() && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
    }
    if (!std::isspace(static_cast<unsigned char>(s[i]))) out.emplace_back(i, j - i);
    i = j;
  }
  return out;
}

inline std::string mutate(std::string s, std::mt19937_64& rng) {
  static const char* const strays[] = {"{", "}", "(", ")", "[", "]", "\"", "'", "\"\"\"", "\n", ":",
                                       "?", ".", ",", "%", "//", "\\", "\xc3\xa9", "\xff", "\0",
                                       "9999999999999999999999", "1h", "wait", "entry", "if", "on"};
  auto pick = [&](size_t n) { return n == 0 ? 0 : static_cast<size_t>(rng() % n); };
  int edits = 1 + static_cast<int>(rng() % 4);
  for (int e = 0; e < edits && !s.empty(); ++e) {
    size_t a = pick(s.size()), len = 1 + pick(std::min<size_t>(40, s.size() - a));
    switch (rng() % 6) {
      case 0: s.erase(a, len); break;                                   // delete a range
      case 1: s.insert(a, s.substr(a, len)); break;                     // duplicate a range
      case 2: std::swap(s[a], s[pick(s.size())]); break;                // swap two bytes
      case 3: s.resize(a); break;                                       // truncate
      case 4: s.insert(a, strays[pick(std::size(strays))]); break;      // a stray token
      case 5: {                                                         // swap two tokens
        auto p = pieces(s);
        if (p.size() < 2) break;
        auto x = p[pick(p.size())], y = p[pick(p.size())];
        if (x.first > y.first) std::swap(x, y);
        if (x.first + x.second > y.first) break;
        std::string tx = s.substr(x.first, x.second), ty = s.substr(y.first, y.second);
        s.replace(y.first, y.second, tx);
        s.replace(x.first, x.second, ty);
        break;
      }
    }
  }
  return s;
}


}  // namespace journey::mutation_test
