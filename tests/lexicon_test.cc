#include "align/lexicon.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "align/resources.h"
#include "lexicon_builder.h"

namespace align {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Fixture(const std::string& name) {
  return std::string(TALIGN_SOURCE_DIR) + "/tests/data/tbx/" + name;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

Lexicon LoadOk(const std::string& fixture) {
  auto lexicon = Lexicon::Load(Fixture(fixture));
  EXPECT_TRUE(lexicon.ok()) << lexicon.status().message();
  return lexicon.ok() ? std::move(*lexicon) : Lexicon();
}

// "lang|term|status|note" for every term of |id|, in file order.
std::vector<std::string> TermsOf(const Lexicon& lexicon, std::string_view id) {
  std::vector<std::string> out;
  auto c = lexicon.FindConcept(id);
  if (!c) return out;
  for (uint32_t t : lexicon.concepts()[*c].terms) {
    const Term& term = lexicon.terms()[t];
    out.push_back(std::string(LanguageCode(term.language)) + "|" + term.text + "|" +
                  std::string(TermStatusName(term.status)) + "|" + term.note);
  }
  return out;
}

std::vector<std::string> ProblemStrings(const std::vector<LexiconProblem>& problems) {
  std::vector<std::string> out;
  for (const auto& p : problems) out.push_back(p.ToString());
  return out;
}

std::string ToTsv(const Lexicon& lexicon) {
  std::ostringstream out;
  EXPECT_TRUE(lexicon.WriteTsv(out).ok());
  return out.str();
}

std::string ToTbx(const Lexicon& lexicon) {
  std::ostringstream out;
  EXPECT_TRUE(lexicon.WriteTbx(out).ok());
  return out.str();
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("talign_lexicon_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

// ------------------------------------------------------------------ TBX shapes

TEST(LexiconTbxTest, ReadsTbxBasicV3WithSynonymsStatusesNotesAndThreeLanguages) {
  Lexicon lexicon = LoadOk("v3_basic.tbx");
  ASSERT_EQ(lexicon.concepts().size(), 2u);
  EXPECT_EQ(lexicon.concepts()[0].id, "bri");
  EXPECT_THAT(TermsOf(lexicon, "bri"),
              ElementsAre("en|Belt and Road Initiative|preferred|official English name since 2015",
                          "en|Belt and Road|admitted|",
                          "en|One Belt, One Road|superseded|older rendering",
                          "en|New Silk Road strategy|deprecated|",
                          "zh|“一带一路”倡议|preferred|",
                          "zh|一带一路|admitted|",  // no status: admitted
                          "ur|بیلٹ اینڈ روڈ انیشی ایٹو|preferred|hand-checked"));
  // The French langSec is left out; the wrapped term is one line of text.
  EXPECT_THAT(TermsOf(lexicon, "cpec"),
              ElementsAre("en|China-Pakistan Economic Corridor|preferred|", "en|CPEC|admitted|",
                          "zh|中巴经济走廊|preferred|", "ur|چین پاکستان اقتصادی راہداری|preferred|",
                          "ur|سی پیک|admitted|"));
  const Term& first = lexicon.terms()[0];
  EXPECT_EQ(first.line, 12u);
  EXPECT_EQ(first.concept_index, 0u);
  EXPECT_EQ(lexicon.sources(), std::vector<std::string>{Fixture("v3_basic.tbx")});
}

TEST(LexiconTbxTest, ReadsTbxV2TigAndNtigWithNormativeAuthorizationAndToolVariants) {
  Lexicon lexicon = LoadOk("v2_martif.tbx");
  EXPECT_THAT(TermsOf(lexicon, "fm"),
              ElementsAre("en|foreign minister|preferred|",
                          "en|minister of foreign affairs|preferred|full title",  // standardizedTerm
                          "en|foreign secretary|deprecated|",                     // forbidden
                          "en|external affairs minister|admitted|",
                          "zh|外交部长|preferred|",  // ntig/termGrp, TBX-Min short value
                          "zh|外长|admitted|", "ur|وزیر خارجہ|preferred|"));
  EXPECT_THAT(TermsOf(lexicon, "mou"),
              ElementsAre("en|memorandum of understanding|preferred|",
                          "en|memo of understanding|deprecated|",  // deprecatedTermAdmnSts
                          "en|letter of intent|superseded|",       // obsolete
                          "en|MoU|deprecated|",                    // normativeAuthorization
                          "en|protocol note|superseded|",
                          "en|understanding memo|deprecated|",  // "do not use"
                          "zh|諒解備忘錄|deprecated|"));         // zh-Hant, notRecommended
}

TEST(LexiconTbxTest, ReadsPrefixedEd3NamespaceAndDctStyleStatus) {
  Lexicon lexicon = LoadOk("v3_prefixed_ed3.tbx");
  EXPECT_THAT(TermsOf(lexicon, "jsc"),
              ElementsAre("en|Joint Statement|preferred|", "zh|联合声明|preferred|",
                          "ur|مشترکہ اعلامیہ|preferred|"));
}

TEST(LexiconTbxTest, ReadsTbxMinEntriesAndTermStatus) {
  Lexicon lexicon = LoadOk("tbx_min.tbx");
  EXPECT_THAT(TermsOf(lexicon, "pm"),
              ElementsAre("en|Prime Minister|preferred|",
                          "en|Premier|deprecated|used for China's head of government",
                          "ur|وزیر اعظم|preferred|", "ur|پرائم منسٹر|superseded|"));
  EXPECT_THAT(TermsOf(lexicon, "pres"), ElementsAre("en|President|admitted|"));
}

TEST(LexiconTbxTest, StatusVocabularyCoversStandardAndToolSpellings) {
  struct Case {
    const char* value;
    std::optional<TermStatus> status;
  } cases[] = {
      {"preferredTerm-admn-sts", TermStatus::kPreferred},
      {"admittedTerm-admn-sts", TermStatus::kAdmitted},
      {"deprecatedTerm-admn-sts", TermStatus::kDeprecated},
      {"supersededTerm-admn-sts", TermStatus::kSuperseded},
      {"legalTerm-admn-sts", TermStatus::kPreferred},
      {"regulatedTerm", TermStatus::kPreferred},
      {"deprecatedTermAdmnSts", TermStatus::kDeprecated},
      {"Do Not Use", TermStatus::kDeprecated},
      {"deprecated", TermStatus::kDeprecated},
      {"forbidden", TermStatus::kDeprecated},
      {"notRecommended", TermStatus::kDeprecated},
      {"obsolete", TermStatus::kSuperseded},
      {"admitted", TermStatus::kAdmitted},
      {"approvedTerm-admn-sts", std::nullopt},
      {"Unwort", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : cases) EXPECT_EQ(ParseStatusVocabulary(c.value), c.status) << c.value;
}

TEST(LexiconTbxTest, KeepsNotesAndUsageNotesTogether) {
  auto lexicon = Lexicon::ParseTbx(
      R"(<tbx><text><body><conceptEntry id="x"><langSec xml:lang="en"><termSec>
<term>summit</term><termNote type="usageNote">capitalised in titles</termNote>
<note>first note</note><note>  second
  note </note></termSec></langSec></conceptEntry></body></text></tbx>)",
      "notes.tbx");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_THAT(TermsOf(*lexicon, "x"),
              ElementsAre("en|summit|admitted|first note; second note; capitalised in titles"));
}

TEST(LexiconTbxTest, DeeplyNestedMarkupInATermDoesNotOverflowTheStack) {
  std::string xml = "<tbx><text><body><conceptEntry id='d'><langSec xml:lang='en'><termSec><term>deep";
  const int depth = 100000;
  for (int i = 0; i < depth; ++i) xml += "<hi>";
  xml += "est";
  for (int i = 0; i < depth; ++i) xml += "</hi>";
  xml += "</term></termSec></langSec></conceptEntry></body></text></tbx>";
  auto lexicon = Lexicon::ParseTbx(xml, "deep.tbx");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(lexicon->terms().at(0).text, "deepest");
}

// ------------------------------------------------------------------ TBX errors

TEST(LexiconTbxTest, MalformedXmlNamesLineAndColumn) {
  auto mismatch = Lexicon::Load(Fixture("malformed_mismatch.tbx"));
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.status().code(), StatusCode::kDataError);
  EXPECT_EQ(mismatch.status().message(),
            Fixture("malformed_mismatch.tbx") + ":8:32: malformed XML: Start-end tags mismatch");
  auto truncated = Lexicon::Load(Fixture("malformed_truncated.tbx"));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.status().message(),
            Fixture("malformed_truncated.tbx") + ":8:24: malformed XML: Error parsing element attribute");
  auto empty = Lexicon::ParseTbx("", "empty.tbx");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().message(), "empty.tbx:1:1: malformed XML: No document element found");
}

TEST(LexiconTbxTest, SemanticErrorsAndWarningsAreAllListedInOrder) {
  const std::string f = Fixture("semantic_errors.tbx");
  EXPECT_THAT(ProblemStrings(Lexicon::Lint(f)),
              ElementsAre(f + ":9:13: unknown status 'approvedTerm-admn-sts' (expected "
                              "preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts, "
                              "supersededTerm-admn-sts or a known variant)",
                          f + ":12:13: empty term",
                          f + ":15:9: <langSec> has no language tag (xml:lang)",
                          f + ":26:13: warning: concept 'c2' has 2 preferred terms in en ('official "
                              "visit' at line 22 is the first)",
                          f + ":30:9: warning: language 'de' is not one talign has rules for (en, zh, "
                              "ur); 1 term in it ignored",
                          f + ":37:13: duplicate term 'official visit' (en): already a term of "
                              "concept 'c2' at line 22; a term must name one concept",
                          f + ":39:11: <termSec> has no <term>",
                          f + ":44:7: duplicate concept id 'c2' (first at line 19)"));
  auto lexicon = Lexicon::Load(f);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().code(), StatusCode::kDataError);
  EXPECT_THAT(lexicon.status().message(), HasSubstr(":9:13: unknown status"));
}

