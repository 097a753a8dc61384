// Word equivalence classes for term matching: spelling folds and hunspell stems.
#include <hunspell/hunspell.hxx>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <numeric>

#include "match_internal.h"
#include "utf8.h"

namespace align::internal {
namespace {

// The first |n| code points of |s|.
std::string_view PrefixChars(std::string_view s, size_t n) {
  size_t pos = 0;
  for (size_t i = 0; i < n && pos < s.size(); ++i) DecodeUtf8(s, pos);
  return s.substr(0, pos);
}

bool StartsWithLetter(std::string_view s) {
  if (s.empty()) return false;
  const auto b = static_cast<unsigned char>(s[0]);
  return b >= 0x80 || std::isalnum(b);
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

size_t CountChars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// What a word must start with to have |stem| as a stem: its first three
// characters, fewer for short stems whose last letter inflects (کا, کے, کی).
std::string_view StemHead(std::string_view stem) {
  const size_t n = CountChars(stem);
  return PrefixChars(stem, std::min<size_t>(3, n > 1 ? n - 1 : n));
}

size_t CacheShard(std::string_view s) { return HashBytes(s) >> 60; }

}  // namespace

size_t StringTable::Probe(std::string_view s, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.length == UINT32_MAX) return i;
    if (slot.hash == hash && slot.length == s.size() &&
        std::memcmp(pool_.data() + slot.offset, s.data(), s.size()) == 0)
      return i;
  }
}

void StringTable::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  for (const Slot& slot : old) {
    if (slot.length == UINT32_MAX) continue;
    const size_t mask = slots_.size() - 1;
    size_t i = slot.hash & mask;
    while (slots_[i].length != UINT32_MAX) i = (i + 1) & mask;
    slots_[i] = slot;
  }
}

void StringTable::Insert(std::string_view s, uint32_t value) {
  if ((used_ + 1) * 2 > slots_.size()) Grow();
  const uint64_t hash = HashBytes(s);
  Slot& slot = slots_[Probe(s, hash)];
  if (slot.length != UINT32_MAX) return;
  slot = {hash, static_cast<uint32_t>(pool_.size()), static_cast<uint32_t>(s.size()), value};
  pool_.append(s);
  ++used_;
}

const uint32_t* StringTable::Find(std::string_view s) const {
  const Slot& slot = slots_[Probe(s, HashBytes(s))];
  return slot.length == UINT32_MAX ? nullptr : &slot.value;
}

void HashFilter::Insert(std::string_view s) { hashes_.push_back(HashBytes(s)); }

void HashFilter::Freeze() {
  // Term words repeat across terms: size the filter by distinct strings.
  std::sort(hashes_.begin(), hashes_.end());
  hashes_.erase(std::unique(hashes_.begin(), hashes_.end()), hashes_.end());
  int bits = 9;
  while ((size_t{1} << bits) < hashes_.size() * 16) ++bits;
  shift_ = 64 - bits;
  bits_.assign((size_t{1} << bits) / 64, 0);
  for (uint64_t h : hashes_) bits_[h >> shift_ >> 6] |= (uint64_t{1} << (h & 63)) | (uint64_t{1} << ((h >> 6) & 63));
  hashes_.clear();
  hashes_.shrink_to_fit();
}

bool HashFilter::MayContain(std::string_view s) const {
  if (bits_.empty()) return true;
  const uint64_t h = HashBytes(s);
  const uint64_t mask = (uint64_t{1} << (h & 63)) | (uint64_t{1} << ((h >> 6) & 63));
  return (bits_[h >> shift_ >> 6] & mask) == mask;
}

WordFolder::WordFolder(const MatchProfile& profile, std::unique_ptr<Hunspell> hunspell,
                       std::unordered_map<std::string, std::string> spelling)
    : profile_(profile), hunspell_(std::move(hunspell)), spelling_(std::move(spelling)) {
  static std::atomic<uint64_t> next_serial{1};
  serial_ = next_serial++;
}

WordFolder::~WordFolder() = default;

bool WordFolder::Spell(const std::string& word) const {
  if (!hunspell_) return false;
  std::lock_guard<std::mutex> lock(hunspell_mutex_);
  return hunspell_->spell(word);
}

