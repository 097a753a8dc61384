// Steps shared by the job entry points of pipeline.h (RunAlign, RunCheck,
// batch): not installed.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "align/match.h"
#include "align/pipeline.h"

namespace align::internal {

// The termbases of |paths| merged into one, or the default termbase when
// |paths| is empty.
StatusOr<std::shared_ptr<const Lexicon>> LoadLexicons(const std::vector<std::string>& paths);

// How the output headers name the setup-built Urdu→English lexicon.
inline constexpr char kUrduEnglishName[] = "ur-en pivot lexicon (Apertium urd-hin + FreeDict eng-hin)";

// The user dictionaries of |job| and, when setup provided them, CC-CEDICT for
// an English–Chinese job and the Urdu→English lexicon for an English–Urdu
// one. Records their names in |result|.
StatusOr<AlignResources> LoadDictionaries(const AlignJob& job, AlignResult& result);

// Matches the termbase in every version and gives each sentence the concepts
// found in it (sorted, unique), so that shared concepts anchor the alignment.
// Returns the hits per version.
std::vector<std::vector<TermHit>> MatchAnchors(const TermMatcher& matcher, AlignResult& result);

}  // namespace align::internal
