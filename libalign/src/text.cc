#include "align/text.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "utf8.h"

namespace align {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

std::optional<Language> ParseLanguage(std::string_view tag) {
  // Only the primary subtag decides; script and region subtags are accepted
  // as long as they are well-formed (letters and digits).
  size_t cut = tag.find_first_of("-_");
  std::string_view primary = tag.substr(0, cut);
  if (cut != std::string_view::npos) {
    std::string_view rest = tag.substr(cut + 1);
    if (rest.empty()) return std::nullopt;
    for (char c : rest) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '-' || c == '_';
      if (!ok) return std::nullopt;
    }
  }
  if (EqualsIgnoreCase(primary, "en") || EqualsIgnoreCase(primary, "eng")) return Language::kEnglish;
  if (EqualsIgnoreCase(primary, "zh") || EqualsIgnoreCase(primary, "zho") ||
      EqualsIgnoreCase(primary, "cmn"))
    return Language::kChinese;
  if (EqualsIgnoreCase(primary, "ur") || EqualsIgnoreCase(primary, "urd")) return Language::kUrdu;
  return std::nullopt;
}

std::string_view LanguageCode(Language language) {
  switch (language) {
    case Language::kEnglish: return "en";
    case Language::kChinese: return "zh";
    case Language::kUrdu: return "ur";
    case Language::kUnknown: break;
  }
  return "und";
}

Language DetectLanguage(std::string_view text) {
  // Counting letters per script over a bounded prefix is enough: official
  // versions are written in one script with the odd Latin name or acronym.
  size_t latin = 0, han = 0, arabic = 0;
  size_t pos = 0;
  const size_t limit = std::min<size_t>(text.size(), 1 << 16);
  while (pos < limit) {
    char32_t cp = internal::DecodeUtf8(text, pos);
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F))
      ++latin;
    else if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
             (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF))
      han += 3;  // one Han character carries about as much as a Latin word's letters
    else if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
             (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
      ++arabic;
  }
  if (latin == 0 && han == 0 && arabic == 0) return Language::kUnknown;
  if (han >= latin && han >= arabic) return Language::kChinese;
  if (arabic >= latin) return Language::kUrdu;
  return Language::kEnglish;
}

std::optional<size_t> FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    // Fast path over ASCII, eight bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= n) break;
    unsigned char c = s[i];
    if (c < 0x80) { ++i; continue; }
    size_t len;
    char32_t cp;
    if (c >= 0xC2 && c <= 0xDF) { len = 2; cp = c & 0x1F; }
    else if (c >= 0xE0 && c <= 0xEF) { len = 3; cp = c & 0x0F; }
    else if (c >= 0xF0 && c <= 0xF4) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > n) return i;
    for (size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return i;
    i += len;
  }
  return std::nullopt;
}

// Either a read-only mapping of a file or an owned string (stdin, tests).
struct Document::Storage {
  std::string owned;
  void* map = nullptr;
  size_t map_size = 0;
  std::string_view view() const {
    return map ? std::string_view(static_cast<const char*>(map), map_size) : std::string_view(owned);
  }
  Storage() = default;
  Storage(const Storage&) = delete;
  Storage& operator=(const Storage&) = delete;
  ~Storage() {
    if (map) munmap(map, map_size);
  }
};

Document::Document(std::string name, std::shared_ptr<const Storage> storage)
    : name_(std::move(name)), storage_(std::move(storage)), bytes_(storage_->view()) {
  if (bytes_.substr(0, 3) == "\xEF\xBB\xBF") content_begin_ = 3;
}

namespace {

StatusOr<Document> Validate(Document doc) {
  if (auto bad = FindInvalidUtf8(doc.bytes())) {
    return DataError(fmt::format("{}:{}: byte {}: invalid UTF-8 (is this a text file?)",
                                 doc.name(), doc.Position(*bad), *bad));
  }
  return doc;
}

}  // namespace

