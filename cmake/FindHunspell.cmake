# Finds Debian's libhunspell (no CMake package ships with it) and defines
# the imported target Hunspell::Hunspell.
find_path(Hunspell_INCLUDE_DIR hunspell/hunspell.hxx)
find_library(Hunspell_LIBRARY NAMES hunspell-1.7 hunspell)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Hunspell REQUIRED_VARS Hunspell_LIBRARY Hunspell_INCLUDE_DIR)
if(Hunspell_FOUND AND NOT TARGET Hunspell::Hunspell)
  add_library(Hunspell::Hunspell UNKNOWN IMPORTED)
  set_target_properties(Hunspell::Hunspell PROPERTIES
    IMPORTED_LOCATION "${Hunspell_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${Hunspell_INCLUDE_DIR}")
endif()
mark_as_advanced(Hunspell_INCLUDE_DIR Hunspell_LIBRARY)
