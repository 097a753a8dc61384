// Batch runs: many document sets, all cores, resumable, sliceable into the
// tasks of a Slurm job array.
//
//   align::BatchJob job;
//   job.manifest_path = "archive.tsv";            // or job.input_dir = "archive/"
//   job.out_dir = "aligned";
//   job.jobs = 0;                                 // 0: SLURM_CPUS_PER_TASK, else all cores
//   auto summary = align::RunBatch(job, [](const align::BatchProgress& p) { draw(p); });
//   if (!summary.ok()) return fail(summary.status());      // bad job: nothing was run
//   return summary->failed > 0 ? 2 : 0;                    // a set failed: it is in summary.json
//
// Each set is checked as `talign check` checks it: its alignment, its
// findings as JSON and its HTML report are written beside each other.
//
// Every output is written under "FILE.tmp.PID" in its final directory and
// renamed when complete, so killing the process at any moment leaves only
// whole files (and temporaries that the next run over the same sets removes).
// The layout of the output directory and of summary.json is in docs/scale.md.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "align/aligner.h"
#include "align/check.h"
#include "align/pipeline.h"
#include "align/report.h"
#include "align/session.h"
#include "align/status.h"

namespace align {

// One document set: two or three versions of one document.
struct BatchSet {
  // Relative path without the language suffix ("2024/readout" for
  // 2024/readout.en.txt); outputs are named after it inside the out dir.
  std::string name;
  std::vector<std::string> inputs;
  // One BCP 47 tag per input, "" to detect from the script of the text.
  std::vector<std::string> language_tags;
  // 1-based line of the manifest (0 for sets found in a directory).
  int line = 0;
};

// Everything a batch run needs; the defaults are those of `talign batch`.
struct BatchJob {
  // Exactly one of the two. A directory is searched recursively for
  // NAME.LANG.txt (LANG: en, zh, ur or a BCP 47 variant such as zh-Hans);
  // two or three files with one NAME make a set, a lone file is ignored.
  // A manifest has one set per line, "name<TAB>file<TAB>file[<TAB>file]",
  // '#' comments and blank lines skipped; relative files are relative to the
  // manifest's directory.
  std::string input_dir;
  std::string manifest_path;
  // For manifest lines whose file names carry no language ("a.txt"): one tag
  // per file column. When set it applies to every line.
  std::vector<std::string> language_tags;

  std::string out_dir;
  AlignFormat format = AlignFormat::kJsonl;
  // With format kJsonl: each bead also carries its sentences' text
  // (JsonlOptions::with_text), so the corpus is usable without its inputs.
  bool with_text = false;
  // The language of the HTML reports' headings and labels ("en", "zh",
  // "ur"); empty is English. The library never looks at the locale (the CLI
  // takes --ui-lang or the locale, as talign check does).
  std::string ui_language;
  // What the checker looks for (check.h); the defaults of `talign check`.
  CheckConfig check;

  // Termbases and dictionaries, loaded once per process into one Session
  // and shared read-only by all threads (setup dictionaries preloaded).
  // Without a termbase the bundled one is used; terms found in both
  // versions anchor the alignment, as in `talign check`.
  SessionConfig resources;
  // A baseline file (baseline.h): the findings it lists are left out of
  // every set's reports and counts, as `talign check --baseline`. Empty: none.
  std::string baseline_path;
  // Passed to every set's AlignJob.
  bool presegmented = false;
  // The original's language, as `talign check --source`: findings are then
  // against the translations. Empty: co-authentic versions.
  std::string source_language;
  AlignerConfig aligner;
  // Inputs above this size are refused (the set fails, the batch goes on).
  // Only regular files are read: a FIFO or a device named by a manifest, or
  // found in a directory, fails its set instead of hanging the batch.
  size_t max_input_bytes = ReadOptions{}.max_bytes;

  // Worker threads; 0 means SLURM_CPUS_PER_TASK when set, else every core.
  // Outputs are byte-identical whatever the number.
  int jobs = 0;

  // Array slicing: when task_index > 0 this process takes sets
  // (task_index-1)*per_task+1 … task_index*per_task, counting only set lines
  // of a manifest (not comments or blank lines), or sets in name order for a
  // directory, and writes summary.task-I.json instead of summary.json and
  // summary.html. A task past the end has no sets and succeeds.
  int task_index = 0;
  int per_task = 0;

  // Skip a set that an earlier run finished with the same inputs and
  // settings: its record (NAME.set.json) holds the SHA-256 of every input
  // and of the settings (termbases, dictionaries, formats, options), every
  // output exists, and the inputs still have those hashes. Content decides,
  // never modification times (cp -p, rsync -t and tar keep old times).
  bool resume = false;

