// What every writer of findings shares: format names, validation, summaries,
// ordering and the translated labels.
#include <algorithm>

#include <fmt/format.h>

#include "align/report.h"
#include "report_findings_internal.h"
#include "report_internal.h"

namespace align {

namespace {

Status WriteJsonWith(const FindingsReport& report, const ReportOptions&, std::ostream& out) {
  return WriteFindingsJson(report, out);
}
Status WriteTsvWith(const FindingsReport& report, const ReportOptions&, std::ostream& out) {
  return WriteFindingsTsv(report, out);
}

Status WriteCsvWith(const FindingsReport& report, const ReportOptions& options, std::ostream& out) {
  return WriteFindingsCsv(report, options.csv, out);
}

constexpr FindingsFormatInfo kFindingsFormats[] = {
    {FindingsFormat::kText, "text", "txt", "findings grouped by bead, spans marked, for a terminal", WriteFindingsText},
    {FindingsFormat::kJson, "json", "json", "{\"inputs\", \"findings\", \"summary\"}, one finding per line", WriteJsonWith},
    {FindingsFormat::kTsv, "tsv", "tsv", "a header row, then one finding per line", WriteTsvWith},
    {FindingsFormat::kCsv, "csv", "csv", "RFC 4180 for spreadsheets: a header row, then one row per finding", WriteCsvWith},
    {FindingsFormat::kHtml, "html", "html", "one self-contained page, the versions side by side", WriteFindingsHtml},
};

}  // namespace

std::span<const FindingsFormatInfo> FindingsFormats() { return kFindingsFormats; }

std::optional<FindingsFormat> ParseFindingsFormat(std::string_view name) {
  for (const FindingsFormatInfo& info : kFindingsFormats) {
    if (info.name == name) return info.format;
  }
  return std::nullopt;
}

std::string_view FindingsFormatName(FindingsFormat format) {
  for (const FindingsFormatInfo& info : kFindingsFormats) {
    if (info.format == format) return info.name;
  }
  return "text";
}

namespace findings_internal {

Tally Count(const std::vector<Finding>& findings) {
  Tally s;
  std::vector<size_t> beads;
  for (const Finding& f : findings) {
    ++s.total;
    ++s.by_type[static_cast<size_t>(f.type)];
    ++s.by_severity[static_cast<size_t>(f.severity)];
    beads.push_back(f.bead);
  }
  std::sort(beads.begin(), beads.end());
  s.beads_with_findings = static_cast<size_t>(std::unique(beads.begin(), beads.end()) - beads.begin());
  return s;
}

}  // namespace findings_internal

Status WriteFindings(const FindingsReport& report, FindingsFormat format,
                     const ReportOptions& options, std::ostream& out) {
  for (const FindingsFormatInfo& info : kFindingsFormats) {
    if (info.format == format) return info.write(report, options, out);
  }
  return InvalidArgument("unknown findings format");
}

namespace findings_internal {

Status CheckReport(const FindingsReport& report) {
  if (report.aligned == nullptr || report.findings == nullptr) {
    return InvalidArgument("a report of findings needs an alignment and a list of findings");
  }
  const AlignResult& aligned = *report.aligned;
  ALIGN_RETURN_IF_ERROR(report_internal::CheckAlignment(aligned));
  const size_t n = aligned.versions.size();
  if (aligned.language_tags.size() != n) {
    return InvalidArgument(fmt::format("{} language tags for {} versions", aligned.language_tags.size(), n));
  }
  if (report.hits != nullptr) {
    if (report.hits->size() != n) {
      return InvalidArgument(fmt::format("term hits for {} versions, the alignment has {}", report.hits->size(), n));
    }
    for (size_t v = 0; v < n; ++v) {
      const size_t size = aligned.versions[v].document.bytes().size();
      for (const TermHit& h : (*report.hits)[v]) {
        if (h.span.begin > h.span.end || h.span.end > size) {
          return InvalidArgument(fmt::format("a term hit of {} at bytes [{}, {}) lies outside its {} bytes",
                                             aligned.versions[v].document.name(), h.span.begin, h.span.end, size));
        }
        if (report.lexicon != nullptr && h.concept_index >= report.lexicon->concepts().size()) {
          return InvalidArgument(fmt::format("a term hit names concept {}, the lexicon has {}", h.concept_index,
                                             report.lexicon->concepts().size()));
        }
      }
    }
  }
  const std::vector<Finding>& findings = *report.findings;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    auto bad = [&](const std::string& what) {
      return InvalidArgument(fmt::format("finding {} ({}): {}", i, FindingTypeName(f.type), what));
    };
    if (static_cast<size_t>(f.type) >= FindingTypes().size()) return bad("not a finding type");
    if (f.bead >= aligned.alignment.beads.size()) {
      return bad(fmt::format("bead {} does not exist ({} beads)", f.bead, aligned.alignment.beads.size()));
    }
    if (f.version >= n) return bad(fmt::format("version {} does not exist ({} versions)", f.version, n));
    if (f.concept_index && report.lexicon != nullptr && *f.concept_index >= report.lexicon->concepts().size()) {
      return bad(fmt::format("concept {} does not exist ({} concepts)", *f.concept_index,
                             report.lexicon->concepts().size()));
    }
    for (const FindingPlace& p : f.places) {
      if (p.version >= n) return bad(fmt::format("a place in version {} ({} versions)", p.version, n));
      const AlignInput& version = aligned.versions[p.version];
      for (uint32_t s : p.sentences) {
        if (s >= version.sentences.size()) {
          return bad(fmt::format("sentence {} of {} does not exist ({} sentences)", s, version.document.name(),
                                 version.sentences.size()));
        }
      }
      for (const Span& span : p.spans) {
        if (span.begin > span.end || span.end > version.document.bytes().size()) {
          return bad(fmt::format("bytes [{}, {}) lie outside {} ({} bytes)", span.begin, span.end,
                                 version.document.name(), version.document.bytes().size()));
        }
      }
    }
  }
  return Status::Ok();
}

std::optional<std::string> ConceptId(const FindingsReport& report, const Finding& f) {
  if (!f.concept_index || report.lexicon == nullptr) return std::nullopt;
  return report.lexicon->concepts()[*f.concept_index].id;
}

std::vector<size_t> OrderByBead(const FindingsReport& report) {
  const std::vector<Finding>& findings = *report.findings;
  std::vector<size_t> order(findings.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return findings[a].bead < findings[b].bead; });
  return order;
}

