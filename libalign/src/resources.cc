#include "align/resources.h"

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <vector>

#include <fmt/format.h>

namespace align {

namespace {

// <dir of the running executable>/../share/talign, so that an installed tree
// (or an unpacked bundle) moved to another prefix still finds its own data.
// Linux only: where /proc/self/exe cannot be read (no /proc, another system)
// there is no such root and the others are used.
std::optional<std::string> ExecutableDataRoot() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || !exe.is_absolute()) return std::nullopt;
  return (exe.parent_path() / ".." / "share" / "talign").lexically_normal().string();
}

}  // namespace

StatusOr<std::string> FindDataFile(std::string_view relative) {
  // The executable does not move while it runs: one readlink per process.
  static const std::optional<std::string> executable_root = ExecutableDataRoot();
  std::vector<std::string> roots;
  if (const char* env = std::getenv("TALIGN_DATA_DIR"); env && *env) roots.emplace_back(env);
  if (executable_root) roots.push_back(*executable_root);
  roots.emplace_back(TALIGN_SOURCE_DATA_DIR);
  roots.emplace_back(TALIGN_INSTALL_DATA_DIR);
  std::string tried;
  for (const std::string& root : roots) {
    std::filesystem::path p = std::filesystem::path(root) / std::string(relative);
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
    tried += fmt::format("{}{}", tried.empty() ? "" : ", ", p.string());
  }
  return NotFound(fmt::format("data file {} not found (looked in {}); set TALIGN_DATA_DIR",
                              relative, tried));
}

std::string_view Version() { return TALIGN_VERSION; }

}  // namespace align
