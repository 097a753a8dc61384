// Omitted and added clauses found through the dictionaries.
//
// Most real omissions are a clause of an aligned sentence. In each bead,
// each version's side is cut into clauses and its words read through the
// dictionaries (coverage.h), against a side of another version that the
// dictionaries can compare it with. A run of clauses none of whose words
// (at least clause_min_units of them) has a translation there is content
// that side lacks when all of these hold (precision first):
//   - the rest of the bead (as many words again) is rendered so often that
//     the run's words would all go unrendered by chance at most
//     clause_max_chance of the time (in a side longer than the other that
//     renders the other's words, an abridged version's counterpart, the
//     share among the words that have a counterpart at all: the bead's share
//     times the length ratio, at most the share over the document's beads of
//     like length), and the side with the run is longer than
//     the other by more than clause_length_gap (both scaled to the document's
//     ratio) and closer to it without the run; or, whatever the lengths, that
//     chance is at most clause_sure_chance;
//   - the other side's words are rendered in this side for at least
//     clause_other_coverage of them (sentence_other_coverage for a whole
//     sentence), and the other side has no such run of
//     its own: a paraphrase, or a bead whose alignment is off, leaves words
//     unrendered both ways;
//   - the clauses are not part of an omission already reported.
//
// Who is at fault follows the omission rules (check_omissions.cc): with a
// source, a run in the source is the translation's omission and a run in a
// translation that the source lacks is its addition; without a source, three
// versions: a run that neither other version renders is an addition, one that
// only one lacks is that one's omission; two versions: an omission of the
// version that lacks it. The missing terms of an omitted run become part of
// the omission.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include "check_internal.h"

namespace align::internal {
namespace {

struct Clause {
  Span span;
  size_t sentence = 0;  // index of its sentence in the side
  double letters = 0;
  std::vector<std::vector<std::string>> units;
};

// A run of clauses [first, last] of one side that another side does not render.
struct Run {
  size_t bead, version, lacking;
  size_t first, last;
  size_t units;
  size_t rendered;      // of its units (0 for a clause run)
  bool other_rendered;  // the other side is rendered in this one
  std::vector<Span> spans;
};

// Spans of a version that an omission or addition already reports, by
// (bead, version).
using Taken = std::map<std::pair<size_t, size_t>, std::vector<Span>>;

bool Overlaps(const std::vector<Span>& spans, Span span) {
  return std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return s.begin < span.end && span.begin < s.end; });
}

// The clauses of version v's side of |bead|, but those already reported.
std::vector<Clause> SideClauses(const CheckContext& ctx, const Taken& taken, size_t bead, size_t v, size_t other) {
  std::vector<Clause> out;
  const AlignInput& input = ctx.aligned.versions[v];
  const std::string_view text = input.document.bytes();
  auto it = taken.find({bead, v});
  for (uint32_t s = ctx.side(bead, v).begin; s < ctx.side(bead, v).end; ++s) {
    for (const Span& span : Clauses(text, input.sentences[s].span)) {
      if (it != taken.end() && Overlaps(it->second, span)) continue;
      Clause c;
      c.span = span;
      c.sentence = s - ctx.side(bead, v).begin;
      c.letters = static_cast<double>(Letters(input.document.Slice(span), ctx.config.han_letter_weight));
      c.units = ctx.glossary->Units(input.document.Slice(span), ctx.language(v), ctx.language(other));
      out.push_back(std::move(c));
    }
  }
  return out;
}

// One version's side of a bead read against another version: its clauses
// (units as that version's language sees them) and every meaning it
// expresses. Each side of a pair is read once and serves both directions.
struct SideView {
  std::vector<Clause> clauses;
  std::unordered_set<std::string> meanings;
};

SideView ReadSide(const CheckContext& ctx, const Taken& taken, size_t bead, size_t v, size_t other) {
  return {SideClauses(ctx, taken, bead, v, other), ctx.glossary->Meanings(ctx.SideText(bead, v), ctx.language(v))};
}

