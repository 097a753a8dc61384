// The compiled dictionary table read from a cache file
// (internal::TableDictionary::FromBlob): the CC-CEDICT cache lives in the
// data directory or in ~/.cache/talign, where anything may have written it.
// A blob that passes the structure check must be safe to look up in.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dictionary_table.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view blob = fuzz::AsText(data, size);
  auto table = align::internal::TableDictionary::FromBlob(std::string(blob), "fuzz.cache");
  if (!table.ok()) return 0;
  const auto& d = **table;
  std::vector<std::string_view> words;
  // Probes with a few fixed keys and short slices of the blob: each walks the
  // binary search over the key offsets and, on a hit, the link table.
  for (std::string_view key : {std::string_view(), std::string_view("a"), std::string_view("\xff\xff")}) {
    d.Lookup(key, &words);
  }
  FUZZ_CHECK(d.size() == d.header().n_keys, "size() is not the header's key count");
  for (size_t at = 0; at + 1 < blob.size() && at < 4096; at += 7) d.Lookup(blob.substr(at, 1 + at % 5), &words);
  return 0;
}
