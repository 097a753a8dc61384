// The spreadsheet outputs: CSV and TSV of alignments and of findings, read
// back with an RFC 4180 reader (the rules of Python's csv module and pandas'
// read_csv defaults): quotes, commas, tabs, CR and LF inside the text, a cell
// that Excel would run as a formula, Urdu and Chinese, three versions, empty
// sides, and the byte order mark only for Excel.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <sstream>

#include "align/baseline.h"
#include "align/report.h"
#include "report_fixtures.h"
#include "report_internal.h"

namespace align {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using Table = std::vector<std::vector<std::string>>;

const std::string kData = std::string(TALIGN_SOURCE_DIR) + "/tests/data/report/";

// Reads RFC 4180 records separated by |sep|, ended by LF or CR LF; a quoted
// field ends at a lone '"', which must be followed by |sep| or the record's
// end. Fails the test on anything else, so that sloppy quoting shows.
Table ParseTable(const std::string& text, char sep) {
  Table rows;
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      for (++i;; ++i) {
        if (i >= text.size()) {
          ADD_FAILURE() << "unterminated quoted field";
          return rows;
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
            continue;
          }
          ++i;
          break;
        }
        field += text[i];
      }
      if (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r') {
        ADD_FAILURE() << "text after a closing quote at byte " << i;
      }
    }
    while (i < text.size() && text[i] != sep && text[i] != '\n' && text[i] != '\r') {
      if (text[i] == '"') ADD_FAILURE() << "a quote inside an unquoted field at byte " << i;
      field += text[i++];
    }
    row.push_back(std::move(field));
    field.clear();
    if (i < text.size() && text[i] == sep) {
      ++i;
      continue;
    }
    if (i < text.size() && text[i] == '\r') ++i;
    if (i < text.size() && text[i] == '\n') ++i;
    rows.push_back(std::move(row));
    row.clear();
  }
  return rows;
}

using report_testing::MakeBead;
using report_testing::Version;

const std::string kQuoted = "Xi said: \"One Belt, One Road\"\tis \"old\".";
const std::string kWrapped = "They signed 15 deals,\r\nall of them\nat once.";
const std::string kFormula = "=HYPERLINK(\"http://x\",\"y\")";

// en, zh, ur; the last bead has no Urdu.
AlignResult ThreeVersions() {
  AlignResult r;
  r.versions.push_back(Version("c.en.txt", Language::kEnglish, {kQuoted, kWrapped, kFormula}));
  r.versions.push_back(Version("c.zh.txt", Language::kChinese, {"习近平说：“一带一路”。", "双方签署了13项协议，全部。", "+这不是公式。"}));
  r.versions.push_back(Version("c.ur.txt", Language::kUrdu, {"ون بیلٹ ون روڈ کا ذکر ہوا۔", "15 معاہدے۔"}));
  r.language_tags = {"en", "zh", "ur"};
  r.alignment.beads = {MakeBead({{0, 1}, {0, 1}, {0, 1}}, 0.91234), MakeBead({{1, 2}, {1, 2}, {1, 2}}, 1.0),
                       MakeBead({{2, 3}, {2, 3}, {2, 2}}, 0.05)};
  return r;
}

std::string WriteAlign(const AlignResult& r, AlignFormat format) {
  std::ostringstream out;
  Status s = WriteAlignment(r, format, out);
  EXPECT_TRUE(s.ok()) << s.message();
  return out.str();
}

