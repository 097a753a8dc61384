// Where talign finds its data files (segmentation rules, termbases, the
// compiled dictionary cache).
//
// Lookup order for a relative path such as "rules/en.rules":
//   1. the directory given in $TALIGN_DATA_DIR, when set;
//   2. ../share/talign beside the running executable's directory (read from
//      /proc/self/exe; skipped where that cannot be read), so that an
//      installed tree or an unpacked bundle (tools/make-bundle.sh) moved to
//      another prefix uses its own data. For a program linking libalign this
//      is that program's directory: e.g. /usr/bin/python3 gives
//      /usr/share/talign;
//   3. the source tree the library was built from (so a build works in place);
//   4. the installed data directory (PREFIX/share/talign, PREFIX as configured).
// The first root holding the file wins, file by file.
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
