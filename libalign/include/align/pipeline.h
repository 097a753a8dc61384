// One entry point per job: read, segment and align two or three versions.
//
//   align::AlignJob job;
//   job.inputs = {"statement.en.txt", "statement.zh.txt", "statement.ur.txt"};
//   job.language_tags = {"en", "zh-Hans", "ur"};      // or leave empty to detect
//   auto result = align::RunAlign(job);
//   if (!result.ok()) return fail(result.status());   // "FILE: byte N: ..." etc.
//   align::WriteAlignment(*result, align::AlignFormat::kJsonl, std::cout);  // report.h
//
// The CLI (`talign align`) only fills an AlignJob from its flags; batch runs
// build one AlignJob per document set.
#pragma once

#include <string>
#include <vector>

#include "align/aligner.h"
#include "align/segment.h"
#include "align/status.h"
#include "align/text.h"

namespace align {

// A bilingual dictionary file for the aligner. When |source| and |target| are
// kUnknown, the dictionary translates from the language of the first version
// to that of the second (the usual A B order of a two-version job).
struct DictionarySpec {
  std::string path;
  Language source = Language::kUnknown;
  Language target = Language::kUnknown;
};

// Everything one alignment run needs. Defaults give the behaviour of
// `talign align A B` without options.
struct AlignJob {
  // Two or three input files, in version order ("-" reads standard input,
  // at most once). Every output lists the versions in this order.
  std::vector<std::string> inputs;

  // BCP 47 tags, one per input ("en", "zh-Hans", "ur-PK"), or empty to detect
  // every language from the script of its text. An empty string detects that
  // one version only. The tags appear as written in the outputs (TMX
  // xml:lang, JSON keys); versions must be of different languages.
  std::vector<std::string> language_tags;

  // Each line of an input is one sentence, its 0-based line number its index
  // (blank lines included), as in hunalign, Vecalign and Bertalign inputs.
  // Otherwise the text is segmented by the language's Segmenter.
  bool presegmented = false;

  // How inputs are read: the size limit, and whether only regular files do.
  ReadOptions read;

  // Termbases (TSV or TBX). When given, RunAlign matches them in every
  // version and the concepts two sentences share anchor the alignment
  // (AlignInput::sentence_concepts); they are recorded in output headers.
  std::vector<std::string> lexicon_paths;

  // User dictionaries (TSV "source<TAB>target" or hunalign .dic).
  std::vector<DictionarySpec> dictionaries;

  // Also use CC-CEDICT when two versions are English and Chinese and setup has
  // fetched it (tools/fetch-cedict.sh); silently skipped when it has not.
  bool use_cedict = true;
  // Also use the Urdu→English pivot lexicon when two versions are English and
  // Urdu and setup has built it (tools/fetch-ur-en.sh); skipped when it has not.
  bool use_urdu_english = true;

  // The version that is the original, when known (index into inputs); -1 when
  // the versions are co-authentic. Only TMX records it (srclang).
  int source_version = -1;

  AlignerConfig aligner;
};

// What RunAlign produced: the versions as aligned, the beads, and the job
// (for report headers).
struct AlignResult {
  AlignJob job;
  // One per input, in input order: the document bytes, the language and the
  // sentences whose indices the beads refer to. sentence_concepts is empty
  // until the term matcher is wired in.
  std::vector<AlignInput> versions;
  // The tag each version is reported under: the one given in
  // job.language_tags, or the code of the detected language ("en", "zh", "ur").
  std::vector<std::string> language_tags;
  // The dictionaries the aligner was given: "CC-CEDICT" and "SRC,TGT=PATH"
  // for each user dictionary (en,zh=my.tsv).
  std::vector<std::string> dictionaries;
  Alignment alignment;
};

// Reads, segments and aligns |job|'s inputs. Errors name the offending input:
// kInvalidArgument for a bad job (not 2 or 3 inputs, an unknown language tag,
// two versions of one language, a language that cannot be detected),
// kNotFound/kIoError/kDataError from reading documents, lexicons and
// dictionaries (with file and byte or line).
StatusOr<AlignResult> RunAlign(const AlignJob& job);

// The versions of |job| read and segmented, without aligning: what RunAlign
// hands to the aligner. Exposed for tools that align by other means and for tests.
// |segmenters|, when given, keeps the segmenters across calls (batch runs).
StatusOr<AlignResult> PrepareAlign(const AlignJob& job, SegmenterCache* segmenters = nullptr);

}  // namespace align

// ---------------------------------------------------------------------------
// Checking: align, then look for divergences (check.h).
//
//   align::CheckJob job;
//   job.align.inputs = {"readout.en.txt", "readout.zh.txt", "readout.ur.txt"};
//   job.config.source_version = 0;                 // optional: English is the original
//   auto checked = align::RunCheck(job);
//   if (!checked.ok()) return fail(checked.status());
//   for (const align::Finding& f : checked->findings) ...
#include <memory>

#include "align/check.h"
#include "align/match.h"

namespace align {

struct CheckJob {
  // The versions and the aligner's settings. align.lexicon_paths is ignored:
  // the termbases are lexicon_paths below.
  AlignJob align;
  // Termbases (TSV or TBX) merged into one; empty: the bundled default
  // (Lexicon::LoadDefault, lexicons/official-terms.tsv).
  std::vector<std::string> lexicon_paths;
  CheckConfig config;
  // The source named by language ("en", "zh-Hans"), resolved once the
  // versions' languages are known; overrides config.source_version. An
  // error when no version has that language.
  std::string source_language;
};

struct CheckResult {
  // The alignment, with AlignInput::sentence_concepts filled from the hits
  // (term anchors helped the aligner), and the job's lexicon sources in
  // align.job.lexicon_paths.
  AlignResult align;
  std::shared_ptr<const Lexicon> lexicon;
  std::vector<std::vector<TermHit>> hits;  // per version, as TermMatcher::Match returns them
  std::vector<Finding> findings;
  CheckSummary summary;
  std::vector<std::string> warnings;  // the matcher's and the aligner's
};

// Reads and segments the versions, matches terms in every version, aligns
// with the concepts as anchors, and checks. Errors as RunAlign, plus
// termbase errors (file:line:col).
StatusOr<CheckResult> RunCheck(const CheckJob& job);

}  // namespace align
