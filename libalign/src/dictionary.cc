#include "align/dictionary.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include <fmt/format.h>

#include "align/resources.h"
#include "aligner_text.h"
#include "dictionary_table.h"

namespace align {
namespace internal {

void TableBuilder::Add(const std::string& key, int key_tokens,
                       const std::vector<std::string>& words) {
  if (key.empty() || words.empty()) return;
  auto& set = entries_[key];
  for (const std::string& w : words)
    if (!w.empty()) set.insert(w);
  max_key_tokens_ = std::max(max_key_tokens_, key_tokens);
}

std::string TableBuilder::Build(Language source, Language target, uint64_t origin_hash,
                                uint64_t origin_size) const {
  // Words are interned in sorted order so the blob depends only on content.
  std::map<std::string_view, uint32_t> word_ids;
  for (const auto& [key, words] : entries_)
    for (const std::string& w : words) word_ids.emplace(w, 0);
  std::string pool;
  std::vector<uint32_t> key_offset, key_links, links, word_offset;
  uint32_t next = 0;
  for (auto& [w, id] : word_ids) {
    id = next++;
    word_offset.push_back(static_cast<uint32_t>(pool.size()));
    pool += w;
  }
  word_offset.push_back(static_cast<uint32_t>(pool.size()));
  for (const auto& [key, words] : entries_) {
    key_offset.push_back(static_cast<uint32_t>(pool.size()));
    key_links.push_back(static_cast<uint32_t>(links.size()));
    pool += key;
    for (const std::string& w : words) links.push_back(word_ids.at(w));
  }
  key_offset.push_back(static_cast<uint32_t>(pool.size()));
  key_links.push_back(static_cast<uint32_t>(links.size()));

  TableHeader h{};
  std::memcpy(h.magic, "TALDICT1", 8);
  h.format_version = kTableFormatVersion;
  h.source = static_cast<uint32_t>(source);
  h.target = static_cast<uint32_t>(target);
  h.max_key_tokens = static_cast<uint32_t>(max_key_tokens_);
  h.origin_hash = origin_hash;
  h.origin_size = origin_size;
  h.n_keys = static_cast<uint32_t>(entries_.size());
  h.n_links = static_cast<uint32_t>(links.size());
  h.n_words = static_cast<uint32_t>(word_ids.size());
  h.pool_size = pool.size();
  std::string blob(reinterpret_cast<const char*>(&h), sizeof h);
  auto put = [&](const std::vector<uint32_t>& v) {
    blob.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(uint32_t));
  };
  put(key_offset);
  put(key_links);
  put(links);
  put(word_offset);
  blob += pool;
  return blob;
}

StatusOr<std::shared_ptr<const TableDictionary>> TableDictionary::FromBlob(
    std::string blob, const std::string& origin) {
  auto bad = [&](std::string_view why) {
    return DataError(fmt::format("{}: not a talign dictionary table ({})", origin, why));
  };
  auto d = std::make_shared<TableDictionary>();
  if (blob.size() < sizeof(TableHeader)) return bad("too short");
  std::memcpy(&d->header_, blob.data(), sizeof(TableHeader));
  const TableHeader& h = d->header_;
  if (std::memcmp(h.magic, "TALDICT1", 8) != 0) return bad("bad magic");
  if (h.format_version != kTableFormatVersion) return bad("other format version");
  uint64_t words = uint64_t(h.n_keys + 1) * 2 + h.n_links + uint64_t(h.n_words) + 1;
  if (blob.size() != sizeof(TableHeader) + words * 4 + h.pool_size) return bad("size mismatch");
  d->blob_ = std::move(blob);
  const char* p = d->blob_.data() + sizeof(TableHeader);
  auto take = [&](size_t n) {
    auto* r = reinterpret_cast<const uint32_t*>(p);
    p += n * 4;
    return r;
  };
  d->key_offset_ = take(h.n_keys + 1);
  d->key_links_ = take(h.n_keys + 1);
  d->links_ = take(h.n_links);
  d->word_offset_ = take(h.n_words + 1);
  d->pool_ = p;
  // Offsets must be monotone and inside the pool, links inside the word table.
  for (uint32_t i = 0; i < h.n_keys; ++i)
    if (d->key_offset_[i] > d->key_offset_[i + 1] || d->key_links_[i] > d->key_links_[i + 1])
      return bad("unordered offsets");
  if (h.n_keys && (d->key_offset_[h.n_keys] > h.pool_size || d->key_links_[h.n_keys] > h.n_links))
    return bad("offset out of range");
  for (uint32_t i = 0; i < h.n_words; ++i)
    if (d->word_offset_[i] > d->word_offset_[i + 1]) return bad("unordered offsets");
  if (d->word_offset_[h.n_words] > h.pool_size) return bad("offset out of range");
  for (uint32_t i = 0; i < h.n_links; ++i)
    if (d->links_[i] >= h.n_words) return bad("link out of range");
  return std::shared_ptr<const TableDictionary>(std::move(d));
}

std::string_view TableDictionary::Key(uint32_t i) const {
  return {pool_ + key_offset_[i], key_offset_[i + 1] - key_offset_[i]};
}
std::string_view TableDictionary::Word(uint32_t i) const {
  return {pool_ + word_offset_[i], word_offset_[i + 1] - word_offset_[i]};
}

void TableDictionary::Lookup(std::string_view key, std::vector<std::string_view>* words) const {
  words->clear();
  uint32_t lo = 0, hi = header_.n_keys;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (Key(mid) < key) lo = mid + 1; else hi = mid;
  }
  if (lo >= header_.n_keys || Key(lo) != key) return;
  for (uint32_t l = key_links_[lo]; l < key_links_[lo + 1]; ++l) words->push_back(Word(links_[l]));
}

}  // namespace internal

