// The checker on small hand-made alignments (two and three versions): each
// finding type, and the cases that must give nothing (inflections, admitted
// variants, numbers written differently, overlapping terms, non-content).
#include "align/check.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "align/config.h"
#include "align/i18n.h"
#include "align/pipeline.h"
#include "check_build.h"
#include "check_internal.h"

namespace align {
namespace {

constexpr char kTermbase[] =
    "bri\ten\tBelt and Road Initiative\tpreferred\t\n"
    "bri\ten\tBRI\tadmitted\t\n"
    "bri\ten\tOne Belt, One Road\tdeprecated\t\n"
    "bri\tzh\t一带一路倡议\tpreferred\t\n"
    "bri\tur\tبیلٹ اینڈ روڈ انیشی ایٹو\tpreferred\t\n"
    "fta\ten\tfree trade agreement\tpreferred\t\n"
    "fta\tzh\t自由贸易协定\tpreferred\t\n"
    "fta\tur\tآزاد تجارتی معاہدہ\tpreferred\t\n"
    "csf\ten\tcommunity with a shared future for mankind\tpreferred\t\n"
    "csf\ten\thuman community with a shared future\tadmitted\t\n"
    "csf\tzh\t人类命运共同体\tpreferred\t\n"
    "cpec\ten\tChina-Pakistan Economic Corridor\tpreferred\t\n"
    "cpec\ten\tCPEC\tadmitted\t\n"
    "cpec\tzh\t中巴经济走廊\tpreferred\t\n"
    "cpec2\ten\tCPEC 2.0\tpreferred\t\n"
    "cpec2\tzh\t中巴经济走廊升级版\tpreferred\t\n"
    "president\ten\tPresident\tpreferred\t\n"
    "president\tzh\t国家主席\tpreferred\t\n"
    "xi\ten\tXi Jinping\tpreferred\t\n"
    "xi\tzh\t习近平\tpreferred\t\n"
    "spokesperson\ten\tForeign Ministry Spokesperson\tpreferred\t\n"
    "spokesperson\tur\tوزارت خارجہ کا ترجمان\tpreferred\t\n"
    "spokesperson\tur\tترجمان وزارت خارجہ\tadmitted\t\n"
    "spokesperson\tur\tترجمان دفتر خارجہ\tadmitted\t\n";

class CheckTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto lexicon = Lexicon::ParseTsv(kTermbase, "test.tsv");
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
    lexicon_ = std::make_shared<const Lexicon>(std::move(*lexicon));
    auto matcher = TermMatcher::Create(lexicon_);
    ASSERT_TRUE(matcher.ok()) << matcher.status().message();
    matcher_ = *matcher;
  }

  // One sentence per line in every version; |beads| gives per bead the
  // [begin, end) sentence range of every version.
  void Build(const std::vector<std::pair<Language, std::vector<std::string>>>& versions,
             const std::vector<std::vector<std::pair<uint32_t, uint32_t>>>& beads) {
    check_testing::BuildAligned(*matcher_, versions, beads, &aligned_, &hits_);
  }

  std::vector<Finding> Run(CheckConfig config = {}) {
    auto findings = Check(aligned_, hits_, *matcher_, config);
    EXPECT_TRUE(findings.ok()) << findings.status().message();
    return findings.ok() ? *findings : std::vector<Finding>{};
  }

  std::string Concept(const Finding& f) const {
    return f.concept_index ? lexicon_->concepts()[*f.concept_index].id : "-";
  }

  std::shared_ptr<const Lexicon> lexicon_;
  std::shared_ptr<const TermMatcher> matcher_;
  AlignResult aligned_;
  std::vector<std::vector<TermHit>> hits_;
};

