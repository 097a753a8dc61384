// The HTML report: one self-contained page (inline style and script, no
// network), the versions side by side with one row per bead, term hits and
// findings marked in place, a summary, a legend, filters and keyboard
// navigation. Everything from the documents is escaped; the page's
// Content-Security-Policy allows its own script only, by hash.
#include <unicode/uloc.h>

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "align/baseline.h"
#include "align/report.h"
#include "align/resources.h"
#include "align/text.h"
#include "config_internal.h"
#include "report_findings_internal.h"
#include "report_html_internal.h"
#include "sha256.h"
#include "report_internal.h"

namespace align {
namespace {

using namespace findings_internal;
using html_internal::Escape;

std::string Attr(std::string_view text) { return Escape(text); }

// Right-to-left from the locale data (CLDR), not from a list of our languages.
bool RightToLeft(const std::string& tag) { return uloc_isRightToLeft(tag.c_str()) != 0; }

std::string LangAttrs(const std::string& tag) {
  return fmt::format("lang=\"{}\" dir=\"{}\"", Attr(tag), RightToLeft(tag) ? "rtl" : "ltr");
}

// One span of markup over a sentence: opened by |open| on its first piece and
// |reopen| on the pieces after a split, closed by "</span>".
struct Mark {
  Span span;
  int rank = 0;  // for equal spans: lower ranks are outer
  std::string open;
  std::string reopen;
  // A finding's mark in the version at fault: the first piece rendered of
  // its first span becomes the finding's focusable anchor.
  size_t finding = SIZE_MAX;
  std::string anchor;
};

// The escaped bytes of |sentence| with |marks| as properly nested spans. A
// mark that crosses another is closed and reopened around it, so the markup
// stays well formed whatever the checker and the matcher report.
//
// A sweep over the sorted mark boundaries: between two boundaries the open
// marks, outermost first, are the stack; at a boundary only the marks that
// end or begin there change it, and the stack is unwound from the first of
// them only. Work is O(M log M) for M marks plus the markup written (a
// sentence of a megabyte with thousands of term hits is one pass).
std::string Markup(std::string_view bytes, Span sentence, const std::vector<Mark>& all, std::set<size_t>* anchored) {
  std::vector<Mark> marks;
  for (const Mark& m : all) {
    std::optional<Span> c = Clip(m.span, sentence);
    if (!c || c->empty()) continue;
    marks.push_back(m);
    marks.back().span = *c;
  }
  auto outer_first = [&](size_t a, size_t b) {
    const Mark &x = marks[a], &y = marks[b];
    if (x.span.begin != y.span.begin) return x.span.begin < y.span.begin;
    if (x.span.end != y.span.end) return x.span.end > y.span.end;
    if (x.rank != y.rank) return x.rank < y.rank;
    return a < b;
  };
  // Marks in order of their begin (outermost first), and of their end.
  std::vector<size_t> by_begin(marks.size()), by_end(marks.size());
  for (size_t i = 0; i < marks.size(); ++i) by_begin[i] = by_end[i] = i;
  std::sort(by_begin.begin(), by_begin.end(), outer_first);
  std::sort(by_end.begin(), by_end.end(), [&](size_t a, size_t b) { return marks[a].span.end < marks[b].span.end; });

  std::string out;
  out.reserve(sentence.size() + sentence.size() / 8);
  std::vector<size_t> stack;  // open marks, sorted by outer_first
  std::vector<size_t> position(marks.size(), SIZE_MAX);  // in the stack
  std::vector<bool> opened(marks.size(), false), ended(marks.size(), false);
  std::vector<size_t> added, kept;
  size_t next_begin = 0, next_end = 0;
  size_t p = sentence.begin;
  while (p < sentence.end) {
    // The first stack position that changes at p: that of a mark ending
    // here, or where a mark beginning here sorts in.
    size_t keep = stack.size();
    for (; next_end < by_end.size() && marks[by_end[next_end]].span.end <= p; ++next_end) {
      ended[by_end[next_end]] = true;
      keep = std::min(keep, position[by_end[next_end]]);  // a mark that ends here is open
    }
    added.clear();
    for (; next_begin < by_begin.size() && marks[by_begin[next_begin]].span.begin <= p; ++next_begin) {
      const size_t i = by_begin[next_begin];
      added.push_back(i);
      keep = std::min<size_t>(keep, std::lower_bound(stack.begin(), stack.end(), i, outer_first) - stack.begin());
    }
    // Close down to |keep|, then reopen what stays and open what begins, in order.
    kept.clear();
    for (size_t k = stack.size(); k > keep; --k) {
      out += "</span>";
      if (!ended[stack[k - 1]]) kept.push_back(stack[k - 1]);
    }
    std::reverse(kept.begin(), kept.end());
    stack.resize(keep);
    size_t a = 0, b = 0;
    while (a < kept.size() || b < added.size()) {
      const size_t i = b == added.size() || (a < kept.size() && outer_first(kept[a], added[b])) ? kept[a++] : added[b++];
      const Mark& m = marks[i];
      if (!opened[i] && m.finding != SIZE_MAX && anchored->insert(m.finding).second) {
        out += m.anchor;
      } else {
        out += opened[i] ? m.reopen : m.open;
      }
      opened[i] = true;
      position[i] = stack.size();
      stack.push_back(i);
    }
    // The text up to the next boundary.
    size_t q = sentence.end;
    if (next_begin < by_begin.size()) q = std::min<size_t>(q, marks[by_begin[next_begin]].span.begin);
    if (next_end < by_end.size()) q = std::min<size_t>(q, marks[by_end[next_end]].span.end);
    out += Escape(bytes.substr(p, q - p));
    p = q;
  }
  for (size_t k = 0; k < stack.size(); ++k) out += "</span>";
  return out;
}

std::string StatusLabel(const Translator& ui, TermStatus status) {
  switch (status) {
    case TermStatus::kPreferred: return ui.Translate("preferred term");
    case TermStatus::kAdmitted: return ui.Translate("admitted term");
    case TermStatus::kDeprecated: return ui.Translate("deprecated term");
    case TermStatus::kSuperseded: return ui.Translate("superseded term");
  }
  return "";
}

class HtmlWriter {
 public:
  HtmlWriter(const FindingsReport& report, const ReportOptions& options, std::ostream& out)
      : report_(report), aligned_(*report.aligned), findings_(*report.findings), ui_(Ui(options)),
        options_(options), out_(out), locator_(*report.aligned),
        ui_language_(ParseLanguage(ui_.language()).value_or(Language::kUnknown)) {
    const size_t n = aligned_.versions.size();
    by_bead_.resize(aligned_.alignment.beads.size());
    for (size_t i : OrderByBead(report)) by_bead_[findings_[i].bead].push_back(i);
    hits_.resize(n);
    if (report.hits != nullptr) {
      for (size_t v = 0; v < n; ++v) {
        for (const TermHit& h : (*report.hits)[v]) hits_[v][h.sentence].push_back(&h);
      }
    }
  }