std::string Dictionary::KeyOf(std::string_view phrase) { return internal::KeyOfText(phrase); }

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

StatusOr<std::shared_ptr<const Dictionary>> Dictionary::Load(const std::string& path,
                                                             Language source, Language target) {
  auto doc = Document::Load(path);
  if (!doc.ok()) return doc.status();
  std::string_view text = doc->bytes().substr(doc->content_begin());
  internal::TableBuilder builder;
  enum class Format { kUnknown, kTsv, kDic } format = Format::kUnknown;
  size_t line_no = 0, begin = 0;
  while (begin < text.size()) {
    size_t nl = text.find('\n', begin);
    std::string_view line = text.substr(begin, (nl == std::string_view::npos ? text.size() : nl) - begin);
    begin = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    std::string_view t = Trim(line);
    if (t.empty()) continue;
    if (format == Format::kUnknown) {
      if (t.front() == '#') continue;
      format = (line.find('\t') == std::string_view::npos && t.find(" @ ") != std::string_view::npos)
                   ? Format::kDic : Format::kTsv;
    }
    std::string_view src, tgt;
    if (format == Format::kTsv) {
      if (t.front() == '#') continue;
      size_t tab = line.find('\t');
      if (tab == std::string_view::npos || line.find('\t', tab + 1) != std::string_view::npos)
        return DataError(fmt::format("{}:{}: expected source<TAB>target", path, line_no));
      src = Trim(line.substr(0, tab));
      tgt = Trim(line.substr(tab + 1));
    } else {
      size_t at = line.find(" @ ");
      if (at == std::string_view::npos)
        return DataError(fmt::format("{}:{}: expected \"target @ source\" (hunalign .dic)", path,
                                     line_no));
      tgt = Trim(line.substr(0, at));
      src = Trim(line.substr(at + 3));
    }
    if (src.empty() || tgt.empty())
      return DataError(fmt::format("{}:{}: empty {} phrase", path, line_no,
                                   src.empty() ? "source" : "target"));
    auto src_tokens = internal::Tokenize(src);
    // Target words: tokens, with runs of Han characters kept as one word.
    std::vector<std::string> words;
    bool prev_han = false;
    for (const auto& tok : internal::Tokenize(tgt)) {
      if (tok.derived) continue;
      const bool han = tok.kind == internal::TokenKind::kHan;
      if (han && prev_han) words.back() += tok.text;
      else words.push_back(tok.text);
      prev_han = han;
    }
    int n = 0;
    for (const auto& tok : src_tokens) n += tok.derived ? 0 : 1;
    if (n == 0 || words.empty())
      return DataError(fmt::format("{}:{}: a phrase without letters or digits", path, line_no));
    builder.Add(internal::JoinKey(src_tokens, 0, src_tokens.size()), n, words);
  }
  auto table = internal::TableDictionary::FromBlob(builder.Build(source, target, 0, 0), path);
  if (!table.ok()) return table.status();
  return std::shared_ptr<const Dictionary>(*table);
}

StatusOr<std::shared_ptr<const Dictionary>> Dictionary::LoadUrduEnglish() {
  if (const char* env = std::getenv("TALIGN_UR_EN"); env && *env) return Load(env, Language::kUrdu, Language::kEnglish);
  auto path = FindDataFile("third_party/ur-en/ur-en.tsv");
  if (!path.ok())
    return NotFound("the Urdu–English lexicon is not set up (run tools/fetch-ur-en.sh or set TALIGN_UR_EN); " +
                    path.status().message());
  return Load(*path, Language::kUrdu, Language::kEnglish);
}

}  // namespace align
