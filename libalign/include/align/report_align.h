// Writers of an alignment: beads, JSON lines, TSV, CSV, TMX and hunalign's ladder.
//
//   auto result = align::RunAlign(job, session);               // pipeline.h
//   align::Status s = align::WriteAlignment(*result, align::AlignFormat::kTmx, std::cout);
//
// Every format is documented, with an example, in docs/formats.md. Output is
// deterministic: same input, same bytes (scores with 4 decimals, no dates).
// Writers never print elsewhere; a failing stream gives kIoError.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "align/aligner.h"
#include "align/status.h"

namespace align {

enum class AlignFormat { kBeads, kJsonl, kTsv, kCsv, kTmx, kLadder };

// One row per format: the CLI's --format names and help, batch's file
// extensions and WriteAlignment all read this table, so a new format is
// one writer and one row.
struct AlignFormatInfo {
  AlignFormat format;
  std::string_view name;         // --format NAME
  std::string_view extension;    // of files in it, without the dot
  std::string_view description;  // one line, for --help and docs
  Status (*write)(const AlignResult& result, std::ostream& out);
};
std::span<const AlignFormatInfo> AlignFormats();
const AlignFormatInfo& AlignFormatOf(AlignFormat format);

// "beads", "jsonl", "tsv", "csv", "tmx", "ladder"; nullopt for anything else.
std::optional<AlignFormat> ParseAlignFormat(std::string_view name);
std::string_view AlignFormatName(AlignFormat format);

// Writes |result| in |format|. kInvalidArgument when the alignment does not
// fit its versions (a bead pointing past the last sentence, a side count
// that differs from the number of versions).
Status WriteAlignment(const AlignResult& result, AlignFormat format, std::ostream& out);

// One bead per line, "[i,j]:[k]" (0-based sentence indices, "[]" for an empty
// side), three versions "[i]:[k]:[m]": the gold format of Vecalign and Bertalign.
Status WriteBeads(const AlignResult& result, std::ostream& out);

// A header object, then one object per bead with sentence indices, byte
// spans in the original files ("spans") and the same spans in code points
// ("chars": what a Python str or a JavaScript code-point index counts) per
// language, and the bead score.
Status WriteJsonl(const AlignResult& result, std::ostream& out);

struct JsonlOptions {
  // Each bead also carries its sentences' text, per language, as a list
  // ("text": {"en": ["…", "…"]}), so the file is usable without the inputs.
  bool with_text = false;
};
Status WriteJsonl(const AlignResult& result, std::ostream& out, const JsonlOptions& options);

// A header row "bead<TAB>score<TAB>TAG...", then one bead per line (row k+1
// is bead k): its number, its score and per version its sentences joined by
// a space, tabs and line breaks inside the text turned into spaces; a cell
// holding '"' is quoted RFC 4180 style (pandas reads it with its defaults).
Status WriteTsv(const AlignResult& result, std::ostream& out);

// What CSV output for Excel needs and other readers must not get.
struct CsvOptions {
  // A UTF-8 byte order mark first (without it Excel reads the file in the
  // ANSI code page), and a cell starting with '=', '+', '-', '@', tab or CR
  // prefixed with an apostrophe (Excel would run it as a formula).
  bool excel = false;
};

// RFC 4180: a header row "bead,score,TAG...", then one row per bead, CR LF
// line ends, a field holding ',', '"', CR or LF quoted with inner quotes
// doubled; line breaks inside the text are kept (in quotes).
Status WriteCsv(const AlignResult& result, std::ostream& out, const CsvOptions& options = {});

// TMX 1.4b: one <tu> per bead, one <tuv xml:lang> per non-empty side (a
// version without sentences in the bead has no <tuv>), the bead score in
// <prop type="x-score">. Line breaks inside a sentence become spaces and
// characters XML forbids become U+FFFD (XmlSafeText).
Status WriteTmx(const AlignResult& result, std::ostream& out);

// hunalign's ladder: one rung "i<TAB>j<TAB>score" per bead start, then the
// closing rung (number of sentences of each version). Three versions give
// three index columns.
Status WriteLadder(const AlignResult& result, std::ostream& out);

// The pairwise projections of a 3-version alignment, in the order (1st, 2nd),
// (1st, 3rd), (2nd, 3rd): each the beads restricted to the two versions,
// beads left empty on both sides dropped. A projected bead keeps the score
// and unit of the 3-way bead it came from; the source version is kept when
// it is one of the pair. Two versions give the alignment itself.
std::vector<AlignResult> PairwiseProjections(const AlignResult& result);

// Helpers shared by the writers and usable by other reports (check, HTML).

// The text of the sentences [begin, end) of version |v|, joined by one space.
std::string BeadSideText(const AlignResult& result, size_t v, uint32_t begin, uint32_t end);

// |text| with every character that XML 1.0 forbids (C0 controls other than
// tab, LF and CR; U+FFFE, U+FFFF) replaced by U+FFFD, so that any input gives
// a well-formed document and the reader sees that something was there.
std::string XmlSafeText(std::string_view text);

// A score as written in every format: fixed, 4 decimals ("0.9132").
std::string FormatScore(double score);

}  // namespace align