// Beads read for the balanced rates: at most this many, spread over the
// document (as for the faithful ratio, check_omissions.cc).
constexpr size_t kRateSample = 128;

// Letters of a side's clauses and how many of their units |meanings| renders.
struct SideCount {
  double letters = 0;
  size_t units = 0, rendered = 0;
};

SideCount CountSide(const SideView& side, const std::unordered_set<std::string>& meanings) {
  SideCount c;
  for (const Clause& clause : side.clauses) {
    c.letters += clause.letters;
    c.units += clause.units.size();
    for (const auto& u : clause.units) c.rendered += UnitRendered(u, meanings);
  }
  return c;
}

// rates[v][o]: the share of version v's dictionary words rendered in version
// o's side over the beads (of a sample) whose two sides' scaled lengths
// differ by at most clause_length_gap: how often a word with a counterpart
// is rendered in this document. 0 where such beads hold fewer than
// clause_min_units words.
std::vector<std::vector<double>> BalancedRates(const CheckContext& ctx, const Taken& taken,
                                               const std::vector<double>& scale) {
  const size_t n = ctx.versions(), beads = ctx.beads().size();
  std::vector<std::vector<size_t>> units(n, std::vector<size_t>(n, 0)), rendered = units;
  const size_t stride = std::max<size_t>((beads + kRateSample - 1) / kRateSample, 1);
  for (size_t b = 0; b < beads; b += stride) {
    for (size_t v = 0; v < n; ++v) {
      for (size_t o = v + 1; o < n; ++o) {
        if (ctx.side(b, v).empty() || ctx.side(b, o).empty() || !ctx.glossary->Compares(ctx.language(v), ctx.language(o)))
          continue;
        const SideView first = ReadSide(ctx, taken, b, v, o), second = ReadSide(ctx, taken, b, o, v);
        const SideCount here = CountSide(first, second.meanings), there = CountSide(second, first.meanings);
        const double x = here.letters / scale[v], y = there.letters / scale[o];
        if (x <= 0 || y <= 0 || std::fabs(std::log(x / y)) > std::log(1 + ctx.config.clause_length_gap)) continue;
        units[v][o] += here.units, rendered[v][o] += here.rendered;
        units[o][v] += there.units, rendered[o][v] += there.rendered;
      }
    }
  }
  std::vector<std::vector<double>> rates(n, std::vector<double>(n, 0));
  for (size_t v = 0; v < n; ++v)
    for (size_t o = 0; o < n; ++o)
      if (units[v][o] >= ctx.config.clause_min_units)
        rates[v][o] = static_cast<double>(rendered[v][o]) / static_cast<double>(units[v][o]);
  return rates;
}

