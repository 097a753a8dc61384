// Which words of one text have a translation in another (internal; the
// checker's clause omissions, check_coverage.cc).
//
// Every version is read into "meanings" in one pivot vocabulary: the
// target language of the alignment dictionaries (CC-CEDICT and the Urdu
// list translate into English). A word of the pivot language means its own
// stem; a word of another language means the stems of its dictionary
// translations; a number means itself; a Latin word in a text of another
// script (BLA, CPEC) means itself; a word of a language with a consonant
// skeleton table (English, Urdu: skeleton.h) also means its skeleton, so
// that the loanwords and names Urdu writes as they sound (پارٹنرشپ) render
// their English words. A unit of one text is rendered in another
// when one of its meanings is among the other's.
//
// Units are counted only when they could have been rendered: a pivot word
// that no dictionary translates into (a name, a rare word) and a word
// without an entry are no units, and neither are the language's
// [function_words]. A clause can then be left out only where the
// dictionaries could see it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "align/dictionary.h"
#include "align/text.h"
#include "skeleton.h"

namespace align::internal {

class Glossary {
 public:
  // |dictionaries| of any direction; those whose target is |pivot| are used.
  Glossary(const std::vector<std::shared_ptr<const Dictionary>>& dictionaries, Language pivot);

  // Whether texts of |language| can be read into meanings.
  bool Reads(Language language) const;
  // Whether two texts can be compared: one is in the pivot language and the
  // other has a dictionary into it (through the pivot, two dictionaries'
  // gaps add up and most words of either side look unrendered).
  bool Compares(Language a, Language b) const {
    return a != b && (a == pivot_ || b == pivot_) && Reads(a) && Reads(b);
  }

  // The meanings of each unit of |text| that could have a counterpart in a
  // text of |other| (both languages Reads()).
  std::vector<std::vector<std::string>> Units(std::string_view text, Language language, Language other) const;
  // Every meaning |text| expresses (for the other side of a comparison).
  std::unordered_set<std::string> Meanings(std::string_view text, Language language) const;

  // The words of |text| (a language Reads()) that express one of |wanted|:
  // byte spans into |text|, in order, adjacent words (only spaces between)
  // joined into one span; |found| (may be null) gets the meanings met. For a
  // language written in characters only entries of two characters or more
  // count, as for Units.
  std::vector<Span> Find(std::string_view text, Language language, const std::unordered_set<std::string>& wanted,
                         std::unordered_set<std::string>* found) const;

 private:
  struct Route {
    std::shared_ptr<const Dictionary> dictionary;  // language → pivot
    std::unordered_set<std::string> vocabulary;    // pivot stems it translates into
  };
  const Route* RouteOf(Language language) const;
  bool IsFunctionWord(Language language, const std::string& folded) const;
  // "#value" when |folded| is a number word of |language|, else empty.
  std::string NumberWord(Language language, const std::string& folded) const;

  // "~" and the consonant skeleton of |t| of |language| (skeleton.h), or
  // empty: a loanword or a name that another script writes as it sounds
  // (سٹریٹجک for "strategic") means the same skeleton on both sides.
  std::string SkeletonMeaning(const Token& t, Language language) const;

  Language pivot_;
  std::unordered_map<int, SkeletonTable> skeletons_;  // by Language, those with a table
  std::unordered_map<int, bool> latin_script_;        // by Language
  std::unordered_map<int, Route> routes_;                               // by Language
  std::unordered_map<int, std::unordered_set<std::string>> function_words_;  // folded, by Language
  std::unordered_map<int, std::unordered_map<std::string, std::string>> number_words_;  // word → "#value"
  // Whether a one-token entry counts as a unit: not for a language written
  // in characters, where one character's glosses are too many to trust.
  std::unordered_map<int, bool> single_entries_;
};

// Whether one of |unit|'s meanings (Glossary::Units) is among |meanings|.
bool UnitRendered(const std::vector<std::string>& unit, const std::unordered_set<std::string>& meanings);
// Share of |units| rendered in |meanings| (0 for no units).
double RenderedShare(const std::vector<std::vector<std::string>>& units, const std::unordered_set<std::string>& meanings);

// P(X <= k) for X binomial with n trials of probability p: how often
// chance renders at most k of n words that are each rendered with
// probability p. Summed in logarithms, so that a sentence of thousands of
// words neither underflows to 0 nor overflows.
double BinomialLowerTail(size_t n, size_t k, double p);

// The language most of |dictionaries| translate into (the first one's
// target on a tie); kUnknown when there are none.
Language PivotOf(const std::vector<std::shared_ptr<const Dictionary>>& dictionaries);

}  // namespace align::internal
