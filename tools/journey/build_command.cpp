// `journey build FILE… -o OUT.jart`: checks and lowers a program once and writes it as an
// artifact (docs/artifacts.md) that `journey run` executes without the sources.
#include <fmt/format.h>

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "compiler/artifact/artifact_error.h"
#include "compiler/artifact/artifact_writer.h"
#include "compiler/driver/frontend.h"
#include "tools/journey/artifact_file.h"
#include "tools/journey/commands.h"
#include "tools/journey/diagnostics_output.h"
#include "tools/journey/output_clash.h"
#include "tools/journey/emit_program.h"
#include "tools/journey/replace_file.h"
#ifdef JOURNEY_HAVE_JIT
#include "tools/journey/jit_loader.h"
#endif

namespace journey::cli {
namespace {

struct BuildOptions {
  std::vector<std::string> files;
  std::string out;
  bool native = false;
  std::string emit;
  DiagnosticOptions diagnostics;
};

int runBuild(const BuildOptions& opt) {
#ifndef JOURNEY_HAVE_JIT
  if (opt.native) {
    fmt::print(stderr, "error: --native needs the JIT: this build has no LLVM\n");
    return kUsage;
  }
#endif
  // A device or a pipe (`-o /dev/stdout`) takes the bytes whatever its name.
  if (!isArtifactPath(opt.out) && !isStreamPath(opt.out)) {
    fmt::print(stderr, "error: -o {}: an artifact's name ends in .jart\n", opt.out);
    return kUsage;
  }
  Frontend fe;
  fe.parse(opt.files);
  // Not over a source, imports included.
  if (std::optional<std::string> clash = outputClash({{"-o", opt.out}}, programFiles(fe.sources))) {
    fmt::print(stderr, "error: {}\n", *clash);
    return kUsage;
  }
  if (!opt.emit.empty() && isStandardOutput(opt.out)) {
    fmt::print(stderr,
               "error: -o {} is standard output, where --emit prints the stage: the artifact's "
               "bytes would be mixed into its text\n",
               opt.out);
    return kUsage;
  }
  if (!fe.diags.hasErrors()) fe.check();
  if (!opt.emit.empty() && !printStage(fe, opt.emit)) return kUsage;
  if (int status = printDiagnostics(fe, opt.diagnostics); status != kSuccess) return status;

  const ir::ProgramIr& program = fe.lowered();
  std::optional<artifact::NativeSection> native;
#ifdef JOURNEY_HAVE_JIT
  if (opt.native) {
    std::string whyNot;
    const jit::JitLibrary* library = loadJitLibrary(whyNot);
    if (!library) {
      fmt::print(stderr, "error: {}\n", whyNot);
      return kInputErrors;
    }
    std::optional<jit::NativeCode> code = library->compileNative(program, whyNot, {});
    if (!code) {
      fmt::print(stderr, "error: the JIT cannot compile the program: {}\n", whyNot);
      return kInputErrors;
    }
    native = artifact::NativeSection{code->target, code->llvmVersion, code->key,
                                     std::string(code->object.begin(), code->object.end())};
  }
#endif
  std::string bytes;
  try {
    bytes = artifact::writeArtifact(program, artifact::sourceFiles(fe.sources),
                                    native ? &*native : nullptr);
  } catch (const artifact::ArtifactError& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return kInputErrors;
  }
  if (std::optional<std::string> error = replaceFile(opt.out, bytes)) {
    fmt::print(stderr, "error: cannot write {}: {}\n", opt.out, *error);
    return kInputErrors;
  }
  return kSuccess;
}

}  // namespace

Action addBuildCommand(CLI::App& app) {
  auto* cmd = app.add_subcommand("build", "check a program and write it as an artifact (.jart)");
  auto opt = std::make_shared<BuildOptions>();
  cmd->add_option("files", opt->files, "the program's .journey files")->required();
  cmd->add_option("-o,--out", opt->out, "the artifact to write (OUT.jart)")->required()
      ->check(nonEmpty());
  cmd->add_flag("--native", opt->native,
                "include the program compiled to native code, which `run --engine jit` loads "
                "without compiling");
  cmd->add_option("--emit", opt->emit,
                  "also print a stage: tokens, ast, typed, ir, bytecode or llvm (as `check --emit`)")
      ->check(CLI::IsMember({"tokens", "ast", "typed", "ir", "bytecode", "llvm"}));
  addDiagnosticOptions(*cmd, opt->diagnostics);
  return [opt]() { return runBuild(*opt); };
}

}  // namespace journey::cli