// The runs of version v's side (|own|) in |bead| that version |other|
// (|theirs|) lacks; |balanced_rate|: BalancedRates for the two;
// |extra_paragraph|: the bead has a whole paragraph too many on one side
// (ExtraParagraphBeads).
void FindRuns(const CheckContext& ctx, const std::vector<double>& scale, size_t bead, size_t v, size_t other,
              const SideView& own_side, const SideView& theirs_side, double balanced_rate, bool extra_paragraph,
              std::vector<Run>* out) {
  const CheckConfig& config = ctx.config;
  const std::vector<Clause>& clauses = own_side.clauses;
  const std::unordered_set<std::string>& meanings = theirs_side.meanings;
  const size_t before = out->size();  // runs of other beads and sides
  std::vector<size_t> rendered(clauses.size(), 0);
  size_t units = 0, covered = 0;
  double letters = 0;
  for (size_t i = 0; i < clauses.size(); ++i) {
    for (const auto& u : clauses[i].units) rendered[i] += UnitRendered(u, meanings);
    units += clauses[i].units.size();
    covered += rendered[i];
    letters += clauses[i].letters;
  }
  // The other side, read against this one: in an omission it is rendered
  // here (a paraphrase leaves words unrendered both ways).
  const SideCount their_count = CountSide(theirs_side, own_side.meanings);
  const double other_letters = their_count.letters;
  const size_t other_units = their_count.units, other_covered = their_count.rendered;
  const bool other_rendered =
      static_cast<double>(other_covered) >= config.clause_other_coverage * static_cast<double>(other_units);
  const double own = letters / scale[v], theirs = other_letters / scale[other];
  const bool longer = theirs > 0 && own > theirs * (1 + config.clause_length_gap);
  for (size_t i = 0; i < clauses.size();) {
    if (clauses[i].units.empty() || rendered[i] > 0) {
      ++i;
      continue;
    }
    // Clauses without units (a name, a date) join a run that goes on after them.
    size_t last = i, run_units = 0;
    double run_letters = 0;
    for (size_t j = i; j < clauses.size() && rendered[j] == 0; ++j) {
      if (clauses[j].units.empty()) continue;
      last = j;
    }
    for (size_t j = i; j <= last; ++j) {
      run_units += clauses[j].units.size();
      run_letters += clauses[j].letters;
    }
    // Were each word rendered as often as the rest of the bead's are, the
    // chance that the run's words all go unrendered.
    const size_t rest = units - run_units;
    double share = rest ? static_cast<double>(covered) / static_cast<double>(rest) : 0;
    // A side much longer than the other, whose words it renders (an
    // abridged version): only about theirs/own of this side's words have a
    // counterpart at all, and the bead's share understates how often those
    // are rendered. Scaled up by that, at most to the document's rate.
    if (longer && other_rendered && other_units >= config.clause_min_units && covered >= config.clause_min_units)
      share = std::max(share, std::min(balanced_rate, share * own / theirs));
    const double chance = BinomialLowerTail(run_units, 0, share);
    const bool enough = run_units >= config.clause_min_units && rest >= config.clause_min_units &&
                        chance <= config.clause_max_chance;
    const double without = (letters - run_letters) / scale[v];
    const bool closer = longer && without > 0 && std::fabs(std::log(without / theirs)) < std::log(own / theirs);
    if (enough && (closer || chance <= config.clause_sure_chance)) {
      Run r{bead, v, other, i, last, run_units, 0, other_rendered, {}};
      for (size_t j = i; j <= last; ++j) r.spans.push_back(clauses[j].span);
      out->push_back(std::move(r));
    }
    i = last + 1;
  }
  // A whole sentence of a side of several that the other side hardly
  // renders, where the other sentences are well rendered and the lengths say
  // a sentence is missing, or where it is rendered so much less than the
  // rest that chance cannot explain it (a short document's ratio counts its
  // own omissions and then points nowhere): a sentence the aligner joined
  // to its neighbour.
  // Or, in a bead one paragraph longer on this side than the other's
  // paragraphs allow, a sentence that is a paragraph of its own and is
  // rendered less than chance allows (check_paragraphs.cc): the paragraphs
  // stand for the lengths.
  const size_t sentences = ctx.side(bead, v).size();
  if (sentences < 2 || !(longer || extra_paragraph)) return;
  for (size_t s = 0; s < sentences; ++s) {
    size_t first = clauses.size(), last = 0, s_units = 0, s_rendered = 0;
    double s_letters = 0;
    for (size_t j = 0; j < clauses.size(); ++j) {
      if (clauses[j].sentence != s) continue;
      first = std::min(first, j);
      last = j;
      s_units += clauses[j].units.size();
      s_rendered += rendered[j];
      s_letters += clauses[j].letters;
    }
    if (first == clauses.size() || s_units < config.clause_min_units || units - s_units < config.clause_min_units) continue;
    const double share = static_cast<double>(s_rendered) / static_cast<double>(s_units);
    const double rest_share = static_cast<double>(covered - s_rendered) / static_cast<double>(units - s_units);
    const double without = (letters - s_letters) / scale[v];
    const bool closer = without > 0 && std::fabs(std::log(without / theirs)) < std::log(own / theirs);
    if (rest_share < config.sentence_rest_rendered) continue;
    // Were each word rendered as often as the rest of the bead's are (one
    // rendered and one not added, as a few words are a small sample; at most
    // the document's rate), the chance that as few of the sentence's words
    // are rendered.
    double rate = static_cast<double>(covered - s_rendered + 1) / static_cast<double>(units - s_units + 2);
    if (balanced_rate > 0) rate = std::min(rate, balanced_rate);
    const double chance = BinomialLowerTail(s_units, s_rendered, rate);
    const bool few = share <= config.sentence_max_rendered || chance <= config.clause_max_chance;
    const bool by_length = longer && ((closer && few) || chance <= config.clause_sure_chance);
    const bool by_paragraph = extra_paragraph && closer && chance <= config.paragraph_max_chance &&
                              AloneInParagraph(ctx, v, ctx.side(bead, v).begin + s);
    if (!by_length && !by_paragraph) continue;
    // A sentence that holds a clause run already found is reported once.
    const bool overlaps = std::any_of(out->begin() + static_cast<long>(before), out->end(),
                                      [&](const Run& r) { return r.first <= last && first <= r.last; });
    if (overlaps) continue;
    const bool sentence_other =
        static_cast<double>(other_covered) >= config.sentence_other_coverage * static_cast<double>(other_units);
    Run r{bead, v, other, first, last, s_units, s_rendered, sentence_other, {}};
    for (size_t j = first; j <= last; ++j) r.spans.push_back(clauses[j].span);
    out->push_back(std::move(r));
  }
}

