// The pairwise cost model of the aligner (internal; docs/aligner.md).
//
// A PairModel holds, for two versions x and y, everything the DP needs per
// sentence, computed once: ratio-scaled lengths, paragraph starts,
// punctuation counts, and the lexical view: every x sentence is a list of
// "units" (dictionary words, numbers, names, concepts), each with the ids of
// y-side tokens it may translate to; every y sentence a sorted bag of token
// ids. Lexical evidence of a sentence pair (i, j) is a Cell; bead costs add
// cells, so the DP's inner loop only sums a few floats.
#pragma once

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <vector>

#include "align/aligner.h"
#include "aligner_text.h"

namespace align::internal {

struct PathBead;  // aligner_dp.h

// What one version contributes, independent of the other side.
struct VersionFeatures {
  Language language = Language::kUnknown;
  std::vector<std::vector<Token>> tokens;  // per sentence
  std::vector<float> length;               // characters, white space excluded
  std::vector<PunctCounts> punct;
  std::vector<uint8_t> paragraph_start;
  std::vector<std::vector<uint32_t>> concepts;
  bool has_paragraphs = false;  // paragraphs carry information (running text)
  double total_length = 0;
};
VersionFeatures ExtractFeatures(const AlignInput& input);
// |f| without the sentences marked in |drop|; |kept| receives the original
// index of each sentence kept. A dropped paragraph start passes to the
// next sentence kept.
VersionFeatures WithoutSentences(const VersionFeatures& f, const std::vector<bool>& drop,
                                 std::vector<uint32_t>* kept);

// A learned or given translation relation: x unit string → y token ids.
using LearnedLexicon = std::unordered_map<std::string, std::vector<uint32_t>>;

// Lexical evidence of one sentence pair: weight of x units with a
// translation in y sentence (ms), weight of y tokens translated (mt).
struct Cell {
  float ms = 0, mt = 0;
};

// A bead type: a sentences of x, b of y.
struct BeadType {
  uint8_t a, b;
};
std::vector<BeadType> BeadTypes(int max_side);

class PairModel {
 public:
  // |dictionary| (may be null) translates x into y.
  PairModel(const VersionFeatures& x, const VersionFeatures& y, const Dictionary* dictionary,
            const AlignerConfig& config);

  // Adds learned translations (x unit string id → y token id) and
  // recomputes the reachability weights.
  void AddLexicon(const std::vector<std::pair<uint32_t, uint32_t>>& links);
  double LengthCost(double lx, double ly) const;
  // Scales x's lengths by the length ratio around each sentence along
  // |path| (its beads within |window| on each side, plus |prior| mean x
  // sentences at the document's ratio) instead of the document's ratio.
  void LocaliseRatio(const std::vector<PathBead>& path, size_t window, double prior);
  // Learns from |path| what a bead whose last sentences disagree on ending
  // with a closing quote costs from now on, per x sentence: |weight| times
  // the log of how much likelier disagreeing is for sentences paired at
  // random than on the path's beads within |window| beads of it (0 where
  // either side has fewer than |min_beads| quoted endings there, or the
  // path agrees no more than chance): local, because a chapter of
  // dialogue and a chapter without any can be one document.
  void LearnQuoteEnds(const std::vector<PathBead>& path, double weight, size_t window, size_t min_beads);
  // That cost for a bead whose x side ends with sentence |i| (0 before learning).
  double quote_end_cost(uint32_t i) const { return quote_end_cost_.empty() ? 0 : quote_end_cost_[i]; }
  // Learns from |path| what splitting a sentence costs from now on: for a
  // bead of one x sentence and b of y (and of one y sentence and a of x),
  // |weight| times the log of how much less likely b (a) is given the
  // clause marks of the single sentence than for any sentence, over the
  // path's beads within |window| beads (|prior| beads at the overall rate
  // there added to each count of marks); never negative. A sentence
  // without a comma is seldom split; local, because the chapters of a
  // joined document can come from translators who split differently.
  void LearnSplits(const std::vector<PathBead>& path, double weight, double prior, size_t window);
  // That cost for the bead x[i0, i0+a) ↔ y[j0, j0+b) (0 before learning).
  double split_cost(uint32_t i0, uint32_t a, uint32_t j0, uint32_t b) const {
    if (split_tables_.empty() || a == 0 || b == 0) return 0;
    const SplitTable& t = split_tables_[split_table_of_[i0]];
    double cost = 0;
    if (a == 1 && b <= kMaxSplit + 1) cost += t.cost[0][b - 1][x_marks_[i0]];
    if (b == 1 && a <= kMaxSplit + 1) cost += t.cost[1][a - 1][y_marks_[j0]];
    return cost;
  }
  double length_ratio() const { return ratio_; }
  const std::vector<double>& x_cum() const { return x_cum_; }
  const std::vector<double>& y_cum() const { return y_cum_; }