  void Write() {
    const std::string title = ui_.Translate("Alignment and terminology check");
    out_ << "<!DOCTYPE html>\n<html lang=\"" << Attr(ui_.language()) << "\" dir=\"" << (ui_.rtl() ? "rtl" : "ltr")
         << "\">\n<head>\n<meta charset=\"utf-8\">\n"
         << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         << "script-src 'sha256-" << internal::Sha256Base64(html_internal::Script())
         << "'; img-src data:; base-uri 'none'; form-action 'none'\">\n"
         << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         << "<meta name=\"generator\" content=\"talign " << Attr(Version()) << "\">\n<title>" << Escape(title);
    if (!aligned_.versions.empty()) out_ << " \u2014 " << Escape(aligned_.versions[0].document.name());
    out_ << "</title>\n<style>" << html_internal::Style() << "</style>\n</head>\n<body>\n";
    WriteHeader(title);
    WriteToolbar();
    WriteTable();
    out_ << "<div id=\"tip\" role=\"tooltip\" hidden></div>\n<footer>"
         << Escape(Translator::Format(ui_.Translate("Generated by talign {}."), Version())) << ' '
         << Escape(ui_.Translate("Byte offsets and the JSON report: talign check --format json."));
    WriteProvenance();
    out_ << "</footer>\n"
         << "<script>" << html_internal::Script() << "</script>\n</body>\n</html>\n";
  }

