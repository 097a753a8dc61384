// Internal helpers of the report_*.cc writers.
#pragma once

#include <ostream>

#include "align/pipeline.h"
#include "align/status.h"

namespace align::report_internal {

// kInvalidArgument unless every bead has one side per version and every side
// lies inside its version's sentences.
Status CheckAlignment(const AlignResult& result);

// Flushes |out| and turns a failed stream into kIoError.
Status Finish(std::ostream& out);

}  // namespace align::report_internal
