// The number scanner: one pass over a sentence's matching key (digits of
// every script are already ASCII there), per-language words from
// the language definitions, Han numerals read by numerals.h. See numbers.h.
#include "numbers.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fmt/format.h>
#include <string_view>
#include <system_error>

#include <unicode/uchar.h>

#include "numbers_words.h"
#include "numerals.h"
#include "script.h"
#include "utf8.h"

namespace align::internal {
namespace {

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsCurrencySign(char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_CURRENCY_SYMBOL; }

// k when |u| is 10^k (scales are: thousand, لاکھ, 万, 亿 ...), else -1.
int PowerOfTen(double u) {
  for (int k = 0; k <= 12; ++k) {
    if (u == std::pow(10.0, k)) return k;
  }
  return -1;
}

// The written number |digits|.|fraction| as significant digits and a power
// of ten: leading zeros and trailing zeros of the significand dropped.
void Canonical(std::string_view digits, std::string_view fraction, std::string* sig, int64_t* exp10) {
  std::string all = std::string(digits) + std::string(fraction);
  int64_t exp = -static_cast<int64_t>(fraction.size());
  const size_t first = all.find_first_not_of('0');
  if (first == std::string::npos) {
    *sig = "0";
    *exp10 = 0;
    return;
  }
  size_t last = all.find_last_not_of('0');
  exp += static_cast<int64_t>(all.size() - 1 - last);
  *sig = all.substr(first, last - first + 1);
  *exp10 = exp;
}

// Characters after which a single Han numeral is a count (三年, 两国, 四点).
constexpr std::u32string_view kClassifiers =
    U"个名年次项点份位天月日周国方家种条倍届轮岁部批座架艘所支篇场期时起段层件颗台辆亩吨米公人大句字页章节代级";

class Scanner {
 public:
  Scanner(const Key& key, Language language)
      : key_(key), t_(key.text), voc_(VocabularyFor(language)) {}

  std::vector<NumberMention> Run() {
    size_t i = 0;
    while (i < t_.size()) {
      size_t next = i;
      const char32_t c = DecodeUtf8(t_, next);
      size_t consumed = 0;
      if (size_t idiom = IdiomEnd(i)) {
        consumed = idiom;  // 百年未有之大变局: no quantity
      } else if (IsAsciiDigit(t_[i]) && !LetterOrDigitBefore(i)) {
        consumed = ScanDigits(i);
      } else if (IsHanSmallNumeral(c) || StartsWith(i, "百分之")) {
        consumed = ScanHan(i);
      } else if (IsWordLetter(c) && !LetterBefore(i)) {
        consumed = ScanWord(i);
      }
      i = consumed > i ? consumed : next;
    }
    KeepMonthsNextToNumbers();
    ShareListSuffixes();
    std::vector<NumberMention> result;
    for (Found& f : found_) {
      f.mention.span = key_.OriginalSpan(f.begin, f.end);
      result.push_back(std::move(f.mention));
    }
    return result;
  }

 private:
  struct Found {
    NumberMention mention;
    size_t begin = 0, end = 0;  // key bytes
    bool from_digits = false;
    bool month_word = false;
    // Digits with no scale, unit or marker after them: a list member that
    // may share the scale of the list's last number (2.94 and 2.89 million).
    bool bare = false;
    double scale = 1;  // the scale words or characters applied
    // The value as significant digits times 10^exp10, while it is digits
    // multiplied by powers of ten only (for NumberMention::exact).
    bool exact_known = false;
    std::string sig;
    int64_t exp10 = 0;
  };

  // value *= u, keeping the exact form when u is a power of ten.
  static void Scale(Found& f, double& value, double u) {
    value *= u;
    const int k = PowerOfTen(u);
    if (k < 0) f.exact_known = false;
    else f.exp10 += k;
  }

