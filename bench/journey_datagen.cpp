// journey_datagen: synthetic profiles and record streams for the shop example
// (examples/shop/shop.journey, recovery.journey), deterministic for a given seed, for
// bench/runtime_bench.sh (issue 4).
//
//   journey_datagen --profiles N --events M --seed S --out-profiles FILE --out-events FILE
//                   [--start 2026-03-02T00:00:00Z] [--days 7]
//                   [--tail-carts K [--tail-enters yes|no]]
//
// Profiles follow `schema Profile` (ids p1…pN). Records (LANGUAGE.md §5) are generated as
// short stories that start evenly spread over `--days` days from `--start` and are written in
// time order:
//   - a cart (50% of stories): CartAbandoned, then an outcome: bought within the first hour
//     (20%), the reminder opened (30%, only for profiles with an email and consent; 40% of those
//     buy that cart later), bought later (10%), bought in store without a cart id (3%), or
//     nothing (the rest); 5% abandon the same cart again later;
//   - a purchase without an abandoned cart (15%);
//   - one to three opens of newsletters (20%);
//   - a `set` (15%): points, tier (some to gold), consents, a phone number, tags.
// A purchase is followed by a `set` of `lastPurchase` 30% of the time. Ten percent of the
// profiles (p10, p20, …) take 30% of the stories.
//
// --tail-carts K makes the last K of the M records carts abandoned by K distinct profiles that
// can get email (an address, and consent after the records before), all at the time of the
// record before them: with --tail-enters yes (the default) they are worth more than 50.00 and
// start CartRecovery, so K more instances wait at the end of the run; with no, they are worth
// less and start nothing. The two streams differ only in those lines, so that the difference
// of the memory of their runs is the memory of K waiting instances (bench/runtime_bench.sh).
//
// Every random choice comes from std::mt19937_64 (whose output the standard specifies) through
// the small distributions below, never through std::*_distribution (whose results differ
// between library implementations), and no floating point is used: the same seed gives the
// same bytes everywhere.
#include <fmt/format.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

// ---------------------------------------------------------------- randomness

uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}

  // Uniform in [0, n), n > 0, exactly (Lemire's multiply-and-reject).
  uint64_t below(uint64_t n) {
    unsigned __int128 m = static_cast<unsigned __int128>(engine_()) * n;
    auto low = static_cast<uint64_t>(m);
    if (low < n) {
      uint64_t threshold = (0 - n) % n;
      while (low < threshold) {
        m = static_cast<unsigned __int128>(engine_()) * n;
        low = static_cast<uint64_t>(m);
      }
    }
    return static_cast<uint64_t>(m >> 64);
  }
  // Uniform in [lo, hi].
  int64_t range(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(below(static_cast<uint64_t>(hi - lo) + 1));
  }
  uint64_t next64() { return engine_(); }
  // True with probability perMille / 1000.
  bool chance(uint32_t perMille) { return below(1000) < perMille; }
  // An index into `weights`, with probability proportional to its weight.
  template <size_t N>
  size_t pick(const uint32_t (&weights)[N]) {
    uint64_t total = 0;
    for (uint32_t w : weights) total += w;
    uint64_t r = below(total);
    for (size_t i = 0; i < N; ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return N - 1;
  }

 private:
  std::mt19937_64 engine_;
};

// ---------------------------------------------------------------- output

