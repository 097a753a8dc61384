// number-mismatch: the numbers of the sides of a bead, normalised
// (numbers.h), compared as sets per kind (year, percent, month, time, count).
//
// The rule, precision first. A number n of version A "lacks a counterpart"
// in version B when B's side of the bead has no equal number and
//   - n is written with digits, a scale or a unit, or is a large number
//     word, and B writes at least one such number of n's kind in the bead (a year
//     rendered as "this year" with no year on the other side is a choice of
//     style, not an error; a count dropped beside other counts is not); or
//   - n is a small number word (two, 三, تین: "the two sides", 两国), a
//     month or a day of the month, and B has a number of the same sort (a
//     small word of the same kind, both ordinal or both cardinal; a month; a
//     day) that itself lacks a counterpart in A (a substitution: four
//     propositions / 三点主张; June 4 / 6月5日). Dates come and go with
//     datelines and "on Friday"; small words with free translation.
// A number written as one (one, 一个, ایک) only confirms: it is never
// reported, nor evidence that another version lacks a number.
// Which version is at fault, per bead:
//   - with a source: each translation whose numbers disagree with the
//     source's (expected: the source's numbers it lacks; evidence: its own
//     numbers the source lacks, or its text when it only dropped some);
//   - without a source, three versions: a version lacking a number the two
//     others share, or having one that neither other has; a version that
//     only has, or only lacks, small words or dates is not reported (an
//     unpaired "two" is a choice of words; "has 4 where the others have 3"
//     is a substitution and is);
//   - without a source, two versions: the second version (the first is
//     taken as the reference).
// Empty sides are left to omission; a version is only compared with versions
// whose side is non-empty.
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include <fmt/format.h>

#include "align/normalize.h"
#include "check_internal.h"
#include "numbers.h"

