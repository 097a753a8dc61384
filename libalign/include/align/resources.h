// Where talign finds its data files (segmentation rules, termbases, the
// compiled dictionary cache).
//
// Lookup order for a relative path such as "rules/en.rules":
//   1. the directory given in $TALIGN_DATA_DIR, when set;
//   2. the source tree the library was built from (so a build works in place);
//   3. the installed data directory (PREFIX/share/talign).
#pragma once

#include <string>
#include <string_view>

#include "align/status.h"

namespace align {

// The full path of data file |relative|, or kNotFound naming every place looked in.
StatusOr<std::string> FindDataFile(std::string_view relative);

// talign's version, "MAJOR.MINOR.PATCH".
std::string_view Version();

}  // namespace align
