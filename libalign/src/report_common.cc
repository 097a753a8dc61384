// What every alignment writer shares: format names, the check that beads fit
// their versions, sentence text, XML-safe and terminal-safe text, TSV and CSV
// cells, and score formatting.
#include <fmt/format.h>

#include "align/report.h"
#include "align/terminal_text.h"
#include "align/text.h"
#include "report_internal.h"
#include "utf8.h"

namespace align {

namespace {

Status WriteCsvDefault(const AlignResult& result, std::ostream& out) { return WriteCsv(result, out); }
Status WriteJsonlDefault(const AlignResult& result, std::ostream& out) { return WriteJsonl(result, out, {}); }

constexpr AlignFormatInfo kAlignFormats[] = {
    {AlignFormat::kBeads, "beads", "beads", "one bead per line, [i,j]:[k] (Vecalign and Bertalign gold)", WriteBeads},
    {AlignFormat::kJsonl, "jsonl", "jsonl", "a header object, then one object per bead with byte and code-point spans", WriteJsonlDefault},
    {AlignFormat::kTsv, "tsv", "tsv", "a header row, then one bead per line: number, score, the text of each version", WriteTsv},
    {AlignFormat::kCsv, "csv", "csv", "RFC 4180 for spreadsheets: a header row, then one row per bead (number, score, texts)",
     WriteCsvDefault},
    {AlignFormat::kTmx, "tmx", "tmx", "TMX 1.4b, one <tu> per bead", WriteTmx},
    {AlignFormat::kLadder, "ladder", "ladder", "hunalign's ladder: src<TAB>tgt<TAB>score", WriteLadder},
};

}  // namespace

std::span<const AlignFormatInfo> AlignFormats() { return kAlignFormats; }

const AlignFormatInfo& AlignFormatOf(AlignFormat format) {
  for (const AlignFormatInfo& info : kAlignFormats) {
    if (info.format == format) return info;
  }
  return kAlignFormats[0];  // unreachable: every enumerator has a row (report_test)
}

std::optional<AlignFormat> ParseAlignFormat(std::string_view name) {
  for (const AlignFormatInfo& info : kAlignFormats) {
    if (info.name == name) return info.format;
  }
  return std::nullopt;
}

std::string_view AlignFormatName(AlignFormat format) { return AlignFormatOf(format).name; }

Status WriteAlignment(const AlignResult& result, AlignFormat format, std::ostream& out) {
  return AlignFormatOf(format).write(result, out);
}

std::string BeadSideText(const AlignResult& result, size_t v, uint32_t begin, uint32_t end) {
  const AlignInput& version = result.versions[v];
  std::string text;
  for (uint32_t i = begin; i < end; ++i) {
    if (i > begin) text += ' ';
    text += version.document.Slice(version.sentences[i].span);
  }
  return text;
}

namespace report_internal {

Status WriteBeadRows(const AlignResult& result, std::ostream& out, char separator, std::string_view line_end,
                     std::string (*cell)(std::string_view text, bool excel), bool excel) {
  std::string row = fmt::format("bead{}score", separator);
  for (const std::string& tag : result.language_tags) row += separator + cell(tag, excel);
  out << row << line_end;
  const std::vector<Bead>& beads = result.alignment.beads;
  for (size_t b = 0; b < beads.size(); ++b) {
    row = std::to_string(b) + separator + FormatScore(beads[b].score);
    for (size_t v = 0; v < beads[b].sides.size(); ++v) {
      const SentenceRange side = beads[b].sides[v];
      row += separator + cell(BeadSideText(result, v, side.begin, side.end), excel);
    }
    row += line_end;
    out << row;
  }
  return Finish(out);
}

}  // namespace report_internal

std::string XmlSafeText(std::string_view raw) {
  // Documents are validated when read, but names (files, sets) are not.
  const std::string repaired = internal::RepairUtf8(raw);
  const std::string_view text = repaired;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
      out += "\xEF\xBF\xBD";
      continue;
    }
    // U+FFFE and U+FFFF are EF BF BE and EF BF BF in UTF-8.
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) == 0xBE || static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      out += "\xEF\xBF\xBD";
      i += 2;
      continue;
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::string TerminalSafe(std::string_view text, TerminalBreaks breaks) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // One UTF-8 sequence, copied if valid; a C1 control is C2 80..C2 9F.
      const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      std::string_view sequence = text.substr(i, len);
      if (sequence.size() < len || FindInvalidUtf8(sequence)) {
        out += fmt::format("\\x{:02X}", c);
        ++i;
      } else if (c == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
        out += fmt::format("\\u{:04X}", static_cast<unsigned char>(text[i + 1]));
        i += 2;
      } else {
        out += sequence;
        i += len;
      }
      continue;
    }
    ++i;
    if (c == '\t' || c == '\n' || c == '\r') {
      if (breaks == TerminalBreaks::kEscape) {
        out += c == '\t' ? "\\t" : c == '\n' ? "\\n" : "\\r";
      } else if (c == '\t' && breaks == TerminalBreaks::kSpaceKeepTab) {
        out += '\t';
      } else if (!(c == '\r' && i < text.size() && text[i] == '\n')) {
        out += ' ';  // CR LF is one line break: its LF writes the space
      }
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string FormatScore(double score) {
  // -0.0000 would be a surprise in a diff; so would "nan".
  if (!(score > 0)) score = 0;
  return fmt::format("{:.4f}", score);
}

namespace report_internal {

Status CheckAlignment(const AlignResult& result) {
  const size_t n = result.versions.size();
  if (n < 2) return InvalidArgument(fmt::format("an alignment needs 2 or more versions, got {}", n));
  for (size_t b = 0; b < result.alignment.beads.size(); ++b) {
    const Bead& bead = result.alignment.beads[b];
    if (bead.sides.size() != n) {
      return InvalidArgument(fmt::format("bead {} has {} sides for {} versions", b, bead.sides.size(), n));
    }
    for (size_t v = 0; v < n; ++v) {
      const SentenceRange& r = bead.sides[v];
      if (r.begin > r.end || r.end > result.versions[v].sentences.size()) {
        return InvalidArgument(fmt::format("bead {} points to sentences [{}, {}) of {}, which has {}", b,
                                           r.begin, r.end, result.versions[v].document.name(),
                                           result.versions[v].sentences.size()));
      }
    }
  }
  return Status::Ok();
}

Status CheckTags(const AlignResult& result) {
  if (result.language_tags.size() == result.versions.size()) return Status::Ok();
  return InvalidArgument(fmt::format("{} language tags for {} versions", result.language_tags.size(),
                                     result.versions.size()));
}

std::string OneLine(std::string_view text, bool tabs) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += (c == '\n' || c == '\r' || (tabs && c == '\t')) ? ' ' : c;
  }
  return out;
}

std::string QuoteField(std::string_view text, char separator) {
  if (text.find_first_of(std::string{separator, '"', '\r', '\n'}) == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  out.reserve(text.size() + 2);
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string TsvCell(std::string_view text) { return QuoteField(OneLine(text, /*tabs=*/true), '\t'); }

std::string CsvCell(std::string_view text, bool excel) {
  // OWASP's "CSV injection" list. The apostrophe shows in the cell, which
  // is why it is only added for Excel: other readers get the text exact.
  if (excel && !text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos) {
    return QuoteField("'" + std::string(text), ',');
  }
  return QuoteField(text, ',');
}

Status Finish(std::ostream& out) {
  out.flush();
  if (!out) return IoError("write error");
  return Status::Ok();
}

}  // namespace report_internal
}  // namespace align
