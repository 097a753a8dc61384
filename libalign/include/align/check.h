// The divergence checker: findings from the beads of an alignment and the
// termbase hits of every version.
//
//   auto aligned = align::RunAlign(job);                      // pipeline.h
//   auto findings = align::Check(*aligned, hits, *matcher, align::CheckConfig{});
//   for (const align::Finding& f : *findings) ...             // report.h writes them
//
// Precision first: a finding a careful reviser would reject is a defect, so
// every finding is tied to the evidence that supports it (spans in every
// version involved) and says what was expected.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "align/match.h"
#include "align/status.h"

namespace align {

struct AlignResult;  // aligner.h

// The finding types (docs/reports.md; their names are fixed). Everything
// else about a type (its name, severity, label, description, switch and
// pass) is its row of FindingTypes() below: a new type is an enumerator
// here, a row in check.cc, its pass and the translations of its label.
enum class FindingType {
  kDeprecatedTerm,    // "deprecated-term"
  kMissingTerm,       // "missing-term"
  kInconsistentTerm,  // "inconsistent-term"
  kNumberMismatch,    // "number-mismatch"
  kOmission,          // "omission"
  kAddition,          // "addition"
  kMoved,             // "moved"
};
// The fixed name of |type| (its row of FindingTypes()), and back.
std::string_view FindingTypeName(FindingType type);
std::optional<FindingType> ParseFindingType(std::string_view name);

enum class Severity { kInfo, kWarning, kError };
std::string_view SeverityName(Severity severity);  // "info", "warning", "error"
std::optional<Severity> ParseSeverity(std::string_view name);

// Where a finding is, in one version.
struct FindingPlace {
  size_t version = 0;               // index into AlignResult::versions
  std::vector<uint32_t> sentences;  // sentence indices of that version in the bead
  std::vector<Span> spans;          // the offending or relevant bytes (may be empty)
};

struct Finding {
  FindingType type = FindingType::kOmission;
  Severity severity = Severity::kWarning;
  std::optional<uint32_t> concept_index;  // into the Lexicon's concepts; none for numbers, omissions
  size_t version = 0;                     // the version at fault (docs/reports.md conventions)
  size_t bead = 0;                        // index into Alignment::beads
  std::vector<FindingPlace> places;       // every version involved
  std::string evidence;                   // the offending text, as written
  std::vector<std::string> expected;      // what was expected (preferred renderings, numbers)
  // missing-term: the words of the version at fault that render the concept
  // freely, found through the dictionaries (its place's spans are those
  // words); empty when none were found.
  std::string rendering;
  std::string message;                    // one line, English
  // |message| is |message_pattern| (an English msgid with fmt "{}"
  // placeholders, in the UI catalogs) filled with |message_args|: a report
  // in another UI language translates the pattern and fills it again.
  std::string message_pattern;
  std::vector<std::string> message_args;
};

// What Check() looks for, and how it decides which version is at fault.
struct CheckConfig {
  // The version that is the original (index into the versions), or -1 when
  // none is named. With a source, every finding is against a translation:
  // a sentence the source has and a translation lacks is an omission, one a
  // translation adds is an addition; numbers and terms of the source are
  // what the translations must render. Without a source: with three versions
  // the majority decides (two have it, the third omits it; one alone has
  // it, it added it); with two versions a one-sided sentence is reported as
  // an omission of the version that lacks it, and numbers and terms are
  // checked both ways, the second version being at fault for numbers.
  int source_version = -1;

  // Which finding types to look for (all by default); each type's row of
  // FindingTypes() names its switch.
  bool deprecated_terms = true;
  bool missing_terms = true;
  bool inconsistent_terms = true;
  bool numbers = true;
  bool omissions = true;  // omission and addition
  bool moves = true;      // moved (found with omissions, which it replaces, also when off)

  // The thresholds of the passes (check_*.cc explain the rules they tune);
  // docs/configuration.md lists them with their ranges. Lengths "differ by
  // more than g" when the longer is more than 1 + g times the shorter.