TEST(LexiconTbxTest, RefusesBillionLaughsWithoutExpandingIt) {
  const std::string f = Fixture("billion_laughs.tbx");
  auto lexicon = Lexicon::Load(f);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().code(), StatusCode::kDataError);
  EXPECT_EQ(lexicon.status().message(),
            f + ":3:3: the document type declares an entity (<!ENTITY ...>); termbases with entity "
                "declarations are refused, since expanding them can exhaust memory or read other files");
}

TEST(LexiconTbxTest, RefusesExternalEntities) {
  auto lexicon = Lexicon::Load(Fixture("external_entity.tbx"));
  ASSERT_FALSE(lexicon.ok());
  EXPECT_THAT(lexicon.status().message(), HasSubstr("external_entity.tbx:3:1: the document type declares an entity"));
  EXPECT_THAT(lexicon.status().message(), ::testing::Not(HasSubstr("root:")));
}

TEST(LexiconTbxTest, ADoctypeWithoutEntitiesIsAccepted) {
  // translate-toolkit writes <!DOCTYPE martif SYSTEM "TBXcdv04.dtd">; nothing is fetched.
  Lexicon lexicon = LoadOk("v2_martif.tbx");
  EXPECT_EQ(lexicon.concepts().size(), 2u);
}

TEST(LexiconTbxTest, UndeclaredEntityReferencesStayLiteralText) {
  auto lexicon = Lexicon::ParseTbx(
      "<tbx><text><body><conceptEntry id='e'><langSec xml:lang='en'><termSec><term>a &lol9; b"
      "</term></termSec></langSec></conceptEntry></body></text></tbx>",
      "ref.tbx");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(lexicon->terms().at(0).text, "a &lol9; b");
}

