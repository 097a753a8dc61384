// Internal helpers of the report_findings_*.cc writers (text, JSON, TSV, CSV, HTML).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "align/i18n.h"
#include "align/report.h"

namespace align::findings_internal {

// Counts of a list of findings, as the summaries of every format give them
// (check.h's CheckSummary, indexed by enum, plus the beads with findings).
struct Tally {
  size_t total = 0;
  std::vector<size_t> by_type = std::vector<size_t>(FindingTypes().size());  // indexed by FindingType
  size_t by_severity[3] = {};  // indexed by Severity
  size_t beads_with_findings = 0;
};
Tally Count(const std::vector<Finding>& findings);

// Validates |report|: the alignment fits its versions (report_internal::
// CheckAlignment) and every finding points inside them.
Status CheckReport(const FindingsReport& report);

// The concept id of |f|, or nullopt (no concept, or no lexicon to name it).
std::optional<std::string> ConceptId(const FindingsReport& report, const Finding& f);

// The CAT-tool unit of |f|'s bead (Bead::unit), empty for beads the aligner
// made; whether any bead of the report has one.
const std::string& UnitOf(const FindingsReport& report, const Finding& f);
bool HasUnits(const FindingsReport& report);

// Indices into *report.findings ordered by bead, then as given (stable).
std::vector<size_t> OrderByBead(const FindingsReport& report);

// The places of |f| ordered by version, one per version (several places of
// one version are merged: sentences and spans joined, sorted, deduplicated).
std::vector<FindingPlace> PlacesByVersion(const Finding& f);

// The sentences of version |v| to quote for |f|: its place's sentences, or the
// bead's side when the place names none.
std::vector<uint32_t> SentencesOf(const FindingsReport& report, const Finding& f, size_t v);

// Translated names shown to people (the JSON and TSV use FindingTypeName and
// SeverityName, which never change). A type's label is its registry row's
// (check.h, FindingTypes()).
std::string TypeLabel(const Translator& ui, FindingType type);
std::string SeverityLabel(const Translator& ui, Severity severity);
// The name of version |v| for people: "English", "中文", "اردو" in the UI
// language, followed by nothing else; unknown languages give their tag.
std::string LanguageLabel(const Translator& ui, const AlignResult& aligned, size_t v);

// The message of |f| in the UI language: its pattern translated and filled
// with its arguments; f.message itself when it has no pattern (findings made
// by hand) or the UI is English.
std::string MessageOf(const Translator& ui, const Finding& f);

// Every severity in the order reports list them (types: FindingTypes()).
inline constexpr Severity kAllSeverities[] = {Severity::kError, Severity::kWarning, Severity::kInfo};

// The portion of |span| inside |within|, or nullopt when they do not overlap
// (an empty span at a position inside |within| counts as overlapping).
std::optional<Span> Clip(Span span, Span within);

// Line and column, both from 1, of a byte offset of a version's input (the
// column in characters, a BOM not counted): where a reviser goes in an
// editor. The line starts of every version are found once.
struct Location {
  size_t line = 0, column = 0;
};
class Locator {
 public:
  explicit Locator(const AlignResult& aligned);
  Location At(size_t v, size_t offset) const;
  // Where |f| is in version v: the start of its place's first span, else of
  // the first sentence quoted for it; nullopt when it has none there, and
  // for a finding in a unit of a CAT-tool file (its id says where it is).
  std::optional<Location> Of(const FindingsReport& report, const Finding& f, size_t v) const;

 private:
  const AlignResult& aligned_;
  std::vector<std::vector<size_t>> line_starts_;  // per version, byte offsets
};

// The columns the TSV and CSV share, before their escaping: where a finding
// is ("en:3,4 zh:3", "en:10-25 zh:31-40", "en:12:5 zh:8:1"), what was
// expected (" | " between renderings) and the quoted sentences of each version.
struct TableRow {
  std::string sentences, spans, lines, expected;
  std::vector<std::string> texts;  // per version
};
TableRow TableRowOf(const FindingsReport& report, const Locator& locator, const Finding& f);

// The translator to use: |options.translator| or a static English one.
const Translator& Ui(const ReportOptions& options);

}  // namespace align::findings_internal
