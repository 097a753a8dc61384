#include "align/lexicon.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "align/normalize.h"
#include "align/resources.h"
#include "lexicon_builder.h"
#include "lexicon_text.h"

namespace align {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

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

std::string ToTbx(const Lexicon& lexicon, int version = 3) {
  std::ostringstream out;
  EXPECT_TRUE(lexicon.WriteTbx(out, version).ok());
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
          f + ":7:20: expected 4 to 6 tab-separated columns (concept_id, lang, term, status[, note[, kind]]), "
              "found 3",
          f + ":8:32: unknown kind 'extra' (expected term, name or title, or empty)",
          f + ":9:4: malformed language tag 'en us' (expected BCP 47, such as en, zh-Hans, ur-PK)",
          f + ":10:33: expected 4 to 6 tab-separated columns (concept_id, lang, term, status[, note[, kind]]), "
              "found 7"));
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
  EXPECT_THAT(spaced.status().message(), HasSubstr("id.tsv:1:3: concept id 'my id' contains a space"));
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

TEST(LexiconRoundTripTest, TbxVersion2IsMartifWithTheSameData) {
  const std::string original = ReadFile(Fixture("canonical.tsv"));
  auto lexicon = Lexicon::ParseTsv(original, "canonical.tsv");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  const std::string tbx = ToTbx(*lexicon, 2);
  EXPECT_THAT(tbx, HasSubstr("<!DOCTYPE martif SYSTEM \"TBXBasiccoreStructV02.dtd\">"));
  EXPECT_THAT(tbx, HasSubstr("<martif type=\"TBX-Basic\" xml:lang=\"en\">"));
  EXPECT_THAT(tbx, HasSubstr("<martifHeader>"));
  EXPECT_THAT(tbx, HasSubstr("<termEntry id="));
  EXPECT_THAT(tbx, HasSubstr("<langSet xml:lang="));
  EXPECT_THAT(tbx, HasSubstr("<tig>"));
  for (const char* v3_only : {"conceptEntry", "langSec", "termSec", "xmlns", "style="})
    EXPECT_THAT(tbx, Not(HasSubstr(v3_only))) << v3_only;
  auto back = Lexicon::ParseTbx(tbx, "canonical.tbx");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(ToTsv(*back), original);
  for (int version : {0, 1, 4, -3}) {
    std::ostringstream out;
    Status s = lexicon->WriteTbx(out, version);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << version;
    EXPECT_TRUE(out.str().empty()) << version;
  }
}

