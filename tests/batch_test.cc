// Batch runs: discovery, manifests, task slices, determinism across thread
// counts, failure isolation, resume and atomic outputs.
#include "align/batch.h"

#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace align {
namespace {

namespace fs = std::filesystem;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "talign-batch-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string operator/(const std::string& rel) const { return (fs::path(path_) / rel).string(); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void Write(const std::string& path, const std::string& content) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

std::string Read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A small English–Chinese–Urdu set whose content varies with |n|.
void WriteSet(const std::string& stem, int n, bool urdu = false) {
  std::string en, zh, ur;
  for (int i = 0; i < 3 + n % 4; ++i) {
    int v = n * 7 + i;
    en += "The two sides signed " + std::to_string(v) + " agreements on trade and energy. ";
    en += "Talks lasted " + std::to_string(i + 2) + " hours in the capital.\n\n";
    zh += "双方签署了" + std::to_string(v) + "项贸易和能源协议。";
    zh += "会谈在首都持续了" + std::to_string(i + 2) + "个小时。\n\n";
    ur += "دونوں فریقوں نے تجارت اور توانائی کے " + std::to_string(v) + " معاہدوں پر دستخط کیے۔ ";
    ur += "دارالحکومت میں بات چیت " + std::to_string(i + 2) + " گھنٹے جاری رہی۔\n\n";
  }
  Write(stem + ".en.txt", en);
  Write(stem + ".zh.txt", zh);
  if (urdu) Write(stem + ".ur.txt", ur);
}

std::vector<std::string> Names(const std::vector<BatchSet>& sets) {
  std::vector<std::string> names;
  for (const BatchSet& s : sets) names.push_back(s.name);
  return names;
}

// Every regular file under |dir| (relative path → bytes), summaries and
// the directory's .talign-batch mark aside.
std::map<std::string, std::string> Outputs(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::string rel = fs::relative(e.path(), dir).generic_string();
    if (rel.rfind("summary", 0) == 0 || rel == ".talign-batch") continue;
    files[rel] = Read(e.path().string());
  }
  return files;
}

bool AnyTemporary(const std::string& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().string().find(".tmp.") != std::string::npos) return true;
  }
  return false;
}

