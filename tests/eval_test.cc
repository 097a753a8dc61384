// talign eval must print what ../shared/eval/score.py prints, to the last
// digit: on the published reference outputs in ../shared/eval (when present
// and python3 is installed) and on hand-made cases whose counts are checked
// by hand as well.
#include "eval.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

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

TEST(EvalTest, LaddersGiveTheBeadsBetweenRungs) {
  // hunalign's ladder of [0,1]:[0] [2]:[1] [3]:[] (the closing rung last),
  // with CR LF, a BOM and a third index column in the second file.
  auto two = ParseLadderLines("\xEF\xBB\xBF" "0\t0\t0.8731\r\n2\t1\t0.95\n3\t2\t0.4\n4\t2\t0.0000\n", "a.ladder");
  ASSERT_TRUE(two.ok()) << two.status().message();
  EXPECT_EQ(*two, (std::vector<EvalBead>{{{0, 1}, {0}}, {{2}, {1}}, {{3}, {}}}));
  auto three = ParseLadderLines("0\t0\t0\t0.5\n1\t1\t2\t0.5\n1\t2\t2\t0.1\n", "b.ladder");
  ASSERT_TRUE(three.ok()) << three.status().message();
  EXPECT_EQ(*three, (std::vector<EvalBead>{{{0}, {0}}, {{}, {1}}}));
  // Rungs repeated (no sentence between them) give no bead.
  auto repeated = ParseLadderLines("0 0 1\n0 0 1\n1 1 0\n", "c.ladder");
  ASSERT_TRUE(repeated.ok());
  EXPECT_EQ(repeated->size(), 1u);

  for (const char* bad : {"0\t0\n", "0\t0\t0\t0\t0.5\n", "0\tx\t0.5\n", "-1\t0\t0.5\n", "0\t0\tscore\n",
                          "99999999999999999999\t0\t1\n"}) {
    auto r = ParseLadderLines(bad, "bad.ladder");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_NE(r.status().message().find("bad.ladder:1: not a ladder rung"), std::string::npos) << r.status().message();
  }
  auto back = ParseLadderLines("0\t0\t1\n\n3\t2\t1\n2\t3\t1\n", "back.ladder");
  ASSERT_FALSE(back.ok());
  EXPECT_NE(back.status().message().find("back.ladder:4: rung 2 3 goes back from rung 3 2 of line 3"),
            std::string::npos) << back.status().message();
  EXPECT_FALSE(ParseLadderLines("0\t0\t1\n\xff\n", "utf8.ladder").ok());
}

TEST(EvalTest, JsonLinesGiveTheFirstTwoLanguages) {
  const std::string header = R"({"talign":"0.1.0","languages":["zh","en","ur"],"inputs":[]})";
  auto beads = ParseJsonlBeads(header + "\n" + R"({"bead":0,"zh":[0],"en":[0,1],"ur":[0],"score":0.5})" + "\n" +
                                   R"({"bead":1,"zh":[],"en":[2],"ur":[1],"score":0.1})" + "\n",
                               "a.jsonl");
  ASSERT_TRUE(beads.ok()) << beads.status().message();
  EXPECT_EQ(*beads, (std::vector<EvalBead>{{{0}, {0, 1}}, {{}, {2}}}));
  const std::pair<std::string, std::string> bad[] = {
      {"[1]\n", "a.jsonl:1: not a JSON object"},
      {R"({"bead":0,"zh":[0]})", "a.jsonl:1: not the header"},
      {header + "\n" + R"({"bead":0,"zh":[0]})", "a.jsonl:2: a bead without the sentence lists \"zh\" and \"en\""},
      {header + "\n" + R"({"zh":[-1],"en":[0]})", "a.jsonl:2: a bead without"},
      {header + "\n" + R"({"zh":"0","en":[0]})", "a.jsonl:2: a bead without"},
      {header + "\n{", "a.jsonl:2: not a JSON object"},
      {"\n\n", "a.jsonl: no header line"},
  };
  for (const auto& [text, message] : bad) {
    auto r = ParseJsonlBeads(text, "a.jsonl");
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_NE(r.status().message().find(message), std::string::npos) << r.status().message();
  }
}

