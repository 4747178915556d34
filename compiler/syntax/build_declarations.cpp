// Declarations, types and record-like bodies.
#include "compiler/syntax/ast_builder.h"

namespace journey::syntax {

using P = grammar::JourneyParser;

std::optional<ast::Decl> AstBuilder::declaration(P::DeclContext* ctx) {
  if (ctx == nullptr || ctx->children.empty()) return std::nullopt;
  SourceRange whole = range(ctx);
  auto make = [&](ast::DeclKind kind) { return ast::Decl{std::move(kind), whole}; };

  if (auto* d = ctx->importDecl()) {
    std::optional<std::string> path = stringValue(d->STRING());
    if (!path) return std::nullopt;
    return make(ast::ImportDecl{*path, range(d->STRING())});
  }
  if (auto* d = ctx->typeDecl()) {
    std::optional<ast::Name> n = name(d->ident());
    if (!n) return std::nullopt;
    return make(ast::TypeDecl{*n, recordBody(d->recordBody())});
  }
  if (auto* d = ctx->schemaDecl()) {
    std::optional<ast::Name> n = name(d->ident());
    if (!n) return std::nullopt;
    return make(ast::SchemaDecl{*n, recordBody(d->recordBody())});
  }
  if (auto* d = ctx->eventDecl()) {
    std::optional<ast::Name> n = name(d->ident());
    if (!n) return std::nullopt;
    ast::EventDecl event{*n, ast::kNoExpr, {}};
    if (d->RETAIN() != nullptr) event.retain = d->expr() ? expr(d->expr()) : error(range(d->RETAIN()));
    event.fields = recordBody(d->recordBody());
    return make(std::move(event));
  }
  if (auto* d = ctx->channelDecl()) {
    std::optional<ast::Name> n = name(d->ident());
    if (!n) return std::nullopt;
    ast::ChannelDecl channel;
    channel.name = *n;
    for (ast::FieldInit& f : fieldBlock(d->fieldBlock())) {
      bool isAddress = f.field.text == "address" && !f.optional;
      bool isConsent = f.field.text == "consent" && !f.optional;
      ast::ExprId& slot = isAddress ? channel.address : channel.consent;
      if ((isAddress || isConsent) && slot != ast::kNoExpr) {
        report(DiagKind::RepeatedPart, f.field.range,
               "`" + f.field.text + "` is given twice in channel `" + n->text + "`");
      } else if (isAddress || isConsent) {
        slot = f.value;
      } else {
        channel.otherFields.push_back(std::move(f));
      }
    }
    return make(std::move(channel));
  }
  if (auto* d = ctx->audienceDecl()) {
    std::optional<ast::Name> n = name(d->ident());
    if (!n) return std::nullopt;
    ast::ExprId rule = d->expr() ? expr(d->expr()) : error(range(d));
    return make(ast::AudienceDecl{*n, rule});
  }
  if (auto* d = ctx->actionDecl()) {
    std::optional<ast::DeclKind> action = actionDecl(d);
    if (!action) return std::nullopt;
    return make(std::move(*action));
  }
  if (auto* d = ctx->capDecl()) {
    std::optional<ast::CapDecl> cap = capDecl(d);
    if (!cap) return std::nullopt;
    return make(std::move(*cap));
  }
  if (auto* d = ctx->constDecl()) {
    std::optional<ast::Name> n = bindingName(d->ident());
    if (!n) return std::nullopt;
    ast::ConstDecl c;
    c.name = *n;
    if (d->typeRef() != nullptr) c.type = typeRef(d->typeRef(), n->range);
    c.value = d->expr() ? expr(d->expr()) : error(range(d));
    return make(std::move(c));
  }
  if (auto* d = ctx->fnDecl()) {
    std::optional<ast::Name> n = name(d->ident());
    if (!n) return std::nullopt;
    ast::FnDecl fn;
    fn.name = *n;
    for (P::ParamContext* p : d->param()) {
      std::optional<ast::Name> pn = bindingName(p->ident());
      if (!pn) continue;
      fn.params.push_back(ast::Param{*pn, typeRef(p->typeRef(), pn->range)});
    }
    if (d->typeRef() != nullptr) fn.result = typeRef(d->typeRef(), n->range);
    fn.body = d->expr() ? expr(d->expr()) : error(range(d));
    return make(std::move(fn));
  }
  if (auto* d = ctx->journeyDecl()) {
    std::optional<ast::Name> n = name(d->ident());
    if (!n) return std::nullopt;
    return make(journey(d, *n));
  }
  return std::nullopt;
}

std::optional<ast::CapDecl> AstBuilder::capDecl(P::CapDeclContext* ctx) {
  std::optional<ast::Name> channel = name(ctx->ident());
  if (!channel) return std::nullopt;
  ast::CapDecl cap;
  cap.channel = *channel;
  cap.count = ctx->count != nullptr ? expr(ctx->count) : error(range(ctx));
  cap.window = ctx->window != nullptr ? expr(ctx->window) : error(range(ctx));
  return cap;
}

std::optional<ast::DeclKind> AstBuilder::actionDecl(P::ActionDeclContext* ctx) {
  std::optional<ast::Name> n = name(ctx->ident());
  if (!n) return std::nullopt;
  ast::ActionDecl action;
  action.name = *n;
  // Each setting is given once; a repeat is reported and ignored.
  auto once = [&](antlr4::ParserRuleContext* item, bool alreadySet, const char* setting) {
    if (!alreadySet) return true;
    report(DiagKind::RepeatedPart, range(item->getStart()),
           std::string("`") + setting + "` is given twice in action `" + n->text + "`");
    return false;
  };
  for (P::ActionItemContext* item : ctx->actionItem()) {
    if (auto* m = dynamic_cast<P::ActionMethodContext*>(item)) {
      std::optional<ast::Name> method = name(m->ident());
      if (method && once(m, action.method.has_value(), "method")) action.method = method;
    } else if (auto* u = dynamic_cast<P::ActionUrlContext*>(item)) {
      if (once(u, action.url != ast::kNoExpr, "url")) action.url = expr(u->expr());
    } else if (auto* t = dynamic_cast<P::ActionTimeoutContext*>(item)) {
      if (once(t, action.timeout != ast::kNoExpr, "timeout")) action.timeout = expr(t->expr());
    } else if (auto* r = dynamic_cast<P::ActionRetriesContext*>(item)) {
      if (once(r, action.retries != ast::kNoExpr, "retries")) action.retries = expr(r->expr());
    } else if (auto* resp = dynamic_cast<P::ActionResponseContext*>(item)) {
      if (once(resp, action.hasResponse, "response")) {
        action.response = recordBody(resp->recordBody());
        action.hasResponse = true;
      }
    } else if (auto* mock = dynamic_cast<P::ActionMockContext*>(item)) {
      if (once(mock, action.hasMock || action.mockError != ast::kNoExpr, "mock")) {
        action.mock = fieldBlock(mock->fieldBlock());
        action.hasMock = true;
        action.mockRange = range(mock);
      }
    } else if (auto* fail = dynamic_cast<P::ActionMockErrorContext*>(item)) {
      if (once(fail, action.hasMock || action.mockError != ast::kNoExpr, "mock")) {
        action.mockError = expr(fail->expr());
        action.mockRange = range(fail);
      }
    }
  }
  return ast::DeclKind{std::move(action)};
}

// ---------------------------------------------------------------------------------------------
// Types

ast::TypeRefPtr AstBuilder::typeRef(P::TypeRefContext* ctx, SourceRange fallback) {
  auto broken = [&](SourceRange r) {
    // A type that could not be read: `dyn` accepts everything, so nothing more is reported.
    auto t = std::make_unique<ast::TypeRef>();
    t->kind = ast::TypeRef::Kind::Named;
    t->name = ast::Name{"dyn", r};
    t->range = r;
    return t;
  };
  if (ctx == nullptr) return broken(fallback);
  if (ctx->exception != nullptr || ctx->typeAtom() == nullptr) return broken(range(ctx));
  ast::TypeRefPtr atom;
  P::TypeAtomContext* a = ctx->typeAtom();
  if (auto* named = dynamic_cast<P::NamedTypeContext*>(a); named && named->exception == nullptr) {
    P::QualifiedNameContext* q = named->qualifiedName();
    if (q == nullptr || q->exception != nullptr) return broken(range(a));
    atom = std::make_unique<ast::TypeRef>();
    atom->kind = ast::TypeRef::Kind::Named;
    std::string dotted;
    for (P::IdentContext* part : q->ident()) {
      std::optional<ast::Name> pn = name(part);
      if (!pn) return broken(range(a));
      dotted += (dotted.empty() ? "" : ".") + pn->text;
    }
    atom->name = ast::Name{dotted, range(q)};
    for (P::TypeRefContext* param : named->typeRef()) atom->params.push_back(typeRef(param, range(a)));
    atom->range = range(a);
  } else if (auto* record = dynamic_cast<P::RecordTypeContext*>(a); record && record->exception == nullptr) {
    atom = std::make_unique<ast::TypeRef>();
    atom->kind = ast::TypeRef::Kind::Record;
    atom->fields = fieldDecls(record->fieldDecls());
    atom->range = range(a);
  } else {
    return broken(range(a));
  }
  if (ctx->QUESTION() == nullptr) return atom;
  auto optional = std::make_unique<ast::TypeRef>();
  optional->kind = ast::TypeRef::Kind::Optional;
  optional->inner = std::move(atom);
  optional->range = range(ctx);
  return optional;
}

std::vector<ast::FieldDecl> AstBuilder::recordBody(P::RecordBodyContext* ctx) {
  if (ctx == nullptr) return {};
  return fieldDecls(ctx->fieldDecls());
}

std::vector<ast::FieldDecl> AstBuilder::fieldDecls(P::FieldDeclsContext* ctx) {
  std::vector<ast::FieldDecl> out;
  if (ctx == nullptr) return out;
  requireFieldSeparators(ctx);
  for (P::FieldDeclContext* f : ctx->fieldDecl()) {
    std::optional<ast::Name> n = name(f->selector());
    if (!n) continue;
    ast::FieldDecl field;
    field.name = *n;
    field.type = typeRef(f->typeRef(), n->range);
    if (f->ASSIGN() != nullptr) {
      field.defaultValue = f->expr() != nullptr ? expr(f->expr()) : error(range(f->ASSIGN()));
    }
    field.range = range(f);
    out.push_back(std::move(field));
  }
  return out;
}

std::vector<ast::FieldInit> AstBuilder::fieldBlock(P::FieldBlockContext* ctx) {
  std::vector<ast::FieldInit> out;
  if (ctx == nullptr || ctx->fieldInits() == nullptr) return out;
  requireFieldSeparators(ctx->fieldInits());
  for (P::FieldInitContext* f : ctx->fieldInits()->fieldInit()) {
    if (auto init = fieldInit(f)) out.push_back(std::move(*init));
  }
  return out;
}

void AstBuilder::requireFieldSeparators(antlr4::ParserRuleContext* fields) {
  antlr4::ParserRuleContext* before = nullptr;
  for (antlr4::tree::ParseTree* child : fields->children) {
    if (auto* sep = dynamic_cast<P::FieldSepContext*>(child)) {
      // `a: 1,, b: 2`: the grammar takes any run of separators; two commas leave a field out.
      std::vector<antlr4::tree::TerminalNode*> commas = sep->COMMA();
      if (commas.size() >= 2) {
        report(DiagKind::UnexpectedToken, range(commas[1]),
               "expected a field between these commas, found `,`")
            .helps.push_back("write one `,` between two fields");
      }
      before = nullptr;
      continue;
    }
    auto* field = dynamic_cast<antlr4::ParserRuleContext*>(child);
    if (field == nullptr) {
      before = nullptr;
      continue;
    }
    // Only between fields that parsed whole: after a syntax error a field may be a fragment.
    bool whole = field->exception == nullptr && field->getStart() != nullptr &&
                 field->getStop() != nullptr &&
                 field->getStop()->getTokenIndex() >= field->getStart()->getTokenIndex();
    if (before != nullptr && whole) {
      SourceRange a = range(before), b = range(field);
      if (text_.slice(SourceRange{a.file, a.end, b.begin}).find_first_of("\r\n") ==
          std::string_view::npos) {
        Diagnostic& d = report(DiagKind::UnexpectedToken, range(field->getStart()),
                               "expected `,` or end of line before the next field, found `" +
                                   std::string(textOf(field->getStart())) + "`");
        d.helps.push_back("separate fields with `,` or write each on a line of its own");
      }
    }
    before = field;
  }
}

std::optional<ast::FieldInit> AstBuilder::fieldInit(P::FieldInitContext* ctx) {
  std::optional<ast::Name> n = name(ctx->selector());
  if (!n) return std::nullopt;
  ast::FieldInit init;
  init.field = *n;
  init.optional = ctx->QUESTION() != nullptr;
  warnConditionalLikeOptional(ctx->expr(), "field");
  init.value = ctx->expr() != nullptr ? expr(ctx->expr()) : error(range(ctx));
  init.range = range(ctx);
  return init;
}

void AstBuilder::warnConditionalLikeOptional(P::ExprContext* value, std::string_view what) {
  if (value == nullptr || value->exception != nullptr || value->QUESTION() == nullptr ||
      value->COLON() == nullptr || value->cond == nullptr || value->then == nullptr ||
      value->then->getStart() != value->then->getStop() || value->cond->getStop() == nullptr) {
    return;
  }
  // `a: x ?b: y`: the `?` glued to one token glued to its `:`, apart from what comes before.
  SourceRange cond = range(value->cond->getStop()), question = range(value->QUESTION());
  SourceRange then = range(value->then->getStart()), colon = range(value->COLON());
  if (cond.end == question.begin || question.end != then.begin || then.end != colon.begin) return;
  std::string shown(text_.slice(SourceRange::cover(question, colon)));
  std::string name(text_.slice(then));
  Diagnostic& d = report(DiagKind::ConditionalLikeOptional, SourceRange::cover(question, colon),
                         "`" + shown + "` reads as the middle of a conditional (`… ? " + name +
                             " : …`), not as an optional " + std::string(what));
  d.helps.push_back("for an optional " + std::string(what) + ", end the one before with `,`: `, " +
                    shown + " …`; for the conditional, write `? " + name + " :`");
}

}  // namespace journey::syntax
