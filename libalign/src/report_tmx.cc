// TMX 1.4b (Level 1: plain text in <seg>). One <tu> per bead with one
// <tuv xml:lang> per version that has sentences in the bead; a version with
// none (an omission or addition) has no <tuv> in that <tu>, because an empty
// <seg> would tell a CAT tool that the empty string is a translation.
// Line breaks inside a sentence (hard-wrapped text) become spaces: a segment
// is one line for a CAT tool, and XML readers would fold CR LF anyway.
// The header has the seven attributes TMX requires and no creation date, so
// the same alignment always gives the same bytes.
//
// Written as a stream, one <tu> at a time, rather than through a DOM: a
// 200 MB input has millions of beads, and memory should not grow with them.
#include "align/report.h"
#include "align/resources.h"
#include "report_internal.h"

namespace align {
namespace {

// XML-safe text (XmlSafeText) with the markup characters escaped; in
// attribute values also quotes and the white space that attribute-value
// normalisation would otherwise turn into spaces.
void AppendEscaped(std::string& out, std::string_view raw, bool attribute) {
  for (char c : XmlSafeText(raw)) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += attribute ? "&quot;" : "\""; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += attribute ? "&#13;" : "\r"; break;
      default: out += c;
    }
  }
}

std::string Attr(std::string_view name, std::string_view value) {
  std::string out = " ";
  out += name;
  out += "=\"";
  AppendEscaped(out, value, /*attribute=*/true);
  out += '"';
  return out;
}

std::string Prop(std::string_view indent, std::string_view type, std::string_view text) {
  std::string out(indent);
  out += "<prop" + Attr("type", type) + ">";
  AppendEscaped(out, text, /*attribute=*/false);
  out += "</prop>\n";
  return out;
}

}  // namespace

Status WriteTmx(const AlignResult& result, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(result));
  const AlignSettings& job = result.settings;
  const bool has_source = job.source_version >= 0 &&
                          static_cast<size_t>(job.source_version) < result.language_tags.size();

  std::string text =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n"
      "<tmx version=\"1.4\">\n"
      "  <header";
  text += Attr("creationtool", "talign");
  text += Attr("creationtoolversion", Version());
  text += Attr("segtype", "sentence");
  text += Attr("o-tmf", "talign");
  text += Attr("adminlang", "en");
  text += Attr("srclang", has_source ? std::string_view(result.language_tags[job.source_version]) : "*all*");
  text += Attr("datatype", "plaintext");
  text += ">\n";
  for (const AlignInput& v : result.versions) text += Prop("    ", "x-input", v.document.name());
  text += "  </header>\n  <body>\n";
  out << text;

  for (size_t b = 0; b < result.alignment.beads.size(); ++b) {
    const Bead& bead = result.alignment.beads[b];
    text = "    <tu" + Attr("tuid", std::to_string(b)) + ">\n";
    text += Prop("      ", "x-score", FormatScore(bead.score));
    for (size_t v = 0; v < bead.sides.size(); ++v) {
      const SentenceRange& side = bead.sides[v];
      if (side.empty()) continue;
      text += "      <tuv" + Attr("xml:lang", result.language_tags[v]) + ">\n";
      std::string indices;  // as in the beads format: "3,4"
      for (uint32_t i = side.begin; i < side.end; ++i) {
        if (i > side.begin) indices += ',';
        indices += std::to_string(i);
      }
      text += Prop("        ", "x-sentences", indices);
      text += "        <seg>";
      AppendEscaped(text, report_internal::OneLine(BeadSideText(result, v, side.begin, side.end), /*tabs=*/false),
                    /*attribute=*/false);
      text += "</seg>\n      </tuv>\n";
    }
    text += "    </tu>\n";
    out << text;
  }
  out << "  </body>\n</tmx>\n";
  return report_internal::Finish(out);
}

}  // namespace align
