#include "compiler/ir/input_names.h"

#include <utility>

#include "compiler/ir/expr_ir.h"

namespace journey::ir {

InputNames::InputNames(std::vector<std::string> names) {
  names_.reserve(names.size());
  for (std::string& name : names) push(std::move(name));
}

void InputNames::push(std::string name) {
  if (!name.empty()) slots_[name] = size();
  names_.push_back(std::move(name));
}

uint32_t InputNames::lookup(std::string_view name) const {
  auto it = slots_.find(name);
  return it == slots_.end() ? kNoSlot : it->second;
}

bool InputNames::namesPrefixOf(std::string_view path) const {
  for (size_t dot = path.find('.'); dot != std::string_view::npos; dot = path.find('.', dot + 1)) {
    if (slots_.contains(path.substr(0, dot))) return true;
  }
  return false;
}

}  // namespace journey::ir
