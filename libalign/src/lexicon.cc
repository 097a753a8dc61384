// The Lexicon itself: loading (format choice, size bound, encoding checks),
// the checks that need the whole termbase, merging, lookups and counts.
#include "align/lexicon.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include <fmt/format.h>

#include "align/resources.h"
#include "lexicon_builder.h"

namespace align {

std::string_view TermStatusName(TermStatus status) {
  switch (status) {
    case TermStatus::kPreferred: return "preferred";
    case TermStatus::kAdmitted: return "admitted";
    case TermStatus::kDeprecated: return "deprecated";
    case TermStatus::kSuperseded: return "superseded";
  }
  return "admitted";
}

std::string_view ConceptKindName(ConceptKind kind) {
  switch (kind) {
    case ConceptKind::kTerm: return "term";
    case ConceptKind::kName: return "name";
    case ConceptKind::kTitle: return "title";
  }
  return "term";
}

std::optional<ConceptKind> ParseConceptKind(std::string_view name) {
  std::string lower;
  for (char c : name) lower += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  for (ConceptKind kind : {ConceptKind::kTerm, ConceptKind::kName, ConceptKind::kTitle})
    if (lower == ConceptKindName(kind)) return kind;
  return std::nullopt;
}

std::string LexiconProblem::ToString() const {
  if (line == 0) return fmt::format("{}: {}", file, message);
  return fmt::format("{}:{}:{}: {}{}", file, line, column,
                     severity == Severity::kWarning ? "warning: " : "", message);
}

// ---------------------------------------------------------------- builder

LexiconBuilder::LexiconBuilder(std::string file, std::string_view bytes)
    : file_(std::move(file)), lines_(bytes) {
  lexicon_.sources_.push_back(file_);
}

void LexiconBuilder::Error(uint32_t line, uint32_t column, std::string message, StatusCode code) {
  LexiconProblem p{file_, line, column, std::move(message), LexiconProblem::Severity::kError};
  if (first_error_code_ == StatusCode::kOk) {
    first_error_code_ = code;
    first_error_ = p.ToString();
  }
  problems_.push_back(std::move(p));
}

void LexiconBuilder::Warning(uint32_t line, uint32_t column, std::string message) {
  problems_.push_back({file_, line, column, std::move(message), LexiconProblem::Severity::kWarning});
}

std::optional<uint32_t> LexiconBuilder::FindConcept(std::string_view id) const {
  return lexicon_.FindConcept(id);
}

uint32_t LexiconBuilder::AddConcept(std::string id, uint32_t line, uint32_t column) {
  auto index = static_cast<uint32_t>(lexicon_.concepts_.size());
  auto stated = kinds_.find(id);
  const ConceptKind kind = stated == kinds_.end() ? ConceptKind::kTerm : stated->second.kind;
  lexicon_.concept_by_id_.emplace(id, index);
  lexicon_.concepts_.push_back({std::move(id), {}, kind});
  concept_positions_.push_back({line, column});
  return index;
}

void LexiconBuilder::StateKind(std::string_view id, ConceptKind kind, uint32_t line, uint32_t column) {
  auto [it, fresh] = kinds_.try_emplace(std::string(id), StatedKind{kind, line, column});
  if (!fresh) {
    if (it->second.kind != kind) {
      Error(line, column,
            fmt::format("concept '{}' is stated to be a {} here and a {} at line {}; a concept has one kind",
                        id, ConceptKindName(kind), ConceptKindName(it->second.kind), it->second.line));
    }
    return;
  }
  if (std::optional<uint32_t> c = lexicon_.FindConcept(id)) lexicon_.concepts_[*c].kind = kind;
}

void LexiconBuilder::AddTerm(uint32_t concept_index, Language language, std::string text,
                             TermStatus status, std::string note, uint32_t line, uint32_t column) {
  std::string key = fmt::format("{}\t{}", LanguageCode(language), TermKey(text));
  auto [it, fresh] = seen_terms_.try_emplace(std::move(key), Where{concept_index, line, column});
  if (!fresh) {
    const Where& first = it->second;
    const std::string& first_id = lexicon_.concepts_[first.concept_index].id;
    if (first.concept_index != concept_index) {
      Error(line, column,
            fmt::format("duplicate term '{}' ({}): already a term of concept '{}' at line {}; "
                        "a term must name one concept",
                        text, LanguageCode(language), first_id, first.line));
    } else {
      Warning(line, column,
              fmt::format("term '{}' ({}) is listed twice in concept '{}' (first at line {})", text,
                          LanguageCode(language), first_id, first.line));
    }
    return;
  }
  auto index = static_cast<uint32_t>(lexicon_.terms_.size());
  lexicon_.terms_.push_back({std::move(text), language, status, std::move(note), concept_index, line});
  lexicon_.concepts_[concept_index].terms.push_back(index);
  term_columns_.push_back(column);
}

void LexiconBuilder::SkipLanguage(std::string_view tag, uint32_t line, uint32_t column,
                                  size_t terms) {
  for (Skipped& s : skipped_) {
    if (s.tag == tag) {
      s.terms += terms;
      return;
    }
  }
  skipped_.push_back({std::string(tag), line, column, terms});
}

namespace {
// "en, zh or ur": the languages of the registry, for messages.
std::string KnownLanguages() {
  std::string codes = Languages().Codes();
  const size_t last = codes.rfind(", ");
  return last == std::string::npos ? codes : codes.substr(0, last) + " or " + codes.substr(last + 2);
}
}  // namespace

void LexiconBuilder::RequireTerms(std::string_view bytes, bool tbx) {
  if (has_errors() || !lexicon_.terms_.empty()) return;
  size_t first = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  first = bytes.find_first_not_of(" \t\r\n", first);
  if (first == std::string_view::npos) return;
  LineIndex::Position p = lines_.At(first);
  // Terms that were there but in languages talign cannot use would be lost
  // without a word: an error. A file with no entry at all (only a header and
  // comments, as talign writes an empty termbase) is an empty termbase that
  // lint warns about, so that what talign writes always reads back.
  if (!skipped_.empty()) {
    Error(p.line, p.column, fmt::format("no terms in {}, the languages talign has rules for", KnownLanguages()));
  } else if (tbx) {
    Warning(p.line, p.column, "no terms: the file has no <conceptEntry> (or <termEntry>) with a term");
  } else {
    Warning(p.line, p.column,
            "no terms: every line is blank, a comment or the header (expected "
            "concept_id<TAB>lang<TAB>term<TAB>status lines)");
  }
}

void LexiconBuilder::FinishChecks() {
  if (finished_) return;
  finished_ = true;
  for (const Skipped& s : skipped_) {
    Warning(s.line, s.column,
            fmt::format("language '{}' is not one talign has rules for ({}); "
                        "{} term{} in it ignored",
                        s.tag, Languages().Codes(), s.terms, s.terms == 1 ? "" : "s"));
  }
  for (size_t c = 0; c < lexicon_.concepts_.size(); ++c) {
    const Concept& entry = lexicon_.concepts_[c];
    for (const LanguageInfo& info : Languages().all()) {
      const Language language = info.id;
      std::vector<uint32_t> preferred;
      bool any = false;
      for (uint32_t t : entry.terms) {
        const Term& term = lexicon_.terms_[t];
        if (term.language != language) continue;
        any = true;
        if (term.status == TermStatus::kPreferred) preferred.push_back(t);
      }
      if (!any) continue;
      if (preferred.empty()) {
        Warning(concept_positions_[c].line, concept_positions_[c].column,
                fmt::format("concept '{}' has no preferred term in {}", entry.id,
                            LanguageCode(language)));
      } else if (preferred.size() > 1) {
        const Term& second = lexicon_.terms_[preferred[1]];
        Warning(second.line, term_columns_[preferred[1]],
                fmt::format("concept '{}' has {} preferred terms in {} ('{}' at line {} is the first)",
                            entry.id, preferred.size(), LanguageCode(language),
                            lexicon_.terms_[preferred[0]].text, lexicon_.terms_[preferred[0]].line));
      }
    }
  }
}

StatusOr<Lexicon> LexiconBuilder::Build() {
  if (has_errors()) return Status(first_error_code_, first_error_);
  return std::move(lexicon_);
}

std::vector<LexiconProblem> LexiconBuilder::TakeProblems() {
  // Warnings need a complete file; after a fatal XML error there is nothing to check.
  if (!finished_) FinishChecks();
  std::stable_sort(problems_.begin(), problems_.end(),
                   [](const LexiconProblem& a, const LexiconProblem& b) {
                     return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                   });
  return std::move(problems_);
}

std::vector<uint32_t> TermsInWriteOrder(const Lexicon& lexicon, const Concept& concept_entry) {
  std::vector<Language> order;
  for (uint32_t t : concept_entry.terms) {
    Language l = lexicon.terms()[t].language;
    if (std::find(order.begin(), order.end(), l) == order.end()) order.push_back(l);
  }
  std::vector<uint32_t> out;
  out.reserve(concept_entry.terms.size());
  for (Language l : order)
    for (uint32_t t : concept_entry.terms)
      if (lexicon.terms()[t].language == l) out.push_back(t);
  return out;
}

// ---------------------------------------------------------------- loading

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  for (size_t i = 0; i < suffix.size(); ++i) {
    char c = s[s.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

bool LooksLikeTbx(const std::string& name, std::string_view bytes) {
  if (EndsWith(name, ".tbx") || EndsWith(name, ".xml")) return true;
  if (EndsWith(name, ".tsv") || EndsWith(name, ".txt")) return false;
  size_t i = bytes.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  while (i < bytes.size() && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' ||
                              bytes[i] == '\n'))
    ++i;
  return i < bytes.size() && bytes[i] == '<';
}

// Encoding and size checks both formats share; false when reading must stop.
bool CheckBytes(std::string_view bytes, LexiconBuilder& builder) {
  if (bytes.size() > kMaxTermbaseBytes) {
    builder.Error(0, 0,
                  fmt::format("{} bytes is more than the {} MiB a termbase may have; split or "
                              "filter it (e.g. keep only en, zh and ur)",
                              bytes.size(), kMaxTermbaseBytes >> 20),
                  StatusCode::kResourceLimit);
    return false;
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    builder.Error(1, 1, "the file is UTF-16; termbases must be UTF-8 (convert it, e.g. with iconv)");
    return false;
  }
  if (auto bad = FindInvalidUtf8(bytes)) {
    LineIndex::Position p = builder.PositionOf(*bad);
    builder.Error(p.line, p.column, fmt::format("byte {}: invalid UTF-8 (termbases must be UTF-8)", *bad));
    return false;
  }
  return true;
}

void Read(std::string_view bytes, LexiconBuilder& builder, bool tbx) {
  if (!CheckBytes(bytes, builder)) return;
  if (tbx)
    ReadTbx(bytes, builder);
  else
    ReadTsv(bytes, builder);
  builder.RequireTerms(bytes, tbx);
}

// The bytes of |path|, refusing files above the limit before reading them.
StatusOr<std::string> ReadBounded(const std::string& path) {
  std::string bytes;
  if (path == "-") {
    char buf[1 << 16];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      bytes.append(buf, static_cast<size_t>(std::cin.gcount()));
      if (bytes.size() > kMaxTermbaseBytes)
        return ResourceLimit(fmt::format("<stdin>: more than the {} MiB a termbase may have",
                                         kMaxTermbaseBytes >> 20));
    }
    if (std::cin.bad()) return IoError("<stdin>: read error");
    return bytes;
  }
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    int err = errno;
    if (err == ENOENT) return NotFound(fmt::format("{}: no such file", path));
    return IoError(fmt::format("{}: cannot open: {}", path, std::strerror(err)));
  }
  if (S_ISDIR(st.st_mode)) return IoError(fmt::format("{}: is a directory", path));
  if (S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > kMaxTermbaseBytes) {
    return ResourceLimit(fmt::format(
        "{}: {} bytes is more than the {} MiB a termbase may have; split or filter it "
        "(e.g. keep only en, zh and ur)",
        path, st.st_size, kMaxTermbaseBytes >> 20));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return IoError(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    bytes.append(buf, static_cast<size_t>(in.gcount()));
    // Pipes and devices have no size to check up front.
    if (bytes.size() > kMaxTermbaseBytes)
      return ResourceLimit(fmt::format("{}: more than the {} MiB a termbase may have", path,
                                       kMaxTermbaseBytes >> 20));
  }
  if (in.bad()) return IoError(fmt::format("{}: read error", path));
  return bytes;
}

StatusOr<Lexicon> Parse(std::string_view bytes, const std::string& name, bool tbx) {
  LexiconBuilder builder(name, bytes);
  Read(bytes, builder, tbx);
  return builder.Build();
}

}  // namespace

