#include "compiler/graph/diagram_builder.h"

#include <limits>
#include <map>
#include <string>
#include <unordered_map>

#include "compiler/syntax/compact_source.h"

namespace journey::graph {

std::vector<const ast::JourneyDecl*> programJourneys(const ast::Ast& ast) {
  std::vector<const ast::JourneyDecl*> journeys;
  for (const ast::Module& m : ast.modules) {
    for (const ast::Decl& d : m.decls) {
      if (auto* j = std::get_if<ast::JourneyDecl>(&d.kind)) journeys.push_back(j);
    }
  }
  return journeys;
}

namespace {

class DiagramBuilder {
 public:
  DiagramBuilder(const SourceManager& sources, const ast::Ast& ast)
      : sources_(sources), ast_(ast), journeys_(programJourneys(ast)) {}

  Diagram build(const std::vector<size_t>& selected) {
    for (size_t index : selected) {
      const ast::JourneyDecl& j = *journeys_[index];
      current_ = Current{static_cast<uint32_t>(index), j.name.text, diagram_.journeys.size(), 0};
      diagram_.journeys.push_back({j.name.text, static_cast<uint32_t>(index)});
      journey(j);
    }
    for (const PendingGoto& g : gotos_) connectGoto(g);
    return std::move(diagram_);
  }

 private:
  // A way out of a step that is not connected yet: it leads to whatever runs next.
  struct OpenEdge {
    size_t from;
    Label label;
    EdgeKind kind = EdgeKind::Flow;
  };
  using OpenEdges = std::vector<OpenEdge>;

  struct Current {
    uint32_t index;
    std::string name;
    size_t cluster;
    int steps;  // steps numbered so far
  };
  struct PendingGoto {
    size_t from;
    std::string target;
  };

  syntax::CompactSource source(SourceRange r) const { return syntax::compactSource(sources_, r); }
  syntax::CompactSource source(ast::ExprId e) const {
    return e == ast::kNoExpr ? syntax::CompactSource{} : source(ast_[e].range);
  }
  static Label wrapped(const Phrase& p) { return p.wrap(); }

  size_t addNode(NodeKind kind, std::string key, Label label, SourceRange at) {
    Node n;
    n.kind = kind;
    n.journey = current_.index;
    n.journeyName = current_.name;
    n.key = std::move(key);
    n.label = std::move(label);
    if (at.valid()) n.location = sources_.location(at);
    n.cluster = current_.cluster;
    diagram_.nodes.push_back(std::move(n));
    return diagram_.nodes.size() - 1;
  }
  size_t addStepNode(NodeKind kind, Label label, SourceRange at) {
    return addNode(kind, std::to_string(++current_.steps), std::move(label), at);
  }
  void connect(const OpenEdges& open, size_t to) {
    for (const OpenEdge& e : open) diagram_.edges.push_back({e.from, to, e.label, e.kind});
  }

  void journey(const ast::JourneyDecl& j) {
    size_t firstEdge = diagram_.edges.size();
    size_t entry = addNode(NodeKind::Entry, "entry", entryLabel(j), entryRange(j));
    Label exits = exitsLabel(j);
    if (!exits.empty()) {
      size_t node = addNode(NodeKind::Exits, "exits", std::move(exits), exitsRange(j));
      diagram_.edges.push_back({entry, node, Label{"any time"}, EdgeKind::AnyTime});
    }
    OpenEdges open = block(j.steps, {{entry, {}}});
    // Steps after one that always ends are drawn (they are the author's), but no path reaches
    // them: the end of the steps is drawn only when a step some path reaches runs past it.
    std::vector<bool> reached = reachedFrom(entry, firstEdge);
    std::erase_if(open, [&](const OpenEdge& e) { return !reached[e.from - entry]; });
    if (!open.empty()) connect(open, addNode(NodeKind::Finish, "done", Label{"end"}, j.name.range));
  }

