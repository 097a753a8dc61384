// Bead lines, "[i,j]:[k]": the format of Vecalign and Bertalign gold files
// and of their scorers (which read the first two sides).
#include "align/report.h"
#include "report_internal.h"

namespace align {

Status WriteBeads(const AlignResult& result, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(result));
  std::string line;
  for (const Bead& bead : result.alignment.beads) {
    line.clear();
    for (size_t v = 0; v < bead.sides.size(); ++v) {
      if (v > 0) line += ':';
      line += '[';
      for (uint32_t i = bead.sides[v].begin; i < bead.sides[v].end; ++i) {
        if (i > bead.sides[v].begin) line += ',';
        line += std::to_string(i);
      }
      line += ']';
    }
    line += '\n';
    out << line;
  }
  return report_internal::Finish(out);
}

}  // namespace align
