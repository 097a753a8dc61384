// talign align A B [C] [--langs L1,L2[,L3]] [--source LANG] [--presegmented] [--lexicon F]...
//                      [--dictionary F]... [--format beads|jsonl|tsv|csv|tmx|ladder] [--excel] [-o OUT]
#include <iostream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "align/pipeline.h"
#include "align/report.h"
#include "cli_util.h"
#include "commands.h"

namespace talign_cli {
namespace {

struct AlignFlags {
  std::vector<std::string> inputs;
  std::string langs;
  bool presegmented = false;
  std::vector<std::string> lexicons;
  std::vector<std::string> dictionaries;
  std::string format = "beads";
  const CLI::Option* format_option = nullptr;
  bool excel = false;
  std::string output;
  std::string max_input_size;
  std::string encoding;
  std::string config;
  std::string source;
};


int RunAlignCommand(const AlignFlags& flags) {
  align::AlignJob job;
  job.inputs = flags.inputs;
  if (job.inputs.size() != 2 && job.inputs.size() != 3) {
    return Fail(fmt::format("align takes 2 or 3 input files, got {}\nRun 'talign align --help' for usage.",
                            job.inputs.size()));
  }
  if (!flags.langs.empty()) {
    job.language_tags = SplitComma(flags.langs);
    if (job.language_tags.size() != job.inputs.size()) {
      return Fail(fmt::format("--langs {} names {} languages for {} inputs", flags.langs,
                              job.language_tags.size(), job.inputs.size()));
    }
    for (const std::string& tag : job.language_tags) {
      align::Language language;
      if (!ParseLangFlag(tag, &language)) return 2;
    }
  }
  if (!flags.source.empty()) {
    align::Language language;
    if (!ParseLangFlag(flags.source, &language)) return 2;
    job.source_language = flags.source;
  }
  job.presegmented = flags.presegmented;
  if (!LoadConfig(flags.config, &job.aligner, nullptr)) return 2;
  if (!ReadLimit(flags.max_input_size, &job.read.max_bytes)) return 2;
  job.read.encoding = flags.encoding;
  align::SessionConfig resources;
  resources.lexicon_paths = flags.lexicons;
  resources.default_lexicon = false;  // without --lexicon: a pure text aligner
  for (const std::string& d : flags.dictionaries) {
    align::DictionarySpec spec;
    if (!ParseDictionaryFlag(d, &spec)) return 2;
    resources.dictionaries.push_back(spec);
  }
  std::string format_name = flags.format;
  if (!ResolveAlignFormat(flags.format_option, flags.output, &format_name)) return 2;
  std::optional<align::AlignFormat> format = align::ParseAlignFormat(format_name);
  if (!format) return Fail(fmt::format("unknown format '{}'", flags.format));
  if (!CheckExcelFlag(flags.excel, format_name)) return 2;

  auto session = align::Session::Create(resources);
  if (!session.ok()) return Fail(session.status());
  auto result = align::RunAlign(job, **session);
  if (!result.ok()) return Fail(result.status());
  for (const std::string& warning : result->alignment.warnings) {
    Warn(warning);
  }
  std::vector<std::string> dictionaries;
  for (const align::DictionarySpec& d : resources.dictionaries) dictionaries.push_back(d.path);
  align::Status written = WriteOutput(flags.output, Inputs({flags.inputs, flags.lexicons, dictionaries}),
                                      [&](std::ostream& out) {
    if (flags.excel) return align::WriteCsv(*result, out, {.excel = true});  // CheckExcelFlag: the format is csv
    return align::WriteAlignment(*result, *format, out);
  });
  if (!written.ok()) return Fail(written);
  return 0;
}

}  // namespace

void AddAlignCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<AlignFlags>();
  CLI::App* cmd = app.add_subcommand(
      "align", "Align 2 or 3 versions of a document sentence by sentence (beads with scores).");
  cmd->add_option("FILES", flags->inputs, "2 or 3 input files (UTF-8), one per version; - for stdin")
      ->required();
  cmd->add_option("--langs", flags->langs,
                  "Languages of the inputs, comma-separated (BCP 47: en,zh,ur); detected from the "
                  "script when absent");
  cmd->add_option("--source", flags->source,
                  "Language of the original version (TMX srclang, the JSON-lines header's source); "
                  "default: co-authentic versions");
  cmd->add_flag("--presegmented", flags->presegmented,
                "Each input line is one sentence; its 0-based line number is its index");
  // One value per occurrence, so that "--lexicon F A B" leaves A and B to FILES.
  cmd->add_option("--lexicon", flags->lexicons, "Termbase (TSV or TBX); repeatable")->allow_extra_args(false);
  cmd->add_option("--dictionary", flags->dictionaries,
                  "Bilingual dictionary (TSV source<TAB>target or hunalign .dic) from the first "
                  "version's language to the second's; SRC,TGT=FILE for another pair; repeatable")
      ->allow_extra_args(false);
  flags->format_option = AddAlignFormatOption(*cmd, &flags->format);
  AddExcelOption(*cmd, &flags->excel);
  cmd->add_option("-o,--output", flags->output, "Output file, written atomically (default: stdout)");
  AddMaxInputSizeOption(*cmd, &flags->max_input_size);
  AddEncodingOption(*cmd, &flags->encoding);
  AddConfigOption(*cmd, &flags->config);
  cmd->callback([flags, &exit_code] { exit_code = RunAlignCommand(*flags); });
}

}  // namespace talign_cli
