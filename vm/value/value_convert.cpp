#include "vm/value/value_convert.h"

#include <date/date.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>

#include "vm/value/calendar_math.h"

namespace journey {

namespace {

// Reads exactly `count` digits at `pos`.
bool readDigits(std::string_view s, size_t& pos, size_t count, int64_t& out) {
  if (pos + count > s.size()) return false;
  int64_t v = 0;
  for (size_t i = 0; i < count; ++i) {
    char c = s[pos + i];
    if (!isDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  pos += count;
  out = v;
  return true;
}

bool readChar(std::string_view s, size_t& pos, char expected) {
  if (pos >= s.size() || s[pos] != expected) return false;
  ++pos;
  return true;
}

bool readEither(std::string_view s, size_t& pos, char upper, char lower) {
  return readChar(s, pos, upper) || readChar(s, pos, lower);
}

// RFC 3339's `YYYY-MM-DDTHH:MM:SS` as written, each field unchecked (a year of `yearDigits`).
struct DateTime {
  int64_t year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
};
bool readDateTime(std::string_view s, size_t& pos, size_t yearDigits, DateTime& t) {
  return readDigits(s, pos, yearDigits, t.year) && readChar(s, pos, '-') &&
         readDigits(s, pos, 2, t.month) && readChar(s, pos, '-') &&
         readDigits(s, pos, 2, t.day) && readEither(s, pos, 'T', 't') &&
         readDigits(s, pos, 2, t.hour) && readChar(s, pos, ':') &&
         readDigits(s, pos, 2, t.minute) && readChar(s, pos, ':') &&
         readDigits(s, pos, 2, t.second);
}

// "." and the fractional digits without trailing zeros, nothing for 0: 500000000 -> ".5".
void appendFraction(std::string& out, int32_t nanos) {
  if (nanos == 0) return;
  char digits[9];
  putDigits(digits, static_cast<uint32_t>(nanos), 9);
  size_t n = 9;
  while (digits[n - 1] == '0') --n;
  out += '.';
  out.append(digits, n);
}

// A year as "%04d" writes it: at least four characters, a sign included.
void appendYear(std::string& out, int year) {
  char digits[12];
  unsigned magnitude = year < 0 ? 0u - static_cast<unsigned>(year) : static_cast<unsigned>(year);
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, magnitude);
  size_t n = static_cast<size_t>(end - digits);
  size_t width = year < 0 ? 3 : 4;
  if (year < 0) out += '-';
  if (n < width) out.append(width - n, '0');
  out.append(digits, n);
}

Value rangeError(std::string_view what) {
  return Value::error(std::string(what) + " out of range");
}

Value conversionError(std::string_view text, std::string_view type) {
  return Value::error("cannot convert `" + std::string(text) + "` to `" + std::string(type) + "`");
}

bool equalsIgnoringCase(std::string_view a, std::string_view lowerB) {
  if (a.size() != lowerB.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lowerB[i]) return false;
  }
  return true;
}

}  // namespace

// ---- timestamps --------------------------------------------------------------------------

namespace {

// The seconds since the epoch of a UTC date and time; none when it is not a valid one.
std::optional<int64_t> utcSeconds(int64_t year, int64_t month, int64_t day, int64_t hour,
                                  int64_t minute, int64_t second) {
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  date::year_month_day ymd{date::year(static_cast<int>(year)),
                           date::month(static_cast<unsigned>(month)),
                           date::day(static_cast<unsigned>(day))};
  if (!ymd.ok()) return std::nullopt;
  int64_t days = date::sys_days(ymd).time_since_epoch().count();
  return days * kSecondsPerDay + hour * 3600 + minute * 60 + second;
}

// The seconds since the epoch of `YYYY-MM-DDTHH:MM:SSZ`, the form nearly every input time is
// written in, read at its fixed places; none for any other form or an invalid date, which the
// general reading takes (and words the error of).
std::optional<int64_t> plainTimestampSeconds(std::string_view t) {
  if (t.size() != 20 || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':' ||
      t[16] != ':' || t[19] != 'Z') {
    return std::nullopt;
  }
  static constexpr size_t kDigitsAt[] = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};
  for (size_t i : kDigitsAt) {
    if (!isDigit(t[i])) return std::nullopt;
  }
  auto two = [t](size_t at) { return int64_t{t[at] - '0'} * 10 + (t[at + 1] - '0'); };
  return utcSeconds(two(0) * 100 + two(2), two(5), two(8), two(11), two(14), two(17));
}

// timestampExample's candidate, which may still be refused (a field out of range).
std::string likelyTimestamp(std::string_view written, std::string_view day) {
  // Digits and separators as `pattern` has them (`d` a digit), at the start of `text`.
  auto shaped = [](std::string_view text, std::string_view pattern) {
    if (text.size() < pattern.size()) return false;
    for (size_t i = 0; i < pattern.size(); ++i) {
      bool digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
      if (pattern[i] == 'd' ? !digit : text[i] != pattern[i]) return false;
    }
    return true;
  };
  constexpr std::string_view kSample = "2026-03-02T09:00:00Z";
  if (shaped(written, "dd:dd") && shaped(day, "dddd-dd-dd") && day.size() == 10) {
    return likelyTimestamp(std::string(day) + "T" + std::string(written), {});
  }
  if (!shaped(written, "dddd-dd-dd")) return std::string(kSample);
  std::string date(written.substr(0, 10));
  std::string_view rest = written.substr(10);
  if (rest.empty()) return date + "T00:00:00Z";  // a date alone: its start in UTC
  // `2026-03-02 10:00`: a space for the `T`, the seconds or the offset left out.
  if (rest[0] != ' ' && rest[0] != 'T' && rest[0] != 't') return std::string(kSample);
  rest.remove_prefix(1);
  if (!shaped(rest, "dd:dd")) return std::string(kSample);
  std::string time(rest.substr(0, 5));
  rest.remove_prefix(5);
  if (shaped(rest, ":dd")) {
    time += rest.substr(0, 3);
    rest.remove_prefix(3);
  } else {
    time += ":00";
  }
  bool offset = rest == "Z" || rest == "z" ||
                ((rest.size() == 6 && (rest[0] == '+' || rest[0] == '-')) &&
                 shaped(rest.substr(1), "dd:dd"));
  return date + "T" + time + (offset ? std::string(rest) : "Z");
}

// Why a time written in RFC 3339's form names no instant: a date or a time of day that does not
// exist (`2026-02-30`, `24:00:00`, a leap second), which no example can mend.
std::optional<std::string> whyNoSuchTime(std::string_view text) {
  size_t pos = 0;
  DateTime t;
  if (!readDateTime(text, pos, 4, t)) return std::nullopt;
  if (t.hour <= 23 && t.minute <= 59 && t.second == 60) {
    return "a leap second (second 60), which timestamps do not have: write 59 or the next minute";
  }
  if (t.hour > 23 || t.minute > 59 || t.second > 59) return "there is no such time of day";
  date::year_month_day date{date::year(static_cast<int>(t.year)),
                            date::month(static_cast<unsigned>(t.month)),
                            date::day(static_cast<unsigned>(t.day))};
  if (!date.ok()) return "there is no such date as " + std::string(text.substr(0, 10));
  return std::nullopt;
}

}  // namespace

