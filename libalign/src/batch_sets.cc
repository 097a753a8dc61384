// Finding document sets: by name in a directory tree, or from a manifest.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "align/batch.h"
#include "align/text.h"

namespace align {
namespace fs = std::filesystem;
namespace {

// "x/readout.zh-Hans.txt" → stem "x/readout", tag "zh-Hans"; false when the
// name does not end in ".LANG.txt" with a language we know.
bool SplitLanguageSuffix(const std::string& path, std::string* stem, std::string* tag) {
  constexpr std::string_view kTxt = ".txt";
  if (path.size() <= kTxt.size() || path.compare(path.size() - kTxt.size(), kTxt.size(), kTxt) != 0) {
    return false;
  }
  std::string base = path.substr(0, path.size() - kTxt.size());
  size_t dot = base.rfind('.');
  size_t slash = base.rfind('/');
  if (dot == std::string::npos || dot == 0 || (slash != std::string::npos && dot <= slash + 1)) {
    return false;
  }
  std::string lang = base.substr(dot + 1);
  std::optional<Language> parsed = ParseLanguage(lang);
  if (!parsed || *parsed == Language::kUnknown) return false;
  *stem = base.substr(0, dot);
  *tag = lang;
  return true;
}

Language LanguageOfTag(const std::string& tag) {
  std::optional<Language> parsed = ParseLanguage(tag);
  return parsed ? *parsed : Language::kUnknown;
}

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> fields;
  size_t begin = 0;
  while (true) {
    size_t tab = line.find('\t', begin);
    fields.push_back(line.substr(begin, tab == std::string::npos ? std::string::npos : tab - begin));
    if (tab == std::string::npos) return fields;
    begin = tab + 1;
  }
}

// Set names become paths inside the out dir: they must stay inside it.
bool SafeName(const std::string& name) {
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  for (const fs::path& part : fs::path(name)) {
    if (part == ".." || part == "." || part.empty()) return false;
  }
  return name.find('\0') == std::string::npos;
}

// The sets of manifest text; |path| names it in errors and its directory is
// the base of relative file names.
StatusOr<std::vector<BatchSet>> ParseManifest(std::string_view text, const std::string& path,
                                              const std::vector<std::string>& language_tags) {
  const std::string base = fs::path(path).parent_path().string();
  std::vector<BatchSet> sets;
  std::map<std::string, int> seen;  // name → line
  int number = 0;
  for (size_t begin = 0; begin < text.size();) {
    size_t nl = text.find('\n', begin);
    if (nl == std::string_view::npos) nl = text.size();
    std::string line(text.substr(begin, nl - begin));
    begin = nl + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    auto where = [&](int column) { return fmt::format("{}:{}:{}", path, number, column); };
    std::vector<std::string> fields = SplitTabs(line);
    if (fields.size() != 3 && fields.size() != 4) {
      return DataError(fmt::format("{}: expected name<TAB>file<TAB>file[<TAB>file], got {} field{}",
                                   where(1), fields.size(), fields.size() == 1 ? "" : "s"));
    }
    BatchSet set;
    set.name = fields[0];
    set.line = number;
    if (!SafeName(set.name)) {
      return DataError(fmt::format("{}: set name '{}' must be a relative path without '.' or '..' parts",
                                   where(1), set.name));
    }
    if (auto [it, fresh] = seen.emplace(set.name, number); !fresh) {
      return DataError(fmt::format("{}: set '{}' already named on line {}", where(1), set.name, it->second));
    }
    if (!language_tags.empty() && language_tags.size() != fields.size() - 1) {
      return DataError(fmt::format("{}: {} files but --langs names {} languages", where(1),
                                   fields.size() - 1, language_tags.size()));
    }
    size_t column = fields[0].size() + 2;
    for (size_t f = 1; f < fields.size(); ++f) {
      const std::string& file = fields[f];
      if (file.empty()) return DataError(fmt::format("{}: empty file name", where(column)));
      if (file == "-") return DataError(fmt::format("{}: standard input cannot be a batch input", where(column)));
      std::string stem, tag;
      if (!language_tags.empty()) {
        tag = language_tags[f - 1];
      } else if (!SplitLanguageSuffix(file, &stem, &tag)) {
        tag.clear();  // detected from the script of the text by the pipeline
      }
      bool absolute = fs::path(file).is_absolute();
      set.inputs.push_back(absolute || base.empty() ? file : (fs::path(base) / file).string());
      set.language_tags.push_back(tag);
      column += file.size() + 1;
    }
    sets.push_back(std::move(set));
  }
  return sets;
}

}  // namespace

