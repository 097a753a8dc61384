#include "cli_i18n.h"

#include "align/terminal_text.h"

#include <iostream>
#include <optional>

namespace talign_cli {
namespace {

std::string& Chosen() {
  static std::string ui_lang;
  return ui_lang;
}

}  // namespace

void AddUiLangOption(CLI::App& app) {
  app.add_option("--ui-lang", Chosen(),
                 "Language of messages and report headings: en, zh or ur (default: from LC_ALL, "
                 "LC_MESSAGES or LANG)")
      ->check([](const std::string& tag) -> std::string {
        auto t = align::Translator::Create(tag);
        if (!t.ok() && t.status().code() == align::StatusCode::kInvalidArgument) return t.status().message();
        return "";
      });
}

const align::Translator& Ui() {
  static const align::Translator ui = [] {
    auto t = align::Translator::Create(Chosen());
    if (t.ok()) return std::move(*t);
    std::cerr << "talign: warning: " << align::TerminalSafe(t.status().message()) << "; messages in English\n";
    return align::Translator();
  }();
  return ui;
}

std::string Tr(std::string_view msgid) { return Ui().Translate(msgid); }

}  // namespace talign_cli