bool SameRun(const Run& a, const Run& b) {
  return a.bead == b.bead && a.version == b.version && a.first == b.first && a.last == b.last;
}

Finding Report(const CheckContext& ctx, const Run& run, FindingType type, size_t at_fault) {
  Finding f;
  f.type = type;
  f.severity = DefaultSeverity(type);
  f.version = at_fault;
  f.bead = run.bead;
  f.places = ctx.Places(run.bead, ctx.Place(run.bead, at_fault));
  for (FindingPlace& p : f.places)
    if (p.version == run.version) p.spans = run.spans;
  for (const Span& s : run.spans) {
    if (!f.evidence.empty()) f.evidence += " … ";
    f.evidence += ctx.Text(run.version, s);
  }
  const std::string& own = ctx.aligned.language_tags[run.version];
  const std::string units = std::to_string(run.units);
  if (run.rendered > 0) {
    const std::string rendered = std::to_string(run.rendered);
    if (type == FindingType::kOmission) {
      SetMessage(&f, "{} has no counterpart of a sentence of the {} version: {} of its {} words with a dictionary entry are rendered",
                 {ctx.aligned.language_tags[at_fault], own, rendered, units});
    } else {
      SetMessage(&f, "{} has a sentence that the other versions hardly render: {} of its {} words with a dictionary entry",
                 {own, rendered, units});
    }
  } else if (type == FindingType::kOmission) {
    SetMessage(&f, "{} has no counterpart of a clause of the {} version: none of its {} words with a dictionary entry is rendered",
               {ctx.aligned.language_tags[at_fault], own, units});
  } else {
    SetMessage(&f, "{} has a clause that the other versions do not render: none of its {} words with a dictionary entry",
               {own, units});
  }
  return f;
}

}  // namespace

