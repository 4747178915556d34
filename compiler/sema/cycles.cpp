// Dependency cycles: audiences (through `inAudience`), constants and functions (functions are
// not recursive; a constant cannot depend on itself), journeys (through `goto`), and journeys
// that may start one another at one instant (a warning). Each cycle is reported once, naming its
// path `A -> B -> A`.
#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>

#include "compiler/sema/program_checker.h"

namespace journey::sema {
namespace {

// The longest chain of audiences reading one another (`inAudience`), the reading one included
// (E0227).
constexpr size_t kMaxAudienceChain = 100;

// One use of another declaration, where it is written.
struct Edge {
  size_t to;
  SourceRange site;
  bool viaGoto = false;  // journeys that start one another: a `goto` (E0416 when all are)
};

struct Graph {
  std::vector<std::string> names;
  std::vector<std::vector<Edge>> edges;
};

// Strongly connected components in Tarjan's order: every component comes after the components
// it depends on, so checking them in this order types dependencies first. Iterative: a chain of
// declarations can be as long as a file is (`const c0 = c1`, `c1 = c2`, …).
std::vector<std::vector<size_t>> components(const Graph& g) {
  size_t n = g.names.size(), counter = 0;
  std::vector<size_t> index(n, SIZE_MAX), low(n, 0);
  std::vector<bool> onStack(n, false);
  std::vector<size_t> stack;
  std::vector<std::vector<size_t>> out;
  struct Visit {
    size_t node;
    size_t nextEdge = 0;
  };
  std::vector<Visit> path;  // the depth-first path, each node with the edge it goes on with
  auto enter = [&](size_t v) {
    index[v] = low[v] = counter++;
    stack.push_back(v);
    onStack[v] = true;
    path.push_back({v});
  };
  for (size_t root = 0; root < n; ++root) {
    if (index[root] != SIZE_MAX) continue;
    enter(root);
    while (!path.empty()) {
      Visit& top = path.back();
      size_t v = top.node;
      if (top.nextEdge < g.edges[v].size()) {
        size_t to = g.edges[v][top.nextEdge++].to;
        if (index[to] == SIZE_MAX) {
          enter(to);  // `top` may dangle from here
        } else if (onStack[to]) {
          low[v] = std::min(low[v], index[to]);
        }
        continue;
      }
      path.pop_back();
      if (!path.empty()) low[path.back().node] = std::min(low[path.back().node], low[v]);
      if (low[v] != index[v]) continue;
      std::vector<size_t> component;
      size_t w;
      do {
        w = stack.back();
        stack.pop_back();
        onStack[w] = false;
        component.push_back(w);
      } while (w != v);
      std::sort(component.begin(), component.end());
      out.push_back(std::move(component));
    }
  }
  return out;
}

// Whether `decl` is the declaration its name resolves to (not a reported duplicate).
template <typename Map, typename Decl>
bool registered(const Map& symbols, const std::string& name, const Decl* decl) {
  auto it = symbols.find(name);
  return it != symbols.end() && it->second.decl == decl;
}

using NodeIndex = std::map<std::string, size_t, std::less<>>;

// Makes every registered declaration of kind `Decl` a node of `g`, in declaration order, with
// `index` mapping its name to its node. Returns the declarations, one per node.
template <typename Decl, typename Map>
std::vector<const Decl*> declsAsNodes(const ast::Ast& ast, const Map& symbols, Graph& g,
                                      NodeIndex& index) {
  std::vector<const Decl*> decls;
  for (const ast::Module& m : ast.modules) {
    for (const ast::Decl& d : m.decls) {
      auto* decl = std::get_if<Decl>(&d.kind);
      if (!decl || !registered(symbols, decl->name.text, decl)) continue;
      index[decl->name.text] = decls.size();
      decls.push_back(decl);
      g.names.push_back(decl->name.text);
    }
  }
  g.edges.resize(decls.size());
  return decls;
}

bool isCycle(const Graph& g, const std::vector<size_t>& component) {
  if (component.size() > 1) return true;
  for (const Edge& e : g.edges[component[0]]) {
    if (e.to == component[0]) return true;
  }
  return false;
}

// The shortest path of edges from `start` back to itself inside `component`.
std::vector<Edge> cyclePath(const Graph& g, const std::vector<size_t>& component, size_t start) {
  std::vector<bool> inside(g.names.size(), false);
  for (size_t v : component) inside[v] = true;
  std::vector<std::optional<std::pair<size_t, Edge>>> cameFrom(g.names.size());
  std::vector<size_t> frontier = {start};
  for (size_t i = 0; i < frontier.size(); ++i) {
    size_t v = frontier[i];
    for (const Edge& e : g.edges[v]) {
      if (!inside[e.to] || cameFrom[e.to]) continue;
      cameFrom[e.to] = std::make_pair(v, e);
      if (e.to == start) break;
      frontier.push_back(e.to);
    }
    if (cameFrom[start]) break;
  }
  std::vector<Edge> path;
  size_t v = start;
  do {
    path.push_back(cameFrom[v]->second);
    v = cameFrom[v]->first;
  } while (v != start);
  std::reverse(path.begin(), path.end());
  return path;
}

// Reports one diagnostic for the cycle through `start`, at its first edge.
Diagnostic& reportCycle(ProgramChecker& c, const Graph& g, const std::vector<size_t>& component,
                 size_t start, DiagKind kind, const std::string& message,
                 std::string_view verb = "uses") {
  std::vector<Edge> path = cyclePath(g, component, start);
  // A direct self-reference needs no path: the message says it.
  std::string text;
  if (path.size() > 1) {
    text = ": `" + g.names[start];
    for (const Edge& e : path) text += " -> " + g.names[e.to];
    text += "`";
  }
  Diagnostic& d = c.report(kind, path[0].site, message + text);
  size_t from = start;
  for (size_t i = 0; i < path.size(); ++i) {
    if (i > 0) {
      d.secondary.push_back({path[i].site, "`" + g.names[from] + "` " + std::string(verb) + " `" +
                                               g.names[path[i].to] + "` here"});
    }
    from = path[i].to;
  }
  return d;
}

// Reports every cycle of `g`, each once: `self` is the message for a declaration that uses
// itself ("record `Node` requires a value of itself"), given its name; `several` for a longer one.
void reportCycles(ProgramChecker& c, const Graph& g, DiagKind kind,
                  const std::function<std::string(const std::string&)>& self,
                  const std::string& several, std::string_view verb) {
  for (const std::vector<size_t>& component : components(g)) {
    if (!isCycle(g, component)) continue;
    reportCycle(c, g, component, component[0], kind,
                component.size() == 1 ? self(g.names[component[0]]) : several, verb);
  }
}

// Calls `visit` for each direct subexpression of `e`, with the variables a macro binds pushed on
// `bound` while its arguments are visited (a comprehension's variables are not bound in its
// range).
void forEachChild(const ast::Ast& ast, ast::ExprId e, std::vector<std::string>& bound,
                  const std::function<void(ast::ExprId)>& visit) {
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::Select>) {
          visit(n.operand);
        } else if constexpr (std::is_same_v<T, ast::Index>) {
          visit(n.operand);
          visit(n.index);
        } else if constexpr (std::is_same_v<T, ast::Call>) {
          visit(n.target);
          for (ast::ExprId a : n.args) visit(a);
        } else if constexpr (std::is_same_v<T, ast::ListLit>) {
          for (ast::ExprId a : n.elements) visit(a);
        } else if constexpr (std::is_same_v<T, ast::MapLit>) {
          for (const ast::MapEntry& m : n.entries) {
            visit(m.key);
            visit(m.value);
          }
        } else if constexpr (std::is_same_v<T, ast::RecordLit>) {
          for (const ast::FieldInit& f : n.fields) visit(f.value);
        } else if constexpr (std::is_same_v<T, ast::Macro>) {
          visit(n.target);
          size_t before = bound.size();
          for (const ast::Name& v : n.vars) bound.push_back(v.text);
          for (ast::ExprId a : n.args) visit(a);
          bound.resize(before);
        }
      },
      ast[e].node);
}

