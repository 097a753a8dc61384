#include "align/config.h"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "align/text.h"
#include "config_internal.h"

namespace align {
namespace {

using Json = nlohmann::ordered_json;
using A = AlignerConfig;
using C = CheckConfig;

// Ranges keep every setting where the model still means something and the
// work stays bounded (a bead side of 50 would make the DP cubic in practice).
const ConfigField<A> kAlignerFields[] = {
    {"max_bead_side", "largest number of sentences on one side of a bead (1-4 and 4-1)", &A::max_bead_side, 1, 8},
    {"learn_lexicon", "learn a lexicon from the documents for pairs without a dictionary", &A::learn_lexicon},
    {"learn_with_dictionary", "also learn for pairs that have a dictionary", &A::learn_with_dictionary},
    {"band_width", "half-width in sentences of the first band around the corridor", &A::band_width, 1, 1 << 20},
    {"max_band_rounds", "at most this many DP rounds per pass", &A::max_band_rounds, 1, 64},
    {"length_weight", "weight of the Gale-Church length cost", &A::length_weight, 0, 1e6},
    {"length_variance", "variance of the length difference per character", &A::length_variance, 1e-6, 1e9},
    {"lexical_weight", "weight of (1 - lexical similarity) per sentence", &A::lexical_weight, 0, 1e6},
    {"lexical_mass", "lexical cost as unmatched evidence mass", &A::lexical_mass},
    {"orphan_cost", "cost of a sentence merged into a bead with nothing of it translated there", &A::orphan_cost, 0, 1e6},
    {"lexical_prior", "prior similarity for sentences with little lexical evidence", &A::lexical_prior, 0, 1},
    {"lexical_prior_weight", "weight of the prior similarity", &A::lexical_prior_weight, 0, 1e6},
    {"number_weight", "extra weight of numbers over common words", &A::number_weight, 0, 1e6},
    {"concept_weight", "extra weight of termbase concepts", &A::concept_weight, 0, 1e6},
    {"name_weight", "extra weight of names", &A::name_weight, 0, 1e6},
    {"punctuation_weight", "cost per punctuation class present on one side only", &A::punctuation_weight, 0, 1e6},
    {"quote_end_weight", "the realignment's cost of a bead whose last sentences disagree on ending with a closing quote, per unit of the log of how much likelier that is at random than on the first pass's beads around it",
     &A::quote_end_weight, 0, 1e6},
    {"quote_end_window", "... learnt from the first pass's beads within this many beads",
     &A::quote_end_window, 0, 1 << 30},
    {"quote_end_min_beads", "... when each side ends this many of them with a quote",
     &A::quote_end_min_beads, 0, 1 << 30},
    {"split_weight", "the realignment's cost of a bead of one sentence against several (or one), per unit of the log of how much less likely that many are, given the single sentence's commas, semicolons and colons, than for any sentence on the first pass",
     &A::split_weight, 0, 1e6},
    {"split_prior", "... beads at the first pass's overall rate added to each count of marks",
     &A::split_prior, 1, 1e9},
    {"split_window", "... learnt from the first pass's beads within this many beads",
     &A::split_window, 0, 1 << 30},
    {"paragraph_weight", "cost of a paragraph boundary inside a bead or on one side only", &A::paragraph_weight, 0, 1e6},
    {"skip_cost", "cost per sentence of 1-0 and 0-1 beads", &A::skip_cost, 0, 1e6},
    {"cost_1_2", "cost of a 1-2 or 2-1 bead", &A::cost_1_2, 0, 1e6},
    {"cost_2_2", "cost of a 2-2 bead", &A::cost_2_2, 0, 1e6},
    {"cost_1_3", "cost of a 1-3 or 3-1 bead", &A::cost_1_3, 0, 1e6},
    {"cost_1_4", "cost of a 1-4 or 4-1 bead", &A::cost_1_4, 0, 1e6},
    {"learn_min_count", "a learned pair co-occurs in at least this many confident beads", &A::learn_min_count, 1, 1e6},
    {"learn_min_dice", "a learned pair has at least this Dice coefficient", &A::learn_min_dice, 0, 1},
    {"learn_max_links", "at most this many learned targets per word", &A::learn_max_links, 1, 1000},
    {"learn_bead_percent", "learn from the cheapest this percent of the first pass's beads with two sides",
     &A::learn_bead_percent, 1, 100},
    {"learn_max_beads", "learn from at most this many beads", &A::learn_max_beads, 1, 1 << 30},
    {"learn_min_sentences", "learn only when both versions have at least this many sentences", &A::learn_min_sentences,
     0, 1 << 30},
    {"realign_band_percent", "band half-width of the realignment after learning, in percent of band_width",
     &A::realign_band_percent, 1, 1000},
    {"realign_min_band", "band half-width of the realignment after learning at least", &A::realign_min_band, 1,
     1 << 20},
    {"local_ratio_window", "the realignment scales lengths by the ratio of the first pass's beads within this many on each side (0: the document's ratio)",
     &A::local_ratio_window, 0, 1 << 30},
    {"local_ratio_prior", "... plus this many mean sentences at the document's ratio", &A::local_ratio_prior, 0, 1e9},
    {"coarse_above_sentences", "first corridor by recursive halving when both versions have more sentences",
     &A::coarse_above_sentences, 1, 1 << 30},
    {"coarse_band_width", "band half-width of each level of the halving", &A::coarse_band_width, 1, 1 << 20},
    {"coarse_max_rounds", "at most this many DP rounds per level of the halving", &A::coarse_max_rounds, 1, 64},
    {"coarse_lexical_weight", "weight of (1 - lexical similarity of block bags) per sentence at the levels of the halving",
     &A::coarse_lexical_weight, 0, 1e6},
    {"orphan_max_matched", "a merged sentence with less of its known evidence matched in the bead is an orphan",
     &A::orphan_max_matched, 0, 1},
    {"orphan_min_evidence", "evidence (times the mean sentence's) a sentence needs to be judged an orphan",
     &A::orphan_min_evidence, 0, 1e6},
    {"name_min_skeleton", "names are compared across scripts by consonant skeletons of at least this many letters",
     &A::name_min_skeleton, 1, 100},
    {"loanword_min_letters", "lowercase Latin words of at least this many letters are compared by skeleton too",
     &A::loanword_min_letters, 1, 100},
    {"dictionary_max_key_tokens", "dictionary entries of at most this many tokens are looked up",
     &A::dictionary_max_key_tokens, 1, 64},
    {"join_votes_all_three", "worth of a 3-way cut all three pairwise alignments have", &A::join_votes_all_three, 0,
     1000},
    {"join_votes_pivot_pairs", "worth of a 3-way cut both alignments with the pivot have", &A::join_votes_pivot_pairs,
     0, 1000},
    {"join_votes_with_cross", "worth of a 3-way cut the alignment without the pivot and one with it have",
     &A::join_votes_with_cross, 0, 1000},
    {"join_window", "a 3-way cut's predecessor is looked for among this many candidates before it", &A::join_window, 1,
     1 << 20},
    {"move_min_beads", "a sentence without counterpart is matched with those of the other version this many beads away at least",
     &A::move_min_beads, 1, 1 << 30},
    {"move_max_beads", "... and at most (0: no moves)",
     &A::move_max_beads, 0, 1 << 30},
    {"move_max_own_match", "a sentence that matches at most this share of its evidence in its bead may have moved",
     &A::move_max_own_match, 0, 1},
    {"move_max_counterpart_match", "... and its counterpart at most this share of its own in its bead",
     &A::move_max_counterpart_match, 0, 1},
    {"move_min_similarity", "... and is a move when the two are each other's best with at least this lexical similarity",
     &A::move_min_similarity, 0, 1},
    {"move_min_evidence", "... and carry at least this many times a mean sentence's evidence together",
     &A::move_min_evidence, 0, 1e6},
    {"move_neighbour_min_evidence", "... or this many, for the next sentences on both sides of a move",
     &A::move_neighbour_min_evidence, 0, 1e6},
    {"score_cost_scale", "a bead's score is exp(-cost per sentence / this)", &A::score_cost_scale, 1e-6, 1e6},
    {"count_ratio_warning", "warn when a version has more than this many times the sentences of another",
     &A::count_ratio_warning, 1, 1e6},
    {"unrelated_min_sentences", "judge whether versions are unrelated when both have at least this many sentences",
     &A::unrelated_min_sentences, 0, 1 << 30},
    {"unrelated_min_match_rate", "versions whose beads match less of their evidence look unrelated",
     &A::unrelated_min_match_rate, 0, 1},
    {"unrelated_margin", "... or match less than this many times what beads half the document away match",
     &A::unrelated_margin, 0, 1e6},
    {"unrelated_win_min_beads", "versions where this many beads match more or less in place than moved away are judged by their count ...",
     &A::unrelated_win_min_beads, 0, 1 << 30},
    {"unrelated_min_win_share", "... and are related when at least this share of those match more in place",
     &A::unrelated_min_win_share, 0, 1},
    {"unrelated_margin_min_sentences", "the margin is judged only when both versions have at least this many sentences",
     &A::unrelated_margin_min_sentences, 0, 1 << 30},
    {"unrelated_margin_learned", "the same margin when only a learned lexicon can judge", &A::unrelated_margin_learned,
     0, 1e6},
    {"unrelated_min_known_share", "only a learned lexicon can judge when less evidence has a translation before",
     &A::unrelated_min_known_share, 0, 1},
};

const ConfigField<C> kCheckFields[] = {
    {"deprecated_terms", "report deprecated and superseded renderings", &C::deprecated_terms},
    {"missing_terms", "report concepts a version does not render", &C::missing_terms},
    {"inconsistent_terms", "report concepts rendered in different ways", &C::inconsistent_terms},
    {"numbers", "report numbers that differ between aligned sentences", &C::numbers},
    {"omissions", "report omitted and added sentences", &C::omissions},
    {"moves", "report sentences a version gives at another place (found with omissions)", &C::moves},
    {"min_content_letters", "letters that make a sentence content (not furniture whose absence is no omission)",
     &C::min_content_letters, 0, 1e6},
    {"han_letter_weight", "letters a Han character counts for, in content and sentence lengths", &C::han_letter_weight,
     1, 16},
    {"dateline_max_bytes", "a Chinese agency line ending in 电 of at most this many bytes is a dateline",
     &C::dateline_max_bytes, 0, 1e6},
    {"faithful_coverage", "beads whose dictionary words are rendered both ways this often are faithful: their length ratio may scale bead lengths",
     &C::faithful_coverage, 0, 1},
    {"faithful_min_share", "... when they hold this share of the first version's letters",
     &C::faithful_min_share, 0, 1},
    {"faithful_max_drift", "... and their ratio differs from the whole document's by more than this factor (at most 1: always)",
     &C::faithful_max_drift, 0, 100},
    {"merged_length_gap", "a 3-way bead one sentence short somewhere is looked into when its lengths differ by more",
     &C::merged_length_gap, 0, 100},
    {"merged_agree_gap", "... and a sentence is omitted or added when without it they differ by at most this",
     &C::merged_agree_gap, 0, 100},
    {"merged_anchor_gap", "... or when they differ by more than this and it alone shares no number or concept",
     &C::merged_anchor_gap, 0, 100},
    {"merged_sentence_gap", "... the sentences taken out of the longer sides differ in length by at most this",
     &C::merged_sentence_gap, 0, 100},
    {"pair_merged_length_gap", "with two versions, a bead one sentence short on one side is looked into when its lengths differ by more",
     &C::pair_merged_length_gap, 0, 100},
    {"clause_missing_terms", "a version lacking this many official terms of one bead (or fewer, in clauses none of whose dictionary words it renders) omits the clauses that hold them (0: never)",
     &C::clause_missing_terms, 0, 1e6},
    {"clause_min_units", "a run of clauses with this many dictionary words, none rendered in another version, is omitted there (0: never)",
     &C::clause_min_units, 0, 1e6},
    {"clause_max_chance", "... when its words would all go unrendered by chance (at the bead's rate) at most this often",
     &C::clause_max_chance, 0, 1},
    {"clause_sure_chance", "... and whatever the lengths when that chance is at most this",
     &C::clause_sure_chance, 0, 1},
    {"clause_other_coverage", "... and the other side's dictionary words are rendered in this one for at least this share",
     &C::clause_other_coverage, 0, 1},
    {"sentence_max_rendered", "a sentence of a side of several with at most this share of its dictionary words rendered (or fewer than chance allows, by clause_max_chance and clause_sure_chance) may be omitted",
     &C::sentence_max_rendered, 0, 1},
    {"sentence_rest_rendered", "... when the bead's other dictionary words are rendered for at least this share",
     &C::sentence_rest_rendered, 0, 1},
    {"sentence_other_coverage", "... and the other side's dictionary words are rendered in this one for at least this share",
     &C::sentence_other_coverage, 0, 1},
    {"clause_length_gap", "a side with an unrendered clause must be longer than the other by more than this",
     &C::clause_length_gap, 0, 100},
    {"paragraph_min_agreeing", "paragraphs tell an omitted sentence when at least this many beads begin a paragraph in both versions and none is paragraphed differently (0: never)",
     &C::paragraph_min_agreeing, 0, 1e6},
    {"paragraph_max_chance", "... a sentence that is a paragraph of its own, in a bead one paragraph longer on its side, being rendered this rarely by chance at most",
     &C::paragraph_max_chance, 0, 1},
    {"misplaced_max_beads", "a sentence a version lacks is misplaced, not omitted, when that version's side of a bead at most this far renders it (0: never)",
     &C::misplaced_max_beads, 0, 1e6},
    {"misplaced_min_rendered", "... for at least this share of its dictionary words",
     &C::misplaced_min_rendered, 0, 1},
    {"misplaced_margin", "... and this much more than of its own bead's",
     &C::misplaced_margin, 0, 1},
    {"moved_max_beads", "one-sided beads at most this far apart whose contents agree are one moved sentence (0: never)",
     &C::moved_max_beads, 0, 1e6},
    {"moved_min_units", "... each with at least this many dictionary words (through a dictionary)",
     &C::moved_min_units, 0, 1e6},
    {"moved_min_rendered", "... each rendering at least this share of the other's",
     &C::moved_min_rendered, 0, 1},
    {"moved_term_beads", "a concept two versions name at most this many beads apart, each lacking it where the other has it, moved (0: never)",
     &C::moved_term_beads, 0, 1e6},
    {"missing_term_min_rendered", "no missing-term in a bead whose sides render less than this share of each other's dictionary words both ways (0: never dropped)",
     &C::missing_term_min_rendered, 0, 1},
    {"absorbed_length_gap", "an empty side is no omission when a neighbouring bead's lengths differ by more",
     &C::absorbed_length_gap, 0, 100},
    {"absorbed_agree_gap", "... and by at most this with the bead added to it", &C::absorbed_agree_gap, 0, 100},
    {"reference_min_head_bytes", "a concept named before is referred back to by a last word of at least this many bytes",
     &C::reference_min_head_bytes, 0, 1000},
    {"reference_han_chars", "... or in Chinese by the last this many characters of a rendering", &C::reference_han_chars,
     1, 100},
    {"loose_min_word_code_points", "a loose rendering's words have at least this many code points",
     &C::loose_min_word_code_points, 0, 100},
    {"loose_function_word_max", "... in longer renderings, words of at most this many are function words, skipped",
     &C::loose_function_word_max, 0, 100},
    {"loose_whole_word_max", "... words of at most this many code points match whole, longer ones stemmed",
     &C::loose_whole_word_max, 0, 100},
    {"stem_min_code_points", "the stemmer drops one code point from words of at least this many",
     &C::stem_min_code_points, 1, 100},
    {"stem_two_from_code_points", "... and two from words of at least this many", &C::stem_two_from_code_points, 1, 100},
    {"loose_min_words", "a rendering is found loosely when at least this many of its words are found",
     &C::loose_min_words, 1, 100},
    {"loose_min_share", "... and at least this share of them", &C::loose_min_share, 0, 1},
    {"acronym_max_letters", "an all-capitals rendering of at most this many letters is also found with dots (U.N.)",
     &C::acronym_max_letters, 0, 100},
    {"short_form_max_share", "a rendering at most this share of the preferred term's length is a short form",
     &C::short_form_max_share, 0, 1},
    {"first_mention_min_later_uses", "a form used once, first, is no inconsistency before this many uses of another",
     &C::first_mention_min_later_uses, 0, 1e6},
};

template <typename Config>
Json ToJson(std::span<const ConfigField<Config>> fields, const Config& config) {
  Json out = Json::object();
  for (const auto& field : fields) {
    std::visit([&](auto member) { out[std::string(field.name)] = config.*member; }, field.member);
  }
  return out;
}

template <typename Config>
Status FromJson(std::span<const ConfigField<Config>> fields, const Json& in, const std::string& where,
                Config* config) {
  if (!in.is_object()) return DataError(fmt::format("{}: expected an object", where));
  for (const auto& item : in.items()) {
    // Named, not structured, bindings: lambdas below capture them (clang 14).
    const std::string& key = item.key();
    const Json& value = item.value();
    const ConfigField<Config>* field = nullptr;
    for (const auto& f : fields) {
      if (f.name == key) field = &f;
    }
    if (!field) return DataError(fmt::format("{}.{}: no such setting (talign config lists them)", where, key));
    const std::string name = fmt::format("{}.{}", where, key);
    Status status = std::visit(
        [&](auto member) -> Status {
          using T = std::remove_reference_t<decltype(config->*member)>;
          if constexpr (std::is_same_v<T, bool>) {
            if (!value.is_boolean()) return DataError(fmt::format("{}: expected true or false", name));
            config->*member = value.template get<bool>();
          } else {
            if (!value.is_number()) return DataError(fmt::format("{}: expected a number", name));
            const double v = value.template get<double>();
            if (!std::isfinite(v) || v < field->min || v > field->max) {
              return DataError(fmt::format("{}: {} is outside [{}, {}]", name, value.dump(), field->min, field->max));
            }
            if constexpr (std::is_integral_v<T>) {
              if (!value.is_number_integer() && v != std::floor(v)) {
                return DataError(fmt::format("{}: expected a whole number", name));
              }
              config->*member = static_cast<T>(v);
            } else {
              config->*member = v;
            }
          }
          return Status::Ok();
        },
        field->member);
    ALIGN_RETURN_IF_ERROR(status);
  }
  return Status::Ok();
}

}  // namespace

std::span<const ConfigField<AlignerConfig>> AlignerConfigFields() { return kAlignerFields; }
std::span<const ConfigField<CheckConfig>> CheckConfigFields() { return kCheckFields; }

namespace internal {
nlohmann::ordered_json AlignerConfigToJson(const AlignerConfig& config) { return ToJson(AlignerConfigFields(), config); }
nlohmann::ordered_json CheckConfigToJson(const CheckConfig& config) { return ToJson(CheckConfigFields(), config); }
}  // namespace internal

std::string ConfigJson(const AlignerConfig& aligner, const CheckConfig* check) {
  Json out = {{"aligner", internal::AlignerConfigToJson(aligner)}};
  if (check) out["check"] = internal::CheckConfigToJson(*check);
  return out.dump();
}

namespace {

template <typename Config>
std::string MarkdownTable(std::span<const ConfigField<Config>> fields, const Config& defaults) {
  std::string out = "| setting | default | range | what it does |\n| --- | --- | --- | --- |\n";
  for (const auto& field : fields) {
    std::visit(
        [&](auto member) {
          using T = std::remove_cvref_t<decltype(defaults.*member)>;
          std::string range = std::is_same_v<T, bool> ? "true, false" : fmt::format("{} to {}", field.min, field.max);
          out += fmt::format("| `{}` | {} | {} | {} |\n", field.name, Json(defaults.*member).dump(), range, field.help);
        },
        field.member);
  }
  return out;
}

}  // namespace

std::string ConfigMarkdown() {
  return "# Configuration\n\n"
         "Every setting of the aligner and the checker, generated by `talign config --markdown` from the\n"
         "tables in `libalign/src/config.cc` (a test keeps this file equal to that output).\n"
         "`talign config` prints the defaults as JSON; a file of the same shape, with any subset of the\n"
         "settings, is read by `--config FILE` (`talign align`, `check`, `batch`). Unknown names and values\n"
         "outside the range are errors that name the file and the setting. Every jsonl output records the\n"
         "aligner's settings in its header, and batch fingerprints all of them for `--resume`.\n\n"
         "## aligner\n\n" +
         MarkdownTable(AlignerConfigFields(), AlignerConfig{}) + "\n## check\n\n" +
         MarkdownTable(CheckConfigFields(), CheckConfig{});
}

Status ApplyConfigJson(std::string_view json, const std::string& name, AlignerConfig* aligner,
                       CheckConfig* check) {
  Json in = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (in.is_discarded()) return DataError(fmt::format("{}: not valid JSON", name));
  if (!in.is_object()) return DataError(fmt::format("{}: expected a JSON object", name));
  for (const auto& [key, value] : in.items()) {
    if (key == "aligner") {
      ALIGN_RETURN_IF_ERROR(FromJson(AlignerConfigFields(), value, name + ": aligner", aligner));
    } else if (key == "check") {
      CheckConfig ignored;
      ALIGN_RETURN_IF_ERROR(FromJson(CheckConfigFields(), value, name + ": check", check ? check : &ignored));
    } else {
      return DataError(fmt::format("{}: {}: expected \"aligner\" or \"check\"", name, key));
    }
  }
  return Status::Ok();
}

Status LoadConfigFile(const std::string& path, AlignerConfig* aligner, CheckConfig* check) {
  auto doc = Document::Load(path, {size_t{1} << 20, /*regular_only=*/false, /*encoding=*/""});
  if (!doc.ok()) return doc.status();
  return ApplyConfigJson(doc->bytes().substr(doc->content_begin()), path, aligner, check);
}

}  // namespace align
