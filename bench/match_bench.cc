// Term matching throughput (MB/s per core) per language, with a synthetic
// 100,000-term termbase generated here and with the shipped termbase, on
// generated text (about 1 MB per language; segmentation is done before the
// timed loop, key building is inside it).
//
//   build/bench/match_bench --benchmark_counters_tabular=true
//
// The first pass over a text fills the per-word stem cache; Google Benchmark
// reports the steady state over many passes. "Cold" runs build a fresh
// matcher for every pass and so include every hunspell call. How the text is
// generated (and why terms do not start with its most frequent words) is in
// docs/matching.md, "Figures"; "Dense" is the worst case without that rule.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <tuple>

#include "align/lexicon.h"
#include "align/match.h"
#include "align/normalize.h"
#include "align/segment.h"
#include "utf8.h"

namespace {

using align::Language;

// English words from Debian's hunspell word list (flags stripped),
// lower-case ones only, so that generated terms inflect like real ones.
std::vector<std::string> EnglishWords() {
  std::vector<std::string> words;
  std::ifstream in("/usr/share/hunspell/en_US.dic");
  std::string line;
  std::getline(in, line);  // count
  while (std::getline(in, line)) {
    const std::string word = line.substr(0, line.find('/'));
    if (word.size() >= 3 && word.size() <= 10 &&
        std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      words.push_back(word);
  }
  if (words.empty()) words = {"community", "shared", "future", "core", "interest", "road", "belt"};
  return words;
}

// Made-up words of a script: |count| strings of 2..7 letters from |letters|.
std::vector<std::string> ScriptWords(const std::vector<char32_t>& letters, size_t count, size_t min_len,
                                     size_t max_len, std::mt19937& rng) {
  std::set<std::string> words;
  while (words.size() < count) {
    std::string w;
    const size_t len = min_len + rng() % (max_len - min_len + 1);
    for (size_t i = 0; i < len; ++i) align::internal::AppendUtf8(w, letters[rng() % letters.size()]);
    words.insert(w);
  }
  return {words.begin(), words.end()};
}

struct Setup {
  std::vector<std::string> vocabulary;
  std::string joiner;  // between words of a term and of the text
  std::string full_stop;
  Language language;
  // Terms may start with any word, so that nearly every position of the
  // text steps into the trie: the worst case, not running text.
  bool dense = false;
};

Setup MakeSetup(Language language) {
  std::mt19937 rng(42);
  if (language == Language::kEnglish) {
    // Shuffled, so that the frequent words of the text are not all from "a".
    std::vector<std::string> words = EnglishWords();
    std::shuffle(words.begin(), words.end(), rng);
    return {words, " ", ". ", language};
  }
  if (language == Language::kChinese) {
    std::vector<char32_t> han;
    for (char32_t c = 0x4E00; c < 0x4E00 + 3000; ++c) han.push_back(c);
    return {ScriptWords(han, 20000, 1, 3, rng), "", "。", language};
  }
  const std::vector<char32_t> urdu = {0x627, 0x628, 0x67E, 0x62A, 0x679, 0x62B, 0x62C, 0x686, 0x62D, 0x62E,
                                      0x62F, 0x688, 0x630, 0x631, 0x691, 0x632, 0x698, 0x633, 0x634, 0x635,
                                      0x6A9, 0x6AF, 0x644, 0x645, 0x646, 0x648, 0x6C1, 0x6BE, 0x6CC, 0x6D2};
  return {ScriptWords(urdu, 20000, 2, 7, rng), " ", "۔ ", language};
}

// The text's frequent words: its filler draws from the first kCommon words
// of the vocabulary, most often from the first few hundred.
constexpr size_t kCommon = 8000;
// Terms rarely start with the most frequent words of running text (articles,
// prepositions, "said"): a term's first word is never one of these.
constexpr size_t kNoTermStart = 2000;

std::string RandomTerm(const Setup& s, std::mt19937& rng) {
  // Termbases are mostly multi-word terms: 1 word 10% (none for Chinese,
  // whose "words" here are one to three characters), 2 words 40%, 3 30%, 4 20%.
  const unsigned r = rng() % 10;
  size_t words = r == 0 ? 1 : r < 5 ? 2 : r < 8 ? 3 : 4;
  if (s.language == Language::kChinese && words == 1) words = 2;
  std::string term;
  for (size_t i = 0; i < words; ++i) {
    if (i) term += s.joiner;
    size_t w = rng() % s.vocabulary.size();
    if (i == 0 && !s.dense) w = kNoTermStart + rng() % (s.vocabulary.size() - kNoTermStart);
    term += s.vocabulary[w];
  }
  return term;
}

std::shared_ptr<const align::Lexicon> SyntheticLexicon(const Setup& s, size_t count) {
  std::mt19937 rng(7);
  std::set<std::string> seen;
  std::string tsv;
  const std::string lang(align::LanguageCode(s.language));
  while (seen.size() < count) {
    std::string term = RandomTerm(s, rng);
    // Unique by matching key, as the termbase reader requires.
    if (!seen.insert(align::Normalizer::Get().KeyOf(term)).second) continue;
    tsv += "c" + std::to_string(seen.size()) + "\t" + lang + "\t" + term + "\tpreferred\t\n";
  }
  auto lexicon = align::Lexicon::ParseTsv(tsv, "synthetic.tsv");
  if (!lexicon.ok()) throw std::runtime_error(lexicon.status().message());
  return std::make_shared<const align::Lexicon>(std::move(*lexicon));
}

// About |bytes| of sentences of 10..30 words; one word in 20 starts a term
// of |lexicon| (so that hits are found and reported, not only missed).
std::string Text(const Setup& s, const align::Lexicon& lexicon, size_t bytes) {
  std::mt19937 rng(11);
  std::vector<const align::Term*> terms;
  for (const align::Term& t : lexicon.terms())
    if (t.language == s.language) terms.push_back(&t);
  // A Zipf-like draw: real text repeats its words.
  const size_t common = std::min<size_t>(s.vocabulary.size(), kCommon);
  std::string text;
  while (text.size() < bytes) {
    const size_t words = 10 + rng() % 21;
    for (size_t i = 0; i < words; ++i) {
      if (i) text += s.joiner;
      if (!terms.empty() && rng() % 20 == 0) {
        text += terms[rng() % terms.size()]->text;
      } else {
        const double u = std::uniform_real_distribution<double>(0, 1)(rng);
        text += s.vocabulary[static_cast<size_t>(std::pow(u, 3) * common)];
      }
    }
    text += s.full_stop;
    if (rng() % 8 == 0) text += "\n\n";
  }
  return text;
}

std::shared_ptr<const align::Lexicon> Shipped() {
  static auto lexicon = [] {
    auto l = align::Lexicon::LoadDefault();
    if (!l.ok()) throw std::runtime_error(l.status().message());
    return std::make_shared<const align::Lexicon>(std::move(*l));
  }();
  return lexicon;
}

struct Fixture {
  std::shared_ptr<const align::Lexicon> lexicon;
  std::optional<align::Document> doc;
  std::vector<align::Sentence> sentences;
  std::shared_ptr<const align::TermMatcher> matcher;
};

// Built once per (language, termbase): Google Benchmark calls a benchmark
// function several times while it sizes the loop.
const Fixture& GetFixture(Language language, bool synthetic, bool dense = false) {
  static std::map<std::tuple<Language, bool, bool>, Fixture> fixtures;
  Fixture& f = fixtures[{language, synthetic, dense}];
  if (f.matcher) return f;
  Setup setup = MakeSetup(language);
  setup.dense = dense;
  f.lexicon = synthetic ? SyntheticLexicon(setup, 100000) : Shipped();
  // The text draws its inserted terms from the termbase it is matched with.
  auto doc = align::Document::FromString("bench", Text(setup, *f.lexicon, 1 << 20));
  auto segmenter = align::Segmenter::Create(language);
  auto matcher = align::TermMatcher::Create(f.lexicon);
  if (!doc.ok() || !segmenter.ok() || !matcher.ok()) throw std::runtime_error("bench setup failed");
  f.doc.emplace(std::move(*doc));
  f.sentences = (*segmenter)->Split(*f.doc);
  f.matcher = *matcher;
  return f;
}

void Run(benchmark::State& state, Language language, bool synthetic, bool cold, bool dense = false) {
  const Fixture& f = GetFixture(language, synthetic, dense);
  const auto& lexicon = f.lexicon;
  const auto& sentences = f.sentences;
  const align::Document* doc = &*f.doc;
  auto matcher = align::StatusOr<std::shared_ptr<const align::TermMatcher>>(f.matcher);
  size_t hits = 0;
  for (auto _ : state) {
    if (cold) {
      state.PauseTiming();
      matcher = align::TermMatcher::Create(lexicon);
      state.ResumeTiming();
    }
    auto found = (*matcher)->Match(*doc, language, sentences);
    hits = found.size();
    benchmark::DoNotOptimize(found.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc->bytes().size()));
  state.counters["hits"] = static_cast<double>(hits);
  state.counters["terms"] = static_cast<double>(lexicon->terms().size());
}

void BM_Match100k_en(benchmark::State& s) { Run(s, Language::kEnglish, true, false); }
void BM_Match100k_zh(benchmark::State& s) { Run(s, Language::kChinese, true, false); }
void BM_Match100k_ur(benchmark::State& s) { Run(s, Language::kUrdu, true, false); }
void BM_MatchShipped_en(benchmark::State& s) { Run(s, Language::kEnglish, false, false); }
void BM_MatchShipped_zh(benchmark::State& s) { Run(s, Language::kChinese, false, false); }
void BM_MatchShipped_ur(benchmark::State& s) { Run(s, Language::kUrdu, false, false); }
void BM_Match100kCold_en(benchmark::State& s) { Run(s, Language::kEnglish, true, true); }
void BM_Match100kDense_en(benchmark::State& s) { Run(s, Language::kEnglish, true, false, true); }

BENCHMARK(BM_Match100k_en)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_Match100k_zh)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_Match100k_ur)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_MatchShipped_en)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_MatchShipped_zh)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_MatchShipped_ur)->Unit(benchmark::kMillisecond)->MinTime(2);
BENCHMARK(BM_Match100kCold_en)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_Match100kDense_en)->Unit(benchmark::kMillisecond)->MinTime(2);

