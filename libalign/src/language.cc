// The language registry: languages/languages.txt and the definitions it
// lists (docs/languages.md), read once per process.
#include "align/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <mutex>
#include <set>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "align/resources.h"
#include "align/text.h"
#include "utf8.h"

namespace align {
namespace {

// How the lines of a table section are read.
enum class SectionKind {
  kList,     // one entry a line, spaces allowed inside ("per cent")
  kNumbers,  // an entry and a number, the number last ("two 2")
  kPairs,    // two words ("ph f", "ي ی"), U+XXXX allowed in both
  kChars,    // characters separated by spaces, U+XXXX and U+XXXX..U+YYYY allowed
  kWords,    // words separated by spaces, any number a line
};

const std::unordered_map<std::string_view, SectionKind>& Sections() {
  static const std::unordered_map<std::string_view, SectionKind> kSections = {
      {"number_words", SectionKind::kNumbers},   {"ordinal_words", SectionKind::kNumbers},
      {"scales", SectionKind::kNumbers},         {"bound_scales", SectionKind::kNumbers},
      {"connectors", SectionKind::kList},        {"percent_words", SectionKind::kList},
      {"ordinal_suffixes", SectionKind::kList},  {"year_suffixes", SectionKind::kList},
      {"time_words", SectionKind::kList},        {"time_prefixes", SectionKind::kNumbers},
      {"fraction_words", SectionKind::kList},    {"non_number_followers", SectionKind::kList},
      {"months", SectionKind::kNumbers},         {"units", SectionKind::kNumbers},
      {"fold", SectionKind::kPairs},             {"drop", SectionKind::kChars},
      {"name_skeleton", SectionKind::kPairs},    {"letters", SectionKind::kChars},
      {"other_letters", SectionKind::kChars},
      {"non_number_preceders", SectionKind::kList}, {"number_idioms", SectionKind::kList},
      {"currency_scales", SectionKind::kNumbers},   {"weak_number_words", SectionKind::kNumbers},
      {"list_joiners", SectionKind::kList},
      {"glued_postpositions", SectionKind::kList},
      {"function_words", SectionKind::kWords},
  };
  return kSections;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s[j] != '\t') ++j;
    if (j > i) out.push_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "U+06CC" → U+06CC; nullopt when |w| is not of that form.
std::optional<char32_t> CodePointNotation(std::string_view w) {
  if (w.size() < 6 || w.size() > 8 || (w[0] != 'U' && w[0] != 'u') || w[1] != '+') return std::nullopt;
  uint32_t v = 0;
  auto [end, error] = std::from_chars(w.data() + 2, w.data() + w.size(), v, 16);
  if (error != std::errc() || end != w.data() + w.size() || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
    return std::nullopt;
  return static_cast<char32_t>(v);
}

// A word with U+XXXX spelled out, as UTF-8.
std::string Spelled(std::string_view w) {
  if (auto cp = CodePointNotation(w)) {
    std::string out;
    internal::AppendUtf8(out, *cp);
    return out;
  }
  return std::string(w);
}

bool OneCharacter(const std::string& s) {
  if (s.empty()) return false;
  size_t p = 0;
  internal::DecodeUtf8(s, p);
  return p == s.size();
}

class DefinitionReader {
 public:
  DefinitionReader(std::string path, LanguageInfo* info) : path_(std::move(path)), info_(info) {}

  Status Read(std::string_view bytes) {
    if (auto bad = FindInvalidUtf8(bytes))
      return DataError(fmt::format("{}: byte {}: invalid UTF-8", path_, *bad));
    std::string section;
    uint32_t number = 0;
    size_t pos = 0;
    while (pos < bytes.size()) {
      size_t nl = bytes.find('\n', pos);
      std::string_view raw = bytes.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
      pos = nl == std::string_view::npos ? bytes.size() : nl + 1;
      ++number;
      std::string_view line = StripComment(raw);
      if (line.empty()) continue;
      if (line.front() == '[') {
        if (line.back() != ']') return Error(number, "a section header is written [name]");
        section = std::string(Trim(line.substr(1, line.size() - 2)));
        if (section != "language" && !Sections().count(section))
          return Error(number, fmt::format("unknown section [{}] (docs/languages.md lists them)", section));
        continue;
      }
      if (section.empty()) return Error(number, "text before the first [section]");
      Status s = section == "language" ? Setting(line, number) : Entry(section, line, number);
      if (!s.ok()) return s;
    }
    return Finish();
  }

 private:
  // '#' starts a comment at the start of the line or after white space.
  static std::string_view StripComment(std::string_view line) {
    for (size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
        line = line.substr(0, i);
        break;
      }
    }
    return Trim(line);
  }

  Status Error(uint32_t line, std::string_view message) const {
    return DataError(fmt::format("{}:{}: {}", path_, line, message));
  }

  static std::optional<bool> YesNo(std::string_view v) {
    if (v == "yes" || v == "true") return true;
    if (v == "no" || v == "false") return false;
    return std::nullopt;
  }

  Status Setting(std::string_view line, uint32_t number) {
    const size_t eq = line.find('=');
    if (eq == std::string_view::npos) return Error(number, "expected name = value");
    const std::string name(Trim(line.substr(0, eq)));
    const std::string_view value = Trim(line.substr(eq + 1));
    if (!seen_.insert(name).second) return Error(number, fmt::format("'{}' is set twice", name));
    LanguageInfo& l = *info_;
    if (name == "code") {
      l.code = Lower(value);
    } else if (name == "name") {
      l.name = std::string(value);
    } else if (name == "aliases") {
      for (std::string_view w : Words(value)) l.aliases.push_back(Lower(w));
    } else if (name == "scripts") {
      for (std::string_view w : Words(value)) {
        const std::string script(w);
        const int code = u_getPropertyValueEnum(UCHAR_SCRIPT, script.c_str());
        if (code == UCHAR_INVALID_CODE || code == USCRIPT_COMMON || code == USCRIPT_INHERITED)
          return Error(number, fmt::format("'{}' is not an ISO 15924 script code (Latn, Hani, Arab, ...)", w));
        l.scripts.push_back(script);
        l.script_codes.push_back(code);
      }
    } else if (name == "direction") {
      if (value == "ltr") l.direction = TextDirection::kLeftToRight;
      else if (value == "rtl") l.direction = TextDirection::kRightToLeft;
      else return Error(number, "direction is ltr or rtl");
    } else if (name == "units") {
      if (value == "words") l.units = TextUnits::kWords;
      else if (value == "characters") l.units = TextUnits::kCharacters;
      else return Error(number, "units is words or characters");
    } else if (name == "rules") {
      l.rules = std::string(value);
    } else if (name == "hunspell") {
      for (std::string_view w : Words(value)) l.hunspell.emplace_back(w);
    } else if (name == "spelling_variants") {
      l.spelling_variants = std::string(value);
    } else if (name == "ise_ize" || name == "stems_keep_head" || name == "join_across_space") {
      auto yes = YesNo(value);
      if (!yes) return Error(number, fmt::format("{} is yes or no", name));
      (name == "ise_ize" ? l.ise_ize : name == "stems_keep_head" ? l.stems_keep_head : l.join_across_space) = *yes;
    } else if (name == "detect_weight") {
      double w = 0;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), w);
      if (error != std::errc() || end != value.data() + value.size() || !(w > 0 && w <= 100))
        return Error(number, "detect_weight is a number above 0, at most 100");
      l.detect_weight = w;
    } else {
      return Error(number, fmt::format("unknown setting '{}' (docs/languages.md lists them)", name));
    }
    return Status::Ok();
  }