  // omission, addition. A sentence is content (its absence an omission or
  // addition) when it has at least min_content_letters letters, a Han
  // character counting han_letter_weight (the same weight gives sentence
  // lengths), and is not a dateline: a line ending in a dash, or a Chinese
  // agency line (ending in 电) of at most dateline_max_bytes bytes.
  size_t min_content_letters = 8;
  size_t han_letter_weight = 2;
  size_t dateline_max_bytes = 60;
  // Bead lengths are scaled by each version's length relative to the
  // first's over the whole document; a translation that leaves out a third
  // of the text is not a third shorter in every sentence, though: when the
  // beads whose words the dictionaries find rendered both ways for at least
  // faithful_coverage of them hold at least faithful_min_share of the first
  // version's letters, and their ratio differs from the document's by more
  // than a factor faithful_max_drift (at most 1: always), theirs is the scale.
  double faithful_coverage = 0.6;
  double faithful_min_share = 0.2;
  double faithful_max_drift = 1.5;
  // A bead where two versions have k sentences and the third k - 1 (three
  // versions) is looked into when the sides' lengths differ by more than
  // merged_length_gap. A sentence of the longer sides is then the omitted
  // (or added) one when without it they differ by at most merged_agree_gap,
  // or when they differ by more than merged_anchor_gap and it alone shares
  // no number or concept with the shorter sides; the sentences taken out of
  // the two longer sides differ in length by at most merged_sentence_gap.
  double merged_length_gap = 0.3;
  double merged_agree_gap = 0.25;
  double merged_anchor_gap = 0.4;
  double merged_sentence_gap = 0.6;
  // With two versions, a bead one sentence short on one side is looked into
  // when the lengths differ by more than pair_merged_length_gap, and the
  // sentence is reported only when length (merged_agree_gap) and anchors
  // (merged_anchor_gap) both single it out.
  double pair_merged_length_gap = 0.5;
  // A version that lacks at least clause_missing_terms official terms of
  // one bead has left out the clause that holds them: one omission with
  // those clauses replaces the missing-term findings; so does a version
  // lacking fewer when the dictionaries show it renders none of those
  // clauses' words (at least clause_min_units of them) (0: never).
  size_t clause_missing_terms = 2;
  // Clauses through the dictionaries (check_coverage.cc): a run of clauses
  // of at least clause_min_units words with a dictionary entry, none of
  // them rendered in another version's side, in a bead whose other words
  // (as many again) are rendered so often that such a run would go
  // unrendered by chance at most clause_max_chance of the time (a side
  // longer than the other by more than clause_length_gap, whose words the
  // other renders, counts only its share that has a counterpart: at most
  // the rate over the document's beads of like length), is an
  // omission (or addition) when the side with it is longer than the other
  // by more than clause_length_gap and closer without it, or whatever the
  // lengths when that chance is at most clause_sure_chance; the other side's
  // words must be rendered in this one for at least clause_other_coverage
  // of them (0 units: never).
  size_t clause_min_units = 4;
  double clause_max_chance = 0.01;
  double clause_sure_chance = 0.001;
  double clause_other_coverage = 0.7;
  // A whole sentence of a side of several is omitted (or added) when at
  // least sentence_rest_rendered of the bead's other words are rendered and
  // either the lengths agree better without it (the side being longer by
  // clause_length_gap) and at most sentence_max_rendered of its dictionary
  // words are rendered, or so few that at the rest's rate (at most the
  // document's) as few would be rendered by chance at most
  // clause_max_chance of the time (clause_sure_chance whatever the lengths);
  // the other side's words must be rendered in this one for at least
  // sentence_other_coverage of them (looser than for a clause: the rest of
  // the side, well rendered, already rules out a paraphrase).
  double sentence_max_rendered = 0.25;
  double sentence_rest_rendered = 0.5;
  double sentence_other_coverage = 0.6;
  double clause_length_gap = 0.2;
  // Paragraphs (check_paragraphs.cc): where two versions' paragraphs
  // correspond one to one elsewhere (at least paragraph_min_agreeing beads
  // beginning a paragraph in both, none paragraphed differently), a bead
  // with two whole paragraphs on one side against one on the other has one
  // too many; a sentence that is a paragraph of its own there is omitted
  // (or added) when the lengths agree better without it, whatever the gap,
  // and as few of its dictionary words are rendered as chance (at the
  // rest's rate) allows at most paragraph_max_chance of the time, the other
  // conditions of a whole sentence holding (0 beads: never).
  size_t paragraph_min_agreeing = 3;
  double paragraph_max_chance = 0.05;
  // A sentence one version lacks in its bead is misplaced, not omitted, when
  // that version's side of a bead at most misplaced_max_beads away renders
  // at least misplaced_min_rendered of its dictionary words and
  // misplaced_margin more of them than of its own bead's (0 beads: never).
  size_t misplaced_max_beads = 2;
  double misplaced_min_rendered = 0.5;
  double misplaced_margin = 0.25;
  // moved (check_moves.cc): a bead where some versions have a sentence and
  // the others none, and one at most moved_max_beads away with the opposite
  // pattern, say the same thing when each renders at least
  // moved_min_rendered of the other's dictionary words (of at least
  // moved_min_units), or, without a dictionary, share two numbers or
  // concepts and differ in no more (0 beads: never).
  size_t moved_max_beads = 30;
  size_t moved_min_units = 3;
  double moved_min_rendered = 0.5;
  // A concept one version names in bead b and another in a bead at most
  // moved_term_beads away, each lacking it where the other has it, moved
  // with its sentence: no missing-term for either (0: never).
  size_t moved_term_beads = 2;
  // A bead whose sides render less than missing_term_min_rendered of each
  // other's dictionary words both ways (at least clause_min_units each)
  // pairs sentences that say different things: an agency's lede beside a
  // statement's opening, or an alignment that is off. A concept one side
  // names there may be anywhere in the other version: no missing-term
  // (0: never dropped).
  double missing_term_min_rendered = 0.2;
  // An empty side is no omission when a neighbouring bead's sides differ by
  // more than absorbed_length_gap and, with this bead added to the longer
  // ones, by at most absorbed_agree_gap (and less than before): the version
  // renders the sentence inside its neighbour.
  double absorbed_length_gap = 0.2;
  double absorbed_agree_gap = 0.25;