bool isBound(const std::vector<std::string>& bound, const std::string& name) {
  return std::find(bound.begin(), bound.end(), name) != bound.end();
}

// Calls `visit` for every step of `block` and of the blocks nested in it, in written order.
// Given `positive` (whether an expression is a positive constant), only for the steps that may
// run at the instant the block begins: a wait that always lets time pass (`wait` of a positive
// constant, `wait until HH:MM`) ends the walk of its block, and a `within` of a positive
// constant keeps out its `timeout` block. The steps after an `if` whose branches all wait are
// still visited: a simplification that can only keep a step in.
void forEachStep(const ast::Block& block, const std::function<void(const ast::Step&)>& visit,
                 const std::function<bool(ast::ExprId)>& positive = {}) {
  for (const ast::Step& s : block) {
    visit(s);
    bool timePasses = false;
    std::visit(
        [&](const auto& k) {
          using T = std::decay_t<decltype(k)>;
          if constexpr (std::is_same_v<T, ast::IfStep>) {
            for (const ast::IfBranch& b : k.branches) forEachStep(b.body, visit, positive);
            if (k.elseBody) forEachStep(*k.elseBody, visit, positive);
          } else if constexpr (std::is_same_v<T, ast::SplitStep>) {
            for (const ast::SplitArm& a : k.arms) forEachStep(a.body, visit, positive);
          } else if constexpr (std::is_same_v<T, ast::WaitForStep>) {
            // An awaited event may come at the instant the wait begins (one the instance emits).
            for (const ast::OnHandler& h : k.handlers) forEachStep(h.body, visit, positive);
            bool timeoutLater = positive && k.within != ast::kNoExpr && positive(k.within);
            if (k.timeout && !timeoutLater) forEachStep(*k.timeout, visit, positive);
          } else if constexpr (std::is_same_v<T, ast::CallStep>) {
            if (k.onError) forEachStep(*k.onError, visit, positive);
          } else if constexpr (std::is_same_v<T, ast::WaitStep>) {
            timePasses = positive && positive(k.duration);
          } else if constexpr (std::is_same_v<T, ast::WaitUntilTimeStep>) {
            timePasses = static_cast<bool>(positive);  // strictly after the wait begins
          }
        },
        s.kind);
    if (timePasses) return;
  }
}

