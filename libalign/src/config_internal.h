// The settings tables of align/config.h as JSON objects, for writers that
// embed them in a larger document (output headers, batch fingerprints).
#pragma once

#include <nlohmann/json.hpp>

#include "align/config.h"

namespace align::internal {

nlohmann::ordered_json AlignerConfigToJson(const AlignerConfig& config);
nlohmann::ordered_json CheckConfigToJson(const CheckConfig& config);

}  // namespace align::internal
