// omission / addition: beads where some versions have sentences and others
// none (1-0, 0-1, and 3-way beads with an empty side).
//
// Only content counts: a side whose every sentence is a dateline (ends in
// "--", "—" or a colon-less agency line such as 新华社北京11月27日电, of at
// most CheckConfig::dateline_max_bytes), a line of punctuation or digits, or
// has fewer than CheckConfig::min_content_letters letters (a Han character
// counts as han_letter_weight) gives no finding: versions differ in such
// furniture without anything being lost. The thresholds of the length rules
// below are CheckConfig's merged_* and absorbed_* fields.
// Which is which (docs/reports.md: lang is the version that lacks the content for
// an omission and the version that has the extra sentence for an addition):
//   - with a source: a translation with an empty side where the source has
//     content omits it; a translation with content where the source has
//     none adds it;
//   - without a source, three versions: two have it → the third omits it;
//     one alone has it → that one adds it;
//   - without a source, two versions: an omission of the version that
//     lacks the sentence (nothing tells an omission from an addition).
// A sentence the aligner joined to a neighbour instead is found by the
// length model of MergedBeads (with two versions only when length and anchors
// agree); an empty side whose
// content the neighbouring sentence renders (AbsorbedByNeighbour) is not an
// omission; nor is one whose content a nearby bead of that version renders
// better than the content it is paired with there (RenderedNearby).
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "check_internal.h"
#include "numbers.h"
#include "script.h"
#include "utf8.h"

namespace align::internal {

size_t Letters(std::string_view text, size_t han_weight) {
  size_t letters = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t c = DecodeUtf8(text, i);
    if (IsHan(c)) {
      letters += han_weight;
    } else if (IsLetter(c)) {
      ++letters;
    }
  }
  return letters;
}

double RenderedShare(const CheckContext& ctx, size_t bead, size_t from, size_t to) {
  const auto units = ctx.glossary->Units(ctx.SideText(bead, from), ctx.language(from), ctx.language(to));
  if (units.size() < ctx.config.clause_min_units) return -1;
  return RenderedShare(units, ctx.glossary->Meanings(ctx.SideText(bead, to), ctx.language(to)));
}

namespace {

// Whether the dictionaries render at least |share| of |from|'s words (at
// least clause_min_units of them) in |to| in |bead|.
bool RenderedIn(const CheckContext& ctx, size_t bead, size_t from, size_t to, double share) {
  const double rendered = RenderedShare(ctx, bead, from, to);
  return rendered >= 0 && rendered >= share;
}

// Beads read for the faithful ratio: at most this many, spread over the
// document. Reading a bead through the dictionaries costs as much as the
// clause pass does; a long document's ratio needs no more (a few omitted
// sentences hardly move it).
constexpr size_t kFaithfulSample = 128;

// Version v's length relative to version 0's over the beads (of a sample)
// that the dictionaries find rendered whole both ways, or 0 when they hold
// less than faithful_min_share of version 0's letters in the sample.
double FaithfulScale(const CheckContext& ctx, size_t v, const std::vector<std::vector<double>>& letters) {
  if (!ctx.glossary || !ctx.glossary->Compares(ctx.language(0), ctx.language(v))) return 0;
  const size_t beads = ctx.beads().size();
  const size_t stride = (beads + kFaithfulSample - 1) / kFaithfulSample;
  double first = 0, other = 0, sampled = 0;
  for (size_t b = 0; b < beads; b += std::max<size_t>(stride, 1)) {
    sampled += letters[0][b];
    if (ctx.side(b, 0).empty() || ctx.side(b, v).empty()) continue;
    if (!RenderedIn(ctx, b, 0, v, ctx.config.faithful_coverage) ||
        !RenderedIn(ctx, b, v, 0, ctx.config.faithful_coverage)) {
      continue;
    }
    first += letters[0][b];
    other += letters[v][b];
  }
  if (first <= 0 || other <= 0 || first < ctx.config.faithful_min_share * sampled) return 0;
  return other / first;
}

}  // namespace

const std::vector<double>& CheckContext::length_scales() const {
  if (!length_scales_) length_scales_ = LengthScales(*this);
  return *length_scales_;
}

