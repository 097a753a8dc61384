// hunalign's ladder: the alignment as rungs, "i<TAB>j<TAB>score". Between two
// consecutive rungs lie the sentences of one bead: rung (i, j) followed by
// (i', j') is the bead [i, i') x [j, j'). The first rung is (0, 0) and the
// last, closing rung is (number of source sentences, number of target
// sentences), as hunalign writes it; each rung but the closing one carries
// the score of the bead that starts there.
#include <fmt/format.h>

#include "align/report.h"
#include "report_internal.h"

namespace align {

Status WriteLadder(const AlignResult& result, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(result));
  const size_t n = result.versions.size();
  // A ladder can only say "everything between two rungs": the beads must
  // cover every sentence once, in order.
  std::vector<uint32_t> next(n, 0);
  for (size_t b = 0; b < result.alignment.beads.size(); ++b) {
    const Bead& bead = result.alignment.beads[b];
    bool empty = true;
    for (size_t v = 0; v < n; ++v) {
      if (bead.sides[v].begin != next[v]) {
        return InvalidArgument(fmt::format(
            "bead {} starts at sentence {} of {} where {} was expected: a ladder needs beads that "
            "cover every sentence once, in order",
            b, bead.sides[v].begin, result.versions[v].document.name(), next[v]));
      }
      empty = empty && bead.sides[v].empty();
    }
    if (empty) continue;  // a rung repeated would mean nothing
    std::string line;
    for (size_t v = 0; v < n; ++v) {
      line += std::to_string(bead.sides[v].begin);
      line += '\t';
      next[v] = bead.sides[v].end;
    }
    out << line << FormatScore(bead.score) << '\n';
  }
  std::string closing;
  for (size_t v = 0; v < n; ++v) {
    if (next[v] != result.versions[v].sentences.size()) {
      return InvalidArgument(fmt::format("the beads stop at sentence {} of {}, which has {}: a ladder "
                                         "needs beads that cover every sentence",
                                         next[v], result.versions[v].document.name(),
                                         result.versions[v].sentences.size()));
    }
    closing += std::to_string(next[v]);
    closing += '\t';
  }
  // The closing rung starts no bead, so it has no bead score of its own.
  out << closing << FormatScore(0) << '\n';
  return report_internal::Finish(out);
}

}  // namespace align
