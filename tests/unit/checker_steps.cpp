// The program checker: journey steps, local scopes and presence guards.
#include <doctest/doctest.h>

#include "tests/unit/checker_support.h"

using namespace journey::testing;

TEST_SUITE("checker steps") {

TEST_CASE("waits") {
  CHECK(checkSteps("wait 0s")->codes() == Codes{"NonPositiveValue"});
  CHECK(checkSteps("wait \"1h\"")->codes() == Codes{"TypeMismatch"});
  CHECK(checkSteps("wait duration(\"1h\")")->codes().empty());  // computed waits are allowed
  CHECK(checkSteps("wait until cart.time + 1h")->codes().empty());
  CHECK(checkSteps("wait until 3")->codes() == Codes{"TypeMismatch"});
  CHECK(checkSteps("wait until 09:75")->codes() == Codes{"InvalidTimeOfDay"});
  CHECK(checkSteps("wait until 09:00 on friday")->codes().empty());
}

TEST_CASE("wait for: events, bindings and handlers") {
  CHECK(checkSteps("wait for EmailOpend as o { on o { end } }")->codes() == Codes{"UnknownEvent"});
  CHECK(checkSteps("wait for EmailOpened as o, Purchase as o { on o { end } }")->codes() ==
        Codes{"DuplicateBinding"});
  auto unknown = checkSteps("wait for EmailOpened as opened { on opend { end } }");
  CHECK(unknown->codes() == Codes{"UnknownHandler"});
  CHECK(unknown->find("UnknownHandler")->helps == std::vector<std::string>{"did you mean `opened`?"});
  CHECK(checkSteps("wait for EmailOpened as o { on o { end }\n on o { end } }")->codes() ==
        Codes{"DuplicateHandler"});
  // A handler may be missing (the wait just ends); an unbound event is handled by its name.
  CHECK(checkSteps("wait for EmailOpened as o, Purchase within 1d { on Purchase { end } }")
            ->codes()
            .empty());
  CHECK(checkSteps("wait for Purchase as p within 0s { on p { end } }")->codes() ==
        Codes{"NonPositiveValue"});
  CHECK(checkSteps("wait for Purchase as cart { on cart { end } }")->codes() == Codes{"DuplicateBinding"});
}

TEST_CASE("wait for: a binding is visible only in its handler and its condition") {
  CHECK(checkSteps("wait for Purchase as p when p.total > 1.0 { on p { send email \"x\" "
                   "{ o: p.orderId } } }")
            ->codes()
            .empty());
  CHECK(checkSteps("wait for Purchase as p { on p { end } }\nsend email \"x\" { o: p.orderId }")
            ->codes() == Codes{"UnknownIdentifier"});
  CHECK(checkSteps("wait for Purchase as p, EmailOpened as o { on o { let x = p.total } }")
            ->codes() == Codes{"UnknownIdentifier"});
  CHECK(checkSteps("wait for Purchase as p when p.total { on p { end } }")->codes() ==
        Codes{"TypeMismatch"});
}

TEST_CASE("if conditions are bool") {
  CHECK(checkSteps("if cart.total { end }")->codes() == Codes{"TypeMismatch"});
  CHECK(checkSteps("if cart.total > 1.0 { end } else if cart.cartId { end }")->codes() ==
        Codes{"TypeMismatch"});
}

TEST_CASE("split percentages and names") {
  auto sum = checkSteps("split \"s\" {\n 50% { end }\n 40% { end }\n}");
  CHECK(sum->codes() == Codes{"SplitSum"});
  CHECK(sum->message("SplitSum") == "the percentages of split `s` sum to 90%, not 100%");
  CHECK(checkSteps("split \"s\" {\n 0% { end }\n 100% { end }\n}")->codes() == Codes{"InvalidSplitPercent"});
  // The largest percentages the lexer takes are refused, not summed (an overflow before).
  CHECK(checkSteps("split \"s\" {\n 9223372036854775807% { end }\n 9223372036854775807% { end }\n}")
            ->codes() == Codes{"InvalidSplitPercent", "InvalidSplitPercent"});
  CHECK(checkSteps("split \"s\" {\n 50% { wait 1h }\n 50% { }\n}\nsplit \"s\" {\n 100% { }\n}")
            ->codes() == Codes{"DuplicateSplitName"});
}

TEST_CASE("send and call") {
  CHECK(checkSteps("send email \"t\" { a: 1, a: 2 }")->codes() == Codes{"DuplicateField"});
  CHECK(checkSteps("send email \"t\" { a: cart.items, b: {\"k\": 1} }")->codes().empty());
  CHECK(checkSteps("call crm_score { id: profile.id } as r\nsend email \"t\" { s: r.score }")
            ->codes()
            .empty());
  CHECK(checkSteps("call crm_score as r\nsend email \"t\" { s: r.scor }")->codes() ==
        Codes{"UnknownField"});
  // The response is not bound in `on error`, and the binding cannot shadow.
  CHECK(checkSteps("call crm_score as r on error { send email \"t\" { s: r.score } }")->codes() ==
        Codes{"UnknownIdentifier"});
  CHECK(checkSteps("call crm_score as cart")->codes() == Codes{"DuplicateBinding"});
  // An unknown action's binding does not cascade.
  CHECK(checkSteps("call crm as r\nsend email \"t\" { s: r.score }")->codes() == Codes{"UnknownAction"});
}

TEST_CASE("set names schema fields with an assignable value") {
  CHECK(checkSteps("set profile.loyalty.points = 3")->codes().empty());
  CHECK(checkSteps("set profile.attributes.color = \"red\"")->codes().empty());
  auto wrong = checkSteps("set profile.loyalty.points = \"3\"");
  CHECK(wrong->codes() == Codes{"TypeMismatch"});
  auto unknown = checkSteps("set profile.loyalty.pionts = 3");
  CHECK(unknown->codes() == Codes{"UnknownField"});
  CHECK(unknown->span("UnknownField") == "pionts");
  CHECK(checkSteps("set profile.id = \"x\"")->codes() == Codes{"InvalidSetTarget"});
  CHECK(checkSteps("set cart.total = 1.0")->codes() == Codes{"InvalidSetTarget"});
  CHECK(checkSteps("set profile.tags.first = \"x\"")->codes() == Codes{"InvalidSetTarget"});
}

TEST_CASE("let is block scoped and does not shadow") {
  CHECK(checkSteps("let x = 1\nsend email \"t\" { x: x }")->codes().empty());
  CHECK(checkSteps("if true { let x = 1 }\nsend email \"t\" { x: x }")->codes() == Codes{"UnknownIdentifier"});
  CHECK(checkSteps("let x = 1\nif true { send email \"t\" { x: x } }")->codes().empty());
  CHECK(checkSteps("let x = 1\nlet x = 2")->codes() == Codes{"DuplicateBinding"});
  CHECK(checkSteps("let profile = 1")->codes() == Codes{"DuplicateBinding"});
  CHECK(checkSteps("if true { let x = 1 } else { let x = 2 }")->codes().empty());
}

TEST_CASE("emit builds a whole event") {
  CHECK(checkSteps("emit Purchase { orderId: \"o\", total: 1.0 }")->codes().empty());
  auto missing = checkSteps("emit Purchase { orderId: \"o\" }");
  CHECK(missing->codes() == Codes{"MissingField"});
  CHECK(missing->message("MissingField") == "missing field `total` of event `Purchase`");
  CHECK(checkSteps("emit Purchase { orderId: \"o\", total: 1.0, time: now() }")->codes() ==
        Codes{"EmitTimeField"});
  CHECK(checkSteps("emit Purchase { orderId: \"o\", total: 1.0, tax: 2 }")->codes() ==
        Codes{"UnknownField"});
  CHECK(checkSteps("emit Purchase { orderId: 1, total: 1.0 }")->codes() == Codes{"TypeMismatch"});
  CHECK(checkSteps("emit Purchas { orderId: 1 }")->codes() == Codes{"UnknownEvent"});
}

TEST_CASE("goto needs the same entry event") {
  std::string others =
      "journey Same {\n entry on CartAbandoned\n end\n}\n"
      "journey Other {\n entry on Purchase\n end\n}\n"
      "journey Aud {\n entry on audience Gold\n end\n}\n";
  CHECK(check(others + "journey J {\n entry on CartAbandoned as c\n goto Same\n}\n")->codes().empty());
  auto other = check(others + "journey J {\n entry on CartAbandoned as c\n goto Other\n}\n");
  CHECK(other->codes() == Codes{"GotoEntryMismatch"});
  CHECK(other->message("GotoEntryMismatch") == "journey `Other` starts on `Purchase`, not `CartAbandoned`");
  CHECK(check(others + "journey J {\n entry on CartAbandoned\n goto Aud\n}\n")->codes() ==
        Codes{"GotoEntryMismatch"});
  CHECK(check(others + "journey J {\n entry on audience Gold\n goto Same\n}\n")->codes() ==
        Codes{"GotoEntryMismatch"});
  CHECK(check(others + "journey J {\n entry on CartAbandoned\n goto J\n}\n")->codes() ==
        Codes{"GotoCycle"});
}

TEST_CASE("presence guards for optional fields") {
  // Unguarded: the expression checker warns.
  CHECK(checkSteps("send sms \"t\" { p: profile.phone }")->codes() == Codes{"UnguardedOptionalRead"});
  CHECK(checkSteps("if has(profile.phone) { send sms \"t\" { p: profile.phone } }")->codes().empty());
  CHECK(checkSteps("if !has(profile.phone) { end }\nsend sms \"t\" { p: profile.phone }")
            ->codes()
            .empty());
  CHECK(checkSteps("if !has(profile.phone) { wait 1h }\nsend sms \"t\" { p: profile.phone }")
            ->codes() == Codes{"UnguardedOptionalRead"});
  CHECK(checkSteps("if !has(profile.phone) { end } else { send sms \"t\" { p: profile.phone } }")
            ->codes()
            .empty());
  CHECK(checkSteps("if !has(profile.phone) || !has(profile.email) { end }\n"
                   "send sms \"t\" { p: profile.phone, e: profile.email }")
            ->codes()
            .empty());
  CHECK(checkSteps("if has(profile.phone) { wait 1h } else { end }\nlet p = profile.phone")
            ->codes()
            .empty());
  CHECK(checkSteps("set profile.phone = \"+33\"\nlet p = profile.phone")->codes().empty());
}

}  // TEST_SUITE
