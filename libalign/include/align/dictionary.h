// Bilingual dictionaries for alignment: word or phrase translations between
// two languages, looked up by key (the folded tokens of the source phrase,
// see Dictionary::KeyOf).
//
//   auto cedict = align::Dictionary::LoadCedict();          // kNotFound when not set up
//   auto user = align::Dictionary::Load("my.dic", align::Language::kEnglish,
//                                       align::Language::kUrdu);
//   std::vector<std::string_view> words;
//   (*cedict)->Lookup(align::Dictionary::KeyOf("和平"), &words);   // "peace", "peaceful", ...
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "align/text.h"

namespace align {

// Dictionary files (user TSV and .dic, CC-CEDICT, its compiled cache) larger
// than this are refused before they are read, and only regular files are
// read (a FIFO or /dev/zero would otherwise hang a load or grow it without
// end). Building the lookup table of a file of short entries peaks at about
// 16 times its size (a 16 MiB TSV of 780,000 one-word lines: 263 MB for a
// whole `talign align`), so the bound keeps a load under the 300 MB budget of
// a pipeline run. CC-CEDICT is 9.7 MB (compiling it peaks at 98 MB); a
// larger dictionary must be filtered to the vocabulary that matters.
inline constexpr size_t kMaxDictionaryBytes = size_t{16} << 20;

class Dictionary {
 public:
  // A user dictionary: TSV "source<TAB>target" (lines starting with '#' are
  // comments) or hunalign's .dic ("target @ source"), told apart by content:
  // a file whose first entry line has " @ " and no TAB is a .dic. Lines end
  // with LF, CR LF or a lone CR. The file must be UTF-8 without control
  // characters (tab aside) or noncharacters, each side must have a letter or
  // a digit, and the file must be a regular file of at most
  // kMaxDictionaryBytes ("-" reads standard input, as far as that bound).
  // Errors name file and line ("FILE:LINE: ...").
  // Several lines with one source add up.
  static StatusOr<std::shared_ptr<const Dictionary>> Load(const std::string& path, Language source,
                                                          Language target);
  // CC-CEDICT (Chinese→English). The raw file is found at $TALIGN_CEDICT, or
  // as data file third_party/cedict/cedict_ts.u8 (tools/fetch-cedict.sh puts
  // it there); it is compiled once into a binary cache beside it (or in
  // $XDG_CACHE_HOME/talign, ~/.cache/talign when that directory is not
  // writable) that later loads in milliseconds. The cache records a hash of
  // the raw file and is rebuilt when the raw file changes. kNotFound when
  // setup has not fetched it (alignment still works without).
  static StatusOr<std::shared_ptr<const Dictionary>> LoadCedict();
  // The same from an explicit raw file; |cache_path| empty means "beside it,
  // or in the user cache directory".
  static StatusOr<std::shared_ptr<const Dictionary>> LoadCedictFrom(const std::string& raw_path,
                                                                    const std::string& cache_path);

  // The Urdu→English pivot lexicon: Urdu lemmas with English words, joined
  // through Hindi from Debian's Apertium urd-hin and FreeDict eng-hin (GPL
  // data; tools/fetch-ur-en.sh builds it at setup, docs/UR-EN-NOTICE.md). Found
  // at $TALIGN_UR_EN, or as data file third_party/ur-en/ur-en.tsv, and read
  // as a TSV user dictionary. kNotFound when setup has not built it.
  static StatusOr<std::shared_ptr<const Dictionary>> LoadUrduEnglish();

  // One CC-CEDICT line "TRAD SIMP [pin1 yin1] /gloss/gloss/": the two
  // headwords and the English content words of the glosses (classifier
  // notes, "variant of", "surname X", parenthesised remarks and function
  // words dropped). nullopt for comments and malformed lines.
  struct CedictEntry {
    std::string traditional, simplified;
    std::vector<std::string> words;
  };
  static std::optional<CedictEntry> ParseCedictLine(std::string_view line);

  // The lookup key of a phrase: folded tokens (lower case, digits to ASCII,
  // Urdu letter folding) joined by one space, without spaces between Han
  // characters. The aligner builds keys of sentence spans the same way.
  static std::string KeyOf(std::string_view phrase);

  virtual ~Dictionary() = default;
  virtual Language source() const = 0;
  virtual Language target() const = 0;

  // Replaces |words| with the folded target-language words of every entry
  // whose source key is |key| (empty when there is none). Thread-safe.
  virtual void Lookup(std::string_view key, std::vector<std::string_view>* words) const = 0;
  // The largest number of tokens in a source key (bounds longest-match search).
  virtual int max_key_tokens() const = 0;
  // Number of distinct source keys.
  virtual size_t size() const = 0;
  // Every distinct target word of the dictionary, once each (the vocabulary
  // it can translate into; the checker asks whether a word could have been
  // rendered at all before it counts the word as left out).
  virtual std::vector<std::string_view> TargetWords() const = 0;
  // Whether the translations were reached through a third language (two
  // dictionaries into English composed): broad and noisy, they match words
  // of unrelated sentences too often for a match rate to say much before
  // a lexicon is learned from the alignment.
  virtual bool indirect() const { return false; }
};

}  // namespace align