  char32_t At(size_t p) const {
    if (p >= t_.size()) return 0;
    return DecodeUtf8(t_, p);
  }
  char32_t Before(size_t p) const {
    if (p == 0) return 0;
    size_t start;
    return DecodeUtf8Before(t_, p, &start);
  }
  bool LetterBefore(size_t p) const { return IsWordLetter(Before(p)); }
  bool LetterOrDigitBefore(size_t p) const {
    char32_t b = Before(p);
    return IsWordLetter(b) || (b >= '0' && b <= '9');
  }
  char Ch(size_t p) const { return p < t_.size() ? t_[p] : '\0'; }
  // The bytes of the separator at |p| when |is| says it is one, else 0.
  size_t SeparatorLength(size_t p, bool (*is)(char32_t)) const {
    if (p >= t_.size()) return 0;
    size_t q = p;
    return is(DecodeUtf8(t_, q)) ? q - p : 0;
  }
  bool StartsWith(size_t p, std::string_view s) const { return t_.substr(p, s.size()) == s; }
  size_t SkipSpace(size_t p) const {
    while (p < t_.size() && t_[p] == ' ') ++p;
    return p;
  }
  size_t SkipSpaceBack(size_t p) const {
    while (p > 0 && t_[p - 1] == ' ') --p;
    return p;
  }
  // True when an entry of |list| ends right before |p|.
  bool PrecededBy(size_t p, const std::vector<std::string>& list) const {
    for (const std::string& w : list) {
      if (!w.empty() && p >= w.size() && t_.compare(p - w.size(), w.size(), w) == 0) return true;
    }
    return false;
  }
  // The end of a fixed expression written with numerals at |p|, or 0.
  size_t IdiomEnd(size_t p) const {
    size_t best = 0;
    for (const std::string& w : voc_.number_idioms) {
      if (!w.empty() && StartsWith(p, w)) best = std::max(best, p + w.size());
    }
    return best;
  }
  // The end of |w| at |p| when it is there as a whole word (not followed by a letter).
  size_t WordEnd(size_t p, std::string_view w) const {
    if (w.empty() || !StartsWith(p, w)) return 0;
    size_t e = p + w.size();
    size_t q = e;
    if (q < t_.size() && IsWordLetter(DecodeUtf8(t_, q)) && IsWordLetter(Before(e))) return 0;
    return e;
  }
  // The longest entry of |list| at |p| (after spaces), or 0.
  size_t MatchList(size_t p, const std::vector<std::string>& list, bool allow_space = true) const {
    size_t q = allow_space ? SkipSpace(p) : p;
    size_t best = 0;
    for (const std::string& w : list) best = std::max(best, WordEnd(q, w));
    return best;
  }
  std::string_view WordAt(size_t p, size_t* end) const {
    size_t q = p;
    while (q < t_.size()) {
      size_t r = q;
      char32_t c = DecodeUtf8(t_, r);
      if (!IsWordLetter(c) && c != '\'' && c != U'’') break;
      q = r;
    }
    *end = q;
    return t_.substr(p, q - p);
  }

  // A list marker opening the sentence ("1.", "(2)", "二、", "۳۔") numbers
  // the list, not the content, and versions number lists differently.
  bool IsListMarker(size_t begin, size_t end) const {
    size_t p = 0;
    while (p < begin && (t_[p] == ' ' || t_[p] == '(' || StartsWith(p, "（"))) p += t_[p] == ' ' || t_[p] == '(' ? 1 : 3;
    if (p != begin) return false;
    char32_t c = At(end);
    return c == '.' || c == ')' || c == U'）' || c == U'、' || c == U'۔' || c == '-';
  }

