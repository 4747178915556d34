// Scope: local names, innermost first, and the presence facts proven on the way here.
#include "compiler/sema/symbols.h"

#include <algorithm>

namespace journey::sema {

std::optional<TypeId> Scope::lookup(std::string_view name) const {
  for (const Scope* s = this; s; s = s->parent_) {
    // Later declarations shadow earlier ones in the same scope.
    for (auto it = s->vars_.rbegin(); it != s->vars_.rend(); ++it) {
      if (it->first == name) return it->second;
    }
  }
  return std::nullopt;
}

std::optional<TypeId> Scope::lookupQualified(std::string_view path) const {
  for (const Scope* s = this; s; s = s->parent_) {
    for (auto it = s->vars_.rbegin(); it != s->vars_.rend(); ++it) {
      if (it->first == path) return it->second;
    }
    for (const auto& [name, type] : s->vars_) {
      if (ast::isNamePrefix(name, path)) return std::nullopt;
    }
  }
  return std::nullopt;
}

Scope::UnsetAfterFailure* Scope::unsetAfterFailure(std::string_view name) const {
  for (const Scope* s = this; s; s = s->parent_) {
    bool declaredHere = std::any_of(s->vars_.begin(), s->vars_.end(),
                                    [&](const auto& var) { return var.first == name; });
    if (!declaredHere) continue;
    for (auto& [unset, why] : s->unset_) {
      if (unset == name) return &why;
    }
    return nullptr;
  }
  return nullptr;
}

void Scope::visibleNames(std::vector<std::string>& out) const {
  for (const Scope* s = this; s; s = s->parent_) {
    for (const auto& [name, type] : s->vars_) out.push_back(name);
  }
}

bool Scope::isGuarded(std::string_view path) const {
  for (const Scope* s = this; s; s = s->parent_) {
    for (const std::string& g : s->guarded_) {
      if (g == path) return true;
    }
  }
  return false;
}

}  // namespace journey::sema
