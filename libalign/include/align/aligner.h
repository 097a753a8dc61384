// Sentence alignment of two or three versions of one document.
//
//   align::Aligner aligner(align::AlignerConfig{}, resources);
//   auto alignment = aligner.Align({english, chinese, urdu});
//   for (const align::Bead& b : alignment->beads) ...
//
// The model and its parameters are described in docs/aligner.md.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "align/dictionary.h"
#include "align/segment.h"
#include "align/text.h"

namespace align {

// A contiguous run [begin, end) of sentence indices of one version; empty
// when the version has no sentence in the bead (1-0, 0-1 beads).
struct SentenceRange {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return begin == end; }
  friend bool operator==(const SentenceRange&, const SentenceRange&) = default;
};

// One bead: the sentences of every version that translate each other.
// sides[v] belongs to version v, in the order the versions were given.
struct Bead {
  std::vector<SentenceRange> sides;
  double score = 0;  // confidence in [0, 1]
  // The unit of a CAT-tool file the bead was read from (CatUnit::id,
  // cat_file.h: an XLIFF unit or TMX tu id), which every report names with
  // the bead's findings; empty for beads the aligner made.
  std::string unit;
};

// Content that the versions give at two places: the sentences |first| of
// bead first_bead say what the sentences |second| of bead second_bead say
// (one version moved them; docs/aligner.md, "Moved sentences"). Indexed by
// version; a version with no part in the move has an empty list.
struct Move {
  size_t first_bead = 0;   // < second_bead
  size_t second_bead = 0;
  std::vector<std::vector<uint32_t>> first;
  std::vector<std::vector<uint32_t>> second;
  double score = 0;  // lexical similarity of the two contents, in [0, 1]
};

// The beads in order; together they cover every sentence of every version
// exactly once. |moves| links beads whose content a version moved, in order
// of first_bead. |warnings| says when the result deserves suspicion (one
// version much longer, documents that look unrelated, an empty version).
struct Alignment {
  std::vector<Bead> beads;
  std::vector<std::string> warnings;
  std::vector<Move> moves;
};

// One version as the aligner sees it.
struct AlignInput {
  Document document;
  Language language = Language::kUnknown;
  std::vector<Sentence> sentences;
  // Termbase concepts found in each sentence (indices into the Lexicon's
  // concepts), filled by the pipeline from the term matcher; may be empty.
  // Shared concepts are anchors: language-independent evidence of a match.
  std::vector<std::vector<uint32_t>> sentence_concepts;
};

// What the aligner may use besides the texts. All shared read-only.
struct AlignResources {
  // Bilingual dictionaries, any direction between the inputs' languages.
  std::vector<std::shared_ptr<const Dictionary>> dictionaries;
};

// Parameters of the model, every tunable number of the aligner; every field
// has a row in the settings table (align/config.h, docs/configuration.md)
// and the model is described in docs/aligner.md.
// The defaults were tuned on development data of all three kinds (literary,
// non-literary, news); costs are in nats (negative log-likelihood units).
struct AlignerConfig {
  // The largest number of sentences on one side of a bead (1-4 and 4-1).
  int max_bead_side = 4;
  // Learn a lexicon from the documents (first pass, co-occurrence in
  // confident beads, realign) for pairs without a dictionary.
  bool learn_lexicon = true;
  // Also learn for pairs that have a dictionary (adds names and domain
  // words the dictionary lacks).
  bool learn_with_dictionary = true;

