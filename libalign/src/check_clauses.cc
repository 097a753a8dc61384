// Omitted clauses, terms moved to a nearby bead, terms of beads whose sides
// say different things.
//
// Omitted clauses: most real omissions are a clause of an aligned sentence,
// not a sentence. When a version lacks several official terms that another
// version has in one bead (at least CheckConfig::clause_missing_terms), the
// words that carry them were left out, not rendered freely: one omission is
// reported with the clauses of the other version that hold those terms,
// instead of one missing-term finding per concept. Fewer missing terms stay
// missing-term findings (one free rendering is not an omission), unless the
// dictionaries show the clauses left out: they hold at least
// CheckConfig::clause_min_units words with an entry (the term's own
// included; Urdu loanwords count by their skeletons) and the version
// renders none of them.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

#include "check_internal.h"
#include "utf8.h"

namespace align::internal {
namespace {

// Clause ends: the punctuation that closes a sentence or a clause in
// English, Chinese and Urdu (comma, semicolon, colon, full stop, their
// full-width and Arabic-script forms, the Urdu full stop).
bool IsClauseEnd(char32_t c) {
  switch (c) {
    case U',': case U';': case U':': case U'.': case U'!': case U'?':
    case U'\uFF0C': case U'\uFF1B': case U'\uFF1A': case U'\u3002': case U'\uFF01': case U'\uFF1F':
    case U'\u3001': case U'\u060C': case U'\u061B': case U'\u061F': case U'\u06D4':
      return true;
    default:
      return false;
  }
}

bool IsAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether the code point |c| at |at| (|next| after it) ends a clause of
// |sentence|: a comma between two ASCII letters or digits (5,000) does not,
// between two Han characters (Chinese typed with ASCII punctuation) it
// does; a full stop inside a sentence is one the segmenter did not take for
// a sentence end (U.N. General Assembly, 3.5), so ends nothing.
bool EndsClause(std::string_view text, Span sentence, size_t at, char32_t c, size_t next) {
  if (!IsClauseEnd(c)) return false;
  if (c == U'.') {
    size_t rest = next;
    while (rest < sentence.end && (text[rest] == ' ' || text[rest] == '\n' || text[rest] == '"' || text[rest] == '\'' || text[rest] == ')')) ++rest;
    return rest >= sentence.end;
  }
  if (c == U',') {
    const bool before = at > sentence.begin && IsAsciiAlnum(text[at - 1]);
    const bool after = next < sentence.end && IsAsciiAlnum(text[next]);
    if (before && after) return false;
  }
  return true;
}

Span Trimmed(std::string_view text, Span span) {
  while (span.begin < span.end && (text[span.begin] == ' ' || text[span.begin] == '\n')) ++span.begin;
  while (span.end > span.begin && (text[span.end - 1] == ' ' || text[span.end - 1] == '\n')) --span.end;
  return span;
}

// The clause of |sentence| that holds |hit|: from after the clause end
// before it to the clause end after it (included), spaces trimmed.
Span ClauseOf(std::string_view text, Span sentence, Span hit) {
  size_t begin = sentence.begin;
  for (size_t i = sentence.begin; i < hit.begin;) {
    const size_t at = i;
    const char32_t c = DecodeUtf8(text, i);
    if (EndsClause(text, sentence, at, c, i)) begin = i;
  }
  size_t end = sentence.end;
  for (size_t i = hit.end; i < sentence.end;) {
    const size_t at = i;
    const char32_t c = DecodeUtf8(text, i);
    if (EndsClause(text, sentence, at, c, i)) {
      end = i;
      break;
    }
  }
  return Trimmed(text, {begin, end});
}

// Whether the clauses that hold a missing term say that version |v| left
// them out rather than rendered the term freely: where the dictionaries
// compare a version's clauses with v, they hold at least clause_min_units
// words with an entry (|units| gets how many) and v's side of the bead
// renders none of them. A free rendering keeps some of the clause's words.
bool ClausesUnrendered(const CheckContext& ctx, size_t bead, size_t v, const std::map<size_t, std::vector<Span>>& clauses,
                       size_t* units) {
  if (!ctx.glossary) return false;
  bool compared = false;
  for (const auto& [version, spans] : clauses) {
    if (!ctx.glossary->Compares(ctx.language(version), ctx.language(v))) continue;
    const auto meanings = ctx.glossary->Meanings(ctx.SideText(bead, v), ctx.language(v));
    size_t count = 0;
    for (const Span& span : spans) {
      for (const auto& unit : ctx.glossary->Units(ctx.Text(version, span), ctx.language(version), ctx.language(v))) {
        if (UnitRendered(unit, meanings)) return false;
        ++count;
      }
    }
    if (count < ctx.config.clause_min_units) return false;
    *units = std::max(*units, count);
    compared = true;
  }
  return compared;
}

}  // namespace

void RemoveMarked(const std::vector<bool>& drop, std::vector<Finding>* findings) {
  const Finding* first = findings->data();
  std::erase_if(*findings, [&](const Finding& f) { return drop[static_cast<size_t>(&f - first)]; });
}

std::vector<Span> Clauses(std::string_view text, Span sentence) {
  std::vector<Span> clauses;
  size_t begin = sentence.begin;
  auto close = [&](size_t end) {
    const Span clause = Trimmed(text, {begin, end});
    if (!clause.empty()) clauses.push_back(clause);
    begin = end;
  };
  for (size_t i = sentence.begin; i < sentence.end;) {
    const size_t at = i;
    const char32_t c = DecodeUtf8(text, i);
    if (EndsClause(text, sentence, at, c, i)) close(i);
  }
  close(sentence.end);
  return clauses;
}

void MergeMissingTermsIntoClauses(const CheckContext& ctx, std::vector<Finding>* findings) {
  const size_t least = ctx.config.clause_missing_terms;
  if (least == 0) return;
  // Indices of the missing-term findings by (bead, version at fault).
  std::map<std::pair<size_t, size_t>, std::vector<size_t>> groups;
  for (size_t i = 0; i < findings->size(); ++i) {
    const Finding& f = (*findings)[i];
    if (f.type == FindingType::kMissingTerm) groups[{f.bead, f.version}].push_back(i);
  }
  std::vector<bool> drop(findings->size(), false);
  std::vector<Finding> added;
  for (const auto& [key, group] : groups) {
    const auto [bead, v] = key;
    // The clauses that hold the terms, per version that has them.
    std::map<size_t, std::vector<Span>> clauses;
    std::vector<std::string> concepts;
    for (size_t i : group) {
      const Finding& f = (*findings)[i];
      if (f.concept_index) concepts.push_back(ctx.lexicon.concepts()[*f.concept_index].id);
      for (const FindingPlace& p : f.places) {
        if (p.version == v) continue;
        const AlignInput& input = ctx.aligned.versions[p.version];
        for (const Span& hit : p.spans) {
          for (uint32_t s : p.sentences) {
            const Span sentence = input.sentences[s].span;
            if (hit.begin >= sentence.begin && hit.end <= sentence.end) {
              clauses[p.version].push_back(ClauseOf(input.document.bytes(), sentence, hit));
            }
          }
        }
      }
    }
    if (clauses.empty()) continue;
    const bool by_terms = group.size() >= least;
    size_t units = 0;
    if (!by_terms && !ClausesUnrendered(ctx, bead, v, clauses, &units)) continue;
    // The version whose clauses hold the most terms gives the evidence.
    size_t reference = clauses.begin()->first;
    for (const auto& [version, spans] : clauses) {
      if (spans.size() > clauses[reference].size()) reference = version;
    }
    for (auto& [version, spans] : clauses) {
      std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin < b.begin; });
      std::vector<Span> merged;
      for (const Span& s : spans) {
        if (!merged.empty() && s.begin <= merged.back().end) merged.back().end = std::max(merged.back().end, s.end);
        else merged.push_back(s);
      }
      spans = std::move(merged);
    }
    Finding f;
    f.type = FindingType::kOmission;
    f.severity = DefaultSeverity(f.type);
    f.version = v;
    f.bead = bead;
    f.places = ctx.Places(bead, ctx.Place(bead, v));
    for (FindingPlace& p : f.places) {
      auto it = clauses.find(p.version);
      if (it != clauses.end()) p.spans = it->second;
    }
    std::string evidence;
    for (const Span& s : clauses[reference]) {
      if (!evidence.empty()) evidence += " … ";
      evidence += ctx.Text(reference, s);
    }
    f.evidence = evidence;
    std::sort(concepts.begin(), concepts.end());
    concepts.erase(std::unique(concepts.begin(), concepts.end()), concepts.end());
    std::string list;
    for (const std::string& c : concepts) list += (list.empty() ? "" : ", ") + c;
    if (by_terms) {
      SetMessage(&f, "{} has no counterpart of a clause of the {} version: none of its {} official terms is rendered ({})",
                 {ctx.aligned.language_tags[v], ctx.aligned.language_tags[reference], std::to_string(concepts.size()),
                  list});
    } else {
      SetMessage(&f,
                 "{} has no counterpart of a clause of the {} version: neither its official term ({}) nor any of "
                 "its {} words with a dictionary entry is rendered",
                 {ctx.aligned.language_tags[v], ctx.aligned.language_tags[reference], list, std::to_string(units)});
    }
    for (size_t i : group) drop[i] = true;
    added.push_back(std::move(f));
  }
  RemoveMarked(drop, findings);
  for (Finding& f : added) findings->push_back(std::move(f));
}

