// The writers of findings (text, JSON, TSV, HTML) and the UI translations,
// on three short versions of an invented statement (tests/data/report/).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <sys/wait.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "align/i18n.h"
#include "align/match.h"
#include "align/pipeline.h"
#include "align/report.h"
#include "report_findings_internal.h"
#include "report_html_internal.h"
#include "sha256.h"

namespace align {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kData = std::string(TALIGN_SOURCE_DIR) + "/tests/data/report/";

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + needle.size())) ++n;
  return n;
}

// The byte span of the first occurrence of |text| in version |v|.
Span Find(const AlignResult& r, size_t v, std::string_view text) {
  const size_t at = r.versions[v].document.bytes().find(text);
  EXPECT_NE(at, std::string_view::npos) << text;
  return {at, at + text.size()};
}

class ReportFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    AlignJob job;
    job.inputs = {kData + "statement.en.txt", kData + "statement.zh.txt", kData + "statement.ur.txt"};
    job.language_tags = {"en", "zh", "ur"};
    SessionConfig resources;
    resources.default_lexicon = false;
    auto session = Session::Create(resources);
    ASSERT_TRUE(session.ok()) << session.status().message();
    auto prepared = PrepareAlign(job, **session);
    ASSERT_TRUE(prepared.ok()) << prepared.status().message();
    aligned_ = std::move(*prepared);
    ASSERT_EQ(aligned_.versions[0].sentences.size(), 5u);
    ASSERT_EQ(aligned_.versions[1].sentences.size(), 5u);
    ASSERT_EQ(aligned_.versions[2].sentences.size(), 4u);
    // The alignment is given, not computed: these tests are about the writers.
    const double scores[] = {0.93, 0.88, 0.41, 0.9, 0.2};
    for (uint32_t b = 0; b < 5; ++b) {
      Bead bead;
      bead.sides = {{b, b + 1}, {b, b + 1}, b < 4 ? SentenceRange{b, b + 1} : SentenceRange{4, 4}};
      bead.score = scores[b];
      aligned_.alignment.beads.push_back(bead);
    }

    auto lexicon = Lexicon::Load(kData + "terms.tsv");
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
    lexicon_ = std::make_shared<const Lexicon>(std::move(*lexicon));
    auto matcher = TermMatcher::Create(lexicon_);
    ASSERT_TRUE(matcher.ok()) << matcher.status().message();
    for (const AlignInput& v : aligned_.versions) {
      hits_.push_back((*matcher)->Match(v.document, v.language, v.sentences));
    }

    const uint32_t bri = *lexicon_->FindConcept("belt-and-road");
    Finding deprecated;
    deprecated.type = FindingType::kDeprecatedTerm;
    deprecated.severity = Severity::kError;
    deprecated.concept_index = bri;
    deprecated.version = 2;
    deprecated.bead = 1;
    deprecated.places = {{2, {1}, {Find(aligned_, 2, "ون بیلٹ ون روڈ")}},
                         {0, {1}, {Find(aligned_, 0, "Belt and Road Initiative")}}};
    deprecated.evidence = "ون بیلٹ ون روڈ";
    deprecated.expected = {"بیلٹ اینڈ روڈ انیشی ایٹو"};
    deprecated.message = "deprecated rendering of belt-and-road";

    Finding number;
    number.type = FindingType::kNumberMismatch;
    number.severity = Severity::kWarning;
    number.version = 1;
    number.bead = 2;
    number.places = {{0, {2}, {Find(aligned_, 0, "15")}}, {1, {2}, {Find(aligned_, 1, "13")}}};
    number.evidence = "13";
    number.expected = {"15"};
    number.message = "number 13 where the other versions have 15";

    Finding omission;
    omission.type = FindingType::kOmission;
    omission.severity = Severity::kWarning;
    omission.version = 2;
    omission.bead = 4;
    omission.places = {{0, {4}, {aligned_.versions[0].sentences[4].span}},
                       {1, {4}, {aligned_.versions[1].sentences[4].span}}};
    omission.message = "the ur version has no counterpart of this sentence";

    // A span that crosses a term hit ("Minister Wang" against "Foreign
    // Minister"), to prove the markup stays nested.
    Finding crossing;
    crossing.type = FindingType::kInconsistentTerm;
    crossing.severity = Severity::kInfo;
    crossing.concept_index = *lexicon_->FindConcept("foreign-minister");
    crossing.version = 0;
    crossing.bead = 0;
    crossing.places = {{0, {0}, {Find(aligned_, 0, "Minister Wang")}}};
    crossing.evidence = "Minister Wang";
    crossing.message = "a made-up span that crosses a term";

    findings_ = {deprecated, number, omission, crossing};
    report_ = {&aligned_, &hits_, lexicon_.get(), &findings_};
  }

  std::string Write(FindingsFormat format, const ReportOptions& options = {}) {
    std::ostringstream out;
    Status s = WriteFindings(report_, format, options, out);
    EXPECT_TRUE(s.ok()) << s.message();
    return out.str();
  }

  AlignResult aligned_;
  std::shared_ptr<const Lexicon> lexicon_;
  std::vector<std::vector<TermHit>> hits_;
  std::vector<Finding> findings_;
  FindingsReport report_;
};

