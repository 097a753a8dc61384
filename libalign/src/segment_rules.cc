// Parser of the rules/<lang>.rules files.
#include "segment_rules.h"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <unicode/uchar.h>

#include "align/text.h"
#include "numerals.h"
#include "utf8.h"

namespace align::internal {
namespace {

enum class Section {
  kNone, kSettings, kTerminators, kClosing, kClauseMarks, kOpenLineEnds, kOpenLineStarts, kFinalAbbreviations, kEmbeddedTerminators, kContinuations, kEllipses, kNoBreakInside, kTitleQuotes,
  kAbbreviations, kNonFinal, kBeforeNumber, kStarters, kListMarkers, kDottedLetters,
  kPhraseHeads, kSpeechVerbs, kFinalWords, kDeterminers, kTimeAbbreviations, kTimeFollowers, kLetterWords,
};

struct SectionName {
  std::string_view name;
  Section section;
};

constexpr SectionName kSections[] = {
    {"settings", Section::kSettings},         {"terminators", Section::kTerminators},
    {"closing", Section::kClosing},           {"clause_marks", Section::kClauseMarks},
    {"open_line_ends", Section::kOpenLineEnds}, {"open_line_starts", Section::kOpenLineStarts},
    {"final_abbreviations", Section::kFinalAbbreviations},
    {"embedded_terminators", Section::kEmbeddedTerminators},           {"continuations", Section::kContinuations},
    {"ellipses", Section::kEllipses},         {"no_break_inside", Section::kNoBreakInside},
    {"title_quotes", Section::kTitleQuotes},
    {"abbreviations", Section::kAbbreviations}, {"non_final", Section::kNonFinal},
    {"before_number", Section::kBeforeNumber}, {"starters", Section::kStarters},
    {"list_markers", Section::kListMarkers},  {"dotted_letters", Section::kDottedLetters},
    {"phrase_heads", Section::kPhraseHeads},  {"speech_verbs", Section::kSpeechVerbs},
    {"final_words", Section::kFinalWords},    {"determiners", Section::kDeterminers},
    {"time_abbreviations", Section::kTimeAbbreviations}, {"time_followers", Section::kTimeFollowers},
    {"letter_words", Section::kLetterWords},
};

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

class Parser {
 public:
  Parser(std::string_view text, const std::string& path) : text_(text), path_(path) {
    rules_.path = path;
  }

  StatusOr<SegmentRules> Run() {
    if (auto bad = FindInvalidUtf8(text_))
      return DataError(fmt::format("{}: byte {}: invalid UTF-8", path_, *bad));
    size_t begin = 0;
    while (begin <= text_.size()) {
      size_t nl = text_.find('\n', begin);
      size_t end = nl == std::string_view::npos ? text_.size() : nl;
      ++line_no_;
      line_ = text_.substr(begin, end - begin);
      ALIGN_RETURN_IF_ERROR(Line());
      if (nl == std::string_view::npos) break;
      begin = nl + 1;
    }
    return std::move(rules_);
  }

 private:
  Status Error(size_t byte_in_line, std::string_view what) const {
    return DataError(fmt::format("{}:{}:{}: {}", path_, line_no_,
                                 CodePoints(line_.substr(0, byte_in_line)) + 1, what));
  }

  // Splits the line into white-space separated words, dropping a comment
  // that starts with '#' at the beginning of a word.
  std::vector<std::pair<size_t, std::string_view>> Words() const {
    std::vector<std::pair<size_t, std::string_view>> words;
    size_t pos = 0;
    while (pos < line_.size()) {
      size_t next = pos;
      char32_t c = DecodeUtf8(line_, next);
      if (IsSpace(c)) { pos = next; continue; }
      if (c == '#') break;
      size_t start = pos;
      while (pos < line_.size()) {
        size_t q = pos;
        if (IsSpace(DecodeUtf8(line_, q))) break;
        pos = q;
      }
      words.emplace_back(start, line_.substr(start, pos - start));
    }
    return words;
  }

  Status Line() {
    auto words = Words();
    if (words.empty()) return Status::Ok();
    auto [col, first] = words.front();
    if (first.front() == '[') {
      if (words.size() != 1 || first.back() != ']')
        return Error(col, "a section header is one word: [name]");
      std::string_view name = first.substr(1, first.size() - 2);
      for (const SectionName& s : kSections) {
        if (s.name == name) {
          section_ = s.section;
          return Status::Ok();
        }
      }
      return Error(col, fmt::format("unknown section [{}]", name));
    }
    if (section_ == Section::kNone) return Error(col, "an entry before the first [section]");
    if (section_ == Section::kSettings) return Setting(words);
    for (auto [at, word] : words) ALIGN_RETURN_IF_ERROR(Entry(at, word));
    return Status::Ok();
  }

