// Clause omissions found through a dictionary (check_coverage.cc), on small
// hand-made beads with a hand-made Chinese→English dictionary: the rule
// fires on a clause none of whose words is rendered, and stays silent when
// one word is, when both sides leave words unrendered, when the words are
// too few, and without a dictionary.
#include <algorithm>
#include <cmath>
#include <unordered_set>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "align/check.h"
#include "align/config.h"
#include "align/dictionary.h"
#include "analysis.h"
#include "check_build.h"
#include "check_internal.h"
#include "coverage.h"

namespace align {
namespace {

constexpr char kTermbase[] = "cpec\ten\tChina-Pakistan Economic Corridor\tpreferred\t\n"
                             "cpec\tzh\t中巴经济走廊\tpreferred\t\n";

constexpr char kDictionary[] =
    "外交部\tministry\n袭击\tattack\n死亡\tkilled\n工人\tworkers\n要求\turged\n加强\tstronger\n"
    "项目\tprojects\n安全\tsecurity\n措施\tmeasures\n堵塞\tplug\n漏洞\tloophole\n彻查\tinvestigate\n"
    "凶手\tkiller\n下雨\train\n首都\tcapital\n城市\tcity\n夜间\tovernight\n"
    "中国\tChina\n巴基斯坦\tPakistan\n经济\teconomic\n走廊\tcorridor\n讨论\tdiscussed\n建设\tconstruction\n";

// The Chinese version has a clause the English leaves out.
constexpr char kChinese[] = "外交部表示，袭击造成两名工人死亡，同时堵塞漏洞并彻查凶手，要求加强项目安全措施。";
constexpr char kOmitted[] = "同时堵塞漏洞并彻查凶手，";

class CheckCoverageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto lexicon = Lexicon::ParseTsv(kTermbase, "test.tsv");
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
    auto matcher = TermMatcher::Create(std::make_shared<const Lexicon>(std::move(*lexicon)));
    ASSERT_TRUE(matcher.ok()) << matcher.status().message();
    matcher_ = *matcher;
    // One file per process: ctest runs this fixture's tests side by side.
    const std::string path = ::testing::TempDir() + "/coverage-test-" + std::to_string(::getpid()) + ".tsv";
    std::ofstream(path) << kDictionary;
    auto dictionary = Dictionary::Load(path, Language::kChinese, Language::kEnglish);
    ASSERT_TRUE(dictionary.ok()) << dictionary.status().message();
    dictionaries_ = {*dictionary};
    std::filesystem::remove(path);
  }

  // One sentence each, in one bead.
  void Build(const std::string& english, const std::string& chinese) {
    Build(std::vector<std::string>{english}, std::vector<std::string>{chinese}, {{{0, 1}, {0, 1}}});
  }
  // One sentence a line; |beads| gives each bead's [begin, end) per version.
  void Build(const std::vector<std::string>& english, const std::vector<std::string>& chinese,
             const std::vector<std::vector<std::pair<uint32_t, uint32_t>>>& beads) {
    check_testing::BuildAligned(*matcher_, {{Language::kEnglish, english}, {Language::kChinese, chinese}}, beads, &aligned_,
                          &hits_);
  }

  // Two English sentences against three Chinese ones, the second English
  // sentence with the second and third Chinese in one bead: |joined|, the
  // third, is the one the aligner joined to its neighbour.
  void BuildJoined(const std::string& second_chinese, const std::string& joined,
                   const std::string& second_english = "The ministry said the attack killed two workers.") {
    Build({"The ministry said the attack killed two workers at the airport on Sunday night.", second_english},
          {"外交部表示，周日晚上机场的袭击造成两名工人死亡。", second_chinese, joined},
          {{{0, 1}, {0, 1}}, {{1, 2}, {1, 3}}});
  }

  // The length scale of the Chinese version (internal::LengthScales) under |config|.
  double ChineseScale(const CheckConfig& config) {
    const internal::VersionNumbers numbers = internal::SentenceNumbers(aligned_);
    const internal::Glossary glossary(dictionaries_, internal::PivotOf(dictionaries_));
    internal::CheckContext ctx(aligned_, hits_, numbers, *matcher_, config);
    ctx.glossary = &glossary;
    return internal::LengthScales(ctx)[1];
  }
  // Letters + 1 of sentence |s| of version |v|: what the scales sum.
  double SentenceLetters(size_t v, size_t s) const {
    const AlignInput& input = aligned_.versions[v];
    return static_cast<double>(internal::Letters(input.document.Slice(input.sentences[s].span), 2)) + 1;
  }

