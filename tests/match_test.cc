// Term matching: table-driven cases per language, spans into the original
// bytes, and random inputs checked against a brute-force matcher that loops
// over terms.
#include "align/match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "match_internal.h"

namespace align {
namespace {

const std::string kData = std::string(TALIGN_SOURCE_DIR) + "/tests/data/match/";

// A termbase for the tests (our own examples, not the shipped one).
const char* kTerms =
    "cswf\ten\tcommunity with a shared future\tpreferred\t\n"
    "cswf\ten\tcommunity of common destiny\tdeprecated\t\n"
    "core\ten\tcore interests\tpreferred\t\n"
    "hosd\ten\thead-of-state diplomacy\tpreferred\t\n"
    "iron\ten\tironclad friendship\tpreferred\t\n"
    "iron2\ten\tiron-clad support\tpreferred\t\n"
    "bri\ten\tBelt and Road Initiative\tpreferred\t\n"
    "bri\ten\tBRI\tadmitted\t\n"
    "un\ten\tUN\tadmitted\t\n"
    "bri\ten\tBelt and Road\tadmitted\t\n"
    "ab\ten\tAlpha Beta\tpreferred\t\n"
    "bcd\ten\tBeta Gamma Delta\tpreferred\t\n"
    "obor\ten\tOne Belt, One Road\tdeprecated\t\n"
    "modern\ten\tChinese modernization\tpreferred\t\n"
    "sco\ten\tShanghai Cooperation Organization\tpreferred\t\n"
    "tc\ten\ttrade center\tpreferred\t\n"
    "aw\ten\tall-weather strategic cooperative partnership\tpreferred\t\n"
    "scp\ten\tstrategic cooperative partnership\tpreferred\t\n"
    "cp\ten\tcooperative partnership\tpreferred\t\n"
    "pd\ten\tpeace and development\tpreferred\t\n"
    "di\ten\tdevelopment initiative\tpreferred\t\n"
    "gdi\ten\tGlobal Development Initiative\tpreferred\t\n"
    "fta\ten\tfree trade agreement\tpreferred\t\n"
    "fta\ten\tFTA\tadmitted\t\n"
    "sez\ten\tSEZ\tpreferred\t\n"
    "cpec\ten\tCPEC\tadmitted\t\n"
    "ga\ten\tGA\tpreferred\t\n"
    "ww\ten\twin-win cooperation\tpreferred\t\n"
    "bri\tzh\t“一带一路”倡议\tpreferred\t\n"
    "bri\tzh\t一带一路\tadmitted\t\n"
    "cpec\tzh\t中巴经济走廊\tpreferred\t\n"
    "cpecup\tzh\t中巴经济走廊“升级版”\tpreferred\t\n"
    "onechina\tzh\t一个中国原则\tpreferred\t\n"
    "iron\tzh\t铁杆友谊\tpreferred\t\n"
    "gdi\tzh\t全球发展倡议\tpreferred\t\n"
    "cpc\tzh\t中国共产党\tpreferred\t\n"
    "g20\tzh\tG20\tpreferred\t\n"
    "zhcollide\tzh\t经济走廊\tpreferred\t\n"
    "onechina\tur\tایک چین کا اصول\tpreferred\t\n"
    "cswf\tur\tہم نصیب معاشرہ\tpreferred\t\n"
    "corridor\tur\tاقتصادی راہداری\tpreferred\t\n"
    "gwadar\tur\tگوادر بندرگاہ\tpreferred\t\n"
    "port\tur\tبندر گاہ\tadmitted\t\n"
    "bri\tur\tبیلٹ اینڈ روڈ انیشی ایٹو\tpreferred\t\n"
    "core\tur\tبنیادی مفادات\tpreferred\t\n"
    "fm\tur\tوزیر خارجہ\tpreferred\t\n"
    "dc\tur\tترقی پذیر ملک\tpreferred\t\n"
    "president\tur\tصدر\tpreferred\t\n";

MatcherOptions TestOptions() {
  MatcherOptions options;
  options.urdu_hunspell = kData + "ur_small";
  options.english_spelling_variants = kData + "spelling.tsv";
  return options;
}

std::shared_ptr<const TermMatcher> MakeMatcher(const std::string& tsv,
                                               const MatcherOptions& options = TestOptions()) {
  auto lexicon = Lexicon::ParseTsv(tsv, "test.tsv");
  EXPECT_TRUE(lexicon.ok()) << lexicon.status().message();
  auto matcher = TermMatcher::Create(std::make_shared<const Lexicon>(std::move(*lexicon)), options);
  EXPECT_TRUE(matcher.ok()) << matcher.status().message();
  return *matcher;
}

const TermMatcher& Shared() {
  static const auto matcher = MakeMatcher(kTerms);
  return *matcher;
}

// "concept=matched original text" for every hit of |text| taken as one sentence.
std::vector<std::string> Find(const TermMatcher& matcher, Language language, const std::string& text) {
  auto doc = Document::FromString("t", text);
  EXPECT_TRUE(doc.ok());
  Sentence sentence{TrimSpan(doc->bytes(), {doc->content_begin(), doc->bytes().size()}), 0};
  std::vector<std::string> out;
  for (const TermHit& hit : matcher.Match(*doc, language, {sentence}))
    out.push_back(matcher.lexicon().concepts()[hit.concept_index].id + "=" + std::string(doc->Slice(hit.span)));
  return out;
}

struct Case {
  Language language;
  std::string text;
  std::vector<std::string> expected;
};

void RunCases(const std::vector<Case>& cases) {
  for (const Case& c : cases)
    EXPECT_EQ(Find(Shared(), c.language, c.text), c.expected) << c.text;
}

constexpr Language kEn = Language::kEnglish;
constexpr Language kZh = Language::kChinese;
constexpr Language kUr = Language::kUrdu;

TEST(MatchEnglish, InflectionsThroughHunspell) {
  RunCases({
      {kEn, "building communities with a shared future", {"cswf=communities with a shared future"}},
      {kEn, "a Community With A Shared Future.", {"cswf=Community With A Shared Future"}},
      {kEn, "China's core interest is clear", {"core=core interest"}},
      {kEn, "their core interests", {"core=core interests"}},
      {kEn, "a community of common destiny", {"cswf=community of common destiny"}},
  });
}

TEST(MatchEnglish, HyphenAndSpaceVariants) {
  RunCases({
      {kEn, "head of state diplomacy", {"hosd=head of state diplomacy"}},
      {kEn, "head-of-state diplomacy", {"hosd=head-of-state diplomacy"}},
      {kEn, "an iron-clad friendship", {"iron=iron-clad friendship"}},
      {kEn, "an ironclad friendship", {"iron=ironclad friendship"}},
      {kEn, "ironclad support", {"iron2=ironclad support"}},
      {kEn, "iron clad support", {"iron2=iron clad support"}},
      {kEn, "One Belt One Road", {"obor=One Belt One Road"}},
      {kEn, "One Belt; One Road", {}},
      {kEn, "One Belt, One Road", {"obor=One Belt, One Road"}},
  });
}

TEST(MatchEnglish, UsUkSpellings) {
  RunCases({
      {kEn, "on Chinese modernisation", {"modern=Chinese modernisation"}},
      {kEn, "the Shanghai Cooperation Organisation", {"sco=Shanghai Cooperation Organisation"}},
      {kEn, "a new trade centre", {"tc=trade centre"}},
      {kEn, "new trade centres", {"tc=trade centres"}},
  });
}

TEST(MatchEnglish, WordBoundariesOnly) {
  RunCases({
      {kEn, "the BRICS summit", {}},
      {kEn, "the fabric of BRI", {"bri=BRI"}},
      {kEn, "BRI-related projects", {"bri=BRI"}},
      {kEn, "core, interests", {}},
      {kEn, "hardcore interests", {}},
      {kEn, "the U.N. Charter", {"un=U.N."}},
      {kEn, "the UN Charter", {"un=UN"}},
      {kEn, "the U.N.", {"un=U.N."}},
      {kEn, "a U.N.O. report", {}},
  });
}

TEST(MatchEnglish, LongestLeftmost) {
  RunCases({
      {kEn, "the Belt and Road Initiative", {"bri=Belt and Road Initiative"}},
      {kEn, "the Belt and Road", {"bri=Belt and Road"}},
      // Leftmost first: a longer term starting later loses.
      {kEn, "Alpha Beta Gamma Delta", {"ab=Alpha Beta"}},
      {kEn, "Beta Gamma Delta", {"bcd=Beta Gamma Delta"}},
      {kEn, "an all-weather strategic cooperative partnership",
       {"aw=all-weather strategic cooperative partnership"}},
      {kEn, "a strategic cooperative partnership", {"scp=strategic cooperative partnership"}},
      {kEn, "a cooperative partnership", {"cp=cooperative partnership"}},
      {kEn, "the Global Development Initiative", {"gdi=Global Development Initiative"}},
      {kEn, "peace and development initiative", {"pd=peace and development"}},
      {kEn, "BRI and BRI", {"bri=BRI", "bri=BRI"}},
  });
}

TEST(MatchEnglish, InitialismPluralsAndPossessives) {
  RunCases({
      {kEn, "two FTAs were signed", {"fta=FTAs"}},
      {kEn, "the SEZs of CPEC", {"sez=SEZs", "cpec=CPEC"}},
      {kEn, "CPEC's second phase", {"cpec=CPEC"}},
      {kEn, "CPEC’s second phase", {"cpec=CPEC"}},
      // A word the dictionary knows is not an initialism's plural, though
      // the key has lost the capitals: gas is not GA+s.
      {kEn, "natural gas", {}},
      {kEn, "the GA and the GAs", {"ga=GA"}},
      // Only initialisms take a bare s: "free trade agreements" goes
      // through the dictionary, and "agreementss" nowhere.
      {kEn, "free trade agreements", {"fta=free trade agreements"}},
      {kEn, "free trade agreementss", {}},
  });
}

TEST(MatchEnglish, DashesBetweenWordsAreHyphens) {
  RunCases({
      {kEn, "win–win cooperation", {"ww=win–win cooperation"}},
      {kEn, "win—win cooperation", {"ww=win—win cooperation"}},
      {kEn, "win-win cooperation", {"ww=win-win cooperation"}},
      // A dash set off by spaces separates clauses: no term across it.
      {kEn, "win – win cooperation", {}},
      {kEn, "win– win cooperation", {}},
  });
}

TEST(MatchChinese, SubstringsAndVariants) {
  RunCases({
      {kZh, "推进“一带一路”倡议建设", {"bri=“一带一路”倡议"}},
      {kZh, "推进一带一路倡议建设", {"bri=一带一路倡议"}},
      {kZh, "推进「一带一路」倡议建设", {"bri=「一带一路」倡议"}},
      {kZh, "推进\"一带一路\"倡议建设", {"bri=\"一带一路\"倡议"}},
      {kZh, "共建“一带一路”", {"bri=一带一路"}},
      {kZh, "打造中巴经济走廊“升级版”。", {"cpecup=中巴经济走廊“升级版”"}},
      {kZh, "打造中巴经济走廊‘升级版’。", {"cpecup=中巴经济走廊‘升级版’"}},
      {kZh, "堅持一個中國原則", {"onechina=一個中國原則"}},
      {kZh, "中巴經濟走廊建設", {"cpec=中巴經濟走廊"}},
      // Traditional text matches the Simplified terms, and the hit is the
      // text as written (the key folds per code point, so offsets hold).
      {kZh, "雙方支持全球發展倡議。", {"gdi=全球發展倡議"}},
      {kZh, "兩國鐵桿友誼堅如磐石", {"iron=鐵桿友誼"}},
      {kZh, "鐵杆友誼", {"iron=鐵杆友誼"}},
      {kZh, "在中國共產黨領導下", {"cpc=中國共產黨"}},
      {kZh, "全球發展和鐵桿", {}},
      {kZh, "中巴经济走廊和经济走廊", {"cpec=中巴经济走廊", "zhcollide=经济走廊"}},
      {kZh, "二十国集团（Ｇ２０）峰会", {"g20=Ｇ２０"}},
      {kZh, "G201年", {}},
      {kZh, "XG20", {}},
  });
}

TEST(MatchUrdu, ObliqueAndPluralForms) {
  RunCases({
      {kUr, "ایک چین کے اصول پر", {"onechina=ایک چین کے اصول"}},
      {kUr, "ایک چین کا اصول", {"onechina=ایک چین کا اصول"}},
      {kUr, "ہم نصیب معاشرے کی تعمیر", {"cswf=ہم نصیب معاشرے"}},
      {kUr, "اقتصادی راہداریوں میں", {"corridor=اقتصادی راہداریوں"}},
      {kUr, "اقتصادی راہداریاں", {"corridor=اقتصادی راہداریاں"}},
  });
}

TEST(MatchUrdu, SpacingVariants) {
  RunCases({
      {kUr, "گوادر بندر گاہ", {"gwadar=گوادر بندر گاہ"}},
      {kUr, "گوادر بندرگاہ", {"gwadar=گوادر بندرگاہ"}},
      {kUr, "گوادر بندرگاہوں", {"gwadar=گوادر بندرگاہوں"}},
      {kUr, "یہ بندرگاہ", {"port=بندرگاہ"}},
      {kUr, "بیلٹ اینڈ روڈ انیشیایٹو", {"bri=بیلٹ اینڈ روڈ انیشیایٹو"}},
      {kUr, "بیلٹ اینڈ روڈ انیشی ایٹو", {"bri=بیلٹ اینڈ روڈ انیشی ایٹو"}},
  });
}

TEST(MatchUrdu, PostpositionsJoinedToATermsLastWord) {
  RunCases({
      {kUr, "صدرنے کہا", {"president=صدرنے"}},
      {kUr, "صدرکی تقریر", {"president=صدرکی"}},
      {kUr, "وزیر خارجہسے ملاقات", {"fm=وزیر خارجہسے"}},
      {kUr, "صدر نے کہا", {"president=صدر"}},
      // Another ending is another word (صدری, presidential), and a
      // postposition cannot stand inside a term.
      {kUr, "صدری نظام", {}},
      {kUr, "وزیرنے خارجہ", {}},
  });
}

TEST(MatchUrdu, LetterVariantsFromKeys) {
  // Arabic yeh and kaf, harakat and ZWNJ are folded by the key.
  RunCases({
      {kUr, "ايك چين کا اصول", {"onechina=ايك چين کا اصول"}},
      {kUr, "ہم نَصیب معاشَرہ", {"cswf=ہم نَصیب معاشَرہ"}},
      {kUr, "گوادر بندر\u200cگاہ", {"gwadar=گوادر بندر\u200cگاہ"}},
  });
}

TEST(Match, EqualUnitsGiveOneHitPerConcept) {
  // A termbase may not list one term under two concepts, but two spellings
  // can still fold to the same units (here an inflected form): each concept
  // gets its own hit, with its own term.
  auto matcher = MakeMatcher("a\ten\tcore interest\tpreferred\t\nb\ten\tcore interests\tpreferred\t\n");
  EXPECT_EQ(Find(*matcher, kEn, "core interests"), (std::vector<std::string>{"a=core interests", "b=core interests"}));
}

TEST(Match, SpansPointAtTheOriginalBytes) {
  const std::string text = "\xEF\xBB\xBF" "First line.\r\nThe Belt and Road\r\nInitiative works.\r\n";
  auto doc = Document::FromString("bom.txt", text);
  ASSERT_TRUE(doc.ok());
  Sentence s{TrimSpan(doc->bytes(), {doc->content_begin(), doc->bytes().size()}), 0};
  auto hits = Shared().Match(*doc, kEn, {s});
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(doc->Slice(hits[0].span), "Belt and Road\r\nInitiative");
  EXPECT_EQ(hits[0].span.begin, text.find("Belt"));
  EXPECT_TRUE(hits[0].exact);  // a line break is white space in the key

  const std::string ur = "\xEF\xBB\xBF" "گوادر بندر\u200cگاہ\r\nہم نَصیب معاشَرے\r\n";
  auto udoc = Document::FromString("ur.txt", ur);
  ASSERT_TRUE(udoc.ok());
  auto segmenter = Segmenter::Create(kUr);
  ASSERT_TRUE(segmenter.ok());
  auto uhits = Shared().Match(*udoc, kUr, {{{3, ur.find("\r\n")}, 0}, {{ur.find("\r\n") + 2, ur.size() - 2}, 0}});
  ASSERT_EQ(uhits.size(), 2u);
  EXPECT_EQ(udoc->Slice(uhits[0].span), "گوادر بندر\u200cگاہ");
  EXPECT_EQ(uhits[0].sentence, 0u);
  EXPECT_EQ(udoc->Slice(uhits[1].span), "ہم نَصیب معاشَرے");
  EXPECT_EQ(uhits[1].sentence, 1u);
}

TEST(Match, StatusAndExactness) {
  auto doc = Document::FromString("t", "community of common destiny and core interest");
  ASSERT_TRUE(doc.ok());
  auto hits = Shared().Match(*doc, kEn, {{{0, doc->bytes().size()}, 0}});
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].status, TermStatus::kDeprecated);
  EXPECT_TRUE(hits[0].exact);
  EXPECT_EQ(hits[1].status, TermStatus::kPreferred);
  EXPECT_FALSE(hits[1].exact);
}

