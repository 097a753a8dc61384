// The check JSON (docs/reports.md): inputs, one object per finding, a summary.
// Keys come in a fixed order and findings one per line, so that two runs give
// the same bytes and a diff of two reports shows one line per finding.
#include <nlohmann/json.hpp>

#include "align/baseline.h"
#include "align/report.h"
#include "config_internal.h"
#include "report_findings_internal.h"
#include "report_internal.h"

namespace align {
namespace {

using Json = nlohmann::ordered_json;
using namespace findings_internal;

// Document text and file names are bytes: never let them abort a dump.
std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json FindingJson(const FindingsReport& report, const Locator& locator, const Finding& f) {
  const AlignResult& aligned = *report.aligned;
  std::optional<std::string> concept_id = ConceptId(report, f);
  std::vector<FindingPlace> places = PlacesByVersion(f);
  // The version at fault is always listed, even when it has no place (the
  // version that lacks the content of an omission).
  if (std::none_of(places.begin(), places.end(), [&](const FindingPlace& p) { return p.version == f.version; })) {
    FindingPlace fault;
    fault.version = f.version;
    places.push_back(fault);
    std::sort(places.begin(), places.end(),
              [](const FindingPlace& a, const FindingPlace& b) { return a.version < b.version; });
  }
  Json sentences = Json::object();
  Json spans = Json::object();
  Json lines = Json::object();
  Json columns = Json::object();
  for (const FindingPlace& p : places) {
    const std::string& tag = aligned.language_tags[p.version];
    sentences[tag] = p.sentences;
    Json list = Json::array();
    for (const Span& s : p.spans) list.push_back({s.begin, s.end});
    spans[tag] = list;
    if (const std::optional<Location> at = locator.Of(report, f, p.version)) {
      lines[tag] = at->line;
      columns[tag] = at->column;
    }
  }
  Json j{{"type", std::string(FindingTypeName(f.type))},
         {"severity", std::string(SeverityName(f.severity))},
         {"concept", concept_id ? Json(*concept_id) : Json(nullptr)},
         {"lang", aligned.language_tags[f.version]},
         {"bead", f.bead},
         {"sentences", sentences},
         {"spans", spans},
         {"line", lines},
         {"column", columns},
         {"evidence", f.evidence},
         {"expected", f.expected},
         {"message", f.message}};
  if (!f.rendering.empty()) j["rendering"] = f.rendering;
  j["fingerprint"] = FindingFingerprint(f, aligned, report.lexicon);
  // The unit of a CAT-tool file, right after the bead it is.
  if (const std::string& unit = UnitOf(report, f); !unit.empty()) {
    Json with_unit;
    for (auto& [key, value] : j.items()) {
      with_unit[key] = std::move(value);
      if (key == "bead") with_unit["unit"] = unit;
    }
    return with_unit;
  }
  return j;
}

Json SummaryJson(const FindingsReport& report) {
  Tally s = Count(*report.findings);
  Json by_type = Json::object();
  for (const FindingTypeInfo& t : FindingTypes()) by_type[std::string(t.name)] = s.by_type[static_cast<size_t>(t.type)];
  Json by_severity = Json::object();
  for (Severity v : kAllSeverities) by_severity[std::string(SeverityName(v))] = s.by_severity[static_cast<size_t>(v)];
  return Json{{"findings", s.total},
              {"beads", report.aligned->alignment.beads.size()},
              {"beads_with_findings", s.beads_with_findings},
              {"by_type", by_type},
              {"by_severity", by_severity},
              {"suppressed", report.suppressed}};
}

}  // namespace

Status WriteFindingsJson(const FindingsReport& report, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(CheckReport(report));
  const AlignResult& aligned = *report.aligned;
  Json inputs = Json::array();
  for (size_t v = 0; v < aligned.versions.size(); ++v) {
    Json input{{"file", aligned.versions[v].document.name()},
               {"lang", aligned.language_tags[v]},
               {"sentences", aligned.versions[v].sentences.size()}};
    // A file read in another encoding: its spans are offsets into the UTF-8
    // text it was converted to, not into the file's bytes.
    if (const std::string& encoding = aligned.versions[v].document.encoding(); !encoding.empty()) {
      input["encoding"] = encoding;
      input["offsets"] = "utf-8";
    }
    inputs.push_back(std::move(input));
  }
  out << "{\"inputs\": " << Dump(inputs) << ",\n\"findings\": [";
  const std::vector<Finding>& findings = *report.findings;
  const Locator locator(aligned);
  for (size_t i = 0; i < findings.size(); ++i) {
    out << (i == 0 ? "\n" : ",\n") << Dump(FindingJson(report, locator, findings[i]));
  }
  out << (findings.empty() ? "],\n" : "\n],\n");
  out << "\"summary\": " << Dump(SummaryJson(report));
  if (report.provenance != nullptr) out << ",\n\"provenance\": " << Dump(internal::ProvenanceToJson(*report.provenance));
  out << "}\n";
  return report_internal::Finish(out);
}

}  // namespace align
