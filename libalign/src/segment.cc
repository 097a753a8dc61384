// Sentence segmentation: blocks from the line structure, ICU's sentence
// breaks inside each block, then a rule pass driven by rules/<lang>.rules.
//
// A paragraph (text between blank lines) is first cut into blocks at the
// single line breaks that are boundaries (segment_blocks.cc: list items,
// headings, datelines, signatures); other line breaks are hard-wrapping,
// i.e. white space. ICU then proposes boundaries inside each block and the
// rule pass (Decide) keeps, moves or drops each of them. See
// docs/segmentation.md.
#include "align/segment.h"

#include <algorithm>
#include <mutex>

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "align/resources.h"
#include "segment_blocks.h"
#include "segment_rules.h"
#include "segment_text.h"
#include "utf8.h"

namespace align {
namespace {

using namespace internal;  // NOLINT: the segmenter's own helpers
constexpr size_t npos = std::string_view::npos;

// "U.S.", "a.m.", "Ph.D.": groups of one or two Latin letters, each
// followed by a period, at least two of them ("www.mfa.gov.cn." is not).
bool IsDotted(std::string_view token) {
  int groups = 0;
  size_t i = 0;
  while (i < token.size()) {
    size_t letters = 0;
    while (i < token.size() && ((token[i] >= 'a' && token[i] <= 'z') || (token[i] >= 'A' && token[i] <= 'Z'))) {
      ++i;
      ++letters;
    }
    if (letters == 0 || letters > 2 || i >= token.size() || token[i] != '.') return false;
    ++i;
    ++groups;
  }
  return groups >= 2;
}

struct Decision {
  bool keep = false;
  size_t end = 0;         // end of the sentence before the boundary
  size_t next_begin = 0;  // start of the sentence after it
};

class RuleSegmenter final : public Segmenter {
 public:
  RuleSegmenter(Language language, SegmentRules rules, std::unique_ptr<icu::BreakIterator> prototype)
      : language_(language), rules_(std::move(rules)), blocks_(&rules_), prototype_(std::move(prototype)) {}

  Language language() const override { return language_; }

  std::vector<Sentence> Split(const Document& doc) const override {
    std::unique_ptr<icu::BreakIterator> it;
    {
      std::lock_guard<std::mutex> lock(mu_);
      it.reset(prototype_->clone());
    }
    std::vector<Sentence> out;
    const std::string_view bytes = doc.bytes();
    std::string buffer;
    std::vector<size_t> candidates;
    size_t paragraph = 0;
    for (Span p : doc.Paragraphs()) {
      blocks_.ForEach(bytes, p, [&](Span b) { SplitBlock(bytes, b, paragraph, *it, buffer, candidates, &out); });
      ++paragraph;
    }
    return out;
  }

 private:
  // (opening, closing) byte offsets of the bracket pairs in |pairs| that
  // |v| contains. A character may close one pair and open another (Urdu
  // copy has both “…” and ”…“): closing an open pair comes first. Only the
  // occurrences of the pair characters are visited (found with find()).
  static std::vector<std::pair<size_t, size_t>> Pairs(
      std::string_view v, const std::vector<std::pair<char32_t, char32_t>>& pairs, size_t max_bytes) {
    std::vector<std::pair<size_t, size_t>> out;
    if (pairs.empty()) return out;
    std::vector<char32_t> chars;
    for (const auto& [o, c] : pairs) {
      if (std::find(chars.begin(), chars.end(), o) == chars.end()) chars.push_back(o);
      if (std::find(chars.begin(), chars.end(), c) == chars.end()) chars.push_back(c);
    }
    std::vector<std::pair<size_t, char32_t>> events;
    for (char32_t ch : chars) {
      std::string utf8;
      internal::AppendUtf8(utf8, ch);
      for (size_t at = v.find(utf8); at != npos; at = v.find(utf8, at + utf8.size())) events.emplace_back(at, ch);
    }
    std::sort(events.begin(), events.end());
    std::vector<std::pair<size_t, size_t>> open;  // (pair index, offset)
    for (const auto& [at, c] : events) {
      bool closed = false;
      for (size_t j = open.size(); j-- > 0 && !closed;) {
        if (pairs[open[j].first].second != c) continue;
        if (at - open[j].second <= max_bytes) out.emplace_back(open[j].second, at);
        open.resize(j);
        closed = true;
      }
      if (closed) continue;
      for (size_t k = 0; k < pairs.size(); ++k) {
        if (c == pairs[k].first && open.size() < 16) {
          open.emplace_back(k, at);
          break;
        }
      }
    }
    return out;
  }

