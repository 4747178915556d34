// The entry points: lex and filter, parse (SLL first, full LL with error recovery only when SLL
// fails), then build the AST.
#include "compiler/syntax/parser.h"

#include <algorithm>

#include <antlr4-runtime.h>

#include "JourneyParser.h"
#include "compiler/syntax/ast_builder.h"
#include "compiler/syntax/source_text.h"
#include "compiler/syntax/syntax_errors.h"
#include "compiler/syntax/syntax_tree_builder.h"
#include "compiler/syntax/token_filter.h"

namespace journey::syntax {

using grammar::JourneyParser;

namespace {

// Bails out on the first error without composing ANTLR's own message for it.
class QuietBailStrategy : public antlr4::BailErrorStrategy {
 public:
  void reportError(antlr4::Parser*, const antlr4::RecognitionException&) override {}
};

// Runs one entry rule. SLL prediction with a bailing strategy is fast and right for almost every
// valid input; on failure the input is parsed again with full LL prediction and our error
// strategy, which reports and recovers.
template <typename Ctx>
Ctx* parseTwoStage(JourneyParser& parser, ParseSession& session, Ctx* (JourneyParser::*entry)()) {
  auto* simulator = parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
  parser.removeErrorListeners();
  simulator->setPredictionMode(antlr4::atn::PredictionMode::SLL);
  parser.setErrorHandler(std::make_shared<QuietBailStrategy>());
  try {
    return (parser.*entry)();
  } catch (const antlr4::ParseCancellationException&) {
  } catch (const antlr4::RecognitionException&) {
  }
  parser.reset();
  simulator->setPredictionMode(antlr4::atn::PredictionMode::LL);
  parser.setErrorHandler(std::make_shared<SyntaxErrorStrategy>(session));
  return (parser.*entry)();
}

// Everything one parse needs, alive together: the token stream refers to the lexer's input.
struct ParseRun {
  ParseRun(const SourceManager& sources, FileId file, FilterMode mode, DiagnosticSink& diags)
      : ParseRun(file, sources.text(file), mode, diags) {}
  ParseRun(FileId file, std::string_view original, FilterMode mode, DiagnosticSink& diags)
      : text(file, original),
        errorsBefore(diags.errorCount()),
        tokens(text, mode, &diags),
        session{text, tokens, diags, errorsBefore},
        source(tokens.takeTokens()),
        stream(&source),
        parser(&stream) {}

  SourceText text;
  size_t errorsBefore;
  TokenizedFile tokens;
  ParseSession session;
  antlr4::ListTokenSource source;
  antlr4::CommonTokenStream stream;
  JourneyParser parser;
};

// Moves a file's syntax diagnostics to `out` in source order: the builder reports some
// problems (escapes, macros) after the parser reported later ones.
void moveSorted(DiagnosticSink& from, DiagnosticSink& out) {
  std::vector<Diagnostic> all = from.all();
  std::stable_sort(all.begin(), all.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return a.range.begin < b.range.begin;
  });
  for (Diagnostic& d : all) out.report(d.kind, d.range, d.message) = std::move(d);
}

// A literal's `{` left open makes the rest of its journey, and the declarations after it, read
// as more of the literal; the strategy reports that once, naming the line to close it on. So
// that mistakes further on are reported as well, the file is parsed again with that `}`
// written in, and again for the next literal left open. Each parse gives the diagnostics up to
// its open literal's error, the next parse those after it, with offsets taken back to the
// file's.
void reportPastOpenLiterals(FileId file, std::string_view original, OpenLiteral open,
                            DiagnosticSink& diags) {
  constexpr int kMostReparses = 16;
  std::string text(original);
  std::vector<uint32_t> added;  // where each `}` was written in `text`, in ascending order
  auto toOriginal = [&](uint32_t at) {
    auto before = std::lower_bound(added.begin(), added.end(), at) - added.begin();
    return at - static_cast<uint32_t>(before);
  };
  for (int round = 0; round < kMostReparses; ++round) {
    uint32_t errorAt = toOriginal(open.errorAt);
    diags.retain([&](const Diagnostic& d) { return d.range.begin <= errorAt; });
    text.insert(open.closeAt, 1, '}');
    added.push_back(open.closeAt);
    uint32_t keepAfter = open.errorAt + 1;  // the error's offset in the new text
    DiagnosticSink next;
    ParseRun run(file, text, FilterMode::File, next);
    if (!run.tokens.refused()) {
      auto* tree = parseTwoStage(run.parser, run.session, &JourneyParser::file);
      ast::Ast scratch;
      AstBuilder(run.text, scratch, next).buildFile(tree);
    }
    for (const Diagnostic& d : next.all()) {
      if (d.range.begin <= keepAfter) continue;
      Diagnostic moved = d;
      moved.range.begin = toOriginal(d.range.begin);
      moved.range.end = toOriginal(d.range.end);
      for (Label& l : moved.secondary) {
        l.range = SourceRange{l.range.file, toOriginal(l.range.begin), toOriginal(l.range.end)};
      }
      diags.report(moved.kind, moved.range, moved.message) = std::move(moved);
    }
    // The next one left open, if the parse with this one closed got past it.
    if (!run.session.openLiteral || run.session.openLiteral->closeAt <= keepAfter) return;
    open = *run.session.openLiteral;
  }
}

void reportInternalFailure(DiagnosticSink& diags, FileId file, const char* what) {
  diags.report(DiagKind::UnexpectedToken, SourceRange{file, 0, 0},
               std::string("the parser could not read this file (") + what + ")");
}

}  // namespace

