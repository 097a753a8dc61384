// inconsistent-term: within one version of a document,
// - one concept rendered in more than one admitted way although the
//   termbase names a preferred one (the Urdu version says both X and Y):
//   reported once per concept per version, at the minority renderings;
// - one rendering (the same text at the same place) standing for two
//   concepts: reported once per rendering.
// Short forms are not a second rendering: a term whose key is part of
// another term of the concept (Belt and Road ⊂ Belt and Road Initiative) or
// at most half as long as the preferred term (CPEC, BRI, سی پیک;
// CheckConfig::short_form_max_share) is the abbreviation a text uses after
// the full form, as house styles require.
// A rendering the text declares as its abbreviation (in brackets after
// another rendering: "Special Economic Zones (SEZs)") is not a second
// rendering either, nor is a different form used once, at the first mention.
// Two terms with the same content words in another order or with other
// function words (Urdu ترجمان وزارت خارجہ and وزارت خارجہ کا ترجمان, the
// izafat and the کا construction) are one rendering written two ways.
// A term inside a longer capitalised name (Vice Minister of Foreign
// Affairs) is not counted. Deprecated and superseded renderings are left to
// deprecated-term.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "align/language.h"
#include "align/normalize.h"
#include "aligner_text.h"
#include "check_internal.h"

