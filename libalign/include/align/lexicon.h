// Termbases: concepts with their terms per language and the status of each.
//
// Reads the long TSV form (concept_id<TAB>lang<TAB>term<TAB>status<TAB>note,
// '#' comments) and TBX: v2 (martif/termEntry/langSet/tig|ntig) and v3
// (tbx/conceptEntry/langSec/termSec, namespaces urn:iso:std:iso:30042:ed-2
// and ed:3.0), TBX-Basic and TBX-Min. Writes TSV and TBX-Basic v3.
// A Lexicon is immutable once loaded and is shared read-only across threads.
//
//   auto lexicon = align::Lexicon::Load("lexicons/official-terms.tsv");
//   if (!lexicon.ok()) return fail(lexicon.status());   // "FILE:LINE:COL: ..."
//   for (const align::Term& t : lexicon->terms()) ...
#pragma once

#include <cstdint>
#include <iosfwd>
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
};

// One problem found while reading or linting, with where it is.
struct LexiconProblem {
  std::string file;
  uint32_t line = 0;
  uint32_t column = 0;
  std::string message;
  std::string ToString() const;  // "FILE:LINE:COL: message"
};

class Lexicon {
 public:
  // Loads TSV (.tsv, .txt) or TBX (.tbx, .xml; also sniffed from content).
  // The first problem that makes the file unusable is returned as a
  // kDataError whose message is LexiconProblem::ToString().
  static StatusOr<Lexicon> Load(const std::string& path);
  // The bundled default termbase, lexicons/official-terms.tsv.
  static StatusOr<Lexicon> LoadDefault();
  // Reads bytes already in memory; |name| is used in messages.
  static StatusOr<Lexicon> ParseTsv(std::string_view bytes, const std::string& name);
  static StatusOr<Lexicon> ParseTbx(std::string_view bytes, const std::string& name);

  // Every problem of a file, not only the first (for `talign lexicon lint`).
  static std::vector<LexiconProblem> Lint(const std::string& path);

  // Several termbases used together; concept ids must not clash.
  static StatusOr<Lexicon> Merge(const std::vector<Lexicon>& lexicons);

  const std::vector<Concept>& concepts() const { return concepts_; }
  const std::vector<Term>& terms() const { return terms_; }
  const std::vector<std::string>& sources() const { return sources_; }  // files it came from

  // The preferred terms of |concept_index| in |language| (may be empty).
  std::vector<const Term*> Preferred(uint32_t concept_index, Language language) const;

  Status WriteTsv(std::ostream& out) const;
  Status WriteTbx(std::ostream& out) const;  // TBX-Basic v3, namespace ed-2

 private:
  friend class LexiconBuilder;
  std::vector<Concept> concepts_;
  std::vector<Term> terms_;
  std::vector<std::string> sources_;
};

}  // namespace align
