// RunAlign and PrepareAlign (with a Session): reading, language detection, segmentation,
// presegmented input, dictionaries and the errors of a bad job.
#include "align/pipeline.h"
#include "align/report.h"
#include "analysis.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace align {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("talign_pipeline_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    en_ = Write("s.en.txt",
                "The talks were held in Beijing on Monday.\n\n"
                "Both sides agreed to deepen cooperation. They also discussed trade.\n\n"
                "The two sides will meet again next year.\n");
    zh_ = Write("s.zh.txt",
                "会谈星期一在北京举行。\n\n双方同意深化合作。双方还讨论了贸易问题。\n\n双方将于明年再次会晤。\n");
    ur_ = Write("s.ur.txt",
                "بات چیت پیر کو بیجنگ میں ہوئی۔\n\nدونوں فریقوں نے تعاون کو گہرا کرنے پر اتفاق کیا۔ "
                "انہوں نے تجارت پر بھی بات کی۔\n\nدونوں فریق اگلے سال دوبارہ ملیں گے۔\n");
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

  AlignJob Job(std::vector<std::string> inputs) {
    AlignJob job;
    job.inputs = std::move(inputs);
    return job;
  }

  // Resources as `talign align` has them without options, but without the
  // setup dictionaries: the same result whether or not setup fetched them.
  static SessionConfig Resources() {
    SessionConfig config;
    config.default_lexicon = false;
    config.use_cedict = false;
    config.use_urdu_english = false;
    return config;
  }
  static StatusOr<AlignResult> Prepare(const AlignJob& job, const SessionConfig& config = Resources()) {
    auto session = Session::Create(config);
    if (!session.ok()) return session.status();
    return PrepareAlign(job, **session);
  }
  static StatusOr<AlignResult> Align(const AlignJob& job, const SessionConfig& config = Resources()) {
    auto session = Session::Create(config);
    if (!session.ok()) return session.status();
    return RunAlign(job, **session);
  }

  fs::path dir_;
  std::string en_, zh_, ur_;
};

// Beads cover every sentence of every version once, in order.
void ExpectCover(const AlignResult& r) {
  std::vector<uint32_t> next(r.versions.size(), 0);
  for (const Bead& b : r.alignment.beads) {
    ASSERT_EQ(b.sides.size(), r.versions.size());
    for (size_t v = 0; v < b.sides.size(); ++v) {
      EXPECT_EQ(b.sides[v].begin, next[v]);
      next[v] = b.sides[v].end;
    }
    EXPECT_GE(b.score, 0.0);
    EXPECT_LE(b.score, 1.0);
  }
  for (size_t v = 0; v < r.versions.size(); ++v) EXPECT_EQ(next[v], r.versions[v].sentences.size());
}

TEST_F(PipelineTest, DetectsLanguagesAndSegments) {
  auto r = Prepare(Job({en_, zh_, ur_}));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->language_tags, (std::vector<std::string>{"en", "zh", "ur"}));
  EXPECT_EQ(r->versions[0].language, Language::kEnglish);
  EXPECT_EQ(r->versions[2].language, Language::kUrdu);
  for (const AlignInput& v : r->versions) {
    EXPECT_GE(v.sentences.size(), 3u) << v.document.name();
    EXPECT_TRUE(v.sentence_concepts.empty());  // term anchors are not wired in yet
  }
  EXPECT_TRUE(r->alignment.beads.empty());
}

TEST_F(PipelineTest, KeepsTagsAsGiven) {
  AlignJob job = Job({zh_, en_});
  job.language_tags = {"zh-Hans", "en-GB"};
  auto r = Prepare(job);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->language_tags, (std::vector<std::string>{"zh-Hans", "en-GB"}));
  EXPECT_EQ(r->versions[0].language, Language::kChinese);
}

