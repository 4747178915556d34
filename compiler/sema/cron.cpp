// Reading cron schedules (cron.h).
#include "compiler/sema/cron.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace journey::sema {
namespace {

struct FieldSpec {
  const char* name;
  int min;
  int max;
  std::vector<std::string_view> names;  // names[i] stands for min + i
};

const FieldSpec kFields[5] = {
    {"minute", 0, 59, {}},
    {"hour", 0, 23, {}},
    {"day-of-month", 1, 31, {}},
    {"month", 1, 12, {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}},
    {"day-of-week", 0, 7, {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}},
};

struct Piece {
  std::string_view text;
  size_t offset;  // in the whole cron string
};

std::vector<Piece> split(std::string_view s, size_t base, char sep) {
  std::vector<Piece> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.push_back({s.substr(start, i - start), base + start});
      start = i + 1;
    }
  }
  return out;
}

CronError errorAt(const Piece& p, std::string message) {
  return CronError{std::move(message), p.offset, std::max<size_t>(p.text.size(), 1)};
}

// A number or a name of the field.
std::optional<CronError> parseValue(const Piece& p, const FieldSpec& f, int& value) {
  if (p.text.empty()) return errorAt(p, std::string("a value is missing in the ") + f.name + " field");
  bool digits = true;
  for (char c : p.text) digits = digits && std::isdigit(static_cast<unsigned char>(c));
  if (digits) {
    if (p.text.size() > 4) value = 10000;
    else value = std::stoi(std::string(p.text));
    if (value < f.min || value > f.max) {
      return errorAt(p, "`" + std::string(p.text) + "` is out of range for the " + f.name +
                            " field (" + std::to_string(f.min) + "-" + std::to_string(f.max) + ")");
    }
    return std::nullopt;
  }
  std::string lowered(p.text);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < f.names.size(); ++i) {
    if (lowered == f.names[i]) {
      value = f.min + static_cast<int>(i);
      return std::nullopt;
    }
  }
  return errorAt(p, "`" + std::string(p.text) + "` is not a valid " + f.name);
}

std::optional<CronError> parseItem(const Piece& item, const FieldSpec& f, uint64_t& bits) {
  std::vector<Piece> stepParts = split(item.text, item.offset, '/');
  if (stepParts.size() > 2) return errorAt(item, "`" + std::string(item.text) + "` has two steps");
  int step = 1;
  if (stepParts.size() == 2) {
    const Piece& stepPart = stepParts[1];
    bool digits = !stepPart.text.empty() && stepPart.text.size() <= 4;
    for (char c : stepPart.text) digits = digits && std::isdigit(static_cast<unsigned char>(c));
    if (digits) step = std::stoi(std::string(stepPart.text));
    if (!digits || step == 0) {
      return errorAt(stepPart, "the step `" + std::string(stepPart.text) + "` of the " + f.name +
                                   " field must be a positive number");
    }
  }
  const Piece& range = stepParts[0];
  int low = f.min, high = f.max;
  if (range.text != "*") {
    std::vector<Piece> bounds = split(range.text, range.offset, '-');
    if (bounds.size() > 2) {
      return errorAt(range, "`" + std::string(range.text) + "` is not a range");
    }
    if (auto e = parseValue(bounds[0], f, low)) return e;
    if (bounds.size() == 2) {
      if (auto e = parseValue(bounds[1], f, high)) return e;
      if (low > high) {
        return errorAt(range, "the range `" + std::string(range.text) + "` of the " + f.name +
                                  " field goes backwards");
      }
    } else if (stepParts.size() == 1) {
      high = low;  // a single value; `a/n` runs to the field's end
    }
  }
  for (int v = low; v <= high; v += step) bits |= uint64_t{1} << v;
  return std::nullopt;
}

// Days in `month` (1-12) at most, in a leap year.
int maxDaysIn(int month) {
  static constexpr int kDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return kDays[month - 1];
}

}  // namespace

std::variant<CronSpec, CronError> parseCron(std::string_view cron) {
  std::vector<Piece> fields;
  size_t i = 0;
  while (i < cron.size()) {
    if (cron[i] == ' ' || cron[i] == '\t') {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < cron.size() && cron[i] != ' ' && cron[i] != '\t') ++i;
    fields.push_back({cron.substr(start, i - start), start});
  }
  if (fields.size() != 5) {
    return CronError{"a cron schedule has 5 fields (minute hour day-of-month month day-of-week), "
                     "not " + std::to_string(fields.size()),
                     0, cron.size()};
  }
  CronSpec spec;
  for (size_t f = 0; f < 5; ++f) {
    for (const Piece& item : split(fields[f].text, fields[f].offset, ',')) {
      if (auto e = parseItem(item, kFields[f], spec.bits[f])) return *e;
    }
  }
  if (spec.bits[4] >> 7 & 1u) spec.bits[4] = (spec.bits[4] | 1u) & ~(uint64_t{1} << 7);
  spec.domStar = fields[2].text.front() == '*';
  spec.dowStar = fields[4].text.front() == '*';

  // Only the day-of-month alone can make a schedule never run (with a restricted day-of-week
  // as well, any matching weekday will do): some listed month must have a listed day.
  if (!spec.domStar && spec.dowStar) {
    int firstDay = 1;
    while (!(spec.bits[2] >> firstDay & 1u)) ++firstDay;
    bool possible = false;
    for (int m = 1; m <= 12; ++m) {
      possible = possible || ((spec.bits[3] >> m & 1u) && firstDay <= maxDaysIn(m));
    }
    if (!possible) {
      return errorAt(fields[2], "the cron schedule never runs: no month of the month field has day " +
                                    std::to_string(firstDay));
    }
  }
  return spec;
}

}  // namespace journey::sema
