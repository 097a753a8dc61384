// The text reader and the normaliser: Document::FromString (UTF-8
// validation, BOM), Document::Load of the same bytes, Paragraphs(),
// Position(), and the matching keys of Normalizer with their byte maps.
#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "align/normalize.h"
#include "align/text.h"
#include "fuzz_util.h"

namespace {

// ICU's reading of well-formed UTF-8 (no overlongs, surrogates or code
// points above U+10FFFF): the first offset it refuses.
std::optional<size_t> IcuFirstInvalid(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < n) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return static_cast<size_t>(at);
  }
  return std::nullopt;
}

bool IsCodePointStart(std::string_view bytes, size_t at) {
  return at >= bytes.size() || (static_cast<unsigned char>(bytes[at]) & 0xC0) != 0x80;
}

void CheckKey(const align::Normalizer& norm, std::string_view bytes, align::Span span) {
  const align::Key key = norm.MakeKey(bytes, span);
  const std::string& t = key.text;
  FUZZ_CHECK(key.offsets.size() == t.size() + 1, "offsets %zu for %zu key bytes", key.offsets.size(), t.size());
  FUZZ_CHECK(!align::FindInvalidUtf8(t), "key is not UTF-8");
  FUZZ_CHECK(t.empty() || (t.front() != ' ' && t.back() != ' '), "white space at an end of the key");
  FUZZ_CHECK(t.find("  ") == std::string::npos, "a run of spaces in the key");
  FUZZ_CHECK(t.find_first_of("\t\n\r\f\v") == std::string::npos, "white space other than ' ' in the key");
  for (size_t i = 0; i < key.offsets.size(); ++i) {
    const uint32_t o = key.offsets[i];
    FUZZ_CHECK(o >= span.begin && o <= span.end, "offset %zu = %u outside [%zu, %zu]", i, o, span.begin, span.end);
    FUZZ_CHECK(i == 0 || key.offsets[i - 1] <= o, "offsets decrease at %zu", i);
    if (i < t.size()) {
      FUZZ_CHECK(o < span.end, "key byte %zu maps to the end of the span", i);
      FUZZ_CHECK(IsCodePointStart(bytes, o), "key byte %zu maps inside a code point (%u)", i, o);
      // The bytes of one key code point come from one original code point.
      if (!IsCodePointStart(t, i)) FUZZ_CHECK(o == key.offsets[i - 1], "a key code point split at %zu", i);
    }
  }
  FUZZ_CHECK(IsCodePointStart(bytes, key.offsets.back()), "end offset inside a code point");
  if (t.empty()) FUZZ_CHECK(key.offsets.back() == span.begin, "an empty key that does not end at the span's begin");
  FUZZ_CHECK(norm.KeyOf(bytes.substr(span.begin, span.size())) == t, "KeyOf and MakeKey disagree");

  // Original spans of every key code point, and of the whole key.
  for (size_t i = 0; i <= t.size(); ++i) {
    if (!IsCodePointStart(t, i)) continue;
    size_t j = i + 1;
    while (j < t.size() && !IsCodePointStart(t, j)) ++j;
    j = std::min(j, t.size());
    const align::Span o = key.OriginalSpan(i, j);
    FUZZ_CHECK(o.begin <= o.end && o.begin >= span.begin && o.end <= span.end, "OriginalSpan(%zu, %zu) = [%zu, %zu)",
               i, j, o.begin, o.end);
    FUZZ_CHECK(IsCodePointStart(bytes, o.begin) && IsCodePointStart(bytes, o.end), "OriginalSpan cuts a code point");
    if (i < j) FUZZ_CHECK(!o.empty(), "non-empty key bytes [%zu, %zu) from no original bytes", i, j);
  }
  const align::Span whole = key.OriginalSpan(0, t.size());
  FUZZ_CHECK(whole.begin >= span.begin && whole.end <= span.end, "OriginalSpan of the key outside the span");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input = fuzz::AsText(data, size);
  const std::optional<size_t> invalid = align::FindInvalidUtf8(input);
  FUZZ_CHECK(invalid == IcuFirstInvalid(input), "FindInvalidUtf8 says %zd, ICU %zd",
             invalid ? static_cast<ssize_t>(*invalid) : -1,
             IcuFirstInvalid(input) ? static_cast<ssize_t>(*IcuFirstInvalid(input)) : -1);

  auto doc = align::Document::FromString("fuzz.txt", std::string(input));
  auto loaded = align::Document::Load(fuzz::WriteScratch("doc.txt", input));
  FUZZ_CHECK(doc.ok() == !invalid, "FromString and FindInvalidUtf8 disagree");
  // A file that starts with a UTF-16 byte order mark is read as UTF-16 by
  // Load (never valid UTF-8 for FromString): converted to valid UTF-8 with
  // its encoding named, or refused as a data error.
  if (input.substr(0, 2) == "\xFF\xFE" || input.substr(0, 2) == "\xFE\xFF") {
    FUZZ_CHECK(!doc.ok(), "a UTF-16 byte order mark read as UTF-8");
    if (loaded.ok()) {
      FUZZ_CHECK(!align::FindInvalidUtf8(loaded->bytes()) && !loaded->encoding().empty(),
                 "UTF-16 read into invalid UTF-8 or without its encoding");
    } else {
      FUZZ_CHECK(loaded.status().code() == align::StatusCode::kDataError, "bad UTF-16 is not a data error");
    }
    return 0;
  }
  FUZZ_CHECK(loaded.ok() == doc.ok(), "Load and FromString disagree");
  if (!doc.ok()) {
    FUZZ_CHECK(doc.status().code() == align::StatusCode::kDataError, "invalid UTF-8 is not a data error");
    return 0;
  }
  FUZZ_CHECK(loaded->bytes() == doc->bytes() && loaded->content_begin() == doc->content_begin(),
             "Load and FromString read different documents");
  const std::string_view bytes = doc->bytes();
  FUZZ_CHECK(doc->content_begin() == (bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3u : 0u), "BOM not skipped");

  const align::Normalizer& norm = align::Normalizer::Get();
  size_t previous_end = doc->content_begin();
  for (const align::Span p : doc->Paragraphs()) {
    FUZZ_CHECK(p.begin >= previous_end && p.begin < p.end && p.end <= bytes.size(),
               "paragraph [%zu, %zu) after %zu in %zu bytes", p.begin, p.end, previous_end, bytes.size());
    FUZZ_CHECK(align::TrimSpan(bytes, p) == p, "paragraph [%zu, %zu) not trimmed", p.begin, p.end);
    FUZZ_CHECK(align::TrimSpan(bytes, {previous_end, p.begin}).empty(), "text lost between paragraphs before %zu",
               p.begin);
    // A paragraph has no blank line inside it.
    const std::string_view text = doc->Slice(p);
    for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', nl + 1)) {
      size_t next = text.find('\n', nl + 1);
      if (next == std::string_view::npos) break;
      FUZZ_CHECK(!align::TrimSpan(bytes, {p.begin + nl + 1, p.begin + next}).empty(), "a blank line inside a paragraph");
    }
    CheckKey(norm, bytes, p);
    previous_end = p.end;
  }
  FUZZ_CHECK(align::TrimSpan(bytes, {previous_end, bytes.size()}).empty(), "text lost after the last paragraph");

  CheckKey(norm, bytes, {doc->content_begin(), bytes.size()});
  const std::string position = doc->Position(bytes.size() / 2);
  FUZZ_CHECK(position.find(':') != std::string::npos, "Position without LINE:COLUMN");
  return 0;
}
