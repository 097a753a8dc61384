// Blocks: the single line breaks of a paragraph that are sentence
// boundaries (list items, headings, datelines, signatures), told apart from
// hard-wrapping by the shape of the lines. See docs/segmentation.md.
#include "segment_blocks.h"

#include <algorithm>

#include <unicode/uchar.h>

#include "segment_text.h"
#include "utf8.h"

namespace align::internal {

constexpr size_t npos = std::string_view::npos;

BlockSplitter::BlockSplitter(const SegmentRules* rules) : rules_(rules) {
  // Words are looked up as the last word of a line; CJK entries, which need
  // no word boundary, are compared as suffixes.
  for (const std::string& w : rules_->open_line_ends) {
    size_t first = 0;
    if (IsCjk(DecodeUtf8(w, first))) open_end_chars_.push_back(w);
    else open_end_words_.insert(w);
  }
}

// The last character of a line, before any closing punctuation, ends a
// sentence (or the line ends with an ellipsis).
bool BlockSplitter::EndsFinal(std::string_view s, Span line) const {
  size_t end = line.end;
  for (int steps = 0; end > line.begin && steps < 8; ++steps) {
    size_t start;
    char32_t c = DecodeUtf8Before(s, end, &start);
    if (rules_->terminators.count(c) || c == '.') return true;
    if (!rules_->closing.count(c) && !IsPunctOpenOrClose(c)) break;
    end = start;
  }
  for (const std::string& e : rules_->ellipses)
    if (EndsWith(s, line.end, e)) return true;
  return false;
}

namespace {

// Calls |f| with each non-empty trimmed line of |p|.
template <typename F>
void ForEachLine(std::string_view s, Span p, F&& f) {
  size_t begin = p.begin;
  while (begin < p.end) {
    size_t nl = s.find('\n', begin);
    size_t end = nl == npos || nl > p.end ? p.end : nl;
    Span line = TrimSpan(s, {begin, end});
    begin = end + 1;
    if (!line.empty()) f(line);
  }
}

// Display columns, as a text editor wraps: East Asian wide and full-width
// characters take two, combining marks none.
size_t Columns(char32_t c) {
  if (c < 0x300) return 1;
  // The common scripts without an ICU lookup: Han, kana, CJK punctuation
  // and full-width forms are wide; Arabic letters narrow, its marks none.
  if ((c >= 0x3000 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF01 && c <= 0xFF60)) return 2;
  if (c >= 0x0600 && c <= 0x06FF)
    return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) ? 0 : 1;
  const auto u = static_cast<UChar32>(c);
  const int type = u_charType(u);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  const int w = u_getIntPropertyValue(u, UCHAR_EAST_ASIAN_WIDTH);
  return w == U_EA_WIDE || w == U_EA_FULLWIDTH ? 2 : 1;
}

size_t Width(std::string_view s, Span span) {
  size_t n = 0;
  for (size_t i = span.begin; i < span.end;) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) { ++n; ++i; continue; }
    n += Columns(DecodeUtf8(s, i));
  }
  return n;
}

}  // namespace

