// What every job of a process shares: the termbases and their matcher, the
// bilingual dictionaries and the segmenters, loaded once and then used
// read-only by any number of jobs on any number of threads. `talign align`,
// `talign check` and every set of `talign batch` go through one Session.
//
//   align::SessionConfig config;
//   config.lexicon_paths = {"my-terms.tsv"};          // or the bundled termbase
//   auto session = align::Session::Create(config);
//   if (!session.ok()) return fail(session.status());
//   auto checked = align::RunCheck(job, **session);   // pipeline.h
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "align/aligner.h"
#include "align/dictionary.h"
#include "align/match.h"
#include "align/segment.h"
#include "align/status.h"
#include "align/text.h"

namespace align {

// A bilingual dictionary file for the aligner. When |source| and |target| are
// kUnknown, the dictionary translates from the language of a job's first
// version to that of its second (the usual A B order of a two-version job).
struct DictionarySpec {
  std::string path;
  Language source = Language::kUnknown;
  Language target = Language::kUnknown;
};

struct SessionConfig {
  // Termbases (TSV or TBX), layered over the bundled termbase
  // (lexicons/official-terms.tsv) when |default_lexicon|, in this order:
  // each may add terms to a concept of an earlier one or change a term's
  // status (Lexicon::Merge). `talign align` has no default: without
  // --lexicon it is a pure text aligner.
  std::vector<std::string> lexicon_paths;
  bool default_lexicon = true;

  // User dictionaries (TSV "source<TAB>target" or hunalign .dic).
  std::vector<DictionarySpec> dictionaries;
  // The dictionaries setup provides, used for the pairs they serve when
  // setup has fetched them: CC-CEDICT for English–Chinese
  // (tools/fetch-cedict.sh), the Urdu→English pivot lexicon for
  // English–Urdu (tools/fetch-ur-en.sh).
  bool use_cedict = true;
  bool use_urdu_english = true;
  // Load those two in Create (on a second thread, while the termbase is
  // built) rather than on first use: for batches, whose start-up does not
  // scale with cores.
  bool preload_setup_dictionaries = false;
};

class Session {
 public:
  // Loads the termbases and builds their matcher, and checks that every
  // user dictionary exists (it is read on first use, when the languages it
  // translates are known). CC-CEDICT and the pivot lexicon load on first use
  // (tens of milliseconds a job without the pair never pays) unless
  // preloaded. Errors name the file (and line) that failed; a setup
  // dictionary that is absent is not an error, one that is broken is.
  static StatusOr<std::shared_ptr<const Session>> Create(const SessionConfig& config);

  const SessionConfig& config() const { return config_; }
  // The termbase matcher; null when the session has no termbase.
  const TermMatcher* matcher() const { return matcher_.get(); }
  // The termbase files in use, in layer order (the bundled one first when it is used).
  const std::vector<std::string>& lexicon_files() const { return lexicon_files_; }
  // What loading found that a user should hear about but that does not stop
  // a run: a later termbase changing the status of an earlier one's term.
  const std::vector<std::string>& warnings() const { return warnings_; }

  // The bundled segmenter of |language|, created on first use. Thread-safe.
  StatusOr<std::shared_ptr<const Segmenter>> SegmenterFor(Language language) const;

  // The dictionaries for versions in |languages| (in version order): the user
  // dictionaries (a pairless one translating first → second) and the setup
  // ones serving a pair present; Chinese and Urdu without English get both
  // setup dictionaries and the two composed into Chinese→Urdu. |names|
  // receives each one's name as output headers record it: "SRC,TGT=PATH",
  // "CC-CEDICT", ... Thread-safe.
  // |paths|, when given, receives each one's file; |missing| the setup
  // dictionaries these languages would use but that are not set up (not
  // fetched, or TALIGN_CEDICT / TALIGN_UR_EN naming no file), each as a
  // sentence saying how to get it.
  StatusOr<AlignResources> DictionariesFor(const std::vector<Language>& languages, std::vector<std::string>* names,
                                           std::vector<std::string>* paths = nullptr,
                                           std::vector<std::string>* missing = nullptr) const;

  // The SHA-256 (hex) of a file's bytes, read once per session and then
  // remembered: every report of a batch records its termbases' hashes.
  StatusOr<std::string> FileSha256(const std::string& path) const;

 private:
  Session() = default;
  StatusOr<std::shared_ptr<const Dictionary>> UserDictionary(const std::string& path, Language source,
                                                             Language target) const;
  StatusOr<std::shared_ptr<const Dictionary>> SetupDictionary(int which) const;

  SessionConfig config_;
  std::shared_ptr<const TermMatcher> matcher_;
  std::vector<std::string> lexicon_files_;
  std::vector<std::string> warnings_;
  mutable SegmenterCache segmenters_;
  mutable std::mutex mutex_;  // guards the lazily loaded dictionaries below
  mutable std::map<std::tuple<std::string, Language, Language>, std::shared_ptr<const Dictionary>> user_;
  mutable std::map<int, std::shared_ptr<const Dictionary>> setup_;  // null: not set up
  mutable std::map<std::string, std::string> hashes_;  // FileSha256, by path
};

}  // namespace align
