// The aligner's behaviour: bead types, 3-way joint beads, bad inputs,
// warnings and determinism. The DP's optimality is checked separately
// against a brute-force reference (aligner_reference_test.cc).
#include "align/aligner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "align/config.h"
#include "align/segment.h"
#include "aligner_dp.h"
#include "aligner_join.h"
#include "aligner_model.h"
#include "aligner_pair.h"

namespace align {
namespace {

using ::testing::HasSubstr;

// An artificial word: |prefix| then the digits of |id| spelled as letters
// (digits would be numbers, which the aligner matches across languages).
std::string W(char prefix, int id) {
  std::string s(1, prefix);
  for (char c : std::to_string(id)) s += static_cast<char>('g' + (c - '0'));
  return s;
}

// Dictionaries from the artificial words aK of one "language" to bK and cK
// of two others, so that tests control exactly which words translate.
std::shared_ptr<const Dictionary> MakeDictionary(char from, char to, Language source, Language target) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("talign-aligner-test-" + std::to_string(::getpid()) + from + to + ".tsv");
  {
    std::ofstream out(path);
    for (int k = 0; k < 400; ++k) out << W(from, k) << '\t' << W(to, k) << '\n';
  }
  auto d = Dictionary::Load(path.string(), source, target);
  std::filesystem::remove(path);
  EXPECT_TRUE(d.ok());
  return d.ok() ? *d : nullptr;
}

AlignInput Input(const std::string& text, Language lang, const std::string& name = "doc") {
  auto doc = Document::FromString(name, text);
  return AlignInput{*doc, lang, SplitLines(*doc), {}};
}

// Sentence k of a synthetic document: words prefix+N drawn from k.
std::string Sentence(char prefix, int k, int words, int first_word = 0) {
  std::string s;
  for (int w = 0; w < words; ++w) s += W(prefix, (k * 13 + w + first_word) % 400) + " ";
  return s + ".";
}

std::string Lines(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

std::string Show(const Alignment& a) {
  std::ostringstream out;
  for (const Bead& b : a.beads) {
    for (size_t v = 0; v < b.sides.size(); ++v)
      out << (v ? ":" : "") << "[" << b.sides[v].begin << "," << b.sides[v].end << ")";
    out << " ";
  }
  return out.str();
}

// Every sentence of every version in exactly one bead, in order.
void ExpectCover(const Alignment& a, const std::vector<size_t>& sizes) {
  std::vector<uint32_t> next(sizes.size(), 0);
  for (const Bead& b : a.beads) {
    ASSERT_EQ(b.sides.size(), sizes.size());
    bool any = false;
    for (size_t v = 0; v < sizes.size(); ++v) {
      EXPECT_EQ(b.sides[v].begin, next[v]) << Show(a);
      EXPECT_LE(b.sides[v].begin, b.sides[v].end);
      next[v] = b.sides[v].end;
      any |= !b.sides[v].empty();
    }
    EXPECT_TRUE(any) << "a bead without sentences: " << Show(a);
    EXPECT_GE(b.score, 0.0);
    EXPECT_LE(b.score, 1.0);
  }
  for (size_t v = 0; v < sizes.size(); ++v) EXPECT_EQ(next[v], sizes[v]) << Show(a);
}

class AlignerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    resources_.dictionaries = {MakeDictionary('a', 'b', Language::kEnglish, Language::kUrdu),
                               MakeDictionary('a', 'c', Language::kEnglish, Language::kChinese)};
  }
  AlignResources resources_;
};

TEST_F(AlignerTest, FindsOneToTwoAndTwoToOneBeads) {
  std::vector<std::string> x, y;
  for (int k = 0; k < 8; ++k) x.push_back(Sentence('a', k, 10));
  for (int k = 0; k < 8; ++k) {
    if (k == 2) {  // split in two
      y.push_back(Sentence('b', k, 5));
      y.push_back(Sentence('b', k, 5, 5));
    } else if (k == 5) {  // merged with the next
      y.push_back(Sentence('b', 5, 10) + " " + Sentence('b', 6, 10));
      ++k;
    } else {
      y.push_back(Sentence('b', k, 10));
    }
  }
  Aligner aligner({}, resources_);
  auto a = aligner.Align({Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)});
  ASSERT_TRUE(a.ok()) << a.status().message();
  ExpectCover(*a, {8, 8});
  EXPECT_EQ(Show(*a),
            "[0,1):[0,1) [1,2):[1,2) [2,3):[2,4) [3,4):[4,5) [4,5):[5,6) [5,7):[6,7) [7,8):[7,8) ");
  EXPECT_TRUE(a->warnings.empty());
}

TEST_F(AlignerTest, AnOmissionIsAOneToZeroBeadWithALowScore) {
  std::vector<std::string> x, y;
  for (int k = 0; k < 10; ++k) {
    x.push_back(Sentence('a', k, 8 + k % 3));
    if (k != 4) y.push_back(Sentence('b', k, 8 + k % 3));
  }
  Aligner aligner({}, resources_);
  auto a = aligner.Align({Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)});
  ASSERT_TRUE(a.ok());
  ExpectCover(*a, {10, 9});
  ASSERT_EQ(a->beads.size(), 10u) << Show(*a);
  EXPECT_EQ(a->beads[4].sides[0], (SentenceRange{4, 5}));
  EXPECT_TRUE(a->beads[4].sides[1].empty());
  for (size_t k = 0; k < a->beads.size(); ++k)
    if (k != 4) EXPECT_GT(a->beads[k].score, a->beads[4].score);
}

TEST_F(AlignerTest, WorksWithoutAnyDictionaryByLearningOne) {
  // Same shape as above, no dictionary: the lexicon comes from the texts.
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> len(4, 16), word(0, 119);
  std::vector<std::string> x, y;
  for (int k = 0; k < 120; ++k) {
    std::string xs, ys;
    for (int w = len(rng); w > 0; --w) {
      int id = word(rng);
      xs += W('a', id) + " ";
      ys += W('q', id) + " ";
    }
    x.push_back(xs + ".");
    if (k % 10 == 3) {  // a split sentence
      y.push_back(ys.substr(0, ys.size() / 2) + ".");
      y.push_back(ys.substr(ys.size() / 2) + ".");
    } else {
      y.push_back(ys + ".");
    }
  }
  Aligner aligner({}, {});
  auto a = aligner.Align({Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)});
  ASSERT_TRUE(a.ok());
  ExpectCover(*a, {120, 132});
  int right = 0;
  uint32_t j = 0;
  for (int k = 0; k < 120; ++k) {
    const uint32_t parts = k % 10 == 3 ? 2 : 1;
    for (const Bead& b : a->beads)
      right += b.sides[0] == SentenceRange{uint32_t(k), uint32_t(k + 1)} && b.sides[1] == SentenceRange{j, j + parts};
    j += parts;
  }
  EXPECT_GE(right, 114) << Show(*a);
  EXPECT_TRUE(a->warnings.empty());
}

TEST_F(AlignerTest, ThreeVersionsGiveJointBeadsConsistentWithEachPair) {
  // English in the middle; Urdu lacks sentence 3, Chinese lacks sentence 6.
  std::vector<std::string> en, ur, zh;
  for (int k = 0; k < 10; ++k) {
    en.push_back(Sentence('a', k, 9 + k % 4));
    if (k != 3) ur.push_back(Sentence('b', k, 9 + k % 4));
    if (k != 6) zh.push_back(Sentence('c', k, 9 + k % 4));
  }
  Aligner aligner({}, resources_);
  auto three = aligner.Align({Input(Lines(ur), Language::kUrdu), Input(Lines(en), Language::kEnglish),
                              Input(Lines(zh), Language::kChinese)});
  ASSERT_TRUE(three.ok()) << three.status().message();
  ExpectCover(*three, {9, 10, 9});
  ASSERT_EQ(three->beads.size(), 10u) << Show(*three);
  EXPECT_TRUE(three->beads[3].sides[0].empty());
  EXPECT_EQ(three->beads[3].sides[1], (SentenceRange{3, 4}));
  EXPECT_EQ(three->beads[3].sides[2], (SentenceRange{3, 4}));
  EXPECT_TRUE(three->beads[6].sides[2].empty());

  // The projection on each pair equals aligning that pair alone.
  auto en_zh = aligner.Align({Input(Lines(en), Language::kEnglish), Input(Lines(zh), Language::kChinese)});
  ASSERT_TRUE(en_zh.ok());
  std::vector<std::pair<SentenceRange, SentenceRange>> projected, alone;
  for (const Bead& b : three->beads)
    if (!b.sides[1].empty() || !b.sides[2].empty()) projected.push_back({b.sides[1], b.sides[2]});
  for (const Bead& b : en_zh->beads) alone.push_back({b.sides[0], b.sides[1]});
  EXPECT_EQ(projected, alone);
}

