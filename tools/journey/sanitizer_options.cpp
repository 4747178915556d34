// The sanitizer build's defaults for `journey` (ASAN_OPTIONS still overrides them).
//
// intercept_tls_get_addr=0: GCC 12's leak checker records the dynamic thread-local storage of
// the JIT library (loaded at run time, vm/jit/jit_library.h) with a nonsense range through its
// `__tls_get_addr` interceptor, and crashed scanning it at exit ("Tracer caught signal 11").
// Without the interceptor that storage is not scanned: an object held only from there would be
// reported as a leak (a false report, which fails a test), never a leak hidden. Everything else
// (the executable's thread-local storage, stacks, globals, the heap) is scanned as before.
#if defined(__SANITIZE_ADDRESS__)
extern "C" const char* __asan_default_options() { return "intercept_tls_get_addr=0"; }
#endif
