#include "cli_util.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

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

std::vector<std::string> SplitComma(const std::string& s) {
  std::vector<std::string> parts;
  size_t begin = 0;
  while (true) {
    size_t comma = s.find(',', begin);
    parts.push_back(s.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin));
    if (comma == std::string::npos) return parts;
    begin = comma + 1;
  }
}

bool ParseDictionaryFlag(const std::string& flag, align::DictionarySpec* spec) {
  spec->path = flag;
  size_t eq = flag.find('=');
  if (eq == std::string::npos) return true;
  std::vector<std::string> pair = SplitComma(flag.substr(0, eq));
  if (pair.size() != 2) return true;  // an '=' in a plain file name
  std::optional<align::Language> source = align::ParseLanguage(pair[0]);
  std::optional<align::Language> target = align::ParseLanguage(pair[1]);
  if (!source || !target) {
    Fail(fmt::format("--dictionary {}: unknown language in '{}' (expected SRC,TGT=FILE, e.g. en,ur=my.dic)",
                     flag, flag.substr(0, eq)));
    return false;
  }
  *spec = {flag.substr(eq + 1), *source, *target};
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
