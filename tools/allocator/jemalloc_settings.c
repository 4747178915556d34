/* The `journey` tool's allocator settings, read by jemalloc when the process starts.
 *
 * thp:always: a run keeps gigabytes of small objects (profiles, history, instances) and
 * touches them in random order, one profile per record; on 4 KiB pages nearly every such
 * touch also misses the TLB. Transparent huge pages for the heap cut that (docs/runtime.md,
 * "Memory"). Debian enables THP only on request (`madvise`), hence asking here. */
#include <jemalloc/jemalloc.h>

const char *malloc_conf = "thp:always,metadata_thp:auto";
