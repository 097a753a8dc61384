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

// The termbases of |paths| merged into one, or the default termbase when
// |paths| is empty.
StatusOr<std::shared_ptr<const Lexicon>> LoadLexicons(const std::vector<std::string>& paths);

// The dictionaries that setup fetches or builds, when it has: CC-CEDICT for
// English–Chinese and the Urdu→English lexicon for English–Urdu. Null when
// not wanted or not set up; a file that is there but broken is an error.
struct SetupDictionaries {
  std::shared_ptr<const Dictionary> cedict, urdu_english;
};
StatusOr<SetupDictionaries> LoadSetupDictionaries(bool cedict, bool urdu_english);
// The files behind the setup dictionaries that would be loaded (those that
// exist), for fingerprints of a run's settings.
std::vector<std::string> SetupDictionaryFiles(bool cedict, bool urdu_english);

// Adds to |resources| those of |setup| that serve a language pair of
// |result|'s versions, and their names (as output headers give them) to |names|.
void AddSetupDictionaries(const SetupDictionaries& setup, const AlignResult& result, AlignResources* resources,
                          std::vector<std::string>* names);

// The user dictionaries of |job| and, when setup provided them, CC-CEDICT for
// an English–Chinese job and the Urdu→English lexicon for an English–Urdu
// one. Records their names in |result|.
StatusOr<AlignResources> LoadDictionaries(const AlignJob& job, AlignResult& result);

// Matches the termbase in every version and gives each sentence the concepts
// found in it (sorted, unique), so that shared concepts anchor the alignment.
// Returns the hits per version.
std::vector<std::vector<TermHit>> MatchAnchors(const TermMatcher& matcher, AlignResult& result);

}  // namespace align::internal
