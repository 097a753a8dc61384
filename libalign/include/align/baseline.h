// Ignore lists: a finding a reviser has judged a false alarm is written to a
// baseline file once and dropped from every later run of the same check.
//
//   auto baseline = align::Baseline::Load("ignore.txt");   // "FILE:LINE: ..." on a bad line
//   job.baseline = &*baseline;                            // RunCheck (pipeline.h) leaves them out
//
// A finding's fingerprint is 16 hex digits of the SHA-256 of its type, its
// concept id, the language at fault and the matching key of its evidence
// (Normalizer::KeyOf: case, width, script variants and spacing folded).
// Bead numbers, offsets and the other versions are left out, so that it
// survives edits elsewhere in the documents and a changed alignment. Two
// findings of one type on the same words of the same language share a
// fingerprint, and are suppressed together: it is the same false alarm.
//
// The file: one fingerprint per line, then optionally white space and a '#'
// comment saying what it is; blank lines and lines starting with '#' are
// comments. docs/reports.md has the workflow.
#pragma once

#include <iosfwd>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "align/aligner.h"
#include "align/check.h"
#include "align/lexicon.h"
#include "align/status.h"

namespace align {

// The fingerprint of |finding| in |aligned|; |lexicon| names its concept
// (null: concept ids are left out, as reports print them null).
std::string FindingFingerprint(const Finding& finding, const AlignResult& aligned, const Lexicon* lexicon);

// Writes one line per finding: the fingerprint, then "  # type lang concept:
// evidence" (the evidence shortened to a line of at most 80 characters,
// with control characters and line breaks replaced by spaces).
Status WriteBaseline(const std::vector<Finding>& findings, const AlignResult& aligned, const Lexicon* lexicon,
                     std::ostream& out);

class Baseline {
 public:
  // Reads a baseline file ("-": standard input). A line whose first word is
  // not 16 hex digits is a kDataError naming the file and line; files over
  // kMaxBaselineBytes are refused before they are read.
  static StatusOr<Baseline> Load(const std::string& path);
  static StatusOr<Baseline> Parse(std::string_view bytes, const std::string& name);

  bool Contains(std::string_view fingerprint) const { return fingerprints_.count(std::string(fingerprint)) > 0; }
  size_t size() const { return fingerprints_.size(); }
  // The SHA-256 (hex) of the bytes it was read from, for provenance.
  const std::string& sha256() const { return sha256_; }

 private:
  std::set<std::string, std::less<>> fingerprints_;
  std::string sha256_;
};

// A baseline lists a few hundred findings at most; 16 MiB is far above any
// real one and bounds a mistaken path (a corpus, a device).
inline constexpr size_t kMaxBaselineBytes = size_t{16} << 20;

}  // namespace align
