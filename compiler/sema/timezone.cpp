// Time zone names, checked against the system's IANA database through Howard Hinnant's date
// library. Only IANA names are accepted (no "+02:00" offsets): the runtime resolves zones the
// same way, and `Etc/GMT-2` spells a fixed offset.
#include <date/tz.h>

#include "compiler/sema/program_checker.h"
#include "vm/value/time_zone.h"

namespace journey::sema {
namespace {

// The database, or null when it cannot be read (no tzdata installed).
const date::tzdb* database() {
  try {
    return &date::get_tzdb();
  } catch (const std::exception&) {
    return nullptr;
  }
}

}  // namespace

bool isKnownTimezone(std::string_view name) {
  if (!database()) return true;
  // The runtime's look-up, so that both agree on every name; without its fixed offsets.
  std::optional<TimeZone> zone = TimeZone::find(name);
  return name == "UTC" || (zone && !zone->isFixedOffset());
}

std::vector<std::string> timezoneNames() {
  std::vector<std::string> names;
  const date::tzdb* db = database();
  if (!db) return names;
  for (const date::time_zone& z : db->zones) {
    if (isKnownTimezone(z.name())) names.push_back(std::string(z.name()));
  }
#if !USE_OS_TZDB
  for (const date::time_zone_link& l : db->links) names.push_back(std::string(l.name()));
#endif
  return names;
}

}  // namespace journey::sema