  // Half-width, in sentences, of the first band around the corridor; the
  // band is re-centred on the path and doubled where the path touches it.
  int band_width = 16;
  // At most this many DP rounds per pass (each re-centres, every second one
  // also doubles the width).
  int max_band_rounds = 6;
  // Weight of the Gale–Church length cost and the variance of the length
  // difference per character of the (ratio-scaled) bead length.
  double length_weight = 1.0;
  double length_variance = 30.0;
  // Weight of (1 - lexical similarity), per sentence of the bead.
  double lexical_weight = 4.0;
  // Lexical cost as unmatched evidence mass (in units of a mean sentence)
  // instead of (1 - similarity) per sentence.
  bool lexical_mass = false;
  // Cost of a sentence merged into a bead although nothing of it is
  // translated there (it is more likely an omission or an addition).
  double orphan_cost = 3.0;
  // Prior similarity and its weight, for sentences with little lexical
  // evidence (a short sentence of unknown words says nothing).
  double lexical_prior = 0.25;
  double lexical_prior_weight = 1.0;
  // Extra weight of numbers, termbase concepts and names over common words.
  double number_weight = 2.0;
  double concept_weight = 3.0;
  double name_weight = 1.5;
  // Cost per punctuation class (?, !, quotes, brackets, colons) present on
  // one side of a bead and absent from the other.
  double punctuation_weight = 0.5;
  // The realignment after learning adds, for a bead whose last sentences
  // disagree on ending with a closing quote (a reply, a quoted remark),
  // quote_end_weight times the log of how much likelier that disagreement
  // is for sentences paired at random than on the first pass's beads within
  // quote_end_window beads (each side needing quote_end_min_beads quoted
  // endings there): dialogue whose translator keeps the quotes pays, a
  // translator who drops them, or text without quotes, does not.
  double quote_end_weight = 1.0;
  int quote_end_window = 100;
  int quote_end_min_beads = 24;
  // The realignment after learning adds, for a bead of one sentence on a
  // side and b on the other, split_weight times the log of how much less
  // likely b is given the single sentence's clause marks (commas,
  // semicolons, colons) than for any sentence, as the first pass's beads
  // show (split_prior beads at the overall rate added for each count of
  // marks): a translator splits a sentence at its commas.
  double split_weight = 0.5;
  double split_prior = 60.0;
  int split_window = 50;
  // Cost of a paragraph boundary inside a bead, and of a bead that starts a
  // paragraph on one side only (running text only; presegmented input has
  // no paragraphs).
  double paragraph_weight = 1.5;
  // Costs of bead types beyond 1-1 (1-0/0-1 per sentence skipped).
  double skip_cost = 4.5;
  double cost_1_2 = 1.2;
  double cost_2_2 = 4.0;
  double cost_1_3 = 2.4;
  double cost_1_4 = 3.6;
  // Learned lexicon: a word pair is kept when it co-occurs in at least
  // learn_min_count confident beads with a Dice coefficient of at least
  // learn_min_dice; at most learn_max_links targets per word.
  int learn_min_count = 2;
  double learn_min_dice = 0.3;
  int learn_max_links = 4;
  // The first pass learns from its cheapest learn_bead_percent of beads
  // with two sides (cost per sentence), at most learn_max_beads of them,
  // when both versions have at least learn_min_sentences sentences; the
  // realignment after learning starts with a band of realign_band_percent
  // of band_width, at least realign_min_band.
  int learn_bead_percent = 60;
  int learn_max_beads = 4000;
  int learn_min_sentences = 6;
  int realign_band_percent = 75;
  int realign_min_band = 4;
  // The realignment after learning scales the lengths by the ratio of the
  // first pass's beads within local_ratio_window beads on each side, plus
  // local_ratio_prior mean sentences at the document's ratio, instead of
  // the document's ratio alone: chapters by other translators or of
  // another genre joined into one document each keep their own ratio
  // (0: the document's ratio throughout).
  int local_ratio_window = 75;
  double local_ratio_prior = 100;

  // The first corridor: by recursive halving when both versions have more
  // than coarse_above_sentences sentences (else the length diagonal), each
  // level aligned in a band of coarse_band_width in at most
  // coarse_max_rounds rounds.
  int coarse_above_sentences = 256;
  int coarse_band_width = 8;
  int coarse_max_rounds = 2;
  // Lexical evidence at the levels of the halving: the units of a block of
  // merged x sentences against the tokens of a block of y sentences (block
  // bags), weighted coarse_lexical_weight per merged sentence times
  // (1 - similarity), as the full cost weighs a sentence; 0 aligns the
  // levels by length alone. The length ratio changes along a joined
  // document; the words do not.
  double coarse_lexical_weight = 4;

  // A sentence merged into a bead is an orphan (orphan_cost) when less than
  // orphan_max_matched of its known evidence is matched there and it has at
  // least orphan_min_evidence times the mean sentence's evidence.
  double orphan_max_matched = 0.1;
  double orphan_min_evidence = 0.5;
  // Names are compared between Latin and Arabic script by consonant
  // skeletons of at least name_min_skeleton letters; lowercase Latin words
  // of at least loanword_min_letters letters too (English loanwords Urdu
  // writes in its script).
  int name_min_skeleton = 3;
  int loanword_min_letters = 5;
  // Dictionary entries of at most this many tokens are looked up.
  int dictionary_max_key_tokens = 8;

  // Three versions: a cut of the 3-way beads is worth join_votes_all_three
  // when all three pairwise alignments have it, join_votes_pivot_pairs when
  // the two pairs with the pivot do, join_votes_with_cross when the pair
  // without the pivot and one with it do; the best chain of cuts looks for
  // each cut's predecessor among the join_window candidates before it.
  int join_votes_all_three = 4;
  int join_votes_pivot_pairs = 3;
  int join_votes_with_cross = 2;
  int join_window = 64;

