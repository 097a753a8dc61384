// talign eval GOLD PRED [--per-doc] [--exact] [--json]
// GOLD is alignment files (bead lines as score.py score reads them, ladders,
// talign's JSON lines) or a line-level gold, DOC.gold.jsonl or a directory
// of them (score.py score-lines, PRED being jsonl output).
#include <iostream>
#include <memory>
#include <string>

#include "eval.h"
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
  const align::EvalOutputOptions options{flags.per_doc, flags.exact};
  if (align::IsLineGold(flags.gold)) {
    // A line-level gold (DOC.gold.jsonl): score talign's jsonl output by bytes.
    auto lines = align::EvaluateLinePaths(flags.gold, flags.pred);
    if (!lines.ok()) return Fail(lines.status());
    align::Status written = WriteOutput(flags.output, Inputs({{flags.gold, flags.pred}}), [&](std::ostream& out) {
      return flags.json ? align::WriteLineEvalJson(*lines, options, out)
                        : align::WriteLineEvalTable(*lines, options, out);
    });
    if (!written.ok()) return Fail(written);
    return 0;
  }
  auto report = align::EvaluatePaths(flags.gold, flags.pred);
  if (!report.ok()) return Fail(report.status());
  align::Status written = WriteOutput(flags.output, Inputs({{flags.gold, flags.pred}}), [&](std::ostream& out) {
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
  cmd->add_option("GOLD", flags->gold,
                  "Gold bead file (or ladder, or talign JSON lines), or a directory of them; or a line-level gold "
                  "DOC.gold.jsonl (with "
                  "DOC.lines.jsonl beside it), or a directory of them, to score jsonl output")
      ->required();
  cmd->add_option("PRED", flags->pred,
                  "Predicted alignment (talign align --format beads, ladder or jsonl, told apart by content), "
                  "or a directory matched by name (001, 001.beads, 001.align.ladder as talign batch writes it all "
                  "match 001); for a line-level gold, talign align --format jsonl output or a directory of DOC.jsonl")
      ->required();
  cmd->add_flag("--per-doc", flags->per_doc, "Also one line per document");
  cmd->add_flag("--exact", flags->exact, "Also the exact-bead score (null beads included)");
  cmd->add_flag("--json", flags->json, "One JSON object instead of the table");
  cmd->add_option("-o,--output", flags->output, "Output file (default: stdout)");
  cmd->callback([flags, &exit_code] { exit_code = RunEval(*flags); });
}

}  // namespace talign_cli
