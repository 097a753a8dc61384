// The language of the user interface: the CLI's messages and the headings of
// the reports (text and HTML), in English, Chinese or Urdu.
//
//   auto ui = align::Translator::Create("ur");          // or "" for the environment
//   if (!ui.ok()) return fail(ui.status());
//   std::string heading = ui->Translate("Findings");    // "نتائج"
//   std::string line = ui->Format(ui->TranslatePlural("{} finding", "{} findings", n), n);
//
// Messages are GNU gettext catalogs (po/*.po, compiled to .mo at build time)
// read through Boost.Locale. msgids are the English strings; an untranslated
// msgid comes back as it is, so English needs no catalog. Placeholders are
// fmt's "{}", kept in every translation (tests check that they are).
// A Translator is immutable once built and may be shared across threads.
// Adding a language: po/README.md.
#pragma once

#include <cstdint>
#include <locale>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "align/status.h"

namespace align {

class Translator {
 public:
  // English, without catalogs.
  Translator();

  // The UI in |language|, a BCP 47 tag ("en", "zh", "zh-Hans", "ur-PK"; '_'
  // and a ".UTF-8" suffix accepted). An empty tag takes the first of
  // LC_ALL, LC_MESSAGES and LANG that is set and not "C"/"POSIX", and falls
  // back to English without error when that names a language talign has no
  // catalog for. An explicit tag that is not one of UiLanguages() is
  // kInvalidArgument; a catalog that cannot be found or read is kNotFound
  // naming the places looked in.
  static StatusOr<Translator> Create(std::string_view language);

  // "en", "zh" or "ur".
  const std::string& language() const { return language_; }
  // True when the UI is written right to left (Urdu).
  bool rtl() const { return rtl_; }

  // The translation of |msgid|, or |msgid| itself when the catalog has none.
  std::string Translate(std::string_view msgid) const;
  // The form of |singular|/|plural| for |n| under the language's plural rule.
  std::string TranslatePlural(std::string_view singular, std::string_view plural, uint64_t n) const;

  // fmt::format with a translated pattern. A pattern that does not fit its
  // arguments (a broken translation) gives the pattern itself, never throws.
  template <typename... Args>
  static std::string Format(const std::string& pattern, const Args&... args) {
    try {
      return fmt::format(fmt::runtime(pattern), args...);
    } catch (const fmt::format_error&) {
      return pattern;
    }
  }
  // The same with arguments known at run time (a finding's message_args).
  static std::string FormatArgs(const std::string& pattern, const std::vector<std::string>& args);

 private:
  std::string language_ = "en";
  bool rtl_ = false;
  bool catalog_ = false;  // false: English, Translate() is the identity
  std::locale locale_;
};

// The UI languages with catalogs, "en" first: {"en", "zh", "ur"}.
const std::vector<std::string>& UiLanguages();

// The UI language named by the environment (LC_ALL, LC_MESSAGES, LANG), as
// one of UiLanguages(); "en" when none is set or the named one has no catalog.
std::string UiLanguageFromEnvironment();

}  // namespace align
