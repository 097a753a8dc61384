// Check(): validates its inputs, builds the bead index once and runs the
// passes (terms, inconsistency, numbers, omissions). See check.h.
#include "align/check.h"

#include <algorithm>
#include <array>
#include <tuple>

#include <fmt/format.h>

#include "align/i18n.h"
#include "align/aligner.h"
#include "check_internal.h"

namespace align {
namespace {

constexpr std::array<std::pair<FindingType, std::string_view>, 6> kTypeNames{{
    {FindingType::kDeprecatedTerm, "deprecated-term"},
    {FindingType::kMissingTerm, "missing-term"},
    {FindingType::kInconsistentTerm, "inconsistent-term"},
    {FindingType::kNumberMismatch, "number-mismatch"},
    {FindingType::kOmission, "omission"},
    {FindingType::kAddition, "addition"},
}};

constexpr std::array<std::pair<Severity, std::string_view>, 3> kSeverityNames{{
    {Severity::kInfo, "info"},
    {Severity::kWarning, "warning"},
    {Severity::kError, "error"},
}};

Status Validate(const AlignResult& aligned, const std::vector<std::vector<TermHit>>& hits,
                const CheckConfig& config) {
  const size_t n = aligned.versions.size();
  if (hits.size() != n) {
    return InvalidArgument(fmt::format("check: {} lists of term hits for {} versions", hits.size(), n));
  }
  if (config.source_version >= static_cast<int>(n)) {
    return InvalidArgument(fmt::format("check: source version {} does not exist ({} versions)",
                                       config.source_version + 1, n));
  }
  for (size_t v = 0; v < n; ++v) {
    for (const TermHit& h : hits[v]) {
      if (h.sentence >= aligned.versions[v].sentences.size()) {
        return InvalidArgument(fmt::format("check: a term hit of {} names sentence {} of {}",
                                           aligned.versions[v].document.name(), h.sentence,
                                           aligned.versions[v].sentences.size()));
      }
    }
  }
  for (size_t b = 0; b < aligned.alignment.beads.size(); ++b) {
    const Bead& bead = aligned.alignment.beads[b];
    if (bead.sides.size() != n) return InvalidArgument(fmt::format("check: bead {} has {} sides", b, bead.sides.size()));
    for (size_t v = 0; v < n; ++v) {
      if (bead.sides[v].end > aligned.versions[v].sentences.size() || bead.sides[v].begin > bead.sides[v].end) {
        return InvalidArgument(fmt::format("check: bead {} names sentences past the end of {}", b,
                                           aligned.versions[v].document.name()));
      }
    }
  }
  return Status::Ok();
}

}  // namespace

std::string_view FindingTypeName(FindingType type) {
  for (const auto& [t, name] : kTypeNames) {
    if (t == type) return name;
  }
  return "unknown";
}

std::optional<FindingType> ParseFindingType(std::string_view name) {
  for (const auto& [t, n] : kTypeNames) {
    if (n == name) return t;
  }
  return std::nullopt;
}

std::string_view SeverityName(Severity severity) {
  for (const auto& [s, name] : kSeverityNames) {
    if (s == severity) return name;
  }
  return "unknown";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (const auto& [s, n] : kSeverityNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

namespace internal {

CheckContext::CheckContext(const AlignResult& aligned_in, const std::vector<std::vector<TermHit>>& hits_in,
                           const TermMatcher& matcher_in, const CheckConfig& config_in)
    : aligned(aligned_in), hits(hits_in), matcher(matcher_in), lexicon(matcher_in.lexicon()), config(config_in) {
  const size_t n = versions();
  bead_of_.resize(n);
  hits_by_bead_.resize(n);
  for (size_t v = 0; v < n; ++v) {
    bead_of_[v].assign(aligned.versions[v].sentences.size(), beads().size());
    hits_by_bead_[v].resize(beads().size());
    for (size_t b = 0; b < beads().size(); ++b) {
      for (uint32_t s = side(b, v).begin; s < side(b, v).end; ++s) bead_of_[v][s] = b;
    }
    for (size_t i = 0; i < hits[v].size(); ++i) {
      size_t b = bead_of_[v][hits[v][i].sentence];
      if (b < beads().size()) hits_by_bead_[v][b].push_back(i);
    }
  }
}

std::string CheckContext::Text(size_t v, Span span) const {
  std::string_view raw = aligned.versions[v].document.Slice(span);
  std::string out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\r' || c == '\n') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      while (i + 1 < raw.size() && (raw[i + 1] == ' ' || raw[i + 1] == '\t' || raw[i + 1] == '\n' || raw[i + 1] == '\r')) ++i;
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string CheckContext::SideText(size_t bead, size_t v) const {
  std::string out;
  const auto& sentences = aligned.versions[v].sentences;
  for (uint32_t s = side(bead, v).begin; s < side(bead, v).end; ++s) {
    if (!out.empty()) out += ' ';
    out += Text(v, sentences[s].span);
  }
  return out;
}

FindingPlace CheckContext::Place(size_t bead, size_t v, std::vector<Span> spans) const {
  FindingPlace place;
  place.version = v;
  for (uint32_t s = side(bead, v).begin; s < side(bead, v).end; ++s) place.sentences.push_back(s);
  place.spans = std::move(spans);
  return place;
}

std::vector<FindingPlace> CheckContext::Places(size_t bead, FindingPlace own) const {
  std::vector<FindingPlace> places;
  for (size_t v = 0; v < versions(); ++v) {
    if (v == own.version) {
      places.push_back(own);
    } else if (!side(bead, v).empty()) {
      std::vector<Span> spans;
      for (uint32_t s = side(bead, v).begin; s < side(bead, v).end; ++s) {
        spans.push_back(aligned.versions[v].sentences[s].span);
      }
      places.push_back(Place(bead, v, std::move(spans)));
    }
  }
  return places;
}

void SetMessage(Finding* f, const char* pattern, std::vector<std::string> args) {
  f->message_pattern = pattern;
  f->message_args = std::move(args);
  f->message = Translator::FormatArgs(f->message_pattern, f->message_args);
}

}  // namespace internal

StatusOr<std::vector<Finding>> Check(const AlignResult& aligned,
                                     const std::vector<std::vector<TermHit>>& hits_per_version,
                                     const TermMatcher& matcher, const CheckConfig& config) {
  ALIGN_RETURN_IF_ERROR(Validate(aligned, hits_per_version, config));
  internal::CheckContext ctx(aligned, hits_per_version, matcher, config);
  std::vector<Finding> findings;
  if (config.deprecated_terms || config.missing_terms) internal::CheckTerms(ctx, &findings);
  if (config.inconsistent_terms) internal::CheckInconsistency(ctx, &findings);
  if (config.numbers) internal::CheckNumbers(ctx, &findings);
  if (config.omissions) internal::CheckOmissions(ctx, &findings);
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.bead, a.type, a.version) < std::tie(b.bead, b.type, b.version);
  });
  return findings;
}

CheckSummary Summarize(const std::vector<Finding>& findings) {
  CheckSummary summary;
  for (const auto& [type, name] : kTypeNames) summary.by_type.emplace_back(type, 0);
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) summary.by_severity.emplace_back(s, 0);
  for (const Finding& f : findings) {
    for (auto& [type, count] : summary.by_type) count += type == f.type;
    for (auto& [severity, count] : summary.by_severity) count += severity == f.severity;
  }
  summary.total = findings.size();
  return summary;
}

}  // namespace align
