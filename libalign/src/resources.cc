#include "align/resources.h"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include <fmt/format.h>

namespace align {

StatusOr<std::string> FindDataFile(std::string_view relative) {
  std::vector<std::string> roots;
  if (const char* env = std::getenv("TALIGN_DATA_DIR"); env && *env) roots.emplace_back(env);
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
