// Character and word helpers shared by the segmenter's passes (internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <unicode/uchar.h>

#include "align/text.h"
#include "utf8.h"

namespace align::internal {

inline bool IsAsciiQuote(char32_t c) { return c == '"' || c == '\''; }

inline bool IsPunctOpenOrClose(char32_t c) {
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_START_PUNCTUATION: case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION: return true;
    default: return IsAsciiQuote(c);
  }
}

inline bool IsOpening(char32_t c) {
  switch (u_charType(static_cast<UChar32>(c))) {
    case U_START_PUNCTUATION: case U_INITIAL_PUNCTUATION: return true;
    default: return IsAsciiQuote(c);
  }
}

// Characters that are a word of their own when wrapping lines (no spaces
// between them): Han, kana, Hangul, CJK and full-width punctuation.
inline bool IsCjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x20000 && c <= 0x3FFFF);
}

inline size_t SkipSpace(std::string_view s, size_t pos) {
  while (pos < s.size()) {
    size_t q = pos;
    if (!IsSpace(DecodeUtf8(s, q))) break;
    pos = q;
  }
  return pos;
}

inline size_t SkipSpaceBack(std::string_view s, size_t pos, size_t floor) {
  while (pos > floor) {
    size_t start;
    if (!IsSpace(DecodeUtf8Before(s, pos, &start))) break;
    pos = start;
  }
  return pos;
}

inline char32_t At(std::string_view s, size_t pos) {
  if (pos >= s.size()) return 0;
  return DecodeUtf8(s, pos);
}

inline bool EndsWith(std::string_view s, size_t end, std::string_view suffix) {
  return end >= suffix.size() && s.substr(end - suffix.size(), suffix.size()) == suffix;
}

inline bool IsDigitChar(char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER; }

// The run of letters (and combining marks) that ends at |end| / starts at |pos|.
inline bool IsWordChar(char32_t c) {
  return u_isalpha(static_cast<UChar32>(c)) || u_getCombiningClass(static_cast<UChar32>(c)) != 0 ||
         u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
}

inline std::string_view WordBefore(std::string_view v, size_t floor, size_t end) {
  size_t b = end;
  while (b > floor) {
    size_t prev;
    if (!IsWordChar(DecodeUtf8Before(v, b, &prev))) break;
    b = prev;
  }
  return v.substr(b, end - b);
}

inline std::string_view WordAt(std::string_view v, size_t pos) {
  size_t e = pos;
  while (e < v.size()) {
    size_t q = e;
    if (!IsWordChar(DecodeUtf8(v, q))) break;
    e = q;
  }
  return v.substr(pos, e - pos);
}

// An entry of |list| starts at |pos|: a CJK entry anywhere, a word only as a whole word.
inline bool StartsWithEntry(std::string_view v, size_t pos, const std::vector<std::string>& list) {
  for (const std::string& w : list) {
    if (v.compare(pos, w.size(), w) != 0) continue;
    size_t first = 0;
    if (IsCjk(DecodeUtf8(w, first))) return true;
    const size_t after = pos + w.size();
    if (after >= v.size() || !u_isalpha(static_cast<UChar32>(At(v, after)))) return true;
  }
  return false;
}

// An entry of |list| ends the line (a whole word, or any CJK entry).
inline bool EndsWithEntry(std::string_view s, Span line, const std::vector<std::string>& list) {
  for (const std::string& w : list) {
    if (w.size() > line.size() || s.compare(line.end - w.size(), w.size(), w) != 0) continue;
    size_t first = 0;
    if (IsCjk(DecodeUtf8(w, first))) return true;
    const size_t before = line.end - w.size();
    if (before == line.begin || !u_isalpha(static_cast<UChar32>(DecodeUtf8Before(s, before, nullptr))))
      return true;
  }
  return false;
}

}  // namespace align::internal