TEST(LexiconRoundTripTest, EveryTbxFixtureSurvivesTsvAndTbx) {
  for (const char* name : {"v3_basic.tbx", "v2_martif.tbx", "v3_prefixed_ed3.tbx", "tbx_min.tbx",
                           "kinds.tbx", "handwritten.tsv"}) {
    Lexicon lexicon = LoadOk(name);
    const std::string tsv = ToTsv(lexicon);
    for (int version : {3, 2}) {
      auto via_tbx = Lexicon::ParseTbx(ToTbx(lexicon, version), "x.tbx");
      ASSERT_TRUE(via_tbx.ok()) << name << " v" << version << ": " << via_tbx.status().message();
      EXPECT_EQ(ToTsv(*via_tbx), tsv) << name << " v" << version;
    }
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

// ------------------------------------------------------------------ text rules

// A TBX with one en term whose text is |term| (raw XML), in concept |id|.
std::string OneTermTbx(const std::string& term, const std::string& id = "c1",
                       const std::string& extra = "") {
  return "<tbx><text><body><conceptEntry id=\"" + id + "\">\n<langSec xml:lang=\"en\"><termSec>"
         "<term>" + term + "</term>" + extra + "</termSec></langSec></conceptEntry></body></text></tbx>\n";
}

std::string TbxError(const std::string& xml) {
  auto lexicon = Lexicon::ParseTbx(xml, "r.tbx");
  return lexicon.ok() ? "loaded: " + lexicon->terms().at(0).text : lexicon.status().message();
}

TEST(LexiconTextTest, CharacterReferencesToNoCharacterAreErrorsAtTheReference) {
  // pugixml would have written CESU-8 (ED A0 80), a 4-byte sequence above
  // U+10FFFF, or wrapped bytes for an overflowing number: never in a term.
  EXPECT_EQ(TbxError(OneTermTbx("peace&#xD800;keeping")),
            "r.tbx:2:44: character reference '&#xD800;' is U+D800, a surrogate, which is not a character");
  EXPECT_EQ(TbxError(OneTermTbx("peace&#56320;")),
            "r.tbx:2:44: character reference '&#56320;' is U+DC00, a surrogate, which is not a character");
  EXPECT_EQ(TbxError(OneTermTbx("peace&#x110000;")),
            "r.tbx:2:44: character reference '&#x110000;' is above U+10FFFF, the last Unicode code point");
  EXPECT_EQ(TbxError(OneTermTbx("a&#" + std::string(500, '9') + ";")),
            "r.tbx:2:40: character reference '&#999999999999999999...;' is above U+10FFFF, the last "
            "Unicode code point");
  EXPECT_EQ(TbxError(OneTermTbx("peace", "c&#xDFFF;")),
            "r.tbx:1:18: character reference '&#xDFFF;' is U+DFFF, a surrogate, which is not a character "
            "(in the id attribute)");
}

TEST(LexiconTextTest, ControlCharactersAndNoncharactersFromReferencesAreNamed) {
  // &#0; used to cut the term short ("peace"), &#x1; to reach the writers.
  EXPECT_EQ(TbxError(OneTermTbx("peace&#0;keeping")), "r.tbx:2:33: term contains U+0000 (a control character)");
  EXPECT_EQ(TbxError(OneTermTbx("peace&#x1;")), "r.tbx:2:33: term contains U+0001 (a control character)");
  EXPECT_EQ(TbxError(OneTermTbx("peace&#x1B;[31m")), "r.tbx:2:33: term contains U+001B (a control character)");
  EXPECT_EQ(TbxError(OneTermTbx("peace&#x85;")), "r.tbx:2:33: term contains U+0085 (a control character)");
  EXPECT_EQ(TbxError(OneTermTbx("peace&#xFFFE;")), "r.tbx:2:33: term contains U+FFFE (a noncharacter)");
  EXPECT_EQ(TbxError(OneTermTbx("peace&#xFFFF;")), "r.tbx:2:33: term contains U+FFFF (a noncharacter)");
  EXPECT_EQ(TbxError(OneTermTbx("peace&#xFDD0;")), "r.tbx:2:33: term contains U+FDD0 (a noncharacter)");
  EXPECT_EQ(TbxError(OneTermTbx("peace&#x10FFFF;")), "r.tbx:2:33: term contains U+10FFFF (a noncharacter)");
  // The same characters written raw (valid UTF-8, so the byte check passed them).
  EXPECT_EQ(TbxError(OneTermTbx("peace\x1B[31m")), "r.tbx:2:33: term contains U+001B (a control character)");
  EXPECT_EQ(TbxError(OneTermTbx("peace\xEF\xBF\xBE")), "r.tbx:2:33: term contains U+FFFE (a noncharacter)");
  // Every field: id, language tag, note, status.
  EXPECT_EQ(TbxError(OneTermTbx("peace", "c&#0;1")), "r.tbx:1:18: concept id contains U+0000 (a control character)");
  EXPECT_EQ(TbxError("<tbx><text><body><conceptEntry id='c'><langSec xml:lang='en&#x7F;'><termSec>"
                     "<term>peace</term></termSec></langSec></conceptEntry></body></text></tbx>"),
            "r.tbx:1:39: language tag contains U+007F (a control character)");
  EXPECT_EQ(TbxError(OneTermTbx("peace", "c1", "<note>old\x07</note>")),
            "r.tbx:2:51: note contains U+0007 (a control character)");
  EXPECT_EQ(TbxError(OneTermTbx("peace", "c1", "<termNote type='usageNote'>&#x9F;</termNote>")),
            "r.tbx:2:51: note contains U+009F (a control character)");
  EXPECT_EQ(TbxError(OneTermTbx("peace", "c1",
                                "<termNote type='administrativeStatus'>preferredTerm-admn-sts&#0;</termNote>")),
            "r.tbx:2:51: status contains U+0000 (a control character)");
  // Lint lists them all, each where it is.
  const std::string two = OneTermTbx("a&#0;", "c1", "<note>&#xD800;</note>");
  EXPECT_THAT(ProblemStrings(Lexicon::LintBytes(two, "r.tbx", true)),
              ElementsAre("r.tbx:2:33: term contains U+0000 (a control character)",
                          "r.tbx:2:57: character reference '&#xD800;' is U+D800, a surrogate, which is "
                          "not a character"));
}

TEST(LexiconTextTest, GoodReferencesAreDecodedAndSurviveTheWriters) {
  auto lexicon = Lexicon::ParseTbx(
      OneTermTbx("&#x4E2D;&#22269; &quot;&apos;&lt;&gt;&amp; &#x9;x&#10;y", "id&#x2D;&#65;",
                 "<note><![CDATA[&#0; stays text]]></note>"),
      "good.tbx");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(lexicon->concepts()[0].id, "id-A");
  // Tab and line feed from references are white space, collapsed like any other.
  EXPECT_THAT(TermsOf(*lexicon, "id-A"), ElementsAre("en|中国 \"'<>& x y|admitted|&#0; stays text"));
  auto via_tbx = Lexicon::ParseTbx(ToTbx(*lexicon), "back.tbx");
  ASSERT_TRUE(via_tbx.ok()) << via_tbx.status().message();
  EXPECT_EQ(ToTsv(*via_tbx), ToTsv(*lexicon));
  // What is no reference stays as written, as before.
  EXPECT_EQ(TbxError(OneTermTbx("R&#x;D &#X41; &#65 a&b")), "loaded: R&#x;D &#X41; &#65 a&b");
}

TEST(LexiconTextTest, TsvFieldsFollowTheSameRuleWithExactColumns) {
  const std::string tsv =
      "c1\ten\tok\x1B[31m\tpreferred\n"                 // ESC in a term
      "c2\ten\tfine\tpreferred\tnote \xC2\x85 here\n"  // NEL in a note
      "c\xEF\xBF\xBF\ten\tgood\tpreferred\n"           // U+FFFF in an id
      "c4\ten\tstill\tpre\x01" "ferred\n"              // in the status
      "c5\te\x7Fn\tthing\tpreferred\n"                 // in the language tag
      + std::string("c6\ten\tnul\0byte\tpreferred\n", 25);
  EXPECT_THAT(ProblemStrings(Lexicon::LintBytes(tsv, "f.tsv", false)),
              ElementsAre("f.tsv:1:9: term contains U+001B (a control character)",
                          "f.tsv:2:27: note contains U+0085 (a control character)",
                          "f.tsv:3:2: concept id contains U+FFFF (a noncharacter)",
                          "f.tsv:4:16: status contains U+0001 (a control character)",
                          "f.tsv:5:5: language tag contains U+007F (a control character)",
                          "f.tsv:6:10: term contains U+0000 (a control character)"));
  auto lexicon = Lexicon::ParseTsv(tsv, "f.tsv");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().message(), "f.tsv:1:9: term contains U+001B (a control character)");
}

TEST(LexiconTextTest, TermsWithoutALetterOrDigitAreErrorsOnTheirLine) {
  // Each of these has an empty matching key or one without a letter: white
  // space the key trims (NBSP, U+3000, BOM), characters it drops (ZWNJ,
  // tatweel), ZWSP and punctuation it keeps.
  struct Case {
    std::string term, code_points;
  } cases[] = {
      {"\xC2\xA0", "U+00A0"},          {"\xE2\x80\x8B", "U+200B"},
      {"\xE2\x80\x8C", "U+200C"},      {"\xE3\x80\x80", "U+3000"},
      {"\xEF\xBB\xBF", "U+FEFF"},      {"\xD9\x80", "U+0640"},
      {".", "U+002E"},                 {"\xE2\x80\x9C\xE2\x80\x9D", "U+201C U+201D"},
      {"--", "U+002D U+002D"},         {"\xCC\x81", "U+0301"},
      {"\xC2\xA0\xE2\x80\x8B.\xE3\x80\x80", "U+00A0 U+200B U+002E U+3000"},
  };
  for (const Case& c : cases) {
    const std::string tsv = "ok\ten\tpeace\tpreferred\nbad\ten\t" + c.term + "\tpreferred\n";
    auto lexicon = Lexicon::ParseTsv(tsv, "w.tsv");
    ASSERT_FALSE(lexicon.ok()) << c.code_points;
    EXPECT_EQ(lexicon.status().message(),
              "w.tsv:2:8: term '" + c.term + "' (" + c.code_points +
                  ") has no letter or digit; a term of only white space, punctuation or symbols "
                  "would match text that is no term");
    EXPECT_THAT(ProblemStrings(Lexicon::LintBytes(tsv, "w.tsv", false)),
                ElementsAre(HasSubstr("w.tsv:2:8: term '")));
    auto tbx = Lexicon::ParseTbx(OneTermTbx(c.term), "w.tbx");
    ASSERT_FALSE(tbx.ok()) << c.code_points;
    EXPECT_THAT(tbx.status().message(), HasSubstr("w.tbx:2:33: term '"));
  }
  // What the matcher would have been given: empty keys (white space and
  // invisible characters), or keys of no word (punctuation).
  const Normalizer& norm = Normalizer::Get();
  for (const char* invisible : {"\xC2\xA0", "\xE2\x80\x8B", "\xE2\x80\x8C", "\xE3\x80\x80", "\xEF\xBB\xBF",
                                "\xD9\x80", "\xC2\xA0\xE2\x80\x8B\xE3\x80\x80"})
    EXPECT_EQ(norm.KeyOf(invisible), "") << invisible;
  EXPECT_EQ(norm.KeyOf("."), ".");
  // A letter or digit anywhere is enough, in any script; NFKC counts (① is 1).
  for (const char* ok : {"G20", "C++", "5G", "\xE2\x91\xA0", "\xD9\x85", "\xE4\xB8\xAD", "n\xC2\xA0" "a"}) {
    auto lexicon = Lexicon::ParseTsv(std::string("c\ten\t") + ok + "\tpreferred\n", "ok.tsv");
    EXPECT_TRUE(lexicon.ok()) << ok << ": " << lexicon.status().message();
  }
}

TEST(LexiconTextTest, ValidatorNamesTheFirstBadCharacter) {
  EXPECT_FALSE(CheckTermbaseText("peace", TermbaseField::kTerm));
  EXPECT_FALSE(CheckTermbaseText("a\tb", TermbaseField::kNote));  // tabs are fine outside terms
  auto tab = CheckTermbaseText("a\tb", TermbaseField::kTerm);
  ASSERT_TRUE(tab);
  EXPECT_EQ(tab->message, "term contains U+0009 (a tab)");
  EXPECT_EQ(tab->offset, 1u);
  auto cesu = CheckTermbaseText("x\xED\xA0\x80", TermbaseField::kConceptId);
  ASSERT_TRUE(cesu);
  EXPECT_EQ(cesu->message, "concept id contains byte 0xED (not UTF-8)");
  EXPECT_EQ(cesu->offset, 1u);
  auto high = FindBadCharacter("ab\xF4\x90\x80\x80", true);
  ASSERT_TRUE(high);
  EXPECT_EQ(high->offset, 2u);
  auto lf = FindBadCharacter("a\nb", true);
  ASSERT_TRUE(lf);
  EXPECT_EQ(lf->description, "U+000A (a control character)");
  // An emoji, U+FFFD, and U+FDCF and U+FDF0 on either side of the noncharacters.
  EXPECT_FALSE(FindBadCharacter("\xF0\x9F\x98\x80 \xEF\xBF\xBD \xEF\xB7\x8F\xEF\xB7\xB0", false));
  auto fdef = FindBadCharacter("\xEF\xB7\xAF", false);
  ASSERT_TRUE(fdef);
  EXPECT_EQ(fdef->description, "U+FDEF (a noncharacter)");
}

// ------------------------------------------------------------------ line ends and empty files

TEST(LexiconLineEndTest, CrOnlyCrLfAndLfAllEndLines) {
  const std::string lf = "concept_id\tlang\tterm\tstatus\na\ten\tpeace\tpreferred\nb\tzh\t和平\tpreferred\n";
  std::string cr = lf, crlf;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  for (char c : lf) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
  std::string mixed = "concept_id\tlang\tterm\tstatus\ra\ten\tpeace\tpreferred\r\nb\tzh\t和平\tpreferred\n";
  for (const std::string& bytes : {lf, cr, crlf, mixed}) {
    auto lexicon = Lexicon::ParseTsv(bytes, "le.tsv");
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
    EXPECT_THAT(TermsOf(*lexicon, "a"), ElementsAre("en|peace|preferred|"));
    EXPECT_THAT(TermsOf(*lexicon, "b"), ElementsAre("zh|和平|preferred|"));
    EXPECT_EQ(lexicon->terms()[1].line, 3u);
    EXPECT_TRUE(Lexicon::LintBytes(bytes, "le.tsv", false).empty());
  }
  // Errors count lines the same way.
  EXPECT_THAT(ProblemStrings(Lexicon::LintBytes("a\ten\tpeace\tpreferred\r\rb\ten\t\tpreferred\r", "e.tsv", false)),
              ElementsAre("e.tsv:3:6: empty term"));
  auto tbx = Lexicon::ParseTbx("<tbx>\r<text>\r<body>\r<conceptEntry id='x'><langSec xml:lang='en'>\r"
                               "<termSec><term>a&#0;</term></termSec></langSec></conceptEntry></body></text></tbx>",
                               "cr.tbx");
  ASSERT_FALSE(tbx.ok());
  EXPECT_EQ(tbx.status().message(), "cr.tbx:5:10: term contains U+0000 (a control character)");
}

TEST(LexiconLineEndTest, TermsInNoKnownLanguageAreAnErrorAndNoEntryAWarning) {
  // Before, a CR-only file was one line whose first field was the header's.
  struct Case {
    std::string bytes, message;
    bool tbx;
    LexiconProblem::Severity severity;
  } cases[] = {
      // No entry at all: an empty termbase (what talign writes for one), which lint warns about.
      {"# comments\n\nconcept_id\tlang\tterm\tstatus\n",
       "n:1:1: warning: no terms: every line is blank, a comment or the header (expected "
       "concept_id<TAB>lang<TAB>term<TAB>status lines)",
       false, LexiconProblem::Severity::kWarning},
      {"<tbx><text><body/></text></tbx>",
       "n:1:1: warning: no terms: the file has no <conceptEntry> (or <termEntry>) with a term", true,
       LexiconProblem::Severity::kWarning},
      // Terms that talign cannot use would be dropped without a word: an error.
      {"\n\n  a\tfr\tpaix\tpreferred\n", "n:3:3: no terms in en, zh or ur, the languages talign has rules for",
       false, LexiconProblem::Severity::kError},
      {"<tbx><text><body><conceptEntry id='e'><langSec xml:lang='de'><termSec><term>Frieden</term>"
       "</termSec></langSec></conceptEntry></body></text></tbx>",
       "n:1:1: no terms in en, zh or ur, the languages talign has rules for", true, LexiconProblem::Severity::kError},
  };
  for (const Case& c : cases) {
    auto lexicon = c.tbx ? Lexicon::ParseTbx(c.bytes, "n") : Lexicon::ParseTsv(c.bytes, "n");
    const bool error = c.severity == LexiconProblem::Severity::kError;
    ASSERT_EQ(lexicon.ok(), !error) << c.bytes;
    if (error) EXPECT_EQ(lexicon.status().message(), c.message);
    if (!error) {
      // What talign writes of an empty termbase reads back.
      std::ostringstream tsv, tbx;
      ASSERT_TRUE(lexicon->WriteTsv(tsv).ok());
      ASSERT_TRUE(lexicon->WriteTbx(tbx).ok());
      EXPECT_TRUE(Lexicon::ParseTsv(tsv.str(), "w.tsv").ok());
      EXPECT_TRUE(Lexicon::ParseTbx(tbx.str(), "w.tbx").ok());
    }
    bool listed = false;
    for (const LexiconProblem& p : Lexicon::LintBytes(c.bytes, "n", c.tbx))
      listed |= p.ToString() == c.message && p.severity == c.severity;
    EXPECT_TRUE(listed) << c.message;
  }
  // An empty file, or one of white space, is an empty termbase.
  for (const char* blank : {"", "\n\r\n \t\n", "\xEF\xBB\xBF"}) {
    auto lexicon = Lexicon::ParseTsv(blank, "blank.tsv");
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
    EXPECT_TRUE(lexicon->terms().empty());
  }
  // UTF-16 without a BOM: NUL bytes, named where they are.
  std::string utf16;
  for (char c : std::string("a\ten\tpeace\tpreferred\n")) utf16 += std::string{c, '\0'};
  auto wide = Lexicon::ParseTsv(utf16, "w.tsv");
  ASSERT_FALSE(wide.ok());
  EXPECT_EQ(wide.status().message(), "w.tsv:1:2: concept id contains U+0000 (a control character)");
}

// ------------------------------------------------------------------ fuzz-style guard

// Every text of a lexicon that loaded passes the validator, and every term
// has a key the matcher can use.
void ExpectValidLexicon(const Lexicon& lexicon, const std::string& context) {
  for (const Concept& c : lexicon.concepts())
    EXPECT_FALSE(CheckTermbaseText(c.id, TermbaseField::kConceptId)) << context;
  for (const Term& t : lexicon.terms()) {
    EXPECT_FALSE(CheckTermbaseText(t.text, TermbaseField::kTerm)) << context << ": " << t.text;
    EXPECT_FALSE(CheckTermbaseText(t.note, TermbaseField::kNote)) << context;
    EXPECT_FALSE(Normalizer::Get().KeyOf(t.text).empty()) << context;
  }
}

// Seeded mutations of real termbases, with character references among the
// insertions: each load ends in a lexicon that passes the validator and
// writes TBX that reads back the same, or an error "FILE:LINE:COL: ...".
TEST(LexiconFuzzTest, MutationsWithCharacterReferencesLoadValidOrFailWithAPosition) {
  std::mt19937 rng(20260211);
  const std::vector<std::string> references = {
      "&#x0;", "&#0;", "&#x1;", "&#x1B;", "&#x9;", "&#xA;", "&#xD;", "&#x7F;", "&#x85;", "&#x9F;",
      "&#xA0;", "&#x200B;", "&#x3000;", "&#xFEFF;", "&#xD800;", "&#xDFFF;", "&#xFDD0;", "&#xFFFE;",
      "&#xFFFF;", "&#x10FFFF;", "&#x110000;", "&#99999999999;", "&#x41;", "&#20013;", "&amp;", "&lt;",
      "&#x;", "&#", "\x1B", std::string(1, '\0'), "\r", "\xC2\xA0", "\xEF\xBF\xBE", "\xED\xA0\x80"};
  const std::string alphabet = std::string("<>/&;=\"'\t\n\r #!-[]?x.\xE4\xB8\x80\xFF", 24);
  std::vector<std::pair<std::string, bool>> originals;  // bytes, tbx
  for (const char* name : {"v3_basic.tbx", "v2_martif.tbx", "tbx_min.tbx", "v3_prefixed_ed3.tbx",
                           "canonical.tsv", "handwritten.tsv"}) {
    originals.emplace_back(ReadFile(Fixture(name)), std::string(name).ends_with(".tbx"));
  }
  const std::string official = ReadFile(std::string(TALIGN_SOURCE_DIR) + "/lexicons/official-terms.tsv");
  ASSERT_FALSE(official.empty());
  // The shipped termbase is large: a window of it keeps each round quick.
  const size_t window = official.find('\n', official.size() / 2);
  originals.emplace_back(official.substr(0, std::min<size_t>(window, 6000)), false);
  auto shipped = Lexicon::ParseTsv(official, "official-terms.tsv");
  ASSERT_TRUE(shipped.ok()) << shipped.status().message();
  ExpectValidLexicon(*shipped, "official-terms.tsv");
  originals.emplace_back(ToTbx(*shipped).substr(0, 8000), true);

  int loaded = 0, refused = 0;
  for (int round = 0; round < 3000; ++round) {
    const auto& [original, tbx] = originals[round % originals.size()];
    std::string bytes = original;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !bytes.empty(); ++e) {
      const size_t at = rng() % bytes.size();
      switch (rng() % 4) {
        case 0: bytes[at] = alphabet[rng() % alphabet.size()]; break;
        case 1: bytes.erase(at, 1 + rng() % 16); break;
        case 2: bytes.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
        default: bytes.insert(at, references[rng() % references.size()]); break;
      }
    }
    const std::string context = "round " + std::to_string(round);
    auto lexicon = tbx ? Lexicon::ParseTbx(bytes, "m") : Lexicon::ParseTsv(bytes, "m");
    if (!lexicon.ok()) {
      ++refused;
      EXPECT_THAT(lexicon.status().message(), ::testing::MatchesRegex("m:[0-9]+:[0-9]+: .+")) << context;
    } else {
      ++loaded;
      ExpectValidLexicon(*lexicon, context);
      auto back = Lexicon::ParseTbx(ToTbx(*lexicon), "back.tbx");
      if (!lexicon->terms().empty()) {
        ASSERT_TRUE(back.ok()) << context << ": " << back.status().message();
        EXPECT_EQ(ToTsv(*back), ToTsv(*lexicon)) << context;
      }
    }
    for (const LexiconProblem& p : Lexicon::LintBytes(bytes, "m", tbx)) EXPECT_GT(p.line, 0u) << context;
  }
  // Both outcomes happen, so both branches were tested.
  EXPECT_GT(loaded, 100);
  EXPECT_GT(refused, 100);
}

