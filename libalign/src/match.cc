// Term matching: builds one unit trie per language and walks each sentence's
// lattice of units from every position (longest-leftmost).
#include "align/match.h"

#include <algorithm>
#include <map>

#include "match_internal.h"

namespace align {

struct TermMatcher::LanguageIndex {
  Language language = Language::kUnknown;
  std::unique_ptr<internal::UnitCoder> coder;
  internal::UnitTrie trie;
  std::vector<std::string> term_keys;  // by term index; empty for other languages
  std::vector<internal::TermInfo> term_info;
};

TermMatcher::~TermMatcher() = default;

StatusOr<std::shared_ptr<const TermMatcher>> TermMatcher::Create(std::shared_ptr<const Lexicon> lexicon,
                                                                 const MatcherOptions& options) {
  if (!lexicon) return InvalidArgument("TermMatcher::Create: no lexicon");
  std::shared_ptr<TermMatcher> matcher(new TermMatcher());
  matcher->lexicon_ = std::move(lexicon);
  const std::vector<Term>& terms = matcher->lexicon_->terms();
  const Normalizer& norm = Normalizer::Get();

  std::map<Language, LanguageIndex*> by_language;
  for (const Term& term : terms) {
    if (term.language == Language::kUnknown || by_language.count(term.language)) continue;
    auto coder = internal::CreateCoder(term.language, options, &matcher->warnings_);
    if (!coder.ok()) return coder.status();
    auto index = std::make_unique<LanguageIndex>();
    index->language = term.language;
    index->coder = std::move(*coder);
    index->term_keys.resize(terms.size());
    by_language[term.language] = index.get();
    matcher->indexes_.push_back(std::move(index));
  }
  // Initialisms first (they add forms to the words of every term), then
  // words (their classes depend on every term word), then the trie.
  for (const Term& term : terms) {
    if (term.language != Language::kUnknown) by_language[term.language]->coder->AddTermText(term.text);
  }
  for (size_t t = 0; t < terms.size(); ++t) {
    if (terms[t].language == Language::kUnknown) continue;
    LanguageIndex* index = by_language[terms[t].language];
    index->term_keys[t] = norm.KeyOf(terms[t].text);
    index->coder->AddTermKey(index->term_keys[t]);
  }
  for (auto& index : matcher->indexes_) index->coder->Freeze();
  for (size_t t = 0; t < terms.size(); ++t) {
    if (terms[t].language == Language::kUnknown) continue;
    LanguageIndex* index = by_language[terms[t].language];
    for (const std::vector<uint32_t>& units : index->coder->TermVariants(index->term_keys[t])) {
      if (std::find(units.begin(), units.end(), UINT32_MAX) != units.end()) continue;
      index->trie.AddTerm(index->trie.Insert(units), static_cast<uint32_t>(t));
    }
  }
  for (auto& index : matcher->indexes_) {
    index->trie.Freeze();
    index->term_info = internal::MakeTermInfo(*matcher->lexicon_, index->term_keys);
  }
  return std::shared_ptr<const TermMatcher>(std::move(matcher));
}

std::vector<TermHit> TermMatcher::Match(const Document& doc, Language language,
                                        const std::vector<Sentence>& sentences) const {
  std::vector<TermHit> hits;
  const Normalizer& norm = Normalizer::Get();
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (sentences[i].span.empty()) continue;
    MatchKey(norm.MakeKey(doc.bytes(), sentences[i].span), language, i, &hits);
  }
  return hits;
}

