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

namespace align {
namespace {

StatusOr<std::shared_ptr<const Lexicon>> LoadLexicons(const std::vector<std::string>& paths) {
  if (paths.empty()) {
    auto lexicon = Lexicon::LoadDefault();
    if (!lexicon.ok()) return lexicon.status();
    return std::make_shared<const Lexicon>(std::move(*lexicon));
  }
  std::vector<Lexicon> loaded;
  for (const std::string& path : paths) {
    auto lexicon = Lexicon::Load(path);
    if (!lexicon.ok()) return lexicon.status();
    loaded.push_back(std::move(*lexicon));
  }
  if (loaded.size() == 1) return std::make_shared<const Lexicon>(std::move(loaded[0]));
  auto merged = Lexicon::Merge(loaded);
  if (!merged.ok()) return merged.status();
  return std::make_shared<const Lexicon>(std::move(*merged));
}

bool HasLanguage(const AlignResult& result, Language language) {
  for (const AlignInput& v : result.versions) {
    if (v.language == language) return true;
  }
  return false;
}

// The dictionaries RunAlign would load (pipeline.cc keeps its loader private).
StatusOr<AlignResources> LoadDictionaries(const AlignJob& job, AlignResult& result) {
  AlignResources resources;
  for (const DictionarySpec& spec : job.dictionaries) {
    Language source = spec.source, target = spec.target;
    if (source == Language::kUnknown || target == Language::kUnknown) {
      source = result.versions[0].language;
      target = result.versions[1].language;
    }
    auto dictionary = Dictionary::Load(spec.path, source, target);
    if (!dictionary.ok()) return dictionary.status();
    resources.dictionaries.push_back(*dictionary);
    result.dictionaries.push_back(spec.path);
  }
  if (job.use_cedict && HasLanguage(result, Language::kEnglish) && HasLanguage(result, Language::kChinese)) {
    auto cedict = Dictionary::LoadCedict();
    if (cedict.ok()) {
      resources.dictionaries.push_back(*cedict);
      result.dictionaries.push_back("CC-CEDICT");
    } else if (cedict.status().code() != StatusCode::kNotFound) {
      return cedict.status();
    }
  }
  return resources;
}

}  // namespace

StatusOr<CheckResult> RunCheck(const CheckJob& job) {
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
  for (AlignInput& input : result.align.versions) {
    std::vector<TermHit> hits = (*matcher)->Match(input.document, input.language, input.sentences);
    input.sentence_concepts.assign(input.sentences.size(), {});
    for (const TermHit& h : hits) {
      auto& concepts = input.sentence_concepts[h.sentence];
      concepts.push_back(h.concept_index);
    }
    for (auto& concepts : input.sentence_concepts) {
      std::sort(concepts.begin(), concepts.end());
      concepts.erase(std::unique(concepts.begin(), concepts.end()), concepts.end());
    }
    result.hits.push_back(std::move(hits));
  }
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

}  // namespace align