std::string WordFolder::Fold(std::string_view word, bool use_dictionary) const {
  std::string w(word);
  if (auto it = spelling_.find(w); it != spelling_.end()) return it->second;
  // Inflected forms of a listed variant: centres -> center+s, organising -> organiz+ing.
  static constexpr std::string_view kSuffixes[] = {"s", "es", "d", "ed", "ing", "ings", "er", "ers", "'s"};
  for (std::string_view suffix : kSuffixes) {
    if (!EndsWith(w, suffix) || w.size() < suffix.size() + 3) continue;
    const std::string base = w.substr(0, w.size() - suffix.size());
    if (auto it = spelling_.find(base); it != spelling_.end()) return it->second + std::string(suffix);
    if (auto it = spelling_.find(base + "e"); it != spelling_.end() && EndsWith(it->second, "e"))
      return it->second.substr(0, it->second.size() - 1) + std::string(suffix);
  }
  if (use_dictionary && profile_.ise_ize && hunspell_) {
    // The regular British -ise/-yse family: accepted only when the US
    // dictionary knows the -ize form and not the -ise one (so "promise",
    // "exercise" and "enterprise" stay as they are).
    static constexpr std::string_view kEndings[] = {"e", "es", "ed", "ing", "er", "ers", "ation", "ations",
                                                    "ational", "ability", "able"};
    for (std::string_view ending : kEndings) {
      for (std::string_view stem_end : {std::string_view("is"), std::string_view("ys")}) {
        const std::string tail = std::string(stem_end) + std::string(ending);
        if (!EndsWith(w, tail) || w.size() < tail.size() + 2) continue;
        std::string candidate = w;
        candidate[w.size() - tail.size() + 1] = 'z';
        if (!Spell(w) && Spell(candidate)) return candidate;
      }
    }
  }
  return w;
}

std::vector<std::string> WordFolder::Stems(const std::string& word) const {
  std::vector<std::string> stems;
  if (!hunspell_ || !StartsWithLetter(word)) return stems;
  {
    std::lock_guard<std::mutex> lock(hunspell_mutex_);
    stems = hunspell_->stem(word);
  }
  // Stems that strip a prefix (re-, un-, in-) change the meaning of a term
  // ("reorganize" is not "organize"): keep those that start like the word.
  if (!profile_.stems_keep_head) return stems;
  std::erase_if(stems, [&](const std::string& s) {
    const std::string_view head = StemHead(s);
    return s.empty() || word.compare(0, head.size(), head) != 0;
  });
  return stems;
}

void WordFolder::AddAcronym(std::string_view folded) { acronyms_.emplace(folded); }

