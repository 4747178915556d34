// How much of a long test runs under the sanitizers (CI's second run, where each case costs ten
// to fifteen times more): a quarter of its random cases or of the programs it walks. The
// optimised run does them all; a quarter still reaches every path the sanitizers watch.
#pragma once

namespace journey::test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kUnderSanitizers = true;
#else
inline constexpr bool kUnderSanitizers = false;
#endif

// `full` cases, or a quarter of them under the sanitizers.
inline int sanitizerShare(int full) { return kUnderSanitizers ? full / 4 : full; }

}  // namespace journey::test
