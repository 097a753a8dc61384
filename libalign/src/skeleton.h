// Consonant skeletons, the script-independent shape of a name or a loanword
// (internal; the aligner's name evidence and the checker's glossary).
//
// "Trump" and "ٹرمپ" both give "trmp". Each language definition lists its
// letters and digraphs with their class ([name_skeleton]); vowels, h, w, y
// and their Arabic-script counterparts, which scripts write differently or
// not at all, are not listed, and letters that two scripts confuse share a
// class.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "align/language.h"
#include "aligner_text.h"

namespace align::internal {

class SkeletonTable {
 public:
  explicit SkeletonTable(const LanguageInfo& language);
  bool empty() const { return by_first_.empty(); }
  // The skeleton of folded word |w|: one class letter per run of letters of
  // one class.
  std::string Of(std::string_view w) const;

 private:
  std::unordered_map<char32_t, std::vector<std::pair<std::string, char>>> by_first_;
};

// The skeleton a token is compared by between a Latin-script and an
// other-script side: every word of the other script; Latin names, and
// lowercase words of |loanword_min_letters| (five) letters or more, for the
// English loanwords Urdu writes in its own script (table / ٹیبل); shorter
// lowercase words collide too often. Empty when the token has none.
std::string Skeleton(const Token& t, const SkeletonTable& latin, const SkeletonTable& other,
                     size_t loanword_min_letters);

}  // namespace align::internal
