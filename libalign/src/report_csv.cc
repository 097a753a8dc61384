// CSV (RFC 4180): the TSV's rows for spreadsheets that open .csv files, with
// the text exact: a CSV cell can hold tabs and line breaks in quotes.
#include "align/report.h"
#include "report_internal.h"

namespace align {

Status WriteCsv(const AlignResult& result, std::ostream& out, const CsvOptions& options) {
  using report_internal::CsvCell;
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(result));
  ALIGN_RETURN_IF_ERROR(report_internal::CheckTags(result));
  if (options.excel) out << report_internal::kUtf8Bom;
  std::string row = "bead,score";
  for (const std::string& tag : result.language_tags) row += ',' + CsvCell(tag, options.excel);
  out << row << "\r\n";
  const std::vector<Bead>& beads = result.alignment.beads;
  for (size_t b = 0; b < beads.size(); ++b) {
    row = std::to_string(b) + ',' + FormatScore(beads[b].score);
    for (size_t v = 0; v < beads[b].sides.size(); ++v) {
      const SentenceRange side = beads[b].sides[v];
      row += ',' + CsvCell(BeadSideText(result, v, side.begin, side.end), options.excel);
    }
    row += "\r\n";
    out << row;
  }
  return report_internal::Finish(out);
}

}  // namespace align