ast::Module parseFile(FileId file, const SourceManager& sources, ast::Ast& ast,
                      DiagnosticSink& diags) {
  DiagnosticSink local;
  ast::Module module{file, {}, {}};
  try {
    ParseRun run(sources, file, FilterMode::File, local);
    if (!run.tokens.refused()) {
      JourneyParser::FileContext* tree = parseTwoStage(run.parser, run.session, &JourneyParser::file);
      AstBuilder builder(run.text, ast, local);
      module = builder.buildFile(tree);
      if (run.session.openLiteral) {
        reportPastOpenLiterals(file, sources.text(file), *run.session.openLiteral, local);
      }
    }
  } catch (const std::exception& e) {
    // The grammar and the recovery are meant to make this unreachable; never crash on input.
    reportInternalFailure(local, file, e.what());
  }
  moveSorted(local, diags);
  return module;
}

ast::ExprId parseExpression(FileId file, const SourceManager& sources, ast::Ast& ast,
                            DiagnosticSink& diags) {
  try {
    ParseRun run(sources, file, FilterMode::Expression, diags);
    if (run.tokens.refused()) return ast::kNoExpr;
    JourneyParser::ExprFileContext* tree =
        parseTwoStage(run.parser, run.session, &JourneyParser::exprFile);
    AstBuilder builder(run.text, ast, diags);
    ast::ExprId e = builder.buildExpression(tree);
    return diags.errorCount() > run.errorsBefore ? ast::kNoExpr : e;
  } catch (const std::exception& e) {
    reportInternalFailure(diags, file, e.what());
    return ast::kNoExpr;
  }
}

std::optional<SyntaxTree> parseSyntaxTree(FileId file, const SourceManager& sources,
                                          DiagnosticSink& diags) {
  DiagnosticSink local;
  std::optional<SyntaxTree> tree;
  try {
    ParseRun run(sources, file, FilterMode::File, local);
    if (!run.tokens.refused()) {
      JourneyParser::FileContext* root = parseTwoStage(run.parser, run.session, &JourneyParser::file);
      // The AST builder finds the errors the grammar does not (escapes, macros, times of day).
      ast::Ast scratch;
      AstBuilder(run.text, scratch, local).buildFile(root);
      if (run.session.openLiteral) {
        reportPastOpenLiterals(file, sources.text(file), *run.session.openLiteral, local);
      }
      if (!local.hasErrors()) tree = buildSyntaxTree(root, run.text);
    }
  } catch (const std::exception& e) {
    reportInternalFailure(local, file, e.what());
    tree.reset();
  }
  moveSorted(local, diags);
  return tree;
}

std::string dumpTokens(FileId file, const SourceManager& sources) {
  SourceText text(file, sources.text(file));
  TokenizedFile tokens(text, FilterMode::File, nullptr);
  return describeTokens(text, sources, tokens);
}

}  // namespace journey::syntax
