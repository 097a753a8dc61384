// The divergence checker: findings from the beads of an alignment and the
// termbase hits of every version.
//
//   auto aligned = align::RunAlign(job);                      // pipeline.h
//   auto findings = align::Check(*aligned, hits, *matcher, align::CheckConfig{});
//   for (const align::Finding& f : *findings) ...             // report.h writes them
//
// Precision first: a finding a careful reviser would reject is a defect, so
// every finding is tied to the evidence that supports it (spans in every
// version involved) and says what was expected.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "align/match.h"
#include "align/pipeline.h"

namespace align {

// The finding types of BRIEF §4; their names are fixed.
enum class FindingType {
  kDeprecatedTerm,    // "deprecated-term"
  kMissingTerm,       // "missing-term"
  kInconsistentTerm,  // "inconsistent-term"
  kNumberMismatch,    // "number-mismatch"
  kOmission,          // "omission"
  kAddition,          // "addition"
};
std::string_view FindingTypeName(FindingType type);
std::optional<FindingType> ParseFindingType(std::string_view name);

enum class Severity { kInfo, kWarning, kError };
std::string_view SeverityName(Severity severity);  // "info", "warning", "error"
std::optional<Severity> ParseSeverity(std::string_view name);

// Where a finding is, in one version.
struct FindingPlace {
  size_t version = 0;               // index into AlignResult::versions
  std::vector<uint32_t> sentences;  // sentence indices of that version in the bead
  std::vector<Span> spans;          // the offending or relevant bytes (may be empty)
};

struct Finding {
  FindingType type = FindingType::kOmission;
  Severity severity = Severity::kWarning;
  std::optional<uint32_t> concept_index;  // into the Lexicon's concepts; none for numbers, omissions
  size_t version = 0;                     // the version at fault (BRIEF §4 conventions)
  size_t bead = 0;                        // index into Alignment::beads
  std::vector<FindingPlace> places;       // every version involved
  std::string evidence;                   // the offending text, as written
  std::vector<std::string> expected;      // what was expected (preferred renderings, numbers)
  std::string message;                    // one line, English
};

}  // namespace align
