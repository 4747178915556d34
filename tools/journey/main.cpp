// `journey`: one command, with verbs.
#include <cstdio>
#include <map>

#include "compiler/artifact/build_info.h"
#include "tools/journey/commands.h"

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
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kUsage;
  }
  for (CLI::App* sub : app.get_subcommands()) return actions.at(sub)();
  return kUsage;
}
