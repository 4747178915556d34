// Program-level declarations: collecting names (and duplicates), resolving written types to
// TypeIds, filling record types, and checking each declaration's body.
#include <algorithm>
#include <array>
#include <set>

#include "compiler/sema/foreign_names.h"
#include "compiler/sema/optional_field.h"
#include "compiler/sema/program_checker.h"
#include "compiler/sema/suggest.h"
#include "compiler/sema/written_fields.h"
#include "stdlib/overloads.h"

namespace journey::sema {
namespace {

constexpr std::array<std::string_view, 9> kScalarTypes = {
    "bool", "int", "uint", "double", "string", "bytes", "timestamp", "duration", "dyn"};
constexpr std::array<std::string_view, 7> kChannelKinds = {"email", "sms",  "push",   "inapp",
                                                           "web",   "mail", "webhook"};
constexpr std::array<std::string_view, 5> kHttpMethods = {"GET", "POST", "PUT", "PATCH", "DELETE"};

template <size_t N>
std::vector<std::string> toStrings(const std::array<std::string_view, N>& names) {
  return std::vector<std::string>(names.begin(), names.end());
}

std::string quotedList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += i + 1 == names.size() ? " and " : ", ";
    out += "`" + names[i] + "`";
  }
  return out;
}

}  // namespace

bool isBuiltinTypeName(std::string_view name) {
  // `null_type` and `type` name types in expressions only (`type(x) == null_type`), but a
  // record of that name would be the same type there.
  return name == "list" || name == "map" || name == "null_type" || name == "type" ||
         std::find(kScalarTypes.begin(), kScalarTypes.end(), name) != kScalarTypes.end();
}

// ---------------------------------------------------------------------------------------------
// Names

