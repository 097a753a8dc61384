// Alignment dictionaries: user TSV and hunalign .dic files, CC-CEDICT lines,
// and the compiled CC-CEDICT cache.
#include "align/dictionary.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dictionary_pivot.h"
#include "dictionary_table.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
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

// ------------------------------------------------------------------ bad input

// The message of a load that must fail, or "loaded" when it did not.
std::string LoadError(const std::string& path, StatusCode* code = nullptr) {
  auto d = Dictionary::Load(path, Language::kEnglish, Language::kChinese);
  if (code) *code = d.ok() ? StatusCode::kOk : d.status().code();
  return d.ok() ? "loaded" : d.status().message();
}

TEST(DictionaryBadInputTest, CrOnlyCrLfAndLfLinesAllRead) {
  TempDir dir;
  for (const char* eol : {"\n", "\r\n", "\r"}) {
    const std::string text = std::string("# comment") + eol + "peace\t和平" + eol + eol + "development\t发展" + eol;
    auto d = Dictionary::Load(dir.Write("eol.tsv", text), Language::kEnglish, Language::kChinese);
    ASSERT_TRUE(d.ok()) << d.status().message();
    EXPECT_EQ((*d)->size(), 2u);
    EXPECT_THAT(Lookup(**d, "peace"), ElementsAre("和平"));
    EXPECT_THAT(Lookup(**d, "development"), ElementsAre("发展"));
  }
  // Line numbers count a lone CR as a line end too.
  const std::string bad = dir.Write("bad.tsv", "peace\t和平\r\rno tab\r");
  EXPECT_EQ(LoadError(bad), bad + ":3: expected source<TAB>target (or hunalign's \"target @ source\" on "
                                  "every line)");
  const std::string dic = dir.Write("mac.dic", "和平 @ peace\r发展 @ development\r");
  auto d = Dictionary::Load(dic, Language::kEnglish, Language::kChinese);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_THAT(Lookup(**d, "development"), ElementsAre("发展"));
}

TEST(DictionaryBadInputTest, ControlCharactersAndBadBytesAreErrorsOnTheirLine) {
  TempDir dir;
  const std::string nul = dir.Write("nul.tsv", std::string("peace\t和平\nwar\0\t战争\n", 18));
  EXPECT_EQ(LoadError(nul), nul + ":2: contains U+0000 (a control character) at column 4 (dictionaries are UTF-8 text)");
  const std::string esc = dir.Write("esc.dic", "和平 @ peace\n战争 @ war\x1B[2J\n");
  EXPECT_EQ(LoadError(esc), esc + ":2: contains U+001B (a control character) at column 9 (dictionaries are UTF-8 text)");
  const std::string nonchar = dir.Write("nc.tsv", "peace\t和平\xEF\xBF\xBE\n");
  EXPECT_EQ(LoadError(nonchar), nonchar + ":1: contains U+FFFE (a noncharacter) at column 9 (dictionaries are UTF-8 text)");
  const std::string invalid = dir.Write("inv.tsv", "peace\t和平\nwar\t\xFF\n");
  StatusCode code;
  EXPECT_EQ(LoadError(invalid, &code), invalid + ":2: contains byte 0xFF (not UTF-8) at column 5 (dictionaries are UTF-8 text)");
  EXPECT_EQ(code, StatusCode::kDataError);
  const std::string cesu = dir.Write("cesu.tsv", "peace\t\xED\xA0\x80\n");
  EXPECT_EQ(LoadError(cesu), cesu + ":1: contains byte 0xED (not UTF-8) at column 7 (dictionaries are UTF-8 text)");
  const std::string utf16 = dir.Write("u16.tsv", std::string("\xFF\xFEp\0e\0\t\0", 8));
  EXPECT_EQ(LoadError(utf16), utf16 + ":1: the file is UTF-16; dictionaries must be UTF-8");
}

TEST(DictionaryBadInputTest, EmptySidesBareAtSignsAndPhrasesWithoutLetters) {
  TempDir dir;
  const std::string empty_source = dir.Write("es.tsv", "\t和平\n");
  EXPECT_EQ(LoadError(empty_source), empty_source + ":1: empty source phrase");
  const std::string empty_target = dir.Write("et.tsv", "peace\t\t\n");
  EXPECT_EQ(LoadError(empty_target), empty_target + ":1: expected source<TAB>target (or hunalign's "
                                                    "\"target @ source\" on every line)");
  const std::string no_target = dir.Write("nt.dic", "和平 @ peace\n @ war\n");
  EXPECT_EQ(LoadError(no_target), no_target + ":2: empty target phrase");
  const std::string no_sides = dir.Write("ns.dic", "和平 @ peace\n @ \n");
  EXPECT_EQ(LoadError(no_sides), no_sides + ":2: empty source phrase");
  const std::string bare = dir.Write("bare.dic", "和平 @ peace\n@\n");
  EXPECT_EQ(LoadError(bare), bare + ":2: expected \"target @ source\" (hunalign .dic)");
  const std::string only_at = dir.Write("at.tsv", "@\n");
  EXPECT_EQ(LoadError(only_at), only_at + ":1: expected source<TAB>target (or hunalign's \"target @ "
                                          "source\" on every line)");
  const std::string punct = dir.Write("p.tsv", "peace\t和平\n...\t。\n");
  EXPECT_EQ(LoadError(punct), punct + ":2: a phrase without letters or digits");
}