// What can change an audience's membership at one instant: the profile paths its rule reads
// (below `profile`; an empty path is the whole profile) and the events whose history it reads,
// through the audiences it names with `inAudience` too.
struct AudienceReads {
  std::vector<std::vector<std::string>> paths;
  std::set<std::string, std::less<>> histories;
};

class AudienceReader {
 public:
  AudienceReader(const ast::Ast& ast, const ProgramSymbols& symbols) : ast_(ast), symbols_(symbols) {}

  AudienceReads read(const ast::AudienceDecl& audience) {
    AudienceReads reads;
    std::set<std::string, std::less<>> visited = {audience.name.text};
    // The rules still to read: the audiences named are read after, not inside, the rule that
    // names them (a chain of them would recurse once per audience).
    std::vector<ast::ExprId> rules = {audience.rule};
    while (!rules.empty()) {
      ast::ExprId rule = rules.back();
      rules.pop_back();
      std::vector<std::string> bound;
      walk(rule, reads, visited, bound, rules);
    }
    return reads;
  }

 private:
  // The path below `profile` that `e` selects (`profile.loyalty.tier` -> loyalty, tier), or
  // nothing when `e` is not a selection rooted at `profile`.
  std::optional<std::vector<std::string>> profilePath(ast::ExprId e,
                                                      const std::vector<std::string>& bound) const {
    std::vector<std::string> path;
    while (e != ast::kNoExpr && e < ast_.exprs.size()) {
      const ast::ExprNode& node = ast_[e].node;
      if (auto* sel = std::get_if<ast::Select>(&node)) {
        path.push_back(sel->field.text);
        e = sel->operand;
      } else if (auto* id = std::get_if<ast::Ident>(&node)) {
        if (id->name != "profile" || isBound(bound, id->name)) return std::nullopt;
        std::reverse(path.begin(), path.end());
        return path;
      } else {
        return std::nullopt;
      }
    }
    return std::nullopt;
  }

