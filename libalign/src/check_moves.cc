// Moved sentences: one `moved` finding instead of an omission here and an
// addition (or a second omission) there.
//
// Real versions move sentences. The aligner is monotone, so a moved
// sentence leaves a bead where some versions have it and the others not,
// and a bead nearby (at most CheckConfig::moved_max_beads away) where
// versions that lacked it have a sentence and those that had it have none
// (with three versions the third may have neither: it holds the sentence
// inside another bead's, as real versions that merge do, or lacks it, which
// the move does not report: precision first). When the two one-sided
// contents say the same thing, the sentence moved. "The same thing" is
// decided as for omitted
// clauses (coverage.h): through the dictionaries, each side renders at least
// moved_min_rendered of the other's dictionary words (moved_min_units words
// at least on each); or without a dictionary for the pair, through anchors:
// at least two numbers or concepts in common, and no more than as many again
// that only one of them has. The aligner's own moves (Alignment::moves)
// come first and need no second opinion; then the closest pairs; a bead is
// part of one move at most.
#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "check_internal.h"
#include "numbers.h"

namespace align::internal {
namespace {

// A bead where some versions have content and the others none.
struct OneSided {
  size_t bead;
  std::vector<bool> has;  // per version
};

// Numbers (small number words aside) and concepts of version v in |bead|.
struct BeadAnchors {
  std::vector<NumberMention> numbers;
  std::set<uint32_t> concepts;
};

BeadAnchors AnchorsOf(const CheckContext& ctx, size_t bead, size_t v) {
  BeadAnchors a;
  for (uint32_t s = ctx.side(bead, v).begin; s < ctx.side(bead, v).end; ++s)
    for (const NumberMention& n : ctx.numbers[v][s])
      if (!n.soft) a.numbers.push_back(n);
  for (size_t i : ctx.HitsIn(bead, v)) a.concepts.insert(ctx.hits[v][i].concept_index);
  return a;
}

bool SameByAnchors(const BeadAnchors& x, const BeadAnchors& y) {
  const NumberSet ys(y.numbers), xs(x.numbers);
  size_t shared = 0, alone = 0;
  for (const NumberMention& n : x.numbers) (ys.Contains(n) ? shared : alone) += 1;
  for (const NumberMention& n : y.numbers) alone += !xs.Contains(n);
  for (uint32_t c : x.concepts) (y.concepts.count(c) ? shared : alone) += 1;
  for (uint32_t c : y.concepts) alone += !x.concepts.count(c);
  return shared >= 2 && alone <= shared;
}

// Whether the content of |x| (versions that have it) and of |y| say the same.
bool SameContent(const CheckContext& ctx, const OneSided& x, const OneSided& y) {
  const Glossary* g = ctx.glossary;
  for (size_t a = 0; a < ctx.versions(); ++a) {
    if (!x.has[a]) continue;
    for (size_t b = 0; b < ctx.versions(); ++b) {
      if (!y.has[b]) continue;
      const Language la = ctx.language(a), lb = ctx.language(b);
      if (g && g->Compares(la, lb)) {
        const std::string ta = ctx.SideText(x.bead, a), tb = ctx.SideText(y.bead, b);
        const auto ua = g->Units(ta, la, lb), ub = g->Units(tb, lb, la);
        if (ua.size() < ctx.config.moved_min_units || ub.size() < ctx.config.moved_min_units) continue;
        return RenderedShare(ua, g->Meanings(tb, lb)) >= ctx.config.moved_min_rendered &&
               RenderedShare(ub, g->Meanings(ta, la)) >= ctx.config.moved_min_rendered;
      }
      if (SameByAnchors(AnchorsOf(ctx, x.bead, a), AnchorsOf(ctx, y.bead, b))) return true;
    }
  }
  return false;
}

Finding Report(const CheckContext& ctx, const OneSided& first, const OneSided& second) {
  // The version reported is the one alone in its bead: with three versions
  // the one the other two agree against, with two the one whose sentence
  // comes first.
  size_t at_fault = 0;
  size_t alone_first = 0;
  for (size_t v = 0; v < ctx.versions(); ++v) alone_first += first.has[v];
  for (size_t v = 0; v < ctx.versions(); ++v) {
    const bool alone_here = alone_first == 1 ? first.has[v] : second.has[v];
    if (alone_here) at_fault = v;
  }
  const OneSided& own = first.has[at_fault] ? first : second;
  const OneSided& others = first.has[at_fault] ? second : first;
  Finding f;
  f.type = FindingType::kMoved;
  f.severity = DefaultSeverity(f.type);
  f.version = at_fault;
  f.bead = own.bead;
  size_t other_version = at_fault;
  for (size_t v = 0; v < ctx.versions(); ++v)
    if (v != at_fault && others.has[v] && other_version == at_fault) other_version = v;
  // Places stay inside the finding's bead (every finding's do); the other
  // bead is named in the message.
  FindingPlace own_place = ctx.Place(own.bead, at_fault);
  for (uint32_t s : own_place.sentences) own_place.spans.push_back(ctx.aligned.versions[at_fault].sentences[s].span);
  f.places = ctx.Places(own.bead, std::move(own_place));
  f.evidence = ctx.SideText(own.bead, at_fault);
  SetMessage(&f, "{} has this sentence in bead {}, the {} version in bead {}: it moved (nothing is missing)",
             {ctx.aligned.language_tags[at_fault], std::to_string(own.bead), ctx.aligned.language_tags[other_version],
              std::to_string(others.bead)});
  return f;
}

}  // namespace

void FindMoves(const CheckContext& ctx, std::vector<Finding>* findings) {
  const size_t window = ctx.config.moved_max_beads;
  if (window == 0) return;
  const size_t n = ctx.versions();
  std::vector<OneSided> sided;
  for (size_t b = 0; b < ctx.beads().size(); ++b) {
    OneSided o{b, std::vector<bool>(n)};
    size_t count = 0;
    for (size_t v = 0; v < n; ++v) count += o.has[v] = !ctx.side(b, v).empty();
    if (count > 0 && count < n) sided.push_back(std::move(o));
  }
  // Candidate pairs: the aligner's moves first (it compared the sentences
  // across the whole document with its lexicon), then complementary beads
  // within the window, closest first.
  std::vector<std::pair<size_t, size_t>> pairs;
  std::map<size_t, size_t> sided_at;
  for (size_t i = 0; i < sided.size(); ++i) sided_at[sided[i].bead] = i;
  // No version has content in both beads. With three versions the third
  // may have neither: it renders the sentence inside a neighbour (a merged
  // bead) or not at all; the other two still give it at different places.
  auto complementary = [&](size_t i, size_t j) {
    for (size_t v = 0; v < n; ++v)
      if (sided[i].has[v] && sided[j].has[v]) return false;
    return true;
  };
  for (const Move& m : ctx.aligned.alignment.moves) {
    auto i = sided_at.find(m.first_bead), j = sided_at.find(m.second_bead);
    if (i != sided_at.end() && j != sided_at.end() && complementary(i->second, j->second))
      pairs.push_back({i->second, j->second});
  }
  const size_t from_aligner = pairs.size();
  for (size_t i = 0; i < sided.size(); ++i)
    for (size_t j = i + 1; j < sided.size() && sided[j].bead - sided[i].bead <= window; ++j)
      if (complementary(i, j)) pairs.push_back({i, j});
  std::stable_sort(pairs.begin() + static_cast<std::ptrdiff_t>(from_aligner), pairs.end(), [&](const auto& p, const auto& q) {
    return sided[p.second].bead - sided[p.first].bead < sided[q.second].bead - sided[q.first].bead;
  });
  std::vector<bool> used(sided.size(), false);
  std::set<size_t> moved_beads;
  std::vector<Finding> moves;
  for (size_t k = 0; k < pairs.size(); ++k) {
    const auto [i, j] = pairs[k];
    if (used[i] || used[j] || (k >= from_aligner && !SameContent(ctx, sided[i], sided[j]))) continue;
    used[i] = used[j] = true;
    moved_beads.insert(sided[i].bead);
    moved_beads.insert(sided[j].bead);
    moves.push_back(Report(ctx, sided[i], sided[j]));
  }
  if (moves.empty()) return;
  std::erase_if(*findings, [&](const Finding& f) {
    return (f.type == FindingType::kOmission || f.type == FindingType::kAddition) && moved_beads.count(f.bead);
  });
  for (Finding& f : moves) findings->push_back(std::move(f));
}

}  // namespace align::internal
