// talign eval must print what ../shared/eval/score.py prints, to the last
// digit: on the published reference outputs in ../shared/eval (when present
// and python3 is installed) and on hand-made cases whose counts are checked
// by hand as well.
#include "align/eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace align {
namespace {

namespace fs = std::filesystem;

const fs::path kEval = fs::path(TALIGN_SOURCE_DIR) / ".." / "shared" / "eval";

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

bool HavePython() {
  int status = 0;
  RunCommand("python3 -c 'import sys' 2>/dev/null", &status);
  return status == 0;
}

std::string Quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string ScorePy(const fs::path& gold, const fs::path& pred, const std::string& options, int* status) {
  return RunCommand("python3 " + Quote((kEval / "score.py").string()) + " score " + options + " " +
                 Quote(gold.string()) + " " + Quote(pred.string()) + " 2>&1",
             status);
}

std::string Ours(const fs::path& gold, const fs::path& pred, bool per_doc, bool exact, bool json) {
  auto report = EvaluatePaths(gold.string(), pred.string());
  if (!report.ok()) return "error: " + report.status().message();
  std::ostringstream out;
  const EvalOutputOptions options{per_doc, exact};
  Status s = json ? WriteEvalJson(*report, options, out) : WriteEvalTable(*report, options, out);
  EXPECT_TRUE(s.ok());
  return out.str();
}

// Every output variant of ours against score.py's on one gold/prediction pair.
void ExpectSameAsScorePy(const fs::path& gold, const fs::path& pred) {
  struct Variant {
    bool per_doc, exact, json;
    std::string flags;
  };
  for (const Variant& v : {Variant{false, false, false, ""}, Variant{true, true, false, "--per-doc --exact"},
                           Variant{false, false, true, "--json"}, Variant{true, false, true, "--json --per-doc"}}) {
    int status = 0;
    const std::string expected = ScorePy(gold, pred, v.flags, &status);
    ASSERT_EQ(status, 0) << expected;
    EXPECT_EQ(Ours(gold, pred, v.per_doc, v.exact, v.json), expected)
        << gold << " vs " << pred << " with '" << v.flags << "'";
  }
}

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() / ("talign_eval_test_" + std::to_string(::getpid()) + "_" +
                                         std::to_string(counter_++));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path Write(const std::string& name, const std::string& text) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
  const fs::path& path() const { return path_; }

 private:
  static inline int counter_ = 0;
  fs::path path_;
};

TEST(EvalTest, HandCountedCounts) {
  // gold: 0-0, 1,2-1, 3-[] ; pred: 0-0 (strict), 1-1 (lax: 1 and 1 share a
  // gold bead), 2-2 (no hit), 3-[] (strict: deletions count for precision).
  auto gold = ParseBeadLines("[0]:[0]\n[1,2]:[1]\n[3]:[]\n[]:[2]\n", "gold");
  auto pred = ParseBeadLines("[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[]\n", "pred");
  ASSERT_TRUE(gold.ok() && pred.ok());
  EvalCounts c = CountHits(*gold, *pred);
  EXPECT_EQ(c.n_pred, 4);
  EXPECT_EQ(c.p_strict, 2);
  EXPECT_EQ(c.p_lax, 3);
  // Recall: gold beads with both sides non-empty: [0]:[0], [1,2]:[1].
  EXPECT_EQ(c.n_gold, 2);
  EXPECT_EQ(c.r_strict, 1);
  EXPECT_EQ(c.r_lax, 2);
  EXPECT_EQ(c.exact_hits, 2);
  EXPECT_EQ(c.exact_pred, 4);
  EXPECT_EQ(c.exact_gold, 4);
  EvalScores s = Summarize(c);
  EXPECT_DOUBLE_EQ(s.precision_strict, 0.5);
  EXPECT_DOUBLE_EQ(s.recall_strict, 0.5);
  EXPECT_DOUBLE_EQ(s.f1_strict, 0.5);
  EXPECT_DOUBLE_EQ(s.precision_lax, 0.75);
  EXPECT_DOUBLE_EQ(s.recall_lax, 1.0);
}

