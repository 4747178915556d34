// The program checker: the bodies of channels, actions, caps, constants, functions, events.
#include <doctest/doctest.h>

#include "tests/unit/checker_support.h"

using namespace journey::testing;

TEST_SUITE("checker declarations") {

TEST_CASE("channels are standard kinds with a string address and a bool consent") {
  auto r = check("channel emial { address: profile.email }\n");
  CHECK(r->codes() == Codes{"UnknownChannelKind"});
  CHECK(r->find("UnknownChannelKind")->helps == std::vector<std::string>{"did you mean `email`?"});
  CHECK(check("channel webhook { address: profile.id }\n")->codes().empty());
  CHECK(check("channel inapp { consent: true }\n")->codes() == Codes{"MissingSetting"});
  CHECK(check("channel inapp { address: profile.id, adress: \"x\" }\n")->codes() == Codes{"UnknownSetting"});
  CHECK(check("channel inapp { address: profile.loyalty.points }\n")->codes() == Codes{"TypeMismatch"});
  CHECK(check("channel inapp { address: profile.id, consent: \"yes\" }\n")->codes() ==
        Codes{"TypeMismatch"});
}

TEST_CASE("a channel address may read an optional field without a guard") {
  // The prelude's email channel reads `profile.email` (optional): no W0101.
  CHECK(check("")->codes().empty());
}

TEST_CASE("audience rules are bool and read the profile") {
  CHECK(check("audience Rich = profile.loyalty.points\n")->codes() == Codes{"TypeMismatch"});
  CHECK(check("audience Fr = profile.country == \"FR\" && inAudience(Gold)\n")->codes().empty());
}

TEST_CASE("actions: method, url, timeout, retries and a mock matching the response") {
  CHECK(check("action a { method FETCH\n url \"https://x\" }\n")->codes() == Codes{"InvalidActionMethod"});
  CHECK(check("action a { method GET }\n")->codes() == Codes{"MissingSetting"});
  CHECK(check("action a { url \"https://x\"\n timeout 0s }\n")->codes() == Codes{"NonPositiveValue"});
  CHECK(check("action a { url \"https://x\"\n retries -1 }\n")->codes() == Codes{"NonPositiveValue"});
  CHECK(check("action a { url \"https://x\"\n retries 0 }\n")->codes().empty());
  auto missing = check("action a { url \"https://x\"\n response { score: int, label: string }\n"
                       " mock { score: 1 } }\n");
  INFO(missing->rendered());
  CHECK(missing->codes() == Codes{"MissingField"});
  CHECK(missing->message("MissingField") == "missing field `label` of the response of action `a`");
  CHECK(check("action a { url \"https://x\"\n response { score: int }\n mock { scor: 1 } }\n")
            ->codes() == Codes{"UnknownField", "MissingField"});
  CHECK(check("action a { url \"https://x\"\n response { score: int }\n mock { score: \"1\" } }\n")
            ->codes() == Codes{"TypeMismatch"});
  CHECK(check("action a { url \"https://x\"\n response { score: int }\n mock error \"down\" }\n")
            ->codes().empty());
}

TEST_CASE("constant durations and counts") {
  CHECK(check("event E retain 0s { a: int }\n")->codes() == Codes{"NonPositiveValue"});
  CHECK(check("event E retain 1d - 2d { a: int }\n")->codes() == Codes{"NonPositiveValue"});
  CHECK(check("const Keep = 3d\nevent E retain Keep { a: int }\n")->codes().empty());
  CHECK(check("event E retain duration(\"1h\") { a: int }\n")->codes() == Codes{"NonConstantValue"});
  CHECK(check("event E retain 3 { a: int }\n")->codes() == Codes{"TypeMismatch"});
  CHECK(check("cap email 3 per 7d\n")->codes().empty());
  CHECK(check("cap email 0 per 7d\n")->codes() == Codes{"NonPositiveValue"});
  CHECK(check("cap email 3 per 0s\n")->codes() == Codes{"NonPositiveValue"});
  CHECK(check("cap emial 3 per 7d\n")->codes() == Codes{"UnknownChannel"});
  CHECK(check("const N = 2\ncap email N + 1 per 1d + 12h\n")->codes().empty());
}

TEST_CASE("constants and functions are pure and match their declared types") {
  CHECK(check("const X: int = \"a\"\n")->codes() == Codes{"TypeMismatch"});
  CHECK(check("fn f(x: int): string = x + 1\n")->codes() == Codes{"TypeMismatch"});
  CHECK(check("const X = profile.id\n")->codes() == Codes{"ImpureExpression"});
  CHECK(check("fn f(x: int, x: int): int = x\n")->codes() == Codes{"DuplicateBinding"});
}

TEST_CASE("field defaults are typed") {
  CHECK(check("type T { a: int = \"x\" }\n")->codes() == Codes{"TypeMismatch"});
  CHECK(check("type T { a: int = 3, b: { c: string = \"d\" } }\n")->codes().empty());
}

}  // TEST_SUITE

TEST_SUITE("checker declarations") {

TEST_CASE("constant folding stays linear and stops at cycles") {
  std::string chain = "const C0 = 1s\n";
  for (int i = 1; i <= 60; ++i) {
    chain += "const C" + std::to_string(i) + " = C" + std::to_string(i - 1) + " - C" +
             std::to_string(i - 1) + " + C" + std::to_string(i - 1) + "\n";
  }
  CHECK(check(chain + "event E retain C60 { a: int }\n")->codes().empty());
  auto cycle = check("const A = A + A\nevent E retain A { a: int }\n");
  INFO(cycle->rendered());
  CHECK(cycle->codes() == Codes{"ConstCycle"});
}

}  // TEST_SUITE
