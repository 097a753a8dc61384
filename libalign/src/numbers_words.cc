// The number vocabularies of English and Urdu (Chinese numerals are a
// positional system handled by the scanner itself, with the few markers
// below). Entries are written as in text and folded to keys once.
#include "numbers_words.h"

#include <initializer_list>
#include <utility>

#include "align/normalize.h"

namespace align::internal {
namespace {

using Pairs = std::initializer_list<std::pair<const char*, double>>;
using Words = std::initializer_list<const char*>;

std::string K(const char* text) { return Normalizer::Get().KeyOf(text); }

void AddWords(NumberVocabulary& v, Pairs pairs, bool ordinal) {
  for (const auto& [w, value] : pairs) v.words[K(w)] = NumberWord{value, ordinal};
}
void AddList(std::vector<std::string>& out, Words words) {
  for (const char* w : words) out.push_back(K(w));
}
void AddMap(std::unordered_map<std::string, double>& out, Pairs pairs) {
  for (const auto& [w, value] : pairs) out[K(w)] = value;
}

NumberVocabulary English() {
  NumberVocabulary v;
  // "one" and "first" are left out: articles, "one-China", "first of all".
  // "second" is a unit of time as often as an ordinal.
  AddWords(v, {{"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
               {"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12},
               {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},
               {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
               {"thirty", 30}, {"forty", 40}, {"fifty", 50}, {"sixty", 60}, {"seventy", 70},
               {"eighty", 80}, {"ninety", 90}, {"dozen", 12}, {"decade", 10}},
           false);
  AddWords(v, {{"third", 3}, {"fourth", 4}, {"fifth", 5}, {"sixth", 6}, {"seventh", 7},
               {"eighth", 8}, {"ninth", 9}, {"tenth", 10}, {"eleventh", 11}, {"twelfth", 12},
               {"thirteenth", 13}, {"fourteenth", 14}, {"fifteenth", 15}, {"sixteenth", 16},
               {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
               {"thirtieth", 30}, {"fortieth", 40}, {"fiftieth", 50}, {"sixtieth", 60},
               {"seventieth", 70}, {"eightieth", 80}, {"ninetieth", 90}, {"hundredth", 100}},
           true);
  AddMap(v.scales, {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
                    {"lakh", 1e5}, {"lakhs", 1e5}, {"crore", 1e7}, {"crores", 1e7}});
  AddMap(v.bound_scales, {{"hundred", 1e2}});
  AddList(v.connectors, {"and"});
  AddList(v.percent_words, {"percent", "per cent", "percentage point", "percentage points", "%"});
  AddList(v.ordinal_suffixes, {"th", "st", "nd", "rd"});
  AddList(v.time_words, {"p.m.", "a.m.", "pm", "am", "o'clock", "o’clock"});
  AddList(v.fraction_words, {"quarter", "quarters", "third", "thirds", "fifths", "half", "halves"});
  for (const auto& [name, month] : std::initializer_list<std::pair<const char*, int>>{
           {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3},
           {"april", 4}, {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7},
           {"jul", 7}, {"august", 8}, {"aug", 8}, {"september", 9}, {"sep", 9}, {"sept", 9},
           {"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11}, {"december", 12},
           {"dec", 12}}) {
    v.months[K(name)] = month;
  }
  AddMap(v.units, {{"kilowatt", 1e3}, {"kilowatts", 1e3}, {"kw", 1e3}, {"megawatt", 1e6},
                   {"megawatts", 1e6}, {"mw", 1e6}, {"gigawatt", 1e9}, {"gigawatts", 1e9},
                   {"gw", 1e9}});
  return v;
}

NumberVocabulary Urdu() {
  NumberVocabulary v;
  // ایک (one) is left out like "one"; اسی (eighty) is also "the very same".
  AddWords(v, {{"دو", 2}, {"تین", 3}, {"چار", 4}, {"پانچ", 5}, {"چھ", 6}, {"سات", 7},
               {"آٹھ", 8}, {"نو", 9}, {"دس", 10}, {"گیارہ", 11}, {"بارہ", 12}, {"تیرہ", 13},
               {"چودہ", 14}, {"پندرہ", 15}, {"سولہ", 16}, {"سترہ", 17}, {"اٹھارہ", 18},
               {"انیس", 19}, {"بیس", 20}, {"پچیس", 25}, {"تیس", 30}, {"چالیس", 40},
               {"پچاس", 50}, {"ساٹھ", 60}, {"ستر", 70}, {"پچھتر", 75}, {"نوے", 90},
               {"ڈیڑھ", 1.5}, {"ڈھائی", 2.5}, {"دہائی", 10}},
           false);
  AddWords(v, {{"تیسرا", 3}, {"تیسری", 3}, {"تیسرے", 3}, {"چوتھا", 4}, {"چوتھی", 4},
               {"چوتھے", 4}, {"پانچواں", 5}, {"پانچویں", 5}, {"چھٹا", 6}, {"چھٹی", 6},
               {"چھٹے", 6}, {"ساتواں", 7}, {"ساتویں", 7}, {"آٹھواں", 8}, {"آٹھویں", 8},
               {"نواں", 9}, {"نویں", 9}, {"دسواں", 10}, {"دسویں", 10}},
           true);
  AddMap(v.scales, {{"ہزار", 1e3}, {"لاکھ", 1e5}, {"کروڑ", 1e7}, {"ارب", 1e9}, {"کھرب", 1e11},
                    {"ملین", 1e6}, {"بلین", 1e9}});
  AddMap(v.bound_scales, {{"سو", 1e2}});
  AddList(v.percent_words, {"فیصد", "%", "٪"});
  AddList(v.ordinal_suffixes, {"ویں", "واں", "ویں", "وں"});
  AddList(v.year_suffixes, {"ء"});
  AddList(v.time_words, {"بجے", "بجکر", "بج کر"});
  v.time_prefixes = {{K("ساڑھے"), 30}, {K("سوا"), 15}, {K("پونے"), -15}};
  AddList(v.non_number_followers, {"طرفہ", "طرفی"});
  for (const auto& [name, month] : std::initializer_list<std::pair<const char*, int>>{
           {"جنوری", 1}, {"فروری", 2}, {"مارچ", 3}, {"اپریل", 4}, {"مئی", 5}, {"جون", 6},
           {"جولائی", 7}, {"اگست", 8}, {"ستمبر", 9}, {"اکتوبر", 10}, {"نومبر", 11},
           {"دسمبر", 12}}) {
    v.months[K(name)] = month;
  }
  AddMap(v.units, {{"کلوواٹ", 1e3}, {"میگاواٹ", 1e6}, {"گیگاواٹ", 1e9}});
  return v;
}

}  // namespace

const NumberVocabulary& VocabularyFor(Language language) {
  static const NumberVocabulary english = English();
  static const NumberVocabulary urdu = Urdu();
  static const NumberVocabulary none;
  switch (language) {
    case Language::kEnglish: return english;
    case Language::kUrdu: return urdu;
    default: return none;
  }
}

}  // namespace align::internal
