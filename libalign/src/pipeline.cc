#include "align/pipeline.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <utility>

#include <fmt/format.h>

#include "align/dictionary.h"
#include "align/resources.h"
#include "align/match.h"
#include "align/segment.h"
#include "pipeline_internal.h"

namespace align {
namespace {

Status CheckShape(const AlignJob& job) {
  if (job.inputs.size() != 2 && job.inputs.size() != 3) {
    return InvalidArgument(fmt::format("align takes 2 or 3 versions, got {}", job.inputs.size()));
  }
  if (!job.language_tags.empty() && job.language_tags.size() != job.inputs.size()) {
    return InvalidArgument(fmt::format("{} languages given for {} inputs", job.language_tags.size(),
                                       job.inputs.size()));
  }
  int stdin_inputs = 0;
  for (const std::string& path : job.inputs) stdin_inputs += path == "-";
  if (stdin_inputs > 1) return InvalidArgument("standard input ('-') can be read only once");
  if (job.source_version >= static_cast<int>(job.inputs.size())) {
    return InvalidArgument(fmt::format("source version {} does not exist", job.source_version + 1));
  }
  return Status::Ok();
}

// The language of version |v|: the given tag, or the script of its text.
StatusOr<Language> VersionLanguage(const AlignJob& job, size_t v, const Document& doc,
                                   std::string* tag) {
  if (!job.language_tags.empty() && !job.language_tags[v].empty()) {
    std::optional<Language> parsed = ParseLanguage(job.language_tags[v]);
    if (!parsed || *parsed == Language::kUnknown) {
      return InvalidArgument(fmt::format("unknown language '{}' for {} (expected en, zh, ur or a "
                                         "BCP 47 variant such as zh-Hans, ur-PK)",
                                         job.language_tags[v], doc.name()));
    }
    *tag = job.language_tags[v];
    return *parsed;
  }
  Language detected = DetectLanguage(doc.bytes());
  if (detected == Language::kUnknown) {
    return InvalidArgument(fmt::format("{}: cannot tell the language from the text (no letters); "
                                       "give it with --langs",
                                       doc.name()));
  }
  *tag = std::string(LanguageCode(detected));
  return detected;
}

Status CheckDistinct(const AlignResult& result) {
  for (size_t a = 0; a < result.versions.size(); ++a) {
    for (size_t b = a + 1; b < result.versions.size(); ++b) {
      if (result.versions[a].language == result.versions[b].language) {
        return InvalidArgument(fmt::format(
            "{} and {} are both {}: talign aligns versions in different languages "
            "(give the right ones with --langs)",
            result.versions[a].document.name(), result.versions[b].document.name(),
            LanguageCode(result.versions[a].language)));
      }
    }
  }
  return Status::Ok();
}

// A termbase path that does not exist is a usage error before any document
// is read, rather than a surprise after segmenting.
Status CheckLexiconPaths(const AlignJob& job) {
  for (const std::string& path : job.lexicon_paths) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return NotFound(fmt::format("{}: no such termbase", path));
    if (S_ISDIR(st.st_mode)) return InvalidArgument(fmt::format("{}: is a directory, not a termbase", path));
  }
  return Status::Ok();
}

}  // namespace

namespace internal {

bool HasLanguage(const AlignResult& result, Language language) {
  for (const AlignInput& v : result.versions) {
    if (v.language == language) return true;
  }
  return false;
}

StatusOr<SetupDictionaries> LoadSetupDictionaries(bool cedict, bool urdu_english) {
  SetupDictionaries out;
  // Absent (kNotFound) is fine; present but broken: say so instead of aligning worse.
  auto take = [](StatusOr<std::shared_ptr<const Dictionary>> loaded, std::shared_ptr<const Dictionary>* into) {
    if (loaded.ok()) *into = *loaded;
    return loaded.ok() || loaded.status().code() == StatusCode::kNotFound ? Status::Ok() : loaded.status();
  };
  if (cedict) ALIGN_RETURN_IF_ERROR(take(Dictionary::LoadCedict(), &out.cedict));
  if (urdu_english) ALIGN_RETURN_IF_ERROR(take(Dictionary::LoadUrduEnglish(), &out.urdu_english));
  return out;
}

std::vector<std::string> SetupDictionaryFiles(bool cedict, bool urdu_english) {
  std::vector<std::string> files;
  auto add = [&files](const char* variable, std::string_view data_file) {
    if (const char* env = std::getenv(variable); env && *env) {
      files.push_back(env);
    } else if (auto found = FindDataFile(data_file); found.ok()) {
      files.push_back(*found);
    }
  };
  if (cedict) add("TALIGN_CEDICT", "third_party/cedict/cedict_ts.u8");
  if (urdu_english) add("TALIGN_UR_EN", "third_party/ur-en/ur-en.tsv");
  return files;
}

void AddSetupDictionaries(const SetupDictionaries& setup, const AlignResult& result, AlignResources* resources,
                          std::vector<std::string>* names) {
  const bool english = HasLanguage(result, Language::kEnglish);
  if (setup.cedict && english && HasLanguage(result, Language::kChinese)) {
    resources->dictionaries.push_back(setup.cedict);
    names->push_back("CC-CEDICT");
  }
  if (setup.urdu_english && english && HasLanguage(result, Language::kUrdu)) {
    resources->dictionaries.push_back(setup.urdu_english);
    names->push_back("ur-en pivot lexicon (Apertium urd-hin + FreeDict eng-hin)");
  }
}

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
    // Recorded with its pair, in the form --dictionary accepts.
    result.dictionaries.push_back(
        fmt::format("{},{}={}", LanguageCode(source), LanguageCode(target), spec.path));
  }
  // Loaded only for the pairs that use them: CC-CEDICT takes tens of milliseconds.
  const bool english = HasLanguage(result, Language::kEnglish);
  auto setup = LoadSetupDictionaries(job.use_cedict && english && HasLanguage(result, Language::kChinese),
                                     job.use_urdu_english && english && HasLanguage(result, Language::kUrdu));
  if (!setup.ok()) return setup.status();
  AddSetupDictionaries(*setup, result, &resources, &result.dictionaries);
  return resources;
}


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

