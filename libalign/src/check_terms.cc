// Term findings: deprecated-term, missing-term (per bead) and
// inconsistent-term (per document).
//
// missing-term rules (precision first):
// - A version demands a concept of another version when it has a hit of it
//   in the bead (any status: a deprecated rendering still shows the concept
//   is there, and is reported once, as deprecated-term). Hits sharing one
//   span (a rendering two concepts share) form one demand, met by any of them.
// - The other version meets it with a hit of the concept anywhere in its
//   side of the bead (terms move between the sentences of a 1-2 bead), in
//   any status, form or variant (the matcher does inflections).
// - Overlap: the matcher keeps the longest, most specific term at a place,
//   so a concept inside a longer term is never reported there and demands
//   nothing. Conversely a demand for concept C is met when the other side has
//   a longer concept D one of whose renderings in that language contains a
//   rendering of C (CPEC inside "CPEC 2.0"): the matcher swallowed C there.
// - Nothing is demanded of a version whose side is empty (omission reports
//   that), or of a language in which the concept has no admitted term.
// - Who is at fault: with a source, only the source's concepts are demanded
//   (a translation that names a concept the source does not is not missing
//   anything). Without one, every version's concepts are demanded of the
//   others, and each version lacking one gets a finding.
#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "align/normalize.h"
#include "check_internal.h"

