// Cutting a paragraph into blocks at the line breaks that end sentences
// (internal to the segmenter).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "align/text.h"
#include "segment_rules.h"

namespace align::internal {

class BlockSplitter {
 public:
  // |rules| must outlive the splitter.
  explicit BlockSplitter(const SegmentRules* rules);

  // Calls |f| with each block of paragraph |p| of |s|, in order. Two passes
  // over the lines (the widest first), so memory does not grow with the
  // number of lines.
  void ForEach(std::string_view s, Span p, const std::function<void(Span)>& f) const;

 private:
  struct LineInfo {
    Span span;
    size_t width = 0;       // display columns (wide CJK characters count two)
    size_t first_word = 0;  // columns of the first word (a CJK character is a word)
    bool gap = true;        // a space would separate it from the line before when joined
    bool final = false;
    bool open_end = false;    // ends with clause punctuation or a function word: it goes on
    bool open_start = false;  // starts like the middle of a sentence (lowercase, 等, کے)
    bool list_item = false;
    bool inline_list = false;   // numbers items inside its sentence ("points: 1) …,") and goes on
    bool number_start = false;  // starts with a digit and is no list item
    bool title_end = false;
    bool inner_final = false;   // a terminator inside the line, not at its end     // ends with a [non_final] abbreviation (Mr.)
  };

  // The last character of a line, before any closing punctuation, ends a
  // sentence (or the line ends with an ellipsis).
  bool EndsFinal(std::string_view s, Span line) const;
  LineInfo Info(std::string_view s, Span line) const;

  const SegmentRules* rules_;
  std::unordered_set<std::string> open_end_words_;
  std::vector<std::string> open_end_chars_;
};

}  // namespace align::internal