int64_t MTimeNs(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return -1;
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

TEST(DiscoverSets, FindsPairsAndTriplesInSubdirectoriesAndIgnoresStrays) {
  TempDir d;
  WriteSet(d / "a", 1);
  WriteSet(d / "sub/deeper/b", 2, /*urdu=*/true);
  Write(d / "lone.en.txt", "Only one version.\n");
  Write(d / "notes.txt", "not a version\n");
  Write(d / "c.fr.txt", "Pas une langue connue.\n");
  Write(d / "c.en.txt", "Hello.\n");
  Write(d / "a.en.sents", "sentences file\n");
  auto sets = DiscoverSets(d.path());
  ASSERT_TRUE(sets.ok()) << sets.status().message();
  EXPECT_THAT(Names(*sets), ElementsAre("a", "sub/deeper/b"));
  EXPECT_THAT((*sets)[0].inputs, ElementsAre(d / "a.en.txt", d / "a.zh.txt"));
  EXPECT_THAT((*sets)[1].language_tags, ElementsAre("en", "zh", "ur"));
}

TEST(DiscoverSets, TwoVersionsInOneLanguageIsAnError) {
  TempDir d;
  WriteSet(d / "x", 1);
  Write(d / "x.zh-Hans.txt", "你好。\n");
  auto sets = DiscoverSets(d.path());
  ASSERT_FALSE(sets.ok());
  EXPECT_THAT(sets.status().message(), HasSubstr("two versions in one language"));
  EXPECT_THAT(sets.status().message(), HasSubstr("x.zh"));
}

TEST(DiscoverSets, MissingDirectory) {
  auto sets = DiscoverSets("/nonexistent/talign-batch");
  ASSERT_FALSE(sets.ok());
  EXPECT_EQ(sets.status().code(), StatusCode::kNotFound);
}

TEST(ReadManifest, ResolvesFilesAgainstTheManifestAndReadsLanguagesFromNames) {
  TempDir d;
  Write(d / "m.tsv", "# a comment\n\none\tdocs/one.en.txt\tdocs/one.ur.txt\r\n"
                     "two\t/abs/two.zh.txt\tdocs/two.txt\tdocs/two.en.txt\n");
  auto sets = ReadManifest(d / "m.tsv");
  ASSERT_TRUE(sets.ok()) << sets.status().message();
  ASSERT_EQ(sets->size(), 2u);
  EXPECT_EQ((*sets)[0].line, 3);
  EXPECT_THAT((*sets)[0].inputs, ElementsAre(d / "docs/one.en.txt", d / "docs/one.ur.txt"));
  EXPECT_THAT((*sets)[0].language_tags, ElementsAre("en", "ur"));
  EXPECT_THAT((*sets)[1].inputs[0], "/abs/two.zh.txt");
  EXPECT_THAT((*sets)[1].language_tags, ElementsAre("zh", "", "en"));  // "" → detected

  auto tagged = ReadManifest(d / "m.tsv", {"en", "ur"});
  ASSERT_FALSE(tagged.ok());  // line 4 has three files
  EXPECT_THAT(tagged.status().message(), HasSubstr("m.tsv:4:1: 3 files but --langs names 2"));
}

TEST(ReadManifest, ErrorsNameTheLine) {
  TempDir d;
  struct Case {
    std::string text, expected;
  } cases[] = {
      {"# c\nok\ta.en.txt\tb.zh.txt\nbad\tonly-one.txt\n", "m.tsv:3:1: expected name<TAB>file<TAB>file"},
      {"x\ta.en.txt\tb.zh.txt\n#\nx\tc.en.txt\td.zh.txt\n", "m.tsv:3:1: set 'x' already named on line 1"},
      {"../up\ta.en.txt\tb.zh.txt\n", "m.tsv:1:1: set name '../up'"},
      {"/abs\ta.en.txt\tb.zh.txt\n", "m.tsv:1:1: set name '/abs'"},
      {"n\ta.en.txt\t\n", "m.tsv:1:12: empty file name"},
      {"n\ta\tb\tc\td\n", "m.tsv:1:1: expected name<TAB>file<TAB>file[<TAB>file], got 5 fields"},
  };
  for (const Case& c : cases) {
    Write(d / "m.tsv", c.text);
    auto sets = ReadManifest(d / "m.tsv");
    ASSERT_FALSE(sets.ok()) << c.text;
    EXPECT_THAT(sets.status().message(), HasSubstr(c.expected)) << c.text;
  }
  auto missing = ReadManifest(d / "none.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(TaskSlice, TakesKSetLinesPerTask) {
  std::vector<BatchSet> sets(5);
  for (int i = 0; i < 5; ++i) sets[i].name = std::to_string(i + 1);
  EXPECT_THAT(Names(TaskSlice(sets, 1, 2)), ElementsAre("1", "2"));
  EXPECT_THAT(Names(TaskSlice(sets, 2, 2)), ElementsAre("3", "4"));
  EXPECT_THAT(Names(TaskSlice(sets, 3, 2)), ElementsAre("5"));
  EXPECT_TRUE(TaskSlice(sets, 4, 2).empty());
  EXPECT_THAT(Names(TaskSlice(sets, 0, 0)), ElementsAre("1", "2", "3", "4", "5"));
}

TEST(TaskSlice, CountsOnlySetLinesOfAManifest) {
  TempDir d;
  Write(d / "m.tsv", "# header\na\ta.en.txt\ta.zh.txt\n\n# more\nb\tb.en.txt\tb.zh.txt\nc\tc.en.txt\tc.zh.txt\n");
  auto sets = ReadManifest(d / "m.tsv");
  ASSERT_TRUE(sets.ok());
  EXPECT_THAT(Names(TaskSlice(*sets, 2, 1)), ElementsAre("b"));
  EXPECT_EQ(TaskSlice(*sets, 2, 1)[0].line, 5);
}

BatchJob DirJob(const std::string& in, const std::string& out, int jobs) {
  BatchJob job;
  job.input_dir = in;
  job.out_dir = out;
  job.jobs = jobs;
  job.resources.use_cedict = false;  // the same result whether or not setup fetched it
  job.resources.use_urdu_english = false;
  job.timings = false;
  return job;
}

TEST(RunBatch, OutputIsByteIdenticalWhateverTheNumberOfThreads) {
  TempDir in, out1, out2;
  for (int i = 0; i < 12; ++i) WriteSet(in / ("s" + std::to_string(i)), i, i % 3 == 0);
  auto one = RunBatch(DirJob(in.path(), out1.path(), 1));
  auto two = RunBatch(DirJob(in.path(), out2.path(), 2));
  ASSERT_TRUE(one.ok()) << one.status().message();
  ASSERT_TRUE(two.ok()) << two.status().message();
  EXPECT_EQ(one->ok, 12u);
  EXPECT_EQ(one->failed, 0u);
  auto files = Outputs(out1.path());
  EXPECT_EQ(files.size(), 48u);  // alignment, findings, report and record per set
  EXPECT_TRUE(fs::exists(out1 / ".talign-batch"));
  EXPECT_EQ(files, Outputs(out2.path()));
  EXPECT_EQ(Read(out1 / "summary.json"), Read(out2 / "summary.json"));
  EXPECT_FALSE(AnyTemporary(out1.path()));
  EXPECT_THAT(Read(out1 / "s0.align.jsonl"), HasSubstr("\"bead\""));
  EXPECT_THAT(Read(out1 / "summary.html"), HasSubstr("<td data-v=\"s11\"><a href=\"s11.report.html\">s11</a></td>"));
}

TEST(RunBatch, AFailingSetIsRecordedAndTheOthersGoOn) {
  TempDir in, out;
  WriteSet(in / "a", 1);
  WriteSet(in / "b", 2);
  WriteSet(in / "c", 3);
  Write(in / "b.zh.txt", "bad \xff\xfe bytes\n");
  auto summary = RunBatch(DirJob(in.path(), out.path(), 2));
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_EQ(summary->ok, 2u);
  EXPECT_EQ(summary->failed, 1u);
  const BatchSetSummary& b = summary->sets[1];
  EXPECT_EQ(b.name, "b");
  EXPECT_FALSE(b.ok);
  EXPECT_THAT(b.error, HasSubstr("b.zh.txt"));
  EXPECT_THAT(b.error, HasSubstr("byte 4"));
  EXPECT_FALSE(fs::exists(out / "b.align.jsonl"));
  EXPECT_TRUE(fs::exists(out / "c.align.jsonl"));
  std::string json = Read(out / "summary.json");
  EXPECT_THAT(json, HasSubstr("\"status\": \"failed\""));
  EXPECT_THAT(json, HasSubstr("\"failed\": 1"));
}

TEST(RunBatch, AnEmptyVersionFailsItsSet) {
  TempDir in, out;
  WriteSet(in / "a", 1);
  WriteSet(in / "e", 2);
  Write(in / "e.en.txt", "  \n\n");
  auto summary = RunBatch(DirJob(in.path(), out.path(), 1));
  ASSERT_TRUE(summary.ok());
  EXPECT_TRUE(summary->sets[0].ok);
  EXPECT_FALSE(summary->sets[1].ok);
  EXPECT_THAT(summary->sets[1].error, HasSubstr("e.en.txt: empty document"));
}

// Sets a file's modification time |seconds| into the past (what cp -p,
// rsync -t and tar do to a replaced input).
void MakeOld(const std::string& path, int seconds) {
  fs::last_write_time(path, fs::last_write_time(path) - std::chrono::seconds(seconds));
}

TEST(RunBatch, ResumeDecidesByContentNotByTime) {
  TempDir in, out;
  for (int i = 0; i < 4; ++i) WriteSet(in / ("s" + std::to_string(i)), i);
  BatchJob job = DirJob(in.path(), out.path(), 2);
  auto first = RunBatch(job);
  ASSERT_TRUE(first.ok());
  std::map<std::string, int64_t> before;
  for (const auto& [rel, bytes] : Outputs(out.path())) before[rel] = MTimeNs(out / rel);

  job.resume = true;
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  // s1: the same bytes written again, newer than its outputs: still done.
  Write(in / "s1.en.txt", Read(in / "s1.en.txt"));
  // s2: other bytes under an old time, as `cp -p` of an older file leaves them.
  Write(in / "s2.en.txt", Read(in / "s2.en.txt") + "One more sentence was added to this version.\n");
  MakeOld(in / "s2.en.txt", 3600 * 24);
  auto again = RunBatch(job);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->resumed, 3u);
  EXPECT_FALSE(again->sets[2].resumed);
  EXPECT_TRUE(again->sets[0].resumed);
  EXPECT_TRUE(again->sets[1].resumed);
  // A resumed set's entry is read back from its record.
  EXPECT_EQ(again->sets[0].beads, first->sets[0].beads);
  EXPECT_EQ(again->sets[0].sentences, first->sets[0].sentences);
  EXPECT_NEAR(again->sets[0].mean_score, first->sets[0].mean_score, 1e-4);
  EXPECT_EQ(again->sets[0].input_sha256, first->sets[0].input_sha256);
  EXPECT_NE(again->sets[2].input_sha256, first->sets[2].input_sha256);
  for (const auto& [rel, mtime] : before) {
    bool redone = rel.rfind("s2.", 0) == 0;
    EXPECT_EQ(MTimeNs(out / rel) != mtime, redone) << rel;
  }

  // Without --resume everything is redone.
  job.resume = false;
  auto fresh = RunBatch(job);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->resumed, 0u);
}

