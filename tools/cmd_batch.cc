// talign batch (DIR | --manifest FILE) --out DIR [--lexicon F]... [--dictionary F]...
//              [--langs L1,L2[,L3]] [--format F] [--ui-lang L] [--jobs N] [--task-index I --per-task K]
//              [--resume] [--no-timings]
// talign batch --merge-summaries OUT
// talign batch (DIR | --manifest FILE [--langs ...]) --write-manifest FILE
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "align/batch.h"
#include "cli_i18n.h"
#include "align/terminal_text.h"
#include "cli_util.h"
#include "commands.h"

namespace talign_cli {
namespace {

struct BatchFlags {
  std::string dir;
  std::string manifest;
  std::string out;
  std::vector<std::string> lexicons;
  bool no_default_lexicon = false;
  std::string baseline;
  std::vector<std::string> dictionaries;
  std::string langs;
  std::string source;
  std::string format = "jsonl";
  bool with_text = false;
  bool presegmented = false;
  int jobs = 0;
  int task_index = 0;
  int per_task = 0;
  bool resume = false;
  bool no_timings = false;
  std::string merge;
  std::string write_manifest;
  std::string max_input_size;
  std::string config;
};

std::string Clock(double seconds) {
  long s = std::lround(seconds);
  return s >= 3600 ? fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
                   : fmt::format("{}:{:02}", s / 60, s % 60);
}

// Draws "[#####.....] 120/400 sets  35.2 sets/s  0:08 left" in place; errors
// of failed sets go above it on their own lines. When stderr is no terminal
// (a Slurm log, a pipe) it writes a plain progress line instead, at most once
// every |log_interval| seconds and once at the end, so that a long run's log
// shows it is alive without a line per set.
class ProgressBar {
 public:
  ProgressBar(bool tty, double log_interval) : tty_(tty), log_interval_(log_interval) {}
  void operator()(const align::BatchProgress& p) {
    if (p.last && !p.last->ok) {
      if (drawn_) std::cerr << "\r\033[K";
      std::cerr << "talign: " << align::TerminalSafe(p.last->error) << '\n';
    }
    if (!tty_) {
      const bool last = p.done == p.total;
      const double since = p.elapsed_seconds - (logged_ < 0 ? 0 : logged_);
      // A run shorter than the interval gets only its summary line; a
      // longer one a line per interval and one for its last set.
      if (since < log_interval_ && !(last && logged_ >= 0)) return;
      double rate = p.elapsed_seconds > 0 ? p.done / p.elapsed_seconds : 0;
      std::cerr << fmt::format("talign: batch: {}/{} sets, {} failed, {} resumed, {:.1f} s, {:.1f} sets/s\n", p.done,
                               p.total, p.failed, p.resumed, p.elapsed_seconds, rate);
      logged_ = p.elapsed_seconds;
      return;
    }
    constexpr int kWidth = 30;
    int filled = p.total ? static_cast<int>(kWidth * p.done / p.total) : kWidth;
    double rate = p.elapsed_seconds > 0 ? p.done / p.elapsed_seconds : 0;
    std::string left = rate > 0 ? Clock((p.total - p.done) / rate) : "?";
    std::cerr << fmt::format("\r[{}{}] {}/{} sets  {:.1f} sets/s  {} left", std::string(filled, '#'),
                             std::string(kWidth - filled, '.'), p.done, p.total, rate, left)
              << std::flush;
    drawn_ = true;
  }
  void Finish() {
    if (drawn_) std::cerr << "\r\033[K";
  }

