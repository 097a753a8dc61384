// Scoring alignments against gold beads: strict and lax precision, recall and
// F1 with the definitions of Vecalign (after Sennrich & Volk 2011), printed
// exactly as the Python scorer of the evaluation sets prints them ("score.py"
// below), so that the two can be compared byte for byte. Not part of the
// library: the `talign_eval` target, used by `talign eval` and the tests.
//
//   auto report = align::EvaluatePaths("gold/", "out/");     // files or directories
//   if (!report.ok()) return fail(report.status());
//   align::WriteEvalTable(*report, {}, std::cout);
//
// - A bead is (source ids, target ids), read from bead lines "[3,4]:[5]";
//   anything after the second bracket pair (a third version) is ignored.
//   Beads empty on both sides are ignored; beads are compared as sets.
// - Precision runs over every distinct predicted bead, 1-0 and 0-1 included:
//   strict hit if the bead is in the gold verbatim; lax hit if some source
//   and some target sentence of it lie in one and the same gold bead.
// - Recall is the same test from the gold's side, counting only beads with
//   both sides non-empty, against predicted beads with both sides non-empty.
// - Counts are summed over documents before dividing; F1 = 2PR/(P+R), 0 when
//   a denominator is 0.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "align/status.h"

namespace align {

// (source sentence ids, target sentence ids), in the order written.
using EvalBead = std::pair<std::vector<int64_t>, std::vector<int64_t>>;

// Bead lines of |text|; blank lines are skipped. |name| is used in errors
// ("NAME:LINE: not a bead line: ...").
StatusOr<std::vector<EvalBead>> ParseBeadLines(std::string_view text, const std::string& name);
StatusOr<std::vector<EvalBead>> ReadBeadFile(const std::string& path);

// hunalign's ladder ("i<TAB>j<TAB>score" rungs, "i j k score" for three
// versions): the sentences between two consecutive rungs are one bead, the
// last rung closes; rungs that go back are an error naming the line.
StatusOr<std::vector<EvalBead>> ParseLadderLines(std::string_view text, const std::string& name);
// talign's JSON lines (talign align --format jsonl): the header's first two
// languages, each bead's sentence lists under those keys.
StatusOr<std::vector<EvalBead>> ParseJsonlBeads(std::string_view text, const std::string& name);
// Bead lines, a ladder or JSON lines, told apart by the first character
// that is not white space: '[', a digit, '{'.
StatusOr<std::vector<EvalBead>> ReadAlignmentFile(const std::string& path);

// The counts of one document; they add up over documents.
struct EvalCounts {
  int64_t n_pred = 0, p_strict = 0, p_lax = 0;   // precision side
  int64_t n_gold = 0, r_strict = 0, r_lax = 0;   // recall side (both sides non-empty)
  int64_t exact_hits = 0, exact_pred = 0, exact_gold = 0;  // exact-bead score, null beads included
  EvalCounts& operator+=(const EvalCounts& other);
};

EvalCounts CountHits(const std::vector<EvalBead>& gold, const std::vector<EvalBead>& pred);

struct EvalScores {
  double precision_strict = 0, recall_strict = 0, f1_strict = 0;
  double precision_lax = 0, recall_lax = 0, f1_lax = 0;
  // The plain exact-bead score of the 2022 journal paper (aligner-eval):
  // every bead, null beads included, P = |gold ∩ pred| / |pred|, R = ... / |gold|.
  double precision_exact = 0, recall_exact = 0, f1_exact = 0;
};

EvalScores Summarize(const EvalCounts& counts);

struct EvalDocument {
  std::string name;  // the file name without .align/.beads/.ladder/.txt/.defr
  EvalCounts counts;
};

struct EvalReport {
  std::vector<EvalDocument> documents;  // sorted by name
  EvalCounts total;
  EvalScores scores;  // of |total|
};

// Scores two bead files, or two directories whose files are matched by name
// ("001", "001.align" and "001.beads" all match "001"; names starting with
// '.' are skipped). Every gold document needs a prediction; predictions
// without gold are ignored.
StatusOr<EvalReport> EvaluatePaths(const std::string& gold, const std::string& pred);

struct EvalOutputOptions {
  bool per_doc = false;  // one line per document before the table
  bool exact = false;    // also the exact-bead score
};

// The text output of score.py `score`, byte for byte (3 decimals).
Status WriteEvalTable(const EvalReport& report, const EvalOutputOptions& options, std::ostream& out);

// One JSON object with sorted keys, as score.py `score --json` prints it.
Status WriteEvalJson(const EvalReport& report, const EvalOutputOptions& options, std::ostream& out);

// ---- line-level gold (score.py `score-lines`; the NTREX-derived sets)
//
// GOLD is DOC.gold.jsonl (one gold bead per line, {"en":[k],"zh":[k],...},
// with DOC.lines.jsonl beside it giving each gold line's byte range in its
// language's running text) or a directory of them; PRED is the output of
// `talign align --format jsonl` (or a directory holding DOC.jsonl,
// DOC.align.jsonl or DOC.pred.jsonl). For each language pair: every
// predicted sentence becomes the gold line holding most of its bytes,
// consecutive predicted beads inside one gold bead are merged, and the
// Vecalign counts are taken and summed over documents.

// True when |gold| is a DOC.gold.jsonl file or a directory holding one.
bool IsLineGold(const std::string& gold);

struct LineEvalReport {
  // Pairs ("en-zh") in the language order of the first prediction.
  std::vector<std::string> pairs;
  std::vector<EvalCounts> totals;  // per pair, same order
  struct Document {
    std::string name;
    std::vector<std::pair<std::string, EvalCounts>> pairs;
  };
  std::vector<Document> documents;  // sorted by name
};

StatusOr<LineEvalReport> EvaluateLinePaths(const std::string& gold, const std::string& pred);

// The table of score.py `score-lines` (and --per-doc), byte for byte.
Status WriteLineEvalTable(const LineEvalReport& report, const EvalOutputOptions& options, std::ostream& out);
// score.py `score-lines --json`.
Status WriteLineEvalJson(const LineEvalReport& report, const EvalOutputOptions& options, std::ostream& out);

}  // namespace align
