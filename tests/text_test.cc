#include "align/text.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace align {
namespace {

TEST(TextTest, ParsesLanguageTags) {
  EXPECT_EQ(ParseLanguage("en"), Language::kEnglish);
  EXPECT_EQ(ParseLanguage("EN-gb"), Language::kEnglish);
  EXPECT_EQ(ParseLanguage("zh-Hans"), Language::kChinese);
  EXPECT_EQ(ParseLanguage("zh-CN"), Language::kChinese);
  EXPECT_EQ(ParseLanguage("zh_Hant"), Language::kChinese);
  EXPECT_EQ(ParseLanguage("ur-PK"), Language::kUrdu);
  EXPECT_EQ(ParseLanguage("fr"), std::nullopt);
  EXPECT_EQ(ParseLanguage("zh-"), std::nullopt);
  EXPECT_EQ(ParseLanguage(""), std::nullopt);
  // Aliases from the language definitions (languages/*.lang).
  EXPECT_EQ(ParseLanguage("eng"), Language::kEnglish);
  EXPECT_EQ(ParseLanguage("cmn-Hans"), Language::kChinese);
  EXPECT_EQ(ParseLanguage("URD"), Language::kUrdu);
  EXPECT_EQ(LanguageCode(Language::kUrdu), "ur");
  EXPECT_EQ(LanguageCode(Language::kUnknown), "und");
}

TEST(TextTest, TagsAreCutInOnePlace) {
  EXPECT_EQ(PrimaryLanguageSubtag("zh-Hans"), "zh");
  EXPECT_EQ(PrimaryLanguageSubtag("ur_PK.UTF-8@saaz"), "ur");
  EXPECT_EQ(PrimaryLanguageSubtag("EN"), "en");
  EXPECT_EQ(PrimaryLanguageSubtag(""), "");
  EXPECT_TRUE(IsWellFormedLanguageTag("zh-Hant-TW"));
  EXPECT_TRUE(IsWellFormedLanguageTag("ur_PK"));
  EXPECT_TRUE(IsWellFormedLanguageTag("es-419"));
  EXPECT_FALSE(IsWellFormedLanguageTag("e"));
  EXPECT_FALSE(IsWellFormedLanguageTag("en--GB"));
  EXPECT_FALSE(IsWellFormedLanguageTag("en-verylongsubtag"));
  EXPECT_FALSE(IsWellFormedLanguageTag("12"));
  EXPECT_FALSE(IsWellFormedLanguageTag("en GB"));
}

TEST(TextTest, DetectsLanguageByScript) {
  EXPECT_EQ(DetectLanguage("The two sides agreed."), Language::kEnglish);
  EXPECT_EQ(DetectLanguage("双方同意加强CPEC合作。"), Language::kChinese);
  EXPECT_EQ(DetectLanguage("دونوں فریقوں نے CPEC پر اتفاق کیا۔"), Language::kUrdu);
  EXPECT_EQ(DetectLanguage("2026 — 15"), Language::kUnknown);
  // Arabic is written in the script of Urdu but is not Urdu.
  EXPECT_EQ(DetectLanguage("اتفق الجانبان على تعزيز التعاون في مجال التجارة."), Language::kUnknown);
}

TEST(TextTest, FindsInvalidUtf8) {
  EXPECT_EQ(FindInvalidUtf8("plain ascii text"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("中文 اردو"), std::nullopt);
  EXPECT_EQ(FindInvalidUtf8("abc\xFF"), 3u);
  EXPECT_EQ(FindInvalidUtf8("ab\xC0\xAF"), 2u);          // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("a\xED\xA0\x80"), 1u);       // surrogate
  EXPECT_EQ(FindInvalidUtf8("abcdefghij\xE4\xB8"), 10u);  // truncated at the end
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);    // above U+10FFFF
}

TEST(TextTest, InvalidUtf8NamesFileLineAndByte) {
  auto doc = Document::FromString("a.txt", "first line\nsecond \xFF line\n");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kDataError);
  EXPECT_EQ(doc.status().message(), "a.txt:2:8: byte 18: invalid UTF-8 (is this a text file?)");
}

TEST(TextTest, BomIsOutsideTheContentButInsideTheBytes) {
  auto doc = Document::FromString("bom.txt", "\xEF\xBB\xBFHello.");
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->content_begin(), 3u);
  ASSERT_EQ(doc->Paragraphs().size(), 1u);
  EXPECT_EQ(doc->Paragraphs()[0], (Span{3, 9}));
}

TEST(TextTest, ParagraphsSplitAtBlankLinesWithCrLf) {
  auto doc = Document::FromString("p.txt", "  One.\r\nTwo.\r\n \t\r\nThree.\r\n\r\n\r\n");
  ASSERT_TRUE(doc.ok());
  std::vector<Span> p = doc->Paragraphs();
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(doc->Slice(p[0]), "One.\r\nTwo.");
  EXPECT_EQ(doc->Slice(p[1]), "Three.");
}