void ProgramChecker::collectNames() {
  // Registers a program-level name; false (after reporting) when it is taken.
  auto claim = [&](const ast::Name& name, const char* kind) {
    auto [it, fresh] = declared.try_emplace(name.text, Declared{kind, name.range});
    if (fresh) return true;
    Diagnostic& d = report(DiagKind::DuplicateName, name.range,
                           "the name `" + name.text + "` is already declared");
    d.secondary.push_back({it->second.range, "first declared here, as " +
                                                 std::string(it->second.kind)});
    return false;
  };
  // A record type's name (a type's, an event's, the schema's) may not be a built-in type's,
  // which every type position would read instead; false after reporting it.
  auto notBuiltin = [&](const ast::Name& name) {
    if (!isBuiltinTypeName(name.text)) return true;
    report(DiagKind::ReservedName, name.range,
           "`" + name.text + "` is a built-in type and cannot be declared");
    return false;
  };
  auto newRecord = [&](const ast::Name& name, RecordOrigin origin) {
    return types.addRecord(RecordInfo{name.text, origin, {}, name.range});
  };
  // A record type's claim (a type's, an event's): one refused because a journey, a channel, a
  // `fn`… holds the name still declares the record, so that its uses are not each told it is
  // unknown (one mistake, one diagnostic); two record types of one name do not.
  auto claimRecord = [&](const ast::Name& name, const char* kind) {
    if (claim(name, kind)) return true;
    std::string_view holder = declared.at(name.text).kind;
    return holder != "a type" && holder != "an event" && holder != "the schema";
  };

  const ast::JourneyDecl* firstJourney = nullptr;
  for (const ast::Module& m : ast.modules) {
    for (const ast::Decl& decl : m.decls) {
      std::visit(
          [&](const auto& d) {
            using T = std::decay_t<decltype(d)>;
            if constexpr (std::is_same_v<T, ast::TypeDecl>) {
              if (notBuiltin(d.name) && claimRecord(d.name, "a type")) {
                symbols.recordTypes.emplace(d.name.text, newRecord(d.name, RecordOrigin::Type));
              }
            } else if constexpr (std::is_same_v<T, ast::SchemaDecl>) {
              if (schema) {
                Diagnostic& diag = report(DiagKind::MultipleSchemas, d.name.range,
                                          "the program already has a schema");
                diag.secondary.push_back({schema->name.range, "the schema is declared here"});
                diag.notes.push_back("a program has exactly one profile type");
              } else {
                // Kept even when its name is taken, so the program is not also said to have
                // no schema.
                if (notBuiltin(d.name)) claim(d.name, "the schema");
                schema = &d;
                symbols.schemaDecl = &d;
                symbols.profile = newRecord(d.name, RecordOrigin::Schema);
                symbols.profileType = types.record(*symbols.profile);
                profileType = symbols.profileType;
              }
            } else if constexpr (std::is_same_v<T, ast::EventDecl>) {
              if (notBuiltin(d.name) && claimRecord(d.name, "an event")) {
                RecordId r = newRecord(d.name, RecordOrigin::Event);
                symbols.events.emplace(d.name.text, EventSymbol{&d, r, types.record(r)});
              }
            } else if constexpr (std::is_same_v<T, ast::ChannelDecl>) {
              if (claim(d.name, "a channel")) symbols.channels.emplace(d.name.text, ChannelSymbol{&d});
            } else if constexpr (std::is_same_v<T, ast::AudienceDecl>) {
              if (claim(d.name, "an audience"))
                symbols.audiences.emplace(d.name.text, AudienceSymbol{&d});
            } else if constexpr (std::is_same_v<T, ast::ActionDecl>) {
              if (claim(d.name, "an action"))
                symbols.actions.emplace(d.name.text, ActionSymbol{&d, types.error()});
            } else if constexpr (std::is_same_v<T, ast::ConstDecl>) {
              if (d.name.text == "profile") {
                report(DiagKind::ReservedName, d.name.range,
                       "`profile` always names the current profile: a `const` cannot take it");
              } else if (claim(d.name, "a constant"))
                symbols.consts.emplace(d.name.text, ConstSymbol{&d, types.error()});
            } else if constexpr (std::is_same_v<T, ast::FnDecl>) {
              // A `fn` named as a library function (`size`, `matches`, `now`, `inAudience`)
              // or `has` would replace it in every call of the program, silently.
              if (d.name.text == "profile") {
                report(DiagKind::ReservedName, d.name.range,
                       "`profile` always names the current profile: a `fn` cannot take it");
              } else if (d.name.text == "has" || !stdlib::overloadsNamed(d.name.text).empty()) {
                report(DiagKind::ReservedName, d.name.range,
                       "`" + d.name.text + "` is a library function; a `fn` cannot replace it")
                    .helps.push_back("give the function a name of its own");
              } else if (claim(d.name, "a function")) {
                symbols.fns.emplace(d.name.text, FnSymbol{&d, {}, types.error()});
              }
            } else if constexpr (std::is_same_v<T, ast::JourneyDecl>) {
              if (!firstJourney) firstJourney = &d;
              if (claim(d.name, "a journey")) symbols.journeys.emplace(d.name.text, JourneySymbol{&d});
            }
            // Imports are resolved by the front end; file-level caps are checked later.
          },
          decl.kind);
    }
  }

  if (schema) return;
  // Without a schema, `profile` is declared with the Error type everywhere, so that its uses
  // report nothing more: the one diagnostic is this one.
  SourceRange where;
  std::string why;
  if (firstJourney) {
    where = firstJourney->name.range;
    why = "journeys run for a customer profile, whose fields the schema declares";
  } else {
    for (const ast::Expr& e : ast.exprs) {
      auto* id = std::get_if<ast::Ident>(&e.node);
      if (id && id->name == "profile") {
        where = e.range;
        why = "`profile` is the customer profile, whose fields the schema declares";
        break;
      }
    }
  }
  if (!where.valid()) return;
  Diagnostic& d = report(DiagKind::MissingSchema, where, "the program has no `schema`");
  d.notes.push_back(why);
  d.helps.push_back("declare one, such as `schema Profile { id: string }`");
}

// ---------------------------------------------------------------------------------------------
// Types

