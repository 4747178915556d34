// `split` assigns each key to an arm by a hash of (journey, split name, key): the same key
// always takes the same arm, and keys spread evenly over 10,000 buckets (0.01% steps).
#pragma once

#include <cstdint>
#include <string_view>

namespace journey::runtime {

uint32_t splitBucket(std::string_view journey, std::string_view split, std::string_view key);

}  // namespace journey::runtime
