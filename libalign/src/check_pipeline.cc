// RunCheck (pipeline.h): read and segment (PrepareAlign), match terms in
// every version, give the aligner the concepts as anchors, align, check.
#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "align/check.h"
#include "align/dictionary.h"
#include "align/pipeline.h"
#include "pipeline_internal.h"

namespace align {
using internal::LoadDictionaries;
using internal::LoadLexicons;

namespace {

StatusOr<CheckResult> RunCheckUnguarded(const CheckJob& job) {
  AlignJob align_job = job.align;
  align_job.lexicon_paths = job.lexicon_paths;
  if (job.config.source_version >= 0) align_job.source_version = job.config.source_version;
  auto lexicon = LoadLexicons(job.lexicon_paths);
  if (!lexicon.ok()) return lexicon.status();
  auto matcher = TermMatcher::Create(*lexicon);
  if (!matcher.ok()) return matcher.status();

  auto prepared = PrepareAlign(align_job);
  if (!prepared.ok()) return prepared.status();
  CheckResult result;
  result.align = std::move(*prepared);
  CheckConfig config = job.config;
  if (!job.source_language.empty()) {
    std::optional<Language> wanted = ParseLanguage(job.source_language);
    config.source_version = -1;
    for (size_t v = 0; wanted && v < result.align.versions.size(); ++v) {
      if (result.align.versions[v].language == *wanted) config.source_version = static_cast<int>(v);
    }
    if (config.source_version < 0) {
      return InvalidArgument(fmt::format("--source {}: no version is in that language", job.source_language));
    }
    result.align.job.source_version = config.source_version;
  }
  result.lexicon = *lexicon;
  result.warnings = (*matcher)->warnings();
  result.hits = internal::MatchAnchors(**matcher, result.align);
  auto resources = LoadDictionaries(align_job, result.align);
  if (!resources.ok()) return resources.status();
  Aligner aligner(align_job.aligner, std::move(*resources));
  auto alignment = aligner.Align(result.align.versions);
  if (!alignment.ok()) return alignment.status();
  result.align.alignment = std::move(*alignment);
  for (const std::string& w : result.align.alignment.warnings) result.warnings.push_back(w);

  auto findings = Check(result.align, result.hits, **matcher, config);
  if (!findings.ok()) return findings.status();
  result.findings = std::move(*findings);
  result.summary = Summarize(result.findings);
  return result;
}

}  // namespace

StatusOr<CheckResult> RunCheck(const CheckJob& job) {
  return internal::Guarded([&] { return RunCheckUnguarded(job); });
}

}  // namespace align
