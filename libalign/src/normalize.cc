// Matching keys through a per-code-point fold table.
//
// Running ICU on every sentence would cost far more than the 20 MB/s budget
// of term matching allows, so ICU runs once per code point at construction:
// fold(c) = post(HantHans(NFKC_Casefold(c))), where post maps decimal digits
// of every script to ASCII and applies the letter folding of the language
// definitions (languages/<code>.lang [fold], [drop]; folding.h). At call time
// a key is a table lookup per code point plus two contextual rules:
//  - a code point that can interact with the one before it under NFKC (a
//    combining mark, a Hangul vowel...) sends the whole normalisation
//    segment through ICU, which composes it; the result is folded per code
//    point again (the table is idempotent on NFKC_Casefold output);
//  - ی followed by hamza above U+0654 becomes ئ U+0626, which NFC does not
//    compose but which is how the same letter is usually written.
#include "align/normalize.h"

#include <algorithm>
#include <memory>
#include <unordered_map>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uniset.h>
#include <unicode/unistr.h>

#include "folding.h"
#include "numerals.h"
#include "utf8.h"

namespace align {
namespace {

enum Flag : uint8_t {
  kIdentity = 1,          // the key of the code point is the code point itself
  kNoBoundaryBefore = 2,  // may compose or reorder with the code point before
  kSpace = 4,             // white space: part of a run that becomes one " "
};

struct Entry {
  uint32_t offset = 0;  // into Impl::pool
  uint16_t size = 0;    // bytes of the fold; 0 with !kIdentity means "dropped"
  uint8_t flags = kIdentity;
};

constexpr char32_t kHamzaAbove = 0x0654;
constexpr char32_t kYehHamza = 0x0626;    // ئ
constexpr int kMaxNonStarters = 30;       // UAX #15 §13, the Stream-Safe Text Format

}  // namespace

struct Normalizer::Impl {
  const icu::Normalizer2* nfkc_cf = nullptr;  // ICU-owned singleton, thread-safe
  std::string pool;
  std::vector<Entry> bmp;                            // 0x10000 entries
  std::unordered_map<char32_t, Entry> supplementary;  // only code points that change

  Entry Lookup(char32_t c) const {
    if (c < 0x10000) return bmp[c];
    auto it = supplementary.find(c);
    return it == supplementary.end() ? Entry{} : it->second;
  }

  // post(): digits to ASCII, the languages' letter folding and dropped
  // marks (internal::LetterFolding). Appends to |out|.
  static void AppendPost(char32_t c, std::string& out) {
    const char32_t folded = internal::LetterFolding::Get().Fold(c);
    if (folded == 0) return;
    if (const int v = internal::DigitValue(c); v >= 0) {
      out += static_cast<char>('0' + v);
      return;
    }
    internal::AppendUtf8(out, folded);
  }

  std::string_view FoldOf(char32_t c, const Entry& e, std::string& scratch) const;
  void BuildKey(std::string_view bytes, Span span, Key* key, bool want_offsets) const;
  // Sends bytes[piece] through ICU (composition, canonical order) and emits
  // the folded result, every key byte mapped to piece.begin.
  template <typename Builder>
  void EmitComposed(std::string_view bytes, Span piece, Builder& out, std::string& scratch) const;

