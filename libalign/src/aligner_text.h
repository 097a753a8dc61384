// Tokens as the aligner and the alignment dictionaries see them (internal).
//
// Folding is deliberately light and fast: ASCII and full-width letters are
// lower-cased, digits of every script become ASCII, letters get the folding
// of the language definitions (folding.h: the Urdu letter folding, harakat,
// tatweel, ZWNJ dropped), each
// Han character is a token of its own, and runs of Chinese numerals become a
// number token as well. Dictionary keys use the same tokens, so a key built
// from a dictionary entry and a key built from a sentence compare as bytes.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "align/language.h"
#include "hash.h"

namespace align::internal {

enum class TokenKind : uint8_t {
  kWord,    // letters of a spaced script (Latin, Arabic, ...)
  kHan,     // one Han character
  kNumber,  // a number, digits normalised to ASCII ("2026", "3.5")
};

struct Token {
  std::string text;  // folded
  TokenKind kind = TokenKind::kWord;
  bool capitalised = false;  // first letter upper-case in the original (names)
  bool latin = false;        // all letters Latin
  // A number read from Chinese numerals; appended after the other tokens so
  // that the Han characters it came from stay adjacent for dictionary keys.
  bool derived = false;
};

// Tokens of |text| (valid UTF-8), in order. Punctuation is dropped.
std::vector<Token> Tokenize(std::string_view text);

// A dictionary key: the folded tokens joined by one space, except between
// two Han characters (Chinese is written without spaces).
std::string JoinKey(const std::vector<Token>& tokens, size_t begin, size_t end);
// Extends a key by one more (not derived) token, as JoinKey joins them: the
// key of a span is a prefix of the key of every longer span from the same
// start, which lets a longest-match search stop at the first prefix that no
// dictionary key has. |prev_han|: the last token appended was Han.
void AppendKeyToken(const Token& token, std::string* key, bool* prev_han);
inline std::string KeyOfText(std::string_view text) {
  auto t = Tokenize(text);
  return JoinKey(t, 0, t.size());
}

// The [function_words] of |language| as tokens fold them: the words that
// content comparisons and dictionary bridges skip.
std::unordered_set<std::string> FunctionWords(Language language);

// A light English-style stemmer for Latin words (plural -s/-es/-ies,
// -ing, -ed, possessive 's): enough to meet "meetings" and "meeting".
std::string StemLatin(std::string_view word);

// Counts of punctuation classes that translations tend to keep:
// question marks, exclamation marks, quotes, brackets, colons/semicolons.
// |quote_end|: the sentence ends with a closing quote (before white space):
// a reply or a quoted remark, which a faithful translation also ends with
// its quote even where it moves the speech tag ("...," he said / 他说：“…”).
// |clause_marks|: commas, semicolons and colons inside the sentence, where
// a translator may split it into sentences (a comma between two digits,
// 5,000, is none).
struct PunctCounts {
  uint8_t counts[5] = {0, 0, 0, 0, 0};
  bool quote_end = false;
  uint8_t clause_marks = 0;
};
PunctCounts CountPunctuation(std::string_view text);

// Number of code points of |text| that are not white space: the unit of the
// length model.
uint32_t CountChars(std::string_view text);

}  // namespace align::internal