TEST_F(ReportFixture, HtmlEscapesDocumentText) {
  const std::string html = Write(FindingsFormat::kHtml);
  EXPECT_THAT(html, HasSubstr("&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot; &amp; other markup"));
  EXPECT_THAT(html, Not(HasSubstr("alert(1)</script>")));
  EXPECT_EQ(Count(html, "<script"), 1u) << "only the page's own script";
  EXPECT_EQ(Count(html, "<span"), Count(html, "</span>"));
}

TEST_F(ReportFixture, HtmlIsSelfContained) {
  const std::string html = Write(FindingsFormat::kHtml);
  EXPECT_THAT(html, Not(HasSubstr("http://")));
  EXPECT_THAT(html, Not(HasSubstr("https://")));
  EXPECT_THAT(html, Not(HasSubstr("<link")));
  EXPECT_THAT(html, Not(HasSubstr("src=")));
  EXPECT_THAT(html, HasSubstr("script-src 'sha256-" + internal::Sha256Base64(html_internal::Script()) + "'"));
}

TEST_F(ReportFixture, HtmlHasDirectionAndLanguageOfEveryVersion) {
  const std::string html = Write(FindingsFormat::kHtml);
  EXPECT_THAT(html, HasSubstr("<html lang=\"en\" dir=\"ltr\">"));
  // data-label: the name a phone's stacked layout shows above each cell.
  EXPECT_EQ(Count(html, "<td class=\"v\" lang=\"ur\" dir=\"rtl\" data-label=\"Urdu\">"), 4u);
  EXPECT_EQ(Count(html, "<td class=\"v empty\" lang=\"ur\" dir=\"rtl\" data-label=\"Urdu\">"), 1u);
  EXPECT_EQ(Count(html, "<td class=\"v\" lang=\"zh\" dir=\"ltr\" data-label=\"Chinese\">"), 5u);
  EXPECT_EQ(Count(html, "<td class=\"v\" lang=\"en\" dir=\"ltr\" data-label=\"English\">"), 5u);
  EXPECT_EQ(Count(html, "<tr class=\"bead"), 5u) << "one row per bead";
  EXPECT_EQ(Count(html, "<tr class=\"bead low"), 2u) << "scores 0.41 and 0.2";
}

TEST_F(ReportFixture, HtmlMarksEveryFindingOnceAndHighlightsTerms) {
  const std::string html = Write(FindingsFormat::kHtml);
  for (size_t i = 0; i < findings_.size(); ++i) {
    EXPECT_EQ(Count(html, "id=\"f-" + std::to_string(i) + "\""), 1u) << i;
    EXPECT_EQ(Count(html, "id=\"note-" + std::to_string(i) + "\""), 1u) << i;
    EXPECT_EQ(Count(html, "aria-describedby=\"note-" + std::to_string(i) + "\""), 1u) << i;
  }
  EXPECT_EQ(Count(html, "class=\"fm anchor"), findings_.size());
  // The omission has no text of its own: its mark is a badge in the empty cell.
  EXPECT_THAT(html, HasSubstr("class=\"fm anchor badge sev-warning\" id=\"f-2\""));
  EXPECT_THAT(html, HasSubstr("data-concept=\"belt-and-road\" data-status=\"deprecated\""));
  EXPECT_THAT(html, HasSubstr("data-concept=\"cpec\" data-status=\"preferred\""));
  EXPECT_THAT(html, HasSubstr("data-concept=\"belt-and-road\" data-status=\"preferred\""));
}

// Every element of a finding names the language at fault, for the language
// filter; the toolbar has one box per version.
TEST_F(ReportFixture, HtmlFindingsCarryTheLanguageAtFault) {
  const std::string html = Write(FindingsFormat::kHtml);
  EXPECT_EQ(Count(html, "data-f=\""), Count(html, "data-lang=\""));
  EXPECT_THAT(html, HasSubstr("id=\"note-0\" data-f=\"0\" data-type=\"deprecated-term\" data-sev=\"error\" data-lang=\"ur\""));
  EXPECT_THAT(html, HasSubstr("id=\"f-2\" tabindex=\"0\" aria-describedby=\"note-2\" data-f=\"2\" "
                              "data-type=\"omission\" data-sev=\"warning\" data-lang=\"ur\""));
  EXPECT_THAT(html, HasSubstr("data-f=\"1\" data-type=\"number-mismatch\" data-sev=\"warning\" data-lang=\"zh\""));
  for (const std::string lang : {"en", "zh", "ur"}) {
    EXPECT_EQ(Count(html, "data-filter=\"lang\" value=\"" + lang + "\" checked>"), 1u) << lang;
  }
  EXPECT_THAT(html, HasSubstr("value=\"ur\" checked> Urdu (2)</label>"));
}

// The type and severity cards of the summary are buttons that filter.
TEST_F(ReportFixture, HtmlSummaryCardsAreButtons) {
  const std::string html = Write(FindingsFormat::kHtml);
  EXPECT_EQ(Count(html, "<button type=\"button\" class=\"card\" data-card=\"type\""), FindingTypes().size());
  EXPECT_EQ(Count(html, "<button type=\"button\" class=\"card\" data-card=\"severity\""), 3u);
  EXPECT_THAT(html, HasSubstr("data-card=\"severity\" data-value=\"warning\" aria-pressed=\"false\"><span class=\"n\">2</span>"));
}

