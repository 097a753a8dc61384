// RunBatch: one process, N worker threads, shared read-only resources, every
// output published by rename, failures recorded and isolated.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <future>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>

#include <fmt/format.h>

#include "align/baseline.h"
#include "align/dictionary.h"
#include "align/lexicon.h"
#include "align/match.h"
#include "align/normalize.h"
#include "align/output.h"
#include "align/i18n.h"
#include "align/resources.h"
#include "align/segment.h"
#include "batch_internal.h"
#include "config_internal.h"
#include "pipeline_internal.h"
#include "sha256.h"

namespace align {
namespace fs = std::filesystem;
using namespace batch_internal;

int DefaultJobs() {
  if (const char* slurm = std::getenv("SLURM_CPUS_PER_TASK")) {
    char* end = nullptr;
    long n = std::strtol(slurm, &end, 10);
    if (end != slurm && *end == '\0' && n > 0 && n <= 4096) return static_cast<int>(n);
  }
  unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Output names relative to the out dir. The record comes last: it is written
// after the others and marks the set as complete.
struct SetOutputs {
  std::vector<std::string> files;  // alignment (and reports), in writing order
  std::string record;              // NAME.set.json
};

SetOutputs OutputsOf(const BatchJob& job, const BatchSet& set) {
  return {{fmt::format("{}.align.{}", set.name, AlignFormatOf(job.format).extension), set.name + ".findings.json",
           set.name + ".report.html"},
          set.name + ".set.json"};
}

std::string InDir(const BatchJob& job, const std::string& rel) { return (fs::path(job.out_dir) / rel).string(); }

// SHA-256 of everything besides its inputs that a set's outputs depend on:
// the talign version, the output format, the settings, and the content of
// every termbase and dictionary file. Two runs with the same fingerprint and
// the same input bytes write the same outputs.
StatusOr<std::string> SettingsFingerprint(const BatchJob& job, const Session& session) {
  nlohmann::ordered_json j;
  j["talign"] = std::string(Version());
  j["format"] = std::string(AlignFormatName(job.format));
  j["with_text"] = job.with_text;
  j["ui_language"] = job.ui_language;
  j["presegmented"] = job.presegmented;
  j["source"] = job.source_language;
  j["aligner"] = internal::AlignerConfigToJson(job.aligner);
  j["check"] = internal::CheckConfigToJson(job.check);
  auto hash_of = [](const std::string& path) -> StatusOr<std::string> { return internal::Sha256OfFile(path); };
  for (const std::string& path : session.lexicon_files()) {
    auto sha = hash_of(path);
    if (!sha.ok()) return sha.status();
    j["termbases"].push_back(*sha);
  }
  if (!job.baseline_path.empty()) {
    // A changed baseline changes what the sets report: --resume reruns them.
    auto sha = hash_of(job.baseline_path);
    if (!sha.ok()) return sha.status();
    j["baseline"] = *sha;
  }
  for (const DictionarySpec& spec : job.resources.dictionaries) {
    auto sha = hash_of(spec.path);
    if (!sha.ok()) return sha.status();
    j["dictionaries"].push_back({LanguageCode(spec.source), LanguageCode(spec.target), *sha});
  }
  for (const std::string& path : internal::SetupDictionaryFiles(job.resources.use_cedict, job.resources.use_urdu_english)) {
    auto sha = hash_of(path);
    if (!sha.ok()) return sha.status();
    j["setup_dictionaries"].push_back(*sha);
  }
  return internal::Sha256Hex(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

// With --resume: the set's summary read back from its record when an earlier
// run finished it with these settings and these input bytes, and every
// output is still there; nullopt means "run it".
std::optional<BatchSetSummary> Finished(const BatchJob& job, const BatchSet& set, const SetOutputs& outputs,
                                        const std::string& settings) {
  auto record = ReadJsonFile(InDir(job, outputs.record), kStateFileLimit);
  BatchSetSummary summary;
  if (!record.ok() || !SetFromJson(*record, &summary)) return std::nullopt;
  if (summary.name != set.name || summary.inputs != set.inputs || !summary.ok) return std::nullopt;
  if (summary.settings_sha256 != settings || summary.input_sha256.size() != set.inputs.size()) return std::nullopt;
  for (const std::string& rel : outputs.files) {
    struct stat st;
    if (::stat(InDir(job, rel).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  }
  for (size_t i = 0; i < set.inputs.size(); ++i) {
    auto sha = internal::Sha256OfFile(set.inputs[i]);
    if (!sha.ok() || *sha != summary.input_sha256[i]) return std::nullopt;  // changed or gone: run it
  }
  summary.resumed = true;
  summary.seconds = 0;
  return summary;
}

// Whether a term counts as a rendering of its concept for consistency across
// the batch, by the rules the checker applies inside one document: only
// preferred and admitted full forms of a concept that has a preferred term
// in that language. Short forms are not a second rendering (a term whose key
// is part of another term of the concept, or at most half as long as the
// preferred term: CPEC, BRI, سی پیک); deprecated and superseded ones are
// deprecated-term findings, not inconsistencies.
bool IsFullRendering(const Lexicon& lexicon, uint32_t term_index) {
  const Term& term = lexicon.terms()[term_index];
  if (term.status != TermStatus::kPreferred && term.status != TermStatus::kAdmitted) return false;
  const Normalizer& normalizer = Normalizer::Get();
  const std::string key = normalizer.KeyOf(term.text);
  size_t preferred = 0;
  bool has_preferred = false;
  for (uint32_t t : lexicon.concepts()[term.concept_index].terms) {
    const Term& other = lexicon.terms()[t];
    if (other.language != term.language) continue;
    if (other.status == TermStatus::kPreferred) has_preferred = true;
    if (t == term_index) continue;
    const std::string other_key = normalizer.KeyOf(other.text);
    if (other_key.size() > key.size() && other_key.find(key) != std::string::npos) return false;
    if (other.status == TermStatus::kPreferred) preferred = std::max(preferred, other_key.size());
  }
  return has_preferred && key.size() * 2 > preferred;
}

// The full renderings each version used, for the summary and the
// consistency across the batch.
void CountTermUses(const Lexicon& lexicon, const CheckResult& checked, BatchSetSummary* summary) {
  std::map<uint32_t, bool> full;  // term index → IsFullRendering
  std::map<std::tuple<std::string, std::string, std::string, std::string>, size_t> uses;
  for (size_t v = 0; v < checked.hits.size(); ++v) {
    const std::string language(LanguageCode(checked.align.versions[v].language));
    for (const TermHit& h : checked.hits[v]) {
      auto [it, fresh] = full.try_emplace(h.term_index, false);
      if (fresh) it->second = IsFullRendering(lexicon, h.term_index);
      if (!it->second) continue;
      const Term& term = lexicon.terms()[h.term_index];
      ++uses[{lexicon.concepts()[h.concept_index].id, language, term.text, std::string(TermStatusName(h.status))}];
    }
  }
  for (const auto& [key, count] : uses) {
    const auto& [concept_id, language, term, status] = key;
    summary->terms.push_back({concept_id, language, term, status, count});
  }
}

void Describe(const AlignResult& result, BatchSetSummary* summary) {
  summary->languages = result.language_tags;
  for (const AlignInput& v : result.versions) summary->sentences.push_back(v.sentences.size());
  std::map<std::string, size_t> shapes;
  double total = 0;
  for (const Bead& bead : result.alignment.beads) {
    std::string shape;
    for (size_t v = 0; v < bead.sides.size(); ++v) shape += (v ? "-" : "") + std::to_string(bead.sides[v].size());
    ++shapes[shape];
    total += bead.score;
  }
  summary->beads.assign(shapes.begin(), shapes.end());
  summary->mean_score = result.alignment.beads.empty() ? 0 : total / result.alignment.beads.size();
  summary->warnings = result.alignment.warnings;
}

void RemoveOutputs(const BatchJob& job, const SetOutputs& outputs) {
  std::error_code ec;
  fs::remove(InDir(job, outputs.record), ec);  // first: the set no longer counts as done
  for (const std::string& rel : outputs.files) fs::remove(InDir(job, rel), ec);
}

// What every set of one run shares.
struct RunContext {
  const BatchJob& job;
  const Session& session;
  const Translator* translator;  // the HTML reports' UI language; null: English
  const ProtectedFiles& inputs;  // never overwritten by an output
  const std::string& settings;   // SettingsFingerprint
  const Baseline* baseline;      // null: none
};

// The provenance of the whole run: each set's report records the
// dictionaries its languages used; the summary lists those the run had.
StatusOr<Provenance> RunProvenance(const BatchJob& job, const Session& session, const Baseline* baseline) {
  Provenance out;
  out.talign_version = std::string(Version());
  const auto file = [&](const std::string& name, const std::string& path) -> StatusOr<ProvenanceFile> {
    auto sha = session.FileSha256(path);
    if (!sha.ok()) return sha.status();
    return ProvenanceFile{name, path, *sha};
  };
  for (const std::string& path : session.lexicon_files()) {
    auto f = file(path, path);
    if (!f.ok()) return f.status();
    out.termbases.push_back(*f);
  }
  for (const DictionarySpec& spec : job.resources.dictionaries) {
    auto f = file(spec.source == Language::kUnknown
                      ? spec.path
                      : fmt::format("{},{}={}", LanguageCode(spec.source), LanguageCode(spec.target), spec.path),
                  spec.path);
    if (!f.ok()) return f.status();
    out.dictionaries.push_back(*f);
  }
  for (const std::string& path :
       internal::SetupDictionaryFiles(job.resources.use_cedict, job.resources.use_urdu_english)) {
    auto f = file(fs::path(path).filename().string(), path);
    if (!f.ok()) return f.status();
    out.dictionaries.push_back(*f);
  }
  out.source_language = job.source_language;
  if (baseline != nullptr) out.baseline_sha256 = baseline->sha256();
  out.check = job.check;
  out.aligner = job.aligner;
  return out;
}

// One set is `talign check` on its versions, with the run's session, and
// its outputs written beside each other; the record comes last.
Status AlignSet(const RunContext& run, const BatchSet& set, const SetOutputs& outputs, BatchSetSummary* summary) {
  const BatchJob& job = run.job;
  CheckJob check;
  AlignJob& align_job = check.align;
  align_job.inputs = set.inputs;
  bool any_tag = std::any_of(set.language_tags.begin(), set.language_tags.end(),
                             [](const std::string& t) { return !t.empty(); });
  if (any_tag) align_job.language_tags = set.language_tags;
  align_job.presegmented = job.presegmented;
  align_job.read.max_bytes = job.max_input_bytes;
  align_job.read.regular_only = true;
  align_job.reject_empty_versions = true;
  align_job.source_language = job.source_language;
  align_job.aligner = job.aligner;
  check.config = job.check;
  check.baseline = run.baseline;
  auto checked = RunCheck(check, run.session);
  if (!checked.ok()) return checked.status();
  const AlignResult& result = checked->align;
  const Lexicon& lexicon = run.session.matcher()->lexicon();
  CountTermUses(lexicon, *checked, summary);

  FindingsReport report{&result, &checked->hits, &lexicon, &checked->findings};
  report.suppressed = checked->suppressed.size();
  report.provenance = &checked->provenance;
  ReportOptions options;
  options.translator = run.translator;
  std::ostringstream aligned, json, html;
  ALIGN_RETURN_IF_ERROR(job.with_text ? WriteJsonl(result, aligned, {.with_text = true})
                                       : WriteAlignment(result, job.format, aligned));
  ALIGN_RETURN_IF_ERROR(WriteFindingsJson(report, json));
  ALIGN_RETURN_IF_ERROR(WriteFindingsHtml(report, options, html));
  ALIGN_RETURN_IF_ERROR(WriteOutputFile(InDir(job, outputs.files[0]), run.inputs, aligned.str()));
  ALIGN_RETURN_IF_ERROR(WriteOutputFile(InDir(job, outputs.files[1]), run.inputs, json.str()));
  ALIGN_RETURN_IF_ERROR(WriteOutputFile(InDir(job, outputs.files[2]), run.inputs, html.str()));

  Describe(result, summary);
  for (const auto& [type, count] : checked->summary.by_type) summary->findings.emplace_back(FindingTypeName(type), count);
  summary->findings_total = checked->summary.total;
  summary->suppressed = checked->suppressed.size();
  summary->outputs = outputs.files;
  for (const AlignInput& v : result.versions) summary->input_sha256.push_back(internal::Sha256Hex(v.document.bytes()));
  summary->settings_sha256 = run.settings;
  summary->ok = true;
  return WriteOutputFile(InDir(job, outputs.record), run.inputs, Dump(SetToJson(*summary, false, false)));
}

// The set's work, with whatever escapes as an exception (out of memory
// above all) turned into the set's error: one set never ends the batch.
Status AlignSetGuarded(const RunContext& run, const BatchSet& set, const SetOutputs& outputs,
                       BatchSetSummary* summary) {
  try {
    return AlignSet(run, set, outputs, summary);
  } catch (const std::bad_alloc&) {
    return ResourceLimit("out of memory");
  } catch (const std::exception& e) {
    return Internal(fmt::format("internal error: {}", e.what()));
  }
}

// Every file the run reads, so that no output replaces one of them, and
// the refusal, before anything is written, of a run whose output names an
// input (a manifest can name an input after an output of another set).
StatusOr<ProtectedFiles> ProtectInputs(const BatchJob& job, const std::vector<BatchSet>& all,
                                       const std::vector<BatchSet>& sets, const std::string& summary_name) {
  ProtectedFiles inputs;
  for (const BatchSet& set : all) {
    for (const std::string& path : set.inputs) inputs.Add(path);
  }
  if (!job.manifest_path.empty()) inputs.Add(job.manifest_path);
  for (const std::string& path : job.resources.lexicon_paths) inputs.Add(path);
  for (const DictionarySpec& spec : job.resources.dictionaries) inputs.Add(spec.path);
  if (!job.baseline_path.empty()) inputs.Add(job.baseline_path);
  std::vector<std::string> outputs{summary_name, "summary.html"};
  for (const BatchSet& set : sets) {
    SetOutputs o = OutputsOf(job, set);
    outputs.insert(outputs.end(), o.files.begin(), o.files.end());
    outputs.push_back(o.record);
  }
  for (const std::string& rel : outputs) {
    struct stat st;
    const std::string path = InDir(job, rel);
    if (::stat(path.c_str(), &st) != 0) continue;
    if (const std::string* input = inputs.Find(st.st_dev, st.st_ino)) {
      return InvalidArgument(fmt::format("{}: this output would replace the input {}; choose another --out", path,
                                         *input));
    }
  }
  return inputs;
}

// The file that marks a directory as written by talign batch.
constexpr std::string_view kOutDirMark = ".talign-batch";

// A batch replaces its outputs by name (NAME.findings.json, summary.json,
// ...), so it writes only into a directory that is new, empty, or marked as
// a batch's own: never among a user's files, where such a name may be a
// file of theirs (the corpus's own NAME.findings.json, say).
Status ClaimOutDir(const std::string& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return IoError(fmt::format("{}: cannot create: {}", dir, ec.message()));
  const fs::path mark = fs::path(dir) / kOutDirMark;
  if (fs::exists(mark, ec)) return Status::Ok();
  fs::directory_iterator it(dir, ec);
  if (ec) return IoError(fmt::format("{}: cannot read: {}", dir, ec.message()));
  if (it != fs::directory_iterator()) {
    return InvalidArgument(fmt::format(
        "{}: not empty, and not an output directory of talign batch (no {} in it); give a new or empty "
        "--out, so that no file of yours is replaced",
        dir, kOutDirMark));
  }
  return WriteOutputFile(mark.string(), ProtectedFiles(),
                         std::string_view("This directory holds the outputs of talign batch, which may replace "
                                          "any file in it.\n"));
}

// Temporaries ("FILE.tmp.PID") of this run's outputs left by a killed run.
// Only files this run owns are touched, so array tasks sharing an out dir
// never remove each other's work in progress.
void RemoveStaleTemporaries(const BatchJob& job, const std::vector<BatchSet>& sets,
                            const std::string& summary_name) {
  std::set<std::string> owned{InDir(job, summary_name), InDir(job, "summary.html")};
  for (const BatchSet& set : sets) {
    SetOutputs outputs = OutputsOf(job, set);
    for (const std::string& rel : outputs.files) owned.insert(InDir(job, rel));
    owned.insert(InDir(job, outputs.record));
  }
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::recursive_directory_iterator it(job.out_dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string path = it->path().string();
    size_t tmp = path.rfind(".tmp.");
    if (tmp == std::string::npos || path.find_first_not_of("0123456789", tmp + 5) != std::string::npos) continue;
    if (owned.count(path.substr(0, tmp))) stale.push_back(it->path());
  }
  for (const fs::path& path : stale) fs::remove(path, ec);
}

}  // namespace

namespace {

StatusOr<BatchSummary> RunBatchUnguarded(const BatchJob& job, const BatchProgressFn& progress) {
  Clock::time_point start = Clock::now();
  if (job.input_dir.empty() == job.manifest_path.empty()) {
    return InvalidArgument("give either an input directory or a manifest, not both");
  }
  if (job.out_dir.empty()) return InvalidArgument("no output directory (--out)");
  if ((job.task_index > 0) != (job.per_task > 0)) {
    return InvalidArgument("--task-index and --per-task go together (both ≥ 1)");
  }
  auto all = job.manifest_path.empty() ? DiscoverSets(job.input_dir)
                                        : ReadManifest(job.manifest_path, job.language_tags);
  if (!all.ok()) return all.status();
  const std::vector<BatchSet> sets = TaskSlice(*all, job.task_index, job.per_task);

  ALIGN_RETURN_IF_ERROR(ClaimOutDir(job.out_dir));
  const std::string summary_name =
      job.task_index > 0 ? fmt::format("summary.task-{}.json", job.task_index) : "summary.json";
  RemoveStaleTemporaries(job, sets, summary_name);

  auto inputs = ProtectInputs(job, *all, sets, summary_name);
  if (!inputs.ok()) return inputs.status();
  SessionConfig resources = job.resources;
  resources.preload_setup_dictionaries = true;
  auto session = Session::Create(resources);
  if (!session.ok()) return session.status();
  std::unique_ptr<Translator> translator;
  if (!job.ui_language.empty()) {
    auto created = Translator::Create(job.ui_language);
    if (!created.ok()) return created.status();
    translator = std::make_unique<Translator>(std::move(*created));
  }
  auto settings = SettingsFingerprint(job, **session);
  if (!settings.ok()) return settings.status();
  std::optional<Baseline> baseline;
  if (!job.baseline_path.empty()) {
    auto loaded = Baseline::Load(job.baseline_path);
    if (!loaded.ok()) return loaded.status();
    baseline = std::move(*loaded);
  }
  const RunContext run{job, **session, translator.get(), *inputs, *settings, baseline ? &*baseline : nullptr};

  BatchSummary summary;
  auto provenance = RunProvenance(job, **session, run.baseline);
  if (!provenance.ok()) return provenance.status();
  summary.provenance = internal::ProvenanceToJson(*provenance).dump();
  summary.sets.resize(sets.size());
  std::atomic<size_t> next{0};
  std::mutex progress_mutex;
  BatchProgress state;
  state.total = sets.size();

  auto worker = [&] {
    for (size_t i = next++; i < sets.size(); i = next++) {
      Clock::time_point set_start = Clock::now();
      const BatchSet& set = sets[i];
      SetOutputs outputs = OutputsOf(job, set);
      BatchSetSummary& entry = summary.sets[i];
      std::optional<BatchSetSummary> done;
      if (job.resume) done = Finished(job, set, outputs, *settings);
      if (done) {
        entry = std::move(*done);
      } else {
        entry.name = set.name;
        entry.inputs = set.inputs;
        Status status = AlignSetGuarded(run, set, outputs, &entry);
        if (!status.ok()) {
          RemoveOutputs(job, outputs);  // an earlier success no longer holds
          BatchSetSummary failed;
          failed.name = set.name;
          failed.inputs = set.inputs;
          failed.error = set.line > 0
              ? fmt::format("{}:{}: set '{}': {}", job.manifest_path, set.line, set.name, status.message())
              : status.message();
          entry = std::move(failed);
        }
        entry.seconds = SecondsSince(set_start);
      }
      std::lock_guard<std::mutex> lock(progress_mutex);
      ++state.done;
      state.failed += !entry.ok;
      state.resumed += entry.resumed;
      state.elapsed_seconds = SecondsSince(start);
      state.last = &entry;
      if (progress) progress(state);
    }
  };
  int threads = std::max(1, std::min<int>(job.jobs > 0 ? job.jobs : DefaultJobs(),
                                          static_cast<int>(std::max<size_t>(sets.size(), 1))));
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) {
    try {
      pool.emplace_back(worker);
    } catch (const std::system_error& e) {
      // Under a memory or process limit: go on with the threads we have.
      summary.warnings.push_back(fmt::format("could start only {} of {} worker threads: {}", t, threads, e.what()));
      break;
    }
  }
  worker();
  for (std::thread& t : pool) t.join();

  Recount(&summary);
  summary.inconsistencies = FindInconsistencies(summary.sets);
  summary.seconds = SecondsSince(start);
  summary.summary_path = InDir(job, summary_name);
  ALIGN_RETURN_IF_ERROR(WriteOutputFile(summary.summary_path, *inputs,
                                        SummaryJson(summary, job.task_index, job.per_task, job.timings)));
  if (job.task_index == 0) {
    ALIGN_RETURN_IF_ERROR(WriteOutputFile(InDir(job, "summary.html"), *inputs, SummaryHtml(summary)));
  }
  return summary;
}

}  // namespace

StatusOr<BatchSummary> RunBatch(const BatchJob& job, const BatchProgressFn& progress) {
  return internal::Guarded([&] { return RunBatchUnguarded(job, progress); });
}

}  // namespace align
