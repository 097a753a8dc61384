// Aligning one pair of versions (internal): model, corridor DP, lexicon
// learning and realignment.
#pragma once

#include <cmath>
#include <vector>

#include "aligner_dp.h"
#include "aligner_model.h"
#include "aligner_moves.h"

namespace align::internal {

struct PairAlignment {
  std::vector<PathBead> beads;   // x ↔ y, in order
  std::vector<double> scores;    // per bead, in [0, 1]
  std::vector<double> sims;      // per bead lexical similarity (0 for 1-0/0-1)
  double total_cost = 0;
  double lexical_coverage = 0;   // share of x evidence that can be matched in y
  // Share of all lexical evidence (x units and y tokens, by weight) that
  // found its translation inside its bead: near 0 for unrelated texts.
  double match_rate = 0;
  double chance_rate = 0;  // the same for beads moved half the document away
  // Beads that match some evidence in place or moved half the document
  // away (compared), and those that match more in place (won).
  size_t beads_won = 0, beads_compared = 0;
  bool rates_after_learning = false;  // judged with a learned lexicon (less telling)
  // Per sentence of a bead with two or more sentences on one side: the
  // weight of its reachable evidence that the other side of its bead
  // matches (which sentence of a merge the other side renders); 0 elsewhere.
  std::vector<float> x_rendered, y_rendered;
  std::vector<PairMove> moves;  // x sentence ↔ y sentence in different beads
  bool moves_searched = false;  // moves were looked for (a dictionary, move_max_beads > 0)
};

// The score of a 1-0 or 0-1 bead: its cost, skip_cost, mapped to (0, 1] as
// every bead's cost per sentence is.
inline double SkipScore(const AlignerConfig& config) { return std::exp(-config.skip_cost / config.score_cost_scale); }

// Runs the corridor DP of |model| from |center|.
DpResult RunDp(const PairModel& model, const AlignerConfig& config, std::vector<double> center,
               size_t width, int max_rounds);

// Word pairs that co-occur in the confident beads of |path| (docs/aligner.md).
std::vector<std::pair<uint32_t, uint32_t>> LearnLexicon(const PairModel& model,
                                                        const std::vector<PathBead>& path,
                                                        const AlignerConfig& config);

// The whole pairwise procedure; |dictionary| (may be null) translates x to y.
// |timings| (may be null) receives the time of each phase.
PairAlignment AlignPair(const VersionFeatures& x, const VersionFeatures& y,
                        const Dictionary* dictionary, const AlignerConfig& config,
                        AlignTimings* timings = nullptr);

}  // namespace align::internal
