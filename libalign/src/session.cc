#include "align/session.h"

#include <sys/stat.h>

#include <algorithm>
#include <future>

#include <fmt/format.h>

#include "align/lexicon.h"
#include "align/resources.h"
#include "dictionary_pivot.h"
#include "pipeline_internal.h"
#include "sha256.h"

namespace align {
namespace {

// kChineseUrdu is composed of the other two, not loaded.
enum SetupDictionaryId { kCedict = 0, kUrduEnglish = 1, kChineseUrdu = 2 };

// Absent (kNotFound) is fine: alignment works without. Present but broken:
// an error, rather than aligning worse without saying so.
StatusOr<std::shared_ptr<const Dictionary>> LoadSetup(int which) {
  auto loaded = which == kCedict ? Dictionary::LoadCedict() : Dictionary::LoadUrduEnglish();
  if (loaded.ok()) return loaded;
  if (loaded.status().code() == StatusCode::kNotFound) return std::shared_ptr<const Dictionary>();
  return loaded.status();
}

// A termbase or dictionary path that does not exist is a usage error before
// any document is read, rather than a surprise after segmenting.
Status CheckExists(const std::string& path, std::string_view what) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return NotFound(fmt::format("{}: no such {}", path, what));
  if (S_ISDIR(st.st_mode)) return InvalidArgument(fmt::format("{}: is a directory, not a {}", path, what));
  return Status::Ok();
}

bool Has(const std::vector<Language>& languages, Language language) {
  return std::find(languages.begin(), languages.end(), language) != languages.end();
}

}  // namespace

StatusOr<std::shared_ptr<const Session>> Session::Create(const SessionConfig& config) {
  ALIGN_RETURN_IF_ERROR(LoadLanguages());  // termbase tags and segmenters need the language definitions
  for (const std::string& path : config.lexicon_paths) ALIGN_RETURN_IF_ERROR(CheckExists(path, "termbase"));
  for (const DictionarySpec& spec : config.dictionaries) ALIGN_RETURN_IF_ERROR(CheckExists(spec.path, "dictionary"));
  std::shared_ptr<Session> session(new Session());
  session->config_ = config;
  std::future<StatusOr<std::shared_ptr<const Dictionary>>> cedict, urdu_english;
  if (config.preload_setup_dictionaries) {
    if (config.use_cedict) cedict = std::async(std::launch::async, LoadSetup, kCedict);
    if (config.use_urdu_english) urdu_english = std::async(std::launch::async, LoadSetup, kUrduEnglish);
  }
  std::vector<std::string> files;
  if (config.default_lexicon) {
    auto bundled = FindDataFile("lexicons/official-terms.tsv");
    if (!bundled.ok()) return bundled.status();
    files.push_back(*bundled);
  }
  files.insert(files.end(), config.lexicon_paths.begin(), config.lexicon_paths.end());
  if (!files.empty()) {
    std::vector<LexiconProblem> layer_warnings;
    auto lexicon = Lexicon::LoadLayers(config.lexicon_paths, config.default_lexicon, &layer_warnings);
    if (!lexicon.ok()) return lexicon.status();
    for (const LexiconProblem& p : layer_warnings)
      session->warnings_.push_back(fmt::format("{}:{}: {}", p.file, p.line, p.message));
    auto matcher = TermMatcher::Create(std::make_shared<const Lexicon>(std::move(*lexicon)));
    if (!matcher.ok()) return matcher.status();
    session->matcher_ = *matcher;
  }
  session->lexicon_files_ = std::move(files);
  for (auto [future, which] : {std::pair{&cedict, int{kCedict}}, std::pair{&urdu_english, int{kUrduEnglish}}}) {
    if (!future->valid()) continue;
    auto loaded = future->get();
    if (!loaded.ok()) return loaded.status();
    session->setup_[which] = *loaded;
  }
  return std::shared_ptr<const Session>(std::move(session));
}

StatusOr<std::shared_ptr<const Segmenter>> Session::SegmenterFor(Language language) const {
  return segmenters_.Get(language);
}

StatusOr<std::shared_ptr<const Dictionary>> Session::UserDictionary(const std::string& path, Language source,
                                                                    Language target) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto key = std::make_tuple(path, source, target);
  if (auto it = user_.find(key); it != user_.end()) return it->second;
  auto loaded = Dictionary::Load(path, source, target);
  if (!loaded.ok()) return loaded.status();
  user_.emplace(key, *loaded);
  return *loaded;
}

