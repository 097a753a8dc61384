// Internal helpers of the report_*.cc writers.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "align/aligner.h"
#include "align/status.h"

namespace align::report_internal {

// kInvalidArgument unless every bead has one side per version and every side
// lies inside its version's sentences.
Status CheckAlignment(const AlignResult& result);
// kInvalidArgument unless there is one language tag per version (the
// writers whose header names a column per version).
Status CheckTags(const AlignResult& result);

// |text| with every line break (CR LF, LF or CR) turned into one space, and
// tabs too when |tabs| is set: a sentence of hard-wrapped text is one line
// of a TSV row or one TMX segment.
std::string OneLine(std::string_view text, bool tabs);

// Spreadsheet cells (docs/formats.md, docs/reports.md). RFC 4180 quoting:
// |text| as it is unless it holds |separator|, '"', CR or LF; then between
// double quotes with every inner '"' doubled. It is what Python's csv module
// and pandas' read_csv read by default, for commas and for tabs alike.
std::string QuoteField(std::string_view text, char separator);

// A TSV cell: tabs and line breaks become spaces (every row stays one line,
// for cut, awk and wc -l), then a cell holding '"' is quoted as above, so
// that pandas' read_csv(sep="\t") neither swallows tabs and rows after an
// opening quote nor loses the quotes of the text.
std::string TsvCell(std::string_view text);

// A CSV cell: QuoteField(text, ','), line breaks kept. With |excel|, a cell
// that starts with '=', '+', '-', '@', tab or CR (a formula to Excel, which
// would run it) gets a leading apostrophe first.
std::string CsvCell(std::string_view text, bool excel);

// The rows the align TSV and CSV share: a header "bead|score|TAG...", then
// per bead its number, its score and each version's text, fields joined by
// |separator|, rows ended by |line_end|, tags and texts through |cell|.
Status WriteBeadRows(const AlignResult& result, std::ostream& out, char separator, std::string_view line_end,
                     std::string (*cell)(std::string_view text, bool excel), bool excel);

// What Excel needs to read a CSV file as UTF-8 rather than the ANSI code page.
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// Flushes |out| and turns a failed stream into kIoError.
Status Finish(std::ostream& out);

}  // namespace align::report_internal