 private:
  // The files and settings behind the findings, folded: a reviser opening
  // the report later can tell which termbase and which source language
  // produced it.
  void WriteProvenance() {
    if (report_.provenance == nullptr) return;
    const Provenance& p = *report_.provenance;
    out_ << "\n<details class=\"provenance\" id=\"provenance\"><summary>" << Escape(ui_.Translate("Provenance"))
         << "</summary><dl>";
    out_ << "<dt>" << Escape(ui_.Translate("source language")) << "</dt><dd>"
         << Escape(p.source_language.empty() ? ui_.Translate("none (co-authentic versions)") : p.source_language)
         << "</dd>";
    const auto files = [&](const std::string& label, const std::vector<ProvenanceFile>& list) {
      out_ << "<dt>" << Escape(label) << "</dt>";
      if (list.empty()) out_ << "<dd>\u2014</dd>";
      for (const ProvenanceFile& f : list) {
        out_ << "<dd><bdi dir=\"ltr\">" << Escape(f.name) << "</bdi>";
        if (!f.sha256.empty()) out_ << " <code title=\"SHA-256\">" << Escape(f.sha256.substr(0, 12)) << "</code>";
        out_ << "</dd>";
      }
    };
    files(ui_.Translate("termbases"), p.termbases);
    files(ui_.Translate("dictionaries"), p.dictionaries);
    if (!p.baseline_sha256.empty()) {
      out_ << "<dt>" << Escape(ui_.Translate("baseline")) << "</dt><dd><code title=\"SHA-256\">"
           << Escape(p.baseline_sha256.substr(0, 12)) << "</code></dd>";
    }
    out_ << "<dt>" << Escape(ui_.Translate("settings")) << "</dt><dd><pre dir=\"ltr\">"
         << Escape(internal::ProvenanceToJson(p)["check"].dump(1)) << "</pre></dd></dl></details>";
  }

  // A summary card that is a button: it shows only the findings of its type
  // or severity (the script checks that one box of the toolbar's fieldset),
  // and pressed again, all of them. A button, so Enter and Space work.
  static std::string Card(std::string_view kind, std::string_view value, size_t count, const std::string& label) {
    return fmt::format("<button type=\"button\" class=\"card\" data-card=\"{}\" data-value=\"{}\" aria-pressed=\"false\">"
                       "<span class=\"n\">{}</span><span class=\"l\">{}</span></button>",
                       kind, value, count, Escape(label));
  }

  // A concept's name for people: its preferred term in the UI language if
  // the termbase has one, else in English, else its id (ids such as
  // all_weather_strategic_cooperative_partnership are for programs).
  struct ConceptLabel {
    std::string text;
    std::string lang;  // the language tag of |text|; empty for the id
  };
  ConceptLabel NameOf(uint32_t concept_index) const {
    for (Language l : {ui_language_, Language::kEnglish}) {
      if (l == Language::kUnknown) continue;
      const std::vector<const Term*> preferred = report_.lexicon->Preferred(concept_index, l);
      if (!preferred.empty()) return {preferred.front()->text, std::string(LanguageCode(l))};
    }
    return {report_.lexicon->concepts()[concept_index].id, ""};
  }
  std::string ConceptMarkup(uint32_t concept_index) const {
    const ConceptLabel name = NameOf(concept_index);
    const std::string& id = report_.lexicon->concepts()[concept_index].id;
    if (name.lang.empty()) {
      return fmt::format("<code><bdi class=\"concept\" dir=\"ltr\" data-concept=\"{}\">{}</bdi></code>", Attr(id),
                         Escape(id));
    }
    return fmt::format("<bdi class=\"concept\" {} data-concept=\"{}\" title=\"{}\">{}</bdi>", LangAttrs(name.lang),
                       Attr(id), Attr(id), Escape(name.text));
  }

