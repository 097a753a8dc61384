// JSON lines: a header object, then one object per bead with indices, the
// byte spans of its sentences in the original files and the same spans in
// code points. score.py's score-lines maps the byte spans back onto gold
// lines, so they must be exact file offsets; a Python user slices a str,
// which counts code points, hence the second pair.
#include <string_view>
#include <vector>

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

// Code points before a byte offset of one document. Beads come in
// document order, so the count moves forward from the last offset asked
// and the whole file is walked once; an offset behind it starts over.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view bytes) : bytes_(bytes) {}
  size_t At(size_t offset) {
    if (offset < byte_) byte_ = count_ = 0;
    for (; byte_ < offset && byte_ < bytes_.size(); ++byte_) {
      // Every byte but a continuation byte (10xxxxxx) starts a code point.
      if ((static_cast<unsigned char>(bytes_[byte_]) & 0xC0) != 0x80) ++count_;
    }
    return count_;
  }

 private:
  std::string_view bytes_;
  size_t byte_ = 0, count_ = 0;
};

// The sentences of |sides| per language tag, versions without any left out.
Json SentencesByTag(const AlignResult& result, const std::vector<std::vector<uint32_t>>& sides) {
  Json j = Json::object();
  for (size_t v = 0; v < sides.size() && v < result.language_tags.size(); ++v)
    if (!sides[v].empty()) j[result.language_tags[v]] = sides[v];
  return j;
}

// An object's text with a score spliced in as its last field, so that the
// score always has 4 decimals (nlohmann would print 1.0 and 0.25).
std::string WithScore(const Json& j, double score) {
  std::string text = Dump(j);
  text.pop_back();
  return text + ",\"score\":" + FormatScore(score) + "}";
}

// Each bead's links to the beads its content moved to or from, as the text
// of a JSON array (empty when none): "sentences" here say what
// "counterpart" says in bead "bead".
std::vector<std::string> MoveLinks(const AlignResult& result) {
  std::vector<std::string> links(result.alignment.beads.size());
  auto add = [&](size_t bead, size_t other, const auto& here, const auto& there, double score) {
    const Json link = {{"bead", other},
                       {"sentences", SentencesByTag(result, here)},
                       {"counterpart", SentencesByTag(result, there)}};
    links[bead] += (links[bead].empty() ? "[" : ",") + WithScore(link, score);
  };
  for (const Move& m : result.alignment.moves) {
    if (m.first_bead >= links.size() || m.second_bead >= links.size()) continue;
    add(m.first_bead, m.second_bead, m.first, m.second, m.score);
    add(m.second_bead, m.first_bead, m.second, m.first, m.score);
  }
  for (std::string& l : links)
    if (!l.empty()) l += "]";
  return links;
}

}  // namespace

Status WriteJsonl(const AlignResult& result, std::ostream& out) { return WriteJsonl(result, out, {}); }

Status WriteJsonl(const AlignResult& result, std::ostream& out, const JsonlOptions& options) {
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(result));
  out << Dump(Header(result)) << '\n';
  const size_t n = result.versions.size();
  std::vector<CodePointIndex> code_points;
  for (const AlignInput& v : result.versions) code_points.emplace_back(v.document.bytes());
  const std::vector<std::string> moved = MoveLinks(result);
  for (size_t b = 0; b < result.alignment.beads.size(); ++b) {
    const Bead& bead = result.alignment.beads[b];
    Json line = {{"bead", b}};
    Json spans = Json::object(), chars = Json::object(), texts = Json::object();
    for (size_t v = 0; v < n; ++v) {
      Json indices = Json::array(), side_spans = Json::array(), side_chars = Json::array(),
           side_texts = Json::array();
      for (uint32_t i = bead.sides[v].begin; i < bead.sides[v].end; ++i) {
        const Span s = result.versions[v].sentences[i].span;
        indices.push_back(i);
        side_spans.push_back(Json::array({s.begin, s.end}));
        side_chars.push_back(Json::array({code_points[v].At(s.begin), code_points[v].At(s.end)}));
        if (options.with_text) side_texts.push_back(std::string(result.versions[v].document.Slice(s)));
      }
      const std::string& tag = result.language_tags[v];
      line[tag] = std::move(indices);
      spans[tag] = std::move(side_spans);
      chars[tag] = std::move(side_chars);
      if (options.with_text) texts[tag] = std::move(side_texts);
    }
    line["spans"] = std::move(spans);
    line["chars"] = std::move(chars);
    if (options.with_text) line["text"] = std::move(texts);
    std::string text = WithScore(line, bead.score);
    if (!moved[b].empty()) text.insert(text.size() - 1, ",\"moved\":" + moved[b]);
    out << text << '\n';
  }
  return report_internal::Finish(out);
}

}  // namespace align