TEST(RunBatch, ResumeRedoesEverySetWhenTheSettingsChange) {
  TempDir in, out;
  WriteSet(in / "a", 1);
  WriteSet(in / "b", 2);
  BatchJob job = DirJob(in.path(), out.path(), 1);
  ASSERT_TRUE(RunBatch(job).ok());
  job.resume = true;
  auto same = RunBatch(job);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->resumed, 2u);

  job.check.min_content_letters += 1;  // another checker setting: other findings may follow
  auto changed = RunBatch(job);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->resumed, 0u);

  // A termbase of other content under the same name, with an old time.
  TempDir lexicons;
  Write(lexicons / "terms.tsv", "peace\ten\tpeace\tpreferred\n");
  job.resources.lexicon_paths = {lexicons / "terms.tsv"};
  ASSERT_TRUE(RunBatch(job).ok());
  EXPECT_EQ(RunBatch(job)->resumed, 2u);
  Write(lexicons / "terms.tsv", "trade\ten\ttrade\tpreferred\n");
  MakeOld(lexicons / "terms.tsv", 3600 * 24 * 365);
  EXPECT_EQ(RunBatch(job)->resumed, 0u);
}

TEST(RunBatch, ResumeRedoesASetWhoseOutputIsMissing) {
  TempDir in, out;
  WriteSet(in / "a", 1);
  WriteSet(in / "b", 2);
  BatchJob job = DirJob(in.path(), out.path(), 1);
  ASSERT_TRUE(RunBatch(job).ok());
  fs::remove(out / "a.align.jsonl");
  job.resume = true;
  auto again = RunBatch(job);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->sets[0].resumed);
  EXPECT_TRUE(again->sets[1].resumed);
  EXPECT_TRUE(fs::exists(out / "a.align.jsonl"));
}

