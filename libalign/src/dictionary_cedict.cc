// CC-CEDICT: parsing of the raw file and its compiled binary cache.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include <fmt/format.h>

#include "align/dictionary.h"
#include "align/output.h"
#include "align/resources.h"
#include "aligner_text.h"
#include "dictionary_file.h"
#include "dictionary_table.h"

namespace align {
namespace {

// English function words that CEDICT glosses are full of ("to walk", "sb's
// stuff"); they carry no evidence of a translation.
bool IsGlossFunctionWord(std::string_view w) {
  static const std::set<std::string_view> kWords = {
      "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "with", "and", "or", "as",
      "be", "is", "are", "was", "sb", "sth", "sb's", "sth's", "one", "one's", "oneself", "etc",
      "from", "into", "up", "out", "off", "it", "its", "that", "this", "someone", "something",
      "also", "not", "no", "so", "very", "do", "make", "have", "has", "used", "who", "which",
      "esp", "e.g", "i.e", "lit", "fig", "pr", "abbr", "kind", "type"};
  return kWords.count(w) > 0;
}

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// Removes "(...)" and "[...]" parts, nested or not.
std::string DropBracketed(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(' || c == '[') { ++depth; continue; }
    if ((c == ')' || c == ']') && depth > 0) { --depth; continue; }
    if (depth == 0) out += c;
  }
  return out;
}

// The cache is written like every output (align/output.h): through a
// temporary and a rename, so that concurrent first runs never read half.
bool WriteAtomically(const std::string& path, const std::string& data) {
  return WriteOutputFile(path, ProtectedFiles(), std::string_view(data)).ok();
}

std::string UserCacheDir() {
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/talign";
  if (const char* h = std::getenv("HOME"); h && *h) return std::string(h) + "/.cache/talign";
  return {};
}

}  // namespace

std::optional<Dictionary::CedictEntry> Dictionary::ParseCedictLine(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  if (line.empty() || line.front() == '#') return std::nullopt;
  size_t sp1 = line.find(' ');
  if (sp1 == std::string_view::npos) return std::nullopt;
  size_t sp2 = line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos) return std::nullopt;
  size_t pin_open = line.find('[', sp2);
  size_t pin_close = line.find(']', pin_open == std::string_view::npos ? sp2 : pin_open);
  size_t slash = line.find('/', sp2);
  if (pin_open != sp2 + 1 || pin_close == std::string_view::npos || slash == std::string_view::npos ||
      slash < pin_close || line.back() != '/')
    return std::nullopt;
  CedictEntry e;
  e.traditional = std::string(line.substr(0, sp1));
  e.simplified = std::string(line.substr(sp1 + 1, sp2 - sp1 - 1));
  std::string_view senses = line.substr(slash + 1, line.size() - slash - 2);
  std::set<std::string> seen;
  size_t b = 0;
  while (b <= senses.size()) {
    size_t e_ = senses.find('/', b);
    if (e_ == std::string_view::npos) e_ = senses.size();
    std::string_view sense = senses.substr(b, e_ - b);
    b = e_ + 1;
    if (sense.empty() || StartsWith(sense, "CL:") || StartsWith(sense, "variant of") ||
        StartsWith(sense, "old variant of") || StartsWith(sense, "surname ") ||
        StartsWith(sense, "see ") || StartsWith(sense, "see also") ||
        StartsWith(sense, "erhua variant") || StartsWith(sense, "Japanese variant") ||
        StartsWith(sense, "abbr. for") || StartsWith(sense, "used in") ||
        StartsWith(sense, "also written") || StartsWith(sense, "(old)") ||
        StartsWith(sense, "(archaic)") || StartsWith(sense, "(dialect)"))
      continue;
    for (const internal::Token& t : internal::Tokenize(DropBracketed(sense))) {
      // Han tokens are cross-references to other headwords; numbers in glosses
      // are dates of a person's life, not translations.
      if (t.kind != internal::TokenKind::kWord || t.derived) continue;
      if (t.text.size() < 2 || IsGlossFunctionWord(t.text))
        continue;
      if (seen.insert(t.text).second) e.words.push_back(t.text);
    }
  }
  return e;
}

StatusOr<std::shared_ptr<const Dictionary>> Dictionary::LoadCedictFrom(const std::string& raw_path,
                                                                        const std::string& cache_path) {
  // Read whole (the raw dictionary, 9.7 MB, is read at every start to check
  // the cache against it), and only from a regular file of bounded size.
  auto raw = internal::ReadDictionaryFile(raw_path);
  if (!raw.ok()) return raw.status();
  const uint64_t hash = internal::HashBytes(*raw, internal::kTableFormatVersion);

  std::vector<std::string> candidates;
  if (!cache_path.empty()) {
    candidates.push_back(cache_path);
  } else {
    candidates.push_back(raw_path + ".talign-cache");
    if (std::string dir = UserCacheDir(); !dir.empty())
      candidates.push_back(fmt::format("{}/cedict-{:016x}.bin", dir, hash));
  }
  for (const std::string& c : candidates) {
    auto blob = internal::ReadDictionaryFile(c);
    if (!blob.ok()) continue;
    auto table = internal::TableDictionary::FromBlob(std::move(*blob), c);
    if (table.ok() && (*table)->header().origin_hash == hash &&
        (*table)->header().origin_size == raw->size())
      return std::shared_ptr<const Dictionary>(*table);
  }

  // Compile: every headword (traditional and simplified) maps to the gloss words.
  internal::TableBuilder builder;
  size_t begin = 0, line_no = 0, entries = 0;
  std::string_view text = *raw;
  while (begin < text.size()) {
    std::string_view line = internal::NextLine(text, &begin);  // the last has no newline
    ++line_no;
    if (auto bad = internal::CheckDictionaryLine(raw_path, line_no, line)) return DataError(*bad);
    auto e = ParseCedictLine(line);
    if (!e) continue;
    ++entries;
    for (const std::string* head : {&e->simplified, &e->traditional}) {
      auto toks = internal::Tokenize(*head);
      int n = 0;
      for (const auto& t : toks) n += t.derived ? 0 : 1;
      builder.Add(internal::JoinKey(toks, 0, toks.size()), n, e->words);
    }
  }
  if (entries == 0) return DataError(fmt::format("{}: no CC-CEDICT entries", raw_path));
  std::string blob = builder.Build(Language::kChinese, Language::kEnglish, hash, raw->size());
  // A read-only data directory is not an error: use the user cache, or none.
  for (const std::string& c : candidates)
    if (WriteAtomically(c, blob)) break;
  auto table = internal::TableDictionary::FromBlob(std::move(blob), raw_path);
  if (!table.ok()) return table.status();
  return std::shared_ptr<const Dictionary>(*table);
}

StatusOr<std::shared_ptr<const Dictionary>> Dictionary::LoadCedict() {
  if (const char* env = std::getenv("TALIGN_CEDICT"); env && *env) return LoadCedictFrom(env, "");
  auto path = FindDataFile("third_party/cedict/cedict_ts.u8");
  if (!path.ok())
    return NotFound("CC-CEDICT is not set up (run tools/fetch-cedict.sh or set TALIGN_CEDICT); " +
                    path.status().message());
  return LoadCedictFrom(*path, "");
}

}  // namespace align