std::vector<FindingPlace> PlacesByVersion(const Finding& f) {
  std::vector<FindingPlace> places;
  for (const FindingPlace& p : f.places) {
    auto it = std::find_if(places.begin(), places.end(), [&](const FindingPlace& q) { return q.version == p.version; });
    if (it == places.end()) {
      places.push_back(p);
    } else {
      it->sentences.insert(it->sentences.end(), p.sentences.begin(), p.sentences.end());
      it->spans.insert(it->spans.end(), p.spans.begin(), p.spans.end());
    }
  }
  for (FindingPlace& p : places) {
    std::sort(p.sentences.begin(), p.sentences.end());
    p.sentences.erase(std::unique(p.sentences.begin(), p.sentences.end()), p.sentences.end());
    std::sort(p.spans.begin(), p.spans.end(),
              [](const Span& a, const Span& b) { return a.begin != b.begin ? a.begin < b.begin : a.end < b.end; });
    p.spans.erase(std::unique(p.spans.begin(), p.spans.end()), p.spans.end());
  }
  std::sort(places.begin(), places.end(),
            [](const FindingPlace& a, const FindingPlace& b) { return a.version < b.version; });
  return places;
}

std::vector<uint32_t> SentencesOf(const FindingsReport& report, const Finding& f, size_t v) {
  for (const FindingPlace& p : PlacesByVersion(f)) {
    if (p.version == v && !p.sentences.empty()) return p.sentences;
  }
  std::vector<uint32_t> sentences;
  const SentenceRange& side = report.aligned->alignment.beads[f.bead].sides[v];
  for (uint32_t s = side.begin; s < side.end; ++s) sentences.push_back(s);
  return sentences;
}

