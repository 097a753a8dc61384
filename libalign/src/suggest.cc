// SuggestTerms and WriteSuggestedRows (suggest.h).
#include "align/suggest.h"

#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace align {
namespace {

using Json = nlohmann::json;

// A rendering becomes a TSV field: it must not hold a tab or a line break.
bool FitsAField(const std::string& s) { return s.find_first_of("\t\r\n") == std::string::npos; }

}  // namespace

StatusOr<std::vector<SuggestedTerm>> SuggestTerms(std::string_view report_json, const std::string& name) {
  Json report;
  try {
    report = Json::parse(report_json);
  } catch (const Json::parse_error& e) {
    // The byte offset tells the line: count the line breaks before it.
    const size_t at = std::min<size_t>(e.byte, report_json.size());
    const size_t line = 1 + static_cast<size_t>(std::count(report_json.begin(), report_json.begin() + static_cast<long>(at), '\n'));
    return DataError(fmt::format("{}:{}: not a talign check JSON report ({})", name, line, e.what()));
  }
  if (!report.is_object() || !report.contains("findings") || !report["findings"].is_array()) {
    return DataError(fmt::format("{}: not a talign check JSON report (no \"findings\" list; "
                                 "write it with talign check --format json)",
                                 name));
  }
  std::map<std::tuple<std::string, std::string, std::string>, size_t> counts;
  for (const Json& f : report["findings"]) {
    if (!f.is_object() || f.value("type", "") != "missing-term") continue;
    const auto rendering = f.find("rendering");
    const auto concept_id = f.find("concept");
    const auto lang = f.find("lang");
    if (rendering == f.end() || concept_id == f.end() || lang == f.end() || !rendering->is_string() ||
        !concept_id->is_string() || !lang->is_string()) {
      continue;
    }
    const std::string text = rendering->get<std::string>();
    if (text.empty() || text.find(" … ") != std::string::npos || !FitsAField(text) ||
        !FitsAField(concept_id->get<std::string>()) || !FitsAField(lang->get<std::string>())) {
      continue;
    }
    ++counts[{concept_id->get<std::string>(), lang->get<std::string>(), text}];
  }
  std::vector<SuggestedTerm> rows;
  for (const auto& [key, n] : counts) rows.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), n});
  std::stable_sort(rows.begin(), rows.end(), [](const SuggestedTerm& a, const SuggestedTerm& b) {
    return std::tie(a.concept_id, a.lang) == std::tie(b.concept_id, b.lang)
               ? a.findings > b.findings
               : std::tie(a.concept_id, a.lang) < std::tie(b.concept_id, b.lang);
  });
  return rows;
}

Status WriteSuggestedRows(const std::vector<SuggestedTerm>& rows, std::ostream& out) {
  out << "# Suggested by talign lexicon suggest from the free renderings of missing-term findings.\n"
         "# Review each row before adding it to a termbase (concept_id, lang, term, status, note).\n";
  for (const SuggestedTerm& r : rows) {
    out << r.concept_id << '\t' << r.lang << '\t' << r.rendering << "\tadmitted\t"
        << fmt::format("rendering found in {} missing-term finding{}", r.findings, r.findings == 1 ? "" : "s") << '\n';
  }
  if (!out) return IoError("cannot write the suggested rows");
  return Status::Ok();
}

}  // namespace align
