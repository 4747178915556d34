// What `journey audience` writes (docs/audiences.md): membership rows as JSON lines
// (`{"profile": "p1", "audiences": ["Gold"]}`) or CSV (a `profile` column, then one 0/1 column
// per audience), and the change feed against an earlier snapshot: `audience` records with
// `change` `enter` or `exit`, the records `journey run` writes and reads.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "compiler/ir/program_ir.h"
#include "vm/runtime/output.h"

namespace journey::audience {

enum class RowFormat { Json, Csv };

class MembershipWriter {
 public:
  // `audiences`: the selected ones, in declaration order (the CSV's columns).
  MembershipWriter(const ir::ProgramIr& program, std::vector<uint32_t> audiences, RowFormat format,
                   runtime::OutputSink& out);
  void row(const std::string& id, const std::vector<uint8_t>& member);

 private:
  const ir::ProgramIr& program_;
  std::vector<uint32_t> audiences_;
  RowFormat format_;
  runtime::OutputSink& out_;
  std::string line_;
};

// An earlier snapshot, in either format: per profile, the audiences it was a member of (by
// name), and the profiles in file order.
struct Snapshot {
  std::unordered_map<std::string, std::vector<std::string>> members;
  std::vector<std::string> order;
  std::vector<std::string> columns;  // a CSV snapshot's audiences, members or not
};

// Reads a snapshot; an error message (naming the line) when it is not one.
std::optional<std::string> readSnapshot(const std::string& path, Snapshot& out);
// The audiences a snapshot names (its members', and a CSV snapshot's columns) that `program`
// does not declare (a snapshot of another program, an audience renamed since), in name order.
std::vector<std::string> undeclaredAudiences(const Snapshot& snapshot,
                                             const ir::ProgramIr& program);

// Writes `enter`/`exit` records at time `at` for the selected audiences whose membership
// differs from the snapshot's.
class ChangeFeed {
 public:
  ChangeFeed(const ir::ProgramIr& program, std::vector<uint32_t> audiences, Snapshot previous,
             Timestamp at, runtime::OutputSink& out);
  // A profile of the new snapshot.
  void row(const std::string& id, const std::vector<uint8_t>& member);
  // A profile whose line was rejected. Unless it has a row after all (another line, a `set`
  // record), it keeps the snapshot's memberships at finish: no change, not gone.
  void rejected(const std::string& id);
  // After the last row: the rejected profiles of the snapshot that had no row keep their
  // memberships, each given to `kept` as row() takes them; then the snapshot's profiles that
  // are gone leave their audiences.
  void finish(const std::function<void(const std::string&, const std::vector<uint8_t>&)>& kept);
  uint64_t enters() const { return enters_; }
  uint64_t exits() const { return exits_; }
  uint64_t kept() const { return kept_; }

 private:
  void change(const std::string& id, uint32_t audience, bool enter);
  // Whether a snapshot's row, the audience names it lists, names `audience`.
  bool named(const std::vector<std::string>& names, uint32_t audience) const;

  const ir::ProgramIr& program_;
  std::vector<uint32_t> audiences_;
  Snapshot previous_;
  Timestamp at_;
  runtime::OutputSink& out_;
  std::unordered_map<std::string, bool> seen_;
  std::vector<std::string> rejected_;  // in the order their lines came
  uint64_t enters_ = 0, exits_ = 0, kept_ = 0;
};

}  // namespace journey::audience
