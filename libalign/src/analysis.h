// One reading of each version (internal): the key of every sentence is made
// once, and the term hits and the numbers of the sentence are read from it.
// RunCheck analyses each version once and the aligner (through the hits'
// concepts) and every pass of the checker take what they need from here,
// instead of each building keys again.
#pragma once

#include <vector>

#include "align/aligner.h"
#include "align/match.h"
#include "numbers.h"

namespace align::internal {

struct VersionAnalysis {
  std::vector<TermHit> hits;                       // as TermMatcher::Match gives them
  std::vector<std::vector<NumberMention>> numbers;  // per sentence
};

// Reads |input| once: its term hits when |matcher| is given, its numbers
// when |numbers| is true.
VersionAnalysis Analyse(const AlignInput& input, const TermMatcher* matcher, bool numbers);

// The numbers of every sentence of every version, when no analysis was made
// (Check called with hits only): one key per sentence.
std::vector<std::vector<std::vector<NumberMention>>> SentenceNumbers(const AlignResult& aligned);

// Gives each sentence of |input| the concepts of |hits| found in it (sorted,
// unique): shared concepts anchor the alignment.
void SetConcepts(const std::vector<TermHit>& hits, AlignInput& input);

// How many keys of sentences have been made in this process: tests hold the
// pipeline to one per sentence and version.
size_t SentenceKeysMade();

}  // namespace align::internal
