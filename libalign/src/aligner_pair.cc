#include "aligner_pair.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <memory>
#include <string_view>

#include "aligner_timing.h"

namespace align::internal {
namespace {

// Lexical evidence of the sentence pairs a band can touch, computed row by
// row (ComputeRow) when the DP first asks for a row, with a direct
// computation for any pair outside it. The DP at row i only reads rows
// i-max_side..i-1, so the last max_side rows are kept in a ring: memory is
// the band's width, not its area (a million-sentence document would
// otherwise hold a gigabyte of cells).
class CellCache {
 public:
  CellCache(const PairModel& model, const Band& band, int max_side)
      : model_(model), slots_(static_cast<size_t>(max_side) + 1) {
    const size_t n = model.n(), m = model.m();
    lo_.resize(n);
    hi_.resize(n);
    for (size_t i = 0; i < n; ++i) {
      // A bead covering row i starts at a node of rows i-S+1..i and ends at
      // a node of rows i+1..i+S, so its columns lie within these bounds.
      size_t first = i + 1 >= static_cast<size_t>(max_side) ? i + 1 - max_side : 0;
      lo_[i] = band.lo[first];
      hi_[i] = std::min<uint32_t>(static_cast<uint32_t>(m), band.hi[std::min(n, i + max_side)]);
      if (hi_[i] < lo_[i]) hi_[i] = lo_[i];
      width_ = std::max<size_t>(width_, hi_[i] - lo_[i]);
    }
    cells_.resize(slots_ * width_);
    row_in_slot_.assign(slots_, kNoRow);
  }
  Cell operator()(uint32_t i, uint32_t j) {
    if (j < lo_[i] || j >= hi_[i]) return model_.ComputeCell(i, j);
    const size_t slot = i % slots_;
    Cell* row = cells_.data() + slot * width_;
    if (row_in_slot_[slot] != i) {
      model_.ComputeRow(i, lo_[i], hi_[i], row, &marks_);
      row_in_slot_[slot] = i;
    }
    return row[j - lo_[i]];
  }