std::optional<std::string> timestampExample(std::string_view written, std::string_view day) {
  std::string likely = likelyTimestamp(written, day);
  if (parseTimestamp(likely).isError()) return std::nullopt;
  return likely;
}

bool isTimestampRangeRefusal(const Value& refusal) {
  // parseTimestamp refuses a time for its form ("invalid timestamp …") or its range.
  return refusal.isError() && refusal.errorMessage().ends_with(" out of range");
}

Value parseInputTimestamp(std::string_view text) {
  Value time = parseTimestamp(text);
  if (!time.isError()) return time;
  std::string refused(time.errorMessage());
  if (isTimestampRangeRefusal(time)) {
    return Value::error(refused + ": " + std::string(kTimestampRange));
  }
  std::optional<std::string> example = timestampExample(text);
  if (!example) {
    std::optional<std::string> why = whyNoSuchTime(text);
    return why ? Value::error(refused + ": " + *why) : time;
  }
  return Value::error(refused + ": write an RFC 3339 time with its offset from UTC, like " +
                      *example);
}

Value parseTimestamp(std::string_view text) {
  if (std::optional<int64_t> seconds = plainTimestampSeconds(text)) {
    return Value::timestamp(*seconds);
  }
  auto invalid = [&] { return Value::error("invalid timestamp `" + std::string(text) + "`"); };
  size_t pos = 0;
  size_t yearDigits = 0;
  while (yearDigits < text.size() && isDigit(text[yearDigits])) ++yearDigits;
  if (yearDigits < 4) return invalid();
  if (yearDigits > 5) {
    // Year 100000 or later: far out of range, whatever the rest says.
    return rangeError("timestamp");
  }
  DateTime t;
  if (!readDateTime(text, pos, yearDigits, t)) return invalid();
  int64_t nanos = 0;
  if (readChar(text, pos, '.')) {
    size_t digits = 0;
    for (; pos < text.size() && isDigit(text[pos]); ++pos, ++digits) {
      if (digits < 9) nanos = nanos * 10 + (text[pos] - '0');
    }
    if (digits == 0) return invalid();
    for (; digits < 9; ++digits) nanos *= 10;
  }
  int64_t offsetSeconds = 0;
  if (!readEither(text, pos, 'Z', 'z')) {
    if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return invalid();
    int sign = text[pos++] == '-' ? -1 : 1;
    int64_t offsetHours, offsetMinutes;
    if (!readDigits(text, pos, 2, offsetHours) || !readChar(text, pos, ':') ||
        !readDigits(text, pos, 2, offsetMinutes) || offsetHours > 23 || offsetMinutes > 59) {
      return invalid();
    }
    offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60);
  }
  if (pos != text.size()) return invalid();
  std::optional<int64_t> seconds = utcSeconds(t.year, t.month, t.day, t.hour, t.minute, t.second);
  if (!seconds) return invalid();
  return Value::timestamp(*seconds - offsetSeconds, nanos);
}

