// TerminalSafe, the one escaping of user data in text output, and the text
// report of findings that uses it.
#include "align/terminal_text.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "align/pipeline.h"
#include "align/report.h"

namespace align {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(TerminalSafeTest, EscapesControlCharactersAndBytesThatAreNotUtf8) {
  EXPECT_EQ(TerminalSafe("plain text, 中文, اردو \\ as is"), "plain text, 中文, اردو \\ as is");
  EXPECT_EQ(TerminalSafe("a\x1B[31mred"), "a\\x1B[31mred");
  EXPECT_EQ(TerminalSafe(std::string("nul\0end", 7)), "nul\\x00end");
  EXPECT_EQ(TerminalSafe("del\x7F"), "del\\x7F");
  EXPECT_EQ(TerminalSafe("c1\xC2\x85\xC2\x9B" "x"), "c1\\u0085\\u009Bx");  // NEL, CSI
  EXPECT_EQ(TerminalSafe("\xC2\xA0nbsp"), "\xC2\xA0nbsp");                 // U+00A0 is no control
  EXPECT_EQ(TerminalSafe("bad\xFF\xC3(\xED\xA0\x80"), "bad\\xFF\\xC3(\\xED\\xA0\\x80");
  EXPECT_EQ(TerminalSafe("cut \xE4\xB8"), "cut \\xE4\\xB8");
}

TEST(TerminalSafeTest, LineBreaksAndTabsAsAsked) {
  const std::string text = "a\tb\nc\r\nd\re";
  EXPECT_EQ(TerminalSafe(text), "a\\tb\\nc\\r\\nd\\re");
  EXPECT_EQ(TerminalSafe(text, TerminalBreaks::kEscape), "a\\tb\\nc\\r\\nd\\re");
  EXPECT_EQ(TerminalSafe(text, TerminalBreaks::kSpace), "a b c d e");
  EXPECT_EQ(TerminalSafe(text, TerminalBreaks::kSpaceKeepTab), "a\tb c d e");
}

class TempFiles {
 public:
  TempFiles() {
    dir_ = std::filesystem::temp_directory_path() / ("talign_terminal_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  ~TempFiles() { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) const {
    const std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

 private:
  std::filesystem::path dir_;
};

TEST(TerminalSafeTest, TheTextReportOfFindingsQuotesDocumentsEscaped) {
  TempFiles files;
  AlignJob job;
  job.inputs = {files.Write("a.en.txt", "Talks \x1B]0;owned\x07 were held\r\non 15 May.\n"),
                files.Write("a.zh.txt", "会谈于5月13日举行。\n")};
  job.language_tags = {"en", "zh"};
  SessionConfig resources;
  resources.default_lexicon = false;
  auto session = Session::Create(resources);
  ASSERT_TRUE(session.ok()) << session.status().message();
  auto aligned = PrepareAlign(job, **session);
  ASSERT_TRUE(aligned.ok()) << aligned.status().message();
  ASSERT_EQ(aligned->versions[0].sentences.size(), 1u);
  Bead bead;
  bead.sides = {{0, 1}, {0, 1}};
  aligned->alignment.beads = {bead};
  const std::string_view en = aligned->versions[0].document.bytes();
  Finding finding;
  finding.type = FindingType::kNumberMismatch;
  finding.version = 1;
  finding.places = {{0, {0}, {Span{en.find("Talks"), en.find(" were")}}}};
  finding.expected = {"15\x1B[2J"};
  finding.message = "number 13 where \x1B[2J the other has 15";
  const std::vector<Finding> findings = {finding};
  FindingsReport report{&*aligned, nullptr, nullptr, &findings};
  std::ostringstream out;
  ASSERT_TRUE(WriteFindings(report, FindingsFormat::kText, {}, out).ok());
  const std::string text = out.str();
  EXPECT_THAT(text, Not(HasSubstr("\x1B")));
  EXPECT_THAT(text, Not(HasSubstr("\x07")));
  EXPECT_THAT(text, HasSubstr("\u00BBTalks \\x1B]0;owned\\x07\u00AB were held on 15 May."));
  EXPECT_THAT(text, HasSubstr("number 13 where \\x1B[2J the other has 15"));
  EXPECT_THAT(text, HasSubstr("15\\x1B[2J"));
}

}  // namespace
}  // namespace align