 private:
  static constexpr uint32_t kNoRow = UINT32_MAX;
  const PairModel& model_;
  const size_t slots_;
  size_t width_ = 0;
  std::vector<uint32_t> lo_, hi_;
  std::vector<Cell> cells_;           // slots_ rows of width_ cells
  std::vector<uint32_t> row_in_slot_;  // the row each slot holds
  std::vector<uint64_t> marks_;        // ComputeRow's scratch
};

std::vector<double> PathCenter(const std::vector<PathBead>& path, size_t n) {
  std::vector<double> lo(n + 1, 1e300), hi(n + 1, -1e300);
  lo[0] = hi[0] = 0;
  for (const PathBead& b : path) {
    for (uint32_t k = 1; k <= b.a; ++k) {
      double c = b.j0 + double(b.b) * k / b.a;
      lo[b.i0 + k] = std::min(lo[b.i0 + k], c);
      hi[b.i0 + k] = std::max(hi[b.i0 + k], c);
    }
    if (b.a == 0) {
      lo[b.i0] = std::min(lo[b.i0], double(b.j0 + b.b));
      hi[b.i0] = std::max(hi[b.i0], double(b.j0 + b.b));
    }
  }
  std::vector<double> c(n + 1);
  for (size_t i = 0; i <= n; ++i) c[i] = 0.5 * (lo[i] + hi[i]);
  return c;
}

// What each block of one level of the halving holds, before it is indexed:
// per x block the unit strings that have a translation, per y block the
// reachable token ids, each with the number of the block's sentences that
// hold it, in id order. A coarser level's blocks are unions of neighbouring
// blocks of the finer one, so its lists are the finer lists merged, not the
// sentences gathered and sorted again at every level.
// Counts are enough: a y token's weight depends on its id alone, and a
// unit's weight and translations on its string alone (its kind's factor
// times its document frequency's idf), so a block's sums are those of each
// entry's weight repeated |count| times. One exception: a word that is a
// dictionary key in one sentence and the stem of another word elsewhere can
// carry different translations; then which occurrence a block keeps depends
// on the order of a sort, and every level is gathered from its sentences
// with that same sort (|mergeable| false).
struct BlockLists {
  struct XEntry {
    uint32_t string_id, count;
    const PairModel::Unit* unit;
  };
  struct YEntry {
    uint32_t id, count;
    float weight;
  };
  std::vector<uint32_t> x_start{0}, y_start{0};  // block k: entries [start[k], start[k + 1])
  std::vector<XEntry> x;
  std::vector<YEntry> y;
  // Per x block, the y ids its units translate to, sorted, once each.
  std::vector<uint32_t> ids_start{0};
  std::vector<uint32_t> ids;
  bool mergeable = true;
  // When mergeable, the translations of each unit string once, in one
  // array (string id -> [start, start + count)): the rows of every level
  // read them from there, not from each sentence's own unit, far apart.
  struct Translations {
    std::vector<uint32_t> start, count, ids;
  };
  std::shared_ptr<const Translations> translations;
  size_t x_blocks() const { return x_start.size() - 1; }
  size_t y_blocks() const { return y_start.size() - 1; }
};

// The lists of blocks of sentences (xs, ys: the first sentence of each).
BlockLists ListsOfSentences(const PairModel& model, const std::vector<uint32_t>& xs,
                            const std::vector<uint32_t>& ys) {
  const auto& units = model.x_units();
  const auto& bags = model.y_bags();
  // Only reachable evidence counts, as in the model.
  std::vector<uint8_t> reachable(model.y_strings().size(), 0);
  for (const auto& us : units)
    for (const auto& u : us)
      for (uint32_t id : u.ids) reachable[id] = 1;
  BlockLists lists;
  std::vector<const PairModel::Unit*> first(model.unit_strings().size(), nullptr);
  for (const auto& us : units)
    for (const auto& u : us) {
      if (u.ids.empty()) continue;
      const PairModel::Unit*& f = first[u.string_id];
      if (!f) f = &u;
      else if (f->ids != u.ids) lists.mergeable = false;
    }
  if (lists.mergeable) {
    auto t = std::make_shared<BlockLists::Translations>();
    t->start.assign(first.size(), 0);
    t->count.assign(first.size(), 0);
    for (size_t sid = 0; sid < first.size(); ++sid) {
      if (!first[sid]) continue;
      t->start[sid] = static_cast<uint32_t>(t->ids.size());
      t->count[sid] = static_cast<uint32_t>(first[sid]->ids.size());
      t->ids.insert(t->ids.end(), first[sid]->ids.begin(), first[sid]->ids.end());
    }
    lists.translations = std::move(t);
  }
  std::vector<const PairModel::Unit*> block_units;
  for (size_t k = 0; k + 1 < xs.size(); ++k) {
    block_units.clear();
    for (uint32_t i = xs[k]; i < xs[k + 1]; ++i)
      for (const auto& u : units[i])
        if (!u.ids.empty()) block_units.push_back(&u);
    std::sort(block_units.begin(), block_units.end(),
              [](const PairModel::Unit* a, const PairModel::Unit* b) { return a->string_id < b->string_id; });
    const size_t ids_begin = lists.ids.size();
    for (size_t q = 0; q < block_units.size(); ++q) {
      if (q && block_units[q - 1]->string_id == block_units[q]->string_id) {
        ++lists.x.back().count;
        continue;
      }
      lists.x.push_back({block_units[q]->string_id, 1, block_units[q]});
      lists.ids.insert(lists.ids.end(), block_units[q]->ids.begin(), block_units[q]->ids.end());
    }
    std::sort(lists.ids.begin() + static_cast<std::ptrdiff_t>(ids_begin), lists.ids.end());
    lists.ids.erase(std::unique(lists.ids.begin() + static_cast<std::ptrdiff_t>(ids_begin), lists.ids.end()),
                    lists.ids.end());
    lists.x_start.push_back(static_cast<uint32_t>(lists.x.size()));
    lists.ids_start.push_back(static_cast<uint32_t>(lists.ids.size()));
  }
  std::vector<std::pair<uint32_t, float>> bag;
  for (size_t k = 0; k + 1 < ys.size(); ++k) {
    bag.clear();
    for (uint32_t j = ys[k]; j < ys[k + 1]; ++j)
      for (auto [id, w] : bags[j])
        if (reachable[id]) bag.push_back({id, w});
    std::sort(bag.begin(), bag.end());
    for (size_t q = 0; q < bag.size(); ++q) {
      if (q && bag[q - 1].first == bag[q].first) ++lists.y.back().count;
      else lists.y.push_back({bag[q].first, 1, bag[q].second});
    }
    lists.y_start.push_back(static_cast<uint32_t>(lists.y.size()));
  }
  return lists;
}

// Appends the union of the sorted runs [begin, end) of |from| (blocks
// first..last-1) to |to|, counts of one id added.
template <typename Entry, typename IdOf>
void MergeBlocks(const std::vector<Entry>& from, const std::vector<uint32_t>& start, size_t first,
                 size_t last, IdOf id_of, std::vector<Entry>* to, std::vector<Entry>* scratch) {
  const size_t base = to->size();
  to->insert(to->end(), from.begin() + start[first], from.begin() + start[first + 1]);
  for (size_t b = first + 1; b < last; ++b) {
    scratch->clear();
    auto p = to->begin() + static_cast<std::ptrdiff_t>(base), pe = to->end();
    auto q = from.begin() + start[b], qe = from.begin() + start[b + 1];
    while (p != pe && q != qe) {
      if (id_of(*p) < id_of(*q)) scratch->push_back(*p++);
      else if (id_of(*q) < id_of(*p)) scratch->push_back(*q++);
      else { scratch->push_back(*p++); scratch->back().count += q++->count; }
    }
    scratch->insert(scratch->end(), p, pe);
    scratch->insert(scratch->end(), q, qe);
    to->resize(base);
    to->insert(to->end(), scratch->begin(), scratch->end());
  }
}

// The next coarser level: x blocks in pairs, y block k the finer blocks
// ymap[k]..ymap[k+1]-1 (CoarseCenter's merge).
BlockLists CoarserLists(const BlockLists& fine, const std::vector<size_t>& ymap) {
  BlockLists lists;
  lists.translations = fine.translations;
  std::vector<BlockLists::XEntry> x_scratch;
  std::vector<BlockLists::YEntry> y_scratch;
  const size_t nx = fine.x_blocks();
  for (size_t k = 0; k < nx; k += 2) {
    MergeBlocks(fine.x, fine.x_start, k, std::min(k + 2, nx), [](const BlockLists::XEntry& e) { return e.string_id; },
                &lists.x, &x_scratch);
    lists.x_start.push_back(static_cast<uint32_t>(lists.x.size()));
    const auto a = fine.ids.begin() + fine.ids_start[k], a_end = fine.ids.begin() + fine.ids_start[k + 1];
    if (k + 1 < nx) {
      const auto b = fine.ids.begin() + fine.ids_start[k + 1], b_end = fine.ids.begin() + fine.ids_start[k + 2];
      std::set_union(a, a_end, b, b_end, std::back_inserter(lists.ids));
    } else {
      lists.ids.insert(lists.ids.end(), a, a_end);
    }
    lists.ids_start.push_back(static_cast<uint32_t>(lists.ids.size()));
  }
  for (size_t k = 0; k + 1 < ymap.size(); ++k) {
    MergeBlocks(fine.y, fine.y_start, ymap[k], ymap[k + 1], [](const BlockLists::YEntry& e) { return e.id; },
                &lists.y, &y_scratch);
    lists.y_start.push_back(static_cast<uint32_t>(lists.y.size()));
  }
  return lists;
}

// Lexical evidence of blocks of merged sentences, for the levels of the
// halving: an x block is the units of its sentences, a y block the tokens
// of its sentences; a cell of blocks (I, J) holds the weight of I's units
// with a translation in J (ms) and of J's tokens translated by I (mt), as a
// sentence cell does. Only reachable evidence counts, as in the model.
// Cells are computed a row of the band at a time from an inverted index
// (y id -> the blocks holding it), so the work is the matches in the band,
// not every block pair's bags merged.
class BlockBags {
 public:
  BlockBags(const BlockLists& lists, size_t vocabulary) : translations_(lists.translations) {
    const size_t nx = lists.x_blocks(), ny = lists.y_blocks();
    x_units_.resize(nx);
    x_ids_.resize(nx);
    xtotal_.assign(nx, 0);
    for (size_t k = 0; k < nx; ++k) {
      // A unit that recurs in the block is one entry of the summed weight:
      // its occurrences have the same translations, so they match together.
      // The sums add one occurrence at a time, in id order, as when the
      // block was built from its sentences' units sorted by string.
      for (uint32_t q = lists.x_start[k]; q < lists.x_start[k + 1]; ++q) {
        const auto& e = lists.x[q];
        const float w = e.unit->weight;
        float sum = w;
        xtotal_[k] += w;
        for (uint32_t c = 1; c < e.count; ++c) sum += w, xtotal_[k] += w;
        if (lists.translations) {
          const auto& t = *lists.translations;
          const uint32_t* ids = t.ids.data() + t.start[e.string_id];
          x_units_[k].push_back({sum, ids, ids + t.count[e.string_id]});
        } else {
          x_units_[k].push_back({sum, e.unit->ids.data(), e.unit->ids.data() + e.unit->ids.size()});
        }
      }
      x_ids_[k].assign(lists.ids.begin() + lists.ids_start[k], lists.ids.begin() + lists.ids_start[k + 1]);
    }
    // The y blocks as postings: for each reachable id, (block, summed
    // weight) in block order.
    ytotal_.assign(ny, 0);
    std::vector<uint32_t> count(vocabulary + 1, 0);
    for (const auto& e : lists.y) ++count[e.id + 1];
    for (size_t id = 0; id < vocabulary; ++id) count[id + 1] += count[id];
    start_ = count;
    postings_.resize(count[vocabulary]);
    for (size_t k = 0; k < ny; ++k)
      for (uint32_t q = lists.y_start[k]; q < lists.y_start[k + 1]; ++q) {
        const auto& e = lists.y[q];
        float sum = e.weight;
        ytotal_[k] += e.weight;
        for (uint32_t c = 1; c < e.count; ++c) sum += e.weight, ytotal_[k] += e.weight;
        postings_[count[e.id]++] = {static_cast<uint32_t>(k), sum};
      }
  }
  double x_total(uint32_t k) const { return xtotal_[k]; }
  double y_total(uint32_t k) const { return ytotal_[k]; }

