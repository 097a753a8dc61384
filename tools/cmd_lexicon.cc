// talign lexicon lint [--with-default] FILE...   problems as FILE:LINE:COL: message (exit 1 if any);
//                                               with several files, also what layering them changes
// talign lexicon stats [--format text|json] FILE
// talign lexicon convert [--to tsv|tbx] [--tbx-version 2|3] IN OUT   (format from OUT's extension; OUT - needs --to)
#include <algorithm>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "align/lexicon.h"
#include "align/suggest.h"
#include "align/text.h"
#include "align/terminal_text.h"
#include "cli_util.h"
#include "commands.h"

namespace talign_cli {
namespace {

struct LexiconFlags {
  std::vector<std::string> lint_files;
  bool errors_only = false;
  bool with_default = false;
  std::string stats_file;
  std::string stats_format = "text";
  std::string stats_output;
  std::string convert_in;
  std::string convert_out;
  std::string convert_to;
  int tbx_version = 3;
  std::string suggest_in;
  std::string suggest_out = "-";
};

int RunLint(const LexiconFlags& flags) {
  bool unreadable = false, found = false;
  for (const std::string& file : flags.lint_files) {
    for (const align::LexiconProblem& p : align::Lexicon::Lint(file)) {
      if (p.severity == align::LexiconProblem::Severity::kUnreadable) {
        Fail(p.ToString());
        unreadable = true;
        continue;
      }
      if (flags.errors_only && p.severity == align::LexiconProblem::Severity::kWarning) continue;
      // Messages quote the file name, ids and terms.
      std::cout << align::TerminalSafe(p.ToString()) << '\n';
      found = true;
    }
  }
  // Layered as check layers them (the bundled termbase first with
  // --with-default): a later file that changes a term's status or moves a
  // term to another concept is what a reviser wants to hear about. Standard
  // input cannot be read twice; a file with errors was reported above.
  const bool layered = flags.lint_files.size() > 1 || flags.with_default;
  const bool stdin_given = std::count(flags.lint_files.begin(), flags.lint_files.end(), "-") > 0;
  if (layered && !unreadable && !stdin_given && !flags.errors_only) {
    std::vector<align::LexiconProblem> warnings;
    auto merged = align::Lexicon::LoadLayers(flags.lint_files, flags.with_default, &warnings);
    if (merged.ok()) {
      for (const align::LexiconProblem& p : warnings) std::cout << align::TerminalSafe(p.ToString()) << '\n';
      found |= !warnings.empty();
    }
  }
  std::cout.flush();
  return unreadable ? 2 : found ? 1 : 0;
}

constexpr const char* kStatusColumns[] = {"preferred", "admitted", "deprecated", "superseded"};

int RunStats(const LexiconFlags& flags) {
  auto lexicon = align::Lexicon::Load(flags.stats_file);
  if (!lexicon.ok()) return Fail(lexicon.status());
  const align::LexiconStats stats = lexicon->Stats();
  align::Status written = WriteOutput(flags.stats_output, Inputs({{flags.stats_file}}), [&](std::ostream& out) {
    if (flags.stats_format == "json") {
      nlohmann::ordered_json j = {{"file", flags.stats_file},
                                  {"concepts", stats.concepts},
                                  {"terms", stats.terms}};
      nlohmann::ordered_json kinds = nlohmann::ordered_json::object();
      for (size_t k = 0; k < align::kConceptKinds; ++k)
        kinds[std::string(align::ConceptKindName(static_cast<align::ConceptKind>(k)))] = stats.by_kind[k];
      j["kinds"] = kinds;
      nlohmann::ordered_json langs = nlohmann::ordered_json::object();
      for (const auto& per : stats.languages) {
        nlohmann::ordered_json l = {{"concepts", per.concepts}, {"terms", per.terms}};
        for (size_t s = 0; s < 4; ++s) l[kStatusColumns[s]] = per.by_status[s];
        l["concepts_without_preferred"] = per.concepts_without_preferred;
        langs[std::string(align::LanguageCode(per.language))] = l;
      }
      j["languages"] = langs;
      // A file name need not be UTF-8: nlohmann's default handler would throw.
      out << j.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
      return align::Status::Ok();
    }
    out << fmt::format("{}: {} concepts, {} terms\n", align::TerminalSafe(flags.stats_file),
                       stats.concepts, stats.terms);
    out << fmt::format("kinds: {} term, {} name, {} title\n\n", stats.by_kind[0], stats.by_kind[1],
                       stats.by_kind[2]);
    out << fmt::format("{:<4} {:>8} {:>6} {:>9} {:>8} {:>10} {:>10} {:>12}\n", "lang", "concepts",
                       "terms", "preferred", "admitted", "deprecated", "superseded", "no-preferred");
    for (const auto& per : stats.languages) {
      out << fmt::format("{:<4} {:>8} {:>6} {:>9} {:>8} {:>10} {:>10} {:>12}\n",
                         align::LanguageCode(per.language), per.concepts, per.terms,
                         per.by_status[0], per.by_status[1], per.by_status[2], per.by_status[3],
                         per.concepts_without_preferred);
    }
    return align::Status::Ok();
  });
  if (!written.ok()) return Fail(written);
  return 0;
}

bool HasExtension(const std::string& path, std::string_view ext) {
  if (path.size() < ext.size()) return false;
  std::string tail = path.substr(path.size() - ext.size());
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return tail == ext;
}

int RunConvert(const LexiconFlags& flags) {
  std::string to = flags.convert_to;
  if (to.empty()) {
    if (flags.convert_out == "-")
      return Fail("writing to standard output needs --to tsv or --to tbx");
    if (HasExtension(flags.convert_out, ".tsv") || HasExtension(flags.convert_out, ".txt"))
      to = "tsv";
    else if (HasExtension(flags.convert_out, ".tbx") || HasExtension(flags.convert_out, ".xml"))
      to = "tbx";
    else
      return Fail(fmt::format("{}: cannot tell the output format from the extension (use .tsv or "
                              ".tbx, or --to tsv|tbx)",
                              flags.convert_out));
  }
  if (flags.tbx_version != 3 && to != "tbx")
    return Fail(fmt::format("--tbx-version is for TBX output, but {} is written as {}", flags.convert_out, to));
  auto lexicon = align::Lexicon::Load(flags.convert_in);
  if (!lexicon.ok()) return Fail(lexicon.status());
  align::Status written = WriteOutput(flags.convert_out, Inputs({{flags.convert_in}}), [&](std::ostream& out) {
    return to == "tbx" ? lexicon->WriteTbx(out, flags.tbx_version) : lexicon->WriteTsv(out);
  });
  if (!written.ok()) return Fail(written);
  return 0;
}

int RunSuggest(const LexiconFlags& flags) {
  auto report = align::Document::Load(flags.suggest_in);
  if (!report.ok()) return Fail(report.status());
  auto rows = align::SuggestTerms(report->bytes(), report->name());
  if (!rows.ok()) return Fail(rows.status());
  align::Status written = WriteOutput(flags.suggest_out, Inputs({{flags.suggest_in}}),
                                      [&](std::ostream& out) { return align::WriteSuggestedRows(*rows, out); });
  if (!written.ok()) return Fail(written);
  return 0;
}

}  // namespace

void AddLexiconCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<LexiconFlags>();
  CLI::App* cmd = app.add_subcommand("lexicon", "Validate, count, convert termbases (TSV, TBX) and suggest rows.");
  cmd->require_subcommand(1);

