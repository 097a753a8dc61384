// Pairwise projections of a 3-version alignment, for tools that read only
// bilingual files (hunalign ladders, bilingual TMX, Vecalign's scorer).
#include "align/report.h"

namespace align {

std::vector<AlignResult> PairwiseProjections(const AlignResult& result) {
  const size_t n = result.versions.size();
  if (n < 3) return {result};
  std::vector<AlignResult> pairs;
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = a + 1; b < n; ++b) {
      AlignResult pair;
      pair.versions = {result.versions[a], result.versions[b]};
      pair.language_tags = {result.language_tags[a], result.language_tags[b]};
      pair.settings = result.settings;
      const int source = result.settings.source_version;
      pair.settings.source_version = source == static_cast<int>(a) ? 0 : source == static_cast<int>(b) ? 1 : -1;
      pair.alignment.warnings = result.alignment.warnings;
      for (const Bead& bead : result.alignment.beads) {
        // A bead whose sentences are all in the third version is no bead of
        // this pair; the others keep their score and unit.
        if (bead.sides[a].empty() && bead.sides[b].empty()) continue;
        Bead projected = bead;
        projected.sides = {bead.sides[a], bead.sides[b]};
        pair.alignment.beads.push_back(std::move(projected));
      }
      pairs.push_back(std::move(pair));
    }
  }
  return pairs;
}

}  // namespace align
