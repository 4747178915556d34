// The program checker's warnings: unreachable steps and waits longer than the timeout.
#include <doctest/doctest.h>

#include "tests/unit/checker_support.h"

using namespace journey::testing;

TEST_SUITE("checker lints") {

TEST_CASE("steps after an end are unreachable") {
  auto r = checkSteps("end \"done\"\nsend email \"never\"\nwait 1h");
  CHECK(r->codes() == Codes{"UnreachableStep"});
  CHECK(r->span("UnreachableStep") == "send");
  CHECK(checkSteps("if true { goto J2\n wait 1h }", "")->codes() == Codes{"UnknownJourney", "UnreachableStep"});
  CHECK(checkSteps("if true { end } else { end }\nwait 1h")->codes() == Codes{"UnreachableStep"});
  CHECK(checkSteps("if true { end }\nwait 1h")->codes().empty());
  CHECK(checkSteps("split \"s\" {\n 50% { end }\n 50% { end }\n}\nwait 1h")->codes() ==
        Codes{"UnreachableStep"});
}

TEST_CASE("a wait longer than the journey timeout") {
  auto r = checkSteps("wait 100d");
  CHECK(r->codes() == Codes{"WaitExceedsTimeout"});
  CHECK(r->message("WaitExceedsTimeout") == "this wait (100d) is longer than the journey's timeout (90d)");
  CHECK(checkSteps("wait 40d", "timeout 30d")->codes() == Codes{"WaitExceedsTimeout"});
  CHECK(checkSteps("wait 30d", "timeout 30d")->codes().empty());
  CHECK(checkSteps("wait for Purchase as p within 31d { on p { end } }", "timeout 30d")->codes() ==
        Codes{"WaitExceedsTimeout"});
}

}  // TEST_SUITE