  // The rows a band reaches: a bead of up to 2 blocks a side covering row
  // I lies within these columns.
  void SetBand(const Band& band) {
    const size_t n = x_units_.size(), m = ytotal_.size();
    lo_.resize(n);
    hi_.resize(n);
    rows_.assign(n, {});
    for (size_t i = 0; i < n; ++i) {
      lo_[i] = band.lo[i >= 1 ? i - 1 : 0];
      hi_[i] = std::min<uint32_t>(static_cast<uint32_t>(m), band.hi[std::min(n, i + 2)]);
      if (hi_[i] < lo_[i]) hi_[i] = lo_[i];
    }
    cursor_.assign(start_.begin(), start_.end() - 1);
    last_row_ = UINT32_MAX;
    rows_in_order_ = true;
  }
  Cell operator()(uint32_t I, uint32_t J) {
    if (J < lo_[I] || J >= hi_[I]) {
      Cell c;
      Compute(I, J, J + 1, &c, false);
      return c;
    }
    auto& row = rows_[I];
    if (row.empty()) {
      if (last_row_ != UINT32_MAX && I < last_row_) rows_in_order_ = false;
      last_row_ = I;
      row.resize(hi_[I] - lo_[I]);
      // The DP asks for rows in order and lo_ never decreases, so each id's
      // postings are read from a cursor that only moves forward.
      Compute(I, lo_[I], hi_[I], row.data(), true);
    }
    return row[J - lo_[I]];
  }