void appendTimestamp(std::string& out, Timestamp t) {
  int64_t days = floorDiv(t.seconds, kSecondsPerDay);
  auto secondOfDay = static_cast<uint32_t>(t.seconds - days * kSecondsPerDay);
  date::year_month_day ymd{date::sys_days(date::days(days))};
  appendYear(out, static_cast<int>(ymd.year()));
  // "-MM-DDTHH:MM:SS", written in place: this runs for every output record.
  char rest[15] = {'-', 0, 0, '-', 0, 0, 'T', 0, 0, ':', 0, 0, ':', 0, 0};
  putDigits(rest + 1, static_cast<unsigned>(ymd.month()), 2);
  putDigits(rest + 4, static_cast<unsigned>(ymd.day()), 2);
  putDigits(rest + 7, secondOfDay / 3600, 2);
  putDigits(rest + 10, secondOfDay / 60 % 60, 2);
  putDigits(rest + 13, secondOfDay % 60, 2);
  out.append(rest, sizeof rest);
  appendFraction(out, t.nanos);
  out += 'Z';
}

std::string formatTimestamp(Timestamp t) {
  std::string out;
  appendTimestamp(out, t);
  return out;
}

// ---- durations ---------------------------------------------------------------------------

namespace {

// A duration as a CEL duration string in hours, minutes and seconds (`168h`, `-1h30m`).
std::string inHours(int64_t nanos) {
  if (nanos % kNanosPerSecond != 0) {
    return formatDuration(
        Duration{nanos / kNanosPerSecond, static_cast<int32_t>(nanos % kNanosPerSecond)});
  }
  std::string out = nanos < 0 ? "-" : "";
  uint64_t magnitude = nanos < 0 ? 0 - static_cast<uint64_t>(nanos) : static_cast<uint64_t>(nanos);
  uint64_t seconds = magnitude / kNanosPerSecond;
  if (seconds >= 3600) out += std::to_string(seconds / 3600) + "h";
  if (seconds % 3600 >= 60) out += std::to_string(seconds % 3600 / 60) + "m";
  if (seconds % 60 != 0 || seconds == 0) out += std::to_string(seconds % 60) + "s";
  return out;
}

}  // namespace