  std::vector<Finding> Run(const std::string& check_json = "{}", bool with_dictionary = true, int source = -1) {
    AlignerConfig aligner;
    CheckConfig config;
    EXPECT_TRUE(ApplyConfigJson("{\"check\": " + check_json + "}", "test.json", &aligner, &config).ok());
    config.source_version = source;
    const internal::Glossary glossary(dictionaries_, internal::PivotOf(dictionaries_));
    auto findings = internal::CheckAnalysed(aligned_, hits_, internal::SentenceNumbers(aligned_), *matcher_, config,
                                            with_dictionary ? &glossary : nullptr);
    EXPECT_TRUE(findings.ok()) << findings.status().message();
    return findings.ok() ? *findings : std::vector<Finding>{};
  }

  // |found| holds one finding, of |type|, against |version|.
  static void ExpectOnly(const std::vector<Finding>& found, FindingType type, size_t version) {
    ASSERT_EQ(found.size(), 1u);
    EXPECT_EQ(found[0].type, type);
    EXPECT_EQ(found[0].version, version);
  }

  std::shared_ptr<const TermMatcher> matcher_;
  std::vector<std::shared_ptr<const Dictionary>> dictionaries_;
  AlignResult aligned_;
  std::vector<std::vector<TermHit>> hits_;
};

TEST_F(CheckCoverageTest, AClauseWithNoWordRenderedIsAnOmissionQuotingIt) {
  Build("The ministry said the attack killed two workers and urged stronger security measures for the projects.",
        kChinese);
  const std::vector<Finding> found = Run();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kOmission);
  EXPECT_EQ(found[0].version, 0u);  // English lacks it
  EXPECT_EQ(found[0].evidence, kOmitted);
  bool marked = false;
  for (const FindingPlace& p : found[0].places) {
    if (p.version != 1) continue;
    ASSERT_EQ(p.spans.size(), 1u);
    EXPECT_EQ(aligned_.versions[1].document.Slice(p.spans[0]), kOmitted);
    marked = true;
  }
  EXPECT_TRUE(marked);
}

TEST_F(CheckCoverageTest, WithASourceTheSourceDecidesOmissionOrAddition) {
  Build("The ministry said the attack killed two workers and urged stronger security measures for the projects.",
        kChinese);
  const std::vector<Finding> found = Run("{}", true, /*source=*/1);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kOmission);
  EXPECT_EQ(found[0].version, 0u);
  // With the English as source, the Chinese clause is an addition.
  const std::vector<Finding> added = Run("{}", true, /*source=*/0);
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].type, FindingType::kAddition);
  EXPECT_EQ(added[0].version, 1u);
}

TEST_F(CheckCoverageTest, OneRenderedWordMeansTheClauseIsThere) {
  Build("The ministry said the attack killed two workers, vowed to find the killer and urged stronger security "
        "measures for the projects.",
        kChinese);
  EXPECT_TRUE(Run().empty());
}

TEST_F(CheckCoverageTest, WordsUnrenderedBothWaysAreAParaphraseNotAnOmission) {
  Build("The ministry said the attack killed two workers, as rain fell on the capital city overnight, and urged "
        "stronger security measures for the projects.",
        kChinese);
  EXPECT_TRUE(Run().empty());
}

TEST_F(CheckCoverageTest, ThresholdsAndTheDictionaryDecide) {
  Build("The ministry said the attack killed two workers and urged stronger security measures for the projects.",
        kChinese);
  EXPECT_EQ(Run().size(), 1u);
  EXPECT_TRUE(Run(R"({"clause_min_units": 0})").empty());
  EXPECT_TRUE(Run(R"({"clause_min_units": 5})").empty());  // the clause has four words with an entry
  EXPECT_TRUE(Run("{}", /*with_dictionary=*/false).empty());
  EXPECT_TRUE(Run(R"({"omissions": false})").empty());
}

// A sentence the aligner joined to its neighbour, of whose words the other
// version renders one in seven, where the neighbour is rendered and the
// lengths say a sentence is missing: an omission of that sentence.
TEST_F(CheckCoverageTest, AHardlyRenderedJoinedSentenceIsAnOmission) {
  BuildJoined("外交部表示，袭击造成两名工人死亡。", "要求加强工人安全措施，彻查凶手。");
  std::vector<Finding> found = Run();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kOmission);
  EXPECT_EQ(found[0].version, 0u);
  EXPECT_EQ(found[0].evidence, "要求加强工人安全措施， … 彻查凶手。");
  EXPECT_NE(found[0].message.find("1 of its 7 words"), std::string::npos) << found[0].message;
  // One in seven rendered where the rest are all rendered is too few to be
  // chance: the share and both chances must be lowered to keep it quiet.
  EXPECT_EQ(Run(R"({"sentence_max_rendered": 0.1})").size(), 1u);
  EXPECT_TRUE(Run(R"({"sentence_max_rendered": 0.1, "clause_max_chance": 1e-6, "clause_sure_chance": 1e-6})").empty());
  EXPECT_TRUE(Run(R"({"clause_length_gap": 0.5})").empty());  // the Chinese side is 45% longer

  // Rendered in the English, the sentence is no omission.
  BuildJoined("外交部表示，袭击造成两名工人死亡。", "要求加强工人安全措施，彻查凶手。",
              "The ministry said the attack killed two workers and urged stronger security measures for "
              "workers and to investigate the killer.");
  EXPECT_TRUE(Run().empty());
}

