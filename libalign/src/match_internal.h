// Internals of term matching (align/match.h), shared with the tests so that
// the brute-force reference matcher sees exactly the units the automaton sees.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "align/match.h"
#include "hash.h"

class Hunspell;

namespace align::internal {

// How one language is cut into units and which variants count as equal.
// The defaults per language live in match_profile.cc (see docs/matching.md).
struct MatchProfile {
  enum class Units { kWords, kChars } units = Units::kWords;
  // Hunspell dictionaries to try, as path prefixes of .aff/.dic: absolute
  // paths as they are, relative ones through FindDataFile. The first one
  // found is used; none found means exact words.
  std::vector<std::string> hunspell;
  bool hunspell_required = false;  // named by the user: missing is an error
  std::string spelling_variants;   // TSV canonical<TAB>variant (data file or path)
  bool spelling_required = false;
  bool ise_ize = false;           // fold -ise/-isation to -ize/-ization when the dictionary agrees
  // Keep only stems that start like the word (drops prefix stripping such as
  // reorganize -> organize; also drops broken plurals, so not for Urdu).
  bool stems_keep_head = false;
  bool join_across_space = false; // compounds may be written spaced as well as solid
  int max_join = 3;               // tokens one compound may be spread over
  // Postpositions written solid with the word before them (Urdu صدرنے),
  // as matching keys; the definition's [glued_postpositions].
  std::vector<std::string> glued_postpositions;
};

MatchProfile ProfileFor(Language language, const MatcherOptions& options);

// Normalizer::KeyOf(text) without quotation marks (Chinese terms match
// with their quotes written or not: “一带一路”倡议 / 一带一路倡议).
std::string QuotelessKey(std::string_view text);

// What TermMatcher::NestedConcepts() returns, computed afresh.
std::vector<std::vector<uint32_t>> NestedConcepts(const Lexicon& lexicon);

// What separates a token from the one before it.
enum class Gap : uint8_t {
  kNone,        // nothing (first token, or punctuation right after a word)
  kHyphen,      // hyphens only: head-of-state
  kApostrophe,  // an apostrophe, maybe with hyphens: China's
  kSpace,       // white space (possibly with hyphens)
};

struct RawToken {
  uint32_t begin = 0;  // key bytes
  uint32_t end = 0;
  Gap gap = Gap::kNone;
  bool word = false;   // letters/digits (words mode); false: one punctuation mark
  uint32_t cp = 0;     // the code point (chars mode)
};

// Cuts a key into tokens: words mode gives maximal runs of letters, marks and
// digits plus one token per punctuation mark (spaces, hyphens and
// apostrophes are gaps); chars mode gives one token per code point, skipping
// white space and quotation marks.
void Tokenize(std::string_view key, const MatchProfile& profile, std::vector<RawToken>* out);

bool Joinable(Gap gap, const MatchProfile& profile);

// An immutable string -> uint32 table with open addressing: lookups of
// short words without the node chasing of std::unordered_map.
class StringTable {
 public:
  // Keeps the first value when |s| is already present.
  void Insert(std::string_view s, uint32_t value);
  // The value of |s|, or nullptr.
  const uint32_t* Find(std::string_view s) const;
  size_t size() const { return used_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t offset = 0;
    uint32_t length = UINT32_MAX;  // UINT32_MAX: empty
    uint32_t value = 0;
  };
  size_t Probe(std::string_view s, uint64_t hash) const;
  void Grow();
  std::vector<Slot> slots_ = std::vector<Slot>(64);
  std::string pool_;
  size_t used_ = 0;
};

// A Bloom filter over strings (both bits of a string in one 64-bit word,
// 16 bits per string), for filters where a rare false positive only costs a
// lookup that then fails. Small enough to stay in the cache with 100,000
// terms, where a table of full hashes would not. Filled, then frozen.
class HashFilter {
 public:
  void Insert(std::string_view s);
  void Freeze();
  // Before Freeze: always true.
  bool MayContain(std::string_view s) const;

 private:
  std::vector<uint64_t> hashes_;  // before Freeze
  std::vector<uint64_t> bits_;
  int shift_ = 64;
};

// Maps words to equivalence classes: a word, its spelling fold and its
// hunspell stems are one class. Term words are added first (Add), then
// Freeze(); after that the folder is read-only apart from a thread-safe cache.
class WordFolder {
 public:
  WordFolder(const MatchProfile& profile, std::unique_ptr<Hunspell> hunspell,
             std::unordered_map<std::string, std::string> spelling);
  ~WordFolder();