 private:
  struct BlockUnit {
    float weight;
    const uint32_t *ids, *ids_end;  // its translations
  };
  // Cells (I, j) for j in [j0, j1), into out[j - j0].
  void Compute(uint32_t I, uint32_t j0, uint32_t j1, Cell* out, bool in_order) {
    const size_t width = j1 - j0;
    for (size_t k = 0; k < width; ++k) out[k] = Cell{};
    if (stamp_.size() < width) stamp_.resize(width, 0);
    std::fill(stamp_.begin(), stamp_.begin() + static_cast<std::ptrdiff_t>(width), 0);
    auto range = [&](uint32_t id, auto&& visit) {
      const auto last = postings_.begin() + start_[id + 1];
      auto it = postings_.begin() + start_[id];
      if (in_order && rows_in_order_) {
        uint32_t& c = cursor_[id];
        while (c < start_[id + 1] && postings_[c].first < j0) ++c;
        it = postings_.begin() + c;
      } else {
        it = std::lower_bound(it, last, j0, [](const std::pair<uint32_t, float>& e, uint32_t j) {
          return e.first < j;
        });
      }
      for (; it != last && it->first < j1; ++it) visit(*it);
    };
    // Up to 64 columns, one scan of each id's postings also notes the
    // columns the id is in, and a unit's columns are the union of its ids';
    // wider rows (the coarsest level, aligned in full) scan per unit.
    const bool by_mask = width <= 64;
    if (by_mask && column_mask_.size() < start_.size()) column_mask_.resize(start_.size(), 0);
    for (uint32_t id : x_ids_[I])
      range(id, [&](const std::pair<uint32_t, float>& e) {
        out[e.first - j0].mt += e.second;
        if (by_mask) column_mask_[id] |= uint64_t{1} << (e.first - j0);
      });
    if (by_mask) {
      // Each column still adds its units' weights in unit order.
      for (const BlockUnit& u : x_units_[I]) {
        uint64_t hit = 0;
        for (const uint32_t* id = u.ids; id != u.ids_end; ++id) hit |= column_mask_[*id];
        for (; hit; hit &= hit - 1) out[std::countr_zero(hit)].ms += u.weight;
      }
      for (uint32_t id : x_ids_[I]) column_mask_[id] = 0;
      return;
    }
    uint32_t token = 0;
    for (const BlockUnit& u : x_units_[I]) {
      ++token;
      for (const uint32_t* id = u.ids; id != u.ids_end; ++id)
        range(*id, [&](const std::pair<uint32_t, float>& e) {
          uint32_t& seen = stamp_[e.first - j0];
          if (seen != token) {
            seen = token;
            out[e.first - j0].ms += u.weight;
          }
        });
    }
  }

