#include "aligner_text.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <fmt/format.h>

#include "folding.h"
#include "numerals.h"
#include "script.h"
#include "utf8.h"

namespace align::internal {
namespace {

// A run of Chinese numerals as the number token: digit by digit when
// written positionally (二〇二六 → "2026", leading zeros kept), otherwise its
// value (三千五百万 → "35000000").
std::string HanNumber(const std::u32string& run) {
  if (!HasHanUnit(run)) {
    std::string s;
    for (char32_t c : run) s += static_cast<char>('0' + HanDigit(c));
    return s;
  }
  return fmt::format("{:.0f}", HanNumeralValue(run));
}

bool IsLatinLetter(char32_t cp) {
  UErrorCode e = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(cp), &e) == USCRIPT_LATIN;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  Token word;
  bool in_word = false;
  std::u32string han_run;  // pending Chinese numerals
  std::vector<Token> derived;
  auto flush_word = [&] {
    if (in_word && !word.text.empty()) out.push_back(std::move(word));
    word = Token{};
    in_word = false;
  };
  auto flush_han_number = [&] {
    bool numeric = han_run.size() >= 2;
    if (han_run.size() == 1 && HanUnit(han_run[0]) == 0 && HanDigit(han_run[0]) > 1) numeric = true;
    if (numeric) derived.push_back(Token{HanNumber(han_run), TokenKind::kNumber, false, false, true});
    han_run.clear();
  };
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = DecodeUtf8(text, pos);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    if (IsHan(cp)) {
      flush_word();
      if (HanDigit(cp) >= 0 || HanUnit(cp) != 0) {
        han_run += cp;
      } else if (!han_run.empty()) {
        flush_han_number();
      }
      Token t{{}, TokenKind::kHan, false, false};
      AppendUtf8(t.text, cp);
      out.push_back(std::move(t));
      continue;
    }
    if (!han_run.empty()) flush_han_number();
    const int digit = DigitValue(cp);
    if (digit >= 0) {
      if (!in_word || word.kind != TokenKind::kNumber) {
        flush_word();
        word.kind = TokenKind::kNumber;
        in_word = true;
      }
      word.text += static_cast<char>('0' + digit);
      continue;
    }
    // Inside a number, the Arabic comma ، (U+060C) separates thousands too:
    // Urdu text types it there, and the aligner has always read it so.
    if (in_word && word.kind == TokenKind::kNumber &&
        (IsDecimalPoint(cp) || IsThousandsSeparator(cp) || cp == 0x060C)) {
      // Decimal point or thousands separator only when a digit follows.
      size_t peek = pos;
      if (peek < text.size()) {
        char32_t next = DecodeUtf8(text, peek);
        if (DigitValue(next) >= 0) {
          if (IsDecimalPoint(cp)) word.text += '.';
          continue;
        }
      }
      flush_word();
      continue;
    }
    bool letter = u_isalpha(static_cast<UChar32>(cp)) || (u_getCombiningClass(cp) > 0) ||
                  u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK ||
                  u_charType(static_cast<UChar32>(cp)) == U_COMBINING_SPACING_MARK;
    if (cp == 0x200C || cp == 0x200D || cp == 0x0640) letter = true;  // joiners inside words
    if (cp == '\'' && in_word && word.kind == TokenKind::kWord) {
      word.text += '\'';
      continue;
    }
    if (letter) {
      if (in_word && word.kind != TokenKind::kWord) flush_word();
      if (!in_word) {
        in_word = true;
        word.kind = TokenKind::kWord;
        word.capitalised = u_isupper(static_cast<UChar32>(cp));
        word.latin = true;
      }
      const char32_t f0 = LetterFolding::Get().Fold(cp);
      if (f0 == 0) continue;
      char32_t f = f0;
      if (!IsLatinLetter(f)) word.latin = false;
      f = static_cast<char32_t>(u_tolower(static_cast<UChar32>(f)));
      AppendUtf8(word.text, f);
      continue;
    }
    flush_word();
  }
  flush_word();
  if (!han_run.empty()) flush_han_number();
  for (Token& t : derived) out.push_back(std::move(t));
  // Trailing apostrophes are quotes, not part of the word.
  for (Token& t : out)
    while (!t.text.empty() && t.text.back() == '\'') t.text.pop_back();
  std::erase_if(out, [](const Token& t) { return t.text.empty(); });
  return out;
}