  void WriteHeader(const std::string& title) {
    out_ << "<header class=\"top\">\n<h1>" << Escape(title) << "</h1>\n<ul class=\"inputs\">";
    for (size_t v = 0; v < aligned_.versions.size(); ++v) {
      out_ << "<li><b>" << Escape(LanguageLabel(ui_, aligned_, v)) << "</b> <code><bdi dir=\"ltr\">"
           << Escape(aligned_.versions[v].document.name()) << "</bdi></code> \u00B7 "
           << Escape(Translator::Format(
                  ui_.TranslatePlural("{} sentence", "{} sentences", aligned_.versions[v].sentences.size()),
                  aligned_.versions[v].sentences.size()))
           << "</li>";
    }
    const size_t beads = aligned_.alignment.beads.size();
    out_ << "<li>" << Escape(Translator::Format(ui_.TranslatePlural("{} bead", "{} beads", beads), beads))
         << "</li></ul>\n";

    const Tally s = Count(findings_);
    out_ << "<h2 id=\"summary-heading\">" << Escape(ui_.Translate("Summary")) << "</h2>\n"
         << "<ul class=\"summary\" aria-labelledby=\"summary-heading\">"
         << "<li class=\"total\" data-count=\"" << s.total << "\"><span class=\"n\">" << s.total << "</span><span class=\"l\">"
         << Escape(ui_.TranslatePlural("finding", "findings", s.total)) << " \u00B7 "
         << Escape(Translator::Format(ui_.TranslatePlural("in {} of {} bead", "in {} of {} beads", beads),
                                      s.beads_with_findings, beads))
         << "</span></li>";
    for (const FindingTypeInfo& row : FindingTypes()) {
      const FindingType t = row.type;
      const size_t c = s.by_type[static_cast<size_t>(t)];
      out_ << "<li class=\"type" << (c == 0 ? " zero" : "") << "\" data-type=\"" << FindingTypeName(t)
           << "\" data-count=\"" << c << "\">" << Card("type", FindingTypeName(t), c, TypeLabel(ui_, t)) << "</li>";
    }
    for (Severity v : kAllSeverities) {
      const size_t c = s.by_severity[static_cast<size_t>(v)];
      out_ << "<li class=\"severity" << (c == 0 ? " zero" : "") << "\" data-severity=\"" << SeverityName(v)
           << "\" data-count=\"" << c << "\">" << Card("severity", SeverityName(v), c, SeverityLabel(ui_, v))
           << "</li>";
    }
    if (report_.suppressed > 0) {
      out_ << "<li class=\"suppressed\" data-count=\"" << report_.suppressed << "\"><span class=\"n\">"
           << report_.suppressed << "</span><span class=\"l\">"
           << Escape(ui_.TranslatePlural("suppressed by the baseline", "suppressed by the baseline", report_.suppressed))
           << "</span></li>";
    }
    out_ << "</ul>\n<h2>" << Escape(ui_.Translate("Legend")) << "</h2>\n<ul class=\"legend\">"
         << "<li><span class=\"t st-preferred sample\">" << Escape(ui_.Translate("term")) << "</span> "
         << Escape(ui_.Translate("preferred or admitted term")) << "</li>"
         << "<li><span class=\"t st-deprecated sample\">" << Escape(ui_.Translate("term")) << "</span> "
         << Escape(ui_.Translate("deprecated or superseded term")) << "</li>"
         << "<li><span class=\"fm sev-error sample\">" << Escape(SeverityLabel(ui_, Severity::kError))
         << "</span> <span class=\"fm sev-warning sample\">" << Escape(SeverityLabel(ui_, Severity::kWarning))
         << "</span> <span class=\"fm sev-info sample\">" << Escape(SeverityLabel(ui_, Severity::kInfo)) << "</span> "
         << Escape(ui_.Translate("finding, in the version at fault")) << "</li>"
         << "<li><span class=\"fx sample\">\u2026</span> " << Escape(ui_.Translate("its evidence in another version"))
         << "</li>"
         << "<li><span class=\"sample\" style=\"color:var(--low);font-weight:600\">\u2503</span> "
         << Escape(Translator::Format(ui_.Translate("alignment score below {}"), FormatScore(options_.low_score)))
         << "</li>"
         << "<li>" << Escape(ui_.Translate("Keys:")) << " <kbd>j</kbd>/<kbd>n</kbd> "
         << Escape(ui_.Translate("next finding")) << ", <kbd>k</kbd>/<kbd>p</kbd> "
         << Escape(ui_.Translate("previous finding")) << "</li></ul>\n</header>\n";
  }

