#include "vm/value/posix_tz_rule.h"

#include <date/date.h>

#include <algorithm>
#include <climits>

#include "vm/value/calendar_math.h"

namespace journey {

namespace {

using DateRule = PosixTzRule::DateRule;

// Years whose dates date's calendar holds with room for the two years either side.
constexpr int64_t kFirstYear = -32000, kLastYear = 32000;

// Reads text left to right; each read returns false, and leaves the position anywhere, when
// the text there is not what it wants.
struct Reader {
  std::string_view s;
  size_t i = 0;

  bool atEnd() const { return i == s.size(); }
  bool take(char c) {
    if (atEnd() || s[i] != c) return false;
    ++i;
    return true;
  }
  // 1 to `maxDigits` digits, at most `limit`.
  bool number(int maxDigits, int limit, int& out) {
    int digits = 0;
    out = 0;
    while (!atEnd() && isDigit(s[i]) && digits < maxDigits) {
      out = out * 10 + (s[i++] - '0');
      ++digits;
    }
    return digits > 0 && out <= limit;
  }
  // A zone's abbreviation: `<` letters, digits, `+` or `-` `>`, or letters alone; three or more.
  bool name() {
    auto isLetter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    size_t from = i;
    if (take('<')) {
      while (!atEnd() && (isLetter(s[i]) || isDigit(s[i]) || s[i] == '+' || s[i] == '-')) ++i;
      return i - from - 1 >= 3 && take('>');
    }
    while (!atEnd() && isLetter(s[i])) ++i;
    return i - from >= 3;
  }
  // [+|-]hh[:mm[:ss]] in seconds, hours up to `maxHours`.
  bool time(int maxHours, int32_t& out) {
    bool negative = take('-');
    if (!negative) take('+');
    int hours = 0, minutes = 0, seconds = 0;
    if (!number(maxHours >= 100 ? 3 : 2, maxHours, hours)) return false;
    if (take(':')) {
      if (!number(2, 59, minutes)) return false;
      if (take(':') && !number(2, 59, seconds)) return false;
    }
    out = hours * 3600 + minutes * 60 + seconds;
    if (negative) out = -out;
    return true;
  }
  bool dateRule(DateRule& r) {
    if (take('M')) {
      r.kind = DateRule::Kind::MonthWeekDay;
      if (!number(2, 12, r.month) || r.month < 1 || !take('.')) return false;
      if (!number(1, 5, r.week) || r.week < 1 || !take('.')) return false;
      if (!number(1, 6, r.weekday)) return false;
    } else if (take('J')) {
      r.kind = DateRule::Kind::Julian1;
      if (!number(3, 365, r.day) || r.day < 1) return false;
    } else {
      r.kind = DateRule::Kind::Julian0;
      if (!number(3, 365, r.day)) return false;
    }
    // RFC 8536 §3.3.1 lets the time be negative and up to 167 hours.
    return !take('/') || time(167, r.time);
  }
};

int64_t yearOfDay(int64_t day) {
  return static_cast<int>(date::year_month_day(date::sys_days(date::days(day))).year());
}

int64_t firstDayOfYear(int64_t year) {
  return date::sys_days(date::year(static_cast<int>(year)) / 1 / 1).time_since_epoch().count();
}

// The local date (days since 1970-01-01) a rule names in `year`.
int64_t dayOf(const DateRule& r, int64_t year) {
  date::year y(static_cast<int>(year));
  switch (r.kind) {
    case DateRule::Kind::Julian0: return firstDayOfYear(year) + r.day;
    case DateRule::Kind::Julian1:
      return firstDayOfYear(year) + r.day - 1 + (y.is_leap() && r.day >= 60 ? 1 : 0);
    case DateRule::Kind::MonthWeekDay: break;
  }
  date::month m(static_cast<unsigned>(r.month));
  date::weekday wd(static_cast<unsigned>(r.weekday));
  date::sys_days day = r.week == 5 ? date::sys_days(y / m / wd[date::last])
                                   : date::sys_days(y / m / wd[static_cast<unsigned>(r.week)]);
  return day.time_since_epoch().count();
}

}  // namespace

std::optional<PosixTzRule> PosixTzRule::parse(std::string_view text) {
  Reader in{text};
  PosixTzRule rule;
  int32_t west = 0;  // POSIX counts offsets west of Greenwich: EST5 is UTC-5
  if (!in.name() || !in.time(24, west)) return std::nullopt;
  rule.stdOffset_ = -west;
  rule.dstOffset_ = rule.stdOffset_;
  if (in.atEnd()) return rule;
  if (!in.name()) return std::nullopt;
  rule.hasDst_ = true;
  rule.dstOffset_ = rule.stdOffset_ + 3600;
  if (!in.atEnd() && in.s[in.i] != ',') {
    if (!in.time(24, west)) return std::nullopt;
    rule.dstOffset_ = -west;
  }
  if (!in.take(',') || !in.dateRule(rule.start_) || !in.take(',') || !in.dateRule(rule.end_) ||
      !in.atEnd()) {
    return std::nullopt;
  }
  return rule;
}

int PosixTzRule::changesAround(int64_t year, Change (&out)[10]) const {
  struct Switch {
    int64_t at;
    bool toDst;
  };
  Switch raw[10];
  int n = 0;
  for (int64_t y = year - 2; y <= year + 2; ++y) {
    // The start is read on the standard clock, the end on the daylight-saving one.
    raw[n++] = {dayOf(start_, y) * kSecondsPerDay + start_.time - stdOffset_, true};
    raw[n++] = {dayOf(end_, y) * kSecondsPerDay + end_.time - dstOffset_, false};
  }
  // An end and a start at one instant (`0/0,J365/25`: daylight saving all year) leave it on.
  std::sort(raw, raw + n, [](const Switch& a, const Switch& b) {
    return a.at != b.at ? a.at < b.at : a.toDst < b.toDst;
  });
  int32_t current = raw[0].toDst ? stdOffset_ : dstOffset_;
  int count = 0;
  for (int k = 0; k < n; ++k) {
    int32_t to = raw[k].toDst ? dstOffset_ : stdOffset_;
    if (count > 0 && out[count - 1].at == raw[k].at) {
      out[count - 1].after = to;  // two switches at one instant: one change, or none
      if (out[count - 1].before == to) --count;
    } else if (to != current) {
      out[count++] = {raw[k].at, current, to};
    }
    current = to;
  }
  return count;
}

PosixTzRule::Span PosixTzRule::spanAt(int64_t seconds) const {
  if (!hasDst_) return {INT64_MIN, INT64_MAX, stdOffset_};
  int64_t year = yearOfDay(floorDiv(seconds, kSecondsPerDay));
  if (year < kFirstYear || year > kLastYear) return {seconds, seconds + 1, stdOffset_};
  Change changes[10];
  int n = changesAround(year, changes);
  // Changes of other years fall outside these bounds (a rule's time is less than 8 days).
  Span span{firstDayOfYear(year - 1) * kSecondsPerDay, firstDayOfYear(year + 2) * kSecondsPerDay,
            n > 0 ? changes[0].before : stdOffset_};
  for (int k = 0; k < n; ++k) {
    if (changes[k].at <= seconds) {
      span.begin = changes[k].at;
      span.offset = changes[k].after;
    } else {
      span.end = changes[k].at;
      break;
    }
  }
  return span;
}

int32_t PosixTzRule::localOffset(int64_t local) const {
  if (!hasDst_) return stdOffset_;
  int64_t year = yearOfDay(floorDiv(local, kSecondsPerDay));
  if (year < kFirstYear || year > kLastYear) return stdOffset_;
  Change changes[10];
  int n = changesAround(year, changes);
  // A reading before a change, or in the gap or repeat it makes, is read with the offset
  // before it: the larger offset's reading of the change is where that stops.
  for (int k = 0; k < n; ++k) {
    if (local < changes[k].at + std::max(changes[k].before, changes[k].after)) {
      return changes[k].before;
    }
  }
  return n > 0 ? changes[n - 1].after : stdOffset_;
}

}  // namespace journey
