/* The `journey` tool's allocator settings, read by jemalloc when the process starts
 * (MALLOC_CONF in the environment overrides them).
 *
 * thp:always: the heap asks for transparent huge pages. Each record reads one profile at
 * random among a million, so on 4 KiB pages every record is a TLB miss as well as a cache
 * miss, and a full-size run first touches about a gigabyte. On the machines this project
 * runs on now (session 45), a first touch costs a steady 3.0 s per GiB in 4 KiB pages and 0.07
 * to 1.9 s per GiB in huge pages (bench/page_cost): full size side by side −2.77 ± 0.59 s of
 * 18.0, the 20,000-profile run −27%. Sessions 34 to 44 ran on 4 KiB pages (thp:default),
 * when a huge page's first touch could take up to 3.7 s per GiB and 4 KiB pages 0.6 to 0.8
 * (docs/runtime.md, "Memory": the allocator); bench/runtime_bench.sh times both each time.
 *
 * dirty_decay_ms:-1: memory the run frees (a table that doubled, a batch) is kept for what it
 * allocates next rather than given back after ten seconds: on huge pages that saved 6% at full
 * size (a page given back is split and taken again 4 KiB at a time). A long-running service
 * would weigh it the other way.
 *
 * lg_extent_max_active_fit:10: freed memory is reused for a request up to 1,024 times smaller
 * than the free extent (jemalloc's default: 64). Without it, the `set` patches of a wide
 * profile (a slot per field: 20 KB for a thousand fields), freed a batch at a time, coalesced
 * into free extents too large to be taken for the next patches, and since nothing is given
 * back (above), a run reading on a second thread grew by the size of every patch it read:
 * 160,000 such `set`s took 1.1 GB instead of 72 MB (session 68, from the scaling audit;
 * tests/wide_set_memory.py). The full-size run is unchanged: 14.75 and 15.29 s against 15.53
 * and 15.08 s, the same peak. */
#include <jemalloc/jemalloc.h>

const char *malloc_conf =
    "thp:always,metadata_thp:auto,dirty_decay_ms:-1,lg_extent_max_active_fit:10";
