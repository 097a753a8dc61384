// Translator: Boost.Locale's gettext reader over the catalogs built from po/.
#include "align/i18n.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <fmt/args.h>

#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>

#include "align/resources.h"
#include "align/text.h"

namespace align {
namespace {

constexpr std::string_view kDomain = "talign";

bool Known(const std::string& primary) {
  for (const std::string& l : UiLanguages()) {
    if (l == primary) return true;
  }
  return false;
}

// The directory holding LANG/LC_MESSAGES/talign.mo: the data directories of
// resources.h first (TALIGN_DATA_DIR, source tree, install prefix), then the
// build tree, where the catalogs are compiled.
StatusOr<std::string> CatalogRoot(const std::string& language) {
  const std::string relative = "locale/" + language + "/LC_MESSAGES/" + std::string(kDomain) + ".mo";
  StatusOr<std::string> found = FindDataFile(relative);
  std::string looked = found.ok() ? "" : found.status().message();
  if (found.ok()) {
    std::string path = *found;
    return path.substr(0, path.size() - (relative.size() - std::string("locale").size()));
  }
#ifdef TALIGN_BUILD_LOCALE_DIR
  std::error_code ec;
  const std::filesystem::path built = std::filesystem::path(TALIGN_BUILD_LOCALE_DIR) / language /
                                      "LC_MESSAGES" / (std::string(kDomain) + ".mo");
  if (std::filesystem::is_regular_file(built, ec)) return std::string(TALIGN_BUILD_LOCALE_DIR);
  looked += "; " + built.string();
#endif
  return NotFound("no message catalog for UI language '" + language + "': " + looked);
}

}  // namespace

const std::vector<std::string>& UiLanguages() {
  static const std::vector<std::string> languages = {"en", "zh", "ur"};
  return languages;
}

std::string UiLanguageFromEnvironment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value == nullptr || *value == '\0') continue;
    std::string_view v(value);
    if (v == "C" || v == "POSIX" || v.starts_with("C.")) return "en";
    std::string primary = PrimaryLanguageSubtag(v);
    return Known(primary) ? primary : "en";
  }
  return "en";
}

Translator::Translator() : locale_(std::locale::classic()) {}

StatusOr<Translator> Translator::Create(std::string_view language) {
  std::string primary;
  if (language.empty()) {
    primary = UiLanguageFromEnvironment();
  } else {
    primary = PrimaryLanguageSubtag(language);
    if (!Known(primary)) {
      return InvalidArgument("unknown UI language '" + std::string(language) +
                             "' (available: en, zh, ur)");
    }
  }
  Translator t;
  t.language_ = primary;
  t.rtl_ = primary == "ur";
  if (primary == "en") return t;

  StatusOr<std::string> root = CatalogRoot(primary);
  if (!root.ok()) {
    // The environment asked, not the user: English is an answer, not an error.
    if (language.empty()) return Translator();
    return root.status();
  }
  try {
    boost::locale::generator gen;
    // Only messages are needed: the std backend does not require the
    // language's locale to be installed on the system.
    gen.use_ansi_encoding(false);
    gen.add_messages_path(*root);
    gen.add_messages_domain(std::string(kDomain));
    t.locale_ = gen(primary + ".UTF-8");
  } catch (const std::exception& e) {
    return NotFound("cannot load the message catalog for '" + primary + "' from " + *root + ": " +
                    e.what());
  }
  t.catalog_ = true;
  return t;
}

std::string Translator::Translate(std::string_view msgid) const {
  std::string id(msgid);
  if (!catalog_) return id;
  return boost::locale::translate(id).str(locale_);
}

std::string Translator::TranslatePlural(std::string_view singular, std::string_view plural,
                                        uint64_t n) const {
  std::string one(singular), many(plural);
  if (!catalog_) return n == 1 ? one : many;
  // Boost.Locale takes an int count; counts in a report never come close.
  const int count = n > 1000000000 ? 1000000000 : static_cast<int>(n);
  return boost::locale::translate(one, many, count).str(locale_);
}

}  // namespace align

namespace align {

std::string Translator::FormatArgs(const std::string& pattern, const std::vector<std::string>& args) {
  fmt::dynamic_format_arg_store<fmt::format_context> store;
  for (const std::string& a : args) store.push_back(a);
  try {
    return fmt::vformat(pattern, store);
  } catch (const fmt::format_error&) {
    return pattern;
  }
}

}  // namespace align
