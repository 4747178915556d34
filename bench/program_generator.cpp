#include "bench/program_generator.h"

#include <fmt/format.h>

namespace journey::bench {

namespace {

constexpr const char* kHeader = R"(schema Profile {
  id: string
  email: string?
  phone: string?
  firstName: string
  country: string
  age: int
  timezone: string = "UTC"
  loyalty: { tier: string, points: int }
  consents: { email: bool, sms: bool, push: bool }
  tags: list<string>
}

type Item { sku: string, qty: int, price: double }

channel email { address: profile.email, consent: profile.consents.email }
channel sms { address: profile.phone, consent: profile.consents.sms }
channel push { address: profile.id, consent: profile.consents.push }

cap email 5 per 7d

)";

// One event, one audience and one journey: 37 lines.
std::string unit(int i) {
  return fmt::format(R"(event Viewed{0} retain 30d {{ sku: string, price: double, items: list<Item> }}
event Bought{0} {{ orderId: string, total: double }}

audience Engaged{0} = profile.age >= {1} && profile.country == "FR" && "vip" in profile.tags

journey Flow{0} {{
  entry on Viewed{0} as v when v.price > {2}.0 && v.items.exists(it, it.qty > 1)
  key v.sku
  reentry after 7d
  exit on Bought{0} as b when b.total > 10.0
  timeout 30d
  quiet hours 21:00 to 08:00 queue

  wait 1h
  if !has(profile.email) {{
    end "no email"
  }}
  send email "viewed-{0}" {{ sku: v.sku, total: v.items.map(it, it.price * double(it.qty)) }}
  wait for Bought{0} as bought within 2d {{
    on bought {{
      set profile.tags = profile.tags + ["buyer-{0}"]
      end "converted"
    }}
    timeout {{
      if profile.consents.sms && inAudience(Engaged{0}) {{
        send sms "nudge-{0}" {{ text: "Hi " + profile.firstName.upperAscii() }}
      }} else {{
        send push "nudge-{0}"
      }}
    }}
  }}
  split "test-{0}" {{
    50% {{ send email "a-{0}" }}
    50% {{ send email "b-{0}" }}
  }}
}}

)",
                     i, 18 + i % 50, i % 100);
}

}  // namespace

std::string generateProgram(int lines) {
  std::string out = kHeader;
  int i = 0;
  do {
    out += unit(i++);
  } while (i * 37 < lines);
  return out;
}

}  // namespace journey::bench
