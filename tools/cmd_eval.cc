// talign eval GOLD PRED [--per-doc] [--exact] [--json]
#include <iostream>
#include <memory>
#include <string>

#include "align/eval.h"
#include "cli_util.h"
#include "commands.h"

namespace talign_cli {
namespace {

struct EvalFlags {
  std::string gold;
  std::string pred;
  bool per_doc = false;
  bool exact = false;
  bool json = false;
  std::string output;
};

int RunEval(const EvalFlags& flags) {
  auto report = align::EvaluatePaths(flags.gold, flags.pred);
  if (!report.ok()) return Fail(report.status());
  const align::EvalOutputOptions options{flags.per_doc, flags.exact};
  align::Status written = WriteOutput(flags.output, [&](std::ostream& out) {
    return flags.json ? align::WriteEvalJson(*report, options, out)
                      : align::WriteEvalTable(*report, options, out);
  });
  if (!written.ok()) return Fail(written);
  return 0;
}

}  // namespace

void AddEvalCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<EvalFlags>();
  CLI::App* cmd = app.add_subcommand(
      "eval", "Score bead files against gold: strict and lax precision, recall and F1 (Vecalign's definition).");
  cmd->add_option("GOLD", flags->gold, "Gold bead file, or a directory of them")->required();
  cmd->add_option("PRED", flags->pred,
                  "Predicted bead file (talign align --format beads), or a directory matched by name "
                  "(001, 001.align, 001.beads all match 001)")
      ->required();
  cmd->add_flag("--per-doc", flags->per_doc, "Also one line per document");
  cmd->add_flag("--exact", flags->exact, "Also the exact-bead score (null beads included)");
  cmd->add_flag("--json", flags->json, "One JSON object instead of the table");
  cmd->add_option("-o,--output", flags->output, "Output file (default: stdout)");
  cmd->callback([flags, &exit_code] { exit_code = RunEval(*flags); });
}

}  // namespace talign_cli
