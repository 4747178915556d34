// What the checker knows about a program's declarations, and the scope of local names that an
// expression is checked in.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/ast/ast.h"
#include "compiler/sema/types.h"

namespace journey::sema {

struct EventSymbol {
  const ast::EventDecl* decl = nullptr;
  RecordId record = 0;
  TypeId type = 0;  // the record type, including the implicit `time: timestamp`
};
struct AudienceSymbol {
  const ast::AudienceDecl* decl = nullptr;
};
struct ChannelSymbol {
  const ast::ChannelDecl* decl = nullptr;
};
struct ActionSymbol {
  const ast::ActionDecl* decl = nullptr;
  TypeId response = 0;  // record type of the response (an empty record when none is declared)
};
struct ConstSymbol {
  const ast::ConstDecl* decl = nullptr;
  TypeId type = 0;
};
struct FnSymbol {
  const ast::FnDecl* decl = nullptr;
  std::vector<TypeId> params;
  TypeId result = 0;
};
struct JourneySymbol {
  const ast::JourneyDecl* decl = nullptr;
};

// Declarations by name. Names are unique per program (the checker reports duplicates and keeps
// the first).
struct ProgramSymbols {
  std::map<std::string, RecordId, std::less<>> recordTypes;  // `type` declarations
  std::optional<RecordId> profile;                           // `schema Profile`
  const ast::SchemaDecl* schemaDecl = nullptr;               // its declaration
  TypeId profileType = 0;                                    // valid when `profile` is set
  std::map<std::string, EventSymbol, std::less<>> events;
  std::map<std::string, AudienceSymbol, std::less<>> audiences;
  std::map<std::string, ChannelSymbol, std::less<>> channels;
  std::map<std::string, ActionSymbol, std::less<>> actions;
  std::map<std::string, ConstSymbol, std::less<>> consts;
  std::map<std::string, FnSymbol, std::less<>> fns;
  std::map<std::string, JourneySymbol, std::less<>> journeys;
};

// Local names (entry bindings, `let`, `wait for` bindings, call results, function parameters,
// comprehension variables), innermost last. Also carries the paths that a `has()` test has
// proven present on the way here, for the unguarded-optional-read warning.
// The help for a journey's values evaluated once (its schedule, `timeout`, caps…) that read what
// belongs to each instance.
inline constexpr std::string_view kWholeJourneyValue =
    "write a value known for the whole journey: a literal or a `const`";

class Scope {
 public:
  explicit Scope(const Scope* parent = nullptr) : parent_(parent) {}

  void declare(std::string name, TypeId type) { vars_.emplace_back(std::move(name), type); }
  std::optional<TypeId> lookup(std::string_view name) const;
  // A name bound with dots (`a.b`), unless a nearer scope binds a part of it (`a`, a
  // comprehension's variable), which CEL lets shadow it: then that part is selected from.
  std::optional<TypeId> lookupQualified(std::string_view path) const;
  // All visible names, for did-you-mean suggestions.
  void visibleNames(std::vector<std::string>& out) const;

  // A call's `as r` after an `on error` block that goes on: on that path `r` has no value.
  struct UnsetAfterFailure {
    std::string action;
    SourceRange call;  // the action's name in the `call` step
    bool reported = false;  // one warning per binding, at its first read
  };
  void declareUnsetAfterFailure(std::string name, TypeId type, UnsetAfterFailure why) {
    declare(name, type);
    unset_.emplace_back(std::move(name), std::move(why));
  }
  // The note of the declaration of `name` that `lookup` finds, when it is such a binding.
  UnsetAfterFailure* unsetAfterFailure(std::string_view name) const;

  // `profile.email` after `has(profile.email)` was tested true on this path.
  void guard(std::string path) { guarded_.push_back(std::move(path)); }
  bool isGuarded(std::string_view path) const;
  // Reads of optional fields are not warned about at all in this scope (channel addresses: the
  // runtime treats an absent address as a suppressed send).
  void allowAbsent() { allowAbsent_ = true; }
  bool absentAllowed() const { return allowAbsent_ || (parent_ && parent_->absentAllowed()); }

  // In `fn` bodies, `const` values and what is evaluated once for the program (defaults,
  // settings, schedules): `profile`, `now()`, `history()` and `inAudience()` are not available
  // there (they must be pure and evaluable without a profile). `where` names such a place for
  // the message: "a `fn` body"; `help` says what to write instead.
  void makePure(std::string_view where, std::string_view help) {
    pure_ = true;
    pureWhere_ = where;
    pureHelp_ = help;
  }
  bool pure() const { return pure_ || (parent_ && parent_->pure()); }
  // Names that are declared around this pure place but out of its reach (a journey's entry
  // binding, seen from its `timeout`): not visible, only named when one is used here.
  void hide(const Scope* outOfReach) { hidden_ = outOfReach; }
  const Scope* hidden() const { return hidden_ || !parent_ ? hidden_ : parent_->hidden(); }
  std::string_view pureWhere() const {
    return pure_ || !parent_ ? pureWhere_ : parent_->pureWhere();
  }
  std::string_view pureHelp() const {
    return pure_ || !parent_ ? pureHelp_ : parent_->pureHelp();
  }

  const Scope* parent() const { return parent_; }

  // Names whose block has ended (a `wait for`'s bindings after it, a `let` after its `if`),
  // kept by the journey's outermost scope so that a use after the block is told why it fails.
  struct EndedName {
    std::string name;
    SourceRange declared;
  };
  void keepEndedNames(std::vector<EndedName>* ended) { ended_ = ended; }
  std::vector<EndedName>* endedNames() const {
    return ended_ || !parent_ ? ended_ : parent_->endedNames();
  }

 private:
  std::vector<EndedName>* ended_ = nullptr;
  const Scope* parent_;
  std::vector<std::pair<std::string, TypeId>> vars_;
  std::vector<std::string> guarded_;
  mutable std::vector<std::pair<std::string, UnsetAfterFailure>> unset_;
  bool allowAbsent_ = false;
  bool pure_ = false;
  std::string_view pureWhere_;
  std::string_view pureHelp_;
  const Scope* hidden_ = nullptr;
};

}  // namespace journey::sema
