#include "align/text.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iterator>

#include <fmt/format.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#include "utf8.h"

namespace align {

std::optional<Language> ParseLanguage(std::string_view tag) { return Languages().Parse(tag); }

std::string_view LanguageCode(Language language) { return Languages().Info(language).code; }

Language DetectLanguage(std::string_view text) { return Languages().Detect(text).language; }

std::string PrimaryLanguageSubtag(std::string_view tag) {
  std::string primary(tag.substr(0, tag.find_first_of("-_.@")));
  for (char& c : primary)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return primary;
}

bool IsWellFormedLanguageTag(std::string_view tag) {
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t cut = tag.find_first_of("-_", start);
    std::string_view sub = tag.substr(start, cut == std::string_view::npos ? cut : cut - start);
    if (sub.empty() || sub.size() > 8) return false;
    if (first && sub.size() < 2) return false;
    for (char c : sub) {
      bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      bool digit = c >= '0' && c <= '9';
      if (!letter && !(digit && !first)) return false;
    }
    if (cut == std::string_view::npos) return true;
    start = cut + 1;
    first = false;
  }
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
    size_t len = internal::Utf8SequenceLength(bytes, i);
    if (len == 0) return i;
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

// |bytes| in |encoding| as UTF-8; errors name |name| and the byte offset of
// the first sequence that is not valid in that encoding.
StatusOr<std::string> ToUtf8(std::string_view bytes, const std::string& encoding, const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* converter = ucnv_open(encoding.c_str(), &status);
  if (U_FAILURE(status)) {
    return InvalidArgument(fmt::format("{}: unknown encoding '{}' (an ICU converter name: GB18030, GBK, Big5, "
                                       "windows-1256, UTF-16LE, ...)",
                                       name, encoding));
  }
  std::unique_ptr<UConverter, void (*)(UConverter*)> owner(converter, ucnv_close);
  ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  std::u16string units(bytes.size() + 16, u'\0');
  const char* source = bytes.data();
  UChar* target = reinterpret_cast<UChar*>(units.data());
  status = U_ZERO_ERROR;
  ucnv_toUnicode(converter, &target, target + units.size(), &source, bytes.data() + bytes.size(), nullptr, true,
                 &status);
  if (U_FAILURE(status)) {
    char invalid[32];
    int8_t length = sizeof invalid;
    UErrorCode ignored = U_ZERO_ERROR;
    ucnv_getInvalidChars(converter, invalid, &length, &ignored);
    const size_t at = static_cast<size_t>(source - bytes.data()) - (U_SUCCESS(ignored) ? static_cast<size_t>(length) : 0);
    return DataError(fmt::format("{}: byte {}: not valid {} (is --encoding right?)", name, at, encoding));
  }
  units.resize(static_cast<size_t>(target - reinterpret_cast<UChar*>(units.data())));
  std::string utf8;
  int32_t needed = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(nullptr, 0, &needed, reinterpret_cast<const UChar*>(units.data()), static_cast<int32_t>(units.size()),
              &status);
  utf8.resize(static_cast<size_t>(needed));
  status = U_ZERO_ERROR;
  u_strToUTF8(utf8.data(), needed, nullptr, reinterpret_cast<const UChar*>(units.data()),
              static_cast<int32_t>(units.size()), &status);
  if (U_FAILURE(status)) return DataError(fmt::format("{}: cannot convert from {}: {}", name, encoding, u_errorName(status)));
  return utf8;
}

// The encoding to convert |bytes| from: a byte order mark decides (UTF-16,
// the mark then dropped; UTF-8), else the one asked for; empty for UTF-8.
std::string EncodingOf(std::string_view bytes, const ReadOptions& options, size_t* skip) {
  *skip = 0;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return {};
  if (bytes.substr(0, 2) == "\xFF\xFE") return *skip = 2, "UTF-16LE";
  if (bytes.substr(0, 2) == "\xFE\xFF") return *skip = 2, "UTF-16BE";
  if (!options.encoding.empty()) {
    std::string lower;
    for (char c : options.encoding) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "utf-8" || lower == "utf8" ? std::string() : options.encoding;
  }
  return {};
}

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

std::string FormatBytes(size_t bytes) {
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  if (bytes < 1024) return fmt::format("{} byte{}", bytes, bytes == 1 ? "" : "s");
  double value = static_cast<double>(bytes) / 1024;
  size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(kUnits)) {
    value /= 1024;
    ++unit;
  }
  std::string number = fmt::format("{:.1f}", value);
  if (number.size() > 2 && number.compare(number.size() - 2, 2, ".0") == 0) number.resize(number.size() - 2);
  return fmt::format("{} {}", number, kUnits[unit]);
}

