// Findings as TSV for spreadsheets: a header row, one finding per line, the
// quoted sentences of every version in a column of their own.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include "align/baseline.h"
#include "align/report.h"
#include "report_findings_internal.h"
#include "report_internal.h"

namespace align {
namespace {

using namespace findings_internal;

std::string Cell(std::string_view text) { return report_internal::OneLine(text, /*tabs=*/true); }

}  // namespace

Status WriteFindingsTsv(const FindingsReport& report, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(CheckReport(report));
  const AlignResult& aligned = *report.aligned;
  const size_t n = aligned.versions.size();
  out << "bead\ttype\tseverity\tconcept\tlang\tsentences\tspans\tlines\tevidence\texpected\tmessage\tfingerprint";
  const Locator locator(aligned);
  for (size_t v = 0; v < n; ++v) out << "\ttext_" << Cell(aligned.language_tags[v]);
  // The units of a CAT-tool file, last so that the other columns keep their places.
  const bool units = HasUnits(report);
  if (units) out << "\tunit";
  out << '\n';
  for (const Finding& f : *report.findings) {
    std::vector<FindingPlace> places = PlacesByVersion(f);
    // "en:3,4 zh:3": where the finding is, in every version involved.
    std::string sentences, spans, lines, expected;
    for (const FindingPlace& p : places) {
      const std::string& tag = aligned.language_tags[p.version];
      if (const std::optional<Location> at = locator.Of(report, f, p.version)) {
        lines += fmt::format("{}{}:{}:{}", lines.empty() ? "" : " ", tag, at->line, at->column);
      }
      if (!p.sentences.empty()) {
        sentences += fmt::format("{}{}:{}", sentences.empty() ? "" : " ", tag, fmt::join(p.sentences, ","));
      }
      std::vector<std::string> pairs;
      for (const Span& s : p.spans) pairs.push_back(fmt::format("{}-{}", s.begin, s.end));
      if (!pairs.empty()) spans += fmt::format("{}{}:{}", spans.empty() ? "" : " ", tag, fmt::join(pairs, ","));
    }
    for (const std::string& e : f.expected) expected += (expected.empty() ? "" : " | ") + e;
    std::optional<std::string> concept_id = ConceptId(report, f);
    out << f.bead << '\t' << FindingTypeName(f.type) << '\t' << SeverityName(f.severity) << '\t'
        << Cell(concept_id.value_or("")) << '\t' << Cell(aligned.language_tags[f.version]) << '\t' << sentences
        << '\t' << spans << '\t' << Cell(lines) << '\t' << Cell(f.evidence) << '\t' << Cell(expected) << '\t' << Cell(f.message)
        << '\t' << FindingFingerprint(f, aligned, report.lexicon);
    for (size_t v = 0; v < n; ++v) {
      std::string text;
      for (uint32_t s : SentencesOf(report, f, v)) {
        if (!text.empty()) text += ' ';
        text += aligned.versions[v].document.Slice(aligned.versions[v].sentences[s].span);
      }
      out << '\t' << Cell(text);
    }
    if (units) out << '\t' << Cell(UnitOf(report, f));
    out << '\n';
  }
  return report_internal::Finish(out);
}

}  // namespace align