TEST(QuoteFieldTest, QuotesOnlyWhatNeedsIt) {
  using report_internal::QuoteField;
  EXPECT_EQ(QuoteField("plain text", ','), "plain text");
  EXPECT_EQ(QuoteField("a,b", ','), "\"a,b\"");
  EXPECT_EQ(QuoteField("a,b", '\t'), "a,b");
  EXPECT_EQ(QuoteField("a\tb", '\t'), "\"a\tb\"");
  EXPECT_EQ(QuoteField("say \"hi\"", ','), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(QuoteField("a\r\nb", ','), "\"a\r\nb\"");
  EXPECT_EQ(QuoteField("", ','), "");
  EXPECT_EQ(report_internal::TsvCell("\"a\"\tb\r\nc"), "\"\"\"a\"\" b c\"");
  EXPECT_EQ(report_internal::CsvCell("=1+2", false), "=1+2");
  EXPECT_EQ(report_internal::CsvCell("=1+2", true), "'=1+2");
  EXPECT_EQ(report_internal::CsvCell("-3, +4", true), "\"'-3, +4\"");
  EXPECT_EQ(report_internal::CsvCell("@x", true), "'@x");
  EXPECT_EQ(report_internal::CsvCell("a=b", true), "a=b");
}

TEST(AlignCsvTest, HeaderScoreAndExactTextInEveryRow) {
  const AlignResult r = ThreeVersions();
  const std::string out = WriteAlign(r, AlignFormat::kCsv);
  EXPECT_EQ(out.rfind("bead,score,en,zh,ur\r\n", 0), 0u);  // no byte order mark
  EXPECT_EQ(out.substr(out.size() - 2), "\r\n");
  const Table rows = ParseTable(out, ',');
  ASSERT_EQ(rows.size(), 1 + r.alignment.beads.size());
  for (const auto& row : rows) EXPECT_EQ(row.size(), 5u);
  EXPECT_EQ(rows[1][0], "0");
  EXPECT_EQ(rows[1][1], "0.9123");
  EXPECT_EQ(rows[2][1], "1.0000");
  // Quotes, commas, tabs and line breaks come back exactly.
  EXPECT_EQ(rows[1][2], kQuoted);
  EXPECT_EQ(rows[2][2], kWrapped);
  EXPECT_EQ(rows[1][3], "习近平说：“一带一路”。");
  EXPECT_EQ(rows[2][4], "15 معاہدے۔");
  EXPECT_EQ(rows[3][2], kFormula);  // exact: no Excel here
  EXPECT_EQ(rows[3][3], "+这不是公式。");
  EXPECT_EQ(rows[3][4], "");        // the empty side
}

TEST(AlignCsvTest, ExcelGetsAByteOrderMarkAndNoFormulas) {
  const AlignResult r = ThreeVersions();
  std::ostringstream out;
  ASSERT_TRUE(WriteCsv(r, out, {.excel = true}).ok());
  const std::string text = out.str();
  ASSERT_EQ(text.rfind(report_internal::kUtf8Bom, 0), 0u);
  const Table rows = ParseTable(text.substr(3), ',');
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0][0], "bead");
  EXPECT_EQ(rows[3][2], "'" + kFormula);
  EXPECT_EQ(rows[3][3], "'+这不是公式。");
  EXPECT_EQ(rows[1][2], kQuoted);  // other cells as written
}

TEST(AlignTsvTest, HeaderOneLinePerBeadAndQuotesThatPandasReads) {
  const AlignResult r = ThreeVersions();
  const std::string out = WriteAlign(r, AlignFormat::kTsv);
  EXPECT_EQ(out.rfind("bead\tscore\ten\tzh\tur\n", 0), 0u);
  EXPECT_THAT(out, Not(HasSubstr("\r")));
  // Every row is one line of the file: row k+1 is bead k.
  size_t lines = 0;
  for (char c : out) lines += c == '\n';
  EXPECT_EQ(lines, 1 + r.alignment.beads.size());
  const Table rows = ParseTable(out, '\t');
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& row : rows) EXPECT_EQ(row.size(), 5u);
  EXPECT_EQ(rows[1][0], "0");
  EXPECT_EQ(rows[1][1], "0.9123");
  // Tabs and line breaks became spaces; the quotes are the text's own.
  EXPECT_EQ(rows[1][2], "Xi said: \"One Belt, One Road\" is \"old\".");
  EXPECT_EQ(rows[2][2], "They signed 15 deals, all of them at once.");
  EXPECT_EQ(rows[3][2], kFormula);
  EXPECT_EQ(rows[3][4], "");
}

TEST(AlignTsvTest, TagsMustMatchTheVersions) {
  AlignResult r = ThreeVersions();
  r.language_tags.pop_back();
  std::ostringstream out;
  EXPECT_EQ(WriteAlignment(r, AlignFormat::kTsv, out).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(WriteAlignment(r, AlignFormat::kCsv, out).code(), StatusCode::kInvalidArgument);
}

class FindingsTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    aligned_ = ThreeVersions();
    auto lexicon = Lexicon::Load(kData + "terms.tsv");
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
    lexicon_ = std::make_shared<const Lexicon>(std::move(*lexicon));

    Finding deprecated;
    deprecated.type = FindingType::kDeprecatedTerm;
    deprecated.severity = Severity::kError;
    deprecated.concept_index = *lexicon_->FindConcept("belt-and-road");
    deprecated.version = 2;
    deprecated.bead = 0;
    const std::string_view ur = aligned_.versions[2].document.bytes();
    const size_t at = ur.find("ون بیلٹ ون روڈ");
    deprecated.places = {{2, {0}, {{at, at + std::string_view("ون بیلٹ ون روڈ").size()}}}, {0, {0}, {}}};
    deprecated.evidence = "ون بیلٹ ون روڈ";
    deprecated.expected = {"بیلٹ اینڈ روڈ انیشی ایٹو"};
    deprecated.message = "deprecated rendering of belt-and-road";

    Finding number;
    number.type = FindingType::kNumberMismatch;
    number.severity = Severity::kError;
    number.version = 1;
    number.bead = 1;
    number.places = {{0, {1}, {}}, {1, {1}, {}}};
    number.evidence = "=13, \"thirteen\"\r\nor so";
    number.expected = {"15", "fifteen"};
    number.message = "number \"13\", where the others have 15";

    Finding omission;
    omission.type = FindingType::kOmission;
    omission.severity = Severity::kError;
    omission.version = 2;
    omission.bead = 2;
    omission.places = {{0, {2}, {}}, {1, {2}, {}}};
    omission.message = "the ur version has no counterpart of this sentence";

    findings_ = {deprecated, number, omission};
    report_ = {&aligned_, nullptr, lexicon_.get(), &findings_};
  }

  std::string Write(FindingsFormat format, const ReportOptions& options = {}) {
    std::ostringstream out;
    Status s = WriteFindings(report_, format, options, out);
    EXPECT_TRUE(s.ok()) << s.message();
    return out.str();
  }

  AlignResult aligned_;
  std::shared_ptr<const Lexicon> lexicon_;
  std::vector<Finding> findings_;
  FindingsReport report_;
};