  // Percent, scale, unit, ordinal, year, time and month markers after a
  // number that ends at key byte |end|; returns where the mention ends.
  size_t Suffixes(Found& f, size_t end, bool digits, int digit_count, std::string_view fraction) {
    NumberMention& m = f.mention;
    double value = m.values[0];
    bool scaled = false;
    // ساڑھے تین کروڑ (3.5 crore), سوا دو: a fraction word before a number
    // that is not a clock time adds to it.
    if (pending_minutes_ != 0 && pending_at_ == f.begin && !MatchList(end, voc_.time_words)) {
      value += pending_minutes_ / 60.0;
      f.exact_known = false;
      pending_minutes_ = 0;
    }
    // £125m, $2bn: a scale glued to an amount of money.
    if (digits && IsCurrencySign(Before(SkipSpaceBack(f.begin)))) {
      size_t e = 0;
      const std::string w(WordAt(end, &e));
      if (auto c = voc_.currency_scales.find(w); !w.empty() && c != voc_.currency_scales.end()) {
        Scale(f, value, c->second);
        f.scale *= c->second;
        scaled = true;
        end = e;
      }
    }
    // Han scale characters after digits (23万, 1.5亿, 800万千瓦, "569 万").
    while (true) {
      size_t q = digits ? SkipSpace(end) : end;
      char32_t c = At(q);
      // 800多万千瓦, 30余万: "more than" between a number and its scale.
      if ((c == U'多' || c == U'余') && (HanUnit(At(q + 3)) >= 1e4 || StartsWith(q + 3, "千瓦"))) {
        q += 3;
        c = At(q);
      }
      double u = HanUnit(c);
      // 十, 百, 千 only glued to the digits: after a space they start a word.
      if (u >= 1e4 || (u > 0 && digits && q == end && At(q + 3) != U'瓦' && At(q + 3) != U'米')) {
        Scale(f, value, u);
        f.scale *= u;
        scaled = true;
        end = q + 3;
        continue;
      }
      break;
    }
    // Scale words, composed (2 لاکھ 30 ہزار, two hundred thousand).
    double total = 0, last_scale = 0;
    while (true) {
      size_t q = SkipSpace(end);
      // 35$ ملین: a currency sign between the number and its scale word.
      if (size_t after = q; q < t_.size() && IsCurrencySign(DecodeUtf8(t_, after))) {
        size_t e2 = 0;
        const std::string w2(WordAt(SkipSpace(after), &e2));
        if (!w2.empty() && (voc_.scales.count(w2) || voc_.bound_scales.count(w2))) q = SkipSpace(after);
      }
      size_t e = 0;
      std::string_view w = WordAt(q, &e);
      auto s = voc_.scales.find(std::string(w));
      auto b = voc_.bound_scales.find(std::string(w));
      if (w.empty() || (s == voc_.scales.end() && b == voc_.bound_scales.end())) break;
      double scale = s != voc_.scales.end() ? s->second : b->second;
      f.scale *= scale;
      if (scale < 1000) {
        Scale(f, value, scale);
      } else {
        if (total != 0) f.exact_known = false;  // a sum of terms: no longer digits times a scale
        Scale(f, value, scale);
        total += value;
        value = 0;
        last_scale = scale;
      }
      scaled = true;
      end = e;
      // "two hundred (and) thirty thousand": number words of a lower order follow.
      {
        size_t r = SkipSpace(end);
        if (size_t ce = MatchList(r, voc_.connectors, false)) r = SkipSpace(ce);
        double more = 0;
        size_t me = r;
        while (true) {
          size_t we2 = 0;
          std::string word(WordAt(me, &we2));
          auto it = voc_.words.find(word);
          if (word.empty() || it == voc_.words.end() || it->second.ordinal) break;
          more += it->second.value;
          me = we2 < t_.size() && t_[we2] == '-' ? we2 + 1 : we2;
          if (me == we2) break;
        }
        if (more > 0) {
          f.exact_known = false;
          value += more;
          end = me;
          continue;
        }
      }
      // "2 لاکھ 30 ہزار": a smaller number and scale may follow.
      size_t r = SkipSpace(end);
      if (last_scale > 0 && r < t_.size() && IsAsciiDigit(t_[r])) {
        size_t de = r;
        while (de < t_.size() && IsAsciiDigit(t_[de])) ++de;
        size_t we = 0;
        std::string_view w2 = WordAt(SkipSpace(de), &we);
        auto s2 = voc_.scales.find(std::string(w2));
        if (s2 != voc_.scales.end() && s2->second < last_scale) {
          value = ParseDecimal(t_.substr(r, de - r));
          f.exact_known = false;
          end = de;
          continue;
        }
      }
    }
    if (value != 0 && total != 0) f.exact_known = false;
    value += total;
    m.values[0] = value;
    if (scaled) m.soft = false;

    if (size_t e = MatchList(end, voc_.percent_words); e || At(end) == '%' || At(SkipSpace(end)) == '%') {
      m.kind = NumberKind::kPercent;
      m.soft = false;
      return e ? e : SkipSpace(end) + 1;
    }
    if (digits && !scaled) {
      if (size_t e = MatchList(end, voc_.ordinal_suffixes, false)) {
        m.ordinal = true;
        return e;
      }
      if (size_t e = MatchList(end, voc_.year_suffixes, false)) {
        m.kind = NumberKind::kYear;
        return e;
      }
    }
    // Han markers after the number, after a space too when it is digits ("2017 年 9 月").
    const size_t sp = digits ? SkipSpace(end) : end;
    // Clock times: "9.30 p.m.", "4 بجے", 下午4时30分.
    if (size_t e = MatchList(end, voc_.time_words); e || At(sp) == U'时' || (At(sp) == U'点' && TimeContext(f.begin))) {
      double minutes = 0;
      if (digits && fraction.size() == 2) {
        minutes = std::floor(value) * 60 + ParseDecimal(fraction);
      } else {
        minutes = std::floor(value) * 60 + std::round((value - std::floor(value)) * 60);
      }
      if (!e) {
        e = sp + 3;
        size_t q = e;
        size_t de = q;
        while (de < t_.size() && IsAsciiDigit(t_[de])) ++de;
        if (de > q && At(de) == U'分') {
          minutes += ParseDecimal(t_.substr(q, de - q));
          e = de + 3;
        }
      }
      minutes += pending_minutes_;
      m.kind = NumberKind::kTime;
      m.soft = false;
      m.values = {std::fmod(minutes + 720 * 2, 720)};
      return e;
    }
    if (digits && !scaled && Ch(end) == ':' && end + 3 <= t_.size() && IsAsciiDigit(t_[end + 1]) &&
        IsAsciiDigit(t_[end + 2])) {
      m.kind = NumberKind::kTime;
      m.values = {std::fmod(std::floor(value) * 60 + ParseDecimal(t_.substr(end + 1, 2)), 720)};
      return end + 3;
    }
    // 八十年代 (the eighties), 1980年代: a decade, compared as the year it
    // begins ("the 1980s", 1980 کی دہائی); two digits name it in either century.
    if (StartsWith(sp, "年代") && !scaled && value == std::floor(value) && std::fmod(value, 10) == 0 &&
        (value < 100 || (digit_count == 4 && value >= 1000 && value < 3000))) {
      m.kind = NumberKind::kYear;
      m.soft = false;
      m.values = value < 100 ? std::vector<double>{1900 + value, 2000 + value} : std::vector<double>{value};
      return sp + 6;
    }
    if (At(sp) == U'年' && !scaled) {
      if (digit_count == 4 && value >= 1000 && value < 3000) m.kind = NumberKind::kYear;
      return sp + 3;
    }
    if (At(sp) == U'月' && !scaled && value >= 1 && value <= 12 && value == std::floor(value)) {
      m.kind = NumberKind::kMonth;
      return sp + 3;
    }
    if (At(sp) == U'日' || At(sp) == U'号') {
      if (!scaled && IsDayOfMonth(value) && At(sp + 3) != U'元') m.kind = NumberKind::kDay, m.ordinal = false;
      return sp + 3;
    }
    // Units with a decimal prefix: the scaled value is an alternative.
    {
      size_t q = SkipSpace(end);
      size_t e = 0;
      std::string_view w = WordAt(q, &e);
      auto u = voc_.units.find(std::string(w));
      double unit = 0;
      if (!w.empty() && u != voc_.units.end()) {
        unit = u->second;
      } else if (StartsWith(end, "千瓦")) {
        unit = 1e3, e = end + 6;
      } else if (StartsWith(end, "兆瓦")) {
        unit = 1e6, e = end + 6;
      }
      if (unit > 0) {
        m.values.push_back(value * unit);
        m.soft = false;
        return e;
      }
    }
    if (digits && !scaled && digit_count == 4 && fraction.empty() && value >= 1800 && value <= 2100 &&
        m.kind == NumberKind::kCount && !m.ordinal) {
      m.kind = NumberKind::kYear;
    }
    f.bare = digits && !scaled && m.kind == NumberKind::kCount && !m.ordinal && m.values.size() == 1;
    return end;
  }

