// First cut: ICU sentence breaks inside paragraphs. The rule pass of
// rules/<lang>.rules comes next.
#include "align/segment.h"

#include <mutex>

#include <fmt/format.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

namespace align {
namespace {

class IcuSegmenter final : public Segmenter {
 public:
  IcuSegmenter(Language language, std::unique_ptr<icu::BreakIterator> prototype)
      : language_(language), prototype_(std::move(prototype)) {}

  Language language() const override { return language_; }

  std::vector<Sentence> Split(const Document& doc) const override {
    std::unique_ptr<icu::BreakIterator> it;
    {
      std::lock_guard<std::mutex> lock(mu_);
      it.reset(prototype_->clone());
    }
    std::vector<Sentence> out;
    const std::string_view bytes = doc.bytes();
    size_t paragraph = 0;
    for (Span p : doc.Paragraphs()) {
      UErrorCode status = U_ZERO_ERROR;
      UText* ut = utext_openUTF8(nullptr, bytes.data() + p.begin, static_cast<int64_t>(p.size()), &status);
      it->setText(ut, status);
      int32_t start = it->first();
      for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
        Span s = TrimSpan(bytes, {p.begin + static_cast<size_t>(start), p.begin + static_cast<size_t>(end)});
        if (!s.empty()) out.push_back({s, paragraph});
      }
      utext_close(ut);
      ++paragraph;
    }
    return out;
  }

 private:
  Language language_;
  mutable std::mutex mu_;
  std::unique_ptr<icu::BreakIterator> prototype_;
};

}  // namespace

StatusOr<std::shared_ptr<const Segmenter>> Segmenter::Create(Language language,
                                                             const SegmenterOptions&) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(std::string(LanguageCode(language)).c_str());
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createSentenceInstance(locale, status));
  if (U_FAILURE(status)) return Internal(fmt::format("ICU sentence iterator: {}", u_errorName(status)));
  return std::shared_ptr<const Segmenter>(std::make_shared<IcuSegmenter>(language, std::move(it)));
}

std::vector<Sentence> SplitLines(const Document& doc) {
  std::vector<Sentence> out;
  const std::string_view bytes = doc.bytes();
  size_t begin = doc.content_begin();
  size_t line = 0;
  while (begin < bytes.size()) {
    size_t nl = bytes.find('\n', begin);
    size_t end = nl == std::string_view::npos ? bytes.size() : nl;
    out.push_back({TrimSpan(bytes, {begin, end}), line++});
    begin = nl == std::string_view::npos ? bytes.size() : nl + 1;
  }
  return out;
}

}  // namespace align