// Concepts are named by their preferred term in the UI language (the id in
// a title and data-concept); in "expected" the preferred rendering is marked.
TEST_F(ReportFixture, HtmlNamesConceptsByTheirPreferredTerm) {
  const std::string html = Write(FindingsFormat::kHtml);
  EXPECT_THAT(html, HasSubstr("concept <bdi class=\"concept\" lang=\"en\" dir=\"ltr\" data-concept=\"belt-and-road\" "
                              "title=\"belt-and-road\">Belt and Road Initiative</bdi>"));
  EXPECT_THAT(html, Not(HasSubstr("<code><bdi dir=\"ltr\">belt-and-road</bdi></code>")));
  EXPECT_THAT(html, HasSubstr("data-concept=\"belt-and-road\" data-status=\"deprecated\" "
                              "title=\"Belt and Road Initiative \u00B7 deprecated term\""));
  EXPECT_THAT(html, HasSubstr("<bdi lang=\"ur\" dir=\"rtl\" class=\"pref\" title=\"preferred term\">"
                              "بیلٹ اینڈ روڈ انیشی ایٹو</bdi>"));
  auto zh = Translator::Create("zh");
  ASSERT_TRUE(zh.ok()) << zh.status().message();
  ReportOptions options;
  options.translator = &*zh;
  const std::string in_chinese = Write(FindingsFormat::kHtml, options);
  EXPECT_THAT(in_chinese, HasSubstr("<bdi class=\"concept\" lang=\"zh\" dir=\"ltr\" data-concept=\"belt-and-road\" "
                                    "title=\"belt-and-road\">一带一路倡议</bdi>"));
}

// Mixed directions: each piece is isolated in its own direction. A number
// quoted from an English version stays left to right in the notes of an
// Urdu one ("3.5 percent", not "percent 3.5"); sentence numbers are <bdi>s.
TEST_F(ReportFixture, HtmlIsolatesEveryPieceInItsOwnDirection) {
  Finding number;
  number.type = FindingType::kNumberMismatch;
  number.severity = Severity::kWarning;
  number.version = 2;
  number.bead = 2;
  number.places = {{2, {2}, {Find(aligned_, 2, "15")}}};
  number.evidence = "15";
  number.expected = {"3.5 percent", "۳٫۵"};
  number.message = "a made-up number mismatch";
  findings_.push_back(number);
  const std::string html = Write(FindingsFormat::kHtml);
  EXPECT_THAT(html, HasSubstr("expected: <bdi lang=\"en\" dir=\"ltr\">3.5 percent</bdi> | <bdi dir=\"ltr\">۳٫۵</bdi>"));
  EXPECT_THAT(html, HasSubstr("expected: <bdi dir=\"ltr\">15</bdi>"));
  EXPECT_EQ(Count(html, "<bdi class=\"si\" dir=\"ltr\" aria-hidden=\"true\">"), 14u) << "one per sentence";
  EXPECT_THAT(html, HasSubstr("<span lang=\"en\" dir=\"ltr\">no sentence</span>"));
}

TEST_F(ReportFixture, HtmlSplitsCrossingSpansIntoNestedMarkup) {
  const std::string html = Write(FindingsFormat::kHtml);
  // "Foreign Minister" (term) and "Minister Wang" (finding) overlap on "Minister".
  std::smatch m;
  const std::regex row("<p class=\"s\" data-s=\"0\">.*?</p>");
  ASSERT_TRUE(std::regex_search(html, m, row));
  const std::string p = m.str();
  EXPECT_THAT(p, HasSubstr("<span class=\"t st-preferred\" data-concept=\"foreign-minister\""));
  EXPECT_THAT(p, HasSubstr("id=\"f-3\""));
  // Well nested: every prefix has at least as many opened as closed spans.
  int depth = 0;
  for (size_t at = 0; at < p.size(); ++at) {
    if (p.compare(at, 5, "<span") == 0) ++depth;
    if (p.compare(at, 7, "</span>") == 0) --depth;
    ASSERT_GE(depth, 0);
  }
  EXPECT_EQ(depth, 0);
}

TEST_F(ReportFixture, HtmlInTheUrduUiIsRightToLeft) {
  auto ui = Translator::Create("ur");
  ASSERT_TRUE(ui.ok()) << ui.status().message();
  ReportOptions options;
  options.translator = &*ui;
  const std::string html = Write(FindingsFormat::kHtml, options);
  EXPECT_THAT(html, HasSubstr("<html lang=\"ur\" dir=\"rtl\">"));
  EXPECT_THAT(html, HasSubstr(ui->Translate("Summary")));
  EXPECT_THAT(html, HasSubstr("خلاصہ"));
}

