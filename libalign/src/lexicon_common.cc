// Small pieces both termbase readers use: positions, status vocabulary,
// white space, the duplicate key, and language fields.
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "align/language.h"
#include "align/normalize.h"
#include "lexicon_builder.h"

namespace align {

LineIndex::LineIndex(std::string_view bytes) : bytes_(bytes) {
  // LF, CR LF and a lone CR (old Mac files) each end a line, as in XML.
  line_starts_.push_back(0);
  size_t pos = 0;
  while ((pos = bytes.find_first_of("\r\n", pos)) != std::string_view::npos) {
    if (bytes[pos] == '\r' && pos + 1 < bytes.size() && bytes[pos + 1] == '\n') ++pos;
    line_starts_.push_back(++pos);
  }
}

LineIndex::Position LineIndex::At(size_t offset) const {
  offset = std::min(offset, bytes_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  size_t line = static_cast<size_t>(it - line_starts_.begin());  // 1-based
  size_t start = line_starts_[line - 1];
  uint32_t column = 1;
  for (size_t i = start; i < offset; ++i)
    if ((static_cast<unsigned char>(bytes_[i]) & 0xC0) != 0x80) ++column;
  return {static_cast<uint32_t>(line), column};
}

std::string TermKey(std::string_view text) {
  // The matcher compares keys, so two terms with one key are one term to it:
  // case, width, Traditional/Simplified and Urdu letter variants included.
  return Normalizer::Get().KeyOf(text);
}

std::optional<TermStatus> ParseStatusVocabulary(std::string_view value) {
  // Compare on lower-case letters only: "preferredTerm-admn-sts",
  // "PreferredTermAdmnSts" and "preferred term admn sts" are one spelling.
  std::string k;
  for (char c : value) {
    if (c >= 'A' && c <= 'Z') k += static_cast<char>(c - 'A' + 'a');
    else if (c >= 'a' && c <= 'z') k += c;
  }
  if (k.size() > 11 && k.compare(k.size() - 7, 7, "admnsts") == 0) k.resize(k.size() - 7);
  static const std::pair<std::string_view, TermStatus> kNames[] = {
      {"preferred", TermStatus::kPreferred},     {"preferredterm", TermStatus::kPreferred},
      // ISO 12620 normative statuses: all mean "use this one".
      {"standardizedterm", TermStatus::kPreferred}, {"legalterm", TermStatus::kPreferred},
      {"regulatedterm", TermStatus::kPreferred},  {"admitted", TermStatus::kAdmitted},
      {"admittedterm", TermStatus::kAdmitted},    {"deprecated", TermStatus::kDeprecated},
      {"deprecatedterm", TermStatus::kDeprecated}, {"notrecommended", TermStatus::kDeprecated},
      {"forbidden", TermStatus::kDeprecated},     {"forbiddenterm", TermStatus::kDeprecated},
      {"donotuse", TermStatus::kDeprecated},      {"superseded", TermStatus::kSuperseded},
      {"supersededterm", TermStatus::kSuperseded}, {"obsolete", TermStatus::kSuperseded},
      {"obsoleteterm", TermStatus::kSuperseded},
  };
  for (const auto& [name, status] : kNames)
    if (k == name) return status;
  return std::nullopt;
}

std::string CollapseSpace(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      pending = !out.empty();
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += c;
  }
  return out;
}

}  // namespace align

namespace align {
namespace {

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

// "Chinese (PRC)" → "chinese", "Simplified Chinese" → "chinese": the names
// CAT tools and spreadsheets write in a language column.
std::string BareLanguageName(std::string_view field) {
  std::string name = CollapseSpace(field.substr(0, field.find('(')));
  name = LowerAscii(name);
  for (std::string_view prefix : {"simplified ", "traditional ", "standard ", "modern "}) {
    if (name.rfind(prefix, 0) == 0) name.erase(0, prefix.size());
  }
  return name;
}

}  // namespace

TermbaseLanguage ReadTermbaseLanguage(std::string_view field) {
  TermbaseLanguage out;
  const std::string name = BareLanguageName(field);
  for (const LanguageInfo& info : Languages().all()) {
    if (!name.empty() && name == LowerAscii(info.name)) {
      out.language = info.id;
      return out;
    }
  }
  if (!IsWellFormedLanguageTag(field)) {
    out.error = fmt::format("malformed language tag '{}' (expected BCP 47, such as en, zh-Hans, ur-PK)", field);
    return out;
  }
  out.language = ParseLanguage(field);
  if (out.language) return out;
  // A primary subtag of two or three letters is a language talign has no
  // rules for (fr, deu): skipped, and lint says so. A longer one is a name
  // it cannot map ("French", "Deutsch"): dropping its terms without a word
  // would lose them, so it is an error.
  const size_t primary = field.find_first_of("-_");
  if ((primary == std::string_view::npos ? field.size() : primary) <= 3) {
    out.skip = true;
    return out;
  }
  std::string names;
  for (const LanguageInfo& info : Languages().all()) names += (names.empty() ? "" : ", ") + info.name;
  out.error = fmt::format("language '{}' is not a BCP 47 code nor a name talign maps ({}); write a code such as {}",
                          field, names, Languages().Codes());
  return out;
}

}  // namespace align
