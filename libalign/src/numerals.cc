#include "numerals.h"

#include <unicode/uchar.h>

namespace align::internal {

int DigitValue(char32_t c) {
  if (c >= '0' && c <= '9') return static_cast<int>(c - '0');
  if (u_charType(static_cast<UChar32>(c)) != U_DECIMAL_DIGIT_NUMBER) return -1;
  const int v = u_charDigitValue(static_cast<UChar32>(c));
  return v >= 0 && v <= 9 ? v : -1;
}

int HanDigit(char32_t c) {
  switch (c) {
    case U'〇': case U'零': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

double HanUnit(char32_t c) {
  switch (c) {
    case U'十': return 10;
    case U'百': return 100;
    case U'千': return 1000;
    case U'万': case U'萬': return 1e4;
    case U'亿': case U'億': return 1e8;
    default: return 0;
  }
}

bool HasHanUnit(std::u32string_view run) {
  for (char32_t c : run)
    if (HanUnit(c) > 0) return true;
  return false;
}

double HanNumeralValue(std::u32string_view run) {
  if (!HasHanUnit(run)) {
    double value = 0;
    for (char32_t c : run) value = value * 10 + HanDigit(c);
    return value;
  }
  double total = 0, section = 0, num = 0;
  for (char32_t c : run) {
    const int d = HanDigit(c);
    const double u = HanUnit(c);
    if (d >= 0) {
      num = d;
    } else if (u < 1e4) {
      section += (num == 0 ? 1 : num) * u;
      num = 0;
    } else if (u == 1e4) {
      total += (section + num == 0 ? 1 : section + num) * u;
      section = num = 0;
    } else {
      total = (total + section + num == 0 ? 1 : total + section + num) * u;
      section = num = 0;
    }
  }
  return total + section + num;
}

}  // namespace align::internal