TEST_F(AlignerTest, AnEmptyVersionWarnsAndLeavesEverythingUnaligned) {
  std::vector<std::string> x;
  for (int k = 0; k < 5; ++k) x.push_back(Sentence('a', k, 6));
  Aligner aligner({}, resources_);
  auto a = aligner.Align({Input(Lines(x), Language::kEnglish, "full.en"), Input("", Language::kUrdu, "empty.ur")});
  ASSERT_TRUE(a.ok());
  ExpectCover(*a, {5, 0});
  ASSERT_FALSE(a->warnings.empty());
  EXPECT_THAT(a->warnings[0], HasSubstr("empty.ur"));
  for (const Bead& b : a->beads) EXPECT_TRUE(b.sides[1].empty());

  auto none = aligner.Align({Input("", Language::kEnglish), Input("", Language::kUrdu)});
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->beads.empty());

  auto three = aligner.Align({Input("", Language::kEnglish), Input(Lines(x), Language::kUrdu),
                              Input("", Language::kChinese)});
  ASSERT_TRUE(three.ok());
  ExpectCover(*three, {0, 5, 0});
}

TEST_F(AlignerTest, AVersionTenTimesLongerWarns) {
  std::vector<std::string> x, y;
  for (int k = 0; k < 200; ++k) x.push_back(Sentence('a', k, 8));
  for (int k = 0; k < 20; ++k) y.push_back(Sentence('b', k, 8));
  Aligner aligner({}, resources_);
  auto a = aligner.Align({Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)});
  ASSERT_TRUE(a.ok());
  ExpectCover(*a, {200, 20});
  ASSERT_FALSE(a->warnings.empty());
  EXPECT_THAT(a->warnings[0], HasSubstr("three times"));
}

TEST_F(AlignerTest, UnrelatedDocumentsWarnAndRelatedOnesDoNot) {
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> len(5, 14), word(0, 199);
  // Two texts about different things: the first uses words 0..199, the
  // second translations of words 200..399.
  auto text = [&](char prefix, int n) {
    std::vector<std::string> lines;
    for (int k = 0; k < n; ++k) {
      std::string s;
      for (int w = len(rng); w > 0; --w) s += W(prefix, word(rng) + (prefix == 'a' ? 0 : 200)) + " ";
      lines.push_back(s + ".");
    }
    return Lines(lines);
  };
  Aligner aligner({}, resources_);
  auto a = aligner.Align({Input(text('a', 60), Language::kEnglish), Input(text('b', 70), Language::kUrdu)});
  ASSERT_TRUE(a.ok());
  ExpectCover(*a, {60, 70});
  ASSERT_FALSE(a->warnings.empty());
  EXPECT_THAT(a->warnings.back(), HasSubstr("unrelated"));

  std::vector<std::string> x, y;
  for (int k = 0; k < 60; ++k) {
    x.push_back(Sentence('a', k, 10));
    y.push_back(Sentence('b', k, 10));
  }
  auto b = aligner.Align({Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)});
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->warnings.empty()) << b->warnings[0];
}

TEST_F(AlignerTest, SameInputSameOutputInAnyThread) {
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> len(3, 20), word(0, 399), op(0, 9);
  std::vector<std::string> x, y, z;
  for (int k = 0; k < 400; ++k) {
    std::string xs, ys, zs;
    for (int w = len(rng); w > 0; --w) {
      int id = word(rng);
      xs += W('a', id) + " ";
      if (op(rng) > 1) ys += W('b', id) + " ";
      if (op(rng) > 2) zs += W('c', id) + " ";
    }
    x.push_back(xs + ".");
    if (op(rng) > 0) y.push_back(ys + ".");
    if (op(rng) > 0) z.push_back(zs + "?");
  }
  const std::vector<AlignInput> inputs = {Input(Lines(x), Language::kEnglish),
                                          Input(Lines(y), Language::kUrdu),
                                          Input(Lines(z), Language::kChinese)};
  Aligner aligner({}, resources_);
  auto first = aligner.Align(inputs);
  ASSERT_TRUE(first.ok());
  ExpectCover(*first, {x.size(), y.size(), z.size()});
  std::vector<Alignment> results(4);
  std::vector<std::thread> threads;
  for (auto& r : results)
    threads.emplace_back([&] { r = *aligner.Align(inputs); });
  for (auto& t : threads) t.join();
  for (const Alignment& r : results) {
    ASSERT_EQ(r.beads.size(), first->beads.size());
    for (size_t k = 0; k < r.beads.size(); ++k) {
      EXPECT_EQ(r.beads[k].sides, first->beads[k].sides);
      EXPECT_EQ(r.beads[k].score, first->beads[k].score);  // bit for bit
    }
    EXPECT_EQ(r.warnings, first->warnings);
  }
}

// The timing record is for benchmarks: asking for it must not change the
// alignment, and it names the phases that ran, each once.
TEST_F(AlignerTest, TimingsNameThePhasesAndChangeNothing) {
  std::vector<std::string> x, y, z;
  for (int k = 0; k < 40; ++k) {
    x.push_back(Sentence('a', k, 8));
    y.push_back(Sentence('b', k, 8));
    z.push_back(Sentence('c', k, 8));
  }
  const std::vector<AlignInput> inputs = {Input(Lines(x), Language::kEnglish),
                                          Input(Lines(y), Language::kUrdu),
                                          Input(Lines(z), Language::kChinese)};
  Aligner aligner({}, resources_);
  auto plain = aligner.Align(inputs);
  AlignTimings timings;
  auto timed = aligner.Align(inputs, &timings);
  ASSERT_TRUE(plain.ok() && timed.ok());
  EXPECT_EQ(Show(*plain), Show(*timed));
  for (size_t k = 0; k < plain->beads.size(); ++k) EXPECT_EQ(plain->beads[k].score, timed->beads[k].score);

  std::vector<std::string> names;
  double sum = 0;
  for (const auto& [name, seconds] : timings.phases) {
    names.push_back(name);
    EXPECT_GE(seconds, 0.0) << name;
    sum += seconds;
  }
  // Pass 2 runs only when learning found word pairs, which these texts
  // (every word translated by the dictionaries) need not give.
  std::vector<std::string> always = names;
  std::erase(always, "pass 2");
  EXPECT_THAT(always, ::testing::ElementsAre("features", "pair model", "corridor", "pass 1", "match rates",
                                             "learning", "scores", "moves", "join"));
  EXPECT_DOUBLE_EQ(timings.total(), sum);

  // A second call adds to the same phases rather than listing them again.
  ASSERT_TRUE(aligner.Align({inputs[0], inputs[1]}, &timings).ok());
  EXPECT_EQ(timings.phases.size(), names.size());
}

TEST_F(AlignerTest, TermAnchorsTieSentencesTogether) {
  // Two texts whose words do not translate and whose sentences are all the
  // same length; only the concept ids of the termbase say what goes where.
  std::vector<std::string> x, y;
  for (int k = 0; k < 12; ++k) x.push_back("xx xx xx xx xx xx.");
  for (int k = 0; k < 13; ++k) y.push_back("yy yy yy yy yy yy.");
  AlignInput ix = Input(Lines(x), Language::kEnglish), iy = Input(Lines(y), Language::kUrdu);
  ix.sentence_concepts.resize(12);
  iy.sentence_concepts.resize(13);
  // y has an extra sentence at 5; the concepts of x's sentences 5..11 sit one later in y.
  for (uint32_t k = 0; k < 12; ++k) {
    ix.sentence_concepts[k] = {100 + k};
    iy.sentence_concepts[k < 5 ? k : k + 1] = {100 + k};
  }
  AlignerConfig config;
  config.learn_lexicon = false;
  Aligner aligner(config, {});
  auto a = aligner.Align({ix, iy});
  ASSERT_TRUE(a.ok());
  ExpectCover(*a, {12, 13});
  for (const Bead& b : a->beads)
    if (b.sides[0].begin == 5) EXPECT_EQ(b.sides[1].begin + (b.sides[1].size() == 2 ? 1 : 0), 6u) << Show(*a);
}

TEST(AlignerModelTest, LoanwordsInUrduMatchTheirEnglishByConsonants) {
  // Urdu news writes English loanwords in Urdu script (ٹیبل, چانس): their
  // consonant skeletons tie them to the English word as for names, for
  // lowercase words of five letters or more; shorter ones are too often alike.
  AlignerConfig config;
  auto en = internal::ExtractFeatures(Input("They now top the table.\nThey met.\n", Language::kEnglish));
  auto ur = internal::ExtractFeatures(Input("وہ اب ٹیبل میں سب سے اوپر ہیں۔\n", Language::kUrdu));
  const internal::PairModel model(en, ur, nullptr, config);
  ASSERT_EQ(model.n(), 2u);
  EXPECT_GT(model.ComputeCell(0, 0).ms, 0.0f);
  EXPECT_EQ(model.ComputeCell(1, 0).ms, 0.0f);
}

