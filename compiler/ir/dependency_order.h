// An order of the nodes of a graph without cycles in which each comes after the nodes it reads
// (audiences reading one another through `inAudience`; the checker rules out cycles), so that
// what a node inherits from those it reads is found in one pass rather than in rounds.
#pragma once

#include <cstdint>
#include <vector>

namespace journey::ir {

// `reads[a]`: the nodes node `a` reads. A cycle, were there one, is broken where it is met.
std::vector<uint32_t> dependenciesFirst(const std::vector<std::vector<uint32_t>>& reads);

}  // namespace journey::ir