  CLI::App* lint = cmd->add_subcommand(
      "lint", "List every problem of termbases as FILE:LINE:COL: message (exit 1 if any).");
  lint->add_option("FILE", flags->lint_files, "Termbases (.tsv or .tbx), or - for stdin")
      ->required();
  lint->add_flag("--errors-only", flags->errors_only, "Do not list warnings");
  lint->add_flag("--with-default", flags->with_default,
                 "Layer the files over the bundled termbase, as check does, and warn where a file changes it");
  lint->callback([flags, &exit_code] { exit_code = RunLint(*flags); });

  CLI::App* stats = cmd->add_subcommand("stats", "Concepts and terms per language and status.");
  stats->add_option("FILE", flags->stats_file, "Termbase (.tsv or .tbx), or - for stdin")->required();
  stats->add_option("--format", flags->stats_format, "text (a table) or json")
      ->check(CLI::IsMember({"text", "json"}));
  stats->add_option("-o,--output", flags->stats_output, "Output file (default: stdout)");
  stats->callback([flags, &exit_code] { exit_code = RunStats(*flags); });

  CLI::App* convert = cmd->add_subcommand(
      "convert", "Convert a termbase between TSV and TBX-Basic v3 or v2 (format from OUT's extension).");
  convert->add_option("IN", flags->convert_in, "Input termbase (.tsv or .tbx), or - for stdin")
      ->required();
  convert->add_option("OUT", flags->convert_out, "Output file (.tsv or .tbx), or - for stdout")
      ->required();
  convert->add_option("--to", flags->convert_to, "Output format: tsv or tbx (required for -)")
      ->check(CLI::IsMember({"tsv", "tbx"}));
  convert->add_option("--tbx-version", flags->tbx_version,
                      "TBX written: 3 (ISO 30042:2019, the default) or 2 (<martif>, ISO 30042:2008, for readers "
                      "that predate v3 such as translate-toolkit)")
      ->check(CLI::IsMember({2, 3}));
  convert->callback([flags, &exit_code] { exit_code = RunConvert(*flags); });

  CLI::App* suggest = cmd->add_subcommand(
      "suggest", "Termbase rows (TSV, status admitted) from the free renderings of missing-term findings.");
  suggest->add_option("REPORT", flags->suggest_in, "A report of talign check --format json, or - for stdin")
      ->required();
  suggest->add_option("-o,--output", flags->suggest_out, "Output file (default: stdout)");
  suggest->callback([flags, &exit_code] { exit_code = RunSuggest(*flags); });
}

}  // namespace talign_cli
