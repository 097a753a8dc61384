// The banded monotone DP of the aligner (internal; docs/aligner.md).
//
// Nodes (i, j) mean "x[0, i) and y[0, j) are aligned"; a bead of type
// (a, b) moves from (i-a, j-b) to (i, j). Only nodes inside a Band are
// visited: per row i the columns lo[i]..hi[i] (inclusive). Work and memory
// are proportional to the band's area, so linear in the document length
// for a band of fixed width.
#pragma once

#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "aligner_model.h"

namespace align::internal {

struct Band {
  std::vector<uint32_t> lo, hi;  // per row 0..n
  size_t Area() const;
};

// A band of half-width |w| around |center| (a column per row), made
// monotone and connected, containing (0, 0) and (n, m).
Band MakeBand(size_t n, size_t m, const std::vector<double>& center, size_t w);
// Column per row where the cumulative ratio-scaled lengths meet: the
// diagonal of the two texts measured in characters rather than sentences.
std::vector<double> LengthDiagonal(const std::vector<double>& x_cum, const std::vector<double>& y_cum);

struct PathBead {
  uint32_t i0, a, j0, b;
  double cost;
};
struct DpResult {
  std::vector<PathBead> beads;
  double total = 0;
  bool touches_edge = false;  // the path runs along the band's edge somewhere
};

// Bands of more nodes than this keep the DP's scores in a ring of rows
// plus checkpoints, and recompute each stretch of rows once during the
// traceback (about twice the DP's work, a fraction of its memory).
constexpr size_t kKeepAllScoresUpTo = size_t{1} << 22;

// Cost function: cost(i0, a, j0, b, bound) → double; may return any value
// above |bound| for a bead that cannot beat it. |keep_all_up_to|: the band
// area up to which every node's score is kept (tests lower it).
template <typename CostFn>
DpResult BandedDp(size_t n, size_t m, const std::vector<BeadType>& types, const Band& band,
                  CostFn&& cost, size_t keep_all_up_to = kKeepAllScoresUpTo) {
  const double kInf = std::numeric_limits<double>::infinity();
  std::vector<size_t> offset(n + 2, 0);
  for (size_t i = 0; i <= n; ++i) offset[i + 1] = offset[i] + (band.hi[i] - band.lo[i] + 1);
  std::vector<uint8_t> back(offset[n + 1], 0xFF);
  size_t reach = 1;  // rows a bead spans
  for (const BeadType& t : types) reach = std::max<size_t>(reach, t.a);

  // Fills row i's scores, row(i)[j - lo[i]], from earlier rows' (and its own
  // earlier columns'). The same arithmetic in the same order whichever
  // storage |row| gives, so recomputed scores are bit for bit the first ones.
  auto relax = [&](size_t i, auto&& row) {
    double* here_row = row(i);
    std::fill(here_row, here_row + (band.hi[i] - band.lo[i] + 1), kInf);
    if (i == 0) here_row[0] = 0;  // (0, 0): lo[0] is 0 by construction
    for (size_t j = band.lo[i]; j <= band.hi[i]; ++j) {
      double b_cost = here_row[j - band.lo[i]];
      uint8_t b_back = 0xFF;
      for (size_t t = 0; t < types.size(); ++t) {
        const uint32_t a = types[t].a, b = types[t].b;
        if (a > i || b > j) continue;
        const size_t pi = i - a, pj = j - b;
        if (pj < band.lo[pi] || pj > band.hi[pi]) continue;
        const double prev = row(pi)[pj - band.lo[pi]];
        if (prev == kInf) continue;
        const double bound = b_cost - prev;
        const double c = cost(static_cast<uint32_t>(pi), a, static_cast<uint32_t>(pj), b, bound);
        const double total = prev + c;
        if (total < b_cost) { b_cost = total; b_back = static_cast<uint8_t>(t); }
      }
      here_row[j - band.lo[i]] = b_cost;
      back[offset[i] + (j - band.lo[i])] = b_back;
    }
  };

  // Scores: all of them, or a ring of reach + 1 rows plus, every kStretch
  // rows, the reach rows before the stretch (where its recomputation starts).
  constexpr size_t kStretch = 64;
  const bool keep_all = offset[n + 1] <= keep_all_up_to;
  size_t widest = 1;
  for (size_t i = 0; i <= n; ++i) widest = std::max<size_t>(widest, band.hi[i] - band.lo[i] + 1);
  std::vector<double> scores(keep_all ? offset[n + 1] : (reach + 1) * widest);
  std::vector<std::vector<double>> checkpoints;
  auto stored = [&](size_t i) {
    return keep_all ? scores.data() + offset[i] : scores.data() + (i % (reach + 1)) * widest;
  };
  for (size_t i = 0; i <= n; ++i) {
    relax(i, stored);
    if (!keep_all && (i + 1) % kStretch == 0) {
      std::vector<double> rows;
      for (size_t r = i + 1 >= reach ? i + 1 - reach : 0; r <= i; ++r)
        rows.insert(rows.end(), stored(r), stored(r) + (band.hi[r] - band.lo[r] + 1));
      checkpoints.push_back(std::move(rows));
    }
  }
  DpResult r;
  r.total = stored(n)[m - band.lo[n]];

  // The traceback reads scores of the path's nodes; without all of them
  // kept, the stretch holding a node (and the reach rows before it) is
  // recomputed once, from its checkpoint, as the path enters it.
  std::vector<double> stretch;
  size_t stretch_index = SIZE_MAX, stretch_first = 0;
  auto in_stretch = [&](size_t i) { return stretch.data() + (offset[i] - offset[stretch_first]); };
  auto score = [&](size_t i, size_t j) -> double {
    if (keep_all) return stored(i)[j - band.lo[i]];
    const size_t s = i / kStretch;
    if (s != stretch_index) {
      const size_t begin = s * kStretch, end = std::min(n + 1, begin + kStretch);
      stretch_first = begin >= reach ? begin - reach : 0;
      stretch.assign(offset[end] - offset[stretch_first], kInf);
      if (s > 0) std::copy(checkpoints[s - 1].begin(), checkpoints[s - 1].end(), stretch.begin());
      for (size_t row = begin; row < end; ++row) relax(row, in_stretch);
      stretch_index = s;
    }
    return in_stretch(i)[j - band.lo[i]];
  };
  size_t i = n, j = m;
  // A path within one bead of the edge may have been pushed there by it.
  size_t margin = 1;
  for (const BeadType& t : types) margin = std::max<size_t>(margin, std::max(t.a, t.b));
  while (i > 0 || j > 0) {
    const size_t here = offset[i] + (j - band.lo[i]);
    const BeadType t = types[back[here]];
    const size_t pi = i - t.a, pj = j - t.b;
    const double here_score = score(i, j);
    r.beads.push_back({static_cast<uint32_t>(pi), t.a, static_cast<uint32_t>(pj), t.b, here_score - score(pi, pj)});
    if ((band.lo[i] > 0 && j < band.lo[i] + margin) || (band.hi[i] < m && j + margin > band.hi[i]))
      r.touches_edge = true;
    i = pi;
    j = pj;
  }
  std::reverse(r.beads.begin(), r.beads.end());
  return r;
}

// The banded DP with the corridor logic: starts around |center| with
// half-width |w|, and while the path touches the band's edge re-centres the
// band on the path, doubling the width every other round (a full DP at
// worst), for at most |max_rounds| rounds.
template <typename MakeCost>
DpResult CorridorDp(size_t n, size_t m, const std::vector<BeadType>& types,
                    std::vector<double> center, size_t w, int max_rounds, MakeCost&& make_cost) {
  for (int round = 1;; ++round) {
    Band band = MakeBand(n, m, center, w);
    auto cost = make_cost(band);
    DpResult r = BandedDp(n, m, types, band, cost);
    const bool full = w >= std::max(n, m);
    if (!r.touches_edge || full || round >= max_rounds) return r;
    // Re-centre on the path: per row, the middle of its columns.
    std::vector<double> lo(n + 1, 1e300), hi(n + 1, -1e300);
    uint32_t i = 0, j = 0;
    auto mark = [&](uint32_t r_, uint32_t c_) {
      lo[r_] = std::min(lo[r_], double(c_));
      hi[r_] = std::max(hi[r_], double(c_));
    };
    mark(0, 0);
    for (const PathBead& b : r.beads) {
      for (uint32_t k = 1; k <= b.a; ++k) mark(b.i0 + k, b.j0 + (b.b * k) / std::max<uint32_t>(b.a, 1));
      if (b.a == 0) mark(b.i0, b.j0 + b.b);
      i = b.i0 + b.a;
      j = b.j0 + b.b;
    }
    (void)i; (void)j;
    for (size_t k = 0; k <= n; ++k) center[k] = 0.5 * (lo[k] + hi[k]);
    // Following the path moves the band by w per round where the corridor
    // was off; widening (every other round) is for paths that wander.
    if (round % 2 == 0) w *= 2;
  }
}

}  // namespace align::internal