  // Where no sentence may end: inside [no_break_inside] brackets, and inside
  // [title_quotes] followed by a continuation (题为“你好！中国”的讲话). The
  // result is sorted and disjoint, for Inside().
  std::vector<std::pair<size_t, size_t>> Protected(std::string_view v) const {
    auto found = Pairs(v, rules_.no_break_inside, npos);
    for (auto [open, close] : Pairs(v, rules_.title_quotes, 600)) {
      size_t after = close;
      DecodeUtf8(v, after);
      const bool continues = ContinuesAt(v, SkipSpace(v, after));
      // A CJK letter right after the quote: the sentence goes on (“…?”进行了).
      const char32_t follow = At(v, after);
      const bool cjk_follows = IsCjk(follow) && u_isalpha(static_cast<UChar32>(follow));
      if (!continues && !cjk_follows) continue;
      // A title may hold a question or an exclamation, not a full stop; a
      // quotation in Latin script quoted inside text of another script
      // (“A Friend in Need. A Friend Indeed.”，) may hold any Latin stop.
      // Not a quotation introduced by a colon: that is direct speech, which
      // ends the sentence like any other (提问：“Will China…?”发言人回答说).
      bool title = true, latin = true, latin_stop = false;
      for (size_t q = open; q < close;) {
        const char32_t ch = DecodeUtf8(v, q);
        if (IsCjk(ch) || (ch >= 0x600 && ch <= 0x6FF)) latin = false;
        if (!rules_.terminators.count(ch) && ch != '.') continue;
        if (!rules_.embedded_terminators.count(ch)) title = false;
        if (ch >= 0x80) latin = false;
        else latin_stop = true;
      }
      const char32_t before = DecodeUtf8Before(v, SkipSpaceBack(v, open, 0), nullptr);
      latin = latin && latin_stop && !rules_.lowercase_continues && before != ':' && before != 0xFF1A &&
              !SpeechClause(v, after);
      if ((title && continues) || latin) found.emplace_back(open, close);
    }
    std::sort(found.begin(), found.end());
    std::vector<std::pair<size_t, size_t>> out;
    for (const auto& r : found) {
      if (!out.empty() && r.first < out.back().second) out.back().second = std::max(out.back().second, r.second);
      else out.push_back(r);
    }
    return out;
  }

  static bool Inside(const std::vector<std::pair<size_t, size_t>>& ranges, size_t pos) {
    auto it = std::lower_bound(ranges.begin(), ranges.end(), std::pair<size_t, size_t>(pos, 0));
    if (it == ranges.begin()) return false;
    --it;
    return it->first < pos && pos < it->second;
  }