std::vector<std::string> WordFolder::Related(std::string_view word) const {
  std::vector<std::string> out{std::string(word)};
  if (!StartsWithLetter(word)) return out;
  std::string folded = Fold(word);
  if (folded != word) out.push_back(folded);
  for (std::string& s : Stems(folded)) out.push_back(std::move(s));
  // An initialism's plural (FTAs, SEZs). The key has lost the capitals, so
  // a word the dictionary knows is a word, not a plural: gas is not GA+s.
  // Without a dictionary nothing tells them apart, and no plural is read.
  if (word.size() >= 3 && word.back() == 's' && hunspell_) {
    std::string base(word.substr(0, word.size() - 1));
    if (acronyms_.count(base) && !Spell(std::string(word))) out.push_back(std::move(base));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void WordFolder::Add(std::string_view term_word, bool written_solid) {
  if (written_solid) solid_words_.emplace_back(term_word);
  auto id_of = [&](const std::string& s) {
    auto [it, inserted] = ids_.emplace(s, static_cast<uint32_t>(parent_.size()));
    if (inserted) parent_.push_back(it->second);
    return it->second;
  };
  auto find = [&](uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  };
  const std::vector<std::string> related = Related(term_word);
  const uint32_t first = find(id_of(related[0]));
  for (size_t i = 1; i < related.size(); ++i) {
    const uint32_t other = find(id_of(related[i]));
    if (other != first) parent_[other] = first;
  }
}

void WordFolder::Freeze() {
  std::vector<uint32_t> class_index(parent_.size(), UINT32_MAX);
  uint32_t classes = 0;
  for (auto& [s, id] : ids_) {
    uint32_t root = id;
    while (parent_[root] != root) root = parent_[root];
    if (class_index[root] == UINT32_MAX) class_index[root] = classes++;
    class_of_.Insert(s, class_index[root]);
    prefixes_.Insert(StemHead(s));
    if (StemHead(s).empty()) has_empty_head_ = true;
  }
  // Every split point of a term word, with the character after it: a
  // compound written spaced in a text can only be one of ours if its first
  // token and the next character start one of these. (Stems and the joined
  // spellings of spaced terms are left out: text written spaced matches
  // those through the term's own tokens.)
  for (const std::string& s : solid_words_) {
    size_t pos = 0;
    while (pos < s.size()) {
      DecodeUtf8(s, pos);
      if (pos >= s.size()) break;
      size_t next = pos;
      DecodeUtf8(s, next);
      compound_prefixes_.Insert(std::string_view(s).substr(0, next));
    }
  }
  prefixes_.Freeze();
  compound_prefixes_.Freeze();
  solid_words_.clear();
  ids_.clear();
  parent_.clear();
}

uint32_t WordFolder::TermClass(std::string_view term_word) const {
  const uint32_t* found = class_of_.Find(term_word);
  return found ? *found : UINT32_MAX;
}

bool WordFolder::MayStartCompound(std::string_view prefix) const {
  return compound_prefixes_.MayContain(prefix);
}

bool WordFolder::MayHaveClass(std::string_view word) const {
  if (hunspell_ && !profile_.stems_keep_head) return true;  // any word may have any stem
  // A stem is kept only when the word starts with its head (StemHead), so a
  // word whose start is no class string's head cannot belong to a class,
  // unless the spelling fold rewrote it.
  for (size_t n = 3; n >= 1; --n)
    if (prefixes_.MayContain(PrefixChars(word, n))) return true;
  return has_empty_head_;  // a one-letter class string
}

void WordFolder::Classes(std::string_view word, std::vector<uint32_t>* out) const {
  if (!hunspell_ && spelling_.empty()) {
    if (const uint32_t* c = class_of_.Find(word)) out->push_back(*c);
    return;
  }
  // Very long tokens (a URL, a run of letters in binary-looking input) are
  // no term word's inflection: no hunspell call, no cache entry.
  if (word.size() > 128) {
    if (const uint32_t* c = class_of_.Find(word)) out->push_back(*c);
    return;
  }
  // A lock-free per-thread cache in front of everything else: a few folders
  // (one per language) per thread, each dropped when it grows past a bound.
  // Text repeats its words, so most lookups end here after one probe.
  struct Local {
    uint64_t serial = 0;
    StringTable table;
    std::vector<uint32_t> lists;  // count, then the classes
  };
  thread_local Local locals[4];
  thread_local unsigned victim = 0;
  Local* local = nullptr;
  for (Local& l : locals)
    if (l.serial == serial_) local = &l;
  if (local == nullptr || local->table.size() > (1u << 20)) {
    if (local == nullptr) local = &locals[victim++ % 4];
    *local = Local();
    local->serial = serial_;
  }
  // Most words have no class or one: those are kept in the table itself
  // (kNoClass, or the class with kOneClass set), the rest as an offset into
  // |lists|, so that the common lookup touches one slot.
  constexpr uint32_t kNoClass = UINT32_MAX, kOneClass = uint32_t{1} << 31;
  if (const uint32_t* at = local->table.Find(word)) {
    if (*at == kNoClass) return;
    if (*at & kOneClass) {
      out->push_back(*at & ~kOneClass);
      return;
    }
    const uint32_t* list = local->lists.data() + *at;
    out->insert(out->end(), list + 1, list + 1 + list[0]);
    return;
  }
  const size_t before = out->size();
  // Most words of a text are no term word: the prefix filter settles them
  // without the shared cache or hunspell.
  bool possible = MayHaveClass(word);
  if (!possible && !spelling_.empty()) {
    // Only a listed spelling variant can change the first characters.
    const std::string folded = Fold(word, /*use_dictionary=*/false);
    possible = folded != word && MayHaveClass(folded);
  }
  if (possible) SharedClasses(word, out);
  const size_t count = out->size() - before;
  if (count == 0) {
    local->table.Insert(word, kNoClass);
  } else if (count == 1 && (*out)[before] < kOneClass) {
    local->table.Insert(word, (*out)[before] | kOneClass);
  } else {
    local->table.Insert(word, static_cast<uint32_t>(local->lists.size()));
    local->lists.push_back(static_cast<uint32_t>(count));
    local->lists.insert(local->lists.end(), out->begin() + before, out->end());
  }
}

void WordFolder::SharedClasses(std::string_view word, std::vector<uint32_t>* out) const {
  Shard& shard = cache_[CacheShard(word)];
  {
    std::shared_lock<std::shared_mutex> lock(shard.mutex);
    if (auto it = shard.map.find(word); it != shard.map.end()) {
      out->insert(out->end(), it->second.begin(), it->second.end());
      return;
    }
  }
  std::vector<uint32_t> classes;
  for (const std::string& s : Related(word)) {
    const uint32_t* c = class_of_.Find(s);
    if (c && std::find(classes.begin(), classes.end(), *c) == classes.end()) classes.push_back(*c);
  }
  std::sort(classes.begin(), classes.end());
  out->insert(out->end(), classes.begin(), classes.end());
  std::unique_lock<std::shared_mutex> lock(shard.mutex);
  // A bound on the cache: beyond it words are folded again each time, which
  // is slower but keeps the memory of a long-running batch flat.
  if (shard.map.size() < (1u << 16)) shard.map.emplace(std::string(word), std::move(classes));
}

}  // namespace align::internal
