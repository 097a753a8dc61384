#include "aligner_text.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <cstring>

#include "utf8.h"

namespace align::internal {
namespace {

bool IsHan(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0x20000 && cp <= 0x2EBEF) || (cp >= 0xF900 && cp <= 0xFAFF) || cp == 0x3007;
}

// Urdu folding of Arabic-script letters; 0 means "drop".
char32_t FoldArabic(char32_t cp) {
  switch (cp) {
    case 0x064A: case 0x0649: return 0x06CC;  // Arabic yeh, alef maksura → Farsi yeh
    case 0x0643: return 0x06A9;               // Arabic kaf → keheh
    case 0x0647: return 0x06C1;               // heh → heh goal
    case 0x0629: return 0x06C3;               // teh marbuta → goal form
    case 0x0640: case 0x200C: case 0x200D: case 0x200E: case 0x200F: case 0x0670: return 0;
    default: break;
  }
  if (cp >= 0x064B && cp <= 0x0652) return 0;
  return cp;
}

// Value of a Chinese numeral character, or -1.
int HanDigit(char32_t cp) {
  switch (cp) {
    case U'〇': case U'零': return 0;
    case U'一': return 1; case U'二': case U'两': return 2; case U'三': return 3;
    case U'四': return 4; case U'五': return 5; case U'六': return 6; case U'七': return 7;
    case U'八': return 8; case U'九': return 9;
    default: return -1;
  }
}
long long HanUnit(char32_t cp) {
  switch (cp) {
    case U'十': return 10; case U'百': return 100; case U'千': return 1000;
    case U'万': case U'萬': return 10000; case U'亿': case U'億': return 100000000;
    default: return 0;
  }
}

// Value of a run of Chinese numerals: positional (二〇二六) when it has no
// unit characters, otherwise the usual unit grammar (三千五百万).
std::string HanNumber(const std::u32string& run) {
  bool has_unit = false;
  for (char32_t c : run) has_unit |= HanUnit(c) != 0;
  if (!has_unit) {
    std::string s;
    for (char32_t c : run) s += static_cast<char>('0' + HanDigit(c));
    return s;
  }
  long long total = 0, section = 0, digit = 0;
  for (char32_t c : run) {
    int d = HanDigit(c);
    if (d >= 0) { digit = d; continue; }
    long long u = HanUnit(c);
    if (u >= 10000) {
      section = (section + digit) * u;
      total += section;
      section = 0;
    } else {
      section += (digit == 0 ? 1 : digit) * u;
    }
    digit = 0;
  }
  return std::to_string(total + section + digit);
}

bool IsLatinLetter(char32_t cp) {
  UErrorCode e = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(cp), &e) == USCRIPT_LATIN;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  Token word;
  bool in_word = false;
  std::u32string han_run;  // pending Chinese numerals
  std::vector<Token> derived;
  auto flush_word = [&] {
    if (in_word && !word.text.empty()) out.push_back(std::move(word));
    word = Token{};
    in_word = false;
  };
  auto flush_han_number = [&] {
    bool numeric = han_run.size() >= 2;
    if (han_run.size() == 1 && HanUnit(han_run[0]) == 0 && HanDigit(han_run[0]) > 1) numeric = true;
    if (numeric) derived.push_back(Token{HanNumber(han_run), TokenKind::kNumber, false, false, true});
    han_run.clear();
  };
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = DecodeUtf8(text, pos);
    if (cp >= 0xFF01 && cp <= 0xFF5E) cp -= 0xFEE0;  // full-width ASCII
    if (IsHan(cp)) {
      flush_word();
      if (HanDigit(cp) >= 0 || HanUnit(cp) != 0) {
        han_run += cp;
      } else if (!han_run.empty()) {
        flush_han_number();
      }
      Token t{{}, TokenKind::kHan, false, false};
      AppendUtf8(t.text, cp);
      out.push_back(std::move(t));
      continue;
    }
    if (!han_run.empty()) flush_han_number();
    int32_t digit = u_charDigitValue(static_cast<UChar32>(cp));
    if (digit >= 0 && u_isdigit(static_cast<UChar32>(cp))) {
      if (!in_word || word.kind != TokenKind::kNumber) {
        flush_word();
        word.kind = TokenKind::kNumber;
        in_word = true;
      }
      word.text += static_cast<char>('0' + digit);
      continue;
    }
    if (in_word && word.kind == TokenKind::kNumber && (cp == '.' || cp == ',' || cp == 0x066B ||
                                                       cp == 0x066C || cp == 0x060C)) {
      // Decimal point or thousands separator only when a digit follows.
      size_t peek = pos;
      if (peek < text.size()) {
        char32_t next = DecodeUtf8(text, peek);
        if (u_isdigit(static_cast<UChar32>(next))) {
          if (cp == '.' || cp == 0x066B) word.text += '.';
          continue;
        }
      }
      flush_word();
      continue;
    }
    bool letter = u_isalpha(static_cast<UChar32>(cp)) || (u_getCombiningClass(cp) > 0) ||
                  u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK ||
                  u_charType(static_cast<UChar32>(cp)) == U_COMBINING_SPACING_MARK;
    if (cp == 0x200C || cp == 0x200D || cp == 0x0640) letter = true;  // joiners inside words
    if (cp == '\'' && in_word && word.kind == TokenKind::kWord) {
      word.text += '\'';
      continue;
    }
    if (letter) {
      if (in_word && word.kind != TokenKind::kWord) flush_word();
      if (!in_word) {
        in_word = true;
        word.kind = TokenKind::kWord;
        word.capitalised = u_isupper(static_cast<UChar32>(cp));
        word.latin = true;
      }
      char32_t f = cp;
      if (cp >= 0x0600 && cp <= 0x06FF) f = FoldArabic(cp);
      if (cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F || cp == 0x0640) f = 0;
      if (f == 0) continue;
      if (!IsLatinLetter(f)) word.latin = false;
      f = static_cast<char32_t>(u_tolower(static_cast<UChar32>(f)));
      AppendUtf8(word.text, f);
      continue;
    }
    flush_word();
  }
  flush_word();
  if (!han_run.empty()) flush_han_number();
  for (Token& t : derived) out.push_back(std::move(t));
  // Trailing apostrophes are quotes, not part of the word.
  for (Token& t : out)
    while (!t.text.empty() && t.text.back() == '\'') t.text.pop_back();
  std::erase_if(out, [](const Token& t) { return t.text.empty(); });
  return out;
}

