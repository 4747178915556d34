#include "tools/journey/jit_loader.h"

#include <dlfcn.h>
#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace journey::cli {
#ifndef JOURNEY_JIT_LINKED
namespace {

std::string libraryPath() {
  if (const char* named = std::getenv("JOURNEY_JIT_LIBRARY"); named && *named) return named;
  std::error_code error;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (error) return "libjourney-jit.so";  // the loader's search path, then
  return (self.parent_path() / "libjourney-jit.so").string();
}

struct Loaded {
  const jit::JitLibrary* library = nullptr;
  std::string whyNot;
};

Loaded load() {
  Loaded out;
  std::string path = libraryPath();
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) {
    const char* error = ::dlerror();
    out.whyNot = fmt::format("cannot load the JIT library: {}", error ? error : path);
    return out;
  }
  auto entry = reinterpret_cast<const jit::JitLibrary* (*)()>(
      ::dlsym(handle, jit::kJitLibraryEntry));
  const jit::JitLibrary* library = entry ? entry() : nullptr;
  if (!library || library->layout != jit::kJitLibraryLayout) {
    out.whyNot = fmt::format("{} is not the JIT library of this build of journey", path);
    return out;
  }
  out.library = library;
  return out;
}

}  // namespace
#endif

const jit::JitLibrary* loadJitLibrary(std::string& whyNot) {
#ifdef JOURNEY_JIT_LINKED  // built with the JIT inside (-DJOURNEY_JIT_LIBRARY=OFF)
  (void)whyNot;
  return journey_jit_library_v1();
#else
  static const Loaded loaded = load();
  if (!loaded.library) whyNot = loaded.whyNot;
  return loaded.library;
#endif
}

}  // namespace journey::cli
