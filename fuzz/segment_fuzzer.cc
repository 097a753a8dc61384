// The sentence segmenter of one language (FUZZ_LANGUAGE, set per target by
// fuzz/CMakeLists.txt: segment_en_fuzzer, segment_zh_fuzzer,
// segment_ur_fuzzer), and SplitLines for --presegmented input.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "align/segment.h"
#include "align/text.h"
#include "fuzz_util.h"

namespace {

const align::Segmenter& TheSegmenter() {
  static const std::shared_ptr<const align::Segmenter> segmenter = [] {
    auto created = align::Segmenter::Create(align::Language::FUZZ_LANGUAGE);
    FUZZ_CHECK(created.ok(), "%s", created.status().message().c_str());
    return *created;
  }();
  return *segmenter;
}

bool IsCodePointStart(std::string_view bytes, size_t at) {
  return at >= bytes.size() || (static_cast<unsigned char>(bytes[at]) & 0xC0) != 0x80;
}

void CheckSentences(const align::Document& doc) {
  const std::string_view bytes = doc.bytes();
  const std::vector<align::Span> paragraphs = doc.Paragraphs();
  const std::vector<align::Sentence> sentences = TheSegmenter().Split(doc);
  size_t previous_end = doc.content_begin();
  size_t previous_paragraph = 0;
  for (size_t i = 0; i < sentences.size(); ++i) {
    const align::Span s = sentences[i].span;
    FUZZ_CHECK(s.begin >= previous_end, "sentence %zu [%zu, %zu) overlaps the one before (ends at %zu)", i, s.begin,
               s.end, previous_end);
    FUZZ_CHECK(s.begin < s.end && s.end <= bytes.size(), "sentence %zu [%zu, %zu) empty or outside %zu bytes", i,
               s.begin, s.end, bytes.size());
    FUZZ_CHECK(IsCodePointStart(bytes, s.begin) && IsCodePointStart(bytes, s.end), "sentence %zu cuts a code point",
               i);
    FUZZ_CHECK(align::TrimSpan(bytes, s) == s, "sentence %zu [%zu, %zu) not trimmed", i, s.begin, s.end);
    // Spans cover the content: only white space is left between them.
    FUZZ_CHECK(align::TrimSpan(bytes, {previous_end, s.begin}).empty(), "text lost before sentence %zu [%zu, %zu)",
               i, previous_end, s.begin);
    const size_t p = sentences[i].paragraph;
    FUZZ_CHECK(p < paragraphs.size() && p >= previous_paragraph, "sentence %zu in paragraph %zu of %zu (after %zu)",
               i, p, paragraphs.size(), previous_paragraph);
    FUZZ_CHECK(s.begin >= paragraphs[p].begin && s.end <= paragraphs[p].end,
               "sentence %zu [%zu, %zu) outside its paragraph [%zu, %zu)", i, s.begin, s.end, paragraphs[p].begin,
               paragraphs[p].end);
    previous_end = s.end;
    previous_paragraph = p;
  }
  FUZZ_CHECK(align::TrimSpan(bytes, {previous_end, bytes.size()}).empty(), "text lost after the last sentence");
}

// Sentence i of SplitLines is line i: as many as there are lines, each
// inside its own line, trimmed, in order.
void CheckLines(const align::Document& doc) {
  const std::string_view bytes = doc.bytes();
  const std::vector<align::Sentence> lines = align::SplitLines(doc);
  const std::string_view content = bytes.substr(doc.content_begin());
  size_t expected = 0;
  for (size_t at = 0; at < content.size(); ++expected) {
    const size_t nl = content.find('\n', at);
    at = nl == std::string_view::npos ? content.size() : nl + 1;
  }
  FUZZ_CHECK(lines.size() == expected, "%zu lines, SplitLines gave %zu", expected, lines.size());
  size_t previous_end = doc.content_begin();
  for (size_t i = 0; i < lines.size(); ++i) {
    const align::Span s = lines[i].span;
    FUZZ_CHECK(lines[i].paragraph == i, "line %zu has index %zu", i, lines[i].paragraph);
    FUZZ_CHECK(s.begin >= previous_end && s.begin <= s.end && s.end <= bytes.size(), "line %zu [%zu, %zu) out of order",
               i, s.begin, s.end);
    FUZZ_CHECK(bytes.substr(s.begin, s.size()).find('\n') == std::string_view::npos, "line %zu spans a line break", i);
    FUZZ_CHECK(align::TrimSpan(bytes, s) == s, "line %zu not trimmed", i);
    previous_end = s.end;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  TheSegmenter();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto doc = align::Document::FromString("fuzz.txt", std::string(fuzz::AsText(data, size)));
  if (!doc.ok()) return 0;
  CheckSentences(*doc);
  CheckLines(*doc);
  return 0;
}