  // Holds what x_units_ point into when the lists had it (the lists may go first).
  std::shared_ptr<const BlockLists::Translations> translations_;
  std::vector<std::vector<BlockUnit>> x_units_;  // per x block, one per unit string
  std::vector<std::vector<uint32_t>> x_ids_;     // per x block: the y ids it translates to
  std::vector<double> xtotal_, ytotal_;
  std::vector<uint32_t> start_;                          // y id -> first posting
  std::vector<std::pair<uint32_t, float>> postings_;     // (y block, weight) by id, then block
  std::vector<uint32_t> lo_, hi_;
  std::vector<std::vector<Cell>> rows_;
  std::vector<uint32_t> stamp_;
  std::vector<uint64_t> column_mask_;  // per y id: the columns of the row being computed that hold it
  std::vector<uint32_t> cursor_;  // per y id: first posting not left of the rows asked
  uint32_t last_row_ = UINT32_MAX;
  bool rows_in_order_ = true;
};

// A first corridor by recursive halving (as Vecalign does): neighbouring
// sentences are merged in pairs until both sides are short, aligned there in
// full by length, and each finer level is aligned by length in a narrow band
// around the path of the coarser one (AlignerConfig's coarse_* fields).
// Linear in the length of the texts, and unlike the length diagonal it
// follows long-range drift (omissions).
// xs and ys: the first sentence of each block (and n, m at the end).
// |lists|: the block lists of this level when the caller has them (from the
// finer level), else null.
std::vector<double> CoarseCenter(const PairModel& model, const std::vector<double>& xc,
                                 const std::vector<double>& yc, const std::vector<uint32_t>& xs,
                                 const std::vector<uint32_t>& ys, const AlignerConfig& config,
                                 double block = 1, const BlockLists* lists = nullptr) {
  const size_t n = xc.size() - 1, m = yc.size() - 1;
  std::vector<double> center;
  size_t width;
  const auto coarse_above = static_cast<size_t>(std::max(config.coarse_above_sentences, 1));
  if (n <= coarse_above || m <= coarse_above) {
    center = LengthDiagonal(xc, yc);
    width = std::max(n, m);
  } else {
    // Halve x; merge y at the rate that keeps coarse blocks of both sides
    // about equally long, so that 1-1 is the natural coarse bead.
    std::vector<double> xc2, yc2;
    std::vector<uint32_t> xs2, ys2;
    std::vector<size_t> ymap;
    for (size_t i = 0; i < n; i += 2) xc2.push_back(xc[i]), xs2.push_back(xs[i]);
    xc2.push_back(xc[n]);
    xs2.push_back(xs[n]);
    const double step = 2.0 * double(m) / double(n);
    for (double pos = 0; pos < double(m); pos += step) {
      size_t j = static_cast<size_t>(std::llround(pos));
      if (j >= m) break;
      if (!ymap.empty() && j <= ymap.back()) continue;
      ymap.push_back(j);
    }
    ymap.push_back(m);
    for (size_t j : ymap) yc2.push_back(yc[j]), ys2.push_back(ys[j]);
    std::vector<double> c2;
    {
      BlockLists coarser;
      if (config.coarse_lexical_weight > 0)
        coarser = lists && lists->mergeable ? CoarserLists(*lists, ymap) : ListsOfSentences(model, xs2, ys2);
      c2 = CoarseCenter(model, xc2, yc2, xs2, ys2, config, 2 * block,
                        config.coarse_lexical_weight > 0 ? &coarser : nullptr);
    }
    auto to_fine = [&](double c) {
      c = std::clamp(c, 0.0, double(ymap.size() - 1));
      size_t k = static_cast<size_t>(c);
      if (k + 1 >= ymap.size()) return double(ymap.back());
      return ymap[k] + (c - double(k)) * double(ymap[k + 1] - ymap[k]);
    };
    center.resize(n + 1);
    for (size_t i = 0; i <= n; ++i) {
      const size_t k = i / 2;
      double v = (i % 2 == 0 || k + 1 >= c2.size()) ? to_fine(c2[k])
                                                     : 0.5 * (to_fine(c2[k]) + to_fine(c2[k + 1]));
      center[i] = std::min(v, double(m));
    }
    // The full-resolution level is the caller's first pass, with the whole model.
    if (block == 1) return center;
    width = static_cast<size_t>(std::max(config.coarse_band_width, 0));
  }
  static const std::vector<BeadType> kTypes = {{1, 1}, {1, 0}, {0, 1}, {1, 2}, {2, 1}, {2, 2}};
  const double lexical = config.coarse_lexical_weight;
  std::unique_ptr<BlockBags> bags;
  if (lexical > 0) {
    if (lists) {
      bags = std::make_unique<BlockBags>(*lists, model.y_strings().size());
    } else {
      const BlockLists own = ListsOfSentences(model, xs, ys);
      bags = std::make_unique<BlockBags>(own, model.y_strings().size());
    }
  }
  DpResult r = CorridorDp(n, m, kTypes, std::move(center), width, config.coarse_max_rounds, [&](const Band& band) {
    if (bags) bags->SetBand(band);
    return [&](uint32_t i0, uint32_t a, uint32_t j0, uint32_t b, double bound) {
      // Merged blocks have no natural bead types: lengths, skips and block
      // bags count, a skipped block as much as its sentences skipped one by
      // one. Every partition of the same blocks pays the lexical weight of
      // its sentences once at similarity 0 (a skip too), so evidence only
      // ever lowers a cost and its absence favours no bead type.
      const double per_sentence = bags ? lexical * block * 0.5 * (a + b) : 0.0;
      if (a == 0 || b == 0) return config.skip_cost * block * (a + b) + per_sentence;
      double cost = model.LengthCost(xc[i0 + a] - xc[i0], yc[j0 + b] - yc[j0]);
      if (!bags) return cost;
      if (cost > bound) return cost + per_sentence;
      double matched = 0, total = 0;
      float col_mt[2] = {0, 0};
      for (uint32_t i = i0; i < i0 + a; ++i) {
        double row_ms = 0;
        for (uint32_t j = j0; j < j0 + b; ++j) {
          const Cell c = (*bags)(i, j);
          row_ms += c.ms;
          col_mt[j - j0] += c.mt;
        }
        matched += std::min(row_ms, bags->x_total(i));
        total += bags->x_total(i);
      }
      for (uint32_t j = j0; j < j0 + b; ++j) {
        matched += std::min<double>(col_mt[j - j0], bags->y_total(j));
        total += bags->y_total(j);
      }
      const double sim = total > 0 ? matched / total : 0;
      return cost + per_sentence * (1 - sim);
    };
  });
  return PathCenter(r.beads, n);
}

// Evidence matched inside the beads, and inside the same beads moved half
// the document away: for unrelated texts the two are alike. Measured with
// the given dictionary and identities only (before learning), since a
// lexicon learned from a path agrees with that path whatever the texts.
void MatchRates(const PairModel& model, const std::vector<PathBead>& path, PairAlignment* out) {
  double matched_all = 0, matched_shifted = 0;
  out->beads_won = out->beads_compared = 0;
  // ComputeRow on one column: the same cell as ComputeCell, without sorting the row's candidates.
  std::vector<uint64_t> marks;
  auto direct = [&](uint32_t i, uint32_t j) {
    Cell c;
    model.ComputeRow(i, j, j + 1, &c, &marks);
    return c;
  };
  const uint32_t m = static_cast<uint32_t>(model.m());
  for (const PathBead& b : path) {
    if (!b.a || !b.b) continue;
    double matched = 0, total = 0;
    int orphans = 0;
    model.Unmatched(b.i0, b.a, b.j0, b.b, direct, &matched, &total, &orphans);
    matched_all += matched;
    const double in_place = matched;
    uint32_t j = (b.j0 + m / 2) % m;
    if (j + b.b > m) j = m - b.b;
    model.Unmatched(b.i0, b.a, j, b.b, direct, &matched, &total, &orphans);
    matched_shifted += matched;
    // A tie of shared frequent words is no win: the path pairs sentences
    // that share them whatever the texts.
    if (in_place > 0 || matched > 0) ++out->beads_compared;
    if (in_place > matched) ++out->beads_won;
  }
  const double mass = model.total_weight();
  out->match_rate = mass > 0 ? matched_all / mass : 0;
  out->chance_rate = mass > 0 ? matched_shifted / mass : 0;
}

}  // namespace

DpResult RunDp(const PairModel& model, const AlignerConfig& config, std::vector<double> center,
               size_t width, int max_rounds) {
  const auto types = BeadTypes(config.max_bead_side);
  int max_side = 1;
  for (const BeadType& t : types) max_side = std::max<int>(max_side, std::max(t.a, t.b));
  return CorridorDp(model.n(), model.m(), types, std::move(center), width, max_rounds, [&](const Band& band) {
    auto cache = std::make_shared<CellCache>(model, band, max_side);
    return [&model, cache](uint32_t i0, uint32_t a, uint32_t j0, uint32_t b, double bound) {
      return model.BeadCost(i0, a, j0, b, *cache, bound);
    };
  });
}

std::vector<std::pair<uint32_t, uint32_t>> LearnLexicon(const PairModel& model,
                                                        const std::vector<PathBead>& path,
                                                        const AlignerConfig& config) {
  // Confident beads: the cheapest 60% per sentence of those with two sides,
  // at most 4000 of them (enough evidence; bounded time on huge inputs);
  // learn_bead_percent and learn_max_beads.
  std::vector<size_t> order;
  for (size_t k = 0; k < path.size(); ++k)
    if (path[k].a && path[k].b) order.push_back(k);
  auto per = [&](size_t k) { return path[k].cost / (0.5 * (path[k].a + path[k].b)); };
  std::stable_sort(order.begin(), order.end(), [&](size_t p, size_t q) { return per(p) < per(q); });
  const auto percent = static_cast<size_t>(std::clamp(config.learn_bead_percent, 0, 100));
  order.resize(std::min<size_t>(order.size() * percent / 100, static_cast<size_t>(std::max(config.learn_max_beads, 0))));
  std::sort(order.begin(), order.end());

  const auto& ustr = model.unit_strings();
  const auto& ystr = model.y_strings();
  auto learnable_unit = [&](uint32_t s) {
    std::string_view v = ustr[s];
    return !(v.size() > 1 && v[1] == ':');  // not a number, concept or name
  };
  std::vector<uint32_t> cu(ustr.size(), 0), cv(ystr.size(), 0);
  std::vector<uint64_t> pairs;
  std::vector<uint32_t> us, vs;
  for (size_t k : order) {
    const PathBead& b = path[k];
    us.clear();
    vs.clear();
    for (uint32_t i = b.i0; i < b.i0 + b.a; ++i)
      for (const auto& u : model.x_units()[i])
        if (learnable_unit(u.string_id)) us.push_back(u.string_id);
    for (uint32_t j = b.j0; j < b.j0 + b.b; ++j)
      for (auto [id, w] : model.y_bags()[j])
        if (ystr[id][0] == 'w') vs.push_back(id);
    std::sort(us.begin(), us.end());
    us.erase(std::unique(us.begin(), us.end()), us.end());
    std::sort(vs.begin(), vs.end());
    vs.erase(std::unique(vs.begin(), vs.end()), vs.end());
    for (uint32_t u : us) ++cu[u];
    for (uint32_t v : vs) ++cv[v];
    for (uint32_t u : us)
      for (uint32_t v : vs) pairs.push_back(uint64_t{u} << 32 | v);
  }
  std::sort(pairs.begin(), pairs.end());
  struct Cand { uint32_t v; double dice; };
  std::vector<std::pair<uint32_t, uint32_t>> links;
  std::vector<Cand> cands;
  uint32_t current = UINT32_MAX;
  auto flush = [&] {
    std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) {
      return a.dice != b.dice ? a.dice > b.dice : a.v < b.v;
    });
    for (size_t k = 0; k < cands.size() && k < static_cast<size_t>(config.learn_max_links); ++k)
      links.push_back({current, cands[k].v});
    cands.clear();
  };
  for (size_t p = 0; p < pairs.size();) {
    size_t q = p;
    while (q < pairs.size() && pairs[q] == pairs[p]) ++q;
    const uint32_t u = static_cast<uint32_t>(pairs[p] >> 32), v = static_cast<uint32_t>(pairs[p]);
    const double count = double(q - p);
    if (u != current) { flush(); current = u; }
    const double dice = 2 * count / (cu[u] + cv[v]);
    if (count >= config.learn_min_count && dice >= config.learn_min_dice) cands.push_back({v, dice});
    p = q;
  }
  flush();
  return links;
}

