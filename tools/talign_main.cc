// talign: the command-line front end. It parses flags into library configs
// and prints what the library returns; all the work is in libalign.
#include <exception>
#include <iostream>
#include <new>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "align/language.h"
#include "align/resources.h"
#include "align/terminal_text.h"
#include "cli_i18n.h"
#include "cli_util.h"
#include "commands.h"

int main(int argc, char** argv) {
  CLI::App app{"talign: align the English, Chinese and Urdu versions of a statement, "
               "sentence by sentence, and check them against a termbase."};
  app.set_version_flag("--version", std::string(align::Version()));
  app.require_subcommand(1);
  app.fallthrough(false);
  talign_cli::AddUiLangOption(app);

  int exit_code = 0;
  talign_cli::AddSegmentCommand(app, exit_code);
  talign_cli::AddLexiconCommand(app, exit_code);
  talign_cli::AddTermsCommand(app, exit_code);
  talign_cli::AddAlignCommand(app, exit_code);
  talign_cli::AddEvalCommand(app, exit_code);
  talign_cli::AddCheckCommand(app, exit_code);
  talign_cli::AddBatchCommand(app, exit_code);
  talign_cli::AddConfigCommand(app, exit_code);

  // A mistyped command gets a suggestion, not CLI11's "A subcommand is
  // required" (top-level options and their values are skipped).
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--ui-lang") {
      ++i;
      continue;
    }
    if (arg.empty() || arg[0] == '-') continue;
    bool known = false;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) known = known || sub->get_name() == arg;
    if (known) break;
    const std::string closest = talign_cli::ClosestCommand(app, arg);
    std::cerr << "talign: " << align::TerminalSafe(fmt::format("unknown command '{}'", arg))
              << (closest.empty() ? std::string() : fmt::format("; did you mean '{}'?", closest)) << '\n'
              << talign_cli::Tr("Run 'talign --help' for usage.") << '\n';
    return 2;
  }
  // Languages are data files: a broken or missing definition is one clear
  // message before anything else.
  if (align::Status languages = align::LoadLanguages(); !languages.ok()) {
    std::cerr << "talign: " << align::TerminalSafe(languages.message()) << '\n';
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return 0;
  } catch (const CLI::CallForVersion&) {
    std::cout << "talign " << align::Version() << '\n';
    return 0;
  } catch (const CLI::ParseError& e) {
    // CLI11 uses its own exit codes; ours are 0/1/2, and 2 is "usage error".
    std::cerr << "talign: " << align::TerminalSafe(e.what()) << '\n' << talign_cli::Tr("Run 'talign --help' for usage.") << '\n';
    return 2;
  } catch (const std::bad_alloc&) {
    // The library returns errors as values; this is the last line for what
    // the CLI itself allocates (formatting a huge report, say).
    std::cerr << "talign: out of memory\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "talign: internal error: " << align::TerminalSafe(e.what()) << '\n';
    return 2;
  }
  return exit_code;
}
