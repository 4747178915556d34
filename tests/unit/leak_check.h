// Counts the heap objects a block of a test leaves behind on this thread.
#pragma once

#include <doctest/doctest.h>

#include "vm/value/heap_object.h"

struct LeakCheck {
  int64_t before = journey::liveHeapObjectsOnThisThread();
  ~LeakCheck() { CHECK(journey::liveHeapObjectsOnThisThread() == before); }
};
