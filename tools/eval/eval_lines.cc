// Line-level scoring of talign's JSON-lines output against a gold of lines
// (score.py `score-lines`): the NTREX-derived sets are running text whose
// gold is known per line, so sentences are mapped back to lines by bytes.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "align/text.h"
#include "eval.h"
#include "eval_internal.h"

namespace align {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;
using Lines = std::vector<int64_t>;

// 'zh-Hans' -> 'zh', 'ur_PK' -> 'ur'.
std::string PrimaryLanguage(std::string code) {
  const size_t begin = code.find_first_not_of(" \t\r\n");
  const size_t end = code.find_last_not_of(" \t\r\n");
  code = begin == std::string::npos ? "" : code.substr(begin, end - begin + 1);
  code = code.substr(0, code.find_first_of("-_"));
  for (char& c : code) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return code;
}

StatusOr<std::vector<Json>> ReadJsonl(const std::string& path) {
  auto doc = Document::Load(path);
  if (!doc.ok()) return doc.status();
  std::vector<Json> rows;
  size_t number = 0;
  const std::string_view text = doc->bytes().substr(doc->content_begin());
  for (size_t begin = 0; begin < text.size();) {
    size_t nl = text.find('\n', begin);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(begin, nl - begin);
    begin = nl + 1;
    ++number;
    if (line.find_first_not_of(" \t\r\n\f\v") == std::string::npos) continue;
    Json row = Json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (row.is_discarded()) return DataError(fmt::format("{}:{}: not JSON", path, number));
    rows.push_back(std::move(row));
  }
  return rows;
}

// Byte ranges of the gold lines of one language in its running text.
struct LineTable {
  std::vector<std::tuple<int64_t, int64_t, int64_t>> rows;  // begin, end, line
  std::vector<int64_t> begins;

