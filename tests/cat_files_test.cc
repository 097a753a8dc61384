// CAT-tool files as check input (cat_file.h, pipeline.h): sniffing, the
// XLIFF 1.2, XLIFF 2.0 and TMX readers, their errors, and checks of the
// fixtures in tests/data/cat/ whose findings name their units.
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "align/cat_file.h"
#include "align/pipeline.h"
#include "align/report.h"

namespace align {
namespace {

const std::string kData = std::string(TALIGN_SOURCE_DIR) + "/tests/data/cat/";

StatusOr<CatFile> Read(std::string_view bytes, std::string name = "x.xlf") {
  auto doc = Document::FromString(std::move(name), std::string(bytes));
  if (!doc.ok()) return doc.status();
  return ReadCatFile(*doc);
}

// The message of a failed read, or "" when it succeeded.
std::string ErrorOf(std::string_view bytes, std::string name = "x.xlf") {
  auto file = Read(bytes, std::move(name));
  return file.ok() ? "" : file.status().message();
}

std::string Xliff12(std::string_view units, std::string_view languages = R"(source-language="en" target-language="zh")") {
  return "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n<file original=\"a\" " + std::string(languages) +
         ">\n<body>\n" + std::string(units) + "</body>\n</file>\n</xliff>\n";
}

TEST(CatSniff, TellsXmlFromText) {
  EXPECT_EQ(SniffInput("<?xml version=\"1.0\"?><xliff version=\"1.2\"/>"), InputKind::kXliff);
  EXPECT_EQ(SniffInput("\xEF\xBB\xBF  <!-- c --><!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n<tmx version=\"1.4\">"),
            InputKind::kTmx);
  EXPECT_EQ(SniffInput("<xlf:xliff xmlns:xlf=\"urn:oasis:names:tc:xliff:document:2.0\">"), InputKind::kXliff);
  EXPECT_EQ(SniffInput("<!DOCTYPE x [<!ENTITY a \"]\">]><tmx>"), InputKind::kTmx);
  EXPECT_EQ(SniffInput("<?xml version=\"1.0\"?><html><body/></html>"), InputKind::kXml);
  EXPECT_EQ(SniffInput("<martif type=\"TBX\">\n</martif>\n"), InputKind::kXml);
  EXPECT_EQ(SniffInput("<?xml version=\"1.0\"?>"), InputKind::kXml);  // a prolog alone
  EXPECT_EQ(SniffInput("The talks were held in Beijing."), InputKind::kText);
  EXPECT_EQ(SniffInput("<b>Note</b>: the talks were held in Beijing."), InputKind::kText);
  EXPECT_EQ(SniffInput("<2 hours of talks"), InputKind::kText);
  EXPECT_EQ(SniffInput(""), InputKind::kText);
}

TEST(CatSniff, RequireTextNamesTheFileAndWhatToDo) {
  auto doc = Document::FromString("a.xlf", "<xliff version=\"1.2\"></xliff>");
  ASSERT_TRUE(doc.ok());
  Status status = RequireText(*doc);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("a.xlf"), std::string::npos) << status.message();
  EXPECT_NE(status.message().find("talign check a.xlf"), std::string::npos) << status.message();
  auto text = Document::FromString("a.txt", "Plain text.");
  EXPECT_TRUE(RequireText(*text).ok());
}

TEST(CatXliff12, UnitsSegmentsAndInlineMarkup) {
  auto file = Read(Xliff12(R"(<trans-unit id="1"><source>A <g id="1">bold</g> move<x id="2"/>.<ph id="3">&lt;br/&gt;</ph></source>
  <target>一个<g id="1">大胆</g>的举动。</target><alt-trans><target>not this</target></alt-trans></trans-unit>
<group id="g"><group id="h"><trans-unit id="2"><source>  Two
   lines &amp; more.</source></trans-unit></group></group>
<trans-unit id="3" translate="no"><source>Skipped</source></trans-unit>
)"));
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ(file->format, "XLIFF 1.2");
  EXPECT_EQ(file->languages, (std::vector<std::string>{"en", "zh"}));
  EXPECT_EQ(file->source_language, "en");
  ASSERT_EQ(file->units.size(), 2u);
  EXPECT_EQ(file->units[0].id, "1");
  EXPECT_EQ(file->units[0].line, 5u);
  using Segments = std::vector<std::vector<std::string>>;
  EXPECT_EQ(file->units[0].segments, (Segments{{"A bold move.", "一个大胆的举动。"}}));
  EXPECT_EQ(file->units[1].segments, (Segments{{"Two lines & more.", ""}}));
}

TEST(CatXliff2, SegmentsOfAUnitAndItsLanguages) {
  auto file = Read(R"(<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ur" trgLang="en-GB">
<file id="f"><unit id="u"><segment><source>ایک</source><target>One <pc id="1">two</pc><ph id="2"/>.</target></segment>
<ignorable><source> </source></ignorable><segment><source>دو</source></segment></unit></file></xliff>)");
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ(file->format, "XLIFF 2.0");
  EXPECT_EQ(file->languages, (std::vector<std::string>{"ur", "en-GB"}));
  ASSERT_EQ(file->units.size(), 1u);
  EXPECT_EQ(file->units[0].segments, (std::vector<std::vector<std::string>>{{"ایک", "One two."}, {"دو", ""}}));
}

TEST(CatXliff, SeveralFilesPrefixTheirIds) {
  auto file = Read(R"(<xliff version="1.2"><file original="a.doc" source-language="en" target-language="zh"><body>
<trans-unit id="1"><source>One.</source><target>一。</target></trans-unit></body></file>
<file original="b.doc" source-language="en" target-language="zh"><body>
<trans-unit id="1"><source>Two.</source><target>二。</target></trans-unit></body></file></xliff>)");
  ASSERT_TRUE(file.ok()) << file.status().message();
  ASSERT_EQ(file->units.size(), 2u);
  EXPECT_EQ(file->units[0].id, "a.doc/1");
  EXPECT_EQ(file->units[1].id, "b.doc/1");
}

TEST(CatXliff, ErrorsNameFileAndLine) {
  EXPECT_EQ(ErrorOf(Xliff12("<trans-unit>\n<source>A.</source></trans-unit>\n")), "x.xlf:5: trans-unit without id");
  EXPECT_EQ(ErrorOf(Xliff12("<trans-unit id=\"a\"><source>A.</source></trans-unit>\n"
                            "<trans-unit id=\"a\"><source>B.</source></trans-unit>\n")),
            "x.xlf:6: duplicate id 'a' (first at line 5)");
  EXPECT_EQ(ErrorOf(Xliff12("<trans-unit id=\"a\"><source>A.</source></trans-unit>\n", "source-language=\"en\"")),
            "x.xlf:3: <file> has no target-language: check needs the language of the translations");
  EXPECT_NE(ErrorOf(Xliff12("<trans-unit id=\"a\"><source>A.</source></trans-unit>\n",
                            "source-language=\"en\" target-language=\"fr\""))
                .find("x.xlf:3: unknown language tag 'fr'"),
            std::string::npos);
  EXPECT_NE(ErrorOf(Xliff12("<trans-unit id=\"a\"><source>A.</source></trans-unit>\n",
                            "source-language=\"en-US\" target-language=\"en-GB\""))
                .find("both en"),
            std::string::npos);
  EXPECT_EQ(ErrorOf("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n<file>\n</xliff>\n"),
            "x.xlf:4: malformed XML: Start-end tags mismatch");
  EXPECT_EQ(ErrorOf(Xliff12("<trans-unit id=\"a\"><source>A &#0; B</source></trans-unit>\n")),
            "x.xlf:5: <source> contains U+0000 (a control character)");
  EXPECT_NE(ErrorOf(Xliff12("<trans-unit id=\"a\"><source>&#xD800;</source></trans-unit>\n")).find("x.xlf:5: character "
                                                                                                  "reference '&#xD800;'"),
            std::string::npos);
  EXPECT_EQ(ErrorOf(Xliff12("")), "x.xlf: no translation unit with text (XLIFF 1.2)");
  EXPECT_EQ(ErrorOf("<xliff version=\"3.0\"/>"), "x.xlf:1: XLIFF version '3.0' is not supported (1.2 or 2.x)");
}

TEST(CatXliff, EntityDeclarationsAreRefusedNotExpanded) {
  const std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n<!ENTITY a \"aaaaaaaaaa\">\n"
                           "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n]>\n<xliff version=\"1.2\"/>\n";
  EXPECT_NE(ErrorOf(bomb).find("x.xlf:3: the document type declares an entity"), std::string::npos) << ErrorOf(bomb);
  // An undeclared entity is no reference: it stays as written.
  auto file = Read(Xliff12("<trans-unit id=\"a\"><source>A &b; B</source><target>甲</target></trans-unit>\n"));
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ(file->units[0].segments[0][0], "A &b; B");
}

TEST(CatTmx, LanguagesFromTheVariantsSourceFirst) {
  auto file = Read(R"(<tmx version="1.4"><header srclang="zh-CN"/><body>
<tu tuid="a"><tuv xml:lang="en"><seg>One <hi>two</hi>.<bpt i="1">&lt;b&gt;</bpt></seg></tuv><tuv xml:lang="zh-CN"><seg>一。</seg></tuv></tu>
<tu><tuv lang="ur"><seg>ایک</seg></tuv><tuv xml:lang="EN-us"><seg>One.</seg></tuv></tu>
</body></tmx>)",
                   "x.tmx");
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ(file->format, "TMX 1.4");
  EXPECT_EQ(file->languages, (std::vector<std::string>{"zh-CN", "en", "ur"}));
  EXPECT_EQ(file->source_language, "zh-CN");
  ASSERT_EQ(file->units.size(), 2u);
  EXPECT_EQ(file->units[0].id, "a");
  EXPECT_EQ(file->units[1].id, "2");  // no tuid: its position
  EXPECT_EQ(file->units[0].segments, (std::vector<std::vector<std::string>>{{"一。", "One two.", ""}}));
  EXPECT_EQ(file->units[1].segments, (std::vector<std::vector<std::string>>{{"", "One.", "ایک"}}));
}

TEST(CatTmx, TwoOrThreeLanguages) {
  const std::string one = "<tmx version=\"1.4\"><header srclang=\"*all*\"/><body>"
                          "<tu><tuv xml:lang=\"en\"><seg>A.</seg></tuv></tu></body></tmx>";
  EXPECT_EQ(ErrorOf(one, "x.tmx"), "x.tmx: 1 language (en); check takes 2 or 3");
  const std::string four = "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"en\"><seg>A.</seg></tuv>"
                           "<tuv xml:lang=\"zh\"><seg>甲。</seg></tuv><tuv xml:lang=\"ur\"><seg>ا</seg></tuv>"
                           "<tuv xml:lang=\"fr\"><seg>A.</seg></tuv></tu></body></tmx>";
  EXPECT_EQ(ErrorOf(four, "x.tmx"), "x.tmx: 4 languages (en, zh, ur, fr); check takes 2 or 3");
  const std::string unknown = "<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"en\"><seg>A.</seg></tuv>\n"
                              "<tuv xml:lang=\"de\"><seg>A.</seg></tuv></tu></body></tmx>";
  EXPECT_NE(ErrorOf(unknown, "x.tmx").find("x.tmx:3: unknown language tag 'de'"), std::string::npos);
  const std::string duplicate = "<tmx version=\"1.4\"><body>\n<tu tuid=\"1\"><tuv xml:lang=\"en\"><seg>A.</seg></tuv>"
                                "<tuv xml:lang=\"zh\"><seg>甲。</seg></tuv></tu>\n<tu tuid=\"1\"><tuv xml:lang=\"en\">"
                                "<seg>B.</seg></tuv></tu></body></tmx>";
  EXPECT_EQ(ErrorOf(duplicate, "x.tmx"), "x.tmx:3: duplicate id '1' (first at line 2)");
}

TEST(CatTmx, EmptyAndNotCat) {
  EXPECT_EQ(ErrorOf("", "x.tmx"), "x.tmx: not an XLIFF or TMX file (it reads as text)");
  EXPECT_EQ(ErrorOf("<tmx version=\"1.4\"><header/></tmx>", "x.tmx"), "x.tmx:1: no <body> element");
}

// The fixtures checked end to end through the library: findings name units.
class CatCheck : public ::testing::Test {
 protected:
  static StatusOr<CheckResult> Check(const std::string& file, std::string source = "") {
    SessionConfig config;
    config.use_cedict = config.use_urdu_english = false;
    auto session = Session::Create(config);
    if (!session.ok()) return session.status();
    CheckJob job;
    job.align.inputs = {kData + file};
    job.align.source_language = std::move(source);
    return RunCheck(job, **session);
  }
  // "type lang unit" of every finding.
  static std::vector<std::string> Summary(const CheckResult& r) {
    std::vector<std::string> out;
    for (const Finding& f : r.findings) {
      out.push_back(std::string(FindingTypeName(f.type)) + " " + r.align.language_tags[f.version] + " " +
                    r.align.alignment.beads[f.bead].unit);
    }
    return out;
  }
};

TEST_F(CatCheck, Xliff12FindingsNameTheirUnits) {
  auto r = Check("statement.en-zh.xlf");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->align.settings.source_version, 0);
  ASSERT_EQ(r->align.alignment.beads.size(), 5u);
  EXPECT_EQ(r->align.alignment.beads[3].unit, "u4");
  EXPECT_TRUE(r->align.alignment.beads[3].sides[1].empty());
  EXPECT_EQ(Summary(*r), (std::vector<std::string>{"deprecated-term zh-CN u2", "omission zh-CN u4"}));
}

