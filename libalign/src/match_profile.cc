// Per-language matching profiles, from the language definitions, and the
// resources they name; everything else in match*.cc works on a MatchProfile
// (docs/matching.md explains the choices).
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "align/language.h"
#include "align/normalize.h"
#include "align/resources.h"
#include "match_internal.h"

namespace align::internal {

MatchProfile ProfileFor(Language language, const MatcherOptions& options) {
  // How a language is matched is in its definition (languages/<code>.lang);
  // the options name other resources for the bundled English and Urdu.
  const LanguageInfo& l = Languages().Info(language);
  MatchProfile p;
  p.units = l.units == TextUnits::kCharacters ? MatchProfile::Units::kChars : MatchProfile::Units::kWords;
  p.hunspell = l.hunspell;
  p.spelling_variants = l.spelling_variants;
  p.ise_ize = l.ise_ize;
  p.stems_keep_head = l.stems_keep_head;
  p.join_across_space = l.join_across_space;
  for (const LanguageEntry& e : l.Table("glued_postpositions"))
    p.glued_postpositions.push_back(Normalizer::Get().KeyOf(e.text));
  // Longest first, so that a longer postposition is tried before one it ends with.
  std::sort(p.glued_postpositions.begin(), p.glued_postpositions.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  const std::string& hunspell =
      language == Language::kEnglish ? options.english_hunspell
                                     : language == Language::kUrdu ? options.urdu_hunspell : std::string();
  if (!hunspell.empty()) {
    p.hunspell = {hunspell};
    p.hunspell_required = true;
  }
  if (language == Language::kEnglish && !options.english_spelling_variants.empty()) {
    p.spelling_variants = options.english_spelling_variants;
    p.spelling_required = true;
  }
  if (!options.stemming) {
    p.hunspell.clear();
    p.hunspell_required = false;
  }
  return p;
}

namespace {

// An absolute path as it is; a relative one through the data directories,
// then as given (relative to the working directory).
std::string Locate(const std::string& path) {
  if (std::filesystem::path(path).is_absolute()) return path;
  auto found = FindDataFile(path);
  return found.ok() ? *found : path;
}

bool Exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::is_regular_file(path, ec);
}

StatusOr<std::unordered_map<std::string, std::string>> LoadSpelling(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(fmt::format("{}: cannot read spelling variants", path));
  const Normalizer& norm = Normalizer::Get();
  std::unordered_map<std::string, std::string> variants;
  std::string line;
  for (uint32_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0 || tab + 1 >= line.size())
      return DataError(fmt::format("{}:{}:1: expected canonical<TAB>variant", path, number));
    const std::string canonical = norm.KeyOf(std::string_view(line).substr(0, tab));
    std::string_view rest = std::string_view(line).substr(tab + 1);
    rest = rest.substr(0, rest.find('\t'));  // further columns are notes
    const std::string variant = norm.KeyOf(rest);
    if (canonical.empty() || variant.empty())
      return DataError(fmt::format("{}:{}:1: empty spelling", path, number));
    if (variant != canonical) variants.emplace(variant, canonical);
  }
  return variants;
}

}  // namespace

StatusOr<std::unique_ptr<UnitCoder>> CreateCoder(Language language, const MatcherOptions& options,
                                                 std::vector<std::string>* warnings) {
  MatchProfile profile = ProfileFor(language, options);
  if (profile.units == MatchProfile::Units::kChars)
    return std::make_unique<UnitCoder>(profile, nullptr);

  std::unique_ptr<Hunspell> hunspell;
  for (const std::string& prefix : profile.hunspell) {
    const std::string aff = Locate(prefix + ".aff");
    const std::string dic = Locate(prefix + ".dic");
    if (!Exists(aff) || !Exists(dic)) continue;
    hunspell = std::make_unique<Hunspell>(aff.c_str(), dic.c_str());
    break;
  }
  if (!hunspell && !profile.hunspell.empty()) {
    const std::string message = fmt::format(
        "{}: hunspell dictionary {}.aff/.dic not found; {} terms match exact words only",
        LanguageCode(language), fmt::join(profile.hunspell, ".aff/.dic or "), LanguageCode(language));
    if (profile.hunspell_required) return NotFound(message);
    warnings->push_back(message);
  }

  std::unordered_map<std::string, std::string> spelling;
  if (!profile.spelling_variants.empty()) {
    const std::string path = Locate(profile.spelling_variants);
    if (Exists(path)) {
      auto loaded = LoadSpelling(path);
      if (!loaded.ok()) return loaded.status();
      spelling = std::move(*loaded);
    } else if (profile.spelling_required) {
      return NotFound(fmt::format("{}: spelling variants file not found", profile.spelling_variants));
    } else {
      warnings->push_back(fmt::format("{}: not found; only the -ise/-ize rule folds spellings",
                                      profile.spelling_variants));
    }
  }
  auto folder = std::make_unique<WordFolder>(profile, std::move(hunspell), std::move(spelling));
  return std::make_unique<UnitCoder>(profile, std::move(folder));
}

}  // namespace align::internal