  // The name an argument spells (`inAudience(Gold)`, `history(Purchase, 30d)`), if it is one.
  const std::string* nameArgument(ast::ExprId e) const {
    if (e == ast::kNoExpr || e >= ast_.exprs.size()) return nullptr;
    auto* id = std::get_if<ast::Ident>(&ast_[e].node);
    return id ? &id->name : nullptr;
  }

  void walk(ast::ExprId e, AudienceReads& reads, std::set<std::string, std::less<>>& visited,
            std::vector<std::string>& bound, std::vector<ast::ExprId>& rules) {
    if (e == ast::kNoExpr || e >= ast_.exprs.size()) return;
    if (std::optional<std::vector<std::string>> path = profilePath(e, bound)) {
      reads.paths.push_back(std::move(*path));
      return;
    }
    auto* call = std::get_if<ast::Call>(&ast_[e].node);
    if (const std::string* name = call && call->target == ast::kNoExpr && !call->args.empty()
                                      ? nameArgument(call->args[0])
                                      : nullptr) {
      if (call->function == "history") reads.histories.insert(*name);
      if (call->function == "inAudience") {
        auto it = symbols_.audiences.find(*name);
        if (it != symbols_.audiences.end() && visited.insert(*name).second) {
          rules.push_back(it->second.decl->rule);
        }
        return;
      }
    }
    forEachChild(ast_, e, bound,
                 [&](ast::ExprId child) { walk(child, reads, visited, bound, rules); });
  }

  const ast::Ast& ast_;
  const ProgramSymbols& symbols_;
};

// Whether writing `written` (below `profile`) can change what reading `read` sees: one path is
// a prefix of the other.
bool overlaps(const std::vector<std::string>& written, const std::vector<std::string>& read) {
  size_t n = std::min(written.size(), read.size());
  return std::equal(written.begin(), written.begin() + static_cast<std::ptrdiff_t>(n), read.begin());
}

// Whether `j` may be entered again for a profile at the instant of its first entry: not with
// `reentry never` or `reentry after D` and one key per profile (no `key` clause).
bool reentersAtOneInstant(const ast::JourneyDecl& j) {
  bool keyed = false, refuses = false;
  for (const ast::Clause& c : j.clauses) {
    if (std::holds_alternative<ast::KeyClause>(c.kind)) keyed = true;
    if (auto* r = std::get_if<ast::ReentryClause>(&c.kind)) {
      refuses = r->kind != ast::ReentryClause::Kind::Always;
    }
  }
  return keyed || !refuses;
}

}  // namespace

// Declared in program_checker.h: the checker's lints use it too.
void collectUses(const ast::Ast& ast, ast::ExprId e, std::vector<std::string>& bound,
                 const std::function<void(const std::string&, SourceRange, bool call)>& use) {
  if (e == ast::kNoExpr || e >= ast.exprs.size()) return;
  const ast::Expr& expr = ast[e];
  if (auto* id = std::get_if<ast::Ident>(&expr.node)) {
    if (!isBound(bound, id->name)) use(id->name, expr.range, false);
    return;
  }
  if (auto* call = std::get_if<ast::Call>(&expr.node)) {
    if (call->target == ast::kNoExpr && !isBound(bound, call->function)) {
      use(call->function, call->functionRange, true);
    }
  }
  forEachChild(ast, e, bound, [&](ast::ExprId child) { collectUses(ast, child, bound, use); });
}

