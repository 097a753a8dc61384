// The in-memory and on-disk form of every alignment dictionary (internal):
// a sorted table of source keys, each pointing at a list of target words,
// in one contiguous blob that can be written to a cache file and read back
// without parsing.
//
// Blob layout (little-endian, 4-byte aligned):
//   TableHeader
//   uint32 key_offset[n_keys + 1]     into the string pool
//   uint32 key_links[n_keys + 1]      into links
//   uint32 links[n_links]             word indices
//   uint32 word_offset[n_words + 1]   into the string pool
//   char   pool[pool_size]
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "align/dictionary.h"

namespace align::internal {

struct TableHeader {
  char magic[8];            // "TALDICT1"
  uint32_t format_version;  // kTableFormatVersion
  uint32_t source;          // Language
  uint32_t target;
  uint32_t max_key_tokens;
  uint64_t origin_hash;  // hash of the file the table was compiled from (0: none)
  uint64_t origin_size;
  uint32_t n_keys, n_links, n_words, reserved;
  uint64_t pool_size;
};
inline constexpr uint32_t kTableFormatVersion = 2;

// Collects entries, then lays them out.
class TableBuilder {
 public:
  // |key| is already a Dictionary::KeyOf key; |words| folded target words.
  void Add(const std::string& key, int key_tokens, const std::vector<std::string>& words);
  // Sorts and deduplicates the pairs (so it is not const).
  std::string Build(Language source, Language target, uint64_t origin_hash, uint64_t origin_size);

 private:
  // One (key, word) pair per translation, sorted only in Build: a flat vector
  // costs a third of the memory of a map of sets, which for a dictionary of
  // short entries is most of the peak of loading it.
  std::vector<std::pair<std::string, std::string>> pairs_;
  int max_key_tokens_ = 1;
};

class TableDictionary final : public Dictionary {
 public:
  // Checks the blob's structure; errors name |origin|.
  static StatusOr<std::shared_ptr<const TableDictionary>> FromBlob(std::string blob,
                                                                   const std::string& origin,
                                                                   bool indirect = false);
  Language source() const override { return static_cast<Language>(header_.source); }
  Language target() const override { return static_cast<Language>(header_.target); }
  void Lookup(std::string_view key, std::vector<std::string_view>* words) const override;
  int max_key_tokens() const override { return static_cast<int>(header_.max_key_tokens); }
  size_t size() const override { return header_.n_keys; }
  bool indirect() const override { return indirect_; }
  std::vector<std::string_view> TargetWords() const override;
  const TableHeader& header() const { return header_; }

  // Longest-match search without a lookup per candidate length: the keys
  // that start with a given prefix are one run [begin, end) of the sorted
  // table, and a longer prefix narrows that run.
  struct KeyRange {
    uint32_t begin, end;
    bool empty() const { return begin >= end; }
  };
  KeyRange AllKeys() const { return {0, header_.n_keys}; }
  // The keys of |range| that start with |prefix|; |range| must hold every
  // key that does (the keys starting with a prefix of |prefix|).
  KeyRange Narrow(KeyRange range, std::string_view prefix) const;
  std::string_view Key(uint32_t i) const;
  // The words of key |i|, as Lookup gives them for that key; a key without
  // any (a table read from a damaged cache) is no match.
  void WordsOf(uint32_t i, std::vector<std::string_view>* words) const;
  bool HasWords(uint32_t i) const { return key_links_[i + 1] > key_links_[i]; }

 private:
  std::string_view Word(uint32_t i) const;

  std::string blob_;
  bool indirect_ = false;
  TableHeader header_{};
  const uint32_t* key_offset_ = nullptr;
  const uint32_t* key_links_ = nullptr;
  const uint32_t* links_ = nullptr;
  const uint32_t* word_offset_ = nullptr;
  const char* pool_ = nullptr;
};

}  // namespace align::internal