std::string JoinKey(const std::vector<Token>& tokens, size_t begin, size_t end) {
  std::string key;
  bool prev_han = false;
  for (size_t i = begin; i < end; ++i) {
    if (tokens[i].derived) continue;
    bool han = tokens[i].kind == TokenKind::kHan;
    if (!key.empty() && !(han && prev_han)) key += ' ';
    key += tokens[i].text;
    prev_han = han;
  }
  return key;
}

std::string StemLatin(std::string_view w) {
  std::string s(w);
  auto ends = [&](std::string_view suf) {
    return s.size() >= suf.size() && s.compare(s.size() - suf.size(), suf.size(), suf) == 0;
  };
  if (ends("'s")) s.resize(s.size() - 2);
  if (s.size() > 4 && ends("ies")) { s.resize(s.size() - 3); s += 'y'; return s; }
  if (s.size() > 4 && ends("sses")) { s.resize(s.size() - 2); return s; }
  if (s.size() > 5 && ends("ing")) { s.resize(s.size() - 3); return s; }
  if (s.size() > 4 && ends("ed")) { s.resize(s.size() - 2); return s; }
  if (s.size() > 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is")) s.pop_back();
  return s;
}

PunctCounts CountPunctuation(std::string_view text) {
  PunctCounts p;
  size_t pos = 0;
  auto bump = [&](int k) { if (p.counts[k] < 255) ++p.counts[k]; };
  char32_t prev = ' ';
  while (pos < text.size()) {
    char32_t cp = DecodeUtf8(text, pos);
    char32_t before = prev;
    prev = cp;
    if (cp == '\'' || cp == 0x2018 || cp == 0x2019) {
      // A single quote between two letters is an apostrophe (don't, China's).
      size_t peek = pos;
      char32_t next = pos < text.size() ? DecodeUtf8(text, peek) : ' ';
      if (!(u_isalpha(static_cast<UChar32>(before)) && u_isalpha(static_cast<UChar32>(next)))) bump(2);
      continue;
    }
    switch (cp) {
      case '?': case 0xFF1F: case 0x061F: bump(0); break;
      case '!': case 0xFF01: bump(1); break;
      case '"': case 0x201C: case 0x201D: case 0x300C: case 0x300D: case 0x00AB: case 0x00BB:
        bump(2); break;
      case '(': case 0xFF08: case '[': case 0x3010: case 0x300A: bump(3); break;
      case ':': case 0xFF1A: case ';': case 0xFF1B: case 0x061B: bump(4); break;
      default: break;
    }
  }
  return p;
}

uint32_t CountChars(std::string_view text) {
  uint32_t n = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t cp = DecodeUtf8(text, pos);
    if (!IsSpace(cp)) ++n;
  }
  return n;
}

uint64_t HashBytes(std::string_view bytes, uint64_t seed) {
  uint64_t h = 0x9E3779B97F4A7C15ULL ^ seed ^ (bytes.size() * 0xC2B2AE3D27D4EB4FULL);
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t v;
    std::memcpy(&v, bytes.data() + i, 8);
    h ^= v * 0x87C37B91114253D5ULL;
    h = (h << 31 | h >> 33) * 0x4CF5AD432745937FULL;
  }
  uint64_t tail = 0;
  for (size_t k = 0; i < bytes.size(); ++i, ++k) tail |= uint64_t(static_cast<unsigned char>(bytes[i])) << (8 * k);
  h ^= tail * 0x87C37B91114253D5ULL;
  h ^= h >> 33; h *= 0xFF51AFD7ED558CCDULL; h ^= h >> 33; h *= 0xC4CEB9FE1A85EC53ULL; h ^= h >> 33;
  return h;
}

}  // namespace align::internal
