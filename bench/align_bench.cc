// Aligner speed and memory at Bible size (the README's speed bar: a
// 30,000 × 42,000-sentence pair in under 1 s on one core and under 300 MB),
// on two inputs:
//
//   build/bench/align_bench --benchmark_counters_tabular=true
//
// BM_AlignBibleSize: a generated pair. x sentences of random length over an
// artificial vocabulary; y is a "translation" through a fixed word mapping
// with noise, split and merged the way translators do (1-1, 1-2, 1-3, 2-1,
// 1-0, 0-1), so that lengths, ratios and co-occurrences behave like real
// bitext and the aligner runs its full two-pass procedure (length pass,
// learned lexicon, realignment).
//
// BM_AlignQuranRepeated: real text, the sentence-split English and Chinese
// Quran of tools/build-long-eval.py (quran-sent/en.txt, zh.txt, one sentence
// per line) repeated to 30,000 English sentences or more, aligned with
// CC-CEDICT when it is set up, as `talign align --presegmented` does. The
// directory is $TALIGN_QURAN_SENT, else out/long-eval/quran-sent of the
// source tree; without it the case is skipped with a message (fetch and build
// it with tools/fetch-quran.sh and tools/build-long-eval.py). Synthetic text
// has short sentences and a uniform vocabulary, so it runs much faster than
// real text: the real case is the one the bar is about.
//
// Both report the time of each phase of the aligner (ms per alignment,
// AlignTimings) and the process's peak RSS (getrusage, after the alignment;
// run one case at a time with --benchmark_filter for the peak of each).
// $TALIGN_BENCH_CONFIG names a settings file (`talign config` JSON) for
// both cases, to measure what a phase costs by turning it off.
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>
#include <string>

#include "align/aligner.h"
#include "align/config.h"
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

// The phase times (ms per alignment), the sizes and the peak RSS as counters.
void Report(benchmark::State& state, const align::AlignInput& x, const align::AlignInput& y,
            const align::AlignTimings& timings, size_t beads) {
  const double runs = static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
  for (const auto& [phase, seconds] : timings.phases) {
    std::string name = phase + "_ms";
    std::replace(name.begin(), name.end(), ' ', '_');
    state.counters[name] = 1000 * seconds / runs;
  }
  state.counters["phases_ms"] = 1000 * timings.total() / runs;
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  state.counters["x_sentences"] = static_cast<double>(x.sentences.size());
  state.counters["y_sentences"] = static_cast<double>(y.sentences.size());
  state.counters["beads"] = static_cast<double>(beads);
  state.counters["peak_rss_MB"] = static_cast<double>(ru.ru_maxrss) / 1024.0;
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(x.document.bytes().size() + y.document.bytes().size()));
}

void Run(benchmark::State& state, const align::Aligner& aligner, const align::AlignInput& x,
         const align::AlignInput& y) {
  align::AlignTimings timings;
  size_t beads = 0;
  for (auto _ : state) {
    auto r = aligner.Align({x, y}, &timings);
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
      return;
    }
    beads = r->beads.size();
    benchmark::DoNotOptimize(beads);
  }
  Report(state, x, y, timings, beads);
}

// The settings of $TALIGN_BENCH_CONFIG, or the defaults; main() has read
// the file (an error there stops the bench before it runs).
align::AlignerConfig& BenchConfig() {
  static align::AlignerConfig config;
  return config;
}

void BM_AlignBibleSize(benchmark::State& state) {
  const Bitext t = MakeBitext(static_cast<size_t>(state.range(0)), 1);
  align::Aligner aligner(BenchConfig(), align::AlignResources{});
  Run(state, aligner, t.x, t.y);
}
BENCHMARK(BM_AlignBibleSize)->Arg(30000)->Unit(benchmark::kMillisecond)->Iterations(3);

std::string QuranDir() {
  const char* env = std::getenv("TALIGN_QURAN_SENT");
  return env && *env ? env : TALIGN_SOURCE_DIR "/out/long-eval/quran-sent";
}

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
}

// One presegmented version: |text| (one sentence per line) |times| over.
align::AlignInput Repeated(const std::string& name, const std::string& text, size_t times,
                           align::Language language) {
  std::string all;
  all.reserve(text.size() * times);
  for (size_t k = 0; k < times; ++k) all += text;
  auto doc = align::Document::FromString(name, std::move(all));
  return {*doc, language, align::SplitLines(*doc), {}};
}

struct RealText {
  align::AlignInput x, y;
  std::string dictionary;  // what the aligner was given
};

void BM_AlignQuranRepeated(benchmark::State& state, const RealText* t,
                           const std::shared_ptr<const align::Dictionary>* cedict) {
  align::AlignResources resources;
  if (*cedict) resources.dictionaries.push_back(*cedict);
  align::Aligner aligner(BenchConfig(), resources);
  state.SetLabel(t->dictionary);
  Run(state, aligner, t->x, t->y);
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  if (const char* path = std::getenv("TALIGN_BENCH_CONFIG"); path && *path) {
    align::CheckConfig unused;
    if (auto s = align::LoadConfigFile(path, &BenchConfig(), &unused); !s.ok()) {
      std::fprintf(stderr, "align_bench: %s\n", s.message().c_str());
      return 2;
    }
  }
  // Loaded before the benchmarks run, so that neither reading the files nor
  // CC-CEDICT counts in the alignment time (its memory does count in the peak).
  const std::string dir = QuranDir();
  std::string en, zh;
  static std::unique_ptr<RealText> real;
  static std::shared_ptr<const align::Dictionary> cedict;
  if (ReadFile(dir + "/en.txt", &en) && ReadFile(dir + "/zh.txt", &zh) && !en.empty()) {
    const size_t lines = static_cast<size_t>(std::count(en.begin(), en.end(), '\n'));
    const size_t times = (30000 + lines - 1) / std::max<size_t>(lines, 1);
    std::string dictionary = "no dictionary (CC-CEDICT not set up)";
    if (auto d = align::Dictionary::LoadCedict(); d.ok()) {
      cedict = *d;
      dictionary = "CC-CEDICT";
    }
    real = std::make_unique<RealText>(RealText{Repeated("quran.en", en, times, align::Language::kEnglish),
                                               Repeated("quran.zh", zh, times, align::Language::kChinese),
                                               dictionary});
    benchmark::RegisterBenchmark("BM_AlignQuranRepeated", BM_AlignQuranRepeated, real.get(), &cedict)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(3);
  } else {
    std::fprintf(stderr,
                 "align_bench: real-text case skipped: no %s/en.txt and zh.txt (run "
                 "tools/fetch-quran.sh, then tools/build-long-eval.py, or set TALIGN_QURAN_SENT)\n",
                 dir.c_str());
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