  void WriteToolbar() {
    const Tally s = Count(findings_);
    out_ << "<div class=\"toolbar\" role=\"toolbar\" aria-label=\"" << Attr(ui_.Translate("Filters")) << "\">\n"
         << "<fieldset><legend>" << Escape(ui_.Translate("Types")) << "</legend>";
    for (const FindingTypeInfo& row : FindingTypes()) {
      const FindingType t = row.type;
      out_ << "<label><input type=\"checkbox\" data-filter=\"type\" value=\"" << FindingTypeName(t) << "\" checked> "
           << Escape(TypeLabel(ui_, t)) << " (" << s.by_type[static_cast<size_t>(t)] << ")</label>";
    }
    out_ << "</fieldset>\n<fieldset><legend>" << Escape(ui_.Translate("Severity")) << "</legend>";
    for (Severity v : kAllSeverities) {
      out_ << "<label><input type=\"checkbox\" data-filter=\"severity\" value=\"" << SeverityName(v)
           << "\" checked> " << Escape(SeverityLabel(ui_, v)) << " (" << s.by_severity[static_cast<size_t>(v)]
           << ")</label>";
    }
    // The language at fault: one box per version, with its findings' count.
    out_ << "</fieldset>\n<fieldset class=\"langs\"><legend>" << Escape(ui_.Translate("Languages")) << "</legend>";
    for (size_t v = 0; v < aligned_.versions.size(); ++v) {
      const size_t c = std::count_if(findings_.begin(), findings_.end(), [&](const Finding& f) { return f.version == v; });
      out_ << "<label><input type=\"checkbox\" data-filter=\"lang\" value=\"" << Attr(aligned_.language_tags[v])
           << "\" checked> " << Escape(LanguageLabel(ui_, aligned_, v)) << " (" << c << ")</label>";
    }
    out_ << "</fieldset>\n<fieldset><label><input type=\"checkbox\" id=\"only-findings\"> "
         << Escape(ui_.Translate("only beads with findings")) << "</label></fieldset>\n"
         << "<div class=\"nav\"><button type=\"button\" id=\"prev\" aria-keyshortcuts=\"k p\">"
         << (ui_.rtl() ? "\u2192 " : "\u2190 ") << Escape(ui_.Translate("Previous")) << "</button>"
         << "<output id=\"pos\" aria-live=\"polite\">\u2013 / " << s.total << "</output>"
         << "<button type=\"button\" id=\"next\" aria-keyshortcuts=\"j n\">" << Escape(ui_.Translate("Next"))
         << (ui_.rtl() ? " \u2190" : " \u2192") << "</button></div>\n</div>\n";
  }

  void WriteTable() {
    const size_t n = aligned_.versions.size();
    out_ << "<main>\n<table class=\"beads\">\n<colgroup><col class=\"num\">";
    for (size_t v = 0; v < n; ++v) out_ << "<col>";
    out_ << "</colgroup>\n<thead><tr><th scope=\"col\">" << Escape(ui_.Translate("Bead")) << "</th>";
    for (size_t v = 0; v < n; ++v) {
      out_ << "<th scope=\"col\">" << Escape(LanguageLabel(ui_, aligned_, v)) << " <span class=\"file\"><bdi dir=\"ltr\">"
           << Escape(aligned_.versions[v].document.name()) << "</bdi></span></th>";
    }
    out_ << "</tr></thead>\n<tbody>\n";
    for (size_t b = 0; b < aligned_.alignment.beads.size(); ++b) WriteBead(b);
    out_ << "</tbody>\n</table>\n</main>\n";
  }

  // The marks of the findings of bead |b| in version |v|.
  std::vector<Mark> FindingMarks(size_t b, size_t v) {
    std::vector<Mark> marks;
    for (size_t i : by_bead_[b]) {
      const Finding& f = findings_[i];
      const std::string common =
          fmt::format("data-f=\"{}\" data-type=\"{}\" data-sev=\"{}\" data-lang=\"{}\"", i, FindingTypeName(f.type),
                      SeverityName(f.severity), Attr(aligned_.language_tags[f.version]));
      for (const FindingPlace& p : f.places) {
        if (p.version != v) continue;
        for (const Span& s : p.spans) {
          Mark m;
          m.span = s;
          if (v == f.version) {
            m.rank = 0;
            m.open = m.reopen = fmt::format("<span class=\"fm sev-{}\" {}>", SeverityName(f.severity), common);
            m.finding = i;
            m.anchor = fmt::format("<span class=\"fm anchor sev-{}\" id=\"f-{}\" tabindex=\"0\" "
                                   "aria-describedby=\"note-{}\" {}>",
                                   SeverityName(f.severity), i, i, common);
          } else {
            m.rank = 1;
            m.open = m.reopen = fmt::format("<span class=\"fx\" {}>", common);
          }
          marks.push_back(std::move(m));
        }
      }
    }
    return marks;
  }

