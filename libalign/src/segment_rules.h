// The per-language knowledge of the segmenter, read from rules/<lang>.rules.
// The format is described in docs/segmentation.md and at the top of every
// rules file; errors name the file, line and column.
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "align/status.h"

namespace align::internal {

// One element of a list-marker pattern such as "({digits})" or "{han}、".
struct MarkerElement {
  enum Kind { kLiteral, kDigits, kLatin, kRoman, kHan, kSpace };
  Kind kind = kLiteral;
  char32_t literal = 0;
};

struct SegmentRules {
  std::string path;  // for messages

  // [terminators]: what ends a sentence; a line ending in one is not a heading.
  std::unordered_set<char32_t> terminators;
  // [closing]: punctuation after a terminator that stays with its sentence.
  std::unordered_set<char32_t> closing;
  // [clause_marks]: a line ending with one of these is hard-wrapped (a
  // heading or signature never ends with a comma).
  std::unordered_set<char32_t> clause_marks;
  // [open_line_ends]: words (or CJK characters) after which a line is never
  // a heading, dateline or signature: function words ("the", "in", کی).
  std::vector<std::string> open_line_ends;
  // [open_line_starts]: words or characters that never start a sentence, so
  // a line starting with one continues the line before (等, اور).
  std::vector<std::string> open_line_starts;
  // [continuations]: words or characters that, after a closing quote or
  // bracket, show the sentence goes on (“…？”的讲话, ”…!“ کے نام سے).
  std::vector<std::string> continuations;
  // [ellipses]: sequences that end a sentence only before a capitalised word.
  std::vector<std::string> ellipses;
  // [no_break_inside]: bracket pairs (《》) inside which no sentence ends.
  std::vector<std::pair<char32_t, char32_t>> no_break_inside;
  // [title_quotes]: quote pairs that, when a [continuations] entry follows
  // the closing one, enclose a title and no sentence end.
  std::vector<std::pair<char32_t, char32_t>> title_quotes;

  // [abbreviations]: end a sentence only when the next word is a [starters] word.
  std::unordered_set<std::string> abbreviations;
  // [non_final]: never end a sentence (titles before names, e.g., i.e.).
  std::unordered_set<std::string> non_final;
  // [before_number]: never end a sentence when a number follows (No. 5, Nov. 27).
  std::unordered_set<std::string> before_number;
  // [dotted_letters]: names of letters that, joined by a terminator with no
  // space, spell an abbreviation (Urdu پی۔ٹی۔آئی).
  std::unordered_set<std::string> dotted_letters;
  // [final_abbreviations]: end a sentence before any capitalised word (etc.).
  std::unordered_set<std::string> final_abbreviations;
  // [embedded_terminators]: terminators (！？) that may end a quotation that
  // is part of a longer sentence: a title, or a quoted cry before its speaker.
  std::unordered_set<char32_t> embedded_terminators;
  // [starters]: words that begin a sentence after an abbreviation.
  std::unordered_set<std::string> starters;

  // [phrase_heads]: capitalised words that, after an abbreviation, go on
  // with its noun phrase ("the U.S. Congress", "the U.N. Security Council").
  std::unordered_set<std::string> phrase_heads;
  // [determiners]: "the U.S." is a noun phrase that may close a clause.
  std::unordered_set<std::string> determiners;
  // [speech_verbs]: a short clause ending with one of these reports speech
  // (达尔说, 他表示): after a quotation it is its attribution, after an
  // ellipsis it opens a new sentence.
  std::vector<std::string> speech_verbs;
  // [final_words]: words that end a clause (Urdu verbs ہے, تھا, گا): an
  // ellipsis after one ends the sentence.
  std::unordered_set<std::string> final_words;
  // [time_abbreviations]: abbreviations of the time of day (a.m., p.m.) that
  // end a sentence before a capitalised word unless the time goes on with
  // a [time_followers] word ("10 a.m. Beijing time", "9 a.m. Monday") or a
  // time zone in capitals ("3 p.m. GMT").
  std::unordered_set<std::string> time_abbreviations;
  std::unordered_set<std::string> time_followers;
  // [letter_words]: one-letter words written as a capital (English I): after
  // a lowercase word such a letter and a period end a sentence ("you and
  // I. Did"), they are not an initial.
  std::unordered_set<std::string> letter_words;
  // Month names, from the language definition's [months] (not the rules
  // file): a stop directly followed by a date is a dateline's (place۔24مارچ).
  std::vector<std::string> months;

  // [list_markers]
  std::vector<std::vector<MarkerElement>> list_markers;
  // What a marker can start with, to reject most positions at once.
  std::vector<char32_t> marker_first_literals;
  bool marker_first_digit = false, marker_first_latin = false, marker_first_han = false;

  // [settings]
  int min_wrap_width = 40;       // paragraphs whose lines are all shorter were not hard-wrapped
  int wrap_slack = 0;            // columns a wrapped line may fall short of the widest
  int wrap_slack_percent = 0;    // and this share of the widest line's columns
  bool lowercase_continues = false;  // a lowercase word after a terminator continues the sentence
  bool initials = true;          // "J." (one capital and a period) is an initial
  bool dotted_abbreviations = true;  // "U.S.", "a.m.", "Ph.D." are abbreviations
  bool unspaced_stops = false;   // "Initiative.He said": a period with no space may end a sentence

  // The end of the list marker that starts at |pos| of |text|, or npos.
  // A marker never runs into a digit ("2.0" is no marker); a trailing
  // {space} also matches the end of |text|.
  size_t MatchListMarker(std::string_view text, size_t pos) const;
  // The end of an item number inside a sentence at |pos| ("two goals: 1.
  // …; 2. …", ": a) …, b) …", ", c. …"): a list marker, or one lowercase
  // Latin letter and a period, right after a colon or a [clause_marks]
  // character (white space between; nothing looked at before |floor|). npos
  // when there is none.
  size_t MatchInlineMarker(std::string_view text, size_t floor, size_t pos) const;
};

StatusOr<SegmentRules> ParseSegmentRules(std::string_view text, const std::string& path);
StatusOr<SegmentRules> LoadSegmentRules(const std::string& path);

}  // namespace align::internal
