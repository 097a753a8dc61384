// Joining pairwise alignments of three versions into 3-way beads (internal).
#pragma once

#include <vector>

#include "align/aligner.h"

namespace align::internal {

// |pp_x| aligns pivot↔x, |pp_y| pivot↔y and |x_y| x↔y (beads with sides
// {first, second}). A cut is a triple of positions (pivot, x, y) where at
// least two of the three alignments have a bead boundary that agree; the
// 3-way beads lie between the cuts of the best monotone chain of them, which
// prefers cuts more alignments agree on. Sides are placed at indices
// |pivot|, |vx|, |vy| of each bead.
std::vector<Bead> JoinByVotes(const std::vector<Bead>& pp_x, const std::vector<Bead>& pp_y,
                              const std::vector<Bead>& x_y, uint32_t n_pivot, uint32_t n_x,
                              uint32_t n_y, size_t pivot, size_t vx, size_t vy);

}  // namespace align::internal