Value parseDuration(std::string_view text) {
  auto invalid = [&] { return Value::error("invalid duration `" + std::string(text) + "`"); };
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == "0") return Value::durationFromNanos(0);
  if (s.empty()) return invalid();

  constexpr __int128 kLimit = static_cast<__int128>(1) << 63;  // |INT64_MIN| in nanoseconds
  __int128 total = 0;
  bool inDays = false;  // `d` or `w`: the language's literals take them, CEL's strings do not
  while (!s.empty()) {
    // The number: digits, optionally a fraction; at least one digit in all.
    __int128 whole = 0;
    size_t i = 0, digits = 0;
    for (; i < s.size() && isDigit(s[i]); ++i, ++digits) {
      whole = whole * 10 + (s[i] - '0');
      if (whole > kLimit) return rangeError("duration");
    }
    __int128 fraction = 0, scale = 1;
    if (i < s.size() && s[i] == '.') {
      for (++i; i < s.size() && isDigit(s[i]); ++i, ++digits) {
        if (scale < 1'000'000'000'000'000'000) {  // digits past 1e-18 cannot matter
          fraction = fraction * 10 + (s[i] - '0');
          scale *= 10;
        }
      }
    }
    if (digits == 0) return invalid();
    // The unit: everything up to the next number.
    size_t unitEnd = i;
    while (unitEnd < s.size() && !isDigit(s[unitEnd]) && s[unitEnd] != '.') ++unitEnd;
    std::string_view unit = s.substr(i, unitEnd - i);
    int64_t unitNanos;
    if (unit == "h") unitNanos = 3600 * kNanosPerSecond;
    else if (unit == "m") unitNanos = 60 * kNanosPerSecond;
    else if (unit == "s") unitNanos = kNanosPerSecond;
    else if (unit == "ms") unitNanos = 1'000'000;
    else if (unit == "us" || unit == "\xC2\xB5s" || unit == "\xCE\xBCs") unitNanos = 1'000;
    else if (unit == "ns") unitNanos = 1;
    else if (unit == "d") unitNanos = 86'400 * kNanosPerSecond, inDays = true;
    else if (unit == "w") unitNanos = 604'800 * kNanosPerSecond, inDays = true;
    else return invalid();
    total += whole * unitNanos + fraction * unitNanos / scale;
    if (total > kLimit) return rangeError("duration");
    s.remove_prefix(unitEnd);
  }
  if (negative) total = -total;
  if (total > kMaxDurationNanos || total < kMinDurationNanos) return rangeError("duration");
  if (inDays) {
    return Value::error("invalid duration `" + std::string(text) +
                        "`: a duration string's largest unit is `h`, write `" +
                        inHours(static_cast<int64_t>(total)) + "`");
  }
  return Value::durationFromNanos(static_cast<int64_t>(total));
}

std::string formatDuration(Duration d) {
  bool negative = d.seconds < 0 || d.nanos < 0;
  // Magnitudes in uint64: the most negative duration's seconds have no int64 negation issue
  // (|seconds| <= 9223372036), but stay uniform.
  uint64_t seconds = negative ? 0 - static_cast<uint64_t>(d.seconds) : d.seconds;
  int32_t nanos = d.nanos < 0 ? -d.nanos : d.nanos;
  std::string out = negative ? "-" : "";
  out += std::to_string(seconds);
  appendFraction(out, nanos);
  out += 's';
  return out;
}

// ---- numbers -----------------------------------------------------------------------------

