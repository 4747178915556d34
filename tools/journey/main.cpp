// `journey`: one command, with verbs.
#include <fmt/core.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "compiler/artifact/build_info.h"
#include "compiler/sema/suggest.h"
#include "tools/journey/commands.h"

namespace {

// The verbs print with fmt, which throws when a write fails; so the last word is written
// without it: standard error may be what failed (`2>/dev/full`), and then nothing is said.
void reportError(const std::string& message) {
  std::fputs(("error: " + message + "\n").c_str(), stderr);
}

// A verb whose standard output did not all reach it (a full disk) has not succeeded, and one
// that failed otherwise (`fmt --check` listing files) has lost what it said: stdio would drop
// the failed writes without a word. Verbs leave standard output to this check.
int checkStandardOutput(int status) {
  errno = 0;
  if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return status;
  reportError(fmt::format("cannot write standard output: {}",
                          errno ? std::strerror(errno) : "write error"));
  return status == journey::cli::kSuccess ? journey::cli::kInputErrors : status;
}

// The verb a word that is none most likely means: other tools' names for ours (`compile`,
// `format`), then a typo of one of ours (`chekc`).
std::optional<std::string> verbMeant(std::string_view word, CLI::App& app) {
  static const std::map<std::string_view, std::string_view> kOtherNames = {
      {"compile", "build"}, {"format", "fmt"},    {"simulate", "run"}, {"lint", "check"},
      {"describe", "inspect"}, {"show", "inspect"}, {"evaluate", "eval"}, {"draw", "graph"},
      {"diagram", "graph"}, {"tests", "test"},   {"shell", "repl"},   {"help", "--help"}};
  if (auto other = kOtherNames.find(word); other != kOtherNames.end()) {
    return std::string(other->second);
  }
  std::vector<std::string> verbs;
  for (const CLI::App* sub : app.get_subcommands({})) verbs.push_back(sub->get_name());
  return journey::sema::closestName(word, verbs);
}

// The verb named on the command line, or null.
CLI::App* verbNamed(CLI::App& app, int argc, char** argv) {
  if (argc < 2) return nullptr;
  for (CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == argv[1]) return sub;
  }
  return nullptr;
}

// After a flag not expected, or a required one missing: for each `--flag` the verb does not
// have, the one of its flags it likely means (`--profile` for `--profiles`).
void suggestFlags(CLI::App& app, int argc, char** argv) {
  CLI::App* verb = verbNamed(app, argc, argv);
  if (verb == nullptr) return;
  std::vector<std::string> flags;
  for (const CLI::Option* option : verb->get_options()) {
    for (const std::string& name : option->get_lnames()) flags.push_back("--" + name);
  }
  for (int i = 2; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (!arg.starts_with("--")) continue;
    std::string_view flag = arg.substr(0, arg.find('='));
    if (std::find(flags.begin(), flags.end(), flag) != flags.end()) continue;
    if (std::optional<std::string> meant = journey::sema::closestName(flag, flags)) {
      fmt::print(stderr, "help: did you mean `{}`?\n", *meant);
    }
  }
}

// CLI11 names a missing operand by its internal name ("files is required"): says instead what
// the verb needs, in the words of its help. False when what is missing is not an operand.
bool explainMissingOperand(CLI::App& app, int argc, char** argv) {
  CLI::App* verb = verbNamed(app, argc, argv);
  if (verb == nullptr) return false;
  for (const CLI::Option* option : verb->get_options()) {
    if (option->get_positional() && option->get_required() && option->count() == 0) {
      fmt::print(stderr, "error: `journey {}` needs {}\nhelp: `journey {} --help` shows its use\n",
                 verb->get_name(), option->get_description(), verb->get_name());
      return true;
    }
  }
  return false;
}

// Parses the command line and runs its verb: the exit code.
int runVerb(CLI::App& app, std::map<CLI::App*, journey::cli::Action>& actions, int argc,
            char** argv) {
  using namespace journey::cli;
  // CLI11 would say only that a verb is required.
  if (argc > 1 && argv[1][0] != '-') {
    std::string verbs;
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands({})) {
      verbs += (verbs.empty() ? "" : ", ") + sub->get_name();
      known = known || sub->get_name() == argv[1];
    }
    if (!known) {
      fmt::print(stderr, "error: `{}` is not a verb of journey; the verbs: {}\n", argv[1], verbs);
      if (std::optional<std::string> meant = verbMeant(argv[1], app)) {
        fmt::print(stderr, "help: did you mean `journey {}`?\n", *meant);
      }
      return kUsage;
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return checkStandardOutput(app.exit(e));
  } catch (const CLI::CallForAllHelp& e) {
    return checkStandardOutput(app.exit(e));
  } catch (const CLI::CallForVersion& e) {
    return checkStandardOutput(app.exit(e));
  } catch (const CLI::ParseError& e) {
    bool missing = dynamic_cast<const CLI::RequiredError*>(&e) != nullptr;
    if (!missing || !explainMissingOperand(app, argc, argv)) app.exit(e);
    // A flag given that the verb does not have may be the one it misses (`--event`).
    if (missing || dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
      suggestFlags(app, argc, argv);
    }
    return kUsage;
  }
  for (CLI::App* sub : app.get_subcommands()) return checkStandardOutput(actions.at(sub)());
  return kUsage;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace journey::cli;
  CLI::App app{"journey: compiler and runtime for customer journeys", "journey"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "journey " + std::string(journey::artifact::compilerVersion()));

  std::map<CLI::App*, Action> actions;
  auto add = [&](Action (*registerVerb)(CLI::App&)) {
    size_t before = app.get_subcommands({}).size();
    Action action = registerVerb(app);
    actions[app.get_subcommands({})[before]] = std::move(action);
  };
  add(addCheckCommand);
  add(addExplainCommand);
  add(addEvalCommand);
  add(addRunCommand);
  add(addAudienceCommand);
  add(addBuildCommand);
  add(addInspectCommand);
  add(addReplCommand);
  add(addTestCommand);
  add(addGraphCommand);
  add(addFmtCommand);

  try {
    return runVerb(app, actions, argc, argv);
  } catch (const std::system_error& e) {  // fmt::print could not write
    reportError(fmt::format("cannot write {}: {}",
                            std::ferror(stdout) ? "standard output" : "an output",
                            e.code().message()));
    return kInputErrors;
  } catch (const std::bad_alloc&) {
    // A message without allocating: there may be no memory left to build one.
    std::fputs("error: out of memory: the program or its input needs more memory than this "
               "process may have\n",
               stderr);
    return kInputErrors;
  }
}