TEST(LexiconTbxTest, RejectsOtherRootsEncodingsAndUtf16) {
  auto html = Lexicon::ParseTbx("<html>\n  <body/></html>", "page.xml");
  ASSERT_FALSE(html.ok());
  EXPECT_EQ(html.status().message(),
            "page.xml:1:1: not a TBX file: the root element is <html> (expected <tbx>, <martif> or "
            "TBX-Min's <TBX>)");
  auto latin1 = Lexicon::ParseTbx("<?xml version='1.0' encoding='ISO-8859-1'?>\n<tbx/>", "l1.tbx");
  ASSERT_FALSE(latin1.ok());
  EXPECT_THAT(latin1.status().message(), HasSubstr("l1.tbx:1:1: encoding 'ISO-8859-1' is not supported"));
  auto utf16 = Lexicon::ParseTbx(std::string("\xFF\xFE<\0t\0", 6), "u16.tbx");
  ASSERT_FALSE(utf16.ok());
  EXPECT_THAT(utf16.status().message(), HasSubstr("u16.tbx:1:1: the file is UTF-16"));
  auto bad = Lexicon::ParseTbx("<tbx>\n<text>\xC3(</text></tbx>", "bad.tbx");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "bad.tbx:2:7: byte 12: invalid UTF-8 (termbases must be UTF-8)");
  auto nobody = Lexicon::ParseTbx("<martif type='TBX'>\n</martif>", "nobody.tbx");
  ASSERT_FALSE(nobody.ok());
  EXPECT_THAT(nobody.status().message(), HasSubstr("nobody.tbx:1:1: <martif> has no <text><body>"));
}