  // Which of the journey's nodes (`entry` and the nodes after it, numbered from 0) some path of
  // its edges (`firstEdge` and those after it) reaches from its entry. A journey's edges join
  // its own nodes (gotos are connected once every journey is drawn), and going over only those
  // keeps thousands of journeys from being quadratic to draw.
  std::vector<bool> reachedFrom(size_t entry, size_t firstEdge) const {
    std::vector<std::vector<size_t>> next(diagram_.nodes.size() - entry);
    for (size_t e = firstEdge; e < diagram_.edges.size(); ++e) {
      next[diagram_.edges[e].from - entry].push_back(diagram_.edges[e].to - entry);
    }
    std::vector<bool> reached(next.size(), false);
    std::vector<size_t> work{0};
    reached[0] = true;
    while (!work.empty()) {
      size_t n = work.back();
      work.pop_back();
      for (size_t to : next[n]) {
        if (!reached[to]) {
          reached[to] = true;
          work.push_back(to);
        }
      }
    }
    return reached;
  }

  // The first of the journey-level ways out.
  static SourceRange exitsRange(const ast::JourneyDecl& j) {
    for (const ast::Clause& c : j.clauses) {
      if (std::holds_alternative<ast::ExitOnClause>(c.kind) ||
          std::holds_alternative<ast::ExitWhenClause>(c.kind) ||
          std::holds_alternative<ast::TimeoutClause>(c.kind)) {
        return c.range;
      }
    }
    return j.name.range;
  }

  static SourceRange entryRange(const ast::JourneyDecl& j) {
    for (const ast::Clause& c : j.clauses) {
      if (std::holds_alternative<ast::EntryClause>(c.kind)) return c.range;
    }
    return j.name.range;
  }

  // The entry clause first, then the clauses that shape every instance, in the order written.
  Label entryLabel(const ast::JourneyDecl& j) const {
    Label label;
    for (const ast::Clause& c : j.clauses) {
      if (auto* e = std::get_if<ast::EntryClause>(&c.kind)) appendEntry(label, *e, c.range);
    }
    if (label.empty()) label.push_back("entry");
    for (const ast::Clause& c : j.clauses) {
      bool setting = std::holds_alternative<ast::KeyClause>(c.kind) ||
                     std::holds_alternative<ast::ReentryClause>(c.kind) ||
                     std::holds_alternative<ast::TimezoneClause>(c.kind) ||
                     std::holds_alternative<ast::QuietHoursClause>(c.kind) ||
                     std::holds_alternative<ast::CapDecl>(c.kind);
      if (setting) appendLines(label, Phrase().add(source(c.range)));
    }
    return label;
  }

  void appendEntry(Label& label, const ast::EntryClause& entry, SourceRange whole) const {
    if (auto* e = std::get_if<ast::EventEntry>(&entry.kind)) {
      appendTrigger(label, "entry on", e->event, e->binding, e->when);
    } else if (auto* s = std::get_if<ast::ScheduledEntry>(&entry.kind)) {
      Phrase when("entry every");
      when.add(source(s->schedule.range));
      if (s->timezone != ast::kNoExpr) when.add("in").add(source(s->timezone));
      appendLines(label, when);
      appendLines(label, Phrase("for audience").add(s->audience.text).add(s->incremental ? "incremental" : ""));
    } else if (auto* a = std::get_if<ast::AtEntry>(&entry.kind)) {
      appendLines(label, Phrase("entry at").add(source(a->at)));
      appendLines(label, Phrase("for audience").add(a->audience.text));
    } else {
      appendLines(label, Phrase().add(source(whole)));  // `entry on audience A [exit]`
    }
  }

  // `entry on E as n` / `exit on E as n`, then `when c` on a line of its own.
  void appendTrigger(Label& label, std::string_view keywords, const ast::Name& event,
                     const std::optional<ast::Name>& binding, ast::ExprId when) const {
    Phrase on(keywords);
    on.add(event.text);
    if (binding) on.add("as").add(binding->text);
    appendLines(label, on);
    if (when != ast::kNoExpr) appendLines(label, Phrase("when").add(source(when)));
  }