  static bool IsDayOfMonth(double v) { return v >= 1 && v <= 31 && v == std::floor(v); }

  bool TimeContext(size_t begin) const {
    begin = SkipSpaceBack(begin);
    for (std::string_view w : {"上午", "下午", "晚上", "凌晨", "中午", "早上", "晚", "早"}) {
      if (begin >= w.size() && t_.substr(begin - w.size(), w.size()) == w) return true;
    }
    return false;
  }

  void Add(Found f, size_t end) {
    f.end = end;
    if (f.mention.values.empty()) return;
    // A clock time or a scaled value computed from an infinite one.
    if (std::any_of(f.mention.values.begin(), f.mention.values.end(), [](double v) { return std::isnan(v); })) return;
    if (!std::all_of(f.mention.values.begin(), f.mention.values.end(), [](double v) { return std::isfinite(v); })) {
      if (f.exact_known) {
        f.mention.exact = fmt::format("{}e{}", f.sig, f.exp10);
      } else {
        f.mention.exact = "~";
        for (char c : t_.substr(f.begin, end - f.begin)) {
          if (c != ' ') f.mention.exact += c;
        }
      }
    }
    pending_minutes_ = 0;
    found_.push_back(std::move(f));
  }

  size_t ScanDigits(size_t i) {
    size_t j = i;
    std::string digits;
    int digit_count = 0;
    bool separated = false;
    while (j < t_.size() && IsAsciiDigit(t_[j])) digits += t_[j++], ++digit_count;
    // Thousands separators, each followed by exactly three digits.
    while (true) {
      size_t sep = SeparatorLength(j, IsThousandsSeparator);
      // Urdu writes the Arabic comma between thousands (4،700); after a
      // space too when no list could be meant ("5، 000").
      if (!sep && StartsWith(j, "\u060C")) sep = StartsWith(j + 2, " 000") ? 3 : 2;
      if (!sep || j + sep + 3 > t_.size()) break;
      size_t k = j + sep;
      if (!(IsAsciiDigit(t_[k]) && IsAsciiDigit(t_[k + 1]) && IsAsciiDigit(t_[k + 2]))) break;
      if (k + 3 < t_.size() && IsAsciiDigit(t_[k + 3])) break;
      digits += t_.substr(k, 3);
      j = k + 3;
      separated = true;
    }
    std::string fraction;
    size_t dec = SeparatorLength(j, IsDecimalPoint);
    if (dec && j + dec < t_.size() && IsAsciiDigit(t_[j + dec])) {
      size_t k = j + dec;
      while (k < t_.size() && IsAsciiDigit(t_[k])) fraction += t_[k++];
      j = k;
    }
    if (IsListMarker(i, j) && fraction.empty()) return j + 1;
    Found f;
    f.begin = i;
    f.from_digits = true;
    f.mention.values = {ParseDecimal(digits + (fraction.empty() ? "" : "." + fraction))};
    f.exact_known = true;
    Canonical(digits, fraction, &f.sig, &f.exp10);
    size_t end = Suffixes(f, j, true, separated ? 0 : digit_count, fraction);
    // "CPEC 2.0", "Web 3.0": a version label, not a quantity (the other
    // versions may say 升级版, "upgraded version").
    const bool label = !fraction.empty() && fraction.find_first_not_of('0') == std::string::npos &&
                       f.mention.kind == NumberKind::kCount && f.mention.values.size() == 1 && end == j;
    if (label) return end;
    ShortYearOfRange(f, i, digit_count, fraction);
    Add(std::move(f), end);
    return end;
  }

