// Alignment dictionaries: user TSV and hunalign .dic files, CC-CEDICT lines,
// and the compiled CC-CEDICT cache.
#include "align/dictionary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace align {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("talign-dict-test-" + std::to_string(::getpid()) + "-" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& text) const {
    std::string p = (path_ / name).string();
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  std::string Path(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

std::vector<std::string> Lookup(const Dictionary& d, std::string_view phrase) {
  std::vector<std::string_view> words;
  d.Lookup(Dictionary::KeyOf(phrase), &words);
  return {words.begin(), words.end()};
}

TEST(DictionaryTest, KeysFoldCaseWidthDigitsAndSpacing) {
  EXPECT_EQ(Dictionary::KeyOf("  Belt   and Road "), "belt and road");
  EXPECT_EQ(Dictionary::KeyOf("ＡＢＣ"), "abc");
  EXPECT_EQ(Dictionary::KeyOf("和平 发展"), "和平发展");
  EXPECT_EQ(Dictionary::KeyOf("۲۰۲۶"), "2026");
  // Arabic yeh and kaf fold to their Urdu forms, harakat are dropped.
  EXPECT_EQ(Dictionary::KeyOf("كيا"), Dictionary::KeyOf("کیا"));
  EXPECT_EQ(Dictionary::KeyOf("پاکِستان"), Dictionary::KeyOf("پاکستان"));
}

TEST(DictionaryTest, LoadsTsvWithCommentsAndMultiwordEntries) {
  TempDir dir;
  std::string path = dir.Write("en-ur.tsv",
                               "# user dictionary\n"
                               "peace\tامن\n"
                               "Peace\tصلح\n"
                               "\n"
                               "prime minister\tوزیر اعظم\n");
  auto d = Dictionary::Load(path, Language::kEnglish, Language::kUrdu);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ((*d)->source(), Language::kEnglish);
  EXPECT_EQ((*d)->target(), Language::kUrdu);
  EXPECT_EQ((*d)->size(), 2u);
  EXPECT_EQ((*d)->max_key_tokens(), 2);
  EXPECT_THAT(Lookup(**d, "PEACE"), UnorderedElementsAre("امن", "صلح"));
  EXPECT_THAT(Lookup(**d, "Prime  Minister"), UnorderedElementsAre("وزیر", "اعظم"));
  EXPECT_THAT(Lookup(**d, "war"), IsEmpty());
}

TEST(DictionaryTest, LoadsHunalignDicAsTargetAtSource) {
  TempDir dir;
  std::string path = dir.Write("en-zh.dic", "和平 @ peace\n发展 @ development\n");
  auto d = Dictionary::Load(path, Language::kEnglish, Language::kChinese);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_THAT(Lookup(**d, "peace"), ElementsAre("和平"));
  EXPECT_THAT(Lookup(**d, "development"), ElementsAre("发展"));
  EXPECT_THAT(Lookup(**d, "和平"), IsEmpty());
}

TEST(DictionaryTest, ErrorsNameFileAndLine) {
  TempDir dir;
  std::string tsv = dir.Write("bad.tsv", "peace\tامن\nno tab here\n");
  auto d = Dictionary::Load(tsv, Language::kEnglish, Language::kUrdu);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kDataError);
  EXPECT_THAT(d.status().message(), HasSubstr(tsv + ":2:"));

  std::string dic = dir.Write("bad.dic", "和平 @ peace\n\n发展 development\n");
  d = Dictionary::Load(dic, Language::kEnglish, Language::kChinese);
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(), HasSubstr(dic + ":3:"));

  std::string empty_side = dir.Write("half.tsv", "peace\t \n");
  d = Dictionary::Load(empty_side, Language::kEnglish, Language::kUrdu);
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(), HasSubstr(":1: empty target"));

  d = Dictionary::Load(dir.Path("missing.tsv"), Language::kEnglish, Language::kUrdu);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kNotFound);
}