std::string formatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  // Shortest round-trip digits in scientific form: "-1.2345e+06".
  char buffer[40];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d, std::chars_format::scientific);
  std::string_view sci(buffer, end - buffer);
  size_t e = sci.find('e');
  int exponent = 0;
  std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+'), sci.data() + sci.size(), exponent);
  // Go's %g with shortest precision: exponent form below 1e-4 and from 1e+06 up.
  if (exponent < -4 || exponent >= 6) return std::string(sci);

  std::string out;
  std::string_view mantissa = sci.substr(0, e);
  if (mantissa[0] == '-') {
    out += '-';
    mantissa.remove_prefix(1);
  }
  std::string digits;
  for (char c : mantissa) {
    if (c != '.') digits += c;
  }
  if (exponent < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-exponent - 1), '0');
    out += digits;
  } else {
    auto point = static_cast<size_t>(exponent) + 1;
    if (digits.size() <= point) {
      out += digits;
      out.append(point - digits.size(), '0');
    } else {
      out += digits.substr(0, point);
      out += '.';
      out += digits.substr(point);
    }
  }
  return out;
}

Value doubleToInt(double d) {
  // (-2^63, 2^63) exclusive on both ends, as CEL specifies ("Overflow").
  if (!(d > -9223372036854775808.0 && d < 9223372036854775808.0)) return rangeError("integer");
  return Value::integer(static_cast<int64_t>(d));
}

Value doubleToUint(double d) {
  if (!(d >= 0 && d < 18446744073709551616.0)) return rangeError("unsigned integer");
  return Value::uinteger(static_cast<uint64_t>(d));
}

Value intToUint(int64_t i) {
  if (i < 0) return rangeError("unsigned integer");
  return Value::uinteger(static_cast<uint64_t>(i));
}

Value uintToInt(uint64_t u) {
  if (u > static_cast<uint64_t>(INT64_MAX)) return rangeError("integer");
  return Value::integer(static_cast<int64_t>(u));
}

Value parseInt(std::string_view text) {
  std::string_view s = text;
  bool plus = !s.empty() && s[0] == '+';
  if (plus) s.remove_prefix(1);
  if (s.empty() || !(isDigit(s[0]) || (!plus && s[0] == '-' && s.size() > 1 && isDigit(s[1])))) {
    return conversionError(text, "int");
  }
  int64_t v;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc::result_out_of_range) return rangeError("integer");
  if (ec != std::errc() || end != s.data() + s.size()) return conversionError(text, "int");
  return Value::integer(v);
}

Value parseUint(std::string_view text) {
  if (text.empty() || !isDigit(text[0])) return conversionError(text, "uint");
  uint64_t v;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc::result_out_of_range) return rangeError("unsigned integer");
  if (ec != std::errc() || end != text.data() + text.size()) return conversionError(text, "uint");
  return Value::uinteger(v);
}

Value parseDouble(std::string_view text) {
  std::string_view s = text;
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (equalsIgnoringCase(s, "inf") || equalsIgnoringCase(s, "infinity")) {
    return Value::dbl(negative ? -HUGE_VAL : HUGE_VAL);
  }
  if (equalsIgnoringCase(s, "nan") && s.size() == text.size()) return Value::dbl(std::nan(""));
  if (s.empty() || !(isDigit(s[0]) || s[0] == '.')) return conversionError(text, "double");
  double v;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, std::chars_format::general);
  if (end != s.data() + s.size()) return conversionError(text, "double");
  if (ec == std::errc::result_out_of_range) {
    // Overflow is a range error; underflow rounds to zero. Tell them apart by the magnitude:
    // digits before the point or a positive exponent mean a huge number.
    size_t e = s.find_first_of("eE");
    std::string_view mantissa = s.substr(0, e);
    int64_t exponent = 0;
    if (e != std::string_view::npos) {
      std::string_view ex = s.substr(e + 1);
      if (!ex.empty() && ex[0] == '+') ex.remove_prefix(1);
      std::from_chars(ex.data(), ex.data() + ex.size(), exponent);  // saturates on failure
      if (ex.size() > 6) exponent = ex[0] == '-' ? -1'000'000 : 1'000'000;
    }
    size_t firstNonZero = mantissa.find_first_not_of("0.");
    size_t point = mantissa.find('.');
    if (point == std::string_view::npos) point = mantissa.size();
    int64_t magnitude = exponent + (firstNonZero == std::string_view::npos
                                        ? -1'000'000
                                        : static_cast<int64_t>(point) -
                                              static_cast<int64_t>(firstNonZero));
    if (magnitude > 0) return rangeError("double");
    return Value::dbl(negative ? -0.0 : 0.0);
  }
  if (ec != std::errc()) return conversionError(text, "double");
  return Value::dbl(negative ? -v : v);
}