TEST(EvalTest, DuplicatesAndNullBeadsCountOnce) {
  auto gold = ParseBeadLines("[0]:[0]\n[]:[]\n", "gold");
  auto pred = ParseBeadLines("[0]:[0]\n[0]:[0]\n[]:[]\n", "pred");
  ASSERT_TRUE(gold.ok() && pred.ok());
  EvalCounts c = CountHits(*gold, *pred);
  EXPECT_EQ(c.n_pred, 1);
  EXPECT_EQ(c.p_strict, 1);
  EXPECT_EQ(c.exact_pred, 2);  // the null bead counts in the exact score only
  EXPECT_EQ(c.exact_hits, 2);
}

TEST(EvalTest, EmptyPredictionScoresZeroNotNan) {
  EvalScores s = Summarize(CountHits(*ParseBeadLines("[0]:[0]\n", "g"), {}));
  EXPECT_EQ(s.precision_strict, 0.0);
  EXPECT_EQ(s.f1_strict, 0.0);
  EXPECT_EQ(s.f1_lax, 0.0);
}

TEST(EvalTest, ReadsWhatScorePyReads) {
  auto beads = ParseBeadLines(" [1, 2] : [3]\tcost 0.5\r\n\n[]:[4]\r[5]:[6]:[7]\n[ 8 ]:[ ]", "f");
  ASSERT_TRUE(beads.ok()) << beads.status().message();
  ASSERT_EQ(beads->size(), 4u);
  EXPECT_EQ((*beads)[0], EvalBead({1, 2}, {3}));
  EXPECT_EQ((*beads)[1], EvalBead({}, {4}));
  EXPECT_EQ((*beads)[2], EvalBead({5}, {6}));  // a third side is ignored
  EXPECT_EQ((*beads)[3], EvalBead({8}, {}));
}

TEST(EvalTest, BadLinesNameFileAndLine) {
  auto bad = ParseBeadLines("[0]:[0]\nhello\n", "pred.beads");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "pred.beads:2: not a bead line: 'hello'");
  auto ids = ParseBeadLines("[0]:[0]\n\n[1,,2]:[1]\n", "p");
  ASSERT_FALSE(ids.ok());
  EXPECT_NE(ids.status().message().find("p:3:"), std::string::npos);
  auto utf8 = ParseBeadLines("[0]:[0]\xff\n", "p");
  ASSERT_FALSE(utf8.ok());
  EXPECT_NE(utf8.status().message().find("byte 7"), std::string::npos);
}

TEST(EvalTest, DirectoriesMatchByStem) {
  TempDir dir;
  dir.Write("gold/001", "[0]:[0]\n[1]:[1]\n");
  dir.Write("gold/002", "[0]:[0,1]\n");
  dir.Write("gold/.hidden", "not beads\n");
  dir.Write("pred/001.beads", "[0]:[0]\n[1]:[1]\n");
  dir.Write("pred/002.align", "[0]:[0]\n[]:[1]\n");
  dir.Write("pred/extra", "[0]:[0]\n");
  auto report = EvaluatePaths((dir.path() / "gold").string(), (dir.path() / "pred").string());
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->documents.size(), 2u);
  EXPECT_EQ(report->documents[0].name, "001");
  EXPECT_EQ(report->documents[1].name, "002");
  EXPECT_EQ(report->total.n_pred, 4);
  EXPECT_EQ(report->total.p_strict, 2);
  EXPECT_EQ(report->total.p_lax, 3);

  dir.Write("gold/003", "[0]:[0]\n");
  auto missing = EvaluatePaths((dir.path() / "gold").string(), (dir.path() / "pred").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("no prediction in"), std::string::npos);
  EXPECT_NE(missing.status().message().find("003"), std::string::npos);

  fs::create_directories(dir.path() / "gold2" / "004");
  fs::create_directories(dir.path() / "pred2" / "004");
  auto subdir = EvaluatePaths((dir.path() / "gold2").string(), (dir.path() / "pred2").string());
  ASSERT_FALSE(subdir.ok());
  EXPECT_NE(subdir.status().message().find("is a directory"), std::string::npos);

  auto mixed = EvaluatePaths((dir.path() / "gold").string(), (dir.path() / "pred/001.beads").string());
  EXPECT_FALSE(mixed.ok());
}

