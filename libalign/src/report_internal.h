// Internal helpers of the report_*.cc writers.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "align/aligner.h"
#include "align/status.h"

namespace align::report_internal {

// kInvalidArgument unless every bead has one side per version and every side
// lies inside its version's sentences.
Status CheckAlignment(const AlignResult& result);

// |text| with every line break (CR LF, LF or CR) turned into one space, and
// tabs too when |tabs| is set: a sentence of hard-wrapped text is one line
// of a TSV row or one TMX segment.
std::string OneLine(std::string_view text, bool tabs);

// Flushes |out| and turns a failed stream into kIoError.
Status Finish(std::ostream& out);

}  // namespace align::report_internal