  Decision Decide(std::string_view v, size_t start, size_t p,
                  const std::vector<std::pair<size_t, size_t>>& protect) const {
    Decision d;
    const size_t e = SkipSpaceBack(v, p, start);
    if (e <= start) return d;
    // Find the terminator behind any quotes and brackets.
    size_t c = e;
    for (int steps = 0; c > start && steps < 8; ++steps) {
      size_t prev;
      char32_t ch = DecodeUtf8Before(v, c, &prev);
      if (!rules_.closing.count(ch) && !IsPunctOpenOrClose(ch)) break;
      c = prev;
    }
    if (c <= start) return {true, e, p};
    size_t tpos;
    const char32_t t = DecodeUtf8Before(v, c, &tpos);
    bool ellipsis = false;
    for (const std::string& el : rules_.ellipses) ellipsis = ellipsis || EndsWith(v, c, el);
    if (!rules_.terminators.count(t) && t != '.' && !ellipsis) return {true, e, p};

    // The sentence takes the closing punctuation after its terminator (。”
    // ۔» ?") but not an opening one (。《), whatever ICU said.
    size_t end = c;
    bool closed = false;
    while (end < v.size()) {
      size_t q = end;
      char32_t ch = DecodeUtf8(v, q);
      if (rules_.closing.count(ch)) {
        // A quote that may also open (" ' and, in Urdu copy, “) closes only
        // when the text does not run on into a word right after it.
        if (IsOpening(ch)) {
          char32_t after = At(v, q);
          if (!(q >= v.size() || IsSpace(after) || rules_.closing.count(after) ||
                rules_.terminators.count(after)))
            break;
        }
        closed = true;
      } else if (!rules_.terminators.count(ch) && ch != '.') {
        break;
      }
      end = q;
    }
    const size_t next = SkipSpace(v, end);
    if (next >= v.size()) return d;

    if (Inside(protect, tpos)) return d;

    // What follows: skip opening quotes and brackets to the first letter.
    size_t n = next;
    for (int steps = 0; n < v.size() && steps < 4; ++steps) {
      size_t q = n;
      if (!IsOpening(DecodeUtf8(v, q))) break;
      n = q;
    }
    const char32_t next_char = At(v, n);
    const bool next_is_marker = rules_.MatchListMarker(v, next) != npos;

    // An ellipsis ends a sentence only before a capital ("... The"), so
    // never in a script without case.
    if (ellipsis && !closed)
      return u_isupper(static_cast<UChar32>(next_char)) || EllipsisEndsClause(v, start, c, next)
                 ? Decision{true, end, next}
                 : d;

    // A terminator between digits is a decimal or date separator (۳۔۵, 27۔11۔2026).
    if (next == end && end == c) {
      if (tpos > start && IsDigitChar(DecodeUtf8Before(v, tpos, nullptr)) && IsDigitChar(At(v, next))) return d;
      // Letter names joined by a terminator are an abbreviation (پی۔ٹی۔آئی).
      if (!rules_.dotted_letters.empty() && rules_.dotted_letters.count(std::string(WordBefore(v, start, tpos))) &&
          rules_.dotted_letters.count(std::string(WordAt(v, next))))
        return d;
      if (DatelineStop(v, start, tpos, next)) return d;
    }

    // "1." or "١۔" alone is the marker of the item that follows.
    if (rules_.MatchListMarker(v.substr(0, end), start) == end) return d;
    if (InlineMarkerEnds(v, start, end)) return d;
    if (rules_.lowercase_continues && u_islower(static_cast<UChar32>(next_char)) && !next_is_marker)
      return d;
    if (closed && ContinuesAt(v, next)) return d;

    // A quotation that opens the sentence and its attribution are one
    // sentence: “……朋友。”达尔说。
    if (closed && IsOpening(At(v, start)) && SpeechClause(v, next)) return d;

    // A quoted exclamation or question that opens the sentence is the object
    // of what follows it: “中巴友谊万岁！”青年学生们齐声高呼。 "Why?" Li asked.
    // Where a space follows the quote (Latin script), only its speaker
    // continues the sentence, found by a speech verb a few words on.
    if (closed && rules_.embedded_terminators.count(t) && IsOpening(At(v, start)) && n == next &&
        !next_is_marker && !rules_.starters.count(std::string(WordAt(v, next))) &&
        (next == end || SpeakerFollows(v, next)))
      return d;

    if (t == '.' && !ellipsis) {
      size_t tok = tpos;
      while (tok > start && tpos - tok < 32) {
        char ch = v[tok - 1];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '.')) break;
        --tok;
      }
      const std::string token(v.substr(tok, c - tok));
      // A capital may only mark the start of a sentence: "Approx." is "approx.".
      std::string lowered = token;
      if (!lowered.empty() && lowered[0] >= 'A' && lowered[0] <= 'Z') lowered[0] = static_cast<char>(lowered[0] - 'A' + 'a');
      auto listed = [&](const std::unordered_set<std::string>& set) {
        return set.count(token) > 0 || set.count(lowered) > 0;
      };
      if (token.size() > 1) {
        if (listed(rules_.non_final)) return d;
        const bool digit_next = u_charType(static_cast<UChar32>(At(v, next))) == U_DECIMAL_DIGIT_NUMBER;
        if (listed(rules_.before_number) && digit_next) return d;
        // "etc." ends the sentence before any capital.
        if (listed(rules_.final_abbreviations)) {
          if (u_isupper(static_cast<UChar32>(next_char))) return {true, end, next};
          return d;
        }
        const bool initial = rules_.initials && token.size() == 2 && token[0] >= 'A' && token[0] <= 'Z' &&
                             !LetterWord(v, start, tok, token);
        if (initial || listed(rules_.abbreviations) || listed(rules_.before_number) ||
            (rules_.dotted_abbreviations && IsDotted(token))) {
          // After an abbreviation only a word that usually opens a sentence
          // (and is not itself an initial, "J. A. Smith") starts a new one.
          size_t w = n;
          while (w < v.size()) {
            size_t q = w;
            if (!u_isalpha(static_cast<UChar32>(DecodeUtf8(v, q)))) break;
            w = q;
          }
          const std::string word(v.substr(n, w - n));
          const bool next_initial = word.size() == 1 && At(v, w) == '.';
          if (next_initial) return d;
          if (listed(rules_.time_abbreviations) && u_isupper(static_cast<UChar32>(next_char)) &&
              !TimeGoesOn(v, n))
            return {true, end, next};
          if (!rules_.starters.count(word) && !(!initial && NameStartsClause(v, start, tok, token, n, w)))
            return d;
        }
      }
    }
    return {true, end, next};
  }