TEST(RunBatch, WritesOnlyIntoANewEmptyOrItsOwnDirectory) {
  TempDir in, out;
  WriteSet(in / "readout", 1);
  // The user's own file of an output's name, beside the inputs: never replaced.
  Write(in / "readout.findings.json", "the reviser's gold findings");
  BatchJob job = DirJob(in.path(), in.path(), 1);
  auto refused = RunBatch(job);
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(refused.status().message(), HasSubstr("not empty, and not an output directory of talign batch"));
  EXPECT_EQ(Read(in / "readout.findings.json"), "the reviser's gold findings");
  EXPECT_FALSE(fs::exists(in / "readout.align.jsonl"));

  // A new directory is claimed, and a later run into it is welcome.
  job.out_dir = out / "new";
  ASSERT_TRUE(RunBatch(job).ok());
  EXPECT_TRUE(fs::exists(out / "new/.talign-batch"));
  EXPECT_TRUE(RunBatch(job).ok());
}

TEST(RunBatch, RemovesTemporariesOfItsOwnSetsOnly) {
  TempDir in, out;
  Write(in / "m.tsv", "a\ta.en.txt\ta.zh.txt\nb\tb.en.txt\tb.zh.txt\n");
  WriteSet(in / "a", 1);
  WriteSet(in / "b", 2);
  Write(out / ".talign-batch", "");  // the out dir of earlier runs
  Write(out / "a.align.jsonl.tmp.4242", "half a file");
  Write(out / "b.align.jsonl.tmp.4242", "another task's file in progress");
  Write(out / "summary.task-1.json.tmp.77", "{");
  BatchJob job;
  job.manifest_path = in / "m.tsv";
  job.out_dir = out.path();
  job.resources.use_cedict = false;
  job.resources.use_urdu_english = false;
  job.task_index = 1;
  job.per_task = 1;
  auto summary = RunBatch(job);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  EXPECT_FALSE(fs::exists(out / "a.align.jsonl.tmp.4242"));
  EXPECT_FALSE(fs::exists(out / "summary.task-1.json.tmp.77"));
  EXPECT_TRUE(fs::exists(out / "b.align.jsonl.tmp.4242"));  // task 2's
  EXPECT_TRUE(fs::exists(out / "summary.task-1.json"));
  EXPECT_FALSE(fs::exists(out / "summary.json"));
  EXPECT_FALSE(fs::exists(out / "b.align.jsonl"));
}

