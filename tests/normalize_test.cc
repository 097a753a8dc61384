#include "align/normalize.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "utf8.h"

namespace align {
namespace {

struct KeyCase {
  const char* name;
  std::string input;
  std::string key;
};

class KeyTable : public ::testing::TestWithParam<KeyCase> {};

TEST_P(KeyTable, FoldsAsSpecified) {
  const KeyCase& c = GetParam();
  EXPECT_EQ(Normalizer::Get().KeyOf(c.input), c.key) << c.name;
  Key key = Normalizer::Get().MakeKey(c.input, {0, c.input.size()});
  EXPECT_EQ(key.text, c.key) << c.name;
  EXPECT_EQ(key.offsets.size(), key.text.size() + 1) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Normalize, KeyTable,
    ::testing::Values(
        KeyCase{"english_case", "Belt and Road INITIATIVE", "belt and road initiative"},
        KeyCase{"german_sharp_s_casefold", "STRASSE Straße", "strasse strasse"},
        KeyCase{"fullwidth_latin_digits", "ＣＰＥＣ２０２６", "cpec2026"},
        KeyCase{"fullwidth_punct", "（一带一路）", "(一带一路)"},
        KeyCase{"halfwidth_katakana", "ｶﾀｶﾅ", "カタカナ"},
        KeyCase{"traditional_to_simplified", "一帶一路倡議", "一带一路倡议"},
        KeyCase{"traditional_community", "人類命運共同體", "人类命运共同体"},
        KeyCase{"simplified_unchanged", "人类命运共同体", "人类命运共同体"},
        KeyCase{"cjk_compat_ideograph", "\uF900", "岂"},
        KeyCase{"urdu_extended_digits", "۲۰۲۶", "2026"},
        KeyCase{"arabic_indic_digits", "٢٠٢٦", "2026"},
        KeyCase{"devanagari_digits", "२०२६", "2026"},
        KeyCase{"arabic_yeh_to_urdu_yeh", "پاكستاني", "پاکستانی"},
        KeyCase{"alef_maksura", "\u0649", "ی"},
        KeyCase{"arabic_heh_to_heh_goal", "\u0647", "ہ"},
        KeyCase{"teh_marbuta", "\u0629", "ۃ"},
        KeyCase{"yeh_hamza_sequence", "\u06CC\u0654", "ئ"},
        KeyCase{"arabic_yeh_hamza_nfc", "\u064A\u0654", "ئ"},
        KeyCase{"precomposed_yeh_hamza", "\u0626", "ئ"},
        KeyCase{"harakat_dropped", "مُحَمَّد", "محمد"},
        KeyCase{"khari_zabar_dropped", "عیسیٰ", "عیسی"},
        KeyCase{"tatweel_dropped", "پاکـــستان", "پاکستان"},
        KeyCase{"zwnj_dropped", "می\u200Cخواہم", "میخواہم"},
        KeyCase{"zwj_lrm_rlm_dropped", "a\u200Db\u200Ec\u200Fd", "abcd"},
        KeyCase{"presentation_form_kaf", "\uFEDB", "ک"},
        KeyCase{"presentation_form_yeh", "\uFEF3", "ی"},
        KeyCase{"allah_ligature", "\uFDF2", "اللہ"},
        KeyCase{"lam_alef_ligature", "\uFEFB", "لا"},
        KeyCase{"whitespace_runs", "  a \t\n b\u3000\u00A0c  ", "a b c"},
        KeyCase{"space_around_dropped_mark", "a \u200C b", "a b"},
        KeyCase{"combining_accent_composes", "cafe\u0301", "café"},
        KeyCase{"precomposed_accent", "CAFÉ", "café"},
        KeyCase{"ligature_fi", "ﬁnance", "finance"},
        KeyCase{"circled_digit", "①", "1"},
        KeyCase{"supplementary_math_bold", "\U0001D400", "a"},
        KeyCase{"supplementary_digit", "\U0001D7D9", "1"},
        KeyCase{"empty", "", ""}),
    [](const ::testing::TestParamInfo<KeyCase>& info) { return std::string(info.param.name); });

TEST(Normalize, OffsetsPointAtTheOriginal) {
  const std::string text = "ＣＰＥＣ ２.０";
  Key key = Normalizer::Get().MakeKey(text, {0, text.size()});
  ASSERT_EQ(key.text, "cpec 2.0");
  // 'c' comes from the 3-byte Ｃ at 0, ' ' from byte 12, '2' from ２ at 13.
  EXPECT_EQ(key.offsets[0], 0u);
  EXPECT_EQ(key.offsets[1], 3u);
  EXPECT_EQ(key.offsets[4], 12u);
  EXPECT_EQ(key.offsets[5], 13u);
  EXPECT_EQ(key.offsets.back(), text.size());
  EXPECT_EQ(key.OriginalSpan(0, 4), (Span{0, 12}));
  EXPECT_EQ(key.OriginalSpan(5, 8), (Span{13, text.size()}));
}

TEST(Normalize, OffsetsRespectTheSpanWithinTheBytes) {
  const std::string bytes = "xx 一帶一路 yy";
  const size_t begin = bytes.find("一");
  const size_t end = bytes.find(" yy");
  Key key = Normalizer::Get().MakeKey(bytes, {begin, end});
  EXPECT_EQ(key.text, "一带一路");
  EXPECT_EQ(key.offsets.front(), begin);
  EXPECT_EQ(key.offsets.back(), end);
  EXPECT_EQ(key.OriginalSpan(3, 6), (Span{begin + 3, begin + 6}));  // 帶 → 带
}

TEST(Normalize, ExpansionMapsToTheWholeCodePoint) {
  const std::string text = "x\uFDF2y";  // ﷲ expands to four letters
  Key key = Normalizer::Get().MakeKey(text, {0, text.size()});
  ASSERT_EQ(key.text, "xاللہy");
  // Any part of the expansion maps back to the 3-byte ligature at 1.
  EXPECT_EQ(key.OriginalSpan(1, 3), (Span{1, 4}));
  EXPECT_EQ(key.OriginalSpan(3, 9), (Span{1, 4}));
  EXPECT_EQ(key.OriginalSpan(9, 10), (Span{4, 5}));
}

TEST(Normalize, DroppedMarksStayWithTheirLetter) {
  const std::string text = "بَت";
  Key key = Normalizer::Get().MakeKey(text, {0, text.size()});
  ASSERT_EQ(key.text, "بت");
  EXPECT_EQ(key.OriginalSpan(0, 2), (Span{0, 4}));  // ب and its fatha
}

// A letter carrying a storm of combining marks of alternating canonical
// classes: ICU's canonical reordering is an insertion sort, quadratic in
// the run (300,000 marks took many minutes). Keys follow the Stream-Safe
// Text Format (UAX #15 §13): after 30 non-starters a CGJ is taken to stand
// before the next mark, so each piece of at most 30 marks is composed on its
// own and maps back to the mark that starts it.
std::string Storm(size_t n, const char* a, const char* b) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i % 2 ? b : a;
  return out;
}

std::string IcuKey(const std::string& piece) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
  std::string out;
  nfkc_cf->normalize(icu::UnicodeString::fromUTF8(piece), status).toUTF8String(out);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

TEST(Normalize, CombiningMarkStormsAreStreamSafe) {
  constexpr size_t kMarks = 300000;
  for (const char* letter : {"a", "中"}) {
    const std::string prefix = std::string("X") + letter;
    const std::string storm = Storm(kMarks, "\u0301", "\u0316");  // ccc 230, 220
    const std::string text = prefix + storm + " end";
    Key key = Normalizer::Get().MakeKey(text, {0, text.size()});
    // x, then each piece folded alone: the letter with its first 30 marks,
    // then 30 marks at a time (each mark is 2 bytes).
    std::string want = "x";
    std::vector<std::pair<size_t, size_t>> pieces;  // [begin, end) bytes in text
    size_t begin = 1;
    for (size_t end = prefix.size() + 60; begin < prefix.size() + storm.size(); begin = end, end += 60) {
      end = std::min(end, prefix.size() + storm.size());
      pieces.push_back({begin, end});
      want += IcuKey(text.substr(begin, end - begin));
    }
    want += " end";
    ASSERT_EQ(key.text.size(), want.size()) << letter;
    ASSERT_TRUE(key.text == want) << letter;
    // Every key byte of a piece maps to the piece's first byte (the CGJ is
    // zero-width), and the whole storm back to exactly its bytes.
    size_t k = 1;
    for (const auto& [b, e] : pieces) {
      const size_t size = IcuKey(text.substr(b, e - b)).size();
      for (size_t i = 0; i < size; ++i, ++k) ASSERT_EQ(key.offsets[k], b) << letter << " key byte " << k;
    }
    EXPECT_EQ(key.OriginalSpan(1, k), (Span{1, prefix.size() + storm.size()})) << letter;
  }
  // At most 30 marks: one piece, composed as a whole, as always.
  const std::string short_storm = "a" + Storm(30, "\u0301", "\u0316");
  EXPECT_EQ(Normalizer::Get().KeyOf(short_storm), IcuKey(short_storm));
}

TEST(Normalize, HarakatStormsStayWithTheirLetter) {
  // Urdu harakat (shadda, fatha) are dropped from keys: a storm of them on
  // one letter leaves the letter, which maps back to the letter and its marks.
  const std::string storm = Storm(300000, "\u0651", "\u064E");
  const std::string text = "ب" + storm + " ہے";
  Key key = Normalizer::Get().MakeKey(text, {0, text.size()});
  ASSERT_EQ(key.text, "ب ہے");
  EXPECT_EQ(key.OriginalSpan(0, 2), (Span{0, 2 + storm.size()}));
  EXPECT_EQ(key.OriginalSpan(3, key.text.size()), (Span{3 + storm.size(), text.size()}));
}

// Random strings over an alphabet of every kind of fold: the span that
// OriginalSpan gives for each key code point starts and ends on code point
// boundaries of the original, and its own key contains that code point.
TEST(Normalize, OriginalSpanReproducesTheSourceCodePoints) {
  const std::vector<std::string> alphabet = {
      "a", "Q", "Ｑ", "５", "٣", "۷", "帶", "国", "體", "ي", "ك", "ه", "ة", "ی", "\u0654", "\u064E",
      "\u0670", "ـ", "\u200C", "\u200F", " ", "\t", "\u3000", "\uFDF2", "\uFEFB", "e", "\u0301",
      "ß", "ﬁ", "\U0001D400", "。", "۔", "\r\n"};
  std::mt19937 rng(7);
  const Normalizer& norm = Normalizer::Get();
  for (int round = 0; round < 500; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 20);
    for (int i = 0; i < n; ++i) text += alphabet[rng() % alphabet.size()];
    Key key = norm.MakeKey(text, {0, text.size()});
    ASSERT_EQ(key.offsets.size(), key.text.size() + 1);
    ASSERT_EQ(key.text, norm.KeyOf(text));
    for (size_t i = 1; i < key.offsets.size(); ++i) ASSERT_LE(key.offsets[i - 1], key.offsets[i]) << text;
    size_t kb = 0;
    while (kb < key.text.size()) {
      size_t ke = kb;
      internal::DecodeUtf8(key.text, ke);
      const std::string cp = key.text.substr(kb, ke - kb);
      Span s = key.OriginalSpan(kb, ke);
      ASSERT_LT(s.begin, s.end) << text;
      ASSERT_LE(s.end, text.size());
      ASSERT_NE(static_cast<unsigned char>(text[s.begin]) & 0xC0, 0x80) << text;
      ASSERT_TRUE(s.end == text.size() || (static_cast<unsigned char>(text[s.end]) & 0xC0) != 0x80) << text;
      const std::string back = norm.KeyOf(std::string_view(text).substr(s.begin, s.size()));
      if (cp == " ") {
        // A collapsed space points at white space (a combining mark after
        // a space, which NFKC keeps apart, may come along).
        size_t p = s.begin;
        EXPECT_TRUE(internal::IsSpace(internal::DecodeUtf8(text, p))) << text;
      } else {
        EXPECT_NE(back.find(cp), std::string::npos) << "text=" << text << " cp=" << cp << " back=" << back;
      }
      kb = ke;
    }
  }
}

