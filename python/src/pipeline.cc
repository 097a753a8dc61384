// Session, segment, terms, align and check for Python. Every call that reads
// files or runs a stage does so with the GIL released, so that Python threads
// align in parallel (the Session is shared read-only, as batch's threads
// share it); results are converted to Python objects once it is held again.
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <pybind11/stl.h>

#include "align/config.h"
#include "align/language.h"
#include "align/output.h"
#include "align/pipeline.h"
#include "align/report.h"
#include "align/segment.h"
#include "align/session.h"
#include "align/text.h"
#include "binding.h"

namespace talign_py {
namespace {

using align::Status;
using align::StatusOr;

// One version as the Python layer hands it over: (path, None) for a file,
// (name, UTF-8 bytes) for text in memory, the name standing for a path in
// messages and report headers.
using VersionArg = std::pair<std::string, std::optional<std::string>>;

// The job settings every entry point shares, as the Python layer passes them.
struct Options {
  std::vector<std::string> langs;
  bool presegmented = false;
  std::string source;
  std::string config_json;  // {"aligner": {...}, "check": {...}}, applied after the file
  std::string config_path;
  std::string encoding;
};

StatusOr<align::Document> ReadVersion(const VersionArg& version, const align::ReadOptions& read) {
  if (version.second) return align::Document::FromString(version.first, *version.second);
  return align::Document::Load(version.first, read);
}

StatusOr<align::Language> ParseTag(const std::string& tag) {
  if (auto parsed = align::ParseLanguage(tag)) return *parsed;
  return align::InvalidArgument(fmt::format("unknown language '{}' (expected a BCP 47 tag of a language talign knows: {})",
                                            tag, align::Languages().Codes()));
}

// Fills |job| from the versions and options; documents are read here, on the
// caller's thread, so that a batch of Python threads reads in parallel too.
Status FillJob(const std::vector<VersionArg>& versions, const Options& options, align::AlignJob* job,
               align::CheckConfig* check) {
  ALIGN_RETURN_IF_ERROR(align::LoadLanguages());
  job->read.encoding = options.encoding;
  for (const VersionArg& version : versions) {
    auto doc = ReadVersion(version, job->read);
    if (!doc.ok()) return doc.status();
    job->documents.push_back(std::move(*doc));
  }
  for (const std::string& tag : options.langs) {
    if (!tag.empty() && !align::ParseLanguage(tag)) return ParseTag(tag).status();
  }
  job->language_tags = options.langs;
  job->presegmented = options.presegmented;
  job->source_language = options.source;
  if (!options.config_path.empty()) ALIGN_RETURN_IF_ERROR(align::LoadConfigFile(options.config_path, &job->aligner, check));
  if (!options.config_json.empty()) ALIGN_RETURN_IF_ERROR(align::ApplyConfigJson(options.config_json, "config", &job->aligner, check));
  return Status::Ok();
}

struct PySession {
  std::shared_ptr<const align::Session> session;
};

PySession CreateSession(const std::vector<std::string>& termbases, bool default_termbase,
                        const std::vector<std::tuple<std::string, std::string, std::string>>& dictionaries,
                        bool setup_dictionaries) {
  Check(align::LoadLanguages());
  align::SessionConfig config;
  config.lexicon_paths = termbases;
  config.default_lexicon = default_termbase;
  config.use_cedict = setup_dictionaries;
  config.use_urdu_english = setup_dictionaries;
  for (const auto& [path, source, target] : dictionaries) {
    align::DictionarySpec spec{path};
    if (!source.empty()) spec.source = Take(ParseTag(source));
    if (!target.empty()) spec.target = Take(ParseTag(target));
    config.dictionaries.push_back(std::move(spec));
  }
  StatusOr<std::shared_ptr<const align::Session>> session = align::InvalidArgument("");
  {
    py::gil_scoped_release release;
    session = align::Session::Create(config);
  }
  return {Take(std::move(session))};
}

// Output text may quote file names that are not UTF-8: Python decodes it.
py::bytes Bytes(std::string_view s) { return py::bytes(s.data(), s.size()); }

align::ProtectedFiles InputFiles(const align::AlignResult& result, const std::vector<bool>& from_file) {
  align::ProtectedFiles files;
  for (size_t v = 0; v < result.versions.size() && v < from_file.size(); ++v) {
    if (from_file[v]) files.Add(result.versions[v].document.name());
  }
  return files;
}

struct PyAlignment {
  std::shared_ptr<const align::AlignResult> result;
  std::vector<std::string> termbase_files;  // of the session: the bundled one's path too
  std::vector<bool> from_file;              // which versions were read from files
};

py::list Versions(const PyAlignment& a) {
  py::list out;
  for (size_t v = 0; v < a.result->versions.size(); ++v) {
    const align::AlignInput& input = a.result->versions[v];
    py::list sentences;
    for (const align::Sentence& s : input.sentences) sentences.append(py::make_tuple(s.span.begin, s.span.end));
    py::dict d;
    d["name"] = Bytes(input.document.name());
    d["lang"] = a.result->language_tags[v];
    d["language"] = std::string(align::LanguageCode(input.language));
    d["bytes"] = Bytes(input.document.bytes());
    d["encoding"] = input.document.encoding();
    d["from_file"] = bool(a.from_file[v]);
    d["sentences"] = sentences;
    out.append(d);
  }
  return out;
}

py::list Beads(const PyAlignment& a) {
  py::list out;
  for (const align::Bead& bead : a.result->alignment.beads) {
    py::list sides;
    for (const align::SentenceRange& side : bead.sides) sides.append(py::make_tuple(side.begin, side.end));
    out.append(py::make_tuple(sides, bead.score));
  }
  return out;
}

// Each move as (first_bead, second_bead, first, second, score); first and
// second list the sentence indices of every version.
py::list Moves(const PyAlignment& a) {
  py::list out;
  for (const align::Move& m : a.result->alignment.moves)
    out.append(py::make_tuple(m.first_bead, m.second_bead, m.first, m.second, m.score));
  return out;
}

align::AlignFormat ParseAlignFormatOrRaise(const std::string& name) {
  if (auto f = align::ParseAlignFormat(name)) return *f;
  std::string names;
  for (const align::AlignFormatInfo& info : align::AlignFormats()) names += (names.empty() ? "" : ", ") + std::string(info.name);
  Raise(align::InvalidArgument(fmt::format("unknown alignment format '{}' (expected one of {})", name, names)));
}

align::FindingsFormat ParseFindingsFormatOrRaise(const std::string& name) {
  if (auto f = align::ParseFindingsFormat(name)) return *f;
  std::string names;
  for (const align::FindingsFormatInfo& info : align::FindingsFormats()) names += (names.empty() ? "" : ", ") + std::string(info.name);
  Raise(align::InvalidArgument(fmt::format("unknown findings format '{}' (expected one of {})", name, names)));
}

// Renders into memory with |write|, or into |path| by the library's safe
// writer (atomic replace, never over an input).
py::bytes Render(const align::WriteFn& write) {
  std::ostringstream out;
  Status status;
  {
    py::gil_scoped_release release;
    status = write(out);
  }
  Check(status);
  return Bytes(out.str());
}

void WriteFile(const std::string& path, const align::ProtectedFiles& inputs, const align::WriteFn& write) {
  Status status;
  {
    py::gil_scoped_release release;
    status = align::WriteOutputFile(path, inputs, write);
  }
  Check(status);
}

PyAlignment Align(const PySession& s, const std::vector<VersionArg>& versions, const Options& options) {
  std::shared_ptr<align::AlignResult> result;
  Status status;
  {
    py::gil_scoped_release release;
    align::AlignJob job;
    align::CheckConfig unused;
    status = FillJob(versions, options, &job, &unused);
    if (status.ok()) {
      auto aligned = align::RunAlign(job, *s.session);
      if (aligned.ok()) result = std::make_shared<align::AlignResult>(std::move(*aligned));
      else status = aligned.status();
    }
  }
  Check(status);
  std::vector<bool> from_file;
  for (const VersionArg& v : versions) from_file.push_back(!v.second);
  return {std::move(result), s.session->lexicon_files(), std::move(from_file)};
}

struct PyCheck {
  std::shared_ptr<const align::CheckResult> result;
  std::shared_ptr<const align::Session> session;  // owns the lexicon the findings point into
  PyAlignment alignment;

