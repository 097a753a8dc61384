// The fast aligner (coarse-to-fine corridor, banded DP, widening) against a
// brute-force reference written here: a full DP over every node with the
// same bead costs. On thousands of small random bitexts both must reach the
// same optimum. Learning is off ("cost-only" configuration) so that both
// minimise one fixed objective; the band is made narrow so that the
// corridor, its re-centring and its widening are what is being tested.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <string>

#include "align/aligner.h"
#include "align/segment.h"
#include "aligner_model.h"
#include "aligner_pair.h"

namespace align {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr int kCases = 300;
#else
constexpr int kCases = 3000;
#endif

struct Reference {
  double total;
  std::vector<internal::PathBead> beads;
};

// Full DP over all (n+1)(m+1) nodes; ties go to the first bead type in
// BeadTypes order, as in the fast DP.
Reference BruteForce(const internal::PairModel& model, const AlignerConfig& config) {
  const size_t n = model.n(), m = model.m();
  std::vector<internal::Cell> cells(n * m);
  for (uint32_t i = 0; i < n; ++i)
    for (uint32_t j = 0; j < m; ++j) cells[i * m + j] = model.ComputeCell(i, j);
  auto cell = [&](uint32_t i, uint32_t j) { return cells[i * m + j]; };
  const auto types = internal::BeadTypes(config.max_bead_side);
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> best((n + 1) * (m + 1), inf);
  std::vector<int> back((n + 1) * (m + 1), -1);
  best[0] = 0;
  for (size_t i = 0; i <= n; ++i)
    for (size_t j = 0; j <= m; ++j) {
      double& here = best[i * (m + 1) + j];
      for (size_t t = 0; t < types.size(); ++t) {
        const uint32_t a = types[t].a, b = types[t].b;
        if (a > i || b > j) continue;
        const double prev = best[(i - a) * (m + 1) + (j - b)];
        if (prev == inf) continue;
        const double total =
            prev + model.BeadCost(static_cast<uint32_t>(i - a), a, static_cast<uint32_t>(j - b), b, cell);
        if (total < here) { here = total; back[i * (m + 1) + j] = static_cast<int>(t); }
      }
    }
  Reference r{best[n * (m + 1) + m], {}};
  for (size_t i = n, j = m; i > 0 || j > 0;) {
    const auto t = types[back[i * (m + 1) + j]];
    r.beads.push_back({static_cast<uint32_t>(i - t.a), t.a, static_cast<uint32_t>(j - t.b), t.b, 0});
    i -= t.a;
    j -= t.b;
  }
  std::reverse(r.beads.begin(), r.beads.end());
  return r;
}

// A random bitext: x sentences over words a0..a59 with numbers and
// punctuation; y made of their translations b0..b59 (the dictionary below),
// with words dropped and added, sentences split, merged, dropped and added.
struct Bitext {
  std::string x, y;
  std::vector<size_t> x_par, y_par;
};

Bitext RandomBitext(std::mt19937& rng) {
  std::uniform_int_distribution<int> len(1, 12), word(0, 59), pct(0, 99), nsent(0, 28);
  Bitext t;
  const int n = nsent(rng);
  const bool paragraphs = pct(rng) < 40;
  size_t px = 0, py = 0;
  for (int i = 0; i < n; ++i) {
    std::vector<int> words(len(rng));
    for (int& w : words) w = word(rng);
    std::string number = pct(rng) < 15 ? std::to_string(pct(rng) * 37) : "";
    const char* end = pct(rng) < 10 ? "?" : pct(rng) < 10 ? "!" : ".";
    auto render = [&](char prefix, size_t b, size_t e, bool noisy) {
      std::string s;
      for (size_t k = b; k < e; ++k) {
        if (noisy && pct(rng) < 20) continue;
        s += prefix + std::to_string(words[k]) + " ";
      }
      if (noisy && pct(rng) < 30) s += std::string(1, prefix) + std::to_string(word(rng)) + " ";
      if (!number.empty() && b == 0) s += number + " ";
      return s + end + "\n";
    };
    const int op = pct(rng);
    if (paragraphs && pct(rng) < 25) { ++px; ++py; }
    if (op < 4) { t.x += render('a', 0, words.size(), false); t.x_par.push_back(px); continue; }
    if (op < 8) { t.y += render('b', 0, words.size(), true); t.y_par.push_back(py); continue; }
    t.x += render('a', 0, words.size(), false);
    t.x_par.push_back(px);
    const int parts = op < 65 ? 1 : op < 90 ? 2 : 3;
    const size_t per = std::max<size_t>(1, words.size() / parts);
    for (int p = 0; p < parts; ++p) {
      size_t b = p * per, e = p + 1 == parts ? words.size() : std::min(words.size(), (p + 1) * per);
      if (b >= e) break;
      t.y += render('b', b, e, true);
      t.y_par.push_back(py);
    }
  }
  return t;
}

AlignInput MakeInput(const std::string& name, const std::string& text, Language lang,
                     const std::vector<size_t>& paragraphs) {
  auto doc = Document::FromString(name, text);
  AlignInput in{*doc, lang, SplitLines(*doc), {}};
  for (size_t k = 0; k < in.sentences.size() && k < paragraphs.size(); ++k)
    in.sentences[k].paragraph = paragraphs[k];
  return in;
}

TEST(AlignerReferenceTest, FastAlignerFindsTheBruteForceOptimum) {
  const auto dir = std::filesystem::temp_directory_path() / ("talign-ref-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string dict_path = (dir / "ab.tsv").string();
  {
    std::ofstream out(dict_path);
    for (int k = 0; k < 60; ++k) out << 'a' << k << "\tb" << k << "\n";
  }
  auto dict = Dictionary::Load(dict_path, Language::kEnglish, Language::kUrdu);
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(dict.ok()) << dict.status().message();

  std::mt19937 rng(20260101);
  int same_path = 0, checked = 0, optimal_count = 0;
  double excess = 0;
  for (int c = 0; c < kCases; ++c) {
    const Bitext t = RandomBitext(rng);
    AlignerConfig config;
    config.learn_lexicon = false;
    config.band_width = 2 + c % 3;  // narrow: the corridor must move and widen
    config.max_band_rounds = 64;
    config.move_max_beads = 0;  // moves realign after the DP: its optimality is checked here
    const bool with_dict = c % 4 != 0;
    auto fx = internal::ExtractFeatures(MakeInput("x", t.x, Language::kEnglish, t.x_par));
    auto fy = internal::ExtractFeatures(MakeInput("y", t.y, Language::kUrdu, t.y_par));
    const Dictionary* d = with_dict ? dict->get() : nullptr;
    const internal::PairAlignment fast = internal::AlignPair(fx, fy, d, config);
    const internal::PairModel model(fx, fy, d, config);
    const Reference ref = BruteForce(model, config);
    // Cells of a row against any list of columns (the moves' search) equal
    // the reference cells, float for float.
    std::vector<uint32_t> columns;
    for (uint32_t k = 0; k < model.m(); ++k) columns.push_back(static_cast<uint32_t>(model.m() - 1 - k));
    std::vector<internal::Cell> listed(columns.size());
    std::vector<uint64_t> marks;
    for (uint32_t row = 0; row < model.n(); ++row) {
      model.ComputeCells(row, columns, listed.data(), &marks);
      for (size_t k = 0; k < columns.size(); ++k) {
        ASSERT_EQ(listed[k].ms, model.ComputeCell(row, columns[k]).ms) << "case " << c;
        ASSERT_EQ(listed[k].mt, model.ComputeCell(row, columns[k]).mt) << "case " << c;
      }
    }

    // The fast path is a valid cover of both texts...
    uint32_t i = 0, j = 0;
    double path_cost = 0;
    auto cell = [&](uint32_t a, uint32_t b) { return model.ComputeCell(a, b); };
    for (const auto& b : fast.beads) {
      ASSERT_EQ(b.i0, i);
      ASSERT_EQ(b.j0, j);
      path_cost += model.BeadCost(b.i0, b.a, b.j0, b.b, cell);
      i += b.a;
      j += b.b;
    }
    ASSERT_EQ(i, model.n());
    ASSERT_EQ(j, model.m());
    ++checked;
    // ...whose cost is never below the optimum (a sanity check of both
    // DPs), and equal to it but for rare cases where the optimum leaves the
    // corridor without the banded path ever touching the band's edge.
    ASSERT_NEAR(path_cost, fast.total_cost, 1e-9 * (1 + fast.total_cost)) << "case " << c;
    ASSERT_GE(fast.total_cost, ref.total - 1e-9 * (1 + ref.total)) << "case " << c;
    const bool optimal = fast.total_cost <= ref.total + 1e-9 * (1 + ref.total);
    optimal_count += optimal;
    excess += (fast.total_cost - ref.total) / (1 + ref.total);
    if (!optimal) continue;
    bool same = fast.beads.size() == ref.beads.size();
    for (size_t k = 0; same && k < ref.beads.size(); ++k)
      same = fast.beads[k].i0 == ref.beads[k].i0 && fast.beads[k].a == ref.beads[k].a &&
             fast.beads[k].b == ref.beads[k].b;
    same_path += same;
  }
  // At most 1 case in 200 misses the optimum (with bands far narrower than
  // the default), and then by little on average; equal costs with different
  // paths are exact ties, and rare.
  EXPECT_GE(optimal_count * 200, checked * 199) << optimal_count << " of " << checked;
  EXPECT_LT(excess / checked, 1e-3);
  EXPECT_GE(same_path * 100, optimal_count * 99) << same_path << " of " << optimal_count;
  std::printf("optimal %d of %d, same path %d, mean relative excess %.2g\n", optimal_count, checked,
              same_path, excess / checked);
}

}  // namespace
}  // namespace align
