// now(), history() and inAudience(): answered by the host, errors without one.
#include <doctest/doctest.h>

#include <string>

#include "tests/unit/stdlib_support.h"

using namespace journey;
using journey::test::callOverload;
using journey::test::printCall;

namespace {

// Records what it is asked and answers with fixed values.
class FakeHost : public stdlib::Host {
 public:
  Value now() override { return Value::timestamp(1'700'000'000, 5); }
  Value inAudience(std::string_view name) override {
    lastAudience = name;
    return Value::boolean(name == "Gold");
  }
  Value history(std::string_view event, Duration window) override {
    lastEvent = event;
    lastWindow = window;
    return Value::list({Value::integer(1), Value::integer(2)});
  }

  std::string lastAudience;
  std::string lastEvent;
  Duration lastWindow;
};

}  // namespace

TEST_SUITE_BEGIN("stdlib");

TEST_CASE("stdlib ext journey: the host answers") {
  FakeHost host;
  stdlib::CallContext context{&host};
  CHECK(printCall("now", {}, &context) == "timestamp(\"2023-11-14T22:13:20.000000005Z\")");

  CHECK(printCall("in_audience", {Value::string("Gold")}, &context) == "true");
  CHECK(host.lastAudience == "Gold");
  CHECK(printCall("in_audience", {Value::string("Silver")}, &context) == "false");

  Value window = Value::duration(30 * 86400);
  CHECK(printCall("history", {Value::type("Purchase"), window}, &context) == "[1, 2]");
  CHECK(host.lastEvent == "Purchase");
  CHECK(host.lastWindow == Duration{30 * 86400, 0});
  CHECK(printCall("history", {Value::string("Visit"), window}, &context) == "[1, 2]");
  CHECK(host.lastEvent == "Visit");
  CHECK(printCall("history", {Value::integer(1), window}, &context) ==
        "<error: `history` takes an event type or its name, found `int`>");

  // The count (what `size(history(...))` lowers to): a host without its own counts the list.
  CHECK(printCall("history_count", {Value::type("Order"), window}, &context) == "2");
  CHECK(host.lastEvent == "Order");
  CHECK(printCall("history_count", {Value::integer(1), window}, &context) ==
        "<error: `history` takes an event type or its name, found `int`>");
}

TEST_CASE("stdlib ext journey: without a host, an error value") {
  CHECK(printCall("now", {}) == "<error: `now()` needs a journey runtime>");
  CHECK(printCall("in_audience", {Value::string("Gold")}) ==
        "<error: `inAudience()` needs a journey runtime>");
  CHECK(printCall("history", {Value::type("Purchase"), Value::duration(60)}) ==
        "<error: `history()` needs a journey runtime>");
  CHECK(printCall("history_count", {Value::type("Purchase"), Value::duration(60)}) ==
        "<error: `history()` needs a journey runtime>");
}

TEST_SUITE_END();