TEST_F(CheckTest, DeprecatedRenderingGivesOneFindingWithThePreferredOne) {
  Build({{Language::kEnglish, {"China backs the One Belt, One Road initiative."}},
         {Language::kChinese, {"中方支持一带一路倡议。"}}},
        {{{0, 1}, {0, 1}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kDeprecatedTerm);
  EXPECT_EQ(findings[0].severity, Severity::kError);
  EXPECT_EQ(findings[0].version, 0u);
  EXPECT_EQ(Concept(findings[0]), "bri");
  EXPECT_EQ(findings[0].evidence, "One Belt, One Road");
  ASSERT_FALSE(findings[0].expected.empty());
  EXPECT_EQ(findings[0].expected[0], "Belt and Road Initiative");
  ASSERT_EQ(findings[0].places.size(), 2u);
  const Span span = findings[0].places[0].spans.at(0);
  EXPECT_EQ(aligned_.versions[0].document.Slice(span), "One Belt, One Road");
}

TEST_F(CheckTest, MissingTermIsReportedAgainstTheVersionWithoutIt) {
  Build({{Language::kEnglish, {"Both sides back the Belt and Road Initiative."}},
         {Language::kChinese, {"双方支持丝绸之路合作。"}}},
        {{{0, 1}, {0, 1}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kMissingTerm);
  EXPECT_EQ(findings[0].version, 1u);
  EXPECT_EQ(Concept(findings[0]), "bri");
  EXPECT_EQ(findings[0].expected.at(0), "一带一路倡议");
}

// A reviewer of a Traditional version is shown what to write in its own
// characters, preferred rendering first; a Simplified one keeps the
// termbase's (MissingTermIsReportedAgainstTheVersionWithoutIt).
TEST_F(CheckTest, ExpectedRenderingsOfATraditionalVersionAreTraditional) {
  Build({{Language::kEnglish, {"Both sides back the Belt and Road Initiative and a free trade agreement."}},
         {Language::kChinese, {"雙方支持絲綢之路合作和自由貿易協定。"}}},
        {{{0, 1}, {0, 1}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kMissingTerm);
  EXPECT_EQ(Concept(findings[0]), "bri");
  EXPECT_EQ(findings[0].expected, (std::vector<std::string>{"一帶一路倡議"}));
  EXPECT_NE(findings[0].message.find("一帶一路倡議"), std::string::npos) << findings[0].message;
}

// A deprecated rendering used again and again in one bead is one finding,
// with a span at each use, not one per use listing every rendering of the
// concept in the other version (n findings of n spans: quadratic output).
TEST_F(CheckTest, ADeprecatedRenderingRepeatedInABeadIsOneFinding) {
  std::string en, zh;
  for (int i = 0; i < 3000; ++i) en += "We back the One Belt, One Road initiative, ", zh += "一带一路倡议，";
  Build({{Language::kEnglish, {en + "and so on."}}, {Language::kChinese, {zh + "等等。"}}}, {{{0, 1}, {0, 1}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kDeprecatedTerm);
  EXPECT_EQ(findings[0].evidence, "One Belt, One Road");
  ASSERT_EQ(findings[0].places.size(), 2u);
  EXPECT_EQ(findings[0].places[0].spans.size(), 3000u);  // each use
  EXPECT_EQ(findings[0].places[1].spans.size(), 3000u);  // the concept in Chinese
  for (const Span& span : findings[0].places[0].spans) {
    ASSERT_EQ(aligned_.versions[0].document.Slice(span), "One Belt, One Road");
  }
}

// Many beads, a concept named in each: whether a version named it before a
// bead (for references back) is one look-up, not a walk over every earlier
// hit (beads × hits: 1.4·10^10 set insertions here). The Chinese version names
// the corridor in full once and refers back to it after; one bead says
// neither, and is the one missing-term finding.
TEST_F(CheckTest, ReferencesBackOverManyBeadsAreLinear) {
  constexpr uint32_t kBeads = 60000;
  constexpr uint32_t kSilent = 44444;
  std::vector<std::string> en(kBeads, "CPEC, CPEC, CPEC, CPEC, CPEC, CPEC, CPEC and CPEC grow."),
      zh(kBeads, "走廊发展。");
  zh[0] = "中巴经济走廊启动。";
  zh[kSilent] = "项目发展。";
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> beads;
  for (uint32_t b = 0; b < kBeads; ++b) beads.push_back({{b, b + 1}, {b, b + 1}});
  Build({{Language::kEnglish, en}, {Language::kChinese, zh}}, beads);
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kMissingTerm);
  EXPECT_EQ(findings[0].bead, kSilent);
  EXPECT_EQ(findings[0].version, 1u);
  EXPECT_EQ(Concept(findings[0]), "cpec");
}

TEST_F(CheckTest, InflectionsVariantsAndTermsInAnotherSentenceOfTheBeadAreNotMissing) {
  Build({{Language::kEnglish, {"They signed two free trade agreements.", "The BRI grows."}},
         {Language::kChinese, {"双方签署两项自由贸易协定，一带一路倡议不断发展。"}}},
        {{{0, 2}, {0, 1}}});
  EXPECT_TRUE(Run().empty());
}

TEST_F(CheckTest, AConceptInsideALongerOneDemandsNothing) {
  // "CPEC 2.0" is matched as cpec2 (longest), so cpec demands nothing; and a
  // demand for cpec is met by cpec2, whose rendering contains cpec's.
  Build({{Language::kEnglish, {"CPEC 2.0 starts.", "CPEC grows."}},
         {Language::kChinese, {"中巴经济走廊升级版启动。", "中巴经济走廊升级版发展。"}}},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}});
  EXPECT_TRUE(Run().empty());
}

TEST_F(CheckTest, ATitleNextToANameIsOneDemand) {
  Build({{Language::kEnglish, {"President Xi Jinping spoke."}}, {Language::kChinese, {"习近平主席讲话。"}}},
        {{{0, 1}, {0, 1}}});
  EXPECT_TRUE(Run().empty());
}

// Names and titles are not demanded: a translation drops a title on a second
// mention or writes a pronoun for a name. The same sentences with the same
// concepts stated as terms give the findings, and a term beside them is
// still demanded; a deprecated rendering of a name is still reported.
TEST_F(CheckTest, NamesAndTitlesAreNotDemandedButTermsBesideThemAre) {
  const std::string body =
      "bri\ten\tBelt and Road Initiative\tpreferred\t\n"
      "bri\tzh\t一带一路倡议\tpreferred\t\n"
      "xi\ten\tXi Jinping\tpreferred\t\n"
      "xi\ten\tXi Jin Ping\tdeprecated\t\n"
      "xi\tzh\t习近平\tpreferred\t\n"
    "spokesperson\ten\tForeign Ministry Spokesperson\tpreferred\t\n"
    "spokesperson\tur\tوزارت خارجہ کا ترجمان\tpreferred\t\n"
    "spokesperson\tur\tترجمان وزارت خارجہ\tadmitted\t\n"
    "spokesperson\tur\tترجمان دفتر خارجہ\tadmitted\t\n";
  auto use = [&](const std::string& termbase) {
    auto lexicon = Lexicon::ParseTsv(termbase, "kinds.tsv");
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
    lexicon_ = std::make_shared<const Lexicon>(std::move(*lexicon));
    auto matcher = TermMatcher::Create(lexicon_);
    ASSERT_TRUE(matcher.ok()) << matcher.status().message();
    matcher_ = *matcher;
  };
  auto sentences = [&] {
    Build({{Language::kEnglish,
            {"President Xi Jinping backs the Belt and Road Initiative.", "The President thanked the hosts."}},
           {Language::kChinese, {"他支持丝绸之路合作。", "他感谢东道主。"}}},
          {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}});
  };
  auto missing = [&] {
    // Each missing term on its own, not merged into a clause omission.
    CheckConfig separate;
    separate.clause_missing_terms = 0;
    std::vector<std::string> out;
    for (const Finding& f : Run(separate)) {
      if (f.type == FindingType::kMissingTerm) out.push_back(Concept(f) + "@" + std::to_string(f.bead));
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  // As terms: the title-and-name group and the title alone are missing too.
  use(body + "president\ten\tPresident\tpreferred\t\npresident\tzh\t国家主席\tpreferred\t\n");
  sentences();
  EXPECT_EQ(missing(), (std::vector<std::string>{"bri@0", "president@0", "president@1"}));
  // As a title and a name: only the formula is missing.
  use(body + "president\ten\tPresident\tpreferred\t\ttitle\npresident\tzh\t国家主席\tpreferred\t\n" +
      "xi\tur\tشی جن پنگ\tpreferred\t\tname\n");
  sentences();
  EXPECT_EQ(missing(), (std::vector<std::string>{"bri@0"}));
  // A misspelt name is still a deprecated rendering.
  Build({{Language::kEnglish, {"Xi Jin Ping spoke."}}, {Language::kChinese, {"习近平讲话。"}}}, {{{0, 1}, {0, 1}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kDeprecatedTerm);
  EXPECT_EQ(Concept(findings[0]), "xi");
}

TEST_F(CheckTest, WithThreeVersionsAConceptOnlyOneNamesIsNotDemanded) {
  Build({{Language::kEnglish, {"Both sides back the Belt and Road Initiative."}},
         {Language::kChinese, {"双方支持相关合作。"}},
         {Language::kUrdu, {"دونوں فریق تعاون کی حمایت کرتے ہیں۔"}}},
        {{{0, 1}, {0, 1}, {0, 1}}});
  EXPECT_TRUE(Run().empty());
  // With English named as the source, both translations lack it.
  CheckConfig config;
  config.source_version = 0;
  auto findings = Run(config);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].version, 1u);
  EXPECT_EQ(findings[1].version, 2u);
}

TEST_F(CheckTest, InconsistentRenderingIsReportedOnceAtTheMinority) {
  Build({{Language::kEnglish,
          {"We build a community with a shared future for mankind.", "A human community with a shared future.",
           "The community with a shared future for mankind matters."}},
         {Language::kChinese, {"构建人类命运共同体。", "人类命运共同体。", "人类命运共同体很重要。"}}},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kInconsistentTerm);
  EXPECT_EQ(findings[0].bead, 1u);
  EXPECT_EQ(findings[0].evidence, "human community with a shared future");
  EXPECT_EQ(findings[0].expected.at(0), "community with a shared future for mankind");
}

TEST_F(CheckTest, NumbersMatchAcrossScriptsAndSpellings) {
  Build({{Language::kEnglish,
          {"Trade grew by 3.5 percent in 2026.", "There are fifteen projects worth 3.2 billion dollars.",
           "The two sides will meet in 2027.", "It added 8,000 megawatts."}},
         {Language::kChinese, {"二〇二六年贸易增长百分之三点五。", "共有十五个项目，总额32亿美元。", "双方将于2027年会晤。",
                               "新增800万千瓦。"}}},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}, {{3, 4}, {3, 4}}});
  EXPECT_TRUE(Run().empty());
}

TEST_F(CheckTest, AChangedNumberIsAMismatchOfTheSecondVersion) {
  Build({{Language::kEnglish, {"Trade grew by 3.5 percent in 2026."}},
         {Language::kChinese, {"2026年贸易增长4.5%。"}}},
        {{{0, 1}, {0, 1}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kNumberMismatch);
  EXPECT_EQ(findings[0].version, 1u);
  EXPECT_EQ(findings[0].evidence, "4.5%");
  EXPECT_EQ(findings[0].expected.at(0), "3.5 percent");
  EXPECT_FALSE(findings[0].concept_index.has_value());
}

TEST_F(CheckTest, WithThreeVersionsAnUnpairedNumberWordOrDateIsNotReported) {
  // "two" with nothing in its place elsewhere, a date only one version
  // gives, "one" against a digit 1: free translation, not a mismatch.
  Build({{Language::kEnglish, {"The two leaders met on Friday and signed 1 accord."}},
         {Language::kChinese, {"两国领导人5月31日会晤，签署了一项协议。"}},
         {Language::kUrdu, {"رہنماؤں نے جمعہ کو ملاقات کی اور ایک معاہدے پر دستخط کیے۔"}}},
        {{{0, 1}, {0, 1}, {0, 1}}});
  EXPECT_TRUE(Run().empty());
}

TEST_F(CheckTest, WithThreeVersionsASubstitutedWordOrDateIsReported) {
  Build({{Language::kEnglish, {"The three sides met on June 4 and signed 3.2 billion dollars of deals."}},
         {Language::kChinese, {"四方于6月5日会晤，签署了23亿美元的协议。"}},
         {Language::kUrdu, {"تین فریقوں نے 4 جون کو ملاقات کی اور 3.2 ارب ڈالر کے معاہدوں پر دستخط کیے۔"}}},
        {{{0, 1}, {0, 1}, {0, 1}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].version, 1u);
  EXPECT_NE(findings[0].message.find("2300000000"), std::string::npos) << findings[0].message;
  EXPECT_NE(findings[0].message.find("day 5"), std::string::npos) << findings[0].message;
  EXPECT_NE(findings[0].message.find("4"), std::string::npos) << findings[0].message;
}

TEST_F(CheckTest, WithThreeVersionsTheOddNumberOutIsAtFault) {
  Build({{Language::kEnglish, {"They signed 23 documents."}},
         {Language::kChinese, {"双方签署了25份文件。"}},
         {Language::kUrdu, {"23 دستاویزات پر دستخط کیے گئے۔"}}},
        {{{0, 1}, {0, 1}, {0, 1}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].version, 1u);
  EXPECT_EQ(findings[0].evidence, "25");
}

TEST_F(CheckTest, AYearRenderedAsThisYearIsNotAMismatch) {
  Build({{Language::kEnglish, {"2026 marks the 75th anniversary."}}, {Language::kChinese, {"今年是建交75周年。"}}},
        {{{0, 1}, {0, 1}}});
  EXPECT_TRUE(Run().empty());
}

TEST_F(CheckTest, OmissionAndAdditionFollowTheMajority) {
  Build({{Language::kEnglish, {"Wang Yi and other senior officials were present.", "The talks went well.", "BEIJING --"}},
         {Language::kChinese, {"王毅等高级官员参加会谈。"}},
         {Language::kUrdu, {}}},
        {{{0, 1}, {0, 1}, {0, 0}}, {{1, 2}, {1, 1}, {0, 0}}, {{2, 3}, {1, 1}, {0, 0}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].type, FindingType::kOmission);
  EXPECT_EQ(findings[0].version, 2u);
  EXPECT_EQ(findings[0].severity, Severity::kError);
  EXPECT_EQ(findings[1].type, FindingType::kAddition);
  EXPECT_EQ(findings[1].version, 0u);
  EXPECT_EQ(findings[1].evidence, "The talks went well.");
  // The lone dateline (bead 2) gives nothing.
}

TEST_F(CheckTest, TwoVersionsReportAnOmissionOfTheVersionWithoutTheSentence) {
  Build({{Language::kEnglish, {"The talks went well."}}, {Language::kChinese, {}}}, {{{0, 1}, {0, 0}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kOmission);
  EXPECT_EQ(findings[0].version, 1u);
  CheckConfig config;
  config.source_version = 1;
  findings = Run(config);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kAddition);
  EXPECT_EQ(findings[0].version, 0u);
}

TEST_F(CheckTest, ASentenceJoinedToItsNeighbourIsFoundByLength) {
  // The aligner put the English and Urdu second sentences in one bead with
  // the Chinese first one; the Chinese is as long as one sentence, not two.
  // Other beads give the document-wide length ratios of the versions.
  const std::vector<std::string> en = {"The two sides discussed trade, energy and agriculture at length.",
                                       "They agreed to meet again next year in Islamabad.",
                                       "The Prime Minister arrived in Beijing on Tuesday evening for talks.",
                                       "Officials attended."};
  const std::vector<std::string> zh = {"双方就贸易、能源和农业进行了深入讨论。", "双方同意明年在伊斯兰堡再次会晤。"};
  const std::vector<std::string> ur = {"دونوں فریقوں نے تجارت، توانائی اور زراعت پر تفصیلی بات چیت کی۔",
                                       "انہوں نے آئندہ سال اسلام آباد میں دوبارہ ملنے پر اتفاق کیا۔",
                                       "وزیر اعظم منگل کی شام بات چیت کے لیے بیجنگ پہنچے۔",
                                       "حکام شریک ہوئے۔"};
  auto with = [&](std::string last) {
    std::vector<std::string> lines = zh;
    lines.push_back(std::move(last));
    return lines;
  };
  Build({{Language::kEnglish, en}, {Language::kChinese, with("总理周二晚抵达北京举行会谈。")}, {Language::kUrdu, ur}},
        {{{0, 1}, {0, 1}, {0, 1}}, {{1, 2}, {1, 2}, {1, 2}}, {{2, 4}, {2, 3}, {2, 4}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kOmission);
  EXPECT_EQ(findings[0].version, 1u);
  EXPECT_EQ(findings[0].evidence, en[3]);
  EXPECT_EQ(findings[0].bead, 2u);
  // A Chinese sentence that renders both English ones is a merge, not an omission.
  Build({{Language::kEnglish, en},
         {Language::kChinese, with("总理周二晚抵达北京举行会谈，官员出席。")},
         {Language::kUrdu, ur}},
        {{{0, 1}, {0, 1}, {0, 1}}, {{1, 2}, {1, 2}, {1, 2}}, {{2, 4}, {2, 3}, {2, 4}}});
  EXPECT_TRUE(Run().empty());
}

TEST_F(CheckTest, ANumberOfAnOmittedSentenceIsThatOmission) {
  // The Urdu lacks English sentence 3, and with it its number: one
  // omission, not a number mismatch besides. A number the Urdu lacks from
  // the sentence it renders stays a number mismatch.
  std::vector<std::string> en = {"The two sides discussed trade, energy and agriculture at length.",
                                 "They agreed to meet again next year in Islamabad.",
                                 "The Prime Minister arrived in Beijing on Tuesday evening for talks.",
                                 "He added that the security of 3,500 Chinese personnel remained a top priority.",
                                 "Asked about the trade deal, he said 12 rounds of talks would end in 2027."};
  const std::vector<std::string> ur = {"دونوں فریقوں نے تجارت، توانائی اور زراعت پر تفصیلی بات چیت کی۔",
                                       "انہوں نے آئندہ سال اسلام آباد میں دوبارہ ملنے پر اتفاق کیا۔",
                                       "وزیر اعظم منگل کی شام بات چیت کے لیے بیجنگ پہنچے۔",
                                       "انہوں نے کہا کہ مذاکرات کے 12 دور 2027 میں ختم ہوں گے۔"};
  const std::vector<std::vector<std::pair<uint32_t, uint32_t>>> beads = {
      {{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}, {{3, 5}, {3, 4}}};
  Build({{Language::kEnglish, en}, {Language::kUrdu, ur}}, beads);
  std::vector<Finding> found = Run();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kOmission);
  EXPECT_EQ(found[0].evidence, en[3]);
  CheckConfig numbers_only;
  numbers_only.omissions = false;
  found = Run(numbers_only);  // what the omission stands for
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kNumberMismatch);
  EXPECT_EQ(found[0].expected, std::vector<std::string>{"3,500"});
  en[4] = "Asked about the trade deal, he said 12 rounds of talks with 40 experts would end in 2027.";
  Build({{Language::kEnglish, en}, {Language::kUrdu, ur}}, beads);
  found = Run();
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].type, FindingType::kNumberMismatch);
  EXPECT_EQ(found[0].expected, (std::vector<std::string>{"3,500", "40"}));
  EXPECT_EQ(found[1].type, FindingType::kOmission);
}

TEST_F(CheckTest, AnchorsTellWhichJoinedSentenceIsOmitted) {
  // The Urdu side of bead 3 renders only the second English and Chinese
  // sentence (its year), at length: by length alone the wrong sentence
  // would go, and taking the right one out leaves the lengths 1.5 times
  // apart. The shared year says which sentence Urdu has.
  const std::vector<std::string> en = {
      "The two sides discussed trade, energy and agriculture at length.",
      "They agreed to meet again next year in Islamabad.",
      "The Prime Minister arrived in Beijing on Tuesday evening for talks.",
      "He added that the security of Chinese personnel remained a top priority.",
      "Asked about the trade deal, he said talks would end in 2027."};
  const std::vector<std::string> zh = {"双方就贸易、能源和农业进行了深入讨论。", "双方同意明年在伊斯兰堡再次会晤。",
                                       "总理周二晚抵达北京举行会谈。", "他还表示，中方人员安全仍是政府的头等大事。",
                                       "被问及贸易协定时，他说谈判将于2027年结束。"};
  const std::vector<std::string> ur = {"دونوں فریقوں نے تجارت، توانائی اور زراعت پر تفصیلی بات چیت کی۔",
                                       "انہوں نے آئندہ سال اسلام آباد میں دوبارہ ملنے پر اتفاق کیا۔",
                                       "وزیر اعظم منگل کی شام بات چیت کے لیے بیجنگ پہنچے۔",
                                       "سوال پر انہوں نے کہا کہ تجارتی مذاکرات 2027 میں مکمل ہو جائیں گے۔"};
  Build({{Language::kEnglish, en}, {Language::kChinese, zh}, {Language::kUrdu, ur}},
        {{{0, 1}, {0, 1}, {0, 1}}, {{1, 2}, {1, 2}, {1, 2}}, {{2, 3}, {2, 3}, {2, 3}}, {{3, 5}, {3, 5}, {3, 4}}});
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kOmission);
  EXPECT_EQ(findings[0].version, 2u);
  EXPECT_EQ(findings[0].bead, 3u);
  EXPECT_EQ(findings[0].evidence, en[3]);
  // Without the year in Urdu nothing tells which sentence is there: no finding.
  std::vector<std::string> ur_no_year = ur;
  ur_no_year[3] = "سوال پر انہوں نے کہا کہ تجارتی مذاکرات اگلے برس مکمل ہو جائیں گے۔";
  Build({{Language::kEnglish, en}, {Language::kChinese, zh}, {Language::kUrdu, ur_no_year}},
        {{{0, 1}, {0, 1}, {0, 1}}, {{1, 2}, {1, 2}, {1, 2}}, {{2, 3}, {2, 3}, {2, 3}}, {{3, 5}, {3, 5}, {3, 4}}});
  for (const Finding& f : Run()) EXPECT_NE(f.evidence, en[3]) << f.message;
}

// A 3-way bead of 12,001 sentences in two versions and 12,000 in the third,
// one long sentence the third lacks: each position is tried in O(1) and an
// anchor's other sentences found by look-up (it was k² sums of k sentences
// and k² scans). The calibration beads before it give the versions
// equal document lengths.
TEST_F(CheckTest, AnOmissionInsideAHugeJoinedBeadIsFoundInLinearTime) {
  constexpr uint32_t kSentences = 12000, kCalibration = 1000, kLong = 6000;
  std::vector<std::string> en, zh, ur;
  std::string long_sentence;
  for (uint32_t i = 0; i < kSentences; ++i) long_sentence += "word ";  // as long as the others together
  for (uint32_t i = 0; i < kCalibration; ++i) {
    en.push_back("Calibration line.");
    zh.push_back(en.back());
    ur.push_back("Calibration line." + std::string(kSentences * 4 / kCalibration, 'a'));  // its share of the long one
  }
  for (uint32_t i = 0; i < kSentences; ++i) {
    if (i == kLong) en.push_back(long_sentence + "end."), zh.push_back(en.back());
    en.push_back("Item " + std::to_string(i) + " is ready.");
    zh.push_back(en.back());
    ur.push_back(en.back());
  }
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> beads;
  for (uint32_t b = 0; b < kCalibration; ++b) beads.push_back({{b, b + 1}, {b, b + 1}, {b, b + 1}});
  beads.push_back({{kCalibration, kCalibration + kSentences + 1},
                   {kCalibration, kCalibration + kSentences + 1},
                   {kCalibration, kCalibration + kSentences}});
  Build({{Language::kEnglish, en}, {Language::kChinese, zh}, {Language::kUrdu, ur}}, beads);
  auto findings = Run();
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kOmission);
  EXPECT_EQ(findings[0].version, 2u);
  EXPECT_EQ(findings[0].bead, kCalibration);
  for (const FindingPlace& p : findings[0].places) {
    if (p.version == 2) continue;
    ASSERT_EQ(p.spans.size(), 1u);
    EXPECT_EQ(p.spans[0], aligned_.versions[p.version].sentences[kCalibration + kLong].span);
  }
}

TEST_F(CheckTest, ABoundaryInTheWrongPlaceIsNotAnOmission) {
  // Chinese is one sentence short in bead 2 and one long in bead 3: its
  // last sentence went to the next bead, nothing is missing.
  const std::vector<std::string> en = {"The two sides discussed trade, energy and agriculture at length.",
                                       "They agreed to meet again next year in Islamabad.",
                                       "The Prime Minister arrived in Beijing on Tuesday evening for talks.",
                                       "Officials attended.", "The talks lasted more than two hours."};
  const std::vector<std::string> zh = {"双方就贸易、能源和农业进行了深入讨论。", "双方同意明年在伊斯兰堡再次会晤。",
                                       "总理周二晚抵达北京举行会谈。", "官员出席。", "会谈持续了两个多小时。"};
  const std::vector<std::string> ur = {"دونوں فریقوں نے تجارت، توانائی اور زراعت پر تفصیلی بات چیت کی۔",
                                       "انہوں نے آئندہ سال اسلام آباد میں دوبارہ ملنے پر اتفاق کیا۔",
                                       "وزیر اعظم منگل کی شام بات چیت کے لیے بیجنگ پہنچے۔", "حکام شریک ہوئے۔",
                                       "بات چیت دو گھنٹے سے زائد جاری رہی۔"};
  Build({{Language::kEnglish, en}, {Language::kChinese, zh}, {Language::kUrdu, ur}},
        {{{0, 1}, {0, 1}, {0, 1}}, {{1, 2}, {1, 2}, {1, 2}}, {{2, 4}, {2, 3}, {2, 4}}, {{4, 5}, {3, 5}, {4, 5}}});
  EXPECT_TRUE(Run().empty());
}

// The thresholds of CheckConfig, set by name through the settings table as
// a --config file sets them: each group turns a finding on or off.
CheckConfig Settings(const std::string& check_json) {
  AlignerConfig aligner;
  CheckConfig config;
  const Status s = ApplyConfigJson("{\"check\": " + check_json + "}", "test.json", &aligner, &config);
  EXPECT_TRUE(s.ok()) << s.message();
  return config;
}

size_t CountOf(const std::vector<Finding>& findings, FindingType type) {
  size_t n = 0;
  for (const Finding& f : findings) n += f.type == type;
  return n;
}

TEST_F(CheckTest, ContentThresholdsDecideWhatAnOmissionIs) {
  // 16 letters: content by default, furniture under 20.
  Build({{Language::kEnglish, {"The talks went well."}}, {Language::kChinese, {}}}, {{{0, 1}, {0, 0}}});
  EXPECT_EQ(CountOf(Run(), FindingType::kOmission), 1u);
  EXPECT_EQ(CountOf(Run(Settings(R"({"min_content_letters": 17})")), FindingType::kOmission), 0u);
  // Four Han characters: eight letters at two each, four at one.
  Build({{Language::kEnglish, {}}, {Language::kChinese, {"会谈顺利。"}}}, {{{0, 0}, {0, 1}}});
  EXPECT_EQ(CountOf(Run(), FindingType::kOmission), 1u);
  EXPECT_EQ(CountOf(Run(Settings(R"({"han_letter_weight": 1})")), FindingType::kOmission), 0u);
  // An agency line (30 bytes) is a dateline; not when datelines are shorter.
  Build({{Language::kEnglish, {}}, {Language::kChinese, {"新华社北京11月27日电"}}}, {{{0, 0}, {0, 1}}});
  EXPECT_TRUE(Run().empty());
  EXPECT_EQ(CountOf(Run(Settings(R"({"dateline_max_bytes": 20})")), FindingType::kOmission), 1u);
}

// The three versions of a news item (a calibration bead, then the bead the
// aligner made of two English and Urdu sentences and one Chinese), and the
// two settings of the merged-bead rule that decide the finding.
TEST_F(CheckTest, MergedBeadThresholdsDecideAJoinedOmission) {
  const std::vector<std::string> en = {"The two sides discussed trade, energy and agriculture at length.",
                                       "They agreed to meet again next year in Islamabad.",
                                       "The Prime Minister arrived in Beijing on Tuesday evening for talks.",
                                       "Officials attended."};
  const std::vector<std::string> zh = {"双方就贸易、能源和农业进行了深入讨论。", "双方同意明年在伊斯兰堡再次会晤。",
                                       "总理周二晚抵达北京举行会谈。"};
  const std::vector<std::string> ur = {"دونوں فریقوں نے تجارت، توانائی اور زراعت پر تفصیلی بات چیت کی۔",
                                       "انہوں نے آئندہ سال اسلام آباد میں دوبارہ ملنے پر اتفاق کیا۔",
                                       "وزیر اعظم منگل کی شام بات چیت کے لیے بیجنگ پہنچے۔", "حکام شریک ہوئے۔"};
  Build({{Language::kEnglish, en}, {Language::kChinese, zh}, {Language::kUrdu, ur}},
        {{{0, 1}, {0, 1}, {0, 1}}, {{1, 2}, {1, 2}, {1, 2}}, {{2, 4}, {2, 3}, {2, 4}}});
  EXPECT_EQ(CountOf(Run(), FindingType::kOmission), 1u);
  // Lengths that must differ by more than ten times before the bead is looked into.
  EXPECT_TRUE(Run(Settings(R"({"merged_length_gap": 10})")).empty());
  // Without the sentence, the lengths must agree exactly.
  EXPECT_TRUE(Run(Settings(R"({"merged_agree_gap": 0})")).empty());
  // The two sentences taken out must be exactly as long as each other.
  EXPECT_TRUE(Run(Settings(R"({"merged_sentence_gap": 0})")).empty());
}

TEST_F(CheckTest, MergedBeadAnchorGapDecidesAnOmissionFoundByAnchors) {
  // As AnchorsTellWhichJoinedSentenceIsOmitted: only the anchors (a year)
  // tell which sentence Urdu lacks, when lengths differ by more than the
  // anchor gap.
  const std::vector<std::string> en = {
      "The two sides discussed trade, energy and agriculture at length.",
      "They agreed to meet again next year in Islamabad.",
      "The Prime Minister arrived in Beijing on Tuesday evening for talks.",
      "He added that the security of Chinese personnel remained a top priority.",
      "Asked about the trade deal, he said talks would end in 2027."};
  const std::vector<std::string> zh = {"双方就贸易、能源和农业进行了深入讨论。", "双方同意明年在伊斯兰堡再次会晤。",
                                       "总理周二晚抵达北京举行会谈。", "他还表示，中方人员安全仍是政府的头等大事。",
                                       "被问及贸易协定时，他说谈判将于2027年结束。"};
  const std::vector<std::string> ur = {"دونوں فریقوں نے تجارت، توانائی اور زراعت پر تفصیلی بات چیت کی۔",
                                       "انہوں نے آئندہ سال اسلام آباد میں دوبارہ ملنے پر اتفاق کیا۔",
                                       "وزیر اعظم منگل کی شام بات چیت کے لیے بیجنگ پہنچے۔",
                                       "سوال پر انہوں نے کہا کہ تجارتی مذاکرات 2027 میں مکمل ہو جائیں گے۔"};
  Build({{Language::kEnglish, en}, {Language::kChinese, zh}, {Language::kUrdu, ur}},
        {{{0, 1}, {0, 1}, {0, 1}}, {{1, 2}, {1, 2}, {1, 2}}, {{2, 3}, {2, 3}, {2, 3}}, {{3, 5}, {3, 5}, {3, 4}}});
  EXPECT_EQ(CountOf(Run(), FindingType::kOmission), 1u);
  EXPECT_EQ(CountOf(Run(Settings(R"({"merged_anchor_gap": 10})")), FindingType::kOmission), 0u);
}

// An English sentence that leaves out the clause holding two official terms
// of the Chinese: one omission quoting that clause, not two missing terms;
// a sentence that lacks one term keeps its missing-term finding.
TEST_F(CheckTest, SeveralMissingTermsOfOneClauseAreOneOmission) {
  Build({{Language::kEnglish, {"The two sides met in Beijing on Monday.",
                               "They agreed to deepen cooperation in many fields."}},
         {Language::kChinese, {"双方周一在北京会晤。", "双方同意深化各领域合作，共建一带一路倡议和中巴经济走廊。"}}},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}});
  std::vector<Finding> found = Run();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kOmission);
  EXPECT_EQ(found[0].version, 0u);
  EXPECT_EQ(found[0].evidence, "共建一带一路倡议和中巴经济走廊。");
  EXPECT_EQ(CountOf(Run(Settings(R"({"clause_missing_terms": 0})")), FindingType::kMissingTerm), 2u);
  EXPECT_EQ(CountOf(Run(Settings(R"({"clause_missing_terms": 3})")), FindingType::kOmission), 0u);

  Build({{Language::kEnglish, {"The two sides met in Beijing on Monday.",
                               "They agreed to deepen cooperation under the CPEC framework."}},
         {Language::kChinese, {"双方周一在北京会晤。", "双方同意深化各领域合作，共建一带一路倡议和中巴经济走廊。"}}},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}});
  found = Run();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kMissingTerm);
}

// A sentence one version gives two beads later: one moved finding (info),
// not an omission and an addition; sentences that share no anchors, or that
// are further apart than moved_max_beads, stay omissions.
TEST_F(CheckTest, AMovedSentenceIsOneMovedFinding) {
  const std::vector<std::string> english = {"The talks went well.",
                                            "Trade reached 3.5 billion dollars in 2026 and 1.2 billion in 2025."};
  Build({{Language::kEnglish, english}, {Language::kChinese, {"2026年贸易额达到35亿美元，2025年为12亿美元。", "会谈进展顺利。"}}},
        {{{0, 0}, {0, 1}}, {{0, 1}, {1, 2}}, {{1, 2}, {2, 2}}});
  std::vector<Finding> found = Run();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kMoved);
  EXPECT_EQ(found[0].severity, Severity::kInfo);
  ASSERT_EQ(found[0].places.size(), 1u);  // in its own bead; the message names the other
  EXPECT_NE(found[0].message.find("bead 2"), std::string::npos) << found[0].message;
  EXPECT_EQ(CountOf(Run(Settings(R"({"moved_max_beads": 1})")), FindingType::kOmission), 2u);
  EXPECT_EQ(CountOf(Run(Settings(R"({"moves": false})")), FindingType::kOmission), 0u);  // hidden, not undone

  Build({{Language::kEnglish, english}, {Language::kChinese, {"2024年贸易额达到40亿美元，2023年为20亿美元。", "会谈进展顺利。"}}},
        {{{0, 0}, {0, 1}}, {{0, 1}, {1, 2}}, {{1, 2}, {2, 2}}});
  found = Run();
  EXPECT_EQ(CountOf(found, FindingType::kMoved), 0u);
  EXPECT_EQ(CountOf(found, FindingType::kOmission), 2u);
}

