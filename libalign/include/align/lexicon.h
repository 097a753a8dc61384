// Termbases: concepts with their terms per language and the status of each.
//
// Reads the long TSV form (concept_id<TAB>lang<TAB>term<TAB>status<TAB>note
// [<TAB>kind], '#' comments) and TBX: v2 (martif/termEntry/langSet/tig|ntig) and v3
// (tbx/conceptEntry/langSec/termSec, namespaces urn:iso:std:iso:30042:ed-2
// and ed:3.0), TBX-Basic and TBX-Min. Writes TSV and TBX-Basic v3 or v2.
// A Lexicon is immutable once loaded and is shared read-only across threads.
//
// Rules shared by both formats (docs in README "Termbases"):
//  - languages are BCP 47 tags normalised by ParseLanguage (zh-Hans → zh);
//    terms in a language talign has no rules for (fr, de, ...) are skipped
//    without error, and Lint() reports how many were skipped;
//  - a term without a status is admitted;
//  - a term whose matching key (Normalizer::KeyOf) equals that of a term of
//    another concept in the same language is an error: a term names one concept;
//  - files above kMaxTermbaseBytes are refused before being read, and a TBX
//    file that declares entities (<!ENTITY ...>) is refused: nothing is expanded.
//
//   auto lexicon = align::Lexicon::Load("lexicons/official-terms.tsv");
//   if (!lexicon.ok()) return fail(lexicon.status());   // "FILE:LINE:COL: ..."
//   for (const align::Term& t : lexicon->terms()) ...
#pragma once

#include <array>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "align/text.h"

namespace align {

// The status of a term. Readers map other tools' vocabularies onto these:
// forbidden, notRecommended, bare "deprecated" → kDeprecated; obsolete → kSuperseded.
enum class TermStatus { kPreferred, kAdmitted, kDeprecated, kSuperseded };

std::string_view TermStatusName(TermStatus status);  // "preferred", ...
// Deprecated and superseded terms are flagged when used; the others are admitted renderings.
inline bool IsAdmitted(TermStatus s) { return s == TermStatus::kPreferred || s == TermStatus::kAdmitted; }

// What a concept is, for the checks that depend on it. A term (an official
// formula) must be rendered in every version; a name or a title need not be:
// translations drop a title on a second mention, write "Shehbaz" or "the
// Chinese president" for a full name, "China" for "the PRC". So missing-term
// is not reported for names and titles; deprecated and inconsistent
// renderings are, for every kind. TSV: the sixth column; TBX: a concept-level
// <descrip type="conceptKind">. A concept that states no kind is a term.
enum class ConceptKind {
  kTerm,   // an official formula: "community with a shared future"
  kName,   // a person, place, organisation or document: Xi Jinping, the SCO, the UN Charter
  kTitle,  // a title or office: President, State Councilor, ambassador
};
inline constexpr size_t kConceptKinds = 3;

std::string_view ConceptKindName(ConceptKind kind);  // "term", "name", "title"
// "term", "name" or "title" in any case; nullopt for anything else.
std::optional<ConceptKind> ParseConceptKind(std::string_view name);

struct Term {
  std::string text;        // as written in the termbase
  Language language = Language::kUnknown;
  TermStatus status = TermStatus::kAdmitted;
  std::string note;        // provenance, confidence, usage note
  uint32_t concept_index = 0;  // into Lexicon::concepts()
  uint32_t line = 0;       // 1-based line in the file it came from (0: unknown)
};

struct Concept {
  std::string id;                 // TSV concept_id, TBX conceptEntry/@id or termEntry/@id
  std::vector<uint32_t> terms;    // indices into Lexicon::terms(), in file order
  ConceptKind kind = ConceptKind::kTerm;
};

// Termbases larger than this are refused before a byte is read (on stdin,
// as soon as more arrives). The whole file is held in memory, the TBX reader
// builds a DOM (pugixml) beside it, and every term costs a Term plus a
// duplicate-check key: measured peaks are about 8-9 times the file size for
// term-dense files (31 MB TBX: 240 MB; 31 MB TSV with 840k terms: 290 MB),
// so 32 MiB keeps a load under the 300 MB budget of a pipeline run. That is
// still two orders of magnitude above a project termbase; an en/zh/ur extract
// of a large institutional termbase fits, a whole multi-language export of
// one must be filtered first.
inline constexpr size_t kMaxTermbaseBytes = size_t{32} << 20;

// One problem found while reading or linting, with where it is.
struct LexiconProblem {
  enum class Severity {
    kError,       // the file is not usable as it is; Load() fails with the first one
    kWarning,     // usable, but probably not what was meant (no preferred term, ...)
    kUnreadable,  // the file could not be read at all (missing, too big); line is 0
  };
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;
  Severity severity = Severity::kError;
  // "FILE:LINE:COL: message", "FILE:LINE:COL: warning: message", or
  // "FILE: message" when there is no line.
  std::string ToString() const;
};

// Counts for `talign lexicon stats`.
struct LexiconStats {
  struct PerLanguage {
    Language language = Language::kUnknown;
    size_t concepts = 0;                 // concepts with at least one term in it
    size_t terms = 0;
    std::array<size_t, 4> by_status{};   // indexed by TermStatus
    size_t concepts_without_preferred = 0;
  };
  size_t concepts = 0;
  size_t terms = 0;
  std::array<size_t, kConceptKinds> by_kind{};  // concepts, indexed by ConceptKind
  std::vector<PerLanguage> languages;  // en, zh, ur order; only languages with terms
};

class Lexicon {
 public:
  // Loads TSV (.tsv, .txt) or TBX (.tbx, .xml; other names are sniffed:
  // content starting with '<' is TBX). "-" reads standard input.
  // The first problem that makes the file unusable is returned as a
  // kDataError whose message is LexiconProblem::ToString().
  static StatusOr<Lexicon> Load(const std::string& path);
  // The bundled default termbase, lexicons/official-terms.tsv.
  static StatusOr<Lexicon> LoadDefault();
  // Reads bytes already in memory; |name| is used in messages.
  static StatusOr<Lexicon> ParseTsv(std::string_view bytes, const std::string& name);
  static StatusOr<Lexicon> ParseTbx(std::string_view bytes, const std::string& name);
  // The problems of bytes already in memory (what Lint() does after reading).
  static std::vector<LexiconProblem> LintBytes(std::string_view bytes, const std::string& name,
                                               bool tbx);