std::vector<double> LengthScales(const CheckContext& ctx) {
  const size_t n = ctx.versions();
  std::vector<double> totals(n, 0), scale(n, 1.0);
  std::vector<std::vector<double>> letters(n, std::vector<double>(ctx.beads().size(), 0));  // [v][bead]
  for (size_t v = 0; v < n; ++v) {
    const AlignInput& input = ctx.aligned.versions[v];
    for (size_t b = 0; b < ctx.beads().size(); ++b) {
      for (uint32_t s = ctx.side(b, v).begin; s < ctx.side(b, v).end; ++s) {
        letters[v][b] += static_cast<double>(Letters(input.document.Slice(input.sentences[s].span),
                                                     ctx.config.han_letter_weight)) + 1;
      }
      totals[v] += letters[v][b];
    }
  }
  for (size_t v = 1; v < n; ++v) {
    if (totals[0] > 0 && totals[v] > 0) scale[v] = totals[v] / totals[0];
    // The faithful beads are a small sample of the document: trusted only
    // when the whole document's ratio is off by more than a sample's noise.
    const double faithful = FaithfulScale(ctx, v, letters);
    if (faithful > 0 && std::fabs(std::log(faithful / scale[v])) > std::log(ctx.config.faithful_max_drift)) {
      scale[v] = faithful;
    }
  }
  return scale;
}