  align::FindingsReport Report() const {
    return {&result->align, &result->hits, &session->matcher()->lexicon(), &result->findings};
  }
};

PyCheck RunCheck(const PySession& s, const std::vector<VersionArg>& versions, const Options& options) {
  std::shared_ptr<align::CheckResult> result;
  Status status;
  {
    py::gil_scoped_release release;
    align::CheckJob job;
    status = FillJob(versions, options, &job.align, &job.config);
    if (status.ok()) {
      auto checked = align::RunCheck(job, *s.session);
      if (checked.ok()) result = std::make_shared<align::CheckResult>(std::move(*checked));
      else status = checked.status();
    }
  }
  Check(status);
  std::vector<bool> from_file;
  for (const VersionArg& v : versions) from_file.push_back(!v.second);
  // The alignment shares the check result's lifetime (an aliasing pointer).
  std::shared_ptr<const align::AlignResult> aligned(result, &result->align);
  PyAlignment alignment{std::move(aligned), s.session->lexicon_files(), std::move(from_file)};
  return {std::move(result), s.session, std::move(alignment)};
}

// The language a single document is read in: |tag|, or detected from its
// script as `talign segment` does (letterless text: the English rules, which
// assume nothing script-specific).
StatusOr<align::Language> DocumentLanguage(const align::Document& doc, const std::string& tag) {
  if (!tag.empty()) return ParseTag(tag);
  const align::LanguageRegistry::Detection detection = align::Languages().Detect(doc.bytes());
  if (detection.language == align::Language::kUnknown && !detection.script.empty()) {
    return align::InvalidArgument(fmt::format(
        "{}: the text is in the {} script but in none of the languages talign knows ({}); "
        "if it is one of them, give it with lang=",
        doc.name(), detection.script, align::Languages().Codes()));
  }
  return detection.language == align::Language::kUnknown ? align::Language::kEnglish : detection.language;
}

struct Segmented {
  align::Document doc;
  align::Language language = align::Language::kUnknown;
  std::vector<align::Sentence> sentences;
};

StatusOr<Segmented> ReadAndSplit(const align::Session* session, const VersionArg& version, const std::string& tag,
                                 bool presegmented, const std::string& encoding) {
  ALIGN_RETURN_IF_ERROR(align::LoadLanguages());
  align::ReadOptions read;
  read.encoding = encoding;
  auto doc = ReadVersion(version, read);
  if (!doc.ok()) return doc.status();
  auto language = DocumentLanguage(*doc, tag);
  if (!language.ok()) return language.status();
  Segmented out{std::move(*doc), *language, {}};
  if (presegmented) {
    out.sentences = align::SplitLines(out.doc);
    return out;
  }
  // Without a session, segmenters are kept for the process: rules are read
  // once, whatever number of calls. Never destroyed (exit order).
  static auto* cache = new align::SegmenterCache;
  auto segmenter = session ? session->SegmenterFor(out.language) : cache->Get(out.language);
  if (!segmenter.ok()) return segmenter.status();
  out.sentences = (*segmenter)->Split(out.doc);
  return out;
}

py::tuple Segment(const VersionArg& version, const std::string& tag, bool presegmented, const std::string& encoding) {
  StatusOr<Segmented> segmented = align::InvalidArgument("");
  {
    py::gil_scoped_release release;
    segmented = ReadAndSplit(nullptr, version, tag, presegmented, encoding);
  }
  Segmented s = Take(std::move(segmented));
  py::list sentences;
  for (const align::Sentence& sentence : s.sentences) {
    sentences.append(py::make_tuple(sentence.span.begin, sentence.span.end, sentence.paragraph));
  }
  return py::make_tuple(std::string(align::LanguageCode(s.language)), Bytes(s.doc.bytes()), sentences);
}

py::tuple Terms(const PySession& session, const VersionArg& version, const std::string& tag, const std::string& encoding) {
  const align::TermMatcher* matcher = session.session->matcher();
  if (matcher == nullptr) Raise(align::InvalidArgument("the session has no termbase"));
  StatusOr<Segmented> segmented = align::InvalidArgument("");
  std::vector<align::TermHit> hits;
  {
    py::gil_scoped_release release;
    segmented = ReadAndSplit(session.session.get(), version, tag, false, encoding);
    if (segmented.ok()) hits = matcher->Match(segmented->doc, segmented->language, segmented->sentences);
  }
  Segmented s = Take(std::move(segmented));
  const align::Lexicon& lexicon = matcher->lexicon();
  py::list out;
  for (const align::TermHit& hit : hits) {
    const align::Term& term = lexicon.terms()[hit.term_index];
    py::dict d;
    d["concept"] = lexicon.concepts()[hit.concept_index].id;
    d["kind"] = std::string(align::ConceptKindName(lexicon.concepts()[hit.concept_index].kind));
    d["term"] = term.text;
    d["status"] = std::string(align::TermStatusName(hit.status));
    d["lang"] = std::string(align::LanguageCode(term.language));
    d["sentence"] = hit.sentence;
    d["begin"] = hit.span.begin;
    d["end"] = hit.span.end;
    d["exact"] = hit.exact;
    out.append(d);
  }
  py::list sentences;
  for (const align::Sentence& sentence : s.sentences) sentences.append(py::make_tuple(sentence.span.begin, sentence.span.end));
  return py::make_tuple(std::string(align::LanguageCode(s.language)), Bytes(s.doc.bytes()), sentences, out);
}

}  // namespace

void AddPipeline(py::module_& m) {
  py::class_<Options>(m, "Options")
      .def(py::init<>())
      .def_readwrite("langs", &Options::langs)
      .def_readwrite("presegmented", &Options::presegmented)
      .def_readwrite("source", &Options::source)
      .def_readwrite("config_json", &Options::config_json)
      .def_readwrite("config_path", &Options::config_path)
      .def_readwrite("encoding", &Options::encoding);

  py::class_<PySession>(m, "Session", "Termbases, dictionaries and segmenters, loaded once and shared by every call.")
      .def(py::init(&CreateSession), py::arg("termbases"), py::arg("default_termbase"), py::arg("dictionaries"),
           py::arg("setup_dictionaries"))
      .def_property_readonly("termbase_files", [](const PySession& s) { return s.session->lexicon_files(); });

  py::class_<PyAlignment>(m, "AlignResult")
      .def("versions", &Versions)
      .def("beads", &Beads)
      .def("moves", &Moves)
      .def_property_readonly("warnings", [](const PyAlignment& a) { return a.result->alignment.warnings; })
      .def_property_readonly("termbase_files", [](const PyAlignment& a) { return a.termbase_files; })
      .def_property_readonly("dictionaries", [](const PyAlignment& a) { return a.result->settings.dictionaries; })
      .def("render", [](const PyAlignment& a, const std::string& format) {
        const align::AlignFormat f = ParseAlignFormatOrRaise(format);
        auto result = a.result;
        return Render([result, f](std::ostream& out) { return align::WriteAlignment(*result, f, out); });
      })
      .def("write", [](const PyAlignment& a, const std::string& path, const std::string& format, bool with_text) {
        const align::AlignFormat f = ParseAlignFormatOrRaise(format);
        if (with_text && f != align::AlignFormat::kJsonl)
          Raise(align::InvalidArgument("with_text is for JSON lines, but the format is " + format));
        auto result = a.result;
        WriteFile(path, InputFiles(*result, a.from_file), [result, f, with_text](std::ostream& out) {
          return with_text ? align::WriteJsonl(*result, out, {.with_text = true}) : align::WriteAlignment(*result, f, out);
        });
      }, py::arg("path"), py::arg("format"), py::arg("with_text") = false);

  py::class_<PyCheck>(m, "CheckResult")
      .def_property_readonly("alignment", [](const PyCheck& c) { return c.alignment; })
      .def_property_readonly("warnings", [](const PyCheck& c) { return c.result->warnings; })
      .def("render", [](const PyCheck& c, const std::string& format) {
        const align::FindingsFormat f = ParseFindingsFormatOrRaise(format);
        const align::FindingsReport report = c.Report();
        return Render([report, f](std::ostream& out) { return align::WriteFindings(report, f, {}, out); });
      })
      .def("write", [](const PyCheck& c, const std::string& path, const std::string& format) {
        const align::FindingsFormat f = ParseFindingsFormatOrRaise(format);
        const align::FindingsReport report = c.Report();
        WriteFile(path, InputFiles(c.result->align, c.alignment.from_file),
                  [report, f](std::ostream& out) { return align::WriteFindings(report, f, {}, out); });
      });

  m.def("align_formats", [] {
    std::vector<std::tuple<std::string, std::string, std::string>> out;
    for (const align::AlignFormatInfo& f : align::AlignFormats())
      out.emplace_back(std::string(f.name), std::string(f.extension), std::string(f.description));
    return out;
  });
  m.def("findings_formats", [] {
    std::vector<std::tuple<std::string, std::string, std::string>> out;
    for (const align::FindingsFormatInfo& f : align::FindingsFormats())
      out.emplace_back(std::string(f.name), std::string(f.extension), std::string(f.description));
    return out;
  });
  m.def("align", &Align, py::arg("session"), py::arg("versions"), py::arg("options"));
  m.def("check", &RunCheck, py::arg("session"), py::arg("versions"), py::arg("options"));
  m.def("segment", &Segment, py::arg("version"), py::arg("lang"), py::arg("presegmented"), py::arg("encoding"));
  m.def("terms", &Terms, py::arg("session"), py::arg("version"), py::arg("lang"), py::arg("encoding"));
}

}  // namespace talign_py
