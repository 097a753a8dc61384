// Marks the end of each phase of an alignment in an AlignTimings (internal).
#pragma once

#include <chrono>
#include <string_view>

#include "align/aligner.h"

namespace align::internal {

// Each Mark charges the time since the previous one (or since construction)
// to a phase; without a record it does nothing, not even read the clock.
class PhaseClock {
 public:
  explicit PhaseClock(AlignTimings* timings) : timings_(timings) {
    if (timings_) last_ = std::chrono::steady_clock::now();
  }
  void Mark(std::string_view phase) {
    if (!timings_) return;
    const auto now = std::chrono::steady_clock::now();
    timings_->Add(phase, std::chrono::duration<double>(now - last_).count());
    last_ = now;
  }

 private:
  AlignTimings* timings_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace align::internal
