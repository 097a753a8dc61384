// Sentence segmentation for English, Chinese and Urdu.
//
// ICU's sentence BreakIterator proposes boundaries; our own pass then
// removes the ones ICU gets wrong (abbreviations, initials, decimals,
// list markers, ellipses, titles in 《》, Latin abbreviations inside Chinese
// or Urdu) and adds the ones it misses (Urdu ۔, a Latin "." in Urdu,
// headlines without final punctuation, list items after a single line
// break). Everything language-specific is data in rules/<lang>.rules, so a
// fourth language needs a rules file, not code. A blank line is always a
// boundary.
//
//   auto seg = align::Segmenter::Create(align::Language::kUrdu);
//   if (!seg.ok()) return fail(seg.status());
//   for (const align::Sentence& s : (*seg)->Split(doc)) print(doc.Slice(s.span));
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "align/text.h"

namespace align {

struct Sentence {
  Span span;             // trimmed of surrounding white space; empty only for blank lines of SplitLines
  size_t paragraph = 0;  // index of the paragraph it belongs to
};

struct SegmenterOptions {
  // A rules file to use instead of the bundled rules/<lang>.rules.
  std::string rules_path;
};

class Segmenter {
 public:
  // Loads the rules of |language|. Errors name the rules file, line and column.
  static StatusOr<std::shared_ptr<const Segmenter>> Create(Language language,
                                                           const SegmenterOptions& options = {});
  virtual ~Segmenter() = default;

  // The sentences of |doc| in order; spans cover its content without overlap.
  // Thread-safe.
  virtual std::vector<Sentence> Split(const Document& doc) const = 0;

  virtual Language language() const = 0;
};

// The bundled segmenter of each language, created on first use and kept:
// a batch segments thousands of documents with one rules load and one ICU
// iterator per language. Thread-safe.
class SegmenterCache {
 public:
  StatusOr<std::shared_ptr<const Segmenter>> Get(Language language);

 private:
  std::mutex mutex_;
  std::map<Language, std::shared_ptr<const Segmenter>> segmenters_;
};

// One sentence per non-blank line, for --presegmented input: sentence i is
// line i (0-based) of the file. Blank lines are kept as empty sentences so
// that indices stay equal to line numbers.
std::vector<Sentence> SplitLines(const Document& doc);

}  // namespace align