// With three versions the version on its own moved the sentence.
TEST_F(CheckTest, WithThreeVersionsTheOddOneMovedTheSentence) {
  Build({{Language::kEnglish,
          {"The talks went well.", "Trade reached 3.5 billion dollars in 2026 and 1.2 billion in 2025."}},
         {Language::kChinese, {"会谈进展顺利。", "2026年贸易额达到35亿美元，2025年为12亿美元。"}},
         {Language::kUrdu, {"2026 میں تجارت 3.5 ارب ڈالر اور 2025 میں 1.2 ارب ڈالر تک پہنچی۔", "بات چیت اچھی رہی۔"}}},
        {{{0, 0}, {0, 0}, {0, 1}}, {{0, 1}, {0, 1}, {1, 2}}, {{1, 2}, {1, 2}, {2, 2}}});
  const std::vector<Finding> found = Run();
  ASSERT_EQ(found.size(), 1u) << found[0].message;
  EXPECT_EQ(found[0].type, FindingType::kMoved);
  EXPECT_EQ(found[0].version, 2u);
  EXPECT_EQ(found[0].bead, 0u);
}

// Three versions, each giving the sentence at another place: English first,
// Chinese last, Urdu inside the middle sentence. English and Chinese alone
// are one move (the Urdu has it), not two additions.
TEST_F(CheckTest, TwoVersionsAloneInBeadsApartAreOneMove) {
  Build({{Language::kEnglish,
          {"Trade reached 3.5 billion dollars in 2026 and 1.2 billion in 2025.", "The talks went well."}},
         {Language::kChinese, {"会谈进展顺利。", "2026年贸易额达到35亿美元，2025年为12亿美元。"}},
         {Language::kUrdu, {"بات چیت اچھی رہی، اور 2026 میں تجارت 3.5 ارب ڈالر اور 2025 میں 1.2 ارب ڈالر تک پہنچی۔"}}},
        {{{0, 1}, {0, 0}, {0, 0}}, {{1, 2}, {0, 1}, {0, 1}}, {{2, 2}, {1, 2}, {1, 1}}});
  const std::vector<Finding> found = Run();
  EXPECT_EQ(CountOf(found, FindingType::kAddition), 0u);
  ASSERT_EQ(CountOf(found, FindingType::kMoved), 1u);
  const auto moved = std::find_if(found.begin(), found.end(), [](const Finding& f) { return f.type == FindingType::kMoved; });
  EXPECT_EQ(moved->version, 0u);
  EXPECT_EQ(moved->bead, 0u);
  EXPECT_NE(moved->message.find("bead 2"), std::string::npos) << moved->message;
}

