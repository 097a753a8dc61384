// One entry point per job: read, segment, match terms, align and check two or
// three versions, with the resources of a Session (session.h).
//
//   auto session = align::Session::Create(align::SessionConfig{});
//   align::AlignJob job;
//   job.inputs = {"statement.en.txt", "statement.zh.txt", "statement.ur.txt"};
//   job.language_tags = {"en", "zh-Hans", "ur"};      // or leave empty to detect
//   auto result = align::RunAlign(job, **session);
//   if (!result.ok()) return fail(result.status());   // "FILE: byte N: ..." etc.
//   align::WriteAlignment(*result, align::AlignFormat::kJsonl, std::cout);  // report_align.h
//
// `talign align`, `talign check` and every set of `talign batch` are these
// calls: the CLI fills a job from its flags, batch one job per document set.
// pipeline.h and batch.h are the top layer: no stage header includes them.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "align/aligner.h"
#include "align/baseline.h"
#include "align/cat_file.h"
#include "align/check.h"
#include "align/match.h"
#include "align/provenance.h"
#include "align/session.h"
#include "align/status.h"
#include "align/text.h"

namespace align {

// Everything one alignment run needs besides the session's resources.
// Defaults give the behaviour of `talign align A B` without options.
struct AlignJob {
  // Two or three input files, in version order ("-" reads standard input,
  // at most once). Every output lists the versions in this order.
  std::vector<std::string> inputs;
  // Or the versions already in memory (Document::FromString: text from a
  // program, not a file), when |inputs| is empty. Spans in every output are
  // then offsets into these bytes, and the documents' names stand for paths.
  std::vector<Document> documents;

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

  // A version without any sentence is an error instead of aligning as all
  // omissions (batch: in an archive it is a broken export, not a translation).
  bool reject_empty_versions = false;

  // The original, by language ("en", "zh-Hans"), resolved once the versions'
  // languages are known; an error when no version has that language. Empty:
  // the versions are co-authentic. TMX records it (srclang); the checker
  // holds the translations to it.
  std::string source_language;

  AlignerConfig aligner;
};

// Reads, segments and aligns |job|'s inputs; when the session has a
// termbase, concepts two sentences share anchor the alignment. Errors name
// the offending input: kInvalidArgument for a bad job (not 2 or 3 inputs, an
// unknown language tag, two versions of one language, a language that
// cannot be detected), kNotFound/kIoError/kDataError/kResourceLimit from
// reading documents and dictionaries (with file and byte or line).
StatusOr<AlignResult> RunAlign(const AlignJob& job, const Session& session);

// The versions of |job| read and segmented, without aligning: what RunAlign
// hands to the aligner. For tools that align by other means and for tests.
StatusOr<AlignResult> PrepareAlign(const AlignJob& job, const Session& session);

// ---------------------------------------------------------------------------
// Checking: align, then look for divergences (check.h).
//
//   align::CheckJob job;
//   job.align.inputs = {"readout.en.txt", "readout.zh.txt", "readout.ur.txt"};
//   job.align.source_language = "en";               // optional: English is the original
//   auto checked = align::RunCheck(job, **session); // the session's termbase, or the bundled one
//   for (const align::Finding& f : checked->findings) ...

struct CheckJob {
  // The versions and the aligner's settings.
  AlignJob align;
  CheckConfig config;
  // Findings whose fingerprint it lists are not reported (baseline.h); not owned, may be null.
  const Baseline* baseline = nullptr;
};

struct CheckResult {
  // The alignment, with AlignInput::sentence_concepts filled from the hits.
  AlignResult align;
  std::vector<std::vector<TermHit>> hits;  // per version, as TermMatcher::Match returns them
  std::vector<Finding> findings;
  // The findings the job's baseline suppressed: in no report and no count.
  std::vector<Finding> suppressed;
  // What produced the findings: version, files with their hashes, settings.
  Provenance provenance;
  CheckSummary summary;
  std::vector<std::string> warnings;  // the matcher's and the aligner's
};

// Reads and segments the versions, matches the session's termbase in every
// version, aligns with the concepts as anchors, and checks. Errors as
// RunAlign; kInvalidArgument when the session has no termbase.
//
// A job of one input (a file, or a document in memory) is a CAT-tool file,
// XLIFF or TMX as its content says (cat_file.h): its units are checked as
// they are aligned (ReadCatFile, VersionsOfCatFile, RunCheckAligned), with
// the file's languages (language_tags must be empty) and its source
// language unless job.align.source_language names another. Errors name the
// file and line ("x.xlf:12: trans-unit without id"); one text input is
// kInvalidArgument.
StatusOr<CheckResult> RunCheck(const CheckJob& job, const Session& session);

// ---------------------------------------------------------------------------
// Checking versions aligned elsewhere: by a translator in a CAT tool.
//
//   auto doc = align::Document::Load("statement.xlf");
//   auto file = align::ReadCatFile(*doc);                        // cat_file.h
//   auto aligned = align::VersionsOfCatFile(*file, doc->name(), job.align, **session);
//   auto checked = align::RunCheckAligned(job, std::move(*aligned), **session);

// The versions of |file|: per language an in-memory Document named |name|
// holding the unit segments in file order, each a paragraph of its own
// (segments separated by a blank line; spans in reports are into this
// text), split into sentences by the language's segmenter, or each one
// sentence when job.presegmented; one bead per segment of a unit (one per
// unit but for XLIFF 2 units of several <segment>s; Bead::unit the unit's
// id, score 1) whose side in a language is the sentences of the segment's
// text there, empty where it has none (an omission to report). Segments
// without text in any language are left out. The source version is
// job.source_language (a tag) when given, else the file's;
// kInvalidArgument when no version has that language. Nothing else of
// |job| is read.
StatusOr<AlignResult> VersionsOfCatFile(const CatFile& file, const std::string& name, const AlignJob& job,
                                        const Session& session);

// Checks |aligned| (versions with their sentences, language tags, beads and
// settings.source_version) as it is aligned: the aligner does not run.
// Terms are matched and every check runs as in RunCheck, with job.config
// (job.align is not read). kInvalidArgument when the beads do not cover
// every sentence of every version once and in order.
StatusOr<CheckResult> RunCheckAligned(const CheckJob& job, AlignResult aligned, const Session& session);

}  // namespace align