StatusOr<Lexicon> Lexicon::ParseTsv(std::string_view bytes, const std::string& name) {
  return Parse(bytes, name, false);
}

StatusOr<Lexicon> Lexicon::ParseTbx(std::string_view bytes, const std::string& name) {
  return Parse(bytes, name, true);
}

StatusOr<Lexicon> Lexicon::Load(const std::string& path) {
  StatusOr<std::string> bytes = ReadBounded(path);
  if (!bytes.ok()) return bytes.status();
  const std::string name = path == "-" ? "<stdin>" : path;
  return Parse(*bytes, name, LooksLikeTbx(path, *bytes));
}

StatusOr<Lexicon> Lexicon::LoadDefault() {
  StatusOr<std::string> path = FindDataFile("lexicons/official-terms.tsv");
  if (!path.ok()) return path.status();
  return Load(*path);
}

std::vector<LexiconProblem> Lexicon::LintBytes(std::string_view bytes, const std::string& name,
                                               bool tbx) {
  LexiconBuilder builder(name, bytes);
  Read(bytes, builder, tbx);
  std::vector<LexiconProblem> problems = builder.TakeProblems();
  for (LexiconProblem& p : problems)
    if (p.line == 0) p.severity = LexiconProblem::Severity::kUnreadable;
  return problems;
}