TEST(RunBatch, TasksMergedGiveTheSerialSummary) {
  TempDir in, serial, tasks;
  std::string manifest = "# five sets, two per task\n";
  for (int i = 0; i < 5; ++i) {
    std::string n = "set" + std::to_string(i);
    WriteSet(in / n, i, i == 4);
    manifest += n + "\t" + n + ".en.txt\t" + n + ".zh.txt" + (i == 4 ? "\t" + n + ".ur.txt" : "") + "\n";
  }
  Write(in / "m.tsv", manifest);
  BatchJob job;
  job.manifest_path = in / "m.tsv";
  job.resources.use_cedict = false;
  job.resources.use_urdu_english = false;
  job.timings = false;
  job.out_dir = serial.path();
  ASSERT_TRUE(RunBatch(job).ok());
  job.out_dir = tasks.path();
  job.per_task = 2;
  for (int t = 1; t <= 4; ++t) {  // task 4 is past the end: no sets, no error
    job.task_index = t;
    auto summary = RunBatch(job);
    ASSERT_TRUE(summary.ok()) << summary.status().message();
    EXPECT_EQ(summary->sets.size(), t <= 2 ? 2u : t == 3 ? 1u : 0u);
  }
  auto merged = MergeSummaries(tasks.path());
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(merged->sets.size(), 5u);
  EXPECT_EQ(Outputs(serial.path()), Outputs(tasks.path()));
  EXPECT_EQ(Read(serial / "summary.json"), Read(tasks / "summary.json"));
  EXPECT_EQ(Read(serial / "summary.html"), Read(tasks / "summary.html"));
}

TEST(RunBatch, ReportsAConceptRenderedDifferentlyAcrossSets) {
  TempDir in, out;
  Write(in / "terms.tsv",
        "# concept_id\tlang\tterm\tstatus\tnote\n"
        "talks\ten\tstrategic dialogue\tpreferred\t\n"
        "talks\ten\tstrategic consultations\tadmitted\t\n"
        "talks\ten\tSD\tadmitted\tshort form\n"
        "talks\tzh\t战略对话\tpreferred\t\n"
        "trade\ten\tfree trade agreement\tpreferred\t\n"
        "trade\tzh\t自由贸易协定\tpreferred\t\n");
  Write(in / "a.en.txt", "The strategic dialogue was held in May. The SD will meet again.\n");
  Write(in / "a.zh.txt", "战略对话于五月举行。战略对话将再次举行。\n");
  Write(in / "b.en.txt", "The strategic consultations were held in June. A free trade agreement was signed.\n");
  Write(in / "b.zh.txt", "战略对话于六月举行。双方签署了自由贸易协定。\n");
  Write(in / "c.en.txt", "The strategic dialogue resumed. The free trade agreement entered into force.\n");
  Write(in / "c.zh.txt", "战略对话恢复。自由贸易协定生效。\n");
  BatchJob job = DirJob(in.path(), out.path(), 2);
  job.resources.lexicon_paths = {in / "terms.tsv"};
  job.resources.default_lexicon = false;  // the sets are checked against this termbase alone
  auto summary = RunBatch(job);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  ASSERT_EQ(summary->inconsistencies.size(), 1u);  // not zh, not trade, not the short form SD
  const BatchInconsistency& inc = summary->inconsistencies[0];
  EXPECT_EQ(inc.concept_id, "talks");
  EXPECT_EQ(inc.language, "en");
  ASSERT_EQ(inc.renderings.size(), 2u);
  EXPECT_EQ(inc.renderings[0].term, "strategic dialogue");
  EXPECT_THAT(inc.renderings[0].sets, ElementsAre("a", "c"));
  EXPECT_EQ(inc.renderings[1].term, "strategic consultations");
  EXPECT_THAT(inc.renderings[1].sets, ElementsAre("b"));
  EXPECT_THAT(Read(out / "summary.json"), HasSubstr("\"type\": \"inconsistent-term\""));
  EXPECT_THAT(Read(out / "summary.html"), HasSubstr(">strategic consultations<"));

  // Resumed sets keep their renderings: the same finding from the records.
  job.resume = true;
  auto again = RunBatch(job);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->resumed, 3u);
  ASSERT_EQ(again->inconsistencies.size(), 1u);
  EXPECT_THAT(again->inconsistencies[0].renderings[1].sets, ElementsAre("b"));
}