  size_t n() const { return x_cum_.size() - 1; }
  size_t m() const { return y_cum_.size() - 1; }

  // Exact evidence of sentences (i, j), computed directly.
  Cell ComputeCell(uint32_t i, uint32_t j) const;
  // Evidence for a row i against columns [j0, j1), in column order; equal,
  // float for float, to ComputeCell (the DP uses this, the tests compare).
  // |marks|: the caller's scratch, one word per y id, all zero (and left
  // so): the row's candidates are marked once, then each column's bag is
  // read against the marks, not merged with them.
  void ComputeRow(uint32_t i, uint32_t j0, uint32_t j1, Cell* out, std::vector<uint64_t>* marks) const;
  // The same for row i against the columns |js| (any order): out[k] is
  // the cell of js[k].
  void ComputeCells(uint32_t i, const std::vector<uint32_t>& js, Cell* out, std::vector<uint64_t>* marks) const;

  // Cost of the bead x[i0, i0+a) ↔ y[j0, j0+b); |cell(i, j)| gives the
  // evidence of a sentence pair.
  // Costs above |bound| may be returned unfinished (still above |bound|).
  template <typename CellFn>
  double BeadCost(uint32_t i0, uint32_t a, uint32_t j0, uint32_t b, CellFn&& cell,
                  double bound = std::numeric_limits<double>::infinity()) const;
  // Lexical similarity in [0,1] of the same bead (for scores and learning).
  // |x_matched| and |y_matched| (a and b floats, may be null) receive each
  // sentence's reachable evidence that the other side matches.
  template <typename CellFn>
  double Similarity(uint32_t i0, uint32_t a, uint32_t j0, uint32_t b, CellFn&& cell, float* x_matched = nullptr,
                    float* y_matched = nullptr) const;

  // Matched and total reachable evidence weight of a bead (both sides).
  // |orphans| counts the sentences of a merged side that carry evidence and
  // have none of it matched: an omission glued to its neighbour.
  template <typename CellFn>
  void Unmatched(uint32_t i0, uint32_t a, uint32_t j0, uint32_t b, CellFn&& cell, double* matched,
                 double* total, int* orphans, float* x_matched = nullptr, float* y_matched = nullptr) const;

  // For learning: the x units and y ids of each sentence.
  struct Unit {
    uint32_t string_id;        // index into unit_strings()
    float weight;              // idf in x, times a kind factor
    std::vector<uint32_t> ids; // y token ids it may translate to (sorted)
    bool known = false;        // has a translation, present in y or not
  };
  const std::vector<std::vector<Unit>>& x_units() const { return x_units_; }
  const std::vector<std::vector<std::pair<uint32_t, float>>>& y_bags() const { return y_bags_; }
  const std::vector<std::string>& unit_strings() const { return unit_strings_; }
  const std::vector<std::string>& y_strings() const { return y_strings_; }
  double lexical_coverage() const;  // share of x weight that is translatable
  double total_weight() const;      // all x unit and y token weight
  double known_share() const;  // share of x weight with a translation (in y or not)
  double mean_weight() const { return mean_weight_; }  // reachable evidence of a mean sentence
  float x_weight(uint32_t i) const { return ws_[i]; }  // reachable evidence of x sentence i
  float y_weight(uint32_t j) const { return wt_[j]; }

