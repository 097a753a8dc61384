// The _talign extension module: the C++ library as the Python package talign
// (python/talign/__init__.py) uses it. The friendly API (paths or text,
// pandas, docstrings for users) is in Python; this layer converts types,
// releases the GIL around the long calls and turns Status into exceptions.
#include <pybind11/pybind11.h>

#include "align/resources.h"
#include "binding.h"

namespace talign_py {

void Raise(const align::Status& status) {
  PyObject* type = PyExc_RuntimeError;
  switch (status.code()) {
    case align::StatusCode::kNotFound: type = PyExc_FileNotFoundError; break;
    case align::StatusCode::kInvalidArgument:
    case align::StatusCode::kDataError:
    case align::StatusCode::kResourceLimit: type = PyExc_ValueError; break;
    case align::StatusCode::kIoError: type = PyExc_OSError; break;
    default: break;
  }
  PyErr_SetString(type, status.message().c_str());
  throw py::error_already_set();
}

}  // namespace talign_py

PYBIND11_MODULE(_talign, m) {
  m.doc() = "talign's C++ library (internal: use the talign package)";
  m.def("version", [] { return std::string(align::Version()); }, "talign's version, MAJOR.MINOR.PATCH.");
  m.def("data_file", [](const std::string& relative) { return talign_py::Take(align::FindDataFile(relative)); },
        "The full path of a bundled data file (lexicons/official-terms.tsv, ...).");
  talign_py::AddPipeline(m);
  talign_py::AddTermbase(m);
}
