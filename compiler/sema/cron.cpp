// Cron schedules: five fields `minute hour day-of-month month day-of-week`, each `*`, a value, a
// range `a-b`, a step `*/n` or `a-b/n` (or `a/n`: from a to the field's end), or a list of those
// separated by commas. Months and weekdays may also be written as three-letter English names,
// in any case; weekday 7 is Sunday like 0.
#include <cctype>

#include "compiler/sema/program_checker.h"

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

std::optional<CronError> parseItem(const Piece& item, const FieldSpec& f) {
  std::vector<Piece> stepParts = split(item.text, item.offset, '/');
  if (stepParts.size() > 2) return errorAt(item, "`" + std::string(item.text) + "` has two steps");
  if (stepParts.size() == 2) {
    const Piece& step = stepParts[1];
    bool digits = !step.text.empty() && step.text.size() <= 4;
    for (char c : step.text) digits = digits && std::isdigit(static_cast<unsigned char>(c));
    if (!digits || std::stoi(std::string(step.text)) == 0) {
      return errorAt(step, "the step `" + std::string(step.text) + "` of the " + f.name +
                               " field must be a positive number");
    }
  }
  const Piece& range = stepParts[0];
  if (range.text == "*") return std::nullopt;
  std::vector<Piece> bounds = split(range.text, range.offset, '-');
  if (bounds.size() > 2) return errorAt(range, "`" + std::string(range.text) + "` is not a range");
  int low = 0, high = 0;
  if (auto e = parseValue(bounds[0], f, low)) return e;
  if (bounds.size() == 2) {
    if (auto e = parseValue(bounds[1], f, high)) return e;
    if (low > high) {
      return errorAt(range, "the range `" + std::string(range.text) + "` of the " + f.name +
                                " field goes backwards");
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<CronError> validateCron(std::string_view cron) {
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
  for (size_t f = 0; f < 5; ++f) {
    for (const Piece& item : split(fields[f].text, fields[f].offset, ',')) {
      if (auto e = parseItem(item, kFields[f])) return e;
    }
  }
  return std::nullopt;
}

}  // namespace journey::sema
