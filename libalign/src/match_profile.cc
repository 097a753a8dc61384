// Per-language matching profiles and the resources they name. This table is
// the one place that says how each language is matched; everything else in
// match*.cc works on a MatchProfile (docs/matching.md explains the choices).
#include <hunspell/hunspell.hxx>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "align/normalize.h"
#include "align/resources.h"
#include "match_internal.h"

namespace align::internal {

MatchProfile ProfileFor(Language language, const MatcherOptions& options) {
  MatchProfile p;
  switch (language) {
    case Language::kEnglish:
      // Inflections through Debian's US dictionary; British spellings fold
      // onto it through the variants table and the -ise/-ize rule; compounds
      // may be hyphenated or solid (iron-clad, ironclad).
      if (!options.english_hunspell.empty()) {
        p.hunspell = {options.english_hunspell};
        p.hunspell_required = true;
      } else {
        p.hunspell = {"/usr/share/hunspell/en_US", "/usr/share/myspell/dicts/en_US"};
      }
      p.spelling_variants = options.english_spelling_variants.empty()
                                ? "lexicons/en/spelling-variants.tsv"
                                : options.english_spelling_variants;
      p.spelling_required = !options.english_spelling_variants.empty();
      p.ise_ize = true;
      p.stems_keep_head = true;
      break;
    case Language::kUrdu:
      // Our own affix file for plural and oblique forms, and broken plurals
      // listed with their singular (ممالک -> ملک, وزرائے -> وزیر), so stems
      // may start differently from the word; compounds and transliterations
      // are written solid or spaced (بندرگاہ, بندر گاہ).
      if (!options.urdu_hunspell.empty()) {
        p.hunspell = {options.urdu_hunspell};
        p.hunspell_required = true;
      } else {
        p.hunspell = {"lexicons/ur/ur"};
      }
      p.join_across_space = true;
      break;
    case Language::kChinese:
      p.units = MatchProfile::Units::kChars;
      break;
    case Language::kUnknown:
      break;
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
        LanguageCode(language), profile.hunspell.front(), LanguageCode(language));
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
