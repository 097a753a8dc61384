#include "cli_util.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

namespace talign_cli {

int Fail(const align::Status& status) { return Fail(status.message()); }

int Fail(const std::string& message) {
  std::cerr << "talign: " << message << '\n';
  return 2;
}

bool ParseLangFlag(const std::string& tag, align::Language* language) {
  if (tag.empty()) {
    *language = align::Language::kUnknown;
    return true;
  }
  auto parsed = align::ParseLanguage(tag);
  if (!parsed) {
    Fail(fmt::format("unknown language '{}' (expected a BCP 47 tag such as en, zh-Hans, ur-PK)", tag));
    return false;
  }
  *language = *parsed;
  return true;
}

align::Status WriteOutput(const std::string& path,
                          const std::function<align::Status(std::ostream&)>& write) {
  if (path.empty() || path == "-") {
    align::Status s = write(std::cout);
    std::cout.flush();
    if (s.ok() && !std::cout) return align::IoError("<stdout>: write error");
    return s;
  }
  std::string tmp = fmt::format("{}.tmp.{}", path, ::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return align::IoError(fmt::format("{}: cannot create", tmp));
    align::Status s = write(out);
    out.flush();
    if (s.ok() && !out) s = align::IoError(fmt::format("{}: write error", tmp));
    if (!s.ok()) {
      out.close();
      std::remove(tmp.c_str());
      return s;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return align::IoError(fmt::format("{}: cannot rename into place: {}", path, ec.message()));
  }
  return align::Status::Ok();
}

}  // namespace talign_cli