std::vector<LexiconProblem> Lexicon::Lint(const std::string& path) {
  StatusOr<std::string> bytes = ReadBounded(path);
  const std::string name = path == "-" ? "<stdin>" : path;
  if (!bytes.ok()) {
    // ReadBounded's messages already start with the file name.
    std::string message = bytes.status().message();
    if (message.rfind(name + ": ", 0) == 0) message.erase(0, name.size() + 2);
    return {{name, 0, 0, std::move(message), LexiconProblem::Severity::kUnreadable}};
  }
  return LintBytes(*bytes, name, LooksLikeTbx(path, *bytes));
}

// ---------------------------------------------------------------- use

std::vector<const Term*> Lexicon::Preferred(uint32_t concept_index, Language language) const {
  std::vector<const Term*> out;
  if (concept_index >= concepts_.size()) return out;
  for (uint32_t t : concepts_[concept_index].terms) {
    const Term& term = terms_[t];
    if (term.language == language && term.status == TermStatus::kPreferred) out.push_back(&term);
  }
  return out;
}

std::optional<uint32_t> Lexicon::FindConcept(std::string_view id) const {
  auto it = concept_by_id_.find(id);
  if (it == concept_by_id_.end()) return std::nullopt;
  return it->second;
}

LexiconStats Lexicon::Stats() const {
  LexiconStats stats;
  stats.concepts = concepts_.size();
  stats.terms = terms_.size();
  for (const Concept& c : concepts_) ++stats.by_kind[static_cast<size_t>(c.kind)];
  for (const LanguageInfo& info : Languages().all()) {
    const Language language = info.id;
    LexiconStats::PerLanguage per;
    per.language = language;
    for (const Concept& c : concepts_) {
      bool any = false, preferred = false;
      for (uint32_t t : c.terms) {
        const Term& term = terms_[t];
        if (term.language != language) continue;
        any = true;
        ++per.terms;
        ++per.by_status[static_cast<size_t>(term.status)];
        preferred |= term.status == TermStatus::kPreferred;
      }
      if (any) ++per.concepts;
      if (any && !preferred) ++per.concepts_without_preferred;
    }
    if (per.terms > 0) stats.languages.push_back(per);
  }
  return stats;
}

}  // namespace align
