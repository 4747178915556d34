// Answering `inAudience(NAME)`: the audience found by its name at once, and each rule evaluated
// at most once while one question is answered. A rule may read another twice, and chains of
// rules reading one another share links: without the memory,
// `A2 = inAudience(A1) && inAudience(A1)`, `A3 = inAudience(A2) && inAudience(A2)`, … doubles
// the work at each level. Nothing a rule reads changes while a question is answered (the same
// profile, the same instant), so the answers of one question are kept until the next one: the
// outermost ask starts it. The chain's length is bounded by the checker (E0227).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "compiler/ir/name_index.h"
#include "compiler/ir/program_ir.h"
#include "vm/value/value.h"

namespace journey::runtime {

class AudienceAnswers {
 public:
  explicit AudienceAnswers(const ir::ProgramIr& program)
      : byName_(program.audiences),
        asked_(program.audiences.size(), 0),
        answers_(program.audiences.size()) {}

  // The audience named `name`, or -1.
  int find(std::string_view name) const { return byName_.find(name); }

  // Audience `a`'s answer in the question being answered: `evaluate()`'s, run once.
  template <typename Evaluate>
  Value answer(uint32_t a, Evaluate&& evaluate) {
    if (depth_ == 0) ++question_;
    if (asked_[a] == question_) return answers_[a];
    struct Inside {  // left however the evaluation ends
      uint32_t& depth;
      explicit Inside(uint32_t& d) : depth(++d) {}
      ~Inside() { --depth; }
    } inside(depth_);
    Value v = evaluate();
    asked_[a] = question_;
    answers_[a] = v;
    return v;
  }

 private:
  ir::NameIndex byName_;
  std::vector<uint64_t> asked_;  // the question in which each audience was last answered
  std::vector<Value> answers_;
  uint64_t question_ = 0;
  uint32_t depth_ = 0;  // asks inside the one being answered
};

}  // namespace journey::runtime
