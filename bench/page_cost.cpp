// What fresh memory costs this machine right now: 256 MiB first touched in 4 KiB pages, then
// 256 MiB in transparent huge pages (a mapping asking for them), each in a mapping of its own,
// given back after. On the virtual machines this project is measured on, that cost moves from
// hour to hour (0.1 to 3.7 s per GiB, bench/README.md "Where the time goes") and moves a
// full-size run's time with it, since a run first touches about a gigabyte: runtime_bench.sh
// prints this beside its figures, so that each figure says what the hour was like.
//
//   page_cost [MiB]      prints "4 KiB pages X s/GiB, huge pages Y s/GiB" (or "huge pages
//                        none offered" where the system's transparent huge pages are off)
//
// Exits 1 when the memory cannot be mapped.
#include <sys/mman.h>

#include <fmt/format.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

namespace {

constexpr size_t kSmallPage = 4096;
constexpr size_t kHugePage = size_t{2} << 20;

// Seconds per GiB to first touch `bytes` of a fresh mapping (one write per 4 KiB page), or none
// when it cannot be mapped. `huge`: the mapping asks for huge pages, and starts on a huge
// page's boundary so that every one of them can be.
std::optional<double> secondsPerGiB(size_t bytes, bool huge) {
  size_t mapped = bytes + (huge ? kHugePage : 0);
  void* start = mmap(nullptr, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (start == MAP_FAILED) return std::nullopt;
  auto address = reinterpret_cast<uintptr_t>(start);
  if (huge) address = (address + kHugePage - 1) & ~(kHugePage - 1);
  auto* bytesAt = reinterpret_cast<volatile char*>(address);
  if (huge) madvise(reinterpret_cast<void*>(address), bytes, MADV_HUGEPAGE);
  auto began = std::chrono::steady_clock::now();
  for (size_t at = 0; at < bytes; at += kSmallPage) bytesAt[at] = 1;
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - began;
  munmap(start, mapped);
  return took.count() * double(size_t{1} << 30) / double(bytes);
}

// Whether the system grants transparent huge pages to a mapping that asks (`always` or
// `madvise`, not `never`).
bool hugePagesOffered() {
  std::ifstream setting("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string text;
  std::getline(setting, text);
  return setting && text.find("[never]") == std::string::npos;
}

}  // namespace

int main(int argc, char** argv) {
  size_t mib = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 256;
  if (mib == 0) mib = 256;
  const bool offered = hugePagesOffered();
  std::optional<double> small = secondsPerGiB(mib << 20, false);
  std::optional<double> huge = offered ? secondsPerGiB(mib << 20, true) : std::nullopt;
  if (!small || (offered && !huge)) {
    fmt::print(stderr, "page_cost: cannot map {} MiB\n", mib);
    return 1;
  }
  fmt::print("first touch of {} MiB: 4 KiB pages {:.2f} s/GiB, huge pages {}\n", mib, *small,
             huge ? fmt::format("{:.2f} s/GiB", *huge) : std::string("none offered"));
  return 0;
}
