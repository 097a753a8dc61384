// The long TSV form: concept_id<TAB>lang<TAB>term<TAB>status[<TAB>note[<TAB>kind]].
//
// Lines end with LF, CR LF or a lone CR. Lines starting with '#' (after
// optional spaces) are comments; blank lines are skipped; the first data line is a header, and skipped, when its first
// field is "concept_id". Fields are trimmed of spaces. status is one of
// preferred, admitted, deprecated, superseded (any case) or empty (admitted).
// kind is term, name or title (any case) or empty (not stated); it may be
// on any row of a concept, and rows stating two kinds are an error. Rows of
// one concept need not be adjacent. The writer emits the header and five
// columns for concepts of kind term, six (the kind on every row) for names
// and titles, so a file it wrote reads back byte-identical and a termbase
// without kinds is written as it always was.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "lexicon_builder.h"
#include "lexicon_text.h"

namespace align {
namespace {

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::optional<TermStatus> ParseTsvStatus(std::string_view s) {
  if (s.empty()) return TermStatus::kAdmitted;
  std::string lower;
  for (char c : s) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (TermStatus status : {TermStatus::kPreferred, TermStatus::kAdmitted, TermStatus::kDeprecated,
                            TermStatus::kSuperseded})
    if (lower == TermStatusName(status)) return status;
  return std::nullopt;
}

struct Field {
  std::string_view text;  // trimmed
  size_t offset;          // of the untrimmed field in the file
  size_t text_offset;     // of |text| in the file
};

void ReadRow(std::string_view line, size_t line_offset, LexiconBuilder& builder) {
  std::vector<Field> fields;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    std::string_view raw = line.substr(start, tab == std::string_view::npos ? tab : tab - start);
    std::string_view trimmed = TrimSpaces(raw);
    fields.push_back({trimmed, line_offset + start,
                      line_offset + start + static_cast<size_t>(trimmed.data() - raw.data())});
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  auto at = [&](size_t offset) { return builder.PositionOf(offset); };
  if (fields.size() < 4 || fields.size() > 6) {
    LineIndex::Position p = at(fields.size() > 6 ? fields[6].offset : line_offset + line.size());
    builder.Error(p.line, p.column,
                  fmt::format("expected 4 to 6 tab-separated columns (concept_id, lang, term, "
                              "status[, note[, kind]]), found {}",
                              fields.size()));
    return;
  }
  bool ok = true;
  auto fail = [&](const Field& f, std::string message) {
    LineIndex::Position p = at(f.offset);
    builder.Error(p.line, p.column, std::move(message));
    ok = false;
  };
  // What CheckTermbaseText finds is reported where it is, and the other
  // checks of that field are skipped (they would only quote the bad byte).
  auto valid = [&](const Field& f, TermbaseField kind) {
    std::optional<TextProblem> problem = CheckTermbaseText(f.text, kind);
    if (!problem) return true;
    LineIndex::Position p = at(f.text_offset + problem->offset);
    builder.Error(p.line, p.column, std::move(problem->message));
    ok = false;
    return false;
  };
  const Field& id = fields[0];
  const Field& lang = fields[1];
  const Field& term = fields[2];
  const Field& status_field = fields[3];
  if (id.text.empty()) {
    fail(id, "empty concept id");
  } else {
    valid(id, TermbaseField::kConceptId);
  }

  std::optional<Language> language;
  bool skip_language = false;
  if (lang.text.empty()) {
    fail(lang, "missing language tag (expected a BCP 47 tag such as en, zh-Hans, ur-PK)");
  } else if (valid(lang, TermbaseField::kLanguage)) {
    TermbaseLanguage read = ReadTermbaseLanguage(lang.text);
    if (!read.error.empty()) fail(lang, read.error);
    language = read.language;
    skip_language = read.skip;
  }
  if (term.text.empty()) {
    fail(term, "empty term");
  } else {
    valid(term, TermbaseField::kTerm);
  }
  std::optional<TermStatus> status;
  if (valid(status_field, TermbaseField::kStatus)) {
    status = ParseTsvStatus(status_field.text);
    if (!status) {
      fail(status_field, fmt::format("unknown status '{}' (expected preferred, admitted, deprecated "
                                     "or superseded)",
                                     status_field.text));
    }
  }
  if (fields.size() >= 5) valid(fields[4], TermbaseField::kNote);
  std::optional<ConceptKind> kind;
  if (fields.size() == 6 && !fields[5].text.empty() && valid(fields[5], TermbaseField::kKind)) {
    kind = ParseConceptKind(fields[5].text);
    if (!kind) {
      fail(fields[5], fmt::format("unknown kind '{}' (expected term, name or title, or empty)", fields[5].text));
    }
  }
  if (!ok) return;
  if (kind) {
    LineIndex::Position p = at(fields[5].text_offset);
    builder.StateKind(id.text, *kind, p.line, p.column);
  }
  if (skip_language) {
    LineIndex::Position p = at(lang.offset);
    builder.SkipLanguage(lang.text, p.line, p.column, 1);
    return;
  }
  std::optional<uint32_t> concept_index = builder.FindConcept(id.text);
  if (!concept_index) {
    LineIndex::Position p = at(id.offset);
    concept_index = builder.AddConcept(std::string(id.text), p.line, p.column);
  }
  LineIndex::Position p = at(term.offset);
  // Runs of spaces inside a term or a note are one space, as in TBX, where
  // XML text may be wrapped: the two forms of one termbase hold the same text.
  std::string note = fields.size() >= 5 ? CollapseSpace(fields[4].text) : std::string();
  builder.AddTerm(*concept_index, *language, CollapseSpace(term.text), *status, std::move(note),
                  p.line, p.column);
}

bool IsBlank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t') return false;
  return true;
}

// Tabs and line breaks cannot be inside a TSV field.
std::string Clean(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

}  // namespace

void ReadTsv(std::string_view bytes, LexiconBuilder& builder) {
  size_t pos = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  bool first_data_line = true;
  while (pos < bytes.size()) {
    // LF, CR LF or a lone CR, as LineIndex counts them.
    size_t end = std::min(bytes.find_first_of("\r\n", pos), bytes.size());
    std::string_view line = bytes.substr(pos, end - pos);
    size_t line_offset = pos;
    pos = end;
    if (pos < bytes.size()) pos += bytes.substr(pos, 2) == "\r\n" ? 2 : 1;

    if (IsBlank(line)) continue;
    std::string_view lead = TrimSpaces(line);
    if (lead.front() == '#') continue;
    if (first_data_line) {
      first_data_line = false;
      if (TrimSpaces(line.substr(0, line.find('\t'))) == "concept_id") continue;
    }
    ReadRow(line, line_offset, builder);
  }
}

Status Lexicon::WriteTsv(std::ostream& out) const {
  // The kind column only when a concept needs it: a termbase of terms alone
  // is written as it was before kinds existed.
  const bool kinds = std::any_of(concepts_.begin(), concepts_.end(),
                                 [](const Concept& c) { return c.kind != ConceptKind::kTerm; });
  out << (kinds ? "concept_id\tlang\tterm\tstatus\tnote\tkind\n" : "concept_id\tlang\tterm\tstatus\tnote\n");
  for (const Concept& c : concepts_) {
    for (uint32_t t : TermsInWriteOrder(*this, c)) {
      const Term& term = terms_[t];
      out << Clean(c.id) << '\t' << LanguageCode(term.language) << '\t' << Clean(term.text) << '\t'
          << TermStatusName(term.status) << '\t' << Clean(term.note);
      // On every row of the concept, so that sorting or filtering rows keeps it.
      if (c.kind != ConceptKind::kTerm) out << '\t' << ConceptKindName(c.kind);
      out << '\n';
    }
  }
  if (!out) return IoError("write error while writing TSV");
  return Status::Ok();
}

}  // namespace align