  // "place۔24مارچ (اے پی پی):": in a dateline the stop joins the place to its
  // date and is no sentence end. A stop directly followed by a digit or a
  // month name, near the start of the sentence, then the agency in brackets
  // and a colon or a dash, with no stop between: the shape of a dateline
  // ("…ہوا۔12 نکات یہ ہیں:" has no agency and is two sentences).
  bool DatelineStop(std::string_view v, size_t start, size_t tpos, size_t next) const {
    constexpr size_t kMaxPlace = 40, kMaxDate = 60;  // characters
    if (!IsDigitChar(At(v, next)) && !StartsWithEntry(v, next, rules_.months)) return false;
    size_t chars = 0;
    for (size_t q = start; q < tpos && chars <= kMaxPlace; ++chars) DecodeUtf8(v, q);
    if (chars > kMaxPlace) return false;
    char32_t prev = 0;
    size_t q = next;
    for (size_t k = 0; k < kMaxDate && q < v.size(); ++k) {
      const char32_t ch = DecodeUtf8(v, q);
      const bool colon = ch == ':' || ch == 0xFF1A, dash = ch == '-' || ch == 0x2013 || ch == 0x2014;
      if ((colon || dash) && (prev == ')' || prev == '(')) return true;  // Urdu copy may reverse brackets
      if (rules_.terminators.count(ch)) return false;
      if (!IsSpace(ch)) prev = ch;
    }
    return false;
  }

  // "…on three points: 1. Expand trade; 2. …", "…: a. Expand trade": an
  // item number inside the sentence ends nothing.
  bool InlineMarkerEnds(std::string_view v, size_t start, size_t end) const {
    size_t m = end;
    while (m > start) {
      size_t prev;
      const char32_t ch = DecodeUtf8Before(v, m, &prev);
      if (IsSpace(ch) || IsCjk(ch)) break;  // Chinese puts no space before a marker
      m = prev;
    }
    return m > start && end - m <= 8 && rules_.MatchInlineMarker(v.substr(0, end), start, m) == end;
  }

  // "you and I. Did you…": a [letter_words] capital after a lowercase word is
  // the word (the pronoun), not an initial ("John I. Smith").
  bool LetterWord(std::string_view v, size_t start, size_t tok, const std::string& token) const {
    if (!rules_.letter_words.count(token.substr(0, 1))) return false;
    const std::string_view before = WordBefore(v, start, SkipSpaceBack(v, tok, start));
    return !before.empty() && u_islower(static_cast<UChar32>(At(before, 0)));
  }

