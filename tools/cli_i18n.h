// The UI language of the CLI: --ui-lang, else the locale (LC_ALL,
// LC_MESSAGES, LANG). Messages and report headings come out in it.
#pragma once

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "align/i18n.h"

namespace talign_cli {

// Adds "--ui-lang LANG" (en, zh, ur) to |app|; may be added to several
// (sub)commands, all of which set the one process-wide choice.
void AddUiLangOption(CLI::App& app);

// The translator for the chosen UI language, built on first use. A catalog
// that cannot be loaded gives a warning on stderr and English.
const align::Translator& Ui();

// Ui().Translate(msgid).
std::string Tr(std::string_view msgid);

}  // namespace talign_cli