// Lines built in a large buffer, written with fwrite when it fills.
class Output {
 public:
  explicit Output(std::FILE* file) : file_(file) { buf_.reserve(kFlushAt + 4096); }
  ~Output() { flush(); }
  void flush() {
    if (!buf_.empty() && file_) std::fwrite(buf_.data(), 1, buf_.size(), file_);
    buf_.clear();
  }
  void endLine() {
    buf_.push_back('\n');
    if (buf_.size() >= kFlushAt) flush();
  }
  Output& operator<<(std::string_view s) {
    buf_.append(s);
    return *this;
  }
  Output& operator<<(char c) {
    buf_.push_back(c);
    return *this;
  }
  void integer(int64_t v) {
    fmt::format_int f(v);
    buf_.append(f.data(), f.size());
  }
  // A fixed number of digits, with leading zeros.
  void digits(uint64_t v, int n) {
    char tmp[20];
    for (int i = n - 1; i >= 0; --i) {
      tmp[i] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
    buf_.append(tmp, static_cast<size_t>(n));
  }
  // An amount in cents as a JSON number with two decimals: 1234 -> 12.34.
  void cents(int64_t c) {
    integer(c / 100);
    buf_.push_back('.');
    digits(static_cast<uint64_t>(c % 100), 2);
  }
  void boolean(bool b) { buf_.append(b ? "true" : "false"); }

 private:
  static constexpr size_t kFlushAt = 8 << 20;
  std::FILE* file_;
  std::string buf_;
};

// ---------------------------------------------------------------- time

// Days since 1970-01-01 for a civil date, and back (H. Hinnant's algorithms).
int64_t daysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

// "YYYY-MM-DDTHH:MM:SSZ" (seconds, UTC only) to seconds since the epoch.
std::optional<int64_t> parseTime(std::string_view s) {
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
      s[16] != ':' || s[19] != 'Z') {
    return std::nullopt;
  }
  auto num = [&](size_t at, size_t n, int64_t& out) {
    out = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int64_t y, mo, d, h, mi, se;
  if (!num(0, 4, y) || !num(5, 2, mo) || !num(8, 2, d) || !num(11, 2, h) || !num(14, 2, mi) ||
      !num(17, 2, se) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) {
    return std::nullopt;
  }
  return daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
         h * 3600 + mi * 60 + se;
}

// Writes timestamps, formatting each day's date once.
class TimeWriter {
 public:
  void write(Output& out, int64_t t) {
    int64_t day = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    if (day != day_) {
      day_ = day;
      int64_t y;
      unsigned m, d;
      civilFromDays(day, y, m, d);
      date_ = fmt::format("{:04}-{:02}-{:02}T", y, m, d);
    }
    int64_t s = t - day * 86400;
    out << date_;
    out.digits(static_cast<uint64_t>(s / 3600), 2);
    out << ':';
    out.digits(static_cast<uint64_t>(s / 60 % 60), 2);
    out << ':';
    out.digits(static_cast<uint64_t>(s % 60), 2);
    out << 'Z';
  }

 private:
  int64_t day_ = INT64_MIN;
  std::string date_;
};

// ---------------------------------------------------------------- profiles

struct Country {
  const char* code;
  const char* timezone;
  const char* phonePrefix;
  int phoneDigits;
  const char* domain;
};

const Country kCountries[] = {
    {"US", "America/New_York", "+1", 10, "example.com"},
    {"US", "America/Chicago", "+1", 10, "example.com"},
    {"US", "America/Los_Angeles", "+1", 10, "example.com"},
    {"CA", "America/Toronto", "+1", 10, "example.ca"},
    {"BR", "America/Sao_Paulo", "+55", 11, "example.com.br"},
    {"GB", "Europe/London", "+44", 10, "example.co.uk"},
    {"IE", "Europe/Dublin", "+353", 9, "example.ie"},
    {"FR", "Europe/Paris", "+33", 9, "example.fr"},
    {"DE", "Europe/Berlin", "+49", 10, "example.de"},
    {"ES", "Europe/Madrid", "+34", 9, "example.es"},
    {"IT", "Europe/Rome", "+39", 10, "example.it"},
    {"NL", "Europe/Amsterdam", "+31", 9, "example.nl"},
    {"IN", "Asia/Kolkata", "+91", 10, "example.in"},
    {"JP", "Asia/Tokyo", "+81", 10, "example.jp"},
    {"AU", "Australia/Sydney", "+61", 9, "example.com.au"},
};
const uint32_t kCountryWeights[] = {14, 6, 8, 3, 4, 10, 2, 12, 12, 5, 5, 4, 6, 5, 4};
static_assert(std::size(kCountries) == std::size(kCountryWeights));

struct Name {
  const char* display;  // firstName (UTF-8)
  const char* login;    // the email's local part (ASCII)
};
const Name kNames[] = {
    {"Ann", "ann"},       {"Bob", "bob"},         {"Chloé", "chloe"},   {"Dev", "dev"},
    {"Eve", "eve"},       {"Fatima", "fatima"},   {"Gustav", "gustav"}, {"Hana", "hana"},
    {"Ines", "ines"},     {"João", "joao"},       {"Kenji", "kenji"},   {"Liam", "liam"},
    {"Maria", "maria"},   {"Noah", "noah"},       {"Olivia", "olivia"}, {"Priya", "priya"},
    {"Quentin", "quentin"}, {"Rosa", "rosa"},     {"Søren", "soren"},   {"Tomás", "tomas"},
    {"Uma", "uma"},       {"Victor", "victor"},   {"Wei", "wei"},       {"Ximena", "ximena"},
    {"Yuki", "yuki"},     {"Zoë", "zoe"},         {"Amélie", "amelie"}, {"Ben", "ben"},
    {"Carla", "carla"},   {"Dmitri", "dmitri"},   {"Elif", "elif"},     {"Finn", "finn"},
};

const char* const kTiers[] = {"member", "silver", "gold"};
const uint32_t kTierWeights[] = {70, 20, 10};
const char* const kTags[] = {"newsletter", "vip", "app-user", "gdpr-restricted", "wholesale",
                             "vip-early-access"};

// What the record stream needs to know of a profile.
struct ProfileFacts {
  uint8_t country = 0;
  bool hasEmail = false;
  bool reachableByEmail = false;  // an address and consent (at the start)
};

void writePhone(Output& out, Rng& rng, const Country& c) {
  out << c.phonePrefix;
  out.digits(static_cast<uint64_t>(rng.range(1, 9)), 1);
  uint64_t limit = 1;
  for (int i = 1; i < c.phoneDigits; ++i) limit *= 10;
  out.digits(rng.below(limit), c.phoneDigits - 1);
}

void writeTags(Output& out, Rng& rng) {
  out << '[';
  uint64_t count = rng.pick({55, 25, 15, 5});
  uint32_t used = 0;
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t t = rng.below(std::size(kTags));
    if (used & (1u << t)) continue;
    if (used) out << ", ";
    used |= 1u << t;
    out << '"' << kTags[t] << '"';
  }
  out << ']';
}

