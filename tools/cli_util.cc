#include "cli_util.h"

#include <unistd.h>

#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "align/config.h"
#include "align/report.h"
#include "align/terminal_text.h"

namespace talign_cli {

namespace {

// Where the line break before the usage hint is in |message|; its size when
// the last line is not such a hint.
size_t UsageHintStart(std::string_view message) {
  const size_t nl = message.rfind('\n');
  if (nl == std::string_view::npos) return message.size();
  std::string_view last = message.substr(nl + 1);
  constexpr std::string_view kBegin = "Run 'talign", kEnd = " --help' for usage.";
  if (last.size() < kBegin.size() + kEnd.size() || !last.starts_with(kBegin) || !last.ends_with(kEnd))
    return message.size();
  // Between them: nothing, or " COMMAND" in lower-case letters and hyphens.
  std::string_view command = last.substr(kBegin.size(), last.size() - kBegin.size() - kEnd.size());
  if (!command.empty() && command.front() != ' ') return message.size();
  for (char c : command.substr(command.empty() ? 0 : 1))
    if (!((c >= 'a' && c <= 'z') || c == '-')) return message.size();
  return nl;
}

}  // namespace

int Fail(const align::Status& status) { return Fail(status.message()); }

int Fail(const std::string& message) {
  // Every error goes through here, and messages quote file names, flags and
  // termbase text. Control characters in them are escaped (\n, \x1B: see
  // align::TerminalSafe), so that a file name with a newline or an ESC in it
  // can neither forge a line of diagnostics nor drive the terminal. The one
  // line break kept is the CLI's own usage hint: a last line of the form
  // "Run 'talign[ COMMAND] --help' for usage." stays a line of its own (a file
  // name could at most imitate that very hint, never another diagnostic).
  const size_t hint = UsageHintStart(message);
  std::cerr << "talign: " << align::TerminalSafe(std::string_view(message).substr(0, hint));
  if (hint < message.size()) std::cerr << '\n' << std::string_view(message).substr(hint + 1);
  std::cerr << '\n';
  return 2;
}

void Warn(const std::string& message) {
  std::cerr << "talign: warning: " << align::TerminalSafe(message) << '\n';
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

namespace {

template <typename Info>
CLI::Option* AddFormatOption(CLI::App& cmd, std::string* value, std::span<const Info> formats) {
  std::vector<std::string> names;
  std::string help = "Output format:";
  for (const Info& f : formats) {
    names.emplace_back(f.name);
    help += fmt::format("{} {} ({})", names.size() > 1 ? ";" : "", f.name, f.description);
  }
  return cmd.add_option("--format", *value, help)->check(CLI::IsMember(names));
}

}  // namespace

CLI::Option* AddAlignFormatOption(CLI::App& cmd, std::string* value) {
  return AddFormatOption(cmd, value, align::AlignFormats());
}

CLI::Option* AddFindingsFormatOption(CLI::App& cmd, std::string* value) {
  return AddFormatOption(cmd, value, align::FindingsFormats());
}

void AddConfigOption(CLI::App& cmd, std::string* path) {
  cmd.add_option("--config", *path,
                 "JSON file of aligner and checker settings (talign config prints them; docs/configuration.md)");
}

bool LoadConfig(const std::string& path, align::AlignerConfig* aligner, align::CheckConfig* check) {
  if (path.empty()) return true;
  align::Status s = align::LoadConfigFile(path, aligner, check);
  if (!s.ok()) Fail(s);
  return s.ok();
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