  // Every problem of a file, not only the first (for `talign lexicon lint`).
  static std::vector<LexiconProblem> Lint(const std::string& path);

  // Several termbases used as layers, earlier first. A concept id met again
  // adds the later layer's terms to that concept (and a kind other than
  // "term" replaces the earlier kind); a term met again in the same concept
  // takes the later layer's status and note, with a warning in |warnings|
  // when the status changes. A term of two different concepts is an error
  // naming both files: a term names one concept.
  static StatusOr<Lexicon> Merge(const std::vector<Lexicon>& lexicons,
                                 std::vector<LexiconProblem>* warnings = nullptr);
  // The bundled termbase (when |with_default|) and then |paths|, loaded and
  // merged as layers. An empty result when neither gives a file.
  static StatusOr<Lexicon> LoadLayers(const std::vector<std::string>& paths, bool with_default,
                                      std::vector<LexiconProblem>* warnings = nullptr);

  const std::vector<Concept>& concepts() const { return concepts_; }
  const std::vector<Term>& terms() const { return terms_; }
  const std::vector<std::string>& sources() const { return sources_; }  // files it came from

  // The preferred terms of |concept_index| in |language| (may be empty).
  std::vector<const Term*> Preferred(uint32_t concept_index, Language language) const;
  // The index of the concept with |id|, if there is one.
  std::optional<uint32_t> FindConcept(std::string_view id) const;

  LexiconStats Stats() const;

  Status WriteTsv(std::ostream& out) const;
  // TBX-Basic: |version| 3 (ISO 30042:2019, namespace ed-2) or 2 (ISO
  // 30042:2008, <martif>, for readers that predate v3); kInvalidArgument
  // for any other.
  Status WriteTbx(std::ostream& out, int version = 3) const;

 private:
  friend class LexiconBuilder;
  std::vector<Concept> concepts_;
  std::vector<Term> terms_;
  std::vector<std::string> sources_;
  std::map<std::string, uint32_t, std::less<>> concept_by_id_;
};

}  // namespace align