namespace {

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool IsContent(const CheckContext& ctx, size_t bead, size_t v) {
  const AlignInput& input = ctx.aligned.versions[v];
  for (uint32_t s = ctx.side(bead, v).begin; s < ctx.side(bead, v).end; ++s) {
    std::string_view text = input.document.Slice(input.sentences[s].span);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
    bool dateline = EndsWith(text, "--") || EndsWith(text, "—") || EndsWith(text, "–") ||
                    (EndsWith(text, "电") && text.size() <= ctx.config.dateline_max_bytes);
    if (!dateline && Letters(text, ctx.config.han_letter_weight) >= ctx.config.min_content_letters) return true;
  }
  return false;
}

void Report(const CheckContext& ctx, size_t bead, FindingType type, size_t v, size_t evidence_version,
            std::vector<Finding>* out) {
  Finding f;
  f.type = type;
  f.severity = DefaultSeverity(type);
  f.version = v;
  f.bead = bead;
  f.places = ctx.Places(bead, ctx.Place(bead, v));
  if (type == FindingType::kAddition) {
    for (FindingPlace& p : f.places) {
      if (p.version != v) continue;
      for (uint32_t s : p.sentences) p.spans.push_back(ctx.aligned.versions[v].sentences[s].span);
    }
  }
  f.evidence = ctx.SideText(bead, evidence_version);
  const std::string& tag = ctx.aligned.language_tags[v];
  const size_t count = ctx.side(bead, evidence_version).size();
  const std::string& other = ctx.aligned.language_tags[evidence_version];
  if (type == FindingType::kOmission) {
    if (count == 1) SetMessage(&f, "{} has no counterpart of a sentence of the {} version", {tag, other});
    else SetMessage(&f, "{} has no counterpart of {} sentences of the {} version", {tag, std::to_string(count), other});
  } else {
    if (count == 1) SetMessage(&f, "{} has a sentence that the other versions do not have", {tag});
    else SetMessage(&f, "{} has {} sentences that the other versions do not have", {tag, std::to_string(count)});
  }
  out->push_back(std::move(f));
}

// Letters and digits of a sentence (Han counted twice, as above): its length
// for the length model.
double Length(const CheckContext& ctx, size_t v, uint32_t s) {
  const AlignInput& input = ctx.aligned.versions[v];
  std::string_view text = input.document.Slice(input.sentences[s].span);
  return static_cast<double>(Letters(text, ctx.config.han_letter_weight)) + 1;
}

bool SentenceIsContent(const CheckContext& ctx, size_t v, uint32_t s) {
  const AlignInput& input = ctx.aligned.versions[v];
  return Letters(input.document.Slice(input.sentences[s].span), ctx.config.han_letter_weight) >=
         ctx.config.min_content_letters;
}

// What ties a sentence to its translation whatever the language: its
// numbers (small number words aside: they double as determiners) and the
// concepts of its term hits.
struct Anchors {
  std::vector<NumberMention> numbers;
  std::vector<uint32_t> concepts;
  // The same, indexed (for a whole side, see Union): looked up in
  // O(log n), not scanned sentence by sentence.
  NumberSet number_set;
  std::set<uint32_t> concept_set;
  void Index() {
    number_set = NumberSet(numbers);
    concept_set = std::set<uint32_t>(concepts.begin(), concepts.end());
  }
};

// The anchors of each sentence of bead |b| in version |v|.
std::vector<Anchors> SideAnchors(const CheckContext& ctx, size_t b, size_t v) {
  const SentenceRange& side = ctx.side(b, v);
  std::vector<Anchors> out(side.size());
  for (uint32_t s = side.begin; s < side.end; ++s) {
    for (const NumberMention& n : ctx.numbers[v][s])
      if (!n.soft) out[s - side.begin].numbers.push_back(n);
  }
  for (size_t i : ctx.HitsIn(b, v)) {
    const TermHit& h = ctx.hits[v][i];
    out[h.sentence - side.begin].concepts.push_back(h.concept_index);
  }
  return out;
}

// The anchors of a whole side, indexed.
Anchors Union(const std::vector<Anchors>& side) {
  Anchors all;
  for (const Anchors& a : side) {
    all.numbers.insert(all.numbers.end(), a.numbers.begin(), a.numbers.end());
    all.concepts.insert(all.concepts.end(), a.concepts.begin(), a.concepts.end());
  }
  all.Index();
  return all;
}

// Whether |a| shares a number or a concept with |side| (its Union).
bool Shares(const Anchors& a, const Anchors& side) {
  for (const NumberMention& n : a.numbers)
    if (side.number_set.Contains(n)) return true;
  for (uint32_t c : a.concepts)
    if (side.concept_set.count(c)) return true;
  return false;
}

// Where each anchor of a side occurs: the first and the last sentence with
// it, so that "does another sentence have it" is one look-up however many
// sentences the side has.
struct AnchorRange {
  NumberSet first_number, last_number;  // index: the sentence (Find gives the first added)
  std::map<uint32_t, std::pair<size_t, size_t>> concepts;
};

AnchorRange RangesOf(const std::vector<Anchors>& side) {
  AnchorRange r;
  for (size_t j = 0; j < side.size(); ++j) {
    for (const NumberMention& n : side[j].numbers) r.first_number.Add(n, j);
    for (uint32_t c : side[j].concepts) {
      auto [it, fresh] = r.concepts.try_emplace(c, j, j);
      it->second.second = j;
    }
  }
  // Find returns the lowest index among equal values: index the sentences
  // from the end so that it is the last one.
  for (size_t j = side.size(); j-- > 0;) {
    for (const NumberMention& n : side[j].numbers) r.last_number.Add(n, side.size() - 1 - j);
  }
  return r;
}

// The anchors of sentence |i| of a side that no other sentence of it has.
Anchors UniqueTo(const std::vector<Anchors>& side, const AnchorRange& ranges, size_t i) {
  const size_t last = side.size() - 1;
  Anchors out;
  for (const NumberMention& n : side[i].numbers) {
    if (ranges.first_number.Find(n) == i && last - ranges.last_number.Find(n) == i) out.numbers.push_back(n);
  }
  for (uint32_t c : side[i].concepts) {
    const auto& [first, final] = ranges.concepts.at(c);
    if (first == i && final == i) out.concepts.push_back(c);
  }
  return out;
}

// A version one sentence short in bead b and one sentence long in a
// neighbouring bead has that sentence there: the aligner put a boundary in
// the wrong place (two short sentences one way, one long the other), and
// nothing is missing.
bool BoundaryShifted(const CheckContext& ctx, size_t b, const std::vector<size_t>& longer,
                     const std::vector<size_t>& shorter) {
  for (size_t n : {b - 1, b + 1}) {
    if (n >= ctx.beads().size()) continue;  // b - 1 wraps around when b == 0
    bool shifted = true;
    for (size_t sh : shorter)
      for (size_t l : longer) shifted = shifted && ctx.side(n, sh).size() == ctx.side(n, l).size() + 1;
    if (shifted) return true;
  }
  return false;
}

// The aligner may join a sentence without counterpart to a neighbour (a 2-1
// bead) rather than leave a side empty. With three versions, a bead where two
// versions have k sentences and the third k-1 (or one has k and two k-1) is
// looked at with the length model and the anchors (numbers, concepts). The
// versions' lengths, scaled by their document-wide ratio, must disagree as
// they stand, and the sentences taken out must be of like length across the
// longer sides (each other's counterparts) and have no anchor in the shorter
// sides. Then one position of the longer sides is the omitted (or added)
// sentence when either
//   - taking it out makes the lengths agree: they disagree by more than 1.3
//     times as they stand and agree within 25% without it; or
//   - length says something is missing (more than 1.4 times) and anchors
//     say what: every other position shares a number or a concept with the
//     shorter sides, this one none, and taking it out brings lengths closer.
// (1.3, 25%, 1.4 and the 1.6 of like length: CheckConfig's merged_*
// defaults.)
void MergedBeads(const CheckContext& ctx, const std::vector<double>& scale, std::vector<Finding>* out) {
  const size_t n = ctx.versions();
  if (n != 2 && n != 3) return;
  const bool pair = n == 2;
  const int source = ctx.source();
  const CheckConfig& config = ctx.config;
  const double length_gap = pair ? config.pair_merged_length_gap : config.merged_length_gap;
  for (size_t b = 0; b < ctx.beads().size(); ++b) {
    std::vector<size_t> sizes(n);
    for (size_t v = 0; v < n; ++v) sizes[v] = ctx.side(b, v).size();
    const size_t k = *std::max_element(sizes.begin(), sizes.end());
    if (k < 2 || *std::min_element(sizes.begin(), sizes.end()) != k - 1) continue;
    std::vector<size_t> longer, shorter;
    for (size_t v = 0; v < n; ++v) (sizes[v] == k ? longer : shorter).push_back(v);
    if (BoundaryShifted(ctx, b, longer, shorter)) continue;
    // Lengths are whole numbers (letters + 1), so a side's sum less one
    // sentence is exact: each position is tried in O(1), not O(k).
    std::array<std::vector<double>, 3> sentence_lengths;
    std::array<double, 3> sums{};
    for (size_t v = 0; v < n; ++v) {
      for (uint32_t s = ctx.side(b, v).begin; s < ctx.side(b, v).end; ++s) {
        sentence_lengths[v].push_back(Length(ctx, v, s));
        sums[v] += sentence_lengths[v].back();
      }
    }
    auto side_length = [&](size_t v, int skip) {
      return (skip >= 0 ? sums[v] - sentence_lengths[v][skip] : sums[v]) / scale[v];
    };
    auto disagreement = [&](int skip) {  // largest |log ratio| between a longer and a shorter side
      double worst = 0;
      for (size_t l : longer) {
        for (size_t sh : shorter) worst = std::max(worst, std::fabs(std::log(side_length(sh, -1) / side_length(l, skip))));
      }
      return worst;
    };
    const double as_they_stand = disagreement(-1);
    if (as_they_stand < std::log(1 + length_gap)) continue;
    // anchored[i]: position i of some longer side shares an anchor with
    // every shorter side that no other position of that side has.
    std::vector<Anchors> short_anchors;
    for (size_t sh : shorter) short_anchors.push_back(Union(SideAnchors(ctx, b, sh)));
    std::vector<bool> anchored(k, false);
    for (size_t l : longer) {
      const std::vector<Anchors> own = SideAnchors(ctx, b, l);
      const AnchorRange ranges = RangesOf(own);
      for (size_t i = 0; i < k; ++i) {
        const Anchors unique = UniqueTo(own, ranges, i);
        if (unique.numbers.empty() && unique.concepts.empty()) continue;
        bool in_all = true;
        for (const auto& side : short_anchors) in_all = in_all && Shares(unique, side);
        if (in_all) anchored[i] = true;
      }
    }
    int best = -1;
    double best_value = 1e9;
    for (int i = 0; i < static_cast<int>(k); ++i) {
      if (anchored[i]) continue;
      double d = disagreement(i);
      if (d < best_value) best_value = d, best = i;
    }
    if (best < 0) continue;
    const bool by_length = best_value <= std::log(1 + config.merged_agree_gap);
    const bool by_anchors = as_they_stand > std::log(1 + config.merged_anchor_gap) && best_value < as_they_stand &&
                            std::count(anchored.begin(), anchored.end(), true) == static_cast<long>(k) - 1;
    // Two versions have no third to confirm which sentence is extra: length
    // and anchors must both say so.
    if (pair ? !(by_length && by_anchors) : !by_length && !by_anchors) continue;
    // The sentences taken out: content, and of like length across the longer sides.
    bool content = true;
    std::vector<double> lengths;
    for (size_t l : longer) {
      const uint32_t s = ctx.side(b, l).begin + best;
      content = content && SentenceIsContent(ctx, l, s);
      lengths.push_back(Length(ctx, l, s) / scale[l]);
    }
    if (!content) continue;
    if (lengths.size() == 2 && std::fabs(std::log(lengths[0] / lengths[1])) > std::log(1 + config.merged_sentence_gap)) {
      continue;
    }
    const bool omission = pair || longer.size() == 2
                              ? source < 0 || std::count(longer.begin(), longer.end(), source)
                              : source >= 0 && std::count(shorter.begin(), shorter.end(), source) == 0;
    const std::vector<size_t>& at_fault = omission ? shorter : longer;
    size_t reference = longer.front();
    if (source >= 0 && std::count(longer.begin(), longer.end(), static_cast<size_t>(source))) reference = source;
    for (size_t v : at_fault) {
      if (source >= 0 && static_cast<int>(v) == source) continue;
      Finding f;
      f.type = omission ? FindingType::kOmission : FindingType::kAddition;
      f.severity = DefaultSeverity(f.type);
      f.version = v;
      f.bead = b;
      f.places = ctx.Places(b, ctx.Place(b, v));
      for (FindingPlace& p : f.places) {
        if (std::count(longer.begin(), longer.end(), p.version)) {
          p.spans = {ctx.aligned.versions[p.version].sentences[ctx.side(b, p.version).begin + best].span};
        }
      }
      const size_t evidence_version = omission ? reference : v;
      f.evidence = ctx.Text(evidence_version,
                            ctx.aligned.versions[evidence_version].sentences[ctx.side(b, evidence_version).begin + best].span);
      const std::string& tag = ctx.aligned.language_tags[v];
      if (omission) {
        SetMessage(&f,
                   "{} has no counterpart of a sentence of the {} version (its side of the bead is too short by "
                   "about that sentence)",
                   {tag, ctx.aligned.language_tags[evidence_version]});
      } else {
        SetMessage(&f,
                   "{} has a sentence that the other versions do not have (their sides of the bead are too short "
                   "by about that sentence)",
                   {tag});
      }
      out->push_back(std::move(f));
    }
  }
}

// The aligner may leave a side empty although that version renders the
// sentence inside its neighbouring sentence (a translation that merges two;
// the 3-way aligner splits such a bead where the other two versions have a
// boundary). The length model tells: the neighbouring bead's sides disagree
// by more than 1.2 times as they stand, and agree within 25%, and better,
// once this bead is added to it (CheckConfig's absorbed_* defaults), and the
// dictionaries do not show that the neighbour lacks it (NeighbourLacksIt:
// lengths alone took sentences that short Chinese neighbours do not render
// for merges). Then nothing is missing. So too when the
// empty version has one sentence more than the others in the neighbouring
// bead: the boundary is misplaced, the sentence is there.
// Whether the dictionaries show that neighbour |n| of bead |b| does not
// hold b's content in an empty version: the empty version's side of n
// renders some filled version's own words of b (those that n's side in
// that version does not say too; at least clause_min_units of them) less
// than a quarter as often as it renders n's own words in that version
// (kNeighbourLacksShare). Where the dictionaries cannot compare the
// two, nothing is shown.
constexpr double kNeighbourLacksShare = 0.25;

bool NeighbourLacksIt(const CheckContext& ctx, size_t b, size_t n, const std::vector<size_t>& empty,
                      const std::vector<size_t>& filled) {
  if (!ctx.glossary) return false;
  for (size_t e : empty)
    for (size_t f : filled) {
      if (!ctx.glossary->Compares(ctx.language(f), ctx.language(e))) continue;
      const auto meanings = ctx.glossary->Meanings(ctx.SideText(n, e), ctx.language(e));
      // b's own words: those that n's side in f does not say too (a name,
      // the story's words, repeated from the neighbour, are rendered there
      // whether or not b is).
      const auto neighbour = ctx.glossary->Meanings(ctx.SideText(n, f), ctx.language(f));
      auto rendered = [&](size_t bead, size_t* units) {
        size_t count = 0, counted = 0;
        for (const auto& unit : ctx.glossary->Units(ctx.SideText(bead, f), ctx.language(f), ctx.language(e))) {
          if (bead != n && UnitRendered(unit, neighbour)) continue;
          count += UnitRendered(unit, meanings);
          ++counted;
        }
        *units = counted;
        return count;
      };
      size_t units_here = 0, units_there = 0;
      const size_t here = rendered(b, &units_here), there = rendered(n, &units_there);
      // Shares of the words rendered: b's far below n's own (a stray gloss
      // or two of a sentence that is not there).
      if (units_here >= ctx.config.clause_min_units && there > 0 &&
          static_cast<double>(here) * static_cast<double>(units_there) <
              kNeighbourLacksShare * static_cast<double>(there) * static_cast<double>(units_here))
        return true;
    }
  return false;
}

bool AbsorbedByNeighbour(const CheckContext& ctx, const std::vector<double>& scale, size_t b,
                         const std::vector<size_t>& empty, const std::vector<size_t>& filled) {
  auto length = [&](size_t bead, size_t v) {
    double sum = 0;
    for (uint32_t s = ctx.side(bead, v).begin; s < ctx.side(bead, v).end; ++s) sum += Length(ctx, v, s);
    return sum / scale[v];
  };
  for (size_t n : {b - 1, b + 1}) {
    if (n >= ctx.beads().size()) continue;  // b - 1 wraps around when b == 0
    double alone = 0, joined = 0;
    bool usable = true;
    for (size_t e : empty) {
      if (ctx.side(n, e).empty()) usable = false;
      for (size_t f : filled) {
        if (ctx.side(n, f).empty()) usable = false;
        if (!usable) break;
        alone = std::max(alone, std::fabs(std::log(length(n, e) / length(n, f))));
        joined = std::max(joined, std::fabs(std::log(length(n, e) / (length(n, f) + length(b, f)))));
      }
    }
    if (usable && alone > std::log(1 + ctx.config.absorbed_length_gap) &&
        joined < std::log(1 + ctx.config.absorbed_agree_gap) && joined < alone &&
        !NeighbourLacksIt(ctx, b, n, empty, filled)) {
      return true;
    }
  }
  return BoundaryShifted(ctx, b, filled, empty);
}

// Whether a bead at most misplaced_max_beads from |b| holds |filled|'s
// sentence of |b| in version |empty|: its side there renders at least
// misplaced_min_rendered of that sentence's dictionary words, and
// misplaced_margin more of them than of its own bead's. The aligner paired
// that side with other content (an agency's lede, a sentence the version
// gives elsewhere): the sentence is misplaced, not missing.
bool RenderedNearby(const CheckContext& ctx, size_t b, size_t empty, size_t filled) {
  const CheckConfig& config = ctx.config;
  if (!ctx.glossary || !ctx.glossary->Compares(ctx.language(filled), ctx.language(empty))) return false;
  const auto units = ctx.glossary->Units(ctx.SideText(b, filled), ctx.language(filled), ctx.language(empty));
  if (units.size() < config.clause_min_units) return false;
  const size_t first = b - std::min(b, config.misplaced_max_beads);
  const size_t last = std::min(b + config.misplaced_max_beads + 1, ctx.beads().size());
  for (size_t n = first; n < last; ++n) {
    if (n == b || ctx.side(n, empty).empty()) continue;
    const double here = RenderedShare(units, ctx.glossary->Meanings(ctx.SideText(n, empty), ctx.language(empty)));
    if (here >= config.misplaced_min_rendered &&
        here >= std::max(RenderedShare(ctx, n, filled, empty), 0.0) + config.misplaced_margin)
      return true;
  }
  return false;
}

}  // namespace