TEST(DictionaryBadInputTest, LongLinesAndLongNumbersLoad) {
  TempDir dir;
  const std::string digits(500, '7');
  const std::string long_word(10'000'000, 'a');
  auto d = Dictionary::Load(dir.Write("long.tsv", digits + "\t" + digits + "\n" + long_word + "\tb\npeace\t和平\n"),
                            Language::kEnglish, Language::kChinese);
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_THAT(Lookup(**d, digits), ElementsAre(digits));
  EXPECT_THAT(Lookup(**d, long_word), ElementsAre("b"));
  EXPECT_THAT(Lookup(**d, "peace"), ElementsAre("和平"));
}

TEST(DictionaryBadInputTest, OnlyRegularFilesOfBoundedSizeAreRead) {
  TempDir dir;
  StatusCode code;
  const std::string folder = dir.Path("folder.tsv");
  std::filesystem::create_directories(folder);
  EXPECT_EQ(LoadError(folder, &code), folder + ": is a directory");
  EXPECT_EQ(code, StatusCode::kIoError);
  // A FIFO without a writer: opening it must not wait for one.
  const std::string fifo = dir.Path("fifo.tsv");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(LoadError(fifo, &code), fifo + ": not a regular file (a FIFO); dictionaries are read from regular files");
  EXPECT_EQ(code, StatusCode::kIoError);
  // A device that never ends.
  EXPECT_EQ(LoadError("/dev/zero", &code),
            "/dev/zero: not a regular file (a device); dictionaries are read from regular files");
  // Sparse: refused from its size, before a byte is read.
  const std::string big = dir.Path("big.tsv");
  std::ofstream(big, std::ios::binary) << "peace\t和平\n";
  std::filesystem::resize_file(big, kMaxDictionaryBytes + 1);
  EXPECT_EQ(LoadError(big, &code), big + ": 16777217 bytes is more than the 16 MiB a dictionary may have; "
                                         "filter it to the vocabulary you need");
  EXPECT_EQ(code, StatusCode::kResourceLimit);
  // CC-CEDICT goes through the same reader.
  auto cedict = Dictionary::LoadCedictFrom(fifo, dir.Path("c.bin"));
  ASSERT_FALSE(cedict.ok());
  EXPECT_THAT(cedict.status().message(), HasSubstr("fifo.tsv: not a regular file (a FIFO)"));
  cedict = Dictionary::LoadCedictFrom(folder, dir.Path("c.bin"));
  ASSERT_FALSE(cedict.ok());
  EXPECT_EQ(cedict.status().message(), folder + ": is a directory");
  cedict = Dictionary::LoadCedictFrom(big, dir.Path("c.bin"));
  ASSERT_FALSE(cedict.ok());
  EXPECT_EQ(cedict.status().code(), StatusCode::kResourceLimit);
}

TEST(DictionaryBadInputTest, CedictLinesAreCheckedAndCrOnlyLinesRead) {
  TempDir dir;
  const std::string invalid = dir.Write("inv.u8", "和平 和平 [he2 ping2] /peace/\n發展 发展 [fa1 zhan3] /develop\xC3/\n");
  auto d = Dictionary::LoadCedictFrom(invalid, dir.Path("c.bin"));
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().message(), invalid + ":2: contains byte 0xC3 (not UTF-8) at column 27 (dictionaries are UTF-8 text)");
  const std::string nul = dir.Write("nul.u8", std::string("和平 和平 [he2 ping2] /pe\0ace/\n", 33));
  d = Dictionary::LoadCedictFrom(nul, dir.Path("c.bin"));
  ASSERT_FALSE(d.ok());
  EXPECT_THAT(d.status().message(), HasSubstr("nul.u8:1: contains U+0000 (a control character)"));
  const std::string mac = dir.Write("mac.u8", "# CC-CEDICT\r和平 和平 [he2 ping2] /peace/\r發展 发展 [fa1 zhan3] /development/\r");
  d = Dictionary::LoadCedictFrom(mac, dir.Path("mac.bin"));
  ASSERT_TRUE(d.ok()) << d.status().message();
  EXPECT_THAT(Lookup(**d, "发展"), ElementsAre("development"));
}