  Label exitsLabel(const ast::JourneyDecl& j) const {
    Label label;
    for (const ast::Clause& c : j.clauses) {
      if (auto* e = std::get_if<ast::ExitOnClause>(&c.kind)) {
        appendTrigger(label, "exit on", e->event, e->binding, e->when);
      } else if (auto* w = std::get_if<ast::ExitWhenClause>(&c.kind)) {
        // The condition's own source, as `entry … when` and `if` show theirs: without the
        // author's outer parentheses.
        appendLines(label, Phrase("exit when").add(source(w->condition)));
      } else if (std::holds_alternative<ast::TimeoutClause>(c.kind)) {
        appendLines(label, Phrase().add(source(c.range)));
      }
    }
    return label;
  }

  OpenEdges block(const ast::Block& steps, OpenEdges open) {
    for (const ast::Step& s : steps) open = step(s, std::move(open));
    return open;
  }

  OpenEdges step(const ast::Step& s, OpenEdges incoming) {
    return std::visit([&](const auto& k) { return step(k, s.range, incoming); }, s.kind);
  }

  // A step with one way on.
  OpenEdges simple(NodeKind kind, Label label, SourceRange at, const OpenEdges& incoming) {
    size_t node = addStepNode(kind, std::move(label), at);
    connect(incoming, node);
    return {{node, {}}};
  }
  OpenEdges asWritten(NodeKind kind, SourceRange at, const OpenEdges& incoming) {
    return simple(kind, wrapped(Phrase().add(source(at))), at, incoming);
  }

  OpenEdges step(const ast::WaitStep&, SourceRange at, const OpenEdges& in) {
    return asWritten(NodeKind::Wait, at, in);
  }
  OpenEdges step(const ast::WaitUntilStep&, SourceRange at, const OpenEdges& in) {
    return asWritten(NodeKind::Wait, at, in);
  }
  OpenEdges step(const ast::WaitUntilTimeStep&, SourceRange at, const OpenEdges& in) {
    return asWritten(NodeKind::Wait, at, in);
  }
  OpenEdges step(const ast::SetStep&, SourceRange at, const OpenEdges& in) {
    return asWritten(NodeKind::Set, at, in);
  }
  OpenEdges step(const ast::LetStep&, SourceRange at, const OpenEdges& in) {
    return asWritten(NodeKind::Let, at, in);
  }
  OpenEdges step(const ast::SendStep& s, SourceRange at, const OpenEdges& in) {
    return simple(NodeKind::Send, wrapped(Phrase("send").add(s.channel.text).add(source(s.templateRange))),
                  at, in);
  }
  OpenEdges step(const ast::EmitStep& s, SourceRange at, const OpenEdges& in) {
    return simple(NodeKind::Emit, Label{"emit " + s.event.text}, at, in);
  }
  OpenEdges step(const ast::EndStep&, SourceRange at, const OpenEdges& in) {
    asWritten(NodeKind::End, at, in);
    return {};
  }
  OpenEdges step(const ast::GotoStep& s, SourceRange at, const OpenEdges& in) {
    OpenEdges node = asWritten(NodeKind::Goto, at, in);
    gotos_.push_back({node[0].from, s.journey.text});
    return {};
  }

  OpenEdges step(const ast::CallStep& s, SourceRange at, const OpenEdges& in) {
    Phrase call("call");
    call.add(s.action.text);
    if (s.binding) call.add("as").add(s.binding->text);
    OpenEdges out = simple(NodeKind::Call, wrapped(call), at, in);
    if (s.onError) {
      OpenEdges failed = block(*s.onError, {{out[0].from, {"on error"}, EdgeKind::Error}});
      out.insert(out.end(), failed.begin(), failed.end());
    }
    return out;
  }

  OpenEdges step(const ast::IfStep& s, SourceRange at, const OpenEdges& in) {
    size_t node = addStepNode(NodeKind::If, {"if"}, at);
    connect(in, node);
    OpenEdges out;
    for (size_t i = 0; i < s.branches.size(); ++i) {
      Phrase when = i == 0 ? Phrase() : Phrase("else if");
      when.add(source(s.branches[i].condition));
      branch(out, node, wrapped(when), s.branches[i].body);
    }
    if (s.elseBody) {
      branch(out, node, {"else"}, *s.elseBody);
    } else {
      out.push_back({node, {"else"}});
    }
    return out;
  }