  // |written_solid|: one token of the term as written (not a joined variant).
  void Add(std::string_view term_word, bool written_solid);
  // A term word written in capitals (FTA, SEZ), as a key: its plural with a
  // plain s (FTAs) is one of its forms. Before any Add.
  void AddAcronym(std::string_view folded);
  void Freeze();

  // The class of a word added with Add (after Freeze).
  uint32_t TermClass(std::string_view term_word) const;
  // The classes a text word belongs to (often none); appended to |out|.
  void Classes(std::string_view word, std::vector<uint32_t>* out) const;
  // Whether a compound starting with |prefix| (a token and the first
  // character of the next) can be a term word at all.
  bool MayStartCompound(std::string_view prefix) const;

  // The spelling fold of a word (US spelling), without stemming.
  // |use_dictionary| false: the spelling table only (no hunspell call).
  std::string Fold(std::string_view word, bool use_dictionary = true) const;

 private:
  std::vector<std::string> Related(std::string_view word) const;
  void SharedClasses(std::string_view word, std::vector<uint32_t>* out) const;
  std::vector<std::string> Stems(const std::string& word) const;
  bool Spell(const std::string& word) const;
  bool MayHaveClass(std::string_view word) const;

  MatchProfile profile_;
  std::unique_ptr<Hunspell> hunspell_;
  mutable std::mutex hunspell_mutex_;  // Hunspell objects are not thread-safe
  std::unordered_map<std::string, std::string> spelling_;  // variant -> canonical
  std::unordered_set<std::string> acronyms_;               // read-only after Freeze

  // Build phase: union-find over strings.
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> solid_words_;
  std::vector<uint32_t> parent_;

  struct SvHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return HashBytes(s); }
  };
  StringTable class_of_;
  HashFilter prefixes_;            // heads (StemHead) of class strings
  HashFilter compound_prefixes_;   // class strings cut after a split point and one character
  bool has_empty_head_ = false;

  struct Shard {
    std::shared_mutex mutex;
    std::unordered_map<std::string, std::vector<uint32_t>, SvHash, std::equal_to<>> map;
  };
  static constexpr size_t kShards = 16;
  mutable Shard cache_[kShards];  // shared by all threads: hunspell runs once per word
  uint64_t serial_;               // names this folder in the per-thread caches
};

// A trie over unit ids, frozen into one open-addressing table of
// (node, unit) -> child, so a step is one probe whatever the termbase size.
// After Freeze, Child returns a handle: the node id with kTerminal set when
// terms end there, so that the walk learns it without touching another
// table (with 100,000 terms every extra lookup is a cache miss).
class UnitTrie {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  static constexpr uint32_t kTerminal = uint32_t{1} << 31;
  UnitTrie();
  uint32_t Insert(const std::vector<uint32_t>& units);  // returns the final node
  void AddTerm(uint32_t node, uint32_t term);
  void Freeze();

  // |node|: 0 (the root) or a handle from Child.
  uint32_t Child(uint32_t node, uint32_t unit) const;
  // Starts loading what Child(node, unit) will read, so that the memory
  // waits of several steps overlap.
  void Prefetch(uint32_t node, uint32_t unit) const;
  static bool Terminal(uint32_t handle) { return (handle & kTerminal) != 0; }
  // Terms ending at |handle| (sorted, unique).
  const uint32_t* TermsBegin(uint32_t handle) const { return terms_.data() + term_offsets_[handle & ~kTerminal]; }
  const uint32_t* TermsEnd(uint32_t handle) const { return terms_.data() + term_offsets_[(handle & ~kTerminal) + 1]; }
  size_t nodes() const { return node_count_; }