TEST(EvalTest, BatchOutputNamesAndEveryFormatScoreAlike) {
  // talign batch writes NAME.align.FORMAT beside NAME.findings.json and
  // NAME.set.json; each format of the same beads scores the same.
  TempDir dir;
  dir.Write("gold/001", "[0,1]:[0]\n[2]:[1]\n[3]:[]\n");
  dir.Write("gold/002", "[0]:[0]\n");
  dir.Write("beads/001.align.beads", "[0,1]:[0]\n[2]:[1]\n[3]:[]\n");
  dir.Write("beads/002.align.beads", "[0]:[0]\n");
  dir.Write("ladder/001.align.ladder", "0\t0\t0.9\n2\t1\t0.9\n3\t2\t0.4\n4\t2\t0\n");
  dir.Write("ladder/002.align.ladder", "0\t0\t0.9\n1\t1\t0\n");
  const std::string header = R"({"talign":"0.1.0","languages":["en","zh"]})";
  dir.Write("jsonl/001.align.jsonl", header + "\n" + R"({"bead":0,"en":[0,1],"zh":[0]})" + "\n" +
                                         R"({"bead":1,"en":[2],"zh":[1]})" + "\n" + R"({"bead":2,"en":[3],"zh":[]})" +
                                         "\n");
  dir.Write("jsonl/002.align.jsonl", header + "\n" + R"({"bead":0,"en":[0],"zh":[0]})" + "\n");
  for (const char* format : {"beads", "ladder", "jsonl"}) {
    dir.Write(std::string(format) + "/001.findings.json", "{}");
    dir.Write(std::string(format) + "/001.set.json", "{}");
    dir.Write(std::string(format) + "/summary.json", "{}");
    auto report = EvaluatePaths((dir.path() / "gold").string(), (dir.path() / format).string());
    ASSERT_TRUE(report.ok()) << format << ": " << report.status().message();
    ASSERT_EQ(report->documents.size(), 2u) << format;
    EXPECT_EQ(report->documents[0].name, "001");
    EXPECT_EQ(report->total.n_pred, 4) << format;
    EXPECT_EQ(report->total.p_strict, 4) << format;
    EXPECT_EQ(report->total.r_strict, 3) << format;
  }
  // A gold written as a ladder reads as well.
  auto ladder_gold = EvaluatePaths((dir.path() / "ladder/001.align.ladder").string(),
                                   (dir.path() / "beads/001.align.beads").string());
  ASSERT_TRUE(ladder_gold.ok()) << ladder_gold.status().message();
  EXPECT_EQ(ladder_gold->scores.f1_strict, 1.0);
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

std::string ScoreLinesPy(const fs::path& gold, const fs::path& pred, const std::string& options, int* status) {
  return RunCommand("python3 " + Quote((kEval / "score.py").string()) + " score-lines " + options + " " +
                        Quote(gold.string()) + " " + Quote(pred.string()) + " 2>&1",
                    status);
}

void ExpectSameAsScoreLinesPy(const fs::path& gold, const fs::path& pred) {
  for (const auto& [per_doc, json, flags] : {std::tuple{false, false, ""}, std::tuple{true, false, "--per-doc"},
                                             std::tuple{false, true, "--json"}, std::tuple{true, true, "--json --per-doc"}}) {
    int status = 0;
    const std::string expected = ScoreLinesPy(gold, pred, flags, &status);
    ASSERT_EQ(status, 0) << expected;
    auto report = EvaluateLinePaths(gold.string(), pred.string());
    ASSERT_TRUE(report.ok()) << report.status().message();
    std::ostringstream out;
    const EvalOutputOptions options{per_doc, false};
    ASSERT_TRUE((json ? WriteLineEvalJson(*report, options, out) : WriteLineEvalTable(*report, options, out)).ok());
    EXPECT_EQ(out.str(), expected) << gold << " vs " << pred << " with '" << flags << "'";
  }
}

// Predictions made from the gold itself, perfect or damaged in the ways an
// aligner errs: merged beads, sentences split inside a line, a version's
// sentence split off into a bead of its own, a pair instead of three.
void WriteDamagedPredictions(const fs::path& gold_dir, const fs::path& out_dir, bool pair_only) {
  std::vector<fs::path> files;  // sorted, so that document k always gets damage k % 4
  for (const auto& entry : fs::directory_iterator(gold_dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  int doc = 0;
  for (const fs::path& path : files) {
    const std::string name = path.filename().string();
    if (name.size() < 11 || name.substr(name.size() - 11) != ".gold.jsonl") continue;
    const std::string stem = name.substr(0, name.size() - 11);
    std::map<std::pair<std::string, int64_t>, std::pair<int64_t, int64_t>> spans;
    std::ifstream lines(gold_dir / (stem + ".lines.jsonl"));
    for (std::string line; std::getline(lines, line);) {
      auto j = nlohmann::json::parse(line);
      spans[{j["lang"], j["line"]}] = {j["begin"], j["end"]};
    }
    const std::vector<std::string> langs = pair_only ? std::vector<std::string>{"en", "ur"}
                                                     : std::vector<std::string>{"en", "zh-Hans", "ur"};
    std::ofstream out(out_dir / (stem + ".jsonl"));
    out << nlohmann::json{{"talign", "test"}, {"languages", langs}}.dump() << '\n';
    std::ifstream gold(path);
    std::vector<nlohmann::json> beads;
    for (std::string line; std::getline(gold, line);) {
      auto g = nlohmann::json::parse(line);
      nlohmann::json bead{{"spans", nlohmann::json::object()}};
      for (const std::string& lang : langs) {
        const std::string primary = lang.substr(0, 2);
        nlohmann::json side = nlohmann::json::array();
        for (int64_t l : g.value(primary, std::vector<int64_t>{})) {
          auto [b, e] = spans.at({primary, l});
          if (doc % 4 == 2 && e - b > 10) {  // split inside the line
            side.push_back({b, b + (e - b) / 2});
            side.push_back({b + (e - b) / 2, e});
          } else {
            side.push_back({b, e});
          }
        }
        bead["spans"][lang] = side;
      }
      beads.push_back(bead);
    }
    for (size_t k = 0; k < beads.size(); ++k) {
      if (doc % 4 == 1 && k + 1 < beads.size()) {  // merge two beads into one
        for (const std::string& lang : langs) {
          for (const auto& span : beads[k + 1]["spans"][lang]) beads[k]["spans"][lang].push_back(span);
        }
        out << beads[k].dump() << '\n';
        ++k;
      } else if (doc % 4 == 3 && k % 5 == 0 && !pair_only) {  // zh on its own, then the others
        nlohmann::json alone{{"spans", {{"zh-Hans", beads[k]["spans"]["zh-Hans"]}}}};
        beads[k]["spans"]["zh-Hans"] = nlohmann::json::array();
        out << alone.dump() << '\n' << beads[k].dump() << '\n';
      } else {
        out << beads[k].dump() << '\n';
      }
    }
    ++doc;
  }
}

TEST(EvalTest, LineLevelMatchesScorePyOnNtrex) {
  const fs::path gold = kEval / "ntrex-dev";
  if (!fs::exists(gold) || !HavePython()) GTEST_SKIP() << "no ../shared/eval/ntrex-dev or python3";
  EXPECT_TRUE(IsLineGold(gold.string()));
  EXPECT_FALSE(IsLineGold((kEval / "mac-dev" / "gold").string()));
  TempDir dir;
  fs::create_directories(dir.path() / "three");
  fs::create_directories(dir.path() / "pair");
  WriteDamagedPredictions(gold, dir.path() / "three", false);
  WriteDamagedPredictions(gold, dir.path() / "pair", true);
  ExpectSameAsScoreLinesPy(gold, dir.path() / "three");
  ExpectSameAsScoreLinesPy(gold, dir.path() / "pair");
  // One document as files.
  const std::string doc = "abcnews.306758";
  ExpectSameAsScoreLinesPy(gold / (doc + ".gold.jsonl"), dir.path() / "three" / (doc + ".jsonl"));

  auto report = EvaluateLinePaths(gold.string(), (dir.path() / "three").string());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->pairs, (std::vector<std::string>{"en-zh", "en-ur", "zh-ur"}));
  EXPECT_LT(Summarize(report->totals[0]).f1_strict, 1.0);  // damaged documents pull it down
  auto one = EvaluateLinePaths((gold / (doc + ".gold.jsonl")).string(),
                               (dir.path() / "three" / (doc + ".jsonl")).string());
  ASSERT_TRUE(one.ok());
  for (const EvalCounts& c : one->totals) EXPECT_EQ(Summarize(c).f1_strict, 1.0);  // doc 0 is undamaged
}

TEST(EvalTest, LineLevelErrors) {
  TempDir dir;
  dir.Write("g/a.gold.jsonl", "{\"en\": [0], \"zh\": [0]}\n");
  auto no_lines = EvaluateLinePaths((dir.path() / "g").string(), dir.path().string());
  ASSERT_FALSE(no_lines.ok());
  dir.Write("g/a.lines.jsonl", "{\"lang\": \"en\", \"line\": 0, \"begin\": 0, \"end\": 5}\n"
                               "{\"lang\": \"zh\", \"line\": 0, \"begin\": 0, \"end\": 6}\n");
  fs::create_directories(dir.path() / "p");
  auto missing = EvaluateLinePaths((dir.path() / "g").string(), (dir.path() / "p").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("a.jsonl"), std::string::npos);
  dir.Write("p/a.jsonl", "{\"talign\": \"x\", \"languages\": [\"en\", \"ur\"]}\n");
  auto unknown = EvaluateLinePaths((dir.path() / "g").string(), (dir.path() / "p").string());
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("['ur']"), std::string::npos);
  dir.Write("p/a.jsonl", "{\"bead\": 0}\n");
  auto no_spans = EvaluateLinePaths((dir.path() / "g").string(), (dir.path() / "p").string());
  ASSERT_FALSE(no_spans.ok());
  EXPECT_NE(no_spans.status().message().find("no \"spans\""), std::string::npos);
  dir.Write("p/a.jsonl", "{\"spans\": {\"en\": [[0, 5]], \"zh\": [[0, 6]]}}\n");
  auto ok = EvaluateLinePaths((dir.path() / "g").string(), (dir.path() / "p").string());
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(Summarize(ok->totals[0]).f1_strict, 1.0);
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

// The whole loop of the NTREX set on a few documents: talign align writes
// jsonl, talign eval and score.py score-lines read it and agree.
TEST(EvalTest, CommandScoresAlignOutputLikeScoreLines) {
  const fs::path ntrex = kEval / "ntrex-dev";
  if (!fs::exists(ntrex) || !HavePython()) GTEST_SKIP() << "no ../shared/eval/ntrex-dev or python3";
  TempDir dir;
  fs::create_directories(dir.path() / "gold");
  fs::create_directories(dir.path() / "out");
  std::vector<std::string> docs;
  for (const auto& entry : fs::directory_iterator(ntrex)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 11 && name.substr(name.size() - 11) == ".gold.jsonl") docs.push_back(name.substr(0, name.size() - 11));
  }
  std::sort(docs.begin(), docs.end());
  docs.resize(std::min<size_t>(docs.size(), 3));
  for (const std::string& doc : docs) {
    for (const char* suffix : {".gold.jsonl", ".lines.jsonl"}) {
      fs::copy_file(ntrex / (doc + suffix), dir.path() / "gold" / (doc + suffix));
    }
    int status = 0;
    const std::string errors = RunCommand(
        Quote(TALIGN_BINARY) + " align --langs en,zh,ur --format jsonl -o " + Quote((dir.path() / "out" / (doc + ".jsonl")).string()) +
            " " + Quote((ntrex / (doc + ".en.txt")).string()) + " " + Quote((ntrex / (doc + ".zh.txt")).string()) + " " +
            Quote((ntrex / (doc + ".ur.txt")).string()) + " 2>&1",
        &status);
    ASSERT_EQ(status, 0) << errors;
  }
  for (const std::string flags : {"", "--per-doc --json"}) {
    int status = 0, ours_status = 0;
    const std::string expected = ScoreLinesPy(dir.path() / "gold", dir.path() / "out", flags, &status);
    ASSERT_EQ(status, 0) << expected;
    const std::string ours = RunCommand(Quote(TALIGN_BINARY) + " eval " + flags + " " + Quote((dir.path() / "gold").string()) +
                                            " " + Quote((dir.path() / "out").string()),
                                        &ours_status);
    EXPECT_EQ(ours_status, 0);
    EXPECT_EQ(ours, expected) << flags;
  }
}
#endif

}  // namespace
}  // namespace align