TEST_F(CatCheck, Xliff2FindingsNameTheirUnits) {
  auto r = Check("statement.en-ur.xlf");
  ASSERT_TRUE(r.ok()) << r.status().message();
  // One bead per segment: unit p3 has two, the second untranslated.
  ASSERT_EQ(r->align.alignment.beads.size(), 4u);
  EXPECT_EQ(r->align.alignment.beads[2].unit, "p3");
  EXPECT_EQ(r->align.alignment.beads[3].unit, "p3");
  EXPECT_TRUE(r->align.alignment.beads[3].sides[1].empty());
  EXPECT_EQ(Summary(*r), (std::vector<std::string>{"deprecated-term ur-PK p2", "omission ur-PK p3"}));
}

TEST_F(CatCheck, TmxThreeWay) {
  auto r = Check("statement.tmx");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->align.language_tags, (std::vector<std::string>{"en", "zh-CN", "ur"}));
  EXPECT_EQ(r->align.alignment.beads[2].unit, "3");
  EXPECT_EQ(Summary(*r), (std::vector<std::string>{"deprecated-term zh-CN t2", "omission ur t4"}));
}

TEST_F(CatCheck, SourceOverridesTheFile) {
  auto r = Check("statement.en-zh.xlf", "zh");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->align.settings.source_version, 1);
  auto bad = Check("statement.en-zh.xlf", "ur");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("--source ur"), std::string::npos) << bad.status().message();
}

