// The unit trie behind term matching: one flat open-addressing table.
#include <algorithm>

#include "match_internal.h"

namespace align::internal {

namespace {
constexpr uint64_t kEmpty = UINT64_MAX;
}

UnitTrie::UnitTrie() : keys_(1024, kEmpty), children_(1024, kNone) {}

size_t UnitTrie::Slot(uint64_t key) const {
  // Fibonacci hashing spreads the packed (node, unit) pairs; linear probing
  // keeps a lookup within one or two cache lines.
  const size_t mask = keys_.size() - 1;
  size_t slot = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & mask;
  while (keys_[slot] != kEmpty && keys_[slot] != key) slot = (slot + 1) & mask;
  return slot;
}

void UnitTrie::Grow() {
  std::vector<uint64_t> old_keys(keys_.size() * 2, kEmpty);
  std::vector<uint32_t> old_children(children_.size() * 2, kNone);
  old_keys.swap(keys_);
  old_children.swap(children_);
  for (size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] == kEmpty) continue;
    const size_t slot = Slot(old_keys[i]);
    keys_[slot] = old_keys[i];
    children_[slot] = old_children[i];
  }
}

uint32_t UnitTrie::Insert(const std::vector<uint32_t>& units) {
  uint32_t node = 0;
  for (uint32_t unit : units) {
    const uint64_t key = Pack(node, unit);
    size_t slot = Slot(key);
    if (keys_[slot] == kEmpty) {
      if ((used_ + 1) * 2 > keys_.size()) {
        Grow();
        slot = Slot(key);
      }
      keys_[slot] = key;
      children_[slot] = node_count_++;
      ++used_;
    }
    node = children_[slot];
  }
  return node;
}

void UnitTrie::AddTerm(uint32_t node, uint32_t term) { pending_terms_.emplace_back(node, term); }

void UnitTrie::Freeze() {
  std::sort(pending_terms_.begin(), pending_terms_.end());
  pending_terms_.erase(std::unique(pending_terms_.begin(), pending_terms_.end()), pending_terms_.end());
  term_offsets_.assign(node_count_ + 1, 0);
  for (const auto& [node, term] : pending_terms_) ++term_offsets_[node + 1];
  for (size_t i = 1; i <= node_count_; ++i) term_offsets_[i] += term_offsets_[i - 1];
  terms_.resize(pending_terms_.size());
  for (size_t i = 0; i < pending_terms_.size(); ++i) terms_[i] = pending_terms_[i].second;
  pending_terms_.clear();
  pending_terms_.shrink_to_fit();
  // Most positions of a text start no term: the first step, from the root,
  // is a direct index for the small units (word classes, BMP characters).
  uint32_t max_unit = 0;
  for (uint64_t key : keys_)
    if (key != kEmpty && (key >> 32) == 0) max_unit = std::max(max_unit, static_cast<uint32_t>(key));
  root_.assign(std::min<size_t>(size_t{max_unit} + 1, kMaxDenseRoot), kNone);
  for (size_t i = 0; i < keys_.size(); ++i)
    if (keys_[i] != kEmpty && (keys_[i] >> 32) == 0 && static_cast<uint32_t>(keys_[i]) < root_.size())
      root_[static_cast<uint32_t>(keys_[i])] = children_[i];
}

uint32_t UnitTrie::Child(uint32_t node, uint32_t unit) const {
  if (node == 0 && unit < root_.size()) return root_[unit];
  const size_t slot = Slot(Pack(node, unit));
  return keys_[slot] == kEmpty ? kNone : children_[slot];
}

}  // namespace align::internal
