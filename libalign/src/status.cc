#include "align/status.h"

#include <cstdio>
#include <cstdlib>

namespace align::internal {

void DieOfBadAccess(const Status& status) {
  std::fprintf(stderr, "talign: bug: the value of a failed StatusOr was used: %s\n", status.message().c_str());
  std::abort();
}

}  // namespace align::internal