  // "1950-53", 1950-53年: the second year of a range written with two digits
  // (this mention, or the one before it in right-to-left text).
  void ShortYearOfRange(Found& f, size_t begin, int digit_count, const std::string& fraction) {
    NumberMention& m = f.mention;
    if (!fraction.empty() || f.scale != 1 || found_.empty()) return;
    if (digit_count != 2 && !(digit_count == 4 && m.kind == NumberKind::kYear)) return;
    Found& prev = found_.back();
    size_t dash = begin;
    const char32_t d = DecodeUtf8Before(t_, begin, &dash);
    if ((d != '-' && d != U'–') || prev.end != dash) return;
    // Right-to-left text writes the range the other way round: 53-1950.
    const bool short_before = prev.mention.kind == NumberKind::kCount && prev.from_digits && prev.end - prev.begin == 2 &&
                              digit_count == 4 && m.kind == NumberKind::kYear;
    if (short_before) {
      prev.mention.kind = NumberKind::kYear;
      prev.mention.values = {std::floor(m.values[0] / 100) * 100 + prev.mention.values[0] +
                             (prev.mention.values[0] <= std::fmod(m.values[0], 100) ? 100 : 0)};
      prev.bare = false;
      return;
    }
    if (prev.mention.kind != NumberKind::kYear || digit_count != 2 || m.kind != NumberKind::kCount) return;
    const double first = prev.mention.values[0];
    double year = std::floor(first / 100) * 100 + m.values[0];
    if (year <= first) year += 100;
    m.kind = NumberKind::kYear;
    m.values = {year};
    f.bare = false;
  }

