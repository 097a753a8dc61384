#include "cli_util.h"

#include <unistd.h>

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

void AddMaxInputSizeOption(CLI::App& cmd, std::string* value) {
  cmd.add_option("--max-input-size", *value,
                 fmt::format("Refuse inputs larger than this (bytes, or with K, M, G: 512M); default {}",
                             align::FormatBytes(align::ReadOptions{}.max_bytes)));
}

bool ReadLimit(const std::string& value, size_t* bytes) {
  if (value.empty()) {
    *bytes = align::ReadOptions{}.max_bytes;
    return true;
  }
  std::optional<size_t> parsed = align::ParseByteSize(value);
  if (!parsed) {
    Fail(fmt::format("--max-input-size {}: expected a size such as 1000000, 512K, 256M or 2G", value));
    return false;
  }
  *bytes = *parsed;
  return true;
}

align::Status WriteOutput(const std::string& path, const align::ProtectedFiles& inputs,
                          const align::WriteFn& write) {
  if (path.empty() || path == "-") {
    std::cout.flush();  // anything printed before goes first
    return align::WriteToDescriptor(STDOUT_FILENO, "<stdout>", write);
  }
  return align::WriteOutputFile(path, inputs, write);
}

align::ProtectedFiles Inputs(std::initializer_list<std::vector<std::string>> lists) {
  align::ProtectedFiles files;
  for (const std::vector<std::string>& list : lists) {
    for (const std::string& path : list) files.Add(path);
  }
  return files;
}

}  // namespace talign_cli
