// Errors as values at the library boundary.
//
// The library never prints and never exits: every fallible call returns a
// Status or a StatusOr<T>. A message names the offending input the way a
// compiler does, "FILE:LINE:COLUMN: what is wrong" or "FILE: byte N: ...",
// so that the CLI can print it as is.
//
//   align::StatusOr<align::Document> doc = align::Document::Load("a.en.txt");
//   if (!doc.ok()) { std::cerr << doc.status().message() << '\n'; return 2; }
//   use(*doc);
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace align {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad flags or config values
  kNotFound,         // a file or resource that does not exist
  kDataError,        // malformed input: invalid UTF-8, a broken termbase line
  kIoError,          // the OS refused a read or a write
  kResourceLimit,    // input beyond a safety bound (entity expansion, size)
  kInternal,         // a bug: an invariant of ours did not hold
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return {}; }
  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status DataError(std::string m) { return {StatusCode::kDataError, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status ResourceLimit(std::string m) { return {StatusCode::kResourceLimit, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

namespace internal {
// Reached only through a bug: StatusOr::value() on an error. Prints the
// error on stderr and aborts, in every build type, so that the bug shows
// where it is instead of as undefined behaviour later.
[[noreturn]] void DieOfBadAccess(const Status& status);
}  // namespace internal

// A value or the Status that explains why there is none. value() (and * and
// ->) on an error is a bug, and aborts with the error's message.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) status_ = Status(StatusCode::kInternal, "StatusOr made from an OK status without a value");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { Check(); return *value_; }
  const T& value() const& { Check(); return *value_; }
  T&& value() && { Check(); return std::move(*value_); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  void Check() const {
    if (!value_.has_value()) internal::DieOfBadAccess(status_);
  }
  Status status_;
  std::optional<T> value_;
};

}  // namespace align

// Returns early from a function returning Status or StatusOr<T>.
#define ALIGN_RETURN_IF_ERROR(expr)              \
  do {                                           \
    ::align::Status align_status_ = (expr);      \
    if (!align_status_.ok()) return align_status_; \
  } while (0)