// ------------------------------------------------------------------ use

// ------------------------------------------------------------------ concept kinds

std::string KindOf(const Lexicon& lexicon, std::string_view id) {
  auto c = lexicon.FindConcept(id);
  return c ? std::string(ConceptKindName(lexicon.concepts()[*c].kind)) : "(none)";
}

TEST(LexiconKindTest, TsvSixthColumnStatesTheKindOnAnyRowOfTheConcept) {
  auto lexicon = Lexicon::ParseTsv(
      "concept_id\tlang\tterm\tstatus\tnote\tkind\n"
      "xi\ten\tXi Jinping\tpreferred\tofficial\tname\n"
      "xi\tzh\t习近平\tpreferred\n"
      "president\ten\tPresident\tpreferred\t\n"
      "president\tzh\t国家主席\tpreferred\t\tTitle\n"       // on a later row, any case
      "bri\ten\tBelt and Road Initiative\tpreferred\t\t\n"  // empty: not stated
      "sco\tfr\tOCS\tpreferred\t\tname\n"                   // stated on a skipped row
      "sco\ten\tSCO\tpreferred\n"
      "gdi\ten\tGlobal Development Initiative\tpreferred\t\tterm\n",
      "kinds.tsv");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(KindOf(*lexicon, "xi"), "name");
  EXPECT_EQ(KindOf(*lexicon, "president"), "title");
  EXPECT_EQ(KindOf(*lexicon, "bri"), "term");
  EXPECT_EQ(KindOf(*lexicon, "sco"), "name");
  EXPECT_EQ(KindOf(*lexicon, "gdi"), "term");
  EXPECT_THAT(TermsOf(*lexicon, "xi"), ElementsAre("en|Xi Jinping|preferred|official", "zh|习近平|preferred|"));
  const LexiconStats stats = lexicon->Stats();
  EXPECT_EQ(stats.by_kind, (std::array<size_t, kConceptKinds>{2, 2, 1}));
  EXPECT_EQ(ParseConceptKind("NAME"), ConceptKind::kName);
  EXPECT_FALSE(ParseConceptKind("person"));
}

