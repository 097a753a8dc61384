// Shared by the files of the _talign extension module: how library errors
// become Python exceptions, and the registration of each part.
#pragma once

#include <utility>

#include <pybind11/pybind11.h>

#include "align/status.h"

namespace talign_py {

namespace py = pybind11;

// Raises the Python exception of |status|'s code with the library's message:
// kNotFound → FileNotFoundError, kInvalidArgument/kDataError/kResourceLimit →
// ValueError, kIoError → OSError, anything else → RuntimeError. The GIL must
// be held (callers reacquire it before looking at a result).
[[noreturn]] void Raise(const align::Status& status);

inline void Check(const align::Status& status) {
  if (!status.ok()) Raise(status);
}

template <typename T>
T Take(align::StatusOr<T>&& value) {
  if (!value.ok()) Raise(value.status());
  return std::move(*value);
}

void AddPipeline(py::module_& m);   // pipeline.cc: Session, segment, terms, align, check
void AddTermbase(py::module_& m);   // termbase.cc: load, lint, convert

}  // namespace talign_py
