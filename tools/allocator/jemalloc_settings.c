/* The `journey` tool's allocator settings, read by jemalloc when the process starts.
 *
 * thp:default: the heap takes transparent huge pages only where the system gives them
 * unasked (Debian: nowhere; it grants them on request, `madvise`). Until session 34 the tool
 * asked for them (thp:always): a random profile per record then misses the TLB less, about
 * 1.5 s less user time at full size. But a huge page's first touch waits on this project's
 * machines for the host to back it, 0.1 to 3.7 s per GiB from one hour to the next, where
 * 4 KiB pages took 0.6 to 0.8 s in every try (session 32): at full size 12 to 15 s of kernel
 * time against 1 in session 34's hours (docs/runtime.md, "Memory": the allocator). jemalloc's
 * own metadata (a few MB, read by every free) still asks for them (metadata_thp:auto).
 *
 * dirty_decay_ms:-1: memory the run frees (a table that doubled, a batch) is kept for what it
 * allocates next rather than given back after ten seconds. On huge pages that saved 6% at full
 * size (a page given back was split and taken again 4 KiB at a time); on 4 KiB pages it is
 * within the noise (session 34). A long-running service would weigh it the other way. */
#include <jemalloc/jemalloc.h>

const char *malloc_conf = "thp:default,metadata_thp:auto,dirty_decay_ms:-1";