TEST_F(CatCheck, ReportsNameTheUnit) {
  auto r = Check("statement.en-zh.xlf");
  ASSERT_TRUE(r.ok()) << r.status().message();
  FindingsReport report{&r->align, &r->hits, nullptr, &r->findings};
  std::ostringstream json, tsv, text, html;
  ASSERT_TRUE(WriteFindingsJson(report, json).ok());
  ASSERT_TRUE(WriteFindingsTsv(report, tsv).ok());
  ASSERT_TRUE(WriteFindingsText(report, {}, text).ok());
  ASSERT_TRUE(WriteFindingsHtml(report, {}, html).ok());
  EXPECT_NE(json.str().find("\"bead\":1,\"unit\":\"u2\","), std::string::npos) << json.str();
  EXPECT_NE(tsv.str().find("\ttext_zh-CN\tunit\n"), std::string::npos) << tsv.str();
  EXPECT_NE(tsv.str().find("\tu4\n"), std::string::npos) << tsv.str();
  EXPECT_NE(text.str().find("\u00B7 zh-CN \u00B7 unit u2\n"), std::string::npos) << text.str();
  EXPECT_NE(html.str().find("unit <code class=\"unit\"><bdi dir=\"ltr\">u4</bdi></code>"), std::string::npos);
}