  OpenEdges step(const ast::SplitStep& s, SourceRange at, const OpenEdges& in) {
    size_t node = addStepNode(NodeKind::Split, wrapped(Phrase("split").add(source(s.nameRange))), at);
    connect(in, node);
    OpenEdges out;
    for (const ast::SplitArm& arm : s.arms) branch(out, node, wrapped(Phrase().add(source(arm.percentRange))), arm.body);
    return out;
  }

  OpenEdges step(const ast::WaitForStep& s, SourceRange at, const OpenEdges& in) {
    Label label{"wait for"};
    for (const ast::AwaitedEvent& e : s.events) appendLines(label, Phrase().add(source(e.range)));
    if (s.within != ast::kNoExpr) appendLines(label, Phrase("within").add(source(s.within)));
    size_t node = addStepNode(NodeKind::WaitFor, std::move(label), at);
    connect(in, node);
    // Each awaited event goes to its handler, or on after the `wait for` when it has none.
    std::map<std::string, const ast::OnHandler*> handlers;
    for (const ast::OnHandler& h : s.handlers) handlers.emplace(h.binding.text, &h);
    OpenEdges out;
    for (const ast::AwaitedEvent& e : s.events) {
      const std::string& name = e.binding ? e.binding->text : e.event.text;
      auto h = handlers.find(name);
      static const ast::Block kNoHandler;
      branch(out, node, {"on " + name}, h != handlers.end() ? h->second->body : kNoHandler);
    }
    if (s.timeout && s.within == ast::kNoExpr) {
      // Without `within` the wait lasts until the journey's timeout, which ends the instance
      // (W0102): the block is drawn as written, with no way into it and none on from it.
      block(*s.timeout, {});
    } else if (s.timeout) {
      branch(out, node, {"timeout"}, *s.timeout);
    } else if (s.within != ast::kNoExpr) {
      out.push_back({node, {"timeout"}});
    }
    return out;
  }

  // One way out of `node` into `body`; what leaves the body joins `out`.
  void branch(OpenEdges& out, size_t node, Label label, const ast::Block& body) {
    OpenEdges left = block(body, {{node, std::move(label)}});
    out.insert(out.end(), left.begin(), left.end());
  }

  // To the target's entry when it is drawn, else to a stand-in for the target outside any cluster.
  void connectGoto(const PendingGoto& g) {
    if (entries_.empty()) {  // the first goto: the drawn journeys' entries, by name
      for (size_t i = 0; i < diagram_.nodes.size(); ++i) {
        const Node& n = diagram_.nodes[i];
        if (n.kind == NodeKind::Entry) entries_.emplace(n.journeyName, i);
      }
    }
    size_t& to = entries_.try_emplace(g.target, SIZE_MAX).first->second;
    if (to == SIZE_MAX) {
      uint32_t index = 0;
      while (index < journeys_.size() && journeys_[index]->name.text != g.target) ++index;
      if (index == journeys_.size()) return;  // the checker reports an unknown target
      Node stub;
      stub.kind = NodeKind::OtherJourney;
      stub.journey = index;
      stub.journeyName = g.target;
      stub.key = "entry";
      stub.label = Phrase("journey").add(g.target).wrap(std::numeric_limits<size_t>::max());
      stub.location = sources_.location(journeys_[index]->name.range);
      diagram_.nodes.push_back(std::move(stub));
      to = diagram_.nodes.size() - 1;
    }
    diagram_.edges.push_back({g.from, to, {}, EdgeKind::Goto});
  }

  const SourceManager& sources_;
  const ast::Ast& ast_;
  std::vector<const ast::JourneyDecl*> journeys_;
  Diagram diagram_;
  Current current_{};
  std::vector<PendingGoto> gotos_;
  // A goto target's node: its entry when drawn, else its stand-in (connectGoto).
  std::unordered_map<std::string, size_t> entries_;
};

}  // namespace

Diagram buildDiagram(const SourceManager& sources, const ast::Ast& ast,
                     const std::vector<size_t>& selected) {
  return DiagramBuilder(sources, ast).build(selected);
}

}  // namespace journey::graph