namespace align::internal {
namespace {

bool IsShortForm(const Lexicon& lex, uint32_t term_index, double max_share) {
  const Term& term = lex.terms()[term_index];
  const Normalizer& norm = Normalizer::Get();
  const std::string key = norm.KeyOf(term.text);
  size_t preferred_size = 0;
  for (uint32_t t : lex.concepts()[term.concept_index].terms) {
    const Term& other = lex.terms()[t];
    if (t == term_index || other.language != term.language) continue;
    const std::string other_key = norm.KeyOf(other.text);
    if (other_key.size() > key.size() && other_key.find(key) != std::string::npos) return true;
    if (other.status == TermStatus::kPreferred) preferred_size = std::max(preferred_size, other_key.size());
  }
  return static_cast<double>(key.size()) <= max_share * static_cast<double>(preferred_size);
}

// A term right after a capitalised word is part of a longer name ("Vice
// Minister of Foreign Affairs" holds "Minister of Foreign Affairs"): that is
// another title, not a rendering of the term's concept.
bool InsideLongerName(std::string_view bytes, Span span) {
  size_t p = span.begin;
  if (p == 0 || bytes[p - 1] != ' ') return false;
  size_t word_end = p - 1, word_begin = word_end;
  while (word_begin > 0 && std::isalpha(static_cast<unsigned char>(bytes[word_begin - 1]))) --word_begin;
  if (word_begin == word_end) return false;
  const bool sentence_start = word_begin < 2 || bytes[word_begin - 1] == '\n' ||
                              (bytes[word_begin - 1] == ' ' && (bytes[word_begin - 2] == '.' || bytes[word_begin - 2] == '"'));
  return std::isupper(static_cast<unsigned char>(bytes[word_begin])) && !sentence_start;
}

// The content words of |text|, folded and sorted: what a rendering says
// whatever its word order and function words.
std::string ContentWords(std::string_view text, const std::unordered_set<std::string>& function_words) {
  std::vector<std::string> words;
  for (const Token& t : Tokenize(text))
    if (!function_words.count(t.text)) words.push_back(t.kind == TokenKind::kWord && t.latin ? StemLatin(t.text) : t.text);
  std::sort(words.begin(), words.end());
  return fmt::format("{}", fmt::join(words, "\x1f"));
}

void ConceptRenderings(const CheckContext& ctx, size_t v, std::vector<Finding>* out) {
  const Lexicon& lex = ctx.lexicon;
  const std::unordered_set<std::string> function_words = FunctionWords(ctx.language(v));
  // The first term of its concept (termbase order) with a term's content
  // words: the one rendering that both stand for.
  std::map<uint32_t, uint32_t> rendering;
  auto rendering_of = [&](uint32_t t) {
    auto [it, fresh] = rendering.try_emplace(t, t);
    if (!fresh) return it->second;
    const Term& term = lex.terms()[t];
    const std::string words = ContentWords(term.text, function_words);
    for (uint32_t other : lex.concepts()[term.concept_index].terms) {
      if (lex.terms()[other].language != term.language || !IsAdmitted(lex.terms()[other].status)) continue;
      if (ContentWords(lex.terms()[other].text, function_words) == words) {
        it->second = other;
        break;
      }
    }
    return it->second;
  };
  // concept → term → hit indices, admitted full renderings only.
  // Renderings this document declares as abbreviations: written in brackets
  // right after another rendering of the same concept ("… Zones (SEZs)").
  std::string_view bytes = ctx.aligned.versions[v].document.bytes();
  std::set<uint32_t> declared;
  for (size_t i = 1; i < ctx.hits[v].size(); ++i) {
    const TermHit& h = ctx.hits[v][i];
    const TermHit& prev = ctx.hits[v][i - 1];
    if (prev.concept_index != h.concept_index || prev.span.end > h.span.begin) continue;
    std::string_view gap = bytes.substr(prev.span.end, h.span.begin - prev.span.end);
    if (gap == " (" || gap == "(" || gap == "（" || gap == " （") declared.insert(h.term_index);
  }
  std::map<uint32_t, std::map<uint32_t, std::vector<size_t>>> uses;
  std::map<uint32_t, bool> short_form;  // per term: keys are built once, not once per hit
  auto is_short_form = [&](uint32_t t) {
    auto [it, fresh] = short_form.try_emplace(t, false);
    if (fresh) it->second = IsShortForm(lex, t, ctx.config.short_form_max_share);
    return it->second;
  };
  for (size_t i = 0; i < ctx.hits[v].size(); ++i) {
    const TermHit& h = ctx.hits[v][i];
    if (!IsAdmitted(h.status) || is_short_form(h.term_index) || declared.count(h.term_index)) continue;
    if (InsideLongerName(bytes, h.span)) continue;
    uses[h.concept_index][rendering_of(h.term_index)].push_back(i);
  }
  // A text may introduce a term once in a fuller or different form (its
  // first mention) and keep to one rendering after (used at least
  // CheckConfig::first_mention_min_later_uses times): not an inconsistency.
  for (auto& [c, by_term] : uses) {
    size_t first = SIZE_MAX, total = 0;
    for (const auto& [t, list] : by_term) first = std::min(first, list.front()), total += list.size();
    for (auto it = by_term.begin(); it != by_term.end();) {
      if (it->second.size() == 1 && it->second.front() == first && total - 1 >= ctx.config.first_mention_min_later_uses) {
        it = by_term.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (const auto& [c, by_term] : uses) {
    if (by_term.size() < 2 || lex.Preferred(c, ctx.language(v)).empty()) continue;
    // The majority rendering: most uses, then preferred, then termbase order.
    auto rank = [&](const auto& entry) {
      bool preferred = lex.terms()[entry.first].status == TermStatus::kPreferred;
      return std::make_tuple(entry.second.size(), preferred, -static_cast<long>(entry.first));
    };
    auto majority = std::max_element(by_term.begin(), by_term.end(),
                                     [&](const auto& x, const auto& y) { return rank(x) < rank(y); });
    std::vector<size_t> minority;
    for (const auto& [t, hits] : by_term) {
      if (t != majority->first) minority.insert(minority.end(), hits.begin(), hits.end());
    }
    std::sort(minority.begin(), minority.end());
    const TermHit& first = ctx.hits[v][minority.front()];
    Finding f;
    f.type = FindingType::kInconsistentTerm;
    f.severity = DefaultSeverity(f.type);
    f.concept_index = c;
    f.version = v;
    f.bead = ctx.BeadOf(v, first.sentence);
    FindingPlace place;
    place.version = v;
    std::set<uint32_t> listed;
    for (size_t i : minority) {
      const TermHit& h = ctx.hits[v][i];
      if (listed.insert(static_cast<uint32_t>(h.sentence)).second) {
        place.sentences.push_back(static_cast<uint32_t>(h.sentence));
      }
      place.spans.push_back(h.span);
    }
    f.places = {place};
    f.evidence = ctx.Text(v, first.span);
    f.expected = {lex.terms()[majority->first].text};
    SetMessage(&f, "{} is rendered in {} ways in this version ({} uses of '{}', {} of others); keep one",
               {lex.concepts()[c].id, std::to_string(by_term.size()), std::to_string(majority->second.size()),
                lex.terms()[majority->first].text, std::to_string(minority.size())});
    out->push_back(std::move(f));
  }
}

void SharedRenderings(const CheckContext& ctx, size_t v, std::vector<Finding>* out) {
  const Lexicon& lex = ctx.lexicon;
  std::map<std::string, std::vector<size_t>> by_text;  // text key → hits with that span text
  const auto& hits = ctx.hits[v];
  for (size_t i = 0; i + 1 < hits.size(); ++i) {
    if (hits[i + 1].span != hits[i].span || hits[i + 1].concept_index == hits[i].concept_index) continue;
    std::string key = Normalizer::Get().KeyOf(ctx.Text(v, hits[i].span));
    auto& list = by_text[key];
    if (list.empty()) list.push_back(i);
  }
  for (const auto& [key, list] : by_text) {
    const TermHit& h = hits[list.front()];
    std::vector<std::string> ids;
    for (size_t j = list.front(); j < hits.size() && hits[j].span == h.span; ++j) {
      ids.push_back(lex.concepts()[hits[j].concept_index].id);
    }
    Finding f;
    f.type = FindingType::kInconsistentTerm;
    f.severity = Milder(DefaultSeverity(f.type));  // the termbase's fault more than the text's
    f.concept_index = h.concept_index;
    f.version = v;
    f.bead = ctx.BeadOf(v, h.sentence);
    f.places = {FindingPlace{v, {static_cast<uint32_t>(h.sentence)}, {h.span}}};
    f.evidence = ctx.Text(v, h.span);
    SetMessage(&f, "'{}' renders {} concepts ({}); the termbase should give each its own term",
               {f.evidence, std::to_string(ids.size()), fmt::format("{}", fmt::join(ids, ", "))});
    out->push_back(std::move(f));
  }
}

}  // namespace

void CheckInconsistency(const CheckContext& ctx, std::vector<Finding>* out) {
  for (size_t v = 0; v < ctx.versions(); ++v) {
    ConceptRenderings(ctx, v, out);
    SharedRenderings(ctx, v, out);
  }
}

}  // namespace align::internal
