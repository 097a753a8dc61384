// The language registry (align/language.h) and the primitives every stage
// shares: the Han test, letters, Chinese numerals, the hash.
#include "align/language.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "aligner_text.h"
#include "align/normalize.h"
#include "hash.h"
#include "numerals.h"
#include "script.h"

namespace align {
namespace {

// Sets $TALIGN_DATA_DIR for the life of the object (registry loads only:
// the process registry, Languages(), is loaded once and not affected).
class DataDir {
 public:
  explicit DataDir(const std::string& dir) {
    if (const char* old = std::getenv("TALIGN_DATA_DIR")) old_ = old, had_ = true;
    setenv("TALIGN_DATA_DIR", dir.c_str(), 1);
  }
  ~DataDir() {
    if (had_) setenv("TALIGN_DATA_DIR", old_.c_str(), 1);
    else unsetenv("TALIGN_DATA_DIR");
  }

 private:
  std::string old_;
  bool had_ = false;
};

TEST(LanguageRegistry, BundledLanguagesComeFromTheirDefinitions) {
  ASSERT_TRUE(LoadLanguages().ok()) << LoadLanguages().message();
  const LanguageRegistry& r = Languages();
  ASSERT_GE(r.all().size(), 3u);
  const LanguageInfo& en = r.Info(Language::kEnglish);
  const LanguageInfo& zh = r.Info(Language::kChinese);
  const LanguageInfo& ur = r.Info(Language::kUrdu);
  EXPECT_EQ(en.code, "en");
  EXPECT_EQ(zh.code, "zh");
  EXPECT_EQ(ur.code, "ur");
  EXPECT_EQ(ur.name, "Urdu");
  EXPECT_EQ(en.direction, TextDirection::kLeftToRight);
  EXPECT_EQ(ur.direction, TextDirection::kRightToLeft);
  EXPECT_EQ(zh.units, TextUnits::kCharacters);
  EXPECT_EQ(en.units, TextUnits::kWords);
  EXPECT_EQ(ur.rules, "rules/ur.rules");
  EXPECT_EQ(en.scripts, std::vector<std::string>{"Latn"});
  EXPECT_TRUE(zh.HasScript(USCRIPT_HAN));
  EXPECT_TRUE(ur.join_across_space);
  EXPECT_TRUE(en.ise_ize);
  EXPECT_EQ(zh.detect_weight, 3);
  EXPECT_NE(ur.file.find("languages/ur.lang"), std::string::npos);
  // Tables as written, numbers read.
  const auto& scales = ur.Table("scales");
  ASSERT_FALSE(scales.empty());
  EXPECT_EQ(scales[1].text, "لاکھ");
  EXPECT_EQ(scales[1].number, 1e5);
  EXPECT_TRUE(zh.Table("number_words").empty());
  EXPECT_EQ(r.Info(Language::kUnknown).code, "und");
  EXPECT_EQ(r.Info(static_cast<Language>(200)).code, "und");
  EXPECT_EQ(r.Codes().substr(0, 10), "en, zh, ur");
}

TEST(LanguageRegistry, ParsesCodesAndAliases) {
  const LanguageRegistry& r = Languages();
  EXPECT_EQ(r.Parse("eng"), Language::kEnglish);
  EXPECT_EQ(r.Parse("ZHO"), Language::kChinese);
  EXPECT_EQ(r.Parse("cmn-Hans-CN"), Language::kChinese);
  EXPECT_EQ(r.Parse("urd"), Language::kUrdu);
  EXPECT_EQ(r.Parse("ur_PK"), Language::kUrdu);
  EXPECT_EQ(r.Parse("ar"), std::nullopt);
  EXPECT_EQ(r.Parse("ur-"), std::nullopt);
  EXPECT_EQ(r.Parse("ur-P K"), std::nullopt);
  EXPECT_EQ(r.Parse(""), std::nullopt);
}

// Real-looking sentences of the kind talign reads: news and statements.
constexpr const char* kArabic[] = {
    "اتفق الجانبان على تعزيز التعاون في مجال التجارة والاستثمار وتبادل الخبرات.",
    "وقالت وزارة الخارجية في بيان صدر يوم الاثنين إن الاجتماع كان مثمرا للغاية.",
    "بلغ حجم التبادل التجاري بين البلدين ٢٣٫٥ مليار دولار في عام ٢٠٢٥.",
    "أكد الرئيس أهمية الممر الاقتصادي الصيني الباكستاني للتنمية في المنطقة.",
};
constexpr const char* kUrdu[] = {
    "دونوں فریقوں نے تجارت اور سرمایہ کاری کے شعبے میں تعاون بڑھانے پر اتفاق کیا۔",
    "وزارت خارجہ کے ترجمان نے پیر کو جاری ہونے والے بیان میں کہا کہ ملاقات بہت مفید رہی۔",
    "دونوں ممالک کے درمیان تجارت کا حجم ۲۰۲۵ میں ۲۳٫۵ ارب ڈالر تک پہنچ گیا۔",
    "صدر نے خطے کی ترقی کے لیے چین پاکستان اقتصادی راہداری کی اہمیت پر زور دیا۔",
};

TEST(LanguageRegistry, ArabicIsNotUrdu) {
  for (const char* text : kArabic) {
    LanguageRegistry::Detection d = Languages().Detect(text);
    EXPECT_EQ(d.language, Language::kUnknown) << text;
    EXPECT_EQ(d.script, "Arabic") << text;
    EXPECT_EQ(DetectLanguage(text), Language::kUnknown) << text;
  }
  for (const char* text : kUrdu) EXPECT_EQ(DetectLanguage(text), Language::kUrdu) << text;
  // Urdu typed with the odd Arabic kaf or yeh (ك ي) is still Urdu.
  EXPECT_EQ(DetectLanguage("پاكستان اور چین کے درمیان دوستي بہت گہری ہے۔"), Language::kUrdu);
  // A whole document: the Urdu version of the corpus.
  std::ifstream in(std::string(TALIGN_SOURCE_DIR) + "/corpora/readout.ur.txt");
  std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(doc.empty());
  EXPECT_EQ(DetectLanguage(doc), Language::kUrdu);
}

TEST(LanguageRegistry, DetectsTheDominantScript) {
  EXPECT_EQ(DetectLanguage("The two sides agreed on CPEC."), Language::kEnglish);
  EXPECT_EQ(DetectLanguage("双方同意加强CPEC合作。"), Language::kChinese);
  LanguageRegistry::Detection none = Languages().Detect("2026 — 15 %");
  EXPECT_EQ(none.language, Language::kUnknown);
  EXPECT_EQ(none.script, "");
  LanguageRegistry::Detection cyrillic = Languages().Detect("Стороны договорились об углублении сотрудничества.");
  EXPECT_EQ(cyrillic.language, Language::kUnknown);
  EXPECT_EQ(cyrillic.script, "Cyrillic");
}

std::string TestData(const std::string& relative) { return std::string(TALIGN_SOURCE_DIR) + "/tests/data/" + relative; }

TEST(LanguageRegistry, ALanguageFromDataAlone) {
  DataDir dir(TestData("language-eo"));
  auto loaded = LanguageRegistry::Load();
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  const LanguageRegistry& r = *loaded;
  ASSERT_EQ(r.all().size(), 4u);
  std::optional<Language> eo = r.Parse("epo");
  ASSERT_TRUE(eo.has_value());
  EXPECT_EQ(static_cast<int>(*eo), 4);
  EXPECT_EQ(r.Parse("eo-Latn"), eo);
  const LanguageInfo& info = r.Info(*eo);
  EXPECT_EQ(info.name, "Esperanto");
  EXPECT_EQ(info.rules, "rules/eo.rules");
  EXPECT_EQ(info.Table("number_words").size(), 11u);
  // The bundled ones keep their ids and definitions.
  EXPECT_EQ(r.Parse("ur"), Language::kUrdu);
  EXPECT_EQ(r.Info(Language::kUrdu).code, "ur");
  // Two Latin-script languages: Esperanto by its supersigned letters,
  // English (no such list) otherwise.
  EXPECT_EQ(r.Detect("La du flankoj interkonsentis plifortigi la komercon kaj ankaŭ diskutis pri ŝanĝo.").language, *eo);
  EXPECT_EQ(r.Detect("The two sides agreed to strengthen trade and discussed change.").language, Language::kEnglish);
  // A stray name in a paragraph (under 1% of its letters) does not make
  // English text Esperanto.
  EXPECT_EQ(r.Detect("The two sides agreed to strengthen trade and investment, and welcomed the "
                     "delegation of the Ĉina-Pakistana association, which arrived in the capital "
                     "on Monday for three days of talks with the ministers of commerce.")
                .language,
            Language::kEnglish);
}

// Writes a data directory with the bundled languages' list plus |extra|,
// and the given definition files.
std::string BrokenDir(const std::string& name, const std::string& list,
                      const std::vector<std::pair<std::string, std::string>>& files) {
  const std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / ("talign-lang-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "languages");
  std::ofstream(dir / "languages/languages.txt") << list;
  for (const auto& [file, text] : files) std::ofstream(dir / "languages" / file) << text;
  return dir.string();
}

std::string LoadError(const std::string& dir) {
  DataDir env(dir);
  auto loaded = LanguageRegistry::Load();
  return loaded.ok() ? "loaded" : loaded.status().message();
}

TEST(LanguageRegistry, BrokenDefinitionsAreErrorsNamingFileAndLine) {
  const std::string head = "[language]\ncode = xx\nscripts = Latn\nrules = rules/en.rules\n";
  EXPECT_NE(LoadError(BrokenDir("section", "en\nzh\nur\nxx\n", {{"xx.lang", head + "[numbrs]\ntwo 2\n"}}))
                .find("xx.lang:5: unknown section [numbrs]"),
            std::string::npos);
  EXPECT_NE(LoadError(BrokenDir("number", "en\nzh\nur\nxx\n", {{"xx.lang", head + "[scales]\nthousand 1e3\nmillion lots\n"}}))
                .find("xx.lang:7: 'lots' is not a number"),
            std::string::npos);
  EXPECT_NE(LoadError(BrokenDir("inf", "en\nzh\nur\nxx\n", {{"xx.lang", head + "[units]\nwatt inf\n"}}))
                .find("xx.lang:6: 'inf' is not a number"),
            std::string::npos);
  EXPECT_NE(LoadError(BrokenDir("script", "en\nzh\nur\nxx\n",
                                {{"xx.lang", "[language]\ncode = xx\nscripts = Klingon\nrules = r\n"}}))
                .find("xx.lang:3: 'Klingon' is not an ISO 15924 script code"),
            std::string::npos);
  EXPECT_NE(LoadError(BrokenDir("alias", "en\nzh\nur\nxx\n",
                                {{"xx.lang", "[language]\ncode = xx\naliases = eng\nscripts = Latn\nrules = r\n"}}))
                .find("'eng' already names the language of"),
            std::string::npos);
  EXPECT_NE(LoadError(BrokenDir("code", "en\nzh\nur\nxx\n", {{"xx.lang", "[language]\ncode = yy\nscripts = Latn\nrules = r\n"}}))
                .find("its code is 'yy', not 'xx'"),
            std::string::npos);
  EXPECT_NE(LoadError(BrokenDir("fold", "en\nzh\nur\nxx\n", {{"xx.lang", head + "[fold]\nab c\n"}}))
                .find("xx.lang:6: 'ab' is not one character"),
            std::string::npos);
  EXPECT_NE(LoadError(BrokenDir("missing", "en\nzh\n", {})).find("the bundled language 'ur' is not listed"),
            std::string::npos);
  EXPECT_NE(LoadError(BrokenDir("nofile", "en\nzh\nur\nqq\n", {})).find("languages/qq.lang not found"),
            std::string::npos);
  EXPECT_NE(LoadError(BrokenDir("badcode", "en\nzh\nur\nx-y\n", {})).find("languages.txt:4: 'x-y' is not a language code"),
            std::string::npos);
}

TEST(Primitives, HanIsAskedOfIcu) {
  using internal::IsHan;
  for (char32_t c : {U'中', U'〇', U'㐀', U'𠀀', U'龥', U'\U0002F800', U'\U00030000'}) EXPECT_TRUE(IsHan(c)) << static_cast<uint32_t>(c);
  // Not ideographs: a radical, the iteration mark, kana, Tangut, letters, punctuation.
  for (char32_t c : {U'⺀', U'々', U'の', U'\U00017000', U'A', U'ب', U'。', U'，'}) EXPECT_FALSE(IsHan(c)) << static_cast<uint32_t>(c);
  EXPECT_TRUE(internal::IsLetter(U'ں'));
  EXPECT_TRUE(internal::IsLetter(U'ж'));
  EXPECT_FALSE(internal::IsLetter(U'×'));
  EXPECT_FALSE(internal::IsLetter(U'۲'));
  EXPECT_TRUE(internal::IsWordLetter(U'é'));
  EXPECT_FALSE(internal::IsWordLetter(U'中'));
}

TEST(Primitives, ChineseNumeralsInOnePlace) {
  using internal::HanNumeralValue;
  EXPECT_EQ(HanNumeralValue(U"三千五百万"), 35000000);
  EXPECT_EQ(HanNumeralValue(U"三亿五千万"), 350000000);
  EXPECT_EQ(HanNumeralValue(U"一万亿"), 1e12);
  EXPECT_EQ(HanNumeralValue(U"一萬億"), 1e12);  // Traditional units
  EXPECT_EQ(HanNumeralValue(U"十五"), 15);
  EXPECT_EQ(HanNumeralValue(U"一千零五"), 1005);
  EXPECT_EQ(HanNumeralValue(U"二〇二六"), 2026);
  EXPECT_TRUE(internal::IsHanSmallNumeral(U'两'));
  EXPECT_FALSE(internal::IsHanSmallNumeral(U'万'));
  // The aligner reads them with the same module: 一万亿 is 10^12, in
  // Simplified and Traditional alike; positional runs keep their digits.
  auto number = [](std::string_view text) {
    for (const internal::Token& t : internal::Tokenize(text))
      if (t.derived) return t.text;
    return std::string();
  };
  EXPECT_EQ(number("贸易额达一万亿元"), "1000000000000");
  EXPECT_EQ(number("貿易額達一萬億元"), "1000000000000");
  EXPECT_EQ(number("三亿五千万人"), "350000000");
  EXPECT_EQ(number("〇五号"), "05");
}

TEST(Primitives, LetterFoldingComesFromTheDefinitions) {
  const Normalizer& norm = Normalizer::Get();
  // ur.lang [fold] and [drop]: Arabic kaf/yeh/heh to the Urdu letters, harakat dropped.
  EXPECT_EQ(norm.KeyOf("پاكستاني"), norm.KeyOf("پاکستانی"));
  EXPECT_EQ(norm.KeyOf("مُلک"), norm.KeyOf("ملک"));
  std::vector<internal::Token> tokens = internal::Tokenize("پاكستاني");
  ASSERT_EQ(tokens.size(), 1u);
  EXPECT_EQ(tokens[0].text, "پاکستانی");
}

TEST(Primitives, OneHash) {
  EXPECT_EQ(internal::HashBytes("belt and road"), internal::HashBytes(std::string("belt and road")));
  EXPECT_NE(internal::HashBytes("belt and road"), internal::HashBytes("belt and roads"));
  EXPECT_NE(internal::HashBytes("x", 1), internal::HashBytes("x", 2));
  // Compiled dictionary caches store it: the value must not change.
  EXPECT_EQ(internal::HashBytes("CC-CEDICT", 2), 0xCF4C1DFF83680118ULL);
}

}  // namespace
}  // namespace align