 private:
  void Reweigh();
  uint64_t* MarkRow(uint32_t i, std::vector<uint64_t>* marks) const;
  void UnmarkRow(uint32_t i, uint64_t* mark) const;
  Cell MarkedCell(const uint64_t* mark, uint32_t i, uint32_t j) const;
  double ratio_ = 1;

  const AlignerConfig& config_;
  std::vector<double> x_cum_, y_cum_;  // prefix sums of lengths, x scaled by the ratio
  std::vector<uint8_t> x_punct_, y_punct_;  // bit k: punctuation class k present
  std::vector<uint8_t> x_quote_end_, y_quote_end_;  // PunctCounts::quote_end
  std::vector<float> quote_end_cost_;  // per x sentence (LearnQuoteEnds); empty before
  static constexpr int kMaxMarks = 5, kMaxSplit = 3;  // marks and splits counted up to these
  std::vector<uint8_t> x_marks_, y_marks_;  // PunctCounts::clause_marks, at most kMaxMarks
  // One table per stretch of the path: [single side x, y][sentences - 1][marks],
  // the cost of a single x (y) sentence facing that many.
  struct SplitTable {
    float cost[2][kMaxSplit + 1][kMaxMarks + 1];
  };
  std::vector<SplitTable> split_tables_;  // empty before LearnSplits
  std::vector<uint32_t> split_table_of_;  // per x sentence
  std::vector<uint8_t> x_par_, y_par_;
  std::vector<int> x_par_cum_, y_par_cum_;
  bool paragraphs_ = false;

