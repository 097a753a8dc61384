// The numbers scanner of the checker (internal/numbers.h): the first input
// byte picks the language (en, zh, ur), the rest is the sentence.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "align/normalize.h"
#include "align/text.h"
#include "fuzz_util.h"
#include "numbers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static constexpr align::Language kLanguages[] = {align::Language::kEnglish, align::Language::kChinese,
                                                   align::Language::kUrdu};
  const align::Language language = kLanguages[data[0] % 3];
  auto doc = align::Document::FromString("fuzz.txt", std::string(fuzz::AsText(data + 1, size - 1)));
  if (!doc.ok()) return 0;
  const align::Span span{doc->content_begin(), doc->bytes().size()};
  const align::Key key = align::Normalizer::Get().MakeKey(doc->bytes(), span);
  const std::vector<align::internal::NumberMention> numbers = align::internal::ExtractNumbers(key, language);
  for (size_t i = 0; i < numbers.size(); ++i) {
    const align::internal::NumberMention& n = numbers[i];
    FUZZ_CHECK(!n.values.empty(), "number %zu has no value", i);
    FUZZ_CHECK(n.span.begin < n.span.end && n.span.begin >= span.begin && n.span.end <= span.end,
               "number %zu at [%zu, %zu) outside [%zu, %zu) or empty", i, n.span.begin, n.span.end, span.begin,
               span.end);
    // A number equals itself (NaN or infinity would not).
    FUZZ_CHECK(align::internal::SameNumber(n, n), "number %zu ('%s') differs from itself", i,
               align::internal::FormatNumber(n).c_str());
    FUZZ_CHECK(!align::internal::FormatNumber(n).empty(), "number %zu formats as nothing", i);
  }
  return 0;
}
