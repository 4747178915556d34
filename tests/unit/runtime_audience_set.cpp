// AudienceSet: the runtime's sets of audiences, past the first 64 as well as within them.
#include <doctest/doctest.h>

#include "vm/runtime/audience_set.h"

using journey::runtime::AudienceSet;

TEST_SUITE_BEGIN("runtime");

TEST_CASE("audience set: members past the 64th are kept, joined and intersected") {
  AudienceSet s;
  CHECK(s.empty());
  s.add(3);
  s.add(130);
  CHECK_FALSE(s.empty());
  CHECK(s.contains(3));
  CHECK(s.contains(130));
  CHECK_FALSE(s.contains(66));
  CHECK_FALSE(s.contains(1000));  // past every word held

  AudienceSet t;
  t.add(66);
  CHECK((s | t).contains(66));
  CHECK((s | t).contains(130));

  AudienceSet all = AudienceSet::all(200);
  for (size_t a : {0, 63, 64, 127, 128, 199}) CHECK(all.contains(a));
  AudienceSet few = all;
  few &= s;
  CHECK(few.contains(3));
  CHECK(few.contains(130));
  CHECK_FALSE(few.contains(4));
  // An intersection that leaves only audiences past the 64th empty is empty.
  AudienceSet high;
  high.add(70);
  high &= s;
  CHECK(high.empty());
  high |= t;
  CHECK(high.contains(66));
  CHECK_FALSE(high.empty());
}

TEST_SUITE_END();