StatusOr<std::shared_ptr<const Dictionary>> Session::SetupDictionary(int which) const {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = setup_.find(which); it != setup_.end()) return it->second;
  auto loaded = LoadSetup(which);
  if (!loaded.ok()) return loaded.status();
  setup_.emplace(which, *loaded);
  return *loaded;
}

StatusOr<AlignResources> Session::DictionariesFor(const std::vector<Language>& languages,
                                                  std::vector<std::string>* names,
                                                  std::vector<std::string>* paths,
                                                  std::vector<std::string>* missing) const {
  AlignResources resources;
  for (const DictionarySpec& spec : config_.dictionaries) {
    Language source = spec.source, target = spec.target;
    if ((source == Language::kUnknown || target == Language::kUnknown) && languages.size() >= 2) {
      source = languages[0];
      target = languages[1];
    }
    auto dictionary = UserDictionary(spec.path, source, target);
    if (!dictionary.ok()) return dictionary.status();
    resources.dictionaries.push_back(*dictionary);
    names->push_back(fmt::format("{},{}={}", LanguageCode(source), LanguageCode(target), spec.path));
    if (paths != nullptr) paths->push_back(spec.path);
  }
  const bool english = Has(languages, Language::kEnglish);
  // Chinese and Urdu without English meet through it: both dictionaries
  // into English, and the two composed (dictionary_pivot.h).
  const bool bridge = !english && Has(languages, Language::kChinese) && Has(languages, Language::kUrdu);
  const char* pair_cedict = bridge ? "Chinese-Urdu (through English)" : "English-Chinese";
  const char* pair_urdu = bridge ? "Chinese-Urdu (through English)" : "English-Urdu";
  struct Setup {
    bool wanted;
    int which;
    const char* name;
    std::string how;  // to set it up
  } setups[] = {
      {config_.use_cedict && (bridge || (english && Has(languages, Language::kChinese))), kCedict, "CC-CEDICT",
       fmt::format("{} is aligned and checked without CC-CEDICT, less well: it is not set up (run "
                   "tools/fetch-cedict.sh, or set TALIGN_CEDICT to its file)",
                   pair_cedict)},
      {config_.use_urdu_english && (bridge || (english && Has(languages, Language::kUrdu))), kUrduEnglish,
       "ur-en pivot lexicon (Apertium urd-hin + FreeDict eng-hin)",
       fmt::format("{} is aligned and checked without the Urdu-English lexicon, less well: it is not set up "
                   "(run tools/fetch-ur-en.sh, or set TALIGN_UR_EN to its file)",
                   pair_urdu)},
  };
  std::shared_ptr<const Dictionary> into_english[2];  // by setup id
  for (const Setup& setup : setups) {
    if (!setup.wanted) continue;
    auto dictionary = SetupDictionary(setup.which);
    if (!dictionary.ok()) return dictionary.status();
    if (!*dictionary) {
      if (missing != nullptr) missing->push_back(setup.how);
      continue;
    }
    into_english[setup.which] = *dictionary;
    resources.dictionaries.push_back(*dictionary);
    names->push_back(setup.name);
    if (paths != nullptr) {
      const std::vector<std::string> files =
          internal::SetupDictionaryFiles(setup.which == kCedict, setup.which == kUrduEnglish);
      paths->push_back(files.empty() ? std::string() : files[0]);
    }
  }
  if (bridge && into_english[kCedict] && into_english[kUrduEnglish]) {
    std::shared_ptr<const Dictionary> composed;
    bool known = false;  // composed before (null when nothing bridges)
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (auto it = setup_.find(kChineseUrdu); it != setup_.end()) composed = it->second, known = true;
    }
    if (!known) {  // outside the lock: other jobs need not wait on composing
      composed = internal::ComposeThroughPivot(*into_english[kCedict], *into_english[kUrduEnglish]);
      std::lock_guard<std::mutex> lock(mutex_);
      composed = setup_.try_emplace(kChineseUrdu, composed).first->second;
    }
    if (composed) {
      resources.dictionaries.push_back(composed);
      names->push_back("zh-ur through English (CC-CEDICT and the ur-en pivot lexicon)");
      if (paths != nullptr) paths->push_back("");
    }
  }
  return resources;
}

StatusOr<std::string> Session::FileSha256(const std::string& path) const {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = hashes_.find(path); it != hashes_.end()) return it->second;
  }
  auto sha = internal::Sha256OfFile(path);  // outside the lock: other jobs need not wait on a read
  if (!sha.ok()) return sha.status();
  std::lock_guard<std::mutex> lock(mutex_);
  hashes_.emplace(path, *sha);
  return *sha;
}

}  // namespace align
