// Matching keys: the folded form of text that terms, dictionaries and the
// aligner compare, with a map from every key byte back to the original bytes
// (the idea of sentencepiece's normaliser: reports point at what the user
// wrote, never at the key).
//
// A key applies, per code point and in this order: NFKC, case folding,
// full-width/half-width folding, Traditional→Simplified Chinese (ICU
// Hant-Hans, character by character), digits of every script to ASCII, and
// the letter folding of the language definitions (languages/<code>.lang
// [fold] and [drop]; for Urdu: Arabic yeh/alef maksura→ی, kaf→ک, heh→ہ,
// teh marbuta→ۃ; harakat U+064B–U+0652 and U+0670, tatweel, ZWNJ/ZWJ,
// LRM/RLM dropped), and ی+hamza→ئ. Runs of white space become one ASCII space;
// white space at either end of the key is dropped. Combining sequences are
// composed first (e + U+0301 and é give the same key); keys follow the
// Stream-Safe Text Format (UAX #15 §13): a run of more than 30 combining
// marks is composed 30 at a time, so key building stays linear.
//
//   const align::Normalizer& norm = align::Normalizer::Get();
//   align::Key key = norm.MakeKey(doc.bytes(), sentence.span);
//   size_t hit = key.text.find("belt and road");
//   align::Span original = key.OriginalSpan(hit, hit + 13);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "align/text.h"

namespace align {

struct Key {
  std::string text;  // UTF-8
  // offsets[i]: the byte offset, in the original bytes, of the start of the
  // code point that produced key byte i (for a composed combining sequence,
  // of its first code point). offsets.size() == text.size() + 1; the last
  // entry is the end of the last code point that contributed to the key (the
  // end of the source span when that ends with text; the span's begin for an
  // empty key). Non-decreasing.
  std::vector<uint32_t> offsets;

  // The original bytes that produced key bytes [key_begin, key_end): from the
  // start of the first contributing code point to the end of the last (marks
  // dropped from the key stay with the letter before them).
  Span OriginalSpan(size_t key_begin, size_t key_end) const;
};

// Built once (ICU objects and the fold table included) and immutable after,
// so one instance serves every thread.
class Normalizer {
 public:
  // The process-wide instance.
  static const Normalizer& Get();

  // The key of bytes[span] (valid UTF-8); offsets are into |bytes|.
  Key MakeKey(std::string_view bytes, Span span) const;
  // The key of a whole string (a term, a dictionary entry).
  std::string KeyOf(std::string_view text) const;

  Normalizer(const Normalizer&) = delete;
  Normalizer& operator=(const Normalizer&) = delete;
  ~Normalizer();

 private:
  Normalizer();
  struct Impl;
  Impl* impl_;
};

}  // namespace align