  Status Entry(const std::string& section, std::string_view line, uint32_t number) {
    std::vector<LanguageEntry>& table = info_->tables[section];
    switch (Sections().at(section)) {
      case SectionKind::kList:
        table.push_back({std::string(line), {}, 0, number});
        return Status::Ok();
      case SectionKind::kNumbers: {
        const size_t cut = line.find_last_of(" \t");
        if (cut == std::string_view::npos) return Error(number, "expected an entry and its number");
        const std::string_view text = Trim(line.substr(0, cut)), value = line.substr(cut + 1);
        double v = 0;
        auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(v))
          return Error(number, fmt::format("'{}' is not a number", value));
        table.push_back({std::string(text), std::string(value), v, number});
        return Status::Ok();
      }
      case SectionKind::kPairs: {
        const std::vector<std::string_view> w = Words(line);
        if (w.size() != 2) return Error(number, "expected two entries: what and what it becomes");
        std::string from = Spelled(w[0]), to = Spelled(w[1]);
        // Folding maps a character to a character; a skeleton class is one letter.
        if (section == "fold" && !OneCharacter(from)) return Error(number, fmt::format("'{}' is not one character", w[0]));
        if (!OneCharacter(to)) return Error(number, fmt::format("'{}' is not one character", w[1]));
        table.push_back({std::move(from), std::move(to), 0, number});
        return Status::Ok();
      }
      case SectionKind::kWords:
        for (std::string_view w : Words(line)) table.push_back({std::string(w), {}, 0, number});
        return Status::Ok();
      case SectionKind::kChars:
        for (std::string_view w : Words(line)) {
          const size_t dots = w.find("..");
          if (dots != std::string_view::npos) {
            auto a = CodePointNotation(w.substr(0, dots)), b = CodePointNotation(w.substr(dots + 2));
            if (!a || !b || *b < *a || *b - *a > 4096)
              return Error(number, fmt::format("'{}': a range is U+XXXX..U+YYYY, at most 4096 long", w));
            for (char32_t c = *a; c <= *b; ++c) {
              if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates are no characters
              std::string one;
              internal::AppendUtf8(one, c);
              table.push_back({one, {}, 0, number});
            }
            continue;
          }
          std::string one = Spelled(w);
          if (!OneCharacter(one)) return Error(number, fmt::format("'{}' is not one character", w));
          table.push_back({std::move(one), {}, 0, number});
        }
        return Status::Ok();
    }
    return Status::Ok();
  }

  Status Finish() {
    const LanguageInfo& l = *info_;
    if (l.code.empty()) return DataError(fmt::format("{}: no 'code =' in [language]", path_));
    if (l.script_codes.empty()) return DataError(fmt::format("{}: no 'scripts =' in [language]", path_));
    if (l.rules.empty()) return DataError(fmt::format("{}: no 'rules =' in [language]", path_));
    if (l.name.empty()) info_->name = l.code;
    return Status::Ok();
  }

  std::string path_;
  LanguageInfo* info_;
  std::set<std::string> seen_;
};