// A missing term with a free rendering: JSON gives "rendering" after the
// fields of every finding, HTML shows those words as what was found.
TEST_F(ReportFixture, AFreeRenderingIsGivenInJsonAndShownInHtml) {
  Finding missing;
  missing.type = FindingType::kMissingTerm;
  missing.severity = Severity::kWarning;
  missing.concept_index = *lexicon_->FindConcept("belt-and-road");
  missing.version = 2;
  missing.bead = 1;
  missing.places = {{2, {1}, {Find(aligned_, 2, "ون بیلٹ ون روڈ")}},
                    {0, {1}, {Find(aligned_, 0, "Belt and Road Initiative")}}};
  missing.evidence = aligned_.versions[2].document.Slice(aligned_.versions[2].sentences[1].span);
  missing.rendering = "ون بیلٹ ون روڈ";
  missing.message = "rendered freely";
  findings_ = {missing};
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(Write(FindingsFormat::kJson));
  EXPECT_EQ(j["findings"][0]["rendering"], "ون بیلٹ ون روڈ");
  EXPECT_EQ(std::prev(std::prev(j["findings"][0].end())).key(), "rendering");
  const std::string html = Write(FindingsFormat::kHtml);
  EXPECT_THAT(html, HasSubstr("found: <bdi lang=\"ur\" dir=\"rtl\">ون بیلٹ ون روڈ</bdi>"));
  EXPECT_THAT(html, ::testing::Not(HasSubstr(">" + missing.evidence + "</bdi></span>")));
}

TEST_F(ReportFixture, JsonHasTheFieldsOfTheBrief) {
  const std::string text = Write(FindingsFormat::kJson);
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(text);
  std::vector<std::string> top;
  for (auto it = j.begin(); it != j.end(); ++it) top.push_back(it.key());
  EXPECT_EQ(top, (std::vector<std::string>{"inputs", "findings", "summary"}));
  ASSERT_EQ(j["inputs"].size(), 3u);
  EXPECT_EQ(j["inputs"][2]["lang"], "ur");
  EXPECT_EQ(j["inputs"][2]["sentences"], 4);
  ASSERT_EQ(j["findings"].size(), findings_.size());
  const std::vector<std::string> fields = {"type", "severity", "concept", "lang", "bead", "sentences", "spans",
                                           "line", "column", "evidence", "expected", "message", "fingerprint"};
  for (const auto& f : j["findings"]) {
    std::vector<std::string> keys;
    for (auto it = f.begin(); it != f.end(); ++it) keys.push_back(it.key());
    EXPECT_EQ(keys, fields);
  }
  const auto& dep = j["findings"][0];
  EXPECT_EQ(dep["type"], "deprecated-term");
  EXPECT_EQ(dep["severity"], "error");
  EXPECT_EQ(dep["concept"], "belt-and-road");
  EXPECT_EQ(dep["lang"], "ur");
  EXPECT_EQ(dep["bead"], 1);
  EXPECT_EQ(dep["sentences"]["ur"], nlohmann::ordered_json::array({1}));
  const Span s = Find(aligned_, 2, "ون بیلٹ ون روڈ");
  EXPECT_EQ(dep["spans"]["ur"][0], nlohmann::ordered_json::array({s.begin, s.end}));
  EXPECT_EQ(dep["expected"][0], "بیلٹ اینڈ روڈ انیشی ایٹو");
  // Line and column (characters) of the span's start, from 1, per version.
  const std::string_view ur = aligned_.versions[2].document.bytes();
  const size_t line_start = ur.rfind('\n', s.begin) == std::string_view::npos ? 0 : ur.rfind('\n', s.begin) + 1;
  const std::string_view before_bytes = ur.substr(line_start, s.begin - line_start);
  const size_t before = static_cast<size_t>(std::count_if(before_bytes.begin(), before_bytes.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;  // one lead byte per character
  }));
  EXPECT_EQ(dep["line"]["ur"], 1 + std::count(ur.begin(), ur.begin() + static_cast<long>(s.begin), '\n'));
  EXPECT_EQ(dep["column"]["ur"], before + 1);
  EXPECT_TRUE(dep["line"].contains("en"));
  // The version that lacks an omitted sentence has no line.
  EXPECT_FALSE(j["findings"][2]["line"].contains("ur"));
  EXPECT_TRUE(j["findings"][2]["line"].contains("en"));
  EXPECT_TRUE(j["findings"][1]["concept"].is_null());
  // The omission lists the version at fault, with no sentences.
  EXPECT_EQ(j["findings"][2]["sentences"]["ur"], nlohmann::ordered_json::array());
  EXPECT_EQ(j["findings"][2]["sentences"]["en"], nlohmann::ordered_json::array({4}));
  EXPECT_EQ(j["summary"]["findings"], 4);
  EXPECT_EQ(j["summary"]["beads"], 5);
  EXPECT_EQ(j["summary"]["beads_with_findings"], 4);
  EXPECT_EQ(j["summary"]["by_type"]["omission"], 1);
  EXPECT_EQ(j["summary"]["by_type"]["addition"], 0);
  EXPECT_EQ(j["summary"]["by_severity"]["warning"], 2);
  // Inputs, "findings": [, one line per finding, ], summary.
  EXPECT_EQ(Count(text, "\n"), 4 + findings_.size()) << "one finding per line";
}

