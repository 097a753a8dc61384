// Bilingual dictionaries for alignment: word or phrase translations between
// two languages, with keys normalised as in normalize.h.
//
//   auto cedict = align::Dictionary::LoadCedict();          // kNotFound when not set up
//   auto user = align::Dictionary::Load("my.dic", align::Language::kEnglish,
//                                       align::Language::kUrdu);
#pragma once

#include <memory>
#include <string>

#include "align/text.h"

namespace align {

class Dictionary {
 public:
  // A user dictionary: TSV "source<TAB>target" or hunalign's .dic
  // ("target @ source"), told apart by content. Errors name file and line.
  static StatusOr<std::shared_ptr<const Dictionary>> Load(const std::string& path, Language source,
                                                          Language target);
  // CC-CEDICT (Chinese→English) as compiled by setup into the binary cache;
  // kNotFound when setup has not fetched it (alignment still works without).
  static StatusOr<std::shared_ptr<const Dictionary>> LoadCedict();

  virtual ~Dictionary() = default;
  virtual Language source() const = 0;
  virtual Language target() const = 0;
};

}  // namespace align
