// The languages talign knows, as data: each is defined by a file
// languages/<code>.lang (docs/languages.md), listed in languages/languages.txt,
// and found through FindDataFile (so $TALIGN_DATA_DIR can add or replace
// languages without a C++ change). A definition gives the language's code
// and aliases, scripts, direction, whether matching works on words or on
// characters, its segmentation rules and stemming resources, and tables:
// number words, letter folding, name skeletons, letters that tell it from
// other languages of its script.
//
//   const align::LanguageRegistry& languages = align::Languages();
//   std::optional<align::Language> ur = languages.Parse("ur-PK");
//   const align::LanguageInfo& info = languages.Info(*ur);   // info.direction, info.units ...
//   for (const align::LanguageEntry& e : info.Table("scales")) use(e.text, e.number);
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "align/status.h"

namespace align {

// A language: an id in the registry. The bundled languages keep fixed ids;
// a language registered from data gets the next free one (Language{4}, ...)
// in the order languages/languages.txt lists it. Generic code says
// source/target and asks the registry, never branching on these.
enum class Language : uint8_t { kUnknown = 0, kEnglish = 1, kChinese = 2, kUrdu = 3 };

enum class TextDirection : uint8_t { kLeftToRight, kRightToLeft };

// What term matching and the checker's term units work on: words between
// spaces and punctuation, or single characters (scripts without spaces).
enum class TextUnits : uint8_t { kWords, kCharacters };

// One line of a table section: its text (a word, a phrase, a letter) and,
// for sections that give one, its value as written and as a number.
struct LanguageEntry {
  std::string text;
  std::string value;
  double number = 0;
  uint32_t line = 0;  // in the definition file, for messages
};

struct LanguageInfo {
  Language id = Language::kUnknown;
  std::string code;                  // BCP 47 primary subtag: "en"
  std::string name;                  // English name: "English"
  std::vector<std::string> aliases;  // other primary subtags: "eng"
  // ISO 15924 codes ("Latn", "Hani", "Arab") and their ICU script codes.
  std::vector<std::string> scripts;
  std::vector<int> script_codes;
  TextDirection direction = TextDirection::kLeftToRight;
  TextUnits units = TextUnits::kWords;
  std::string rules;  // segmentation rules, a data path: "rules/en.rules"
  // Term matching (docs/matching.md): hunspell dictionary prefixes, tried in
  // order (absolute, or data paths); US/UK spelling variants; the -ise/-ize
  // rule; whether a stem keeps the word's head; whether words may be written
  // solid or spaced (بندرگاہ, بندر گاہ).
  std::vector<std::string> hunspell;
  std::string spelling_variants;
  bool ise_ize = false;
  bool stems_keep_head = false;
  bool join_across_space = false;
  // Weight of one letter of this language's scripts when telling the
  // script of a text (a Han character carries about a Latin word's letters).
  double detect_weight = 1;
  std::string file;  // the definition file, as found

  // The entries of a table section ("number_words", "fold", ...); empty when
  // the file has none.
  const std::vector<LanguageEntry>& Table(std::string_view section) const;
  bool HasScript(int script_code) const;

  std::map<std::string, std::vector<LanguageEntry>, std::less<>> tables;
};

class LanguageRegistry {
 public:
  // Reads languages/languages.txt and every definition it lists through
  // FindDataFile. Errors (kNotFound, kDataError) name the file and line.
  static StatusOr<LanguageRegistry> Load();

  // The language of a BCP 47 tag ("ur-PK", "zh_Hans", "eng"), by its
  // primary subtag, code or alias (case-insensitive). nullopt when the tag
  // is malformed or names a language without a definition.
  std::optional<Language> Parse(std::string_view tag) const;
  // The definition of |language|; a placeholder ("und") for kUnknown or an
  // id the registry does not have.
  const LanguageInfo& Info(Language language) const;
  // Every language, in id order.
  std::span<const LanguageInfo> all() const { return languages_; }
  // "en, zh, ur": the codes, for messages.
  std::string Codes() const;

  // What DetectLanguage found: the language, or the script that dominates a
  // text no registered language matched (for the message).
  struct Detection {
    Language language = Language::kUnknown;
    std::string script;  // ISO 15924 name of the dominant script; empty when no letters
  };
  // The language whose script dominates |text| (its first 64 KiB); among
  // languages sharing that script, the one whose characteristic letters
  // ([letters]) make up at least 1% of the script's letters and outnumber
  // the letters it does not use ([other_letters]); a language of that
  // script without such lists is the fallback. Arabic text (ي ك ة ه ى,
  // ٠-٩) is therefore not taken for Urdu (ی ک ہ ے ں ٹ, ۰-۹).
  Detection Detect(std::string_view text) const;

 private:
  std::vector<LanguageInfo> languages_;  // index = id - 1
  static LanguageInfo Unknown();
  LanguageInfo unknown_ = Unknown();
};

// The registry of the process, loaded on first use (thread-safe). When
// loading failed it is empty (every tag unknown); LoadLanguages() tells why.
const LanguageRegistry& Languages();
// Loads the process registry if not yet done; the error, every time, when it
// could not be loaded. Front ends call it first so that a broken data
// directory is one clear message.
Status LoadLanguages();

}  // namespace align