  std::vector<Mark> TermMarks(size_t v, uint32_t sentence) {
    std::vector<Mark> marks;
    auto it = hits_[v].find(sentence);
    if (it == hits_[v].end()) return marks;
    for (const TermHit* h : it->second) {
      std::string id = report_.lexicon != nullptr ? report_.lexicon->concepts()[h->concept_index].id
                                                  : std::to_string(h->concept_index);
      const std::string name = report_.lexicon != nullptr ? NameOf(h->concept_index).text : id;
      Mark m;
      m.span = h->span;
      m.rank = 2;
      m.open = m.reopen = fmt::format(
          "<span class=\"t st-{}\" data-concept=\"{}\" data-status=\"{}\" title=\"{} \u00B7 {}\">",
          TermStatusName(h->status), Attr(id), TermStatusName(h->status), Attr(name), Attr(StatusLabel(ui_, h->status)));
      marks.push_back(std::move(m));
    }
    return marks;
  }

  // For each sentence of |side|, the indices of the marks that overlap it,
  // in order: each mark is looked up by binary search over the side's
  // sentences, not tried against every sentence.
  static std::vector<std::vector<size_t>> MarksPerSentence(const AlignInput& version, const SentenceRange& side,
                                                           const std::vector<Mark>& marks) {
    std::vector<std::vector<size_t>> out(side.size());
    const auto first = version.sentences.begin() + side.begin, last = version.sentences.begin() + side.end;
    bool ordered = true;  // as the segmenter gives them: in order, not overlapping
    for (auto it = first; it != last && it + 1 != last; ++it) ordered = ordered && it->span.end <= (it + 1)->span.begin;
    for (size_t k = 0; k < marks.size(); ++k) {
      const Span m = marks[k].span;
      if (!ordered) {
        for (auto& list : out) list.push_back(k);  // Markup clips what does not overlap
        continue;
      }
      auto it = std::partition_point(first, last, [&](const Sentence& s) { return s.span.end <= m.begin; });
      for (; it != last && it->span.begin < m.end; ++it) out[it - first].push_back(k);
    }
    return out;
  }

  // A focusable mark for a finding with no span of its own in the version at
  // fault (an omission's empty cell, a missing term): a badge naming the type.
  std::string Badge(size_t i) {
    const Finding& f = findings_[i];
    anchored_.insert(i);
    return fmt::format("<span class=\"fm anchor badge sev-{}\" id=\"f-{}\" tabindex=\"0\" aria-describedby=\"note-{}\" "
                       "data-f=\"{}\" data-type=\"{}\" data-sev=\"{}\" data-lang=\"{}\">{}</span>",
                       SeverityName(f.severity), i, i, i, FindingTypeName(f.type), SeverityName(f.severity),
                       Attr(aligned_.language_tags[f.version]), Escape(TypeLabel(ui_, f.type)));
  }

