// Glossary (coverage.h): texts read into pivot-language meanings.
#include "coverage.h"

#include <algorithm>
#include <cmath>

#include "align/language.h"
#include "aligner_text.h"
#include "script.h"
#include "utf8.h"

namespace align::internal {
namespace {

// Entries of more tokens are idioms and titles that a clause's words
// cover one by one; the bound keeps a long side linear.
constexpr size_t kLongestKey = 8;

// Latin words meet by their first letters: a translation's word is often
// another word of the same family (cooperation for 合作's "cooperate",
// terrorist for "terrorism"), which an inflection stemmer does not join.
constexpr size_t kLatinPrefix = 5;

// Skeletons as the aligner compares names and loanwords by default
// (AlignerConfig::name_min_skeleton, loanword_min_letters).
constexpr size_t kMinSkeleton = 3;
constexpr size_t kLoanwordMinLetters = 5;

// A token as a meaning: Latin words by their prefix, numbers marked so that
// "2" the number and a word never meet.
std::string MeaningOf(const Token& t) {
  if (t.kind == TokenKind::kNumber) return "#" + t.text;
  if (!t.latin) return t.text;
  std::string stem = StemLatin(t.text);
  if (stem.size() > kLatinPrefix) stem.resize(kLatinPrefix);
  return stem;
}

}  // namespace

bool UnitRendered(const std::vector<std::string>& unit, const std::unordered_set<std::string>& meanings) {
  return std::any_of(unit.begin(), unit.end(), [&](const std::string& m) { return meanings.count(m) > 0; });
}

double RenderedShare(const std::vector<std::vector<std::string>>& units, const std::unordered_set<std::string>& meanings) {
  size_t rendered = 0;
  for (const auto& u : units) rendered += UnitRendered(u, meanings);
  return units.empty() ? 0 : static_cast<double>(rendered) / static_cast<double>(units.size());
}

double BinomialLowerTail(size_t n, size_t k, double p) {
  if (k >= n || p <= 0) return 1;
  if (p >= 1) return 0;
  const double odds = std::log(p) - std::log1p(-p);
  double log_term = static_cast<double>(n) * std::log1p(-p);  // P(X = 0)
  double log_sum = log_term;
  for (size_t i = 1; i <= k; ++i) {
    log_term += std::log(static_cast<double>(n - i + 1) / static_cast<double>(i)) + odds;
    const double hi = std::max(log_sum, log_term), lo = std::min(log_sum, log_term);
    log_sum = hi + std::log1p(std::exp(lo - hi));
  }
  return std::min(std::exp(log_sum), 1.0);
}

Language PivotOf(const std::vector<std::shared_ptr<const Dictionary>>& dictionaries) {
  Language best = Language::kUnknown;
  long best_count = 0;
  for (const auto& d : dictionaries) {
    const long count = std::count_if(dictionaries.begin(), dictionaries.end(),
                                     [&](const auto& e) { return e->target() == d->target(); });
    if (count > best_count) best = d->target(), best_count = count;
  }
  return best;
}

Glossary::Glossary(const std::vector<std::shared_ptr<const Dictionary>>& dictionaries, Language pivot)
    : pivot_(pivot) {
  std::vector<Language> languages = {pivot};
  for (const auto& d : dictionaries) {
    if (!d || d->target() != pivot || d->source() == pivot) continue;
    const int key = static_cast<int>(d->source());
    if (routes_.count(key)) continue;  // the first dictionary of a language is its route
    Route& route = routes_[key];
    route.dictionary = d;
    for (std::string_view word : d->TargetWords())
      for (const Token& t : Tokenize(word)) route.vocabulary.insert(MeaningOf(t));
    languages.push_back(d->source());
  }
  for (Language l : languages) {
    const LanguageInfo& info = Languages().Info(l);
    function_words_[static_cast<int>(l)] = FunctionWords(l);
    // A number word means its number ("two" and 2人), an ordinal too
    // ("third", "3rd" and تیسرا).
    auto& numbers = number_words_[static_cast<int>(l)];
    for (const char* section : {"number_words", "weak_number_words", "ordinal_words"}) {
      for (const LanguageEntry& e : info.Table(section)) {
        const std::vector<Token> t = Tokenize(e.text);
        if (t.size() == 1) numbers[t[0].text] = "#" + e.value;
      }
    }
    single_entries_[static_cast<int>(l)] = info.units != TextUnits::kCharacters;
    SkeletonTable table(info);
    if (!table.empty()) skeletons_.emplace(static_cast<int>(l), std::move(table));
    latin_script_[static_cast<int>(l)] = info.HasScript(USCRIPT_LATIN);
  }
}

std::string Glossary::SkeletonMeaning(const Token& t, Language language) const {
  if (t.kind != TokenKind::kWord) return {};
  auto own = skeletons_.find(static_cast<int>(language));
  if (own == skeletons_.end()) return {};
  const bool latin = latin_script_.at(static_cast<int>(language));
  // A Latin-script language's words are read by the Latin rule, every
  // other script's words by their own table.
  std::string skeleton = latin ? Skeleton(t, own->second, own->second, kLoanwordMinLetters)
                               : (t.latin ? std::string() : own->second.Of(t.text));
  if (skeleton.size() < kMinSkeleton) return {};
  return "~" + skeleton;
}

bool Glossary::Reads(Language language) const { return language == pivot_ || RouteOf(language) != nullptr; }

const Glossary::Route* Glossary::RouteOf(Language language) const {
  auto it = routes_.find(static_cast<int>(language));
  return it == routes_.end() ? nullptr : &it->second;
}

std::string Glossary::NumberWord(Language language, const std::string& folded) const {
  auto it = number_words_.find(static_cast<int>(language));
  if (it == number_words_.end()) return {};
  auto word = it->second.find(folded);
  return word == it->second.end() ? std::string() : word->second;
}

bool Glossary::IsFunctionWord(Language language, const std::string& folded) const {
  auto it = function_words_.find(static_cast<int>(language));
  return it != function_words_.end() && it->second.count(folded);
}

std::vector<std::vector<std::string>> Glossary::Units(std::string_view text, Language language,
                                                      Language other) const {
  std::vector<std::vector<std::string>> units;
  const std::vector<Token> tokens = Tokenize(text);
  if (language == pivot_) {
    const Route* route = RouteOf(other);
    if (!route) return units;
    for (const Token& t : tokens) {
      if (t.kind == TokenKind::kNumber) {
        if (!t.derived) units.push_back({MeaningOf(t)});
        continue;
      }
      if (std::string number = NumberWord(language, t.text); !number.empty()) {
        units.push_back({std::move(number)});
        continue;
      }
      if (IsFunctionWord(language, t.text) || (t.latin && t.text.size() < 3)) continue;
      std::string meaning = MeaningOf(t);
      if (!route->vocabulary.count(meaning)) continue;
      units.push_back({std::move(meaning)});
      if (std::string skeleton = SkeletonMeaning(t, language); !skeleton.empty())
        units.back().push_back(std::move(skeleton));
    }
    return units;
  }
  const Route* route = RouteOf(language);
  if (!route) return units;
  const Dictionary& dictionary = *route->dictionary;
  auto single = single_entries_.find(static_cast<int>(language));
  const bool singles = single != single_entries_.end() && single->second;
  size_t plain = 0;  // derived number tokens follow the others
  while (plain < tokens.size() && !tokens[plain].derived) ++plain;
  const size_t longest = std::min<size_t>(std::max(dictionary.max_key_tokens(), 1), kLongestKey);
  std::vector<std::string_view> words;
  for (size_t p = 0; p < plain;) {
    size_t took = 0;
    for (size_t k = std::min(longest, plain - p); k >= 1 && !took; --k) {
      if (k == 1 && IsFunctionWord(language, tokens[p].text)) break;
      if (k == 1) {
        if (std::string number = NumberWord(language, tokens[p].text); !number.empty()) {
          units.push_back({std::move(number)});
          took = 1;
          break;
        }
      }
      dictionary.Lookup(JoinKey(tokens, p, p + k), &words);
      if (words.empty()) continue;
      took = k;
      if (k == 1 && !singles) break;
      std::vector<std::string> meanings;
      for (std::string_view w : words)
        for (const Token& t : Tokenize(w))
          if (!IsFunctionWord(pivot_, t.text)) meanings.push_back(MeaningOf(t));
      if (meanings.empty()) continue;
      for (size_t i = p; i < p + k; ++i)
        if (std::string skeleton = SkeletonMeaning(tokens[i], language); !skeleton.empty())
          meanings.push_back(std::move(skeleton));
      units.push_back(std::move(meanings));
    }
    if (took) {
      p += took;
      continue;
    }
    const Token& t = tokens[p++];
    // A number, or a Latin word in another script (an acronym), stands for itself.
    if (t.kind == TokenKind::kNumber || (t.latin && t.text.size() >= 2)) units.push_back({MeaningOf(t)});
  }
  // Numbers read from Chinese numerals: their characters were looked up above.
  return units;
}

std::unordered_set<std::string> Glossary::Meanings(std::string_view text, Language language) const {
  std::unordered_set<std::string> meanings;
  const std::vector<Token> tokens = Tokenize(text);
  for (const Token& t : tokens) {
    if (std::string number = NumberWord(language, t.text); !number.empty()) meanings.insert(std::move(number));
    if (t.kind == TokenKind::kNumber || language == pivot_ || t.latin) meanings.insert(MeaningOf(t));
    if (std::string skeleton = SkeletonMeaning(t, language); !skeleton.empty()) meanings.insert(std::move(skeleton));
  }
  const Route* route = language == pivot_ ? nullptr : RouteOf(language);
  if (!route) return meanings;
  // Every entry at every position, not only the longest: a rendering may
  // be the gloss of a shorter word inside a longer one.
  const Dictionary& dictionary = *route->dictionary;
  const size_t longest = std::min<size_t>(std::max(dictionary.max_key_tokens(), 1), kLongestKey);
  size_t plain = 0;
  while (plain < tokens.size() && !tokens[plain].derived) ++plain;
  std::vector<std::string_view> words;
  for (size_t p = 0; p < plain; ++p) {
    for (size_t k = 1; k <= std::min(longest, plain - p); ++k) {
      dictionary.Lookup(JoinKey(tokens, p, p + k), &words);
      for (std::string_view w : words)
        for (const Token& t : Tokenize(w)) meanings.insert(MeaningOf(t));
    }
  }
  return meanings;
}

namespace {

// The words of |text| as byte spans: runs of letters and digits (a Han
// character is a word of its own, so that entries are tried from each).
std::vector<Span> WordSpans(std::string_view text) {
  std::vector<Span> words;
  bool open = false;  // the last word goes on with the next letter
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const char32_t c = DecodeUtf8(text, i);
    const bool han = IsHan(c);
    const bool letter = han || IsLetter(c) || (c >= U'0' && c <= U'9') || c == 0x200C ||
                        u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
    if (!letter || han) {
      if (han) words.push_back({at, i});
      open = false;
      continue;
    }
    if (open) {
      words.back().end = i;
    } else {
      words.push_back({at, i});
      open = true;
    }
  }
  return words;
}

}  // namespace

