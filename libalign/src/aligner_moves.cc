// A monotone alignment cannot follow a sentence that one version gives
// elsewhere: it leaves a sentence without counterpart here (a 1-0 bead, or
// an orphan glued to a neighbour) and one there. Those leftovers are
// matched with each other across the document; what a lexicon says is the
// same content is a move, not an omission plus an addition.
#include "aligner_moves.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace align::internal {
namespace {

// A sentence that matches little of its evidence in its own bead, and
// where that bead is.
struct Leftover {
  uint32_t sentence;
  size_t bead;
  double share;  // of its reachable evidence matched in its bead
};

// The sentences of |path| that match at most |share| of their reachable
// evidence inside their own bead: those of 1-0 and 0-1 beads, orphans
// glued to a neighbour, and those the DP paired with the wrong sentence
// because skipping a moved paragraph costs more than mismatching it.
void CollectLeftovers(const PairModel& model, const std::vector<PathBead>& path, double share,
                      std::vector<Leftover>* xs, std::vector<Leftover>* ys) {
  std::vector<uint64_t> marks;
  std::vector<double> row, col;
  std::vector<Cell> cells;
  for (size_t k = 0; k < path.size(); ++k) {
    const PathBead& b = path[k];
    row.assign(b.a, 0);
    col.assign(b.b, 0);
    cells.resize(b.b);
    for (uint32_t i = b.i0; i < b.i0 + b.a; ++i) {
      model.ComputeRow(i, b.j0, b.j0 + b.b, cells.data(), &marks);
      for (uint32_t j = b.j0; j < b.j0 + b.b; ++j) {
        row[i - b.i0] += cells[j - b.j0].ms;
        col[j - b.j0] += cells[j - b.j0].mt;
      }
    }
    auto matched = [](double got, float weight) { return weight > 0 ? std::min(got / weight, 1.0) : 0.0; };
    for (uint32_t i = b.i0; i < b.i0 + b.a; ++i)
      if (double m = matched(row[i - b.i0], model.x_weight(i)); m <= share) xs->push_back({i, k, m});
    for (uint32_t j = b.j0; j < b.j0 + b.b; ++j)
      if (double m = matched(col[j - b.j0], model.y_weight(j)); m <= share) ys->push_back({j, k, m});
  }
}

size_t BeadDistance(const Leftover& a, const Leftover& b) { return a.bead > b.bead ? a.bead - b.bead : b.bead - a.bead; }

// Whether leftovers |a| (of x) and |b| (of y) may be a move: far enough
// apart, at least one matching little in its own bead, and carrying at
// least |floor| evidence together.
bool MayBeMove(const PairModel& model, const Leftover& a, const Leftover& b, double floor, const AlignerConfig& config) {
  if (BeadDistance(a, b) < static_cast<size_t>(config.move_min_beads)) return false;
  if (a.share > config.move_max_own_match && b.share > config.move_max_own_match) return false;
  return model.x_weight(a.sentence) + model.y_weight(b.sentence) >= floor;
}

// A paragraph moves whole: from each move, the next sentences on both
// sides (then the next, while they keep matching) that are leftovers far
// enough apart are moved with it when they match as well as a move must,
// whatever their length (move_neighbour_min_evidence): next to a move, a
// short sentence that matches is no coincidence.
void ExtendAlongPassages(const PairModel& model, const std::vector<Leftover>& xs, const std::vector<Leftover>& ys,
                         const AlignerConfig& config, std::vector<PairMove>* found) {
  if (found->empty() || config.move_neighbour_min_evidence >= config.move_min_evidence) return;
  std::map<uint32_t, const Leftover*> x_at, y_at;
  for (const Leftover& l : xs) x_at[l.sentence] = &l;
  for (const Leftover& l : ys) y_at[l.sentence] = &l;
  std::set<uint32_t> used_x, used_y;
  for (const PairMove& m : *found) {
    used_x.insert(m.x);
    used_y.insert(m.y);
  }
  const double floor = config.move_neighbour_min_evidence * model.mean_weight();
  std::vector<PairMove> frontier = *found;
  while (!frontier.empty()) {
    const PairMove m = frontier.back();
    frontier.pop_back();
    for (const int64_t step : {int64_t{-1}, int64_t{1}}) {
      const int64_t x = int64_t{m.x} + step, y = int64_t{m.y} + step;
      if (x < 0 || y < 0) continue;
      auto px = x_at.find(static_cast<uint32_t>(x)), py = y_at.find(static_cast<uint32_t>(y));
      if (px == x_at.end() || py == y_at.end() || used_x.count(px->first) || used_y.count(py->first)) continue;
      const Leftover &lx = *px->second, &ly = *py->second;
      if (!MayBeMove(model, lx, ly, floor, config)) continue;
      const double sim = model.Similarity(lx.sentence, 1, ly.sentence, 1,
                                          [&](uint32_t i, uint32_t j) { return model.ComputeCell(i, j); });
      if (sim < config.move_min_similarity) continue;
      const PairMove next{lx.sentence, ly.sentence, sim};
      found->push_back(next);
      frontier.push_back(next);
      used_x.insert(next.x);
      used_y.insert(next.y);
    }
  }
  std::sort(found->begin(), found->end(), [](const PairMove& a, const PairMove& b) { return a.x < b.x; });
}

}  // namespace

