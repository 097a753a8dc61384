// Internal pieces of the HTML report (report_html*.cc).
#pragma once

#include <string>
#include <string_view>

namespace align::html_internal {

// The page's style sheet and script (report_html_template.cc): constant, so
// that the Content-Security-Policy can name the script by its hash.
std::string_view Style();
std::string_view Script();

// |text| escaped for HTML element content and attribute values (& < > " '),
// with characters HTML forbids (C0 controls but tab and line ends, U+FFFE,
// U+FFFF) replaced by U+FFFD.
std::string Escape(std::string_view text);

}  // namespace align::html_internal