TEST(DictionaryBadInputTest, TheTableDependsOnContentNotOnLineOrder) {
  TempDir dir;
  auto a = Dictionary::Load(dir.Write("a.tsv", "peace\t和平\nwar\t战争\npeace\t和平\npeace\t太平\n"),
                            Language::kEnglish, Language::kChinese);
  auto b = Dictionary::Load(dir.Write("b.tsv", "peace\t太平\nwar\t战争\npeace\t和平\n"), Language::kEnglish,
                            Language::kChinese);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_THAT(Lookup(**a, "peace"), ElementsAre("和平", "太平"));  // byte order, no repeats
  EXPECT_THAT(Lookup(**b, "peace"), ElementsAre("和平", "太平"));
  EXPECT_EQ((*a)->size(), 2u);
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

namespace align {
namespace {

// The compiled cache is a file like any input: a header that lies about its
// counts is refused, never read past the end (the fuzzer's key-count-wraps).
TEST(DictionaryTable, AHeaderWhoseCountsWrapIsRefused) {
  internal::TableBuilder builder;
  builder.Add("peace", 1, {"和平"});
  const std::string good = builder.Build(Language::kEnglish, Language::kChinese, 0, 0);
  ASSERT_TRUE(internal::TableDictionary::FromBlob(good, "good").ok());
  for (uint32_t keys : {0xFFFFFFFFu, 0x7FFFFFFFu, 0x40000000u}) {
    std::string blob = good;
    internal::TableHeader h;
    std::memcpy(&h, blob.data(), sizeof h);
    h.n_keys = keys;
    std::memcpy(blob.data(), &h, sizeof h);
    auto table = internal::TableDictionary::FromBlob(blob, "lying.bin");
    EXPECT_EQ(table.status().code(), StatusCode::kDataError) << keys;
    EXPECT_THAT(table.status().message(), ::testing::HasSubstr("lying.bin"));
  }
  // The exact lie: 2^32-1 keys and nothing else, a blob whose size matches
  // the count once n_keys + 1 wraps to 0 in 32 bits.
  internal::TableHeader lie;
  std::memcpy(&lie, good.data(), sizeof lie);
  lie.n_keys = 0xFFFFFFFFu;
  lie.n_links = lie.n_words = 0;
  lie.pool_size = 0;
  std::string wrapped(reinterpret_cast<const char*>(&lie), sizeof lie);
  wrapped.append(4, '\0');  // the one word_offset entry
  EXPECT_EQ(internal::TableDictionary::FromBlob(wrapped, "wrapped.bin").status().code(), StatusCode::kDataError);

  std::string blob = good;
  internal::TableHeader h;
  std::memcpy(&h, blob.data(), sizeof h);
  h.pool_size = ~uint64_t{0} - 8;  // the sum would wrap
  std::memcpy(blob.data(), &h, sizeof h);
  EXPECT_FALSE(internal::TableDictionary::FromBlob(blob, "wrap.bin").ok());
}

TEST(DictionaryPivotTest, TwoDictionariesIntoEnglishComposeIntoOneBetweenTheOthers) {
  TempDir dir;
  auto zh = Dictionary::Load(dir.Write("zh.tsv", "合作\tcooperation\n和平\tpeace\n党\tparty\n的\tof\n"),
                             Language::kChinese, Language::kEnglish);
  // "party" is five Urdu words' gloss: no bridge. "of" is a function word.
  auto ur = Dictionary::Load(dir.Write("ur.tsv",
                                       "تعاون\tcooperation\nامن\tpeace\nامن اور سلامتی\tpeace\n"
                                       "جماعت\tparty\nپارٹی\tparty\nدعوت\tparty\nفریق\tparty\nٹولی\tparty\n"
                                       "کا\tof\n"),
                             Language::kUrdu, Language::kEnglish);
  ASSERT_TRUE(zh.ok() && ur.ok());
  auto composed = internal::ComposeThroughPivot(**zh, **ur);
  ASSERT_NE(composed, nullptr);
  EXPECT_EQ(composed->source(), Language::kChinese);
  EXPECT_EQ(composed->target(), Language::kUrdu);
  EXPECT_TRUE(composed->indirect());
  EXPECT_FALSE((*zh)->indirect());
  EXPECT_THAT(Lookup(*composed, "合作"), ElementsAre("تعاون"));
  // A multiword Urdu key gives its words, but not its function words (اور).
  EXPECT_THAT(Lookup(*composed, "和平"), UnorderedElementsAre("امن", "سلامتی"));
  EXPECT_THAT(Lookup(*composed, "党"), IsEmpty());
  EXPECT_THAT(Lookup(*composed, "的"), IsEmpty());
  // Dictionaries into different languages, or from one language, do not compose.
  auto en = Dictionary::Load(dir.Write("en.tsv", "peace\t和平\n"), Language::kEnglish, Language::kChinese);
  ASSERT_TRUE(en.ok());
  EXPECT_EQ(internal::ComposeThroughPivot(**zh, **en), nullptr);
  EXPECT_EQ(internal::ComposeThroughPivot(**zh, **zh), nullptr);
  // Nothing in common: no dictionary.
  auto far = Dictionary::Load(dir.Write("far.tsv", "دریا\triver\n"), Language::kUrdu, Language::kEnglish);
  ASSERT_TRUE(far.ok());
  EXPECT_EQ(internal::ComposeThroughPivot(**zh, **far), nullptr);
}

}  // namespace
}  // namespace align