void TermMatcher::MatchKey(const Key& key, Language language, size_t sentence_index,
                           std::vector<TermHit>* out) const {
  const LanguageIndex* index = nullptr;
  for (const auto& candidate : indexes_)
    if (candidate->language == language) index = candidate.get();
  if (index == nullptr || key.text.empty()) return;

  thread_local internal::Lattice lattice;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> stack;  // (token, node)
  thread_local std::vector<uint32_t> ends;                         // terminal nodes at the best end
  thread_local std::vector<uint32_t> terms;
  index->coder->BuildLattice(key.text, &lattice);
  const auto& tokens = lattice.tokens;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  const internal::UnitTrie& trie = index->trie;

  // The first two steps from each start are where the walk waits for
  // memory: their lines are requested a few positions ahead, so that the
  // waits overlap instead of adding up.
  constexpr uint32_t kLookahead = 8;
  uint32_t prefetched = 0;
  auto prefetch_upto = [&](uint32_t limit) {
    for (limit = std::min(limit, n); prefetched < limit; ++prefetched)
      for (uint32_t e = lattice.first_edge[prefetched]; e < lattice.first_edge[prefetched + 1]; ++e) {
        const internal::Lattice::Edge edge = lattice.edges[e];
        const uint32_t child = trie.Child(0, edge.unit);
        if (child == internal::UnitTrie::kNone || edge.to >= n) continue;
        for (uint32_t f = lattice.first_edge[edge.to]; f < lattice.first_edge[edge.to + 1]; ++f)
          trie.Prefetch(child, lattice.edges[f].unit);
      }
  };

  uint32_t start = 0;
  while (start < n) {
    prefetch_upto(start + kLookahead);
    // Most positions start no term: settle them with the root's dense array.
    bool any = false;
    for (uint32_t e = lattice.first_edge[start]; e < lattice.first_edge[start + 1] && !any; ++e)
      any = trie.Child(0, lattice.edges[e].unit) != internal::UnitTrie::kNone;
    if (!any) {
      ++start;
      continue;
    }
    uint32_t best = start;
    ends.clear();
    stack.clear();
    stack.emplace_back(start, 0);
    while (!stack.empty()) {
      const auto [pos, node] = stack.back();
      stack.pop_back();
      for (uint32_t e = lattice.first_edge[pos]; e < lattice.first_edge[pos + 1]; ++e) {
        const internal::Lattice::Edge edge = lattice.edges[e];
        const uint32_t child = trie.Child(node, edge.unit);
        if (child == internal::UnitTrie::kNone) continue;
        if (internal::UnitTrie::Terminal(child) &&
            index->coder->AtBoundaries(key.text, tokens[start].begin, tokens[edge.to - 1].end)) {
          if (edge.to > best) {
            best = edge.to;
            ends.assign(1, child);
          } else if (edge.to == best) {
            ends.push_back(child);
          }
        }
        if (edge.to < n && !edge.final_only) stack.emplace_back(edge.to, child);
      }
    }
    if (best == start) {
      ++start;
      continue;
    }
    terms.clear();
    for (uint32_t node : ends) terms.insert(terms.end(), trie.TermsBegin(node), trie.TermsEnd(node));
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    uint32_t begin = tokens[start].begin;
    uint32_t end = tokens[best - 1].end;
    if (index->coder->profile().units == internal::MatchProfile::Units::kChars)
      internal::WidenToQuotes(key.text, &begin, &end);
    internal::EmitHits(index->term_info, terms, std::string_view(key.text).substr(begin, end - begin),
                       index->term_keys, sentence_index, key.OriginalSpan(begin, end), out);
    start = best;
  }
}

namespace internal {

std::vector<TermInfo> MakeTermInfo(const Lexicon& lexicon, const std::vector<std::string>& term_keys) {
  std::vector<TermInfo> info(lexicon.terms().size());
  for (size_t t = 0; t < info.size(); ++t) {
    info[t].key_hash = HashBytes(term_keys[t]);
    info[t].concept_index = lexicon.terms()[t].concept_index;
    info[t].status = lexicon.terms()[t].status;
  }
  return info;
}

void EmitHits(const std::vector<TermInfo>& info, const std::vector<uint32_t>& terms, std::string_view matched_key,
              const std::vector<std::string>& term_keys, size_t sentence, Span span,
              std::vector<TermHit>* out) {
  const uint64_t matched_hash = HashBytes(matched_key);
  auto exact = [&](uint32_t t) { return info[t].key_hash == matched_hash && term_keys[t] == matched_key; };
  // |terms| is sorted by term index; pick per concept the term written as
  // matched, else the concept's first term that matched.
  thread_local std::vector<std::pair<uint32_t, uint32_t>> chosen;  // (concept, term)
  chosen.clear();
  for (uint32_t t : terms) {
    const uint32_t concept_index = info[t].concept_index;
    auto it = std::find_if(chosen.begin(), chosen.end(), [&](const auto& c) { return c.first == concept_index; });
    if (it == chosen.end()) {
      chosen.emplace_back(concept_index, t);
    } else if (!exact(it->second) && exact(t)) {
      it->second = t;
    }
  }
  std::sort(chosen.begin(), chosen.end());
  for (const auto& [concept_index, t] : chosen) {
    TermHit hit;
    hit.concept_index = concept_index;
    hit.term_index = t;
    hit.status = info[t].status;
    hit.sentence = sentence;
    hit.span = span;
    hit.exact = exact(t);
    out->push_back(hit);
  }
}

}  // namespace internal
}  // namespace align