  void Freeze() {
    std::sort(rows.begin(), rows.end());
    for (const auto& r : rows) begins.push_back(std::get<0>(r));
  }
  // The line holding most bytes of [begin, end); none when no line does.
  std::optional<int64_t> LineOf(int64_t begin, int64_t end) const {
    std::optional<int64_t> best;
    int64_t best_overlap = 0;
    size_t k = std::upper_bound(begins.begin(), begins.end(), begin) - begins.begin();
    k = k > 0 ? k - 1 : 0;
    for (; k < rows.size() && std::get<0>(rows[k]) < end; ++k) {
      const auto& [b, e, line] = rows[k];
      const int64_t overlap = std::min(end, e) - std::max(begin, b);
      if (overlap > best_overlap) best = line, best_overlap = overlap;
    }
    return best;
  }
};

StatusOr<std::map<std::string, LineTable>> ReadLineTables(const std::string& path) {
  auto rows = ReadJsonl(path);
  if (!rows.ok()) return rows.status();
  std::map<std::string, LineTable> tables;
  for (const Json& row : *rows) {
    for (const char* key : {"lang", "line", "begin", "end"}) {
      if (!row.is_object() || !row.contains(key)) return DataError(fmt::format("{}: line record without '{}'", path, key));
    }
    tables[PrimaryLanguage(row["lang"].get<std::string>())].rows.emplace_back(
        row["begin"].get<int64_t>(), row["end"].get<int64_t>(), row["line"].get<int64_t>());
  }
  for (auto& [lang, table] : tables) table.Freeze();
  return tables;
}

using GoldBead = std::map<std::string, Lines>;  // language -> lines, in file order

StatusOr<std::vector<GoldBead>> ReadGold(const std::string& path) {
  auto rows = ReadJsonl(path);
  if (!rows.ok()) return rows.status();
  std::vector<GoldBead> gold;
  for (const Json& row : *rows) {
    if (!row.is_object()) return DataError(fmt::format("{}: a gold bead is not an object", path));
    GoldBead bead;
    for (const auto& [key, value] : row.items()) bead[PrimaryLanguage(key)] = value.get<Lines>();
    gold.push_back(std::move(bead));
  }
  return gold;
}

struct Prediction {
  std::vector<std::string> languages;
  std::vector<std::map<std::string, std::vector<std::pair<int64_t, int64_t>>>> beads;  // spans per language
};

StatusOr<Prediction> ReadPrediction(const std::string& path) {
  auto rows = ReadJsonl(path);
  if (!rows.ok()) return rows.status();
  Prediction p;
  bool have_languages = false;
  for (size_t n = 0; n < rows->size(); ++n) {
    const Json& row = (*rows)[n];
    if (!row.is_object()) return DataError(fmt::format("{}: record {} is not an object", path, n + 1));
    if (row.contains("talign") && !row.contains("spans")) {
      p.languages.clear();
      for (const Json& l : row.value("languages", Json::array())) p.languages.push_back(PrimaryLanguage(l.get<std::string>()));
      have_languages = true;
      continue;
    }
    if (!row.contains("spans")) return DataError(fmt::format("{}: record {} has no \"spans\"", path, n + 1));
    auto& bead = p.beads.emplace_back();
    for (const auto& [key, spans] : row["spans"].items()) {
      auto& side = bead[PrimaryLanguage(key)];
      side.clear();
      for (const Json& span : spans) side.emplace_back(span.at(0).get<int64_t>(), span.at(1).get<int64_t>());
    }
  }
  if (!have_languages) {
    std::set<std::string> seen;
    for (const auto& bead : p.beads) {
      for (const auto& [lang, spans] : bead) seen.insert(lang);
    }
    p.languages.assign(seen.begin(), seen.end());
  }
  return p;
}

using LineBead = std::map<std::string, std::set<int64_t>>;

std::vector<LineBead> ToLineBeads(const Prediction& pred, const std::map<std::string, LineTable>& tables) {
  std::vector<LineBead> out;
  for (const auto& bead : pred.beads) {
    LineBead lines;
    for (const auto& [lang, spans] : bead) {
      auto table = tables.find(lang);
      if (table == tables.end()) continue;
      auto& found = lines[lang];
      for (const auto& [b, e] : spans) {
        if (auto line = table->second.LineOf(b, e)) found.insert(*line);
      }
    }
    out.push_back(std::move(lines));
  }
  return out;
}

// The Vecalign counts of the pair (a, b): both sides projected onto the
// pair, consecutive predicted beads inside one gold bead merged.
EvalCounts PairCounts(const std::vector<GoldBead>& gold, const std::vector<LineBead>& pred, const std::string& a,
                      const std::string& b) {
  std::map<std::pair<std::string, int64_t>, int64_t> unit;
  std::vector<EvalBead> gold_beads;
  auto lines_of = [](const GoldBead& g, const std::string& lang) {
    auto it = g.find(lang);
    return it == g.end() ? Lines{} : it->second;
  };
  for (size_t n = 0; n < gold.size(); ++n) {
    for (const std::string& lang : {a, b}) {
      for (int64_t line : lines_of(gold[n], lang)) unit[{lang, line}] = static_cast<int64_t>(n);
    }
    gold_beads.emplace_back(lines_of(gold[n], a), lines_of(gold[n], b));
  }
  auto group = [&](const EvalBead& bead) -> std::optional<int64_t> {
    // The one gold bead holding every sentence; a line outside the gold is a group of its own (none).
    std::set<std::optional<int64_t>> groups;
    for (int64_t i : bead.first) {
      auto it = unit.find({a, i});
      groups.insert(it == unit.end() ? std::nullopt : std::optional<int64_t>(it->second));
    }
    for (int64_t j : bead.second) {
      auto it = unit.find({b, j});
      groups.insert(it == unit.end() ? std::nullopt : std::optional<int64_t>(it->second));
    }
    if (groups.size() != 1) return std::nullopt;
    return *groups.begin();
  };
  std::vector<EvalBead> merged;
  std::optional<int64_t> last;
  for (const LineBead& p : pred) {
    EvalBead bead;
    if (auto it = p.find(a); it != p.end()) bead.first.assign(it->second.begin(), it->second.end());
    if (auto it = p.find(b); it != p.end()) bead.second.assign(it->second.begin(), it->second.end());
    if (bead.first.empty() && bead.second.empty()) continue;
    const std::optional<int64_t> g = group(bead);
    if (g && g == last) {
      merged.back().first.insert(merged.back().first.end(), bead.first.begin(), bead.first.end());
      merged.back().second.insert(merged.back().second.end(), bead.second.begin(), bead.second.end());
    } else {
      merged.push_back(std::move(bead));
    }
    last = g;
  }
  for (EvalBead& bead : merged) {
    for (auto* side : {&bead.first, &bead.second}) {
      std::sort(side->begin(), side->end());
      side->erase(std::unique(side->begin(), side->end()), side->end());
    }
  }
  return CountHits(gold_beads, merged);
}

std::string PyList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", '" : "'") + items[i] + "'";
  return out + "]";
}