TEST(AlignerJoinTest, AMergeInOneVersionIsSplitWhereTheOtherTwoHaveABoundary) {
  // Versions 0 and 2 say in two sentences what version 1 says in one; their
  // own alignment has a boundary after the first. The joint bead is split
  // there, version 1's sentence goes to the piece its length fits (the
  // second: 30 of 40), and the first piece has an empty version-1 side.
  auto bead = [](std::vector<SentenceRange> sides, double score = 0.5) { return Bead{std::move(sides), score}; };
  const std::vector<Bead> joint = {bead({{0, 2}, {0, 1}, {0, 2}})};
  const std::vector<Bead> b01 = {bead({{0, 2}, {0, 1}})}, b02 = {bead({{0, 1}, {0, 1}}), bead({{1, 2}, {1, 2}})},
                          b12 = {bead({{0, 1}, {0, 2}})};
  std::array<internal::PairBeads, 3> pairs = {{{0, 1, &b01}, {0, 2, &b02}, {1, 2, &b12}}};
  const std::vector<float> l0 = {10, 30}, l1 = {30}, l2 = {10, 30};
  const std::array<const std::vector<float>*, 3> lengths = {&l0, &l1, &l2};
  const std::vector<Bead> out = internal::SplitMerges(joint, pairs, lengths);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].sides, (std::vector<SentenceRange>{{0, 1}, {0, 0}, {0, 1}}));
  EXPECT_EQ(out[1].sides, (std::vector<SentenceRange>{{1, 2}, {0, 1}, {1, 2}}));
  EXPECT_EQ(out[1].score, 0.5);
  // When version 1's sentence is as long as the first pair of sentences,
  // it goes to the first piece instead.
  const std::vector<float> first = {30, 10}, first2 = {30, 10};
  const std::array<const std::vector<float>*, 3> lengths_first = {&first, &l1, &first2};
  const std::vector<Bead> other = internal::SplitMerges(joint, pairs, lengths_first);
  ASSERT_EQ(other.size(), 2u);
  EXPECT_EQ(other[0].sides[1], (SentenceRange{0, 1}));
  EXPECT_EQ(other[1].sides[1], (SentenceRange{1, 1}));
  // Two sentences in every version, or no boundary inside: nothing to split.
  const std::vector<Bead> two = {bead({{0, 2}, {0, 2}, {0, 2}})};
  const std::vector<float> l1b = {15, 15};
  const std::array<const std::vector<float>*, 3> lengths_two = {&l0, &l1b, &l2};
  EXPECT_EQ(internal::SplitMerges(two, pairs, lengths_two).size(), 1u);
  const std::vector<Bead> whole = {bead({{0, 2}, {0, 2}})};
  pairs[1].beads = &whole;
  EXPECT_EQ(internal::SplitMerges(joint, pairs, lengths).size(), 1u);
}

// Where version 1's one sentence goes when versions 0 and 2 split it in
// two and its own alignments merged both pieces: length alone says the
// second piece (30 of 40), but its alignment with version 0 renders the
// first piece's sentence. Without that evidence, a shared name decides.
TEST(AlignerJoinTest, AMergedSentenceGoesWhereItsWordsAreRendered) {
  auto bead = [](std::vector<SentenceRange> sides) { return Bead{std::move(sides), 0.5}; };
  const std::vector<Bead> joint = {bead({{0, 2}, {0, 1}, {0, 2}})};
  const std::vector<Bead> b01 = {bead({{0, 2}, {0, 1}})}, b02 = {bead({{0, 1}, {0, 1}}), bead({{1, 2}, {1, 2}})},
                          b12 = {bead({{0, 1}, {0, 2}})};
  const std::vector<float> share0 = {5, 0}, share1 = {5};
  const std::vector<float> l0 = {10, 30}, l1 = {30}, l2 = {10, 30};
  const std::array<const std::vector<float>*, 3> lengths = {&l0, &l1, &l2};
  auto home = [](const std::vector<Bead>& out) {
    return out.size() == 2 && out[0].sides[1].size() == 1 ? 0 : out.size() == 2 && out[1].sides[1].size() == 1 ? 1 : -1;
  };
  std::array<internal::PairBeads, 3> pairs = {{{0, 1, &b01, &share0, &share1}, {0, 2, &b02}, {1, 2, &b12}}};
  EXPECT_EQ(home(internal::SplitMerges(joint, pairs, lengths)), 0);
  // An alignment that pairs it with one piece's sentence alone still decides.
  const std::vector<Bead> b12_second = {bead({{0, 0}, {0, 1}}), bead({{0, 1}, {1, 2}})};
  pairs[2].beads = &b12_second;
  EXPECT_EQ(home(internal::SplitMerges(joint, pairs, lengths)), 1);
  pairs[2].beads = &b12;
  // Nothing rendered either way: length.
  pairs[0].first_rendered = pairs[0].second_rendered = nullptr;
  EXPECT_EQ(home(internal::SplitMerges(joint, pairs, lengths)), 1);
  // A name in Latin letters that version 1 shares with the first piece.
  const std::vector<std::vector<internal::Token>> t0 = {internal::Tokenize("It happened in Ballyhackamore, police said."),
                                                         internal::Tokenize("A man was charged with attempted murder.")},
                                                  t1 = {internal::Tokenize("警察透露，事故发生在Ballyhackamore。")},
                                                  t2 = {internal::Tokenize("x"), internal::Tokenize("y")};
  EXPECT_EQ(home(internal::SplitMerges(joint, pairs, lengths, {&t0, &t1, &t2})), 0);
  // A capitalised word of version 0 that version 1 does not have is no anchor.
  const std::vector<std::vector<internal::Token>> t1_plain = {internal::Tokenize("警察透露，事故发生在当地。")};
  EXPECT_EQ(home(internal::SplitMerges(joint, pairs, lengths, {&t0, &t1_plain, &t2})), 1);
}

// The same merge pattern 100,000 times over: versions 0 and 2 have two
// sentences where version 1 has one, and their own alignment a boundary in
// between. Every bead is split (the pairwise boundaries are looked up, not
// rebuilt per bead: 100,000 list builds of 100,000 entries took hours).
TEST(AlignerJoinTest, SplittingManyMergedBeadsIsLinear) {
  constexpr uint32_t kBeads = 100000;
  auto bead = [](std::vector<SentenceRange> sides) { return Bead{std::move(sides), 0.5}; };
  std::vector<Bead> joint, b01, b02, b12;
  for (uint32_t k = 0; k < kBeads; ++k) {
    joint.push_back(bead({{2 * k, 2 * k + 2}, {k, k + 1}, {2 * k, 2 * k + 2}}));
    b01.push_back(bead({{2 * k, 2 * k + 2}, {k, k + 1}}));
    b02.push_back(bead({{2 * k, 2 * k + 1}, {2 * k, 2 * k + 1}}));
    b02.push_back(bead({{2 * k + 1, 2 * k + 2}, {2 * k + 1, 2 * k + 2}}));
    b12.push_back(bead({{k, k + 1}, {2 * k, 2 * k + 2}}));
  }
  const std::array<internal::PairBeads, 3> pairs = {{{0, 1, &b01}, {0, 2, &b02}, {1, 2, &b12}}};
  std::vector<float> l0, l1(kBeads, 30), l2;
  for (uint32_t k = 0; k < kBeads; ++k) l0.insert(l0.end(), {10, 30}), l2.insert(l2.end(), {10, 30});
  const std::array<const std::vector<float>*, 3> lengths = {&l0, &l1, &l2};
  const std::vector<Bead> out = internal::SplitMerges(joint, pairs, lengths);
  ASSERT_EQ(out.size(), 2 * kBeads);
  for (uint32_t k = 0; k < kBeads; k += 9973) {
    EXPECT_EQ(out[2 * k].sides, (std::vector<SentenceRange>{{2 * k, 2 * k + 1}, {k, k}, {2 * k, 2 * k + 1}}));
    EXPECT_EQ(out[2 * k + 1].sides,
              (std::vector<SentenceRange>{{2 * k + 1, 2 * k + 2}, {k, k + 1}, {2 * k + 1, 2 * k + 2}}));
  }
}

// Over a few million nodes the DP keeps its scores in a ring of rows and
// recomputes stretches for the traceback; the path and every bead's cost
// are those of the DP that keeps them all, bit for bit.
TEST(AlignerDpTest, ScoresKeptInARingGiveTheSamePath) {
  const size_t n = 3000, m = 3300;
  std::vector<double> center(n + 1);
  for (size_t i = 0; i <= n; ++i) center[i] = double(i) * m / n;
  const internal::Band band = internal::MakeBand(n, m, center, 12);
  const std::vector<internal::BeadType> types = internal::BeadTypes(4);
  // An arbitrary but fixed cost per bead, which also honours |bound| the way
  // the real one may (returning early, above it).
  auto cost = [](uint32_t i0, uint32_t a, uint32_t j0, uint32_t b, double bound) {
    uint64_t h = (uint64_t{i0} * 1000003 + a) * 1000033 + uint64_t{j0} * 31 + b;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    h ^= h >> 32;
    const double c = 0.1 + double(h % 1000) / 100.0 + (a + b == 2 ? 0 : 1.5);
    return c > bound + 5 ? bound + 5.5 : c;
  };
  const internal::DpResult all = internal::BandedDp(n, m, types, band, cost);
  const internal::DpResult ring = internal::BandedDp(n, m, types, band, cost, /*keep_all_up_to=*/0);
  EXPECT_EQ(ring.total, all.total);
  EXPECT_EQ(ring.touches_edge, all.touches_edge);
  ASSERT_EQ(ring.beads.size(), all.beads.size());
  for (size_t k = 0; k < all.beads.size(); ++k) {
    const internal::PathBead &x = ring.beads[k], &y = all.beads[k];
    ASSERT_TRUE(x.i0 == y.i0 && x.a == y.a && x.j0 == y.j0 && x.b == y.b) << "bead " << k;
    ASSERT_EQ(x.cost, y.cost) << "bead " << k;
  }
}