TEST(Match, WithoutStemmingOnlyExactWords) {
  MatcherOptions options = TestOptions();
  options.stemming = false;
  auto matcher = MakeMatcher(kTerms, options);
  EXPECT_EQ(Find(*matcher, kEn, "core interest"), std::vector<std::string>{});
  EXPECT_EQ(Find(*matcher, kEn, "core interests"), std::vector<std::string>{"core=core interests"});
  EXPECT_EQ(Find(*matcher, kUr, "ایک چین کے اصول"), std::vector<std::string>{});
}

TEST(Match, MissingRequiredResourceIsAnError) {
  MatcherOptions options;
  options.urdu_hunspell = kData + "no-such-dictionary";
  auto lexicon = Lexicon::ParseTsv(kTerms, "test.tsv");
  ASSERT_TRUE(lexicon.ok());
  auto matcher = TermMatcher::Create(std::make_shared<const Lexicon>(std::move(*lexicon)), options);
  ASSERT_FALSE(matcher.ok());
  EXPECT_NE(matcher.status().message().find("no-such-dictionary"), std::string::npos);
}

// ---- Random inputs: reference matcher and span property ----------------

// Loops over every term and every start position: what the automaton must
// find, selected by the same longest-leftmost rule.
std::vector<TermHit> BruteForce(const Lexicon& lexicon, const internal::UnitCoder& coder, Language language,
                                const Key& key, size_t sentence) {
  const Normalizer& norm = Normalizer::Get();
  internal::Lattice lattice;
  coder.BuildLattice(key.text, &lattice);
  const auto& tokens = lattice.tokens;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  std::vector<std::string> term_keys(lexicon.terms().size());
  std::vector<std::vector<std::pair<uint32_t, uint32_t>>> at(n);  // start -> (end, term)
  for (uint32_t t = 0; t < lexicon.terms().size(); ++t) {
    if (lexicon.terms()[t].language != language) continue;
    term_keys[t] = norm.KeyOf(lexicon.terms()[t].text);
    for (const auto& units : coder.TermVariants(term_keys[t])) {
      for (uint32_t s = 0; s < n; ++s) {
        // Depth-first over the lattice, following |units|.
        std::vector<std::pair<uint32_t, size_t>> stack{{s, 0}};
        while (!stack.empty()) {
          auto [pos, k] = stack.back();
          stack.pop_back();
          if (k == units.size()) {
            if (coder.AtBoundaries(key.text, tokens[s].begin, tokens[pos - 1].end)) at[s].emplace_back(pos, t);
            continue;
          }
          if (pos == n) continue;
          for (uint32_t e = lattice.first_edge[pos]; e < lattice.first_edge[pos + 1]; ++e)
            if (lattice.edges[e].unit == units[k] && (!lattice.edges[e].final_only || k + 1 == units.size()))
              stack.emplace_back(lattice.edges[e].to, k + 1);
        }
      }
    }
  }
  std::vector<TermHit> hits;
  for (uint32_t s = 0; s < n;) {
    if (at[s].empty()) {
      ++s;
      continue;
    }
    uint32_t best = 0;
    for (auto [end, t] : at[s]) best = std::max(best, end);
    std::vector<uint32_t> terms;
    for (auto [end, t] : at[s])
      if (end == best) terms.push_back(t);
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    uint32_t begin = tokens[s].begin;
    uint32_t end = tokens[best - 1].end;
    if (coder.profile().units == internal::MatchProfile::Units::kChars) internal::WidenToQuotes(key.text, &begin, &end);
    internal::EmitHits(internal::MakeTermInfo(lexicon, term_keys), terms, std::string_view(key.text).substr(begin, end - begin), term_keys, sentence,
                       key.OriginalSpan(begin, end), &hits);
    s = best;
  }
  return hits;
}

