// Concepts whose terms nest (one term's key inside another's, in one
// language). Where they overlap in a text the matcher keeps one of them at
// a place, so the checker lets either stand for the other.
#include <algorithm>
#include <map>
#include <utility>

#include "align/match.h"
#include "align/normalize.h"
#include "match_internal.h"

namespace align {
namespace internal {

std::string QuotelessKey(std::string_view text) {
  const std::string key = Normalizer::Get().KeyOf(text);
  std::string out;
  out.reserve(key.size());
  for (size_t i = 0; i < key.size();) {
    size_t n = 1;
    const auto b = static_cast<unsigned char>(key[i]);
    if (b >= 0xF0) n = 4; else if (b >= 0xE0) n = 3; else if (b >= 0xC0) n = 2;
    const std::string_view cp(key.data() + i, std::min(n, key.size() - i));
    if (cp != "\"" && cp != "'" && cp != "“" && cp != "”" && cp != "‘" && cp != "’" && cp != "《" && cp != "》") out += cp;
    i += n;
  }
  return out;
}

std::vector<std::vector<uint32_t>> NestedConcepts(const Lexicon& lexicon) {
  std::map<Language, std::vector<std::pair<std::string, uint32_t>>> by_language;
  for (const Term& t : lexicon.terms()) {
    std::string key = QuotelessKey(t.text);
    if (!key.empty()) by_language[t.language].emplace_back(std::move(key), t.concept_index);
  }
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  for (auto& [language, keys] : by_language) {
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    // Every key that occurs inside |outer| is found by walking the sorted
    // keys from each start position, narrowing the range byte by byte: the
    // cost grows with the keys' lengths, not with the square of their count.
    for (const auto& [outer, d] : keys) {
      for (size_t p = 0; p < outer.size(); ++p) {
        if ((static_cast<unsigned char>(outer[p]) & 0xC0) == 0x80) continue;  // inside a code point
        auto lo = keys.begin(), hi = keys.end();
        for (size_t k = 0; p + k < outer.size() && lo != hi; ++k) {
          // Unsigned, as std::string orders bytes.
          const auto byte = static_cast<unsigned char>(outer[p + k]);
          auto at = [k](const auto& e) { return static_cast<unsigned char>(e.first[k]); };
          lo = std::lower_bound(lo, hi, byte, [&](const auto& e, unsigned char c) { return at(e) < c; });
          hi = std::upper_bound(lo, hi, byte, [&](unsigned char c, const auto& e) { return c < at(e); });
          // Keys of exactly k+1 bytes sort first in the range: they match here.
          auto it = lo;
          for (; it != hi && it->first.size() == k + 1; ++it) {
            const bool whole = p == 0 && k + 1 == outer.size();
            if (!whole && it->second != d) pairs.emplace_back(d, it->second);
          }
          lo = it;
        }
      }
    }
  }
  std::vector<std::vector<uint32_t>> out(lexicon.concepts().size());
  for (const auto& [outer, inner] : pairs) {
    out[outer].push_back(inner);
    out[inner].push_back(outer);
  }
  for (std::vector<uint32_t>& list : out) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return out;
}

}  // namespace internal

const std::vector<std::vector<uint32_t>>& TermMatcher::NestedConcepts() const {
  std::call_once(nested_once_, [this] { nested_ = internal::NestedConcepts(*lexicon_); });
  return nested_;
}

}  // namespace align
