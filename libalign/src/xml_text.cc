// Character references of XML text (xml_text.h).
#include "xml_text.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include <fmt/format.h>

#include "utf8.h"

namespace align::internal {
namespace {

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

}  // namespace

std::optional<BadReference> AppendDecoded(std::string_view raw, std::string& out) {
  static constexpr std::pair<std::string_view, char> kPredefined[] = {
      {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&apos;", '\''}, {"&quot;", '"'}};
  size_t i = 0;
  while (i < raw.size()) {
    const size_t amp = raw.find('&', i);
    out.append(raw.substr(i, amp == std::string_view::npos ? amp : amp - i));
    if (amp == std::string_view::npos) break;
    i = amp + 1;
    bool predefined = false;
    for (const auto& [name, c] : kPredefined) {
      if (raw.substr(amp, name.size()) == name) {
        out += c;
        i = amp + name.size();
        predefined = true;
        break;
      }
    }
    if (predefined) continue;
    if (raw.substr(amp, 2) != "&#") {
      out += '&';
      continue;
    }
    // &#DIGITS; or &#xHEX; (lower-case x, as XML has it).
    const bool hex = raw.substr(amp, 3) == "&#x";
    size_t d = amp + (hex ? 3 : 2);
    uint64_t value = 0;
    const size_t digits_begin = d;
    for (; d < raw.size() && (hex ? IsHexDigit(raw[d]) : (raw[d] >= '0' && raw[d] <= '9')); ++d) {
      const char c = raw[d];
      const unsigned digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
      // Saturates: any value past U+10FFFF is refused the same way.
      value = std::min<uint64_t>(value * (hex ? 16 : 10) + digit, 0x110000);
    }
    if (d == digits_begin || d >= raw.size() || raw[d] != ';') {
      out += '&';
      continue;
    }
    std::string_view reference = raw.substr(amp, d + 1 - amp);
    std::string quoted = reference.size() <= 24
                             ? std::string(reference)
                             : fmt::format("{}...;", reference.substr(0, 20));
    if (value > 0x10FFFF) {
      return BadReference{amp, fmt::format("character reference '{}' is above U+10FFFF, the last "
                                           "Unicode code point",
                                           quoted)};
    }
    if (value >= 0xD800 && value <= 0xDFFF) {
      return BadReference{amp, fmt::format("character reference '{}' is U+{:04X}, a surrogate, "
                                           "which is not a character",
                                           quoted, value)};
    }
    internal::AppendUtf8(out, static_cast<char32_t>(value));
    i = d + 1;
  }
  return std::nullopt;
}

}  // namespace align::internal