// Random text from the words of the terms, a few inflected forms and
// fillers, with separators that do and do not let a term continue.
std::string RandomText(std::mt19937& rng, Language language) {
  static const std::vector<std::string> en = {
      "community", "communities", "with", "a", "shared", "share", "future", "core", "interest", "interests",
      "head", "of", "state", "diplomacy", "iron", "clad", "ironclad", "friendship", "belt", "Belt", "and",
      "road", "Road", "initiative", "BRI", "BRICS", "one", "One", "Chinese", "modernisation", "modernization",
      "trade", "centre", "center", "all", "weather", "strategic", "cooperative", "partnership", "peace",
      "development", "global", "the", "common", "destiny", "support", "organisation", "the", "U", "N", "UN"};
  static const std::vector<std::string> zh = {"一", "带", "路", "倡议", "“", "”", "「", "」", "中巴", "经济",
                                              "走廊", "一个", "中国", "原则", "G", "20", "G20", "國", "經濟", "X", "，"};
  static const std::vector<std::string> ur = {
      "ایک", "چین", "کا", "کے", "کی", "اصول", "ہم", "نصیب", "معاشرہ", "معاشرے", "اقتصادی", "راہداری",
      "راہداریوں", "گوادر", "بندر", "گاہ", "بندرگاہ", "بیلٹ", "اینڈ", "روڈ", "انیشی", "ایٹو", "بنیادی",
      "مفادات", "اور", "،"};
  const auto& words = language == kEn ? en : language == kZh ? zh : ur;
  static const std::vector<std::string> en_seps = {" ", " ", " ", " ", "-", ", ", "  ", "\n", "'s ", ".", ". "};
  static const std::vector<std::string> zh_seps = {"", "", "", "", " ", "，"};
  static const std::vector<std::string> ur_seps = {" ", " ", " ", "", "-", "، ", "\u200c"};
  const auto& seps = language == kEn ? en_seps : language == kZh ? zh_seps : ur_seps;
  std::string text;
  const int count = std::uniform_int_distribution<int>(1, 30)(rng);
  for (int i = 0; i < count; ++i) {
    if (i) text += seps[std::uniform_int_distribution<size_t>(0, seps.size() - 1)(rng)];
    text += words[std::uniform_int_distribution<size_t>(0, words.size() - 1)(rng)];
  }
  return text;
}

