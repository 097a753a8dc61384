// Text from the user's data made safe to print on a terminal.
//
// File names, concept ids, terms and document text reach stdout and stderr
// in every text output. A control character in them must not drive the
// terminal (an ESC sequence can recolour, retitle or rewrite the screen) nor
// forge a line of output (a file name with a newline in it). Every text
// writer, in the library and in the CLI, passes such text through
// TerminalSafe; JSON, TSV, TMX and HTML outputs have escaping of their own.
//
//   std::cerr << "talign: " << align::TerminalSafe(path) << ": no such file\n";
#pragma once

#include <string>
#include <string_view>

namespace align {

// What TerminalSafe does with tab, LF and CR (every other control character
// is always escaped).
enum class TerminalBreaks {
  kEscape,        // written \t, \n, \r: one unambiguous line (names, ids, messages)
  kSpace,         // tab, LF, CR and CR LF each become one space (a quoted sentence)
  kSpaceKeepTab,  // line breaks become one space, tabs stay (one sentence per line)
};

// |text| with C0 controls and DEL written as \xHH (\x1B for ESC), C1 controls
// (U+0080..U+009F) as \u0085, and bytes that are not UTF-8 as \xHH; tab, LF and
// CR as |breaks| says. Everything else, backslashes included, is unchanged.
std::string TerminalSafe(std::string_view text, TerminalBreaks breaks = TerminalBreaks::kEscape);

}  // namespace align
