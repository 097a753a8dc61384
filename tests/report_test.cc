// Every alignment writer on hand-made alignments (empty sides, three
// versions, text full of markup, quotes, tabs, line breaks, control
// characters and bidi marks), each output parsed back.
#include "align/config.h"
#include "align/report.h"
#include "report_fixtures.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "eval.h"

namespace align {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

using report_testing::MakeBead;
using report_testing::Version;

const std::string kNasty = "Say <script>alert(\"x\")</script> & 'it'\tnow";
const std::string kBroken = "line one\nline two\r\nctl\x01\x0b end";
const std::string kRtl = "\xE2\x80\x8F\xD8\xA7\xD9\x84\xD9\x81 \xEF\xBF\xBE ok";  // RLM, Arabic, U+FFFE

// en: 4 sentences, zh: 3. Beads: 2-1, 1-0, 0-1, 1-1.
AlignResult TwoVersions() {
  AlignResult r;
  r.settings.lexicons = {"terms.tsv"};
  r.versions.push_back(Version("a.en.txt", Language::kEnglish, {"One.", kNasty, kBroken, "Last."}, true));
  r.versions.push_back(Version("a.zh.txt", Language::kChinese, {"一二。", "多出来的。", "最后。"}));
  r.language_tags = {"en", "zh-Hans"};
  r.alignment.beads = {MakeBead({{0, 2}, {0, 1}}, 0.91234), MakeBead({{2, 3}, {1, 1}}, 0.1),
                       MakeBead({{3, 3}, {1, 2}}, 0.05), MakeBead({{3, 4}, {2, 3}}, 1.0)};
  return r;
}

// en, zh, ur: a 3-way alignment with one side empty in the middle bead.
AlignResult ThreeVersions() {
  AlignResult r;
  r.versions.push_back(Version("b.en.txt", Language::kEnglish, {"A.", "B.", "C."}));
  r.versions.push_back(Version("b.zh.txt", Language::kChinese, {"甲。", "丙。"}));
  r.versions.push_back(Version("b.ur.txt", Language::kUrdu, {"\xD8\xA7\xDB\x94", kRtl, "\xD8\xAC\xDB\x94"}));
  r.language_tags = {"en", "zh", "ur"};
  r.alignment.beads = {MakeBead({{0, 1}, {0, 1}, {0, 1}}, 0.8), MakeBead({{1, 2}, {1, 1}, {1, 2}}, 0.3),
                       MakeBead({{2, 3}, {1, 2}, {2, 3}}, 0.777777)};
  return r;
}

std::string Write(const AlignResult& r, AlignFormat format) {
  std::ostringstream out;
  Status s = WriteAlignment(r, format, out);
  EXPECT_TRUE(s.ok()) << s.message();
  return out.str();
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  size_t begin = 0;
  while (true) {
    size_t at = s.find(sep, begin);
    parts.push_back(s.substr(begin, at == std::string::npos ? std::string::npos : at - begin));
    if (at == std::string::npos) return parts;
    begin = at + 1;
  }
}

TEST(ReportTest, FormatNamesRoundTrip) {
  for (AlignFormat f : {AlignFormat::kBeads, AlignFormat::kJsonl, AlignFormat::kTsv, AlignFormat::kCsv,
                        AlignFormat::kTmx, AlignFormat::kLadder}) {
    EXPECT_EQ(ParseAlignFormat(AlignFormatName(f)), f);
  }
  EXPECT_EQ(ParseAlignFormat("html"), std::nullopt);
  EXPECT_EQ(ParseAlignFormat("BEADS"), std::nullopt);
}

TEST(ReportTest, ScoresHaveFourDecimals) {
  EXPECT_EQ(FormatScore(0.91234), "0.9123");
  EXPECT_EQ(FormatScore(1.0), "1.0000");
  EXPECT_EQ(FormatScore(0.0), "0.0000");
  EXPECT_EQ(FormatScore(-0.0), "0.0000");
  EXPECT_EQ(FormatScore(std::nan("")), "0.0000");
}

TEST(ReportTest, BeadsTwoVersions) {
  const std::string out = Write(TwoVersions(), AlignFormat::kBeads);
  EXPECT_EQ(out, "[0,1]:[0]\n[2]:[]\n[]:[1]\n[3]:[2]\n");
  // And the scorer's reader gets the same beads back.
  auto beads = ParseBeadLines(out, "out");
  ASSERT_TRUE(beads.ok());
  EXPECT_EQ((*beads)[0], EvalBead({0, 1}, {0}));
  EXPECT_EQ((*beads)[2], EvalBead({}, {1}));
}

TEST(ReportTest, BeadsThreeVersions) {
  EXPECT_EQ(Write(ThreeVersions(), AlignFormat::kBeads), "[0]:[0]:[0]\n[1]:[]:[1]\n[2]:[1]:[2]\n");
}

TEST(ReportTest, JsonlHeaderAndBeadsParseBack) {
  const AlignResult r = TwoVersions();
  const std::vector<std::string> lines = Lines(Write(r, AlignFormat::kJsonl));
  ASSERT_EQ(lines.size(), 1 + r.alignment.beads.size());
  auto header = nlohmann::json::parse(lines[0]);
  EXPECT_TRUE(header["talign"].is_string());
  EXPECT_EQ(header["languages"], nlohmann::json({"en", "zh-Hans"}));
  EXPECT_EQ(header["inputs"], nlohmann::json({"a.en.txt", "a.zh.txt"}));
  EXPECT_EQ(header["lexicons"], nlohmann::json({"terms.tsv"}));
  EXPECT_TRUE(header["config"].is_object());
  EXPECT_EQ(header["config"]["sentences"], nlohmann::json({4, 3}));

  for (size_t b = 0; b < r.alignment.beads.size(); ++b) {
    const std::string& line = lines[b + 1];
    auto j = nlohmann::json::parse(line);
    EXPECT_EQ(j["bead"], b);
    EXPECT_TRUE(std::regex_search(line, std::regex(",\"score\":[0-9]\\.[0-9]{4}\\}$"))) << line;
    EXPECT_NEAR(j["score"].get<double>(), r.alignment.beads[b].score, 0.00005);
    for (size_t v = 0; v < 2; ++v) {
      const std::string& tag = r.language_tags[v];
      const SentenceRange side = r.alignment.beads[b].sides[v];
      ASSERT_EQ(j[tag].size(), side.size());
      ASSERT_EQ(j["spans"][tag].size(), side.size());
      for (uint32_t k = 0; k < side.size(); ++k) {
        EXPECT_EQ(j[tag][k], side.begin + k);
        // The spans are byte offsets into the original file (BOM included).
        const size_t begin = j["spans"][tag][k][0], end = j["spans"][tag][k][1];
        EXPECT_EQ(r.versions[v].document.bytes().substr(begin, end - begin),
                  r.versions[v].document.Slice(r.versions[v].sentences[side.begin + k].span));
      }
    }
  }
  // The first English sentence starts after the 3-byte BOM.
  EXPECT_EQ(nlohmann::json::parse(lines[1])["spans"]["en"][0][0], 3);
  // An empty side is an empty list, not a missing key.
  EXPECT_EQ(nlohmann::json::parse(lines[3])["en"], nlohmann::json::array());
}

TEST(ReportTest, JsonlEscapesAnyFileName) {
  AlignResult r = TwoVersions();
  r.settings.lexicons = {"we\"ird\\name\x01\xff.tsv"};
  const std::vector<std::string> lines = Lines(Write(r, AlignFormat::kJsonl));
  auto header = nlohmann::json::parse(lines[0]);  // must not throw
  EXPECT_THAT(header["lexicons"][0].get<std::string>(), HasSubstr("we\"ird\\name\x01"));
}

TEST(ReportTest, JsonlThreeVersions) {
  const std::vector<std::string> lines = Lines(Write(ThreeVersions(), AlignFormat::kJsonl));
  ASSERT_EQ(lines.size(), 4u);
  auto j = nlohmann::json::parse(lines[2]);
  EXPECT_EQ(j["en"], nlohmann::json({1}));
  EXPECT_EQ(j["zh"], nlohmann::json::array());
  EXPECT_EQ(j["ur"], nlohmann::json({1}));
  EXPECT_EQ(j["spans"].size(), 3u);
}

size_t CodePoints(std::string_view bytes) {
  size_t n = 0;
  for (unsigned char c : bytes) n += (c & 0xC0) != 0x80;
  return n;
}

TEST(ReportTest, JsonlCharsAreCodePointOffsetsAndTextIsOptional) {
  const AlignResult r = TwoVersions();
  std::ostringstream out;
  ASSERT_TRUE(WriteJsonl(r, out, {.with_text = true}).ok());
  const std::vector<std::string> lines = Lines(out.str());
  ASSERT_EQ(lines.size(), 1 + r.alignment.beads.size());
  for (size_t b = 0; b < r.alignment.beads.size(); ++b) {
    auto j = nlohmann::json::parse(lines[b + 1]);
    for (size_t v = 0; v < 2; ++v) {
      const std::string& tag = r.language_tags[v];
      const std::string_view bytes = r.versions[v].document.bytes();
      ASSERT_EQ(j["chars"][tag].size(), j["spans"][tag].size());
      ASSERT_EQ(j["text"][tag].size(), j["spans"][tag].size());
      for (size_t k = 0; k < j["spans"][tag].size(); ++k) {
        const size_t begin = j["spans"][tag][k][0], end = j["spans"][tag][k][1];
        EXPECT_EQ(j["chars"][tag][k][0], CodePoints(bytes.substr(0, begin)));
        EXPECT_EQ(j["chars"][tag][k][1], CodePoints(bytes.substr(0, end)));
        EXPECT_EQ(j["text"][tag][k], std::string(bytes.substr(begin, end - begin)));
      }
    }
  }
  // The BOM is one code point (three bytes) before the first sentence.
  EXPECT_EQ(nlohmann::json::parse(lines[1])["chars"]["en"][0][0], 1);
  EXPECT_EQ(nlohmann::json::parse(lines[1])["spans"]["en"][0][0], 3);
  // The default writer has chars but no text.
  const std::string plain = Write(r, AlignFormat::kJsonl);
  EXPECT_THAT(plain, HasSubstr("\"chars\""));
  EXPECT_THAT(plain, Not(HasSubstr("\"text\"")));
}

TEST(ReportTest, PairwiseProjectionsRestrictTheBeadsToEachPair) {
  AlignResult r = ThreeVersions();
  r.settings.source_version = 2;
  // A bead with sentences of the third version only is no bead of (en, zh).
  r.versions[2] = Version("b.ur.txt", Language::kUrdu, {"\xD8\xA7\xDB\x94", kRtl, "x", "\xD8\xAC\xDB\x94"});
  r.alignment.beads = {MakeBead({{0, 1}, {0, 1}, {0, 1}}, 0.8), MakeBead({{1, 2}, {1, 1}, {1, 2}}, 0.3),
                       MakeBead({{2, 2}, {1, 1}, {2, 3}}, 0.2), MakeBead({{2, 3}, {1, 2}, {3, 4}}, 0.777777)};
  const std::vector<AlignResult> pairs = PairwiseProjections(r);
  ASSERT_EQ(pairs.size(), 3u);
  EXPECT_EQ(pairs[0].language_tags, (std::vector<std::string>{"en", "zh"}));
  EXPECT_EQ(pairs[1].language_tags, (std::vector<std::string>{"en", "ur"}));
  EXPECT_EQ(pairs[2].language_tags, (std::vector<std::string>{"zh", "ur"}));
  EXPECT_EQ(Write(pairs[0], AlignFormat::kBeads), "[0]:[0]\n[1]:[]\n[2]:[1]\n");
  EXPECT_EQ(Write(pairs[1], AlignFormat::kBeads), "[0]:[0]\n[1]:[1]\n[]:[2]\n[2]:[3]\n");
  EXPECT_EQ(Write(pairs[2], AlignFormat::kBeads), "[0]:[0]\n[]:[1]\n[]:[2]\n[1]:[3]\n");
  // Scores come from the 3-way beads; the source is kept where it is in the pair.
  EXPECT_EQ(pairs[0].alignment.beads[2].score, 0.777777);
  EXPECT_EQ(pairs[0].settings.source_version, -1);
  EXPECT_EQ(pairs[1].settings.source_version, 1);
  EXPECT_EQ(pairs[2].settings.source_version, 1);
  // Every projection is a valid alignment for every writer (ladders check coverage).
  for (const AlignResult& pair : pairs) {
    for (const AlignFormatInfo& info : AlignFormats()) {
      std::ostringstream out;
      EXPECT_TRUE(info.write(pair, out).ok()) << info.name;
    }
  }
  // Two versions give the alignment itself.
  const AlignResult two = TwoVersions();
  ASSERT_EQ(PairwiseProjections(two).size(), 1u);
  EXPECT_EQ(Write(PairwiseProjections(two)[0], AlignFormat::kBeads), Write(two, AlignFormat::kBeads));
}

TEST(ReportTest, TsvHeaderThenOneBeadPerLine) {
  const AlignResult r = TwoVersions();
  const std::string out = Write(r, AlignFormat::kTsv);
  const std::vector<std::string> lines = Lines(out);
  ASSERT_EQ(lines.size(), 1 + r.alignment.beads.size());
  EXPECT_EQ(lines[0], "bead\tscore\ten\tzh-Hans");
  for (const std::string& line : lines) EXPECT_EQ(Split(line, '\t').size(), 4u) << line;
  // Row k+1 is bead k, with its score.
  EXPECT_EQ(Split(lines[1], '\t')[0], "0");
  EXPECT_EQ(Split(lines[1], '\t')[1], "0.9123");
  EXPECT_EQ(Split(lines[4], '\t')[1], "1.0000");
  // A cell holding a quote is quoted, inner quotes doubled (pandas' and
  // Python's csv defaults); the tab inside became a space.
  EXPECT_EQ(Split(lines[1], '\t')[2], "\"One. Say <script>alert(\"\"x\"\")</script> & 'it' now\"");
  EXPECT_EQ(Split(lines[1], '\t')[3], "一二。");
  // LF and CR LF become one space each; other control characters are kept.
  EXPECT_EQ(Split(lines[2], '\t')[2], "line one line two ctl\x01\x0b end");
  EXPECT_EQ(Split(lines[2], '\t')[3], "");
  EXPECT_EQ(Split(lines[3], '\t')[2], "");
  EXPECT_THAT(out, Not(HasSubstr("\r")));
}

TEST(ReportTest, TsvThreeVersions) {
  const std::vector<std::string> lines = Lines(Write(ThreeVersions(), AlignFormat::kTsv));
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0], "bead\tscore\ten\tzh\tur");
  const auto cells = Split(lines[2], '\t');
  ASSERT_EQ(cells.size(), 5u);
  EXPECT_EQ(cells[0], "1");
  EXPECT_EQ(cells[1], "0.3000");
  EXPECT_EQ(cells[2], "B.");
  EXPECT_EQ(cells[3], "");
  EXPECT_EQ(cells[4], kRtl);
}