TEST(LexiconKindTest, TwoKindsForOneConceptAndUnknownKindsAreErrorsWhereTheyAre) {
  const std::string conflict =
      "xi\ten\tXi Jinping\tpreferred\t\tname\n"
      "xi\tzh\t习近平\tpreferred\t\tname\n"
      "xi\tur\tشی جن پنگ\tpreferred\tnote\ttitle\n";
  auto lexicon = Lexicon::ParseTsv(conflict, "conflict.tsv");
  ASSERT_FALSE(lexicon.ok());
  EXPECT_EQ(lexicon.status().message(),
            "conflict.tsv:3:32: concept 'xi' is stated to be a title here and a name at line 1; a concept has "
            "one kind");
  auto unknown = Lexicon::ParseTsv("xi\ten\tXi Jinping\tpreferred\t\tperson\n", "unknown.tsv");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().message(),
            "unknown.tsv:1:29: unknown kind 'person' (expected term, name or title, or empty)");
  auto control = Lexicon::ParseTsv("xi\ten\tXi Jinping\tpreferred\t\tna\x01me\n", "control.tsv");
  ASSERT_FALSE(control.ok());
  EXPECT_EQ(control.status().message(), "control.tsv:1:31: kind contains U+0001 (a control character)");
}

TEST(LexiconKindTest, WriterAddsTheKindColumnOnlyForNamesAndTitles) {
  auto lexicon = Lexicon::ParseTsv(
      "xi\ten\tXi Jinping\tpreferred\t\tname\n"
      "bri\ten\tBelt and Road Initiative\tpreferred\n"
      "xi\tzh\t习近平\tpreferred\n"
      "president\ten\tPresident\tpreferred\tnote\ttitle\n",
      "w.tsv");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  const std::string tsv = ToTsv(*lexicon);
  EXPECT_EQ(tsv,
            "concept_id\tlang\tterm\tstatus\tnote\tkind\n"
            "xi\ten\tXi Jinping\tpreferred\t\tname\n"
            "xi\tzh\t习近平\tpreferred\t\tname\n"
            "bri\ten\tBelt and Road Initiative\tpreferred\t\n"
            "president\ten\tPresident\tpreferred\tnote\ttitle\n");
  // A termbase of terms alone keeps its five columns (canonical.tsv round-trips too).
  auto terms = Lexicon::ParseTsv("bri\ten\tBRI\tpreferred\t\tterm\n", "t.tsv");
  ASSERT_TRUE(terms.ok()) << terms.status().message();
  EXPECT_EQ(ToTsv(*terms), "concept_id\tlang\tterm\tstatus\tnote\nbri\ten\tBRI\tpreferred\t\n");

  // TSV → TBX → TSV keeps the kinds, and TBX → TBX is stable.
  const std::string tbx = ToTbx(*lexicon);
  EXPECT_THAT(tbx, HasSubstr("<conceptEntry id=\"xi\">\n        <descrip type=\"conceptKind\">name</descrip>"));
  EXPECT_THAT(tbx, HasSubstr("<descrip type=\"conceptKind\">title</descrip>"));
  EXPECT_THAT(tbx, Not(HasSubstr("<descrip type=\"conceptKind\">term</descrip>")));
  auto back = Lexicon::ParseTbx(tbx, "w.tbx");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(KindOf(*back, "xi"), "name");
  EXPECT_EQ(KindOf(*back, "president"), "title");
  EXPECT_EQ(KindOf(*back, "bri"), "term");
  EXPECT_EQ(ToTsv(*back), tsv);
  EXPECT_EQ(ToTbx(*back), tbx);
  auto merged = Lexicon::Merge({*back});
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(KindOf(*merged, "president"), "title");
}

