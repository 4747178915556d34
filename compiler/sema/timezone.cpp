// Time zone names, checked against the system's IANA database through Howard Hinnant's date
// library. Only IANA names are accepted (no "+02:00" offsets): the runtime resolves zones the
// same way, and `Etc/GMT-2` spells a fixed offset.
#include <date/tz.h>
#include <fmt/format.h>

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

// Abbreviations people write for a region's time, and a zone that follows it (with its daylight
// saving). Each names an offset, not a place: the zone is only the likeliest meaning.
constexpr std::pair<std::string_view, std::string_view> kAbbreviations[] = {
    {"PT", "America/Los_Angeles"},  {"PST", "America/Los_Angeles"}, {"PDT", "America/Los_Angeles"},
    {"MT", "America/Denver"},       {"MDT", "America/Denver"},      {"CT", "America/Chicago"},
    {"CST", "America/Chicago"},     {"CDT", "America/Chicago"},     {"ET", "America/New_York"},
    {"EDT", "America/New_York"},    {"AKST", "America/Anchorage"},  {"BST", "Europe/London"},
    {"CEST", "Europe/Paris"},       {"EEST", "Europe/Athens"},      {"IST", "Asia/Kolkata"},
    {"JST", "Asia/Tokyo"},          {"KST", "Asia/Seoul"},          {"AEST", "Australia/Sydney"},
    {"AEDT", "Australia/Sydney"},   {"NZST", "Pacific/Auckland"},   {"SGT", "Asia/Singapore"}};

// `UTC+2`, `GMT-05:00`, `+02:00`: the offset in whole hours east of UTC, when it is one.
std::optional<int> offsetHours(std::string_view name) {
  if (name.starts_with("UTC") || name.starts_with("GMT")) name.remove_prefix(3);
  if (name.size() < 2 || (name[0] != '+' && name[0] != '-')) return std::nullopt;
  int sign = name[0] == '-' ? -1 : 1;
  name.remove_prefix(1);
  int hours = 0;
  size_t i = 0;
  for (; i < name.size() && i < 2 && name[i] >= '0' && name[i] <= '9'; ++i) {
    hours = hours * 10 + (name[i] - '0');
  }
  std::string_view rest = name.substr(i);
  if (i == 0 || hours > 14 || !(rest.empty() || rest == ":00" || rest == "00")) return std::nullopt;
  return sign * hours;
}

}  // namespace

std::optional<std::string> timezoneHelp(std::string_view name) {
  for (const auto& [abbreviation, zone] : kAbbreviations) {
    if (name == abbreviation) {
      return "an abbreviation names an offset, not a place: write the zone of the place meant, "
             "such as `" + std::string(zone) + "`, which also follows its daylight saving";
    }
  }
  if (std::optional<int> hours = offsetHours(name)) {
    std::string etc = *hours == 0 ? "UTC" : fmt::format("Etc/GMT{:+}", -*hours);
    return "a fixed offset is an `Etc/GMT` zone whose sign is inverted: write `" + etc +
           "`, or the zone of a place, which also follows its daylight saving";
  }
  return std::nullopt;
}

std::optional<std::string> fixedZoneWarning(std::string_view name) {
  constexpr std::pair<std::string_view, std::string_view> kFixed[] = {
      {"EST", "America/New_York"}, {"MST", "America/Denver"}, {"HST", "Pacific/Honolulu"}};
  for (const auto& [fixed, zone] : kFixed) {
    if (name == fixed) {
      return "`" + std::string(name) + "` is a fixed offset with no daylight saving; for the "
             "region's time write `" + std::string(zone) + "`";
    }
  }
  return std::nullopt;
}

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