void FindUncoveredClauses(const CheckContext& ctx, std::vector<Finding>* findings) {
  if (!ctx.glossary || ctx.config.clause_min_units == 0) return;
  const size_t n = ctx.versions();
  const std::vector<double>& scale = ctx.length_scales();
  Taken taken;
  for (const Finding& f : *findings) {
    if (f.type != FindingType::kOmission && f.type != FindingType::kAddition) continue;
    for (const FindingPlace& p : f.places) {
      auto& spans = taken[{f.bead, p.version}];
      spans.insert(spans.end(), p.spans.begin(), p.spans.end());
    }
  }
  const std::vector<std::vector<double>> rates = BalancedRates(ctx, taken, scale);
  std::vector<std::vector<std::vector<bool>>> extra(n, std::vector<std::vector<bool>>(n));
  for (size_t v = 0; v < n; ++v)
    for (size_t o = v + 1; o < n; ++o) extra[v][o] = ExtraParagraphBeads(ctx, v, o);
  std::vector<Run> runs;
  for (size_t b = 0; b < ctx.beads().size(); ++b) {
    for (size_t v = 0; v < n; ++v) {
      if (ctx.side(b, v).empty()) continue;
      for (size_t o = v + 1; o < n; ++o) {
        if (ctx.side(b, o).empty() || !ctx.glossary->Compares(ctx.language(v), ctx.language(o))) continue;
        const SideView first = ReadSide(ctx, taken, b, v, o), second = ReadSide(ctx, taken, b, o, v);
        FindRuns(ctx, scale, b, v, o, first, second, rates[v][o], extra[v][o][b], &runs);
        FindRuns(ctx, scale, b, o, v, second, first, rates[o][v], extra[v][o][b], &runs);
      }
    }
  }
  // When each of two sides has a run the other lacks, the bead pairs
  // sentences that say different things (a paraphrase, or the alignment
  // is off): neither run is an omission.
  std::set<std::tuple<size_t, size_t, size_t>> sides;  // (bead, version with a run, version lacking it)
  for (const Run& r : runs) sides.insert({r.bead, r.version, r.lacking});
  std::erase_if(runs, [&](const Run& r) { return !r.other_rendered || sides.count({r.bead, r.lacking, r.version}); });
  const int source = ctx.source();
  std::vector<bool> done(runs.size(), false);
  std::vector<Finding> added;
  for (size_t i = 0; i < runs.size(); ++i) {
    if (done[i]) continue;
    const Run& run = runs[i];
    // Every version that lacks this run.
    std::vector<size_t> lacking;
    for (size_t j = i; j < runs.size() && runs[j].bead == run.bead; ++j) {  // runs come bead by bead
      if (SameRun(run, runs[j])) {
        done[j] = true;
        lacking.push_back(runs[j].lacking);
      }
    }
    // With three versions, a run that only some readable versions lack is
    // theirs to answer for; with a source, the source decides.
    std::vector<std::pair<FindingType, size_t>> verdicts;
    const bool everyone = lacking.size() + 1 == n;
    if (source >= 0) {
      if (static_cast<size_t>(source) == run.version) {
        for (size_t o : lacking) verdicts.push_back({FindingType::kOmission, o});
      } else if (std::count(lacking.begin(), lacking.end(), static_cast<size_t>(source))) {
        verdicts.push_back({FindingType::kAddition, run.version});
      }
    } else if (n == 3 && everyone) {
      verdicts.push_back({FindingType::kAddition, run.version});
    } else {
      for (size_t o : lacking) verdicts.push_back({FindingType::kOmission, o});
    }
    for (const auto& [type, at_fault] : verdicts) added.push_back(Report(ctx, run, type, at_fault));
  }
  if (added.empty()) return;
  // A missing term inside an omitted clause is that omission.
  std::map<std::pair<size_t, size_t>, std::vector<const Finding*>> omitted;  // by (bead, version at fault)
  for (const Finding& o : added)
    if (o.type == FindingType::kOmission) omitted[{o.bead, o.version}].push_back(&o);
  std::erase_if(*findings, [&](const Finding& f) {
    if (f.type != FindingType::kMissingTerm) return false;
    auto it = omitted.find({f.bead, f.version});
    if (it == omitted.end()) return false;
    for (const Finding* o_ptr : it->second) {
      const Finding& o = *o_ptr;
      for (const FindingPlace& p : f.places) {
        for (const FindingPlace& q : o.places) {
          if (p.version != q.version || p.version == f.version) continue;
          for (const Span& hit : p.spans)
            for (const Span& clause : q.spans)
              if (hit.begin >= clause.begin && hit.end <= clause.end) return true;
        }
      }
    }
    return false;
  });
  for (Finding& f : added) findings->push_back(std::move(f));
}

}  // namespace align::internal