// Batch shares one matcher and one set of dictionaries across threads; what
// it writes must still be what `talign check` computes for the set alone.
TEST(RunBatch, WritesWhatRunCheckComputes) {
  TempDir in, out;
  const std::string corpus = std::string(TALIGN_SOURCE_DIR) + "/corpora/";
  for (const char* lang : {"en", "zh", "ur"}) {
    Write(in / (std::string("readout.") + lang + ".txt"), Read(corpus + "readout." + lang + ".txt"));
  }
  // A user dictionary and a named source: batch used to record the one and
  // ignore the other.
  TempDir dicts;
  Write(dicts / "en-ur.tsv", "talks\tبات چیت\n");
  BatchJob job = DirJob(in.path(), out.path(), 2);
  job.resources.dictionaries = {{dicts / "en-ur.tsv", Language::kEnglish, Language::kUrdu}};
  job.source_language = "en";
  auto summary = RunBatch(job);
  ASSERT_TRUE(summary.ok()) << summary.status().message();
  ASSERT_EQ(summary->ok, 1u) << summary->sets[0].error;

  CheckJob check;
  check.align.inputs = {in / "readout.en.txt", in / "readout.zh.txt", in / "readout.ur.txt"};
  check.align.language_tags = {"en", "zh", "ur"};
  check.align.source_language = "en";
  SessionConfig resources = job.resources;
  auto session = Session::Create(resources);
  ASSERT_TRUE(session.ok()) << session.status().message();
  auto checked = RunCheck(check, **session);
  ASSERT_TRUE(checked.ok()) << checked.status().message();
  FindingsReport report{&checked->align, &checked->hits, &(*session)->matcher()->lexicon(), &checked->findings};
  report.provenance = &checked->provenance;
  std::ostringstream aligned, json, html;
  ASSERT_TRUE(WriteAlignment(checked->align, AlignFormat::kJsonl, aligned).ok());
  ASSERT_TRUE(WriteFindingsJson(report, json).ok());
  ASSERT_TRUE(WriteFindingsHtml(report, ReportOptions{}, html).ok());
  EXPECT_EQ(Read(out / "readout.align.jsonl"), aligned.str());
  EXPECT_THAT(aligned.str(), HasSubstr("\"dictionaries\":[\"en,ur=" + dicts / "en-ur.tsv" + "\"]"));
  EXPECT_THAT(aligned.str(), HasSubstr("\"source\":\"en\""));
  EXPECT_EQ(Read(out / "readout.findings.json"), json.str());
  EXPECT_EQ(Read(out / "readout.report.html"), html.str());
  EXPECT_EQ(summary->sets[0].findings_total, checked->findings.size());
  EXPECT_THAT(Read(out / "summary.html"), HasSubstr("<a href=\"readout.report.html\">readout</a>"));
}

TEST(RunBatch, BadJobsAreRefusedBeforeAnythingRuns) {
  TempDir out;
  BatchJob job;
  job.out_dir = out.path();
  EXPECT_FALSE(RunBatch(job).ok());  // no input
  job.input_dir = out.path();
  job.task_index = 2;
  EXPECT_FALSE(RunBatch(job).ok());  // task index without per-task
  job.task_index = 0;
  job.resources.lexicon_paths = {out / "missing.tsv"};
  auto missing = RunBatch(job);
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("missing.tsv"));
  EXPECT_FALSE(fs::exists(out / "summary.json"));
}

TEST(DefaultJobs, FollowsSlurmCpusPerTask) {
  ::setenv("SLURM_CPUS_PER_TASK", "3", 1);
  EXPECT_EQ(DefaultJobs(), 3);
  ::setenv("SLURM_CPUS_PER_TASK", "junk", 1);
  EXPECT_GE(DefaultJobs(), 1);
  ::unsetenv("SLURM_CPUS_PER_TASK");
  EXPECT_GE(DefaultJobs(), 1);
}

}  // namespace
}  // namespace align