  Status Setting(const std::vector<std::pair<size_t, std::string_view>>& words) {
    if (words.size() != 3 || words[1].second != "=")
      return Error(words.front().first, "a setting is written: name = value");
    std::string_view name = words[0].second, value = words[2].second;
    const size_t at = words[2].first;
    auto integer = [&](int* out) -> Status {
      int v = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
      if (ec != std::errc() || p != value.data() + value.size() || v < 0 || v > 10000)
        return Error(at, fmt::format("{} takes a number from 0 to 10000, not \"{}\"", name, value));
      *out = v;
      return Status::Ok();
    };
    auto boolean = [&](bool* out) -> Status {
      if (value == "yes") { *out = true; return Status::Ok(); }
      if (value == "no") { *out = false; return Status::Ok(); }
      return Error(at, fmt::format("{} takes yes or no, not \"{}\"", name, value));
    };
    if (name == "min_wrap_width") return integer(&rules_.min_wrap_width);
    if (name == "wrap_slack") return integer(&rules_.wrap_slack);
    if (name == "wrap_slack_percent") return integer(&rules_.wrap_slack_percent);
    if (name == "lowercase_continues") return boolean(&rules_.lowercase_continues);
    if (name == "initials") return boolean(&rules_.initials);
    if (name == "dotted_abbreviations") return boolean(&rules_.dotted_abbreviations);
    if (name == "unspaced_stops") return boolean(&rules_.unspaced_stops);
    return Error(words[0].first, fmt::format("unknown setting \"{}\"", name));
  }

  // "U+2026" or a literal word, as code points.
  StatusOr<std::u32string> CodePointsOf(size_t at, std::string_view word) const {
    std::u32string out;
    if (word.size() > 2 && word.substr(0, 2) == "U+") {
      unsigned v = 0;
      auto [p, ec] = std::from_chars(word.data() + 2, word.data() + word.size(), v, 16);
      if (ec != std::errc() || p != word.data() + word.size() || v > 0x10FFFF)
        return Error(at, fmt::format("bad code point \"{}\"", word));
      out += static_cast<char32_t>(v);
      return out;
    }
    for (size_t pos = 0; pos < word.size();) out += DecodeUtf8(word, pos);
    return out;
  }

  Status Entry(size_t at, std::string_view word) {
    switch (section_) {
      case Section::kContinuations: rules_.continuations.emplace_back(word); return Status::Ok();
      case Section::kFinalAbbreviations: rules_.final_abbreviations.emplace(word); return Status::Ok();
      case Section::kOpenLineEnds: rules_.open_line_ends.emplace_back(word); return Status::Ok();
      case Section::kOpenLineStarts: rules_.open_line_starts.emplace_back(word); return Status::Ok();
      case Section::kTerminators:
      case Section::kEmbeddedTerminators:
      case Section::kClauseMarks:
      case Section::kClosing: {
        auto cps = CodePointsOf(at, word);
        if (!cps.ok()) return cps.status();
        if (cps->size() != 1) return Error(at, fmt::format("\"{}\" is not one character", word));
        auto& set = section_ == Section::kTerminators           ? rules_.terminators
                    : section_ == Section::kClauseMarks         ? rules_.clause_marks
                    : section_ == Section::kEmbeddedTerminators ? rules_.embedded_terminators
                                                                : rules_.closing;
        set.insert(cps->front());
        return Status::Ok();
      }
      case Section::kNoBreakInside:
      case Section::kTitleQuotes: {
        auto cps = CodePointsOf(at, word);
        if (!cps.ok()) return cps.status();
        if (cps->size() != 2)
          return Error(at, fmt::format("\"{}\" is not an opening and a closing character", word));
        (section_ == Section::kNoBreakInside ? rules_.no_break_inside : rules_.title_quotes)
            .emplace_back((*cps)[0], (*cps)[1]);
        return Status::Ok();
      }
      case Section::kEllipses: rules_.ellipses.emplace_back(word); return Status::Ok();
      case Section::kAbbreviations: rules_.abbreviations.emplace(word); return Status::Ok();
      case Section::kNonFinal: rules_.non_final.emplace(word); return Status::Ok();
      case Section::kBeforeNumber: rules_.before_number.emplace(word); return Status::Ok();
      case Section::kStarters: rules_.starters.emplace(word); return Status::Ok();
      case Section::kDottedLetters: rules_.dotted_letters.emplace(word); return Status::Ok();
      case Section::kPhraseHeads: rules_.phrase_heads.emplace(word); return Status::Ok();
      case Section::kSpeechVerbs: rules_.speech_verbs.emplace_back(word); return Status::Ok();
      case Section::kFinalWords: rules_.final_words.emplace(word); return Status::Ok();
      case Section::kDeterminers: rules_.determiners.emplace(word); return Status::Ok();
      case Section::kTimeAbbreviations: rules_.time_abbreviations.emplace(word); return Status::Ok();
      case Section::kTimeFollowers: rules_.time_followers.emplace(word); return Status::Ok();
      case Section::kLetterWords: rules_.letter_words.emplace(word); return Status::Ok();
      case Section::kListMarkers: return Marker(at, word);
      case Section::kNone:
      case Section::kSettings: break;
    }
    return Error(at, "internal: entry in an unexpected section");
  }