TEST(TextTest, EmptyDocumentIsValid) {
  auto doc = Document::FromString("empty.txt", "");
  ASSERT_TRUE(doc.ok());
  EXPECT_TRUE(doc->Paragraphs().empty());
}

TEST(TextTest, MissingFileIsNotFound) {
  auto doc = Document::Load("/nonexistent/talign/file.txt");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.status().code(), StatusCode::kNotFound);
  EXPECT_NE(doc.status().message().find("/nonexistent/talign/file.txt"), std::string::npos);
}

TEST(TextTest, TrimsUnicodeSpaces) {
  std::string s = "\u3000\u00A0 句子。\u3000";
  Span t = TrimSpan(s, {0, s.size()});
  EXPECT_EQ(s.substr(t.begin, t.size()), "句子。");
}

// Small files are read, large ones mapped: both give the file's bytes, and
// invalid UTF-8 is found at the same place either way.
TEST(TextTest, SmallAndLargeFilesLoadTheSameWay) {
  const std::string dir = ::testing::TempDir();
  for (size_t size : {size_t{1}, size_t{4096}, (size_t{1} << 20) - 1, size_t{1} << 20, (size_t{1} << 20) + 7}) {
    std::string bytes;
    while (bytes.size() < size) bytes += "Line \u4e2d\u6587 text.\n";
    bytes.resize(size);
    // Do not cut a code point: drop a cut one, pad with ASCII.
    size_t keep = size;
    while (keep > 0 && (static_cast<unsigned char>(bytes[keep - 1]) & 0x80)) --keep;
    for (size_t i = keep; i < size; ++i) bytes[i] = 'x';
    const std::string path = dir + "/talign_text_" + std::to_string(size) + ".txt";
    std::ofstream(path, std::ios::binary) << bytes;
    auto doc = Document::Load(path);
    ASSERT_TRUE(doc.ok()) << size << ": " << doc.status().message();
    EXPECT_EQ(doc->bytes(), bytes) << size;
    std::string broken = bytes;
    broken[size / 2] = '\xFF';
    std::ofstream(path, std::ios::binary | std::ios::trunc) << broken;
    auto bad = Document::Load(path);
    ASSERT_FALSE(bad.ok()) << size;
    EXPECT_NE(bad.status().message().find("byte " + std::to_string(size / 2)), std::string::npos)
        << bad.status().message();
    std::remove(path.c_str());
  }
}

// Encodings: a UTF-16 byte order mark is read as UTF-16 and dropped; another
// encoding is read when asked for; a UTF-8 mark wins over --encoding;
// errors name the file and the byte, or the unknown encoding.
TEST(TextTest, OtherEncodingsAreReadAsUtf8) {
  const std::string dir = ::testing::TempDir();
  auto load = [&](const std::string& name, const std::string& bytes, const std::string& encoding = "") {
    const std::string path = dir + "/talign_enc_" + name;
    std::ofstream(path, std::ios::binary) << bytes;
    ReadOptions options;
    options.encoding = encoding;
    return Document::Load(path, options);
  };
  // "中a" in UTF-16LE and UTF-16BE, each with its mark.
  auto le = load("le.txt", std::string("\xFF\xFE\x2D\x4E\x61\x00", 6));
  ASSERT_TRUE(le.ok()) << le.status().message();
  EXPECT_EQ(le->bytes(), "\u4e2d" "a");
  EXPECT_EQ(le->encoding(), "UTF-16LE");
  auto be = load("be.txt", std::string("\xFE\xFF\x4E\x2D\x00\x61", 6));
  ASSERT_TRUE(be.ok()) << be.status().message();
  EXPECT_EQ(be->bytes(), "\u4e2d" "a");
  // 中文 in GB18030, only with --encoding.
  const std::string gb = "\xD6\xD0\xCE\xC4";
  EXPECT_FALSE(load("gb.txt", gb).ok());
  auto converted = load("gb.txt", gb, "GB18030");
  ASSERT_TRUE(converted.ok()) << converted.status().message();
  EXPECT_EQ(converted->bytes(), "\u4e2d\u6587");
  EXPECT_EQ(converted->encoding(), "GB18030");
  // A UTF-8 mark says UTF-8 whatever --encoding says; "utf-8" is no conversion.
  auto utf8 = load("bom.txt", "\xEF\xBB\xBF\u4e2d", "GB18030");
  ASSERT_TRUE(utf8.ok()) << utf8.status().message();
  EXPECT_TRUE(utf8->encoding().empty());
  EXPECT_TRUE(load("plain.txt", "abc", "UTF-8")->encoding().empty());
  // Errors.
  auto unknown = load("gb.txt", gb, "no-such-encoding");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(unknown.status().message().find("unknown encoding 'no-such-encoding'"), std::string::npos);
  auto bad = load("bad.txt", "ab\x81\x20", "GB18030");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("talign_enc_bad.txt: byte 2: not valid GB18030"), std::string::npos)
      << bad.status().message();
  // An odd byte at the end of UTF-16 is an error, not a lost byte.
  EXPECT_FALSE(load("odd.txt", std::string("\xFF\xFE\x61\x00\x62", 5)).ok());
}

}  // namespace
}  // namespace align
