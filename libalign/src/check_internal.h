// Shared by the checker's passes (check*.cc): where sentences are in the
// beads, the text of a bead side, places and the fault rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "align/check.h"
#include "align/aligner.h"
#include "coverage.h"
#include "numbers.h"

namespace align::internal {

// The numbers of each sentence of each version: [version][sentence].
using VersionNumbers = std::vector<std::vector<std::vector<NumberMention>>>;

class CheckContext {
 public:
  CheckContext(const AlignResult& aligned, const std::vector<std::vector<TermHit>>& hits,
               const VersionNumbers& numbers, const TermMatcher& matcher, const CheckConfig& config);

  const AlignResult& aligned;
  const std::vector<std::vector<TermHit>>& hits;
  // Read once per sentence with the hits (analysis.h), never again by a pass.
  const VersionNumbers& numbers;
  const TermMatcher& matcher;
  const Lexicon& lexicon;  // matcher.lexicon()
  const CheckConfig& config;
  // Reads versions into one vocabulary through the dictionaries; null when
  // the check has none.
  const Glossary* glossary = nullptr;

  size_t versions() const { return aligned.versions.size(); }
  const std::vector<Bead>& beads() const { return aligned.alignment.beads; }
  Language language(size_t v) const { return aligned.versions[v].language; }
  // Whether version |v| is Chinese written in Traditional characters: terms
  // shown to its reviewer (expected renderings) are then converted.
  bool traditional(size_t v) const { return traditional_[v]; }
  const SentenceRange& side(size_t bead, size_t v) const { return beads()[bead].sides[v]; }
  // The bead that holds sentence |s| of version |v|.
  size_t BeadOf(size_t v, size_t s) const { return bead_of_[v][s]; }
  // Indices into hits[v] of the hits in bead |bead| of version |v|.
  const std::vector<size_t>& HitsIn(size_t bead, size_t v) const { return hits_by_bead_[v][bead]; }
  // Text as written, line breaks inside it (hard wrapping) read as one space.
  std::string Text(size_t v, Span span) const;
  std::string SideText(size_t bead, size_t v) const;
  // The sentences of |bead| in version |v|, with |spans| (may be empty).
  FindingPlace Place(size_t bead, size_t v, std::vector<Span> spans = {}) const;
  // Places in every version with a non-empty side, |own| replacing version own.version's.
  std::vector<FindingPlace> Places(size_t bead, FindingPlace own) const;
  // The source version, resolved: the configured one, else -1.
  int source() const { return config.source_version; }
  // LengthScales(*this), read once for the passes that scale bead lengths.
  const std::vector<double>& length_scales() const;

 private:
  mutable std::optional<std::vector<double>> length_scales_;
  std::vector<std::vector<size_t>> bead_of_;
  std::vector<bool> traditional_;
  std::vector<std::vector<std::vector<size_t>>> hits_by_bead_;  // [v][bead] → indices into hits[v]
};

// Check() on versions already analysed (RunCheck): the same findings, from
// the numbers the analysis read instead of new keys.
// |glossary| (may be null) reads the versions through the dictionaries
// for the clause omissions.
StatusOr<std::vector<Finding>> CheckAnalysed(const AlignResult& aligned,
                                             const std::vector<std::vector<TermHit>>& hits,
                                             const VersionNumbers& numbers, const TermMatcher& matcher,
                                             const CheckConfig& config, const Glossary* glossary = nullptr);

// Letters of |text|, a Han character counting |han_weight|: the length the
// omission rules compare.
size_t Letters(std::string_view text, size_t han_weight);
// Each version's length (letters + 1 per sentence) relative to the first's:
// what a bead's lengths are scaled by. Over the whole document, or over the
// beads the dictionaries show rendered both ways where the document's ratio
// is far from theirs (CheckConfig::faithful_*).
std::vector<double> LengthScales(const CheckContext& ctx);

// The clauses of |sentence| in |text|: spans between clause ends (commas,
// semicolons, colons, full stops in the three scripts; a comma or full stop
// between two non-spaces, as in 3.5 or U.S., ends nothing), each with its
// closing punctuation, spaces trimmed; empty clauses left out.
std::vector<Span> Clauses(std::string_view text, Span sentence);

// Sets f->message to |pattern| filled with |args|, and keeps both so that a
// report can give the message in its UI language. |pattern| must be a string
// literal: po/update.sh extracts it for the catalogs (keyword SetMessage:2).
void SetMessage(Finding* f, const char* pattern, std::vector<std::string> args);

// The severity a finding of |type| gets (its row of FindingTypes()), and
// one level less, for the milder case of a type (check.h, FindingTypeInfo).
Severity DefaultSeverity(FindingType type);
Severity Milder(Severity severity);

// The passes, named by the registry of finding types (check.cc).
void CheckTerms(const CheckContext& ctx, std::vector<Finding>* out);
void CheckInconsistency(const CheckContext& ctx, std::vector<Finding>* out);
void CheckNumbers(const CheckContext& ctx, std::vector<Finding>* out);
void CheckOmissions(const CheckContext& ctx, std::vector<Finding>* out);
// Several missing terms of one bead and version become one omission of the
// clauses that hold them (check_clauses.cc).
void MergeMissingTermsIntoClauses(const CheckContext& ctx, std::vector<Finding>* findings);
// Missing terms that two versions name in nearby beads cancel out (check_clauses.cc).
void DropTermsMovedNearby(const CheckContext& ctx, std::vector<Finding>* findings);
// Missing terms in beads whose sides hardly render each other are dropped
// (CheckConfig::missing_term_min_rendered; check_clauses.cc).
void DropTermsInUnrenderedBeads(const CheckContext& ctx, std::vector<Finding>* findings);
// The share of version |from|'s dictionary words in |bead| that |to|'s side
// renders, or a negative number when they are fewer than clause_min_units
// (check_omissions.cc; ctx.glossary must be set).
double RenderedShare(const CheckContext& ctx, size_t bead, size_t from, size_t to);
// Sentences that one version gives at another place (check_moves.cc):
// their omission and addition findings become one moved finding.
void FindMoves(const CheckContext& ctx, std::vector<Finding>* findings);
// Clauses of a bead whose words have no translation in another version's
// side, where the rest of the bead has (check_coverage.cc).
void FindUncoveredClauses(const CheckContext& ctx, std::vector<Finding>* findings);
// Per bead: whether it holds two whole paragraphs of version v (or o)
// against one of the other, in a pair whose paragraphs otherwise
// correspond one to one (check_paragraphs.cc; all false for presegmented
// input and when paragraph_min_agreeing is 0).
std::vector<bool> ExtraParagraphBeads(const CheckContext& ctx, size_t v, size_t o);
// Whether sentence |s| of version |v| is a paragraph of its own.
bool AloneInParagraph(const CheckContext& ctx, size_t v, size_t s);
// Removes the findings whose index is marked in |drop|, keeping the order
// (check_clauses.cc).
void RemoveMarked(const std::vector<bool>& drop, std::vector<Finding>* findings);
// A number that a version lacks only because it lacks the clause or
// sentence that holds it is that omission, not a second finding
// (check_numbers.cc).
void DropNumbersOfOmissions(const CheckContext& ctx, std::vector<Finding>* findings);

}  // namespace align::internal