// The types, their names and their labels come from the checker's registry
// (check.h, FindingTypes()): every type in the HTML summary and filters,
// with its label in the UI language; the text summary's counts under the
// same labels; the JSON by_type under the names, in registry order.
TEST_F(ReportFixture, ReportsShowTheLabelsOfTheTypeRegistry) {
  std::map<FindingType, size_t> count;
  for (const Finding& f : findings_) ++count[f.type];
  for (const std::string& language : UiLanguages()) {
    auto ui = Translator::Create(language);
    ASSERT_TRUE(ui.ok()) << ui.status().message();
    ReportOptions options;
    options.translator = &*ui;
    const std::string html = Write(FindingsFormat::kHtml, options);
    const std::string text = Write(FindingsFormat::kText, options);
    for (const FindingTypeInfo& row : FindingTypes()) {
      const std::string label = ui->Translate(row.label);
      const std::string name(row.name);
      const std::string n = std::to_string(count[row.type]);
      EXPECT_THAT(html, HasSubstr("data-type=\"" + name + "\" data-count=\"" + n +
                                  "\"><button type=\"button\" class=\"card\" data-card=\"type\" data-value=\"" + name +
                                  "\" aria-pressed=\"false\"><span class=\"n\">" + n + "</span><span class=\"l\">" +
                                  html_internal::Escape(label) + "</span></button>"))
          << language << ": " << name;
      EXPECT_THAT(html, HasSubstr("value=\"" + name + "\" checked> " + html_internal::Escape(label) + " (" + n + ")"))
          << language << ": " << name;
      if (count[row.type] > 0) {
        EXPECT_THAT(text, HasSubstr("  " + label + ": " + n + "\n")) << language << ": " << name;
      } else {
        EXPECT_THAT(text, Not(HasSubstr("  " + label + ": "))) << language << ": " << name;
      }
    }
  }
  const nlohmann::ordered_json j = nlohmann::ordered_json::parse(Write(FindingsFormat::kJson));
  std::vector<std::string> names, expected;
  for (auto it = j["summary"]["by_type"].begin(); it != j["summary"]["by_type"].end(); ++it) names.push_back(it.key());
  for (const FindingTypeInfo& row : FindingTypes()) expected.emplace_back(row.name);
  EXPECT_EQ(names, expected);
}

TEST_F(ReportFixture, AFindingOfNoTypeIsRefused) {
  findings_[1].type = static_cast<FindingType>(FindingTypes().size());
  std::ostringstream out;
  for (FindingsFormat f : {FindingsFormat::kText, FindingsFormat::kJson, FindingsFormat::kTsv, FindingsFormat::kCsv,
                           FindingsFormat::kHtml}) {
    Status s = WriteFindings(report_, f, {}, out);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << FindingsFormatName(f);
    EXPECT_THAT(s.message(), HasSubstr("finding 1 (unknown): not a finding type"));
  }
}

TEST_F(ReportFixture, EveryFormatIsDeterministic) {
  for (FindingsFormat f : {FindingsFormat::kText, FindingsFormat::kJson, FindingsFormat::kTsv, FindingsFormat::kCsv,
                           FindingsFormat::kHtml}) {
    EXPECT_EQ(Write(f), Write(f)) << FindingsFormatName(f);
  }
}

TEST_F(ReportFixture, TsvHasAHeaderAndOneRowPerFinding) {
  const std::string tsv = Write(FindingsFormat::kTsv);
  std::istringstream in(tsv);
  std::string line;
  std::vector<std::string> lines;
  while (std::getline(in, line)) lines.push_back(line);
  ASSERT_EQ(lines.size(), 1 + findings_.size());
  EXPECT_EQ(lines[0].rfind("bead\ttype\tseverity\tconcept\tlang\tsentences\tspans\tlines\tevidence\texpected\tmessage\t"
                           "fingerprint\ttext_en",
                           0),
            0u);
  for (const std::string& l : lines) EXPECT_EQ(Count(l, "\t"), 14u) << l;
  EXPECT_THAT(lines[1], ::testing::ContainsRegex("\ten:[0-9]+:[0-9]+ ur:[0-9]+:[0-9]+\t"));
  EXPECT_THAT(lines[1], HasSubstr("1\tdeprecated-term\terror\tbelt-and-road\tur\ten:1 ur:1\t"));
}

TEST_F(ReportFixture, TextQuotesAndMarksTheSpans) {
  const std::string text = Write(FindingsFormat::kText);
  EXPECT_THAT(text, HasSubstr("\u00BBون بیلٹ ون روڈ\u00AB"));
  EXPECT_THAT(text, HasSubstr("\u00BB13\u00AB"));
  EXPECT_THAT(text, HasSubstr("(no sentence)"));
  EXPECT_THAT(text, HasSubstr("expected: بیلٹ اینڈ روڈ انیشی ایٹو"));
  EXPECT_THAT(text, HasSubstr("4 findings, in 4 of 5 beads"));
  EXPECT_THAT(text, Not(HasSubstr("\x1b[")));
  ReportOptions color;
  color.color = true;
  EXPECT_THAT(Write(FindingsFormat::kText, color), HasSubstr("\x1b[4m\x1b[31mون بیلٹ ون روڈ\x1b[0m"));
}

