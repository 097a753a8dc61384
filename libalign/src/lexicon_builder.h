// Internal: what the TSV and TBX readers share. Readers walk their format
// and hand concepts and terms to a LexiconBuilder, which keeps every problem
// with its position, checks what needs the whole file (duplicate terms,
// preferred terms per language) and produces the immutable Lexicon.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "align/lexicon.h"
#include "align/status.h"

namespace align {

// Line and column (1-based, column in code points) of byte offsets in one
// buffer, with a line table built once so positions cost O(log lines).
// LF, CR LF and a lone CR each end a line.
class LineIndex {
 public:
  explicit LineIndex(std::string_view bytes);
  struct Position {
    uint32_t line = 0;
    uint32_t column = 0;
  };
  Position At(size_t offset) const;

 private:
  std::string_view bytes_;
  std::vector<size_t> line_starts_;
};

// The key two terms are compared by when looking for duplicates.
std::string TermKey(std::string_view text);

// Every status spelling readers accept (TBX administrativeStatus with and
// without the -admn-sts suffix, normativeAuthorization, TBX-Min's
// preferred/admitted/notRecommended/obsolete, and other tools' variants such as
// forbidden, "do not use", deprecatedTermAdmnSts), case- and punctuation-blind.
std::optional<TermStatus> ParseStatusVocabulary(std::string_view value);


// The language of a termbase's language field: a BCP 47 tag, or a language
// name as CAT tools and spreadsheets export it ("English", "Chinese (PRC)",
// "Simplified Chinese", "Urdu"), mapped. Exactly one of: |language| set;
// |skip| (a well-formed code of a language talign has no rules for);
// |error| (malformed, or a name it cannot map: never silently dropped).
struct TermbaseLanguage {
  std::optional<Language> language;
  bool skip = false;
  std::string error;
};
TermbaseLanguage ReadTermbaseLanguage(std::string_view field);

// Trims ASCII white space at both ends and turns inner runs of it into one space.
std::string CollapseSpace(std::string_view text);

class LexiconBuilder {
 public:
  LexiconBuilder(std::string file, std::string_view bytes);

  const std::string& file() const { return file_; }
  LineIndex::Position PositionOf(size_t offset) const { return lines_.At(offset); }

  void Error(uint32_t line, uint32_t column, std::string message,
             StatusCode code = StatusCode::kDataError);
  void Warning(uint32_t line, uint32_t column, std::string message);
  bool has_errors() const { return first_error_code_ != StatusCode::kOk; }

  std::optional<uint32_t> FindConcept(std::string_view id) const;
  // Appends a new concept; the caller checks that |id| is new.
  uint32_t AddConcept(std::string id, uint32_t line, uint32_t column);
  // A kind stated for concept |id| at line:column. Kept by id, since a row
  // may state it before the concept has a term (or on a row of a language
  // that is skipped); a second, different kind for one id is an error there.
  void StateKind(std::string_view id, ConceptKind kind, uint32_t line, uint32_t column);
  // Checks |text| against earlier terms (duplicates) and appends it.
  void AddTerm(uint32_t concept_index, Language language, std::string text, TermStatus status,
               std::string note, uint32_t line, uint32_t column);
  // A term in a language talign has no rules for; reported once per tag by Lint.
  void SkipLanguage(std::string_view tag, uint32_t line, uint32_t column, size_t terms);
  // After reading: a file with content but not one term (every line
  // malformed, only comments, a TBX without entries, only languages talign
  // has no rules for) is an error, so that lint never calls it clean. A
  // file of only white space is an empty termbase.
  void RequireTerms(std::string_view bytes, bool tbx);

  // Whole-file checks, then the lexicon or the first error as a Status.
  StatusOr<Lexicon> Build();
  // Whole-file checks, then every problem, sorted by position.
  std::vector<LexiconProblem> TakeProblems();

 private:
  struct Where {
    uint32_t concept_index;
    uint32_t line;
    uint32_t column;
  };
  struct StatedKind {
    ConceptKind kind;
    uint32_t line, column;
  };
  struct Skipped {
    std::string tag;
    uint32_t line, column;
    size_t terms;
  };
  void FinishChecks();

  std::string file_;
  LineIndex lines_;
  Lexicon lexicon_;
  std::vector<LineIndex::Position> concept_positions_;
  std::vector<uint32_t> term_columns_;
  std::unordered_map<std::string, Where> seen_terms_;  // language code + key → first use
  std::vector<Skipped> skipped_;
  std::unordered_map<std::string, StatedKind> kinds_;  // concept id → first kind stated
  std::vector<LexiconProblem> problems_;
  StatusCode first_error_code_ = StatusCode::kOk;
  std::string first_error_;
  bool finished_ = false;
};

// The order both writers use: per concept, languages in order of first
// appearance, and the terms of a language in file order. Writing TSV and TBX
// the same way is what makes TSV → TBX → TSV byte-identical.
std::vector<uint32_t> TermsInWriteOrder(const Lexicon& lexicon, const Concept& concept_entry);

// The readers behind ParseTsv/ParseTbx, reporting into |builder|.
void ReadTsv(std::string_view bytes, LexiconBuilder& builder);
void ReadTbx(std::string_view bytes, LexiconBuilder& builder);

}  // namespace align
