// Sentence alignment of two or three versions of one document.
//
//   align::Aligner aligner(align::AlignerConfig{}, resources);
//   auto alignment = aligner.Align({english, chinese, urdu});
//   for (const align::Bead& b : alignment->beads) ...
//
// The model and its parameters are described in docs/aligner.md.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "align/dictionary.h"
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
  // Termbase concepts found in each sentence (indices into the Lexicon's
  // concepts), filled by the pipeline from the term matcher; may be empty.
  // Shared concepts are anchors: language-independent evidence of a match.
  std::vector<std::vector<uint32_t>> sentence_concepts;
};

// What the aligner may use besides the texts. All shared read-only.
struct AlignResources {
  // Bilingual dictionaries, any direction between the inputs' languages.
  std::vector<std::shared_ptr<const Dictionary>> dictionaries;
};

// Parameters of the model; every field is documented in docs/aligner.md.
struct AlignerConfig {
  // The largest number of sentences on one side of a bead (1-4 and 4-1).
  int max_bead_side = 4;
  // Learn a lexicon from the documents (first pass, co-occurrence in
  // confident beads, realign) for pairs without a dictionary.
  bool learn_lexicon = true;
};

class Aligner {
 public:
  Aligner(AlignerConfig config, AlignResources resources);
  // Aligns 2 or 3 versions. Thread-safe; deterministic.
  StatusOr<Alignment> Align(const std::vector<AlignInput>& versions) const;

 private:
  AlignerConfig config_;
  AlignResources resources_;
};

}  // namespace align
