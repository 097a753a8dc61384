// CSV (RFC 4180): the TSV's rows for spreadsheets that open .csv files, with
// the text exact: a CSV cell can hold tabs and line breaks in quotes.
#include "align/report.h"
#include "report_internal.h"

namespace align {

Status WriteCsv(const AlignResult& result, std::ostream& out, const CsvOptions& options) {
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(result));
  ALIGN_RETURN_IF_ERROR(report_internal::CheckTags(result));
  if (options.excel) out << report_internal::kUtf8Bom;
  return report_internal::WriteBeadRows(result, out, ',', "\r\n", report_internal::CsvCell, options.excel);
}

}  // namespace align