StatusOr<std::vector<BatchSet>> DiscoverSets(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return NotFound(fmt::format("{}: no such directory", dir));
  // stem → (language → relative file); std::map keeps names sorted.
  std::map<std::string, std::map<Language, std::vector<std::string>>> groups;
  // A directory that cannot be read would silently drop its sets from the
  // batch: it is an error that names it. Links to directories are not
  // followed (no loops); links to files are taken as the files.
  fs::recursive_directory_iterator it(dir, ec);
  fs::path current = dir;
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    current = it->path();
    std::error_code type_ec;
    if (it->is_directory(type_ec)) continue;
    std::string rel = it->path().lexically_relative(dir).generic_string();
    std::string stem, tag;
    if (!SplitLanguageSuffix(rel, &stem, &tag)) continue;
    groups[stem][LanguageOfTag(tag)].push_back(rel);
  }
  if (ec) return IoError(fmt::format("{}: cannot read: {}", current.string(), ec.message()));
  std::vector<BatchSet> sets;
  const std::string prefix = (dir.empty() || dir.back() == '/') ? dir : dir + "/";
  for (auto& [stem, by_language] : groups) {
    size_t files = 0;
    for (auto& [language, paths] : by_language) files += paths.size();
    if (files < 2) continue;  // a lone version is not a set
    BatchSet set;
    set.name = stem;
    for (auto& [language, paths] : by_language) {
      if (paths.size() > 1) {
        std::sort(paths.begin(), paths.end());
        return InvalidArgument(fmt::format("{}{} and {}{}: two versions in one language for set '{}'",
                                           prefix, paths[0], prefix, paths[1], stem));
      }
      std::string stem_unused, tag;
      SplitLanguageSuffix(paths[0], &stem_unused, &tag);
      set.inputs.push_back(prefix + paths[0]);
      set.language_tags.push_back(tag);
    }
    if (set.inputs.size() > 3) {
      return InvalidArgument(fmt::format("{}{}: more than three versions for set '{}'", prefix,
                                         stem, stem));
    }
    sets.push_back(std::move(set));
  }
  return sets;
}

StatusOr<std::vector<BatchSet>> ReadManifest(const std::string& path,
                                             const std::vector<std::string>& language_tags) {
  ReadOptions read;
  read.max_bytes = size_t{256} << 20;
  auto manifest = Document::Load(path, read);
  if (!manifest.ok()) {
    if (manifest.status().code() == StatusCode::kNotFound) return NotFound(fmt::format("{}: no such manifest", path));
    return manifest.status();
  }
  return ParseManifest(manifest->bytes().substr(manifest->content_begin()), path, language_tags);
}

StatusOr<std::string> ManifestText(const std::vector<BatchSet>& sets, const std::vector<std::string>& language_tags) {
  std::string text = "# talign batch manifest: name<TAB>file<TAB>file[<TAB>file], absolute files\n";
  for (const BatchSet& set : sets) {
    // The set's first file is what the user can find and rename.
    const std::string& file = set.inputs.empty() ? set.name : set.inputs.front();
    std::vector<std::string> fields{set.name};
    for (const std::string& input : set.inputs) {
      std::error_code ec;
      fs::path absolute = fs::absolute(input, ec);
      if (ec) return IoError(fmt::format("{}: cannot make the path absolute: {}", input, ec.message()));
      fields.push_back(absolute.string());
    }
    for (const std::string& field : fields) {
      if (field.find_first_of("\t\n\r") != std::string::npos) {
        return DataError(fmt::format("{}: set '{}': a tab or a line break in a name cannot be written to a manifest; "
                                     "rename the file",
                                     file, set.name));
      }
      if (auto bad = FindInvalidUtf8(field)) {
        return DataError(fmt::format("{}: set '{}': byte {} of a name is not UTF-8, which a manifest must be; "
                                     "rename the file",
                                     file, set.name, *bad + 1));
      }
    }
    if (!set.name.empty() && set.name.front() == '#') {
      return DataError(fmt::format("{}: set '{}' starts with '#', which a manifest reads as a comment; rename the file",
                                   file, set.name));
    }
    for (size_t f = 0; f < fields.size(); ++f) text += (f ? "\t" : "") + fields[f];
    text += '\n';
  }
  // Whatever the checks above miss (a name the reader trims or refuses)
  // must not reach the tasks as a different list of sets.
  auto read_back = ParseManifest(text, "", language_tags);
  for (size_t i = 0; i < sets.size(); ++i) {
    const BatchSet& set = sets[i];
    bool same = read_back.ok() && i < read_back->size() && (*read_back)[i].name == set.name &&
                (*read_back)[i].language_tags == set.language_tags &&
                (*read_back)[i].inputs.size() == set.inputs.size();
    for (size_t f = 0; same && f < set.inputs.size(); ++f) {
      same = fs::absolute(set.inputs[f]).string() == (*read_back)[i].inputs[f];
    }
    if (!same) {
      return DataError(fmt::format("{}: set '{}' would not read back the same from a manifest; rename the file",
                                   set.inputs.empty() ? set.name : set.inputs.front(), set.name));
    }
  }
  if (!read_back.ok() || read_back->size() != sets.size()) {
    return DataError("the sets would not read back the same from a manifest");
  }
  return text;
}

std::vector<BatchSet> TaskSlice(const std::vector<BatchSet>& sets, int task_index, int per_task) {
  if (task_index <= 0 || per_task <= 0) return sets;
  size_t begin = static_cast<size_t>(task_index - 1) * static_cast<size_t>(per_task);
  if (begin >= sets.size()) return {};
  size_t end = std::min(sets.size(), begin + static_cast<size_t>(per_task));
  return {sets.begin() + static_cast<std::ptrdiff_t>(begin), sets.begin() + static_cast<std::ptrdiff_t>(end)};
}

}  // namespace align