// The aligner's settings, set by name through the settings table as a
// --config file sets them; each group changes what comes out.
AlignerConfig Settings(const std::string& aligner_json) {
  AlignerConfig config;
  CheckConfig check;
  const Status s = ApplyConfigJson("{\"aligner\": " + aligner_json + "}", "test.json", &config, &check);
  EXPECT_TRUE(s.ok()) << s.message();
  return config;
}

TEST_F(AlignerTest, WarningThresholdsDecideTheWarnings) {
  std::vector<std::string> x, y;
  for (int k = 0; k < 200; ++k) x.push_back(Sentence('a', k, 8));
  for (int k = 0; k < 20; ++k) y.push_back(Sentence('b', k, 8));
  const std::vector<AlignInput> ten_times = {Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)};
  auto more = Aligner(Settings(R"({"count_ratio_warning": 5})"), resources_).Align(ten_times);
  ASSERT_TRUE(more.ok());
  ASSERT_FALSE(more->warnings.empty());
  EXPECT_THAT(more->warnings[0], HasSubstr("more than five times as many"));
  auto fewer = Aligner(Settings(R"({"count_ratio_warning": 12.5})"), resources_).Align(ten_times);
  ASSERT_TRUE(fewer.ok());
  for (const std::string& w : fewer->warnings) EXPECT_THAT(w, ::testing::Not(HasSubstr("times as many")));

  // Unrelated texts (words 0..199 against translations of 200..399).
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> len(5, 14), word(0, 199);
  auto text = [&](char prefix, int n) {
    std::vector<std::string> lines;
    for (int k = 0; k < n; ++k) {
      std::string s;
      for (int w = len(rng); w > 0; --w) s += W(prefix, word(rng) + (prefix == 'a' ? 0 : 200)) + " ";
      lines.push_back(s + ".");
    }
    return Lines(lines);
  };
  const std::vector<AlignInput> unrelated = {Input(text('a', 60), Language::kEnglish),
                                             Input(text('b', 70), Language::kUrdu)};
  auto warned = Aligner({}, resources_).Align(unrelated);
  ASSERT_TRUE(warned.ok());
  ASSERT_FALSE(warned->warnings.empty());
  EXPECT_THAT(warned->warnings.back(), HasSubstr("unrelated"));
  for (const char* settings : {R"({"unrelated_min_sentences": 100})",
                               R"({"unrelated_min_match_rate": 0, "unrelated_margin": 0, "unrelated_margin_learned": 0})"}) {
    auto quiet = Aligner(Settings(settings), resources_).Align(unrelated);
    ASSERT_TRUE(quiet.ok());
    EXPECT_TRUE(quiet->warnings.empty()) << settings << ": " << quiet->warnings[0];
  }
}

// A short statement names the same people and places in every sentence:
// beads moved elsewhere match most of what the right ones match. That
// margin is not believed below unrelated_margin_min_sentences sentences;
// texts that share nothing are still called unrelated at any length.
TEST_F(AlignerTest, ShortVersionsSharingNamesEverywhereAreNotCalledUnrelated) {
  std::vector<std::string> x, y;
  // Sentence k names three of four people (k, k+1, k+2 mod 4) and says one
  // thing of its own: translations, eight sentences each.
  for (int k = 0; k < 8; ++k) {
    std::string a, b;
    for (int p = 0; p < 3; ++p) a += W('a', (k + p) % 4) + " ", b += W('b', (k + p) % 4) + " ";
    x.push_back(a + W('a', 10 + k) + " .");
    y.push_back(b + W('b', 10 + k) + " .");
  }
  const std::vector<AlignInput> related = {Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)};
  // A margin no text can meet: only whether it is judged decides.
  auto quiet = Aligner(Settings(R"({"unrelated_margin": 1000})"), resources_).Align(related);
  ASSERT_TRUE(quiet.ok());
  for (const std::string& w : quiet->warnings) EXPECT_THAT(w, ::testing::Not(HasSubstr("unrelated")));
  auto judged =
      Aligner(Settings(R"({"unrelated_margin": 1000, "unrelated_margin_min_sentences": 8})"), resources_).Align(related);
  ASSERT_TRUE(judged.ok());
  ASSERT_FALSE(judged->warnings.empty());
  EXPECT_THAT(judged->warnings.back(), HasSubstr("unrelated"));

  std::vector<std::string> other;
  for (int k = 0; k < 8; ++k) other.push_back(W('b', 300 + 2 * k) + " " + W('b', 301 + 2 * k) + " " + W('b', 350 + k) + " .");
  auto unrelated = Aligner({}, resources_).Align({Input(Lines(x), Language::kEnglish), Input(Lines(other), Language::kUrdu)});
  ASSERT_TRUE(unrelated.ok());
  ASSERT_FALSE(unrelated->warnings.empty());
  EXPECT_THAT(unrelated->warnings.back(), HasSubstr("unrelated"));
}

// A long text whose every sentence names the same few things (a
// scripture: God, Lord, people) matches much by chance, and its margin
// over beads moved elsewhere can be small; but most of its beads match
// more in place than moved, where unrelated texts of the same kind win
// about as many as they lose. A margin no text can meet: only the count of
// beads won decides, and only from unrelated_win_min_beads beads.
TEST_F(AlignerTest, LongTranslationsWinMostBeadsWhateverTheirMargin) {
  // Sentence k: six of eight frequent words, and a word of its own (seed
  // 0) or drawn at random (another seed: a text about other things).
  auto text = [](char prefix, int sentences, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> own(0, 389);
    std::vector<std::string> lines;
    for (int k = 0; k < sentences; ++k) {
      std::string s;
      for (int w = 0; w < 6; ++w) s += W(prefix, (k + w) % 8) + " ";
      lines.push_back(s + W(prefix, 8 + (seed ? own(rng) : k * 7 % 390)) + " .");
    }
    return Lines(lines);
  };
  auto unrelated_warning = [&](const char* settings, int sentences, unsigned seed) {
    auto a = Aligner(Settings(settings), resources_)
                 .Align({Input(text('a', sentences, 0), Language::kEnglish),
                         Input(text('b', sentences, seed), Language::kUrdu)});
    EXPECT_TRUE(a.ok());
    return a.ok() && std::any_of(a->warnings.begin(), a->warnings.end(), [](const std::string& w) {
             return w.find("unrelated") != std::string::npos;
           });
  };
  EXPECT_FALSE(unrelated_warning(R"({"unrelated_margin": 1000})", 300, 0));
  EXPECT_TRUE(unrelated_warning(R"({"unrelated_margin": 1000, "unrelated_win_min_beads": 301})", 300, 0));
  EXPECT_TRUE(unrelated_warning(R"({"unrelated_margin": 1000})", 150, 0));  // too few beads to count
  // The same kind of text about other things: each sentence's own word differs.
  EXPECT_TRUE(unrelated_warning("{}", 300, 7));
  EXPECT_TRUE(unrelated_warning(R"({"unrelated_margin": 1000})", 300, 7));
  // Long enough for its beads to be counted: the path pairs sentences that
  // share a word by chance, and those win, but little more than half (with
  // the realignment's cost of splits off: sentences without a comma, it
  // leaves fewer merged beads to win with, and the share falls to half or
  // below).
  EXPECT_TRUE(unrelated_warning(R"({"unrelated_margin": 1000})", 1200, 7));
  EXPECT_FALSE(unrelated_warning(R"({"unrelated_margin": 1000, "unrelated_min_win_share": 0.5, "split_weight": 0})", 1200, 7));

  // Without a dictionary (Urdu–Chinese here) only a lexicon learned from
  // the path can judge, and its sums cannot; the count still can.
  auto learned = [&](unsigned seed, const char* settings = "{}") {
    auto a = Aligner(Settings(settings), resources_).Align({Input(text('b', 1200, 0), Language::kUrdu),
                                                             Input(text('c', 1200, seed), Language::kChinese)});
    EXPECT_TRUE(a.ok());
    return a.ok() ? a->warnings : std::vector<std::string>{};
  };
  EXPECT_TRUE(learned(0).empty());
  const std::vector<std::string> warned = learned(7);
  ASSERT_FALSE(warned.empty());
  EXPECT_THAT(warned.back(), HasSubstr("match more than sentences far apart"));
  EXPECT_TRUE(learned(7, R"({"unrelated_win_min_beads": 100000})").empty());
}

TEST_F(AlignerTest, ScoreScaleSetsTheScoresNotTheBeads) {
  std::vector<std::string> x, y;
  for (int k = 0; k < 10; ++k) {
    x.push_back(Sentence('a', k, 8 + k % 3));
    if (k != 4) y.push_back(Sentence('b', k, 8 + k % 3));
  }
  const std::vector<AlignInput> inputs = {Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)};
  auto base = Aligner({}, resources_).Align(inputs);
  auto lenient = Aligner(Settings(R"({"score_cost_scale": 8})"), resources_).Align(inputs);
  ASSERT_TRUE(base.ok() && lenient.ok());
  ASSERT_EQ(Show(*base), Show(*lenient));
  for (size_t k = 0; k < base->beads.size(); ++k) {
    // exp(-c/8) is the square root of exp(-c/4).
    EXPECT_NEAR(lenient->beads[k].score, std::sqrt(base->beads[k].score), 1e-12) << k;
  }
}

