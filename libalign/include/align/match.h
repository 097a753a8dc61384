// Term matching: every occurrence of every termbase term in a document's
// sentences, found on matching keys (align/normalize.h) and reported with
// byte spans in the original file.
//
//   auto lexicon = std::make_shared<const align::Lexicon>(*align::Lexicon::LoadDefault());
//   auto matcher = align::TermMatcher::Create(lexicon);        // once; share across threads
//   if (!matcher.ok()) return fail(matcher.status());
//   auto sentences = (*align::Segmenter::Create(align::Language::kEnglish))->Split(doc);
//   for (const align::TermHit& hit : (*matcher)->Match(doc, align::Language::kEnglish, sentences))
//     std::cout << lexicon->concepts()[hit.concept_index].id << ' ' << doc.Slice(hit.span) << '\n';
//
// Semantics
// - Longest-leftmost and non-overlapping within a sentence: at the leftmost
//   position where any term matches, the match that ends furthest wins; the
//   search resumes after it. Terms never span two sentences.
// - Several terms can match the same span: one hit per concept (its term
//   whose key equals the matched text if there is one, else its first term in
//   the termbase), so a rendering shared by two concepts gives two hits with
//   the same span, in concept order.
// - Cost does not depend on the size of the termbase: per language one trie
//   over unit ids (words for word languages, characters for Chinese) is built
//   once; a sentence is walked once from each position.
// - Variants, driven by a per-language profile (docs/matching.md):
//   word languages compare words by equivalence class (the word, its spelling
//   fold, its hunspell stems), match on word boundaries only, and accept
//   compounds written solid, hyphenated (English) or spaced (Urdu);
//   Chinese compares characters of the key, ignoring white space and quote
//   marks, so “一带一路”倡议 and 一带一路倡议 match each other.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "align/lexicon.h"
#include "align/normalize.h"
#include "align/segment.h"
#include "align/text.h"

namespace align {

struct TermHit {
  uint32_t concept_index = 0;  // into Lexicon::concepts()
  uint32_t term_index = 0;     // into Lexicon::terms(): the term reported for this span
  TermStatus status = TermStatus::kAdmitted;  // of that term
  size_t sentence = 0;         // index into the sentences passed to Match
  Span span;                   // bytes of the original document
  // True when the key of the matched text equals the key of the term (no
  // inflection, spelling, spacing or quote variant was needed).
  bool exact = false;
  friend bool operator==(const TermHit&, const TermHit&) = default;
};

struct MatcherOptions {
  // Replace the profile's data files (empty: the defaults of docs/matching.md,
  // found through FindDataFile or in /usr/share/hunspell). A hunspell
  // dictionary is named by its path without ".aff"/".dic".
  std::string english_hunspell;
  std::string urdu_hunspell;
  std::string english_spelling_variants;  // TSV us<TAB>uk
  // Turn off stemming (hunspell) for every language: exact words only.
  bool stemming = true;
};

class TermMatcher {
 public:
  // Builds the automata for every language that has terms in |lexicon|.
  // A missing optional resource (a hunspell dictionary, the spelling table)
  // does not fail: matching falls back to exact words and warnings() says so.
  // A resource that exists but cannot be read is an error naming the file.
  static StatusOr<std::shared_ptr<const TermMatcher>> Create(std::shared_ptr<const Lexicon> lexicon,
                                                            const MatcherOptions& options = {});

  // Hits in |sentences| (spans into |doc|), ordered by sentence, then begin,
  // then concept. Thread-safe.
  std::vector<TermHit> Match(const Document& doc, Language language,
                             const std::vector<Sentence>& sentences) const;

  // Hits in one sentence whose key the caller already has; every hit gets
  // |sentence_index|. Appends to |out|.
  void MatchKey(const Key& key, Language language, size_t sentence_index,
                std::vector<TermHit>* out) const;

  const Lexicon& lexicon() const { return *lexicon_; }
  // By concept index, the concepts one of whose terms contains, or is
  // contained in, one of its terms in the same language (外交部 in 外交部长,
  // CPEC in "CPEC 2.0"), compared on keys without quote marks. Where such
  // terms overlap in a text the matcher keeps one of them at a place.
  // Computed on first use, once per matcher; thread-safe.
  const std::vector<std::vector<uint32_t>>& NestedConcepts() const;
  // Resources that were not found and what matching does without them.
  const std::vector<std::string>& warnings() const { return warnings_; }

  ~TermMatcher();
  TermMatcher(const TermMatcher&) = delete;
  TermMatcher& operator=(const TermMatcher&) = delete;

 private:
  struct LanguageIndex;
  TermMatcher() = default;

  std::shared_ptr<const Lexicon> lexicon_;
  std::vector<std::unique_ptr<LanguageIndex>> indexes_;  // one per language with terms
  std::vector<std::string> warnings_;
  mutable std::once_flag nested_once_;
  mutable std::vector<std::vector<uint32_t>> nested_;
};

}  // namespace align