// A joined sentence of which the other version renders 2 words in 12,
// where the rest of the bead is rendered whole, is omitted even where the
// lengths do not single it out (without it the Chinese side would be much
// shorter than the English: the remaining sentence is a terse rendering);
// the nearest innocent text, an English sentence that renders 7 of its 12
// words, leaves it quiet.
TEST_F(CheckCoverageTest, AJoinedSentenceFarTooRarelyRenderedNeedsNoLengthEvidence) {
  const std::string joined = "要求加强工人安全措施，彻查凶手，保障工人夜间安全，堵塞漏洞。";
  BuildJoined("外交部表示，袭击造成两名工人死亡。", joined,
              "The ministry said on Sunday that the attack near the airport killed two workers.");
  std::vector<Finding> found = Run();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kOmission);
  EXPECT_EQ(found[0].version, 0u);
  EXPECT_NE(found[0].message.find("2 of its 12 words"), std::string::npos) << found[0].message;
  EXPECT_TRUE(Run(R"({"clause_sure_chance": 1e-7})").empty());  // the lengths alone would not

  BuildJoined("外交部表示，袭击造成两名工人死亡。", joined,
              "The ministry urged stronger security measures after the attack killed two workers.");
  EXPECT_TRUE(Run().empty());
}

// A joined sentence needs the other side rendered in its own for at least
// sentence_other_coverage (not the clause rule's share): here 4 of the
// English sentence's 5 dictionary words (the Chinese has "some" for "two").
TEST_F(CheckCoverageTest, AJoinedSentenceHasItsOwnShareOfTheOtherSideRendered) {
  BuildJoined("外交部表示，袭击造成某些工人死亡。", "要求加强工人安全措施，彻查凶手。");
  ASSERT_EQ(Run().size(), 1u);
  EXPECT_EQ(Run(R"({"clause_other_coverage": 0.9})").size(), 1u);
  EXPECT_TRUE(Run(R"({"sentence_other_coverage": 0.9})").empty());
}

// A joined sentence none of whose words is rendered is both a clause run
// and a hardly rendered sentence: one omission, not two.
TEST_F(CheckCoverageTest, AnUnrenderedJoinedSentenceIsReportedOnce) {
  BuildJoined("外交部表示，袭击造成两名工人死亡。", "同时堵塞漏洞并彻查凶手，要求加强项目安全措施。");
  std::vector<Finding> found = Run();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kOmission);
  EXPECT_EQ(found[0].evidence, "同时堵塞漏洞并彻查凶手， … 要求加强项目安全措施。");
}

// A missing term that the other version renders in words of its own: the
// finding quotes those words and its place marks them, not the sentence.
TEST_F(CheckCoverageTest, AMissingTermQuotesTheFreeRendering) {
  Build("They discussed the China-Pakistan Economic Corridor.", "双方讨论了中国巴基斯坦经济走廊建设。");
  std::vector<Finding> found = Run();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kMissingTerm);
  EXPECT_EQ(found[0].version, 1u);
  EXPECT_EQ(found[0].rendering, "中国巴基斯坦经济走廊");
  EXPECT_NE(found[0].message.find("which renders it '中国巴基斯坦经济走廊'"), std::string::npos) << found[0].message;
  for (const FindingPlace& p : found[0].places) {
    if (p.version != 1) continue;
    ASSERT_EQ(p.spans.size(), 1u);
    EXPECT_EQ(aligned_.versions[1].document.Slice(p.spans[0]), "中国巴基斯坦经济走廊");
  }
  // Without a dictionary, or with one word of four alone, the whole sentence
  // is the evidence and nothing is quoted.
  found = Run("{}", /*with_dictionary=*/false);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].rendering.empty());
  Build("They discussed the China-Pakistan Economic Corridor.", "双方讨论了走廊建设。");
  found = Run();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_TRUE(found[0].rendering.empty());
  EXPECT_EQ(found[0].message.find("which renders it"), std::string::npos);
}