  size_t ScanHan(size_t i) {
    Found f;
    f.begin = i;
    bool percent = false;
    if (StartsWith(i, "百分之")) {
      percent = true;
      i += 9;
      if (i < t_.size() && IsAsciiDigit(t_[i])) {
        size_t end = ScanDigits(i);
        if (!found_.empty() && found_.back().begin == i) {
          found_.back().begin = f.begin;
          found_.back().mention.kind = NumberKind::kPercent;
          found_.back().mention.soft = false;
        }
        return end;
      }
    }
    const bool ordinal = Before(f.begin) == U'第';
    size_t j = i;
    std::vector<char32_t> run;
    while (j < t_.size()) {
      size_t k = j;
      char32_t c = DecodeUtf8(t_, k);
      if (HanDigit(c) < 0 && HanUnit(c) == 0) break;
      if (c == U'千' && (At(k) == U'瓦' || At(k) == U'米' || At(k) == U'克')) break;
      run.push_back(c);
      j = k;
    }
    if (run.empty()) return i;
    // 周五 (Friday), 几十 (several tens), 十几 (ten-odd): not a quantity.
    if (!percent && (PrecededBy(f.begin, voc_.non_number_preceders) || MatchList(j, voc_.non_number_followers, false)))
      return j;
    bool has_unit = std::any_of(run.begin(), run.end(), [](char32_t c) { return HanUnit(c) > 0; });
    bool has_zero = std::any_of(run.begin(), run.end(), [](char32_t c) { return HanDigit(c) == 0; });
    double value = 0;
    int digit_count = 0;
    const bool lone_ten = run.size() == 1 && run[0] == U'十';  // 十分: "very"
    if (!has_unit || lone_ten) {
      if (run.size() == 1) {
        value = lone_ten ? 10 : HanDigit(run[0]);
        char32_t next = At(j);
        bool counted = ordinal || percent || kClassifiers.find(next) != std::u32string_view::npos ||
                       (next == U'点' && HanDigit(At(j + 3)) >= 0);
        if (!counted) return j;
      } else if (has_zero || run.size() >= 3) {
        std::string written;
        for (char32_t c : run) {
          value = value * 10 + HanDigit(c);
          written += static_cast<char>('0' + HanDigit(c));
        }
        digit_count = static_cast<int>(run.size());
        f.exact_known = true;
        Canonical(written, "", &f.sig, &f.exp10);
      } else {
        return j;  // 三四: "three or four", an estimate
      }
    } else {
      value = HanNumeralValue(std::u32string_view(run.data(), run.size()));
    }
    std::string fraction;
    if (At(j) == U'点' && HanDigit(At(j + 3)) >= 0) {
      size_t k = j + 3;
      while (HanDigit(At(k)) >= 0) fraction += static_cast<char>('0' + HanDigit(At(k))), k += 3;
      value += ParseDecimal("0." + fraction);
      if (f.exact_known) {
        std::string whole = f.sig + std::string(static_cast<size_t>(std::max<int64_t>(f.exp10, 0)), '0');
        Canonical(whole, fraction, &f.sig, &f.exp10);
      }
      j = k;
    }
    if (IsListMarker(i, j)) return j + 1;
    f.mention.values = {value};
    f.mention.ordinal = ordinal;
    f.mention.soft = run.size() == 1 && !percent;
    size_t end = Suffixes(f, j, false, digit_count, "");
    if (percent) f.mention.kind = NumberKind::kPercent, f.mention.soft = false;
    // 一个, 一级: one confirms a 1 of another version but is never reported
    // (一 is also "a", "the whole", "as soon as").
    if (f.mention.values[0] == 1 && f.mention.kind == NumberKind::kCount) f.mention.confirm_only = true;
    Add(std::move(f), end);
    return end;
  }

  // Number words (two hundred and thirty thousand, seventy-fifth, پندرہ),
  // months and time prefixes.
  size_t ScanWord(size_t i) {
    size_t e = 0;
    std::string w(WordAt(i, &e));
    if (auto p = voc_.time_prefixes.find(w); p != voc_.time_prefixes.end()) {
      pending_minutes_ = p->second;
      pending_at_ = SkipSpace(e);
      return e;
    }
    if (auto mo = voc_.months.find(w); mo != voc_.months.end()) {
      Found f;
      f.begin = i;
      f.month_word = true;
      f.mention.kind = NumberKind::kMonth;
      f.mention.values = {static_cast<double>(mo->second)};
      size_t end = e < t_.size() && t_[e] == '.' ? e + 1 : e;
      f.end = end;
      found_.push_back(std::move(f));
      return end;
    }
    // A number word, possibly hyphenated (seventy-five) or composed with scales.
    double value = 0;
    bool ordinal = false, any = false, weak = false;
    size_t end = i;
    size_t p = i;
    // one, ایک: a number only with a scale after it (one million).
    if (auto wk = voc_.weak_words.find(w); wk != voc_.weak_words.end()) {
      value = wk->second;
      any = weak = true;
      end = e;
    }
    while (!weak) {
      size_t we = 0;
      std::string word(WordAt(p, &we));
      auto it = voc_.words.find(word);
      if (word.empty() || it == voc_.words.end()) break;
      value += it->second.value;
      ordinal = it->second.ordinal;
      any = true;
      end = we;
      if (we < t_.size() && t_[we] == '-' && !ordinal) {
        p = we + 1;
        continue;
      }
      break;
    }
    if (!any) {
      if (voc_.scales.count(w)) return e;  // "thousands of": no number
      return e;
    }
    if (size_t fe = MatchList(end, voc_.fraction_words)) return fe;  // three quarters
    if (size_t ne = MatchList(end, voc_.non_number_followers)) return ne;
    if (pending_at_ != i) pending_minutes_ = 0;
    Found f;
    f.begin = i;
    f.mention.values = {value};
    f.mention.ordinal = ordinal;
    f.mention.soft = value <= 10;
    size_t stop = Suffixes(f, end, false, 0, "");
    if (weak && f.scale == 1 && f.mention.kind == NumberKind::kCount) f.mention.confirm_only = true;
    Add(std::move(f), stop);
    return stop;
  }