TEST(DictionaryTest, ParsesCedictLines) {
  auto e = Dictionary::ParseCedictLine(
      "和平 和平 [he2 ping2] /peace/peaceful/CL:個|个[ge4]/variant of 禾平[he2 ping2]/");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->traditional, "和平");
  EXPECT_EQ(e->simplified, "和平");
  EXPECT_THAT(e->words, ElementsAre("peace", "peaceful"));

  e = Dictionary::ParseCedictLine("發展 发展 [fa1 zhan3] /to develop (sth)/development/growth/to recruit/");
  ASSERT_TRUE(e.has_value());
  EXPECT_EQ(e->traditional, "發展");
  EXPECT_EQ(e->simplified, "发展");
  EXPECT_THAT(e->words, ElementsAre("develop", "development", "growth", "recruit"));

  // Surnames, references to other headwords and dates are not translations.
  e = Dictionary::ParseCedictLine("王 王 [Wang2] /surname Wang/king (old)/see also 國王|国王[guo2 wang2]/");
  ASSERT_TRUE(e.has_value());
  EXPECT_THAT(e->words, ElementsAre("king"));

  EXPECT_FALSE(Dictionary::ParseCedictLine("# CC-CEDICT").has_value());
  EXPECT_FALSE(Dictionary::ParseCedictLine("").has_value());
  EXPECT_FALSE(Dictionary::ParseCedictLine("和平 和平 he2 ping2 /peace/").has_value());
  EXPECT_FALSE(Dictionary::ParseCedictLine("和平 和平 [he2 ping2] /peace").has_value());
}

TEST(DictionaryTest, CedictCacheIsBuiltReusedAndRebuiltWhenTheSourceChanges) {
  TempDir dir;
  // The real file has no final newline; neither has this one.
  std::string raw = dir.Write("cedict_ts.u8",
                              "# CC-CEDICT test\n"
                              "和平 和平 [he2 ping2] /peace/\n"
                              "發展 发展 [fa1 zhan3] /development/");
  std::string cache = dir.Path("cedict.bin");
  auto d = Dictionary::LoadCedictFrom(raw, cache);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_EQ((*d)->source(), Language::kChinese);
  EXPECT_EQ((*d)->target(), Language::kEnglish);
  EXPECT_THAT(Lookup(**d, "发展"), ElementsAre("development"));
  EXPECT_THAT(Lookup(**d, "發展"), ElementsAre("development"));  // traditional headword too
  ASSERT_TRUE(std::filesystem::exists(cache));

  // A second load reads the cache instead of compiling it again.
  auto before = std::filesystem::last_write_time(cache);
  auto again = Dictionary::LoadCedictFrom(raw, cache);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(std::filesystem::last_write_time(cache), before);
  EXPECT_THAT(Lookup(**again, "和平"), ElementsAre("peace"));

  // Another source: the stale cache is detected by its hash and rebuilt.
  dir.Write("cedict_ts.u8", "和平 和平 [he2 ping2] /tranquility/\n");
  auto rebuilt = Dictionary::LoadCedictFrom(raw, cache);
  ASSERT_TRUE(rebuilt.ok());
  EXPECT_THAT(Lookup(**rebuilt, "和平"), ElementsAre("tranquility"));
  EXPECT_THAT(Lookup(**rebuilt, "发展"), IsEmpty());

  // A corrupt cache is not trusted either.
  std::ofstream(cache, std::ios::binary | std::ios::trunc) << "garbage";
  auto repaired = Dictionary::LoadCedictFrom(raw, cache);
  ASSERT_TRUE(repaired.ok());
  EXPECT_THAT(Lookup(**repaired, "和平"), ElementsAre("tranquility"));
}

TEST(DictionaryTest, CedictWithoutEntriesIsAnErrorAndAMissingFileIsNotFound) {
  TempDir dir;
  std::string raw = dir.Write("empty.u8", "# only comments\n");
  auto d = Dictionary::LoadCedictFrom(raw, dir.Path("c.bin"));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kDataError);
  d = Dictionary::LoadCedictFrom(dir.Path("absent.u8"), dir.Path("c.bin"));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kNotFound);
}

TEST(DictionaryTest, TheSetUpCedictLoadsWhenPresent) {
  auto d = Dictionary::LoadCedict();
  if (!d.ok()) {
    EXPECT_EQ(d.status().code(), StatusCode::kNotFound) << d.status().message();
    GTEST_SKIP() << "CC-CEDICT not set up: " << d.status().message();
  }
  EXPECT_GT((*d)->size(), 100000u);
  EXPECT_THAT(Lookup(**d, "和平"), ::testing::Contains("peace"));
}

}  // namespace
}  // namespace align