// Writes profile `index` (id p<index+1>) and returns what the records need of it.
ProfileFacts writeProfile(Output& out, Rng& rng, TimeWriter& times, uint64_t index,
                          int64_t start) {
  ProfileFacts facts;
  facts.country = static_cast<uint8_t>(rng.pick(kCountryWeights));
  const Country& c = kCountries[facts.country];
  const Name& name = kNames[rng.below(std::size(kNames))];
  out << "{\"id\": \"p";
  out.integer(static_cast<int64_t>(index + 1));
  out << '"';
  bool hasEmail = rng.chance(900);
  if (hasEmail) {
    out << ", \"email\": \"" << name.login << '.';
    out.integer(static_cast<int64_t>(index + 1));
    out << '@' << c.domain << '"';
  }
  if (rng.chance(600)) {
    out << ", \"phone\": \"";
    writePhone(out, rng, c);
    out << '"';
  }
  out << ", \"firstName\": \"" << name.display << "\", \"country\": \"" << c.code << '"';
  if (rng.chance(950)) out << ", \"timezone\": \"" << c.timezone << '"';  // else the default
  size_t tier = rng.pick(kTierWeights);
  int64_t points = tier == 0 ? rng.range(0, 500) : tier == 1 ? rng.range(500, 2000)
                                                             : rng.range(2000, 10000);
  out << ", \"loyalty\": {\"tier\": \"" << kTiers[tier] << "\", \"points\": ";
  out.integer(points);
  bool emailConsent = rng.chance(850);
  out << "}, \"consents\": {\"email\": ";
  out.boolean(emailConsent);
  out << ", \"sms\": ";
  out.boolean(rng.chance(350));
  out << ", \"push\": ";
  out.boolean(rng.chance(600));
  out << "}, \"tags\": ";
  writeTags(out, rng);
  if (rng.chance(550)) {
    out << ", \"lastPurchase\": \"";
    times.write(out, start - rng.range(86400, 400 * 86400));
    out << '"';
  }
  out << '}';
  out.endLine();
  facts.hasEmail = hasEmail;
  facts.reachableByEmail = hasEmail && emailConsent;
  return facts;
}

// ---------------------------------------------------------------- records