// A sentence that carries a term moved by a bead: each version names the
// concept where the other does not, nearby. Nothing is missing; further
// apart than moved_term_beads, both are reported.
TEST_F(CheckTest, ATermMovedToANearbyBeadIsNotMissing) {
  Build({{Language::kEnglish, {"The talks covered many topics today.", "Both sides praised the Belt and Road Initiative.",
                               "They will meet again next year."}},
         {Language::kChinese, {"双方会谈赞扬一带一路倡议。", "会谈涉及许多议题。", "双方明年再次会晤。"}}},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}});
  EXPECT_EQ(CountOf(Run(), FindingType::kMissingTerm), 0u);
  EXPECT_EQ(CountOf(Run(Settings(R"({"moved_term_beads": 0, "clause_missing_terms": 0})")), FindingType::kMissingTerm),
            2u);
  Build({{Language::kEnglish, {"The talks covered many topics today.", "Trade grew.", "Energy grew.", "Farming grew.",
                               "Both sides praised the Belt and Road Initiative."}},
         {Language::kChinese, {"双方会谈赞扬一带一路倡议。", "贸易增长。", "能源增长。", "农业增长。", "会谈涉及许多议题。"}}},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}, {{3, 4}, {3, 4}}, {{4, 5}, {4, 5}}});
  EXPECT_EQ(CountOf(Run(), FindingType::kMissingTerm), 2u);
}