  // Record per-set and total seconds in the summary. Off gives a summary that
  // is byte-identical from run to run.
  bool timings = true;
};

// What happened to one set; also one entry of summary.json.
struct BatchSetSummary {
  std::string name;
  std::vector<std::string> inputs;
  std::vector<std::string> languages;  // as reported in the outputs
  bool ok = false;
  bool resumed = false;                // outputs of an earlier run were kept
  std::string error;                   // when !ok: "FILE: byte N: ..." etc.
  std::vector<size_t> sentences;       // per version
  // Beads by shape, "1-1", "1-2", "0-1" (three versions: "1-1-1"), in
  // lexicographic order of the shape name.
  std::vector<std::pair<std::string, size_t>> beads;
  double mean_score = 0;
  // Full renderings of termbase concepts found in the set (preferred and
  // admitted terms of concepts with a preferred term; not short forms such
  // as CPEC, nor deprecated terms): one entry per concept, language and
  // term, with its status and number of occurrences; sorted.
  struct TermUse {
    std::string concept_id, language, term, status;
    size_t count = 0;
    friend bool operator==(const TermUse&, const TermUse&) = default;
  };
  std::vector<TermUse> terms;
  // Findings of the checker by type name ("missing-term", ...), every type
  // of check.h in its order, and their total.
  std::vector<std::pair<std::string, size_t>> findings;
  size_t findings_total = 0;
  size_t suppressed = 0;  // findings the job's baseline dropped (not in findings_total)
  std::vector<std::string> warnings;   // from the aligner
  std::vector<std::string> outputs;    // file names relative to the out dir
  double seconds = 0;                  // 0 for resumed sets
  // SHA-256 (hex) of each input's bytes, and of everything else the outputs
  // depend on (BatchSettingsFingerprint); what --resume compares.
  std::vector<std::string> input_sha256;
  std::string settings_sha256;
};

// inconsistent-term across a batch: one concept rendered by different
// termbase terms in one language in different sets (within one document the
// checker reports it; across documents only the batch can).
struct BatchInconsistency {
  std::string concept_id, language;
  struct Rendering {
    std::string term, status;
    std::vector<std::string> sets;  // names, in processing order
    size_t count = 0;               // occurrences in all of them
  };
  std::vector<Rendering> renderings;  // most used first
};

struct BatchSummary {
  std::vector<BatchSetSummary> sets;   // in processing order
  std::vector<BatchInconsistency> inconsistencies;  // by concept id, then language
  size_t ok = 0, failed = 0, resumed = 0;
  double seconds = 0;
  // What the run could not do as asked but went on without (fewer worker
  // threads than requested); printed by the CLI, kept in summary.json.
  std::vector<std::string> warnings;
  std::string summary_path;            // the summary file written
  // What produced the run (provenance.h) as the JSON object summary.json
  // records under "provenance": the termbases and dictionaries with their
  // hashes, the source language, the baseline's hash, the settings.
  std::string provenance;
};

// Reported after every set. Calls never overlap (they are made under a lock,
// from worker threads), so the callback needs no locking of its own.
struct BatchProgress {
  size_t done = 0, total = 0, failed = 0, resumed = 0;
  double elapsed_seconds = 0;
  const BatchSetSummary* last = nullptr;  // the set just finished
};
using BatchProgressFn = std::function<void(const BatchProgress&)>;

// The sets of a directory, sorted by name. Errors: a missing directory, or
// two files of one language for one name.
StatusOr<std::vector<BatchSet>> DiscoverSets(const std::string& dir);

// The sets of a manifest in file order. Errors name the manifest and line:
// a wrong number of columns, an empty or unsafe name ("..", absolute), a
// duplicate name, a language that cannot be read from a file name.
StatusOr<std::vector<BatchSet>> ReadManifest(const std::string& path,
                                             const std::vector<std::string>& language_tags = {});

// |sets| as a manifest that ReadManifest (with the same |language_tags|)
// reads back to the same sets in the same order: a '#' header line, then
// "name<TAB>file<TAB>file[<TAB>file]" per set with absolute files, so that
// the manifest may be moved anywhere. A set is refused, with an error that
// names its first file, when a manifest line cannot hold it: a tab or a
// line break in a name, bytes that are not UTF-8, a name starting with '#'.
StatusOr<std::string> ManifestText(const std::vector<BatchSet>& sets,
                                   const std::vector<std::string>& language_tags = {});

// The sets of task |task_index| (1-based) with |per_task| sets each.
std::vector<BatchSet> TaskSlice(const std::vector<BatchSet>& sets, int task_index, int per_task);

// SLURM_CPUS_PER_TASK when set and valid, else the number of cores (≥ 1).
int DefaultJobs();

// Runs the batch. Errors are for the job itself (no input, a termbase that
// does not load, an out dir that cannot be made); a set that fails is
// recorded in the summary and the others go on.
StatusOr<BatchSummary> RunBatch(const BatchJob& job, const BatchProgressFn& progress = {});

// Merges every summary.task-*.json of |out_dir| (in task order) into
// summary.json and summary.html, as if one process had run the whole batch.
StatusOr<BatchSummary> MergeSummaries(const std::string& out_dir);

}  // namespace align