// A catalogue of 1,000 articles with fixed prices (from the seed).
struct Catalogue {
  static constexpr uint32_t kSize = 1000;
  std::vector<int64_t> price;  // cents
  std::vector<std::string> sku;

  explicit Catalogue(Rng& rng) {
    static const char* const kKinds[] = {"SHOE", "SOCK", "MUG", "LAMP", "BOOK", "APRON",
                                         "SCARF", "KETTLE", "CANDLE", "HEADPHONES", "BAG",
                                         "TEE", "JACKET", "PLANT", "CHAIR", "WATCH"};
    for (uint32_t i = 0; i < kSize; ++i) {
      uint64_t band = rng.pick({60, 30, 10});
      price.push_back(band == 0   ? rng.range(199, 3999)
                      : band == 1 ? rng.range(4000, 11999)
                                  : rng.range(12000, 59999));
      sku.push_back(fmt::format("{}-{:04}", kKinds[rng.below(std::size(kKinds))], i));
    }
  }
};

enum class Kind : uint8_t { CartAbandoned, Purchase, EmailOpened, Set };

enum class SetKind : uint8_t {
  Points, Gold, Silver, EmailConsentOff, EmailConsentOn, SmsConsentOn, Phone, Tags, LastPurchase
};
const uint32_t kSetWeights[] = {300, 80, 60, 100, 120, 140, 100, 100};  // without LastPurchase

// One record waiting in time order. Everything needed to write it is packed here.
struct Pending {
  int64_t time = 0;
  uint64_t cart = 0;      // cart number (0: none), or message number, or set value
  uint64_t items = 0;     // CartAbandoned: up to 4 × (10-bit article, 2-bit quantity)
  int64_t cents = 0;      // total
  uint32_t profile = 0;   // index
  Kind kind = Kind::CartAbandoned;
  uint8_t sub = 0;        // CartAbandoned: item count; EmailOpened: 1 cart reminder, 0 news;
                          // Purchase: 1 with cartId; Set: SetKind
};

// Records waiting to be written, by second: a ring of one bucket per second over a window
// longer than any story, each bucket in the order its records were generated (so ties keep it).
class TimeQueue {
 public:
  static constexpr int64_t kWindow = 4 * 86400;  // a story lasts at most 73 hours

  explicit TimeQueue(int64_t start) : buckets_(kWindow), next_(start) {}
  void push(const Pending& p) {
    if (p.time < next_ || p.time >= next_ + kWindow) {
      fmt::print(stderr, "journey_datagen: internal error: a record outside the window\n");
      std::abort();
    }
    buckets_[slot(p.time)].push_back(p);
  }
  // Visits the records of the seconds before `t` in order while `visit` returns true; false
  // when it stopped.
  template <typename Visit>
  bool drainBefore(int64_t t, Visit&& visit) {
    for (; next_ < t; ++next_) {
      std::vector<Pending>& bucket = buckets_[slot(next_)];
      for (size_t i = taken_; i < bucket.size(); ++i) {
        if (!visit(bucket[i])) {
          taken_ = i;
          return false;
        }
      }
      std::vector<Pending>().swap(bucket);  // frees it: most buckets stay empty for days
      taken_ = 0;
    }
    return true;
  }

 private:
  static size_t slot(int64_t t) { return static_cast<size_t>((t % kWindow + kWindow) % kWindow); }

  std::vector<std::vector<Pending>> buckets_;
  int64_t next_;       // the first second not yet drained
  size_t taken_ = 0;   // records of that second already visited
};

struct Counts {
  uint64_t cartAbandoned = 0, purchase = 0, emailOpened = 0, set = 0;
};

class Generator {
 public:
  Generator(uint64_t seed, const std::vector<ProfileFacts>& facts, int64_t start)
      : rng_(splitmix64(seed ^ 0x6576656e7473ULL)), facts_(facts), start_(start) {
    for (const ProfileFacts& f : facts) reachableNow_.push_back(f.reachableByEmail);
    Rng catalogueRng(splitmix64(seed ^ 0x636174616c6f67ULL));
    catalogue_.emplace(catalogueRng);
  }

