// Timestamp and duration accessors. A timestamp accessor takes an optional time zone (an IANA
// name like "Europe/Paris" or a fixed offset like "+05:30"); without one it reads UTC.
#include "stdlib/domains.h"

namespace journey::stdlib {

void declareTime(std::vector<Overload>& out) {
  out.insert(out.end(), {
      {"getFullYear", "timestamp_to_year", true, {"timestamp"}, "int"},
      {"getFullYear", "timestamp_to_year_with_tz", true, {"timestamp", "string"}, "int"},
      // Zero-based: January is 0.
      {"getMonth", "timestamp_to_month", true, {"timestamp"}, "int"},
      {"getMonth", "timestamp_to_month_with_tz", true, {"timestamp", "string"}, "int"},
      // Zero-based: January 1st is 0.
      {"getDayOfYear", "timestamp_to_day_of_year", true, {"timestamp"}, "int"},
      {"getDayOfYear", "timestamp_to_day_of_year_with_tz", true, {"timestamp", "string"}, "int"},
      // Zero-based day of the month.
      {"getDayOfMonth", "timestamp_to_day_of_month", true, {"timestamp"}, "int"},
      {"getDayOfMonth", "timestamp_to_day_of_month_with_tz", true, {"timestamp", "string"},
       "int"},
      // One-based day of the month.
      {"getDate", "timestamp_to_day_of_month_1_based", true, {"timestamp"}, "int"},
      {"getDate", "timestamp_to_day_of_month_1_based_with_tz", true, {"timestamp", "string"},
       "int"},
      // Sunday is 0.
      {"getDayOfWeek", "timestamp_to_day_of_week", true, {"timestamp"}, "int"},
      {"getDayOfWeek", "timestamp_to_day_of_week_with_tz", true, {"timestamp", "string"}, "int"},
      {"getHours", "timestamp_to_hours", true, {"timestamp"}, "int"},
      {"getHours", "timestamp_to_hours_with_tz", true, {"timestamp", "string"}, "int"},
      {"getMinutes", "timestamp_to_minutes", true, {"timestamp"}, "int"},
      {"getMinutes", "timestamp_to_minutes_with_tz", true, {"timestamp", "string"}, "int"},
      {"getSeconds", "timestamp_to_seconds", true, {"timestamp"}, "int"},
      {"getSeconds", "timestamp_to_seconds_with_tz", true, {"timestamp", "string"}, "int"},
      {"getMilliseconds", "timestamp_to_milliseconds", true, {"timestamp"}, "int"},
      {"getMilliseconds", "timestamp_to_milliseconds_with_tz", true, {"timestamp", "string"},
       "int"},

      // On a duration, hours/minutes/seconds are the whole duration in that unit; milliseconds
      // is only the sub-second part.
      {"getHours", "duration_to_hours", true, {"duration"}, "int"},
      {"getMinutes", "duration_to_minutes", true, {"duration"}, "int"},
      {"getSeconds", "duration_to_seconds", true, {"duration"}, "int"},
      {"getMilliseconds", "duration_to_milliseconds", true, {"duration"}, "int"},
  });
}

}  // namespace journey::stdlib