// Building the keys alone (align::Normalizer), which Match includes.
void BM_Keys(benchmark::State& state, Language language) {
  const Setup setup = MakeSetup(language);
  auto doc = align::Document::FromString("bench", Text(setup, *Shipped(), 1 << 20));
  auto segmenter = align::Segmenter::Create(language);
  const std::vector<align::Sentence> sentences = (*segmenter)->Split(*doc);
  const align::Normalizer& norm = align::Normalizer::Get();
  for (auto _ : state)
    for (const align::Sentence& s : sentences) benchmark::DoNotOptimize(norm.MakeKey(doc->bytes(), s.span).text.data());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc->bytes().size()));
}
void BM_Keys_en(benchmark::State& s) { BM_Keys(s, Language::kEnglish); }
void BM_Keys_zh(benchmark::State& s) { BM_Keys(s, Language::kChinese); }
void BM_Keys_ur(benchmark::State& s) { BM_Keys(s, Language::kUrdu); }
BENCHMARK(BM_Keys_en)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Keys_zh)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Keys_ur)->Unit(benchmark::kMillisecond);

// Construction of the automata for 100,000 terms (once per process in real use).
void BM_Build100k_en(benchmark::State& state) {
  static const auto lexicon = SyntheticLexicon(MakeSetup(Language::kEnglish), 100000);
  for (auto _ : state) benchmark::DoNotOptimize(align::TermMatcher::Create(lexicon).ok());
}
BENCHMARK(BM_Build100k_en)->Unit(benchmark::kMillisecond)->Iterations(2);

}  // namespace

BENCHMARK_MAIN();