TEST(LexiconTbxTest, EntryWithoutIdGetsOneFromItsLine) {
  auto lexicon = Lexicon::ParseTbx(
      "<martif><text><body>\n<termEntry><langSet xml:lang='en'><tig><term>envoy</term>"
      "</tig></langSet></termEntry></body></text></martif>",
      "noid.tbx");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(lexicon->concepts().at(0).id, "termEntry-line2");
}

// ------------------------------------------------------------------ size bound

TEST(LexiconLimitTest, RefusesAFileOverTheLimitBeforeReadingIt) {
  TempDir dir;
  const std::string path = dir.File("big.tbx");
  {
    // A real, valid 100 MB TBX: the refusal must come from its size, not its content.
    std::ofstream out(path, std::ios::binary);
    out << "<tbx><text><body>\n";
    std::string entry;
    for (int i = 0; i < 1000; ++i)
      entry += "<conceptEntry id='c'><langSec xml:lang='en'><termSec><term>t</term></termSec>"
               "</langSec></conceptEntry>\n";
    size_t written = 0;
    for (int n = 0; written < (size_t{100} << 20); ++n) {
      out << entry;
      written += entry.size();
    }
    out << "</body></text></tbx>\n";
  }
  ASSERT_GT(std::filesystem::file_size(path), kMaxTermbaseBytes);
  auto lexicon = Lexicon::Load(path);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().code(), StatusCode::kResourceLimit);
  EXPECT_THAT(lexicon.status().message(), HasSubstr(path + ": "));
  EXPECT_THAT(lexicon.status().message(), HasSubstr("more than the 32 MiB a termbase may have"));
  std::vector<LexiconProblem> problems = Lexicon::Lint(path);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].severity, LexiconProblem::Severity::kUnreadable);
  EXPECT_THAT(problems[0].ToString(), HasSubstr(path + ": "));
}

TEST(LexiconLimitTest, RefusesTooManyBytesInMemory) {
  std::string bytes(kMaxTermbaseBytes + 1, ' ');
  auto lexicon = Lexicon::ParseTsv(bytes, "mem.tsv");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().code(), StatusCode::kResourceLimit);
  EXPECT_THAT(lexicon.status().message(), HasSubstr("mem.tsv: 33554433 bytes is more than the 32 MiB"));
}