  // Every record of one story that starts at t0, pushed in no particular order.
  template <typename Push>
  void story(int64_t t0, Push&& push) {
    uint32_t profile = pickProfile();
    switch (rng_.pick({500, 150, 200, 150})) {
      case 0: cartStory(t0, profile, push); break;
      case 1: {
        bool withCart = rng_.chance(500);
        purchase(t0, profile, withCart ? ++carts_ : 0, randomTotal(), push);
        break;
      }
      case 2: {
        uint64_t opens = 1 + rng_.pick({60, 30, 10});
        int64_t t = t0;
        for (uint64_t i = 0; i < opens; ++i) {
          Pending p = base(t, profile, Kind::EmailOpened);
          p.cart = static_cast<uint64_t>(rng_.range(1, 500));
          push(p);
          t += rng_.range(10, 3600);
        }
        break;
      }
      default: {
        Pending p = base(t0, profile, Kind::Set);
        p.sub = static_cast<uint8_t>(rng_.pick(kSetWeights));
        p.cart = rng_.next64();
        push(p);
        break;
      }
    }
  }

  void write(Output& out, TimeWriter& times, const Pending& p) {
    out << "{\"time\": \"";
    times.write(out, p.time);
    out << "\", \"profile\": \"p";
    out.integer(p.profile + 1);
    switch (p.kind) {
      case Kind::CartAbandoned: {
        ++counts_.cartAbandoned;
        out << "\", \"event\": \"CartAbandoned\", \"data\": {\"cartId\": \"c";
        out.integer(static_cast<int64_t>(p.cart));
        out << "\", \"total\": ";
        out.cents(p.cents);
        out << ", \"items\": [";
        for (uint8_t i = 0; i < p.sub; ++i) {
          uint64_t packed = p.items >> (12 * i);
          uint64_t article = packed & 0x3ff, qty = (packed >> 10) & 3;
          if (i) out << ", ";
          out << "{\"sku\": \"" << catalogue_->sku[article] << "\", \"qty\": ";
          out.integer(static_cast<int64_t>(qty));
          out << ", \"price\": ";
          out.cents(catalogue_->price[article]);
          out << '}';
        }
        out << "]}}";
        break;
      }
      case Kind::Purchase:
        ++counts_.purchase;
        out << "\", \"event\": \"Purchase\", \"data\": {\"orderId\": \"o-";
        out.integer(static_cast<int64_t>(p.items));
        out << '"';
        if (p.sub) {
          out << ", \"cartId\": \"c";
          out.integer(static_cast<int64_t>(p.cart));
          out << '"';
        }
        out << ", \"total\": ";
        out.cents(p.cents);
        out << "}}";
        break;
      case Kind::EmailOpened:
        ++counts_.emailOpened;
        out << "\", \"event\": \"EmailOpened\", \"data\": {\"messageId\": \"";
        if (p.sub) {
          out << "m-cart-reminder-c";
          out.integer(static_cast<int64_t>(p.cart));
        } else {
          out << "m-news-";
          out.integer((p.time - start_) / 86400 + 1);
          out << '-';
          out.integer(static_cast<int64_t>(p.cart));
        }
        out << "\"}}";
        break;
      case Kind::Set:
        ++counts_.set;
        out << "\", \"set\": ";
        writeSet(out, times, p);
        out << '}';
        break;
    }
    out.endLine();
  }

  // A cart abandoned by `profile` at `t`, of one article: one priced above the journey's 50.00
  // when `enters`, else one priced below it (the entry's `when` fails).
  Pending tailCart(int64_t t, uint32_t profile, bool enters) {
    Pending cart = base(t, profile, Kind::CartAbandoned);
    cart.cart = ++carts_;
    cart.sub = 1;
    uint64_t article;
    do {
      article = rng_.below(Catalogue::kSize);
    } while ((catalogue_->price[article] > 5000) != enters || catalogue_->price[article] == 5000);
    cart.items = article | uint64_t{1} << 10;
    cart.cents = catalogue_->price[article];
    return cart;
  }

  // Whether the profile has an email address and consent after the records written so far.
  bool reachableNow(uint32_t profile) const { return reachableNow_[profile]; }

  const Counts& counts() const { return counts_; }

