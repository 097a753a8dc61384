// Term findings: deprecated-term, missing-term (per bead) and
// inconsistent-term (per document).
//
// deprecated-term: one finding per deprecated or superseded rendering in a
// bead, with a span for each use of it there.
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
// - Only concepts of kind term are demanded (lexicon.h, ConceptKind): a name
//   or a title a translation leaves out or shortens is not reported.
// - Who is at fault: with a source, only the source's concepts are demanded
//   (a translation that names a concept the source does not is not missing
//   anything). Without one, every version's concepts are demanded of the
//   others, and each version lacking one gets a finding.
#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>
#include <string_view>

#include <fmt/format.h>

#include "align/normalize.h"
#include "check_internal.h"
#include "chinese_script.h"
#include "match_internal.h"

namespace align::internal {
namespace {

std::string BareKey(std::string_view text) { return QuotelessKey(text); }

// related[c]: TermMatcher::NestedConcepts(), concepts whose renderings nest
// in c's (外交部 in 外交部长, CPEC in "CPEC 2.0"): either meets a demand for
// the other.
using Related = std::vector<std::vector<uint32_t>>;

// Words of a key (split on spaces and hyphens), or its Han characters.
std::vector<std::string> Units(const std::string& key, bool han) {
  std::vector<std::string> out;
  std::string cur;
  for (size_t i = 0; i < key.size();) {
    size_t n = 1;
    auto b = static_cast<unsigned char>(key[i]);
    if (b >= 0xF0) n = 4; else if (b >= 0xE0) n = 3; else if (b >= 0xC0) n = 2;
    std::string cp = key.substr(i, n);
    i += n;
    if (han) {
      out.push_back(cp);
    } else if (cp == " " || cp == "-") {
      if (!cur.empty()) out.push_back(cur), cur.clear();
    } else {
      cur += cp;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool HasWord(const std::string& text, const std::string& word) {
  for (size_t p = text.find(word); p != std::string::npos; p = text.find(word, p + 1)) {
    bool left = p == 0 || text[p - 1] == ' ' || text[p - 1] == '-' ||
                (static_cast<unsigned char>(text[p - 1]) < 0x80 && !isalnum(static_cast<unsigned char>(text[p - 1])));
    size_t e = p + word.size();
    bool right = e >= text.size() || text[e] == ' ' || text[e] == '-' ||
                 (static_cast<unsigned char>(text[e]) < 0x80 && !isalnum(static_cast<unsigned char>(text[e])));
    if (left && right) return true;
  }
  return false;
}

// A version that has named a concept earlier may refer back to it by its
// head: "the corridor" / 走廊 / راہداری after "China-Pakistan Economic
// Corridor", "Xi" after "Xi Jinping". The demand is met when |side_key| (the
// bead's text as a key) holds the last word (of CheckConfig::
// reference_min_head_bytes or more; Han: the last reference_han_chars
// characters) of an admitted rendering of two units or more, or for a
// rendering written with capitals its first word written capitalised in
// |side_text|.
bool ReferredBack(const Lexicon& lex, const CheckConfig& config, uint32_t c, Language language,
                  const std::string& side_key, const std::string& side_text) {
  const bool han = Languages().Info(language).units == TextUnits::kCharacters;
  for (uint32_t t : lex.concepts()[c].terms) {
    const Term& term = lex.terms()[t];
    if (term.language != language || !IsAdmitted(term.status)) continue;
    std::vector<std::string> units = Units(BareKey(term.text), han);
    if (units.size() < 2) continue;
    if (han) {
      const size_t tail = std::max<size_t>(config.reference_han_chars, 1);
      if (units.size() < tail) continue;
      std::string head;
      for (size_t u = units.size() - tail; u < units.size(); ++u) head += units[u];
      if (side_key.find(head) != std::string::npos) return true;
      continue;
    }
    if (units.back().size() >= config.reference_min_head_bytes && HasWord(side_key, units.back())) return true;
    const std::string first = term.text.substr(0, term.text.find_first_of(" -"));
    if (!first.empty() && first[0] >= 'A' && first[0] <= 'Z' && HasWord(side_text, first)) return true;
  }
  return false;
}

// Names and titles are not demanded: a translation drops a title on a
// second mention, writes "Shehbaz" or "the Chinese president" for a full
// name and "China" for "the People's Republic of China", which is ordinary
// translation, not a divergence. Their deprecated and inconsistent
// renderings are still reported, and their hits still meet demands.
bool Demandable(const Lexicon& lexicon, uint32_t concept_index) {
  return lexicon.concepts()[concept_index].kind == ConceptKind::kTerm;
}

bool HasAdmittedTerm(const Lexicon& lexicon, uint32_t concept_index, Language language) {
  for (uint32_t t : lexicon.concepts()[concept_index].terms) {
    const Term& term = lexicon.terms()[t];
    if (term.language == language && IsAdmitted(term.status)) return true;
  }
  return false;
}

// The renderings of a concept version |v| should use: preferred first, then
// admitted ones, in termbase order; in Traditional characters when the
// version is written in them (the termbase is Simplified), without the
// duplicates that two Simplified forms of one Traditional form would give.
std::vector<std::string> Renderings(const CheckContext& ctx, uint32_t concept_index, size_t v) {
  const Lexicon& lexicon = ctx.lexicon;
  std::vector<std::string> out;
  for (TermStatus wanted : {TermStatus::kPreferred, TermStatus::kAdmitted}) {
    for (uint32_t t : lexicon.concepts()[concept_index].terms) {
      const Term& term = lexicon.terms()[t];
      if (term.language != ctx.language(v) || term.status != wanted) continue;
      std::string shown = ctx.traditional(v) ? ToTraditional(term.text) : term.text;
      if (std::find(out.begin(), out.end(), shown) == out.end()) out.push_back(std::move(shown));
    }
  }
  return out;
}

size_t CodePoints(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Drops the ending of a word of five code points or more (one; two from
// seven on; CheckConfig::stem_*): case and number endings,
// راہداریاں/راہداریوں → راہداری.
std::string Stem(const std::string& word, const CheckConfig& config) {
  const size_t n = CodePoints(word);
  if (n < config.stem_min_code_points || n == 0) return word;
  std::string out = word;
  for (size_t drop = std::min(n, n >= config.stem_two_from_code_points ? size_t{2} : size_t{1}); drop > 0; --drop) {
    size_t start = out.size() - 1;
    while (start > 0 && (static_cast<unsigned char>(out[start]) & 0xC0) == 0x80) --start;
    out.resize(start);
  }
  return out;
}

// The words of |side_key| (dots dropped: "U.N." → "un"), sorted and
// unique, so that a word or a word beginning is found by binary search.
std::vector<std::string> SideWords(const std::string& side_key) {
  std::string cleaned;
  for (char c : side_key) {
    if (c != '.') cleaned += (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"') ? ' ' : c;
  }
  std::vector<std::string> words = Units(cleaned, false);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

bool HasWordStartingWith(const std::vector<std::string>& sorted_words, const std::string& prefix) {
  auto it = std::lower_bound(sorted_words.begin(), sorted_words.end(), prefix);
  return it != sorted_words.end() && it->compare(0, prefix.size(), prefix) == 0;
}

// A rendering the matcher's forms do not cover (مفاہمتی یادداشت for
// مفاہمت کی یادداشت, "Charter of the U.N." for "UN Charter"): at least two
// of its content words (three code points or more) and two thirds of them
// begin words of the side, in any order. Word languages only. (The numbers
// are CheckConfig's loose_* defaults.)
bool LooselyRendered(const Lexicon& lex, const CheckConfig& config, uint32_t c, Language language,
                     const std::vector<std::string>& sorted_words) {
  for (uint32_t t : lex.concepts()[c].terms) {
    const Term& term = lex.terms()[t];
    if (term.language != language || !IsAdmitted(term.status)) continue;
    // An acronym written with dots ("U.N." for UN).
    bool acronym = term.text.size() >= 2 && term.text.size() <= config.acronym_max_letters &&
                   std::all_of(term.text.begin(), term.text.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    if (acronym && std::binary_search(sorted_words.begin(), sorted_words.end(), BareKey(term.text))) return true;
    std::vector<std::string> content;
    for (std::string& u : Units(BareKey(term.text), false)) {
      std::string bare;
      for (char ch : u) {
        if (ch != '.') bare += ch;
      }
      if (CodePoints(bare) >= config.loose_min_word_code_points) content.push_back(bare);
    }
    size_t counted = 0, found = 0;
    for (const std::string& u : content) {
      // Function words (of, کی) in longer terms.
      if (CodePoints(u) <= config.loose_function_word_max && content.size() > config.loose_min_words) continue;
      ++counted;
      if (CodePoints(u) <= config.loose_whole_word_max ? std::binary_search(sorted_words.begin(), sorted_words.end(), u)
                                                       : HasWordStartingWith(sorted_words, Stem(u, config))) {
        ++found;
      }
    }
    if (counted >= config.loose_min_words && found >= config.loose_min_words &&
        static_cast<double>(found) >= config.loose_min_share * static_cast<double>(counted)) {
      return true;
    }
  }
  return false;
}

// Chinese lists of sensitive issues abbreviate a place to one character
// after 涉 ("concerning"): 涉台、涉疆、涉藏、涉港.
constexpr std::string_view kShe = "涉";

// The characters that follow 涉 in |side_key|.
std::set<std::string> AfterShe(const std::string& side_key) {
  std::set<std::string> out;
  for (size_t p = side_key.find(kShe); p != std::string::npos; p = side_key.find(kShe, p + kShe.size())) {
    std::vector<std::string> next = Units(side_key.substr(p + kShe.size(), 4), true);
    if (!next.empty()) out.insert(next.front());
  }
  return out;
}

bool AbbreviatedAfterShe(const Lexicon& lex, uint32_t c, const std::set<std::string>& after_she) {
  if (after_she.empty()) return false;
  for (uint32_t t : lex.concepts()[c].terms) {
    const Term& term = lex.terms()[t];
    if (term.language != Language::kChinese || !IsAdmitted(term.status)) continue;
    for (const std::string& ch : Units(BareKey(term.text), true)) {
      if (after_she.count(ch)) return true;
    }
  }
  return false;
}

// spans[v][c]: the spans of concept c's hits in version v's side of a bead.
using SpansByConcept = std::vector<std::map<uint32_t, std::vector<Span>>>;

SpansByConcept BeadSpans(const CheckContext& ctx, size_t b) {
  SpansByConcept spans(ctx.versions());
  for (size_t v = 0; v < ctx.versions(); ++v) {
    for (size_t j : ctx.HitsIn(b, v)) spans[v][ctx.hits[v][j].concept_index].push_back(ctx.hits[v][j].span);
  }
  return spans;
}

void Deprecated(const CheckContext& ctx, size_t b, size_t v, const SpansByConcept& bead_spans,
                std::vector<Finding>* out) {
  const Lexicon& lex = ctx.lexicon;
  // One finding per deprecated rendering in a bead, pointing at each of its
  // uses: a rendering repeated n times beside m renderings of the concept
  // elsewhere would otherwise give n findings of m + 1 spans each.
  std::map<uint32_t, size_t> finding_of_term;
  for (size_t i : ctx.HitsIn(b, v)) {
    const TermHit& h = ctx.hits[v][i];
    if (IsAdmitted(h.status)) continue;
    if (auto known = finding_of_term.find(h.term_index); known != finding_of_term.end()) {
      for (FindingPlace& p : (*out)[known->second].places) {
        if (p.version == v) p.spans.push_back(h.span);
      }
      continue;
    }
    finding_of_term[h.term_index] = out->size();
    Finding f;
    f.type = FindingType::kDeprecatedTerm;
    f.severity = h.status == TermStatus::kDeprecated ? DefaultSeverity(f.type) : Milder(DefaultSeverity(f.type));
    f.concept_index = h.concept_index;
    f.version = v;
    f.bead = b;
    f.places = ctx.Places(b, ctx.Place(b, v, {h.span}));
    // In the other versions, point at this concept's renderings when present.
    for (FindingPlace& p : f.places) {
      if (p.version == v) continue;
      auto it = bead_spans[p.version].find(h.concept_index);
      if (it != bead_spans[p.version].end()) p.spans = it->second;
    }
    f.evidence = ctx.Text(v, h.span);
    f.expected = Renderings(ctx, h.concept_index, v);
    const std::string& id = lex.concepts()[h.concept_index].id;
    const bool superseded = h.status == TermStatus::kSuperseded;
    if (f.expected.empty() && superseded) {
      SetMessage(&f, "'{}' is a superseded rendering of {}", {f.evidence, id});
    } else if (f.expected.empty()) {
      SetMessage(&f, "'{}' is a deprecated rendering of {}", {f.evidence, id});
    } else if (superseded) {
      SetMessage(&f, "'{}' is a superseded rendering of {}; use '{}'", {f.evidence, id, f.expected.front()});
    } else {
      SetMessage(&f, "'{}' is a deprecated rendering of {}; use '{}'", {f.evidence, id, f.expected.front()});
    }
    out->push_back(std::move(f));
  }
}

// first_named[v][c]: the first sentence of version v with a hit of concept
// c (kNever when none), so that "named before this bead" is one look-up.
constexpr uint32_t kNever = UINT32_MAX;
using FirstNamed = std::vector<std::vector<uint32_t>>;

FirstNamed FirstSentences(const CheckContext& ctx) {
  FirstNamed first(ctx.versions(), std::vector<uint32_t>(ctx.lexicon.concepts().size(), kNever));
  for (size_t v = 0; v < ctx.versions(); ++v) {
    for (const TermHit& h : ctx.hits[v]) {
      uint32_t& f = first[v][h.concept_index];
      f = std::min(f, static_cast<uint32_t>(h.sentence));
    }
  }
  return first;
}

// The words of version v's side of bead b that render |term| (of version
// a) freely, found through the dictionaries: when they express at least half
// of the term's words with a dictionary entry (two at the least, one for a
// term of one such word), they
// become the finding's rendering and the spans of v's place, so that a
// report marks those words and not the whole sentence.
bool FreeRendering(const CheckContext& ctx, size_t a, const std::string& term, size_t b, size_t v, Finding* f) {
  if (!ctx.glossary || !ctx.glossary->Compares(ctx.language(a), ctx.language(v))) return false;
  const std::vector<std::vector<std::string>> units = ctx.glossary->Units(term, ctx.language(a), ctx.language(v));
  std::unordered_set<std::string> wanted;
  for (const auto& u : units) wanted.insert(u.begin(), u.end());
  if (wanted.empty()) return false;
  const AlignInput& input = ctx.aligned.versions[v];
  std::unordered_set<std::string> met;
  std::vector<Span> spans;
  for (uint32_t s = ctx.side(b, v).begin; s < ctx.side(b, v).end; ++s) {
    const Span sentence = input.sentences[s].span;
    for (Span w : ctx.glossary->Find(input.document.Slice(sentence), ctx.language(v), wanted, &met)) {
      spans.push_back({sentence.begin + w.begin, sentence.begin + w.end});
    }
  }
  const size_t expressed = static_cast<size_t>(
      std::count_if(units.begin(), units.end(), [&](const auto& u) { return UnitRendered(u, met); }));
  // One word of several is too little to tell a rendering from a word the
  // sentence has anyway.
  if (spans.empty() || expressed * 2 < units.size() || (units.size() > 1 && expressed < 2)) return false;
  std::string rendering;
  for (const Span& s : spans) rendering += (rendering.empty() ? "" : " … ") + ctx.Text(v, s);
  f->rendering = std::move(rendering);
  for (FindingPlace& p : f->places)
    if (p.version == v) p.spans = spans;
  return true;
}

void Missing(const CheckContext& ctx, const Related& related, const FirstNamed& first_named,
             const SpansByConcept& bead_spans, size_t b, size_t a, std::vector<Finding>* out) {
  const Lexicon& lex = ctx.lexicon;
  // Demands of version a: concept groups sharing a span, in order.
  std::vector<std::pair<Span, std::vector<uint32_t>>> demands;
  std::set<uint32_t> demanded;
  // Hits at one span, or separated only by white space (a title and a
  // name: "President Xi Jinping"), make one demand, met by any of them.
  std::string_view bytes = ctx.aligned.versions[a].document.bytes();
  for (size_t i : ctx.HitsIn(b, a)) {
    const TermHit& h = ctx.hits[a][i];
    bool joined = false;
    if (!demands.empty()) {
      Span& last = demands.back().first;
      if (last == h.span) {
        joined = true;
      } else if (last.end <= h.span.begin &&
                 bytes.substr(last.end, h.span.begin - last.end).find_first_not_of(" \t\n") == std::string_view::npos) {
        joined = true;
        last.end = h.span.end;
      }
    }
    if (joined) {
      demands.back().second.push_back(h.concept_index);
    } else {
      demands.push_back({h.span, {h.concept_index}});
    }
  }
  for (size_t v = 0; v < ctx.versions(); ++v) {
    if (v == a || ctx.side(b, v).empty()) continue;
    if (ctx.source() >= 0 && static_cast<int>(a) != ctx.source()) continue;
    const Language lang = ctx.language(v);
    std::set<uint32_t> implied;
    for (const auto& [d, spans] : bead_spans[v]) implied.insert(related[d].begin(), related[d].end());
    // Concepts version v named before this bead (for references back).
    const uint32_t first_sentence = ctx.side(b, v).begin;
    auto named = [&](uint32_t c) {
      if (first_named[v][c] < first_sentence) return true;
      for (uint32_t d : related[c]) {
        if (first_named[v][d] < first_sentence) return true;
      }
      return false;
    };
    // The side's text and words, built on the first demand that needs them.
    std::optional<std::string> side_text, side_key;
    std::optional<std::vector<std::string>> side_words;
    std::optional<std::set<std::string>> after_she;
    auto side = [&]() {
      if (!side_text) {
        side_text = ctx.SideText(b, v);
        side_key = BareKey(*side_text);
        side_words = SideWords(*side_key);
        after_she = AfterShe(*side_key);
      }
    };
    const bool han = Languages().Info(lang).units == TextUnits::kCharacters;
    // Whether a demand for concept c is met depends on c alone within the
    // bead: decided once per concept however many hits demand it.
    std::map<uint32_t, bool> met_memo;
    auto met_by = [&](uint32_t c) {
      auto [it, fresh] = met_memo.try_emplace(c, false);
      if (!fresh) return it->second;
      bool met = bead_spans[v].count(c) || implied.count(c);
      if (!met) {
        side();
        met = (named(c) && ReferredBack(lex, ctx.config, c, lang, *side_key, *side_text)) ||
              (!han && LooselyRendered(lex, ctx.config, c, lang, *side_words)) ||
              (han && AbbreviatedAfterShe(lex, c, *after_she));
      }
      // Without a source and with three versions, a concept only one
      // version names is not demanded: the two others agree without it.
      if (ctx.source() < 0 && ctx.versions() == 3 && !met) {
        size_t having = 0;
        for (size_t o = 0; o < ctx.versions(); ++o) having += o != v && bead_spans[o].count(c);
        if (having < 2) met = true;
      }
      return it->second = met;
    };
    std::set<uint32_t> reported;
    for (const auto& [span, group] : demands) {
      // Only terms are demanded: a group of names and titles alone
      // ("President Xi Jinping") demands nothing.
      std::optional<uint32_t> demanded_term;
      for (uint32_t c : group) {
        if (!demanded_term && Demandable(lex, c) && HasAdmittedTerm(lex, c, lang)) demanded_term = c;
      }
      if (!demanded_term) continue;
      bool met = false;
      for (uint32_t c : group) met = met || met_by(c);
      if (met) continue;
      const uint32_t c = *demanded_term;
      if (!reported.insert(c).second) continue;
      // Without a source, a concept two versions lack and one has is
      // reported for both lacking versions by the one that has it; a
      // concept only this pair disagrees on is reported once here.
      Finding f;
      f.type = FindingType::kMissingTerm;
      f.severity = DefaultSeverity(f.type);
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
      side();
      f.evidence = *side_text;
      f.expected = Renderings(ctx, c, v);
      const std::string term = ctx.Text(a, span);
      if (FreeRendering(ctx, a, term, b, v, &f)) {
        SetMessage(&f, "{} ('{}' in {}) has no admitted rendering in the aligned {} text, which renders it '{}'; expected '{}'",
                   {lex.concepts()[c].id, term, ctx.aligned.language_tags[a], ctx.aligned.language_tags[v], f.rendering,
                    f.expected.empty() ? "" : f.expected.front()});
      } else {
        SetMessage(&f, "{} ('{}' in {}) has no admitted rendering in the aligned {} text; expected '{}'",
                   {lex.concepts()[c].id, term, ctx.aligned.language_tags[a], ctx.aligned.language_tags[v],
                    f.expected.empty() ? "" : f.expected.front()});
      }
      out->push_back(std::move(f));
    }
  }
}

}  // namespace

void CheckTerms(const CheckContext& ctx, std::vector<Finding>* out) {
  const Related& related = ctx.matcher.NestedConcepts();
  const FirstNamed first_named = FirstSentences(ctx);
  for (size_t b = 0; b < ctx.beads().size(); ++b) {
    const SpansByConcept bead_spans = BeadSpans(ctx, b);
    for (size_t v = 0; v < ctx.versions(); ++v) {
      if (ctx.config.deprecated_terms) Deprecated(ctx, b, v, bead_spans, out);
    }
    if (!ctx.config.missing_terms) continue;
    std::vector<Finding> missing;
    for (size_t a = 0; a < ctx.versions(); ++a) Missing(ctx, related, first_named, bead_spans, b, a, &missing);
    // One finding per (version, concept) in a bead, whichever version demanded it.
    std::set<std::pair<size_t, uint32_t>> seen;
    for (Finding& f : missing) {
      if (seen.insert({f.version, *f.concept_index}).second) out->push_back(std::move(f));
    }
  }
}

}  // namespace align::internal