  void WriteBead(size_t b) {
    const Bead& bead = aligned_.alignment.beads[b];
    const bool low = bead.score < options_.low_score;
    const bool has = !by_bead_[b].empty();
    out_ << "<tr class=\"bead" << (low ? " low" : "") << (has ? " hasf" : "") << "\" id=\"bead-" << b
         << "\" data-bead=\"" << b << "\" data-score=\"" << FormatScore(bead.score) << "\">"
         << "<th scope=\"row\"><a href=\"#bead-" << b << "\">" << b << "</a><span class=\"score\" title=\""
         << Attr(ui_.Translate("alignment score")) << "\">" << FormatScore(bead.score) << "</span>";
    if (low) out_ << "<span class=\"lowtag\">" << Escape(ui_.Translate("low score")) << "</span>";
    if (!bead.unit.empty()) {
      out_ << "<span class=\"unit\">" << Escape(ui_.Translate("unit")) << " <bdi dir=\"ltr\">" << Escape(bead.unit)
           << "</bdi></span>";
    }
    out_ << "</th>";
    for (size_t v = 0; v < aligned_.versions.size(); ++v) {
      const AlignInput& version = aligned_.versions[v];
      const SentenceRange& side = bead.sides[v];
      const std::vector<Mark> finding_marks = FindingMarks(b, v);
      // data-label: the language's name, which a phone's stacked layout shows
      // above the cell (the table header is hidden there).
      out_ << "<td class=\"v" << (side.empty() ? " empty" : "") << "\" " << LangAttrs(aligned_.language_tags[v])
           << " data-label=\"" << Attr(LanguageLabel(ui_, aligned_, v)) << "\">";
      if (side.empty()) {
        out_ << "<span lang=\"" << Attr(ui_.language()) << "\" dir=\"" << (ui_.rtl() ? "rtl" : "ltr") << "\">"
             << Escape(ui_.Translate("no sentence")) << "</span>";
      }
      const std::vector<std::vector<size_t>> finding_marks_in = MarksPerSentence(version, side, finding_marks);
      for (uint32_t s = side.begin; s < side.end; ++s) {
        std::vector<Mark> marks = TermMarks(v, s);
        for (size_t k : finding_marks_in[s - side.begin]) marks.push_back(finding_marks[k]);
        // The sentence number is isolated (a <bdi>, left to right): next to
        // Urdu text that begins with digits it would run into them ("2026 13ء").
        out_ << "<p class=\"s\" data-s=\"" << s << "\"><bdi class=\"si\" dir=\"ltr\" aria-hidden=\"true\">" << s << "</bdi>"
             << Markup(version.document.bytes(), version.sentences[s].span, marks, &anchored_) << "</p>";
      }
      // Findings of this version that no span marked get a badge in its cell.
      for (size_t i : by_bead_[b]) {
        if (findings_[i].version == v && !anchored_.count(i)) out_ << Badge(i);
      }
      out_ << "</td>";
    }
    out_ << "</tr>\n";
    if (has) WriteNotes(b);
  }

  // The lang and dir of a piece of text quoted in a note: the version's when
  // the text is in its language, else the language its letters are in (an
  // omission quotes the other version's sentence), else left to right (digits).
  std::string PieceAttrs(const std::string& text, size_t v) const {
    const Language own = DetectLanguage(text);
    if (own == aligned_.versions[v].language) return LangAttrs(aligned_.language_tags[v]);
    if (own == Language::kUnknown) return "dir=\"ltr\"";
    return LangAttrs(std::string(LanguageCode(own)));
  }

