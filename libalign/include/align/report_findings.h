// Reports of findings (`talign check`): text, JSON, TSV, CSV and a
// self-contained HTML page. docs/reports.md describes each, with the JSON fields.
//
//   align::FindingsReport report{&aligned, &hits, &lexicon, &findings};
//   align::ReportOptions options{.translator = &ui, .color = isatty(1)};
//   align::WriteFindings(report, align::FindingsFormat::kHtml, options, out);
//
// Text and HTML come out in the translator's UI language (headings, labels,
// type names); JSON, TSV and CSV are language-neutral (English keys and names).
// The document text is quoted as written (JSON-, HTML- or terminal-escaped).
#pragma once

#include <optional>
#include <span>
#include <ostream>
#include <string_view>
#include <vector>

#include "align/aligner.h"
#include "align/check.h"
#include "align/i18n.h"
#include "align/lexicon.h"
#include "align/match.h"
#include "align/provenance.h"
#include "align/report_align.h"
#include "align/status.h"

namespace align {

enum class FindingsFormat { kText, kJson, kTsv, kCsv, kHtml };

struct FindingsReport;
struct ReportOptions;

// One row per format of findings, read by the CLI and WriteFindings.
struct FindingsFormatInfo {
  FindingsFormat format;
  std::string_view name;         // --format NAME
  std::string_view extension;    // of files in it, without the dot
  std::string_view description;  // one line, for --help and docs
  Status (*write)(const FindingsReport& report, const ReportOptions& options, std::ostream& out);
};
std::span<const FindingsFormatInfo> FindingsFormats();

// "text", "json", "tsv", "csv", "html"; nullopt for anything else.
std::optional<FindingsFormat> ParseFindingsFormat(std::string_view name);
std::string_view FindingsFormatName(FindingsFormat format);

// What a report of findings is made of. The pointers are not owned; |aligned|
// and |findings| are required, |hits| (one vector per version, spans into
// that version's document) and |lexicon| may be null: without them there are
// no term highlights and concept ids are null.
struct FindingsReport {
  const AlignResult* aligned = nullptr;
  const std::vector<std::vector<TermHit>>* hits = nullptr;
  const Lexicon* lexicon = nullptr;
  const std::vector<Finding>* findings = nullptr;
  // Findings a baseline suppressed (not in |findings|): the summary says how many.
  size_t suppressed = 0;
  // What produced the findings (JSON "provenance", shown in HTML); null: not recorded.
  const Provenance* provenance = nullptr;
};

struct ReportOptions {
  // The UI language of headings and labels; nullptr: English.
  const Translator* translator = nullptr;
  // Text: mark spans and severities with ANSI colours (set when stdout is a terminal).
  bool color = false;
  // HTML: beads scoring below this are marked as low-confidence alignments.
  double low_score = 0.5;
  // CSV: a byte order mark and formulas neutralised, for Excel.
  CsvOptions csv;
};

// Writes |report| in |format|. kInvalidArgument when the alignment does not fit
// its versions, or a finding points outside them (a bead, version, sentence or
// span that does not exist, a concept the lexicon lacks); kIoError when the
// stream fails.
Status WriteFindings(const FindingsReport& report, FindingsFormat format,
                     const ReportOptions& options, std::ostream& out);

// Findings grouped by bead, the bead's sentences in every version quoted with
// the offending spans marked (»…«, or underlined in colour), then type,
// severity, concept, message and what was expected; a summary at the end.
Status WriteFindingsText(const FindingsReport& report, const ReportOptions& options,
                         std::ostream& out);

// {"inputs": [...], "findings": [...], "summary": {...}} (docs/reports.md), keys in
// a fixed order, one finding per line.
Status WriteFindingsJson(const FindingsReport& report, std::ostream& out);

// A header row, then one finding per line (tabs and line breaks in text
// become spaces, a cell holding '"' is quoted RFC 4180 style), for
// spreadsheets and pandas.
Status WriteFindingsTsv(const FindingsReport& report, std::ostream& out);

// RFC 4180 (align::WriteCsv's quoting, line breaks kept): a header row, then
// one row per finding: bead, type, severity, language at fault, concept, its
// preferred terms in that language, lines, evidence, expected, message,
// fingerprint and the quoted text of every version.
Status WriteFindingsCsv(const FindingsReport& report, const CsvOptions& options, std::ostream& out);

// One self-contained HTML page (inline CSS and JS, no network): the versions
// side by side, one row per bead, term hits highlighted, findings marked in
// place, with a summary, filters and keyboard navigation.
Status WriteFindingsHtml(const FindingsReport& report, const ReportOptions& options,
                         std::ostream& out);

}  // namespace align
