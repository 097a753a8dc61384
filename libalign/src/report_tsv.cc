// TSV: one bead per line, one column per version, for spreadsheets and for
// the bilingual-TSV import of CAT tools. No header row, so that line k is bead k.
#include "align/report.h"
#include "report_internal.h"

namespace align {
namespace {

// Tabs and line breaks would break the columns and rows; each becomes a
// space (CR LF counts as one break).
void AppendCell(std::string& line, std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    line += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
  }
}

}  // namespace

Status WriteTsv(const AlignResult& result, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(result));
  std::string line;
  for (const Bead& bead : result.alignment.beads) {
    line.clear();
    for (size_t v = 0; v < bead.sides.size(); ++v) {
      if (v > 0) line += '\t';
      AppendCell(line, BeadSideText(result, v, bead.sides[v].begin, bead.sides[v].end));
    }
    line += '\n';
    out << line;
  }
  return report_internal::Finish(out);
}

}  // namespace align