TEST(LexiconKindTest, TbxReadsConceptKindAndRefusesUnknownValuesWithAPosition) {
  auto tbx = [](const std::string& descrips) {
    return "<tbx><text><body>\n<conceptEntry id='xi'>" + descrips +
           "<langSec xml:lang='en'><termSec><term>Xi Jinping</term></termSec></langSec></conceptEntry>\n"
           "</body></text></tbx>";
  };
  auto plain = Lexicon::ParseTbx(tbx("<descrip type='conceptKind'>Name</descrip>"), "a.tbx");
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  EXPECT_EQ(KindOf(*plain, "xi"), "name");
  auto grouped = Lexicon::ParseTbx(tbx("<descripGrp><descrip type='conceptKind'>title</descrip></descripGrp>"), "b.tbx");
  ASSERT_TRUE(grouped.ok()) << grouped.status().message();
  EXPECT_EQ(KindOf(*grouped, "xi"), "title");
  auto dct = Lexicon::ParseTbx(tbx("<conceptKind>name</conceptKind><descrip type='definition'>x</descrip>"), "c.tbx");
  ASSERT_TRUE(dct.ok()) << dct.status().message();
  EXPECT_EQ(KindOf(*dct, "xi"), "name");
  auto none = Lexicon::ParseTbx(tbx("<descrip type='conceptKind'> </descrip>"), "d.tbx");
  ASSERT_TRUE(none.ok()) << none.status().message();
  EXPECT_EQ(KindOf(*none, "xi"), "term");

  auto bad = Lexicon::ParseTbx(tbx("<descrip type='conceptKind'>person</descrip>"), "bad.tbx");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(), "bad.tbx:2:23: unknown concept kind 'person' (expected term, name or title)");
  auto two = Lexicon::ParseTbx(
      tbx("<descrip type='conceptKind'>name</descrip>\n<descrip type='conceptKind'>title</descrip>"), "two.tbx");
  ASSERT_FALSE(two.ok());
  EXPECT_EQ(two.status().message(),
            "two.tbx:3:1: concept 'xi' is stated to be a title here and a name at line 2; a concept has one kind");
  auto control = Lexicon::ParseTbx(tbx("<descrip type='conceptKind'>na&#x1B;me</descrip>"), "esc.tbx");
  ASSERT_FALSE(control.ok());
  EXPECT_EQ(control.status().message(), "esc.tbx:2:23: kind contains U+001B (a control character)");
}