void AppendKeyToken(const Token& token, std::string* key, bool* prev_han) {
  const bool han = token.kind == TokenKind::kHan;
  if (!key->empty() && !(han && *prev_han)) *key += ' ';
  *key += token.text;
  *prev_han = han;
}

std::string JoinKey(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::string key;
  bool prev_han = false;
  for (size_t i = begin; i < end; ++i)
    if (!tokens[i].derived) AppendKeyToken(tokens[i], &key, &prev_han);
  return key;
}

std::string StemLatin(std::string_view w) {
  std::string s(w);
  auto ends = [&](std::string_view suf) {
    return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
  };
  if (ends("'s")) s.resize(s.size() - 2);
  if (s.size() > 4 && ends("ies")) { s.resize(s.size() - 3); s += 'y'; return s; }
  if (s.size() > 4 && ends("sses")) { s.resize(s.size() - 2); return s; }
  if (s.size() > 5 && ends("ing")) { s.resize(s.size() - 3); return s; }
  if (s.size() > 4 && ends("ed")) { s.resize(s.size() - 2); return s; }
  if (s.size() > 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is")) s.pop_back();
  return s;
}

PunctCounts CountPunctuation(std::string_view text) {
  PunctCounts p;
  size_t pos = 0;
  auto bump = [&](int k) { if (p.counts[k] < 255) ++p.counts[k]; };
  char32_t prev = ' ', last = ' ';
  while (pos < text.size()) {
    char32_t cp = DecodeUtf8(text, pos);
    char32_t before = prev;
    prev = cp;
    if (!IsSpace(cp)) last = cp;
    if (cp == '\'' || cp == 0x2018 || cp == 0x2019) {
      // A single quote between two letters is an apostrophe (don't, China's).
      size_t peek = pos;
      char32_t next = pos < text.size() ? DecodeUtf8(text, peek) : ' ';
      if (!(u_isalpha(static_cast<UChar32>(before)) && u_isalpha(static_cast<UChar32>(next)))) bump(2);
      continue;
    }
    switch (cp) {
      case ',': case 0xFF0C: case 0x060C: case 0xFF1B: case 0xFF1A: case ';': case ':': case 0x061B: {
        size_t peek = pos;
        const char32_t next = pos < text.size() ? DecodeUtf8(text, peek) : ' ';
        if (!(cp == ',' && u_isdigit(static_cast<UChar32>(before)) && u_isdigit(static_cast<UChar32>(next))) &&
            p.clause_marks < 255)
          ++p.clause_marks;
        break;
      }
      default: break;
    }
    switch (cp) {
      case '?': case 0xFF1F: case 0x061F: bump(0); break;
      case '!': case 0xFF01: bump(1); break;
      case '"': case 0x201C: case 0x201D: case 0x300C: case 0x300D: case 0x00AB: case 0x00BB:
        bump(2); break;
      case '(': case 0xFF08: case '[': case 0x3010: case 0x300A: bump(3); break;
      case ':': case 0xFF1A: case ';': case 0xFF1B: case 0x061B: bump(4); break;
      default: break;
    }
  }
  // Straight quotes and the apostrophe too: a sentence hardly ends with a
  // possessive (the boys').
  switch (last) {
    case '"': case '\'': case 0x201D: case 0x2019: case 0x300D: case 0x300F: case 0x00BB:
      p.quote_end = true;
      break;
    default:
      break;
  }
  return p;
}

uint32_t CountChars(std::string_view text) {
  uint32_t n = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = DecodeUtf8(text, pos);
    if (!IsSpace(cp)) ++n;
  }
  return n;
}

std::unordered_set<std::string> FunctionWords(Language language) {
  std::unordered_set<std::string> words;
  for (const LanguageEntry& e : Languages().Info(language).Table("function_words"))
    for (const Token& t : Tokenize(e.text)) words.insert(t.text);
  return words;
}

}  // namespace align::internal
