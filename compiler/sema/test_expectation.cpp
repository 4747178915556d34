#include "compiler/sema/test_expectation.h"

#include <array>
#include <string>
#include <vector>

#include "compiler/ast/printer.h"
#include "compiler/sema/suggest.h"

namespace journey::sema {

namespace {

// One form per record kind: which name it takes (and whether it may be left out) and which
// record field the quoted text is compared with ("" when it takes none).
struct Form {
  std::string_view kind;
  ExpectedName name;
  std::string_view nameField;
  bool nameOptional;
  std::string_view textField;
};

constexpr std::array kForms{
    Form{"send", ExpectedName::Channel, "channel", false, "template"},
    Form{"suppressed", ExpectedName::Channel, "channel", false, "template"},
    Form{"capped", ExpectedName::Channel, "channel", false, "template"},
    Form{"enter", ExpectedName::Journey, "journey", false, ""},
    Form{"skipped", ExpectedName::Journey, "journey", false, ""},
    Form{"exit", ExpectedName::Journey, "journey", true, "reason"},
    Form{"call", ExpectedName::Action, "action", false, ""},
    Form{"emit", ExpectedName::Event, "event", false, ""},
    Form{"set", ExpectedName::None, "", true, "path"},
    Form{"audience", ExpectedName::Audience, "audience", false, ""},
    Form{"member", ExpectedName::Audience, "", false, ""},
};

const Form* findForm(std::string_view kind) {
  for (const Form& f : kForms) {
    if (f.kind == kind) return &f;
  }
  return nullptr;
}

}  // namespace

std::optional<Expectation> readExpectation(const ast::TestExpect& e, std::string& why,
                                           SourceRange& where) {
  Expectation out;
  out.text = e.text;
  out.at = e.at;
  out.profile = e.profile;
  size_t i = 0;
  if (i < e.words.size() && e.words[i].text == "no") {
    out.negated = true;
    ++i;
  }
  if (i == e.words.size()) {
    why = "`expect` needs the kind of record it looks for";
    where = e.words.empty() ? SourceRange{} : e.words.back().range;
    return std::nullopt;
  }
  const ast::Name& kind = e.words[i++];
  const Form* form = findForm(kind.text);
  if (form == nullptr) {
    why = "`" + kind.text + "` is not a kind of output record an expectation can look for";
    std::vector<std::string> kinds;
    for (const Form& f : kForms) kinds.push_back(std::string(f.kind));
    if (std::optional<std::string> meant = closestName(kind.text, kinds)) {
      why += ": did you mean `" + *meant + "`?";
    } else if (i == e.words.size() && e.text && !out.negated) {
      // `expect email "welcome"`: a channel's name and a template, without `send`.
      why += "; for a message, write `expect send " + kind.text + " " +
             ast::quoted(e.text->text) + "`";
    }
    where = kind.range;
    return std::nullopt;
  }
  out.kind = form->kind;
  out.nameKind = form->name;
  out.nameField = form->nameField;
  out.textField = form->textField;
  if (form->name != ExpectedName::None && i < e.words.size()) out.name = e.words[i++];
  if (!out.name && !form->nameOptional) {
    why = "`expect " + out.kind + "` needs the name of " +
          (form->name == ExpectedName::Channel   ? "a channel"
           : form->name == ExpectedName::Journey ? "a journey"
           : form->name == ExpectedName::Action  ? "an action"
           : form->name == ExpectedName::Event   ? "an event"
                                                 : "an audience");
    where = kind.range;
    return std::nullopt;
  }
  if (out.kind == "audience" && i < e.words.size() &&
      (e.words[i].text == "enter" || e.words[i].text == "exit")) {
    out.change = e.words[i++].text;
  }
  if (i < e.words.size()) {
    why = "unexpected `" + e.words[i].text + "` in `expect " + out.kind + "`";
    // `expect send email welcome`: the template (a reason, a path) is quoted.
    if (i + 1 == e.words.size() && !form->textField.empty() && !out.text) {
      why += ": the " + std::string(form->textField) + " is quoted, `" +
             ast::quoted(e.words[i].text) + "`";
    }
    where = e.words[i].range;
    return std::nullopt;
  }
  out.whenRunEnds = out.kind == "member";
  if (out.whenRunEnds && out.at) {
    why = "`expect member` is checked when the run ends; it takes no `at`";
    where = out.at->range;
    return std::nullopt;
  }
  if (out.text && form->textField.empty()) {
    why = "`expect " + out.kind + "` takes no quoted text";
    where = out.text->range;
    return std::nullopt;
  }
  return out;
}

std::string describe(const Expectation& e) {
  std::string out = e.negated ? "no " : "";
  out += e.kind;
  if (e.name) out += " " + e.name->text;
  if (e.change) out += " " + *e.change;
  // As literals that read back: the text may hold quotes or control bytes.
  if (e.text) out += " " + ast::quoted(e.text->text);
  if (e.at) out += " at " + ast::quoted(e.at->text);
  if (e.profile) out += " for " + ast::quoted(e.profile->text);
  return out;
}

bool isExitReasonForm(std::string_view text) {
  return text == "end" || text == "exit" || text == "timeout" || text == "goto" ||
         text == "error" || text.starts_with("end: ") || text.starts_with("error: ");
}

}  // namespace journey::sema
