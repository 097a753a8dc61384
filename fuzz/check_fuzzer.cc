// The whole check on short inputs: RunCheck on documents in memory, with one
// Session. The input is a mode byte, then up to three documents separated by
// form feeds.
// Mode bits: 0-1 the versions (en/zh/ur, en/zh, en/ur, zh/ur), 2-3 the
// source version (none, 1st, 2nd, 3rd), 4 --presegmented. The session (the
// termbase, its matcher, the segmenters, the setup dictionaries) is made once.
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
#include "align/session.h"
#include "fuzz_util.h"

namespace {

const align::Session& Resources() {
  static const std::shared_ptr<const align::Session> session = [] {
    align::SessionConfig config;
    config.preload_setup_dictionaries = true;
    auto created = align::Session::Create(config);
    FUZZ_CHECK(created.ok(), "%s", created.status().message().c_str());
    return *created;
  }();
  return *session;
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

  const align::Session& session = Resources();
  align::CheckJob job;
  job.align.presegmented = presegmented;
  for (size_t v = 0; v < languages.size(); ++v) {
    const std::string code(align::LanguageCode(languages[v]));
    auto doc = align::Document::FromString("fuzz." + code + ".txt", parts[v]);
    if (!doc.ok()) return 0;
    job.align.documents.push_back(std::move(*doc));
    job.align.language_tags.push_back(code);
  }
  if (source >= 0 && source < static_cast<int>(languages.size())) {
    job.align.source_language = std::string(align::LanguageCode(languages[source]));
  }
  auto checked = align::RunCheck(job, session);
  FUZZ_CHECK(checked.ok(), "RunCheck failed: %s", checked.status().message().c_str());
  const align::AlignResult& result = checked->align;
  const std::vector<std::vector<align::TermHit>>& hits = checked->hits;
  CheckAlignment(result);
  CheckFindings(result, checked->findings);

  // Every report of what was found; they refuse findings that point outside.
  fuzz::NullBuffer null;
  std::ostream out(&null);
  const align::FindingsReport report{&result, &hits, &session.matcher()->lexicon(), &checked->findings};
  // Every format of the registries, so that a new one is fuzzed too.
  for (const align::FindingsFormatInfo& info : align::FindingsFormats()) {
    const align::FindingsFormat format = info.format;
    const align::Status written = align::WriteFindings(report, format, align::ReportOptions{}, out);
    FUZZ_CHECK(written.ok(), "the %s report failed: %s", std::string(align::FindingsFormatName(format)).c_str(),
               written.message().c_str());
  }
  for (const align::AlignFormatInfo& info : align::AlignFormats()) {
    const align::AlignFormat format = info.format;
    const align::Status written = align::WriteAlignment(result, format, out);
    FUZZ_CHECK(written.ok(), "the %s alignment failed: %s", std::string(align::AlignFormatName(format)).c_str(),
               written.message().c_str());
  }
  return 0;
}