  // After a.m./p.m., the capitalised word at |pos| goes on with the time when
  // it or one of the two words after it is a [time_followers] entry
  // ("Beijing time", "Monday") or it is a time zone in capitals ("GMT").
  bool TimeGoesOn(std::string_view v, size_t pos) const {
    for (int words = 0; words < 3 && pos < v.size(); ++words) {
      const std::string_view word = WordAt(v, pos);
      if (word.empty()) return false;
      if (rules_.time_followers.count(std::string(word))) return true;
      if (words == 0 && word.size() >= 2 &&
          std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return true;
      pos += word.size();
      if (At(v, pos) != ' ') return false;
      ++pos;
    }
    return false;
  }

  // "...a message to the U.S. Washington has yet to respond.": a capitalised
  // abbreviation after a determiner is a noun phrase that can close the
  // clause; a single capitalised word after it that is not a [phrase_heads]
  // word ("the U.S. Congress") and is followed by a lowercase word is the
  // subject of a new sentence (a name and its verb). [word_begin, word_end)
  // is that word.
  bool NameStartsClause(std::string_view v, size_t start, size_t tok, const std::string& token,
                        size_t word_begin, size_t word_end) const {
    if (rules_.phrase_heads.empty() || word_end == word_begin) return false;
    if (!u_isupper(static_cast<UChar32>(At(v, word_begin)))) return false;
    for (char ch : token)
      if (ch >= 'a' && ch <= 'z') return false;  // a.m., Ph.D., Inc.: not a place or body
    if (!rules_.determiners.count(std::string(WordBefore(v, start, SkipSpaceBack(v, tok, start))))) return false;
    if (rules_.phrase_heads.count(std::string(v.substr(word_begin, word_end - word_begin)))) return false;
    if (At(v, word_end) != ' ') return false;
    return u_islower(static_cast<UChar32>(At(v, word_end + 1)));
  }

  // A speech verb among the next six words ('"Why?" Foreign Minister Li
  // asked'), before any terminator; true when the language lists none.
  bool SpeakerFollows(std::string_view v, size_t pos) const {
    if (rules_.speech_verbs.empty()) return true;
    for (int words = 0; words < 6 && pos < v.size(); ++words) {
      const std::string_view word = WordAt(v, pos);
      if (word.empty()) return false;  // punctuation: the clause ended
      if (std::find(rules_.speech_verbs.begin(), rules_.speech_verbs.end(), word) != rules_.speech_verbs.end())
        return true;
      pos += word.size();
      while (pos < v.size() && v[pos] == ' ') ++pos;
    }
    return false;
  }

  // A short clause at |pos| that ends with a [speech_verbs] entry and then
  // with punctuation: 达尔说。 扎尔达里表示， انہوں نے کہا۔
  bool SpeechClause(std::string_view v, size_t pos) const {
    if (rules_.speech_verbs.empty()) return false;
    size_t q = pos, last = pos;
    for (int count = 0; q < v.size() && count < 16; ++count) {
      size_t r = q;
      const char32_t ch = DecodeUtf8(v, r);
      if (IsWordChar(ch)) last = r;
      else if (ch != ' ') break;
      q = r;
    }
    if (last == pos) return false;
    const char32_t stop = At(v, q);
    if (!rules_.terminators.count(stop) && !rules_.clause_marks.count(stop) && stop != ':' && stop != 0xFF1A)
      return false;
    return EndsWithEntry(v, Span{pos, last}, rules_.speech_verbs);
  }

  // An ellipsis with no stop ends the sentence when the clause before it
  // ends with a [final_words] entry (Urdu ہے…) or a reported-speech clause
  // follows it (……扎尔达里表示，): a new subject, not the next item of a list.
  // |start| is the sentence start, |ellipsis_end| the end of the ellipsis.
  bool EllipsisEndsClause(std::string_view v, size_t start, size_t ellipsis_end, size_t next) const {
    if (next >= v.size()) return false;
    size_t e = ellipsis_end;
    for (const std::string& el : rules_.ellipses)
      while (e >= start + el.size() && EndsWith(v, e, el)) e -= el.size();
    e = SkipSpaceBack(v, e, start);
    // "…but", "…and" go on whatever came before.
    if (ContinuesAt(v, next) || StartsWithEntry(v, next, rules_.open_line_starts)) return false;
    if (!rules_.final_words.empty() && rules_.final_words.count(std::string(WordBefore(v, start, e)))) return true;
    return SpeechClause(v, next);
  }

  // A [continuations] entry starts at |pos|: a CJK character anywhere, a
  // word only as a whole word.
  bool ContinuesAt(std::string_view v, size_t pos) const { return StartsWithEntry(v, pos, rules_.continuations); }

  // Adds breaks after a period followed by white space and a digit, which
  // ICU misses when a lowercase word follows the number ("ended. 2025 was").
  static void DigitBreaks(std::string_view v, std::vector<size_t>* candidates) {
    for (size_t pos = v.find(". "); pos != npos; pos = v.find(". ", pos + 2)) {
      const size_t next = SkipSpace(v, pos + 1);
      if (next < v.size() && v[next] >= '0' && v[next] <= '9') candidates->push_back(next);
    }
  }

  // Adds breaks after a period with no space before a capitalised word
  // ("…Initiative.He said"), which ICU keeps together. Not inside dotted
  // tokens: the word before must have two letters or more (not "U.S.",
  // "J.K."), must not follow a period ("www.mfa.Gov"), and the word after
  // must be a capital and lowercase letters not followed by a period and a
  // letter ("ASP.NET", "Example.Com.pk"). Abbreviations ("Mr.Sharif") are
  // the rule pass's.
  static bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
  static void UnspacedBreaks(std::string_view v, std::vector<size_t>* candidates) {
    for (size_t pos = v.find('.'); pos != npos; pos = v.find('.', pos + 1)) {
      if (pos < 2 || pos + 2 >= v.size()) continue;
      if (!(v[pos + 1] >= 'A' && v[pos + 1] <= 'Z') || !(v[pos + 2] >= 'a' && v[pos + 2] <= 'z')) continue;
      size_t b = pos;
      while (b > 0 && IsAsciiLetter(v[b - 1])) --b;
      if (pos - b < 2 || (b > 0 && (v[b - 1] == '.' || v[b - 1] == '@' || v[b - 1] == '/'))) continue;
      size_t e = pos + 2;
      while (e < v.size() && IsAsciiLetter(v[e])) ++e;
      if (e + 1 < v.size() && v[e] == '.' && IsAsciiLetter(v[e + 1])) continue;
      candidates->push_back(pos + 1);
    }
  }

  // Adds breaks after an ellipsis followed by white space and a capital,
  // which ICU does not see for "…".
  void EllipsisBreaks(std::string_view v, std::vector<size_t>* candidates) const {
    for (const std::string& el : rules_.ellipses) {
      for (size_t pos = v.find(el); pos != npos; pos = v.find(el, pos + el.size())) {
        size_t after = pos + el.size();
        // An ellipsis that ends a quotation ends it like a full stop: “……”她说.
        size_t closing = after;
        while (closing < v.size()) {
          size_t q = closing;
          if (!rules_.closing.count(DecodeUtf8(v, q))) break;
          closing = q;
        }
        if (closing != after) {
          const size_t next = SkipSpace(v, closing);
          if (next < v.size()) candidates->push_back(next);
          continue;
        }
        const size_t next = SkipSpace(v, after);
        if (next >= v.size()) continue;
        if (EllipsisEndsClause(v, 0, after, next)) {
          candidates->push_back(next);
          continue;
        }
        if (next == after) continue;
        size_t n = next;
        while (n < v.size()) {
          size_t q = n;
          if (!IsOpening(DecodeUtf8(v, q))) break;
          n = q;
        }
        if (u_isupper(static_cast<UChar32>(At(v, n)))) candidates->push_back(next);
      }
    }
  }

  void SplitBlock(std::string_view bytes, Span block, size_t paragraph, icu::BreakIterator& it,
                  std::string& buffer, std::vector<size_t>& candidates, std::vector<Sentence>* out) const {
    std::string_view v = bytes.substr(block.begin, block.size());
    if (v.find_first_of("\r\n") != npos) {
      // Line breaks inside a block are white space; ICU would take them for
      // paragraph ends. Same length, so offsets stay valid.
      buffer.assign(v);
      std::replace(buffer.begin(), buffer.end(), '\n', ' ');
      std::replace(buffer.begin(), buffer.end(), '\r', ' ');
      v = buffer;
    }
    candidates.clear();
    UErrorCode status = U_ZERO_ERROR;
    UText* ut = utext_openUTF8(nullptr, v.data(), static_cast<int64_t>(v.size()), &status);
    it.setText(ut, status);
    if (U_SUCCESS(status)) {
      for (int32_t b = it.next(); b != icu::BreakIterator::DONE; b = it.next())
        if (static_cast<size_t>(b) < v.size()) candidates.push_back(static_cast<size_t>(b));
    }
    utext_close(ut);
    {
      const size_t icu_count = candidates.size();
      EllipsisBreaks(v, &candidates);
      DigitBreaks(v, &candidates);
      if (rules_.unspaced_stops) UnspacedBreaks(v, &candidates);
      if (candidates.size() != icu_count) {
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
      }
    }
    const auto protect = Protected(v);
    auto emit = [&](size_t b, size_t e) {
      Span s = TrimSpan(bytes, {block.begin + b, block.begin + e});
      if (!s.empty()) out->push_back({s, paragraph});
    };
    size_t start = 0;
    for (size_t p : candidates) {
      if (p <= start) continue;
      Decision d = Decide(v, start, p, protect);
      if (!d.keep || d.end <= start) continue;
      emit(start, d.end);
      start = d.next_begin;
    }
    if (start < v.size()) emit(start, v.size());
  }

  Language language_;
  SegmentRules rules_;
  internal::BlockSplitter blocks_;  // reads rules_, declared before it
  mutable std::mutex mu_;
  std::unique_ptr<icu::BreakIterator> prototype_;
};

}  // namespace