// Reordered versions: version v lacks a concept in bead b that version a
// names there, and v names it in a bead nearby (at most
// CheckConfig::moved_term_beads away) where a does not. The sentence that
// carries the term moved; nothing is missing.
void DropTermsMovedNearby(const CheckContext& ctx, std::vector<Finding>* findings) {
  const size_t window = ctx.config.moved_term_beads;
  const auto missing = [](const Finding& f) { return f.type == FindingType::kMissingTerm; };
  if (window == 0 || std::none_of(findings->begin(), findings->end(), missing)) return;
  // beads[v][concept]: the beads where version v names the concept.
  std::vector<std::map<uint32_t, std::set<size_t>>> beads(ctx.versions());
  for (size_t v = 0; v < ctx.versions(); ++v) {
    for (const TermHit& h : ctx.hits[v]) beads[v][h.concept_index].insert(ctx.BeadOf(v, h.sentence));
  }
  auto names = [&](size_t v, uint32_t c, size_t bead) {
    auto it = beads[v].find(c);
    return it != beads[v].end() && it->second.count(bead);
  };
  auto moved = [&](const Finding& f) {
    if (f.type != FindingType::kMissingTerm || !f.concept_index) return false;
    const uint32_t c = *f.concept_index;
    const size_t first = f.bead > window ? f.bead - window : 0;
    const size_t last = std::min(f.bead + window, ctx.beads().size() - 1);
    for (const FindingPlace& p : f.places) {
      if (p.version == f.version || p.spans.empty() || !names(p.version, c, f.bead)) continue;
      for (size_t b = first; b <= last; ++b) {
        if (b != f.bead && names(f.version, c, b) && !names(p.version, c, b)) return true;
      }
    }
    return false;
  };
  std::erase_if(*findings, moved);
}

