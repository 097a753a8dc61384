// RunCheck (pipeline.h): read and segment (PrepareAlign), match terms in
// every version, give the aligner the concepts as anchors, align, check.
// RunCheckAligned skips the aligner for beads made elsewhere; one input is
// a CAT-tool file (check_cat.cc).
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

// Each version is read once: its term hits (whose concepts anchor the
// alignment) and its numbers, from one key per sentence.
internal::VersionNumbers AnalyseVersions(const Session& session, CheckResult& result) {
  internal::VersionNumbers numbers;
  for (AlignInput& input : result.align.versions) {
    internal::VersionAnalysis analysis = internal::Analyse(input, session.matcher(), /*numbers=*/true);
    internal::SetConcepts(analysis.hits, input);
    result.hits.push_back(std::move(analysis.hits));
    numbers.push_back(std::move(analysis.numbers));
  }
  return numbers;
}

// The source version of the job or of the alignment, in the config and the
// settings alike (TMX and reports read the settings).
CheckConfig ConfigFor(const CheckJob& job, AlignResult& aligned) {
  CheckConfig config = job.config;
  if (aligned.settings.source_version >= 0) config.source_version = aligned.settings.source_version;
  aligned.settings.source_version = config.source_version;
  return config;
}

// The checker over the aligned |result|. The dictionaries the aligner used
// (or would have) also tell which clauses have no counterpart; they
// translate into one pivot language. Their names go to |names| when given.
Status CheckAlignedResult(const CheckJob& job, const CheckConfig& config, const Session& session,
                          const internal::VersionNumbers& numbers, std::vector<std::string>* names,
                          CheckResult& result) {
  std::vector<Language> languages;
  for (const AlignInput& v : result.align.versions) languages.push_back(v.language);
  std::vector<std::string> used, paths, missing;
  auto resources = session.DictionariesFor(languages, &used, &paths, &missing);
  if (!resources.ok()) return resources.status();
  if (names != nullptr) *names = used;
  auto provenance = internal::ProvenanceOf(job, config, result.align, session, used, paths);
  if (!provenance.ok()) return provenance.status();
  result.provenance = std::move(*provenance);
  result.provenance.missing_dictionaries = std::move(missing);
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
  return Status::Ok();
}

// Beads made elsewhere must be what the aligner would give: one side per
// version, covering every sentence once, in order.
Status CheckBeads(const AlignResult& aligned) {
  std::vector<uint32_t> next(aligned.versions.size(), 0);
  for (size_t b = 0; b < aligned.alignment.beads.size(); ++b) {
    const Bead& bead = aligned.alignment.beads[b];
    if (bead.sides.size() != aligned.versions.size()) {
      return InvalidArgument(fmt::format("bead {} has {} sides for {} versions", b, bead.sides.size(),
                                         aligned.versions.size()));
    }
    for (size_t v = 0; v < bead.sides.size(); ++v) {
      if (bead.sides[v].begin != next[v] || bead.sides[v].end < bead.sides[v].begin) {
        return InvalidArgument(fmt::format("bead {} does not continue the sentences of version {}", b, v));
      }
      next[v] = bead.sides[v].end;
    }
  }
  for (size_t v = 0; v < next.size(); ++v) {
    if (next[v] != aligned.versions[v].sentences.size()) {
      return InvalidArgument(fmt::format("the beads do not cover the sentences of version {}", v));
    }
  }
  return Status::Ok();
}

StatusOr<CheckResult> RunCheckUnguarded(const CheckJob& job, const Session& session) {
  if (!session.matcher()) return InvalidArgument("checking needs a termbase: the session has none");
  if ((job.align.inputs.empty() ? job.align.documents.size() : job.align.inputs.size()) == 1) {
    return internal::CheckCatFile(job, session);
  }
  auto prepared = PrepareAlign(job.align, session);
  if (!prepared.ok()) return prepared.status();
  CheckResult result;
  result.align = std::move(*prepared);
  const CheckConfig config = ConfigFor(job, result.align);
  result.warnings = session.matcher()->warnings();
  const internal::VersionNumbers numbers = AnalyseVersions(session, result);
  ALIGN_RETURN_IF_ERROR(internal::AlignPrepared(job.align, session, result.align));
  for (const std::string& w : result.align.alignment.warnings) result.warnings.push_back(w);
  ALIGN_RETURN_IF_ERROR(CheckAlignedResult(job, config, session, numbers, nullptr, result));
  return result;
}

StatusOr<CheckResult> RunCheckAlignedUnguarded(const CheckJob& job, AlignResult aligned, const Session& session) {
  if (!session.matcher()) return InvalidArgument("checking needs a termbase: the session has none");
  if (aligned.versions.size() != 2 && aligned.versions.size() != 3) {
    return InvalidArgument(fmt::format("check takes 2 or 3 versions, got {}", aligned.versions.size()));
  }
  if (aligned.language_tags.size() != aligned.versions.size()) {
    return InvalidArgument("one language tag per version is needed");
  }
  ALIGN_RETURN_IF_ERROR(CheckBeads(aligned));
  CheckResult result;
  result.align = std::move(aligned);
  const CheckConfig config = ConfigFor(job, result.align);
  result.warnings = session.matcher()->warnings();
  for (const std::string& w : result.align.alignment.warnings) result.warnings.push_back(w);
  const internal::VersionNumbers numbers = AnalyseVersions(session, result);
  ALIGN_RETURN_IF_ERROR(CheckAlignedResult(job, config, session, numbers, &result.align.settings.dictionaries, result));
  return result;
}

}  // namespace

StatusOr<CheckResult> RunCheck(const CheckJob& job, const Session& session) {
  return internal::Guarded([&] { return RunCheckUnguarded(job, session); });
}

StatusOr<CheckResult> RunCheckAligned(const CheckJob& job, AlignResult aligned, const Session& session) {
  return internal::Guarded([&] { return RunCheckAlignedUnguarded(job, std::move(aligned), session); });
}

}  // namespace align
