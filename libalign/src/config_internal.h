// The settings tables of align/config.h as JSON objects, for writers that
// embed them in a larger document (output headers, batch fingerprints).
#pragma once

#include <nlohmann/json.hpp>

#include "align/config.h"
#include "align/provenance.h"

namespace align::internal {

nlohmann::ordered_json AlignerConfigToJson(const AlignerConfig& config);
nlohmann::ordered_json CheckConfigToJson(const CheckConfig& config);
// {"talign", "termbases": [{"path", "sha256"}], "dictionaries": [{"name",
// "path", "sha256"}], "source", "missing_dictionaries" (when setup ones
// are not set up), "baseline_sha256" (when one was given),
// "check": {...}, "aligner": {...}}.
nlohmann::ordered_json ProvenanceToJson(const Provenance& provenance);

}  // namespace align::internal