void CheckOmissions(const CheckContext& ctx, std::vector<Finding>* out) {
  const int source = ctx.source();
  const std::vector<double>& scale = ctx.length_scales();
  MergedBeads(ctx, scale, out);
  for (size_t b = 0; b < ctx.beads().size(); ++b) {
    std::vector<size_t> filled, empty;
    for (size_t v = 0; v < ctx.versions(); ++v) (ctx.side(b, v).empty() ? empty : filled).push_back(v);
    if (empty.empty() || filled.empty()) continue;
    bool content = false;
    for (size_t v : filled) content = content || IsContent(ctx, b, v);
    if (!content) continue;
    if (AbsorbedByNeighbour(ctx, scale, b, empty, filled)) continue;
    if (source >= 0) {
      if (ctx.side(b, source).empty()) {
        for (size_t v : filled) Report(ctx, b, FindingType::kAddition, v, v, out);
      } else {
        for (size_t v : empty) {
          if (!RenderedNearby(ctx, b, v, source)) Report(ctx, b, FindingType::kOmission, v, source, out);
        }
      }
    } else if (ctx.versions() == 3 && filled.size() == 1) {
      Report(ctx, b, FindingType::kAddition, filled[0], filled[0], out);
    } else {
      for (size_t v : empty) {
        if (!RenderedNearby(ctx, b, v, filled[0])) Report(ctx, b, FindingType::kOmission, v, filled[0], out);
      }
    }
  }
  FindMoves(ctx, out);
}

}  // namespace align::internal
