#include "align/pipeline.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <unordered_set>
#include <string>
#include <vector>
#include <utility>

#include <fmt/format.h>

#include "align/cat_file.h"
#include "align/resources.h"
#include "align/match.h"
#include "align/segment.h"
#include "align/session.h"
#include "aligner_text.h"
#include "analysis.h"
#include "pipeline_internal.h"

namespace align {
namespace {

// How many versions the job has: files or documents in memory, not both.
size_t VersionCount(const AlignJob& job) { return job.inputs.empty() ? job.documents.size() : job.inputs.size(); }

Status CheckShape(const AlignJob& job) {
  if (!job.inputs.empty() && !job.documents.empty()) {
    return InvalidArgument("give the versions as files or as documents in memory, not both");
  }
  const size_t versions = VersionCount(job);
  if (versions != 2 && versions != 3) {
    return InvalidArgument(fmt::format("align takes 2 or 3 versions, got {}", versions));
  }
  if (!job.language_tags.empty() && job.language_tags.size() != versions) {
    return InvalidArgument(fmt::format("{} languages given for {} inputs", job.language_tags.size(), versions));
  }
  int stdin_inputs = 0;
  for (const std::string& path : job.inputs) stdin_inputs += path == "-";
  if (stdin_inputs > 1) return InvalidArgument("standard input ('-') can be read only once");
  ALIGN_RETURN_IF_ERROR(LoadLanguages());
  if (!job.source_language.empty() && !ParseLanguage(job.source_language)) {
    return InvalidArgument(fmt::format("--source {}: not a language tag talign knows ({})",
                                       job.source_language, Languages().Codes()));
  }
  return Status::Ok();
}

// The language of version |v|: the given tag, or the script of its text.
// Share of the words of |text| (its first 64 KiB) that are function words
// of |language| ([function_words]), and how many words were read. A text
// in the language's script that is another language has few of them
// (French taken for English).
std::pair<double, size_t> FunctionWordShare(std::string_view text, Language language) {
  const std::unordered_set<std::string> words = internal::FunctionWords(language);
  if (words.empty()) return {1.0, 0};
  const std::vector<internal::Token> tokens = internal::Tokenize(text.substr(0, size_t{64} << 10));
  size_t all = 0, function = 0;
  for (const internal::Token& t : tokens) {
    if (t.kind != internal::TokenKind::kWord) continue;
    ++all;
    function += words.count(t.text);
  }
  return {all ? static_cast<double>(function) / static_cast<double>(all) : 1.0, all};
}

// Below this share of function words, over at least kMinWordsToJudge words,
// a text does not read as the language its script suggests (English prose
// has about 40%, a French text under 5% of English ones).
constexpr double kMinFunctionShare = 0.12;
constexpr size_t kMinWordsToJudge = 30;

StatusOr<Language> VersionLanguage(const AlignJob& job, size_t v, const Document& doc,
                                   std::string* tag, std::vector<std::string>* warnings) {
  if (!job.language_tags.empty() && !job.language_tags[v].empty()) {
    std::optional<Language> parsed = ParseLanguage(job.language_tags[v]);
    if (!parsed || *parsed == Language::kUnknown) {
      return InvalidArgument(fmt::format("unknown language '{}' for {} (expected one of {} or a "
                                         "BCP 47 variant such as zh-Hans, ur-PK)",
                                         job.language_tags[v], doc.name(), Languages().Codes()));
    }
    *tag = job.language_tags[v];
    // The user's word stands, but a text whose script says another language
    // was probably given in the wrong order.
    const LanguageRegistry::Detection detection = Languages().Detect(doc.bytes());
    if (detection.language != Language::kUnknown && detection.language != *parsed &&
        Languages().Info(detection.language).scripts != Languages().Info(*parsed).scripts) {
      warnings->push_back(fmt::format("{}: --langs gives it as {}, but its text is in the {} script ({}); "
                                      "check the order of --langs",
                                      doc.name(), *tag, detection.script, LanguageCode(detection.language)));
    }
    return *parsed;
  }
  const LanguageRegistry::Detection detection = Languages().Detect(doc.bytes());
  const Language detected = detection.language;
  if (detected == Language::kUnknown && detection.script.empty()) {
    return InvalidArgument(fmt::format("{}: cannot tell the language from the text (no letters); "
                                       "give it with --langs",
                                       doc.name()));
  }
  if (detected == Language::kUnknown) {
    return InvalidArgument(fmt::format("{}: the text is in the {} script but in none of the languages "
                                       "talign knows ({}); if it is one of them, give it with --langs",
                                       doc.name(), detection.script, Languages().Codes()));
  }
  *tag = std::string(LanguageCode(detected));
  const auto [share, words] = FunctionWordShare(doc.bytes(), detected);
  if (words >= kMinWordsToJudge && share < kMinFunctionShare) {
    warnings->push_back(fmt::format("{}: the text is in the {} script but does not read as {} (few of its "
                                    "common words); if it is {}, say so with --langs {}",
                                    doc.name(), detection.script, Languages().Info(detected).name,
                                    Languages().Info(detected).name, *tag));
  }
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

// The index of the version in |language|; an error when there is none.
StatusOr<int> SourceVersion(const AlignJob& job, const AlignResult& result) {
  std::optional<Language> wanted = ParseLanguage(job.source_language);
  for (size_t v = 0; wanted && v < result.versions.size(); ++v) {
    if (result.versions[v].language == *wanted) return static_cast<int>(v);
  }
  return InvalidArgument(fmt::format("--source {}: no version is in that language", job.source_language));
}

}  // namespace

namespace internal {

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

Status AlignPrepared(const AlignJob& job, const Session& session, AlignResult& result) {
  std::vector<Language> languages;
  for (const AlignInput& v : result.versions) languages.push_back(v.language);
  std::vector<std::string> missing;
  auto resources = session.DictionariesFor(languages, &result.settings.dictionaries, nullptr, &missing);
  if (!resources.ok()) return resources.status();
  Aligner aligner(job.aligner, std::move(*resources));
  auto alignment = aligner.Align(result.versions);
  if (!alignment.ok()) return alignment.status();
  // Warnings of reading the versions (languages) come first.
  std::vector<std::string> warnings = std::move(result.alignment.warnings);
  warnings.insert(warnings.end(), missing.begin(), missing.end());
  result.alignment = std::move(*alignment);
  result.alignment.warnings.insert(result.alignment.warnings.begin(), warnings.begin(), warnings.end());
  return Status::Ok();
}

}  // namespace internal


namespace {

StatusOr<AlignResult> PrepareUnguarded(const AlignJob& job, const Session& session) {
  ALIGN_RETURN_IF_ERROR(CheckShape(job));
  AlignResult result;
  result.settings.presegmented = job.presegmented;
  result.settings.aligner = job.aligner;
  result.settings.lexicons = session.config().lexicon_paths;
  for (size_t v = 0; v < VersionCount(job); ++v) {
    auto doc = job.inputs.empty() ? StatusOr<Document>(job.documents[v]) : Document::Load(job.inputs[v], job.read);
    if (!doc.ok()) return doc.status();
    // An XLIFF or TMX file is aligned already, and markup is not text.
    ALIGN_RETURN_IF_ERROR(RequireText(*doc));
    std::string tag;
    auto language = VersionLanguage(job, v, *doc, &tag, &result.alignment.warnings);
    if (!language.ok()) return language.status();

    AlignInput input{std::move(*doc), *language, {}, {}};
    if (job.presegmented) {
      input.sentences = SplitLines(input.document);
    } else {
      auto segmenter = session.SegmenterFor(*language);
      if (!segmenter.ok()) return segmenter.status();
      input.sentences = (*segmenter)->Split(input.document);
    }
    if (job.reject_empty_versions &&
        std::none_of(input.sentences.begin(), input.sentences.end(), [](const Sentence& s) { return !s.span.empty(); })) {
      return DataError(fmt::format("{}: empty document (no sentences)", input.document.name()));
    }
    result.versions.push_back(std::move(input));
    result.language_tags.push_back(std::move(tag));
  }
  ALIGN_RETURN_IF_ERROR(CheckDistinct(result));
  if (!job.source_language.empty()) {
    auto source = SourceVersion(job, result);
    if (!source.ok()) return source.status();
    result.settings.source_version = *source;
  }
  return result;
}

StatusOr<AlignResult> RunAlignUnguarded(const AlignJob& job, const Session& session) {
  auto prepared = PrepareUnguarded(job, session);
  if (!prepared.ok()) return prepared.status();
  AlignResult result = std::move(*prepared);
  // A session with a termbase anchors the alignment on shared concepts;
  // without one (talign align without --lexicon) it is a pure text aligner.
  if (session.matcher()) {
    for (AlignInput& input : result.versions) {
      internal::SetConcepts(internal::Analyse(input, session.matcher(), /*numbers=*/false).hits, input);
    }
  }
  ALIGN_RETURN_IF_ERROR(internal::AlignPrepared(job, session, result));
  return result;
}

}  // namespace

StatusOr<AlignResult> PrepareAlign(const AlignJob& job, const Session& session) {
  return internal::Guarded([&] { return PrepareUnguarded(job, session); });
}

StatusOr<AlignResult> RunAlign(const AlignJob& job, const Session& session) {
  return internal::Guarded([&] { return RunAlignUnguarded(job, session); });
}

}  // namespace align
