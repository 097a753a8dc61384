// A CAT-tool file checked as it is aligned (pipeline.h): VersionsOfCatFile
// makes one in-memory document per language and one bead per unit, and a
// check job of one input reads that input as XLIFF or TMX.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "align/cat_file.h"
#include "align/pipeline.h"
#include "pipeline_internal.h"

namespace align {
namespace {

// Between segments: a blank line, so that every segment is a paragraph of
// its own and no sentence of the segmenter crosses from one to the next.
constexpr std::string_view kSegmentBreak = "\n\n";

// One language of the file: its text and, per segment of every unit in
// order, the bytes of the segment's text there (empty where it has none).
struct VersionText {
  std::string text;
  std::vector<Span> segments;
};

VersionText TextOf(const CatFile& file, size_t language) {
  VersionText out;
  for (const CatUnit& unit : file.units) {
    for (const std::vector<std::string>& segment : unit.segments) {
      const std::string& text = segment[language];
      if (!text.empty() && !out.text.empty()) out.text += kSegmentBreak;
      Span span{out.text.size(), out.text.size()};
      out.text += text;
      span.end = out.text.size();
      out.segments.push_back(span);
    }
  }
  return out;
}

// The version index of |tag|'s language; nullopt when no version has it.
std::optional<int> VersionOf(const AlignResult& result, std::string_view tag) {
  std::optional<Language> wanted = ParseLanguage(tag);
  for (size_t v = 0; wanted && v < result.versions.size(); ++v) {
    if (result.versions[v].language == *wanted) return static_cast<int>(v);
  }
  return std::nullopt;
}

}  // namespace

StatusOr<AlignResult> VersionsOfCatFile(const CatFile& file, const std::string& name, const AlignJob& job,
                                        const Session& session) {
  const size_t n = file.languages.size();
  if (n != 2 && n != 3) return InvalidArgument(fmt::format("{}: {} languages; check takes 2 or 3", name, n));
  for (const CatUnit& unit : file.units) {
    for (const std::vector<std::string>& segment : unit.segments) {
      if (segment.size() != n) {
        return InvalidArgument(fmt::format("{}: unit {} has a segment in {} languages, not {}", name, unit.id,
                                           segment.size(), n));
      }
    }
  }
  AlignResult result;
  result.settings.lexicons = session.config().lexicon_paths;
  result.settings.presegmented = job.presegmented;
  result.alignment.warnings = file.warnings;
  std::vector<std::vector<Span>> segment_spans;  // per version, per segment of the file
  for (size_t v = 0; v < n; ++v) {
    std::optional<Language> language = ParseLanguage(file.languages[v]);
    if (!language || *language == Language::kUnknown) {
      return InvalidArgument(fmt::format("{}: unknown language '{}'", name, file.languages[v]));
    }
    VersionText version = TextOf(file, v);
    auto doc = Document::FromString(name, std::move(version.text));
    if (!doc.ok()) return doc.status();
    AlignInput input{std::move(*doc), *language, {}, {}};
    if (job.presegmented) {
      // Each segment one sentence, as the CAT tool cut it.
      for (const Span& span : version.segments) {
        if (!span.empty()) input.sentences.push_back(Sentence{span, input.sentences.size()});
      }
    } else {
      auto segmenter = session.SegmenterFor(*language);
      if (!segmenter.ok()) return segmenter.status();
      input.sentences = (*segmenter)->Split(input.document);
    }
    result.versions.push_back(std::move(input));
    result.language_tags.push_back(file.languages[v]);
    segment_spans.push_back(std::move(version.segments));
  }
  // A segment's sentences are those that start inside its text; the
  // segment breaks hold none. One bead per segment: the CAT tool aligned
  // them, and an untranslated segment of a unit is an omission there.
  std::vector<uint32_t> next(n, 0);
  size_t k = 0;
  for (const CatUnit& unit : file.units) {
    for (size_t s = 0; s < unit.segments.size(); ++s, ++k) {
      Bead bead;
      bead.score = 1.0;  // aligned by the translator, not guessed
      bead.unit = unit.id;
      bool any = false;
      for (size_t v = 0; v < n; ++v) {
        const std::vector<Sentence>& sentences = result.versions[v].sentences;
        SentenceRange side{next[v], next[v]};
        while (side.end < sentences.size() && sentences[side.end].span.begin < segment_spans[v][k].end) ++side.end;
        next[v] = side.end;
        any = any || !side.empty();
        bead.sides.push_back(side);
      }
      if (any) result.alignment.beads.push_back(std::move(bead));
    }
  }
  const std::string& source = job.source_language.empty() ? file.source_language : job.source_language;
  if (!source.empty()) {
    std::optional<int> v = VersionOf(result, source);
    if (!v) {
      return InvalidArgument(fmt::format("--source {}: {} has no version in that language ({})", source, name,
                                         fmt::join(file.languages, ", ")));
    }
    result.settings.source_version = *v;
  }
  return result;
}

namespace internal {

StatusOr<CheckResult> CheckCatFile(const CheckJob& job, const Session& session) {
  auto doc = job.align.inputs.empty() ? StatusOr<Document>(job.align.documents[0])
                                      : Document::Load(job.align.inputs[0], job.align.read);
  if (!doc.ok()) return doc.status();
  const InputKind kind = SniffInput(doc->bytes());
  if (kind != InputKind::kXliff && kind != InputKind::kTmx) {
    return InvalidArgument(fmt::format("check takes 2 or 3 versions, or one XLIFF or TMX file; {} is {}", doc->name(),
                                       kind == InputKind::kText ? "text" : "XML of another kind"));
  }
  if (!job.align.language_tags.empty()) {
    return InvalidArgument(fmt::format("{}: the languages of an XLIFF or TMX file are the file's own; --langs "
                                       "does not apply",
                                       doc->name()));
  }
  auto file = ReadCatFile(*doc);
  if (!file.ok()) return file.status();
  auto versions = VersionsOfCatFile(*file, doc->name(), job.align, session);
  if (!versions.ok()) return versions.status();
  return RunCheckAligned(job, std::move(*versions), session);
}

}  // namespace internal
}  // namespace align
