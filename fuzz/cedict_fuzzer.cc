// The CC-CEDICT reader: Dictionary::LoadCedictFrom compiles the raw file
// into a table and writes its cache; a second load reads the cache back and
// must give the same dictionary. ParseCedictLine is checked on every line.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "align/dictionary.h"
#include "align/text.h"
#include "dictionary_file.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::AsText(data, size);
  const std::string raw = fuzz::WriteScratch("cedict_ts.u8", text);
  const std::string cache = (fuzz::ScratchDir() / "cedict.cache").string();
  std::filesystem::remove(cache);

  std::vector<std::string_view> headwords;
  bool bad_line = false;  // a character no dictionary may hold: the file is refused whatever else it has
  for (size_t begin = 0, line_no = 1; begin < text.size(); ++line_no) {
    const std::string_view line = align::internal::NextLine(text, &begin);
    bad_line |= align::internal::CheckDictionaryLine("f", line_no, line).has_value();
    auto entry = align::Dictionary::ParseCedictLine(line);
    if (entry) {
      for (const std::string& w : entry->words) FUZZ_CHECK(w.size() >= 2, "a gloss word under two bytes");
      headwords.push_back(line.substr(0, line.find(' ')));
    }
  }

  auto compiled = align::Dictionary::LoadCedictFrom(raw, cache);
  if (!compiled.ok()) {
    FUZZ_CHECK(headwords.empty() || bad_line, "a file with %zu entries refused: %s", headwords.size(),
               compiled.status().message().c_str());
    FUZZ_CHECK(compiled.status().message().rfind(raw, 0) == 0, "an error that does not name the file: %s",
               compiled.status().message().c_str());
    return 0;
  }
  FUZZ_CHECK(!headwords.empty(), "a dictionary from a file without entries");
  FUZZ_CHECK(std::filesystem::exists(cache), "no cache written");
  auto cached = align::Dictionary::LoadCedictFrom(raw, cache);
  FUZZ_CHECK(cached.ok(), "the cache does not read back: %s", cached.status().message().c_str());
  const align::Dictionary& a = **compiled;
  const align::Dictionary& b = **cached;
  FUZZ_CHECK(a.size() == b.size() && a.max_key_tokens() == b.max_key_tokens(), "the cache differs: %zu/%zu keys",
             a.size(), b.size());
  FUZZ_CHECK(a.source() == align::Language::kChinese && a.target() == align::Language::kEnglish, "wrong languages");
  std::vector<std::string_view> wa, wb;
  for (std::string_view head : headwords) {
    if (align::FindInvalidUtf8(head)) continue;  // KeyOf takes UTF-8
    const std::string key = align::Dictionary::KeyOf(head);
    a.Lookup(key, &wa);
    b.Lookup(key, &wb);
    FUZZ_CHECK(wa == wb, "the cache gives other words for '%s'", key.c_str());
  }
  return 0;
}