void ProgramChecker::checkAudienceCycles() {
  Graph g;
  NodeIndex index;
  std::vector<const ast::AudienceDecl*> decls =
      declsAsNodes<ast::AudienceDecl>(ast, symbols.audiences, g, index);
  for (size_t i = 0; i < decls.size(); ++i) {
    // `inAudience(B)`: the argument is B's name, not a variable.
    std::vector<std::string> bound;
    std::function<void(ast::ExprId)> find = [&](ast::ExprId e) {
      if (e == ast::kNoExpr || e >= ast.exprs.size()) return;
      if (auto* call = std::get_if<ast::Call>(&ast[e].node)) {
        if (call->function == "inAudience" && call->target == ast::kNoExpr &&
            call->args.size() == 1 && call->args[0] < ast.exprs.size()) {
          if (auto* id = std::get_if<ast::Ident>(&ast[call->args[0]].node)) {
            auto it = index.find(id->name);
            if (it != index.end()) g.edges[i].push_back({it->second, ast[call->args[0]].range});
          }
        }
      }
      forEachChild(ast, e, bound, find);
    };
    find(decls[i]->rule);
  }
  reportCycles(
      *this, g, DiagKind::AudienceCycle,
      [](const std::string& name) { return "audience `" + name + "` depends on itself"; },
      "audiences depend on each other in a cycle", "uses");
  // How deep each rule's `inAudience` reads go, dependencies first: the runtime evaluates each
  // level inside the one that reads it, so a chain of thousands would exhaust its stack.
  std::vector<size_t> depth(g.names.size(), 1);
  for (const std::vector<size_t>& c : components(g)) {
    if (isCycle(g, c)) continue;  // reported above
    size_t v = c[0];
    const Edge* deepest = nullptr;
    for (const Edge& e : g.edges[v]) {
      if (depth[e.to] + 1 > depth[v]) {
        depth[v] = depth[e.to] + 1;
        deepest = &e;
      }
    }
    if (depth[v] > kMaxAudienceChain && depth[deepest->to] <= kMaxAudienceChain) {
      report(DiagKind::AudienceChainTooLong, deepest->site,
             fmt::format("audience `{}` reads audiences {} levels deep through `inAudience`, past "
                         "the limit of {}",
                         g.names[v], depth[v], kMaxAudienceChain));
    }
  }
}

void ProgramChecker::checkConstsAndFns() {
  // Nodes: constants and functions, in declaration order.
  Graph g;
  std::vector<const ast::ConstDecl*> consts;
  std::vector<const ast::FnDecl*> fns;
  NodeIndex constIndex, fnIndex;
  for (const ast::Module& m : ast.modules) {
    for (const ast::Decl& d : m.decls) {
      if (auto* c = std::get_if<ast::ConstDecl>(&d.kind)) {
        if (!registered(symbols.consts, c->name.text, c)) continue;
        constIndex[c->name.text] = g.names.size();
        g.names.push_back(c->name.text);
        consts.push_back(c);
        fns.push_back(nullptr);
      } else if (auto* f = std::get_if<ast::FnDecl>(&d.kind)) {
        if (!registered(symbols.fns, f->name.text, f)) continue;
        fnIndex[f->name.text] = g.names.size();
        g.names.push_back(f->name.text);
        consts.push_back(nullptr);
        fns.push_back(f);
      }
    }
  }
  g.edges.resize(g.names.size());
  for (size_t i = 0; i < g.names.size(); ++i) {
    std::vector<std::string> bound;
    ast::ExprId body = ast::kNoExpr;
    if (consts[i]) {
      body = consts[i]->value;
    } else {
      body = fns[i]->body;
      for (const ast::Param& p : fns[i]->params) bound.push_back(p.name.text);
    }
    collectUses(ast, body, bound, [&](const std::string& name, SourceRange site, bool call) {
      const auto& table = call ? fnIndex : constIndex;
      auto it = table.find(name);
      if (it != table.end()) g.edges[i].push_back({it->second, site});
    });
  }
  for (const std::vector<size_t>& c : components(g)) {
    if (isCycle(g, c)) {
      bool allFns = std::all_of(c.begin(), c.end(), [&](size_t v) { return fns[v] != nullptr; });
      if (allFns) {
        reportCycle(*this, g, c, c[0], DiagKind::FnCycle,
                    c.size() == 1 ? "function `" + g.names[c[0]] + "` calls itself"
                                  : "functions call each other in a cycle",
                    "calls");
      } else {
        size_t start = *std::find_if(c.begin(), c.end(), [&](size_t v) { return consts[v]; });
        reportCycle(*this, g, c, start, DiagKind::ConstCycle,
                    "constant `" + g.names[start] + "` depends on itself");
      }
    }
    // Dependencies first; inside a cycle, an untyped constant stays of the Error type, so its
    // uses report nothing more.
    for (size_t v : c) {
      if (consts[v]) checkConst(*consts[v]);
      else checkFn(*fns[v]);
    }
  }
}

