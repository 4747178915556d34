// Declarations that depend on one another in chains as long as a file can be: found in
// dependency order without recursion (a chain of 75,000 constants once exhausted the stack),
// and audiences reading one another past the runtime's limit refused (E0227).
#include <doctest/doctest.h>

#include <string>

#include "tests/unit/checker_support.h"
#include "tests/unit/sanitizer_share.h"

using namespace journey::testing;

namespace {

// `const c0 = c1 + 1`, …, `const cN = 1`: each depends on the next, declared after it.
std::string constChain(int n) {
  std::string text;
  for (int i = 0; i < n; ++i) text += "const c" + std::to_string(i) + " = c" + std::to_string(i + 1) + " + 1\n";
  return text + "const c" + std::to_string(n) + " = 1\n";
}

// `audience A0 = inAudience(A1)`, …, `audience A(N-1) = profile.id != ""`: N audiences.
std::string audienceChain(int n) {
  std::string text;
  for (int i = 0; i + 1 < n; ++i) {
    text += "audience A" + std::to_string(i) + " = inAudience(A" + std::to_string(i + 1) + ")\n";
  }
  return text + "audience A" + std::to_string(n - 1) + " = profile.id != \"\"\n";
}

}  // namespace

TEST_SUITE("checker long chains") {

TEST_CASE("a chain of 80,000 constants checks, in dependency order") {
  // A quarter under the sanitizers, whose larger frames overflowed sooner.
  int n = journey::test::sanitizerShare(80000);
  auto r = check(constChain(n) + "audience Big = c0 == " + std::to_string(n + 1) + "\n");
  CHECK(r->codes().empty());
}

TEST_CASE("a cycle through 5,000 constants is found, once") {
  std::string chain = constChain(5000);
  chain.replace(chain.rfind("= 1"), 3, "= c0");  // the last one goes back to the first
  auto r = check(chain);
  CHECK(r->codes() == Codes{"ConstCycle"});
}

TEST_CASE("audiences may read one another 100 levels deep, not 101") {
  CHECK(check(audienceChain(100))->codes().empty());
  auto r = check(audienceChain(101));
  CHECK(r->codes() == Codes{"AudienceChainTooLong"});
  CHECK(r->message("AudienceChainTooLong") ==
        "audience `A0` reads audiences 101 levels deep through `inAudience`, past the limit of 100");
  // A chain of a thousand: one error, not one per audience past the limit.
  CHECK(check(audienceChain(1000))->codes() == Codes{"AudienceChainTooLong"});
}

}  // TEST_SUITE
