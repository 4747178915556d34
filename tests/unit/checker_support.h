// Helpers for the checker's unit tests: parse a program from a string, check it, and look at
// the diagnostics by code.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "compiler/ast/ast.h"
#include "compiler/diagnostics/diagnostic.h"
#include "compiler/diagnostics/renderer.h"
#include "compiler/sema/checker.h"
#include "compiler/source/source_manager.h"
#include "compiler/syntax/parser.h"

namespace doctest {
// Prints code lists in failure messages.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + v[i];
    return (out + "}").c_str();
  }
};
}  // namespace doctest

namespace journey::testing {

struct CheckResult {
  SourceManager sources;
  ast::Ast ast;
  DiagnosticSink diags;
  sema::CheckedProgram program;

  // The kind names of every diagnostic, in report order ("DuplicateName", "UnreachableStep"):
  // names rather than codes, so the tests read as what they mean.
  std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.all()) out.emplace_back(info(d.kind).name);
    return out;
  }
  // The first diagnostic of this kind, or null.
  const Diagnostic* find(std::string_view kind) const {
    for (const Diagnostic& d : diags.all()) {
      if (info(d.kind).name == kind) return &d;
    }
    return nullptr;
  }
  std::string message(std::string_view code) const {
    const Diagnostic* d = find(code);
    return d ? d->message : "<no " + std::string(code) + ">";
  }
  // The source text the diagnostic's primary span covers.
  std::string span(std::string_view code) const {
    const Diagnostic* d = find(code);
    return d ? std::string(sources.slice(d->range)) : "<no " + std::string(code) + ">";
  }
  // Everything rendered, for failure messages.
  std::string rendered() const {
    std::string out;
    for (const Diagnostic& d : diags.all()) out += render(d, sources);
    return out;
  }
};

// Parses and checks `files` as one program.
inline std::unique_ptr<CheckResult> checkFiles(const std::vector<std::string>& files) {
  auto r = std::make_unique<CheckResult>();
  for (size_t i = 0; i < files.size(); ++i) {
    FileId f = r->sources.add("test" + std::to_string(i) + ".journey", files[i]);
    r->ast.modules.push_back(syntax::parseFile(f, r->sources, r->ast, r->diags));
  }
  sema::checkProgram(r->sources, r->ast, r->diags, r->program);
  return r;
}

// A program that checks cleanly; tests append the declarations they are about.
inline const std::string kPrelude = R"(
type Item { sku: string, qty: int, price: double }
schema Profile {
  id: string
  email: string?
  phone: string?
  firstName: string
  country: string
  timezone: string = "UTC"
  loyalty: { tier: string, points: int }
  consents: { email: bool, sms: bool, push: bool }
  tags: list<string>
  attributes: map<string, string>
}
event CartAbandoned retain 30d { cartId: string, total: double, items: list<Item> }
event Purchase retain 365d { orderId: string, cartId: string?, total: double }
event EmailOpened { messageId: string }
channel email { address: profile.email, consent: profile.consents.email }
channel sms { address: profile.phone, consent: profile.consents.sms }
channel push { address: profile.id, consent: profile.consents.push }
audience Gold = profile.loyalty.tier == "gold"
action crm_score {
  method POST
  url "https://crm.example.com/score"
  timeout 5s
  retries 2
  response { score: int, note: string? }
  mock { score: 42 }
}
)";

inline std::unique_ptr<CheckResult> check(const std::string& program) {
  return checkFiles({kPrelude + program});
}

// A journey around `steps`, entered on CartAbandoned as `cart`.
inline std::unique_ptr<CheckResult> checkSteps(const std::string& steps,
                                               const std::string& clauses = "") {
  return check("journey J {\n  entry on CartAbandoned as cart\n" + clauses + "\n" + steps + "\n}\n");
}

using Codes = std::vector<std::string>;

}  // namespace journey::testing
