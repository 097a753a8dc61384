// TSV: one bead per line, one column per version, for spreadsheets and for
// the bilingual-TSV import of CAT tools. No header row, so that line k is bead k.
#include "align/report.h"
#include "report_internal.h"

namespace align {

Status WriteTsv(const AlignResult& result, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(result));
  std::string line;
  for (const Bead& bead : result.alignment.beads) {
    line.clear();
    for (size_t v = 0; v < bead.sides.size(); ++v) {
      if (v > 0) line += '\t';
      // Tabs and line breaks would break the columns and rows.
      line += report_internal::OneLine(BeadSideText(result, v, bead.sides[v].begin, bead.sides[v].end),
                                       /*tabs=*/true);
    }
    line += '\n';
    out << line;
  }
  return report_internal::Finish(out);
}

}  // namespace align