  // missing-term. A version that named a concept earlier may refer back to
  // it by the last word of a rendering (of at least reference_min_head_bytes
  // bytes) or, in Chinese, by its last reference_han_chars characters.
  size_t reference_min_head_bytes = 3;
  size_t reference_han_chars = 2;
  // A rendering the matcher's forms miss is found loosely: its words (of at
  // least loose_min_word_code_points code points; in a rendering of more
  // than loose_min_words words, those of at most loose_function_word_max
  // are function words and skipped) begin words of the side, words of at
  // most loose_whole_word_max code points whole, longer ones stemmed (an
  // ending of one code point dropped from stem_min_code_points on, of two
  // from stem_two_from_code_points on). It is rendered when at least
  // loose_min_words words and loose_min_share of them are found. An
  // all-capitals rendering of at most acronym_max_letters letters (UN) is
  // also found written with dots (U.N.).
  size_t loose_min_word_code_points = 2;
  size_t loose_function_word_max = 2;
  size_t loose_whole_word_max = 3;
  size_t stem_min_code_points = 5;
  size_t stem_two_from_code_points = 7;
  size_t loose_min_words = 2;
  double loose_min_share = 2.0 / 3.0;
  size_t acronym_max_letters = 6;

  // inconsistent-term. A rendering whose key is at most short_form_max_share
  // of the preferred term's is a short form (CPEC), not a second rendering;
  // so is another form used once, first, before the text keeps to one
  // rendering for at least first_mention_min_later_uses more uses.
  double short_form_max_share = 0.5;
  size_t first_mention_min_later_uses = 2;
};

namespace internal {
class CheckContext;  // check_internal.h
}  // namespace internal

// A pass of the checker: adds the findings of its types to |out| (passes
// are internal to the library; the registry below names them).
using CheckPass = void (*)(const internal::CheckContext& ctx, std::vector<Finding>* out);

// One row of the registry of finding types: everything the checker, the
// CLI, the reports, batch summaries and the UI catalogs know of a type.
struct FindingTypeInfo {
  FindingType type;
  // The fixed name, in JSON, TSV, HTML data attributes, batch summaries and
  // options (--fail-on).
  std::string_view name;
  // What a finding of the type is. A pass gives one level less for the
  // milder case its rule names (a superseded rather than deprecated
  // rendering; one rendering shared by two concepts).
  Severity severity;
  // Shown to people (text and HTML reports, in the UI language): the msgid
  // the catalogs po/*.po translate.
  std::string_view label;
  // One line, English: what the type reports (talign check --help).
  std::string_view description;
  // The CheckConfig switch that turns it on.
  bool CheckConfig::*enabled;
  // The pass that produces it; a pass may produce several types (it runs
  // once when any of them is on).
  CheckPass pass;
};

// Every finding type, one row each in enum order: the order in which
// reports and summaries list them.
std::span<const FindingTypeInfo> FindingTypes();
// The row of |type|; a value that is no enumerator gets a row named
// "unknown" with no switch and no pass.
const FindingTypeInfo& FindingTypeInfoOf(FindingType type);

// The findings of |aligned| (its beads and versions), given the term hits of
// every version (TermMatcher::Match over AlignResult::versions[v].sentences,
// one vector per version, in version order) and the matcher that produced
// them (its lexicon names the concepts). Findings are ordered by bead, then
// type, then version. Errors: kInvalidArgument when the hits do not fit the
// versions (wrong count, a sentence index out of range) or the config names
// a version that does not exist.
StatusOr<std::vector<Finding>> Check(const AlignResult& aligned,
                                     const std::vector<std::vector<TermHit>>& hits_per_version,
                                     const TermMatcher& matcher, const CheckConfig& config);

// Counts for reports: per type and per severity.
struct CheckSummary {
  std::vector<std::pair<FindingType, size_t>> by_type;  // every type, in FindingTypes() order
  std::vector<std::pair<Severity, size_t>> by_severity;  // error, warning, info
  size_t total = 0;
};
CheckSummary Summarize(const std::vector<Finding>& findings);

}  // namespace align
