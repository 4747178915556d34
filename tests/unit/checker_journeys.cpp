// The program checker: journey header clauses.
#include <doctest/doctest.h>

#include "tests/unit/checker_support.h"

using namespace journey::testing;

TEST_SUITE("checker journeys") {

TEST_CASE("the examples of the language brief check") {
  auto r = check(R"(
audience LapsedBuyers = size(history(Purchase, 180d)) == 0 && profile.consents.email
cap email 3 per 7d

journey CartRecovery {
  entry on CartAbandoned as cart when cart.total > 50.0
  key cart.cartId
  reentry after 7d
  exit on Purchase as p when has(p.cartId) && p.cartId == cart.cartId
  exit when !profile.consents.email
  timeout 30d
  timezone profile.timezone
  quiet hours 21:00 to 08:00 queue

  wait 1h
  if !has(profile.email) {
    end "no email"
  }
  send email "cart-reminder" { cartId: cart.cartId, total: cart.total }
  wait for EmailOpened as opened, Purchase as bought within 2d {
    on opened {
      send push "thanks-for-looking"
    }
    on bought {
      end "converted"
    }
    timeout {
      if profile.consents.sms {
        send sms "cart-sms" { text: "Your cart is waiting, " + profile.firstName }
      }
    }
  }
  split "subject-test" {
    50% { send email "winback-a" }
    50% { send email "winback-b" }
  }
}

journey WeeklyWinback {
  entry every monday at 09:00 in "Europe/Paris" for audience LapsedBuyers
  reentry after 28d
  call crm_score { id: profile.id } as r
  if r.score > 40 {
    send email "winback" { score: r.score }
    set profile.tags = profile.tags + ["winback-sent"]
  }
}

journey GoldWelcome {
  entry on audience Gold
  wait until 09:00
  send email "welcome-gold"
}
)");
  INFO(r->rendered());
  CHECK(r->codes().empty());
}

TEST_CASE("exactly one entry") {
  auto none = check("journey J {\n key profile.id\n}\n");
  CHECK(none->codes() == Codes{"MissingEntry"});
  CHECK(none->span("MissingEntry") == "J");
  auto two = check("journey J {\n entry on Purchase\n entry on audience Gold\n}\n");
  CHECK(two->codes() == Codes{"DuplicateClause"});
  CHECK(two->find("DuplicateClause")->secondary.size() == 1);
}

TEST_CASE("singular clauses appear once; exit and cap repeat") {
  CHECK(checkSteps("", "timeout 3d\ntimeout 4d")->codes() == Codes{"DuplicateClause"});
  CHECK(checkSteps("", "key cart.cartId\nkey profile.id")->codes() == Codes{"DuplicateClause"});
  CHECK(checkSteps("", "exit when false\nexit when true\nexit on Purchase\nexit on EmailOpened\n"
                       "cap email 1 per 1d\ncap sms 1 per 1d")
            ->codes()
            .empty());
}

TEST_CASE("the entry binding defaults to `event` and is visible in every clause") {
  CHECK(check("journey J {\n key event.orderId\n entry on Purchase when event.total > 1.0\n}\n")
            ->codes()
            .empty());
  CHECK(check("journey J {\n entry on audience Gold\n key event.orderId\n}\n")->codes() ==
        Codes{"UnknownIdentifier"});
}

TEST_CASE("conditions of clauses are bool") {
  CHECK(check("journey J {\n entry on Purchase when event.total\n}\n")->codes() == Codes{"TypeMismatch"});
  CHECK(checkSteps("", "exit when cart.total")->codes() == Codes{"TypeMismatch"});
}

TEST_CASE("keys are strings or integers") {
  CHECK(checkSteps("", "key cart.total")->codes() == Codes{"InvalidKeyType"});
  CHECK(checkSteps("", "key size(cart.items)")->codes().empty());
}

TEST_CASE("`exit on` binds its name only in its own condition") {
  CHECK(checkSteps("send email \"x\" { o: p.orderId }", "exit on Purchase as p when p.total > 1.0")
            ->codes() == Codes{"UnknownIdentifier"});
  CHECK(checkSteps("", "exit on Purchase as cart")->codes() == Codes{"DuplicateBinding"});
}

TEST_CASE("durations of clauses are positive constants") {
  CHECK(checkSteps("", "timeout 0s")->codes() == Codes{"NonPositiveValue"});
  CHECK(checkSteps("", "reentry after 0s")->codes() == Codes{"NonPositiveValue"});
  CHECK(checkSteps("", "reentry after duration(\"1h\")")->codes() == Codes{"NonConstantValue"});
  CHECK(checkSteps("", "reentry never")->codes().empty());
}

TEST_CASE("time zones") {
  auto r = checkSteps("", "timezone \"Europe/Pari\"");
  CHECK(r->codes() == Codes{"UnknownTimezone"});
  CHECK(r->span("UnknownTimezone") == "\"Europe/Pari\"");
  CHECK(r->find("UnknownTimezone")->helps == std::vector<std::string>{"did you mean `Europe/Paris`?"});
  CHECK(checkSteps("", "timezone 3")->codes() == Codes{"TypeMismatch"});
  CHECK(check("journey J { entry every day at 09:00 in \"Mars/Olympus\" for audience Gold }\n")
            ->codes() == Codes{"UnknownTimezone"});
}

TEST_CASE("schedules") {
  CHECK(check("journey J { entry every hour for audience Gold incremental }\n")->codes().empty());
  CHECK(check("journey J { entry every 2h for audience Gold }\n")->codes().empty());
  CHECK(check("journey J { entry every 0s for audience Gold }\n")->codes() == Codes{"NonPositiveValue"});
  auto often = check("journey J { entry every 59s for audience Gold }\n");
  CHECK(often->codes() == Codes{"ScheduleTooFrequent"});
  CHECK(often->span("ScheduleTooFrequent") == "59s");
  CHECK(check("journey J { entry every 1ns for audience Gold }\n")->codes() ==
        Codes{"ScheduleTooFrequent"});
  CHECK(check("journey J { entry every 1m for audience Gold }\n")->codes().empty());
  CHECK(check("journey J { entry every day at 24:00 for audience Gold }\n")->codes() ==
        Codes{"InvalidTimeOfDay"});
  CHECK(check("journey J { entry every cron \"0 9 * * 1\" for audience Gold }\n")->codes().empty());
  auto cron = check("journey J { entry every cron \"0 25 * * 1\" for audience Gold }\n");
  CHECK(cron->codes() == Codes{"InvalidCron"});
  CHECK(cron->span("InvalidCron") == "25");
  auto never = check("journey J { entry every cron \"0 9 30 2 *\" for audience Gold }\n");
  CHECK(never->codes() == Codes{"InvalidCron"});
  CHECK(never->span("InvalidCron") == "30");
  CHECK(check("journey J { entry every day at 09:00 for audience Glod }\n")->codes() ==
        Codes{"UnknownAudience"});
  CHECK(check("journey J { entry at timestamp(\"2026-12-24T09:00:00Z\") for audience Gold }\n")
            ->codes()
            .empty());
  CHECK(check("journey J { entry at 3 for audience Gold }\n")->codes() == Codes{"TypeMismatch"});
}

TEST_CASE("quiet hours") {
  CHECK(checkSteps("", "quiet hours 21:00 to 21:00")->codes() == Codes{"EmptyQuietHours"});
  CHECK(checkSteps("", "quiet hours 21:60 to 08:00 discard")->codes() == Codes{"InvalidTimeOfDay"});
}

}  // TEST_SUITE