TEST(LexiconLimitTest, ReadsManyConceptsBelowTheLimit) {
  // Scaled to stay quick under sanitizers; the bound is about size, not count.
  std::string tbx = "<tbx><text><body>\n";
  const int n = 20000;
  for (int i = 0; i < n; ++i)
    tbx += "<conceptEntry id='c" + std::to_string(i) + "'><langSec xml:lang='en'><termSec><term>term " +
           std::to_string(i) + "</term><termNote type='administrativeStatus'>preferredTerm-admn-sts"
           "</termNote></termSec></langSec></conceptEntry>\n";
  tbx += "</body></text></tbx>\n";
  auto lexicon = Lexicon::ParseTbx(tbx, "many.tbx");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(lexicon->concepts().size(), static_cast<size_t>(n));
  EXPECT_EQ(lexicon->terms().back().text, "term 19999");
  EXPECT_EQ(lexicon->terms().back().line, static_cast<uint32_t>(n + 1));
}

// ------------------------------------------------------------------ TSV

TEST(LexiconTsvTest, ReadsHandWrittenTsvWithCommentsCrLfFourColumnsAndEmptyStatus) {
  Lexicon lexicon = LoadOk("handwritten.tsv");
  EXPECT_THAT(TermsOf(lexicon, "sco"),
              ElementsAre("en|Shanghai Cooperation Organisation|preferred|",
                          "zh|上海合作组织|preferred|official", "ur|شنگھائی تعاون تنظیم|preferred|",
                          "en|SCO|admitted|",
                          "en|Shanghai Cooperation Organization|admitted|US spelling"));
  EXPECT_EQ(lexicon.terms()[1].line, 5u);
}

TEST(LexiconTsvTest, BomAndHeaderAreSkipped) {
  auto lexicon = Lexicon::ParseTsv("\xEF\xBB\xBF" "concept_id\tlang\tterm\tstatus\n"
                                   "a\ten\talpha\tpreferred\n",
                                   "bom.tsv");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_THAT(TermsOf(*lexicon, "a"), ElementsAre("en|alpha|preferred|"));
  EXPECT_EQ(lexicon->terms()[0].line, 2u);
}

TEST(LexiconTsvTest, ErrorsNameLineAndColumn) {
  const std::string f = Fixture("errors.tsv");
  EXPECT_THAT(
      ProblemStrings(Lexicon::Lint(f)),
      ElementsAre(
          f + ":2:19: unknown status 'prefered' (expected preferred, admitted, deprecated or superseded)",
          f + ":3:7: empty term",
          f + ":4:4: missing language tag (expected a BCP 47 tag such as en, zh-Hans, ur-PK)",
          f + ":6:7: duplicate term 'official visit' (en): already a term of concept 'c2' at line 5; "
              "a term must name one concept",
          f + ":7:20: expected 4 or 5 tab-separated columns (concept_id, lang, term, status[, note]), "
              "found 3",
          f + ":8:32: expected 4 or 5 tab-separated columns (concept_id, lang, term, status[, note]), "
              "found 6",
          f + ":9:4: malformed language tag 'en us' (expected BCP 47, such as en, zh-Hans, ur-PK)"));
  auto lexicon = Lexicon::Load(f);
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().message(),
            f + ":2:19: unknown status 'prefered' (expected preferred, admitted, deprecated or superseded)");
}

TEST(LexiconTsvTest, InvalidUtf8AndBadIdsAreErrors) {
  auto bad = Lexicon::ParseTsv("a\ten\tok\tpreferred\nb\ten\tt\xE4st\tadmitted\n", "bad.tsv");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "bad.tsv:2:7: byte 24: invalid UTF-8 (termbases must be UTF-8)");
  auto spaced = Lexicon::ParseTsv("my id\ten\tterm\tpreferred\n", "id.tsv");
  ASSERT_FALSE(spaced.ok());
  EXPECT_THAT(spaced.status().message(), HasSubstr("id.tsv:1:1: concept id 'my id' contains a space"));
}

