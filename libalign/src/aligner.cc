#include "align/aligner.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "aligner_join.h"
#include "aligner_pair.h"
#include "aligner_timing.h"
#include "config_ranges.h"

namespace align {
namespace {

using internal::PairAlignment;
using internal::PathBead;
using internal::VersionFeatures;

// A pairwise alignment in the order the caller asked for (first ↔ second),
// whatever direction the dictionary made the model run in.
struct Oriented {
  std::vector<Bead> beads;  // sides {first, second}
  double mean_sim = 0;      // over beads with two sides
  double coverage = 0;
  double match_rate = 0;
  double chance_rate = 0;
  size_t beads_won = 0, beads_compared = 0;
  bool rates_after_learning = false;
  std::vector<internal::PairMove> moves;  // x: first's sentence, y: second's
  bool moves_searched = false;
  std::vector<float> first_rendered, second_rendered;  // PairAlignment::x_rendered, y_rendered
};

Oriented AlignOriented(const std::vector<VersionFeatures>& f, size_t p, size_t q,
                       const AlignResources& res, const AlignerConfig& config, AlignTimings* timings) {
  const Dictionary* forward = nullptr;
  const Dictionary* backward = nullptr;
  for (const auto& d : res.dictionaries) {
    if (!d) continue;
    if (!forward && d->source() == f[p].language && d->target() == f[q].language) forward = d.get();
    if (!backward && d->source() == f[q].language && d->target() == f[p].language) backward = d.get();
  }
  const bool swap = !forward && backward;
  PairAlignment pa = swap ? internal::AlignPair(f[q], f[p], backward, config, timings)
                          : internal::AlignPair(f[p], f[q], forward, config, timings);
  Oriented o;
  o.coverage = pa.lexical_coverage;
  o.match_rate = pa.match_rate;
  o.chance_rate = pa.chance_rate;
  o.beads_won = pa.beads_won;
  o.beads_compared = pa.beads_compared;
  o.rates_after_learning = pa.rates_after_learning;
  o.moves = std::move(pa.moves);
  o.moves_searched = pa.moves_searched;
  o.first_rendered = swap ? std::move(pa.y_rendered) : std::move(pa.x_rendered);
  o.second_rendered = swap ? std::move(pa.x_rendered) : std::move(pa.y_rendered);
  if (swap)
    for (internal::PairMove& m : o.moves) std::swap(m.x, m.y);
  double sims = 0;
  size_t two = 0;
  for (size_t k = 0; k < pa.beads.size(); ++k) {
    const PathBead& b = pa.beads[k];
    SentenceRange rx{b.i0, b.i0 + b.a}, ry{b.j0, b.j0 + b.b};
    Bead bead;
    bead.sides = swap ? std::vector<SentenceRange>{ry, rx} : std::vector<SentenceRange>{rx, ry};
    bead.score = pa.scores[k];
    o.beads.push_back(std::move(bead));
    if (b.a && b.b) { sims += pa.sims[k]; ++two; }
  }
  o.mean_sim = two ? sims / two : 0;
  return o;
}

// A ratio for a warning: in words when it is a whole number up to ten
// ("three times"), else in digits.
std::string RatioText(double ratio) {
  static constexpr const char* kWords[] = {"zero", "one", "two", "three", "four", "five",
                                           "six",  "seven", "eight", "nine", "ten"};
  if (ratio >= 0 && ratio <= 10 && ratio == std::floor(ratio)) return kWords[static_cast<int>(ratio)];
  return fmt::format("{:g}", ratio);
}

}  // namespace

void AlignTimings::Add(std::string_view phase, double seconds) {
  for (auto& [name, total] : phases)
    if (name == phase) {
      total += seconds;
      return;
    }
  phases.emplace_back(std::string(phase), seconds);
}

double AlignTimings::total() const {
  double sum = 0;
  for (const auto& [name, seconds] : phases) sum += seconds;
  return sum;
}

Aligner::Aligner(AlignerConfig config, AlignResources resources)
    : config_(std::move(config)), resources_(std::move(resources)) {}

StatusOr<Alignment> Aligner::Align(const std::vector<AlignInput>& versions, AlignTimings* timings) const {
  if (versions.size() < 2 || versions.size() > 3)
    return InvalidArgument(fmt::format("align needs 2 or 3 versions, got {}", versions.size()));
  ALIGN_RETURN_IF_ERROR(internal::CheckRanges(AlignerConfigFields(), config_, "aligner"));
  for (const AlignInput& v : versions)
    for (const Sentence& s : v.sentences)
      if (s.span.end > v.document.bytes().size() || s.span.begin > s.span.end)
        return InvalidArgument(fmt::format("{}: a sentence span lies outside the document",
                                           v.document.name()));
  internal::PhaseClock clock(timings);
  std::vector<VersionFeatures> f;
  for (const AlignInput& v : versions) f.push_back(internal::ExtractFeatures(v));
  clock.Mark("features");

  Alignment out;
  auto label = [&](size_t k) {
    return fmt::format("{} ({})", versions[k].document.name(), LanguageCode(versions[k].language));
  };
  for (size_t k = 0; k < versions.size(); ++k)
    if (versions[k].sentences.empty())
      out.warnings.push_back(fmt::format("{} has no sentences: everything else is unaligned", label(k)));
  for (size_t p = 0; p < versions.size(); ++p)
    for (size_t q = p + 1; q < versions.size(); ++q) {
      const double a = versions[p].sentences.size(), b = versions[q].sentences.size();
      if (a > 0 && b > 0 && std::max(a, b) > config_.count_ratio_warning * std::min(a, b))
        out.warnings.push_back(fmt::format(
            "{} has {} sentences and {} has {}: more than {} times as many, so much of the "
            "longer one has no counterpart", label(p), a, label(q), b, RatioText(config_.count_ratio_warning)));
    }

  std::vector<Oriented> pairs;
  std::vector<std::pair<size_t, size_t>> which;
  if (versions.size() == 2) {
    pairs.push_back(AlignOriented(f, 0, 1, resources_, config_, timings));
    which.push_back({0, 1});
    out.beads = pairs[0].beads;
    out.moves = internal::PlaceMoves(out.beads, 2, {{0, 1, pairs[0].moves}});
  } else {
    // The pivot is English when present (dictionaries and learned lexicons
    // go through it), otherwise the first version.
    size_t pivot = 0;
    for (size_t k = 0; k < 3; ++k)
      if (versions[k].language == Language::kEnglish) { pivot = k; break; }
    const size_t vx = pivot == 0 ? 1 : 0, vy = pivot == 2 ? 1 : 2;
    pairs.push_back(AlignOriented(f, pivot, vx, resources_, config_, timings));
    pairs.push_back(AlignOriented(f, pivot, vy, resources_, config_, timings));
    which.push_back({pivot, vx});
    which.push_back({pivot, vy});
    const Oriented xy = AlignOriented(f, vx, vy, resources_, config_, timings);
    clock = internal::PhaseClock(timings);  // the pairs charged their own time
    out.beads = internal::JoinByVotes(
        pairs[0].beads, pairs[1].beads, xy.beads, static_cast<uint32_t>(versions[pivot].sentences.size()),
        static_cast<uint32_t>(versions[vx].sentences.size()),
        static_cast<uint32_t>(versions[vy].sentences.size()), pivot, vx, vy, config_);
    out.beads = internal::SplitMerges(
        out.beads,
        {{{pivot, vx, &pairs[0].beads, &pairs[0].first_rendered, &pairs[0].second_rendered},
          {pivot, vy, &pairs[1].beads, &pairs[1].first_rendered, &pairs[1].second_rendered},
          {vx, vy, &xy.beads, &xy.first_rendered, &xy.second_rendered}}},
        {&f[0].length, &f[1].length, &f[2].length}, {&f[0].tokens, &f[1].tokens, &f[2].tokens});
    const std::vector<internal::VersionPairMoves> pair_moves = {
        {pivot, vx, pairs[0].moves, pairs[0].moves_searched},
        {pivot, vy, pairs[1].moves, pairs[1].moves_searched},
        {vx, vy, xy.moves, xy.moves_searched}};
    out.beads = internal::SeparateMoved(out.beads, 3, pair_moves, internal::SkipScore(config_));
    out.moves = internal::PlaceMoves(out.beads, 3, pair_moves);
    clock.Mark("join");
  }
  // Documents that are not translations of each other.
  for (size_t k = 0; k < pairs.size(); ++k) {
    const auto [p, q] = which[k];
    const auto fewest = static_cast<size_t>(std::max(config_.unrelated_min_sentences, 0));
    if (versions[p].sentences.size() < fewest || versions[q].sentences.size() < fewest) continue;
    // Translations match several times more evidence inside their beads
    // than the same beads moved elsewhere; unrelated texts about as much.
    const Oriented& o = pairs[k];
    // A lexicon learned from the alignment favours it even for unrelated
    // texts, so its verdict needs a clearer margin to be believed.
    const double factor = o.rates_after_learning ? config_.unrelated_margin_learned : config_.unrelated_margin;
    const auto margin_fewest = static_cast<size_t>(std::max(config_.unrelated_margin_min_sentences, 0));
    const bool judge_margin =
        versions[p].sentences.size() >= margin_fewest && versions[q].sentences.size() >= margin_fewest;
    // On a long text a count of beads says more than a sum (aligner.h),
    // also where a learned lexicon makes the sums say nothing.
    const size_t compared = o.beads_compared;
    if (compared >= static_cast<size_t>(std::max(config_.unrelated_win_min_beads, 1))) {
      const double won = static_cast<double>(o.beads_won) / static_cast<double>(compared);
      if (won >= config_.unrelated_min_win_share) continue;
      if (o.rates_after_learning) {
        out.warnings.push_back(fmt::format(
            "{} and {} look unrelated: of {} aligned sentences with matching words, names or numbers, "
            "{:.0f}% match more than sentences far apart; they may not be versions of the same document",
            label(p), label(q), compared, 100 * won));
        continue;
      }
    }
    if (o.match_rate < config_.unrelated_min_match_rate || (judge_margin && o.match_rate < factor * o.chance_rate))
      out.warnings.push_back(fmt::format(
          "{} and {} look unrelated: the aligned sentences match {:.0f}% of their words, names and "
          "numbers, sentences far apart {:.0f}%; they may not be versions of the same document",
          label(p), label(q), 100 * o.match_rate, 100 * o.chance_rate));
  }
  return out;
}

}  // namespace align