void ProgramChecker::declareRecords() {
  for (const ast::Module& m : ast.modules) {
    for (const ast::Decl& decl : m.decls) {
      if (auto* t = std::get_if<ast::TypeDecl>(&decl.kind)) {
        auto it = symbols.recordTypes.find(t->name.text);
        if (it != symbols.recordTypes.end() && types.recordInfo(it->second).range.begin ==
                                                   t->name.range.begin &&
            types.recordInfo(it->second).range.file == t->name.range.file) {
          fillRecord(it->second, t->fields);
        }
      } else if (auto* s = std::get_if<ast::SchemaDecl>(&decl.kind)) {
        if (s != schema) continue;
        fillRecord(*symbols.profile, s->fields);
        const RecordInfo& info = types.recordInfo(*symbols.profile);
        int id = info.find("id");
        if (id < 0) {
          Diagnostic& d = report(DiagKind::SchemaWithoutId, s->name.range,
                                 "schema `" + s->name.text + "` has no `id` field");
          d.helps.push_back("add the profile's identity: `id: string`");
        } else {
          const RecordField& f = info.fields[id];
          const ast::FieldDecl* written = nullptr;
          for (const ast::FieldDecl& fd : s->fields) {
            if (fd.name.text == "id") written = &fd;
          }
          if (f.optional || types.kind(f.type) != TypeKind::String) {
            SourceRange where = written && written->type ? written->type->range : f.range;
            report(DiagKind::SchemaWithoutId, where,
                   "the `id` field of the schema must be a required `string`");
          } else if (f.hasDefault) {
            // Every profile line without an id would become the same profile.
            SourceRange where = written && written->defaultValue != ast::kNoExpr
                                    ? ast.exprs[written->defaultValue].range
                                    : f.range;
            Diagnostic& d = report(DiagKind::SchemaWithoutId, where,
                                   "the `id` field of the schema cannot have a default: each "
                                   "profile must give its own");
            d.helps.push_back("remove the default: `id: string`");
          }
        }
      } else if (auto* e = std::get_if<ast::EventDecl>(&decl.kind)) {
        auto it = symbols.events.find(e->name.text);
        if (it == symbols.events.end() || it->second.decl != e) continue;
        // `time` is implicit: a declared `time` field is reported and left out.
        RecordId r = it->second.record;
        fillRecord(r, e->fields);
        RecordInfo& info = types.recordInfo(r);
        int declaredTime = info.find("time");
        if (declaredTime >= 0) {
          Diagnostic& d = report(DiagKind::ReservedEventField, info.fields[declaredTime].range,
                                 "event `" + e->name.text + "` cannot declare a field named `time`");
          d.notes.push_back("every event has an implicit `time: timestamp` field");
          info.fields.erase(info.fields.begin() + declaredTime);
        }
        info.fields.push_back(RecordField{"time", types.timestamp(), false, false, e->name.range});
      } else if (auto* a = std::get_if<ast::ActionDecl>(&decl.kind)) {
        auto it = symbols.actions.find(a->name.text);
        if (it == symbols.actions.end() || it->second.decl != a) continue;
        RecordId r = types.addRecord(
            RecordInfo{a->name.text, RecordOrigin::ActionResponse, {}, a->name.range});
        fillRecord(r, a->response);
        it->second.response = types.record(r);
      }
    }
  }
}

void ProgramChecker::fillRecord(RecordId id, const std::vector<ast::FieldDecl>& fields) {
  std::string prefix = types.recordInfo(id).name;
  std::vector<RecordField> resolved;
  std::map<std::string, SourceRange, std::less<>> seen;
  for (const ast::FieldDecl& f : fields) {
    auto [it, fresh] = seen.try_emplace(f.name.text, f.name.range);
    if (!fresh) {
      Diagnostic& d = report(DiagKind::DuplicateField, f.name.range,
                             "field `" + f.name.text + "` is declared twice");
      d.secondary.push_back({it->second, "first declared here"});
      continue;
    }
    // `T?` on a field marks the field optional (it may be absent); its type is T.
    const ast::TypeRef* written = f.type.get();
    bool optional = false;
    if (written && written->kind == ast::TypeRef::Kind::Optional) {
      optional = true;
      written = written->inner.get();
    }
    TypeId type = written ? resolveType(*written, prefix + "." + f.name.text) : types.error();
    resolved.push_back(
        RecordField{f.name.text, type, optional, f.defaultValue != ast::kNoExpr, f.name.range});
  }
  types.recordInfo(id).fields = std::move(resolved);
}

