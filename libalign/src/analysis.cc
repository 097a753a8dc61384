#include "analysis.h"

#include <algorithm>
#include <atomic>

#include "align/normalize.h"

namespace align::internal {
namespace {

std::atomic<size_t> keys_made{0};

Key SentenceKey(const AlignInput& input, size_t s) {
  keys_made.fetch_add(1, std::memory_order_relaxed);
  return Normalizer::Get().MakeKey(input.document.bytes(), input.sentences[s].span);
}

}  // namespace

VersionAnalysis Analyse(const AlignInput& input, const TermMatcher* matcher, bool numbers) {
  VersionAnalysis out;
  if (numbers) out.numbers.resize(input.sentences.size());
  if (!matcher && !numbers) return out;
  for (size_t s = 0; s < input.sentences.size(); ++s) {
    if (input.sentences[s].span.empty()) continue;
    const Key key = SentenceKey(input, s);
    if (matcher) matcher->MatchKey(key, input.language, s, &out.hits);
    if (numbers) out.numbers[s] = ExtractNumbers(key, input.language);
  }
  return out;
}

std::vector<std::vector<std::vector<NumberMention>>> SentenceNumbers(const AlignResult& aligned) {
  std::vector<std::vector<std::vector<NumberMention>>> out;
  for (const AlignInput& input : aligned.versions) out.push_back(Analyse(input, nullptr, true).numbers);
  return out;
}

void SetConcepts(const std::vector<TermHit>& hits, AlignInput& input) {
  input.sentence_concepts.assign(input.sentences.size(), {});
  for (const TermHit& h : hits) input.sentence_concepts[h.sentence].push_back(h.concept_index);
  for (auto& concepts : input.sentence_concepts) {
    std::sort(concepts.begin(), concepts.end());
    concepts.erase(std::unique(concepts.begin(), concepts.end()), concepts.end());
  }
}

size_t SentenceKeysMade() { return keys_made.load(std::memory_order_relaxed); }

}  // namespace align::internal
