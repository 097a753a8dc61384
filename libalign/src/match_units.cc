// Cutting keys into units for term matching: tokens, compounds, lattices.
#include <unicode/uchar.h>

#include <cctype>

#include "align/normalize.h"
#include "match_internal.h"
#include "script.h"
#include "utf8.h"

namespace align::internal {
namespace {

enum class CharKind { kWord, kSpace, kHyphen, kDash, kApostrophe, kQuote, kOther };

CharKind Classify(char32_t cp) {
  if (cp < 0x80) {
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9')) return CharKind::kWord;
    if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return CharKind::kSpace;
    if (cp == '-') return CharKind::kHyphen;
    if (cp == '\'') return CharKind::kApostrophe;
    if (cp == '"') return CharKind::kQuote;
    return CharKind::kOther;
  }
  if (IsHan(cp)) return CharKind::kWord;  // the common case of Chinese text, before the general lookup
  if (IsSpace(cp)) return CharKind::kSpace;
  switch (cp) {
    case 0x2010: case 0x2011: case 0x00AD: return CharKind::kHyphen;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: return CharKind::kDash;
    case 0x2019: case 0x02BC: return CharKind::kApostrophe;
    case 0x201C: case 0x201D: case 0x2018: case 0x300C: case 0x300D: case 0x300E:
    case 0x300F: case 0x301D: case 0x301E: case 0xFF02: return CharKind::kQuote;
    default: break;
  }
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER: case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK: case U_COMBINING_SPACING_MARK: case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER: case U_OTHER_NUMBER:
      return CharKind::kWord;
    case U_SPACE_SEPARATOR: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR:
      return CharKind::kSpace;
    case U_FORMAT_CHAR:  // ZWNJ and friends the key did not drop: invisible inside words
      return CharKind::kWord;
    default:
      return CharKind::kOther;
  }
}

bool IsAsciiAlnum(char32_t cp) {
  return cp < 0x80 && ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'));
}

bool NextIsWord(std::string_view key, size_t pos) {
  return pos < key.size() && Classify(DecodeUtf8(key, pos)) == CharKind::kWord;
}

bool IsComma(std::string_view s) { return s == "," || s == "\u060C" || s == "\u3001"; }

}  // namespace

bool Joinable(Gap gap, const MatchProfile& profile) {
  if (gap == Gap::kHyphen) return true;
  return profile.join_across_space && gap == Gap::kSpace;
}

void Tokenize(std::string_view key, const MatchProfile& profile, std::vector<RawToken>* out) {
  out->clear();
  const bool chars = profile.units == MatchProfile::Units::kChars;
  Gap gap = Gap::kNone;
  bool in_word = false;
  size_t pos = 0;
  while (pos < key.size()) {
    const size_t start = pos;
    const char32_t cp = DecodeUtf8(key, pos);
    const CharKind kind = Classify(cp);
    if (chars) {
      if (kind == CharKind::kSpace || kind == CharKind::kQuote || kind == CharKind::kApostrophe) continue;
      out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(pos), Gap::kNone,
                      kind == CharKind::kWord, static_cast<uint32_t>(cp)});
      continue;
    }
    switch (kind) {
      case CharKind::kWord:
        if (in_word) {
          out->back().end = static_cast<uint32_t>(pos);
        } else {
          out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(pos), gap, true, 0});
          in_word = true;
          gap = Gap::kNone;
        }
        continue;
      case CharKind::kSpace:
        gap = Gap::kSpace;
        break;
      case CharKind::kHyphen:
        if (gap == Gap::kNone) gap = Gap::kHyphen;
        break;
      case CharKind::kDash:
        // Typesetting turns hyphens between words into en or em dashes
        // (win–win, China—Pakistan); a dash with space on either side
        // separates clauses and must stop a term.
        if (in_word && gap == Gap::kNone && NextIsWord(key, pos)) {
          gap = Gap::kHyphen;
        } else {
          out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(pos), gap, false, 0});
          gap = Gap::kNone;
        }
        break;
      case CharKind::kApostrophe:
        if (gap != Gap::kSpace) gap = Gap::kApostrophe;
        break;
      case CharKind::kQuote:
      case CharKind::kOther:
        out->push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(pos), gap, false, 0});
        gap = Gap::kNone;
        break;
    }
    in_word = false;
  }
}