struct LineDocument {
  std::string name, gold, lines, pred;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

constexpr std::string_view kGoldSuffix = ".gold.jsonl";

StatusOr<std::string> LinesOf(const std::string& gold) {
  std::string path = gold.substr(0, gold.size() - kGoldSuffix.size()) + ".lines.jsonl";
  if (!fs::exists(path)) {
    return NotFound(fmt::format("{}: {} is missing", gold, fs::path(path).filename().string()));
  }
  return path;
}

StatusOr<std::vector<LineDocument>> LineDocuments(const std::string& gold, const std::string& pred) {
  std::vector<LineDocument> docs;
  if (!fs::is_directory(gold)) {
    if (!EndsWith(gold, kGoldSuffix)) {
      return InvalidArgument(fmt::format("{}: a line-level gold file is named DOC.gold.jsonl", gold));
    }
    auto lines = LinesOf(gold);
    if (!lines.ok()) return lines.status();
    std::string name = fs::path(gold).filename().string();
    docs.push_back({name.substr(0, name.size() - kGoldSuffix.size()), gold, *lines, pred});
    return docs;
  }
  if (!fs::is_directory(pred)) return InvalidArgument("gold is a directory, so the prediction must be one too");
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(gold)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    if (!EndsWith(name, kGoldSuffix)) continue;
    const std::string doc = name.substr(0, name.size() - kGoldSuffix.size());
    std::string found;
    for (std::string_view suffix : {".jsonl", ".align.jsonl", ".pred.jsonl"}) {
      const fs::path candidate = fs::path(pred) / (doc + std::string(suffix));
      if (found.empty() && fs::exists(candidate)) found = candidate.string();
    }
    if (found.empty()) return NotFound(fmt::format("no prediction {}.jsonl in {}", doc, pred));
    const std::string gold_path = (fs::path(gold) / name).string();
    auto lines = LinesOf(gold_path);
    if (!lines.ok()) return lines.status();
    docs.push_back({doc, gold_path, *lines, found});
  }
  if (docs.empty()) return NotFound(fmt::format("{} holds no *.gold.jsonl", gold));
  return docs;
}

}  // namespace

bool IsLineGold(const std::string& gold) {
  std::error_code ec;
  if (!fs::is_directory(gold, ec)) return EndsWith(gold, kGoldSuffix);
  for (const auto& entry : fs::directory_iterator(gold, ec)) {
    if (EndsWith(entry.path().filename().string(), kGoldSuffix)) return true;
  }
  return false;
}

StatusOr<LineEvalReport> EvaluateLinePaths(const std::string& gold, const std::string& pred) {
  auto docs = LineDocuments(gold, pred);
  if (!docs.ok()) return docs.status();
  LineEvalReport report;
  for (const LineDocument& d : *docs) {
    try {
      auto gold_beads = ReadGold(d.gold);
      if (!gold_beads.ok()) return gold_beads.status();
      auto tables = ReadLineTables(d.lines);
      if (!tables.ok()) return tables.status();
      auto prediction = ReadPrediction(d.pred);
      if (!prediction.ok()) return prediction.status();
      std::set<std::string> gold_languages;
      for (const GoldBead& g : *gold_beads) {
        for (const auto& [lang, lines] : g) gold_languages.insert(lang);
      }
      std::vector<std::string> unknown;
      for (const std::string& lang : prediction->languages) {
        if (!gold_languages.count(lang)) unknown.push_back(lang);
      }
      if (!unknown.empty()) {
        return InvalidArgument(fmt::format("{}: languages {} are not in the gold {}", d.pred, PyList(unknown), d.gold));
      }
      const std::vector<LineBead> line_beads = ToLineBeads(*prediction, *tables);
      LineEvalReport::Document doc{d.name, {}};
      const auto& langs = prediction->languages;
      for (size_t i = 0; i < langs.size(); ++i) {
        for (size_t j = i + 1; j < langs.size(); ++j) {
          const std::string pair = langs[i] + "-" + langs[j];
          const EvalCounts counts = PairCounts(*gold_beads, line_beads, langs[i], langs[j]);
          doc.pairs.emplace_back(pair, counts);
          auto at = std::find(report.pairs.begin(), report.pairs.end(), pair);
          if (at == report.pairs.end()) {
            report.pairs.push_back(pair);
            report.totals.push_back(counts);
          } else {
            report.totals[at - report.pairs.begin()] += counts;
          }
        }
      }
      report.documents.push_back(std::move(doc));
    } catch (const Json::exception& e) {
      // A field of the wrong type (a string where a number belongs).
      return DataError(fmt::format("{}: {}", d.name, e.what()));
    }
  }
  return report;
}