void ProgramChecker::checkRecordCycles() {
  // Every record type (inline ones too: `type A { b: { a: A } }`), linked to the records its
  // required fields hold directly; optional fields, lists and maps may be empty.
  Graph g;
  for (RecordId r = 0; r < types.recordCount(); ++r) g.names.push_back(types.recordInfo(r).name);
  g.edges.resize(g.names.size());
  for (RecordId r = 0; r < types.recordCount(); ++r) {
    for (const RecordField& f : types.recordInfo(r).fields) {
      if (f.optional || f.hasDefault || types.kind(f.type) != TypeKind::Record) continue;
      g.edges[r].push_back({types.get(f.type).record, f.range});
    }
  }
  reportCycles(
      *this, g, DiagKind::RecordCycle,
      [](const std::string& name) { return "record `" + name + "` requires a value of itself"; },
      "records require values of each other in a cycle", "requires");
}

bool ProgramChecker::isGotoTarget(const std::string& journey) {
  if (!gotoTargets) {
    gotoTargets.emplace();
    for (const ast::Module& m : ast.modules) {
      for (const ast::Decl& d : m.decls) {
        auto* j = std::get_if<ast::JourneyDecl>(&d.kind);
        if (!j) continue;
        forEachStep(j->steps, [&](const ast::Step& s) {
          if (auto* go = std::get_if<ast::GotoStep>(&s.kind)) gotoTargets->insert(go->journey.text);
        });
      }
    }
  }
  return gotoTargets->contains(journey);
}

void ProgramChecker::checkGotoCycles() {
  Graph g;
  NodeIndex index;
  std::vector<const ast::JourneyDecl*> journeys =
      declsAsNodes<ast::JourneyDecl>(ast, symbols.journeys, g, index);
  // A cycle through a wait that lets time pass is a loop over time (a reminder every day), not
  // one at an instant.
  auto positive = [this](ast::ExprId e) { return isPositiveDuration(e); };
  for (size_t i = 0; i < journeys.size(); ++i) {
    forEachStep(
        journeys[i]->steps,
        [&](const ast::Step& s) {
          auto* go = std::get_if<ast::GotoStep>(&s.kind);
          if (!go) return;
          auto it = index.find(go->journey.text);
          if (it != index.end()) g.edges[i].push_back({it->second, go->journey.range});
        },
        positive);
  }
  reportCycles(
      *this, g, DiagKind::GotoCycle,
      [](const std::string& name) { return "journey `" + name + "` goes to itself"; },
      "journeys go to each other in a cycle", "goes to");
}