TEST(LexiconTsvTest, UnsupportedLanguagesAreSkippedAndLinted) {
  auto lexicon = Lexicon::ParseTsv("a\ten\tpeace\tpreferred\na\tde\tFrieden\tpreferred\n"
                                   "a\tde-AT\tFriede\tadmitted\nb\tfr\tpaix\tpreferred\n",
                                   "langs.tsv");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(lexicon->concepts().size(), 1u);
  EXPECT_EQ(lexicon->terms().size(), 1u);
  std::string tsv = "a\ten\tpeace\tpreferred\na\tde\tFrieden\tpreferred\nb\tfr\tpaix\tpreferred\n";
  EXPECT_THAT(ProblemStrings(Lexicon::LintBytes(tsv, "langs.tsv", false)),
              ElementsAre("langs.tsv:2:3: warning: language 'de' is not one talign has rules for "
                          "(en, zh, ur); 1 term in it ignored",
                          "langs.tsv:3:3: warning: language 'fr' is not one talign has rules for "
                          "(en, zh, ur); 1 term in it ignored"));
}

TEST(LexiconTsvTest, WarnsAboutMissingOrDoublePreferredTerms) {
  std::string tsv =
      "a\ten\tpeace\tadmitted\n"
      "a\tzh\t和平\tpreferred\n"
      "a\tzh\t太平\tpreferred\n"
      "a\ten\tpeace\tadmitted\n";
  EXPECT_THAT(ProblemStrings(Lexicon::LintBytes(tsv, "p.tsv", false)),
              ElementsAre("p.tsv:1:1: warning: concept 'a' has no preferred term in en",
                          "p.tsv:3:6: warning: concept 'a' has 2 preferred terms in zh ('和平' at line "
                          "2 is the first)",
                          "p.tsv:4:6: warning: term 'peace' (en) is listed twice in concept 'a' "
                          "(first at line 1)"));
  // Warnings do not stop loading.
  EXPECT_TRUE(Lexicon::ParseTsv(tsv, "p.tsv").ok());
}

TEST(LexiconTsvTest, DuplicatesAreComparedByMatchingKey) {
  auto lexicon = Lexicon::ParseTsv("a\ten\tBelt and Road\tpreferred\n"
                                   "b\ten\tbelt and road\tadmitted\n",
                                   "key.tsv");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_THAT(lexicon.status().message(),
              HasSubstr("key.tsv:2:6: duplicate term 'belt and road' (en): already a term of concept 'a'"));
  // Traditional and Simplified Chinese, and Urdu letter variants (Arabic yeh
  // U+064A for Urdu yeh U+06CC), share a key too.
  auto zh = Lexicon::ParseTsv("a\tzh\t諒解備忘錄\tpreferred\nb\tzh-Hans\t谅解备忘录\tadmitted\n", "zh.tsv");
  ASSERT_FALSE(zh.ok());
  EXPECT_THAT(zh.status().message(), HasSubstr("zh.tsv:2:11: duplicate term '谅解备忘录' (zh)"));
  auto ur = Lexicon::ParseTsv("a\tur\tوزیر\tpreferred\nb\tur\tوزير\tadmitted\n", "ur.tsv");
  ASSERT_FALSE(ur.ok());
  EXPECT_THAT(ur.status().message(), HasSubstr("ur.tsv:2:6: duplicate term"));
}

TEST(LexiconTsvTest, SameTextInTwoLanguagesIsNoDuplicate) {
  auto lexicon = Lexicon::ParseTsv("a\ten\tCPEC\tadmitted\na\tur\tCPEC\tadmitted\n", "two.tsv");
  EXPECT_TRUE(lexicon.ok()) << lexicon.status().message();
}

// ------------------------------------------------------------------ round trips

TEST(LexiconRoundTripTest, CanonicalTsvThroughTbxIsByteIdentical) {
  const std::string original = ReadFile(Fixture("canonical.tsv"));
  auto lexicon = Lexicon::ParseTsv(original, "canonical.tsv");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(ToTsv(*lexicon), original);
  const std::string tbx = ToTbx(*lexicon);
  EXPECT_THAT(tbx, HasSubstr("<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" "
                             "xmlns=\"urn:iso:std:iso:30042:ed-2\">"));
  EXPECT_THAT(tbx, HasSubstr("<termNote type=\"administrativeStatus\">supersededTerm-admn-sts</termNote>"));
  auto back = Lexicon::ParseTbx(tbx, "canonical.tbx");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(ToTsv(*back), original);
}