 private:
  uint32_t pickProfile() {
    auto n = static_cast<uint32_t>(facts_.size());
    if (n >= 10 && rng_.chance(300)) return static_cast<uint32_t>(rng_.below(n / 10)) * 10 + 9;
    return static_cast<uint32_t>(rng_.below(n));
  }

  Pending base(int64_t t, uint32_t profile, Kind kind) {
    Pending p;
    p.time = t;
    p.profile = profile;
    p.kind = kind;
    return p;
  }

  int64_t randomTotal() {
    int64_t total = 0;
    uint64_t n = 1 + rng_.pick({50, 30, 15, 5});
    for (uint64_t i = 0; i < n; ++i) total += catalogue_->price[rng_.below(Catalogue::kSize)];
    return total;
  }

  template <typename Push>
  void purchase(int64_t t, uint32_t profile, uint64_t cart, int64_t cents, Push& push) {
    Pending p = base(t, profile, Kind::Purchase);
    p.cart = cart;
    p.sub = cart != 0;
    p.cents = cents;
    p.items = ++orders_;
    push(p);
    if (rng_.chance(300)) {
      Pending s = base(t + rng_.range(1, 60), profile, Kind::Set);
      s.sub = static_cast<uint8_t>(SetKind::LastPurchase);
      s.cart = static_cast<uint64_t>(t);
      push(s);
    }
  }

  template <typename Push>
  void cartStory(int64_t t0, uint32_t profile, Push& push) {
    Pending cart = base(t0, profile, Kind::CartAbandoned);
    cart.cart = ++carts_;
    cart.sub = static_cast<uint8_t>(1 + rng_.pick({50, 30, 15, 5}));
    for (uint8_t i = 0; i < cart.sub; ++i) {
      uint64_t article = rng_.below(Catalogue::kSize);
      uint64_t qty = 1 + rng_.pick({80, 15, 5});
      cart.items |= (article | qty << 10) << (12 * i);
      cart.cents += catalogue_->price[article] * static_cast<int64_t>(qty);
    }
    push(cart);
    const int64_t hour = 3600;
    switch (rng_.pick({200, 300, 100, 30, 370})) {
      case 0:  // bought during the first hour: `exit on Purchase`
        purchase(t0 + rng_.range(300, 3300), profile, cart.cart, cart.cents, push);
        break;
      case 1:  // opened the reminder (only those who got one)
        if (facts_[profile].reachableByEmail) {
          Pending open = base(t0 + hour + rng_.range(120, 36 * hour), profile, Kind::EmailOpened);
          open.sub = 1;
          open.cart = cart.cart;
          push(open);
          if (rng_.chance(400)) {
            purchase(open.time + rng_.range(300, 6 * hour), profile, cart.cart, cart.cents, push);
          }
        }
        break;
      case 2:  // bought that cart later
        purchase(t0 + rng_.range(hour, 47 * hour), profile, cart.cart, cart.cents, push);
        break;
      case 3:  // bought in store: no cart id
        purchase(t0 + rng_.range(hour, 47 * hour), profile, 0, cart.cents, push);
        break;
      default:  // nothing
        break;
    }
    if (rng_.chance(50)) {  // the same cart abandoned again
      Pending again = cart;
      again.time = t0 + rng_.range(2 * hour, 72 * hour);
      push(again);
    }
  }

  void writeSet(Output& out, TimeWriter& times, const Pending& p) {
    uint64_t v = p.cart;
    switch (static_cast<SetKind>(p.sub)) {
      case SetKind::Points:
        out << "{\"loyalty\": {\"points\": ";
        out.integer(static_cast<int64_t>(v % 5000));
        out << "}}";
        break;
      case SetKind::Gold:
        out << "{\"loyalty\": {\"tier\": \"gold\", \"points\": ";
        out.integer(static_cast<int64_t>(2000 + v % 8000));
        out << "}}";
        break;
      case SetKind::Silver: out << "{\"loyalty\": {\"tier\": \"silver\"}}"; break;
      case SetKind::EmailConsentOff:
        out << "{\"consents\": {\"email\": false}}";
        reachableNow_[p.profile] = false;
        break;
      case SetKind::EmailConsentOn:
        out << "{\"consents\": {\"email\": true}}";
        reachableNow_[p.profile] = facts_[p.profile].hasEmail;
        break;
      case SetKind::SmsConsentOn: out << "{\"consents\": {\"sms\": true}}"; break;
      case SetKind::Phone: {
        Rng local(v);
        out << "{\"phone\": \"";
        writePhone(out, local, kCountries[facts_[p.profile].country]);
        out << "\"}";
        break;
      }
      case SetKind::Tags: {
        Rng local(v);
        out << "{\"tags\": ";
        writeTags(out, local);
        out << '}';
        break;
      }
      case SetKind::LastPurchase:
        out << "{\"lastPurchase\": \"";
        times.write(out, static_cast<int64_t>(v));
        out << "\"}";
        break;
    }
  }