StatusOr<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(fmt::format("{}: cannot read", path));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (buf.str().size() > (size_t{4} << 20)) return DataError(fmt::format("{}: larger than 4 MiB", path));
  return buf.str();
}

bool ValidCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 8) return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

}  // namespace

const std::vector<LanguageEntry>& LanguageInfo::Table(std::string_view section) const {
  static const std::vector<LanguageEntry> kEmpty;
  auto it = tables.find(section);
  return it == tables.end() ? kEmpty : it->second;
}

bool LanguageInfo::HasScript(int script_code) const {
  return std::find(script_codes.begin(), script_codes.end(), script_code) != script_codes.end();
}

LanguageInfo LanguageRegistry::Unknown() {
  LanguageInfo l;
  l.code = "und";
  l.name = "unknown";
  return l;
}

StatusOr<LanguageRegistry> LanguageRegistry::Load() {
  auto index_path = FindDataFile("languages/languages.txt");
  if (!index_path.ok()) return index_path.status();
  auto index = ReadFile(*index_path);
  if (!index.ok()) return index.status();
  // The bundled languages keep their ids whatever the order of the list.
  static constexpr std::pair<std::string_view, Language> kFixed[] = {
      {"en", Language::kEnglish}, {"zh", Language::kChinese}, {"ur", Language::kUrdu}};
  LanguageRegistry r;
  r.languages_.resize(std::size(kFixed));
  std::map<std::string, std::string> owner;  // code or alias → the file that claims it
  std::istringstream lines(*index);
  std::string raw;
  for (uint32_t number = 1; std::getline(lines, raw); ++number) {
    std::string_view line = Trim(raw);
    if (line.empty() || line[0] == '#') continue;
    const std::string code = Lower(line);
    if (!ValidCode(code))
      return DataError(fmt::format("{}:{}: '{}' is not a language code (2 to 8 letters a-z)", *index_path, number, line));
    LanguageInfo info;
    auto path = FindDataFile(fmt::format("languages/{}.lang", code));
    if (!path.ok()) return NotFound(fmt::format("{}:{}: {}", *index_path, number, path.status().message()));
    auto bytes = ReadFile(*path);
    if (!bytes.ok()) return bytes.status();
    ALIGN_RETURN_IF_ERROR(DefinitionReader(*path, &info).Read(*bytes));
    if (info.code != code)
      return DataError(fmt::format("{}: its code is '{}', not '{}' as its name says", *path, info.code, code));
    info.file = *path;
    for (const std::string& name : [&] {
           std::vector<std::string> all = info.aliases;
           all.insert(all.begin(), info.code);
           return all;
         }()) {
      auto [it, fresh] = owner.try_emplace(name, *path);
      if (!fresh)
        return DataError(fmt::format("{}: '{}' already names the language of {}", *path, name, it->second));
    }
    auto fixed = std::find_if(std::begin(kFixed), std::end(kFixed), [&](auto& f) { return f.first == code; });
    if (fixed != std::end(kFixed)) {
      info.id = fixed->second;
      r.languages_[static_cast<size_t>(fixed->second) - 1] = std::move(info);
    } else {
      if (r.languages_.size() >= 250) return DataError(fmt::format("{}: more than 250 languages", *index_path));
      info.id = static_cast<Language>(r.languages_.size() + 1);
      r.languages_.push_back(std::move(info));
    }
  }
  for (const auto& [code, id] : kFixed) {
    if (r.languages_[static_cast<size_t>(id) - 1].code.empty())
      return DataError(fmt::format("{}: the bundled language '{}' is not listed", *index_path, code));
  }
  return r;
}

