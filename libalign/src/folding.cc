#include "folding.h"

#include "align/language.h"
#include "utf8.h"

namespace align::internal {
namespace {

char32_t First(const std::string& s) {
  size_t pos = 0;
  return s.empty() ? 0 : DecodeUtf8(s, pos);
}

}  // namespace

LetterFolding::LetterFolding() : bmp_(0x10000) {
  for (char32_t c = 0; c < bmp_.size(); ++c) bmp_[c] = c;
  auto set = [&](char32_t from, char32_t to) {
    if (from < bmp_.size()) bmp_[from] = to;
    else other_[from] = to;
  };
  for (const LanguageInfo& l : Languages().all()) {
    for (const LanguageEntry& e : l.Table("fold")) set(First(e.text), First(e.value));
    for (const LanguageEntry& e : l.Table("drop")) set(First(e.text), 0);
  }
}

const LetterFolding& LetterFolding::Get() {
  static const LetterFolding* folding = new LetterFolding();  // never destroyed: used by other statics
  return *folding;
}

}  // namespace align::internal