TypeId ProgramChecker::resolveType(const ast::TypeRef& ref, const std::string& inlineName) {
  switch (ref.kind) {
    case ast::TypeRef::Kind::Optional:
      // Outside a field's own type (`list<string?>`, a parameter), `T?` is CEL's optional<T>.
      return ref.inner ? types.optional(resolveType(*ref.inner, inlineName)) : types.error();
    case ast::TypeRef::Kind::Record: {
      RecordId r = types.addRecord(RecordInfo{inlineName, RecordOrigin::Inline, {}, ref.range});
      fillRecord(r, ref.fields);
      return types.record(r);
    }
    case ast::TypeRef::Kind::Named:
      break;
  }
  const std::string& name = ref.name.text;
  size_t arity = name == "list" ? 1 : name == "map" ? 2 : 0;
  bool builtin = isBuiltinTypeName(name);
  if (builtin && ref.params.size() != arity) {
    std::string want = arity == 0 ? "no type arguments"
                       : arity == 1 ? "one type argument, as in `list<string>`"
                                    : "two type arguments, as in `map<string, int>`";
    report(DiagKind::TypeArity, ref.range, "`" + name + "` takes " + want);
    return types.error();
  }
  auto param = [&](size_t i) {
    return ref.params[i] ? resolveType(*ref.params[i], inlineName) : types.error();
  };
  if (name == "list") return types.list(param(0));
  if (name == "map") {
    TypeId key = param(0);
    switch (types.kind(key)) {
      case TypeKind::Int:
      case TypeKind::Uint:
      case TypeKind::Bool:
      case TypeKind::String:
      case TypeKind::Dyn:
      case TypeKind::Error: break;
      default:
        report(DiagKind::InvalidMapKeyType, ref.params[0] ? ref.params[0]->range : ref.range,
               "a map key must be `int`, `uint`, `bool` or `string`, found `" + types.print(key) + "`");
        return types.error();
    }
    return types.map(key, param(1));
  }
  if (name == "bool") return types.boolean();
  if (name == "int") return types.int64();
  if (name == "uint") return types.uint64();
  if (name == "double") return types.double64();
  if (name == "string") return types.string();
  if (name == "bytes") return types.bytes();
  if (name == "timestamp") return types.timestamp();
  if (name == "duration") return types.duration();
  if (name == "dyn") return types.dyn();
  if (name == "null_type" || name == "type") {
    report(DiagKind::UnknownType, ref.name.range,
           "`" + name + "` is a type of expressions (`type(x) == " + name + "`), not of data");
    return types.error();
  }

  std::optional<RecordId> record;
  if (auto it = symbols.recordTypes.find(name); it != symbols.recordTypes.end()) record = it->second;
  else if (auto ev = symbols.events.find(name); ev != symbols.events.end()) record = ev->second.record;
  else if (schema && schema->name.text == name) record = symbols.profile;
  if (record) {
    if (!ref.params.empty()) {
      report(DiagKind::TypeArity, ref.range, "`" + name + "` takes no type arguments");
      return types.error();
    }
    return types.record(*record);
  }
  if (std::optional<std::string> cel = celTypeSpelling(name)) {
    report(DiagKind::UnknownType, ref.name.range, "unknown type `" + name + "`")
        .helps.push_back(*cel);
    return types.error();
  }
  std::vector<std::string> candidates = toStrings(kScalarTypes);
  candidates.push_back("list");
  candidates.push_back("map");
  for (const auto& [n, r] : symbols.recordTypes) candidates.push_back(n);
  for (const auto& [n, e] : symbols.events) candidates.push_back(n);
  if (schema) candidates.push_back(schema->name.text);
  reportUnknown(DiagKind::UnknownType, ref.name, "type", candidates);
  return types.error();
}