TEST(LexiconRoundTripTest, EveryTbxFixtureSurvivesTsvAndTbx) {
  for (const char* name : {"v3_basic.tbx", "v2_martif.tbx", "v3_prefixed_ed3.tbx", "tbx_min.tbx",
                           "handwritten.tsv"}) {
    Lexicon lexicon = LoadOk(name);
    const std::string tsv = ToTsv(lexicon);
    auto via_tbx = Lexicon::ParseTbx(ToTbx(lexicon), "x.tbx");
    ASSERT_TRUE(via_tbx.ok()) << name << ": " << via_tbx.status().message();
    EXPECT_EQ(ToTsv(*via_tbx), tsv) << name;
    auto via_tsv = Lexicon::ParseTsv(tsv, "x.tsv");
    ASSERT_TRUE(via_tsv.ok()) << name << ": " << via_tsv.status().message();
    EXPECT_EQ(ToTsv(*via_tsv), tsv) << name;
  }
}

TEST(LexiconRoundTripTest, WriterEscapesMarkupAndFlattensTabsInNotes) {
  auto lexicon = Lexicon::ParseTbx(
      "<tbx><text><body><conceptEntry id='r&amp;d'><langSec xml:lang='en'><termSec>"
      "<term>R&amp;D &lt;policy&gt;</term><note>a\tb</note></termSec></langSec></conceptEntry>"
      "</body></text></tbx>",
      "esc.tbx");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(ToTsv(*lexicon), "concept_id\tlang\tterm\tstatus\tnote\nr&d\ten\tR&D <policy>\tadmitted\ta b\n");
  EXPECT_THAT(ToTbx(*lexicon), HasSubstr("<term>R&amp;D &lt;policy&gt;</term>"));
}

// ------------------------------------------------------------------ robustness

// Mutated fixtures (seeded, so a failure reproduces): every outcome must be a
// lexicon or an error that names the file with a line, never a crash (the
// suite also runs under ASan+UBSan).
TEST(LexiconRobustnessTest, MutatedFilesGiveALexiconOrAPositionedError) {
  std::mt19937 rng(20261128);
  const char* alphabet = "<>/&;=\"'\t\n #!-[]?x\xE4\xB8\x80\xFF";
  for (const char* name : {"v3_basic.tbx", "v2_martif.tbx", "tbx_min.tbx", "canonical.tsv",
                           "billion_laughs.tbx"}) {
    const std::string original = ReadFile(Fixture(name));
    const bool tbx = std::string(name).ends_with(".tbx");
    for (int round = 0; round < 300; ++round) {
      std::string bytes = original;
      int edits = 1 + static_cast<int>(rng() % 4);
      for (int e = 0; e < edits && !bytes.empty(); ++e) {
        size_t at = rng() % bytes.size();
        switch (rng() % 3) {
          case 0: bytes[at] = alphabet[rng() % std::strlen(alphabet)]; break;
          case 1: bytes.erase(at, 1 + rng() % 16); break;
          default: bytes.insert(at, 1, alphabet[rng() % std::strlen(alphabet)]); break;
        }
      }
      auto lexicon = tbx ? Lexicon::ParseTbx(bytes, "m") : Lexicon::ParseTsv(bytes, "m");
      if (!lexicon.ok()) {
        EXPECT_THAT(lexicon.status().message(), ::testing::MatchesRegex("m:[0-9]+:[0-9]+: .*"))
            << name << " round " << round;
      }
      for (const LexiconProblem& p : Lexicon::LintBytes(bytes, "m", tbx)) EXPECT_GT(p.line, 0u);
    }
  }
}

// ------------------------------------------------------------------ use