  Status Marker(size_t at, std::string_view word) {
    std::vector<MarkerElement> pattern;
    size_t pos = 0;
    while (pos < word.size()) {
      if (word[pos] == '{') {
        size_t close = word.find('}', pos);
        if (close == std::string_view::npos) return Error(at + pos, "unclosed {");
        std::string_view name = word.substr(pos + 1, close - pos - 1);
        MarkerElement e;
        if (name == "digits") e.kind = MarkerElement::kDigits;
        else if (name == "latin") e.kind = MarkerElement::kLatin;
        else if (name == "roman") e.kind = MarkerElement::kRoman;
        else if (name == "han") e.kind = MarkerElement::kHan;
        else if (name == "space") e.kind = MarkerElement::kSpace;
        else
          return Error(at + pos, fmt::format("unknown pattern element {{{}}} (known: {{digits}} "
                                             "{{latin}} {{roman}} {{han}} {{space}})", name));
        pattern.push_back(e);
        pos = close + 1;
      } else {
        MarkerElement e;
        e.literal = DecodeUtf8(word, pos);
        pattern.push_back(e);
      }
    }
    if (pattern.empty()) return Error(at, "empty list marker");
    switch (pattern.front().kind) {
      case MarkerElement::kLiteral: rules_.marker_first_literals.push_back(pattern.front().literal); break;
      case MarkerElement::kDigits: rules_.marker_first_digit = true; break;
      case MarkerElement::kLatin:
      case MarkerElement::kRoman: rules_.marker_first_latin = true; break;
      case MarkerElement::kHan: rules_.marker_first_han = true; break;
      case MarkerElement::kSpace: return Error(at, "a list marker cannot start with {space}");
    }
    rules_.list_markers.push_back(std::move(pattern));
    return Status::Ok();
  }

