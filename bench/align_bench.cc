// Aligner speed and memory on a synthetic Bible-size pair (the README's speed bar: a
// 30,000 × 42,000-sentence pair in under 1 s on one core and under 300 MB).
//
//   build/bench/align_bench --benchmark_counters_tabular=true
//
// The pair is generated: x sentences of random length over an artificial
// vocabulary; y is a "translation" through a fixed word mapping with noise,
// split and merged the way translators do (1-1, 1-2, 1-3, 2-1, 1-0, 0-1),
// so that lengths, ratios and co-occurrences behave like real bitext and
// the aligner runs its full two-pass procedure (length pass, learned
// lexicon, realignment). Peak RSS is the process's (getrusage), measured
// after the alignment.
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include <array>
#include <random>
#include <string>

#include "align/aligner.h"
#include "align/segment.h"

namespace {

struct Bitext {
  align::AlignInput x, y;
  std::vector<std::array<uint32_t, 4>> truth;  // x begin, x end, y begin, y end
};

std::string Word(const char* prefix, uint32_t id) {
  std::string w = prefix;
  for (uint32_t v = id + 7; v; v /= 11) w += static_cast<char>('a' + v % 11);
  return w;
}

Bitext MakeBitext(size_t n_x, uint32_t seed) {
  std::mt19937 rng(seed);
  const uint32_t vocab = 20000;
  // Zipf-like word choice: frequent words are short and common.
  std::vector<double> weights(vocab);
  for (uint32_t k = 0; k < vocab; ++k) weights[k] = 1.0 / (k + 10);
  std::discrete_distribution<uint32_t> pick(weights.begin(), weights.end());
  std::uniform_real_distribution<double> u(0, 1);
  std::geometric_distribution<int> extra(0.12);
  std::string xs, ys;
  std::vector<std::array<uint32_t, 4>> truth;
  uint32_t xn = 0, yn = 0;
  auto bead = [&](uint32_t a, uint32_t b) {
    truth.push_back({xn, xn + a, yn, yn + b});
    xn += a;
    yn += b;
  };
  auto sentence = [&]() {
    std::vector<uint32_t> s(3 + extra(rng));
    for (uint32_t& w : s) w = pick(rng);
    return s;
  };
  auto write = [&](std::string& out, const std::vector<uint32_t>& words, const char* prefix,
                   bool translate) {
    for (size_t k = 0; k < words.size(); ++k) {
      if (translate && u(rng) < 0.15) continue;  // words the translation drops
      // A one-to-one word mapping that keeps word lengths alike.
      out += Word(prefix, translate ? (words[k] ^ 1u) : words[k]);
      out += k + 1 < words.size() ? ' ' : '.';
    }
    if (translate && u(rng) < 0.2) out += " " + Word(prefix, pick(rng));  // and adds
    out += '\n';
  };
  for (size_t i = 0; i < n_x;) {
    double r = u(rng);
    std::vector<uint32_t> s = sentence();
    if (r < 0.01) { write(xs, s, "x", false); ++i; bead(1, 0); continue; }    // 1-0
    if (r < 0.02) { write(ys, sentence(), "y", true); bead(0, 1); continue; } // 0-1
    if (r < 0.06 && i + 1 < n_x) {                                              // 2-1
      std::vector<uint32_t> t = sentence();
      write(xs, s, "x", false);
      write(xs, t, "x", false);
      s.insert(s.end(), t.begin(), t.end());
      write(ys, s, "y", true);
      i += 2;
      bead(2, 1);
      continue;
    }
    write(xs, s, "x", false);
    ++i;
    int parts = r < 0.60 ? 1 : r < 0.92 ? 2 : 3;                                // 1-1, 1-2, 1-3
    size_t per = std::max<size_t>(1, s.size() / parts);
    uint32_t written = 0;
    for (int p = 0; p < parts; ++p) {
      size_t b = p * per, e = p + 1 == parts ? s.size() : std::min(s.size(), (p + 1) * per);
      if (b >= e) break;
      write(ys, std::vector<uint32_t>(s.begin() + b, s.begin() + e), "y", true);
      ++written;
    }
    bead(1, written);
  }
  auto dx = align::Document::FromString("x", std::move(xs));
  auto dy = align::Document::FromString("y", std::move(ys));
  return Bitext{{*dx, align::Language::kEnglish, align::SplitLines(*dx), {}},
                {*dy, align::Language::kUrdu, align::SplitLines(*dy), {}},
                std::move(truth)};
}

void BM_AlignBibleSize(benchmark::State& state) {
  const Bitext t = MakeBitext(static_cast<size_t>(state.range(0)), 1);
  align::Aligner aligner(align::AlignerConfig{}, align::AlignResources{});
  size_t beads = 0;
  for (auto _ : state) {
    auto r = aligner.Align({t.x, t.y});
    beads = r.ok() ? r->beads.size() : 0;
    benchmark::DoNotOptimize(beads);
  }
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  state.counters["x_sentences"] = static_cast<double>(t.x.sentences.size());
  state.counters["y_sentences"] = static_cast<double>(t.y.sentences.size());
  state.counters["beads"] = static_cast<double>(beads);
  state.counters["peak_rss_MB"] = static_cast<double>(ru.ru_maxrss) / 1024.0;
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(t.x.document.bytes().size() + t.y.document.bytes().size()));
}
BENCHMARK(BM_AlignBibleSize)->Arg(30000)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