  Entry Build(char32_t c, const icu::Transliterator& hant_hans, const icu::UnicodeSet& han_source) {
    Entry e;
    if (internal::IsSpace(c)) { e.flags = kSpace; return e; }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded;
    if (nfkc_cf->isInert(static_cast<UChar32>(c))) {
      folded = icu::UnicodeString(static_cast<UChar32>(c));
    } else {
      folded = nfkc_cf->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
      if (U_FAILURE(status)) folded = icu::UnicodeString(static_cast<UChar32>(c));
    }
    std::string out;
    for (int32_t i = 0; i < folded.length();) {
      UChar32 d = folded.char32At(i);
      i += U16_LENGTH(d);
      if (han_source.contains(d)) {
        // Character by character, as the brief asks: Hant-Hans phrase rules
        // would need context we do not have here.
        icu::UnicodeString one(d);
        hant_hans.transliterate(one);
        for (int32_t j = 0; j < one.length();) {
          UChar32 h = one.char32At(j);
          j += U16_LENGTH(h);
          AppendPost(static_cast<char32_t>(h), out);
        }
      } else {
        AppendPost(static_cast<char32_t>(d), out);
      }
    }
    uint8_t flags = 0;
    if (!nfkc_cf->hasBoundaryBefore(static_cast<UChar32>(c))) flags |= kNoBoundaryBefore;
    std::string self;
    internal::AppendUtf8(self, c);
    if (out == self) {
      e.flags = kIdentity | flags;
      return e;
    }
    e.flags = flags;
    e.offset = static_cast<uint32_t>(pool.size());
    e.size = static_cast<uint16_t>(out.size());
    pool += out;
    return e;
  }
};

Normalizer::Normalizer() : impl_(new Impl) {
  UErrorCode status = U_ZERO_ERROR;
  impl_->nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::unique_ptr<icu::Transliterator> hant_hans(
      icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
  // Both ship in ICU's data library, which we link; failing here means a
  // broken installation, and keys without them would silently differ.
  if (U_FAILURE(status) || !hant_hans || !impl_->nfkc_cf) std::abort();
  icu::UnicodeSet han_source;
  hant_hans->getSourceSet(han_source);
  impl_->bmp.resize(0x10000);
  for (char32_t c = 0; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    impl_->bmp[c] = impl_->Build(c, *hant_hans, han_source);
  }
  for (char32_t c = 0x10000; c <= 0x10FFFF; ++c) {
    const auto u = static_cast<UChar32>(c);
    if (impl_->nfkc_cf->isInert(u) && !han_source.contains(u) &&
        u_charType(u) != U_DECIMAL_DIGIT_NUMBER)
      continue;
    Entry e = impl_->Build(c, *hant_hans, han_source);
    if (e.flags != kIdentity) impl_->supplementary.emplace(c, e);
  }
}

Normalizer::~Normalizer() { delete impl_; }

const Normalizer& Normalizer::Get() {
  static const Normalizer* instance = new Normalizer();  // never destroyed: used at exit by other statics
  return *instance;
}

namespace {

// Builds a key incrementally; owns the white-space and ی+hamza rules.
class KeyBuilder {
 public:
  KeyBuilder(Key* key, bool want_offsets) : key_(key), want_offsets_(want_offsets) {}

  // Emits the folded bytes |fold| produced by the code point at |origin|.
  void Emit(std::string_view fold, uint32_t origin) {
    for (size_t i = 0; i < fold.size(); ++i) {
      const char b = fold[i];
      if (b == ' ') {
        if (!pending_space_) space_origin_ = origin;
        pending_space_ = true;
        continue;
      }
      // ئ from ی + hamza above: rewrite the ی already emitted.
      if (static_cast<unsigned char>(b) == 0xD9 && i + 1 < fold.size() &&
          static_cast<unsigned char>(fold[i + 1]) == 0x94 && !pending_space_ && EndsWithYeh()) {
        std::string& t = key_->text;
        t[t.size() - 2] = static_cast<char>(0xD8);
        t[t.size() - 1] = static_cast<char>(0xA6);
        ++i;
        continue;
      }
      if (pending_space_) {
        if (!key_->text.empty()) Push(' ', space_origin_);
        pending_space_ = false;
      }
      Push(b, origin);
    }
  }

  void Space(uint32_t origin) {
    if (!pending_space_) space_origin_ = origin;
    pending_space_ = true;
  }

  // A code point that produced key text or was a dropped mark ends here.
  void Contributed(uint32_t end) { contrib_end_ = end; }

  size_t size() const { return key_->text.size(); }
  // Forgets key bytes from |size| on (a segment being redone through ICU).
  void Truncate(size_t size, bool pending_space, uint32_t space_origin) {
    key_->text.resize(size);
    if (want_offsets_) key_->offsets.resize(size);
    pending_space_ = pending_space;
    space_origin_ = space_origin;
  }
  bool pending_space() const { return pending_space_; }
  uint32_t space_origin() const { return space_origin_; }

  void Finish(uint32_t span_begin) {
    if (want_offsets_) key_->offsets.push_back(key_->text.empty() ? span_begin : contrib_end_);
  }

 private:
  bool EndsWithYeh() const {
    const std::string& t = key_->text;
    return t.size() >= 2 && static_cast<unsigned char>(t[t.size() - 2]) == 0xDB &&
           static_cast<unsigned char>(t[t.size() - 1]) == 0x8C;
  }
  void Push(char b, uint32_t origin) {
    key_->text += b;
    if (want_offsets_) key_->offsets.push_back(origin);
  }

  Key* key_;
  bool want_offsets_;
  bool pending_space_ = false;
  uint32_t space_origin_ = 0;
  uint32_t contrib_end_ = 0;
};

}  // namespace

Key Normalizer::MakeKey(std::string_view bytes, Span span) const {
  Key key;
  impl_->BuildKey(bytes, span, &key, true);
  return key;
}

std::string Normalizer::KeyOf(std::string_view text) const {
  Key key;
  impl_->BuildKey(text, {0, text.size()}, &key, false);
  return std::move(key.text);
}

// The folded bytes of |c|; an identity entry is re-encoded into |scratch|.
std::string_view Normalizer::Impl::FoldOf(char32_t c, const Entry& e, std::string& scratch) const {
  if (e.flags & kIdentity) {
    scratch.clear();
    internal::AppendUtf8(scratch, c);
    return scratch;
  }
  return std::string_view(pool).substr(e.offset, e.size);
}

template <typename Builder>
void Normalizer::Impl::EmitComposed(std::string_view bytes, Span piece, Builder& out, std::string& scratch) const {
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString src = icu::UnicodeString::fromUTF8(
      icu::StringPiece(bytes.data() + piece.begin, static_cast<int32_t>(piece.size())));
  icu::UnicodeString composed = nfkc_cf->normalize(src, status);
  if (U_FAILURE(status)) composed = src;
  const auto origin = static_cast<uint32_t>(piece.begin);
  for (int32_t i = 0; i < composed.length();) {
    UChar32 d = composed.char32At(i);
    i += U16_LENGTH(d);
    const Entry de = Lookup(static_cast<char32_t>(d));
    if (de.flags & kSpace) { out.Space(origin); continue; }
    out.Emit(FoldOf(static_cast<char32_t>(d), de, scratch), origin);
  }
}

void Normalizer::Impl::BuildKey(std::string_view bytes, Span span, Key* key,
                                bool want_offsets) const {
  key->text.reserve(span.size());
  if (want_offsets) key->offsets.reserve(span.size() + 1);
  KeyBuilder out(key, want_offsets);
  std::string scratch;
  // Where the current normalisation segment started, in the input and in the key.
  size_t seg_begin = span.begin;
  size_t seg_key = 0;
  bool seg_pending = false;
  uint32_t seg_space_origin = 0;
  size_t pos = span.begin;
  while (pos < span.end) {
    const size_t start = pos;
    const auto b0 = static_cast<unsigned char>(bytes[pos]);
    char32_t c;
    if (b0 < 0x80) {
      c = b0;
      ++pos;
    } else {
      c = internal::DecodeUtf8(bytes, pos);
      if (pos > span.end) pos = span.end;  // a truncated sequence (the input was not UTF-8)
    }
    const Entry e = Lookup(c);
    const auto origin = static_cast<uint32_t>(start);
    if (e.flags & kNoBoundaryBefore && start > seg_begin) {
      // Redo the whole segment through ICU so that it composes (e + ◌́ → é).
      size_t seg_end = pos;
      while (seg_end < span.end) {
        size_t next = seg_end;
        char32_t d = internal::DecodeUtf8(bytes, next);
        if (!(Lookup(d).flags & kNoBoundaryBefore)) break;
        seg_end = std::min(next, span.end);
      }
      out.Truncate(seg_key, seg_pending, seg_space_origin);
      // The Stream-Safe Text Format (UAX #15 §13): after kMaxNonStarters
      // non-starters in a row, a U+034F COMBINING GRAPHEME JOINER (a
      // starter) is taken to stand before the next one. ICU's NFKC_Casefold
      // removes a CGJ before reordering, so the inserted joiner is realised
      // by normalising the pieces it separates one at a time: a piece never
      // holds more than kMaxNonStarters marks, and canonical reordering
      // (an insertion sort) stays linear however long the storm. The CGJ
      // is zero-width: a piece's key bytes map to the mark it starts with.
      // Real text never has 30 marks on one letter, so its keys are as before.
      size_t piece_begin = seg_begin;
      int non_starters = 0;
      for (size_t p = seg_begin; p < seg_end;) {
        size_t next = p;
        const char32_t d = internal::DecodeUtf8(bytes, next);
        if (u_getCombiningClass(static_cast<UChar32>(d)) == 0) {
          non_starters = 0;
        } else if (++non_starters > kMaxNonStarters) {
          EmitComposed(bytes, {piece_begin, p}, out, scratch);
          piece_begin = p;
          non_starters = 1;
        }
        p = std::min(next, seg_end);
      }
      EmitComposed(bytes, {piece_begin, seg_end}, out, scratch);
      out.Contributed(static_cast<uint32_t>(seg_end));
      pos = seg_end;
      continue;
    }
    if (!(e.flags & kNoBoundaryBefore)) {
      seg_begin = start;
      seg_key = out.size();
      seg_pending = out.pending_space();
      seg_space_origin = out.space_origin();
    }
    if (e.flags & kSpace) {
      out.Space(origin);
      continue;
    }
    if (c < 0x80 && (e.flags & kIdentity)) {
      const char ch = static_cast<char>(c);
      out.Emit(std::string_view(&ch, 1), origin);
    } else {
      out.Emit(FoldOf(c, e, scratch), origin);
    }
    out.Contributed(static_cast<uint32_t>(pos));
  }
  out.Finish(static_cast<uint32_t>(span.begin));
}

Span Key::OriginalSpan(size_t key_begin, size_t key_end) const {
  if (offsets.empty()) return {};
  key_end = std::min(key_end, text.size());
  key_begin = std::min(key_begin, key_end);
  if (key_begin == key_end) return {offsets[key_begin], offsets[key_begin]};
  const uint32_t last = offsets[key_end - 1];
  size_t j = key_end;
  // Several key bytes come from one code point (or one composed segment):
  // the span ends where the next contributing code point starts.
  while (j + 1 < offsets.size() && offsets[j] <= last) ++j;
  uint32_t end = offsets[j];
  if (end <= last) end = offsets.back();
  return {offsets[key_begin], std::max(end, last)};
}

}  // namespace align
