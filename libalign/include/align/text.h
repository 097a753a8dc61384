// Languages, byte spans and documents: what every later stage points into.
//
// A Document holds the bytes of one input file exactly as they are on disk
// (memory-mapped for files, so a 200 MB input is not copied). Every offset
// the library reports, for sentences, term hits, beads and findings, is a
// byte offset into those original bytes. A UTF-8 BOM is kept in the bytes
// but excluded from the content; CR LF line ends are accepted as they are.
//
//   auto doc = align::Document::Load("statement.ur.txt");   // or "-" for stdin
//   if (!doc.ok()) return fail(doc.status());
//   for (align::Span p : doc->Paragraphs()) use(doc->Slice(p));
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "align/language.h"
#include "align/status.h"

namespace align {

// Languages are data (align/language.h): these ask the process registry.

// Parses a BCP 47 tag by its primary subtag, a language's code or alias:
// "en", "en-GB", "eng", "zh-Hans", "zh_CN", "cmn", "ur-PK" (case-insensitive,
// '_' accepted for '-'; further subtags must be letters and digits).
// nullopt for a malformed tag or a language without a definition.
std::optional<Language> ParseLanguage(std::string_view tag);

// "en", "zh", "ur", ...; "und" for kUnknown.
std::string_view LanguageCode(Language language);

// The language whose script dominates |text| (LanguageRegistry::Detect):
// Han → zh, Latin → en, Arabic script with Urdu letters → ur. kUnknown when
// the text has no letters, or its script is no known language's (Arabic
// text is not Urdu).
Language DetectLanguage(std::string_view text);

// The primary language subtag of a BCP 47 tag or a POSIX locale name,
// lower-cased: "zh-Hans" → "zh", "ur_PK.UTF-8@x" → "ur". Every tag talign
// reads (termbases, --langs, LANG) is cut here.
std::string PrimaryLanguageSubtag(std::string_view tag);

// Whether |tag| has the shape of a BCP 47 tag: subtags of 1 to 8 letters or
// digits separated by '-' (or '_'), the first of 2 to 8 letters.
bool IsWellFormedLanguageTag(std::string_view tag);

// A half-open byte range [begin, end) in a Document's bytes.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  size_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const Span&, const Span&) = default;
};

// Returns the byte offset of the first invalid UTF-8 sequence in |bytes|
// (overlong forms, surrogates and code points above U+10FFFF are invalid),
// or nullopt when all of it is valid.
std::optional<size_t> FindInvalidUtf8(std::string_view bytes);

// How documents are read.
struct ReadOptions {
  // Inputs larger than this are refused (kResourceLimit): a regular file by
  // its size before it is read, a pipe or a device (stdin fed by `yes`,
  // /dev/zero) as soon as it has given this much.
  size_t max_bytes = size_t{256} << 20;
  // Refuse anything but a regular file (or a link to one), without waiting
  // on it: for batch runs, where a FIFO would wait for a writer forever.
  bool regular_only = false;
  // The encoding of an input without a byte order mark, an ICU converter
  // name (GB18030, GBK, Big5, windows-1256, UTF-16LE, ...); empty: UTF-8. A
  // byte order mark decides for itself (UTF-8, UTF-16). Other encodings are converted to
  // UTF-8 once read, and the document's offsets are then into that UTF-8
  // text (Document::encoding() names the original).
  std::string encoding;
};

// "256 MiB", "1.5 GiB", "812 bytes": sizes in messages.
std::string FormatBytes(size_t bytes);

// Parses a size as users write it: "1000000", "512K", "256M", "2G" (binary
// units, case-insensitive, an optional "B" or "iB"). nullopt when malformed,
// zero, or beyond 2^63.
std::optional<size_t> ParseByteSize(std::string_view text);

class Document {
 public:
  // Reads |path| ("-" reads standard input). Errors: kNotFound for a missing
  // path, kIoError for an unreadable one or a directory, kResourceLimit past
  // options.max_bytes, kDataError "PATH:LINE:COL: byte N: invalid UTF-8"
  // for bytes that are not UTF-8, including binary files ("PATH: byte N: not
  // valid ENCODING" for another encoding), kInvalidArgument for an encoding
  // ICU does not know. An empty file is a valid empty document.
  static StatusOr<Document> Load(const std::string& path, const ReadOptions& options = {});

  // A document from bytes in memory; |name| is used in messages.
  static StatusOr<Document> FromString(std::string name, std::string bytes);

  const std::string& name() const { return name_; }
  // The whole input, BOM included.
  std::string_view bytes() const { return bytes_; }
  // Where the content starts: 3 after a UTF-8 BOM, otherwise 0.
  size_t content_begin() const { return content_begin_; }
  std::string_view Slice(Span span) const { return bytes_.substr(span.begin, span.size()); }

  // Paragraphs: maximal runs of lines separated by blank lines (lines of only
  // white space count as blank), trimmed of surrounding white space.
  std::vector<Span> Paragraphs() const;

  // "LINE:COLUMN" (1-based, column in code points) of a byte offset, for messages.
  std::string Position(size_t offset) const;

  // The encoding the input was converted from ("UTF-16LE", "GB18030"); empty
  // when it was read as UTF-8.
  const std::string& encoding() const { return encoding_; }

 private:
  struct Storage;
  Document(std::string name, std::shared_ptr<const Storage> storage);
  // The bytes of |path| as they are, not yet validated.
  static StatusOr<Document> LoadBytes(const std::string& path, const ReadOptions& options);

  std::string name_;
  std::shared_ptr<const Storage> storage_;  // shared and immutable: copies are cheap
  std::string_view bytes_;
  size_t content_begin_ = 0;
  std::string encoding_;
};

// Trims ASCII and Unicode white space (incl. U+3000, NBSP) from both ends of
// |span| within |bytes|.
Span TrimSpan(std::string_view bytes, Span span);

}  // namespace align