TEST(ClausesTest, FullStopsInsideASentenceAndCommasInNumbersEndNothing) {
  const std::string text = "Pompeo met Ri at the U.N. General Assembly, where 5,000 came.";
  const std::vector<Span> clauses = internal::Clauses(text, {0, text.size()});
  ASSERT_EQ(clauses.size(), 2u);
  EXPECT_EQ(text.substr(clauses[0].begin, clauses[0].size()), "Pompeo met Ri at the U.N. General Assembly,");
  EXPECT_EQ(text.substr(clauses[1].begin, clauses[1].size()), "where 5,000 came.");
}

TEST(ClausesTest, AnAsciiCommaBetweenHanCharactersEndsAClause) {
  const std::string text = "中方启动应急机制,迅速开展处置。";
  const std::vector<Span> clauses = internal::Clauses(text, {0, text.size()});
  ASSERT_EQ(clauses.size(), 2u);
  EXPECT_EQ(text.substr(clauses[1].begin, clauses[1].size()), "迅速开展处置。");
}

// Omissions of the Chinese version (the English one may lack the clause
// that the Chinese merged in, which is another finding).
size_t OmissionsOf(const std::vector<Finding>& findings, size_t version) {
  return static_cast<size_t>(std::count_if(findings.begin(), findings.end(), [&](const Finding& f) {
    return f.type == FindingType::kOmission && f.version == version;
  }));
}
size_t ZhOmissions(const std::vector<Finding>& findings) { return OmissionsOf(findings, 1); }
size_t EnOmissions(const std::vector<Finding>& findings) { return OmissionsOf(findings, 0); }

// A Chinese version with three sentences the English leaves out looks twice
// as long as the English over the whole document, and a joined sentence
// then does not make its bead look long. The bead the dictionary shows
// rendered both ways gives the ratio instead.
TEST_F(CheckCoverageTest, OmittedSentencesDoNotHideAJoinedOne) {
  Build({"The ministry said the attack killed two workers at the airport on Sunday night.",
         "The ministry said the attack killed two workers."},
        {"外交部表示，周日晚上机场的袭击造成两名工人死亡。", "外交部表示，袭击造成两名工人死亡。", "要求加强工人安全措施，彻查凶手。",
         "巴方高度赞赏中方长期以来提供的宝贵支持和无私帮助。", "双方一致同意继续深化各领域务实合作并密切沟通协调。",
         "中方愿同巴方携手应对共同挑战并维护地区和平稳定。"},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 3}}, {{2, 2}, {3, 4}}, {{2, 2}, {4, 5}}, {{2, 2}, {5, 6}}});
  auto joined = [](const std::vector<Finding>& found) {
    return std::count_if(found.begin(), found.end(), [](const Finding& f) {
      return f.type == FindingType::kOmission && f.evidence.find("彻查凶手") != std::string::npos;
    });
  };
  EXPECT_EQ(joined(Run()), 1);
  EXPECT_EQ(ZhOmissions(Run()), 0u);
  EXPECT_EQ(joined(Run(R"({"faithful_max_drift": 100})")), 0);  // the whole document's ratio
  EXPECT_EQ(joined(Run(R"({"faithful_min_share": 0.9})")), 0);   // the faithful bead is 60% of the English
}

// The ratio of the faithful beads is a sample: where it is near the whole
// document's, the document's stays.
TEST_F(CheckCoverageTest, TheDocumentRatioStaysWhereTheFaithfulBeadsAgreeWithIt) {
  BuildJoined("外交部表示，袭击造成两名工人死亡。", "要求加强工人安全措施，彻查凶手。");
  double letters[2] = {0, 0};
  for (size_t v = 0; v < 2; ++v)
    for (size_t s = 0; s < aligned_.versions[v].sentences.size(); ++s) letters[v] += SentenceLetters(v, s);
  const double faithful = SentenceLetters(1, 0) / SentenceLetters(0, 0);  // bead 0, the faithful one
  EXPECT_LT(std::fabs(std::log(faithful / (letters[1] / letters[0]))), std::log(1.5));
  CheckConfig config;
  EXPECT_DOUBLE_EQ(ChineseScale(config), letters[1] / letters[0]);
  config.faithful_max_drift = 1.01;
  EXPECT_NEAR(ChineseScale(config), faithful, 1e-9);
}