  // Moved sentences: after the monotone alignment, a sentence that matches
  // at most move_max_own_match of its evidence in its own bead (a 1-0 or
  // 0-1 bead, an orphan, a moved sentence paired with the wrong one) and
  // one of the other version that matches at most
  // move_max_counterpart_match in its own, at least move_min_beads and at
  // most move_max_beads beads away (nearer ones are a translator's
  // reordering inside a passage, not a move) are a move when each is the
  // other's most similar candidate, their lexical similarity is at least
  // move_min_similarity, and together they
  // carry at least move_min_evidence times a mean sentence's evidence
  // (short sentences match by chance). The moved sentences are then taken
  // out, the rest realigned, and each put back as a 1-0 or 0-1 bead.
  // Only pairs with a dictionary are searched: a lexicon learned from the
  // path alone took moved sentences for frequent-word matches (measured on
  // real Chinese–Urdu text). move_max_beads 0 finds no moves.
  int move_min_beads = 3;
  int move_max_beads = 300;
  double move_max_own_match = 0.25;
  double move_max_counterpart_match = 0.4;
  double move_min_similarity = 0.6;
  double move_min_evidence = 1.5;
  // A moved passage moves whole: the sentences next to a move on both
  // sides (x+1 with y+1, x-1 with y-1, and on along the passage) that are
  // leftovers as above, as far apart, are a move when their similarity is
  // at least move_min_similarity and they carry at least
  // move_neighbour_min_evidence times a mean sentence's evidence (0: the
  // similarity's prior is the only floor): the move beside them, not their
  // own length, rules out chance. At move_min_evidence or above, a
  // neighbour is judged as any other sentence.
  double move_neighbour_min_evidence = 0;

  // A bead's score: exp(-cost per sentence / score_cost_scale).
  double score_cost_scale = 4.0;

  // Warnings. One version has more than count_ratio_warning times the
  // sentences of another. Two versions (both of at least
  // unrelated_min_sentences sentences) look unrelated when their beads
  // match less than unrelated_min_match_rate of the evidence, or, when both
  // have at least unrelated_margin_min_sentences sentences, less than
  // unrelated_margin times what beads moved half the document away match
  // (unrelated_margin_learned when only a learned lexicon could judge:
  // less than unrelated_min_known_share of the evidence has a translation
  // before learning; 0: never). Real versions of a short statement name the
  // same people and places in every sentence, so that beads moved elsewhere
  // match nearly as much as the right ones: measured on real news and
  // statements, short translations and unrelated texts on the same topic
  // overlap in that margin, and a lexicon learned from the alignment itself
  // (Chinese–Urdu without a dictionary) cannot tell them apart at any
  // length. Only the margin of dictionary evidence on longer texts is
  // believed. And on long texts a bead count says more than a sum: where
  // at least unrelated_win_min_beads beads match some evidence in place or
  // moved half the document away, and at least unrelated_min_win_share of
  // them match more in place, the versions are related whatever the rates
  // (a scripture whose every verse names the same few things matches much
  // by chance; unrelated texts of one genre, aligned as well as the path
  // allows, win under 0.6 of such beads, translations over 0.8); where
  // fewer win and only a learned lexicon could judge, they look unrelated.
  double count_ratio_warning = 3.0;
  int unrelated_min_sentences = 3;
  double unrelated_min_match_rate = 0.05;
  double unrelated_margin = 2.4;
  int unrelated_margin_min_sentences = 12;
  double unrelated_margin_learned = 0;
  double unrelated_min_known_share = 0.1;
  int unrelated_win_min_beads = 200;
  double unrelated_min_win_share = 0.7;
};
// How an alignment was made: what output headers record so that a run can
// be reproduced from its output.
struct AlignSettings {
  bool presegmented = false;
  // The termbases whose shared concepts anchored the alignment.
  std::vector<std::string> lexicons;
  // The dictionaries the aligner was given: "SRC,TGT=PATH" for each user
  // dictionary, "CC-CEDICT", the pivot lexicon's name.
  std::vector<std::string> dictionaries;
  // The version that is the original (index into versions), or -1 when the
  // versions are co-authentic. TMX records it (srclang).
  int source_version = -1;
  AlignerConfig aligner;
};

// The versions as aligned and the beads: what every writer of report.h takes.
struct AlignResult {
  // One per input, in input order: the document bytes, the language and the
  // sentences whose indices the beads refer to.
  std::vector<AlignInput> versions;
  // The tag each version is reported under: the one the job gave, or the
  // code of the detected language ("en", "zh", "ur").
  std::vector<std::string> language_tags;
  AlignSettings settings;
  Alignment alignment;
};

// Where the time of one Align call went, for benchmarks: wall-clock seconds
// per phase ("features", "pair model", "corridor", "pass 1", "match rates",
// "learning", "pass 2", "scores", "moves", "join"), summed over the pairs of a
// 3-version alignment, in the order each phase first ran. Filling it reads
// the clock a few times per pair and changes nothing in the alignment.
struct AlignTimings {
  std::vector<std::pair<std::string, double>> phases;
  void Add(std::string_view phase, double seconds);
  double total() const;
};

class Aligner {
 public:
  Aligner(AlignerConfig config, AlignResources resources);
  // Aligns 2 or 3 versions. Thread-safe; deterministic. |timings|, when
  // given, receives the time per phase (added to what it holds).
  StatusOr<Alignment> Align(const std::vector<AlignInput>& versions,
                            AlignTimings* timings = nullptr) const;

 private:
  AlignerConfig config_;
  AlignResources resources_;
};

}  // namespace align