std::optional<size_t> ParseByteSize(std::string_view text) {
  size_t digits = 0;
  uint64_t value = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
    if (value > (uint64_t{1} << 63) / 10) return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(text[digits] - '0');
    ++digits;
  }
  if (digits == 0) return std::nullopt;
  std::string unit;
  for (char c : text.substr(digits)) unit += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  int shift = 0;
  if (!unit.empty() && unit != "b") {
    const std::string_view units = "kmgt";
    size_t at = units.find(unit[0]);
    std::string_view rest = std::string_view(unit).substr(1);
    if (at == std::string_view::npos || !(rest.empty() || rest == "b" || rest == "ib")) return std::nullopt;
    shift = 10 * static_cast<int>(at + 1);
  }
  if (value == 0 || value > ((uint64_t{1} << 63) >> shift)) return std::nullopt;
  return static_cast<size_t>(value << shift);
}

namespace {

Status TooLarge(const std::string& name, size_t limit) {
  return ResourceLimit(fmt::format("{}: larger than the input limit of {} (--max-input-size)", name,
                                   FormatBytes(limit)));
}

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Reads |fd| to its end into |out|, refusing more than |limit| bytes.
Status ReadAll(int fd, const std::string& name, size_t limit, std::string* out) {
  char buf[1 << 16];
  for (;;) {
    ssize_t got = ::read(fd, buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return IoError(fmt::format("{}: read error: {}", name, std::strerror(errno)));
    if (got == 0) return Status::Ok();
    if (static_cast<size_t>(got) > limit - out->size()) return TooLarge(name, limit);
    out->append(buf, static_cast<size_t>(got));
  }
}

}  // namespace

StatusOr<Document> Document::Load(const std::string& path, const ReadOptions& options) {
  auto read = LoadBytes(path, options);
  if (!read.ok()) return read.status();
  size_t skip = 0;
  const std::string encoding = EncodingOf(read->bytes(), options, &skip);
  if (encoding.empty()) return Validate(std::move(*read));
  auto utf8 = ToUtf8(read->bytes().substr(skip), encoding, read->name());
  if (!utf8.ok()) return utf8.status();
  auto storage = std::make_shared<Storage>();
  storage->owned = std::move(*utf8);
  Document doc(read->name(), std::move(storage));
  doc.encoding_ = encoding;
  return Validate(std::move(doc));
}

StatusOr<Document> Document::LoadBytes(const std::string& path, const ReadOptions& options) {
  if (path == "-") {
    auto storage = std::make_shared<Storage>();
    ALIGN_RETURN_IF_ERROR(ReadAll(STDIN_FILENO, "<stdin>", options.max_bytes, &storage->owned));
    return Document("<stdin>", std::move(storage));
  }
  // O_NONBLOCK when only regular files will do: opening a FIFO then returns
  // at once instead of waiting for a writer, and fstat tells what it is.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | (options.regular_only ? O_NONBLOCK : 0));
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) return NotFound(fmt::format("{}: no such file", path));
    return IoError(fmt::format("{}: cannot open: {}", path, std::strerror(err)));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode) || (options.regular_only && !S_ISREG(st.st_mode))) {
    ::close(fd);
    return IoError(fmt::format("{}: is {}, not a regular file", path, KindOf(st.st_mode)));
  }
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > options.max_bytes) {
    ::close(fd);
    return TooLarge(path, options.max_bytes);
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
    Status read = ReadAll(fd, path, options.max_bytes, &storage->owned);
    if (!read.ok()) {
      ::close(fd);
      return read;
    }
  }
  ::close(fd);
  return Document(path, std::move(storage));
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