  Rng rng_;
  const std::vector<ProfileFacts>& facts_;
  int64_t start_;
  std::optional<Catalogue> catalogue_;
  std::vector<bool> reachableNow_;
  uint64_t carts_ = 0, orders_ = 0;
  Counts counts_;
};

// ---------------------------------------------------------------- command line

struct Options {
  uint64_t profiles = 0, events = 0, seed = 1;
  std::string outProfiles, outEvents;
  int64_t start = 0;
  int64_t days = 7;
  uint64_t tailCarts = 0;
  bool tailEnters = true;
};

[[noreturn]] void usage(const std::string& error) {
  if (!error.empty()) fmt::print(stderr, "journey_datagen: {}\n", error);
  fmt::print(stderr,
             "usage: journey_datagen --profiles N --events M --seed S --out-profiles FILE "
             "--out-events FILE [--start 2026-03-02T00:00:00Z] [--days 7] [--tail-carts K "
             "[--tail-enters yes|no]]\n");
  std::exit(2);
}

uint64_t number(std::string_view flag, const char* text) {
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(text, &end, 10);
  if (errno || end == text || *end || text[0] == '-') {
    usage(fmt::format("{}: not a number: {}", flag, text));
  }
  return v;
}

Options parseOptions(int argc, char** argv) {
  Options o;
  o.start = *parseTime("2026-03-02T00:00:00Z");
  bool hasProfiles = false, hasEvents = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (flag == "-h" || flag == "--help") usage("");
    if (i + 1 >= argc) usage(fmt::format("{} needs a value", flag));
    const char* value = argv[++i];
    if (flag == "--profiles") {
      o.profiles = number(flag, value);
      hasProfiles = true;
    } else if (flag == "--events") {
      o.events = number(flag, value);
      hasEvents = true;
    } else if (flag == "--seed") {
      o.seed = number(flag, value);
    } else if (flag == "--out-profiles") {
      o.outProfiles = value;
    } else if (flag == "--out-events") {
      o.outEvents = value;
    } else if (flag == "--start") {
      std::optional<int64_t> t = parseTime(value);
      if (!t) usage(fmt::format("--start: expected YYYY-MM-DDTHH:MM:SSZ, found {}", value));
      o.start = *t;
    } else if (flag == "--tail-carts") {
      o.tailCarts = number(flag, value);
    } else if (flag == "--tail-enters") {
      std::string_view v = value;
      if (v != "yes" && v != "no") usage("--tail-enters: yes or no");
      o.tailEnters = v == "yes";
    } else if (flag == "--days") {
      o.days = static_cast<int64_t>(number(flag, value));
      if (o.days < 1) usage("--days: at least 1");
    } else {
      usage(fmt::format("unknown option {}", flag));
    }
  }
  if (!hasProfiles || !hasEvents) usage("--profiles and --events are required");
  if (o.profiles == 0 && o.events > 0) usage("events need at least one profile");
  if (o.profiles > UINT32_MAX) usage("--profiles: at most 4294967295");
  if (o.tailCarts > o.events) usage("--tail-carts: at most --events");
  if (o.outProfiles.empty() || o.outEvents.empty()) {
    usage("--out-profiles and --out-events are required");
  }
  return o;
}

std::FILE* openOut(const std::string& path) {
  if (path == "-") return stdout;
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    fmt::print(stderr, "journey_datagen: cannot write {}: {}\n", path, std::strerror(errno));
    std::exit(1);
  }
  return f;
}

