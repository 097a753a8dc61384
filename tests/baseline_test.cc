// Ignore lists: fingerprints that survive edits elsewhere, and a file format
// whose every bad line is named.
#include "align/baseline.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "align/text.h"

namespace align {
namespace {

using ::testing::HasSubstr;

AlignResult Versions(const std::string& en, const std::string& ur) {
  AlignResult aligned;
  for (const auto& [language, text] : {std::pair{Language::kEnglish, en}, std::pair{Language::kUrdu, ur}}) {
    auto doc = Document::FromString(std::string(LanguageCode(language)) + ".txt", text);
    EXPECT_TRUE(doc.ok());
    aligned.versions.push_back(AlignInput{*doc, language, SplitLines(*doc), {}});
    aligned.language_tags.emplace_back(LanguageCode(language));
  }
  return aligned;
}

Finding Omission(size_t version, size_t bead, std::string evidence) {
  Finding f;
  f.type = FindingType::kOmission;
  f.version = version;
  f.bead = bead;
  f.evidence = std::move(evidence);
  return f;
}

TEST(BaselineTest, AFingerprintIgnoresWhereTheFindingIs) {
  const AlignResult a = Versions("One.\nThe talks were cordial.\n", "ایک\n");
  const AlignResult b = Versions("Zero.\nOne.\nMore.\nThe talks were cordial.\n", "صفر\nایک\n");
  Finding here = Omission(1, 1, "The talks were cordial.");
  Finding there = Omission(1, 3, "The talks were cordial.");
  there.places = {{0, {3}, {Span{20, 43}}}};
  const std::string fingerprint = FindingFingerprint(here, a, nullptr);
  EXPECT_EQ(fingerprint.size(), 16u);
  EXPECT_EQ(fingerprint.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(FindingFingerprint(there, b, nullptr), fingerprint);
  // Case, width and spacing of the evidence are folded as terms are.
  EXPECT_EQ(FindingFingerprint(Omission(1, 0, "the  TALKS were cordial."), a, nullptr), fingerprint);
}

TEST(BaselineTest, TypeLanguageAndEvidenceEachChangeIt) {
  const AlignResult a = Versions("One.\n", "ایک\n");
  const Finding base = Omission(1, 0, "One.");
  const std::string fingerprint = FindingFingerprint(base, a, nullptr);
  Finding addition = base;
  addition.type = FindingType::kAddition;
  Finding other_language = base;
  other_language.version = 0;
  EXPECT_NE(FindingFingerprint(addition, a, nullptr), fingerprint);
  EXPECT_NE(FindingFingerprint(other_language, a, nullptr), fingerprint);
  EXPECT_NE(FindingFingerprint(Omission(1, 0, "Two."), a, nullptr), fingerprint);
}

TEST(BaselineTest, WrittenBaselinesReadBack) {
  const AlignResult a = Versions("One.\n", "ایک\n");
  std::vector<Finding> findings{Omission(1, 0, "A sentence\nwith a\x1b[31m break and an escape."),
                                Omission(0, 0, std::string(300, 'x'))};
  std::ostringstream out;
  ASSERT_TRUE(WriteBaseline(findings, a, nullptr, out).ok());
  const std::string text = out.str();
  EXPECT_THAT(text, HasSubstr("  # omission ur: A sentence with a [31m break and an escape.\n"));
  EXPECT_THAT(text, HasSubstr("  # omission en: " + std::string(80, 'x') + "…\n"));
  EXPECT_EQ(text.find('\x1b'), std::string::npos);
  auto baseline = Baseline::Parse(text, "ignore.txt");
  ASSERT_TRUE(baseline.ok()) << baseline.status().message();
  EXPECT_EQ(baseline->size(), 2u);
  for (const Finding& f : findings) EXPECT_TRUE(baseline->Contains(FindingFingerprint(f, a, nullptr)));
}

TEST(BaselineTest, CommentsBlankLinesCrLfAndUpperCaseAreAccepted) {
  auto baseline = Baseline::Parse("# mine\r\n\r\n  0123456789ABCDEF\t# a note\r\nfedcba9876543210#tight\n", "b.txt");
  ASSERT_TRUE(baseline.ok()) << baseline.status().message();
  EXPECT_TRUE(baseline->Contains("0123456789abcdef"));
  EXPECT_TRUE(baseline->Contains("fedcba9876543210"));
  EXPECT_FALSE(baseline->Contains("0123456789ABCDEF"));  // stored as written by talign: lower case
}

TEST(BaselineTest, ABadLineIsAnErrorNamingFileAndLine) {
  for (const char* bad : {"0123456789abcdef\nnot a fingerprint\n", "0123456789abcdef\n0123456789abcde\n",
                          "0123456789abcdef\n0123456789abcdefa # too long\n", "ok\n"}) {
    auto baseline = Baseline::Parse(bad, "ignore.txt");
    ASSERT_FALSE(baseline.ok()) << bad;
    EXPECT_EQ(baseline.status().code(), StatusCode::kDataError);
    EXPECT_THAT(baseline.status().message(), HasSubstr(std::string(bad) == "ok\n" ? "ignore.txt:1:" : "ignore.txt:2:"));
  }
}

TEST(BaselineTest, LoadRefusesWhatIsNoBaseline) {
  auto missing = Baseline::Load("/nonexistent/ignore.txt");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  auto directory = Baseline::Load("/");
  EXPECT_FALSE(directory.ok());
}

}  // namespace
}  // namespace align