TEST_F(AlignerTest, LearningThresholdsDecideWhetherALexiconIsLearned) {
  // No dictionary, words that translate one to one (aK ↔ qK), every
  // sentence eight words of four letters: lengths say nothing, only a
  // learned lexicon tells where y's omitted sentence 30 was.
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> word(100, 199);
  std::vector<std::string> x, y;
  for (int k = 0; k < 80; ++k) {
    std::string xs, ys;
    for (int w = 0; w < 8; ++w) {
      const int id = word(rng);
      xs += W('a', id) + " ";
      ys += W('q', id) + " ";
    }
    x.push_back(xs + ".");
    if (k != 30) y.push_back(ys + ".");
  }
  auto right = [&](const AlignerConfig& config) {
    auto a = Aligner(config, {}).Align({Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)});
    EXPECT_TRUE(a.ok());
    int n = 0;
    for (const Bead& b : a->beads) {
      const uint32_t k = b.sides[0].begin;
      if (b.sides[0].size() == 1 && b.sides[1].size() == (k == 30 ? 0u : 1u))
        n += k == 30 || b.sides[1].begin == (k < 30 ? k : k - 1);
    }
    return n;
  };
  const int learning = right(AlignerConfig{});
  EXPECT_GE(learning, 76);
  // Documents shorter than learn_min_sentences are aligned without learning.
  EXPECT_LT(right(Settings(R"({"learn_min_sentences": 100})")), learning - 10);
  // Learning from fewer beads of the first pass learns fewer pairs (none
  // from one bead: a pair must co-occur twice).
  const AlignerConfig defaults;
  const auto fx = internal::ExtractFeatures(Input(Lines(x), Language::kEnglish));
  const auto fy = internal::ExtractFeatures(Input(Lines(y), Language::kUrdu));
  const internal::PairModel model(fx, fy, nullptr, defaults);
  std::vector<internal::PathBead> path;
  for (uint32_t k = 0; k < 80; ++k) {
    if (k == 30) path.push_back({k, 1, k, 0, 4.5});
    else path.push_back({k, 1, k < 30 ? k : k - 1, 1, double(k % 5)});
  }
  const size_t learned = internal::LearnLexicon(model, path, defaults).size();
  EXPECT_GT(learned, 0u);
  EXPECT_LT(internal::LearnLexicon(model, path, Settings(R"({"learn_max_beads": 10})")).size(), learned);
  EXPECT_LT(internal::LearnLexicon(model, path, Settings(R"({"learn_bead_percent": 10})")).size(), learned);
  EXPECT_TRUE(internal::LearnLexicon(model, path, Settings(R"({"learn_max_beads": 1})")).empty());
}

// A document whose second half is rendered twice as long as its first
// (another translator, another genre): after LocaliseRatio each sentence's
// length is scaled by the ratio of the beads around it, not the document's;
// a large prior keeps the document's, and where the ratio does not change
// nothing moves.
TEST_F(AlignerTest, TheRealignmentScalesLengthsByTheRatioAroundThem) {
  std::vector<std::string> x, shifting, even;
  for (int k = 0; k < 40; ++k) {
    x.push_back("The ministers met today.");
    shifting.push_back(k < 20 ? "The ministers met today, and they talked." :
                                "The ministers met today, and they talked, and they talked again, at length.");
    even.push_back("The ministers met today, and they talked.");
  }
  std::vector<internal::PathBead> path;
  for (uint32_t k = 0; k < 40; ++k) path.push_back({k, 1, k, 1, 0.0});
  const AlignerConfig config;  // the models keep a reference to it
  auto scaled = [&](const std::vector<std::string>& y, size_t window, double prior) {
    internal::PairModel model(internal::ExtractFeatures(Input(Lines(x), Language::kEnglish)),
                              internal::ExtractFeatures(Input(Lines(y), Language::kEnglish)), nullptr, config);
    std::vector<double> before, after;
    for (size_t i = 0; i < 40; ++i) before.push_back(model.x_cum()[i + 1] - model.x_cum()[i]);
    model.LocaliseRatio(path, window, prior);
    for (size_t i = 0; i < 40; ++i) after.push_back(model.x_cum()[i + 1] - model.x_cum()[i]);
    std::vector<double> y_lengths;
    for (size_t j = 0; j < 40; ++j) y_lengths.push_back(model.y_cum()[j + 1] - model.y_cum()[j]);
    return std::make_tuple(before, after, y_lengths);
  };
  {
    const auto [before, after, y] = scaled(shifting, 5, 0);
    EXPECT_NEAR(before[0], before[39], 1e-9);  // one ratio for the whole document
    EXPECT_NEAR(after[0], y[0], 1e-6);         // each half by its own
    EXPECT_NEAR(after[39], y[39], 1e-6);
    EXPECT_LT(after[0], before[0]);
    EXPECT_GT(after[39], before[39]);
  }
  {
    const auto [before, after, y] = scaled(shifting, 5, 1e9);  // the prior outweighs the window
    EXPECT_NEAR(after[0], before[0], 1e-3);
    EXPECT_NEAR(after[39], before[39], 1e-3);
  }
  {
    const auto [before, after, y] = scaled(even, 5, 0);
    for (size_t i = 0; i < 40; ++i) EXPECT_NEAR(after[i], before[i], 1e-9);
  }
}

// Sentences that end with a closing quote (a reply), in English and Chinese,
// straight or curly; an apostrophe inside a word or a quote that opens the
// sentence does not count.
TEST_F(AlignerTest, ASentenceEndingWithAClosingQuoteIsMarked) {
  const auto en = internal::ExtractFeatures(Input(Lines({"'Well? Had enough?'", "He said, \"We met.\"  ",
                                                         "China's minister met him.", "\"We met,\" he said."}),
                                                  Language::kEnglish));
  EXPECT_TRUE(en.punct[0].quote_end);
  EXPECT_TRUE(en.punct[1].quote_end);
  EXPECT_FALSE(en.punct[2].quote_end);
  EXPECT_FALSE(en.punct[3].quote_end);
  const auto zh = internal::ExtractFeatures(Input(Lines({"海老公道：“不过怎么？”", "「走吧。」", "他说，我们见过面。"}),
                                                  Language::kChinese));
  EXPECT_TRUE(zh.punct[0].quote_end);
  EXPECT_TRUE(zh.punct[1].quote_end);
  EXPECT_FALSE(zh.punct[2].quote_end);
}

// Dialogue whose translator keeps the quotes: after the first pass, a bead
// whose last sentences disagree on a closing quote costs the log of how much
// likelier that is at random than on the path (here half the endings are
// quoted on each side and every bead agrees: log(0.5 / (1/62)) = log 31).
// A translator who drops the quotes, too few quoted endings, or a stretch
// of the document without dialogue, learn nothing.
TEST_F(AlignerTest, TheRealignmentLearnsWhatADisagreeingQuoteCosts) {
  std::vector<std::string> x, kept, dropped, half;
  for (int k = 0; k < 60; ++k) {
    const bool reply = k % 2 == 0;
    x.push_back(reply ? "He said: 'We met today.'" : "They met today.");
    kept.push_back(reply ? "He said: 'We met today, yes.'" : "They met today, yes.");
    dropped.push_back(reply ? "He said: We met today, yes." : "They met today, yes.");
    half.push_back(reply && k < 30 ? "He said: 'We met today, yes.'" : "They met today, yes.");
  }
  std::vector<internal::PathBead> path;
  for (uint32_t k = 0; k < 60; ++k) path.push_back({k, 1, k, 1, 0.0});
  const AlignerConfig config;  // the models keep a reference to it
  auto model = [&](const std::vector<std::string>& y) {
    return internal::PairModel(internal::ExtractFeatures(Input(Lines(x), Language::kEnglish)),
                               internal::ExtractFeatures(Input(Lines(y), Language::kEnglish)), nullptr, config);
  };
  auto cell = [](const internal::PairModel& m) {
    return [&m](uint32_t i, uint32_t j) { return m.ComputeCell(i, j); };
  };
  {
    internal::PairModel m = model(kept);
    const double before = m.BeadCost(0, 1, 1, 1, cell(m));  // a reply paired with a plain sentence
    EXPECT_EQ(m.quote_end_cost(0), 0);
    m.LearnQuoteEnds(path, 1.0, 100, 8);
    EXPECT_NEAR(m.quote_end_cost(0), std::log(31.0), 1e-5);
    EXPECT_NEAR(m.BeadCost(0, 1, 1, 1, cell(m)) - before, std::log(31.0), 1e-5);
    EXPECT_NEAR(m.BeadCost(0, 1, 0, 1, cell(m)), m.BeadCost(0, 1, 0, 1, cell(model(kept))), 1e-9);  // agreeing: nothing
    m.LearnQuoteEnds(path, 1.0, 100, 31);  // 30 quoted endings a side
    EXPECT_EQ(m.quote_end_cost(0), 0);
    m.LearnQuoteEnds(path, 0.5, 100, 8);
    EXPECT_NEAR(m.quote_end_cost(0), 0.5 * std::log(31.0), 1e-5);
  }
  {
    internal::PairModel m = model(dropped);
    m.LearnQuoteEnds(path, 1.0, 100, 8);
    for (uint32_t i = 0; i < 60; ++i) EXPECT_EQ(m.quote_end_cost(i), 0);
  }
  {
    // Dialogue in the first half only: with a window of 10 beads, the second
    // half has no quoted ending around it and learns nothing.
    internal::PairModel m = model(half);
    m.LearnQuoteEnds(path, 1.0, 10, 3);
    EXPECT_GT(m.quote_end_cost(5), 0);
    EXPECT_EQ(m.quote_end_cost(55), 0);
  }
}