// A long document is read through a sample of its beads: its faithful
// beads still give the ratio.
TEST_F(CheckCoverageTest, ALongDocumentSamplesItsFaithfulBeads) {
  std::vector<std::string> english, chinese;
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> beads;
  for (uint32_t k = 0; k < 300; ++k) {
    english.push_back("The ministry said the attack killed two workers.");
    chinese.push_back("外交部表示，袭击造成两名工人死亡。");
    beads.push_back({{k, k + 1}, {2 * k, 2 * k + 1}});
    chinese.push_back("巴方高度赞赏中方长期以来提供的宝贵支持和无私帮助。");
    beads.push_back({{k + 1, k + 1}, {2 * k + 1, 2 * k + 2}});
  }
  Build(english, chinese, beads);
  CheckConfig config;
  EXPECT_NEAR(ChineseScale(config), SentenceLetters(1, 0) / SentenceLetters(0, 0), 1e-9);
  config.faithful_max_drift = 100;  // the whole document's: the Chinese twice as long and more
  EXPECT_NEAR(ChineseScale(config), (SentenceLetters(1, 0) + SentenceLetters(1, 1)) / SentenceLetters(0, 0), 1e-9);
}

// An empty side next to a bead whose lengths say it absorbed the sentence:
// when the neighbour's Chinese renders none of the missing sentence's words
// (and its own words, yes), the length model is wrong and the sentence is
// omitted; when it renders them, the sentence was merged, not lost.
TEST_F(CheckCoverageTest, AnEmptySideIsAMergeOnlyWhenTheNeighbourRendersIt) {
  const std::vector<std::string> en = {"The ministry discussed the construction of the corridor.",
                                       "Heavy rain fell overnight in the capital city.",
                                       "The ministry said the attack killed two workers."};
  const std::vector<std::vector<std::pair<uint32_t, uint32_t>>> beads = {
      {{0, 1}, {0, 1}}, {{1, 2}, {1, 1}}, {{2, 3}, {1, 2}}};
  Build(en, {"外交部讨论了走廊建设。", "外交部表示，夜间首都城市下雨，袭击造成两名工人死亡。"}, beads);
  EXPECT_EQ(ZhOmissions(Run()), 0u);
  Build(en, {"外交部讨论了走廊建设。", "外交部表示，袭击造成两名工人死亡，多名路人受惊被送往附近诊所。"}, beads);
  const std::vector<Finding> found = Run();
  ASSERT_EQ(ZhOmissions(found), 1u);
  for (const Finding& f : found)
    if (f.type == FindingType::kOmission && f.version == 1) EXPECT_EQ(f.bead, 1u);
  // Without the dictionary only the lengths speak: a merge.
  EXPECT_EQ(ZhOmissions(Run("{}", false)), 0u);
  // A stray gloss (城市 for "city") is not a rendering: one word of the
  // sentence's eight against all of the neighbour's own.
  std::vector<std::string> en_city = en;
  en_city[1] = "Rain fell overnight in the capital city; security measures were urged for projects.";
  Build(en_city,
        {"外交部讨论了走廊建设。", "外交部表示，城市袭击造成两名工人死亡，多名路人受惊被送往附近诊所，伤者均无生命危险，警方正在调查。"},
        beads);
  EXPECT_EQ(ZhOmissions(Run()), 1u);
  EXPECT_EQ(ZhOmissions(Run("{}", false)), 0u);
}

// An abridged English sentence: of a long Chinese one, it renders the first
// clause and a word of two others. Alone, the bead's share of rendered words
// (8 of 22) leaves an unrendered clause of four words to chance; in a
// document whose beads of equal length render every word, the share among
// the words the English has at all is that high, and the clause is omitted.
TEST_F(CheckCoverageTest, AnAbridgedSideIsJudgedByTheDocumentsRate) {
  const std::string english = "The ministry urged stronger security measures for projects, citing the attack on workers.";
  const std::string chinese = "外交部要求加强项目安全措施，堵塞漏洞并彻查凶手，夜间首都城市下雨工人，中国巴基斯坦讨论经济走廊建设袭击。";
  Build(english, chinese);
  EXPECT_EQ(EnOmissions(Run()), 0u);
  Build({"The ministry said the attack killed two workers.", english, "Rain fell overnight in the capital city."},
        {"外交部表示，袭击造成两名工人死亡。", chinese, "首都城市夜间下雨。"},
        {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}});
  const std::vector<Finding> found = Run();
  ASSERT_EQ(EnOmissions(found), 1u);
  for (const Finding& f : found)
    if (f.type == FindingType::kOmission) EXPECT_EQ(f.evidence, "堵塞漏洞并彻查凶手，");
}