StatusOr<std::shared_ptr<const Segmenter>> Segmenter::Create(Language language,
                                                             const SegmenterOptions& options) {
  std::string path = options.rules_path;
  if (path.empty()) {
    ALIGN_RETURN_IF_ERROR(LoadLanguages());
    const LanguageInfo& info = Languages().Info(language);
    if (info.rules.empty())
      return InvalidArgument(fmt::format("segmentation needs a language ({})", Languages().Codes()));
    auto found = FindDataFile(info.rules);
    if (!found.ok()) return found.status();
    path = *found;
  }
  auto rules = internal::LoadSegmentRules(path);
  if (!rules.ok()) return rules.status();
  // Month names live in the language definition (numbers use them too);
  // without one, datelines are found by their digits only.
  if (LoadLanguages().ok())
    for (const LanguageEntry& e : Languages().Info(language).Table("months")) rules->months.push_back(e.text);
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(std::string(LanguageCode(language)).c_str());
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status)) return Internal(fmt::format("ICU sentence iterator: {}", u_errorName(status)));
  return std::shared_ptr<const Segmenter>(
      std::make_shared<RuleSegmenter>(language, std::move(*rules), std::move(it)));
}

StatusOr<std::shared_ptr<const Segmenter>> SegmenterCache::Get(Language language) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto& slot = segmenters_[language];
  if (!slot) {
    auto created = Segmenter::Create(language);
    if (!created.ok()) return created.status();
    slot = *created;
  }
  return slot;
}

std::vector<Sentence> SplitLines(const Document& doc) {
  std::vector<Sentence> out;
  const std::string_view bytes = doc.bytes();
  size_t begin = doc.content_begin();
  size_t line = 0;
  while (begin < bytes.size()) {
    size_t nl = bytes.find('\n', begin);
    size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    out.push_back({TrimSpan(bytes, {begin, end}), line++});
    begin = nl == std::string_view::npos ? bytes.size() : nl + 1;
  }
  return out;
}

}  // namespace align
