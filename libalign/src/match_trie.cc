// The unit trie behind term matching: one flat open-addressing table.
#include <algorithm>

#include "match_internal.h"

namespace align::internal {

namespace {
constexpr uint64_t kEmpty = UINT64_MAX;
}

UnitTrie::UnitTrie() : slots_(1024, Slot{kEmpty, kNone}) {}

size_t UnitTrie::Find(uint64_t key) const {
  // Fibonacci hashing spreads the packed (node, unit) pairs; linear probing
  // keeps a lookup within one or two cache lines.
  const size_t mask = slots_.size() - 1;
  size_t slot = Home(key);
  while (slots_[slot].key != kEmpty && slots_[slot].key != key) slot = (slot + 1) & mask;
  return slot;
}

void UnitTrie::Grow() {
  std::vector<Slot> old(slots_.size() * 2, Slot{kEmpty, kNone});
  old.swap(slots_);
  for (const Slot& s : old)
    if (s.key != kEmpty) slots_[Find(s.key)] = s;
}

uint32_t UnitTrie::Insert(const std::vector<uint32_t>& units) {
  uint32_t node = 0;
  for (uint32_t unit : units) {
    const uint64_t key = Pack(node, unit);
    size_t slot = Find(key);
    if (slots_[slot].key == kEmpty) {
      if ((used_ + 1) * 2 > slots_.size()) {
        Grow();
        slot = Find(key);
      }
      slots_[slot] = {key, node_count_++};
      ++used_;
    }
    node = slots_[slot].child;
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
  // Children become handles that say whether terms end there.
  for (Slot& s : slots_)
    if (s.key != kEmpty && term_offsets_[s.child] != term_offsets_[s.child + 1]) s.child |= kTerminal;
  // Most positions of a text start no term: the first step, from the root,
  // is a direct index for the small units (word classes, BMP characters).
  uint32_t max_unit = 0;
  for (const Slot& s : slots_)
    if (s.key != kEmpty && (s.key >> 32) == 0) max_unit = std::max(max_unit, static_cast<uint32_t>(s.key));
  root_.assign(std::min<size_t>(size_t{max_unit} + 1, kMaxDenseRoot), kNone);
  for (const Slot& s : slots_)
    if (s.key != kEmpty && (s.key >> 32) == 0 && static_cast<uint32_t>(s.key) < root_.size())
      root_[static_cast<uint32_t>(s.key)] = s.child;
  int bits = 12;
  while ((size_t{1} << bits) < used_ * 8) ++bits;
  filter_shift_ = 64 - bits;
  filter_.assign((size_t{1} << bits) / 64, 0);
  for (const Slot& s : slots_) {
    if (s.key == kEmpty) continue;
    const uint64_t bit = FilterBit(s.key, filter_shift_);
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
}

uint32_t UnitTrie::Child(uint32_t node, uint32_t unit) const {
  node &= ~kTerminal;
  if (node == 0 && unit < root_.size()) return root_[unit];
  const uint64_t key = Pack(node, unit);
  if (!filter_.empty()) {
    const uint64_t bit = FilterBit(key, filter_shift_);
    if (!(filter_[bit >> 6] >> (bit & 63) & 1)) return kNone;
  }
  const Slot& s = slots_[Find(key)];
  return s.key == kEmpty ? kNone : s.child;
}

}  // namespace align::internal

namespace align::internal {

void UnitTrie::Prefetch(uint32_t node, uint32_t unit) const {
  node &= ~kTerminal;
  if ((node == 0 && unit < root_.size()) || filter_.empty()) return;
  const uint64_t key = Pack(node, unit);
  __builtin_prefetch(&filter_[FilterBit(key, filter_shift_) >> 6]);
  __builtin_prefetch(&slots_[Home(key)]);
}

}  // namespace align::internal
