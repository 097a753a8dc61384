// The number vocabularies of the registered languages, built from the
// tables of their definitions (languages/<code>.lang; Chinese numerals are a
// positional system handled by the scanner itself, numerals.h). Entries are
// written as in text and folded to keys once.
#include "numbers_words.h"

#include <vector>

#include "align/language.h"
#include "align/normalize.h"

namespace align::internal {
namespace {

std::string K(const std::string& text) { return Normalizer::Get().KeyOf(text); }

void AddWords(NumberVocabulary& v, const std::vector<LanguageEntry>& table, bool ordinal) {
  for (const LanguageEntry& e : table) v.words[K(e.text)] = NumberWord{e.number, ordinal};
}
void AddList(std::vector<std::string>& out, const std::vector<LanguageEntry>& table) {
  for (const LanguageEntry& e : table) out.push_back(K(e.text));
}
void AddMap(std::unordered_map<std::string, double>& out, const std::vector<LanguageEntry>& table) {
  for (const LanguageEntry& e : table) out[K(e.text)] = e.number;
}

NumberVocabulary Build(const LanguageInfo& l) {
  NumberVocabulary v;
  AddWords(v, l.Table("number_words"), false);
  AddWords(v, l.Table("ordinal_words"), true);
  AddMap(v.scales, l.Table("scales"));
  AddMap(v.bound_scales, l.Table("bound_scales"));
  AddList(v.connectors, l.Table("connectors"));
  AddList(v.percent_words, l.Table("percent_words"));
  AddList(v.ordinal_suffixes, l.Table("ordinal_suffixes"));
  AddList(v.year_suffixes, l.Table("year_suffixes"));
  AddList(v.time_words, l.Table("time_words"));
  for (const LanguageEntry& e : l.Table("time_prefixes")) v.time_prefixes[K(e.text)] = static_cast<int>(e.number);
  AddList(v.fraction_words, l.Table("fraction_words"));
  AddList(v.non_number_followers, l.Table("non_number_followers"));
  for (const LanguageEntry& e : l.Table("months")) v.months[K(e.text)] = static_cast<int>(e.number);
  AddMap(v.units, l.Table("units"));
  AddList(v.non_number_preceders, l.Table("non_number_preceders"));
  AddList(v.number_idioms, l.Table("number_idioms"));
  AddMap(v.currency_scales, l.Table("currency_scales"));
  AddMap(v.weak_words, l.Table("weak_number_words"));
  AddList(v.list_joiners, l.Table("list_joiners"));
  return v;
}

}  // namespace

const NumberVocabulary& VocabularyFor(Language language) {
  static const std::vector<NumberVocabulary> all = [] {
    std::vector<NumberVocabulary> v;
    for (const LanguageInfo& l : Languages().all()) v.push_back(Build(l));
    return v;
  }();
  static const NumberVocabulary none;
  const size_t id = static_cast<size_t>(language);
  return id >= 1 && id <= all.size() ? all[id - 1] : none;
}

}  // namespace align::internal