// Two versions: a bead of two English sentences and one Urdu sentence. With
// no third version to confirm it, the English sentence is an omission of the
// Urdu only when length and anchors both say so; an Urdu sentence that
// renders both (as long as they are together) is a split, not an omission.
TEST_F(CheckTest, PairMergedBeadNeedsLengthAndAnchors) {
  const std::vector<std::string> en = {
      "The two sides discussed trade, energy and agriculture at length.",
      "They agreed to meet again next year in Islamabad.",
      "The Prime Minister arrived in Beijing on Tuesday evening for talks.",
      "He added that the security of Chinese personnel remained a top priority.",
      "Asked about the trade deal, he said talks would end in 2027."};
  const std::vector<std::string> ur_short = {
      "دونوں فریقوں نے تجارت، توانائی اور زراعت پر تفصیلی بات چیت کی۔",
      "انہوں نے آئندہ سال اسلام آباد میں دوبارہ ملنے پر اتفاق کیا۔",
      "وزیر اعظم منگل کی شام بات چیت کے لیے بیجنگ پہنچے۔",
      "انہوں نے کہا کہ مذاکرات 2027 میں ختم ہوں گے۔"};
  const std::vector<std::vector<std::pair<uint32_t, uint32_t>>> beads = {
      {{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}, {{3, 5}, {3, 4}}};
  Build({{Language::kEnglish, en}, {Language::kUrdu, ur_short}}, beads);
  std::vector<Finding> found = Run();
  ASSERT_EQ(CountOf(found, FindingType::kOmission), 1u);
  EXPECT_EQ(found[0].version, 1u);
  EXPECT_EQ(CountOf(Run(Settings(R"({"pair_merged_length_gap": 10})")), FindingType::kOmission), 0u);
  // Without the year, nothing but length singles the sentence out: no finding.
  std::vector<std::string> en_no_year = en;
  en_no_year[4] = "Asked about the trade deal, he said talks would end next year.";
  std::vector<std::string> ur_no_year = ur_short;
  ur_no_year[3] = "انہوں نے کہا کہ مذاکرات اگلے سال ختم ہوں گے۔";
  Build({{Language::kEnglish, en_no_year}, {Language::kUrdu, ur_no_year}}, beads);
  EXPECT_EQ(CountOf(Run(), FindingType::kOmission), 0u);
  // One Urdu sentence that renders both: lengths agree, nothing is missing.
  std::vector<std::string> ur_split = ur_short;
  ur_split[3] = "انہوں نے مزید کہا کہ چینی عملے کی سلامتی حکومت کی اولین ترجیح ہے، اور تجارتی معاہدے کے "
                "بارے میں سوال پر کہا کہ مذاکرات 2027 میں مکمل ہو جائیں گے۔";
  Build({{Language::kEnglish, en}, {Language::kUrdu, ur_split}}, beads);
  EXPECT_EQ(CountOf(Run(), FindingType::kOmission), 0u);
}

// Chinese renders both English (and Urdu) sentences of bead 0 in one, and
// the aligner left its side of bead 1 empty: bead 0's lengths disagree as
// they stand and agree with bead 1 added, so nothing is omitted, unless the
// absorbed-bead thresholds say otherwise.
TEST_F(CheckTest, AbsorbedThresholdsDecideWhetherAnEmptySideIsAMerge) {
  const std::vector<std::string> en = {"The two sides discussed trade, energy and agriculture at length.",
                                       "The Prime Minister arrived in Beijing on Tuesday evening for talks.",
                                       "Officials from both sides attended the meeting in the capital.",
                                       "They agreed to meet again next year in Islamabad."};
  const std::vector<std::string> zh = {"双方就贸易、能源和农业进行了深入讨论。",
                                       "总理周二晚抵达北京举行会谈，双方官员出席了在首都举行的会议。",
                                       "双方同意明年在伊斯兰堡再次会晤。"};
  const std::vector<std::string> ur = {"دونوں فریقوں نے تجارت، توانائی اور زراعت پر تفصیلی بات چیت کی۔",
                                       "وزیر اعظم منگل کی شام بات چیت کے لیے بیجنگ پہنچے۔",
                                       "دارالحکومت میں ہونے والے اجلاس میں دونوں فریقوں کے حکام شریک ہوئے۔",
                                       "انہوں نے آئندہ سال اسلام آباد میں دوبارہ ملنے پر اتفاق کیا۔"};
  Build({{Language::kEnglish, en}, {Language::kChinese, zh}, {Language::kUrdu, ur}},
        {{{0, 1}, {0, 1}, {0, 1}}, {{1, 2}, {1, 2}, {1, 2}}, {{2, 3}, {2, 2}, {2, 3}}, {{3, 4}, {2, 3}, {3, 4}}});
  EXPECT_TRUE(Run().empty());
  EXPECT_EQ(CountOf(Run(Settings(R"({"absorbed_length_gap": 10})")), FindingType::kOmission), 1u);
  EXPECT_EQ(CountOf(Run(Settings(R"({"absorbed_agree_gap": 0})")), FindingType::kOmission), 1u);
}

TEST_F(CheckTest, ReferenceThresholdsDecideWhatReferringBackIs) {
  // Chinese names the corridor in full, then refers back to it by its last
  // two characters (走廊); English names it, then says "the corridor".
  Build({{Language::kEnglish, {"The China-Pakistan Economic Corridor starts.", "CPEC grows."}},
         {Language::kChinese, {"中巴经济走廊启动。", "走廊发展。"}}},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}});
  EXPECT_TRUE(Run().empty());
  auto findings = Run(Settings(R"({"reference_han_chars": 3})"));
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].type, FindingType::kMissingTerm);
  EXPECT_EQ(findings[0].version, 1u);
  EXPECT_EQ(findings[0].bead, 1u);
  Build({{Language::kEnglish, {"The China-Pakistan Economic Corridor starts.", "The corridor grows."}},
         {Language::kChinese, {"中巴经济走廊启动。", "中巴经济走廊发展。"}}},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}});
  EXPECT_TRUE(Run().empty());
  findings = Run(Settings(R"({"reference_min_head_bytes": 9})"));  // "corridor" has 8
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].version, 0u);
  EXPECT_EQ(findings[0].bead, 1u);
}

