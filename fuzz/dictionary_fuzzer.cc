// The user dictionary loader, Dictionary::Load: TSV "source<TAB>target" or
// hunalign .dic "target @ source", told apart by the first entry line.
// Every entry line of a dictionary that loads must be found by its key.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "align/dictionary.h"
#include "dictionary_file.h"
#include "fuzz_util.h"

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The source phrase of each entry line, by the rule dictionary.h documents.
std::vector<std::string_view> SourcePhrases(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string_view> out;
  enum { kUnknown, kTsv, kDic } format = kUnknown;
  for (size_t begin = 0; begin < text.size();) {
    // Lines end as the loader ends them: LF, CR LF or a lone CR.
    const std::string_view line = align::internal::NextLine(text, &begin);
    const std::string_view t = Trim(line);
    if (t.empty()) continue;
    if (format == kUnknown) {
      if (t.front() == '#') continue;
      format = line.find('\t') == std::string_view::npos && t.find(" @ ") != std::string_view::npos ? kDic : kTsv;
    }
    if (format == kTsv) {
      if (t.front() != '#') out.push_back(Trim(line.substr(0, line.find('\t'))));
    } else {
      out.push_back(Trim(line.substr(line.find(" @ ") + 3)));
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text = fuzz::AsText(data, size);
  const std::string path = fuzz::WriteScratch("user.dic", text);
  auto dictionary = align::Dictionary::Load(path, align::Language::kEnglish, align::Language::kUrdu);
  if (!dictionary.ok()) {
    const std::string& m = dictionary.status().message();
    FUZZ_CHECK(m.rfind(path, 0) == 0, "an error that does not name the file: %s", m.c_str());
    return 0;
  }
  const align::Dictionary& d = **dictionary;
  FUZZ_CHECK(d.source() == align::Language::kEnglish && d.target() == align::Language::kUrdu, "languages changed");
  FUZZ_CHECK(d.max_key_tokens() >= 1, "max_key_tokens %d", d.max_key_tokens());
  const std::vector<std::string_view> phrases = SourcePhrases(text);
  FUZZ_CHECK(d.size() <= phrases.size(), "%zu keys from %zu entries", d.size(), phrases.size());
  std::vector<std::string_view> words;
  for (std::string_view phrase : phrases) {
    const std::string key = align::Dictionary::KeyOf(phrase);
    d.Lookup(key, &words);
    FUZZ_CHECK(!words.empty(), "the entry '%.*s' is not found by its key '%s'", static_cast<int>(phrase.size()),
               phrase.data(), key.c_str());
    for (std::string_view w : words) FUZZ_CHECK(!w.empty(), "an empty target word for '%s'", key.c_str());
  }
  d.Lookup("", &words);
  d.Lookup(std::string(text.substr(0, 64)), &words);
  return 0;
}
