// Letter folding as the language definitions give it ([fold] and [drop] in
// languages/<code>.lang), merged into one table (internal): matching keys
// (normalize.cc) and the aligner's tokens (aligner_text.cc) fold every text
// alike, whatever its language, so that a term, a dictionary entry and a
// sentence meet on the same letters (Urdu: Arabic yeh → ی, harakat dropped).
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace align::internal {

class LetterFolding {
 public:
  // The folding of the process's languages (align/language.h), built once.
  static const LetterFolding& Get();

  // What |c| becomes: itself, another letter, or 0 when it is dropped.
  char32_t Fold(char32_t c) const {
    if (c < bmp_.size()) return bmp_[c];
    auto it = other_.find(c);
    return it == other_.end() ? c : it->second;
  }

 private:
  LetterFolding();
  std::vector<char32_t> bmp_;                       // every BMP code point
  std::unordered_map<char32_t, char32_t> other_;  // supplementary ones that change
};

}  // namespace align::internal
