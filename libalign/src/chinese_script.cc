#include "chinese_script.h"

#include <memory>
#include <mutex>
#include <vector>

#include <unicode/translit.h>
#include <unicode/uniset.h>
#include <unicode/usetiter.h>
#include <unicode/unistr.h>

#include "utf8.h"

namespace align::internal {
namespace {

enum ScriptVote : uint8_t { kShared = 0, kTraditionalOnly = 1, kSimplifiedOnly = 2 };

std::unique_ptr<icu::Transliterator> Create(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(id, UTRANS_FORWARD, status));
  return U_FAILURE(status) ? nullptr : std::move(t);
}

// Marks the characters of |from|'s source set that |from| changes.
void MarkChanged(icu::Transliterator& from, ScriptVote vote, std::vector<uint8_t>* votes) {
  icu::UnicodeSet source;
  from.getSourceSet(source);
  icu::UnicodeSetIterator it(source);
  while (it.next()) {
    if (it.isString()) continue;
    const UChar32 c = it.getCodepoint();
    if (c < 0 || c >= static_cast<UChar32>(votes->size())) continue;
    icu::UnicodeString one(c);
    from.transliterate(one);
    if (one != icu::UnicodeString(c)) (*votes)[c] |= vote;
  }
}

// One vote per BMP code point, built on first use: documents that are not
// Chinese never pay for it, and a Chinese one pays once per process, not
// once per sentence or term.
const std::vector<uint8_t>& Votes() {
  static const std::vector<uint8_t>* votes = [] {
    auto* v = new std::vector<uint8_t>(0x10000, kShared);
    if (auto hant_hans = Create("Hant-Hans")) MarkChanged(*hant_hans, kTraditionalOnly, v);
    if (auto hans_hant = Create("Hans-Hant")) MarkChanged(*hans_hant, kSimplifiedOnly, v);
    return v;
  }();
  return *votes;
}

}  // namespace

bool IsTraditionalChinese(std::string_view text) {
  const std::vector<uint8_t>& votes = Votes();
  size_t traditional = 0;
  size_t simplified = 0;
  for (size_t pos = 0; pos < text.size();) {
    const char32_t c = DecodeUtf8(text, pos);
    if (c >= votes.size()) continue;
    // A character in both sets (后: 'queen' and the simple form of 後) is
    // ambiguous and does not vote.
    if (votes[c] == kTraditionalOnly) ++traditional;
    if (votes[c] == kSimplifiedOnly) ++simplified;
  }
  return traditional > simplified;
}

std::string ToTraditional(std::string_view text) {
  // ICU transliterators keep state between calls and are not safe to share
  // between threads; renderings are few per report, so one instance behind
  // a lock costs nothing that matters.
  static std::mutex mutex;
  static icu::Transliterator* hans_hant = Create("Hans-Hant").release();
  if (hans_hant == nullptr) return std::string(text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  {
    std::lock_guard<std::mutex> lock(mutex);
    hans_hant->transliterate(u);
  }
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace align::internal