namespace align::internal {
namespace {

using Mentions = std::vector<NumberMention>;

// Counted only as a substitution (the rule above).
bool SubstitutionOnly(const NumberMention& m) {
  return m.soft || m.kind == NumberKind::kMonth || m.kind == NumberKind::kDay;
}

Mentions Firm(const Mentions& a) {
  Mentions out;
  for (const NumberMention& m : a) {
    if (!m.confirm_only) out.push_back(m);
  }
  return out;
}

// Drops the substitution-only numbers of |a| (see the three-version rule).
void DropSubstitutionOnly(Mentions& a) {
  a.erase(std::remove_if(a.begin(), a.end(), SubstitutionOnly), a.end());
}

// The numbers of |a| that lack a counterpart in |b| (the rule above). Look-
// ups go through NumberSet, so sides with thousands of numbers (a table
// pasted as one sentence) cost n log n, not n².
Mentions Unmatched(const Mentions& a, const Mentions& b) {
  const NumberSet in_a(a), in_b(b);
  Mentions loose_a;
  for (const NumberMention& n : a) {
    if (!n.confirm_only && !in_b.Contains(n)) loose_a.push_back(n);
  }
  // What a loose number of |a| needs in |b| to count: a loose small word of
  // its kind and ordinality, or any number of its kind not written as one.
  std::set<std::pair<NumberKind, bool>> loose_soft_b;
  std::set<NumberKind> hard_b;
  for (const NumberMention& m : b) {
    if (m.confirm_only) continue;
    if (SubstitutionOnly(m) && !in_a.Contains(m)) loose_soft_b.insert({m.kind, m.ordinal});
    if (!m.soft) hard_b.insert(m.kind);
  }
  Mentions out;
  NumberSet in_out;
  for (const NumberMention& n : loose_a) {
    const bool counts = SubstitutionOnly(n) ? loose_soft_b.count({n.kind, n.ordinal}) > 0 : hard_b.count(n.kind) > 0;
    if (counts && !in_out.Contains(n)) {
      in_out.Add(n);
      out.push_back(n);
    }
  }
  return out;
}

Mentions SideNumbers(const CheckContext& ctx, size_t bead, size_t v) {
  Mentions out;
  for (uint32_t s = ctx.side(bead, v).begin; s < ctx.side(bead, v).end; ++s) {
    const Mentions& found = ctx.numbers[v][s];
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

void Report(const CheckContext& ctx, size_t bead, size_t v, const Mentions& expected, const Mentions& extra,
            const std::vector<size_t>& refs, const std::vector<Mentions>& numbers, std::vector<Finding>* out) {
  if (expected.empty() && extra.empty()) return;
  Finding f;
  f.type = FindingType::kNumberMismatch;
  f.severity = DefaultSeverity(f.type);
  f.version = v;
  f.bead = bead;
  std::vector<Span> own;
  std::vector<std::string> written;
  for (const NumberMention& n : extra) {
    own.push_back(n.span);
    written.push_back(ctx.Text(v, n.span));
  }
  f.places = ctx.Places(bead, ctx.Place(bead, v, own));
  if (own.empty()) {
    for (FindingPlace& p : f.places) {
      if (p.version == v) {
        for (uint32_t s : p.sentences) p.spans.push_back(ctx.aligned.versions[v].sentences[s].span);
      }
    }
  }
  // In the reference versions, point at the expected numbers as written.
  std::vector<std::string> expected_text;
  std::set<std::string> listed;
  std::map<size_t, std::set<std::pair<size_t, size_t>>> marked;  // version → spans already in its place
  for (const FindingPlace& p : f.places) {
    for (const Span& span : p.spans) marked[p.version].insert({span.begin, span.end});
  }
  std::map<size_t, NumberSet> index;
  for (size_t r : refs) index.emplace(r, NumberSet(numbers[r]));
  for (const NumberMention& n : expected) {
    for (size_t r : refs) {
      const size_t k = index.at(r).Find(n);  // the first mention of that number
      if (k != NumberSet::kNone) {
        const NumberMention& m = numbers[r][k];
        std::string text = ctx.Text(r, m.span);
        if (listed.insert(text).second) expected_text.push_back(text);
        for (FindingPlace& p : f.places) {
          if (p.version == r && marked[r].insert({m.span.begin, m.span.end}).second) p.spans.push_back(m.span);
        }
      }
      if (!expected_text.empty() && k != NumberSet::kNone) break;
    }
  }
  f.expected = expected_text;
  f.evidence = written.empty() ? ctx.SideText(bead, v) : fmt::format("{}", fmt::join(written, ", "));
  std::vector<std::string> lacks, has;
  for (const NumberMention& n : expected) lacks.push_back(FormatNumber(n));
  for (const NumberMention& n : extra) has.push_back(FormatNumber(n));
  const std::string& tag = ctx.aligned.language_tags[v];
  const std::string has_list = fmt::format("{}", fmt::join(has, ", "));
  const std::string lacks_list = fmt::format("{}", fmt::join(lacks, ", "));
  if (!has.empty() && !lacks.empty()) {
    SetMessage(&f, "{} has {} where the other versions have {}", {tag, has_list, lacks_list});
  } else if (!has.empty()) {
    SetMessage(&f, "{} has {}, which the other versions do not", {tag, has_list});
  } else {
    SetMessage(&f, "{} lacks {}, which the other versions have", {tag, lacks_list});
  }
  out->push_back(std::move(f));
}

}  // namespace

void CheckNumbers(const CheckContext& ctx, std::vector<Finding>* out) {
  const size_t n = ctx.versions();
  for (size_t b = 0; b < ctx.beads().size(); ++b) {
    std::vector<Mentions> numbers(n);
    std::vector<size_t> filled;
    for (size_t v = 0; v < n; ++v) {
      if (ctx.side(b, v).empty()) continue;
      numbers[v] = SideNumbers(ctx, b, v);
      filled.push_back(v);
    }
    if (filled.size() < 2) continue;
    int source = ctx.source();
    if (source < 0 && filled.size() == 2) source = static_cast<int>(filled[0]);
    if (source >= 0 && ctx.side(b, source).empty()) continue;
    for (size_t v : filled) {
      if (source >= 0) {
        if (static_cast<int>(v) == source) continue;
        Report(ctx, b, v, Unmatched(numbers[source], numbers[v]), Unmatched(numbers[v], numbers[source]),
               {static_cast<size_t>(source)}, numbers, out);
        continue;
      }
      // Three versions, no source: the majority decides.
      std::vector<size_t> others;
      for (size_t o : filled) {
        if (o != v) others.push_back(o);
      }
      const Mentions& x = numbers[others[0]];
      const Mentions& y = numbers[others[1]];
      const NumberSet in_x(x), in_y(y), firm_y(Firm(y));
      Mentions expected, extra;
      NumberSet in_expected, in_extra;
      for (const NumberMention& m : Unmatched(x, numbers[v])) {
        if (firm_y.Contains(m) && !in_expected.Contains(m)) in_expected.Add(m), expected.push_back(m);
      }
      const NumberSet extra_x(Unmatched(numbers[v], x)), extra_y(Unmatched(numbers[v], y));
      for (const NumberMention& m : numbers[v]) {
        bool in_none = !in_x.Contains(m) && !in_y.Contains(m);
        bool counts = extra_x.Contains(m) || extra_y.Contains(m);
        if (in_none && counts && !in_extra.Contains(m)) in_extra.Add(m), extra.push_back(m);
      }
      if (expected.empty()) DropSubstitutionOnly(extra);
      if (extra.empty()) DropSubstitutionOnly(expected);
      Report(ctx, b, v, expected, extra, others, numbers, out);
    }
  }
}

void DropNumbersOfOmissions(const CheckContext& ctx, std::vector<Finding>* findings) {
  // Places list a version's whole sentences, then the numbers in them.
  auto whole = [&](const FindingPlace& p, Span span) {
    return std::any_of(p.sentences.begin(), p.sentences.end(), [&](uint32_t s) {
      const Span sentence = ctx.aligned.versions[p.version].sentences[s].span;
      return sentence.begin == span.begin && sentence.end == span.end;
    });
  };
  auto inside = [](const std::vector<Span>& outer, Span span) {
    return std::any_of(outer.begin(), outer.end(), [&](const Span& o) { return o.begin <= span.begin && span.end <= o.end; });
  };
  // Whether |f| only says that its version lacks numbers (it marks none of
  // its own) that lie, in every version where omission |o| marks the
  // omitted text, inside that text.
  auto explained_by = [&](const Finding& f, const Finding& o) {
    if (o.type != FindingType::kOmission || o.bead != f.bead || o.version != f.version) return false;
    bool compared = false;
    for (const FindingPlace& p : f.places) {
      const bool own = p.version == f.version;
      const auto q = std::find_if(o.places.begin(), o.places.end(), [&](const FindingPlace& x) { return x.version == p.version; });
      for (const Span& span : p.spans) {
        if (whole(p, span)) continue;
        if (own || q == o.places.end() || !inside(q->spans, span)) return false;
        compared = true;
      }
    }
    return compared;
  };
  const std::vector<Finding>& all = *findings;
  std::vector<bool> drop(all.size(), false);
  for (size_t i = 0; i < all.size(); ++i) {
    if (all[i].type != FindingType::kNumberMismatch) continue;
    drop[i] = std::any_of(all.begin(), all.end(), [&](const Finding& o) { return explained_by(all[i], o); });
  }
  RemoveMarked(drop, findings);
}

}  // namespace align::internal
