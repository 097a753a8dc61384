// Findings as CSV (RFC 4180) for spreadsheets: one row per finding with what
// a reviser sorts and filters on first (type, severity, language, concept and
// its preferred term), then where it is, the evidence and every version's text.
#include "align/baseline.h"
#include "align/report.h"
#include "report_findings_internal.h"
#include "report_internal.h"

namespace align {
namespace {

// The preferred terms of |f|'s concept in the language at fault, " | " between
// them; empty without a concept or a lexicon.
std::string PreferredTerms(const FindingsReport& report, const Finding& f) {
  if (!f.concept_index || report.lexicon == nullptr) return "";
  std::string out;
  for (const Term* t : report.lexicon->Preferred(*f.concept_index, report.aligned->versions[f.version].language)) {
    out += (out.empty() ? "" : " | ") + t->text;
  }
  return out;
}

}  // namespace

Status WriteFindingsCsv(const FindingsReport& report, const CsvOptions& options, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(findings_internal::CheckReport(report));
  const AlignResult& aligned = *report.aligned;
  auto cell = [&](std::string_view text) { return report_internal::CsvCell(text, options.excel); };
  if (options.excel) out << report_internal::kUtf8Bom;
  out << "bead,type,severity,lang,concept,preferred,lines,evidence,expected,message,fingerprint";
  for (const std::string& tag : aligned.language_tags) out << ',' << cell("text_" + tag);
  // The units of a CAT-tool file, last, as in the TSV.
  const bool units = findings_internal::HasUnits(report);
  if (units) out << ",unit";
  out << "\r\n";
  const findings_internal::Locator locator(aligned);
  for (const Finding& f : *report.findings) {
    const findings_internal::TableRow row = findings_internal::TableRowOf(report, locator, f);
    out << f.bead << ',' << FindingTypeName(f.type) << ',' << SeverityName(f.severity) << ','
        << cell(aligned.language_tags[f.version]) << ',' << cell(findings_internal::ConceptId(report, f).value_or(""))
        << ',' << cell(PreferredTerms(report, f)) << ',' << cell(row.lines) << ',' << cell(f.evidence) << ','
        << cell(row.expected) << ',' << cell(f.message) << ',' << FindingFingerprint(f, aligned, report.lexicon);
    for (const std::string& text : row.texts) out << ',' << cell(text);
    if (units) out << ',' << cell(findings_internal::UnitOf(report, f));
    out << "\r\n";
  }
  return report_internal::Finish(out);
}

}  // namespace align
