// TSV: a header row, then one bead per line (row k+1 is bead k): its number,
// its score and one column per version, for spreadsheets, pandas and the
// bilingual-TSV import of CAT tools. Every row is one line of the file
// (tabs and line breaks in the text become spaces), so line tools work too.
#include "align/report.h"
#include "report_internal.h"

namespace align {
namespace {

std::string Cell(std::string_view text, bool) { return report_internal::TsvCell(text); }

}  // namespace

Status WriteTsv(const AlignResult& result, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(result));
  ALIGN_RETURN_IF_ERROR(report_internal::CheckTags(result));
  return report_internal::WriteBeadRows(result, out, '\t', "\n", Cell, false);
}

}  // namespace align
