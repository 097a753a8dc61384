#include "align/dictionary.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include <fmt/format.h>

#include "align/resources.h"
#include "aligner_text.h"
#include "dictionary_file.h"
#include "dictionary_table.h"
#include "lexicon_text.h"

namespace align {
namespace internal {

void TableBuilder::Add(const std::string& key, int key_tokens,
                       const std::vector<std::string>& words) {
  if (key.empty()) return;
  bool any = false;
  for (const std::string& w : words) {
    if (w.empty()) continue;
    pairs_.emplace_back(key, w);
    any = true;
  }
  if (any) max_key_tokens_ = std::max(max_key_tokens_, key_tokens);
}

std::string TableBuilder::Build(Language source, Language target, uint64_t origin_hash,
                                uint64_t origin_size) {
  // Keys in byte order, each key's words in byte order, no repeats: the blob
  // depends only on content, not on the order of the file's lines.
  std::sort(pairs_.begin(), pairs_.end());
  pairs_.erase(std::unique(pairs_.begin(), pairs_.end()), pairs_.end());
  // Words are interned in sorted order too.
  std::vector<std::string_view> words;
  words.reserve(pairs_.size());
  for (const auto& pair : pairs_) words.push_back(pair.second);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  std::string pool;
  std::vector<uint32_t> key_offset, key_links, links, word_offset;
  for (std::string_view w : words) {
    word_offset.push_back(static_cast<uint32_t>(pool.size()));
    pool += w;
  }
  word_offset.push_back(static_cast<uint32_t>(pool.size()));
  links.reserve(pairs_.size());
  for (size_t i = 0; i < pairs_.size(); ++i) {
    const std::string& key = pairs_[i].first;
    if (i == 0 || key != pairs_[i - 1].first) {
      key_offset.push_back(static_cast<uint32_t>(pool.size()));
      key_links.push_back(static_cast<uint32_t>(links.size()));
      pool += key;
    }
    auto id = std::lower_bound(words.begin(), words.end(), std::string_view(pairs_[i].second));
    links.push_back(static_cast<uint32_t>(id - words.begin()));
  }
  key_offset.push_back(static_cast<uint32_t>(pool.size()));
  key_links.push_back(static_cast<uint32_t>(links.size()));
  const size_t n_keys = key_offset.size() - 1;

  TableHeader h{};
  std::memcpy(h.magic, "TALDICT1", 8);
  h.format_version = kTableFormatVersion;
  h.source = static_cast<uint32_t>(source);
  h.target = static_cast<uint32_t>(target);
  h.max_key_tokens = static_cast<uint32_t>(max_key_tokens_);
  h.origin_hash = origin_hash;
  h.origin_size = origin_size;
  h.n_keys = static_cast<uint32_t>(n_keys);
  h.n_links = static_cast<uint32_t>(links.size());
  h.n_words = static_cast<uint32_t>(words.size());
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
    std::string blob, const std::string& origin, bool indirect) {
  auto bad = [&](std::string_view why) {
    return DataError(fmt::format("{}: not a talign dictionary table ({})", origin, why));
  };
  auto d = std::make_shared<TableDictionary>();
  d->indirect_ = indirect;
  if (blob.size() < sizeof(TableHeader)) return bad("too short");
  std::memcpy(&d->header_, blob.data(), sizeof(TableHeader));
  const TableHeader& h = d->header_;
  if (std::memcmp(h.magic, "TALDICT1", 8) != 0) return bad("bad magic");
  if (h.format_version != kTableFormatVersion) return bad("other format version");
  // In 64 bits: a header of 2^32-1 keys must not wrap the count to 0 (and a
  // huge pool size must not wrap the sum) and pass the size check.
  const uint64_t words = (uint64_t{h.n_keys} + 1) * 2 + uint64_t{h.n_links} + uint64_t{h.n_words} + 1;
  if (h.pool_size > blob.size() || blob.size() != sizeof(TableHeader) + words * 4 + h.pool_size) {
    return bad("size mismatch");
  }
  d->blob_ = std::move(blob);
  const char* p = d->blob_.data() + sizeof(TableHeader);
  auto take = [&](size_t n) {
    auto* r = reinterpret_cast<const uint32_t*>(p);
    p += n * 4;
    return r;
  };
  d->key_offset_ = take(size_t{h.n_keys} + 1);
  d->key_links_ = take(size_t{h.n_keys} + 1);
  d->links_ = take(h.n_links);
  d->word_offset_ = take(size_t{h.n_words} + 1);
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
  WordsOf(lo, words);
}

void TableDictionary::WordsOf(uint32_t i, std::vector<std::string_view>* words) const {
  words->clear();
  for (uint32_t l = key_links_[i]; l < key_links_[i + 1]; ++l) words->push_back(Word(links_[l]));
}

TableDictionary::KeyRange TableDictionary::Narrow(KeyRange range, std::string_view prefix) const {
  // The first key not below |prefix| starts the run; every key of the range
  // after the run is above all of it, so the run ends at the first key that
  // does not start with |prefix|.
  uint32_t lo = range.begin, hi = range.end;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (Key(mid) < prefix) lo = mid + 1; else hi = mid;
  }
  const uint32_t begin = lo;
  hi = range.end;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (Key(mid).starts_with(prefix)) lo = mid + 1; else hi = mid;
  }
  return {begin, lo};
}

