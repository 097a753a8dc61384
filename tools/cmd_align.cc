// talign align A B [C] [--langs L1,L2[,L3]] [--source LANG] [--presegmented] [--lexicon F]...
//                      [--dictionary F]... [--format beads|jsonl|tsv|csv|tmx|ladder] [--excel]
//                      [--with-text] [--pairs] [-o OUT]
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
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
  bool with_text = false;
  bool pairs = false;
  std::string output;
  std::string max_input_size;
  std::string encoding;
  std::string config;
  std::string source;
};

// OUT with the pair's tags before its extension: out.tmx → out.en-zh.tmx.
std::string PairOutputName(const std::string& output, const align::AlignResult& pair) {
  const std::filesystem::path path(output);
  const std::string tags = pair.language_tags[0] + "-" + pair.language_tags[1];
  std::filesystem::path named = path;
  named.replace_filename(path.stem().string() + "." + tags + path.extension().string());
  return named.string();
}

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
  if (flags.with_text && *format != align::AlignFormat::kJsonl)
    return Fail(fmt::format("--with-text is for JSON lines, but the format is {}: add --format jsonl", format_name));
  if (flags.pairs && (job.inputs.size() != 3 || flags.output.empty() || flags.output == "-"))
    return Fail("--pairs needs 3 inputs and -o OUT: the pairs are written to OUT with their languages before "
                "the extension (out.tmx gives out.en-zh.tmx, out.en-ur.tmx, out.zh-ur.tmx)");

  auto session = align::Session::Create(resources);
  if (!session.ok()) return Fail(session.status());
  auto result = align::RunAlign(job, **session);
  if (!result.ok()) return Fail(result.status());
  for (const std::string& warning : result->alignment.warnings) {
    Warn(warning);
  }
  std::vector<std::string> dictionaries;
  for (const align::DictionarySpec& d : resources.dictionaries) dictionaries.push_back(d.path);
  const auto inputs = Inputs({flags.inputs, flags.lexicons, dictionaries});
  auto write = [&](const align::AlignResult& alignment, const std::string& output) {
    return WriteOutput(output, inputs, [&](std::ostream& out) {
      if (flags.excel) return align::WriteCsv(alignment, out, {.excel = true});  // CheckExcelFlag: csv
      if (flags.with_text) return align::WriteJsonl(alignment, out, {.with_text = true});
      return align::WriteAlignment(alignment, *format, out);
    });
  };
  if (!flags.pairs) {
    align::Status written = write(*result, flags.output);
    return written.ok() ? 0 : Fail(written);
  }
  // Every name is checked before the first file is written, so a refused
  // one (an input, a directory) leaves no partial set behind.
  const std::vector<align::AlignResult> pairs = align::PairwiseProjections(*result);
  std::vector<std::string> names;
  for (const align::AlignResult& pair : pairs) {
    const std::string name = PairOutputName(flags.output, pair);
    if (std::find(names.begin(), names.end(), name) != names.end())
      return Fail(fmt::format("--pairs: two pairs would be written to {} (give the versions distinct --langs)", name));
    struct stat st;
    if (::stat(name.c_str(), &st) == 0) {
      if (S_ISDIR(st.st_mode)) return Fail(fmt::format("{}: is a directory", name));
      if (const std::string* input = inputs.Find(st.st_dev, st.st_ino))
        return Fail(fmt::format("{}: is the input {}; choose another -o", name, *input));
    }
    names.push_back(name);
  }
  for (size_t p = 0; p < pairs.size(); ++p) {
    align::Status written = write(pairs[p], names[p]);
    if (!written.ok()) return Fail(written);
  }
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
  cmd->add_flag("--with-text", flags->with_text,
                "With --format jsonl: each bead also carries its sentences' text per language");
  cmd->add_flag("--pairs", flags->pairs,
                "With 3 inputs: write the three pairwise projections instead, to OUT with the pair's languages "
                "before the extension (out.en-zh.tmx)");
  cmd->add_option("-o,--output", flags->output, "Output file, written atomically (default: stdout)");
  AddMaxInputSizeOption(*cmd, &flags->max_input_size);
  AddEncodingOption(*cmd, &flags->encoding);
  AddConfigOption(*cmd, &flags->config);
  cmd->callback([flags, &exit_code] { exit_code = RunAlignCommand(*flags); });
}

}  // namespace talign_cli