TEST(LexiconKindTest, TbxFixtureWithKindsConvertsToSixColumnsAndBack) {
  Lexicon lexicon = LoadOk("kinds.tbx");
  EXPECT_EQ(KindOf(lexicon, "xi_jinping"), "name");
  EXPECT_EQ(KindOf(lexicon, "state_councilor"), "title");
  EXPECT_EQ(KindOf(lexicon, "bri"), "term");
  const std::string tsv = ToTsv(lexicon);
  EXPECT_THAT(tsv, HasSubstr("\nstate_councilor\tzh\t国务委员\tpreferred\t\ttitle\n"));
  EXPECT_THAT(tsv, HasSubstr("\nbri\ten\tBelt and Road Initiative\tpreferred\t\n"));
}

TEST(LexiconKindTest, ShippedTermbaseTagsNamesAndTitlesButKeepsFormulasAsTerms) {
  if (!FindDataFile("lexicons/official-terms.tsv").ok())
    GTEST_SKIP() << "lexicons/official-terms.tsv is not in this tree";
  auto lexicon = Lexicon::LoadDefault();
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(KindOf(*lexicon, "xi_jinping"), "name");
  EXPECT_EQ(KindOf(*lexicon, "sco"), "name");
  EXPECT_EQ(KindOf(*lexicon, "president"), "title");
  EXPECT_EQ(KindOf(*lexicon, "foreign_ministry_spokesperson"), "title");
  EXPECT_EQ(KindOf(*lexicon, "cpec"), "term");
  EXPECT_EQ(KindOf(*lexicon, "belt_and_road_initiative"), "term");
  EXPECT_EQ(KindOf(*lexicon, "global_development_initiative"), "term");
}

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


  // The same file twice: nothing changes, nothing to warn about.
  std::vector<LexiconProblem> warnings;
  auto twice = Lexicon::Merge({a, a}, &warnings);
  ASSERT_TRUE(twice.ok()) << twice.status().message();
  EXPECT_EQ(twice->concepts().size(), a.concepts().size());
  EXPECT_EQ(twice->terms().size(), a.terms().size());
  EXPECT_TRUE(warnings.empty());
}

