// Summaries of a batch: per-set records, summary.json, summary.html, and the
// merge of the per-task summaries of a job array.
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "align/output.h"
#include "align/resources.h"
#include "batch_internal.h"
#include "report_html_internal.h"
#include "sha256.h"

namespace align::batch_internal {
namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

std::string Dump(const json& j) { return j.dump(1, '\t', false, json::error_handler_t::replace) + "\n"; }

StatusOr<json> ReadJsonFile(const std::string& path, size_t limit) {
  auto doc = Document::Load(path, {limit, /*regular_only=*/true, /*encoding=*/""});
  if (!doc.ok()) return doc.status();
  json j = json::parse(doc->bytes(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return DataError(fmt::format("{}: not valid JSON", path));
  return j;
}

namespace {

double Round4(double x) { return std::round(x * 1e4) / 1e4; }
double Round3(double x) { return std::round(x * 1e3) / 1e3; }

}  // namespace

json SetToJson(const BatchSetSummary& set, bool run_fields, bool timings) {
  json j = json::object();
  j["name"] = set.name;
  j["inputs"] = set.inputs;
  j["languages"] = set.languages;
  j["status"] = set.ok ? "ok" : "failed";
  if (!set.ok) j["error"] = set.error;
  j["sentences"] = set.sentences;
  json beads = json::object();
  for (const auto& [shape, count] : set.beads) beads[shape] = count;
  j["beads"] = beads;
  j["mean_score"] = Round4(set.mean_score);
  json terms = json::array();
  for (const BatchSetSummary::TermUse& t : set.terms) {
    terms.push_back({{"concept", t.concept_id}, {"lang", t.language}, {"term", t.term},
                     {"status", t.status}, {"count", t.count}});
  }
  j["terms"] = terms;
  json findings = json::object();
  for (const auto& [type, count] : set.findings) findings[type] = count;
  findings["total"] = set.findings_total;
  if (set.suppressed > 0) findings["suppressed"] = set.suppressed;
  j["findings"] = findings;
  j["warnings"] = set.warnings;
  j["outputs"] = set.outputs;
  j["input_sha256"] = set.input_sha256;
  j["settings_sha256"] = set.settings_sha256;
  if (run_fields) {
    j["resumed"] = set.resumed;
    if (timings) j["seconds"] = Round3(set.seconds);
  }
  return j;
}

namespace {

// A bead shape as Describe() writes it: counts joined by '-', "1-1", "0-1-1".
bool IsShape(const std::string& shape) {
  if (shape.empty() || shape.front() == '-' || shape.back() == '-') return false;
  return shape.find_first_not_of("0123456789-") == std::string::npos && shape.find("--") == std::string::npos;
}

// An output name from a record: relative, inside the out dir, with an extension.
bool IsOutputName(const std::string& name) {
  const fs::path path(name);
  if (name.empty() || path.is_absolute() || !path.has_extension()) return false;
  for (const fs::path& part : path) {
    if (part == "..") return false;
  }
  return true;
}

}  // namespace

bool SetFromJson(const json& j, BatchSetSummary* set) {
  try {
    if (!j.is_object()) return false;
    set->name = j.at("name").get<std::string>();
    set->inputs = j.at("inputs").get<std::vector<std::string>>();
    set->languages = j.at("languages").get<std::vector<std::string>>();
    set->ok = j.at("status").get<std::string>() == "ok";
    set->error = j.value("error", std::string());
    // Every count is checked to be an unsigned integer before it is read:
    // nlohmann would convert 5.6e19 (a double) to size_t, which is undefined.
    set->sentences.clear();
    for (const auto& n : j.at("sentences")) {
      if (!n.is_number_unsigned()) return false;
      set->sentences.push_back(n.get<size_t>());
    }
    set->beads.clear();
    for (const auto& [shape, count] : j.at("beads").items()) {
      if (!IsShape(shape) || !count.is_number_unsigned()) return false;
      set->beads.emplace_back(shape, count.get<size_t>());
    }
    const json& mean = j.at("mean_score");
    if (!mean.is_number()) return false;
    set->mean_score = mean.get<double>();
    set->terms.clear();
    for (const auto& t : j.at("terms")) {
      if (!t.at("count").is_number_unsigned()) return false;
      set->terms.push_back({t.at("concept").get<std::string>(), t.at("lang").get<std::string>(),
                            t.at("term").get<std::string>(), t.at("status").get<std::string>(),
                            t.at("count").get<size_t>()});
    }
    set->findings.clear();
    set->findings_total = 0;
    set->suppressed = 0;
    for (const auto& [type, count] : j.at("findings").items()) {
      if (!count.is_number_unsigned()) return false;
      if (type == "total") {
        set->findings_total = count.get<size_t>();
      } else if (type == "suppressed") {
        set->suppressed = count.get<size_t>();
      } else if (ParseFindingType(type)) {
        set->findings.emplace_back(type, count.get<size_t>());
      } else {
        return false;  // not a type of the checker's registry
      }
    }
    set->warnings = j.at("warnings").get<std::vector<std::string>>();
    set->outputs = j.at("outputs").get<std::vector<std::string>>();
    for (const std::string& output : set->outputs) {
      if (!IsOutputName(output)) return false;
    }
    set->input_sha256 = j.value("input_sha256", std::vector<std::string>());
    set->settings_sha256 = j.value("settings_sha256", std::string());
    set->resumed = j.value("resumed", false);
    set->seconds = j.value("seconds", 0.0);
    return true;
  } catch (const json::exception&) {
    return false;
  }
}

std::vector<BatchInconsistency> FindInconsistencies(const std::vector<BatchSetSummary>& sets) {
  // (concept, language) → term → rendering; std::map keeps the output sorted.
  std::map<std::pair<std::string, std::string>, std::map<std::string, BatchInconsistency::Rendering>> seen;
  for (const BatchSetSummary& set : sets) {
    if (!set.ok) continue;
    for (const BatchSetSummary::TermUse& use : set.terms) {
      BatchInconsistency::Rendering& r = seen[{use.concept_id, use.language}][use.term];
      r.term = use.term;
      r.status = use.status;
      r.count += use.count;
      if (r.sets.empty() || r.sets.back() != set.name) r.sets.push_back(set.name);
    }
  }
  std::vector<BatchInconsistency> found;
  for (auto& [key, renderings] : seen) {
    if (renderings.size() < 2) continue;
    // Several renderings inside one document only: the checker's per-document
    // inconsistent-term covers it; the batch reports variation between sets.
    std::set<std::string> sets_with;
    for (const auto& [term, r] : renderings) sets_with.insert(r.sets.begin(), r.sets.end());
    if (sets_with.size() < 2) continue;
    BatchInconsistency inconsistency{key.first, key.second, {}};
    for (auto& [term, r] : renderings) inconsistency.renderings.push_back(std::move(r));
    std::stable_sort(inconsistency.renderings.begin(), inconsistency.renderings.end(),
                     [](const auto& a, const auto& b) { return a.count > b.count; });
    found.push_back(std::move(inconsistency));
  }
  return found;
}

void Recount(BatchSummary* summary) {
  summary->ok = summary->failed = summary->resumed = 0;
  for (const BatchSetSummary& set : summary->sets) {
    (set.ok ? summary->ok : summary->failed)++;
    summary->resumed += set.resumed;
  }
}

std::string SummaryJson(const BatchSummary& summary, int task_index, int per_task, bool timings) {
  json j = json::object();
  j["talign"] = std::string(Version());
  if (task_index > 0) {
    j["task_index"] = task_index;
    j["per_task"] = per_task;
  }
  json sets = json::array();
  std::map<std::string, size_t> beads;
  std::map<std::string, size_t, std::less<>> by_type;
  size_t findings_total = 0, suppressed = 0;
  for (const BatchSetSummary& set : summary.sets) {
    sets.push_back(SetToJson(set, true, timings));
    for (const auto& [shape, count] : set.beads) beads[shape] += count;
    for (const auto& [type, count] : set.findings) by_type[type] += count;
    findings_total += set.findings_total;
    suppressed += set.suppressed;
  }
  json findings = json::object();  // the types some set counts, in the checker's registry order
  for (const FindingTypeInfo& type : FindingTypes()) {
    if (auto it = by_type.find(type.name); it != by_type.end()) findings[it->first] = it->second;
  }
  findings["total"] = findings_total;
  if (suppressed > 0) findings["suppressed"] = suppressed;
  json totals = json::object();
  totals["sets"] = summary.sets.size();
  totals["ok"] = summary.ok;
  totals["failed"] = summary.failed;
  totals["resumed"] = summary.resumed;
  totals["beads"] = beads;
  totals["findings"] = findings;
  totals["inconsistent_across_sets"] = summary.inconsistencies.size();
  if (timings) totals["seconds"] = Round3(summary.seconds);
  j["totals"] = totals;
  json consistency = json::array();
  for (const BatchInconsistency& inc : summary.inconsistencies) {
    json renderings = json::array();
    for (const auto& r : inc.renderings) {
      renderings.push_back({{"term", r.term}, {"status", r.status}, {"count", r.count}, {"sets", r.sets}});
    }
    consistency.push_back({{"type", std::string(FindingTypeName(FindingType::kInconsistentTerm))},
                           {"concept", inc.concept_id},
                           {"lang", inc.language},
                           {"renderings", renderings}});
  }
  j["consistency"] = consistency;
  if (!summary.warnings.empty()) j["warnings"] = summary.warnings;
  if (!summary.provenance.empty()) j["provenance"] = json::parse(summary.provenance, nullptr, false);
  j["sets"] = sets;
  return Dump(j);
}

namespace {

using html_internal::Escape;  // the report's: also repairs bytes that are not UTF-8

// Set names and file names are paths; a link needs each byte that is not
// safe in a URL percent-encoded (the page sits in the out dir, so links are
// relative to it).
std::string UrlPath(std::string_view path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || std::string_view("/-_.~").find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

size_t Count(const BatchSetSummary& set, bool (*pred)(const std::string&)) {
  size_t n = 0;
  for (const auto& [shape, count] : set.beads) n += pred(shape) ? count : 0;
  return n;
}

bool IsUnmatched(const std::string& shape) {
  // Beads where some version has no sentence: "0-1", "1-0", "1-1-0", ...
  return shape.starts_with('0') || shape.find("-0") != std::string::npos;
}
bool AnyShape(const std::string&) { return true; }

// The page runs this script and nothing else: the Content-Security-Policy
// names it by its hash, as the check report does.
constexpr std::string_view kSortScript = R"(
// Click a column header to sort by it; click again to reverse.
document.querySelectorAll('th').forEach(function (th, col) {
  th.addEventListener('click', function () {
    var body = th.closest('table').tBodies[0];
    var dir = th.dataset.dir === 'asc' ? -1 : 1;
    th.dataset.dir = dir === 1 ? 'asc' : 'desc';
    Array.from(body.rows).sort(function (a, b) {
      var x = a.cells[col].dataset.v, y = b.cells[col].dataset.v;
      var nx = parseFloat(x), ny = parseFloat(y);
      var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
      return dir * c;
    }).forEach(function (row) { body.appendChild(row); });
  });
});
)";

}  // namespace

std::string SummaryHtml(const BatchSummary& summary) {
  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
      << "script-src 'sha256-" << internal::Sha256Base64(kSortScript) << "'; base-uri 'none'; form-action 'none'\">\n"
      << "<title>talign batch summary</title>\n<style>\n"
      << "body{font-family:system-ui,sans-serif;margin:1.5em}"
      << "table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
      << "th{cursor:pointer;background:#f3f3f3}td.n{text-align:right}tr.failed{background:#fde8e8}\n"
      << "</style>\n</head>\n<body>\n<h1>talign batch summary</h1>\n";
  out << fmt::format("<p>{} sets: {} ok, {} failed, {} resumed from an earlier run.</p>\n",
                     summary.sets.size(), summary.ok, summary.failed, summary.resumed);
  out << "<table>\n<thead><tr><th>set</th><th>status</th><th>languages</th><th>sentences</th>"
         "<th>beads</th><th>unmatched beads</th><th>mean score</th><th>findings</th><th>outputs</th>"
         "<th>error</th></tr></thead>\n<tbody>\n";
  for (const BatchSetSummary& set : summary.sets) {
    std::string langs, sentences, outputs;
    for (size_t i = 0; i < set.languages.size(); ++i) langs += (i ? "," : "") + set.languages[i];
    size_t total_sentences = 0;
    for (size_t i = 0; i < set.sentences.size(); ++i) {
      sentences += (i ? "/" : "") + std::to_string(set.sentences[i]);
      total_sentences += set.sentences[i];
    }
    std::string report;
    for (const std::string& file : set.outputs) {
      std::string extension = fs::path(file).extension().string();
      if (!extension.empty()) extension.erase(0, 1);
      outputs += fmt::format("<a href=\"{}\">{}</a> ", Escape(UrlPath(file)), Escape(extension));
      if (fs::path(file).extension() == ".html") report = file;
    }
    std::string name_cell = report.empty()
        ? Escape(set.name)
        : fmt::format("<a href=\"{}\">{}</a>", Escape(UrlPath(report)), Escape(set.name));
    size_t beads = Count(set, AnyShape), unmatched = Count(set, IsUnmatched);
    std::string by_type;
    for (const auto& [type, count] : set.findings) {
      if (count > 0) by_type += fmt::format("{}{}: {}", by_type.empty() ? "" : ", ", type, count);
    }
    out << fmt::format(
        "<tr class=\"{}\"><td data-v=\"{}\">{}</td><td data-v=\"{}\">{}</td><td data-v=\"{}\">{}</td>"
        "<td class=\"n\" data-v=\"{}\">{}</td><td class=\"n\" data-v=\"{}\">{}</td>"
        "<td class=\"n\" data-v=\"{}\">{}</td><td class=\"n\" data-v=\"{:.4f}\">{:.4f}</td>"
        "<td class=\"n\" data-v=\"{}\" title=\"{}\">{}</td>"
        "<td data-v=\"\">{}</td><td data-v=\"{}\">{}</td></tr>\n",
        set.ok ? "ok" : "failed", Escape(set.name), name_cell, set.ok ? "ok" : "failed",
        set.ok ? "ok" : "failed", Escape(langs), Escape(langs), total_sentences, sentences, beads, beads,
        unmatched, unmatched, set.mean_score, set.mean_score, set.findings_total, Escape(by_type),
        set.findings_total, outputs, Escape(set.error),
        Escape(set.error));
  }
  out << "</tbody>\n</table>\n";
  out << "<h2>Consistency across the batch</h2>\n";
  if (summary.inconsistencies.empty()) {
    out << "<p>No concept is rendered by different termbase terms of one language in different sets.</p>\n";
  } else {
    out << "<p>" << FindingTypeName(FindingType::kInconsistentTerm)
        << ": one concept, several renderings in one language across sets.</p>\n"
           "<table>\n<thead><tr><th>concept</th><th>language</th><th>rendering</th><th>status</th>"
           "<th>occurrences</th><th>sets</th></tr></thead>\n<tbody>\n";
    for (const BatchInconsistency& inc : summary.inconsistencies) {
      for (const auto& r : inc.renderings) {
        std::string names;
        for (size_t i = 0; i < r.sets.size(); ++i) names += (i ? ", " : "") + r.sets[i];
        out << fmt::format(
            "<tr><td data-v=\"{0}\">{0}</td><td data-v=\"{1}\">{1}</td><td data-v=\"{2}\">{2}</td>"
            "<td data-v=\"{3}\">{3}</td><td class=\"n\" data-v=\"{4}\">{4}</td><td data-v=\"{5}\">{5}</td></tr>\n",
            Escape(inc.concept_id), Escape(inc.language), Escape(r.term), Escape(r.status), r.count,
            Escape(names));
      }
    }
    out << "</tbody>\n</table>\n";
  }
  if (!summary.provenance.empty()) {
    // The files and settings behind every set's findings (as summary.json has them).
    const json provenance = json::parse(summary.provenance, nullptr, false);
    out << "<details class=\"provenance\" id=\"provenance\"><summary>Provenance</summary><pre>"
        << Escape(provenance.dump(1, ' ', false, json::error_handler_t::replace)) << "</pre></details>\n";
  }
  out << "<script>" << kSortScript << "</script>\n</body>\n</html>\n";
  return out.str();
}

}  // namespace align::batch_internal

namespace align {

namespace {

// The I of "summary.task-I.json"; nullopt for any other name.
std::optional<uint64_t> TaskIndexOf(const std::string& name) {
  constexpr std::string_view kPrefix = "summary.task-", kSuffix = ".json";
  if (name.size() <= kPrefix.size() + kSuffix.size() || !name.starts_with(kPrefix) || !name.ends_with(kSuffix)) {
    return std::nullopt;
  }
  const std::string_view digits = std::string_view(name).substr(kPrefix.size(), name.size() - kPrefix.size() - kSuffix.size());
  uint64_t index = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), index);
  if (ec != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  return index;
}

}  // namespace

StatusOr<BatchSummary> MergeSummaries(const std::string& out_dir) {
  namespace fs = std::filesystem;
  using namespace batch_internal;
  std::map<uint64_t, fs::path> tasks;
  std::error_code ec;
  fs::directory_iterator it(out_dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
    if (auto index = TaskIndexOf(it->path().filename().string())) tasks[*index] = it->path();
  }
  if (ec) return IoError(fmt::format("{}: cannot read: {}", out_dir, ec.message()));
  if (tasks.empty()) return NotFound(fmt::format("{}: no summary.task-*.json to merge", out_dir));
  BatchSummary merged;
  bool timings = false;
  for (const auto& [index, path] : tasks) {
    auto read = ReadJsonFile(path.string(), kStateFileLimit);
    if (!read.ok()) return read.status();
    const nlohmann::ordered_json& j = *read;
    if (!j.is_object() || !j.contains("sets") || !j["sets"].is_array()) {
      return DataError(fmt::format("{}: not a talign batch summary", path.string()));
    }
    if (j.contains("totals") && j["totals"].is_object() && j["totals"].contains("seconds")) {
      if (!j["totals"]["seconds"].is_number()) {
        return DataError(fmt::format("{}: totals.seconds is not a number", path.string()));
      }
      timings = true;
      merged.seconds += j["totals"]["seconds"].get<double>();
    }
    // Every task ran with the same settings (the resume fingerprint holds
    // them): the first task's provenance is the run's.
    if (merged.provenance.empty() && j.contains("provenance") && j["provenance"].is_object()) {
      merged.provenance = j["provenance"].dump();
    }
    if (j.contains("warnings") && j["warnings"].is_array()) {
      for (const auto& w : j["warnings"]) {
        if (w.is_string()) merged.warnings.push_back(w.get<std::string>());
      }
    }
    for (const auto& entry : j["sets"]) {
      BatchSetSummary set;
      if (!SetFromJson(entry, &set)) {
        return DataError(fmt::format("{}: set entry {} is malformed", path.string(), merged.sets.size()));
      }
      merged.sets.push_back(std::move(set));
    }
  }
  Recount(&merged);
  merged.inconsistencies = FindInconsistencies(merged.sets);
  merged.summary_path = (fs::path(out_dir) / "summary.json").string();
  const ProtectedFiles none;
  ALIGN_RETURN_IF_ERROR(WriteOutputFile(merged.summary_path, none, SummaryJson(merged, 0, 0, timings)));
  ALIGN_RETURN_IF_ERROR(WriteOutputFile((fs::path(out_dir) / "summary.html").string(), none, SummaryHtml(merged)));
  return merged;
}

}  // namespace align
