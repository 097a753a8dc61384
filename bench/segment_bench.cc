// Segmentation throughput per language (MB/s per core), on generated text:
// sentences assembled at random from our own fragments of the diplomatic
// register, with abbreviations, numbers, quotes, lists, headings and
// hard-wrapped paragraphs, so that every rule of the pass is exercised.
//
//   build/bench/segment_bench --benchmark_counters_tabular=true
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "align/segment.h"

namespace {

struct Fragments {
  std::vector<std::string> openings, middles, endings, headings, markers;
  std::string space;  // between sentences
  bool wrap = false;  // hard-wrap paragraphs at 72 columns
};

Fragments English() {
  return {{"Mr. Li said", "The U.S. delegation noted", "Dr. J. K. Smith stressed", "On Nov. 27 the sides agreed",
           "Chinese President Xi Jinping said", "The spokesperson, e.g. at the briefing, said",
           "According to No. 10 Downing Street,", "At 3 p.m. the ministers confirmed"},
          {" that trade grew by 3.5 percent", " that CPEC 2.0 would proceed", " that cooperation, investment, etc.",
           " that \"mutual trust is the foundation\"", " that the U.N. Security Council must act",
           " that the all-weather partnership (since 1951) endures", " that talks would go on..."},
          {".", "!", "?", ".\"", ".)", "…"},
          {"Joint Press Statement", "BEIJING, Nov. 27 (Xinhua) --", "Ministry of Foreign Affairs"},
          {"1. ", "(2) ", "a) ", "• "},
          " ",
          true};
}

Fragments Chinese() {
  return {{"国家主席习近平指出", "外交部发言人表示", "双方一致认为", "据U.S. News报道", "《人民日报》评论说",
           "中巴经济走廊2.0版本", "他发表题为“中国为什么能？”的讲话说"},
          {"，双边贸易额增长3.5%", "，要深化全天候战略合作伙伴关系", "，“一带一路”合作成果丰硕",
           "，《你好！中国》广受欢迎", "，双方将加强战略沟通……", "，联合国（U.N.）应发挥作用"},
          {"。", "！", "？", "。”", "）。"},
          {"习近平会见巴基斯坦总理", "新华社北京11月27日电", "外交部"},
          {"一、", "（二）", "1.", "①"},
          "",
          false};
}

Fragments Urdu() {
  return {{"وزیر اعظم نے کہا", "دفتر خارجہ کی ترجمان نے کہا", "U.S. کے نمائندے نے بتایا", "صدر شی جن پنگ نے کہا",
           "دونوں فریقوں نے اتفاق کیا", "ڈاکٹر J. K. Smith نے کہا"},
          {" کہ تجارت میں 3.5 فیصد اضافہ ہوا", " کہ سی پیک 2.0 پر کام جاری ہے", " کہ ”پاک چین دوستی زندہ باد!“ کے نعرے لگے",
           " کہ ۲۰۲۶ میں تعاون بڑھے گا", " کہ اقوام متحدہ (U.N.) کا کردار اہم ہے"},
          {"۔", "؟", ".", "۔“", "!"},
          {"وزیر اعظم کی چینی صدر سے ملاقات", "اسلام آباد، 27 نومبر (اے پی پی)", "وزارت خارجہ"},
          {"۱۔ ", "١۔ ", "(2) ", "• "},
          " ",
          false};
}

std::string Generate(const Fragments& f, size_t bytes) {
  std::mt19937 rng(2026);
  auto pick = [&](const std::vector<std::string>& v) -> const std::string& { return v[rng() % v.size()]; };
  std::string out;
  while (out.size() < bytes) {
    out += pick(f.headings);
    out += '\n';
    const int kind = static_cast<int>(rng() % 4);
    std::string para;
    const int sentences = 2 + static_cast<int>(rng() % 6);
    for (int i = 0; i < sentences; ++i) {
      if (kind == 0) para += pick(f.markers);
      para += pick(f.openings);
      para += pick(f.middles);
      para += pick(f.endings);
      para += kind == 0 ? "\n" : f.space;
    }
    if (f.wrap && kind == 1) {
      // Hard-wrap at the last space before column 72.
      size_t line_start = 0;
      for (size_t i = 0; i < para.size(); ++i) {
        if (i - line_start >= 72) {
          size_t sp = para.rfind(' ', i);
          if (sp != std::string::npos && sp > line_start) {
            para[sp] = '\n';
            line_start = sp + 1;
          }
        }
      }
    }
    out += para;
    out += "\n\n";
  }
  return out;
}

void Run(benchmark::State& state, align::Language lang, const Fragments& f) {
  auto seg = align::Segmenter::Create(lang);
  if (!seg.ok()) {
    state.SkipWithError(seg.status().message().c_str());
    return;
  }
  auto doc = align::Document::FromString("bench", Generate(f, 4 << 20));
  if (!doc.ok()) {
    state.SkipWithError(doc.status().message().c_str());
    return;
  }
  size_t sentences = 0;
  for (auto _ : state) {
    auto out = (*seg)->Split(*doc);
    sentences = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc->bytes().size()));
  state.counters["sentences"] = static_cast<double>(sentences);
}

void BM_SegmentEnglish(benchmark::State& state) { Run(state, align::Language::kEnglish, English()); }
void BM_SegmentChinese(benchmark::State& state) { Run(state, align::Language::kChinese, Chinese()); }
void BM_SegmentUrdu(benchmark::State& state) { Run(state, align::Language::kUrdu, Urdu()); }

BENCHMARK(BM_SegmentEnglish)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SegmentChinese)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SegmentUrdu)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
