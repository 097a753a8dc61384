// TSV: a header row, then one bead per line (row k+1 is bead k): its number,
// its score and one column per version, for spreadsheets, pandas and the
// bilingual-TSV import of CAT tools. Every row is one line of the file
// (tabs and line breaks in the text become spaces), so line tools work too.
#include "align/report.h"
#include "report_internal.h"

namespace align {

Status WriteTsv(const AlignResult& result, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(result));
  ALIGN_RETURN_IF_ERROR(report_internal::CheckTags(result));
  std::string line = "bead\tscore";
  for (const std::string& tag : result.language_tags) line += '\t' + report_internal::TsvCell(tag);
  out << line << '\n';
  const std::vector<Bead>& beads = result.alignment.beads;
  for (size_t b = 0; b < beads.size(); ++b) {
    line = std::to_string(b) + '\t' + FormatScore(beads[b].score);
    for (size_t v = 0; v < beads[b].sides.size(); ++v) {
      const SentenceRange side = beads[b].sides[v];
      line += '\t' + report_internal::TsvCell(BeadSideText(result, v, side.begin, side.end));
    }
    line += '\n';
    out << line;
  }
  return report_internal::Finish(out);
}

}  // namespace align
