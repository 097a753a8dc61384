// Hand-made alignments for the checker's tests (check_test.cc,
// check_coverage_test.cc): one sentence a line in each version, the beads
// given, the term hits matched.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "align/aligner.h"
#include "align/match.h"
#include "align/pipeline.h"

namespace align::check_testing {

// |beads| gives per bead the [begin, end) sentence range of every version.
inline void BuildAligned(const TermMatcher& matcher,
                         const std::vector<std::pair<Language, std::vector<std::string>>>& versions,
                         const std::vector<std::vector<std::pair<uint32_t, uint32_t>>>& beads, AlignResult* aligned,
                         std::vector<std::vector<TermHit>>* hits) {
  *aligned = AlignResult{};
  hits->clear();
  for (const auto& [language, lines] : versions) {
    std::string text;
    for (const std::string& line : lines) text += line + "\n";
    auto doc = Document::FromString(std::string(LanguageCode(language)) + ".txt", text);
    ASSERT_TRUE(doc.ok());
    AlignInput input{*doc, language, SplitLines(*doc), {}};
    hits->push_back(matcher.Match(input.document, language, input.sentences));
    aligned->versions.push_back(std::move(input));
    aligned->language_tags.emplace_back(LanguageCode(language));
  }
  for (const auto& sides : beads) {
    Bead bead;
    for (const auto& [b, e] : sides) bead.sides.push_back(SentenceRange{b, e});
    aligned->alignment.beads.push_back(bead);
  }
}

}  // namespace align::check_testing