  void WriteNotes(size_t b) {
    out_ << "<tr class=\"notes\" id=\"notes-" << b << "\" data-bead=\"" << b << "\"><td></td><td colspan=\""
         << aligned_.versions.size() << "\"><ul>";
    for (size_t i : by_bead_[b]) {
      const Finding& f = findings_[i];
      const std::string& tag = aligned_.language_tags[f.version];
      out_ << "<li class=\"note sev-" << SeverityName(f.severity) << "\" id=\"note-" << i << "\" data-f=\"" << i
           << "\" data-type=\"" << FindingTypeName(f.type) << "\" data-sev=\"" << SeverityName(f.severity)
           << "\" data-lang=\"" << Attr(tag) << "\">"
           << "<span class=\"sev\">" << Escape(SeverityLabel(ui_, f.severity)) << "</span> \u00B7 <span class=\"type\">"
           << Escape(TypeLabel(ui_, f.type)) << "</span> <span class=\"meta\">\u00B7 "
           << Escape(LanguageLabel(ui_, aligned_, f.version));
      // Line:column in each file, for going there in an editor.
      std::string where;
      for (size_t v = 0; v < aligned_.versions.size(); ++v) {
        if (const std::optional<Location> at = locator_.Of(report_, f, v)) {
          where += fmt::format("{}{} {}:{}", where.empty() ? "" : ", ", aligned_.language_tags[v], at->line, at->column);
        }
      }
      if (!where.empty()) out_ << " \u00B7 <bdi class=\"loc\" dir=\"ltr\">" << Escape(where) << "</bdi>";
      if (const std::string& unit = UnitOf(report_, f); !unit.empty()) {
        out_ << " \u00B7 " << Escape(ui_.Translate("unit")) << " <code class=\"unit\"><bdi dir=\"ltr\">" << Escape(unit)
             << "</bdi></code>";
      }
      if (f.concept_index && report_.lexicon != nullptr) {
        out_ << " \u00B7 " << Escape(ui_.Translate("concept")) << ' ' << ConceptMarkup(*f.concept_index);
      }
      // A message in the UI language takes its direction; an English one
      // (a finding without a pattern, or no catalog entry) stays ltr.
      const std::string message = MessageOf(ui_, f);
      const bool translated = message != f.message || ui_.language() == "en";
      out_ << "</span> \u2014 <bdi class=\"msg\" lang=\"" << (translated ? Attr(ui_.language()) : "en")
           << "\" dir=\"" << (translated && ui_.rtl() ? "rtl" : "ltr") << "\">" << Escape(message) << "</bdi>";
      // A missing term rendered freely shows those words, not the sentence.
      const std::string& found = f.rendering.empty() ? f.evidence : f.rendering;
      if (!found.empty()) {
        out_ << " <span class=\"exp\">" << Escape(ui_.Translate("found:")) << " <bdi " << PieceAttrs(found, f.version)
             << ">" << Escape(found) << "</bdi></span>";
      }
      if (!f.expected.empty()) {
        out_ << " <span class=\"exp\">" << Escape(ui_.Translate("expected:")) << ' ';
        // The termbase's preferred renderings first, in bold and saying so,
        // with its admitted ones on hover.
        std::set<std::string> preferred;
        std::string admitted;
        if (f.concept_index && report_.lexicon != nullptr) {
          const Language lang = aligned_.versions[f.version].language;
          for (const Term* t : report_.lexicon->Preferred(*f.concept_index, lang)) preferred.insert(t->text);
          for (uint32_t t : report_.lexicon->concepts()[*f.concept_index].terms) {
            const Term& term = report_.lexicon->terms()[t];
            if (term.language == lang && term.status == TermStatus::kAdmitted) {
              admitted += (admitted.empty() ? "" : " | ") + term.text;
            }
          }
        }
        std::vector<std::string> expected = f.expected;
        std::stable_partition(expected.begin(), expected.end(), [&](const std::string& e) { return preferred.count(e) > 0; });
        for (size_t e = 0; e < expected.size(); ++e) {
          out_ << (e ? " | " : "");
          if (preferred.count(expected[e])) {
            std::string title = StatusLabel(ui_, TermStatus::kPreferred);
            if (!admitted.empty()) title += " \u00B7 " + StatusLabel(ui_, TermStatus::kAdmitted) + ": " + admitted;
            out_ << "<bdi " << LangAttrs(tag) << " class=\"pref\" title=\"" << Attr(title) << "\">"
                 << Escape(expected[e]) << "</bdi>";
          } else {
            // Numbers are quoted as the other versions write them ("3.5
            // percent"): in the direction of their own language, not of the
            // version at fault (an rtl <bdi> shows "percent 3.5").
            out_ << "<bdi " << PieceAttrs(expected[e], f.version) << ">" << Escape(expected[e]) << "</bdi>";
          }
        }
        out_ << "</span>";
      }
      // The fingerprint a baseline lists to silence this finding (--baseline).
      const std::string fingerprint = FindingFingerprint(f, aligned_, report_.lexicon);
      out_ << " <button type=\"button\" class=\"fp\" data-fp=\"" << fingerprint << "\" title=\""
           << Attr(ui_.Translate("copy the fingerprint, for a baseline of findings to ignore")) << "\"><code>"
           << fingerprint << "</code></button>";
      out_ << " <a class=\"goto\" href=\"#f-" << i << "\" aria-label=\"" << Attr(ui_.Translate("show in the text"))
           << "\">\u2191</a></li>";
    }
    out_ << "</ul></td></tr>\n";
  }

  const FindingsReport& report_;
  const AlignResult& aligned_;
  const std::vector<Finding>& findings_;
  const Translator& ui_;
  const ReportOptions& options_;
  std::ostream& out_;
  std::vector<std::vector<size_t>> by_bead_;
  std::vector<std::map<size_t, std::vector<const TermHit*>>> hits_;
  std::set<size_t> anchored_;
  const Locator locator_;
  const Language ui_language_;
};

}  // namespace

namespace html_internal {

std::string Escape(std::string_view text) {
  const std::string safe = XmlSafeText(text);
  std::string out;
  out.reserve(safe.size() + safe.size() / 8);
  for (char c : safe) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace html_internal

Status WriteFindingsHtml(const FindingsReport& report, const ReportOptions& options, std::ostream& out) {
  ALIGN_RETURN_IF_ERROR(CheckReport(report));
  HtmlWriter(report, options, out).Write();
  return report_internal::Finish(out);
}

}  // namespace align
