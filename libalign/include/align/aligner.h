// Sentence alignment of two or three versions of one document.
//
// (The aligner's config and class are defined by the aligner work; the
// result types below are the contract the writers in report.h rely on.)
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "align/segment.h"
#include "align/text.h"

namespace align {

// A contiguous run [begin, end) of sentence indices of one version; empty
// when the version has no sentence in the bead (1-0, 0-1 beads).
struct SentenceRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const SentenceRange&, const SentenceRange&) = default;
};

// One bead: the sentences of every version that translate each other.
// sides[v] belongs to version v, in the order the versions were given.
struct Bead {
  std::vector<SentenceRange> sides;
  double score = 0;  // confidence in [0, 1]
};

// The beads in order; together they cover every sentence of every version
// exactly once. |warnings| says when the result deserves suspicion (one
// version much longer, documents that look unrelated, an empty version).
struct Alignment {
  std::vector<Bead> beads;
  std::vector<std::string> warnings;
};

// One version as the aligner sees it.
struct AlignInput {
  Document document;
  Language language = Language::kUnknown;
  std::vector<Sentence> sentences;
};

}  // namespace align
