// TMX 1.4b (Level 1: plain text in <seg>). One <tu> per bead with one
// <tuv xml:lang> per version that has sentences in the bead; a version with
// none (an omission or addition) has no <tuv> in that <tu>, because an empty
// <seg> would tell a CAT tool that the empty string is a translation.
// Line breaks inside a sentence (hard-wrapped text) become spaces: a segment
// is one line for a CAT tool, and XML readers would fold CR LF anyway.
// The header has the seven attributes TMX requires and no creation date, so
// the same alignment always gives the same bytes.

#include <pugixml.hpp>

#include "align/report.h"
#include "align/resources.h"
#include "report_internal.h"

namespace align {

Status WriteTmx(const AlignResult& result, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(result));
  const AlignJob& job = result.job;
  const bool has_source = job.source_version >= 0 &&
                          static_cast<size_t>(job.source_version) < result.language_tags.size();

  pugi::xml_document doc;
  pugi::xml_node decl = doc.append_child(pugi::node_declaration);
  decl.append_attribute("version") = "1.0";
  decl.append_attribute("encoding") = "UTF-8";
  doc.append_child(pugi::node_doctype).set_value("tmx SYSTEM \"tmx14.dtd\"");
  pugi::xml_node tmx = doc.append_child("tmx");
  tmx.append_attribute("version") = "1.4";

  pugi::xml_node header = tmx.append_child("header");
  header.append_attribute("creationtool") = "talign";
  header.append_attribute("creationtoolversion") = std::string(Version()).c_str();
  header.append_attribute("segtype") = "sentence";
  header.append_attribute("o-tmf") = "talign";
  header.append_attribute("adminlang") = "en";
  header.append_attribute("srclang") =
      has_source ? XmlSafeText(result.language_tags[job.source_version]).c_str() : "*all*";
  header.append_attribute("datatype") = "plaintext";
  for (const AlignInput& v : result.versions) {
    pugi::xml_node prop = header.append_child("prop");
    prop.append_attribute("type") = "x-input";
    prop.text() = XmlSafeText(v.document.name()).c_str();
  }

  pugi::xml_node body = tmx.append_child("body");
  for (size_t b = 0; b < result.alignment.beads.size(); ++b) {
    const Bead& bead = result.alignment.beads[b];
    pugi::xml_node tu = body.append_child("tu");
    tu.append_attribute("tuid") = std::to_string(b).c_str();
    pugi::xml_node score = tu.append_child("prop");
    score.append_attribute("type") = "x-score";
    score.text() = FormatScore(bead.score).c_str();
    for (size_t v = 0; v < bead.sides.size(); ++v) {
      const SentenceRange& side = bead.sides[v];
      if (side.empty()) continue;
      pugi::xml_node tuv = tu.append_child("tuv");
      tuv.append_attribute("xml:lang") = XmlSafeText(result.language_tags[v]).c_str();
      pugi::xml_node sentences = tuv.append_child("prop");
      sentences.append_attribute("type") = "x-sentences";
      std::string indices;  // as in the beads format: "3,4"
      for (uint32_t i = side.begin; i < side.end; ++i) {
        if (i > side.begin) indices += ',';
        indices += std::to_string(i);
      }
      sentences.text() = indices.c_str();
      const std::string text = BeadSideText(result, v, side.begin, side.end);
      tuv.append_child("seg").text() = XmlSafeText(report_internal::OneLine(text, /*tabs=*/false)).c_str();
    }
  }
  doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
  return report_internal::Finish(out);
}

}  // namespace align
