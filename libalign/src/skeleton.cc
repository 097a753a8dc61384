// Consonant skeletons (skeleton.h).
#include "skeleton.h"

#include <algorithm>

#include "utf8.h"

namespace align::internal {

SkeletonTable::SkeletonTable(const LanguageInfo& language) {
  for (const LanguageEntry& e : language.Table("name_skeleton")) {
    if (e.text.empty() || e.value.empty()) continue;
    size_t pos = 0;
    by_first_[DecodeUtf8(e.text, pos)].push_back({e.text, e.value[0]});
  }
  // Longest first, so that a digraph (ph, th) wins over its first letter.
  for (auto& [first, list] : by_first_)
    std::stable_sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

std::string SkeletonTable::Of(std::string_view w) const {
  std::string s;
  size_t pos = 0;
  while (pos < w.size()) {
    const size_t start = pos;
    auto it = by_first_.find(DecodeUtf8(w, pos));
    if (it == by_first_.end()) continue;
    for (const auto& [seq, k] : it->second) {
      if (w.compare(start, seq.size(), seq) != 0) continue;
      pos = start + seq.size();
      if (s.empty() || s.back() != k) s += k;
      break;
    }
  }
  return s;
}

std::string Skeleton(const Token& t, const SkeletonTable& latin, const SkeletonTable& other,
                     size_t loanword_min_letters) {
  if (!t.latin) return other.Of(t.text);
  return t.capitalised || t.text.size() >= loanword_min_letters ? latin.Of(t.text) : "";
}

}  // namespace align::internal