  std::string_view text_;
  const std::string& path_;
  SegmentRules rules_;
  Section section_ = Section::kNone;
  size_t line_no_ = 0;
  std::string_view line_;
};

char32_t At(std::string_view s, size_t pos) { return pos < s.size() ? DecodeUtf8(s, pos) : 0; }
bool IsDigit(char32_t c) { return u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER; }
bool IsLatin(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsRoman(char32_t c) {
  switch (c) {
    case 'i': case 'v': case 'x': case 'l': case 'c': case 'd': case 'm':
    case 'I': case 'V': case 'X': case 'L': case 'C': case 'D': case 'M': return true;
    default: return false;
  }
}
// List markers count below ten thousand: 一、 十二、 (一百).
bool IsHanListNumeral(char32_t c) { return IsHanSmallNumeral(c); }

// Matches |pattern| from element |i| at |pos|; returns the end or npos.
size_t MatchFrom(const std::vector<MarkerElement>& pattern, size_t i, std::string_view text, size_t pos) {
  for (; i < pattern.size(); ++i) {
    const MarkerElement& e = pattern[i];
    if (e.kind == MarkerElement::kSpace) {
      if (pos == text.size()) continue;
      size_t n = 0, q = pos;
      while (q < text.size()) {
        size_t r = q;
        if (!IsSpace(DecodeUtf8(text, r))) break;
        q = r;
        ++n;
      }
      if (n == 0) return std::string_view::npos;
      pos = q;
      continue;
    }
    if (pos >= text.size()) return std::string_view::npos;
    size_t q = pos;
    char32_t c = DecodeUtf8(text, q);
    switch (e.kind) {
      case MarkerElement::kLiteral:
        if (c != e.literal) return std::string_view::npos;
        pos = q;
        break;
      case MarkerElement::kLatin:
        if (!IsLatin(c)) return std::string_view::npos;
        pos = q;
        break;
      case MarkerElement::kDigits:
      case MarkerElement::kRoman:
      case MarkerElement::kHan: {
        auto ok = e.kind == MarkerElement::kDigits ? IsDigit : e.kind == MarkerElement::kRoman ? IsRoman : IsHanListNumeral;
        if (!ok(c)) return std::string_view::npos;
        // Markers are short: "2026." is a year, not item 2026.
        const int max = e.kind == MarkerElement::kDigits ? 3 : e.kind == MarkerElement::kRoman ? 5 : 4;
        int n = 1;
        pos = q;
        while (pos < text.size()) {
          size_t r = pos;
          if (!ok(DecodeUtf8(text, r))) break;
          pos = r;
          if (++n > max) return std::string_view::npos;
        }
        break;
      }
      case MarkerElement::kSpace: break;
    }
  }
  return pos;
}

}  // namespace

size_t SegmentRules::MatchListMarker(std::string_view text, size_t pos) const {
  if (pos >= text.size()) return std::string_view::npos;
  {
    size_t q = pos;
    const char32_t c = DecodeUtf8(text, q);
    const bool maybe = (marker_first_digit && IsDigit(c)) || (marker_first_latin && IsLatin(c)) ||
                       (marker_first_han && IsHanListNumeral(c)) ||
                       std::find(marker_first_literals.begin(), marker_first_literals.end(), c) !=
                           marker_first_literals.end();
    if (!maybe) return std::string_view::npos;
  }
  for (const auto& pattern : list_markers) {
    const MarkerElement& first = pattern.front();
    if (first.kind == MarkerElement::kLiteral && first.literal != At(text, pos)) continue;
    size_t end = MatchFrom(pattern, 0, text, pos);
    if (end == std::string_view::npos) continue;
    // "2.0" and "3۔5" are numbers, not item 2 and 3: a marker ending in a
    // separator never runs into a digit ("（一）1号" is fine).
    if (end < text.size() && !pattern.empty() && pattern.back().kind == MarkerElement::kLiteral) {
      static constexpr std::u32string_view kSeparators = U".．۔٫,:";
      size_t q = end;
      if (kSeparators.find(pattern.back().literal) != std::u32string_view::npos && IsDigit(DecodeUtf8(text, q)))
        continue;
    }
    return end;
  }
  return std::string_view::npos;
}

StatusOr<SegmentRules> ParseSegmentRules(std::string_view text, const std::string& path) {
  return Parser(text, path).Run();
}

StatusOr<SegmentRules> LoadSegmentRules(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(fmt::format("{}: cannot open rules file", path));
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return IoError(fmt::format("{}: read error", path));
  return ParseSegmentRules(buf.str(), path);
}

size_t SegmentRules::MatchInlineMarker(std::string_view text, size_t floor, size_t pos) const {
  size_t end = MatchListMarker(text, pos);
  if (end == std::string_view::npos && pos + 1 < text.size() && text[pos] >= 'a' && text[pos] <= 'z' &&
      text[pos + 1] == '.' && (pos + 2 == text.size() || text[pos + 2] == ' '))
    end = pos + 2;
  if (end == std::string_view::npos) return end;
  // An item number, not a bullet or a dash ("he said: – we agree").
  bool numbered = false;
  for (size_t q = pos; q < end && !numbered;) numbered = u_isalnum(static_cast<UChar32>(DecodeUtf8(text, q)));
  if (!numbered) return std::string_view::npos;
  size_t b = pos;
  while (b > floor) {
    size_t prev;
    if (!IsSpace(DecodeUtf8Before(text, b, &prev))) break;
    b = prev;
  }
  if (b <= floor) return std::string_view::npos;
  const char32_t before = DecodeUtf8Before(text, b, nullptr);
  // Latin text puts a space after the colon; without one "3:1." is a ratio.
  // Full-width punctuation takes none (三点：1. 扩大贸易).
  const bool full_width = (before >= 0x3000 && before <= 0x303F) || (before >= 0xFF00 && before <= 0xFFEF);
  if (b == pos && !full_width) return std::string_view::npos;
  return before == ':' || before == 0xFF1A || clause_marks.count(before) ? end : std::string_view::npos;
}

}  // namespace align::internal
