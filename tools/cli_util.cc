#include "cli_util.h"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <span>
#include <string_view>
#include <vector>
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

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

template <typename Info>
bool ResolveFormat(std::span<const Info> formats, const CLI::Option* given, const std::string& output,
                   std::string* format) {
  if (output.empty() || output == "-") return true;
  const std::string name = std::filesystem::path(output).filename().string();
  const size_t dot = name.rfind('.');
  if (dot == std::string::npos || dot == 0) return true;
  const std::string extension = Lower(name.substr(dot + 1));
  for (const Info& f : formats) {
    if (f.extension != extension) continue;
    if (given == nullptr || given->count() == 0) {
      *format = std::string(f.name);
      return true;
    }
    if (*format == f.name) return true;
    Fail(fmt::format("-o {}: the extension .{} says --format {}, but --format is {}; give one that agrees "
                     "(or a file name with another extension)",
                     output, extension, f.name, *format));
    return false;
  }
  return true;
}

size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

bool ResolveAlignFormat(const CLI::Option* given, const std::string& output, std::string* format) {
  return ResolveFormat(align::AlignFormats(), given, output, format);
}

bool ResolveFindingsFormat(const CLI::Option* given, const std::string& output, std::string* format) {
  return ResolveFormat(align::FindingsFormats(), given, output, format);
}

void AddExcelOption(CLI::App& cmd, bool* value) {
  cmd.add_flag("--excel", *value,
               "With --format csv: for Microsoft Excel, a UTF-8 byte order mark first and a cell starting with "
               "=, +, -, @ (a formula to Excel) prefixed with '");
}

bool CheckExcelFlag(bool excel, const std::string& format) {
  if (!excel || format == "csv") return true;
  Fail(fmt::format("--excel is for CSV output, but the format is {}: add --format csv (or -o FILE.csv)", format));
  return false;
}

void AddColorOption(CLI::App& cmd, std::string* value) {
  cmd.add_option("--color", *value, "Colour in text output: auto (a terminal, unless NO_COLOR is set or TERM=dumb), "
                                    "always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

bool UseColor(const std::string& mode, bool to_terminal) {
  if (mode == "always") return true;
  if (mode == "never" || !to_terminal) return false;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  return !(no_color && *no_color) && !(term && std::string_view(term) == "dumb");
}

std::string ClosestCommand(const CLI::App& app, const std::string& typed) {
  std::string best;
  size_t best_distance = 3;
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    const std::string& name = sub->get_name();
    const size_t d = name.rfind(Lower(typed), 0) == 0 && !typed.empty() ? 0 : EditDistance(Lower(typed), name);
    if (d < best_distance) best = name, best_distance = d;
  }
  return best;
}

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

void AddEncodingOption(CLI::App& cmd, std::string* value) {
  cmd.add_option("--encoding", *value,
                 "Encoding of the inputs without a byte order mark, when not UTF-8 (ICU converter names: GB18030, "
                 "GBK, Big5, windows-1256, UTF-16LE, ...); a UTF-16 byte order mark is read without it. Offsets "
                 "are then into the UTF-8 text");
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