UnitCoder::UnitCoder(MatchProfile profile, std::unique_ptr<WordFolder> folder)
    : profile_(std::move(profile)), folder_(std::move(folder)) {}

std::vector<std::vector<int>> UnitCoder::Groupings(const std::vector<RawToken>& tokens) const {
  // Each joinable gap between two words may be written solid or not. A term
  // has few of them; beyond six only the single joins are tried, so that the
  // number of variants stays linear.
  std::vector<size_t> joinable;
  for (size_t i = 1; i < tokens.size(); ++i)
    if (tokens[i].word && tokens[i - 1].word && Joinable(tokens[i].gap, profile_)) joinable.push_back(i);
  std::vector<std::vector<size_t>> join_sets;
  if (joinable.size() <= 6) {
    for (uint32_t mask = 0; mask < (1u << joinable.size()); ++mask) {
      std::vector<size_t> set;
      for (size_t b = 0; b < joinable.size(); ++b)
        if (mask & (1u << b)) set.push_back(joinable[b]);
      join_sets.push_back(std::move(set));
    }
  } else {
    join_sets.push_back({});
    for (size_t j : joinable) join_sets.push_back({j});
  }
  std::vector<std::vector<int>> out;
  for (const auto& set : join_sets) {
    std::vector<int> groups;
    size_t k = 0;
    bool ok = true;
    for (size_t i = 0; i < tokens.size(); ++i) {
      const bool joined = k < set.size() && set[k] == i;
      if (joined) {
        ++k;
        if (++groups.back() > profile_.max_join) ok = false;
      } else {
        groups.push_back(1);
      }
    }
    if (ok) out.push_back(std::move(groups));
  }
  return out;
}

namespace {
std::string Concat(std::string_view key, const std::vector<RawToken>& tokens, size_t first, size_t count) {
  std::string s;
  for (size_t i = first; i < first + count; ++i) s.append(key.substr(tokens[i].begin, tokens[i].end - tokens[i].begin));
  return s;
}
}  // namespace

void UnitCoder::AddTermKey(std::string_view key) {
  if (!folder_) return;
  std::vector<RawToken> tokens;
  Tokenize(key, profile_, &tokens);
  for (const auto& groups : Groupings(tokens)) {
    size_t i = 0;
    for (int g : groups) {
      folder_->Add(Concat(key, tokens, i, g), g == 1 && tokens[i].word);
      i += g;
    }
  }
}

void UnitCoder::AddTermText(std::string_view text) {
  if (!folder_) return;
  // Runs of two or more ASCII capitals and digits, such as FTA, SEZ, G20:
  // the key folds case, so only the term as written tells an initialism.
  size_t i = 0;
  while (i < text.size()) {
    size_t j = i;
    int capitals = 0;
    bool lower = false;
    while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j]))) {
      capitals += std::isupper(static_cast<unsigned char>(text[j])) != 0;
      lower |= std::islower(static_cast<unsigned char>(text[j])) != 0;
      ++j;
    }
    if (capitals >= 2 && !lower) folder_->AddAcronym(Normalizer::Get().KeyOf(text.substr(i, j - i)));
    i = j + 1;
  }
}

void UnitCoder::Freeze() {
  if (folder_) folder_->Freeze();
}