TEST(MatchRandom, AutomatonEqualsBruteForce) {
  auto lexicon = Lexicon::ParseTsv(kTerms, "test.tsv");
  ASSERT_TRUE(lexicon.ok());
  const auto& matcher = Shared();
  std::mt19937 rng(20261128);
  size_t total_hits = 0;
  for (Language language : {kEn, kZh, kUr}) {
    std::vector<std::string> warnings;
    auto coder = internal::CreateCoder(language, TestOptions(), &warnings);
    ASSERT_TRUE(coder.ok());
    for (const Term& t : lexicon->terms())
      if (t.language == language) (*coder)->AddTermKey(Normalizer::Get().KeyOf(t.text));
    (*coder)->Freeze();
    for (int round = 0; round < 400; ++round) {
      const std::string text = RandomText(rng, language);
      const Key key = Normalizer::Get().MakeKey(text, {0, text.size()});
      std::vector<TermHit> fast;
      matcher.MatchKey(key, language, 7, &fast);
      EXPECT_EQ(fast, BruteForce(*lexicon, **coder, language, key, 7)) << text;
      total_hits += fast.size();

      // Every hit's span reproduces text whose units spell the term.
      for (const TermHit& hit : fast) {
        const std::string slice = text.substr(hit.span.begin, hit.span.size());
        const std::string slice_key = Normalizer::Get().KeyOf(slice);
        const std::string term_key = Normalizer::Get().KeyOf(lexicon->terms()[hit.term_index].text);
        EXPECT_EQ(hit.exact, slice_key == term_key) << slice;
        if (hit.exact) continue;
        internal::Lattice lattice;
        (*coder)->BuildLattice(slice_key, &lattice);
        bool spelled = false;
        for (const auto& units : (*coder)->TermVariants(term_key)) {
          // A path through the whole slice with exactly these units.
          std::vector<std::pair<uint32_t, size_t>> stack{{0, 0}};
          while (!stack.empty() && !spelled) {
            auto [pos, k] = stack.back();
            stack.pop_back();
            if (k == units.size()) {
              spelled = pos == lattice.tokens.size();
              continue;
            }
            if (pos == lattice.tokens.size()) continue;
            for (uint32_t e = lattice.first_edge[pos]; e < lattice.first_edge[pos + 1]; ++e)
              if (lattice.edges[e].unit == units[k] && (!lattice.edges[e].final_only || k + 1 == units.size()))
              stack.emplace_back(lattice.edges[e].to, k + 1);
          }
        }
        EXPECT_TRUE(spelled) << "hit '" << slice << "' for term '" << lexicon->terms()[hit.term_index].text << "'";
      }
    }
  }
  EXPECT_GT(total_hits, 200u);  // the random texts do contain terms
}

