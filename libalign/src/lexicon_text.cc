// The characters termbase and dictionary text may hold (lexicon_text.h).
#include "lexicon_text.h"

#include <unicode/uchar.h>

#include <fmt/format.h>

#include "align/normalize.h"
#include "align/text.h"
#include "utf8.h"

namespace align {
namespace {

bool IsControl(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool IsNoncharacter(char32_t cp) {
  return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
}

std::string CodePointName(char32_t cp) { return fmt::format("U+{:04X}", static_cast<uint32_t>(cp)); }

bool IsLetterOrDigit(char32_t cp) {
  return (U_GET_GC_MASK(static_cast<UChar32>(cp)) & (U_GC_L_MASK | U_GC_N_MASK)) != 0;
}

}  // namespace

std::string_view TermbaseFieldName(TermbaseField field) {
  switch (field) {
    case TermbaseField::kConceptId: return "concept id";
    case TermbaseField::kLanguage: return "language tag";
    case TermbaseField::kTerm: return "term";
    case TermbaseField::kStatus: return "status";
    case TermbaseField::kNote: return "note";
    case TermbaseField::kKind: return "kind";
  }
  return "text";
}

std::optional<BadCharacter> FindBadCharacter(std::string_view text, bool allow_tab) {
  if (std::optional<size_t> bad = FindInvalidUtf8(text)) {
    return BadCharacter{*bad, fmt::format("byte 0x{:02X} (not UTF-8)",
                                          static_cast<unsigned char>(text[*bad]))};
  }
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t cp = internal::DecodeUtf8(text, pos);
    if (cp == '\t' && allow_tab) continue;
    if (cp == '\t') return BadCharacter{at, CodePointName(cp) + " (a tab)"};
    if (IsControl(cp)) return BadCharacter{at, CodePointName(cp) + " (a control character)"};
    if (IsNoncharacter(cp)) return BadCharacter{at, CodePointName(cp) + " (a noncharacter)"};
  }
  return std::nullopt;
}

std::optional<TextProblem> CheckTermbaseText(std::string_view text, TermbaseField field) {
  const bool term = field == TermbaseField::kTerm;
  if (std::optional<BadCharacter> bad = FindBadCharacter(text, !term)) {
    return TextProblem{bad->offset,
                       fmt::format("{} contains {}", TermbaseFieldName(field), bad->description)};
  }
  if (field == TermbaseField::kConceptId) {
    // Ids are single tokens (TBX's xml:id-like ids; the TSV form splits on
    // white space), and a TSV row starting with '#' is a comment: such an id
    // read from TBX would be written out as a row the TSV reader skips.
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == ' ' || text[i] == '\t') {
        return TextProblem{i, fmt::format("concept id '{}' contains a space (ids are single tokens, as TBX requires)",
                                          text)};
      }
    }
    if (text.starts_with('#')) {
      return TextProblem{0, fmt::format("concept id '{}' starts with '#', which the TSV form reads as a comment", text)};
    }
  }
  if (!term || text.empty()) return std::nullopt;  // an empty term has its own message
  // The matcher sees the key, so the key decides: ZWNJ, tatweel and harakat
  // are dropped from it, NBSP and U+3000 are spaces, trimmed at both ends.
  const std::string key = Normalizer::Get().KeyOf(text);
  size_t pos = 0;
  while (pos < key.size())
    if (IsLetterOrDigit(internal::DecodeUtf8(key, pos))) return std::nullopt;
  // Name the code points: a term of NBSP or ZWSP looks empty when printed.
  std::string code_points;
  size_t count = 0;
  for (pos = 0; pos < text.size() && count < 8; ++count) {
    if (count > 0) code_points += ' ';
    code_points += CodePointName(internal::DecodeUtf8(text, pos));
  }
  if (pos < text.size()) code_points += " ...";
  return TextProblem{0, fmt::format("term '{}' ({}) has no letter or digit; a term of only white "
                                    "space, punctuation or symbols would match text that is no term",
                                    text, code_points)};
}

}  // namespace align
