// What a test's `expect` statement looks for: its words read as an output record kind, the
// record field that names its subject (channel, journey, ...) and an optional text field; or,
// for `member`, a profile's membership of an audience when the run ends. The checker
// validates expectations with this; `journey test` checks them with it.
#pragma once

#include <optional>
#include <string>

#include "compiler/ast/ast.h"

namespace journey::sema {

// The declarations an expectation's name can refer to.
enum class ExpectedName { None, Channel, Journey, Action, Event, Audience };

struct Expectation {
  bool negated = false;               // `expect no ...`
  std::string kind;                   // the output record's `kind`: send, exit, audience, ...
  ExpectedName nameKind = ExpectedName::None;
  std::string nameField;              // the record field the name is compared with
  std::optional<ast::Name> name;      // `email`, `CartRecovery`, ...
  std::string textField;              // the record field the quoted text is compared with
  std::optional<std::string> change;  // audience: `enter` or `exit`
  bool whenRunEnds = false;           // `member`: a fact about the state at the end, not a record
  std::optional<ast::TestString> text, at, profile;
};

// Reads an expectation's words. On failure returns nothing and sets `why` and `where`.
std::optional<Expectation> readExpectation(const ast::TestExpect& e, std::string& why,
                                           SourceRange& where);

// Whether an `expect exit` text is a reason the runtime writes, matched whole (`timeout`,
// `end: converted`, `error: …`), or `error`, which stands for every `error: …`; any other text
// also matches a step's `end "TEXT"`.
bool isExitReasonForm(std::string_view text);

// `send email "cart-reminder" at "..."` as words again, for messages.
std::string describe(const Expectation& e);

}  // namespace journey::sema
