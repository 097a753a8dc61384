// Per-language vocabulary of numbers for numbers.cc: number words, scale
// words, markers of percentages, ordinals, years, clock times, months and
// units. The tables are data (languages/<code>.lang); the scanner that uses them
// does not know which language it reads. Every entry is stored as its
// matching key (Normalizer::KeyOf), because that is what the scanner sees.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "align/text.h"

namespace align::internal {

struct NumberWord {
  double value = 0;
  bool ordinal = false;
};

struct NumberVocabulary {
  // Whole words (word languages) whose meaning is a number: two, fifteen,
  // seventy (hyphenated compounds are split on '-'), تین, پندرہ.
  std::unordered_map<std::string, NumberWord> words;
  // Multipliers after a number: thousand, million, lakh, ہزار, کروڑ.
  std::unordered_map<std::string, double> scales;
  // Words joining a scale to the number words after it (hundred *and* thirty).
  std::vector<std::string> connectors;
  // Scales that only count after another number (Urdu سو is also a verb).
  std::unordered_map<std::string, double> bound_scales;
  // Words or suffixes that make the number before them a percentage.
  std::vector<std::string> percent_words;
  // Suffixes glued to digits that make an ordinal (th, ویں) or a year (ء).
  std::vector<std::string> ordinal_suffixes;
  std::vector<std::string> year_suffixes;
  // Markers after a number that make it a clock time (p.m., بجے) and words
  // before it that move the time by minutes (ساڑھے +30).
  std::vector<std::string> time_words;
  std::unordered_map<std::string, int> time_prefixes;
  // Words after a number word that make it a fraction, skipped (quarters).
  std::vector<std::string> fraction_words;
  // Words after a number word that make it something else (دو طرفہ: bilateral).
  std::vector<std::string> non_number_followers;
  // Words right before a numeral that make it something else: 周五 is
  // Friday, 几十 "several tens".
  std::vector<std::string> non_number_preceders;
  // Fixed expressions written with numerals that are not quantities
  // (百年未有之大变局: "unseen in a century"); skipped whole.
  std::vector<std::string> number_idioms;
  // Scales glued to an amount after a currency sign: £125m, $2bn.
  std::unordered_map<std::string, double> currency_scales;
  // Words that confirm a number of another version but are never reported
  // on their own (one, ایک: mostly articles).
  std::unordered_map<std::string, double> weak_words;
  // Words joining a list of numbers that share the scale or percent sign
  // of the last: "2.94 and 2.89 million", 310、252万.
  std::vector<std::string> list_joiners;
  // Month names (and abbreviations), counted only next to a number.
  std::unordered_map<std::string, int> months;
  // Units with a decimal prefix: the scaled value is an alternative.
  std::unordered_map<std::string, double> units;
};

// The vocabulary of |language| (empty for languages without word tables).
const NumberVocabulary& VocabularyFor(Language language);

}  // namespace align::internal