std::vector<std::vector<TermHit>> MatchAnchors(const TermMatcher& matcher, AlignResult& result) {
  std::vector<std::vector<TermHit>> hits_per_version;
  for (AlignInput& input : result.versions) {
    std::vector<TermHit> hits = matcher.Match(input.document, input.language, input.sentences);
    input.sentence_concepts.assign(input.sentences.size(), {});
    for (const TermHit& h : hits) input.sentence_concepts[h.sentence].push_back(h.concept_index);
    for (auto& concepts : input.sentence_concepts) {
      std::sort(concepts.begin(), concepts.end());
      concepts.erase(std::unique(concepts.begin(), concepts.end()), concepts.end());
    }
    hits_per_version.push_back(std::move(hits));
  }
  return hits_per_version;
}

}  // namespace internal


StatusOr<AlignResult> PrepareAlign(const AlignJob& job, SegmenterCache* segmenters) {
  ALIGN_RETURN_IF_ERROR(CheckShape(job));
  ALIGN_RETURN_IF_ERROR(CheckLexiconPaths(job));
  AlignResult result;
  result.job = job;
  SegmenterCache own;
  if (!segmenters) segmenters = &own;
  for (size_t v = 0; v < job.inputs.size(); ++v) {
    auto doc = Document::Load(job.inputs[v], job.read);
    if (!doc.ok()) return doc.status();
    std::string tag;
    auto language = VersionLanguage(job, v, *doc, &tag);
    if (!language.ok()) return language.status();

    AlignInput input{std::move(*doc), *language, {}, {}};
    if (job.presegmented) {
      input.sentences = SplitLines(input.document);
    } else {
      auto segmenter = segmenters->Get(*language);
      if (!segmenter.ok()) return segmenter.status();
      input.sentences = (*segmenter)->Split(input.document);
    }
    // sentence_concepts is filled by RunAlign when termbases are given.
    result.versions.push_back(std::move(input));
    result.language_tags.push_back(std::move(tag));
  }
  ALIGN_RETURN_IF_ERROR(CheckDistinct(result));
  return result;
}

namespace {

StatusOr<AlignResult> RunAlignUnguarded(const AlignJob& job) {
  auto prepared = PrepareAlign(job);
  if (!prepared.ok()) return prepared.status();
  AlignResult result = std::move(*prepared);
  // Termbases given with --lexicon anchor the alignment on shared concepts.
  // Without one, talign align stays a pure text aligner (no termbase load).
  if (!job.lexicon_paths.empty()) {
    auto lexicon = internal::LoadLexicons(job.lexicon_paths);
    if (!lexicon.ok()) return lexicon.status();
    auto matcher = TermMatcher::Create(*lexicon);
    if (!matcher.ok()) return matcher.status();
    internal::MatchAnchors(**matcher, result);
  }
  auto resources = internal::LoadDictionaries(job, result);
  if (!resources.ok()) return resources.status();
  Aligner aligner(job.aligner, std::move(*resources));
  auto alignment = aligner.Align(result.versions);
  if (!alignment.ok()) return alignment.status();
  result.alignment = std::move(*alignment);
  return result;
}

}  // namespace

StatusOr<AlignResult> RunAlign(const AlignJob& job) {
  return internal::Guarded([&] { return RunAlignUnguarded(job); });
}

}  // namespace align