std::vector<std::string_view> TableDictionary::TargetWords() const {
  std::vector<std::string_view> words;
  words.reserve(header_.n_words);
  for (uint32_t i = 0; i < header_.n_words; ++i) words.push_back(Word(i));
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

StatusOr<std::string> ReadDictionaryFile(const std::string& path) {
  const auto too_big = [&](std::string_view size) {
    return ResourceLimit(fmt::format("{}: {} is more than the {} MiB a dictionary may have; "
                                     "filter it to the vocabulary you need",
                                     path, size, kMaxDictionaryBytes >> 20));
  };
  std::string bytes;
  char buf[1 << 16];
  if (path == "-") {
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      bytes.append(buf, static_cast<size_t>(std::cin.gcount()));
      if (bytes.size() > kMaxDictionaryBytes) return too_big("<stdin>");
    }
    if (std::cin.bad()) return IoError("<stdin>: read error");
    return bytes;
  }
  // O_NONBLOCK: opening a FIFO without a writer would block until one came.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    const int err = errno;
    if (err == ENOENT) return NotFound(fmt::format("{}: no such file", path));
    return IoError(fmt::format("{}: cannot open: {}", path, std::strerror(err)));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) return IoError(fmt::format("{}: cannot stat: {}", path, std::strerror(errno)));
  if (S_ISDIR(st.st_mode)) return IoError(fmt::format("{}: is a directory", path));
  if (!S_ISREG(st.st_mode)) {
    return IoError(fmt::format("{}: not a regular file ({}); dictionaries are read from regular files",
                               path, S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISCHR(st.st_mode) ? "a device" : "a special file"));
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxDictionaryBytes)
    return too_big(fmt::format("{} bytes", st.st_size));
  bytes.reserve(static_cast<size_t>(st.st_size));
  for (;;) {
    const ssize_t got = ::read(fd, buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return IoError(fmt::format("{}: read error: {}", path, std::strerror(errno)));
    if (got == 0) break;
    bytes.append(buf, static_cast<size_t>(got));
    // The file may have grown since fstat.
    if (bytes.size() > kMaxDictionaryBytes) return too_big("more");
  }
  return bytes;
}

std::string_view NextLine(std::string_view text, size_t* begin) {
  const size_t end = std::min(text.find_first_of("\r\n", *begin), text.size());
  std::string_view line = text.substr(*begin, end - *begin);
  *begin = end + (text.substr(end, 2) == "\r\n" ? 2 : 1);
  return line;
}

std::optional<std::string> CheckDictionaryLine(std::string_view file, size_t line_no,
                                               std::string_view line) {
  std::optional<BadCharacter> bad = FindBadCharacter(line, /*allow_tab=*/true);
  if (!bad) return std::nullopt;
  size_t column = 1;
  for (size_t i = 0; i < bad->offset; ++i)
    column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80;
  return fmt::format("{}:{}: contains {} at column {} (dictionaries are UTF-8 text)", file, line_no,
                     bad->description, column);
}

}  // namespace internal

std::string Dictionary::KeyOf(std::string_view phrase) { return internal::KeyOfText(phrase); }

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

}  // namespace

StatusOr<std::shared_ptr<const Dictionary>> Dictionary::Load(const std::string& path,
                                                             Language source, Language target) {
  auto bytes = internal::ReadDictionaryFile(path);
  if (!bytes.ok()) return bytes.status();
  const std::string name = path == "-" ? "<stdin>" : path;
  std::string_view text = *bytes;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF")
    return DataError(fmt::format("{}:1: the file is UTF-16; dictionaries must be UTF-8", name));
  internal::TableBuilder builder;
  enum class Format { kUnknown, kTsv, kDic } format = Format::kUnknown;
  size_t line_no = 0, begin = 0;
  while (begin < text.size()) {
    std::string_view line = internal::NextLine(text, &begin);
    ++line_no;
    if (auto bad = internal::CheckDictionaryLine(name, line_no, line)) return DataError(*bad);
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
        return DataError(fmt::format("{}:{}: expected source<TAB>target (or hunalign's "
                                     "\"target @ source\" on every line)",
                                     name, line_no));
      src = Trim(line.substr(0, tab));
      tgt = Trim(line.substr(tab + 1));
    } else {
      size_t at = line.find(" @ ");
      if (at == std::string_view::npos)
        return DataError(fmt::format("{}:{}: expected \"target @ source\" (hunalign .dic)", name,
                                     line_no));
      tgt = Trim(line.substr(0, at));
      src = Trim(line.substr(at + 3));
    }
    if (src.empty() || tgt.empty())
      return DataError(fmt::format("{}:{}: empty {} phrase", name, line_no,
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
      return DataError(fmt::format("{}:{}: a phrase without letters or digits", name, line_no));
    builder.Add(internal::JoinKey(src_tokens, 0, src_tokens.size()), n, words);
  }
  auto table = internal::TableDictionary::FromBlob(builder.Build(source, target, 0, 0), name);
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
