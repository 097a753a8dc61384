// talign check A B [C] | FILE.xlf | FILE.tmx  [--langs L1,L2[,L3]] [--lexicon F]... [--source LANG]
//                      [--dictionary F]... [--format text|json|tsv|csv|html] [--excel]
//                      [--fail-on SEVERITY,TYPE...] [-o OUT]
// Exit codes: 0 nothing found (that --fail-on counts), 1 findings, 2 error.
// The finding types (names, help, --fail-on) come from the checker's
// registry, align::FindingTypes().
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "align/baseline.h"
#include "align/check.h"
#include "align/pipeline.h"
#include "align/report.h"
#include "cli_i18n.h"
#include "cli_util.h"
#include "commands.h"

namespace talign_cli {
namespace {

struct CheckFlags {
  std::vector<std::string> inputs;
  std::string langs;
  std::vector<std::string> lexicons;
  bool no_default_lexicon = false;
  std::vector<std::string> dictionaries;
  std::string source;
  std::string format = "text";
  const CLI::Option* format_option = nullptr;
  bool excel = false;
  std::string color = "auto";
  std::string fail_on;
  std::string output;
  bool presegmented = false;
  std::string max_input_size;
  std::string encoding;
  std::string config;
  std::string baseline;
  std::string write_baseline;
};

// The finding types' names, "a, b, c".
std::string TypeNames() {
  std::string out;
  for (const align::FindingTypeInfo& t : align::FindingTypes()) out += (out.empty() ? "" : ", ") + std::string(t.name);
  return out;
}

// --fail-on: a severity, finding types, or both, comma-separated. A finding
// counts when it is at or above the severity (info when none is named) and
// of one of the types (any when none is named).
struct FailOn {
  align::Severity at_least = align::Severity::kInfo;
  std::vector<align::FindingType> types;
  bool Counts(const align::Finding& f) const {
    return f.severity >= at_least && (types.empty() || std::count(types.begin(), types.end(), f.type) > 0);
  }
};

bool ParseFailOn(const std::string& value, FailOn* fail_on) {
  bool severity_named = false;
  for (const std::string& item : SplitComma(value)) {
    if (auto severity = align::ParseSeverity(item); severity && !severity_named) {
      fail_on->at_least = *severity;
      severity_named = true;
    } else if (auto type = align::ParseFindingType(item)) {
      fail_on->types.push_back(*type);
    } else {
      Fail(fmt::format("--fail-on {}: expected one of info, warning or error, and finding types ({}), "
                       "comma-separated",
                       value, TypeNames()));
      return false;
    }
  }
  return true;
}

// The --help footer: every finding type, its default severity and what it reports.
std::string TypesHelp() {
  std::string out = "Finding types (default severity):";
  for (const align::FindingTypeInfo& t : align::FindingTypes()) {
    out += fmt::format("\n  {:<18} {:<8} {}", t.name, align::SeverityName(t.severity), t.description);
  }
  return out;
}

int RunCheckCommand(const CheckFlags& flags) {
  align::CheckJob job;
  job.align.inputs = flags.inputs;
  // One input is a CAT-tool file (XLIFF, TMX), whose units are aligned already.
  if (job.align.inputs.size() < 1 || job.align.inputs.size() > 3) {
    return Fail(fmt::format("check takes 2 or 3 input files, or one XLIFF or TMX file, got {}\nRun 'talign check "
                            "--help' for usage.",
                            job.align.inputs.size()));
  }
  if (!flags.langs.empty()) {
    job.align.language_tags = SplitComma(flags.langs);
    if (job.align.language_tags.size() != job.align.inputs.size()) {
      return Fail(fmt::format("--langs {} names {} languages for {} inputs", flags.langs,
                              job.align.language_tags.size(), job.align.inputs.size()));
    }
    for (const std::string& tag : job.align.language_tags) {
      align::Language language;
      if (!ParseLangFlag(tag, &language)) return 2;
    }
  }
  if (!flags.source.empty()) {
    align::Language language;
    if (!ParseLangFlag(flags.source, &language)) return 2;
    job.align.source_language = flags.source;
  }
  FailOn fail_on;
  if (!flags.fail_on.empty() && !ParseFailOn(flags.fail_on, &fail_on)) return 2;
  std::string format_name = flags.format;
  if (!ResolveFindingsFormat(flags.format_option, flags.output, &format_name)) return 2;
  std::optional<align::FindingsFormat> format = align::ParseFindingsFormat(format_name);
  if (!format) return Fail(fmt::format("unknown format '{}'", flags.format));
  if (!CheckExcelFlag(flags.excel, format_name)) return 2;
  job.align.presegmented = flags.presegmented;
  if (!LoadConfig(flags.config, &job.align.aligner, &job.config)) return 2;
  if (!ReadLimit(flags.max_input_size, &job.align.read.max_bytes)) return 2;
  job.align.read.encoding = flags.encoding;
  align::SessionConfig resources;
  resources.lexicon_paths = flags.lexicons;
  resources.default_lexicon = !flags.no_default_lexicon;
  if (flags.no_default_lexicon && flags.lexicons.empty()) {
    return Fail("--no-default-lexicon leaves no termbase: give one with --lexicon FILE");
  }
  for (const std::string& d : flags.dictionaries) {
    align::DictionarySpec spec;
    if (!ParseDictionaryFlag(d, &spec)) return 2;
    resources.dictionaries.push_back(spec);
  }

  std::optional<align::Baseline> baseline;
  if (!flags.baseline.empty()) {
    auto loaded = align::Baseline::Load(flags.baseline);
    if (!loaded.ok()) return Fail(loaded.status());
    baseline = std::move(*loaded);
    job.baseline = &*baseline;
  }
  if (!flags.write_baseline.empty() && flags.write_baseline != "-" && flags.write_baseline == flags.output) {
    return Fail(fmt::format("--write-baseline {} is also the report's -o: give them different files", flags.output));
  }
  if (flags.write_baseline == "-" && (flags.output.empty() || flags.output == "-")) {
    return Fail("--write-baseline - and the report would both go to standard output: give the report -o FILE");
  }

  auto session = align::Session::Create(resources);
  if (!session.ok()) return Fail(session.status());
  for (const std::string& warning : (*session)->warnings()) Warn(warning);
  auto result = align::RunCheck(job, **session);
  if (!result.ok()) return Fail(result.status());
  for (const std::string& warning : result->warnings) Warn(warning);
  const align::Lexicon* lexicon = &(*session)->matcher()->lexicon();
  align::FindingsReport report{&result->align, &result->hits, lexicon, &result->findings};
  report.suppressed = result->suppressed.size();
  report.provenance = &result->provenance;
  align::ReportOptions options;
  options.translator = &Ui();
  options.csv.excel = flags.excel;
  const bool to_stdout = flags.output.empty() || flags.output == "-";
  options.color = *format == align::FindingsFormat::kText && to_stdout && UseColor(flags.color, ::isatty(STDOUT_FILENO) != 0);
  std::vector<std::string> dictionaries;
  for (const align::DictionarySpec& d : resources.dictionaries) dictionaries.push_back(d.path);
  align::Status written = WriteOutput(flags.output, Inputs({flags.inputs, flags.lexicons, dictionaries, {flags.baseline}}),
                                      [&](std::ostream& out) {
    return align::WriteFindings(report, *format, options, out);
  });
  if (!written.ok()) return Fail(written);
  if (!flags.write_baseline.empty()) {
    // Every finding of this run, the suppressed ones too: the new file
    // replaces the old one without forgetting what it listed. The baseline
    // read may be the one rewritten: it is read in full before.
    std::vector<align::Finding> all = result->findings;
    all.insert(all.end(), result->suppressed.begin(), result->suppressed.end());
    std::stable_sort(all.begin(), all.end(), [](const align::Finding& a, const align::Finding& b) { return a.bead < b.bead; });
    align::Status saved = WriteOutput(flags.write_baseline, Inputs({flags.inputs, flags.lexicons, dictionaries}),
                                      [&](std::ostream& out) { return align::WriteBaseline(all, result->align, lexicon, out); });
    if (!saved.ok()) return Fail(saved);
  }
  for (const align::Finding& f : result->findings) {
    if (fail_on.Counts(f)) return 1;
  }
  return 0;
}

}  // namespace

void AddCheckCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* cmd = app.add_subcommand(
      "check", "Align 2 or 3 versions and report divergences (the finding types below); or check the units "
               "of one XLIFF or TMX file, aligned already. Exit 0: nothing found; 1: findings; 2: error.");
  cmd->footer(TypesHelp());
  cmd->add_option("FILES", flags->inputs, "2 or 3 input files (UTF-8), one per version, or one XLIFF (1.2, 2.x) or TMX file; - for stdin")->required();
  cmd->add_option("--langs", flags->langs,
                  "Languages of the inputs, comma-separated (BCP 47: en,zh,ur); detected from the script when absent");
  // One value per occurrence, so that "--lexicon F A B" leaves A and B to FILES.
  cmd->add_option("--lexicon", flags->lexicons,
                  "Termbase (TSV or TBX) layered over the bundled lexicons/official-terms.tsv; repeatable, "
                  "later files add terms to earlier concepts and win on a term's status")
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-lexicon", flags->no_default_lexicon,
                "Leave out the bundled termbase: only the --lexicon files");
  cmd->add_option("--dictionary", flags->dictionaries,
                  "Bilingual dictionary for the aligner (TSV source<TAB>target or hunalign .dic) from the first "
                  "version's language to the second's; SRC,TGT=FILE for another pair; repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--source", flags->source,
                  "Language of the original version: findings are then against the translations");
  cmd->add_flag("--presegmented", flags->presegmented, "Each input line is one sentence");
  flags->format_option = AddFindingsFormatOption(*cmd, &flags->format);
  AddExcelOption(*cmd, &flags->excel);
  AddColorOption(*cmd, &flags->color);
  cmd->add_option("--fail-on", flags->fail_on,
                  "Exit 1 only for findings of this severity or above (info, warning, error) and, when types are "
                  "named, of these types (" + TypeNames() + "); comma-separated, e.g. error,number-mismatch");
  cmd->add_option("-o,--output", flags->output, "Output file, written atomically (default: stdout)");
  cmd->add_option("--baseline", flags->baseline,
                  "Findings to ignore: a file of fingerprints as --write-baseline writes; they are neither "
                  "reported nor counted in the exit code")
      ->allow_extra_args(false);
  cmd->add_option("--write-baseline", flags->write_baseline,
                  "Write every finding's fingerprint, with a # comment saying what it is, to FILE "
                  "(delete the lines of findings that must stay reported)")
      ->allow_extra_args(false);
  AddMaxInputSizeOption(*cmd, &flags->max_input_size);
  AddEncodingOption(*cmd, &flags->encoding);
  AddConfigOption(*cmd, &flags->config);
  AddUiLangOption(*cmd);
  cmd->callback([flags, &exit_code] { exit_code = RunCheckCommand(*flags); });
}

}  // namespace talign_cli