std::optional<Language> LanguageRegistry::Parse(std::string_view tag) const {
  // Only the primary subtag decides; script and region subtags are accepted
  // as long as they are letters and digits.
  const size_t cut = tag.find_first_of("-_");
  if (cut != std::string_view::npos) {
    std::string_view rest = tag.substr(cut + 1);
    if (rest.empty()) return std::nullopt;
    for (char c : rest) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) return std::nullopt;
    }
  }
  const std::string primary = PrimaryLanguageSubtag(tag.substr(0, cut));
  if (primary.empty()) return std::nullopt;
  for (const LanguageInfo& l : languages_) {
    if (l.code == primary || std::find(l.aliases.begin(), l.aliases.end(), primary) != l.aliases.end())
      return l.id;
  }
  return std::nullopt;
}

const LanguageInfo& LanguageRegistry::Info(Language language) const {
  const size_t id = static_cast<size_t>(language);
  if (id == 0 || id > languages_.size()) return unknown_;
  return languages_[id - 1];
}

std::string LanguageRegistry::Codes() const {
  std::string out;
  for (const LanguageInfo& l : languages_) out += (out.empty() ? "" : ", ") + l.code;
  return out;
}

LanguageRegistry::Detection LanguageRegistry::Detect(std::string_view text) const {
  // Letters per script over a bounded prefix: official versions are written
  // in one script with the odd Latin name or acronym.
  struct ScriptCount {
    int code;
    double weighted = 0;
    size_t letters = 0;
  };
  std::vector<ScriptCount> scripts;  // in order of first appearance
  std::vector<size_t> own(languages_.size(), 0), other(languages_.size(), 0);
  std::vector<std::pair<const std::vector<LanguageEntry>*, const std::vector<LanguageEntry>*>> marks;
  for (const LanguageInfo& l : languages_) marks.push_back({&l.Table("letters"), &l.Table("other_letters")});
  auto listed = [](const std::vector<LanguageEntry>& set, std::string_view ch) {
    return std::any_of(set.begin(), set.end(), [&](const LanguageEntry& e) { return e.text == ch; });
  };
  const size_t limit = std::min<size_t>(text.size(), 1 << 16);
  size_t pos = 0;
  while (pos < limit) {
    const size_t start = pos;
    const char32_t cp = internal::DecodeUtf8(text, pos);
    if (cp >= 0x80) {
      const std::string_view ch = text.substr(start, pos - start);
      for (size_t k = 0; k < languages_.size(); ++k) {
        if (marks[k].first->empty()) continue;
        own[k] += listed(*marks[k].first, ch);
        other[k] += listed(*marks[k].second, ch);
      }
    }
    if (!u_isalpha(static_cast<UChar32>(cp))) continue;
    UErrorCode error = U_ZERO_ERROR;
    const int script = uscript_getScript(static_cast<UChar32>(cp), &error);
    if (U_FAILURE(error) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) continue;
    auto it = std::find_if(scripts.begin(), scripts.end(), [&](const ScriptCount& s) { return s.code == script; });
    if (it == scripts.end()) it = scripts.insert(scripts.end(), ScriptCount{script});
    double weight = 1;
    for (const LanguageInfo& l : languages_)
      if (l.HasScript(script)) weight = std::max(weight, l.detect_weight);
    it->weighted += weight;
    ++it->letters;
  }
  Detection d;
  if (scripts.empty()) return d;
  const ScriptCount* top = &scripts[0];
  for (const ScriptCount& s : scripts)
    if (s.weighted > top->weighted) top = &s;
  d.script = uscript_getName(static_cast<UScriptCode>(top->code));
  const LanguageInfo* fallback = nullptr;
  size_t best = 0;
  for (size_t k = 0; k < languages_.size(); ++k) {
    const LanguageInfo& l = languages_[k];
    if (!l.HasScript(top->code)) continue;
    if (marks[k].first->empty()) {
      if (!fallback) fallback = &l;
      continue;
    }
    if (own[k] * 100 >= top->letters && own[k] > other[k] && own[k] > best) {
      best = own[k];
      d.language = l.id;
    }
  }
  if (d.language == Language::kUnknown && fallback) d.language = fallback->id;
  return d;
}

namespace {

struct ProcessRegistry {
  std::once_flag once;
  LanguageRegistry registry;
  Status status = Status::Ok();
};

ProcessRegistry& Process() {
  static ProcessRegistry* p = new ProcessRegistry();  // never destroyed: used by other statics at exit
  std::call_once(p->once, [] {
    auto loaded = LanguageRegistry::Load();
    if (loaded.ok()) p->registry = std::move(*loaded);
    else p->status = loaded.status();
  });
  return *p;
}

}  // namespace

const LanguageRegistry& Languages() { return Process().registry; }

Status LoadLanguages() { return Process().status; }

}  // namespace align