Value parseBool(std::string_view text) {
  if (text == "true" || text == "True" || text == "TRUE" || text == "t" || text == "T" ||
      text == "1") {
    return Value::boolean(true);
  }
  if (text == "false" || text == "False" || text == "FALSE" || text == "f" || text == "F" ||
      text == "0") {
    return Value::boolean(false);
  }
  return conversionError(text, "bool");
}

// ---- strings and bytes -------------------------------------------------------------------

size_t utf8CharStart(std::string_view text, size_t at) noexcept {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return at;
}

std::string cutShort(std::string_view text, size_t most) {
  if (text.size() <= most) return std::string(text);
  return std::string(text.substr(0, utf8CharStart(text, most))) + "…";
}

bool isValidUtf8(std::string_view bytes) noexcept {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size(), i = 0;
  while (i < n) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t length;
    uint32_t min, code;
    if ((c & 0xE0) == 0xC0) {
      length = 2, min = 0x80, code = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min = 0x800, code = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min = 0x10000, code = c & 0x07;
    } else {
      return false;
    }
    if (i + length > n) return false;
    for (size_t k = 1; k < length; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      code = code << 6 | (s[i + k] & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (code < min || (code >= 0xD800 && code <= 0xDFFF) || code > 0x10FFFF) return false;
    i += length;
  }
  return true;
}

Value bytesToString(std::string_view bytes) {
  if (!isValidUtf8(bytes)) return Value::error("invalid UTF-8 in bytes converted to `string`");
  return Value::string(bytes);
}

size_t utf8ByteOffset(std::string_view utf8, uint64_t index) noexcept {
  size_t i = 0;
  for (; i < utf8.size() && index > 0; --index) {
    ++i;
    while (i < utf8.size() && (static_cast<unsigned char>(utf8[i]) & 0xC0) == 0x80) ++i;
  }
  return i;
}

namespace {
constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}
}  // namespace

std::string base64Encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t v = s[i] << 16 | s[i + 1] << 8 | s[i + 2];
    out += kBase64[v >> 18];
    out += kBase64[v >> 12 & 63];
    out += kBase64[v >> 6 & 63];
    out += kBase64[v & 63];
  }
  size_t rest = bytes.size() - i;
  if (rest == 1) {
    uint32_t v = s[i] << 16;
    out += kBase64[v >> 18];
    out += kBase64[v >> 12 & 63];
    out += "==";
  } else if (rest == 2) {
    uint32_t v = s[i] << 16 | s[i + 1] << 8;
    out += kBase64[v >> 18];
    out += kBase64[v >> 12 & 63];
    out += kBase64[v >> 6 & 63];
    out += '=';
  }
  return out;
}

std::optional<std::string> base64Decode(std::string_view text) {
  // Padding, when present, must complete the last group of four.
  if (text.size() % 4 == 0 && !text.empty()) {
    if (text.back() == '=') text.remove_suffix(1);
    if (text.back() == '=') text.remove_suffix(1);
  }
  if (text.size() % 4 == 1) return std::nullopt;
  std::string out;
  out.reserve(text.size() / 4 * 3 + 2);
  uint32_t bits = 0;
  int count = 0;
  for (char c : text) {
    int d = base64Digit(c);
    if (d < 0) return std::nullopt;
    bits = bits << 6 | static_cast<uint32_t>(d);
    if (++count == 4) {
      out += static_cast<char>(bits >> 16);
      out += static_cast<char>(bits >> 8 & 0xFF);
      out += static_cast<char>(bits & 0xFF);
      bits = 0;
      count = 0;
    }
  }
  if (count == 2) {
    if (bits & 0xF) return std::nullopt;  // stray bits: not a canonical encoding
    out += static_cast<char>(bits >> 4);
  } else if (count == 3) {
    if (bits & 0x3) return std::nullopt;
    out += static_cast<char>(bits >> 10);
    out += static_cast<char>(bits >> 2 & 0xFF);
  }
  return out;
}

}  // namespace journey
