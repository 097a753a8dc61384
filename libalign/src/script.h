// What a code point is, asked of ICU in one place (internal): the Han test,
// letters, digits. Every stage uses these rather than ranges of its own.
#pragma once

#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace align::internal {

// A Han ideograph: Ideographic and of the Han script (所, 〇, 𠀀; not the
// radicals, not 々, not Tangut). Chinese is written in these without spaces.
inline bool IsHan(char32_t c) {
  if (c >= 0x4E00 && c <= 0x9FFF) return true;  // the unified block, every code point assigned
  if (c < 0x3000) return false;
  UErrorCode error = U_ZERO_ERROR;
  return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC) &&
         uscript_getScript(static_cast<UChar32>(c), &error) == USCRIPT_HAN;
}

// A letter (general category L), of any script.
inline bool IsLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

// A letter of a script that puts spaces between words: a letter that is not
// a Han ideograph. Number words and their suffixes are looked for between
// such letters; a digit right after a Han character still starts a number.
inline bool IsWordLetter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return IsLetter(c) && !IsHan(c);
}

// The script of |c| (USCRIPT_*); USCRIPT_COMMON for punctuation and digits.
inline int ScriptOf(char32_t c) {
  UErrorCode error = U_ZERO_ERROR;
  const int s = uscript_getScript(static_cast<UChar32>(c), &error);
  return U_FAILURE(error) ? USCRIPT_INVALID_CODE : s;
}

}  // namespace align::internal