TEST(MatchRandom, InsertedTermsAreFound) {
  // Sentences made of fillers and one term, possibly inflected: the term's
  // concept is found at exactly the inserted bytes.
  struct Form { Language language; std::string concept_id, surface; };
  const std::vector<Form> forms = {
      {kEn, "cswf", "Communities with a Shared Future"}, {kEn, "core", "core interest"},
      {kEn, "hosd", "head of state diplomacy"}, {kEn, "modern", "Chinese modernisation"},
      {kEn, "iron", "iron-clad friendships"}, {kEn, "sco", "Shanghai Cooperation Organisations"},
      {kZh, "bri", "「一帶一路」倡議"}, {kZh, "cpec", "中巴经济走廊"},
      {kUr, "onechina", "ایک چین کی اصول"}, {kUr, "corridor", "اقتصادی راہداریوں"},
      {kUr, "gwadar", "گوادر بندر گاہوں"}};
  const std::vector<std::string> en_fill = {"the", "talks", "were", "held", "on", "Monday", "in", "Beijing"};
  const std::vector<std::string> zh_fill = {"双方", "会谈", "在", "北京", "举行", "。"};
  const std::vector<std::string> ur_fill = {"دونوں", "ممالک", "نے", "بیجنگ", "میں", "بات", "چیت"};
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    const Form& f = forms[rng() % forms.size()];
    const auto& fill = f.language == kEn ? en_fill : f.language == kZh ? zh_fill : ur_fill;
    const std::string sep = f.language == kZh ? "" : " ";
    std::string text;
    for (int i = rng() % 4; i > 0; --i) text += fill[rng() % fill.size()] + sep;
    const size_t begin = text.size();
    text += f.surface;
    const size_t end = text.size();
    for (int i = rng() % 4; i > 0; --i) text += sep + fill[rng() % fill.size()];
    auto doc = Document::FromString("r", text);
    ASSERT_TRUE(doc.ok());
    auto hits = Shared().Match(*doc, f.language, {{{0, text.size()}, 0}});
    ASSERT_EQ(hits.size(), 1u) << text;
    EXPECT_EQ(Shared().lexicon().concepts()[hits[0].concept_index].id, f.concept_id) << text;
    EXPECT_EQ(hits[0].span, (Span{begin, end})) << text;
  }
}

}  // namespace
}  // namespace align

