// Joining pairwise alignments of three versions into 3-way beads (internal).
#pragma once

#include <array>
#include <vector>

#include "align/aligner.h"
#include "aligner_text.h"

namespace align::internal {

// |pp_x| aligns pivot↔x, |pp_y| pivot↔y and |x_y| x↔y (beads with sides
// {first, second}). A cut is a triple of positions (pivot, x, y) where at
// least two of the three alignments have a bead boundary that agree; the
// 3-way beads lie between the cuts of the best monotone chain of them, which
// prefers cuts more alignments agree on. Sides are placed at indices
// |pivot|, |vx|, |vy| of each bead.
// A cut's votes and the chain's window are AlignerConfig's join_* fields.
std::vector<Bead> JoinByVotes(const std::vector<Bead>& pp_x, const std::vector<Bead>& pp_y,
                              const std::vector<Bead>& x_y, uint32_t n_pivot, uint32_t n_x,
                              uint32_t n_y, size_t pivot, size_t vx, size_t vy, const AlignerConfig& config);

// A 3-way bead where two versions u and v have a bead boundary inside it
// (their own alignment |pairs| cuts it) and the third version w has at most
// one sentence there (w merged what u and v say in two): the bead is split
// at those boundaries, and w's sentence goes to the piece its alignments
// with u and v point to; when the bead of such an alignment that holds it
// holds sentences of several pieces, not to a piece whose sentences it
// renders less than half as much as another's; then to the piece that
// shares most anchors with it (numbers, and capitalised Latin words of four
// letters or more: names, which Chinese text often keeps in Latin); then to
// the piece whose length it fits best. The other pieces have an empty w
// side, which the checker reads as a merge, not an omission
// (check_omissions.cc, AbsorbedByNeighbour); each pair's projection is then
// as fine as its own alignment. |pairs| are the three pairwise alignments,
// |lengths[k]| the sentence lengths of version k (ties between pieces go to
// the one whose length, scaled by the documents' ratio, w's sentence fits).
struct PairBeads {
  size_t first, second;             // versions; the beads' sides are {first, second}
  const std::vector<Bead>* beads;
  // Per sentence of first / second (may be null): the evidence of it that
  // its bead's other side matches (PairAlignment::x_rendered).
  const std::vector<float>* first_rendered = nullptr;
  const std::vector<float>* second_rendered = nullptr;
};
// |tokens[k]| (may be null): version k's tokens per sentence, for anchors.
std::vector<Bead> SplitMerges(const std::vector<Bead>& beads, const std::array<PairBeads, 3>& pairs,
                              const std::array<const std::vector<float>*, 3>& lengths,
                              const std::array<const std::vector<std::vector<Token>>*, 3>& tokens = {});

}  // namespace align::internal
