// The fixed names of finding types and severities (check.h), which the
// reports of findings print. Kept here until the checker's own sources
// (branch check) provide them; delete this file when merging it.
#include "align/check.h"

namespace align {

std::string_view FindingTypeName(FindingType type) {
  switch (type) {
    case FindingType::kDeprecatedTerm: return "deprecated-term";
    case FindingType::kMissingTerm: return "missing-term";
    case FindingType::kInconsistentTerm: return "inconsistent-term";
    case FindingType::kNumberMismatch: return "number-mismatch";
    case FindingType::kOmission: return "omission";
    case FindingType::kAddition: return "addition";
  }
  return "omission";
}

std::optional<FindingType> ParseFindingType(std::string_view name) {
  for (FindingType t : {FindingType::kDeprecatedTerm, FindingType::kMissingTerm, FindingType::kInconsistentTerm,
                        FindingType::kNumberMismatch, FindingType::kOmission, FindingType::kAddition}) {
    if (FindingTypeName(t) == name) return t;
  }
  return std::nullopt;
}

std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo: return "info";
    case Severity::kWarning: return "warning";
    case Severity::kError: return "error";
  }
  return "warning";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (Severity s : {Severity::kInfo, Severity::kWarning, Severity::kError}) {
    if (SeverityName(s) == name) return s;
  }
  return std::nullopt;
}

}  // namespace align