TEST_F(CheckTest, LooseRenderingThresholdsDecideAMissingTerm) {
  // "trading freely under agreements" renders free trade agreement loosely:
  // all three words begin words of the side, "trade" and "agreement" once
  // stemmed (trad-, agreeme-).
  Build({{Language::kEnglish, {"They keep trading freely under agreements."}},
         {Language::kChinese, {"双方根据自由贸易协定开展贸易。"}}},
        {{{0, 1}, {0, 1}}});
  EXPECT_TRUE(Run().empty());
  EXPECT_EQ(CountOf(Run(Settings(R"({"loose_min_words": 4})")), FindingType::kMissingTerm), 1u);
  // Two of three words found (trade not, unstemmed) still make two thirds; not all.
  EXPECT_TRUE(Run(Settings(R"({"stem_min_code_points": 100})")).empty());
  EXPECT_TRUE(Run(Settings(R"({"loose_min_share": 1})")).empty());
  EXPECT_EQ(CountOf(Run(Settings(R"({"stem_min_code_points": 100, "loose_min_share": 1})")), FindingType::kMissingTerm),
            1u);
  // An acronym written with dots the matcher does not read (B.R.I, its last
  // dot missing) is found loosely, unless acronyms must be shorter.
  Build({{Language::kEnglish, {"Its B.R.I grows."}}, {Language::kChinese, {"一带一路倡议不断发展。"}}},
        {{{0, 1}, {0, 1}}});
  EXPECT_TRUE(Run().empty());
  EXPECT_EQ(CountOf(Run(Settings(R"({"acronym_max_letters": 2})")), FindingType::kMissingTerm), 1u);
}