TEST_F(CatCheck, TextInputAloneIsRefused) {
  auto r = Check("../../../corpora/readout.en.txt");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("or one XLIFF or TMX file"), std::string::npos) << r.status().message();
}

TEST(CatPipeline, XmlIsNeverAlignedAsText) {
  auto session = Session::Create([] {
    SessionConfig c;
    c.default_lexicon = c.use_cedict = c.use_urdu_english = false;
    return c;
  }());
  ASSERT_TRUE(session.ok());
  AlignJob job;
  job.inputs = {kData + "statement.tmx", std::string(TALIGN_SOURCE_DIR) + "/corpora/readout.zh.txt"};
  auto r = RunAlign(job, **session);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("pass it alone to 'talign check"), std::string::npos) << r.status().message();
}

TEST(CatPipeline, HugeSegmentIsOneUnit) {
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "The talks went on. ";
  auto file = Read(Xliff12("<trans-unit id=\"a\"><source>" + big + "</source><target>会谈继续。</target></trans-unit>\n"));
  ASSERT_TRUE(file.ok()) << file.status().message();
  auto session = Session::Create([] {
    SessionConfig c;
    c.use_cedict = c.use_urdu_english = false;
    return c;
  }());
  ASSERT_TRUE(session.ok());
  AlignJob job;
  auto versions = VersionsOfCatFile(*file, "x.xlf", job, **session);
  ASSERT_TRUE(versions.ok()) << versions.status().message();
  ASSERT_EQ(versions->alignment.beads.size(), 1u);
  EXPECT_EQ(versions->alignment.beads[0].sides[0].size(), 20000u);
  EXPECT_EQ(versions->alignment.beads[0].sides[1].size(), 1u);
  // --presegmented: each segment is one sentence, as the CAT tool cut it.
  job.presegmented = true;
  versions = VersionsOfCatFile(*file, "x.xlf", job, **session);
  ASSERT_TRUE(versions.ok()) << versions.status().message();
  EXPECT_EQ(versions->alignment.beads[0].sides[0].size(), 1u);
  EXPECT_EQ(versions->versions[0].sentences[0].span.size(), big.size() - 1);  // the last space collapsed
}

}  // namespace
}  // namespace align
