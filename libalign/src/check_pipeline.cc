// RunCheck (pipeline.h): read and segment (PrepareAlign), match terms in
// every version, give the aligner the concepts as anchors, align, check.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "align/baseline.h"
#include "align/check.h"
#include "align/pipeline.h"
#include "analysis.h"
#include "check_internal.h"
#include "pipeline_internal.h"

namespace align {
namespace {

StatusOr<CheckResult> RunCheckUnguarded(const CheckJob& job, const Session& session) {
  if (!session.matcher()) return InvalidArgument("checking needs a termbase: the session has none");
  auto prepared = PrepareAlign(job.align, session);
  if (!prepared.ok()) return prepared.status();
  CheckResult result;
  result.align = std::move(*prepared);
  CheckConfig config = job.config;
  if (result.align.settings.source_version >= 0) config.source_version = result.align.settings.source_version;
  result.align.settings.source_version = config.source_version;
  result.warnings = session.matcher()->warnings();
  // Each version is read once: its term hits (whose concepts anchor the
  // alignment) and its numbers, from one key per sentence.
  internal::VersionNumbers numbers;
  for (AlignInput& input : result.align.versions) {
    internal::VersionAnalysis analysis = internal::Analyse(input, session.matcher(), /*numbers=*/true);
    internal::SetConcepts(analysis.hits, input);
    result.hits.push_back(std::move(analysis.hits));
    numbers.push_back(std::move(analysis.numbers));
  }
  ALIGN_RETURN_IF_ERROR(internal::AlignPrepared(job.align, session, result.align));
  for (const std::string& w : result.align.alignment.warnings) result.warnings.push_back(w);

  // The dictionaries the aligner used also tell which clauses have no
  // counterpart; they translate into one pivot language.
  std::vector<Language> languages;
  for (const AlignInput& v : result.align.versions) languages.push_back(v.language);
  std::vector<std::string> names, paths;
  auto resources = session.DictionariesFor(languages, &names, &paths);
  if (!resources.ok()) return resources.status();
  auto provenance = internal::ProvenanceOf(job, config, result.align, session, names, paths);
  if (!provenance.ok()) return provenance.status();
  result.provenance = std::move(*provenance);
  std::unique_ptr<internal::Glossary> glossary;
  if (!resources->dictionaries.empty()) {
    glossary = std::make_unique<internal::Glossary>(resources->dictionaries, internal::PivotOf(resources->dictionaries));
  }
  auto findings =
      internal::CheckAnalysed(result.align, result.hits, numbers, *session.matcher(), config, glossary.get());
  if (!findings.ok()) return findings.status();
  result.findings = std::move(*findings);
  if (job.baseline != nullptr) {
    // Kept apart rather than dropped: --write-baseline lists them again.
    std::vector<Finding> kept;
    for (Finding& f : result.findings) {
      const bool listed = job.baseline->Contains(FindingFingerprint(f, result.align, &session.matcher()->lexicon()));
      (listed ? result.suppressed : kept).push_back(std::move(f));
    }
    result.findings = std::move(kept);
  }
  result.summary = Summarize(result.findings);
  return result;
}

}  // namespace

StatusOr<CheckResult> RunCheck(const CheckJob& job, const Session& session) {
  return internal::Guarded([&] { return RunCheckUnguarded(job, session); });
}

}  // namespace align
