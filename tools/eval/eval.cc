// The Vecalign metric, as ../shared/eval/score.py computes it. Reading
// follows Python's rules where score.py relies on them (universal newlines,
// str.strip and int() white space, underscores and Unicode digits in
// numbers), so that both accept and reject the same files.
#include "eval.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "align/text.h"
#include "eval_internal.h"

namespace align {
namespace {

// Python's str.isspace(), which is what \s, strip() and int() use.
bool IsPySpace(char32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

// The code point at |pos| of |s|, advancing |pos|; U+FFFD for bytes that
// are not UTF-8 (Python reads the files as UTF-8 with the same replacement).
char32_t NextCodePoint(std::string_view s, size_t& pos) {
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c;
  U8_NEXT_OR_FFFD(s.data(), i, static_cast<int32_t>(s.size()), c);
  pos = static_cast<size_t>(i);
  return static_cast<char32_t>(c);
}

struct Cursor {
  std::string_view s;
  size_t pos = 0;
  bool done() const { return pos >= s.size(); }
  char32_t peek() const {
    size_t p = pos;
    return NextCodePoint(s, p);
  }
  void next() { NextCodePoint(s, pos); }
  void skip_space() {
    while (!done() && IsPySpace(peek())) next();
  }
};

// int(x) of Python for a field between commas: white space around, an
// optional sign, decimal digits of any script, single '_' between digits.
bool ParsePyInt(std::string_view field, int64_t* value) {
  Cursor c{field};
  c.skip_space();
  bool negative = false;
  if (!c.done() && (c.peek() == '+' || c.peek() == '-')) {
    negative = c.peek() == '-';
    c.next();
  }
  int64_t v = 0;
  int digits = 0;
  bool after_underscore = false;
  while (!c.done()) {
    char32_t ch = c.peek();
    if (ch == '_') {
      if (digits == 0 || after_underscore) return false;
      after_underscore = true;
      c.next();
      continue;
    }
    if (u_charType(static_cast<UChar32>(ch)) != U_DECIMAL_DIGIT_NUMBER) break;
    int d = u_charDigitValue(static_cast<UChar32>(ch));
    if (v > (INT64_MAX - d) / 10) return false;  // Python has no limit; ids this big are not ids
    v = v * 10 + d;
    ++digits;
    after_underscore = false;
    c.next();
  }
  if (digits == 0 || after_underscore) return false;
  c.skip_space();
  if (!c.done()) return false;
  *value = negative ? -v : v;
  return true;
}

bool ParseIds(std::string_view field, std::vector<int64_t>* ids) {
  Cursor c{field};
  c.skip_space();
  if (c.done()) return true;  // "[]": an empty side
  size_t begin = 0;
  while (true) {
    size_t comma = field.find(',', begin);
    int64_t id;
    if (!ParsePyInt(field.substr(begin, comma == std::string_view::npos ? std::string_view::npos : comma - begin), &id)) {
      return false;
    }
    ids->push_back(id);
    if (comma == std::string_view::npos) return true;
    begin = comma + 1;
  }
}

// ^\s*\[([^\]]*)\]\s*:\s*\[([^\]]*)\]
bool ParseBeadLine(std::string_view line, std::string_view* src, std::string_view* tgt) {
  Cursor c{line};
  c.skip_space();
  auto bracket = [&](std::string_view* inside) {
    if (c.done() || c.peek() != '[') return false;
    c.next();
    size_t close = line.find(']', c.pos);
    if (close == std::string_view::npos) return false;
    *inside = line.substr(c.pos, close - c.pos);
    c.pos = close + 1;
    return true;
  };
  if (!bracket(src)) return false;
  c.skip_space();
  if (c.done() || c.peek() != ':') return false;
  c.next();
  c.skip_space();
  return bracket(tgt);
}

std::string ShowLine(std::string_view line) {
  std::string out;
  for (char ch : line) {
    if (ch == '\n' || ch == '\r') break;
    out += ch;
  }
  return out;
}

std::string_view Stem(std::string_view name) {
  // Batch's NAME.align.FORMAT first, so that it is NAME and not NAME.align.
  for (std::string_view suffix : {".align.beads", ".align.ladder", ".align.jsonl", ".align", ".beads", ".ladder",
                                  ".jsonl", ".txt", ".defr"}) {
    if (name.size() >= suffix.size() && name.substr(name.size() - suffix.size()) == suffix) {
      return name.substr(0, name.size() - suffix.size());
    }
  }
  return name;
}

StatusOr<std::map<std::string, std::string>> StemsOf(const std::string& dir) {
  std::map<std::string, std::string> stems;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    auto [it, inserted] = stems.emplace(std::string(Stem(name)), entry.path().string());
    if (!inserted) {
      return InvalidArgument(fmt::format("{}: both {} and {} match document {}", dir,
                                         std::filesystem::path(it->second).filename().string(), name,
                                         it->first));
    }
  }
  if (ec) return IoError(fmt::format("{}: {}", dir, ec.message()));
  return stems;
}

std::set<std::pair<int64_t, int64_t>> Links(const std::set<EvalBead>& beads) {
  std::set<std::pair<int64_t, int64_t>> links;
  for (const auto& [src, tgt] : beads) {
    for (int64_t s : src) {
      for (int64_t t : tgt) links.emplace(s, t);
    }
  }
  return links;
}

// (distinct candidates, strict hits, lax hits) of |candidates| in |reference|.
void Hits(const std::set<EvalBead>& reference, const std::set<EvalBead>& candidates, int64_t* n,
          int64_t* strict, int64_t* lax) {
  const auto links = Links(reference);
  *n = static_cast<int64_t>(candidates.size());
  *strict = *lax = 0;
  for (const EvalBead& bead : candidates) {
    if (reference.count(bead)) {
      ++*strict;
      ++*lax;
      continue;
    }
    bool linked = false;
    for (int64_t s : bead.first) {
      for (int64_t t : bead.second) linked = linked || links.count({s, t}) > 0;
    }
    *lax += linked;
  }
}

double Ratio(int64_t a, int64_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0; }
double F1(double p, double r) { return p + r != 0 ? 2 * p * r / (p + r) : 0.0; }


}  // namespace

namespace eval_internal {

// repr() of a Python float: the shortest digits that read back the same,
// positional for exponents -4..15, otherwise d.ddde[+-]XX.
std::string PyFloatRepr(double x) {
  if (x == 0) return std::signbit(x) ? "-0.0" : "0.0";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, x, std::chars_format::scientific);
  std::string sci(buf, end);  // "-d.dddde+XX"
  std::string sign;
  if (sci[0] == '-') {
    sign = "-";
    sci.erase(0, 1);
  }
  const size_t e = sci.find('e');
  std::string digits = sci.substr(0, e);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  const int exponent = std::stoi(sci.substr(e + 1));
  if (exponent < -4 || exponent >= 16) {
    std::string out = sign + digits.substr(0, 1);
    if (digits.size() > 1) out += "." + digits.substr(1);
    return out + fmt::format("e{}{:02d}", exponent < 0 ? '-' : '+', std::abs(exponent));
  }
  std::string out;
  if (exponent < 0) {
    out = "0." + std::string(static_cast<size_t>(-exponent - 1), '0') + digits;
  } else if (static_cast<size_t>(exponent) + 1 >= digits.size()) {
    out = digits + std::string(static_cast<size_t>(exponent) + 1 - digits.size(), '0') + ".0";
  } else {
    out = digits.substr(0, static_cast<size_t>(exponent) + 1) + "." + digits.substr(static_cast<size_t>(exponent) + 1);
  }
  return sign + out;
}

// A JSON string as Python's json.dumps writes it (ensure_ascii).
std::string PyJsonString(std::string_view s) {
  std::string out = "\"";
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = NextCodePoint(s, pos);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || (c > 0x7E && c != 0x7F)) {
          if (c >= 0x10000) {
            char32_t v = c - 0x10000;
            out += fmt::format("\\u{:04x}\\u{:04x}", 0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF));
          } else {
            out += fmt::format("\\u{:04x}", static_cast<uint32_t>(c));
          }
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

// The nine scores, keys sorted, as json.dumps(sort_keys=True) writes them.
std::string ScoresJson(const EvalScores& s, const std::vector<std::pair<std::string, std::string>>& extra) {
  std::vector<std::pair<std::string, std::string>> items = extra;
  const std::pair<const char*, double> scores[] = {
      {"f1_exact", s.f1_exact}, {"f1_lax", s.f1_lax}, {"f1_strict", s.f1_strict},
      {"precision_exact", s.precision_exact}, {"precision_lax", s.precision_lax},
      {"precision_strict", s.precision_strict}, {"recall_exact", s.recall_exact},
      {"recall_lax", s.recall_lax}, {"recall_strict", s.recall_strict}};
  for (const auto& [key, value] : scores) items.emplace_back(key, PyFloatRepr(value));
  std::sort(items.begin(), items.end());
  std::string out = "{";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += PyJsonString(items[i].first) + ": " + items[i].second;
  }
  return out + "}";
}

}  // namespace eval_internal

