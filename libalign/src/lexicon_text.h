// Internal: which characters termbase and dictionary text may hold.
//
// One validator for every reader. It runs on text as the reader will keep
// it, after the XML parser or the TSV splitter is done with it, because a
// character reference (&#0;, &#x1B;) only becomes a character there. A
// Lexicon never holds a field this rejects, so every writer (TSV, TBX,
// JSON, the terminal) gets text it can represent.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace align {

// The parts of a termbase entry, for the rule that applies and the message.
enum class TermbaseField { kConceptId, kLanguage, kTerm, kStatus, kNote, kKind };

// "concept id", "language tag", "term", "status", "note", "kind".
std::string_view TermbaseFieldName(TermbaseField field);

// A character that may not be in a text, and where it is.
struct BadCharacter {
  size_t offset = 0;        // byte offset in the text
  std::string description;  // "U+0000 (a control character)", "byte 0xFF (not UTF-8)"
};

// The first character of |text| that no termbase or dictionary text may
// hold: bytes that are not UTF-8 (surrogates and CESU-8 included), C0 and C1
// control characters and DEL (tab only when |allow_tab| is false), and the
// 66 noncharacters (U+FDD0..U+FDEF, U+FFFE, U+FFFF and their counterparts
// in every plane). nullopt when there is none.
std::optional<BadCharacter> FindBadCharacter(std::string_view text, bool allow_tab);

struct TextProblem {
  size_t offset = 0;  // byte offset in the text of what is wrong (0: the whole text)
  std::string message;  // "term contains U+0000 (a control character)"
};

// Why |text| cannot be a |field|, or nullopt when it can. Every field must
// pass FindBadCharacter; a term may not hold a tab either (the TSV form could
// not write it back), and its matching key (Normalizer::KeyOf) must contain a
// letter or a digit: a term of white space (NBSP, ZWSP, U+3000, ...) has an
// empty key, and one of punctuation ('.') would match every full stop.
std::optional<TextProblem> CheckTermbaseText(std::string_view text, TermbaseField field);

}  // namespace align