TEST_F(ReportFixture, TextInChinese) {
  auto ui = Translator::Create("zh-Hans");
  ASSERT_TRUE(ui.ok()) << ui.status().message();
  ReportOptions options;
  options.translator = &*ui;
  const std::string text = Write(FindingsFormat::kText, options);
  EXPECT_THAT(text, HasSubstr("摘要"));
  EXPECT_THAT(text, HasSubstr("已弃用术语"));
  EXPECT_THAT(text, HasSubstr("4 个问题"));
}

TEST_F(ReportFixture, MessagesComeInTheUiLanguage) {
  // A message the checker made from a pattern is given in the UI language
  // by text and HTML; JSON and TSV keep the English message.
  Finding& number = findings_[1];
  number.message_pattern = "{} has {} where the other versions have {}";
  number.message_args = {"zh", "13", "15"};
  number.message = "zh has 13 where the other versions have 15";
  auto zh = Translator::Create("zh");
  auto ur = Translator::Create("ur");
  ASSERT_TRUE(zh.ok() && ur.ok());
  ReportOptions in_zh, in_ur;
  in_zh.translator = &*zh;
  in_ur.translator = &*ur;
  EXPECT_THAT(Write(FindingsFormat::kText, in_zh), HasSubstr("zh中为13，而其他版本为15"));
  const std::string html = Write(FindingsFormat::kHtml, in_ur);
  EXPECT_THAT(html, HasSubstr("<bdi class=\"msg\" lang=\"ur\" dir=\"rtl\">zh میں 13 ہے جبکہ دوسرے متون میں 15</bdi>"));
  // A hand-made message without a pattern stays English, marked as such.
  EXPECT_THAT(html, HasSubstr("<bdi class=\"msg\" lang=\"en\" dir=\"ltr\">deprecated rendering of belt-and-road</bdi>"));
  EXPECT_THAT(Write(FindingsFormat::kJson, in_zh), HasSubstr("zh has 13 where the other versions have 15"));
  EXPECT_THAT(Write(FindingsFormat::kTsv, in_ur), HasSubstr("zh has 13 where the other versions have 15"));
}

TEST_F(ReportFixture, FindingsOutsideTheAlignmentAreRefused) {
  findings_[1].bead = 99;
  std::ostringstream out;
  Status s = WriteFindings(report_, FindingsFormat::kHtml, {}, out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("bead 99"));
  findings_[1].bead = 2;
  findings_[1].places[0].spans[0].end = 1 << 30;
  EXPECT_EQ(WriteFindings(report_, FindingsFormat::kJson, {}, out).code(), StatusCode::kInvalidArgument);
}

// Lines end with LF, CR LF or a lone CR; columns count characters and not a BOM.
TEST(LocatorTest, LinesAndColumnsFromOne) {
  AlignResult aligned;
  auto doc = Document::FromString("a.txt", "\xEF\xBB\xBF" "ab\r\ncd\ref\n\xE6\xB1\x89\xE5\xAD\x97x");
  ASSERT_TRUE(doc.ok());
  aligned.versions.push_back(AlignInput{*doc, Language::kChinese, {}, {}});
  const findings_internal::Locator locator(aligned);
  auto at = [&](size_t offset) {
    const findings_internal::Location l = locator.At(0, offset);
    return std::pair<size_t, size_t>{l.line, l.column};
  };
  EXPECT_EQ(at(3), (std::pair<size_t, size_t>{1, 1}));   // a, after the BOM
  EXPECT_EQ(at(4), (std::pair<size_t, size_t>{1, 2}));   // b
  EXPECT_EQ(at(7), (std::pair<size_t, size_t>{2, 1}));   // c, after CR LF
  EXPECT_EQ(at(10), (std::pair<size_t, size_t>{3, 1}));  // e, after a lone CR
  EXPECT_EQ(at(13), (std::pair<size_t, size_t>{4, 1}));  // 汉
  EXPECT_EQ(at(19), (std::pair<size_t, size_t>{4, 3}));  // x, after two characters of three bytes
}

TEST(HtmlTest, EscapeCoversMarkupQuotesAndControls) {
  EXPECT_EQ(html_internal::Escape("<a href='x'>\"&\x01"), "&lt;a href=&#39;x&#39;&gt;&quot;&amp;\xEF\xBF\xBD");
}