// The izafat and the کا construction say the same words in another order:
// one rendering. Another word (دفتر for وزارت) is another rendering.
TEST_F(CheckTest, OneRenderingInAnotherWordOrderIsNoInconsistency) {
  const std::vector<std::string> en = {"The Foreign Ministry Spokesperson came.", "The Foreign Ministry Spokesperson spoke.",
                                       "The Foreign Ministry Spokesperson left."};
  const std::vector<std::vector<std::pair<uint32_t, uint32_t>>> beads = {
      {{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}};
  Build({{Language::kEnglish, en},
         {Language::kUrdu, {"وزارت خارجہ کا ترجمان آیا۔", "ترجمان وزارت خارجہ نے بات کی۔", "وزارت خارجہ کا ترجمان گیا۔"}}},
        beads);
  EXPECT_EQ(CountOf(Run(), FindingType::kInconsistentTerm), 0u);
  Build({{Language::kEnglish, en},
         {Language::kUrdu, {"وزارت خارجہ کا ترجمان آیا۔", "ترجمان دفتر خارجہ نے بات کی۔", "وزارت خارجہ کا ترجمان گیا۔"}}},
        beads);
  EXPECT_EQ(CountOf(Run(), FindingType::kInconsistentTerm), 1u);
}

TEST_F(CheckTest, InconsistencyThresholdsDecideShortFormsAndFirstMentions) {
  // CPEC is a short form of China-Pakistan Economic Corridor (4 bytes of
  // 32): no second rendering, unless short forms must be shorter still.
  Build({{Language::kEnglish,
          {"The China-Pakistan Economic Corridor grows.", "CPEC grows.", "CPEC thrives.",
           "The China-Pakistan Economic Corridor thrives."}},
         {Language::kChinese, {"中巴经济走廊发展。", "中巴经济走廊发展。", "中巴经济走廊繁荣。", "中巴经济走廊繁荣。"}}},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}, {{3, 4}, {3, 4}}});
  EXPECT_TRUE(Run().empty());
  EXPECT_EQ(CountOf(Run(Settings(R"({"short_form_max_share": 0.1})")), FindingType::kInconsistentTerm), 1u);
  // One fuller form first, then the preferred one twice: a first mention,
  // unless the text must keep to one rendering three times after it.
  Build({{Language::kEnglish,
          {"A human community with a shared future.", "We build a community with a shared future for mankind.",
           "The community with a shared future for mankind matters."}},
         {Language::kChinese, {"人类命运共同体。", "构建人类命运共同体。", "人类命运共同体很重要。"}}},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}});
  EXPECT_TRUE(Run().empty());
  EXPECT_EQ(CountOf(Run(Settings(R"({"first_mention_min_later_uses": 3})")), FindingType::kInconsistentTerm), 1u);
}