 private:
  bool tty_;
  double log_interval_;
  bool drawn_ = false;
  double logged_ = -1;  // elapsed seconds at the last plain line; -1: none yet
};

int Report(const align::BatchSummary& s) {
  for (const std::string& warning : s.warnings) Warn(warning);
  std::cerr << fmt::format("talign: batch: {} sets, {} ok, {} failed, {} resumed in {:.1f} s; summary: {}\n",
                           s.sets.size(), s.ok, s.failed, s.resumed, s.seconds,
                           align::TerminalSafe(s.summary_path));
  return s.failed > 0 ? 2 : 0;
}

// Writes the sets the batch would run, in its order, for jobs that must all
// see one list (submit.sh): a directory may gain files between two tasks.
int WriteManifestCommand(const BatchFlags& flags) {
  if (!flags.out.empty()) return Fail("--write-manifest writes no outputs: leave out --out");
  if (flags.task_index > 0 || flags.per_task > 0) {
    return Fail("--write-manifest lists every set: leave out --task-index and --per-task");
  }
  const std::string& path = flags.write_manifest;
  // A manifest is often written by hand: never replace one. Devices and
  // pipes are written to, as by every other output.
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (path != "-" && (std::filesystem::is_regular_file(status) || std::filesystem::is_directory(status))) {
    return Fail(fmt::format("--write-manifest {}: the file exists and is not replaced; remove it or give a new name",
                            path));
  }
  // A directory's languages come from its file names; --langs is for manifests.
  std::vector<std::string> tags;
  if (flags.dir.empty() && !flags.langs.empty()) tags = SplitComma(flags.langs);
  auto sets = flags.dir.empty() ? align::ReadManifest(flags.manifest, tags) : align::DiscoverSets(flags.dir);
  if (!sets.ok()) return Fail(sets.status());
  auto text = align::ManifestText(*sets, tags);
  if (!text.ok()) return Fail(text.status());
  align::Status written = WriteOutput(path, Inputs({{flags.manifest}}), [&](std::ostream& out) {
    out << *text;
    return align::Status::Ok();
  });
  if (!written.ok()) return Fail(written);
  return 0;
}

int RunBatchCommand(const BatchFlags& flags) {
  if (!flags.merge.empty() && !flags.write_manifest.empty()) {
    return Fail("--merge-summaries and --write-manifest do different things: give one of them");
  }
  if (!flags.merge.empty()) {
    if (!flags.dir.empty() || !flags.manifest.empty()) {
      return Fail("--merge-summaries takes no input directory or manifest");
    }
    auto merged = align::MergeSummaries(flags.merge);
    if (!merged.ok()) return Fail(merged.status());
    return Report(*merged);
  }
  if (flags.dir.empty() == flags.manifest.empty()) {
    return Fail("give an input directory or --manifest FILE (one of the two)\n"
                "Run 'talign batch --help' for usage.");
  }
  if (!flags.langs.empty()) {
    for (const std::string& tag : SplitComma(flags.langs)) {
      align::Language language;
      if (!ParseLangFlag(tag, &language)) return 2;
    }
  }
  if (!flags.write_manifest.empty()) return WriteManifestCommand(flags);
  if (flags.out.empty()) return Fail("--out DIR is required");
  align::BatchJob job;
  job.input_dir = flags.dir;
  job.manifest_path = flags.manifest;
  job.out_dir = flags.out;
  if (!flags.langs.empty()) {
    job.language_tags = SplitComma(flags.langs);
  }
  job.resources.lexicon_paths = flags.lexicons;
  job.resources.default_lexicon = !flags.no_default_lexicon;
  job.baseline_path = flags.baseline;
  if (flags.no_default_lexicon && flags.lexicons.empty()) {
    return Fail("--no-default-lexicon leaves no termbase: give one with --lexicon FILE");
  }
  for (const std::string& d : flags.dictionaries) {
    align::DictionarySpec spec;
    if (!ParseDictionaryFlag(d, &spec)) return 2;
    job.resources.dictionaries.push_back(spec);
  }
  if (!flags.source.empty()) {
    align::Language language;
    if (!ParseLangFlag(flags.source, &language)) return 2;
    job.source_language = flags.source;
  }
  auto format = align::ParseAlignFormat(flags.format);
  if (!format) return Fail(fmt::format("unknown format '{}'", flags.format));
  job.format = *format;
  if (flags.with_text && job.format != align::AlignFormat::kJsonl)
    return Fail(fmt::format("--with-text is for JSON lines, but the format is {}: add --format jsonl", flags.format));
  job.with_text = flags.with_text;
  job.ui_language = Ui().language();
  job.presegmented = flags.presegmented;
  if (!LoadConfig(flags.config, &job.aligner, &job.check)) return 2;
  if (!ReadLimit(flags.max_input_size, &job.max_input_bytes)) return 2;
  job.jobs = flags.jobs;
  job.task_index = flags.task_index;
  job.per_task = flags.per_task;
  job.resume = flags.resume;
  job.timings = !flags.no_timings;

  // TALIGN_PROGRESS_INTERVAL: seconds between progress lines in a log (10).
  double interval = 10;
  if (const char* env = std::getenv("TALIGN_PROGRESS_INTERVAL"); env && *env) {
    char* end = nullptr;
    const double value = std::strtod(env, &end);
    if (end == env || *end != '\0' || !(value >= 0 && value <= 86400)) {
      return Fail(fmt::format("TALIGN_PROGRESS_INTERVAL={}: expected seconds between 0 and 86400", env));
    }
    interval = value;
  }
  ProgressBar bar(::isatty(STDERR_FILENO) == 1, interval);
  auto summary = align::RunBatch(job, [&bar](const align::BatchProgress& p) { bar(p); });
  bar.Finish();
  if (!summary.ok()) return Fail(summary.status());
  return Report(*summary);
}

}  // namespace

void AddBatchCommand(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<BatchFlags>();
  CLI::App* cmd = app.add_subcommand(
      "batch", "Align and check many document sets (NAME.en.txt, NAME.zh.txt, NAME.ur.txt, or a manifest) "
               "on all cores, resumably; slices of a manifest for Slurm job arrays (docs/scale.md).");
  std::string types;
  for (const align::FindingTypeInfo& t : align::FindingTypes()) types += (types.empty() ? "" : ", ") + std::string(t.name);
  cmd->footer("Summaries count the findings of each set by type: " + types + " (talign check --help says what each is).");
  cmd->add_option("DIR", flags->dir, "Directory searched recursively for NAME.LANG.txt sets");
  cmd->add_option("--manifest", flags->manifest,
                  "Tab-separated sets, one per line: name<TAB>file<TAB>file[<TAB>file]; # comments");
  cmd->add_option("--out", flags->out, "Output directory (per set NAME.align.FORMAT, NAME.findings.json, "
                                       "NAME.report.html, NAME.set.json; summary.json, summary.html)");
  cmd->add_option("--lexicon", flags->lexicons,
                  "Termbase (TSV or TBX) layered over the bundled one, loaded once; repeatable, later files win")
      ->allow_extra_args(false);
  cmd->add_option("--baseline", flags->baseline,
                  "Findings to ignore in every set: fingerprints as talign check --write-baseline writes")
      ->allow_extra_args(false);
  cmd->add_flag("--no-default-lexicon", flags->no_default_lexicon,
                "Leave out the bundled termbase: only the --lexicon files");
  cmd->add_option("--dictionary", flags->dictionaries,
                  "Bilingual dictionary, first version's language to the second's, or SRC,TGT=FILE; "
                  "loaded once; repeatable")
      ->allow_extra_args(false);
  cmd->add_option("--langs", flags->langs,
                  "Languages of the manifest's file columns (when file names carry no .LANG.txt)");
  cmd->add_option("--source", flags->source,
                  "Language of the original version of every set: findings are then against the translations");
  AddAlignFormatOption(*cmd, &flags->format);
  cmd->add_flag("--with-text", flags->with_text,
                "With --format jsonl (the default): each bead also carries its sentences' text per language");
  AddUiLangOption(*cmd);  // the HTML reports' headings, as for talign check
  cmd->add_flag("--presegmented", flags->presegmented, "Each input line is one sentence");
  cmd->add_option("--jobs", flags->jobs,
                  "Worker threads (default: SLURM_CPUS_PER_TASK, else every core); outputs do not depend on it")
      ->check(CLI::Range(1, 4096));
  cmd->add_option("--task-index", flags->task_index,
                  "Array task I (1-based): take sets (I-1)*K+1 .. I*K; writes summary.task-I.json")
      ->check(CLI::Range(1, 1 << 30));
  cmd->add_option("--per-task", flags->per_task, "Sets per array task K")->check(CLI::Range(1, 1 << 30));
  cmd->add_flag("--resume", flags->resume,
                "Skip sets whose outputs exist and are newer than their inputs and the termbases");
  AddMaxInputSizeOption(*cmd, &flags->max_input_size);
  AddConfigOption(*cmd, &flags->config);
  cmd->add_flag("--no-timings", flags->no_timings, "Leave seconds out of the summary (byte-stable)");
  cmd->add_option("--merge-summaries", flags->merge,
                  "Merge OUT/summary.task-*.json into OUT/summary.json and summary.html, then stop");
  cmd->add_option("--write-manifest", flags->write_manifest,
                  "Write the sets of DIR or --manifest, in the order the batch takes them, as a manifest with "
                  "absolute files to FILE (- for stdout; an existing file is not replaced), then stop")
      ->allow_extra_args(false);
  cmd->callback([flags, &exit_code] { exit_code = RunBatchCommand(*flags); });
}

}  // namespace talign_cli