std::vector<std::vector<uint32_t>> UnitCoder::TermVariants(std::string_view key) const {
  std::vector<RawToken> tokens;
  Tokenize(key, profile_, &tokens);
  std::vector<std::vector<uint32_t>> out;
  if (tokens.empty()) return out;
  if (!folder_) {
    std::vector<uint32_t> units;
    for (const RawToken& t : tokens) units.push_back(t.cp);
    out.push_back(std::move(units));
    return out;
  }
  for (const auto& groups : Groupings(tokens)) {
    std::vector<uint32_t> units, without_commas;
    size_t i = 0;
    for (int g : groups) {
      const std::string text = Concat(key, tokens, i, g);
      units.push_back(folder_->TermClass(text));
      // A comma inside a term is often left out ("One Belt, One Road"); one
      // in the text where the term has none still stops the match.
      if (!(g == 1 && !tokens[i].word && IsComma(text))) without_commas.push_back(units.back());
      i += g;
    }
    if (without_commas.size() != units.size() && !without_commas.empty()) out.push_back(std::move(without_commas));
    out.push_back(std::move(units));
  }
  return out;
}

namespace {
bool IsSingleLetter(std::string_view key, const RawToken& t) {
  return t.word && t.end - t.begin == 1 && std::isalpha(static_cast<unsigned char>(key[t.begin]));
}
bool IsDot(std::string_view key, const RawToken& t) {
  return !t.word && t.gap == Gap::kNone && t.end - t.begin == 1 && key[t.begin] == '.';
}
}  // namespace

void UnitCoder::AddInitialism(std::string_view key, size_t i, std::string* letters, std::vector<uint32_t>* classes,
                              Lattice* lattice) const {
  // Dotted initialisms read as the abbreviation without dots: U.N. = UN,
  // U.S. = US. The unit ends after the last dot.
  const auto& tokens = lattice->tokens;
  if (!IsSingleLetter(key, tokens[i]) || (i > 0 && IsDot(key, tokens[i - 1]))) return;
  letters->clear();
  size_t j = i;
  while (j + 1 < tokens.size() && IsSingleLetter(key, tokens[j]) && IsDot(key, tokens[j + 1])) {
    letters->push_back(key[tokens[j].begin]);
    j += 2;
    if (j >= tokens.size() || tokens[j].gap != Gap::kNone) break;
  }
  if (letters->size() < 2) return;
  classes->clear();
  folder_->Classes(*letters, classes);
  for (uint32_t c : *classes) lattice->edges.push_back({static_cast<uint32_t>(j), c});
}

void UnitCoder::AddGluedPostposition(std::string_view word, uint32_t next, std::vector<uint32_t>* classes,
                                     Lattice* lattice) const {
  // Urdu writers often join a postposition to the word before it (صدرنے for
  // صدر نے). The word then reads as its head, but only as the last word of
  // a term: a postposition cannot stand inside one. Heads of one letter are
  // left alone (سے ends many words).
  for (const std::string& p : profile_.glued_postpositions) {
    if (word.size() <= p.size() || word.substr(word.size() - p.size()) != p) continue;
    const std::string_view head = word.substr(0, word.size() - p.size());
    size_t pos = 0, letters = 0;
    while (pos < head.size() && letters < 2) DecodeUtf8(head, pos), ++letters;
    if (letters < 2) continue;
    classes->clear();
    folder_->Classes(head, classes);
    for (uint32_t c : *classes) lattice->edges.push_back({next, c, /*final_only=*/true});
    if (!classes->empty()) return;
  }
}