TEST_F(CheckTest, SettingsOutsideTheirRangesAreRefused) {
  Build({{Language::kEnglish, {"A."}}, {Language::kChinese, {"甲。"}}}, {{{0, 1}, {0, 1}}});
  CheckConfig config;
  config.loose_min_share = 2;
  auto findings = Check(aligned_, hits_, *matcher_, config);
  ASSERT_FALSE(findings.ok());
  EXPECT_EQ(findings.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(findings.status().message().find("check setting loose_min_share: 2 is outside [0, 1]"), std::string::npos)
      << findings.status().message();
}

TEST_F(CheckTest, BadInputsAreErrors) {
  Build({{Language::kEnglish, {"A."}}, {Language::kChinese, {"甲。"}}}, {{{0, 1}, {0, 1}}});
  hits_.pop_back();
  EXPECT_FALSE(Check(aligned_, hits_, *matcher_, {}).ok());
  hits_.emplace_back();
  CheckConfig config;
  config.source_version = 5;
  EXPECT_FALSE(Check(aligned_, hits_, *matcher_, config).ok());
}

// Each switch a row of the registry names turns its type off, and only the
// types whose rows name it: one small case per type, every type seen.
TEST_F(CheckTest, EachRowsSwitchTurnsItsTypeOff) {
  const std::vector<std::function<void()>> cases = {
      [&] {  // deprecated-term
        Build({{Language::kEnglish, {"China backs the One Belt, One Road initiative."}},
               {Language::kChinese, {"中方支持一带一路倡议。"}}},
              {{{0, 1}, {0, 1}}});
      },
      [&] {  // missing-term
        Build({{Language::kEnglish, {"Both sides back the Belt and Road Initiative."}},
               {Language::kChinese, {"双方支持丝绸之路合作。"}}},
              {{{0, 1}, {0, 1}}});
      },
      [&] {  // inconsistent-term
        Build({{Language::kEnglish,
                {"We build a community with a shared future for mankind.", "A human community with a shared future.",
                 "The community with a shared future for mankind matters."}},
               {Language::kChinese, {"构建人类命运共同体。", "人类命运共同体。", "人类命运共同体很重要。"}}},
              {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}});
      },
      [&] {  // number-mismatch
        Build({{Language::kEnglish, {"Trade grew by 3.5 percent in 2026."}},
               {Language::kChinese, {"2026年贸易增长4.5%。"}}},
              {{{0, 1}, {0, 1}}});
      },
      [&] {  // moved
        Build({{Language::kEnglish,
                {"The talks went well.", "Trade reached 3.5 billion dollars in 2026 and 1.2 billion in 2025."}},
               {Language::kChinese, {"2026年贸易额达到35亿美元，2025年为12亿美元。", "会谈进展顺利。"}}},
              {{{0, 0}, {0, 1}}, {{0, 1}, {1, 2}}, {{1, 2}, {2, 2}}});
      },
      [&] {  // omission and addition
        Build({{Language::kEnglish, {"Wang Yi and other senior officials were present.", "The talks went well."}},
               {Language::kChinese, {"王毅等高级官员参加会谈。"}},
               {Language::kUrdu, {}}},
              {{{0, 1}, {0, 1}, {0, 0}}, {{1, 2}, {1, 1}, {0, 0}}});
      },
  };
  using Seen = std::tuple<FindingType, size_t, size_t, std::string>;
  auto seen = [](const std::vector<Finding>& findings, const CheckConfig& config) {
    std::vector<Seen> out;
    for (const Finding& f : findings) {
      if (config.*FindingTypeInfoOf(f.type).enabled) out.emplace_back(f.type, f.version, f.bead, f.evidence);
    }
    return out;
  };
  std::set<FindingType> types;
  for (const auto& build : cases) {
    build();
    const std::vector<Finding> all = Run();
    ASSERT_FALSE(all.empty());
    for (const Finding& f : all) {
      types.insert(f.type);
      // The registry's severity, or one level less for a type's milder case.
      const Severity base = FindingTypeInfoOf(f.type).severity;
      EXPECT_TRUE(f.severity == base || f.severity == internal::Milder(base)) << f.message;
    }
    for (const FindingTypeInfo& row : FindingTypes()) {
      CheckConfig off;
      off.*row.enabled = false;
      const std::vector<Finding> without = Run(off);
      for (const Finding& f : without) EXPECT_NE(f.type, row.type) << row.name;
      EXPECT_EQ(seen(without, off), seen(all, off)) << row.name;
    }
  }
  EXPECT_EQ(types.size(), FindingTypes().size()) << "a type no case produces";
}

// The enumerators and the names docs/reports.md fixes for them. A switch without a
// default: a new enumerator does not compile here (-Wswitch is an error in
// this file) until it is listed, and the test below then wants its row.
#pragma GCC diagnostic push
#pragma GCC diagnostic error "-Wswitch"
std::string_view FixedName(FindingType type) {
  switch (type) {
    case FindingType::kDeprecatedTerm: return "deprecated-term";
    case FindingType::kMissingTerm: return "missing-term";
    case FindingType::kInconsistentTerm: return "inconsistent-term";
    case FindingType::kNumberMismatch: return "number-mismatch";
    case FindingType::kOmission: return "omission";
    case FindingType::kAddition: return "addition";
    case FindingType::kMoved: return "moved";
  }
  return {};
}
#pragma GCC diagnostic pop

TEST(FindingTypeRegistry, EveryEnumeratorHasExactlyOneRowWithItsFixedName) {
  size_t enumerators = 0;
  for (int value = 0; value < 256; ++value) {  // enumerators are numbered from 0
    const auto type = static_cast<FindingType>(value);
    if (FixedName(type).empty()) continue;
    ++enumerators;
    size_t rows = 0;
    for (const FindingTypeInfo& row : FindingTypes()) rows += row.type == type;
    EXPECT_EQ(rows, 1u) << FixedName(type);
    EXPECT_EQ(FindingTypeName(type), FixedName(type));
    EXPECT_EQ(FindingTypeInfoOf(type).type, type);
  }
  EXPECT_EQ(FindingTypes().size(), enumerators) << "a row for a value that is no enumerator";
  for (size_t i = 0; i < FindingTypes().size(); ++i) {
    const FindingTypeInfo& row = FindingTypes()[i];
    EXPECT_EQ(static_cast<size_t>(row.type), i) << row.name << ": rows go in enum order";
    EXPECT_FALSE(row.label.empty()) << row.name;
    EXPECT_FALSE(row.description.empty()) << row.name;
    EXPECT_EQ(row.description.find('\n'), std::string_view::npos) << row.name << ": one line";
    EXPECT_NE(row.enabled, nullptr) << row.name;
    EXPECT_NE(row.pass, nullptr) << row.name;
  }
  EXPECT_EQ(FindingTypeName(static_cast<FindingType>(99)), "unknown");
  EXPECT_EQ(FindingTypeInfoOf(static_cast<FindingType>(99)).pass, nullptr);
}

TEST(FindingTypeRegistry, NamesRoundTrip) {
  for (const FindingTypeInfo& row : FindingTypes()) {
    EXPECT_EQ(ParseFindingType(row.name), row.type);
    EXPECT_EQ(FindingTypeName(row.type), row.name);
  }
  EXPECT_FALSE(ParseFindingType("unknown").has_value());
  EXPECT_FALSE(ParseFindingType("Omission").has_value());
  EXPECT_FALSE(ParseFindingType("deprecated term").has_value());  // a label, not a name
  EXPECT_EQ(ParseSeverity("warning"), Severity::kWarning);
  EXPECT_FALSE(ParseSeverity("fatal").has_value());
}

// Every label is an msgid every UI catalog translates (as every message
// pattern is: check_golden_test.cc).
TEST(FindingTypeRegistry, EveryLabelIsTranslatedInEveryCatalog) {
  for (const std::string& language : UiLanguages()) {
    if (language == "en") continue;
    auto ui = Translator::Create(language);
    ASSERT_TRUE(ui.ok()) << ui.status().message();
    std::set<std::string> translations;
    for (const FindingTypeInfo& row : FindingTypes()) {
      const std::string translated = ui->Translate(row.label);
      EXPECT_NE(translated, row.label) << language << ": " << row.label;
      translations.insert(translated);
    }
    EXPECT_EQ(translations.size(), FindingTypes().size()) << language << ": two types share a label";
  }
}

}  // namespace
}  // namespace align