TEST_F(FindingsTableTest, CsvHasTheColumnsOfTheIssueAndExactText) {
  const std::string out = Write(FindingsFormat::kCsv);
  EXPECT_EQ(out.rfind("bead,type,severity,lang,concept,preferred,lines,evidence,expected,message,fingerprint,"
                      "text_en,text_zh,text_ur\r\n",
                      0),
            0u);
  const Table rows = ParseTable(out, ',');
  ASSERT_EQ(rows.size(), 1 + findings_.size());
  for (const auto& row : rows) EXPECT_EQ(row.size(), 14u);
  const auto& d = rows[1];
  EXPECT_EQ(d[0], "0");
  EXPECT_EQ(d[1], "deprecated-term");
  EXPECT_EQ(d[2], "error");
  EXPECT_EQ(d[3], "ur");
  EXPECT_EQ(d[4], "belt-and-road");
  EXPECT_EQ(d[5], "بیلٹ اینڈ روڈ انیشی ایٹو");  // the preferred term in the language at fault
  EXPECT_EQ(d[6], "en:1:1 ur:1:1");
  EXPECT_EQ(d[7], "ون بیلٹ ون روڈ");
  EXPECT_EQ(d[10], FindingFingerprint(findings_[0], aligned_, lexicon_.get()));
  EXPECT_EQ(d[11], kQuoted);
  const auto& n = rows[2];
  EXPECT_EQ(n[4], "");  // no concept, no preferred term
  EXPECT_EQ(n[5], "");
  EXPECT_EQ(n[7], findings_[1].evidence);  // '=', comma, quotes and CR LF kept
  EXPECT_EQ(n[8], "15 | fifteen");
  EXPECT_EQ(n[9], findings_[1].message);
  EXPECT_EQ(n[11], kWrapped);
  EXPECT_EQ(n[12], "双方签署了13项协议，全部。");
  EXPECT_EQ(rows[3][13], "");  // the omitted side
}

TEST_F(FindingsTableTest, CsvForExcelOnlyWithTheOption) {
  EXPECT_THAT(Write(FindingsFormat::kCsv), Not(HasSubstr(std::string(report_internal::kUtf8Bom))));
  ReportOptions excel;
  excel.csv.excel = true;
  const std::string out = Write(FindingsFormat::kCsv, excel);
  ASSERT_EQ(out.rfind(report_internal::kUtf8Bom, 0), 0u);
  const Table rows = ParseTable(out.substr(3), ',');
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0][0], "bead");
  EXPECT_EQ(rows[2][7], "'" + findings_[1].evidence);
  EXPECT_EQ(rows[3][11], "'" + kFormula);
  // The other formats ignore it.
  EXPECT_EQ(Write(FindingsFormat::kTsv, excel), Write(FindingsFormat::kTsv));
}

TEST_F(FindingsTableTest, TsvQuotesCellsWithQuotesAndKeepsOneLinePerFinding) {
  const std::string out = Write(FindingsFormat::kTsv);
  size_t lines = 0;
  for (char c : out) lines += c == '\n';
  EXPECT_EQ(lines, 1 + findings_.size());
  const Table rows = ParseTable(out, '\t');
  ASSERT_EQ(rows.size(), 1 + findings_.size());
  for (const auto& row : rows) EXPECT_EQ(row.size(), 15u);
  EXPECT_EQ(rows[0][8], "evidence");
  EXPECT_EQ(rows[2][8], "=13, \"thirteen\" or so");
  EXPECT_EQ(rows[2][10], findings_[1].message);
  EXPECT_EQ(rows[1][12], "Xi said: \"One Belt, One Road\" is \"old\".");
  EXPECT_EQ(rows[2][11], FindingFingerprint(findings_[1], aligned_, lexicon_.get()));
}

TEST_F(FindingsTableTest, CsvRefusesFindingsOutsideTheAlignment) {
  findings_[0].bead = 7;
  std::ostringstream out;
  EXPECT_EQ(WriteFindings(report_, FindingsFormat::kCsv, {}, out).code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace align