TEST(EvalTest, TableMatchesScorePyOnHandMadeCases) {
  if (!fs::exists(kEval / "score.py") || !HavePython()) GTEST_SKIP() << "no ../shared/eval or python3";
  TempDir dir;
  // Mixed bead types, deletions, insertions, repeated beads, ids out of
  // order, a third side, CR LF, a document where nothing matches.
  dir.Write("gold/a", "[0,1]:[0]\n[2]:[1,2]\n[3]:[]\n[]:[3]\n[4]:[4]\n[5,6]:[5,6]\n");
  dir.Write("pred/a", "[0]:[0]\n[1]:[]\n[2]:[1,2]\n[3]:[3]\n[4]:[4]\n[4]:[4]\n[5]:[5]\n[6]:[6]\n");
  dir.Write("gold/b.beads", "[0]:[0]:[0]\r\n[1]:[1]:[1]\r\n[2]:[2]:[]\r\n");
  dir.Write("pred/b.align", "[0]:[1]:[0]\n[1]:[0]:[1]\n[2]:[]:[2]\n[]:[2]:[]\n");
  dir.Write("gold/c", "[0]:[0]\n");
  dir.Write("pred/c", "[]:[]\n");
  ExpectSameAsScorePy(dir.path() / "gold", dir.path() / "pred");
  ExpectSameAsScorePy(dir.path() / "gold/a", dir.path() / "pred/a");
  ExpectSameAsScorePy(dir.path() / "gold/c", dir.path() / "pred/c");
  // Fractions whose third decimal sits near a rounding edge: 1/8 = 0.125, 5/8.
  dir.Write("gold/d", "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[4]\n[5]:[5]\n[6]:[6]\n[7]:[7]\n");
  dir.Write("pred/d", "[0]:[0]\n[1,2]:[1,2]\n[3]:[3,4]\n[5]:[5]\n[6,7]:[6,7]\n");
  ExpectSameAsScorePy(dir.path() / "gold/d", dir.path() / "pred/d");
}

TEST(EvalTest, MatchesScorePyOnPublishedReferenceOutputs) {
  if (!fs::exists(kEval / "mac-dev" / "gold") || !HavePython()) GTEST_SKIP() << "no ../shared/eval or python3";
  int compared = 0;
  for (const char* system : {"bertalign", "hunalign-nulldic"}) {
    const fs::path pred = kEval / "mac-dev" / "reference" / system;
    if (!fs::exists(pred)) continue;
    ExpectSameAsScorePy(kEval / "mac-dev" / "gold", pred);
    ExpectSameAsScorePy(kEval / "mac-dev" / "gold" / "001", pred / "001");
    ++compared;
  }
  EXPECT_EQ(compared, 2);
  // The published Bertalign row on MAC-Dev (strict F1 0.911), independently of score.py.
  auto report = EvaluatePaths((kEval / "mac-dev" / "gold").string(),
                              (kEval / "mac-dev" / "reference" / "bertalign").string());
  ASSERT_TRUE(report.ok());
  EXPECT_NEAR(report->scores.f1_strict, 0.911, 0.0005);
  // Gold against itself is perfect on every set that has bead gold.
  for (const fs::path& gold : {kEval / "mac-dev" / "gold", kEval / "nonlit-dev" / "aca" / "gold",
                               kEval / "nonlit-dev" / "mag" / "gold"}) {
    if (!fs::exists(gold)) continue;
    auto self = EvaluatePaths(gold.string(), gold.string());
    ASSERT_TRUE(self.ok()) << self.status().message();
    EXPECT_EQ(self->scores.f1_strict, 1.0) << gold;
    ExpectSameAsScorePy(gold, gold);
  }
}

#ifdef TALIGN_BINARY
TEST(EvalTest, CommandPrintsWhatScorePyPrints) {
  if (!fs::exists(kEval / "mac-dev" / "gold") || !HavePython()) GTEST_SKIP() << "no ../shared/eval or python3";
  const fs::path gold = kEval / "mac-dev" / "gold", pred = kEval / "mac-dev" / "reference" / "bertalign";
  for (const std::string flags : {"", "--per-doc --exact", "--json"}) {
    int status = 0, ours_status = 0;
    const std::string expected = ScorePy(gold, pred, flags, &status);
    const std::string ours = RunCommand(Quote(TALIGN_BINARY) + " eval " + flags + " " + Quote(gold.string()) + " " +
                                     Quote(pred.string()),
                                 &ours_status);
    EXPECT_EQ(ours_status, 0);
    EXPECT_EQ(ours, expected) << flags;
  }
  int status = 0;
  RunCommand(Quote(TALIGN_BINARY) + " eval " + Quote(gold.string()) + " /nonexistent/pred 2>/dev/null", &status);
  EXPECT_EQ(WEXITSTATUS(status), 2);
}
#endif

}  // namespace
}  // namespace align
