// Findings as TSV for spreadsheets and pandas: a header row, one finding per
// line, the quoted sentences of every version in a column of their own.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "align/baseline.h"
#include "align/report.h"
#include "report_findings_internal.h"
#include "report_internal.h"

namespace align {
namespace findings_internal {

TableRow TableRowOf(const FindingsReport& report, const Locator& locator, const Finding& f) {
  const AlignResult& aligned = *report.aligned;
  TableRow row;
  for (const FindingPlace& p : PlacesByVersion(f)) {
    const std::string& tag = aligned.language_tags[p.version];
    if (const std::optional<Location> at = locator.Of(report, f, p.version)) {
      row.lines += fmt::format("{}{}:{}:{}", row.lines.empty() ? "" : " ", tag, at->line, at->column);
    }
    if (!p.sentences.empty()) {
      row.sentences += fmt::format("{}{}:{}", row.sentences.empty() ? "" : " ", tag, fmt::join(p.sentences, ","));
    }
    std::vector<std::string> pairs;
    for (const Span& s : p.spans) pairs.push_back(fmt::format("{}-{}", s.begin, s.end));
    if (!pairs.empty()) row.spans += fmt::format("{}{}:{}", row.spans.empty() ? "" : " ", tag, fmt::join(pairs, ","));
  }
  for (const std::string& e : f.expected) row.expected += (row.expected.empty() ? "" : " | ") + e;
  for (size_t v = 0; v < aligned.versions.size(); ++v) {
    std::string text;
    for (uint32_t s : SentencesOf(report, f, v)) {
      if (!text.empty()) text += ' ';
      text += aligned.versions[v].document.Slice(aligned.versions[v].sentences[s].span);
    }
    row.texts.push_back(std::move(text));
  }
  return row;
}

}  // namespace findings_internal

Status WriteFindingsTsv(const FindingsReport& report, std::ostream& out) {
  using findings_internal::TableRow;
  using report_internal::TsvCell;
  ALIGN_RETURN_IF_ERROR(findings_internal::CheckReport(report));
  const AlignResult& aligned = *report.aligned;
  out << "bead\ttype\tseverity\tconcept\tlang\tsentences\tspans\tlines\tevidence\texpected\tmessage\tfingerprint";
  for (const std::string& tag : aligned.language_tags) out << '\t' << TsvCell("text_" + tag);
  // The units of a CAT-tool file, last so that the other columns keep their places.
  const bool units = findings_internal::HasUnits(report);
  if (units) out << "\tunit";
  out << '\n';
  const findings_internal::Locator locator(aligned);
  for (const Finding& f : *report.findings) {
    const TableRow row = findings_internal::TableRowOf(report, locator, f);
    out << f.bead << '\t' << FindingTypeName(f.type) << '\t' << SeverityName(f.severity) << '\t'
        << TsvCell(findings_internal::ConceptId(report, f).value_or("")) << '\t'
        << TsvCell(aligned.language_tags[f.version]) << '\t' << TsvCell(row.sentences) << '\t' << TsvCell(row.spans)
        << '\t' << TsvCell(row.lines) << '\t' << TsvCell(f.evidence) << '\t' << TsvCell(row.expected) << '\t'
        << TsvCell(f.message) << '\t' << FindingFingerprint(f, aligned, report.lexicon);
    for (const std::string& text : row.texts) out << '\t' << TsvCell(text);
    if (units) out << '\t' << TsvCell(findings_internal::UnitOf(report, f));
    out << '\n';
  }
  return report_internal::Finish(out);
}

}  // namespace align