// Commas, semicolons and colons inside a sentence, in each script, are
// where a translator may split it; a thousands separator is not.
TEST_F(AlignerTest, ClauseMarksAreCountedButNotThousandsSeparators) {
  const auto en = internal::ExtractFeatures(
      Input(Lines({"They came, saw; and left: all of them.", "Some 5,000 people came.", "He left."}), Language::kEnglish));
  EXPECT_EQ(en.punct[0].clause_marks, 3);
  EXPECT_EQ(en.punct[1].clause_marks, 0);
  EXPECT_EQ(en.punct[2].clause_marks, 0);
  const auto zh = internal::ExtractFeatures(Input(Lines({"他来了，看见了；又走了：都走了。", "五千人来了。"}), Language::kChinese));
  EXPECT_EQ(zh.punct[0].clause_marks, 3);
  EXPECT_EQ(zh.punct[1].clause_marks, 0);
  const auto ur = internal::ExtractFeatures(Input(Lines({"وہ آئے، دیکھا اور چلے گئے۔", "5،000 لوگ آئے۔"}), Language::kUrdu));
  EXPECT_EQ(ur.punct[0].clause_marks, 1);
  EXPECT_EQ(ur.punct[1].clause_marks, 1);  // the Urdu comma is a comma wherever it stands
}

// A translator who splits the sentences with a comma and keeps the others
// whole: after the first pass, a bead that pairs a comma-less sentence
// with two costs |weight| times the log of how much less likely that is
// than for any sentence (here 30 of 60 sentences split, none without a
// comma: with the prior of 60 beads at the rate of 1/2,
// P(split | no comma) = 30/90, so log(1.5)); a split at a comma, which the
// path shows likelier than average, costs nothing (never a reward). Where
// splits do not depend on commas, nothing is learnt; and a stretch of the
// document far from the splits learns from its own beads.
TEST_F(AlignerTest, TheRealignmentLearnsWhatSplittingASentenceWithoutACommaCosts) {
  std::vector<std::string> x, y;
  for (int k = 0; k < 60; ++k) {
    const bool comma = k % 2 == 0;
    x.push_back(comma ? "They met today, and they talked." : "They met today.");
    y.push_back("They met today.");
    if (comma) y.push_back("They talked.");
  }
  const AlignerConfig config;  // the model keeps a reference to it
  internal::PairModel m(internal::ExtractFeatures(Input(Lines(x), Language::kEnglish)),
                        internal::ExtractFeatures(Input(Lines(y), Language::kEnglish)), nullptr, config);
  auto cell = [&m](uint32_t i, uint32_t j) { return m.ComputeCell(i, j); };
  // Comma sentences split (1-2), the others not (1-1).
  std::vector<internal::PathBead> by_commas, regardless, all_whole;
  uint32_t j = 0;
  for (uint32_t k = 0; k < 60; ++k) {
    const uint32_t b = k % 2 == 0 ? 2 : 1;
    by_commas.push_back({k, 1, j, b, 0.0});
    j += b;
  }
  EXPECT_EQ(m.split_cost(1, 1, 2, 2), 0);  // nothing before learning
  const double before = m.BeadCost(1, 1, 3, 2, cell);
  m.LearnSplits(by_commas, 1.0, 60, 1000);
  EXPECT_NEAR(m.split_cost(1, 1, 3, 2), std::log(1.5), 1e-5);        // no comma, split
  EXPECT_NEAR(m.BeadCost(1, 1, 3, 2, cell) - before, std::log(1.5), 1e-5);
  EXPECT_NEAR(m.split_cost(0, 1, 0, 2), 0, 1e-9);                    // comma, split
  EXPECT_NEAR(m.split_cost(0, 1, 0, 1), std::log(1.5), 1e-5);        // comma, kept whole
  EXPECT_NEAR(m.split_cost(1, 1, 2, 1), 0, 1e-9);                    // no comma, kept whole
  EXPECT_EQ(m.split_cost(0, 2, 0, 3), 0);                            // neither side single
  m.LearnSplits(by_commas, 0.5, 60, 1000);
  EXPECT_NEAR(m.split_cost(1, 1, 3, 2), 0.5 * std::log(1.5), 1e-5);
  m.LearnSplits(by_commas, 0, 60, 1000);
  EXPECT_EQ(m.split_cost(1, 1, 3, 2), 0);

  // Every other pair of sentences split, with a comma or without.
  j = 0;
  for (uint32_t k = 0; k < 60; ++k) {
    const uint32_t b = k % 4 < 2 ? 2 : 1;
    regardless.push_back({k, 1, j, b, 0.0});
    j += b;
  }
  m.LearnSplits(regardless, 1.0, 60, 1000);
  for (uint32_t k = 0; k < 60; ++k) {
    EXPECT_NEAR(m.split_cost(k, 1, 0, 2), 0, 1e-6);
    EXPECT_NEAR(m.split_cost(k, 1, 0, 1), 0, 1e-6);
  }

  // The first half splits at commas, the second keeps every sentence
  // whole: with a window of 10 beads, the second half has seen no split
  // and says nothing about them.
  j = 0;
  for (uint32_t k = 0; k < 60; ++k) {
    const uint32_t b = k < 30 && k % 2 == 0 ? 2 : 1;
    all_whole.push_back({k, 1, j, b, 0.0});
    j += b;
  }
  m.LearnSplits(all_whole, 1.0, 60, 10);
  EXPECT_GT(m.split_cost(5, 1, 0, 2), 0.1);
  EXPECT_EQ(m.split_cost(55, 1, 0, 2), 0);
}

TEST_F(AlignerTest, CoarseCorridorThresholdsDecideTheFirstBand) {
  // Two versions of over 256 sentences, the second lacking its first 60:
  // the first corridor comes from recursive halving, or from the length
  // diagonal when the documents are no longer than coarse_above_sentences.
  // With a narrow band, a single round and no learning, the final path
  // stays inside that first corridor, so the choice shows in the beads.
  std::mt19937 rng(13);
  std::uniform_int_distribution<int> len(3, 24), word(0, 399);
  std::vector<std::string> x, y;
  for (int k = 0; k < 400; ++k) {
    std::string xs, ys;
    for (int w = len(rng); w > 0; --w) {
      const int id = word(rng);
      xs += W('a', id) + " ";
      ys += W('b', id) + " ";
    }
    x.push_back(xs + ".");
    if (k >= 60) y.push_back(ys + ".");
  }
  const std::vector<AlignInput> inputs = {Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)};
  auto align = [&](const std::string& more) {
    auto a = Aligner(Settings(R"({"learn_lexicon": false, "band_width": 4, "max_band_rounds": 1)" + more + "}"),
                     resources_)
                 .Align(inputs);
    EXPECT_TRUE(a.ok());
    ExpectCover(*a, {400, 340});
    return Show(*a);
  };
  const std::string halving = align("");
  EXPECT_NE(align(R"(, "coarse_above_sentences": 400)"), halving);
}

TEST_F(AlignerTest, BlockBagsKeepTheCorridorWhereTheLengthRatioChanges) {
  // A joined document whose two halves are translated differently: in the
  // first, every y sentence carries as many untranslated words again as
  // translated ones (twice the x length), in the second none. One
  // document-wide length ratio puts the middle of x about 100 sentences
  // away from the middle of y, and a corridor built from lengths alone
  // follows it; with the block bags of coarse_lexical_weight the words pull
  // it back to the diagonal. A narrow band, a single round and no learning
  // keep the final path inside that first corridor. Measured: 800 of the
  // 800 1-1 beads right with the block bags, 25 by length alone.
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> len(4, 20), word(0, 399);
  std::vector<std::string> x, y;
  for (int k = 0; k < 800; ++k) {
    std::string xs, ys;
    for (int w = len(rng); w > 0; --w) {
      const int id = word(rng);
      xs += W('a', id) + " ";
      ys += W('b', id) + " ";
      if (k < 400) ys += W('d', word(rng)) + " ";
    }
    x.push_back(xs + ".");
    y.push_back(ys + ".");
  }
  const std::vector<AlignInput> inputs = {Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)};
  auto diagonal_beads = [&](const std::string& more) {
    auto a = Aligner(Settings(R"({"learn_lexicon": false, "band_width": 4, "max_band_rounds": 1)" + more + "}"),
                     resources_)
                 .Align(inputs);
    EXPECT_TRUE(a.ok());
    if (!a.ok()) return 0;
    ExpectCover(*a, {800, 800});
    int right = 0;
    for (const Bead& b : a->beads)
      right += b.sides[0].size() == 1 && b.sides[0].begin == b.sides[1].begin && b.sides[1].size() == 1;
    return right;
  };
  EXPECT_GE(diagonal_beads(""), 790);
  EXPECT_LT(diagonal_beads(R"(, "coarse_lexical_weight": 0)"), 400);
}

