// The whole check on short inputs, as RunCheck runs it but from memory: the
// input is a mode byte, then up to three documents separated by form feeds.
// Mode bits: 0-1 the versions (en/zh/ur, en/zh, en/ur, zh/ur), 2-3 the
// source version (none, 1st, 2nd, 3rd), 4 --presegmented. The termbase,
// the matcher, the segmenters and the setup dictionaries are loaded once.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "align/aligner.h"
#include "align/check.h"
#include "align/match.h"
#include "align/pipeline.h"
#include "align/report.h"
#include "align/segment.h"
#include "fuzz_util.h"
#include "pipeline_internal.h"

namespace {

struct Loaded {
  std::shared_ptr<const align::TermMatcher> matcher;
  align::SegmenterCache segmenters;
  align::internal::SetupDictionaries dictionaries;
};

Loaded& Resources() {
  static Loaded* loaded = [] {
    auto* l = new Loaded;
    auto lexicon = align::internal::LoadLexicons({});
    FUZZ_CHECK(lexicon.ok(), "%s", lexicon.status().message().c_str());
    auto matcher = align::TermMatcher::Create(*lexicon);
    FUZZ_CHECK(matcher.ok(), "%s", matcher.status().message().c_str());
    l->matcher = *matcher;
    auto dictionaries = align::internal::LoadSetupDictionaries(true, true);
    FUZZ_CHECK(dictionaries.ok(), "%s", dictionaries.status().message().c_str());
    l->dictionaries = *dictionaries;
    return l;
  }();
  return *loaded;
}

void CheckAlignment(const align::AlignResult& r) {
  const size_t n = r.versions.size();
  std::vector<uint32_t> next(n, 0);
  for (size_t b = 0; b < r.alignment.beads.size(); ++b) {
    const align::Bead& bead = r.alignment.beads[b];
    FUZZ_CHECK(bead.sides.size() == n, "bead %zu has %zu sides", b, bead.sides.size());
    FUZZ_CHECK(bead.score >= 0 && bead.score <= 1, "bead %zu scores %g", b, bead.score);
    bool any = false;
    for (size_t v = 0; v < n; ++v) {
      FUZZ_CHECK(bead.sides[v].begin == next[v] && bead.sides[v].end >= bead.sides[v].begin,
                 "bead %zu side %zu is [%u, %u), expected to start at %u", b, v, bead.sides[v].begin,
                 bead.sides[v].end, next[v]);
      next[v] = bead.sides[v].end;
      any |= !bead.sides[v].empty();
    }
    FUZZ_CHECK(any, "bead %zu is empty", b);
  }
  for (size_t v = 0; v < n; ++v) {
    FUZZ_CHECK(next[v] == r.versions[v].sentences.size(), "the beads cover %u of %zu sentences of version %zu",
               next[v], r.versions[v].sentences.size(), v);
  }
}

void CheckFindings(const align::AlignResult& r, const std::vector<align::Finding>& findings) {
  size_t previous_bead = 0;
  for (size_t i = 0; i < findings.size(); ++i) {
    const align::Finding& f = findings[i];
    FUZZ_CHECK(f.bead < r.alignment.beads.size() && f.bead >= previous_bead, "finding %zu in bead %zu (after %zu)", i,
               f.bead, previous_bead);
    FUZZ_CHECK(f.version < r.versions.size(), "finding %zu blames version %zu", i, f.version);
    FUZZ_CHECK(!f.message.empty(), "finding %zu has no message", i);
    for (const align::FindingPlace& p : f.places) {
      FUZZ_CHECK(p.version < r.versions.size(), "finding %zu places version %zu", i, p.version);
      const align::SentenceRange side = r.alignment.beads[f.bead].sides[p.version];
      for (uint32_t s : p.sentences) {
        FUZZ_CHECK(s >= side.begin && s < side.end, "finding %zu names sentence %u outside its bead", i, s);
      }
      for (const align::Span span : p.spans) {
        FUZZ_CHECK(span.begin <= span.end && span.end <= r.versions[p.version].document.bytes().size(),
                   "finding %zu span [%zu, %zu) outside version %zu", i, span.begin, span.end, p.version);
      }
    }
    previous_bead = f.bead;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  Resources();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  using align::Language;
  static const std::vector<std::vector<Language>> kPairs = {{Language::kEnglish, Language::kChinese, Language::kUrdu},
                                                            {Language::kEnglish, Language::kChinese},
                                                            {Language::kEnglish, Language::kUrdu},
                                                            {Language::kChinese, Language::kUrdu}};
  const uint8_t mode = data[0];
  const std::vector<Language>& languages = kPairs[mode & 3];
  const int source = static_cast<int>((mode >> 2) & 3) - 1;
  const bool presegmented = mode & 16;
  const std::vector<std::string> parts = fuzz::SplitParts(fuzz::AsText(data + 1, size - 1), languages.size());

  Loaded& loaded = Resources();
  align::AlignResult result;
  result.job.presegmented = presegmented;
  result.job.source_version = source < static_cast<int>(languages.size()) ? source : -1;
  for (size_t v = 0; v < languages.size(); ++v) {
    const std::string code(align::LanguageCode(languages[v]));
    auto doc = align::Document::FromString("fuzz." + code + ".txt", parts[v]);
    if (!doc.ok()) return 0;
    align::AlignInput input{std::move(*doc), languages[v], {}, {}};
    if (presegmented) {
      input.sentences = align::SplitLines(input.document);
    } else {
      auto segmenter = loaded.segmenters.Get(languages[v]);
      FUZZ_CHECK(segmenter.ok(), "%s", segmenter.status().message().c_str());
      input.sentences = (*segmenter)->Split(input.document);
    }
    result.job.inputs.push_back(input.document.name());
    result.job.language_tags.push_back(code);
    result.language_tags.push_back(code);
    result.versions.push_back(std::move(input));
  }

  const std::vector<std::vector<align::TermHit>> hits = align::internal::MatchAnchors(*loaded.matcher, result);
  align::AlignResources resources;
  align::internal::AddSetupDictionaries(loaded.dictionaries, result, &resources, &result.dictionaries);
  const align::Aligner aligner(result.job.aligner, std::move(resources));
  auto alignment = aligner.Align(result.versions);
  FUZZ_CHECK(alignment.ok(), "Align failed: %s", alignment.status().message().c_str());
  result.alignment = std::move(*alignment);
  CheckAlignment(result);

  align::CheckConfig config;
  config.source_version = result.job.source_version;
  auto findings = align::Check(result, hits, *loaded.matcher, config);
  FUZZ_CHECK(findings.ok(), "Check failed: %s", findings.status().message().c_str());
  CheckFindings(result, *findings);

  // Every report of what was found; they refuse findings that point outside.
  fuzz::NullBuffer null;
  std::ostream out(&null);
  const align::FindingsReport report{&result, &hits, &loaded.matcher->lexicon(), &*findings};
  for (auto format : {align::FindingsFormat::kText, align::FindingsFormat::kJson, align::FindingsFormat::kTsv,
                      align::FindingsFormat::kHtml}) {
    const align::Status written = align::WriteFindings(report, format, align::ReportOptions{}, out);
    FUZZ_CHECK(written.ok(), "the %s report failed: %s", std::string(align::FindingsFormatName(format)).c_str(),
               written.message().c_str());
  }
  for (auto format : {align::AlignFormat::kBeads, align::AlignFormat::kJsonl, align::AlignFormat::kTsv,
                      align::AlignFormat::kTmx, align::AlignFormat::kLadder}) {
    const align::Status written = align::WriteAlignment(result, format, out);
    FUZZ_CHECK(written.ok(), "the %s alignment failed: %s", std::string(align::AlignFormatName(format)).c_str(),
               written.message().c_str());
  }
  return 0;
}
