// Numbers in a sentence, in every script and spelling, normalised so that
// versions in different languages can be compared (internal to the checker).
//
//   align::Key key = align::Normalizer::Get().MakeKey(doc.bytes(), sentence.span);
//   for (const align::internal::NumberMention& n : align::internal::ExtractNumbers(key, align::Language::kChinese))
//     ...  // n.kind, n.values, n.span (bytes of the original)
//
// What is recognised (per-language word tables come from languages/<code>.lang):
// - digits of every script (the key has already folded them to ASCII), with
//   thousands separators and decimals: 1,000  3.5  ۲۳٫۱;
// - scale words and characters after a number: thousand/million/billion,
//   ہزار/لاکھ/کروڑ/ارب, 万/亿, and compositions (2 لاکھ 30 ہزار = 230000);
// - number words: fifteen, seventy-fifth, 十五, 七十五, 二〇二六, پندرہ;
// - percentages (3.5 percent, 3.5%, 百分之三点五, 3.5 فیصد), ordinals (75th,
//   第七十五, 75ویں), years (2026, 2026年, 二〇二六年, 2026ء), months named
//   next to a number (Nov. 26, 11月, 26 نومبر), clock times (4 p.m., 下午4时,
//   4 بجے, ساڑھے نو بجے);
// - units with a decimal prefix (megawatt, 千瓦, میگاواٹ): the scaled value
//   is an alternative, so 8,000 megawatts and 800万千瓦 compare equal.
// Left out on purpose (precision): the value one written as a word (one,
// 一, ایک: articles, idioms, "one-China"), fractions (three quarters),
// list markers opening a sentence (1. (1) 一、), and single Chinese numeral
// characters that no classifier follows (三峡, 十分).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "align/normalize.h"
#include "align/text.h"

namespace align::internal {

// Kinds are compared separately: a year never matches a count of the same value.
// A day of the month (6日, Nov. 26, 26 نومبر) is its own kind: datelines
// and "on Friday" make dates come and go between versions.
enum class NumberKind { kCount, kYear, kPercent, kMonth, kTime, kDay };

struct NumberMention {
  NumberKind kind = NumberKind::kCount;
  // The value (times for kTime are minutes past the hour on a 12-hour clock:
  // 9:30 p.m. → 570), then alternatives after unit scaling (8,000 megawatts
  // → 8000 and 8e9 watts). Two mentions are equal when their kinds are equal
  // and any values agree.
  std::vector<double> values;
  bool ordinal = false;
  // Written as a small word (two, 三, تین: at most ten, no scale or unit):
  // such words also serve as determiners ("the two sides", 两国), so the
  // checker lets them confirm a match but flags them only when the other
  // version has a different number of the same kind in their place.
  bool soft = false;
  // Written as a word that is more often an article or a pronoun than a
  // number (one, ایک, 一个): it confirms an equal number of another version
  // but is never reported, nor taken as evidence that a number is expected.
  bool confirm_only = false;
  Span span;  // bytes of the original document
  // For a number no double holds (values are then infinite: a 500-digit
  // count, 10^400 with a scale word): the number as written, so that two
  // versions compare it exactly. Its significant digits and power of ten
  // ("7…7e0", "1e409" for 1 and 400 zeros followed by "billion", or by a
  // further 0 and 亿) when it is digits times scales; otherwise "~" and the
  // words as written (a Han numeral with 亿 over and over). Too small for a
  // double (0.000…01) reads as 0, like any difference below 10^-9.
  std::string exact;
};

std::vector<NumberMention> ExtractNumbers(const Key& key, Language language);

// True when |a| and |b| denote the same number (same kind, a shared value;
// values too large for a double are shared when |exact| is equal).
bool SameNumber(const NumberMention& a, const NumberMention& b);

// The value of a run of ASCII digits with an optional '.' and fraction
// digits, never throwing: +infinity past the largest double, 0 below the
// smallest.
double ParseDecimal(std::string_view digits);

// Mentions indexed for SameNumber: Contains() and Find() take O(log n), so
// that comparing two sides of thousands of numbers stays n log n. A value
// is compared with the values of the set within the tolerance of
// SameNumber (10^-9 of the larger value), at most 64 of them.
class NumberSet {
 public:
  NumberSet() = default;
  explicit NumberSet(const std::vector<NumberMention>& mentions);
  // Adds |m|, known by |index| (Find returns the lowest index that matches).
  void Add(const NumberMention& m, size_t index = 0);
  bool Contains(const NumberMention& n) const { return Find(n) != kNone; }
  // The lowest index of an added mention that is SameNumber as |n|, or kNone.
  size_t Find(const NumberMention& n) const;
  static constexpr size_t kNone = SIZE_MAX;

 private:
  std::map<std::pair<NumberKind, double>, size_t> finite_;
  std::map<std::pair<NumberKind, std::string>, size_t> exact_;
};

// The number as digits for messages: "2026", "3.5%", "230000", "21:30" style "9:30".
std::string FormatNumber(const NumberMention& n);

}  // namespace align::internal
