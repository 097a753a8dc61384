// Termbase rows from a reviser's accepted free renderings.
//
// `talign check --format json` gives a missing-term finding a "rendering"
// when the dictionaries find the words that render the concept freely
// (docs/reports.md). A reviser who accepts such renderings keeps those
// findings (deletes the others) and turns them into termbase rows:
//
//   auto rows = align::SuggestTerms(json_text, "report.json");
//   // rows->front(): {"high_level_exchanges", "zh", "高层", 2}
//   align::WriteSuggestedRows(*rows, std::cout);   // long TSV, status admitted
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "align/status.h"

namespace align {

struct SuggestedTerm {
  std::string concept_id;
  std::string lang;       // the language tag of the version that wrote it
  std::string rendering;  // as written
  size_t findings = 0;    // how many findings gave this rendering
};

// The distinct (concept, language, rendering) of the missing-term findings
// with a rendering in a `check --format json` report, most frequent first
// within a concept and language, concepts in id order. A rendering of
// several pieces ("a … b") is no term and is left out. Errors name |name|
// (and the line of JSON syntax errors).
StatusOr<std::vector<SuggestedTerm>> SuggestTerms(std::string_view report_json, const std::string& name);

// Rows in the termbase TSV format (docs/termbases.md), status "admitted",
// the note saying how many findings gave the rendering.
Status WriteSuggestedRows(const std::vector<SuggestedTerm>& rows, std::ostream& out);

}  // namespace align