// The contract asks for UTF-8, but a truncated or broken sequence must not
// make the key builder read outside the span (ASan checks this build).
TEST(Normalize, BrokenUtf8StaysInsideTheSpan) {
  const std::vector<std::string> inputs = {"a\xE4\xB8", "e\xCC", "\xF0\x9F", "\xFF\xFE", "x\xCC\x81\xCC"};
  for (const std::string& in : inputs) {
    std::unique_ptr<char[]> exact(new char[in.size()]);
    std::memcpy(exact.get(), in.data(), in.size());
    Key key = Normalizer::Get().MakeKey(std::string_view(exact.get(), in.size()), {0, in.size()});
    EXPECT_EQ(key.offsets.size(), key.text.size() + 1);
    for (uint32_t o : key.offsets) EXPECT_LE(o, in.size());
  }
}

TEST(Normalize, ConcurrentUseGivesTheSameKeys) {
  const std::string text = "一帶一路 ＣＰＥＣ ٢٠٢٦ پاكستان cafe\u0301 ی\u0654";
  const std::string expected = Normalizer::Get().KeyOf(text);
  std::vector<std::thread> threads;
  std::vector<int> bad(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 2000; ++i)
        if (Normalizer::Get().MakeKey(text, {0, text.size()}).text != expected) ++bad[t];
    });
  }
  for (auto& th : threads) th.join();
  for (int b : bad) EXPECT_EQ(b, 0);
}

}  // namespace
}  // namespace align