 private:
  static uint64_t Pack(uint32_t node, uint32_t unit) { return (uint64_t{node} << 32) | unit; }
  static uint64_t FilterBit(uint64_t key, int shift) { return (key * 0xD6E8FEB86659FD93ull) >> shift; }
  size_t Home(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 20) & (slots_.size() - 1);
  }
  size_t Find(uint64_t key) const;
  void Grow();

  static constexpr size_t kMaxDenseRoot = size_t{1} << 17;
  std::vector<uint32_t> root_;  // children of the root for units below kMaxDenseRoot
  // One bit per (node, unit) hash, about 8 bits per edge, so that most steps
  // that lead nowhere are settled in a table small enough for the cache
  // instead of a probe of the large one.
  std::vector<uint64_t> filter_;
  int filter_shift_ = 64;
  uint32_t node_count_ = 1;  // node 0 is the root
  struct Slot {
    uint64_t key;
    uint32_t child;
  };
  std::vector<Slot> slots_;  // key and child side by side: one cache line per probe
  size_t used_ = 0;
  std::vector<std::pair<uint32_t, uint32_t>> pending_terms_;  // (node, term) before Freeze
  std::vector<uint32_t> term_offsets_;
  std::vector<uint32_t> terms_;
};

// A sentence as a graph of units: token i..j-1 may be read as one unit (a
// compound written spaced or hyphenated) as well as one unit per token.
struct Lattice {
  struct Edge {
    uint32_t to;    // token index after the unit
    uint32_t unit;
    bool final_only = false;  // may only end a term (a word with a glued postposition)
  };
  std::vector<RawToken> tokens;
  std::vector<uint32_t> first_edge;  // edges of token i: [first_edge[i], first_edge[i+1])
  std::vector<Edge> edges;
};

// The units of a language for one key.
class UnitCoder {
 public:
  UnitCoder(MatchProfile profile, std::unique_ptr<WordFolder> folder);

  const MatchProfile& profile() const { return profile_; }
  const WordFolder* folder() const { return folder_.get(); }

  // Build phase: registers the words of a term key with the folder.
  void AddTermKey(std::string_view key);
  // Build phase, before AddTermKey: a term as written, for its initialisms.
  void AddTermText(std::string_view text);
  void Freeze();
  // The unit sequences that spell a term (its written form plus its joined
  // and split compound variants); empty when the key has no tokens.
  std::vector<std::vector<uint32_t>> TermVariants(std::string_view key) const;

  void BuildLattice(std::string_view key, Lattice* lattice) const;
  // Whether a hit on key bytes [begin, end) respects word boundaries
  // (chars mode: no Latin letter or digit run is cut).
  bool AtBoundaries(std::string_view key, uint32_t begin, uint32_t end) const;

 private:
  // Segmentations of tokens [0, n) into joined groups, as group lengths.
  std::vector<std::vector<int>> Groupings(const std::vector<RawToken>& tokens) const;

  void AddGluedPostposition(std::string_view word, uint32_t next, std::vector<uint32_t>* classes,
                            Lattice* lattice) const;
  void AddInitialism(std::string_view key, size_t i, std::string* letters, std::vector<uint32_t>* classes,
                     Lattice* lattice) const;

  MatchProfile profile_;
  std::unique_ptr<WordFolder> folder_;
};

// The coder of |language| with its resources loaded (warnings for optional
// ones that are missing).
StatusOr<std::unique_ptr<UnitCoder>> CreateCoder(Language language, const MatcherOptions& options,
                                                 std::vector<std::string>* warnings);

// Candidate selection shared by the automaton and the reference matcher:
// for a start token, the furthest end token reached and the terms ending there.
struct Candidate {
  uint32_t end_token = 0;
  std::vector<uint32_t> terms;
};

// What reporting a hit needs of a term, packed so that a hit costs one
// cache line rather than a walk through the Lexicon's strings.
struct TermInfo {
  uint64_t key_hash = 0;  // HashBytes of the term's key
  uint32_t concept_index = 0;
  TermStatus status = TermStatus::kAdmitted;
};
std::vector<TermInfo> MakeTermInfo(const Lexicon& lexicon, const std::vector<std::string>& term_keys);

// Turns the terms matching one span into hits: one per concept.
void EmitHits(const std::vector<TermInfo>& info, const std::vector<uint32_t>& terms, std::string_view matched_key,
              const std::vector<std::string>& term_keys, size_t sentence, Span span,
              std::vector<TermHit>* out);

// Widens a Chinese hit to the quote mark just outside it that pairs with an
// unpaired one inside (一带一路”倡议 -> “一带一路”倡议; 走廊“升级版 -> 走廊“升级版”).
void WidenToQuotes(std::string_view key, uint32_t* begin, uint32_t* end);

}  // namespace align::internal