// An English sentence with an empty Chinese side whose words the Chinese
// sentence two beads before renders, paired there with an English lede
// that it does not render: misplaced by the aligner, not omitted. Further
// than misplaced_max_beads, without a dictionary, or rendered no better
// than the lede, it stays an omission.
TEST_F(CheckCoverageTest, ASentenceRenderedInANearbyBeadIsMisplacedNotOmitted) {
  const std::vector<std::string> en = {"China and Pakistan discussed the construction of the economic corridor.",
                                       "Heavy rain fell overnight in the capital city.",
                                       "The ministry said the attack killed two workers.",
                                       "Officials urged stronger security measures for projects."};
  const std::vector<std::vector<std::pair<uint32_t, uint32_t>>> beads = {
      {{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 2}}, {{3, 4}, {2, 3}}};
  Build(en, {"外交部表示，袭击造成两名工人死亡。", "夜间首都城市下雨。", "要求加强项目安全措施。"}, beads);
  EXPECT_EQ(ZhOmissions(Run()), 0u);
  EXPECT_EQ(ZhOmissions(Run(R"({"misplaced_max_beads": 1})")), 1u);
  EXPECT_EQ(ZhOmissions(Run("{}", false)), 1u);
  // The Chinese sentence renders the lede as well: it is the lede's.
  Build(en, {"中国巴基斯坦讨论经济走廊建设，外交部表示，袭击造成两名工人死亡。", "夜间首都城市下雨。", "要求加强项目安全措施。"},
        beads);
  EXPECT_EQ(ZhOmissions(Run()), 1u);
  EXPECT_EQ(ZhOmissions(Run(R"({"misplaced_margin": 0})")), 0u);
}

// The empty side's neighbour renders the words that the missing sentence
// repeats from its own (the ministry, the attack): they show nothing. The
// sentence's own words (rain, overnight, the capital city) are not
// rendered there: omitted, not merged.
TEST_F(CheckCoverageTest, WordsRepeatedFromTheNeighbourDoNotMakeAMerge) {
  const std::vector<std::vector<std::pair<uint32_t, uint32_t>>> beads = {
      {{0, 1}, {0, 1}}, {{1, 2}, {1, 1}}, {{2, 3}, {1, 2}}};
  const std::vector<std::string> zh = {
      "外交部讨论了走廊建设。", "外交部表示，袭击造成两名工人死亡，多名路人受惊被送往附近诊所。"};
  auto build = [&](const std::string& second) {
    Build({"The ministry discussed the construction of the corridor.", second,
           "The ministry said the attack killed two workers."},
          zh, beads);
  };
  build("Attack: ministry, rain overnight, capital city.");
  const std::vector<Finding> found = Run();
  ASSERT_EQ(ZhOmissions(found), 1u);
  for (const Finding& f : found)
    if (f.type == FindingType::kOmission && f.version == 1) EXPECT_EQ(f.bead, 1u);
  // A sentence that says little of its own beside the neighbour's words
  // was merged there.
  build("The attack frightened passers-by, the ministry said.");
  EXPECT_EQ(ZhOmissions(Run()), 0u);
}

// One official term missing: rendered freely when the rest of its clause is
// rendered (a missing-term finding), left out with its clause when none of
// the clause's words is (an omission quoting the clause).
TEST_F(CheckCoverageTest, AMissingTermWhoseClauseIsUnrenderedIsAnOmission) {
  const std::string english =
      "The two sides discussed the China-Pakistan Economic Corridor construction, and the ministry urged stronger "
      "security measures.";
  Build(english, "双方讨论了中巴走廊建设，外交部要求加强安全措施。");
  std::vector<Finding> found = Run();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kMissingTerm);
  Build(english, "外交部要求加强安全措施。");
  found = Run();
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kOmission);
  EXPECT_EQ(found[0].version, 1u);
  EXPECT_EQ(found[0].evidence, "The two sides discussed the China-Pakistan Economic Corridor construction,");
  EXPECT_NE(found[0].message.find("neither its official term (cpec)"), std::string::npos) << found[0].message;
  // Without the dictionaries nothing shows the clause unrendered.
  found = Run("{}", false);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].type, FindingType::kMissingTerm);
}

// A bead whose sides hardly render each other (an agency's lede beside a
// statement's opening) is no place to demand a term: the other version may
// say it anywhere. Where the rest of the bead is rendered, the term is missing.
TEST_F(CheckCoverageTest, NoMissingTermWhereTheSidesSayDifferentThings) {
  const std::string english =
      "The ministry discussed the China-Pakistan Economic Corridor, urged stronger security measures, and said an "
      "attack killed workers.";
  // 外交部 alone renders an English word (1 of 13), ministry alone a Chinese one (1 of 6).
  Build(english, "首都城市夜间下雨，外交部表示继续建设。");
  EXPECT_TRUE(Run().empty());
  ExpectOnly(Run(R"({"missing_term_min_rendered": 0})"), FindingType::kMissingTerm, 1);
  // Without the dictionaries nothing shows the sides unrelated.
  ExpectOnly(Run("{}", false), FindingType::kMissingTerm, 1);
  // The same sentence against a Chinese one that renders the rest of it.
  Build(english, "外交部讨论了经济建设，要求加强安全措施，并表示袭击造成工人死亡。");
  ExpectOnly(Run(), FindingType::kMissingTerm, 1);
}