void UnitCoder::BuildLattice(std::string_view key, Lattice* lattice) const {
  Tokenize(key, profile_, &lattice->tokens);
  const std::vector<RawToken>& tokens = lattice->tokens;
  lattice->edges.clear();
  lattice->first_edge.assign(tokens.size() + 1, 0);
  std::vector<uint32_t> classes;
  std::string compound, prefix;
  for (size_t i = 0; i < tokens.size(); ++i) {
    lattice->first_edge[i] = static_cast<uint32_t>(lattice->edges.size());
    const uint32_t next = static_cast<uint32_t>(i + 1);
    if (!folder_) {
      lattice->edges.push_back({next, tokens[i].cp});
      continue;
    }
    std::string_view word = key.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
    classes.clear();
    folder_->Classes(word, &classes);
    for (uint32_t c : classes) lattice->edges.push_back({next, c});
    if (!tokens[i].word) continue;
    if (classes.empty()) AddGluedPostposition(word, next, &classes, lattice);
    AddInitialism(key, i, &compound, &classes, lattice);
    // Compounds written spaced or hyphenated in the text: the joined
    // spelling is one more way to read tokens i..j.
    for (size_t j = i + 1; j < tokens.size() && static_cast<int>(j - i) < profile_.max_join; ++j) {
      if (!tokens[j].word || !Joinable(tokens[j].gap, profile_)) break;
      if (j == i + 1) {
        compound.assign(word);
        size_t p = tokens[j].begin;
        DecodeUtf8(key, p);
        prefix.assign(compound);
        prefix.append(key.substr(tokens[j].begin, p - tokens[j].begin));
        if (!folder_->MayStartCompound(prefix)) break;
      }
      compound.append(key.substr(tokens[j].begin, tokens[j].end - tokens[j].begin));
      classes.clear();
      folder_->Classes(compound, &classes);
      for (uint32_t c : classes) lattice->edges.push_back({static_cast<uint32_t>(j + 1), c});
    }
  }
  lattice->first_edge[tokens.size()] = static_cast<uint32_t>(lattice->edges.size());
}

bool UnitCoder::AtBoundaries(std::string_view key, uint32_t begin, uint32_t end) const {
  if (profile_.units != MatchProfile::Units::kChars) return true;  // tokens are whole words
  size_t p = begin;
  if (begin > 0 && IsAsciiAlnum(DecodeUtf8(key, p))) {
    size_t prev_start;
    if (IsAsciiAlnum(DecodeUtf8Before(key, begin, &prev_start))) return false;
  }
  if (end < key.size()) {
    size_t last_start;
    if (IsAsciiAlnum(DecodeUtf8Before(key, end, &last_start))) {
      size_t q = end;
      if (IsAsciiAlnum(DecodeUtf8(key, q))) return false;
    }
  }
  return true;
}

void WidenToQuotes(std::string_view key, uint32_t* begin, uint32_t* end) {
  // Pairs of opening and closing marks; ASCII " is its own pair.
  static constexpr std::pair<char32_t, char32_t> kPairs[] = {
      {0x201C, 0x201D}, {0x2018, 0x2019}, {0x300C, 0x300D}, {0x300E, 0x300F}, {'"', '"'}};
  for (const auto& [open, close] : kPairs) {
    // Closing marks without their opening one inside the hit, and opening
    // marks left open at its end.
    int unopened = 0, unclosed = 0;
    for (size_t p = *begin; p < *end;) {
      const char32_t cp = DecodeUtf8(key, p);
      if (open == close) {
        if (cp == open) unclosed ^= 1;
      } else if (cp == open) {
        ++unclosed;
      } else if (cp == close) {
        if (unclosed > 0) --unclosed; else ++unopened;
      }
    }
    size_t before = *begin;
    const char32_t prev = *begin > 0 ? DecodeUtf8Before(key, *begin, &before) : 0;
    size_t after = *end;
    const char32_t next = *end < key.size() ? DecodeUtf8(key, after) : 0;
    if (open == close) {
      if (unclosed && prev == open) *begin = static_cast<uint32_t>(before);
      else if (unclosed && next == close) *end = static_cast<uint32_t>(after);
      continue;
    }
    if (unopened > 0 && prev == open) *begin = static_cast<uint32_t>(before);
    if (unclosed > 0 && next == close) *end = static_cast<uint32_t>(after);
  }
}

}  // namespace align::internal