TEST(LexiconTest, PreferredFindConceptAndStats) {
  Lexicon lexicon = LoadOk("v3_basic.tbx");
  auto bri = lexicon.FindConcept("bri");
  ASSERT_TRUE(bri);
  std::vector<const Term*> preferred = lexicon.Preferred(*bri, Language::kChinese);
  ASSERT_EQ(preferred.size(), 1u);
  EXPECT_EQ(preferred[0]->text, "“一带一路”倡议");
  EXPECT_TRUE(lexicon.Preferred(*bri, Language::kUnknown).empty());
  EXPECT_TRUE(lexicon.Preferred(99, Language::kEnglish).empty());
  EXPECT_FALSE(lexicon.FindConcept("nope"));

  LexiconStats stats = lexicon.Stats();
  EXPECT_EQ(stats.concepts, 2u);
  EXPECT_EQ(stats.terms, 12u);
  ASSERT_EQ(stats.languages.size(), 3u);
  EXPECT_EQ(stats.languages[0].language, Language::kEnglish);
  EXPECT_EQ(stats.languages[0].terms, 6u);
  EXPECT_EQ(stats.languages[0].by_status, (std::array<size_t, 4>{2, 2, 1, 1}));
  EXPECT_EQ(stats.languages[1].by_status, (std::array<size_t, 4>{2, 1, 0, 0}));
  EXPECT_EQ(stats.languages[2].concepts, 2u);
}

TEST(LexiconTest, MergeKeepsBothAndRefusesClashes) {
  Lexicon a = LoadOk("v3_basic.tbx");
  Lexicon b = LoadOk("tbx_min.tbx");
  auto merged = Lexicon::Merge({a, b});
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(merged->concepts().size(), 4u);
  EXPECT_EQ(merged->terms().size(), a.terms().size() + b.terms().size());
  auto pm = merged->FindConcept("pm");
  ASSERT_TRUE(pm);
  EXPECT_EQ(merged->Preferred(*pm, Language::kUrdu).at(0)->text, "وزیر اعظم");
  EXPECT_EQ(merged->sources().size(), 2u);

  auto clash = Lexicon::Merge({a, a});
  ASSERT_FALSE(clash.ok());
  EXPECT_THAT(clash.status().message(), HasSubstr("concept id 'bri' is also defined in"));

  auto other = Lexicon::ParseTsv("x\ten\tCPEC\tpreferred\n", "other.tsv");
  ASSERT_TRUE(other.ok());
  auto dup = Lexicon::Merge({a, *other});
  ASSERT_FALSE(dup.ok());
  EXPECT_THAT(dup.status().message(),
              HasSubstr("other.tsv:1: duplicate term 'CPEC' (en): already a term of concept 'cpec'"));
}

TEST(LexiconTest, MissingFileIsNotFoundAndLintSaysUnreadable) {
  auto lexicon = Lexicon::Load("/nonexistent/terms.tsv");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(lexicon.status().message(), "/nonexistent/terms.tsv: no such file");
  std::vector<LexiconProblem> problems = Lexicon::Lint("/nonexistent/terms.tsv");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].severity, LexiconProblem::Severity::kUnreadable);
  EXPECT_EQ(problems[0].ToString(), "/nonexistent/terms.tsv: no such file");
}

TEST(LexiconTest, FormatIsSniffedWhenTheExtensionSaysNothing) {
  TempDir dir;
  const std::string path = dir.File("terms.dat");
  std::ofstream(path) << "\n  <tbx><text><body><conceptEntry id='s'><langSec xml:lang='en'><termSec>"
                         "<term>sniffed</term></termSec></langSec></conceptEntry></body></text></tbx>";
  auto lexicon = Lexicon::Load(path);
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(lexicon->terms().at(0).text, "sniffed");
}

TEST(LexiconTest, LoadDefaultReadsTheShippedTermbaseWhenPresent) {
  if (!FindDataFile("lexicons/official-terms.tsv").ok())
    GTEST_SKIP() << "lexicons/official-terms.tsv is not in this tree";
  auto lexicon = Lexicon::LoadDefault();
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_GT(lexicon->concepts().size(), 0u);
}

}  // namespace
}  // namespace align