namespace align {
namespace {

// The same behaviour with the resources talign ships (lexicons/ur/ur.*,
// lexicons/en/spelling-variants.tsv) and Debian's en_US dictionary.
TEST(MatchShippedResources, BriefExamples) {
  auto matcher = MakeMatcher(kTerms, MatcherOptions{});
  EXPECT_TRUE(matcher->warnings().empty()) << matcher->warnings().front();
  const std::vector<Case> cases = {
      {kEn, "communities with a shared future", {"cswf=communities with a shared future"}},
      {kEn, "core interest", {"core=core interest"}},
      {kEn, "Shanghai Cooperation Organisation", {"sco=Shanghai Cooperation Organisation"}},
      {kUr, "ایک چین کے اصول", {"onechina=ایک چین کے اصول"}},
      {kUr, "ہم نصیب معاشرے", {"cswf=ہم نصیب معاشرے"}},
      {kUr, "اقتصادی راہداریوں", {"corridor=اقتصادی راہداریوں"}},
      {kUr, "وزرائے خارجہ کے مذاکرات", {"fm=وزرائے خارجہ"}},
      {kUr, "ترقی پذیر ممالک", {"dc=ترقی پذیر ممالک"}},
  };
  for (const Case& c : cases) EXPECT_EQ(Find(*matcher, c.language, c.text), c.expected) << c.text;
}

// The formulas of the statement talign was made for, as revisers write
// them, each found by the shipped termbase; beside each, the nearest text
// that is not the formula.
TEST(MatchShippedResources, OfficialFormulasAndTheirNeighbours) {
  auto lexicon = Lexicon::Load(std::string(TALIGN_SOURCE_DIR) + "/lexicons/official-terms.tsv");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  auto matcher = TermMatcher::Create(std::make_shared<const Lexicon>(std::move(*lexicon)), MatcherOptions{});
  ASSERT_TRUE(matcher.ok()) << matcher.status().message();
  auto concepts = [&](const std::string& text) {
    std::vector<std::string> ids;
    for (const std::string& hit : Find(**matcher, kEn, text)) ids.push_back(hit.substr(0, hit.find('=')));
    return ids;
  };
  using Ids = std::vector<std::string>;
  EXPECT_EQ(concepts("Both sides will uphold the outcomes of World War II."), Ids{"wwii_victory_outcomes"});
  EXPECT_EQ(concepts("They reaffirmed commitment to uphold World War II outcomes."), Ids{"wwii_victory_outcomes"});
  EXPECT_EQ(concepts("Taiwan's restoration is an outcome of the WWII victory."), Ids{"wwii_victory_outcomes"});
  EXPECT_EQ(concepts("safeguard the fruits of the WWII victory"), Ids{"wwii_victory_outcomes"});
  EXPECT_EQ(concepts("Her grandfather fought in World War II."), Ids{});
  EXPECT_EQ(concepts("The outcomes of the talks were announced."), Ids{});
  EXPECT_EQ(concepts("oppose the resurgence of fascism or militarism"), Ids{"resurgence_fascism_militarism"});
  EXPECT_EQ(concepts("safeguard the postwar international order"), Ids{"postwar_international_order"});
  EXPECT_EQ(concepts("the international order was debated"), Ids{});
  EXPECT_EQ(concepts("China's four propositions on the Middle East situation"), Ids{"four_propositions_middle_east"});
  EXPECT_EQ(concepts("the situation in the Middle East"), Ids{});
}

}  // namespace
}  // namespace align

