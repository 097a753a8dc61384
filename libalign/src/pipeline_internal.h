// Steps shared by the job entry points of pipeline.h (RunAlign, RunCheck,
// batch): not installed.
#pragma once

#include <exception>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "align/match.h"
#include "align/pipeline.h"

namespace align::internal {

// Runs |fn| (returning Status or StatusOr) and turns what escapes it as an
// exception into an error value: std::bad_alloc into kResourceLimit ("out of
// memory"), anything else into kInternal. The job entry points use it so
// that no input can end the process through an exception.
template <typename Fn>
auto Guarded(Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const std::bad_alloc&) {
    return ResourceLimit("out of memory");
  } catch (const std::exception& e) {
    return Internal(std::string("internal error: ") + e.what());
  }
}

// The files behind the setup dictionaries that would be loaded (those that
// exist), for fingerprints of a run's settings.
std::vector<std::string> SetupDictionaryFiles(bool cedict, bool urdu_english);

// What produced a check: the session's termbases and the dictionaries used
// (|names| and |paths| as Session::DictionariesFor gives them), each with its
// hash, the source language and the settings.
StatusOr<Provenance> ProvenanceOf(const CheckJob& job, const CheckConfig& config, const AlignResult& aligned,
                                  const Session& session, const std::vector<std::string>& names,
                                  const std::vector<std::string>& paths);

// Aligns the prepared |result| with the session's dictionaries for its
// languages (recorded in result.settings.dictionaries).
Status AlignPrepared(const AlignJob& job, const Session& session, AlignResult& result);

// RunCheck of a job with one input: read as a CAT-tool file (check_cat.cc).
StatusOr<CheckResult> CheckCatFile(const CheckJob& job, const Session& session);

}  // namespace align::internal
