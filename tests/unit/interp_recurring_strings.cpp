// RecurringStrings: a string met again is the same heap object; a site whose strings do not
// recur stops looking; errors, long strings and strings short enough to be inline are never
// kept.
#include <doctest/doctest.h>

#include <string>

#include "vm/interp/recurring_strings.h"

using journey::Value;
using journey::interp::RecurringStrings;

TEST_SUITE_BEGIN("interp");

TEST_CASE("recurring strings: shared when met again, made otherwise") {
  RecurringStrings strings;
  RecurringStrings::Site site;
  int made = 0;
  auto make = [&](std::string_view s) {
    return [&made, s] {
      ++made;
      return Value::string(s);
    };
  };
  const std::string zone = "America/Chicago";
  Value a = strings.get(zone, &site, make(zone));
  Value b = strings.get(zone, &site, make(zone));
  CHECK(made == 1);
  CHECK(a.heapObject() != nullptr);
  CHECK(a.heapObject() == b.heapObject());
  CHECK(b.asString() == zone);

  Value c = strings.get(zone, nullptr, make(zone));  // no site: nothing shared
  CHECK(made == 2);
  CHECK(c.heapObject() != a.heapObject());

  std::string longText(40, 'x');
  strings.get(longText, &site, make(longText));
  strings.get(longText, &site, make(longText));
  CHECK(made == 4);

  // Inline strings cost nothing to make: not looked up, so not counted at the site.
  uint32_t lookups = site.lookups;
  CHECK(strings.get("FR", &site, make("FR")).asString() == "FR");
  CHECK(strings.get("FR", &site, make("FR")).heapObject() == nullptr);
  CHECK(made == 6);
  CHECK(site.lookups == lookups);

  const std::string bad = "a string read as bad";
  Value error = strings.get(bad, &site, [] { return Value::error("invalid UTF-8"); });
  CHECK(error.isError());
  CHECK(strings.get(bad, &site, make(bad)).asString() == bad);
}

TEST_CASE("recurring strings: a site of unique strings stops looking") {
  RecurringStrings strings;
  RecurringStrings::Site ids;
  for (int i = 0; i < 5000; ++i) {
    std::string id = "profile-00000" + std::to_string(i);
    CHECK(strings.get(id, &ids, [&] { return Value::string(id); }).asString() == id);
  }
  CHECK(ids.off);

  RecurringStrings::Site countries;
  const char* const kCountries[] = {"United Kingdom", "United States of America", "Federal Republic"};
  for (int i = 0; i < 5000; ++i) {
    const char* country = kCountries[i % 3];
    strings.get(country, &countries, [&] { return Value::string(country); });
  }
  CHECK(!countries.off);
}

TEST_SUITE_END();
