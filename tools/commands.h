// The subcommands of `talign`. Each Add*Command registers one subcommand on
// |app|; when it runs, its callback stores the process exit code in
// |exit_code|: 0 done (nothing found), 1 findings (check), 2 usage or input
// error. Commands only turn flags into a library config and print results.
#pragma once

#include <CLI/CLI.hpp>

namespace talign_cli {

void AddSegmentCommand(CLI::App& app, int& exit_code);
void AddLexiconCommand(CLI::App& app, int& exit_code);
void AddTermsCommand(CLI::App& app, int& exit_code);
void AddAlignCommand(CLI::App& app, int& exit_code);
void AddEvalCommand(CLI::App& app, int& exit_code);
void AddCheckCommand(CLI::App& app, int& exit_code);
void AddBatchCommand(CLI::App& app, int& exit_code);
void AddConfigCommand(CLI::App& app, int& exit_code);

}  // namespace talign_cli