TEST(LexiconTest, LaterLayersAddTermsAndWinOnStatus) {
  auto base = Lexicon::ParseTsv(
      "bri\ten\tBelt and Road Initiative\tpreferred\n"
      "bri\ten\tOBOR\tadmitted\n"
      "bri\tzh\t一带一路\tpreferred\n"
      "cpec\ten\tCPEC\tpreferred\n",
      "base.tsv");
  ASSERT_TRUE(base.ok());
  auto mine = Lexicon::ParseTsv(
      "bri\ten\tthe Belt and Road\tadmitted\n"
      "bri\ten\tOBOR\tdeprecated\tout of use since 2017\n"
      "corridor\ten\tCPEC\tpreferred\n"
      "corridor\tur\tسی پیک\tpreferred\n",
      "mine.tsv");
  ASSERT_TRUE(mine.ok());
  std::vector<LexiconProblem> warnings;
  auto merged = Lexicon::Merge({*base, *mine}, &warnings);
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  auto bri = merged->FindConcept("bri");
  ASSERT_TRUE(bri);
  std::vector<std::string> texts;
  for (uint32_t t : merged->concepts()[*bri].terms) texts.push_back(merged->terms()[t].text);
  EXPECT_THAT(texts, ElementsAre("Belt and Road Initiative", "OBOR", "一带一路", "the Belt and Road"));
  const Term& obor = merged->terms()[merged->concepts()[*bri].terms[1]];
  EXPECT_EQ(obor.status, TermStatus::kDeprecated);
  EXPECT_EQ(obor.note, "out of use since 2017");
  // CPEC moved to the later file's concept: a term names one concept.
  auto corridor = merged->FindConcept("corridor");
  ASSERT_TRUE(corridor);
  EXPECT_EQ(merged->concepts()[*corridor].terms.size(), 2u);
  EXPECT_TRUE(merged->concepts()[*merged->FindConcept("cpec")].terms.empty());
  ASSERT_EQ(warnings.size(), 2u);
  EXPECT_EQ(warnings[0].ToString(),
            "mine.tsv:2:1: warning: term 'OBOR' (en) of concept 'bri' is admitted in base.tsv at line 2; "
            "this later file wins: deprecated");
  EXPECT_EQ(warnings[1].ToString(),
            "mine.tsv:3:1: warning: term 'CPEC' (en) is a term of concept 'cpec' in base.tsv at line 4; "
            "this later file moves it to concept 'corridor'");
}