TEST(ReportTest, XmlSafeTextReplacesWhatXmlForbids) {
  EXPECT_EQ(XmlSafeText("a\x01z"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(XmlSafeText(std::string("a\0z", 3)), "a\xEF\xBF\xBDz");
  EXPECT_EQ(XmlSafeText("tab\tlf\ncr\r"), "tab\tlf\ncr\r");
  EXPECT_EQ(XmlSafeText("\xEF\xBF\xBE\xEF\xBF\xBF"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(XmlSafeText("\xE2\x80\x8F RLM stays"), "\xE2\x80\x8F RLM stays");
  EXPECT_EQ(XmlSafeText("\xEF\xBF\xBD"), "\xEF\xBF\xBD");
}

std::string RunCommand(const std::string& command, int* status) {
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
  *status = ::pclose(pipe);
  return out;
}

// Bytes XML 1.0 does not allow anywhere in a document.
bool HasIllegalXmlBytes(const std::string& s) {
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return true;
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xBE) {
      return true;
    }
  }
  return s.find("&#") != std::string::npos;  // we never need character references
}

void CheckTmx(const AlignResult& r, const std::string& expected_srclang) {
  const std::string out = Write(r, AlignFormat::kTmx);
  EXPECT_FALSE(HasIllegalXmlBytes(out));
  EXPECT_THAT(out, HasSubstr("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">"));
  pugi::xml_document doc;
  pugi::xml_parse_result parsed =
      doc.load_buffer(out.data(), out.size(), pugi::parse_default | pugi::parse_declaration | pugi::parse_doctype);
  ASSERT_TRUE(parsed) << parsed.description() << " at " << parsed.offset;
  // pugixml is lenient; libxml2 is a strict XML 1.0 parser, when installed.
  int status = 0;
  RunCommand("command -v xmllint >/dev/null 2>&1", &status);
  if (status == 0) {
    const fs::path file = fs::temp_directory_path() / ("talign_report_test_" + std::to_string(::getpid()) + ".tmx");
    std::ofstream(file, std::ios::binary) << out;
    const std::string errors = RunCommand("xmllint --noout --nonet '" + file.string() + "' 2>&1", &status);
    EXPECT_EQ(status, 0) << errors;
    fs::remove(file);
  }
  pugi::xml_node tmx = doc.child("tmx");
  EXPECT_STREQ(tmx.attribute("version").value(), "1.4");
  pugi::xml_node header = tmx.child("header");
  for (const char* a : {"creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"}) {
    EXPECT_FALSE(std::string(header.attribute(a).value()).empty()) << a;
  }
  EXPECT_EQ(header.attribute("srclang").value(), expected_srclang);
  EXPECT_STREQ(header.attribute("segtype").value(), "sentence");
  size_t b = 0;
  for (pugi::xml_node tu : tmx.child("body").children("tu")) {
    ASSERT_LT(b, r.alignment.beads.size());
    const Bead& bead = r.alignment.beads[b];
    EXPECT_EQ(tu.find_child_by_attribute("prop", "type", "x-score").text().as_string(), FormatScore(bead.score));
    size_t tuvs = 0;
    for (pugi::xml_node tuv : tu.children("tuv")) {
      // The tuvs come in version order, skipping empty sides.
      size_t v = 0;
      while (v < bead.sides.size() && r.language_tags[v] != tuv.attribute("xml:lang").value()) ++v;
      ASSERT_LT(v, bead.sides.size()) << tuv.attribute("xml:lang").value();
      EXPECT_FALSE(bead.sides[v].empty());
      std::string expected = XmlSafeText(BeadSideText(r, v, bead.sides[v].begin, bead.sides[v].end));
      for (const char* line_break : {"\r\n", "\n"}) {
        for (size_t at; (at = expected.find(line_break)) != std::string::npos;) {
          expected.replace(at, std::strlen(line_break), " ");
        }
      }
      EXPECT_EQ(tuv.child("seg").text().as_string(), expected);
      std::string indices;
      for (uint32_t i = bead.sides[v].begin; i < bead.sides[v].end; ++i) {
        indices += (i > bead.sides[v].begin ? "," : "") + std::to_string(i);
      }
      EXPECT_EQ(tuv.find_child_by_attribute("prop", "type", "x-sentences").text().as_string(), indices);
      ++tuvs;
    }
    size_t non_empty = 0;
    for (const SentenceRange& s : bead.sides) non_empty += !s.empty();
    EXPECT_EQ(tuvs, non_empty) << "bead " << b;
    ++b;
  }
  EXPECT_EQ(b, r.alignment.beads.size());
}

TEST(ReportTest, TmxIsWellFormedWithHeaderAndOneTuvPerSide) {
  CheckTmx(TwoVersions(), "*all*");
  CheckTmx(ThreeVersions(), "*all*");
  const std::string out = Write(TwoVersions(), AlignFormat::kTmx);
  EXPECT_THAT(out, HasSubstr("&lt;script&gt;") );
  EXPECT_THAT(out, Not(HasSubstr("<script>")));
  EXPECT_THAT(out, HasSubstr("&amp; 'it'"));
}

TEST(ReportTest, TmxEscapesFileNames) {
  AlignResult r = TwoVersions();
  r.versions[0] = Version("dir/\"a&b\"<c>\x02.txt", Language::kEnglish, {"One.", kNasty, kBroken, "Last."});
  CheckTmx(r, "*all*");
  const std::string out = Write(r, AlignFormat::kTmx);
  EXPECT_THAT(out, HasSubstr("<prop type=\"x-input\">dir/\"a&amp;b\"&lt;c&gt;\xEF\xBF\xBD.txt</prop>"));
}

TEST(ReportTest, TmxNamesTheSourceWhenKnown) {
  AlignResult r = ThreeVersions();
  r.settings.source_version = 1;
  CheckTmx(r, "zh");
}

// Rungs back to beads, the way hunalign's ladder is read: the sentences
// between two consecutive rungs are one bead.
std::vector<std::vector<SentenceRange>> ReadLadder(const std::string& text, std::vector<std::string>* scores) {
  std::vector<std::vector<uint32_t>> rungs;
  for (const std::string& line : Lines(text)) {
    auto fields = Split(line, '\t');
    std::vector<uint32_t> rung;
    for (size_t i = 0; i + 1 < fields.size(); ++i) rung.push_back(std::stoul(fields[i]));
    rungs.push_back(rung);
    scores->push_back(fields.back());
  }
  std::vector<std::vector<SentenceRange>> beads;
  for (size_t k = 0; k + 1 < rungs.size(); ++k) {
    std::vector<SentenceRange> bead;
    for (size_t v = 0; v < rungs[k].size(); ++v) bead.push_back({rungs[k][v], rungs[k + 1][v]});
    beads.push_back(bead);
  }
  return beads;
}

TEST(ReportTest, LadderRungsGiveBackTheBeads) {
  for (const AlignResult& r : {TwoVersions(), ThreeVersions()}) {
    std::vector<std::string> scores;
    const std::string out = Write(r, AlignFormat::kLadder);
    auto beads = ReadLadder(out, &scores);
    ASSERT_EQ(beads.size(), r.alignment.beads.size()) << out;
    for (size_t b = 0; b < beads.size(); ++b) {
      EXPECT_EQ(beads[b], r.alignment.beads[b].sides) << "bead " << b;
      EXPECT_EQ(scores[b], FormatScore(r.alignment.beads[b].score));
    }
    // The ladder starts at the origin and closes at the end of every version.
    EXPECT_EQ(Lines(out).front().substr(0, 2), "0\t");
    EXPECT_EQ(beads.back().back().end, r.versions.back().sentences.size());
  }
}

TEST(ReportTest, LadderOfEmptyAlignmentIsOneClosingRung) {
  AlignResult r;
  r.versions.push_back(Version("e.en", Language::kEnglish, {}));
  r.versions.push_back(Version("e.zh", Language::kChinese, {}));
  r.language_tags = {"en", "zh"};
  EXPECT_EQ(Write(r, AlignFormat::kLadder), "0\t0\t0.0000\n");
}

TEST(ReportTest, LadderRefusesBeadsThatDoNotCoverInOrder) {
  AlignResult r = TwoVersions();
  std::swap(r.alignment.beads[0], r.alignment.beads[1]);
  std::ostringstream out;
  Status s = WriteLadder(r, out);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(s.message(), HasSubstr("a.en.txt"));
  r = TwoVersions();
  r.alignment.beads.pop_back();
  EXPECT_EQ(WriteLadder(r, out).code(), StatusCode::kInvalidArgument);
}

TEST(ReportTest, LadderRoundTripsThroughScorePy) {
  const fs::path score = fs::path(TALIGN_SOURCE_DIR) / ".." / "shared" / "eval" / "score.py";
  int status = 0;
  RunCommand("python3 -c 'import sys' 2>/dev/null", &status);
  if (!fs::exists(score) || status != 0) GTEST_SKIP() << "no ../shared/eval/score.py or python3";
  const fs::path dir = fs::temp_directory_path() / ("talign_report_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const AlignResult r = TwoVersions();
  std::ofstream(dir / "out.ladder") << Write(r, AlignFormat::kLadder);
  std::ofstream(dir / "out.beads") << Write(r, AlignFormat::kBeads);
  const std::string converted =
      RunCommand("python3 '" + score.string() + "' convert '" + (dir / "out.ladder").string() + "'", &status);
  EXPECT_EQ(status, 0);
  EXPECT_EQ(converted, Write(r, AlignFormat::kBeads));
  const std::string scored = RunCommand("python3 '" + score.string() + "' score --pred-format ladder '" +
                                            (dir / "out.beads").string() + "' '" + (dir / "out.ladder").string() + "'",
                                        &status);
  EXPECT_EQ(status, 0);
  EXPECT_THAT(scored, HasSubstr("| F1          |   1.000 |   1.000 |"));
  fs::remove_all(dir);
}

TEST(ReportTest, BeadsOutsideTheVersionsAreRefusedByEveryWriter) {
  AlignResult r = TwoVersions();
  r.alignment.beads.push_back(MakeBead({{4, 5}, {3, 3}}, 0.5));
  AlignResult sides = TwoVersions();
  sides.alignment.beads[0].sides.pop_back();
  for (AlignFormat f : {AlignFormat::kBeads, AlignFormat::kJsonl, AlignFormat::kTsv, AlignFormat::kCsv,
                        AlignFormat::kTmx, AlignFormat::kLadder}) {
    std::ostringstream out;
    EXPECT_EQ(WriteAlignment(r, f, out).code(), StatusCode::kInvalidArgument) << AlignFormatName(f);
    EXPECT_EQ(WriteAlignment(sides, f, out).code(), StatusCode::kInvalidArgument) << AlignFormatName(f);
  }
}

TEST(ReportTest, OutputIsDeterministic) {
  for (AlignFormat f : {AlignFormat::kBeads, AlignFormat::kJsonl, AlignFormat::kTsv, AlignFormat::kCsv,
                        AlignFormat::kTmx, AlignFormat::kLadder}) {
    EXPECT_EQ(Write(ThreeVersions(), f), Write(ThreeVersions(), f)) << AlignFormatName(f);
  }
}

TEST(ReportTest, JsonlHeaderHasEveryAlignerParameter) {
  const std::vector<std::string> lines = Lines(Write(TwoVersions(), AlignFormat::kJsonl));
  const auto aligner = nlohmann::json::parse(lines[0])["config"]["aligner"];
  // The header comes from the settings table, which config_test holds to
  // every field of AlignerConfig.
  ASSERT_EQ(aligner.size(), AlignerConfigFields().size());
  for (const auto& field : AlignerConfigFields()) EXPECT_TRUE(aligner.contains(std::string(field.name))) << field.name;
  EXPECT_EQ(aligner["max_bead_side"], AlignerConfig{}.max_bead_side);
}

TEST(ReportTest, FailingStreamIsAnIoError) {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  EXPECT_EQ(WriteBeads(TwoVersions(), out).code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace align

namespace align {
namespace {

TEST(FormatTables, EveryFormatHasOneRowAndItsNameRoundTrips) {
  std::set<std::string_view> names;
  for (const AlignFormatInfo& info : AlignFormats()) {
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    EXPECT_EQ(ParseAlignFormat(info.name), info.format);
    EXPECT_EQ(AlignFormatName(info.format), info.name);
    EXPECT_EQ(&AlignFormatOf(info.format), &info);
    EXPECT_FALSE(info.extension.empty());
    std::ostringstream direct, through_table;
    ASSERT_TRUE(info.write(TwoVersions(), direct).ok());
    ASSERT_TRUE(WriteAlignment(TwoVersions(), info.format, through_table).ok());
    EXPECT_EQ(direct.str(), through_table.str());
  }
  EXPECT_EQ(AlignFormats().size(), 6u);
  EXPECT_FALSE(ParseAlignFormat("xml").has_value());
  names.clear();
  for (const FindingsFormatInfo& info : FindingsFormats()) {
    EXPECT_TRUE(names.insert(info.name).second) << info.name;
    EXPECT_EQ(ParseFindingsFormat(info.name), info.format);
    EXPECT_EQ(FindingsFormatName(info.format), info.name);
  }
  EXPECT_EQ(FindingsFormats().size(), 5u);
}

}  // namespace
}  // namespace align
