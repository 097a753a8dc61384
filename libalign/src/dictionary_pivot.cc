// ComposeThroughPivot (dictionary_pivot.h).
#include "dictionary_pivot.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "aligner_text.h"
#include "dictionary_table.h"

namespace align::internal {
namespace {

// English words meet as their inflection stems ("cooperate", "cooperation"
// stay apart; "talks", "talk" meet).
std::string PivotWord(std::string_view word) {
  return !word.empty() && static_cast<unsigned char>(word[0]) < 0x80 ? StemLatin(word) : std::string(word);
}

}  // namespace

std::shared_ptr<const Dictionary> ComposeThroughPivot(const Dictionary& first, const Dictionary& second) {
  const auto* from = dynamic_cast<const TableDictionary*>(&first);
  const auto* into = dynamic_cast<const TableDictionary*>(&second);
  if (!from || !into || first.target() != second.target() || first.source() == second.source()) return nullptr;
  const std::unordered_set<std::string> pivot_function = FunctionWords(first.target());
  const std::unordered_set<std::string> target_function = FunctionWords(second.source());
  // Pivot word → the target-language words whose glosses hold it.
  std::unordered_map<std::string, std::vector<std::string>> back;
  std::vector<std::string_view> words;
  for (uint32_t k = 0; k < into->size(); ++k) {
    into->WordsOf(k, &words);
    std::vector<std::string> own;
    for (const Token& t : Tokenize(into->Key(k)))
      if (!target_function.count(t.text) && t.kind == TokenKind::kWord) own.push_back(t.text);
    if (own.empty()) continue;
    for (std::string_view w : words) {
      if (pivot_function.count(std::string(w))) continue;
      auto& list = back[PivotWord(w)];
      for (const std::string& o : own)
        if (std::find(list.begin(), list.end(), o) == list.end()) list.push_back(o);
    }
  }
  std::erase_if(back, [](const auto& entry) { return entry.second.size() > kMaxPivotFanOut; });
  TableBuilder builder;
  std::vector<std::string> targets;
  size_t added = 0;
  for (uint32_t k = 0; k < from->size(); ++k) {
    from->WordsOf(k, &words);
    targets.clear();
    for (std::string_view w : words) {
      auto it = back.find(PivotWord(w));
      if (it == back.end()) continue;
      targets.insert(targets.end(), it->second.begin(), it->second.end());
    }
    if (targets.empty()) continue;
    const std::string key(from->Key(k));
    builder.Add(key, static_cast<int>(Tokenize(key).size()), targets);
    ++added;
  }
  if (added == 0) return nullptr;
  auto table = TableDictionary::FromBlob(builder.Build(first.source(), second.source(), 0, 0), "composed dictionary", true);
  if (!table.ok()) return nullptr;
  return *table;
}

}  // namespace align::internal