namespace {

// The pair with the lowest strict F1, the first one on ties (Python's min).
int WorstPair(const LineEvalReport& report) {
  int worst = -1;
  for (size_t p = 0; p < report.pairs.size(); ++p) {
    if (worst < 0 || Summarize(report.totals[p]).f1_strict < Summarize(report.totals[worst]).f1_strict) {
      worst = static_cast<int>(p);
    }
  }
  return worst;
}

}  // namespace

Status WriteLineEvalTable(const LineEvalReport& report, const EvalOutputOptions& options, std::ostream& out) {
  if (options.per_doc) {
    out << "doc\tpair\tF1_strict\tF1_lax\tP_strict\tR_strict\n";
    for (const auto& doc : report.documents) {
      for (const auto& [pair, counts] : doc.pairs) {
        const EvalScores r = Summarize(counts);
        out << fmt::format("{}\t{}\t{:.3f}\t{:.3f}\t{:.3f}\t{:.3f}\n", doc.name, pair, r.f1_strict, r.f1_lax,
                           r.precision_strict, r.recall_strict);
      }
    }
  }
  out << "pair    P_strict R_strict F1_strict   P_lax  R_lax F1_lax   gold_beads pred_beads\n";
  for (size_t p = 0; p < report.pairs.size(); ++p) {
    const EvalScores r = Summarize(report.totals[p]);
    out << fmt::format("{:<7} {:8.3f} {:8.3f} {:9.3f} {:7.3f} {:6.3f} {:6.3f} {:12d} {:10d}\n", report.pairs[p],
                       r.precision_strict, r.recall_strict, r.f1_strict, r.precision_lax, r.recall_lax, r.f1_lax,
                       report.totals[p].n_gold, report.totals[p].n_pred);
  }
  const int worst = WorstPair(report);
  if (worst >= 0) {
    out << fmt::format("documents={}  min strict F1={:.3f} ({})\n", report.documents.size(),
                       Summarize(report.totals[worst]).f1_strict, report.pairs[worst]);
  }
  out.flush();
  return out ? Status::Ok() : IoError("write error");
}

Status WriteLineEvalJson(const LineEvalReport& report, const EvalOutputOptions& options, std::ostream& out) {
  using eval_internal::PyFloatRepr;
  using eval_internal::PyJsonString;
  using eval_internal::ScoresJson;
  // Objects keyed by pair or document, keys sorted as json.dumps(sort_keys=True) does.
  auto object = [](std::vector<std::pair<std::string, std::string>> items) {
    std::sort(items.begin(), items.end());
    std::string s = "{";
    for (size_t i = 0; i < items.size(); ++i) s += (i ? ", " : "") + PyJsonString(items[i].first) + ": " + items[i].second;
    return s + "}";
  };
  std::vector<std::pair<std::string, std::string>> pairs;
  for (size_t p = 0; p < report.pairs.size(); ++p) {
    pairs.emplace_back(report.pairs[p], ScoresJson(Summarize(report.totals[p]), {}));
  }
  const int worst = WorstPair(report);
  std::vector<std::pair<std::string, std::string>> top = {
      {"documents", std::to_string(report.documents.size())},
      {"pairs", object(pairs)},
      {"min_f1_strict", PyFloatRepr(worst >= 0 ? Summarize(report.totals[worst]).f1_strict : 0.0)},
      {"min_pair", worst >= 0 ? PyJsonString(report.pairs[worst]) : "null"}};
  if (options.per_doc) {
    std::vector<std::pair<std::string, std::string>> docs;
    for (const auto& doc : report.documents) {
      std::vector<std::pair<std::string, std::string>> per_pair;
      for (const auto& [pair, counts] : doc.pairs) per_pair.emplace_back(pair, ScoresJson(Summarize(counts), {}));
      docs.emplace_back(doc.name, object(per_pair));
    }
    top.emplace_back("per_doc", object(docs));
  }
  out << object(top) << '\n';
  out.flush();
  return out ? Status::Ok() : IoError("write error");
}

}  // namespace align