// A glossary over one dictionary of |entries| (TSV) from |source| into English.
internal::Glossary GlossaryOf(const std::string& entries, Language source) {
  const std::string path = ::testing::TempDir() + "/glossary-test-" + std::to_string(::getpid()) + ".tsv";
  std::ofstream(path) << entries;
  auto dictionary = Dictionary::Load(path, source, Language::kEnglish);
  std::filesystem::remove(path);
  EXPECT_TRUE(dictionary.ok()) << dictionary.status().message();
  return internal::Glossary(dictionary.ok() ? std::vector<std::shared_ptr<const Dictionary>>{*dictionary}
                                            : std::vector<std::shared_ptr<const Dictionary>>{},
                            Language::kEnglish);
}

// The binomial tail the sentence rule judges by, against a slow reference
// (each term from lgamma), and on a sentence of thousands of words, where
// summing plain products would underflow to 0 and call a well rendered
// sentence an omission.
TEST(BinomialLowerTailTest, MatchesTheDirectSumAndSurvivesLongSentences) {
  auto reference = [](size_t n, size_t k, double p) {
    double sum = 0;
    for (size_t i = 0; i <= k; ++i) {
      const double log_choose = std::lgamma(double(n) + 1) - std::lgamma(double(i) + 1) - std::lgamma(double(n - i) + 1);
      sum += std::exp(log_choose + double(i) * std::log(p) + double(n - i) * std::log1p(-p));
    }
    return std::min(sum, 1.0);
  };
  for (size_t n : {1, 4, 7, 12, 40})
    for (size_t k = 0; k <= n; ++k)
      for (double p : {0.05, 0.3, 0.5, 0.75, 0.95})
        EXPECT_NEAR(internal::BinomialLowerTail(n, k, p), reference(n, k, p), 1e-9) << n << " " << k << " " << p;
  EXPECT_NEAR(internal::BinomialLowerTail(12, 2, 0.8333), reference(12, 2, 0.8333), 1e-12);
  EXPECT_DOUBLE_EQ(internal::BinomialLowerTail(5, 0, 0), 1.0);
  EXPECT_DOUBLE_EQ(internal::BinomialLowerTail(5, 4, 1), 0.0);
  EXPECT_DOUBLE_EQ(internal::BinomialLowerTail(5, 5, 1), 1.0);
  // 3,000 of 5,000 words rendered at a rate of 0.6 is the mean: about half.
  EXPECT_NEAR(internal::BinomialLowerTail(5000, 3000, 0.6), 0.5, 0.02);
  EXPECT_LT(internal::BinomialLowerTail(5000, 2500, 0.6), 1e-40);  // 14 deviations below
}

TEST(GlossaryTest, NumberWordsMeanTheirNumberAndFunctionWordsAreNoUnits) {
  const internal::Glossary glossary = GlossaryOf("工人\tworkers\n", Language::kChinese);
  EXPECT_TRUE(glossary.Compares(Language::kEnglish, Language::kChinese));
  EXPECT_FALSE(glossary.Compares(Language::kUrdu, Language::kChinese));
  // "the", "of" are function words, "two" a number, "workers" a word the
  // dictionary translates into; "Belfast" is not in its vocabulary.
  const auto units = glossary.Units("the two workers of Belfast", Language::kEnglish, Language::kChinese);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_EQ(units[0], std::vector<std::string>{"#2"});
  const auto meanings = glossary.Meanings("两名工人", Language::kChinese);
  EXPECT_TRUE(meanings.count(units[1][0]));
  EXPECT_TRUE(meanings.count("#2"));
}

// Ordinals are numbers: "the third round", "the 3rd round" and تیسرا دور
// say the same; "the fourth round" is another.
TEST(GlossaryTest, OrdinalWordsMeanTheirNumber) {
  const internal::Glossary glossary = GlossaryOf("دور\tround\n", Language::kUrdu);
  const auto urdu = glossary.Meanings("تیسرا دور", Language::kUrdu);
  for (const char* english : {"the third round", "the 3rd round"}) {
    const auto units = glossary.Units(english, Language::kEnglish, Language::kUrdu);
    ASSERT_EQ(units.size(), 2u) << english;
    EXPECT_EQ(units[0], std::vector<std::string>{"#3"}) << english;
    EXPECT_TRUE(internal::UnitRendered(units[0], urdu)) << english;
  }
  const auto fourth = glossary.Units("the fourth round", Language::kEnglish, Language::kUrdu);
  ASSERT_EQ(fourth.size(), 2u);
  EXPECT_FALSE(internal::UnitRendered(fourth[0], urdu));
}