std::vector<PairMove> FindPairMoves(const PairModel& model, const std::vector<PathBead>& path,
                                    const AlignerConfig& config) {
  std::vector<PairMove> found;
  if (config.move_max_beads <= 0) return found;
  std::vector<Leftover> xs, ys;
  // A counterpart may match more in its own bead (a moved sentence next to
  // what the DP paired it with shares the story's names).
  CollectLeftovers(model, path, std::max(config.move_max_own_match, config.move_max_counterpart_match), &xs, &ys);
  if (xs.empty() || ys.empty()) return found;
  const auto window = static_cast<size_t>(config.move_max_beads);
  const double floor = config.move_min_evidence * model.mean_weight();
  std::vector<uint64_t> marks;
  // Each leftover's most similar candidate of the other version (the
  // nearest among equals); a move is a pair that chose each other.
  struct Best {
    size_t other = SIZE_MAX;
    double sim = -1;
    size_t distance = SIZE_MAX;
  };
  std::vector<Best> best_x(xs.size()), best_y(ys.size());
  std::vector<std::pair<size_t, size_t>> candidates;  // (index into ys, distance in beads)
  std::vector<uint32_t> columns;
  std::vector<Cell> cells;
  size_t first_y = 0;
  for (size_t p = 0; p < xs.size(); ++p) {
    while (first_y < ys.size() && ys[first_y].bead + window < xs[p].bead) ++first_y;
    candidates.clear();
    columns.clear();
    for (size_t q = first_y; q < ys.size() && ys[q].bead <= xs[p].bead + window; ++q) {
      if (!MayBeMove(model, xs[p], ys[q], floor, config)) continue;
      candidates.push_back({q, BeadDistance(xs[p], ys[q])});
      columns.push_back(ys[q].sentence);
    }
    // One marking of the row for all its candidates.
    cells.resize(columns.size());
    model.ComputeCells(xs[p].sentence, columns, cells.data(), &marks);
    for (size_t k = 0; k < candidates.size(); ++k) {
      // Plain names, not a structured binding: the lambda below captures them.
      const size_t q = candidates[k].first, distance = candidates[k].second;
      const double sim = model.Similarity(xs[p].sentence, 1, ys[q].sentence, 1,
                                          [&](uint32_t, uint32_t) { return cells[k]; });
      auto better = [&](const Best& b) { return sim > b.sim || (sim == b.sim && distance < b.distance); };
      if (better(best_x[p])) best_x[p] = {q, sim, distance};
      if (better(best_y[q])) best_y[q] = {p, sim, distance};
    }
  }
  for (size_t p = 0; p < xs.size(); ++p) {
    const Best& b = best_x[p];
    if (b.other == SIZE_MAX || best_y[b.other].other != p || b.sim < config.move_min_similarity) continue;
    found.push_back({xs[p].sentence, ys[b.other].sentence, b.sim});
  }
  ExtendAlongPassages(model, xs, ys, config, &found);
  return found;
}

