// Which Chinese script a text is written in, and Simplified terms shown in
// Traditional characters for it. Matching needs neither (keys fold
// Traditional to Simplified, normalize.cc); reports do: a reviewer of a
// Traditional document should be shown renderings he can paste.
#pragma once

#include <string>
#include <string_view>

namespace align::internal {

// Whether |text| is in Traditional characters: it has more Han characters
// that only Traditional writes (changed by ICU Hant-Hans) than characters
// that only Simplified writes (changed by Hans-Hant). Characters both
// scripts share do not vote, so a text of shared characters is Simplified.
bool IsTraditionalChinese(std::string_view text);

// |text| in Traditional characters (ICU Hans-Hant, with its phrase rules:
// 发展 → 發展, 头发 → 頭髮). Text that is not Chinese comes back as it was.
std::string ToTraditional(std::string_view text);

}  // namespace align::internal