void ProgramChecker::resolveSignatures() {
  for (auto& [name, fn] : symbols.fns) {
    std::map<std::string, SourceRange, std::less<>> seen;
    for (const ast::Param& p : fn.decl->params) {
      auto [it, fresh] = seen.try_emplace(p.name.text, p.name.range);
      if (p.name.text == "profile") {  // as for a `let`: the name means one thing everywhere
        reportRedeclared(p.name, SourceRange{}).helps.push_back("choose another name");
      } else if (!fresh) {
        Diagnostic& d = report(DiagKind::DuplicateBinding, p.name.range,
                               "parameter `" + p.name.text + "` is declared twice");
        d.secondary.push_back({it->second, "first declared here"});
      }
      fn.params.push_back(p.type ? resolveType(*p.type, name + "." + p.name.text) : types.error());
    }
    // Without a declared result, the body's type is the result (see checkConstsAndFns).
    if (fn.decl->result) fn.result = resolveType(*fn.decl->result, name + ".result");
  }
  for (auto& [name, c] : symbols.consts) {
    if (c.decl->type) c.type = resolveType(*c.decl->type, name);
  }
}

// ---------------------------------------------------------------------------------------------
// Bodies

void ProgramChecker::checkFieldDefaults() {
  // Defaults are pure values.
  LocalScope pure(nullptr);
  pure.scope.makePure("a field's default", "write a literal or a `const`");
  forEachWrittenField(ast, symbols, types, [&](RecordId id, size_t index, const ast::FieldDecl& f) {
    if (f.defaultValue == ast::kNoExpr) return;
    exprs.expect(f.defaultValue, pure.scope, types.recordInfo(id).fields[index].type,
                 "the default of field `" + f.name.text + "`");
  });
}

void ProgramChecker::checkEvent(const ast::EventDecl& d) {
  if (d.retain == ast::kNoExpr) return;
  Scope pure;
  pure.makePure("an event's `retain`", "write a literal or a `const`");
  checkDuration(d.retain, pure, "`retain`", true);
}

void ProgramChecker::checkChannel(const ast::ChannelDecl& d) {
  if (std::find(kChannelKinds.begin(), kChannelKinds.end(), d.name.text) == kChannelKinds.end()) {
    Diagnostic& diag = report(DiagKind::UnknownChannelKind, d.name.range,
                              "`" + d.name.text + "` is not a kind of channel");
    if (auto close = closestName(d.name.text, toStrings(kChannelKinds))) {
      diag.helps.push_back("did you mean `" + *close + "`?");
    }
    diag.notes.push_back("the channels are " + quotedList(toStrings(kChannelKinds)));
  }
  LocalScope scope(nullptr);
  declareProfile(scope);
  // An absent address suppresses the send at run time, so reading an optional field here is
  // the intended use, not a mistake to warn about.
  scope.scope.allowAbsent();
  if (d.address == ast::kNoExpr) {
    Diagnostic& diag = report(DiagKind::MissingSetting, d.name.range,
                              "channel `" + d.name.text + "` has no `address`");
    diag.helps.push_back("add one, such as `address: profile.email`");
  } else {
    exprs.expect(d.address, scope.scope, types.string(), "the `address` of a channel");
  }
  // Without `consent`, the channel is always consented to (transactional messages). An absent
  // field read here suppresses every send with an error as its reason: warned about as
  // anywhere else (`has(profile.c) && profile.c` says what is meant).
  if (d.consent != ast::kNoExpr) {
    LocalScope consent(nullptr);
    declareProfile(consent);
    exprs.expect(d.consent, consent.scope, types.boolean(), "the `consent` of a channel");
  }
  for (const ast::FieldInit& f : d.otherFields) {
    Diagnostic& diag = report(DiagKind::UnknownSetting, f.field.range,
                              "unknown channel setting `" + f.field.text + "`");
    if (auto close = closestName(f.field.text, {"address", "consent"})) {
      diag.helps.push_back("did you mean `" + *close + "`?");
    } else {
      diag.notes.push_back("a channel takes `address` and `consent`");
    }
  }
}

void ProgramChecker::checkAudience(const ast::AudienceDecl& d) {
  LocalScope scope(nullptr);
  declareProfile(scope);
  exprs.expect(d.rule, scope.scope, types.boolean(), "an audience rule");
}

