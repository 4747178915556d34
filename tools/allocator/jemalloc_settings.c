/* The `journey` tool's allocator settings, read by jemalloc when the process starts.
 *
 * thp:always: a run keeps gigabytes of small objects (profiles, history, instances) and
 * touches them in random order, one profile per record; on 4 KiB pages nearly every such
 * touch also misses the TLB. Transparent huge pages for the heap cut that (docs/runtime.md,
 * "Memory"). Debian enables THP only on request (`madvise`), hence asking here.
 *
 * dirty_decay_ms:-1: memory the run frees (a table that doubled, a batch) is kept for what it
 * allocates next rather than given back after ten seconds. Given back, a huge page was split
 * and taken again a small page at a time: at full size 2,000 more page faults and about 6%
 * more time (docs/runtime.md, "Throughput budget"), for 12% less peak memory. A long-running
 * service would weigh that the other way. */
#include <jemalloc/jemalloc.h>

const char *malloc_conf = "thp:always,metadata_thp:auto,dirty_decay_ms:-1";