TEST_F(AlignerTest, OrphanThresholdsDecideTheOrphanCost) {
  // x: two sentences; y renders the first only. In the 2-1 bead the second
  // x sentence has known evidence (dictionary words) and none of it
  // matched: an orphan, which costs orphan_cost.
  const auto fx = internal::ExtractFeatures(
      Input(Lines({Sentence('a', 0, 8), Sentence('a', 1, 8)}), Language::kEnglish));
  const auto fy = internal::ExtractFeatures(Input(Lines({Sentence('b', 0, 8)}), Language::kUrdu));
  auto cost = [&](const AlignerConfig& config) {
    const internal::PairModel model(fx, fy, resources_.dictionaries[0].get(), config);
    return model.BeadCost(0, 2, 0, 1, [&](uint32_t i, uint32_t j) { return model.ComputeCell(i, j); });
  };
  const AlignerConfig defaults;
  const double with_orphan = cost(defaults);
  EXPECT_NEAR(with_orphan - cost(Settings(R"({"orphan_max_matched": 0})")), defaults.orphan_cost, 1e-9);
  EXPECT_NEAR(with_orphan - cost(Settings(R"({"orphan_min_evidence": 100})")), defaults.orphan_cost, 1e-9);
}

TEST(AlignerModelTest, NameThresholdsDecideWhichSkeletonsAreCompared) {
  // "table" (5 letters, skeleton tbl) against ٹیبل, as in the test above.
  auto en = internal::ExtractFeatures(Input("They now top the table.\n", Language::kEnglish));
  auto ur = internal::ExtractFeatures(Input("وہ اب ٹیبل میں سب سے اوپر ہیں۔\n", Language::kUrdu));
  EXPECT_GT(internal::PairModel(en, ur, nullptr, AlignerConfig{}).ComputeCell(0, 0).ms, 0.0f);
  for (const char* settings : {R"({"loanword_min_letters": 6})", R"({"name_min_skeleton": 4})"}) {
    const AlignerConfig config = Settings(settings);
    EXPECT_EQ(internal::PairModel(en, ur, nullptr, config).ComputeCell(0, 0).ms, 0.0f) << settings;
  }
}

TEST(AlignerModelTest, DictionaryKeysLongerThanTheLimitAreNotLookedUp) {
  const auto path = std::filesystem::temp_directory_path() / ("talign-keys-" + std::to_string(::getpid()) + ".tsv");
  {
    std::ofstream out(path);
    out << "ahk bhk\tchk\n";  // a two-word entry only
  }
  auto dictionary = Dictionary::Load(path.string(), Language::kEnglish, Language::kUrdu);
  std::filesystem::remove(path);
  ASSERT_TRUE(dictionary.ok()) << dictionary.status().message();
  auto x = internal::ExtractFeatures(Input("ahk bhk .\n", Language::kEnglish));
  auto y = internal::ExtractFeatures(Input("chk .\n", Language::kUrdu));
  EXPECT_GT(internal::PairModel(x, y, dictionary->get(), AlignerConfig{}).ComputeCell(0, 0).ms, 0.0f);
  const AlignerConfig one_token = Settings(R"({"dictionary_max_key_tokens": 1})");
  EXPECT_EQ(internal::PairModel(x, y, dictionary->get(), one_token).ComputeCell(0, 0).ms, 0.0f);
}

TEST(AlignerJoinTest, VotesDecideWhichCutsTheChainTakes) {
  // Pivot↔x and x↔y cut after the first sentence, pivot↔y does not: that
  // cut has the votes of x↔y and one pivot pair. Worth nothing, the chain
  // (which only takes a cut that adds) leaves it out.
  auto bead = [](std::vector<SentenceRange> sides) { return Bead{std::move(sides), 0.5}; };
  const std::vector<Bead> pp_x = {bead({{0, 1}, {0, 1}}), bead({{1, 2}, {1, 2}})};
  const std::vector<Bead> pp_y = {bead({{0, 2}, {0, 2}})};
  const std::vector<Bead> x_y = {bead({{0, 1}, {0, 1}}), bead({{1, 2}, {1, 2}})};
  auto join = [&](const AlignerConfig& config) {
    return internal::JoinByVotes(pp_x, pp_y, x_y, 2, 2, 2, 0, 1, 2, config).size();
  };
  EXPECT_EQ(join(AlignerConfig{}), 2u);
  EXPECT_EQ(join(Settings(R"({"join_votes_with_cross": 0})")), 1u);
}

TEST_F(AlignerTest, SettingsOutsideTheirRangesAreRefused) {
  AlignInput one = Input("ah .\n", Language::kEnglish);
  AlignerConfig config;
  config.score_cost_scale = 0;
  auto a = Aligner(config, resources_).Align({one, one});
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(a.status().message(), HasSubstr("aligner setting score_cost_scale: 0 is outside [1e-06, 1000000]"));
  config = {};
  config.join_window = -1;
  EXPECT_THAT(Aligner(config, resources_).Align({one, one}).status().message(), HasSubstr("join_window"));
}

TEST_F(AlignerTest, RejectsBadArguments) {
  Aligner aligner({}, resources_);
  AlignInput one = Input("ah .\n", Language::kEnglish);
  EXPECT_EQ(aligner.Align({one}).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(aligner.Align({one, one, one, one}).status().code(), StatusCode::kInvalidArgument);
  AlignInput bad = one;
  bad.sentences[0].span = {0, 1000};
  EXPECT_EQ(aligner.Align({one, bad}).status().code(), StatusCode::kInvalidArgument);
  AlignerConfig config;
  config.max_bead_side = 0;
  EXPECT_EQ(Aligner(config, {}).Align({one, one}).status().code(), StatusCode::kInvalidArgument);
}

// The non-literary development set (../shared/eval), when it and CC-CEDICT
// are present: strict F1 of the Vecalign metric, as score.py computes it.
// y gives sentences 4..6 of x at the end: 20 sentences, a 3-sentence
// paragraph moved past 13 others.
std::vector<std::string> MovedBlock(char prefix, bool move) {
  std::vector<int> order;
  for (int k = 0; k < 20; ++k)
    if (!move || k < 4 || k > 6) order.push_back(k);
  if (move) order.insert(order.end(), {4, 5, 6});
  std::vector<std::string> out;
  for (int k : order) out.push_back(Sentence(prefix, k, 9 + k % 4));
  return out;
}

TEST_F(AlignerTest, AMovedParagraphIsLinkedToWhereTheOtherVersionHasIt) {
  std::vector<std::string> x = MovedBlock('a', false), y = MovedBlock('b', true);
  Aligner aligner({}, resources_);
  auto a = aligner.Align({Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)});
  ASSERT_TRUE(a.ok());
  ExpectCover(*a, {20, 20});
  ASSERT_EQ(a->moves.size(), 3u) << Show(*a);
  for (size_t k = 0; k < 3; ++k) {
    const Move& m = a->moves[k];
    // x sentence 4+k, alone in its bead, says what y's 17+k says at the end.
    EXPECT_EQ(m.first, (std::vector<std::vector<uint32_t>>{{uint32_t(4 + k)}, {}}));
    EXPECT_EQ(m.second, (std::vector<std::vector<uint32_t>>{{}, {uint32_t(17 + k)}}));
    EXPECT_TRUE(a->beads[m.first_bead].sides[1].empty());
    EXPECT_TRUE(a->beads[m.second_bead].sides[0].empty());
    EXPECT_GT(m.score, 0.5);
    if (k) EXPECT_LT(a->moves[k - 1].first_bead, m.first_bead);
  }
  // Everything else is aligned 1-1 as if nothing had moved.
  size_t one_to_one = 0;
  for (const Bead& b : a->beads) one_to_one += b.sides[0].size() == 1 && b.sides[1].size() == 1;
  EXPECT_EQ(one_to_one, 17u) << Show(*a);
}

TEST_F(AlignerTest, NothingMovedGivesNoMoveAndMovesCanBeTurnedOff) {
  Aligner aligner({}, resources_);
  auto same = aligner.Align({Input(Lines(MovedBlock('a', false)), Language::kEnglish),
                             Input(Lines(MovedBlock('b', false)), Language::kUrdu)});
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->moves.empty());
  AlignerConfig off;
  off.move_max_beads = 0;
  auto moved = Aligner(off, resources_).Align({Input(Lines(MovedBlock('a', false)), Language::kEnglish),
                                               Input(Lines(MovedBlock('b', true)), Language::kUrdu)});
  ASSERT_TRUE(moved.ok());
  ExpectCover(*moved, {20, 20});
  EXPECT_TRUE(moved->moves.empty());
}