TEST(HtmlTest, Sha256MatchesTheStandardVectors) {
  EXPECT_EQ(internal::Sha256Base64(""), "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  EXPECT_EQ(internal::Sha256Base64("abc"), "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
  // Lengths around the padding boundary (55, 56, 64 bytes) and several blocks.
  EXPECT_EQ(internal::Sha256Base64(std::string(55, 'a')), "n0OQ+NMMLdkuyfCVtl4rmumwqSWlJY4kHJ8ekQ9zQxg=");
  EXPECT_EQ(internal::Sha256Base64(std::string(56, 'a')), "s1Q5pKxvCUi21vnjxq8PX1kM4g8b3nCQ73lwaG7Gc4o=");
  EXPECT_EQ(internal::Sha256Base64(std::string(64, 'a')), "/+BU/nrgy23GXDr5th1SCfQ5hR20PQulmXM33xVGaOs=");
  EXPECT_EQ(internal::Sha256Base64(std::string(1000, 'a')), "Qe3s5C1j6Nm/UVqbppMuHCDLyfWl0TRkWttdsblzfqM=");
}

// Every msgid of po/talign.pot, singular and plural.
std::vector<std::pair<std::string, std::string>> PotMessages() {
  std::ifstream in(std::string(TALIGN_SOURCE_DIR) + "/po/talign.pot");
  std::vector<std::pair<std::string, std::string>> ids;
  std::string line;
  auto unquote = [](const std::string& s) {
    std::string body = s.substr(s.find('"') + 1);
    body.pop_back();
    std::string out;
    for (size_t i = 0; i < body.size(); ++i) {
      if (body[i] == '\\' && i + 1 < body.size()) ++i;
      out += body[i];
    }
    return out;
  };
  while (std::getline(in, line)) {
    if (line.rfind("msgid \"", 0) == 0) {
      std::string id = unquote(line);
      if (!id.empty()) ids.push_back({id, ""});
    } else if (line.rfind("msgid_plural \"", 0) == 0 && !ids.empty()) {
      ids.back().second = unquote(line);
    }
  }
  return ids;
}

TEST(TranslatorTest, EveryMessageIsTranslatedWithItsPlaceholders) {
  const auto messages = PotMessages();
  ASSERT_GT(messages.size(), 40u);
  ASSERT_EQ(UiLanguages(), (std::vector<std::string>{"en", "zh", "ur"}));
  for (const std::string& lang : UiLanguages()) {
    if (lang == "en") continue;
    auto ui = Translator::Create(lang);
    ASSERT_TRUE(ui.ok()) << ui.status().message();
    for (const auto& [id, plural] : messages) {
      for (uint64_t n : {1, 2, 5}) {
        std::string t = plural.empty() ? ui->Translate(id) : ui->TranslatePlural(id, plural, n);
        EXPECT_NE(t, plural.empty() ? id : (n == 1 ? id : plural)) << lang << ": " << id;
        EXPECT_EQ(Count(t, "{"), Count(id, "{}")) << lang << ": " << id << " → " << t;
        // The pattern must format without throwing (Format returns it as is on error).
        if (Count(id, "{}") == 2) EXPECT_NE(Translator::Format(t, 7, 9), t) << t;
      }
    }
  }
}

TEST(TranslatorTest, UrduHasTwoPluralForms) {
  auto ui = Translator::Create("ur-PK");
  ASSERT_TRUE(ui.ok()) << ui.status().message();
  EXPECT_TRUE(ui->rtl());
  EXPECT_EQ(ui->language(), "ur");
  EXPECT_EQ(Translator::Format(ui->TranslatePlural("{} finding", "{} findings", 1), 1), "1 مسئلہ");
  EXPECT_EQ(Translator::Format(ui->TranslatePlural("{} finding", "{} findings", 3), 3), "3 مسائل");
  EXPECT_EQ(Translator::Format(ui->TranslatePlural("in {} of {} bead", "in {} of {} beads", 5), 2, 5),
            "5 اکائیوں میں سے 2 میں");
}

TEST(TranslatorTest, EnglishNeedsNoCatalogAndUnknownLanguagesAreRefused) {
  auto en = Translator::Create("en-GB");
  ASSERT_TRUE(en.ok());
  EXPECT_EQ(en->Translate("Summary"), "Summary");
  EXPECT_EQ(en->TranslatePlural("{} bead", "{} beads", 2), "{} beads");
  auto fr = Translator::Create("fr");
  EXPECT_EQ(fr.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(fr.status().message(), HasSubstr("'fr'"));
}

TEST(TranslatorTest, TheEnvironmentChoosesWhenNoLanguageIsGiven) {
  const char* saved[] = {std::getenv("LC_ALL"), std::getenv("LC_MESSAGES"), std::getenv("LANG")};
  const std::string keep[] = {saved[0] ? saved[0] : "", saved[1] ? saved[1] : "", saved[2] ? saved[2] : ""};
  unsetenv("LC_ALL");
  unsetenv("LC_MESSAGES");
  setenv("LANG", "zh_CN.UTF-8", 1);
  EXPECT_EQ(UiLanguageFromEnvironment(), "zh");
  auto zh = Translator::Create("");
  ASSERT_TRUE(zh.ok());
  EXPECT_EQ(zh->Translate("Legend"), "图例");
  setenv("LC_MESSAGES", "ur_PK.UTF-8", 1);
  EXPECT_EQ(UiLanguageFromEnvironment(), "ur");
  setenv("LC_ALL", "fr_FR.UTF-8", 1);
  EXPECT_EQ(UiLanguageFromEnvironment(), "en");
  auto fallback = Translator::Create("");
  ASSERT_TRUE(fallback.ok());
  EXPECT_EQ(fallback->language(), "en");
  setenv("LC_ALL", "C", 1);
  EXPECT_EQ(UiLanguageFromEnvironment(), "en");
  const char* names[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
  for (int i = 0; i < 3; ++i) {
    if (saved[i]) setenv(names[i], keep[i].c_str(), 1); else unsetenv(names[i]);
  }
}

}  // namespace
}  // namespace align

#ifdef TALIGN_BINARY
namespace align {
namespace {

struct CliRun {
  int exit_code = -1;
  std::string out;
};

// Runs `ENV talign ARGS` on the fixture's three versions, stdout captured.
CliRun Talign(const std::string& env, const std::string& args) {
  const std::string inputs = kData + "statement.en.txt " + kData + "statement.zh.txt " + kData + "statement.ur.txt";
  const std::string command = "env -u LC_ALL -u LC_MESSAGES -u LANG " + env + " " + TALIGN_BINARY + " " +
                              args + " " + inputs + " --no-default-lexicon --lexicon " + kData + "terms.tsv 2>&1";
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) run.out.append(buffer, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

TEST(CheckCliTest, TheUiLanguageComesFromTheFlagOrTheLocale) {
  CliRun en = Talign("", "check");
  EXPECT_EQ(en.exit_code, 1) << en.out;
  EXPECT_THAT(en.out, HasSubstr("Summary"));
  CliRun ur = Talign("", "--ui-lang ur check");
  EXPECT_EQ(ur.exit_code, 1) << ur.out;
  EXPECT_THAT(ur.out, HasSubstr("خلاصہ"));
  CliRun zh = Talign("LANG=zh_CN.UTF-8", "check");
  EXPECT_THAT(zh.out, HasSubstr("摘要"));
  CliRun flag_wins = Talign("LANG=zh_CN.UTF-8", "check --ui-lang en");
  EXPECT_THAT(flag_wins.out, HasSubstr("Summary"));
  CliRun unknown = Talign("", "--ui-lang fr check");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_THAT(unknown.out, HasSubstr("unknown UI language 'fr'"));
}

TEST(CheckCliTest, JsonAndTsvDoNotDependOnTheUiLanguage) {
  for (const char* format : {"json", "tsv", "csv"}) {
    CliRun en = Talign("", std::string("check --format ") + format);
    CliRun ur = Talign("", std::string("--ui-lang ur check --format ") + format);
    EXPECT_EQ(en.exit_code, 1) << en.out;
    EXPECT_EQ(en.out, ur.out) << format;
  }
  CliRun json = Talign("", "check --format json");
  const auto j = nlohmann::json::parse(json.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(j.is_discarded()) << json.out;
  EXPECT_EQ(j["summary"]["findings"].get<size_t>(), j["findings"].size());
}

// --fail-on takes a severity, finding types of the registry, or both; the
// help lists every type with its default severity and description.
TEST(CheckCliTest, FailOnCountsTheNamedSeverityAndTypes) {
  CliRun json = Talign("", "check --format json");
  const auto j = nlohmann::json::parse(json.out, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(j.is_discarded()) << json.out;
  std::set<std::string> present;
  for (const auto& f : j["findings"]) present.insert(f["type"].get<std::string>());
  ASSERT_FALSE(present.empty());
  bool some_absent = false;
  for (const FindingTypeInfo& row : FindingTypes()) {
    const std::string name(row.name);
    const int expected = present.count(name) ? 1 : 0;
    some_absent = some_absent || expected == 0;
    EXPECT_EQ(Talign("", "check --format json --fail-on " + name).exit_code, expected) << name;
  }
  EXPECT_TRUE(some_absent) << "the fixture should lack some type, to show --fail-on TYPE can pass";
  // Several types: any of them; with a severity: at or above it too.
  std::string all;
  for (const FindingTypeInfo& row : FindingTypes()) all += (all.empty() ? "" : ",") + std::string(row.name);
  EXPECT_EQ(Talign("", "check --format json --fail-on " + all).exit_code, 1);
  for (const auto& f : j["findings"]) {
    const std::string type = f["type"], severity = f["severity"];
    EXPECT_EQ(Talign("", "check --format json --fail-on " + severity + "," + type).exit_code, 1) << type;
  }
  CliRun bad = Talign("", "check --fail-on error,warning");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.out, HasSubstr("finding types (" + all.substr(0, all.find(',')) + ", "));
  EXPECT_EQ(Talign("", "check --fail-on omisson").exit_code, 2);
  CliRun help = Talign("", "check --help");
  for (const FindingTypeInfo& row : FindingTypes()) {
    EXPECT_THAT(help.out, HasSubstr(std::string(row.name)));
    EXPECT_THAT(help.out, HasSubstr(std::string(row.description)));
  }
}

TEST(CheckCliTest, HtmlGoesToAFileInTheUiLanguage) {
  const std::string path = ::testing::TempDir() + "/talign-report-ur-" + std::to_string(::getpid()) + ".html";
  CliRun run = Talign("", "check --ui-lang ur --format html -o " + path);
  EXPECT_EQ(run.exit_code, 1) << run.out;
  std::ifstream in(path);
  std::stringstream html;
  html << in.rdbuf();
  EXPECT_THAT(html.str(), HasSubstr("<html lang=\"ur\" dir=\"rtl\">"));
  EXPECT_THAT(html.str(), HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  std::remove(path.c_str());
}

}  // namespace
}  // namespace align
#endif  // TALIGN_BINARY