StatusOr<Document> Document::FromString(std::string name, std::string bytes) {
  auto storage = std::make_shared<Storage>();
  storage->owned = std::move(bytes);
  return Validate(Document(std::move(name), std::move(storage)));
}

StatusOr<Document> Document::Load(const std::string& path) {
  if (path == "-") {
    std::string bytes{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    if (std::cin.bad()) return IoError("<stdin>: read error");
    return FromString("<stdin>", std::move(bytes));
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) return NotFound(fmt::format("{}: no such file", path));
    return IoError(fmt::format("{}: cannot open: {}", path, std::strerror(err)));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
    ::close(fd);
    return IoError(fmt::format("{}: not a regular file", path));
  }
  auto storage = std::make_shared<Storage>();
  // Large files are mapped (a 200 MB input is not copied); small ones are
  // read: unmapping is a TLB shootdown on every core, which in a batch of
  // thousands of short documents on several threads costs more than a copy.
  constexpr off_t kMapFrom = off_t{1} << 20;
  if (S_ISREG(st.st_mode) && st.st_size >= kMapFrom) {
    void* map = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (map == MAP_FAILED) {
      int err = errno;
      ::close(fd);
      return IoError(fmt::format("{}: cannot map: {}", path, std::strerror(err)));
    }
    ::madvise(map, static_cast<size_t>(st.st_size), MADV_SEQUENTIAL);
    storage->map = map;
    storage->map_size = static_cast<size_t>(st.st_size);
  } else {
    // Small regular files, pipes and character devices: read them whole.
    if (S_ISREG(st.st_mode)) storage->owned.reserve(static_cast<size_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
      ssize_t got = ::read(fd, buf, sizeof buf);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        int err = errno;
        ::close(fd);
        return IoError(fmt::format("{}: read error: {}", path, std::strerror(err)));
      }
      if (got == 0) break;
      storage->owned.append(buf, static_cast<size_t>(got));
    }
  }
  ::close(fd);
  return Validate(Document(path, std::move(storage)));
}

std::string Document::Position(size_t offset) const {
  size_t line = 1, column = 1;
  offset = std::min(offset, bytes_.size());
  for (size_t i = 0; i < offset; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes_[i]);
    if (c == '\n') { ++line; column = 1; }
    else if ((c & 0xC0) != 0x80) ++column;
  }
  return fmt::format("{}:{}", line, column);
}

Span TrimSpan(std::string_view bytes, Span span) {
  while (span.begin < span.end) {
    size_t pos = span.begin;
    char32_t cp = internal::DecodeUtf8(bytes, pos);
    if (!internal::IsSpace(cp) || pos > span.end) break;
    span.begin = pos;
  }
  while (span.end > span.begin) {
    size_t start;
    char32_t cp = internal::DecodeUtf8Before(bytes, span.end, &start);
    if (!internal::IsSpace(cp) || start < span.begin) break;
    span.end = start;
  }
  return span;
}

std::vector<Span> Document::Paragraphs() const {
  std::vector<Span> paragraphs;
  size_t para_begin = content_begin_;
  size_t line_begin = content_begin_;
  bool para_has_text = false;
  auto close = [&](size_t end) {
    if (para_has_text) {
      Span s = TrimSpan(bytes_, {para_begin, end});
      if (!s.empty()) paragraphs.push_back(s);
    }
    para_has_text = false;
  };
  while (line_begin < bytes_.size()) {
    size_t nl = bytes_.find('\n', line_begin);
    size_t line_end = nl == std::string_view::npos ? bytes_.size() : nl;
    Span line = TrimSpan(bytes_, {line_begin, line_end});
    if (line.empty()) {
      close(line_begin);
    } else if (!para_has_text) {
      para_begin = line.begin;
      para_has_text = true;
    }
    line_begin = nl == std::string_view::npos ? bytes_.size() : nl + 1;
  }
  close(bytes_.size());
  return paragraphs;
}

}  // namespace align