  // A month name is a date only next to a number (Nov. 26, 28 نومبر, May 2026);
  // alone it is a verb, a name or a vague time.
  void KeepMonthsNextToNumbers() {
    auto near = [&](const Found& f, const Found& g) {
      if (g.month_word || !g.from_digits) return false;
      size_t gap_begin = std::min(f.end, g.end), gap_end = std::max(f.begin, g.begin);
      if (gap_end < gap_begin) return false;
      for (size_t q = gap_begin; q < gap_end; ++q) {
        if (t_[q] != ' ' && t_[q] != '.' && t_[q] != ',') return false;
      }
      return true;
    };
    // The number next to a month name is its day (Nov. 26, 26 نومبر).
    auto day = [&](Found& g) {
      NumberMention& m = g.mention;
      if (m.kind != NumberKind::kCount || m.values.size() != 1 || g.scale != 1 || !IsDayOfMonth(m.values[0])) return;
      m.kind = NumberKind::kDay;
      m.ordinal = m.soft = false;
      g.bare = false;
    };
    std::vector<bool> keep(found_.size(), true);
    for (size_t k = 0; k < found_.size(); ++k) {
      if (!found_[k].month_word) continue;
      const bool before = k > 0 && near(found_[k], found_[k - 1]);
      const bool after = k + 1 < found_.size() && near(found_[k], found_[k + 1]);
      if (before) day(found_[k - 1]);
      if (after) day(found_[k + 1]);
      keep[k] = before || after;
    }
    std::vector<Found> kept;
    for (size_t k = 0; k < found_.size(); ++k) {
      if (keep[k]) kept.push_back(std::move(found_[k]));
    }
    found_ = std::move(kept);
  }

  // A list of numbers shares the scale, percent sign or month of its last
  // member: "2.94 and 2.89 million", 310、252万, "between 30 and 43
  // percent", "from 25 to 28 November". A bare number followed by a joiner
  // (and, 、, اور) and the next number takes it; the scaled value is an
  // alternative, so the number as written still compares. A percentage or
  // a day is shared only across a word joiner with nothing else between:
  // "5 people, 30 percent of them" is no list.
  void ShareListSuffixes() {
    // "October 14-17", 14 سے 17 اکتوبر is the other way: the day comes first.
    for (size_t k = 1; k < found_.size(); ++k) {
      const Found& a = found_[k - 1];
      Found& b = found_[k];
      if (a.mention.kind != NumberKind::kDay || !b.bare || !IsDayOfMonth(b.mention.values[0])) continue;
      const char32_t dash = Before(b.begin);
      const bool range = (dash == '-' || dash == U'–') && b.begin == a.end + (dash == '-' ? 1 : 3);
      const size_t q = SkipSpace(a.end);
      bool joined = false;
      for (const std::string& w : voc_.list_joiners) {
        const size_t e = WordEnd(q, w);
        if (e && w != "," && w != "\u060C" && SkipSpace(e) == b.begin) joined = true;
      }
      if (range || joined) b.mention.kind = NumberKind::kDay, b.mention.soft = false, b.bare = false;
    }
    for (size_t k = found_.size(); k-- > 1;) {
      Found& a = found_[k - 1];
      const Found& b = found_[k];
      if (!a.bare || b.begin < a.end) continue;
      const size_t q = SkipSpace(a.end);
      std::string_view joiner;
      for (const std::string& w : voc_.list_joiners) {
        size_t e = WordEnd(q, w);
        if (e && e - q > joiner.size()) joiner = t_.substr(q, e - q);
      }
      if (joiner.empty()) continue;
      const size_t after = SkipSpace(q + joiner.size());
      const bool tight = after == b.begin;
      const bool word_joiner = joiner != "," && joiner != "\u060C";
      const NumberMention& bm = b.mention;
      if (bm.kind == NumberKind::kCount && b.scale > 1 && (tight || ShortWordsOnly(after, b.begin))) {
        a.mention.values.insert(a.mention.values.begin(), a.mention.values[0] * b.scale);
        a.scale = b.scale;
        a.exact_known = false;
      } else if (tight && word_joiner && (bm.kind == NumberKind::kPercent ||
                                          (bm.kind == NumberKind::kDay && IsDayOfMonth(a.mention.values[0])))) {
        a.mention.kind = bm.kind;
        a.mention.soft = false;
      }
    }
  }