void closeOut(std::FILE* f, const std::string& path) {
  if (std::ferror(f) || (f == stdout ? std::fflush(f) : std::fclose(f)) != 0) {
    fmt::print(stderr, "journey_datagen: error writing {}\n", path);
    std::exit(1);
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options opt = parseOptions(argc, argv);
  TimeWriter times;

  // Profiles: written in order, and what the stream needs of each kept.
  std::vector<ProfileFacts> facts;
  facts.reserve(opt.profiles);
  {
    std::FILE* file = openOut(opt.outProfiles);
    {
      Output out(file);
      Rng rng(splitmix64(opt.seed ^ 0x70726f66696c6573ULL));
      for (uint64_t i = 0; i < opt.profiles; ++i) {
        facts.push_back(writeProfile(out, rng, times, i, opt.start));
      }
    }
    closeOut(file, opt.outProfiles);
  }

  std::FILE* file = openOut(opt.outEvents);
  Generator gen(opt.seed, facts, opt.start);
  if (opt.events > 0) {
    // Stories start evenly spread over the days, so that the M records span about that long:
    // the mean number of records per story is measured first on 65,536 stories of another
    // generator (the same seed, so it is deterministic too).
    constexpr uint64_t kSample = 65536;
    uint64_t sampled = 0;
    {
      Generator probe(opt.seed ^ 0x70726f6265ULL, facts, opt.start);
      auto count = [&](const Pending&) { ++sampled; };
      for (uint64_t i = 0; i < kSample; ++i) probe.story(opt.start, count);
    }
    // Story i starts at start + (i·span + r)·sampled / (M·kSample), r uniform in [0, span):
    // non-decreasing in i, and the M-th record falls near start + span.
    const auto span = static_cast<unsigned __int128>(opt.days) * 86400;
    const unsigned __int128 divisor = static_cast<unsigned __int128>(opt.events) * kSample;
    Rng jitter(splitmix64(opt.seed ^ 0x6a6974746572ULL));

    TimeQueue pending(opt.start);
    auto push = [&](const Pending& p) { pending.push(p); };
    Output out(file);
    uint64_t written = 0;
    const uint64_t storyRecords = opt.events - opt.tailCarts;
    int64_t last = opt.start;
    auto write = [&](const Pending& p) {
      if (written == storyRecords) return false;
      gen.write(out, times, p);
      last = p.time;
      ++written;
      return true;
    };
    for (uint64_t story = 0; written < storyRecords; ++story) {
      unsigned __int128 r = jitter.below(static_cast<uint64_t>(span));
      int64_t t0 = opt.start + static_cast<int64_t>((story * span + r) * sampled / divisor);
      if (!pending.drainBefore(t0, write)) break;
      gen.story(t0, push);
    }
    // The tail: carts of distinct profiles that can get email, at the last record's time, from
    // a random profile on. Those of --tail-enters yes are still waiting at the end of the run.
    Rng tailRng(splitmix64(opt.seed ^ 0x7461696cULL));
    uint64_t from = tailRng.below(facts.size());
    for (uint64_t k = 0; k < facts.size() && written < opt.events; ++k) {
      auto profile = static_cast<uint32_t>((from + k) % facts.size());
      if (!gen.reachableNow(profile)) continue;
      gen.write(out, times, gen.tailCart(last, profile, opt.tailEnters));
      ++written;
    }
    if (written < opt.events) {
      fmt::print(stderr, "journey_datagen: --tail-carts: only {} profiles can get email\n",
                 written - storyRecords);
      return 2;
    }
  }
  closeOut(file, opt.outEvents);

  const Counts& c = gen.counts();
  uint64_t total = c.cartAbandoned + c.purchase + c.emailOpened + c.set;
  auto share = [&](uint64_t n) { return total ? n * 1000 / total : 0; };
  auto pct = [&](uint64_t n) { return fmt::format("{}.{}%", share(n) / 10, share(n) % 10); };
  fmt::print(stderr,
             "{} profiles, {} records: {} CartAbandoned ({}), {} Purchase ({}), {} EmailOpened "
             "({}), {} set ({})\n",
             opt.profiles, total, c.cartAbandoned, pct(c.cartAbandoned), c.purchase,
             pct(c.purchase), c.emailOpened, pct(c.emailOpened), c.set, pct(c.set));
  return 0;
}