TEST_F(AlignerTest, AMoveInOneOfThreeVersionsLinksItsBeadsWithTheOtherTwo) {
  Aligner aligner({}, resources_);
  auto a = aligner.Align({Input(Lines(MovedBlock('a', false)), Language::kEnglish),
                          Input(Lines(MovedBlock('b', false)), Language::kUrdu),
                          Input(Lines(MovedBlock('c', true)), Language::kChinese)});
  ASSERT_TRUE(a.ok());
  ExpectCover(*a, {20, 20, 20});
  // Found through the pair with a dictionary (en-zh; Urdu–Chinese has
  // none): the English sentence's bead lacks Chinese, and the Chinese one,
  // which the join glued to the last bead, has a bead of its own.
  ASSERT_EQ(a->moves.size(), 3u) << Show(*a);
  for (size_t k = 0; k < 3; ++k) {
    const Move& m = a->moves[k];
    EXPECT_EQ(m.first, (std::vector<std::vector<uint32_t>>{{uint32_t(4 + k)}, {}, {}})) << Show(*a);
    EXPECT_EQ(m.second, (std::vector<std::vector<uint32_t>>{{}, {}, {uint32_t(17 + k)}})) << Show(*a);
    EXPECT_EQ(a->beads[m.first_bead].sides[1], (SentenceRange{uint32_t(4 + k), uint32_t(5 + k)}));
    EXPECT_TRUE(a->beads[m.first_bead].sides[2].empty());
    EXPECT_TRUE(a->beads[m.second_bead].sides[0].empty() && a->beads[m.second_bead].sides[1].empty());
  }
}

// MovedBlock with sentence 5 two words long, under the evidence floor of a
// move on its own; |moved| lists the sentences y gives at the end.
std::vector<std::string> BlockWithShort(char prefix, const std::vector<int>& moved) {
  std::vector<int> order;
  for (int k = 0; k < 20; ++k)
    if (std::find(moved.begin(), moved.end(), k) == moved.end()) order.push_back(k);
  order.insert(order.end(), moved.begin(), moved.end());
  std::vector<std::string> out;
  for (int k : order) out.push_back(Sentence(prefix, k, k == 5 ? 2 : 9 + k % 4));
  return out;
}

TEST_F(AlignerTest, AShortSentenceMovesWithItsParagraph) {
  const auto x = Input(Lines(BlockWithShort('a', {})), Language::kEnglish);
  const auto y = Input(Lines(BlockWithShort('b', {4, 5, 6})), Language::kUrdu);
  auto a = Aligner({}, resources_).Align({x, y});
  ASSERT_TRUE(a.ok());
  ExpectCover(*a, {20, 20});
  ASSERT_EQ(a->moves.size(), 3u) << Show(*a);
  EXPECT_EQ(a->moves[1].first, (std::vector<std::vector<uint32_t>>{{5}, {}}));
  EXPECT_EQ(a->moves[1].second, (std::vector<std::vector<uint32_t>>{{}, {18}}));
  // Judged by its own evidence alone, the short sentence is no move.
  AlignerConfig alone;
  alone.move_neighbour_min_evidence = alone.move_min_evidence;
  auto b = Aligner(alone, resources_).Align({x, y});
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b->moves.size(), 2u) << Show(*b);
  EXPECT_EQ(b->moves[0].first, (std::vector<std::vector<uint32_t>>{{4}, {}}));
  EXPECT_EQ(b->moves[1].first, (std::vector<std::vector<uint32_t>>{{6}, {}}));
}

TEST_F(AlignerTest, AShortSentenceMovedAloneIsNoMove) {
  auto a = Aligner({}, resources_)
               .Align({Input(Lines(BlockWithShort('a', {})), Language::kEnglish),
                       Input(Lines(BlockWithShort('b', {5})), Language::kUrdu)});
  ASSERT_TRUE(a.ok());
  ExpectCover(*a, {20, 20});
  EXPECT_TRUE(a->moves.empty()) << Show(*a);
}

TEST_F(AlignerTest, ASentenceSharedWithANeighbourIsNoMove) {
  // y swaps two neighbouring sentences: a translator's reordering, within
  // move_min_beads, not a move.
  std::vector<std::string> x = MovedBlock('a', false), y = MovedBlock('b', false);
  std::swap(y[8], y[9]);
  Aligner aligner({}, resources_);
  auto a = aligner.Align({Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)});
  ASSERT_TRUE(a.ok());
  ExpectCover(*a, {20, 20});
  EXPECT_TRUE(a->moves.empty()) << Show(*a);
}

TEST_F(AlignerTest, ShuffledVersionsOfAnySizeKeepTheCoverAndValidMoves) {
  // Moves take sentences out of the path and put them back: whatever is
  // shuffled, and however small, every sentence stays in exactly one bead
  // and every move names sentences of the beads it links.
  std::mt19937 rng(11);
  size_t moves = 0;
  for (int round = 0; round < 150; ++round) {
    const int n = 1 + round % 9;
    std::vector<int> order(n);
    for (int k = 0; k < n; ++k) order[k] = k;
    std::shuffle(order.begin(), order.end(), rng);
    std::vector<std::string> x, y, z;
    for (int k = 0; k < n; ++k) {
      x.push_back(Sentence('a', k, 9));
      y.push_back(Sentence('b', order[k], 9));
      z.push_back(Sentence('c', order[(k + round) % n], 9));
    }
    std::vector<AlignInput> inputs = {Input(Lines(x), Language::kEnglish), Input(Lines(y), Language::kUrdu)};
    if (round % 2) inputs.push_back(Input(Lines(z), Language::kChinese));
    auto a = Aligner({}, resources_).Align(inputs);
    ASSERT_TRUE(a.ok());
    ExpectCover(*a, std::vector<size_t>(inputs.size(), static_cast<size_t>(n)));
    moves += a->moves.size();
    for (const Move& m : a->moves) {
      ASSERT_LT(m.first_bead, m.second_bead);
      ASSERT_LT(m.second_bead, a->beads.size());
      for (size_t v = 0; v < inputs.size(); ++v) {
        for (uint32_t s : m.first[v]) {
          EXPECT_GE(s, a->beads[m.first_bead].sides[v].begin);
          EXPECT_LT(s, a->beads[m.first_bead].sides[v].end);
        }
        for (uint32_t s : m.second[v]) {
          EXPECT_GE(s, a->beads[m.second_bead].sides[v].begin);
          EXPECT_LT(s, a->beads[m.second_bead].sides[v].end);
        }
      }
    }
  }
  EXPECT_GT(moves, 50u) << "the shuffles should give moves to check";
}

TEST(AlignerQualityTest, NonLiteraryDevSetStrictF1) {
  const std::filesystem::path eval = std::filesystem::path(TALIGN_SOURCE_DIR) / ".." / "shared" / "eval" /
                                     "nonlit-dev" / "aca";
  if (!std::filesystem::exists(eval / "gold" / "001")) GTEST_SKIP() << "no ../shared/eval";
  auto cedict = Dictionary::LoadCedict();
  if (!cedict.ok()) GTEST_SKIP() << "CC-CEDICT not set up";
  auto src = Document::Load((eval / "src" / "001").string());
  auto tgt = Document::Load((eval / "tgt" / "001").string());
  ASSERT_TRUE(src.ok() && tgt.ok());
  Aligner aligner({}, AlignResources{{*cedict}});
  auto a = aligner.Align({{*src, Language::kEnglish, SplitLines(*src), {}},
                          {*tgt, Language::kChinese, SplitLines(*tgt), {}}});
  ASSERT_TRUE(a.ok());
  using Key = std::pair<std::vector<uint32_t>, std::vector<uint32_t>>;
  std::set<Key> gold, pred;
  std::ifstream in(eval / "gold" / "001");
  for (std::string line; std::getline(in, line);) {
    Key k;
    auto parse = [](const std::string& s, std::vector<uint32_t>* out) {
      std::stringstream ss(s.substr(1, s.size() - 2));
      for (std::string t; std::getline(ss, t, ',');) out->push_back(static_cast<uint32_t>(std::stoul(t)));
    };
    size_t colon = line.find("]:[");
    parse(line.substr(0, colon + 1), &k.first);
    parse(line.substr(colon + 2), &k.second);
    gold.insert(k);
  }
  for (const Bead& b : a->beads) {
    Key k;
    for (uint32_t i = b.sides[0].begin; i < b.sides[0].end; ++i) k.first.push_back(i);
    for (uint32_t i = b.sides[1].begin; i < b.sides[1].end; ++i) k.second.push_back(i);
    pred.insert(k);
  }
  double hits = 0, gold_two = 0;
  for (const Key& k : pred) hits += gold.count(k);
  for (const Key& k : gold) gold_two += !k.first.empty() && !k.second.empty();
  double recall_hits = 0;
  for (const Key& k : gold)
    if (!k.first.empty() && !k.second.empty()) recall_hits += pred.count(k);
  const double p = hits / pred.size(), r = recall_hits / gold_two, f1 = 2 * p * r / (p + r);
  EXPECT_GE(f1, 0.97) << "strict F1 on aca";
}

}  // namespace
}  // namespace align
