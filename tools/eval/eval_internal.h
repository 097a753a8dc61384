// Shared by eval.cc and eval_lines.cc: JSON written the way Python's
// json.dumps writes it, so that --json output equals score.py's byte for byte.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eval.h"

namespace align::eval_internal {

// repr() of a Python float: shortest round-trip digits, "1.0", "1e-05".
std::string PyFloatRepr(double x);
// A JSON string with ensure_ascii escaping (\uXXXX for non-ASCII).
std::string PyJsonString(std::string_view s);
// The nine scores plus |extra| (key, already-serialised value), keys sorted,
// separators ", " and ": ".
std::string ScoresJson(const EvalScores& s, const std::vector<std::pair<std::string, std::string>>& extra);

}  // namespace align::eval_internal
