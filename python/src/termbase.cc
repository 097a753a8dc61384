// Termbases for Python: load (concepts and terms as Python objects), lint
// (the problems `talign lexicon lint` lists) and convert between TSV and TBX.
#include <string>
#include <vector>

#include <pybind11/stl.h>

#include "align/lexicon.h"
#include "align/output.h"
#include "binding.h"

namespace talign_py {
namespace {

// The termbases of |paths| merged, as a session merges them; none: the bundled one.
align::StatusOr<align::Lexicon> LoadMerged(const std::vector<std::string>& paths) {
  if (paths.empty()) return align::Lexicon::LoadDefault();
  std::vector<align::Lexicon> loaded;
  for (const std::string& path : paths) {
    auto lexicon = align::Lexicon::Load(path);
    if (!lexicon.ok()) return lexicon.status();
    loaded.push_back(std::move(*lexicon));
  }
  if (loaded.size() == 1) return std::move(loaded.front());
  return align::Lexicon::Merge(loaded);
}

align::Lexicon Load(const std::vector<std::string>& paths) {
  align::StatusOr<align::Lexicon> lexicon = align::InvalidArgument("");
  {
    py::gil_scoped_release release;
    lexicon = LoadMerged(paths);
  }
  return Take(std::move(lexicon));
}

py::dict Describe(const std::vector<std::string>& paths) {
  const align::Lexicon lexicon = Load(paths);
  py::list concepts;
  for (const align::Concept& c : lexicon.concepts()) {
    py::list terms;
    for (uint32_t t : c.terms) {
      const align::Term& term = lexicon.terms()[t];
      py::dict d;
      d["text"] = term.text;
      d["lang"] = std::string(align::LanguageCode(term.language));
      d["status"] = std::string(align::TermStatusName(term.status));
      d["note"] = term.note;
      d["line"] = term.line;
      terms.append(d);
    }
    py::dict d;
    d["id"] = c.id;
    d["kind"] = std::string(align::ConceptKindName(c.kind));
    d["terms"] = terms;
    concepts.append(d);
  }
  py::dict out;
  out["sources"] = lexicon.sources();
  out["concepts"] = concepts;
  return out;
}

py::list Lint(const std::vector<std::string>& paths) {
  std::vector<align::LexiconProblem> problems;
  {
    py::gil_scoped_release release;
    for (const std::string& path : paths) {
      std::vector<align::LexiconProblem> p = align::Lexicon::Lint(path);
      problems.insert(problems.end(), p.begin(), p.end());
    }
  }
  py::list out;
  for (const align::LexiconProblem& p : problems) {
    py::dict d;
    d["file"] = p.file;
    d["line"] = p.line;
    d["column"] = p.column;
    d["severity"] = p.severity == align::LexiconProblem::Severity::kError     ? "error"
                    : p.severity == align::LexiconProblem::Severity::kWarning ? "warning"
                                                                              : "unreadable";
    d["message"] = p.message;
    d["text"] = p.ToString();
    out.append(d);
  }
  return out;
}

// Writes the merged termbases of |paths| to |out| as "tsv" or "tbx" of
// |tbx_version| 2 or 3 (the Python layer decides the format from the
// extension).
void Convert(const std::vector<std::string>& paths, const std::string& out, const std::string& format,
             int tbx_version) {
  if (format != "tsv" && format != "tbx") Raise(align::InvalidArgument("termbase format must be 'tsv' or 'tbx', not '" + format + "'"));
  if (tbx_version != 2 && tbx_version != 3)
    Raise(align::InvalidArgument("tbx_version must be 2 or 3, not " + std::to_string(tbx_version)));
  const align::Lexicon lexicon = Load(paths);
  align::Status status;
  {
    py::gil_scoped_release release;
    align::ProtectedFiles inputs;
    for (const std::string& path : paths) inputs.Add(path);
    status = align::WriteOutputFile(out, inputs, [&](std::ostream& stream) {
      return format == "tbx" ? lexicon.WriteTbx(stream, tbx_version) : lexicon.WriteTsv(stream);
    });
  }
  Check(status);
}

}  // namespace

void AddTermbase(py::module_& m) {
  m.def("termbase_load", &Describe, py::arg("paths"));
  m.def("termbase_lint", &Lint, py::arg("paths"));
  m.def("termbase_convert", &Convert, py::arg("paths"), py::arg("out"), py::arg("format"), py::arg("tbx_version"));
}

}  // namespace talign_py