TEST_F(PipelineTest, RefusesBadJobs) {
  EXPECT_EQ(Prepare(Job({en_})).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(Prepare(Job({en_, zh_, ur_, en_})).status().code(), StatusCode::kInvalidArgument);

  AlignJob unknown = Job({en_, zh_});
  unknown.language_tags = {"en", "xx"};
  auto u = Prepare(unknown);
  EXPECT_EQ(u.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(u.status().message(), HasSubstr("'xx'"));

  AlignJob count = Job({en_, zh_});
  count.language_tags = {"en"};
  EXPECT_EQ(Prepare(count).status().code(), StatusCode::kInvalidArgument);

  auto same = Prepare(Job({en_, Write("other.en.txt", "Another English text.\n")}));
  EXPECT_EQ(same.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(same.status().message(), HasSubstr("both en"));

  EXPECT_EQ(Prepare(Job({"-", "-"})).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(PipelineTest, InputErrorsNameTheFile) {
  auto missing = Prepare(Job({en_, (dir_ / "missing.zh.txt").string()}));
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(missing.status().message(), HasSubstr("missing.zh.txt"));

  auto bad = Prepare(Job({en_, Write("bad.zh.txt", "好的。\xff\n")}));
  EXPECT_EQ(bad.status().code(), StatusCode::kDataError);
  EXPECT_THAT(bad.status().message(), HasSubstr("bad.zh.txt"));
  EXPECT_THAT(bad.status().message(), HasSubstr("byte 9"));

  SessionConfig lexicon = Resources();
  lexicon.lexicon_paths = {(dir_ / "no-terms.tsv").string()};
  auto l = Prepare(Job({en_, zh_}), lexicon);
  EXPECT_EQ(l.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(l.status().message(), HasSubstr("no-terms.tsv"));
}

TEST_F(PipelineTest, TextWithoutLettersNeedsALanguage) {
  const std::string digits = Write("digits.txt", "2026 12 31\n");
  auto detected = Prepare(Job({en_, digits}));
  EXPECT_EQ(detected.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(detected.status().message(), HasSubstr("digits.txt"));
  AlignJob given = Job({en_, digits});
  given.language_tags = {"", "zh"};  // detect the first, take the second as given
  auto r = Prepare(given);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->language_tags, (std::vector<std::string>{"en", "zh"}));
}

TEST_F(PipelineTest, PresegmentedLineIsSentence) {
  AlignJob job = Job({Write("p.en", "One.\nTwo.\n\nFour.\n"), Write("p.zh", "一。\n二。\n三。\n四。\n")});
  job.language_tags = {"en", "zh"};
  job.presegmented = true;
  auto r = Align(job);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->versions[0].sentences.size(), 4u);  // the blank line keeps its index
  EXPECT_EQ(r->versions[0].document.Slice(r->versions[0].sentences[3].span), "Four.");
  EXPECT_TRUE(r->versions[0].sentences[2].span.empty());
  ExpectCover(*r);
}

TEST_F(PipelineTest, AlignsTwoAndThreeVersions) {
  for (const auto& inputs : {std::vector<std::string>{en_, zh_}, std::vector<std::string>{en_, zh_, ur_}}) {
    auto r = Align(Job(inputs));
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_FALSE(r->alignment.beads.empty());
    ExpectCover(*r);
  }
}

TEST_F(PipelineTest, UserDictionaries) {
  const std::string dic = Write("en-zh.tsv", "talks\t会谈\ncooperation\t合作\n");
  AlignJob job = Job({en_, zh_});
  SessionConfig config = Resources();
  config.dictionaries = {{dic}};
  auto r = Align(job, config);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->settings.dictionaries, std::vector<std::string>{"en,zh=" + dic});
  ExpectCover(*r);

  config.dictionaries = {{(dir_ / "none.tsv").string()}};
  auto missing = Align(job, config);
  EXPECT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("none.tsv"));

  // A pair named explicitly, for a three-version job.
  SessionConfig three = Resources();
  three.dictionaries = {{Write("en-ur.tsv", "talks\tبات چیت\n"), Language::kEnglish, Language::kUrdu}};
  auto t = Align(Job({en_, zh_, ur_}), three);
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_THAT(t->settings.dictionaries[0], ::testing::StartsWith("en,ur="));
  ExpectCover(*t);
}

TEST_F(PipelineTest, TheUrduEnglishLexiconIsUsedForEnglishAndUrduOnly) {
  // $TALIGN_UR_EN names the list that tools/fetch-ur-en.sh builds; an
  // English–Urdu job uses and records it, an English–Chinese one does not,
  // a list that does not parse is an error naming it, not a silent skip,
  // and a path that does not exist turns it off (as TALIGN_CEDICT does).
  const char* saved = std::getenv("TALIGN_UR_EN");
  const std::string keep = saved ? saved : "";
  ::setenv("TALIGN_UR_EN", Write("ur-en.tsv", "# comment\nتعاون\tcooperation\nتجارت\ttrade\n").c_str(), 1);
  AlignJob job = Job({en_, ur_});
  SessionConfig config = Resources();
  config.use_urdu_english = true;
  auto r = Align(job, config);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->settings.dictionaries.size(), 1u);
  EXPECT_THAT(r->settings.dictionaries[0], HasSubstr("ur-en pivot lexicon"));
  auto z = Align(Job({en_, zh_}), config);
  ASSERT_TRUE(z.ok());
  EXPECT_TRUE(z->settings.dictionaries.empty());
  ::setenv("TALIGN_UR_EN", Write("broken.tsv", "تعاون\t!!!\n").c_str(), 1);
  auto broken = Align(job, config);
  EXPECT_FALSE(broken.ok());
  EXPECT_THAT(broken.status().message(), HasSubstr("broken.tsv:1"));
  ::setenv("TALIGN_UR_EN", (dir_ / "absent.tsv").string().c_str(), 1);
  auto off = Align(job, config);
  ASSERT_TRUE(off.ok()) << off.status().message();
  EXPECT_TRUE(off->settings.dictionaries.empty());
  if (saved) ::setenv("TALIGN_UR_EN", keep.c_str(), 1); else ::unsetenv("TALIGN_UR_EN");
}

TEST_F(PipelineTest, ChineseAndUrduWithoutEnglishMeetThroughIt) {
  // No dictionary translates Chinese into Urdu; CC-CEDICT and the Urdu
  // list both translate into English, and a Chinese-Urdu job composes them.
  // A job with English does not: it has a dictionary of its own per pair.
  const char* saved_cedict = std::getenv("TALIGN_CEDICT");
  const char* saved_ur = std::getenv("TALIGN_UR_EN");
  const std::string keep_cedict = saved_cedict ? saved_cedict : "", keep_ur = saved_ur ? saved_ur : "";
  ::setenv("TALIGN_CEDICT", Write("cedict.u8", "合作 合作 [he2 zuo4] /to cooperate/cooperation/\n").c_str(), 1);
  ::setenv("TALIGN_UR_EN", Write("ur-en.tsv", "تعاون\tcooperation\n").c_str(), 1);
  SessionConfig config = Resources();
  config.use_cedict = config.use_urdu_english = true;
  auto zu = Align(Job({zh_, ur_}), config);
  ASSERT_TRUE(zu.ok()) << zu.status().message();
  ASSERT_EQ(zu->settings.dictionaries.size(), 3u);
  EXPECT_THAT(zu->settings.dictionaries[2], HasSubstr("zh-ur through English"));
  auto ez = Align(Job({en_, zh_}), config);
  ASSERT_TRUE(ez.ok()) << ez.status().message();
  EXPECT_EQ(ez->settings.dictionaries, std::vector<std::string>{"CC-CEDICT"});
  if (saved_cedict) ::setenv("TALIGN_CEDICT", keep_cedict.c_str(), 1); else ::unsetenv("TALIGN_CEDICT");
  if (saved_ur) ::setenv("TALIGN_UR_EN", keep_ur.c_str(), 1); else ::unsetenv("TALIGN_UR_EN");
}

}  // namespace
}  // namespace align

