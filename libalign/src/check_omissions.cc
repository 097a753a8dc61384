// omission / addition: beads where some versions have sentences and others
// none (1-0, 0-1, and 3-way beads with an empty side).
//
// Only content counts: a side whose every sentence is a dateline (ends in
// "--", "—" or a colon-less agency line such as 新华社北京11月27日电), a line
// of punctuation or digits, or has fewer than CheckConfig::min_content_letters
// letters (a Han character counts as two) gives no finding: versions differ
// in such furniture without anything being lost.
// Which is which (BRIEF §4: lang is the version that lacks the content for
// an omission and the version that has the extra sentence for an addition):
//   - with a source: a translation with an empty side where the source has
//     content omits it; a translation with content where the source has
//     none adds it;
//   - without a source, three versions: two have it → the third omits it;
//     one alone has it → that one adds it;
//   - without a source, two versions: an omission of the version that
//     lacks the sentence (nothing tells an omission from an addition).
#include <fmt/format.h>

#include "check_internal.h"
#include "utf8.h"

namespace align::internal {
namespace {

size_t Letters(std::string_view text) {
  size_t letters = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t c = DecodeUtf8(text, i);
    if ((c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF)) {
      letters += 2;
    } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F) ||
               (c >= 0x0621 && c <= 0x064A) || (c >= 0x066E && c <= 0x06D3) || (c >= 0x06FA && c <= 0x06FF)) {
      ++letters;
    }
  }
  return letters;
}

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

bool IsContent(const CheckContext& ctx, size_t bead, size_t v) {
  const AlignInput& input = ctx.aligned.versions[v];
  for (uint32_t s = ctx.side(bead, v).begin; s < ctx.side(bead, v).end; ++s) {
    std::string_view text = input.document.Slice(input.sentences[s].span);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
    bool dateline = EndsWith(text, "--") || EndsWith(text, "—") || EndsWith(text, "–") ||
                    (EndsWith(text, "电") && text.size() <= 60);
    if (!dateline && Letters(text) >= ctx.config.min_content_letters) return true;
  }
  return false;
}

void Report(const CheckContext& ctx, size_t bead, FindingType type, size_t v, size_t evidence_version,
            std::vector<Finding>* out) {
  Finding f;
  f.type = type;
  f.severity = type == FindingType::kOmission ? Severity::kError : Severity::kWarning;
  f.version = v;
  f.bead = bead;
  f.places = ctx.Places(bead, ctx.Place(bead, v));
  if (type == FindingType::kAddition) {
    for (FindingPlace& p : f.places) {
      if (p.version != v) continue;
      for (uint32_t s : p.sentences) p.spans.push_back(ctx.aligned.versions[v].sentences[s].span);
    }
  }
  f.evidence = ctx.SideText(bead, evidence_version);
  const std::string& tag = ctx.aligned.language_tags[v];
  const size_t count = ctx.side(bead, evidence_version).size();
  f.message = type == FindingType::kOmission
                  ? fmt::format("{} has no counterpart of {} sentence{} of the {} version", tag, count,
                                count == 1 ? "" : "s", ctx.aligned.language_tags[evidence_version])
                  : fmt::format("{} has {} sentence{} that the other versions do not have", tag, count,
                                count == 1 ? "" : "s");
  out->push_back(std::move(f));
}

}  // namespace

void CheckOmissions(const CheckContext& ctx, std::vector<Finding>* out) {
  const int source = ctx.source();
  for (size_t b = 0; b < ctx.beads().size(); ++b) {
    std::vector<size_t> filled, empty;
    for (size_t v = 0; v < ctx.versions(); ++v) (ctx.side(b, v).empty() ? empty : filled).push_back(v);
    if (empty.empty() || filled.empty()) continue;
    bool content = false;
    for (size_t v : filled) content = content || IsContent(ctx, b, v);
    if (!content) continue;
    if (source >= 0) {
      if (ctx.side(b, source).empty()) {
        for (size_t v : filled) Report(ctx, b, FindingType::kAddition, v, v, out);
      } else {
        for (size_t v : empty) Report(ctx, b, FindingType::kOmission, v, source, out);
      }
    } else if (ctx.versions() == 3 && filled.size() == 1) {
      Report(ctx, b, FindingType::kAddition, filled[0], filled[0], out);
    } else {
      for (size_t v : empty) Report(ctx, b, FindingType::kOmission, v, filled[0], out);
    }
  }
}

}  // namespace align::internal