  // True when [p, end) is a few words of letters only (the names of a
  // list: "ایم ایس این بی سی کے"), nothing that ends a clause.
  bool ShortWordsOnly(size_t p, size_t end) const {
    if (end - p > 80) return false;
    while (p < end) {
      const char32_t c = DecodeUtf8(t_, p);
      if (c != ' ' && !IsWordLetter(c)) return false;
    }
    return true;
  }

  const Key& key_;
  std::string_view t_;
  const NumberVocabulary& voc_;
  std::vector<Found> found_;
  int pending_minutes_ = 0;
  size_t pending_at_ = std::string::npos;
};

}  // namespace

std::vector<NumberMention> ExtractNumbers(const Key& key, Language language) {
  return Scanner(key, language).Run();
}

namespace {
bool Close(double x, double y) { return std::fabs(x - y) <= 1e-9 * std::max({1.0, std::fabs(x), std::fabs(y)}); }
}  // namespace

bool SameNumber(const NumberMention& a, const NumberMention& b) {
  if (a.kind != b.kind) return false;
  for (double x : a.values) {
    for (double y : b.values) {
      if (std::isfinite(x) && std::isfinite(y) ? Close(x, y)
                                               : std::isinf(x) && std::isinf(y) && !a.exact.empty() && a.exact == b.exact)
        return true;
    }
  }
  return false;
}

double ParseDecimal(std::string_view digits) {
  double value = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  (void)end;
  if (error == std::errc::result_out_of_range) {
    // Too large or too small: the integer part tells which.
    const std::string_view whole = digits.substr(0, digits.find('.'));
    return whole.find_first_not_of('0') == std::string_view::npos ? 0.0 : HUGE_VAL;
  }
  return error == std::errc() ? value : 0.0;
}

NumberSet::NumberSet(const std::vector<NumberMention>& mentions) {
  for (size_t i = 0; i < mentions.size(); ++i) Add(mentions[i], i);
}

void NumberSet::Add(const NumberMention& m, size_t index) {
  for (double x : m.values) {
    if (std::isfinite(x)) {
      finite_.try_emplace({m.kind, x}, index);
    } else if (std::isinf(x) && !m.exact.empty()) {
      exact_.try_emplace({m.kind, m.exact}, index);
    }
  }
}

size_t NumberSet::Find(const NumberMention& n) const {
  size_t best = kNone;
  for (double x : n.values) {
    if (!std::isfinite(x)) {
      if (!std::isinf(x) || n.exact.empty()) continue;
      auto it = exact_.find({n.kind, n.exact});
      if (it != exact_.end()) best = std::min(best, it->second);
      continue;
    }
    // The values within the tolerance of x (twice it, to be sure of the
    // edges); a run of more than kScan distinct values that close to one
    // another (never in a text) is cut short.
    constexpr int kScan = 64;
    const double window = 2e-9 * std::max(1.0, std::fabs(x));
    int scanned = 0;
    for (auto it = finite_.lower_bound({n.kind, x - window});
         it != finite_.end() && it->first.first == n.kind && it->first.second <= x + window && scanned < kScan;
         ++it, ++scanned) {
      if (Close(x, it->first.second)) best = std::min(best, it->second);
    }
  }
  return best;
}

namespace {
std::string Plain(double v) {
  if (v == std::floor(v) && std::fabs(v) < 1e15) return fmt::format("{}", static_cast<long long>(v));
  return fmt::format("{}", v);
}
}  // namespace

std::string FormatNumber(const NumberMention& n) {
  const double v = n.values.empty() ? 0 : n.values[0];
  if (!std::isfinite(v) && !n.exact.empty()) {
    std::string written = n.exact[0] == '~' ? n.exact.substr(1) : n.exact;
    if (written.size() > 2 && written.compare(written.size() - 2, 2, "e0") == 0) written.resize(written.size() - 2);
    return n.kind == NumberKind::kPercent ? written + "%" : written;
  }
  switch (n.kind) {
    case NumberKind::kPercent: return Plain(v) + "%";
    case NumberKind::kTime: {
      int minutes = static_cast<int>(std::lround(v));
      return fmt::format("{}:{:02d}", minutes / 60 == 0 ? 12 : minutes / 60, minutes % 60);
    }
    case NumberKind::kMonth: return "month " + Plain(v);
    case NumberKind::kDay: return "day " + Plain(v);
    case NumberKind::kYear: return Plain(v);
    case NumberKind::kCount: return n.ordinal ? Plain(v) + " (ordinal)" : Plain(v);
  }
  return Plain(v);
}

}  // namespace align::internal
