// The names of the slots an expression reads from its caller: a journey's frame, an audience
// rule's `profile`, the REPL's `--let`s. Slot i is named names()[i]; a later slot hides an
// earlier one of the same name, and "" names a slot no expression reaches by name (an `exit
// on` binding's, outside its own `when`). Built once and shared by every expression lowered
// against it, so that a journey of thousands of `let`s does not bind every name again for each
// expression.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace journey::ir {

class InputNames {
 public:
  InputNames() = default;
  explicit InputNames(std::vector<std::string> names);

  void push(std::string name);  // the next slot

  const std::vector<std::string>& names() const { return names_; }
  uint32_t size() const { return static_cast<uint32_t>(names_.size()); }
  // The slot `name` reaches, or kNoSlot.
  uint32_t lookup(std::string_view name) const;
  // Whether a name is a dotted prefix of `path` (`a` of `a.b`): a part of a qualified name
  // bound here hides the whole (LowerScope::lookupQualified).
  bool namesPrefixOf(std::string_view path) const;

 private:
  struct NameHash {  // looks names up by string_view
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> names_;
  std::unordered_map<std::string, uint32_t, NameHash, std::equal_to<>> slots_;  // each name's
                                                                                 // last slot
};

}  // namespace journey::ir
