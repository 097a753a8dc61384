#include "aligner_join.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <map>
#include <set>
#include <tuple>

namespace align::internal {
namespace {

using Cut = std::array<uint32_t, 3>;  // pivot, x, y

// Bead boundaries of a pairwise alignment: (first, second) positions.
std::set<std::pair<uint32_t, uint32_t>> Boundaries(const std::vector<Bead>& beads) {
  std::set<std::pair<uint32_t, uint32_t>> b = {{0, 0}};
  for (const Bead& bead : beads) b.insert({bead.sides[0].end, bead.sides[1].end});
  return b;
}

}  // namespace

std::vector<Bead> JoinByVotes(const std::vector<Bead>& pp_x, const std::vector<Bead>& pp_y,
                              const std::vector<Bead>& x_y, uint32_t n_pivot, uint32_t n_x,
                              uint32_t n_y, size_t pivot, size_t vx, size_t vy, const AlignerConfig& config) {
  const auto a = Boundaries(pp_x), b = Boundaries(pp_y), c = Boundaries(x_y);
  std::multimap<uint32_t, uint32_t> a_by_p, a_by_x, b_by_p, b_by_y;
  for (auto [p, x] : a) { a_by_p.emplace(p, x); a_by_x.emplace(x, p); }
  for (auto [p, y] : b) { b_by_p.emplace(p, y); b_by_y.emplace(y, p); }
  // Candidate cuts and what the alignments that agree with each are worth.
  std::map<Cut, int> votes;
  for (auto [p, x] : a)
    for (auto [it, end] = b_by_p.equal_range(p); it != end; ++it) votes[{p, x, it->second}] = config.join_votes_pivot_pairs;
  for (auto [x, y] : c) {
    for (auto [it, end] = a_by_x.equal_range(x); it != end; ++it) {
      Cut cut{it->second, x, y};
      votes[cut] = votes.count(cut) ? config.join_votes_all_three : config.join_votes_with_cross;
    }
    for (auto [it, end] = b_by_y.equal_range(y); it != end; ++it) {
      Cut cut{it->second, x, y};
      if (!votes.count(cut)) votes[cut] = config.join_votes_with_cross;
    }
  }
  // Where two candidates share two positions and differ in the third, one
  // of them is wrong: keep the better supported (the pivot pairs' shared
  // cuts over a cut that x↔y supplied).
  for (int drop = 1; drop < 3; ++drop) {
    std::map<std::pair<uint32_t, uint32_t>, int> top;
    auto key = [&](const Cut& cut) {
      return drop == 0 ? std::make_pair(cut[1], cut[2]) : drop == 1 ? std::make_pair(cut[0], cut[2])
                                                                     : std::make_pair(cut[0], cut[1]);
    };
    for (const auto& [cut, v] : votes) top[key(cut)] = std::max(top[key(cut)], v);
    std::erase_if(votes, [&](const auto& kv) { return kv.second < top[key(kv.first)]; });
  }
  votes[{0, 0, 0}] = config.join_votes_all_three;
  votes[{n_pivot, n_x, n_y}] = config.join_votes_all_three;
  std::vector<std::pair<Cut, int>> cand(votes.begin(), votes.end());  // sorted by position

  // Best chain from (0,0,0) to the end: most votes in total. A predecessor
  // is looked for among the previous candidates in sorted order, within a
  // window, which keeps this linear; a chain always exists through the
  // cuts that both pivot pairs share, since consecutive ones are close.
  const auto window = static_cast<size_t>(std::max(config.join_window, 1));
  const size_t k = cand.size();
  std::vector<long> best(k, -1);
  std::vector<size_t> back(k, 0);
  best[0] = cand[0].second;
  for (size_t i = 1; i < k; ++i) {
    const Cut& ci = cand[i].first;
    for (size_t j = i > window ? i - window : 0; j < i; ++j) {
      if (best[j] < 0) continue;
      const Cut& cj = cand[j].first;
      if (cj[0] > ci[0] || cj[1] > ci[1] || cj[2] > ci[2]) continue;
      const long v = best[j] + cand[i].second;
      if (v > best[i]) { best[i] = v; back[i] = j; }
    }
  }
  std::vector<Cut> chain;
  if (best[k - 1] < 0) {  // cannot happen with the window above; stay safe anyway
    chain = {cand[0].first, cand[k - 1].first};
  } else {
    for (size_t i = k - 1;; i = back[i]) {
      chain.push_back(cand[i].first);
      if (i == 0) break;
    }
    std::reverse(chain.begin(), chain.end());
  }

  // Scores: the mean of the pivot pairs' beads that end inside a 3-way bead.
  std::vector<Bead> out;
  size_t ka = 0, kb = 0;
  for (size_t s = 1; s < chain.size(); ++s) {
    const Cut& from = chain[s - 1];
    const Cut& to = chain[s];
    Bead bead;
    bead.sides.assign(3, SentenceRange{});
    bead.sides[pivot] = {from[0], to[0]};
    bead.sides[vx] = {from[1], to[1]};
    bead.sides[vy] = {from[2], to[2]};
    if (bead.sides[pivot].empty() && bead.sides[vx].empty() && bead.sides[vy].empty()) continue;
    double sum = 0;
    int count = 0;
    while (ka < pp_x.size() && pp_x[ka].sides[0].end <= to[0] && pp_x[ka].sides[1].end <= to[1]) {
      sum += pp_x[ka++].score;
      ++count;
    }
    while (kb < pp_y.size() && pp_y[kb].sides[0].end <= to[0] && pp_y[kb].sides[1].end <= to[2]) {
      sum += pp_y[kb++].score;
      ++count;
    }
    bead.score = count ? sum / count : 0;
    out.push_back(std::move(bead));
  }
  return out;
}

namespace {

// Boundaries (position in a, position in b) of the a↔b alignment, in order
// (both positions non-decreasing).
using CutList = std::vector<std::pair<uint32_t, uint32_t>>;

CutList Cuts(const std::array<PairBeads, 3>& pairs, size_t a, size_t b) {
  CutList out;
  for (const PairBeads& p : pairs) {
    if (!p.beads || !((p.first == a && p.second == b) || (p.first == b && p.second == a))) continue;
    const size_t ia = p.first == a ? 0 : 1;
    for (const Bead& bead : *p.beads) out.push_back({bead.sides[ia].end, bead.sides[1 - ia].end});
    break;
  }
  return out;
}

// The least evidence a piece's sentences may show of w's merged sentence,
// as a share of the best piece's, to be its home (SplitMerges): a true
// merge renders both pieces about alike (0.75-0.85 on NTREX), a sentence
// beside one it does not render shows 0-0.3.
constexpr double kHomeMinRendered = 0.5;

bool IsAnchor(const Token& t) {
  return t.kind == TokenKind::kNumber || (t.kind == TokenKind::kWord && t.latin && t.capitalised && t.text.size() >= 4);
}

// Anchors of sentence |s| of |w| that a sentence of |range| of |side| also has.
size_t SharedAnchors(const std::vector<std::vector<Token>>& w, uint32_t s,
                     const std::vector<std::vector<Token>>& side, const SentenceRange& range) {
  size_t shared = 0;
  for (const Token& t : w[s]) {
    if (!IsAnchor(t)) continue;
    bool found = false;
    for (uint32_t i = range.begin; i < range.end && !found; ++i)
      for (const Token& o : side[i])
        if (o.kind == t.kind && o.text == t.text) { found = true; break; }
    shared += found;
  }
  return shared;
}

}  // namespace

std::vector<Bead> SplitMerges(const std::vector<Bead>& beads, const std::array<PairBeads, 3>& pairs,
                              const std::array<const std::vector<float>*, 3>& lengths,
                              const std::array<const std::vector<std::vector<Token>>*, 3>& tokens) {
  double total[3] = {0, 0, 0};
  for (size_t k = 0; k < 3; ++k)
    for (float l : *lengths[k]) total[k] += l;
  // Length of a range of version k in units of version 0's length.
  auto scaled = [&](size_t k, const SentenceRange& r) {
    double sum = 0;
    for (uint32_t i = r.begin; i < r.end; ++i) sum += (*lengths[k])[i];
    return total[k] > 0 && total[0] > 0 ? sum * total[0] / total[k] : sum;
  };
  // cuts[a][b]: the a↔b boundaries, built once (a bead looks up its own by
  // binary search, so that the pass stays linear in the beads).
  std::array<std::array<CutList, 3>, 3> cuts;
  for (size_t a = 0; a < 3; ++a)
    for (size_t b = 0; b < 3; ++b)
      if (a != b) cuts[a][b] = Cuts(pairs, a, b);
  std::array<std::array<const std::vector<float>*, 3>, 3> share{};  // [a][b]: a's sentences against b
  for (const PairBeads& p : pairs) {
    share[p.first][p.second] = p.first_rendered;
    share[p.second][p.first] = p.second_rendered;
  }
  std::vector<Bead> out;
  for (const Bead& bead : beads) {
    bool split = false;
    for (size_t w = 0; w < 3 && !split; ++w) {
      const size_t u = w == 0 ? 1 : 0, v = w == 2 ? 1 : 2;
      const SentenceRange& ru = bead.sides[u];
      const SentenceRange& rv = bead.sides[v];
      if (bead.sides[w].size() > 1 || ru.size() < 2 || rv.size() < 2) continue;
      std::vector<std::pair<uint32_t, uint32_t>> inside;
      const CutList& uv = cuts[u][v];
      for (auto it = std::upper_bound(uv.begin(), uv.end(), std::make_pair(ru.begin, UINT32_MAX));
           it != uv.end() && it->first < ru.end; ++it)
        if (it->second > rv.begin && it->second < rv.end) inside.push_back(*it);
      if (inside.empty()) continue;
      std::vector<Bead> pieces;
      uint32_t bu = ru.begin, bv = rv.begin;
      inside.push_back({ru.end, rv.end});
      for (auto [pu, pv] : inside) {
        Bead piece;
        piece.sides.assign(3, SentenceRange{bead.sides[w].begin, bead.sides[w].begin});
        piece.sides[u] = {bu, pu};
        piece.sides[v] = {bv, pv};
        piece.score = bead.score;
        pieces.push_back(std::move(piece));
        bu = pu;
        bv = pv;
      }
      // Where w's sentence goes (aligner_join.h): the piece whose sentences
      // w's alignments with u and with v pair it with most, among those it
      // renders; else by anchors; else the piece it fits by length.
      if (!bead.sides[w].empty()) {
        const uint32_t s = bead.sides[w].begin;
        std::vector<size_t> overlap(pieces.size(), 0), anchors(pieces.size(), 0);
        std::vector<double> rendered(pieces.size(), 0);
        for (size_t side : {u, v}) {
          if (tokens[w] && tokens[side])
            for (size_t k = 0; k < pieces.size(); ++k)
              anchors[k] += SharedAnchors(*tokens[w], s, *tokens[side], pieces[k].sides[side]);
          // The side↔w bead that holds s: the first boundary past s in w.
          const CutList& sw = cuts[side][w];
          auto it = std::upper_bound(sw.begin(), sw.end(), s,
                                     [](uint32_t x, const std::pair<uint32_t, uint32_t>& c) { return x < c.second; });
          if (it == sw.end()) continue;
          const uint32_t prev_side = it == sw.begin() ? 0 : std::prev(it)->first;
          const uint32_t prev_w = it == sw.begin() ? 0 : std::prev(it)->second;
          if (prev_w > s) continue;
          for (size_t k = 0; k < pieces.size(); ++k) {
            const SentenceRange& r = pieces[k].sides[side];
            const uint32_t lo = std::max(r.begin, prev_side), hi = std::min(r.end, it->first);
            if (hi > lo) overlap[k] += hi - lo;
            const std::vector<float>* rs = share[side][w];
            for (uint32_t i = lo; rs && i < hi && i < rs->size(); ++i) rendered[k] += (*rs)[i];
          }
        }
        const double own = scaled(w, bead.sides[w]) + 1;
        auto misfit = [&](size_t k) {
          const double there = 0.5 * (scaled(u, pieces[k].sides[u]) + scaled(v, pieces[k].sides[v])) + 1;
          return std::fabs(std::log(own / there));
        };
        // A piece whose sentences w's sentence hardly renders is not its home; among the others, a
        // merge of both is placed by anchors and length, which follow the
        // bulk of its text better than dictionary coverage does.
        const double best_rendered = *std::max_element(rendered.begin(), rendered.end());
        std::vector<int> renders(pieces.size());
        for (size_t k = 0; k < pieces.size(); ++k) renders[k] = rendered[k] >= kHomeMinRendered * best_rendered;
        size_t home = 0;
        for (size_t k = 1; k < pieces.size(); ++k)
          if (std::tie(overlap[k], renders[k], anchors[k]) != std::tie(overlap[home], renders[home], anchors[home])
                  ? std::tie(overlap[k], renders[k], anchors[k]) > std::tie(overlap[home], renders[home], anchors[home])
                  : misfit(k) < misfit(home))
            home = k;
        for (size_t k = 0; k < pieces.size(); ++k) {
          const uint32_t at = k <= home ? bead.sides[w].begin : bead.sides[w].end;
          pieces[k].sides[w] = k == home ? bead.sides[w] : SentenceRange{at, at};
        }
      }
      for (Bead& piece : pieces) out.push_back(std::move(piece));
      split = true;
    }
    if (!split) out.push_back(bead);
  }
  return out;
}

}  // namespace align::internal