#include <thread>

namespace align {
namespace {

TEST(Match, ThreadsShareOneMatcher) {
  // One matcher, several threads, cold caches: every thread gets what a
  // single thread gets.
  auto matcher = MakeMatcher(kTerms);
  std::mt19937 rng(3);
  std::vector<std::pair<Language, std::string>> texts;
  for (int i = 0; i < 300; ++i) {
    const Language l = i % 3 == 0 ? kEn : i % 3 == 1 ? kZh : kUr;
    texts.emplace_back(l, RandomText(rng, l));
  }
  auto run = [&](std::vector<std::vector<TermHit>>* out) {
    for (const auto& [language, text] : texts) {
      const Key key = Normalizer::Get().MakeKey(text, {0, text.size()});
      out->emplace_back();
      matcher->MatchKey(key, language, 0, &out->back());
    }
  };
  std::vector<std::vector<TermHit>> a, b, c;
  std::thread t1(run, &a), t2(run, &b);
  t1.join();
  t2.join();
  run(&c);
  EXPECT_EQ(a, c);
  EXPECT_EQ(b, c);
}

}  // namespace
}  // namespace align

namespace align {
namespace {

// The concepts whose quoteless keys nest, by comparing every pair of terms.
std::vector<std::vector<uint32_t>> NestedBruteForce(const Lexicon& lexicon) {
  std::vector<std::vector<uint32_t>> out(lexicon.concepts().size());
  for (const Term& outer : lexicon.terms()) {
    const std::string o = internal::QuotelessKey(outer.text);
    for (const Term& inner : lexicon.terms()) {
      const std::string i = internal::QuotelessKey(inner.text);
      if (outer.language != inner.language || outer.concept_index == inner.concept_index || i.empty() ||
          i.size() >= o.size() || o.find(i) == std::string::npos)
        continue;
      out[outer.concept_index].push_back(inner.concept_index);
      out[inner.concept_index].push_back(outer.concept_index);
    }
  }
  for (auto& list : out) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return out;
}

TEST(NestedConcepts, EqualsPairwiseComparison) {
  const TermMatcher& matcher = Shared();
  EXPECT_EQ(matcher.NestedConcepts(), NestedBruteForce(matcher.lexicon()));
  const auto& lex = matcher.lexicon();
  auto index = [&](const std::string& id) {
    for (uint32_t c = 0; c < lex.concepts().size(); ++c)
      if (lex.concepts()[c].id == id) return c;
    ADD_FAILURE() << id;
    return uint32_t{0};
  };
  // 中巴经济走廊 inside 中巴经济走廊“升级版” (quotes ignored), 经济走廊 inside both.
  const auto& cpec = matcher.NestedConcepts()[index("cpec")];
  EXPECT_TRUE(std::binary_search(cpec.begin(), cpec.end(), index("cpecup")));
  EXPECT_TRUE(std::binary_search(cpec.begin(), cpec.end(), index("zhcollide")));
  // Not across languages, and not a concept with itself.
  EXPECT_FALSE(std::binary_search(cpec.begin(), cpec.end(), index("cpec")));
}

TEST(NestedConcepts, RandomTermbasesAndTheShippedOne) {
  std::mt19937 rng(11);
  const std::vector<std::string> alphabet = {"a", "b", "ab", " ", "经", "济", "ک", "ی", "é"};
  for (int round = 0; round < 40; ++round) {
    std::string tsv;
    std::set<std::string> seen;
    for (int t = 0; t < 60; ++t) {
      std::string term;
      const int n = 1 + static_cast<int>(rng() % 5);
      for (int k = 0; k < n; ++k) term += alphabet[rng() % alphabet.size()];
      const std::string key = Normalizer::Get().KeyOf(term);
      if (key.empty() || key.front() == ' ' || key.back() == ' ' || !seen.insert(key).second) continue;
      tsv += "c" + std::to_string(rng() % 25) + "\t" + (t % 2 ? "en" : "zh") + "\t" + term + "\t\t\n";
    }
    auto lexicon = Lexicon::ParseTsv(tsv, "random.tsv");
    ASSERT_TRUE(lexicon.ok()) << lexicon.status().message() << "\n" << tsv;
    EXPECT_EQ(internal::NestedConcepts(*lexicon), NestedBruteForce(*lexicon)) << tsv;
  }
  auto shipped = Lexicon::Load(std::string(TALIGN_SOURCE_DIR) + "/lexicons/official-terms.tsv");
  ASSERT_TRUE(shipped.ok()) << shipped.status().message();
  EXPECT_EQ(internal::NestedConcepts(*shipped), NestedBruteForce(*shipped));
}

}  // namespace
}  // namespace align