StatusOr<std::vector<EvalBead>> ParseBeadLines(std::string_view text, const std::string& name) {
  if (auto bad = FindInvalidUtf8(text)) {
    return DataError(fmt::format("{}: byte {}: invalid UTF-8", name, *bad));
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<EvalBead> beads;
  size_t begin = 0, number = 0;
  while (begin < text.size()) {
    // Python's universal newlines: \n, \r\n and \r all end a line.
    size_t end = text.find_first_of("\r\n", begin);
    size_t next = end == std::string_view::npos ? text.size()
                  : (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ? end + 2
                                                                                         : end + 1;
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = next;
    ++number;
    Cursor c{line};
    c.skip_space();
    if (c.done()) continue;
    std::string_view src, tgt;
    if (!ParseBeadLine(line, &src, &tgt)) {
      return DataError(fmt::format("{}:{}: not a bead line: '{}'", name, number, ShowLine(line)));
    }
    EvalBead bead;
    if (!ParseIds(src, &bead.first) || !ParseIds(tgt, &bead.second)) {
      return DataError(fmt::format("{}:{}: not a list of sentence ids: '{}'", name, number, ShowLine(line)));
    }
    beads.push_back(std::move(bead));
  }
  return beads;
}

StatusOr<std::vector<EvalBead>> ReadBeadFile(const std::string& path) {
  // Read as any input is (bounded: /dev/zero is refused, not read forever).
  auto doc = Document::Load(path);
  if (!doc.ok()) return doc.status();
  return ParseBeadLines(doc->bytes(), path);
}

EvalCounts& EvalCounts::operator+=(const EvalCounts& o) {
  n_pred += o.n_pred, p_strict += o.p_strict, p_lax += o.p_lax;
  n_gold += o.n_gold, r_strict += o.r_strict, r_lax += o.r_lax;
  exact_hits += o.exact_hits, exact_pred += o.exact_pred, exact_gold += o.exact_gold;
  return *this;
}

EvalCounts CountHits(const std::vector<EvalBead>& gold, const std::vector<EvalBead>& pred) {
  std::set<EvalBead> gold_set, pred_set, gold_both, pred_both;
  for (const EvalBead& b : gold) {
    if (!b.first.empty() || !b.second.empty()) gold_set.insert(b);
    if (!b.first.empty() && !b.second.empty()) gold_both.insert(b);
  }
  for (const EvalBead& b : pred) {
    if (!b.first.empty() || !b.second.empty()) pred_set.insert(b);
    if (!b.first.empty() && !b.second.empty()) pred_both.insert(b);
  }
  EvalCounts c;
  Hits(gold_set, pred_set, &c.n_pred, &c.p_strict, &c.p_lax);
  Hits(pred_both, gold_both, &c.n_gold, &c.r_strict, &c.r_lax);
  // The exact-bead score keeps null beads ("[]:[]") too.
  const std::set<EvalBead> all_gold(gold.begin(), gold.end()), all_pred(pred.begin(), pred.end());
  for (const EvalBead& b : all_pred) c.exact_hits += all_gold.count(b);
  c.exact_pred = static_cast<int64_t>(all_pred.size());
  c.exact_gold = static_cast<int64_t>(all_gold.size());
  return c;
}

EvalScores Summarize(const EvalCounts& c) {
  EvalScores s;
  s.precision_strict = Ratio(c.p_strict, c.n_pred);
  s.recall_strict = Ratio(c.r_strict, c.n_gold);
  s.f1_strict = F1(s.precision_strict, s.recall_strict);
  s.precision_lax = Ratio(c.p_lax, c.n_pred);
  s.recall_lax = Ratio(c.r_lax, c.n_gold);
  s.f1_lax = F1(s.precision_lax, s.recall_lax);
  s.precision_exact = Ratio(c.exact_hits, c.exact_pred);
  s.recall_exact = Ratio(c.exact_hits, c.exact_gold);
  s.f1_exact = F1(s.precision_exact, s.recall_exact);
  return s;
}

StatusOr<EvalReport> EvaluatePaths(const std::string& gold, const std::string& pred) {
  namespace fs = std::filesystem;
  std::error_code ec;
  for (const std::string& path : {gold, pred}) {
    if (!fs::exists(path, ec)) return NotFound(fmt::format("{}: no such file or directory", path));
  }
  const bool gold_dir = fs::is_directory(gold, ec), pred_dir = fs::is_directory(pred, ec);
  if (gold_dir != pred_dir) {
    return InvalidArgument("gold and prediction must both be files or both be directories");
  }
  std::vector<std::pair<std::string, std::pair<std::string, std::string>>> docs;
  if (!gold_dir) {
    docs.push_back({std::string(Stem(fs::path(gold).filename().string())), {gold, pred}});
  } else {
    auto golds = StemsOf(gold);
    if (!golds.ok()) return golds.status();
    auto preds = StemsOf(pred);
    if (!preds.ok()) return preds.status();
    std::string missing;
    for (const auto& [doc, path] : *golds) {
      if (!preds->count(doc)) missing += (missing.empty() ? "" : ", ") + doc;
    }
    if (!missing.empty()) return NotFound(fmt::format("no prediction in {} for: {}", pred, missing));
    for (const auto& [doc, path] : *golds) docs.push_back({doc, {path, preds->at(doc)}});
  }
  EvalReport report;
  for (const auto& [doc, paths] : docs) {
    auto g = ReadAlignmentFile(paths.first);
    if (!g.ok()) return g.status();
    auto p = ReadAlignmentFile(paths.second);
    if (!p.ok()) return p.status();
    EvalCounts counts = CountHits(*g, *p);
    report.total += counts;
    report.documents.push_back({doc, counts});
  }
  report.scores = Summarize(report.total);
  return report;
}

}  // namespace align

namespace align {

Status WriteEvalTable(const EvalReport& report, const EvalOutputOptions& options, std::ostream& out) {
  if (options.per_doc) {
    out << "doc\tF1_strict\tF1_lax\tP_strict\tR_strict\tgold_beads\tpred_beads\n";
    for (const EvalDocument& d : report.documents) {
      const EvalScores r = Summarize(d.counts);
      out << fmt::format("{}\t{:.3f}\t{:.3f}\t{:.3f}\t{:.3f}\t{}\t{}\n", d.name, r.f1_strict, r.f1_lax,
                         r.precision_strict, r.recall_strict, d.counts.n_gold, d.counts.n_pred);
    }
  }
  const EvalScores& r = report.scores;
  out << " ---------------------------------\n"
      << "|             |  Strict |    Lax  |\n"
      << fmt::format("| Precision   |   {:.3f} |   {:.3f} |\n", r.precision_strict, r.precision_lax)
      << fmt::format("| Recall      |   {:.3f} |   {:.3f} |\n", r.recall_strict, r.recall_lax)
      << fmt::format("| F1          |   {:.3f} |   {:.3f} |\n", r.f1_strict, r.f1_lax)
      << " ---------------------------------\n"
      << fmt::format("documents={}  predicted beads={}  gold beads (both sides non-empty)={}\n",
                     report.documents.size(), report.total.n_pred, report.total.n_gold);
  if (options.exact) {
    out << fmt::format("exact-bead (aligner-eval style, null beads included): P={:.3f} R={:.3f} F1={:.3f}\n",
                       r.precision_exact, r.recall_exact, r.f1_exact);
  }
  out.flush();
  return out ? Status::Ok() : IoError("write error");
}

Status WriteEvalJson(const EvalReport& report, const EvalOutputOptions& options, std::ostream& out) {
  using eval_internal::PyJsonString;
  using eval_internal::ScoresJson;
  std::vector<std::pair<std::string, std::string>> extra = {
      {"documents", std::to_string(report.documents.size())},
      {"n_gold", std::to_string(report.total.n_gold)},
      {"n_pred", std::to_string(report.total.n_pred)}};
  if (options.per_doc) {
    std::vector<const EvalDocument*> docs;
    for (const EvalDocument& d : report.documents) docs.push_back(&d);
    std::sort(docs.begin(), docs.end(), [](auto* a, auto* b) { return a->name < b->name; });
    std::string per_doc = "{";
    for (size_t i = 0; i < docs.size(); ++i) {
      if (i) per_doc += ", ";
      per_doc += PyJsonString(docs[i]->name) + ": " + ScoresJson(Summarize(docs[i]->counts), {});
    }
    extra.emplace_back("per_doc", per_doc + "}");
  }
  out << ScoresJson(report.scores, extra) << '\n';
  out.flush();
  return out ? Status::Ok() : IoError("write error");
}

}  // namespace align
