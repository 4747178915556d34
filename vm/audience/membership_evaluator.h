// Audience membership of one profile at a fixed time (`journey audience`, docs/audiences.md):
// each selected audience's rule evaluated by an expression engine, with `now()` the evaluation
// time, `history()` over the profile's retained records, and `inAudience()` evaluating the
// named audience the same way. A rule that evaluates to an error (or to something not a bool)
// leaves the profile out of the audience, and is counted.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "vm/runtime/audience_answers.h"
#include "compiler/ir/name_index.h"
#include "compiler/ir/program_ir.h"
#include "vm/runtime/expression_engine.h"
#include "vm/runtime/state.h"

namespace journey::audience {

// A profile and what the events input gave it.
struct ProfileData {
  std::string id;
  Value profile;                          // a record of the schema's type
  std::vector<runtime::History> history;  // per event type, oldest first
};

// One per thread: the engine (an interpreter is not reentrant) and the counters are its own.
class MembershipEvaluator {
 public:
  // `retain` per event type: records older than `at - retain` are not in history().
  MembershipEvaluator(const ir::ProgramIr& program, runtime::ExpressionEngine& engine,
                      Timestamp at, std::vector<Duration> retain);

  // member[a] for every audience a of `selected` (others are left alone).
  void evaluate(const ProfileData& p, const std::vector<uint32_t>& selected,
                std::vector<uint8_t>& member);

  // Per audience: how many profiles' rules evaluated to an error (or not to a bool).
  const std::vector<uint64_t>& errors() const { return errors_; }

 private:
  class Host;
  const ir::ProgramIr& program_;
  runtime::ExpressionEngine& engine_;
  Timestamp at_;
  std::vector<Duration> retain_;
  std::vector<uint64_t> errors_;
  ir::NameIndex eventsByName_;  // `history(E, d)`'s event
  runtime::AudienceAnswers answers_;  // `inAudience(NAME)`'s audience and answers
};

}  // namespace journey::audience