namespace align {
namespace {

TEST(PipelineInMemory, DocumentsAlignAsTheirFilesDo) {
  auto session = Session::Create([] {
    SessionConfig c;
    c.use_cedict = c.use_urdu_english = false;
    return c;
  }());
  ASSERT_TRUE(session.ok()) << session.status().message();
  const std::string corpus = std::string(TALIGN_SOURCE_DIR) + "/corpora/";
  CheckJob from_files, from_memory;
  for (const char* lang : {"en", "zh", "ur"}) {
    const std::string path = corpus + "readout." + lang + ".txt";
    from_files.align.inputs.push_back(path);
    auto doc = Document::Load(path);
    ASSERT_TRUE(doc.ok());
    std::string bytes(doc->bytes());
    auto copy = Document::FromString(path, std::move(bytes));  // same name: same report
    ASSERT_TRUE(copy.ok());
    from_memory.align.documents.push_back(std::move(*copy));
  }
  auto a = RunCheck(from_files, **session);
  auto b = RunCheck(from_memory, **session);
  ASSERT_TRUE(a.ok() && b.ok());
  std::ostringstream ja, jb;
  ASSERT_TRUE(WriteAlignment(a->align, AlignFormat::kJsonl, ja).ok());
  ASSERT_TRUE(WriteAlignment(b->align, AlignFormat::kJsonl, jb).ok());
  EXPECT_EQ(ja.str(), jb.str());
  EXPECT_EQ(a->findings.size(), b->findings.size());

  CheckJob both = from_memory;
  both.align.inputs = from_files.align.inputs;
  EXPECT_EQ(RunCheck(both, **session).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace align

namespace align {
namespace {

// Each version is analysed once: RunCheck makes one key per sentence (the
// matcher, the aligner's anchors and every pass of the checker share it).
TEST(PipelineAnalysis, OneKeyPerSentenceAndVersion) {
  SessionConfig config;
  config.use_cedict = config.use_urdu_english = false;
  auto session = Session::Create(config);
  ASSERT_TRUE(session.ok()) << session.status().message();
  CheckJob job;
  const std::string corpus = std::string(TALIGN_SOURCE_DIR) + "/corpora/";
  for (const char* lang : {"en", "zh", "ur"}) job.align.inputs.push_back(corpus + "readout-divergent." + lang + ".txt");
  const size_t before = internal::SentenceKeysMade();
  auto checked = RunCheck(job, **session);
  ASSERT_TRUE(checked.ok()) << checked.status().message();
  size_t sentences = 0;
  for (const AlignInput& v : checked->align.versions) {
    for (const Sentence& s : v.sentences) sentences += !s.span.empty();
  }
  EXPECT_GT(checked->findings.size(), 0u);  // the passes that read numbers ran
  EXPECT_EQ(internal::SentenceKeysMade() - before, sentences);
}

}  // namespace
}  // namespace align