namespace {

PairAlignment AlignPairOnce(const VersionFeatures& x, const VersionFeatures& y,
                            const Dictionary* dictionary, const AlignerConfig& config,
                            AlignTimings* timings) {
  PhaseClock clock(timings);
  PairModel model(x, y, dictionary, config);
  clock.Mark("pair model");
  const size_t width = static_cast<size_t>(std::max(config.band_width, 2));
  // The first pass only needs to be good enough to learn from when a
  // lexicon will be learned: one round, no re-centring.
  const bool learn = config.learn_lexicon && (dictionary == nullptr || config.learn_with_dictionary);
  std::vector<uint32_t> xs(model.n() + 1), ys(model.m() + 1);
  for (size_t i = 0; i <= model.n(); ++i) xs[i] = static_cast<uint32_t>(i);
  for (size_t j = 0; j <= model.m(); ++j) ys[j] = static_cast<uint32_t>(j);
  std::vector<double> corridor = CoarseCenter(model, model.x_cum(), model.y_cum(), xs, ys, config);
  clock.Mark("corridor");
  DpResult run = RunDp(model, config, std::move(corridor), width, learn ? 1 : config.max_band_rounds);
  clock.Mark("pass 1");
  PairAlignment out;
  MatchRates(model, run.beads, &out);
  clock.Mark("match rates");
  // Without a dictionary (and few numbers or names) there is nothing to
  // judge by before learning; then the learned lexicon has to do.
  const bool judge_after_learning =
      model.known_share() < config.unrelated_min_known_share || (dictionary != nullptr && dictionary->indirect());
  const auto fewest = static_cast<size_t>(std::max(config.learn_min_sentences, 0));
  if (learn && model.n() >= fewest && model.m() >= fewest) {
    auto links = LearnLexicon(model, run.beads, config);
    if (!links.empty()) {
      model.AddLexicon(links);
      if (config.local_ratio_window > 0)
        model.LocaliseRatio(run.beads, static_cast<size_t>(config.local_ratio_window), config.local_ratio_prior);
      model.LearnQuoteEnds(run.beads, config.quote_end_weight, static_cast<size_t>(std::max(config.quote_end_window, 0)),
                           static_cast<size_t>(std::max(config.quote_end_min_beads, 0)));
      model.LearnSplits(run.beads, config.split_weight, config.split_prior,
                        static_cast<size_t>(std::max(config.split_window, 0)));
      clock.Mark("learning");
      const size_t realign_width =
          std::max<size_t>(width * static_cast<size_t>(std::max(config.realign_band_percent, 1)) / 100,
                           static_cast<size_t>(std::max(config.realign_min_band, 1)));
      run = RunDp(model, config, PathCenter(run.beads, model.n()), realign_width, config.max_band_rounds);
      clock.Mark("pass 2");
    } else {
      clock.Mark("learning");
    }
  }
  if (judge_after_learning) {
    MatchRates(model, run.beads, &out);
    clock.Mark("match rates");
  }
  out.rates_after_learning = judge_after_learning;
  out.total_cost = run.total;
  out.lexical_coverage = model.lexical_coverage();

  std::vector<uint64_t> marks;
  auto cell = [&](uint32_t i, uint32_t j) {
    Cell c;
    model.ComputeRow(i, j, j + 1, &c, &marks);
    return c;
  };
  out.x_rendered.assign(model.n(), 0);
  out.y_rendered.assign(model.m(), 0);
  for (const PathBead& b : run.beads) {
    double sim = 0, score;
    if (b.a && b.b) {
      // Which sentence of a merged side the other side renders (SplitMerges).
      const bool merged = b.a > 1 || b.b > 1;
      sim = model.Similarity(b.i0, b.a, b.j0, b.b, cell, merged ? &out.x_rendered[b.i0] : nullptr,
                             merged ? &out.y_rendered[b.j0] : nullptr);
      // A bead's confidence: its cost per sentence, mapped to (0, 1].
      score = std::exp(-b.cost / (0.5 * (b.a + b.b)) / config.score_cost_scale);
    } else {
      score = SkipScore(config);
    }
    out.beads.push_back(b);
    out.sims.push_back(sim);
    out.scores.push_back(std::clamp(score, 0.0, 1.0));
  }
  clock.Mark("scores");
  // A lexicon learned from the path alone cannot tell a move from a
  // sentence that merely shares the document's frequent words: moves are
  // judged only where a dictionary gives evidence of its own.
  out.moves_searched = dictionary != nullptr && config.move_max_beads > 0;
  if (out.moves_searched) out.moves = FindPairMoves(model, run.beads, config);
  clock.Mark("moves");
  return out;
}

}  // namespace

