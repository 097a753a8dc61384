// JSON lines: a header object, then one object per bead with indices and the
// byte spans of its sentences in the original files. score.py's score-lines
// maps the spans back onto gold lines, so they must be exact file offsets.
#include <nlohmann/json.hpp>

#include "align/report.h"
#include "align/resources.h"
#include "config_internal.h"
#include "report_internal.h"

namespace align {
namespace {

using Json = nlohmann::ordered_json;

// File names are bytes, not necessarily UTF-8: never let a name abort a dump.
std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json Header(const AlignResult& result) {
  const AlignSettings& job = result.settings;
  Json inputs = Json::array();
  for (const AlignInput& v : result.versions) inputs.push_back(v.document.name());
  Json config = {
      {"presegmented", job.presegmented},
      {"dictionaries", job.dictionaries},
      {"source", job.source_version >= 0 && static_cast<size_t>(job.source_version) < result.language_tags.size()
                     ? Json(result.language_tags[job.source_version])
                     : Json(nullptr)},
      {"sentences", Json::array()},
      {"aligner", internal::AlignerConfigToJson(job.aligner)},
  };
  for (const AlignInput& v : result.versions) config["sentences"].push_back(v.sentences.size());
  return Json{{"talign", std::string(Version())},
              {"languages", result.language_tags},
              {"inputs", inputs},
              {"lexicons", job.lexicons},
              {"config", config}};
}

}  // namespace

Status WriteJsonl(const AlignResult& result, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(result));
  out << Dump(Header(result)) << '\n';
  const size_t n = result.versions.size();
  for (size_t b = 0; b < result.alignment.beads.size(); ++b) {
    const Bead& bead = result.alignment.beads[b];
    Json line = {{"bead", b}};
    Json spans = Json::object();
    for (size_t v = 0; v < n; ++v) {
      Json indices = Json::array();
      Json side_spans = Json::array();
      for (uint32_t i = bead.sides[v].begin; i < bead.sides[v].end; ++i) {
        const Span s = result.versions[v].sentences[i].span;
        indices.push_back(i);
        side_spans.push_back(Json::array({s.begin, s.end}));
      }
      line[result.language_tags[v]] = std::move(indices);
      spans[result.language_tags[v]] = std::move(side_spans);
    }
    line["spans"] = std::move(spans);
    // The score is spliced in as text so that it always has 4 decimals
    // (nlohmann would print 1.0 and 0.25, and long tails for others).
    std::string text = Dump(line);
    text.pop_back();
    out << text << ",\"score\":" << FormatScore(bead.score) << "}\n";
  }
  return report_internal::Finish(out);
}

}  // namespace align