void ProgramChecker::checkJourneyLoops() {
  // Only the steps at the instant a journey is entered: after a wait that lets time pass, a
  // loop goes on over time (bounded by `--until`), not at one instant.
  auto positive = [this](ast::ExprId e) { return isPositiveDuration(e); };
  Graph g;
  NodeIndex index;
  std::vector<const ast::JourneyDecl*> journeys =
      declsAsNodes<ast::JourneyDecl>(ast, symbols.journeys, g, index);
  // Who starts on what: the journeys entered on each event, and on each audience's changes.
  std::map<std::string, std::vector<size_t>, std::less<>> onEvent, onAudience;
  std::vector<bool> reenters(journeys.size());
  for (size_t k = 0; k < journeys.size(); ++k) {
    reenters[k] = reentersAtOneInstant(*journeys[k]);
    if (!reenters[k]) continue;  // a loop through it stops at once
    for (const ast::Clause& c : journeys[k]->clauses) {
      auto* entry = std::get_if<ast::EntryClause>(&c.kind);
      if (!entry) continue;
      if (auto* e = std::get_if<ast::EventEntry>(&entry->kind)) onEvent[e->event.text].push_back(k);
      if (auto* a = std::get_if<ast::AudienceEntry>(&entry->kind)) {
        onAudience[a->audience.text].push_back(k);
      }
    }
  }
  // Each audience a journey is entered on: what it reads, and who it starts.
  std::vector<std::pair<AudienceReads, const std::vector<size_t>*>> audiences;
  AudienceReader reader(ast, symbols);
  for (const auto& [name, started] : onAudience) {
    auto it = symbols.audiences.find(name);
    if (it != symbols.audiences.end()) audiences.emplace_back(reader.read(*it->second.decl), &started);
  }
  for (size_t j = 0; j < journeys.size(); ++j) {
    // Changes to an audience start the journeys entered on it, other than j itself: the
    // audiences are evaluated again once j's instance waits or ends, so a journey that undoes
    // the cause of its entry (`entry on audience NeedsWelcome`, then `set profile.welcomed =
    // true`) does not enter again, even if it sets the field back in a later step.
    auto changes = [&](const std::vector<size_t>& started, SourceRange site) {
      for (size_t k : started) {
        if (k != j) g.edges[j].push_back({k, site});
      }
    };
    forEachStep(journeys[j]->steps, [&](const ast::Step& s) {
      if (auto* go = std::get_if<ast::GotoStep>(&s.kind)) {
        auto target = index.find(go->journey.text);
        if (target != index.end() && reenters[target->second]) {
          g.edges[j].push_back({target->second, go->journey.range, true});
        }
      } else if (auto* emit = std::get_if<ast::EmitStep>(&s.kind)) {
        if (auto started = onEvent.find(emit->event.text); started != onEvent.end()) {
          for (size_t k : started->second) g.edges[j].push_back({k, emit->event.range});
        }
        for (const auto& [reads, started] : audiences) {
          if (reads.histories.count(emit->event.text)) changes(*started, emit->event.range);
        }
      } else if (auto* set = std::get_if<ast::SetStep>(&s.kind); set && !set->path.empty()) {
        std::vector<std::string> written;
        for (size_t i = 1; i < set->path.size(); ++i) written.push_back(set->path[i].text);
        SourceRange site = set->path.front().range;
        site.end = set->path.back().range.end;
        for (const auto& [reads, started] : audiences) {
          if (std::any_of(reads.paths.begin(), reads.paths.end(),
                          [&](const auto& read) { return overlaps(written, read); })) {
            changes(*started, site);
          }
        }
      }
    }, positive);
  }
  for (const std::vector<size_t>& c : components(g)) {
    if (!isCycle(g, c)) continue;
    bool onlyGotos = std::all_of(c.begin(), c.end(), [&](size_t v) {
      return std::all_of(g.edges[v].begin(), g.edges[v].end(), [&](const Edge& e) {
        return e.viaGoto || !std::binary_search(c.begin(), c.end(), e.to);
      });
    });
    if (onlyGotos) continue;  // a cycle of `goto`s is an error of its own (E0416)
    Diagnostic& d = reportCycle(
        *this, g, c, c[0], DiagKind::JourneyLoop,
        c.size() == 1 ? "journey `" + g.names[c[0]] + "` may start itself in a loop"
                      : "journeys may start one another in a loop",
        "may start");
    d.notes.push_back(
        "the runtime stops such a loop at a chain of 100 emitted events and profile changes, "
        "or at 10000 of them caused by one record or timer, ending the instance whose step "
        "would go on with reason `error`; `reentry never` or `reentry after D` on one of these "
        "journeys stops it at its second turn");
  }
}

}  // namespace journey::sema
