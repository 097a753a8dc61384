// Hand-made alignments for the writers' tests (report_test.cc,
// report_csv_test.cc): versions built from their sentences, beads from
// their sides.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "align/aligner.h"
#include "align/text.h"

namespace align::report_testing {

// A version whose sentences are the given strings, separated by "\n\n" in
// the document, with a BOM on request so that offsets are not line-based.
inline AlignInput Version(const std::string& name, Language language, const std::vector<std::string>& sentences,
                          bool bom = false) {
  std::string bytes = bom ? "\xEF\xBB\xBF" : "";
  std::vector<Sentence> spans;
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (i) bytes += "\n\n";
    spans.push_back({{bytes.size(), bytes.size() + sentences[i].size()}, i});
    bytes += sentences[i];
  }
  bytes += "\n";
  auto doc = Document::FromString(name, bytes);
  EXPECT_TRUE(doc.ok()) << doc.status().message();
  return AlignInput{*doc, language, spans, {}};
}

// A bead of the given [begin, end) side per version.
inline Bead MakeBead(std::vector<std::pair<uint32_t, uint32_t>> sides, double score) {
  Bead b;
  for (auto [begin, end] : sides) b.sides.push_back({begin, end});
  b.score = score;
  return b;
}

}  // namespace align::report_testing