std::vector<Bead> SeparateMoved(const std::vector<Bead>& beads, size_t versions,
                                const std::vector<VersionPairMoves>& pairs, double skip_score) {
  // moved[v][w]: sentences of v that the pair (v, w) found moved.
  std::vector<std::vector<std::set<uint32_t>>> moved(versions, std::vector<std::set<uint32_t>>(versions));
  std::vector<std::vector<bool>> searched(versions, std::vector<bool>(versions, false));
  for (const VersionPairMoves& pair : pairs) {
    searched[pair.first][pair.second] = searched[pair.second][pair.first] = pair.searched;
    for (const PairMove& m : pair.moves) {
      moved[pair.first][pair.second].insert(m.x);
      moved[pair.second][pair.first].insert(m.y);
    }
  }
  auto alone = [&](size_t v, uint32_t s) {
    Bead b;
    b.sides.assign(versions, SentenceRange{});
    b.sides[v] = {s, s + 1};
    b.score = skip_score;
    return b;
  };
  std::vector<Bead> out;
  std::vector<Bead> after;
  for (const Bead& bead : beads) {
    Bead rest = bead;
    after.clear();
    for (size_t v = 0; v < versions; ++v) {
      SentenceRange& side = rest.sides[v];
      // A sentence peeled off must leave the bead something, and every
      // version that stays must agree that it moved (or have no say).
      auto peel = [&](uint32_t s) {
        bool others = false, named = false;
        for (size_t w = 0; w < versions; ++w) {
          if (w == v || rest.sides[w].empty()) continue;
          others = true;
          if (moved[v][w].count(s)) named = true;
          else if (searched[v][w]) return false;
        }
        return named && (others || side.size() > 1);
      };
      while (!side.empty() && peel(side.begin)) {
        out.push_back(alone(v, side.begin));
        ++side.begin;
      }
      while (!side.empty() && peel(side.end - 1)) {
        --side.end;
        after.insert(after.begin(), alone(v, side.end));
      }
    }
    out.push_back(std::move(rest));
    out.insert(out.end(), after.begin(), after.end());
  }
  // An empty side sits where its version has got to.
  std::vector<uint32_t> next(versions, 0);
  for (Bead& b : out)
    for (size_t v = 0; v < versions; ++v) {
      if (b.sides[v].empty()) b.sides[v] = {next[v], next[v]};
      next[v] = b.sides[v].end;
    }
  return out;
}

std::vector<Move> PlaceMoves(const std::vector<Bead>& beads, size_t versions,
                             const std::vector<VersionPairMoves>& pairs) {
  // Sentence → bead, per version.
  std::vector<std::vector<size_t>> bead_of(versions);
  for (size_t k = 0; k < beads.size(); ++k)
    for (size_t v = 0; v < versions && v < beads[k].sides.size(); ++v) {
      auto& map = bead_of[v];
      if (map.size() < beads[k].sides[v].end) map.resize(beads[k].sides[v].end, SIZE_MAX);
      for (uint32_t s = beads[k].sides[v].begin; s < beads[k].sides[v].end; ++s) map[s] = k;
    }
  auto where = [&](size_t v, uint32_t s) { return s < bead_of[v].size() ? bead_of[v][s] : SIZE_MAX; };
  struct Gathered {
    std::vector<std::set<uint32_t>> first, second;
    double score = 0;
  };
  std::map<std::pair<size_t, size_t>, Gathered> by_beads;
  for (const VersionPairMoves& pair : pairs)
    for (const PairMove& m : pair.moves) {
      size_t bx = where(pair.first, m.x), by = where(pair.second, m.y);
      if (bx == SIZE_MAX || by == SIZE_MAX || bx == by) continue;
      // The final beads may have given the sentence a counterpart after
      // all (a 3-way join); a sentence alone on its side was not moved.
      auto unmatched_in = [&](size_t bead, size_t own, size_t other) {
        return beads[bead].sides[other].empty() || beads[bead].sides[own].size() > 1;
      };
      if (!unmatched_in(bx, pair.first, pair.second) || !unmatched_in(by, pair.second, pair.first)) continue;
      Gathered& g = by_beads[{std::min(bx, by), std::max(bx, by)}];
      if (g.first.empty()) g.first.resize(versions), g.second.resize(versions);
      (bx < by ? g.first : g.second)[pair.first].insert(m.x);
      (bx < by ? g.second : g.first)[pair.second].insert(m.y);
      g.score = std::max(g.score, m.score);
    }
  std::vector<Move> moves;
  for (const auto& [key, g] : by_beads) {
    Move m;
    m.first_bead = key.first;
    m.second_bead = key.second;
    for (size_t v = 0; v < versions; ++v) {
      m.first.emplace_back(g.first[v].begin(), g.first[v].end());
      m.second.emplace_back(g.second[v].begin(), g.second[v].end());
    }
    m.score = g.score;
    moves.push_back(std::move(m));
  }
  return moves;
}

}  // namespace align::internal
