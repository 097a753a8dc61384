// Number extraction (libalign/src/numbers.h), table-driven per language:
// what each sentence yields, as "kind value" strings in text order.
#include "numbers.h"

#include <gtest/gtest.h>

#include <cmath>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "align/normalize.h"

namespace align::internal {
namespace {

std::string KindName(NumberKind k) {
  switch (k) {
    case NumberKind::kCount: return "count";
    case NumberKind::kYear: return "year";
    case NumberKind::kPercent: return "percent";
    case NumberKind::kMonth: return "month";
    case NumberKind::kTime: return "time";
    case NumberKind::kDay: return "day";
  }
  return "?";
}

std::vector<std::string> Extract(const std::string& text, Language language) {
  Key key = Normalizer::Get().MakeKey(text, Span{0, text.size()});
  std::vector<std::string> out;
  for (const NumberMention& n : ExtractNumbers(key, language)) {
    std::string s = KindName(n.kind) + " " + FormatNumber(n);
    if (n.kind == NumberKind::kMonth) s = "month " + FormatNumber(n).substr(6);
    if (n.kind == NumberKind::kDay) s = "day " + FormatNumber(n).substr(4);
    for (size_t i = 1; i < n.values.size(); ++i) s += " =" + std::to_string(static_cast<long long>(n.values[i]));
    if (n.soft) s += " soft";
    if (n.confirm_only) s += " confirm";
    out.push_back(s);
  }
  return out;
}

struct Case {
  const char* text;
  std::vector<std::string> expected;
};

void RunCases(Language language, const std::vector<Case>& cases) {
  for (const Case& c : cases) EXPECT_EQ(Extract(c.text, language), c.expected) << c.text;
}

TEST(NumbersTest, English) {
  RunCases(Language::kEnglish, {
      {"2026 marks the 75th anniversary.", {"year 2026", "count 75 (ordinal)"}},
      {"Trade grew by 3.5 percent, or 3.5% by value.", {"percent 3.5%", "percent 3.5%"}},
      {"China will train 1,000 technicians over the next three years.", {"count 1000", "count 3 soft"}},
      {"fifteen projects and 15 more", {"count 15", "count 15"}},
      {"the seventy-fifth anniversary", {"count 75 (ordinal)"}},
      {"two hundred and thirty thousand people", {"count 230000"}},
      {"230,000 people", {"count 230000"}},
      {"8,000 megawatts of power", {"count 8000 =8000000000"}},
      {"$5 billion", {"count 5000000000"}},
      {"BEIJING, Nov. 26 (APP) -- talks", {"month 11", "day 26"}},
      {"from 25 to 28 November 2026", {"day 25", "day 28", "month 11", "year 2026"}},
      {"The talks began at 4 p.m. and he arrived at 9.30 p.m.", {"time 4:00", "time 9:30"}},
      {"an action plan for 2026-2030", {"year 2026", "year 2030"}},
      {"four propositions", {"count 4 soft"}},
      {"Over three quarters of a century", {}},
      {"the one-China principle; one of the first", {"count 1 soft confirm", "count 1 soft confirm"}},
      {"we may march on", {}},
      {"1. a framework agreement on CPEC 2.0;", {}},  // list marker, version label
      {"his third visit", {"count 3 (ordinal) soft"}},
      {"2 lakh 30 thousand", {"count 230000"}},
      {"Only twice has a team come back from a four-point deficit.", {"count 2 soft", "count 4 soft"}},
      {"Twin towers, a tweet, a twist", {}},
  });
}

TEST(NumbersTest, Chinese) {
  RunCases(Language::kChinese, {
      {"二〇二六年是中巴建交七十五周年。", {"year 2026", "count 75"}},
      {"今年是中巴建交75周年。", {"count 75"}},
      {"2026年前10个月，双边贸易额增长3.5%。", {"year 2026", "count 10", "percent 3.5%"}},
      {"增长百分之三点五", {"percent 3.5%"}},
      {"十五个项目", {"count 15"}},
      {"第七十五届会议", {"count 75 (ordinal)"}},
      {"习近平提出四点主张。", {"count 4 soft"}},
      {"23万人", {"count 230000"}},
      {"二十三万人", {"count 230000"}},
      {"装机800万千瓦", {"count 8000000 =8000000000"}},
      {"巴通社北京11月26日电", {"month 11", "day 26"}},
      {"于2026年11月25日至28日", {"year 2026", "month 11", "day 25", "day 28"}},
      {"会谈于下午4时开始，持续两个多小时。", {"time 4:00", "count 2 soft"}},
      {"于25日晚9时30分抵达", {"day 25", "time 9:30"}},
      {"中方愿同巴方一道推进“一带一路”和一个中国原则", {"count 1 soft confirm"}},
      {"三峡工程十分重要", {}},
      {"这是他就任以来第三次访华。", {"count 3 (ordinal) soft"}},
      {"《2026—2030年农业合作行动计划》", {"year 2026", "year 2030"}},
      {"未来三年培训1000名技术人员", {"count 3 soft", "count 1000"}},
      {"二、合作领域", {}},
  });
}

TEST(NumbersTest, Urdu) {
  RunCases(Language::kUrdu, {
      {"2026ء سفارتی تعلقات کے قیام کی 75ویں سالگرہ کا سال ہے۔", {"year 2026", "count 75 (ordinal)"}},
      {"۲۰۲۶ء میں ۷۵ واں", {"year 2026", "count 75"}},
      {"دوطرفہ تجارت میں 3.5 فیصد اضافہ ہوا", {"percent 3.5%"}},
      {"دو طرفہ تجارت", {}},
      {"پندرہ منصوبے", {"count 15"}},
      {"2 لاکھ 30 ہزار افراد", {"count 230000"}},
      {"8,000 میگاواٹ بجلی", {"count 8000 =8000000000"}},
      {"بیجنگ، 26 نومبر (اے پی پی):", {"day 26", "month 11"}},
      {"سہ پہر 4 بجے شروع ہونے والی بات چیت دو گھنٹے جاری رہی", {"time 4:00", "count 2 soft"}},
      {"منگل کی رات ساڑھے نو بجے بیجنگ پہنچے", {"time 9:30"}},
      {"پاکستان ایک چین کے اصول پر کاربند ہے اور ایک دوسرے کی حمایت", {"count 1 soft confirm", "count 1 soft confirm"}},
      {"یہ ان کا چین کا تیسرا دورہ ہے۔", {"count 3 (ordinal) soft"}},
      {"۳۔ 2026ء تا 2030ء زرعی تعاون کا لائحہ عمل؛", {"year 2026", "year 2030"}},
      {"۲۳٫۱ فیصد", {"percent 23.1%"}},
      {"چار نکاتی تجاویز", {"count 4 soft"}},
      // Every number to a hundred has a word of its own; بہتر (72) is
      // "better" and چون (54) a word of its own, so they stay words.
      {"اکتالیس سالہ ویسٹ", {"count 41"}},
      {"چھیانوے منصوبے اور تریپن کمپنیاں", {"count 96", "count 53"}},
      {"دونوں ممالک کے تعلقات مزید بہتر ہوئے", {}},
      {"بغیر چون و چرا کے", {}},
  });
}

TEST(NumbersTest, SameNumberComparesKindAndScaledValues) {
  auto one = [](const std::string& text, Language language) {
    Key key = Normalizer::Get().MakeKey(text, Span{0, text.size()});
    auto found = ExtractNumbers(key, language);
    EXPECT_EQ(found.size(), 1u) << text;
    return found.empty() ? NumberMention{} : found[0];
  };
  EXPECT_TRUE(SameNumber(one("8,000 megawatts", Language::kEnglish), one("800万千瓦", Language::kChinese)));
  EXPECT_TRUE(SameNumber(one("230,000 people", Language::kEnglish), one("2 لاکھ 30 ہزار", Language::kUrdu)));
  EXPECT_TRUE(SameNumber(one("3.5 percent", Language::kEnglish), one("百分之三点五", Language::kChinese)));
  EXPECT_TRUE(SameNumber(one("in 2026", Language::kEnglish), one("二〇二六年", Language::kChinese)));
  EXPECT_TRUE(SameNumber(one("75th", Language::kEnglish), one("第七十五", Language::kChinese)));
  EXPECT_FALSE(SameNumber(one("in 2026", Language::kEnglish), one("2,026 people", Language::kEnglish)));
  EXPECT_FALSE(SameNumber(one("3.5 percent", Language::kEnglish), one("3.5 tonnes", Language::kEnglish)));
  EXPECT_FALSE(SameNumber(one("8,000 megawatts", Language::kEnglish), one("80万千瓦", Language::kChinese)));
}

TEST(NumbersTest, SpansPointAtTheOriginalBytes) {
  const std::string text = "增长百分之三点五。";
  Key key = Normalizer::Get().MakeKey(text, Span{0, text.size()});
  auto found = ExtractNumbers(key, Language::kChinese);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(text.substr(found[0].span.begin, found[0].span.size()), "百分之三点五");
  const std::string urdu = "کل ۲۰۲۶ء کو";
  Key ukey = Normalizer::Get().MakeKey(urdu, Span{0, urdu.size()});
  auto ufound = ExtractNumbers(ukey, Language::kUrdu);
  ASSERT_EQ(ufound.size(), 1u);
  EXPECT_EQ(urdu.substr(ufound[0].span.begin, ufound[0].span.size()), "۲۰۲۶ء");
}

NumberMention One(const std::string& text, Language language) {
  Key key = Normalizer::Get().MakeKey(text, Span{0, text.size()});
  auto found = ExtractNumbers(key, language);
  EXPECT_EQ(found.size(), 1u) << text.substr(0, 80);
  return found.empty() ? NumberMention{} : found[0];
}

TEST(NumbersTest, ParseDecimalNeverThrows) {
  EXPECT_EQ(ParseDecimal("2026"), 2026);
  EXPECT_EQ(ParseDecimal("3.5"), 3.5);
  EXPECT_EQ(ParseDecimal("0.25"), 0.25);
  EXPECT_TRUE(std::isinf(ParseDecimal(std::string(500, '7'))));
  EXPECT_TRUE(std::isinf(ParseDecimal("1" + std::string(400, '0') + ".5")));
  EXPECT_EQ(ParseDecimal("0." + std::string(400, '0') + "1"), 0);
  EXPECT_EQ(ParseDecimal(std::string(400, '0') + "12"), 12);
}

// std::stod threw std::out_of_range on these and aborted the process.
TEST(NumbersTest, NumbersNoDoubleHoldsAreComparedAsWritten) {
  const std::string d500(500, '7');
  const std::string z400(400, '0');
  const NumberMention en = One("a total of " + d500 + " yuan", Language::kEnglish);
  EXPECT_TRUE(std::isinf(en.values[0]));
  EXPECT_EQ(en.exact, d500 + "e0");
  EXPECT_EQ(FormatNumber(en), d500);
  // The same digits with thousands separators, and as Chinese numerals; a
  // different last digit, or one digit fewer, is another number.
  std::string grouped = "77";
  for (int i = 0; i < 166; ++i) grouped += ",777";  // 2 + 166 * 3 = 500 digits
  EXPECT_TRUE(SameNumber(en, One("总额为" + d500 + "元", Language::kChinese)));
  EXPECT_TRUE(SameNumber(en, One("a total of " + grouped + " yuan", Language::kEnglish)));
  EXPECT_FALSE(SameNumber(en, One("a total of " + grouped.substr(1) + " yuan", Language::kEnglish)));
  EXPECT_FALSE(SameNumber(en, One("a total of " + d500.substr(1) + "8 yuan", Language::kEnglish)));
  std::string han;
  for (int i = 0; i < 500; ++i) han += "七";
  EXPECT_TRUE(SameNumber(en, One("总额为" + han + "元", Language::kChinese)));
  // 10^400 with a scale word: billion (10^9) against 亿 (10^8) and one more zero.
  const NumberMention billion = One("it grew by 1" + z400 + " billion", Language::kEnglish);
  EXPECT_EQ(billion.exact, "1e409");
  EXPECT_TRUE(SameNumber(billion, One("增长了1" + z400 + "0亿", Language::kChinese)));
  EXPECT_TRUE(SameNumber(billion, One("1" + z400 + " ارب کا اضافہ", Language::kUrdu)));
  EXPECT_FALSE(SameNumber(billion, One("增长了1" + z400 + "亿", Language::kChinese)));
  // A Han numeral that overflows by its units is compared as written.
  std::string yi = "一";
  for (int i = 0; i < 45; ++i) yi += "亿";
  const NumberMention han_units = One("增长" + yi + "元", Language::kChinese);
  EXPECT_TRUE(std::isinf(han_units.values[0]));
  EXPECT_TRUE(SameNumber(han_units, One("增长" + yi + "元", Language::kChinese)));
  EXPECT_FALSE(SameNumber(han_units, One("增长" + yi + "亿元", Language::kChinese)));
  // Too small for a double: zero, as any difference below 10^-9 is.
  const NumberMention tiny = One("a rate of 0." + z400 + "1 percent", Language::kEnglish);
  EXPECT_EQ(tiny.kind, NumberKind::kPercent);
  EXPECT_TRUE(SameNumber(tiny, One("0." + z400 + "2%", Language::kEnglish)));
  // A clock time with minutes of absurd length: no value that is not a number.
  const std::string clock = "下午4时" + d500 + "分，" + d500 + ":30 p.m.";
  Key clock_key = Normalizer::Get().MakeKey(clock, Span{0, clock.size()});
  for (const NumberMention& n : ExtractNumbers(clock_key, Language::kChinese)) {
    for (double v : n.values) EXPECT_FALSE(std::isnan(v));
  }
}

// NumberSet answers as SameNumber does, pairwise, over mixed kinds, scaled
// alternatives, near values and numbers past a double.
TEST(NumbersTest, NumberSetFindsWhatSameNumberFinds) {
  std::mt19937 rng(11);
  std::vector<NumberMention> pool;
  const double values[] = {0, 1, 2, 3.5, 10, 1e3, 1e3 + 1e-7, 8000, 8e9, 2026, 1e15, 1e15 + 1, 1e300};
  for (int i = 0; i < 400; ++i) {
    NumberMention m;
    m.kind = static_cast<NumberKind>(rng() % 3);
    m.values = {values[rng() % std::size(values)]};
    if (rng() % 4 == 0) m.values.push_back(m.values[0] * 1e6);
    if (rng() % 10 == 0) {
      m.values = {HUGE_VAL};
      m.exact = rng() % 2 ? "1e409" : "7e500";
    }
    pool.push_back(m);
  }
  const std::vector<NumberMention> side(pool.begin(), pool.begin() + 200);
  const NumberSet set(side);
  for (const NumberMention& n : pool) {
    size_t first = NumberSet::kNone;
    for (size_t i = 0; i < side.size() && first == NumberSet::kNone; ++i) {
      if (SameNumber(side[i], n)) first = i;
    }
    EXPECT_EQ(set.Find(n), first);
  }
}

// Cases seen on news translations; each rule next to the nearest text it
// must leave alone.
TEST(NumbersTest, ScalesAfterSpacesAndInLists) {
  RunCases(Language::kChinese, {
      {"观众人数为 569 万", {"count 5690000"}},
      {"观众人数为 569 人", {"count 569"}},
      {"投资 20 亿美元", {"count 2000000000"}},
      {"CBS 为 310、252 万", {"count 3100000 =310", "count 2520000"}},
      {"CBS 为 310 人、252 万", {"count 310", "count 2520000"}},  // not a list of the same thing
      {"2017 年 9 月 30 日", {"year 2017", "month 9", "day 30"}},
      {"截至早上 5 点", {"time 5:00"}},
      {"30% 至 43% 的选民", {"percent 30%", "percent 43%"}},
  });
  RunCases(Language::kEnglish, {
      {"NBC had 2.94 and 2.89 million", {"count 2940000 =2", "count 2890000"}},
      {"between 30 and 43 percent", {"percent 30%", "percent 43%"}},
      {"5 people, 30 percent of them", {"count 5", "percent 30%"}},
      {"a £125m deal and a £2.8bn market", {"count 125000000", "count 2800000000"}},
      {"a 125m sprint", {"count 125"}},  // metres: no currency sign
      {"one million people", {"count 1000000"}},
      {"October 14-17, 2024", {"month 10", "day 14", "day 17", "year 2024"}},
      {"the 1950-53 war", {"year 1950", "year 1953"}},
      {"the 1950-53 people", {"year 1950", "year 1953"}},
      {"aged 5-53", {"count 5", "count 53"}},  // not after a year
  });
  RunCases(Language::kUrdu, {
      {"4،700 ٹویٹس", {"count 4700"}},
      {"5، 000 سے زائد", {"count 5000"}},
      {"5، 60 اور 70", {"count 5", "count 60", "count 70"}},  // a list
      {"35$ ملین", {"count 35000000"}},
      {"2.94، ایم ایس این بی سی کے 2.89 اور سی این این کے 2.52 ملین", {"count 2940000 =2", "count 2890000 =2", "count 2520000"}},
      {"ساڑھے تین کروڑ", {"count 35000000"}},
      {"3 کروڑ 50 لاکھ", {"count 35000000"}},
      {"ساڑھے نو بجے", {"time 9:30"}},
      {"14 سے 17 اکتوبر", {"day 14", "day 17", "month 10"}},
      {"کوریا 53-1950 کی جنگ", {"year 1953", "year 1950"}},
      {"عمر 53-60 کی", {"count 53", "count 60"}},
  });
}

TEST(NumbersTest, NotQuantities) {
  RunCases(Language::kChinese, {
      {"百年未有之大变局加速演进", {}},
      {"中国成立100年", {"count 100"}},
      {"周五大地震", {}},
      {"五大地震", {"count 5 soft"}},
      {"今后几十年", {}},
      {"今后十年", {"count 10 soft"}},
      {"上世纪八十年代", {"year 1980 =2080"}},
      {"1980年代", {"year 1980"}},
      {"一级飓风", {"count 1 soft confirm"}},
  });
}

}  // namespace
}  // namespace align::internal