// Urdu writes English loanwords as they sound (پارٹنرشپ for "partnership",
// کوریڈور for "corridor"): their consonant skeletons render
// the English words, as the aligner reads names. A short lowercase word has
// no skeleton (too many collide), and Chinese has none at all.
TEST(GlossaryTest, UrduLoanwordsRenderTheirEnglishWordsBySkeleton) {
  const internal::Glossary glossary =
      GlossaryOf("راہداری\tcorridor\nشراکت\tpartnership\nمنصوبہ\tplan\n", Language::kUrdu);
  const auto units = glossary.Units("corridor partnership plan", Language::kEnglish, Language::kUrdu);
  ASSERT_EQ(units.size(), 3u);
  const auto loans = glossary.Meanings("کوریڈور پارٹنرشپ پلان", Language::kUrdu);
  EXPECT_TRUE(internal::UnitRendered(units[0], loans));
  EXPECT_TRUE(internal::UnitRendered(units[1], loans));
  EXPECT_FALSE(internal::UnitRendered(units[2], loans));
  // Unrelated Urdu words render nothing.
  const auto other = glossary.Meanings("حکومت نے اجلاس بلایا", Language::kUrdu);
  EXPECT_FALSE(internal::UnitRendered(units[0], other));
  EXPECT_FALSE(internal::UnitRendered(units[1], other));
  for (const std::string& m : glossary.Meanings("战略伙伴关系", Language::kChinese)) EXPECT_NE(m[0], '~');
}

// Versions whose paragraphs correspond one to one, each a sentence, but for
// a bead that holds two English paragraphs against one Chinese: the English
// paragraph that the Chinese renders less than chance allows has no
// counterpart, though the lengths alone (within clause_length_gap) and the
// share rendered (above sentence_max_rendered) would not say so.
class ParagraphCoverageTest : public CheckCoverageTest {
 protected:
  void BuildParagraphs(const std::string& extra) {
    Build({"The ministry said the attack killed two workers.", "The ministry urged stronger security measures.",
           "It discussed the economic corridor with Pakistan.", extra,
           "The ministry urged: investigate the killer, plug the loophole, stronger security measures for project workers, "
           "and the construction of the economic corridor with Pakistan, and it discussed the security of the economic projects."},
          {"外交部表示，袭击造成两名工人死亡。", "外交部要求加强安全措施。", "外交部与巴基斯坦讨论了经济走廊。",
           "外交部强烈要求彻查凶手，尽快堵塞漏洞，并切实加强项目工人的安全措施，推进与巴基斯坦的经济走廊建设，还讨论了经济项目的安全问题。"},
          {{{0, 1}, {0, 1}}, {{1, 2}, {1, 2}}, {{2, 3}, {2, 3}}, {{3, 5}, {3, 4}}});
  }
};

TEST_F(ParagraphCoverageTest, AParagraphTooManyThatIsRarelyRenderedIsAnOmission) {
  BuildParagraphs("The ministry told workers of the attack amid rain in the capital city.");
  std::vector<Finding> found = Run();
  ExpectOnly(found, FindingType::kOmission, 1);
  EXPECT_EQ(found[0].evidence, "The ministry told workers of the attack amid rain in the capital city.");
  // Not by the lengths or the share of a whole sentence: without paragraphs
  // as evidence, nothing.
  EXPECT_TRUE(Run(R"({"paragraph_min_agreeing": 0})").empty());
  EXPECT_TRUE(Run(R"({"paragraph_max_chance": 0.001})").empty());
}

TEST_F(ParagraphCoverageTest, ParagraphsSayNothingWhereTheVersionsAreParagraphedDifferently) {
  const std::string extra = "The ministry told workers of the attack amid rain in the capital city.";
  // Presegmented lines are no paragraphs.
  BuildParagraphs(extra);
  aligned_.settings.presegmented = true;
  EXPECT_TRUE(Run().empty());
  // The first two English sentences one paragraph, against two Chinese ones.
  BuildParagraphs(extra);
  aligned_.versions[0].sentences[1].paragraph = aligned_.versions[0].sentences[0].paragraph;
  EXPECT_TRUE(Run().empty());
  // Too few paragraphs agreeing to tell.
  BuildParagraphs(extra);
  EXPECT_TRUE(Run(R"({"paragraph_min_agreeing": 4})").empty());
}

// The nearest innocent text: the same paragraphs, the two English ones of
// the bead both rendered (the translator joined them).
TEST_F(ParagraphCoverageTest, TwoParagraphsJoinedAndRenderedAreNoOmission) {
  BuildParagraphs("The ministry told the workers to investigate the killer and plug the loophole.");
  EXPECT_TRUE(Run().empty());
}

}  // namespace
}  // namespace align