std::string TypeLabel(const Translator& ui, FindingType type) { return ui.Translate(FindingTypeInfoOf(type).label); }

std::string SeverityLabel(const Translator& ui, Severity severity) {
  switch (severity) {
    case Severity::kError: return ui.Translate("error");
    case Severity::kWarning: return ui.Translate("warning");
    case Severity::kInfo: return ui.Translate("info");
  }
  return std::string(SeverityName(severity));
}

std::string LanguageLabel(const Translator& ui, const AlignResult& aligned, size_t v) {
  switch (aligned.versions[v].language) {
    case Language::kEnglish: return ui.Translate("English");
    case Language::kChinese: return ui.Translate("Chinese");
    case Language::kUrdu: return ui.Translate("Urdu");
    case Language::kUnknown: break;
  }
  return aligned.language_tags[v];
}

std::string MessageOf(const Translator& ui, const Finding& f) {
  if (f.message_pattern.empty() || ui.language() == "en") return f.message;
  return Translator::FormatArgs(ui.Translate(f.message_pattern), f.message_args);
}

std::optional<Span> Clip(Span span, Span within) {
  if (span.empty()) {
    if (span.begin < within.begin || span.begin > within.end) return std::nullopt;
    return span;
  }
  const size_t begin = std::max(span.begin, within.begin);
  const size_t end = std::min(span.end, within.end);
  if (begin >= end) return std::nullopt;
  return Span{begin, end};
}

const Translator& Ui(const ReportOptions& options) {
  static const Translator english;
  return options.translator != nullptr ? *options.translator : english;
}

Locator::Locator(const AlignResult& aligned) : aligned_(aligned), line_starts_(aligned.versions.size()) {
  for (size_t v = 0; v < aligned.versions.size(); ++v) {
    const std::string_view bytes = aligned.versions[v].document.bytes();
    line_starts_[v].push_back(0);
    for (size_t i = 0; i < bytes.size(); ++i) {
      // LF, CR LF and a lone CR each end a line.
      if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'))) {
        line_starts_[v].push_back(i + 1);
      }
    }
  }
}

Location Locator::At(size_t v, size_t offset) const {
  const std::vector<size_t>& starts = line_starts_[v];
  const size_t line = static_cast<size_t>(std::upper_bound(starts.begin(), starts.end(), offset) - starts.begin());
  const std::string_view bytes = aligned_.versions[v].document.bytes();
  size_t begin = starts[line - 1];
  if (begin == 0 && bytes.substr(0, 3) == "\xEF\xBB\xBF" && offset >= 3) begin = 3;
  size_t column = 1;
  for (size_t i = begin; i < offset && i < bytes.size(); ++i) {
    column += (static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80;  // count lead bytes only
  }
  return {line, column};
}

std::optional<Location> Locator::Of(const FindingsReport& report, const Finding& f, size_t v) const {
  // A unit of a CAT-tool file is found by its id: the lines of the text
  // made of its segments are no place in the file.
  if (!UnitOf(report, f).empty()) return std::nullopt;
  for (const FindingPlace& p : f.places) {
    if (p.version == v && !p.spans.empty()) {
      size_t first = p.spans.front().begin;
      for (const Span& s : p.spans) first = std::min(first, s.begin);
      return At(v, first);
    }
  }
  const std::vector<uint32_t> sentences = SentencesOf(report, f, v);
  if (sentences.empty()) return std::nullopt;
  return At(v, aligned_.versions[v].sentences[sentences.front()].span.begin);
}

const std::string& UnitOf(const FindingsReport& report, const Finding& f) {
  return report.aligned->alignment.beads[f.bead].unit;
}

bool HasUnits(const FindingsReport& report) {
  for (const Bead& b : report.aligned->alignment.beads)
    if (!b.unit.empty()) return true;
  return false;
}

}  // namespace findings_internal
}  // namespace align