namespace align::internal {
namespace {

// The key of a term without quote marks (the matcher ignores them in Chinese).
std::string BareKey(std::string_view text) {
  std::string key = Normalizer::Get().KeyOf(text);
  std::string out;
  for (size_t i = 0; i < key.size();) {
    size_t n = 1;
    auto b = static_cast<unsigned char>(key[i]);
    if (b >= 0xF0) n = 4; else if (b >= 0xE0) n = 3; else if (b >= 0xC0) n = 2;
    std::string_view cp(key.data() + i, n);
    if (cp != "\"" && cp != "'" && cp != "“" && cp != "”" && cp != "‘" && cp != "’" && cp != "《" && cp != "》") out += cp;
    i += n;
  }
  return out;
}

// contains[l][d]: the concepts with a rendering in language l that is part of
// a rendering of concept d in l.
using Containment = std::map<Language, std::map<uint32_t, std::set<uint32_t>>>;

Containment BuildContainment(const Lexicon& lexicon) {
  std::map<Language, std::vector<std::pair<std::string, uint32_t>>> keys;
  for (const Term& t : lexicon.terms()) keys[t.language].emplace_back(BareKey(t.text), t.concept_index);
  Containment out;
  for (const auto& [language, list] : keys) {
    for (const auto& [outer, d] : list) {
      for (const auto& [inner, c] : list) {
        if (c != d && !inner.empty() && inner.size() < outer.size() && outer.find(inner) != std::string::npos) {
          out[language][d].insert(c);
        }
      }
    }
  }
  return out;
}

bool HasAdmittedTerm(const Lexicon& lexicon, uint32_t concept_index, Language language) {
  for (uint32_t t : lexicon.concepts()[concept_index].terms) {
    const Term& term = lexicon.terms()[t];
    if (term.language == language && IsAdmitted(term.status)) return true;
  }
  return false;
}

// Preferred renderings first, then admitted ones, in termbase order.
std::vector<std::string> Renderings(const Lexicon& lexicon, uint32_t concept_index, Language language) {
  std::vector<std::string> out;
  for (TermStatus wanted : {TermStatus::kPreferred, TermStatus::kAdmitted}) {
    for (uint32_t t : lexicon.concepts()[concept_index].terms) {
      const Term& term = lexicon.terms()[t];
      if (term.language == language && term.status == wanted) out.push_back(term.text);
    }
  }
  return out;
}

void Deprecated(const CheckContext& ctx, size_t b, size_t v, std::vector<Finding>* out) {
  const Lexicon& lex = ctx.lexicon;
  for (size_t i : ctx.HitsIn(b, v)) {
    const TermHit& h = ctx.hits[v][i];
    if (IsAdmitted(h.status)) continue;
    Finding f;
    f.type = FindingType::kDeprecatedTerm;
    f.severity = h.status == TermStatus::kDeprecated ? Severity::kError : Severity::kWarning;
    f.concept_index = h.concept_index;
    f.version = v;
    f.bead = b;
    f.places = ctx.Places(b, ctx.Place(b, v, {h.span}));
    // In the other versions, point at this concept's renderings when present.
    for (FindingPlace& p : f.places) {
      if (p.version == v) continue;
      std::vector<Span> spans;
      for (size_t j : ctx.HitsIn(b, p.version)) {
        if (ctx.hits[p.version][j].concept_index == h.concept_index) spans.push_back(ctx.hits[p.version][j].span);
      }
      if (!spans.empty()) p.spans = std::move(spans);
    }
    f.evidence = ctx.Text(v, h.span);
    f.expected = Renderings(lex, h.concept_index, ctx.language(v));
    const std::string& id = lex.concepts()[h.concept_index].id;
    f.message = f.expected.empty()
                    ? fmt::format("'{}' is a {} rendering of {}", f.evidence, TermStatusName(h.status), id)
                    : fmt::format("'{}' is a {} rendering of {}; use '{}'", f.evidence,
                                  TermStatusName(h.status), id, f.expected.front());
    out->push_back(std::move(f));
  }
}

void Missing(const CheckContext& ctx, const Containment& contains, size_t b, size_t a,
             std::vector<Finding>* out) {
  const Lexicon& lex = ctx.lexicon;
  // Demands of version a: concept groups sharing a span, in order.
  std::vector<std::pair<Span, std::vector<uint32_t>>> demands;
  std::set<uint32_t> demanded;
  for (size_t i : ctx.HitsIn(b, a)) {
    const TermHit& h = ctx.hits[a][i];
    if (!demands.empty() && demands.back().first == h.span) {
      demands.back().second.push_back(h.concept_index);
    } else {
      demands.push_back({h.span, {h.concept_index}});
    }
  }
  for (size_t v = 0; v < ctx.versions(); ++v) {
    if (v == a || ctx.side(b, v).empty()) continue;
    if (ctx.source() >= 0 && static_cast<int>(a) != ctx.source()) continue;
    const Language lang = ctx.language(v);
    std::set<uint32_t> present, implied;
    for (size_t j : ctx.HitsIn(b, v)) {
      uint32_t d = ctx.hits[v][j].concept_index;
      present.insert(d);
      auto l = contains.find(lang);
      if (l == contains.end()) continue;
      auto it = l->second.find(d);
      if (it != l->second.end()) implied.insert(it->second.begin(), it->second.end());
    }
    std::set<uint32_t> reported;
    for (const auto& [span, group] : demands) {
      bool met = false, checkable = false;
      for (uint32_t c : group) {
        met = met || present.count(c) || implied.count(c);
        checkable = checkable || HasAdmittedTerm(lex, c, lang);
      }
      if (met || !checkable) continue;
      uint32_t c = group.front();
      for (uint32_t g : group) {
        if (HasAdmittedTerm(lex, g, lang)) { c = g; break; }
      }
      if (!reported.insert(c).second) continue;
      // Without a source, a concept two versions lack and one has is
      // reported for both lacking versions by the one that has it; a
      // concept only this pair disagrees on is reported once here.
      Finding f;
      f.type = FindingType::kMissingTerm;
      f.severity = Severity::kWarning;
      f.concept_index = c;
      f.version = v;
      f.bead = b;
      f.places = ctx.Places(b, ctx.Place(b, v));
      for (FindingPlace& p : f.places) {
        if (p.version == a) p.spans = {span};
        if (p.version == v) {
          for (uint32_t s : p.sentences) p.spans.push_back(ctx.aligned.versions[v].sentences[s].span);
        }
      }
      f.evidence = ctx.SideText(b, v);
      f.expected = Renderings(lex, c, lang);
      f.message = fmt::format("{} ('{}' in {}) has no admitted rendering in the aligned {} text; expected '{}'",
                              lex.concepts()[c].id, ctx.Text(a, span), ctx.aligned.language_tags[a],
                              ctx.aligned.language_tags[v], f.expected.empty() ? "" : f.expected.front());
      out->push_back(std::move(f));
    }
  }
}

}  // namespace

void CheckTerms(const CheckContext& ctx, std::vector<Finding>* out) {
  const Containment contains = BuildContainment(ctx.lexicon);
  for (size_t b = 0; b < ctx.beads().size(); ++b) {
    for (size_t v = 0; v < ctx.versions(); ++v) {
      if (ctx.config.deprecated_terms) Deprecated(ctx, b, v, out);
    }
    if (!ctx.config.missing_terms) continue;
    std::vector<Finding> missing;
    for (size_t a = 0; a < ctx.versions(); ++a) Missing(ctx, contains, b, a, &missing);
    // One finding per (version, concept) in a bead, whichever version demanded it.
    std::set<std::pair<size_t, uint32_t>> seen;
    for (Finding& f : missing) {
      if (seen.insert({f.version, *f.concept_index}).second) out->push_back(std::move(f));
    }
  }
}

}  // namespace align::internal