PairAlignment AlignPair(const VersionFeatures& x, const VersionFeatures& y,
                        const Dictionary* dictionary, const AlignerConfig& config,
                        AlignTimings* timings) {
  PairAlignment first = AlignPairOnce(x, y, dictionary, config, timings);
  if (first.moves.empty()) return first;
  // The DP paired the moved sentences with whatever stood at their place
  // (or skipped them) and may have bent the path around them: align the
  // rest without them, then give each its own one-sided bead.
  std::vector<bool> x_moved(x.tokens.size()), y_moved(y.tokens.size());
  for (const PairMove& m : first.moves) x_moved[m.x] = y_moved[m.y] = true;
  std::vector<uint32_t> x_kept, y_kept;
  const VersionFeatures xs = WithoutSentences(x, x_moved, &x_kept);
  const VersionFeatures ys = WithoutSentences(y, y_moved, &y_kept);
  AlignerConfig again = config;
  again.move_max_beads = 0;
  PairAlignment rest = AlignPairOnce(xs, ys, dictionary, again, timings);
  PhaseClock clock(timings);
  PairAlignment out = std::move(rest);
  out.moves = std::move(first.moves);
  out.moves_searched = true;
  const double skip_score = SkipScore(config);
  // Back to the original indices, with each moved sentence's bead where its
  // version's order puts it.
  std::vector<PathBead> beads;
  std::vector<double> scores, sims;
  uint32_t next_x = 0, next_y = 0;
  auto flush_moved = [&](uint32_t x_until, uint32_t y_until) {
    for (; next_x < x_until; ++next_x) {
      beads.push_back({next_x, 1, next_y, 0, config.skip_cost});
      scores.push_back(skip_score);
      sims.push_back(0);
    }
    for (; next_y < y_until; ++next_y) {
      beads.push_back({next_x, 0, next_y, 1, config.skip_cost});
      scores.push_back(skip_score);
      sims.push_back(0);
    }
  };
  for (size_t k = 0; k < out.beads.size(); ++k) {
    const PathBead& b = out.beads[k];
    flush_moved(b.a ? x_kept[b.i0] : next_x, b.b ? y_kept[b.j0] : next_y);
    // A moved sentence between two kept ones of one bead stays inside it
    // (beads are ranges); its move still names it.
    const uint32_t x_end = b.a ? x_kept[b.i0 + b.a - 1] + 1 : next_x;
    const uint32_t y_end = b.b ? y_kept[b.j0 + b.b - 1] + 1 : next_y;
    beads.push_back({next_x, x_end - next_x, next_y, y_end - next_y, b.cost});
    scores.push_back(out.scores[k]);
    sims.push_back(out.sims[k]);
    next_x = x_end;
    next_y = y_end;
  }
  flush_moved(static_cast<uint32_t>(x.tokens.size()), static_cast<uint32_t>(y.tokens.size()));
  out.beads = std::move(beads);
  out.scores = std::move(scores);
  out.sims = std::move(sims);
  std::vector<float> x_rendered(x.tokens.size(), 0), y_rendered(y.tokens.size(), 0);
  for (size_t i = 0; i < x_kept.size(); ++i) x_rendered[x_kept[i]] = out.x_rendered[i];
  for (size_t j = 0; j < y_kept.size(); ++j) y_rendered[y_kept[j]] = out.y_rendered[j];
  out.x_rendered = std::move(x_rendered);
  out.y_rendered = std::move(y_rendered);
  clock.Mark("moves");
  return out;
}

}  // namespace align::internal
