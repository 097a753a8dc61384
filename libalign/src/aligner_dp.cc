#include "aligner_dp.h"

#include <algorithm>
#include <cmath>

namespace align::internal {

size_t Band::Area() const {
  size_t a = 0;
  for (size_t i = 0; i < lo.size(); ++i) a += hi[i] - lo[i] + 1;
  return a;
}

Band MakeBand(size_t n, size_t m, const std::vector<double>& center, size_t w) {
  Band band;
  band.lo.resize(n + 1);
  band.hi.resize(n + 1);
  for (size_t i = 0; i <= n; ++i) {
    double c = std::clamp(center[i], 0.0, double(m));
    double lo = std::floor(c) - double(w), hi = std::ceil(c) + double(w);
    band.lo[i] = static_cast<uint32_t>(std::clamp(lo, 0.0, double(m)));
    band.hi[i] = static_cast<uint32_t>(std::clamp(hi, 0.0, double(m)));
  }
  band.lo[0] = 0;
  band.hi[n] = static_cast<uint32_t>(m);
  // Monotone edges, and consecutive rows that overlap, so that every node of
  // the band is reachable from (0, 0) and reaches (n, m).
  for (size_t i = 1; i <= n; ++i) band.hi[i] = std::max(band.hi[i], band.hi[i - 1]);
  for (size_t i = n; i-- > 0;) band.lo[i] = std::min(band.lo[i], band.lo[i + 1]);
  for (size_t i = 1; i <= n; ++i) band.lo[i] = std::min(band.lo[i], band.hi[i - 1]);
  return band;
}

std::vector<double> LengthDiagonal(const std::vector<double>& x_cum, const std::vector<double>& y_cum) {
  const size_t n = x_cum.size() - 1, m = y_cum.size() - 1;
  std::vector<double> center(n + 1, 0);
  const double xt = x_cum[n], yt = y_cum[m];
  size_t j = 0;
  for (size_t i = 0; i <= n; ++i) {
    if (xt <= 0 || yt <= 0) { center[i] = n ? double(i) * m / n : 0; continue; }
    const double target = x_cum[i] / xt * yt;
    while (j < m && y_cum[j + 1] <= target) ++j;
    // Interpolate inside sentence j.
    double span = j < m ? y_cum[j + 1] - y_cum[j] : 1;
    center[i] = double(j) + (span > 0 ? std::clamp((target - y_cum[j]) / span, 0.0, 1.0) : 0);
  }
  return center;
}

}  // namespace align::internal
