// Findings for the terminal: grouped by bead, the bead's sentences in every
// version quoted with the offending spans marked, then one block per finding
// and a summary. Headings and labels in the UI language.
#include <algorithm>

#include <fmt/format.h>

#include "align/report.h"
#include "align/terminal_text.h"
#include "report_findings_internal.h"
#include "report_internal.h"

namespace align {
namespace {

using namespace findings_internal;

constexpr std::string_view kReset = "\x1b[0m";

std::string_view SeverityColor(Severity s) {
  switch (s) {
    case Severity::kError: return "\x1b[31m";
    case Severity::kWarning: return "\x1b[33m";
    case Severity::kInfo: return "\x1b[36m";
  }
  return "";
}

// Document text must not drive the terminal: control characters are shown
// escaped (an ESC sequence in a document could recolour or retitle it), and
// line breaks and tabs of a quoted sentence become a space.
std::string Quoted(std::string_view text) { return TerminalSafe(text, TerminalBreaks::kSpace); }

struct MarkedSpan {
  Span span;
  Severity severity;
};

// |sentence| with every marked span inside it wrapped in »…« (or underlined
// in the colour of its most severe finding). Overlapping spans are merged.
std::string Quote(std::string_view bytes, Span sentence, std::vector<MarkedSpan> marks, bool color) {
  std::vector<MarkedSpan> inside;
  for (const MarkedSpan& m : marks) {
    std::optional<Span> c = Clip(m.span, sentence);
    if (c && !c->empty()) inside.push_back({*c, m.severity});
  }
  std::sort(inside.begin(), inside.end(), [](const MarkedSpan& a, const MarkedSpan& b) { return a.span.begin < b.span.begin; });
  std::vector<MarkedSpan> merged;
  for (const MarkedSpan& m : inside) {
    if (!merged.empty() && m.span.begin <= merged.back().span.end) {
      merged.back().span.end = std::max(merged.back().span.end, m.span.end);
      merged.back().severity = std::max(merged.back().severity, m.severity);
    } else {
      merged.push_back(m);
    }
  }
  std::string out;
  size_t at = sentence.begin;
  for (const MarkedSpan& m : merged) {
    out += Quoted(bytes.substr(at, m.span.begin - at));
    const std::string inner = Quoted(bytes.substr(m.span.begin, m.span.size()));
    if (color) {
      out += fmt::format("\x1b[4m{}{}{}", SeverityColor(m.severity), inner, kReset);
    } else {
      out += "\u00BB" + inner + "\u00AB";
    }
    at = m.span.end;
  }
  out += Quoted(bytes.substr(at, sentence.end - at));
  return out;
}

void WriteBead(const FindingsReport& report, const ReportOptions& options, const Locator& locator,
               size_t bead_index, const std::vector<size_t>& group, std::ostream& out) {
  const Translator& ui = Ui(options);
  const AlignResult& aligned = *report.aligned;
  const Bead& bead = aligned.alignment.beads[bead_index];
  const std::vector<Finding>& findings = *report.findings;
  std::string heading = Translator::Format(ui.Translate("Bead {}"), bead_index) + " \u00B7 ";
  if (!bead.unit.empty()) heading += Translator::Format(ui.Translate("unit {}"), TerminalSafe(bead.unit)) + " \u00B7 ";
  heading += Translator::Format(ui.Translate("score {}"), FormatScore(bead.score));
  out << (options.color ? "\x1b[1m" : "") << "\u2500\u2500 " << heading << (options.color ? kReset : "") << '\n';

  for (size_t v = 0; v < aligned.versions.size(); ++v) {
    const AlignInput& version = aligned.versions[v];
    std::vector<MarkedSpan> marks;
    for (size_t i : group) {
      for (const FindingPlace& p : findings[i].places) {
        if (p.version != v) continue;
        for (const Span& s : p.spans) marks.push_back({s, findings[i].severity});
      }
    }
    const std::string tag = TerminalSafe(aligned.language_tags[v]);
    const SentenceRange& side = bead.sides[v];
    if (side.empty()) {
      out << "  " << tag << "  " << ui.Translate("(no sentence)") << '\n';
      continue;
    }
    for (uint32_t s = side.begin; s < side.end; ++s) {
      out << "  " << tag << "  [" << s << "] "
          << Quote(version.document.bytes(), version.sentences[s].span, marks, options.color) << '\n';
    }
  }
  for (size_t i : group) {
    const Finding& f = findings[i];
    std::string line = SeverityLabel(ui, f.severity) + " \u00B7 " + TypeLabel(ui, f.type);
    if (std::optional<std::string> id = ConceptId(report, f)) {
      line += " \u00B7 " + Translator::Format(ui.Translate("concept {}"), TerminalSafe(*id));
    }
    line += " \u00B7 " + TerminalSafe(aligned.language_tags[f.version]);
    if (const std::string& unit = UnitOf(report, f); !unit.empty()) {
      line += " \u00B7 " + Translator::Format(ui.Translate("unit {}"), TerminalSafe(unit));
    }
    // Where it is in each file: "en 12:5, zh 8:1" (line:column).
    std::string where;
    for (size_t v = 0; v < aligned.versions.size(); ++v) {
      if (const std::optional<Location> at = locator.Of(report, f, v)) {
        where += fmt::format("{}{} {}:{}", where.empty() ? "" : ", ", TerminalSafe(aligned.language_tags[v]), at->line,
                             at->column);
      }
    }
    if (!where.empty()) line += " \u00B7 " + where;
    out << "  " << (options.color ? SeverityColor(f.severity) : "") << "\u25B6 " << line
        << (options.color ? kReset : "") << '\n';
    if (!f.message.empty()) out << "    " << Quoted(MessageOf(ui, f)) << '\n';
    if (!f.expected.empty()) {
      std::string expected;
      for (const std::string& e : f.expected) expected += (expected.empty() ? "" : " | ") + Quoted(e);
      out << "    " << Translator::Format(ui.Translate("expected: {}"), expected) << '\n';
    }
  }
  out << '\n';
}

}  // namespace

Status WriteFindingsText(const FindingsReport& report, const ReportOptions& options, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(CheckReport(report));
  const Translator& ui = Ui(options);
  const std::vector<size_t> order = OrderByBead(report);
  const std::vector<Finding>& findings = *report.findings;
  const Locator locator(*report.aligned);
  for (size_t start = 0; start < order.size();) {
    size_t end = start;
    std::vector<size_t> group;
    while (end < order.size() && findings[order[end]].bead == findings[order[start]].bead) group.push_back(order[end++]);
    WriteBead(report, options, locator, findings[order[start]].bead, group, out);
    start = end;
  }

  const Tally s = Count(findings);
  out << (options.color ? "\x1b[1m" : "") << ui.Translate("Summary") << (options.color ? kReset : "") << '\n';
  const std::string suppressed =
      report.suppressed == 0
          ? ""
          : "  " +
                Translator::Format(ui.TranslatePlural("{} finding suppressed by the baseline",
                                                      "{} findings suppressed by the baseline", report.suppressed),
                                   report.suppressed) +
                "\n";
  if (s.total == 0) {
    out << "  " << ui.Translate("No findings.") << '\n' << suppressed;
    return report_internal::Finish(out);
  }
  const size_t beads = report.aligned->alignment.beads.size();
  out << "  " << Translator::Format(ui.TranslatePlural("{} finding", "{} findings", s.total), s.total) << ", "
      << Translator::Format(ui.TranslatePlural("in {} of {} bead", "in {} of {} beads", beads),
                            s.beads_with_findings, beads)
      << '\n';
  for (Severity v : kAllSeverities) {
    if (size_t c = s.by_severity[static_cast<size_t>(v)]) out << "  " << SeverityLabel(ui, v) << ": " << c << '\n';
  }
  for (const FindingTypeInfo& t : FindingTypes()) {
    if (size_t c = s.by_type[static_cast<size_t>(t.type)]) out << "  " << TypeLabel(ui, t.type) << ": " << c << '\n';
  }
  out << suppressed;
  return report_internal::Finish(out);
}

}  // namespace align