void ProgramChecker::checkAction(const ast::ActionDecl& d) {
  if (d.method) {
    const std::string& m = d.method->text;
    if (std::find(kHttpMethods.begin(), kHttpMethods.end(), m) == kHttpMethods.end()) {
      Diagnostic& diag = report(DiagKind::InvalidActionMethod, d.method->range,
                                "`" + m + "` is not an HTTP method");
      if (auto close = closestName(m, toStrings(kHttpMethods))) {
        diag.helps.push_back("did you mean `" + *close + "`?");
      }
      diag.notes.push_back("the methods are " + quotedList(toStrings(kHttpMethods)));
    }
  }
  // Settings are evaluated once, without a profile.
  Scope pure;
  pure.makePure("an action's settings", "write a literal or a `const`");
  if (d.url == ast::kNoExpr) {
    Diagnostic& diag = report(DiagKind::MissingSetting, d.name.range,
                              "action `" + d.name.text + "` has no `url`");
    diag.helps.push_back("add one, such as `url \"https://crm.example.com/score\"`");
  } else {
    exprs.expect(d.url, pure, types.string(), "the `url` of an action");
  }
  if (d.timeout != ast::kNoExpr) checkDuration(d.timeout, pure, "the `timeout` of an action", true);
  if (d.retries != ast::kNoExpr) checkCount(d.retries, pure, "`retries`", 0);
  auto it = symbols.actions.find(d.name.text);
  bool registered = it != symbols.actions.end() && it->second.decl == &d;
  // A mock is fields (a successful response), `error "message"` (a failure, for testing
  // `on error`), or both.
  if (d.hasMock && (!d.mock.empty() || d.mockError == ast::kNoExpr) && registered &&
      types.kind(it->second.response) == TypeKind::Record) {
    checkRecordFields(d.mock, types.get(it->second.response).record,
                      "the response of action `" + d.name.text + "`",
                      d.mockRange.valid() ? d.mockRange : d.name.range, pure, true);
  }
  if (d.mockError != ast::kNoExpr) {
    exprs.expect(d.mockError, pure, types.string(), "the message of `mock error`");
  }
  // Without a mock, a simulated call answers with the response's defaults: a field with none
  // would be missing from every response.
  if (!d.hasMock && d.mockError == ast::kNoExpr && registered &&
      types.kind(it->second.response) == TypeKind::Record) {
    for (const RecordField& f : types.recordInfo(types.get(it->second.response).record).fields) {
      if (f.optional || f.hasDefault) continue;
      Diagnostic& diag = report(DiagKind::MissingSetting, d.name.range,
                                "action `" + d.name.text + "` has no `mock`, and its response's `" +
                                    f.name + "` has no default");
      diag.notes.push_back("simulations and tests answer every call with the mock");
      diag.helps.push_back("add one, such as `mock { " + f.name + ": ... }`, or `mock error \"…\"`");
      break;
    }
  }
}

void ProgramChecker::checkCap(const ast::CapDecl& d, const Scope& scope) {
  if (!symbols.channels.count(d.channel.text)) {
    std::vector<std::string> names;
    for (const auto& [n, c] : symbols.channels) names.push_back(n);
    reportUnknown(DiagKind::UnknownChannel, d.channel, "channel", names);
  }
  checkCount(d.count, scope, "the count of `cap`", 1);
  // `cap email 3 per week`: a window named in words.
  if (auto* word = std::get_if<ast::Ident>(&ast[d.window].node)) {
    static constexpr std::pair<std::string_view, std::string_view> kWindows[] = {
        {"week", "7d"}, {"day", "1d"}, {"hour", "1h"}, {"minute", "1m"}, {"month", "30d"}};
    for (const auto& [name, window] : kWindows) {
      if (word->name == name || word->name == std::string(name) + "s") {
        report(DiagKind::UnknownIdentifier, ast[d.window].range,
               "`per` takes a duration, not `" + word->name + "`")
            .helps.push_back("write `per " + std::string(window) + "`");
        return;
      }
    }
  }
  checkDuration(d.window, scope, "the window of `cap`", true);
}