TEST(LexiconTest, LanguageNamesAreMappedAndUnmappableOnesAreErrors) {
  auto named = Lexicon::ParseTsv(
      "bri\tEnglish\tBelt and Road Initiative\tpreferred\n"
      "bri\tChinese (PRC)\t一带一路\tpreferred\n"
      "bri\tSimplified Chinese\t“一带一路”倡议\tadmitted\n"
      "bri\turdu\tبیلٹ اینڈ روڈ\tpreferred\n"
      "bri\tfr\tla Ceinture et la Route\tpreferred\n",
      "named.tsv");
  ASSERT_TRUE(named.ok()) << named.status().message();
  std::vector<Language> languages;
  for (const Term& t : named->terms()) languages.push_back(t.language);
  EXPECT_THAT(languages, ElementsAre(Language::kEnglish, Language::kChinese, Language::kChinese, Language::kUrdu));
  auto french = Lexicon::ParseTsv("bri\ten\tBRI\tpreferred\nbri\tFrench\tla Ceinture\tpreferred\n", "fr.tsv");
  ASSERT_FALSE(french.ok());
  EXPECT_THAT(french.status().message(),
              HasSubstr("fr.tsv:2:5: language 'French' is not a BCP 47 code nor a name talign maps"));
  auto tbx = Lexicon::ParseTbx(
      "<tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" type=\"TBX-Basic\"><text><body>\n"
      "<conceptEntry id=\"bri\"><langSec xml:lang=\"English (United States)\"><termSec><term>BRI</term>"
      "</termSec></langSec>\n<langSec xml:lang=\"Englisch\"><termSec><term>BRI</term></termSec></langSec>"
      "</conceptEntry></body></text></tbx>\n",
      "named.tbx");
  ASSERT_FALSE(tbx.ok());
  EXPECT_THAT(tbx.status().message(), HasSubstr("named.tbx:3:"));
  EXPECT_THAT(tbx.status().message(), HasSubstr("language 'Englisch' is not"));
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

namespace align {
namespace {

// The TSV and TBX forms of one termbase hold the same text: ids that one
// form cannot write are refused by both, and white-space runs are one space
// in both (the fuzzers' concept-id-with-space, hash-concept-id, space-runs).
TEST(LexiconForms, IdsAndSpacesAreTheSameInBothForms) {
  auto tbx = [](const std::string& id) {
    return "<?xml version=\"1.0\"?><tbx xmlns=\"urn:iso:std:iso:30042:ed-2\" style=\"dca\" type=\"TBX-Basic\" "
           "xml:lang=\"en\"><text><body><conceptEntry id=\"" + id +
           "\"><langSec xml:lang=\"en\"><termSec><term>peace</term></termSec></langSec></conceptEntry>"
           "</body></text></tbx>";
  };
  for (const char* id : {"b sg", "#0"}) {
    auto from_tbx = Lexicon::ParseTbx(tbx(id), "x.tbx");
    EXPECT_EQ(from_tbx.status().code(), StatusCode::kDataError) << id;
    EXPECT_THAT(from_tbx.status().message(), ::testing::HasSubstr("concept id")) << id;
    auto from_tsv = Lexicon::ParseTsv(std::string(id) + "\ten\tpeace\tpreferred\n", "x.tsv");
    EXPECT_FALSE(from_tsv.ok() && !from_tsv->terms().empty()) << id;  // '#0' is a comment line in TSV
  }
  auto spaced = Lexicon::ParseTsv("c\ten\tcommunity  with a   shared future\tpreferred\tsee   note\n", "s.tsv");
  ASSERT_TRUE(spaced.ok()) << spaced.status().message();
  EXPECT_EQ(spaced->terms()[0].text, "community with a shared future");
  EXPECT_EQ(spaced->terms()[0].note, "see note");
  std::ostringstream tbx_out, tsv_out;
  ASSERT_TRUE(spaced->WriteTbx(tbx_out).ok());
  auto back = Lexicon::ParseTbx(tbx_out.str(), "s.tbx");
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_TRUE(back->WriteTsv(tsv_out).ok());
  std::ostringstream direct;
  ASSERT_TRUE(spaced->WriteTsv(direct).ok());
  EXPECT_EQ(tsv_out.str(), direct.str());
}

}  // namespace
}  // namespace align
