// Numerals read in one place (internal): the checker's number scanner
// (numbers.cc), the aligner's number tokens (aligner_text.cc), matching keys
// (normalize.cc) and the segmenter's list markers (segment_rules.cc) all
// use these for digits, separators and Chinese numerals.
//
//   HanNumeralValue(U"三千五百万")  → 35000000
//   HanNumeralValue(U"一万亿")      → 1e12
//   HanNumeralValue(U"二〇二六")    → 2026 (no unit characters: positional)
#pragma once

#include <string_view>

namespace align::internal {

// The value of a decimal digit of any script (0, ٠, ۰, ०, ０ ...), or -1.
int DigitValue(char32_t c);
// The decimal point of a number written in digits: '.' or ٫ (U+066B).
inline bool IsDecimalPoint(char32_t c) { return c == '.' || c == 0x066B; }
// A thousands separator: ',' or ٬ (U+066C).
inline bool IsThousandsSeparator(char32_t c) { return c == ',' || c == 0x066C; }

// 0–9 for 〇 零 一 二 两 三 ... 九; -1 otherwise.
int HanDigit(char32_t c);
// 10, 100, 1000, 1e4, 1e8 for 十 百 千 万/萬 亿/億; 0 otherwise.
double HanUnit(char32_t c);
// A digit or one of 十 百 千: what a numeral below ten thousand is written
// with (list markers, where a number starts).
inline bool IsHanSmallNumeral(char32_t c) { return HanDigit(c) >= 0 || (HanUnit(c) > 0 && HanUnit(c) <= 1000); }
// A digit or a unit character.
inline bool IsHanNumeral(char32_t c) { return HanDigit(c) >= 0 || HanUnit(c) > 0; }

// True when |run| has a unit character (三千, 十五), false when it is
// written positionally, digit by digit (二〇二六).
bool HasHanUnit(std::u32string_view run);

// The value of a run of numerals (every character IsHanNumeral): digit by
// digit when it has no unit; otherwise by the unit grammar, where 万 closes
// a section below it and 亿 multiplies everything before it (一万亿 = 10^12,
// 三亿五千万 = 350000000); a unit with no digit before it counts one (十五).
double HanNumeralValue(std::u32string_view run);

}  // namespace align::internal