BlockSplitter::LineInfo BlockSplitter::Info(std::string_view s, Span line) const {
  LineInfo info;
  info.span = line;
  info.width = Width(s, line);
  std::string_view text = s.substr(0, line.end);
  const char32_t first = At(text, line.begin);
  if (IsCjk(first)) {
    info.first_word = Columns(first);
    info.gap = false;
  } else {
    for (size_t q = line.begin; q < line.end;) {
      char32_t d = DecodeUtf8(text, q);
      if (IsSpace(d) || IsCjk(d)) break;
      info.first_word += Columns(d);
    }
  }
  info.final = EndsFinal(s, line);
  info.open_end = rules_->clause_marks.count(DecodeUtf8Before(s, line.end, nullptr)) > 0 ||
                  EndsWithEntry(s, line, open_end_chars_) ||
                  (!open_end_words_.empty() && open_end_words_.count(std::string(WordBefore(s, line.begin, line.end))));
  info.open_start = (rules_->lowercase_continues && u_islower(static_cast<UChar32>(first))) ||
                    StartsWithEntry(text, line.begin, rules_->open_line_starts);
  info.list_item = rules_->MatchListMarker(text, line.begin) != npos;
  // A number that is no list marker ("72.5亿", "2026ء میں") is the middle of
  // a sentence wrapped before it far more often than a heading's successor.
  if (!info.list_item && IsDigitChar(first)) info.number_start = true;
  // A sentence ends inside the line ("…挑战。双方还就"): what follows it on the
  // line cannot be a heading. Periods are left out (U.S., 2.5, No. 3).
  for (size_t q = line.begin; q < line.end && !info.final;) {
    const char32_t c = DecodeUtf8(s, q);
    if (c != '.' && rules_->terminators.count(c) && q < line.end) {
      info.inner_final = true;
      break;
    }
  }
  for (size_t q = line.begin; q < line.end && !info.inline_list;) {
    const char32_t c = DecodeUtf8(s, q);
    if (c == ':' || c == 0xFF1A || rules_->clause_marks.count(c))
      info.inline_list = rules_->MatchInlineMarker(text, line.begin, SkipSpace(text, q)) != npos;
  }
  // "...as follows: 1) trade;\n" is an item; a line ending with a colon introduces the list.
  const char32_t last = DecodeUtf8Before(s, line.end, nullptr);
  if (last == ':' || last == 0xFF1A) info.inline_list = false;
  // "Mr." or "Dr." at the end of a line waits for its name on the next one.
  if (s[line.end - 1] == '.') {
    const std::string token(LatinTokenBefore(s, line.begin, line.end - 1));
    std::string lowered = token;
    if (!lowered.empty() && lowered[0] >= 'A' && lowered[0] <= 'Z') lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
    info.title_end = token.size() > 1 && (rules_->non_final.count(token) || rules_->non_final.count(lowered));
  }
  return info;
}

void BlockSplitter::ForEach(std::string_view s, Span p, const std::function<void(Span)>& f) const {
  if (s.substr(p.begin, p.size()).find('\n') == npos) {
    f(p);
    return;
  }
  size_t widest = 0;
  Span last;
  ForEachLine(s, p, [&](Span line) {
    widest = std::max(widest, Width(s, line));
    last = line;
  });
  // A paragraph that does not end a sentence is a block of headings, date
  // lines or signatures (a title over its date line): its lines stand
  // alone. Only a paragraph of prose gives the wrap width evidence.
  const char32_t last_char = DecodeUtf8Before(s, last.end, nullptr);
  const bool prose = EndsFinal(s, last) || rules_->clause_marks.count(last_char) || last_char == ':' ||
                     last_char == 0xFF1A;  // a paragraph leading into a list: "...as follows:"
  bool have_prev = false;
  bool a_after_final = false;  // the line before |a| ended a sentence
  bool a_first = true;         // |a| is the paragraph's first line
  LineInfo a;
  size_t block_begin = p.begin;
  ForEachLine(s, p, [&](Span line) {
    LineInfo b = Info(s, line);
    if (have_prev) {
      // A marker that goes on with an enumeration running inside the
      // sentence on the line before ("points: 1) wider trade," / "2) closer
      // ties") is hard-wrapping; after a colon or a stop it opens an item.
      const bool inline_item = a.inline_list && !a.final;
      bool hard = b.list_item && !inline_item;
      // In prose, a line that opens a sentence in the middle of the
      // paragraph and stops without punctuation is hard-wrapped: headings
      // and datelines come first, signatures in paragraphs of their own.
      const bool mid_prose = prose && !a.final && (a.inner_final || (!a_first && a_after_final));
      const bool goes_on = b.open_start || a.title_end || mid_prose || (b.number_start && prose && !a.final);
      if (!hard && !goes_on && (a.final || !a.open_end)) {
        const size_t slack = rules_->wrap_slack + widest * rules_->wrap_slack_percent / 100;
        const size_t needed = a.width + (b.gap ? 1 : 0) + b.first_word + slack;
        const bool on_purpose = widest < static_cast<size_t>(rules_->min_wrap_width) || needed <= widest;
        // After final punctuation a deliberate line break is a boundary even
        // where the rule pass would read on ("So did the U.S.\nMr. Li...").
        hard = on_purpose || (!a.final && !prose);
      }
      if (hard) {
        f(Span{block_begin, a.span.end});
        block_begin = b.span.begin;
      }
      a_first = false;
      a_after_final = a.final;
    } else {
      block_begin = b.span.begin;
    }
    a = b;
    have_prev = true;
  });
  if (have_prev) f(Span{block_begin, a.span.end});
}

}  // namespace align::internal
