// The registry of finding types, and Check(): validates its inputs, builds
// the bead index once and runs the passes the registry names. See check.h.
#include "align/check.h"

#include <algorithm>
#include <array>
#include <tuple>

#include <fmt/format.h>

#include "align/i18n.h"
#include "align/aligner.h"
#include "analysis.h"
#include "check_internal.h"
#include "chinese_script.h"
#include "config_ranges.h"

namespace align {
namespace {

// Marks |msgid| for the UI catalogs (po/update.sh extracts the argument of
// UiMsgid) without translating it here: the writers translate labels.
constexpr std::string_view UiMsgid(std::string_view msgid) { return msgid; }

// The registry of finding types (check.h, FindingTypeInfo), in enum order.
constexpr FindingTypeInfo kFindingTypes[] = {
    {FindingType::kDeprecatedTerm, "deprecated-term", Severity::kError, UiMsgid("deprecated term"),
     "a rendering the termbase marks deprecated (error) or superseded (warning)", &CheckConfig::deprecated_terms,
     internal::CheckTerms},
    {FindingType::kMissingTerm, "missing-term", Severity::kWarning, UiMsgid("missing term"),
     "a concept one version names that the aligned text of another does not render", &CheckConfig::missing_terms,
     internal::CheckTerms},
    {FindingType::kInconsistentTerm, "inconsistent-term", Severity::kWarning, UiMsgid("inconsistent term"),
     "a concept rendered in several ways in one version (warning), or one rendering of several concepts (info)",
     &CheckConfig::inconsistent_terms, internal::CheckInconsistency},
    {FindingType::kNumberMismatch, "number-mismatch", Severity::kError, UiMsgid("number mismatch"),
     "a number of the aligned sentences that another version lacks or changes", &CheckConfig::numbers,
     internal::CheckNumbers},
    {FindingType::kOmission, "omission", Severity::kError, UiMsgid("omission"),
     "content of the other versions that a version has no counterpart of", &CheckConfig::omissions,
     internal::CheckOmissions},
    {FindingType::kAddition, "addition", Severity::kWarning, UiMsgid("addition"),
     "content a version has that the other versions do not", &CheckConfig::omissions, internal::CheckOmissions},
    {FindingType::kMoved, "moved", Severity::kInfo, UiMsgid("moved"),
     "a sentence a version gives at another place than the others (reported once, not as omission and addition)",
     &CheckConfig::moves, internal::CheckOmissions},
};

constexpr bool RowsInEnumOrder() {
  for (size_t i = 0; i < std::size(kFindingTypes); ++i) {
    if (static_cast<size_t>(kFindingTypes[i].type) != i) return false;
  }
  return true;
}
static_assert(RowsInEnumOrder(), "kFindingTypes: one row per FindingType, in enum order");

// What FindingTypeInfoOf gives for a value that is no enumerator.
constexpr FindingTypeInfo kUnknownType = {FindingType::kOmission, "unknown", Severity::kWarning, "unknown", "",
                                          nullptr, nullptr};

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
  ALIGN_RETURN_IF_ERROR(internal::CheckRanges(CheckConfigFields(), config, "check"));
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

std::span<const FindingTypeInfo> FindingTypes() { return kFindingTypes; }

const FindingTypeInfo& FindingTypeInfoOf(FindingType type) {
  const auto index = static_cast<size_t>(type);
  return index < std::size(kFindingTypes) ? kFindingTypes[index] : kUnknownType;
}

std::string_view FindingTypeName(FindingType type) { return FindingTypeInfoOf(type).name; }

std::optional<FindingType> ParseFindingType(std::string_view name) {
  for (const FindingTypeInfo& row : kFindingTypes) {
    if (row.name == name) return row.type;
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
                           const VersionNumbers& numbers_in, const TermMatcher& matcher_in,
                           const CheckConfig& config_in)
    : aligned(aligned_in),
      hits(hits_in),
      numbers(numbers_in),
      matcher(matcher_in),
      lexicon(matcher_in.lexicon()),
      config(config_in) {
  const size_t n = versions();
  bead_of_.resize(n);
  hits_by_bead_.resize(n);
  traditional_.resize(n);
  for (size_t v = 0; v < n; ++v) {
    traditional_[v] = language(v) == Language::kChinese && IsTraditionalChinese(aligned.versions[v].document.bytes());
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

Severity DefaultSeverity(FindingType type) { return FindingTypeInfoOf(type).severity; }

Severity Milder(Severity severity) { return severity == Severity::kError ? Severity::kWarning : Severity::kInfo; }

void SetMessage(Finding* f, const char* pattern, std::vector<std::string> args) {
  f->message_pattern = pattern;
  f->message_args = std::move(args);
  f->message = Translator::FormatArgs(f->message_pattern, f->message_args);
}

}  // namespace internal

namespace internal {

StatusOr<std::vector<Finding>> CheckAnalysed(const AlignResult& aligned,
                                             const std::vector<std::vector<TermHit>>& hits_per_version,
                                             const VersionNumbers& numbers, const TermMatcher& matcher,
                                             const CheckConfig& config, const Glossary* glossary) {
  ALIGN_RETURN_IF_ERROR(Validate(aligned, hits_per_version, config));
  if (numbers.size() != aligned.versions.size()) return Internal("numbers do not fit the versions");
  for (size_t v = 0; v < numbers.size(); ++v) {
    if (numbers[v].size() != aligned.versions[v].sentences.size()) return Internal("numbers do not fit the sentences");
  }
  CheckContext ctx(aligned, hits_per_version, numbers, matcher, config);
  ctx.glossary = glossary;
  // Each pass once, in registry order, when any of its types is on; the
  // findings of types that are off are dropped (a pass may skip their work).
  std::vector<CheckPass> passes;
  for (const FindingTypeInfo& row : kFindingTypes) {
    if (config.*row.enabled && std::find(passes.begin(), passes.end(), row.pass) == passes.end()) {
      passes.push_back(row.pass);
    }
  }
  std::vector<Finding> findings;
  for (CheckPass pass : passes) pass(ctx, &findings);
  if (config.missing_terms) internal::DropTermsMovedNearby(ctx, &findings);
  if (config.omissions && config.missing_terms) internal::MergeMissingTermsIntoClauses(ctx, &findings);
  if (config.omissions) internal::FindUncoveredClauses(ctx, &findings);
  if (config.omissions && config.numbers) internal::DropNumbersOfOmissions(ctx, &findings);
  if (config.missing_terms) internal::DropTermsInUnrenderedBeads(ctx, &findings);
  std::erase_if(findings, [&](const Finding& f) { return !(config.*FindingTypeInfoOf(f.type).enabled); });
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.bead, a.type, a.version) < std::tie(b.bead, b.type, b.version);
  });
  return findings;
}

}  // namespace internal

StatusOr<std::vector<Finding>> Check(const AlignResult& aligned,
                                     const std::vector<std::vector<TermHit>>& hits_per_version,
                                     const TermMatcher& matcher, const CheckConfig& config) {
  ALIGN_RETURN_IF_ERROR(Validate(aligned, hits_per_version, config));
  return internal::CheckAnalysed(aligned, hits_per_version, internal::SentenceNumbers(aligned), matcher, config);
}

CheckSummary Summarize(const std::vector<Finding>& findings) {
  CheckSummary summary;
  for (const FindingTypeInfo& row : kFindingTypes) summary.by_type.emplace_back(row.type, 0);
  for (Severity s : {Severity::kError, Severity::kWarning, Severity::kInfo}) summary.by_severity.emplace_back(s, 0);
  for (const Finding& f : findings) {
    for (auto& [type, count] : summary.by_type) count += type == f.type;
    for (auto& [severity, count] : summary.by_severity) count += severity == f.severity;
  }
  summary.total = findings.size();
  return summary;
}

}  // namespace align