// A bead whose sides hardly render each other either way says different
// things in each version (an agency's lede beside the statement's opening,
// an alignment that is off): a concept that one side names there may be
// anywhere in the other version, so its absence from this bead is no
// evidence of a missing term.
void DropTermsInUnrenderedBeads(const CheckContext& ctx, std::vector<Finding>* findings) {
  const double least = ctx.config.missing_term_min_rendered;
  if (!ctx.glossary || least <= 0) return;
  // Each (bead, pair of versions) is read through the dictionaries once,
  // however many of its terms are missing.
  std::map<std::tuple<size_t, size_t, size_t>, bool> judged;
  const auto unrelated = [&](size_t bead, size_t a, size_t b) {
    const auto key = std::make_tuple(bead, std::min(a, b), std::max(a, b));
    if (auto it = judged.find(key); it != judged.end()) return it->second;
    bool apart = false;
    if (ctx.glossary->Compares(ctx.language(a), ctx.language(b))) {
      const double there = RenderedShare(ctx, bead, a, b), back = RenderedShare(ctx, bead, b, a);
      apart = there >= 0 && back >= 0 && there < least && back < least;
    }
    judged.emplace(key, apart);
    return apart;
  };
  std::erase_if(*findings, [&](const Finding& f) {
    if (f.type != FindingType::kMissingTerm) return false;
    return std::any_of(f.places.begin(), f.places.end(), [&](const FindingPlace& p) {
      return p.version != f.version && !p.spans.empty() && unrelated(f.bead, p.version, f.version);
    });
  });
}

}  // namespace align::internal
