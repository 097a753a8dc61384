// Moved sentences (internal; docs/aligner.md, "Moved sentences"): found per
// pair of versions after the monotone alignment, then placed on the beads
// of the final (2- or 3-way) alignment.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "align/aligner.h"
#include "aligner_dp.h"
#include "aligner_model.h"

namespace align::internal {

// Sentence x of one version and sentence y of the other say the same
// thing although the alignment put them in different beads.
struct PairMove {
  uint32_t x = 0, y = 0;
  double score = 0;
};

// The moves of one pairwise |path| under |model| (its final lexicon).
std::vector<PairMove> FindPairMoves(const PairModel& model, const std::vector<PathBead>& path,
                                    const AlignerConfig& config);

// The moves of each pair (versions first, second; sentences x of first, y
// of second) as links between |beads|: pair moves whose two sentences lie
// in the same beads are one Move; a pair move whose sentences share a bead
// is dropped (the final alignment put them together).
struct VersionPairMoves {
  size_t first = 0, second = 0;
  std::vector<PairMove> moves;
  bool searched = true;  // false: the pair was not searched (no dictionary)
};
// |beads| with the moved sentences at the start or end of a bead's side
// given beads of their own (before or after it): a 3-way join may glue a
// sentence one pair found moved to a neighbour the other pairs agree on.
// A sentence is taken out only when, for every other version in its bead,
// that pair found it moved or was not searched. |skip_score| is the score
// of such a bead.
std::vector<Bead> SeparateMoved(const std::vector<Bead>& beads, size_t versions,
                                const std::vector<VersionPairMoves>& pairs, double skip_score);

std::vector<Move> PlaceMoves(const std::vector<Bead>& beads, size_t versions,
                             const std::vector<VersionPairMoves>& pairs);

}  // namespace align::internal