void ProgramChecker::checkConst(const ast::ConstDecl& d) {
  auto it = symbols.consts.find(d.name.text);
  if (it == symbols.consts.end() || it->second.decl != &d) return;
  Scope pure;
  pure.makePure("a `const` value", "write a literal or another `const`");
  if (d.type) {
    exprs.expect(d.value, pure, it->second.type, "the value of constant `" + d.name.text + "`");
  } else {
    it->second.type = exprs.check(d.value, pure);
  }
}

void ProgramChecker::checkFn(const ast::FnDecl& d) {
  auto it = symbols.fns.find(d.name.text);
  if (it == symbols.fns.end() || it->second.decl != &d) return;
  Scope body;
  body.makePure("a `fn` body", "pass the value it needs as a parameter");
  for (size_t i = 0; i < d.params.size(); ++i) body.declare(d.params[i].name.text, it->second.params[i]);
  if (d.result) {
    exprs.expect(d.body, body, it->second.result, "the body of function `" + d.name.text + "`");
  } else {
    it->second.result = exprs.check(d.body, body);
  }
}

bool ProgramChecker::reportFieldGivenTwice(std::map<std::string, SourceRange, std::less<>>& given,
                                           const ast::Name& field) {
  auto [it, fresh] = given.try_emplace(field.text, field.range);
  if (fresh) return false;
  Diagnostic& d =
      report(DiagKind::DuplicateField, field.range, "field `" + field.text + "` is given twice");
  d.secondary.push_back({it->second, "first given here"});
  return true;
}

void ProgramChecker::checkRecordFields(const std::vector<ast::FieldInit>& fields, RecordId record,
                                       std::string_view recordWhat, SourceRange whole,
                                       const Scope& scope, bool allowTime) {
  std::map<std::string, SourceRange, std::less<>> seen;
  // Copy what is needed: checking expressions may add records and move the table's storage.
  RecordInfo info = types.recordInfo(record);
  bool isEvent = info.origin == RecordOrigin::Event;
  size_t next = 0;  // see RecordInfo::find
  for (const ast::FieldInit& f : fields) {
    if (reportFieldGivenTwice(seen, f.field)) continue;
    int index = info.find(f.field.text, next);
    if (index >= 0) next = static_cast<size_t>(index) + 1;
    if (isEvent && f.field.text == "time" && !allowTime) {
      Diagnostic& d = report(DiagKind::EmitTimeField, f.field.range,
                             "the `time` of an emitted event cannot be given");
      d.notes.push_back("an emitted event happens now: its `time` is the current journey time");
      continue;
    }
    if (index < 0) {
      Diagnostic& d = report(DiagKind::UnknownField, f.field.range,
                             std::string(recordWhat) + " has no field `" + f.field.text + "`");
      std::vector<std::string> names;
      for (const RecordField& rf : info.fields) names.push_back(rf.name);
      if (auto close = closestName(f.field.text, names)) {
        d.helps.push_back("did you mean `" + *close + "`?");
      }
      exprs.check(f.value, scope);
      continue;
    }
    const RecordField& field = info.fields[static_cast<size_t>(index)];
    if (!f.optional) {
      exprs.expect(f.value, scope, field.type,
                   "field `" + f.field.text + "` of " + std::string(recordWhat));
      continue;
    }
    // `?name: o`: given only when the optional `o` has a value, as in a record literal.
    exprs.expect(f.value, scope, types.optional(field.type),
                 "the optional field `?" + f.field.text + "` of " + std::string(recordWhat));
    if (!field.optional && !field.hasDefault) {
      reportRequiredSetOptionally(diags, f.field.range, field, recordWhat, types);
    }
  }
  std::vector<std::string> missing;
  for (const RecordField& rf : info.fields) {
    if (rf.optional || rf.hasDefault || seen.count(rf.name)) continue;
    if (isEvent && rf.name == "time") continue;
    missing.push_back(rf.name);
  }
  if (!missing.empty()) {
    Diagnostic& d = report(DiagKind::MissingField, whole,
                           std::string(missing.size() == 1 ? "missing field " : "missing fields ") +
                               quotedList(missing) + " of " + std::string(recordWhat));
    d.notes.push_back("every field that is not optional (`T?`) and has no default must be given");
  }
}

}  // namespace journey::sema