std::vector<Span> Glossary::Find(std::string_view text, Language language,
                                 const std::unordered_set<std::string>& wanted,
                                 std::unordered_set<std::string>* found) const {
  std::vector<Span> spans;
  auto add = [&](Span span) {
    if (!spans.empty() && spans.back().end <= span.begin &&
        text.substr(spans.back().end, span.begin - spans.back().end).find_first_not_of(" ") == std::string_view::npos) {
      spans.back().end = span.end;
    } else if (spans.empty() || spans.back().end <= span.begin) {
      spans.push_back(span);
    }
  };
  const std::vector<Span> words = WordSpans(text);
  const Route* route = language == pivot_ ? nullptr : RouteOf(language);
  if (language != pivot_ && !route) return spans;
  auto single = single_entries_.find(static_cast<int>(language));
  const bool singles = language == pivot_ || (single != single_entries_.end() && single->second);
  std::vector<std::string_view> glosses;
  for (size_t p = 0; p < words.size();) {
    size_t took = 0;
    const size_t longest = route ? std::min<size_t>(std::max(route->dictionary->max_key_tokens(), 1), kLongestKey) : 1;
    for (size_t k = std::min(longest, words.size() - p); k >= 1 && !took; --k) {
      if (k == 1 && !singles) break;
      const Span span{words[p].begin, words[p + k - 1].end};
      const std::vector<Token> tokens = Tokenize(text.substr(span.begin, span.size()));
      if (tokens.empty()) continue;
      if (k == 1 && IsFunctionWord(language, tokens[0].text)) break;
      std::vector<std::string> meanings;
      if (!route) {
        meanings.push_back(MeaningOf(tokens[0]));
      } else {
        route->dictionary->Lookup(JoinKey(tokens, 0, tokens.size()), &glosses);
        for (std::string_view g : glosses)
          for (const Token& t : Tokenize(g))
            if (!IsFunctionWord(pivot_, t.text)) meanings.push_back(MeaningOf(t));
        if (glosses.empty()) continue;
      }
      took = k;
      bool hit = false;
      for (const std::string& m : meanings) {
        if (!wanted.count(m)) continue;
        hit = true;
        if (found) found->insert(m);
      }
      if (hit) add(span);
    }
    p += took ? took : 1;
  }
  return spans;
}

}  // namespace align::internal