  std::vector<std::vector<Unit>> x_units_;                       // ≤ 64 per sentence
  std::vector<std::vector<std::pair<uint32_t, float>>> y_bags_;  // sorted by id
  std::vector<std::string> unit_strings_, y_strings_;
  std::vector<std::vector<uint32_t>> unit_where_;  // unit string id → x sentences
  std::vector<float> ws_, wt_;  // reachable weight per x / y sentence
  std::vector<float> wk_;       // known weight per x sentence (>= ws_)
  double mean_weight_ = 1;      // mean of ws_ and wt_ over all sentences
  float orphan_floor_ = 0;      // half the mean, or more: enough evidence to judge
  float orphan_share_ = 0.1f;   // config_.orphan_max_matched, as the cells' float
  std::vector<double> neglog_erfc_;  // tabulated Gale–Church tail cost
};

inline double PairModel::LengthCost(double lx, double ly) const {
  const double delta = std::abs(ly - lx) / std::sqrt(config_.length_variance * (lx + ly) * 0.5 + 1.0);
  const size_t k = static_cast<size_t>(std::min(delta * 100.0, 2000.0));
  return neglog_erfc_[k];
}

template <typename CellFn>
double PairModel::Similarity(uint32_t i0, uint32_t a, uint32_t j0, uint32_t b, CellFn&& cell, float* x_matched,
                             float* y_matched) const {
  if (a == 0 || b == 0) return 0;
  double matched = 0, total = 0;
  int orphans = 0;
  Unmatched(i0, a, j0, b, cell, &matched, &total, &orphans, x_matched, y_matched);
  const double k = config_.lexical_prior_weight;
  return (matched + k * config_.lexical_prior) / (total + k);
}

template <typename CellFn>
void PairModel::Unmatched(uint32_t i0, uint32_t a, uint32_t j0, uint32_t b, CellFn&& cell,
                          double* matched_out, double* total_out, int* orphans, float* x_matched,
                          float* y_matched) const {
  double matched = 0, total = 0;
  float col_mt[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  for (uint32_t i = i0; i < i0 + a; ++i) {
    float row_ms = 0;
    for (uint32_t j = j0; j < j0 + b; ++j) {
      Cell c = cell(i, j);
      row_ms += c.ms;
      col_mt[j - j0] += c.mt;
    }
    matched += std::min(row_ms, ws_[i]);
    if (x_matched) x_matched[i - i0] = std::min(row_ms, ws_[i]);
    total += ws_[i];
    if (a > 1 && wk_[i] >= orphan_floor_ && row_ms < orphan_share_ * wk_[i]) ++*orphans;
  }
  for (uint32_t j = j0; j < j0 + b; ++j) {
    matched += std::min(col_mt[j - j0], wt_[j]);
    if (y_matched) y_matched[j - j0] = std::min(col_mt[j - j0], wt_[j]);
    total += wt_[j];
    if (b > 1 && wt_[j] >= orphan_floor_ && col_mt[j - j0] < orphan_share_ * wt_[j]) ++*orphans;
  }
  *matched_out = matched;
  *total_out = total;
}

template <typename CellFn>
double PairModel::BeadCost(uint32_t i0, uint32_t a, uint32_t j0, uint32_t b, CellFn&& cell,
                           double bound) const {
  if (a == 0 || b == 0) return config_.skip_cost * (a + b);
  const uint32_t big = std::max(a, b), small = std::min(a, b);
  double cost = 0;
  if (big == 2 && small == 1) cost = config_.cost_1_2;
  else if (big == 2) cost = config_.cost_2_2;
  else if (big == 3) cost = config_.cost_1_3;
  else if (big >= 4) cost = config_.cost_1_4;
  const double lx = x_cum_[i0 + a] - x_cum_[i0], ly = y_cum_[j0 + b] - y_cum_[j0];
  cost += config_.length_weight * LengthCost(lx, ly);
  if (paragraphs_) {
    int inner = (x_par_cum_[i0 + a] - x_par_cum_[i0 + 1]) + (y_par_cum_[j0 + b] - y_par_cum_[j0 + 1]);
    inner += x_par_[i0] != y_par_[j0];
    cost += config_.paragraph_weight * inner;
  }
  if (config_.punctuation_weight != 0) {
    uint32_t px = 0, py = 0;
    for (uint32_t i = i0; i < i0 + a; ++i) px |= x_punct_[i];
    for (uint32_t j = j0; j < j0 + b; ++j) py |= y_punct_[j];
    static constexpr uint8_t kBits[32] = {0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
                                          1, 2, 2, 3, 2, 3, 3, 4, 2, 3, 3, 4, 3, 4, 4, 5};
    cost += config_.punctuation_weight * kBits[(px ^ py) & 31];
  }
  if (!quote_end_cost_.empty() && x_quote_end_[i0 + a - 1] != y_quote_end_[j0 + b - 1])
    cost += quote_end_cost_[i0 + a - 1];
  cost += split_cost(i0, a, j0, b);
  // Every remaining term is non-negative: a bead that already costs more
  // than |bound| cannot win, so the lexical sum is skipped.
  if (cost > bound) return cost;
  if (config_.lexical_weight != 0) {
    double matched = 0, total = 0;
    int orphans = 0;
    Unmatched(i0, a, j0, b, cell, &matched, &total, &orphans);
    if (config_.lexical_mass) {
      cost += config_.lexical_weight * (total - matched) / mean_weight_;
    } else {
      const double k = config_.lexical_prior_weight;
      const double sim = (matched + k * config_.lexical_prior) / (total + k);
      cost += config_.lexical_weight * (1.0 - sim) * 0.5 * (a + b);
    }
    cost += config_.orphan_cost * orphans;
  }
  return cost;
}

}  // namespace align::internal
