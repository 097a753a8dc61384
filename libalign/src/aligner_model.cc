#include "aligner_model.h"
#include "aligner_dp.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <unordered_map>
#include <string_view>

#include "align/language.h"
#include "dictionary_table.h"
#include "script.h"
#include "skeleton.h"
#include "utf8.h"

namespace align::internal {
namespace {

bool IsLatinScript(const LanguageInfo& l) { return l.HasScript(USCRIPT_LATIN); }

bool HasHan(const VersionFeatures& v) {
  for (const auto& s : v.tokens)
    for (const Token& t : s)
      if (t.kind == TokenKind::kHan) return true;
  return false;
}

// The y-side strings a target-language dictionary word stands for.
void TargetStrings(std::string_view word, bool y_han, std::vector<std::string>* out) {
  out->clear();
  if (y_han) {
    size_t pos = 0;
    while (pos < word.size()) {
      size_t start = pos;
      char32_t cp = DecodeUtf8(word, pos);
      if (IsHan(cp)) out->push_back("w:" + std::string(word.substr(start, pos - start)));
    }
    if (!out->empty()) return;
  }
  bool latin = !word.empty() && static_cast<unsigned char>(word[0]) < 0x80;
  out->push_back("w:" + (latin ? StemLatin(word) : std::string(word)));
}

}  // namespace

std::vector<BeadType> BeadTypes(int max_side) {
  max_side = std::clamp(max_side, 1, 8);
  std::vector<BeadType> t = {{1, 1}, {1, 0}, {0, 1}};
  if (max_side >= 2) t.insert(t.end(), {{1, 2}, {2, 1}, {2, 2}});
  for (int k = 3; k <= max_side; ++k) {
    t.push_back({1, static_cast<uint8_t>(k)});
    t.push_back({static_cast<uint8_t>(k), 1});
  }
  return t;
}

VersionFeatures ExtractFeatures(const AlignInput& input) {
  VersionFeatures f;
  f.language = input.language;
  const size_t n = input.sentences.size();
  f.tokens.resize(n);
  f.length.resize(n);
  f.punct.resize(n);
  f.paragraph_start.resize(n);
  f.concepts.resize(n);
  size_t paragraphs = 0;
  for (size_t i = 0; i < n; ++i) {
    std::string_view text = input.document.Slice(input.sentences[i].span);
    f.tokens[i] = Tokenize(text);
    f.length[i] = static_cast<float>(CountChars(text));
    f.punct[i] = CountPunctuation(text);
    bool start = i == 0 || input.sentences[i].paragraph != input.sentences[i - 1].paragraph;
    f.paragraph_start[i] = start;
    paragraphs += start;
    if (i < input.sentence_concepts.size()) {
      f.concepts[i] = input.sentence_concepts[i];
      std::sort(f.concepts[i].begin(), f.concepts[i].end());
      f.concepts[i].erase(std::unique(f.concepts[i].begin(), f.concepts[i].end()), f.concepts[i].end());
    }
    f.total_length += f.length[i];
  }
  // One sentence per paragraph (presegmented lines) or one paragraph in all
  // says nothing about where translations start.
  f.has_paragraphs = paragraphs > 1 && paragraphs < n;
  return f;
}

VersionFeatures WithoutSentences(const VersionFeatures& f, const std::vector<bool>& drop,
                                 std::vector<uint32_t>* kept) {
  VersionFeatures out;
  out.language = f.language;
  out.has_paragraphs = f.has_paragraphs;
  kept->clear();
  bool start_pending = false;
  for (size_t i = 0; i < f.tokens.size(); ++i) {
    if (drop[i]) {
      start_pending = start_pending || f.paragraph_start[i];
      continue;
    }
    kept->push_back(static_cast<uint32_t>(i));
    out.tokens.push_back(f.tokens[i]);
    out.length.push_back(f.length[i]);
    out.punct.push_back(f.punct[i]);
    out.paragraph_start.push_back(f.paragraph_start[i] || start_pending);
    out.concepts.push_back(f.concepts[i]);
    out.total_length += f.length[i];
    start_pending = false;
  }
  return out;
}

PairModel::PairModel(const VersionFeatures& x, const VersionFeatures& y, const Dictionary* dict,
                     const AlignerConfig& config)
    : config_(config) {
  const size_t n = x.tokens.size(), m = y.tokens.size();
  ratio_ = (x.total_length > 0 && y.total_length > 0) ? y.total_length / x.total_length : 1.0;
  x_cum_.assign(n + 1, 0);
  y_cum_.assign(m + 1, 0);
  for (size_t i = 0; i < n; ++i) x_cum_[i + 1] = x_cum_[i] + x.length[i] * ratio_;
  for (size_t j = 0; j < m; ++j) y_cum_[j + 1] = y_cum_[j] + y.length[j];
  auto bits = [](const PunctCounts& p) {
    uint8_t b = 0;
    for (int k = 0; k < 5; ++k) b |= (p.counts[k] > 0) << k;
    return b;
  };
  for (const auto& p : x.punct) {
    x_punct_.push_back(bits(p));
    x_quote_end_.push_back(p.quote_end);
    x_marks_.push_back(std::min<uint8_t>(p.clause_marks, kMaxMarks));
  }
  for (const auto& p : y.punct) {
    y_punct_.push_back(bits(p));
    y_quote_end_.push_back(p.quote_end);
    y_marks_.push_back(std::min<uint8_t>(p.clause_marks, kMaxMarks));
  }
  x_par_ = x.paragraph_start;
  y_par_ = y.paragraph_start;
  x_par_.push_back(1);
  y_par_.push_back(1);
  x_par_cum_.assign(n + 2, 0);
  y_par_cum_.assign(m + 2, 0);
  for (size_t i = 0; i <= n; ++i) x_par_cum_[i + 1] = x_par_cum_[i] + x_par_[i];
  for (size_t j = 0; j <= m; ++j) y_par_cum_[j + 1] = y_par_cum_[j] + y_par_[j];
  paragraphs_ = x.has_paragraphs && y.has_paragraphs;

  neglog_erfc_.resize(2001);
  for (size_t k = 0; k < neglog_erfc_.size(); ++k)
    neglog_erfc_[k] = -std::log(std::max(std::erfc(k / 100.0 / std::sqrt(2.0)), 1e-300));

  orphan_share_ = static_cast<float>(config.orphan_max_matched);
  const auto loanword_min_letters = static_cast<size_t>(std::max(config.loanword_min_letters, 0));
  const auto min_skeleton = static_cast<size_t>(std::max(config.name_min_skeleton, 0));
  const bool y_han = HasHan(y);
  const LanguageInfo& lx = Languages().Info(x.language);
  const LanguageInfo& ly = Languages().Info(y.language);
  bool y_latin = false, x_latin = false, x_other = false, y_other = false;
  for (const auto& s : y.tokens)
    for (const Token& t : s) {
      y_latin |= t.latin && t.kind == TokenKind::kWord;
      y_other |= !t.latin && t.kind == TokenKind::kWord;
    }
  for (const auto& s : x.tokens)
    for (const Token& t : s) {
      x_latin |= t.latin && t.kind == TokenKind::kWord;
      x_other |= !t.latin && t.kind == TokenKind::kWord;
    }
  // Names are compared as skeletons between a side in a Latin-script
  // language and one in another script, when both languages define them.
  const SkeletonTable x_skeleton(lx), y_skeleton(ly);
  const bool names = x.language != y.language && !x_skeleton.empty() && !y_skeleton.empty() &&
                     ((x_other && !IsLatinScript(lx) && y_latin && IsLatinScript(ly)) ||
                      (y_other && !IsLatinScript(ly) && x_latin && IsLatinScript(lx)));
  const SkeletonTable& latin_skeleton = IsLatinScript(lx) ? x_skeleton : y_skeleton;
  const SkeletonTable& other_skeleton = IsLatinScript(lx) ? y_skeleton : x_skeleton;
  auto skeleton = [&](const Token& t) { return Skeleton(t, latin_skeleton, other_skeleton, loanword_min_letters); };

  // y side: bags of token ids with document idf weights.
  // Ids are assigned in sorted string order, so they depend on content only.
  std::unordered_map<std::string, uint32_t> y_index;
  y_index.reserve(std::min<size_t>(m * 8 + 16, 1 << 16));  // grows with the vocabulary, not the sentences
  // Provisional ids in order of appearance, renumbered in sorted order below.
  std::vector<std::vector<std::pair<uint32_t, float>>> y_raw(m);
  std::string key;
  auto intern = [&](size_t j, float w) {
    auto [it, fresh] = y_index.try_emplace(key, static_cast<uint32_t>(y_index.size()));
    if (fresh) y_strings_.push_back(key);
    y_raw[j].push_back({it->second, w});
  };
  for (size_t j = 0; j < m; ++j) {
    for (const Token& t : y.tokens[j]) {
      if (t.kind == TokenKind::kNumber) { key = "n:" + t.text; intern(j, config.number_weight); continue; }
      key = "w:" + (t.latin ? StemLatin(t.text) : t.text);
      intern(j, 1.0f);
      if (names) {
        std::string sk = skeleton(t);
        if (sk.size() >= min_skeleton) { key = "k:" + sk; intern(j, config.name_weight); }
      }
    }
    for (uint32_t c : y.concepts[j]) { key = "c:" + std::to_string(c); intern(j, config.concept_weight); }
  }
  std::vector<uint32_t> order(y_strings_.size());
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](uint32_t p, uint32_t q) { return y_strings_[p] < y_strings_[q]; });
  std::vector<uint32_t> renum(order.size());
  std::vector<std::string> sorted(order.size());
  for (uint32_t k = 0; k < order.size(); ++k) { renum[order[k]] = k; sorted[k] = std::move(y_strings_[order[k]]); }
  y_strings_ = std::move(sorted);
  for (auto& [s, id] : y_index) id = renum[id];
  std::vector<uint32_t> ydf(y_strings_.size(), 0);
  y_bags_.resize(m);
  std::vector<float> yfactor(y_strings_.size(), 1.0f);
  for (size_t j = 0; j < m; ++j) {
    auto& bag = y_bags_[j];
    bag.reserve(y_raw[j].size());
    for (auto [id, w] : y_raw[j]) bag.push_back({renum[id], w});
    std::sort(bag.begin(), bag.end());
    size_t out = 0;
    for (size_t r = 0; r < bag.size(); ++r) {
      if (out && bag[out - 1].first == bag[r].first) bag[out - 1].second = std::max(bag[out - 1].second, bag[r].second);
      else bag[out++] = bag[r];
    }
    bag.resize(out);
    for (auto& [id, w] : bag) { ++ydf[id]; yfactor[id] = w; }
  }
  std::vector<std::vector<std::pair<uint32_t, float>>>().swap(y_raw);  // peak memory: bags hold it now
  for (size_t j = 0; j < m; ++j)
    for (auto& [id, w] : y_bags_[j]) w = static_cast<float>(yfactor[id] * std::log((m + 1.0) / ydf[id]));
  auto find_y = [&](const std::string& s) -> int64_t {
    auto it = y_index.find(s);
    return it == y_index.end() ? -1 : static_cast<int64_t>(it->second);
  };

  // x side: units by longest dictionary match, then identities.
  std::unordered_map<std::string, uint32_t> unit_index;
  unit_index.reserve(std::min<size_t>(n * 8 + 16, 1 << 16));
  // |known|: the unit has a translation (dictionary, number, concept),
  // whether or not the other text contains it.
  // |shared|: the ids of a dictionary key, kept once for all its occurrences (instead of |ids|).
  struct RawUnit {
    std::string s;
    double factor;
    std::vector<uint32_t> ids;
    bool known = false;
    uint32_t id = 0;
    const std::vector<uint32_t>* shared = nullptr;
  };
  // Once its string is interned, a unit waits for the merge below in this
  // compact form, its ids in one pool: 20 bytes, not 72 and a heap block
  // (a million sentences of four words: several hundred MB less at the peak).
  struct CompactUnit { uint32_t id; float factor; uint32_t ids_begin, ids_count; bool known; };
  std::vector<std::vector<CompactUnit>> x_compact(n);
  std::vector<uint32_t> id_pool;
  std::vector<RawUnit> raw;
  std::vector<std::string_view> words;
  std::vector<std::string> targets;
  const int max_k = dict ? std::min(dict->max_key_tokens(), std::max(config.dictionary_max_key_tokens, 1)) : 1;
  auto translate = [&](std::vector<uint32_t>* ids) {
    for (std::string_view w : words) {
      TargetStrings(w, y_han, &targets);
      for (const std::string& t : targets)
        if (int64_t id = find_y(t); id >= 0) ids->push_back(static_cast<uint32_t>(id));
    }
  };
  // A table dictionary is searched by narrowing the run of keys that start
  // with the span's key, token by token, which stops as soon as no key
  // does; the translations of each key found are kept, since real text
  // repeats its words (Zipf) and each costs a stem and a lookup per gloss.
  const auto* table = dynamic_cast<const TableDictionary*>(dict);
  std::unordered_map<uint32_t, std::vector<uint32_t>> translations;  // key index -> y ids
  std::unordered_map<std::string, TableDictionary::KeyRange> first_ranges;  // token -> keys starting with it
  std::string span_key;
  for (size_t i = 0; i < n; ++i) {
    const auto& toks = x.tokens[i];
    size_t plain = 0;
    while (plain < toks.size() && !toks[plain].derived) ++plain;
    for (size_t p = 0; p < plain;) {
      size_t took = 0;
      if (table) {
        // The longest k of at most max_k tokens whose key is in the table.
        const size_t longest = std::min<size_t>(max_k, plain - p);
        TableDictionary::KeyRange range = table->AllKeys();
        span_key.clear();
        bool prev_han = false;
        size_t key_size = 0;
        uint32_t key_index = 0;
        for (size_t k = 1; k <= longest; ++k) {
          AppendKeyToken(toks[p + k - 1], &span_key, &prev_han);
          if (k == 1) {
            // The first step searches the whole table; it is the same for every
            // occurrence of the token.
            auto [it, fresh] = first_ranges.try_emplace(span_key);
            if (fresh) it->second = table->Narrow(range, span_key);
            range = it->second;
          } else {
            range = table->Narrow(range, span_key);
          }
          if (range.empty()) break;
          if (table->Key(range.begin) == span_key && table->HasWords(range.begin)) took = k, key_size = span_key.size(), key_index = range.begin;
        }
        if (took) {
          auto [it, fresh] = translations.try_emplace(key_index);
          if (fresh) {
            table->WordsOf(key_index, &words);
            translate(&it->second);
          }
          raw.push_back({span_key.substr(0, key_size), 1.0f, {}, true, 0, &it->second});
        }
      } else if (dict) {
        for (size_t k = std::min<size_t>(max_k, plain - p); k >= 1 && !took; --k) {
          std::string key = JoinKey(toks, p, p + k);
          dict->Lookup(key, &words);
          if (words.empty()) continue;
          RawUnit u{key, 1.0f, {}, true};
          translate(&u.ids);
          raw.push_back(std::move(u));
          took = k;
        }
      }
      if (took) { p += took; continue; }
      const Token& t = toks[p++];
      if (t.kind == TokenKind::kNumber) {
        RawUnit u{"n:" + t.text, config.number_weight, {}, true};
        if (int64_t id = find_y(u.s); id >= 0) u.ids.push_back(static_cast<uint32_t>(id));
        raw.push_back(std::move(u));
        continue;
      }
      RawUnit u{t.latin ? StemLatin(t.text) : t.text, 1.0f, {}};
      // A Latin word in a non-Latin text (an acronym, a brand) is its own translation.
      if (t.latin && !IsLatinScript(lx) && y_latin)
        if (int64_t id = find_y("w:" + u.s); id >= 0) u.ids.push_back(static_cast<uint32_t>(id));
      raw.push_back(std::move(u));
      if (names) {
        std::string sk = skeleton(t);
        if (sk.size() >= min_skeleton)
          if (int64_t id = find_y("k:" + sk); id >= 0)
            raw.push_back({"k:" + sk, config.name_weight, {static_cast<uint32_t>(id)}});
      }
    }
    for (size_t p = plain; p < toks.size(); ++p) {
      RawUnit u{"n:" + toks[p].text, config.number_weight, {}, true};
      if (int64_t id = find_y(u.s); id >= 0) u.ids.push_back(static_cast<uint32_t>(id));
      raw.push_back(std::move(u));
    }
    for (uint32_t c : x.concepts[i]) {
      RawUnit u{"c:" + std::to_string(c), config.concept_weight, {}, true};
      if (int64_t id = find_y(u.s); id >= 0) u.ids.push_back(static_cast<uint32_t>(id));
      raw.push_back(std::move(u));
    }
    x_compact[i].reserve(raw.size());
    for (auto& u : raw) {
      auto [it, fresh] = unit_index.try_emplace(u.s, static_cast<uint32_t>(unit_index.size()));
      if (fresh) unit_strings_.push_back(u.s);
      const std::vector<uint32_t>& ids = u.shared ? *u.shared : u.ids;
      x_compact[i].push_back({it->second, static_cast<float>(u.factor), static_cast<uint32_t>(id_pool.size()),
                              static_cast<uint32_t>(ids.size()), u.known});
      id_pool.insert(id_pool.end(), ids.begin(), ids.end());
    }
    raw.clear();
  }
  // Renumber in sorted string order, so that ids depend on content only.
  {
    std::vector<uint32_t> order(unit_strings_.size());
    for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(),
              [&](uint32_t p, uint32_t q) { return unit_strings_[p] < unit_strings_[q]; });
    std::vector<uint32_t> renum(order.size());
    std::vector<std::string> sorted(order.size());
    for (uint32_t k = 0; k < order.size(); ++k) {
      renum[order[k]] = k;
      sorted[k] = std::move(unit_strings_[order[k]]);
    }
    unit_strings_ = std::move(sorted);
    for (auto& units : x_compact)
      for (auto& u : units) u.id = renum[u.id];
  }
  std::vector<uint32_t> xdf(unit_strings_.size(), 0);
  unit_where_.resize(unit_strings_.size());
  x_units_.resize(n);
  for (size_t i = 0; i < n; ++i) {
    // One unit per string per sentence, in id order. Merging is a maximum,
    // a set union and an or, so the order of a string's occurrences does
    // not matter and a sort does what a map per sentence did.
    auto& compact = x_compact[i];
    std::sort(compact.begin(), compact.end(), [](const CompactUnit& a, const CompactUnit& b) { return a.id < b.id; });
    size_t distinct = 0;
    for (size_t r = 0; r < compact.size(); ++r) distinct += r == 0 || compact[r].id != compact[r - 1].id;
    x_units_[i].reserve(distinct);
    for (size_t r = 0; r < compact.size(); ++r) {
      const CompactUnit& c = compact[r];
      if (r == 0 || c.id != compact[r - 1].id) {
        Unit u{};
        u.string_id = c.id;
        x_units_[i].push_back(std::move(u));
      }
      Unit& u = x_units_[i].back();
      u.weight = std::max(u.weight, c.factor);
      u.ids.insert(u.ids.end(), id_pool.begin() + c.ids_begin, id_pool.begin() + c.ids_begin + c.ids_count);
      u.known |= c.known;
    }
    std::vector<CompactUnit>().swap(compact);  // peak memory: compact units go as merged ones come
    for (Unit& u : x_units_[i]) {
      std::sort(u.ids.begin(), u.ids.end());
      u.ids.erase(std::unique(u.ids.begin(), u.ids.end()), u.ids.end());
      ++xdf[u.string_id];
      unit_where_[u.string_id].push_back(static_cast<uint32_t>(i));
    }
  }
  for (size_t i = 0; i < n; ++i) {
    for (Unit& u : x_units_[i]) u.weight = static_cast<float>(u.weight * std::log((n + 1.0) / xdf[u.string_id]));
    // Cells track matched units in a 64-bit mask: keep the 64 heaviest.
    if (x_units_[i].size() > 64) {
      std::stable_sort(x_units_[i].begin(), x_units_[i].end(),
                       [](const Unit& a, const Unit& b) { return a.weight > b.weight; });
      x_units_[i].resize(64);
      std::sort(x_units_[i].begin(), x_units_[i].end(),
                [](const Unit& a, const Unit& b) { return a.string_id < b.string_id; });
    }
  }
  Reweigh();
}

void PairModel::LocaliseRatio(const std::vector<PathBead>& path, size_t window, double prior) {
  const size_t beads = path.size();
  std::vector<double> xs(beads + 1, 0), ys(beads + 1, 0);  // raw lengths, prefix sums over beads
  for (size_t k = 0; k < beads; ++k) {
    const PathBead& b = path[k];
    xs[k + 1] = xs[k] + (x_cum_[b.i0 + b.a] - x_cum_[b.i0]) / ratio_;
    ys[k + 1] = ys[k] + (y_cum_[b.j0 + b.b] - y_cum_[b.j0]);
  }
  const double mass = prior * (x_cum_.back() / ratio_) / std::max<double>(double(n()), 1.0);
  std::vector<double> cum(x_cum_.size(), 0);
  for (size_t k = 0; k < beads; ++k) {
    const size_t lo = k > window ? k - window : 0, hi = std::min(beads, k + window + 1);
    const double r = (ys[hi] - ys[lo] + mass * ratio_) / (xs[hi] - xs[lo] + mass);
    const PathBead& b = path[k];
    for (uint32_t i = b.i0; i < b.i0 + b.a; ++i) cum[i + 1] = cum[i] + (x_cum_[i + 1] - x_cum_[i]) / ratio_ * r;
  }
  x_cum_ = std::move(cum);
}

void PairModel::LearnQuoteEnds(const std::vector<PathBead>& path, double weight, size_t window, size_t min_beads) {
  quote_end_cost_.assign(n(), 0.0f);
  if (weight <= 0) return;
  // Prefix counts over the path's beads with two sides: beads, agreeing
  // endings, quoted endings of each side.
  const size_t beads = path.size();
  std::vector<size_t> two(beads + 1, 0), agree(beads + 1, 0), xq(beads + 1, 0), yq(beads + 1, 0);
  for (size_t k = 0; k < beads; ++k) {
    const PathBead& b = path[k];
    const bool both = b.a && b.b;
    const bool x = both && x_quote_end_[b.i0 + b.a - 1], y = both && y_quote_end_[b.j0 + b.b - 1];
    two[k + 1] = two[k] + both;
    agree[k + 1] = agree[k] + (both && x == y);
    xq[k + 1] = xq[k] + x;
    yq[k + 1] = yq[k] + y;
  }
  for (size_t k = 0; k < beads; ++k) {
    const size_t lo = k > window ? k - window : 0, hi = std::min(beads, k + window + 1);
    const double count = double(two[hi] - two[lo]);
    const size_t x_quoted = xq[hi] - xq[lo], y_quoted = yq[hi] - yq[lo];
    // A translator who keeps no quotes, or a stretch with hardly any,
    // tells nothing: both sides need quoted endings.
    if (std::min(x_quoted, y_quoted) < std::max<size_t>(min_beads, 1)) continue;
    // How much likelier the beads around agree than beads paired at random
    // (the two sides' shares of quoted endings independent), one agreeing
    // and one not added to their count as a small sample's prior.
    const double px = double(x_quoted) / count, py = double(y_quoted) / count;
    const double chance = px * py + (1 - px) * (1 - py);
    const double rate = (double(agree[hi] - agree[lo]) + 1) / (count + 2);
    if (rate <= chance) continue;
    const auto cost = static_cast<float>(weight * std::log((1 - chance) / (1 - rate)));
    for (uint32_t i = path[k].i0; i < path[k].i0 + path[k].a; ++i) quote_end_cost_[i] = cost;
  }
}

void PairModel::LearnSplits(const std::vector<PathBead>& path, double weight, double prior, size_t window) {
  split_tables_.clear();
  split_table_of_.clear();
  if (weight <= 0 || path.empty()) return;
  // Counts over the beads of the window of (single side, sentences - 1,
  // marks of the single sentence); a 1-1 bead counts for both sides. The
  // window only moves forward: beads are added as it reaches them and
  // taken out as it leaves them (memory independent of the length).
  double counts[2][kMaxSplit + 1][kMaxMarks + 1] = {};
  auto count = [&](const PathBead& b, double delta) {
    if (b.a == 1 && b.b >= 1 && b.b <= kMaxSplit + 1) counts[0][b.b - 1][x_marks_[b.i0]] += delta;
    if (b.b == 1 && b.a >= 1 && b.a <= kMaxSplit + 1) counts[1][b.a - 1][y_marks_[b.j0]] += delta;
  };
  // A table per stretch of kStretch beads, from the beads within |window|
  // of the stretch's middle.
  constexpr size_t kStretch = 16;
  const size_t beads = path.size();
  size_t lo = 0, hi = 0;  // the beads counted: [lo, hi)
  split_table_of_.assign(n(), 0);
  for (size_t first = 0; first < beads; first += kStretch) {
    const size_t mid = std::min(beads - 1, first + kStretch / 2);
    const size_t want_lo = mid > window ? mid - window : 0, want_hi = std::min(beads, mid + window + 1);
    for (; hi < want_hi; ++hi) count(path[hi], 1);
    for (; lo < want_lo; ++lo) count(path[lo], -1);
    SplitTable table{};
    for (int side = 0; side < 2; ++side) {
      double by_split[kMaxSplit + 1] = {}, by_marks[kMaxMarks + 1] = {}, all = 0;
      for (int s = 0; s <= kMaxSplit; ++s)
        for (int m = 0; m <= kMaxMarks; ++m) {
          by_split[s] += counts[side][s][m];
          by_marks[m] += counts[side][s][m];
          all += counts[side][s][m];
        }
      for (int s = 0; s <= kMaxSplit; ++s) {
        // A split the stretch never shows tells nothing about marks (the
        // bead type's own cost is for that).
        if (by_split[s] <= 0) continue;
        const double rate = by_split[s] / all;
        for (int m = 0; m <= kMaxMarks; ++m) {
          if (by_marks[m] + prior <= 0) continue;
          const double given = (counts[side][s][m] + prior * rate) / (by_marks[m] + prior);
          table.cost[side][s][m] = static_cast<float>(std::max(0.0, -weight * std::log(given / rate)));
        }
      }
    }
    const auto index = static_cast<uint32_t>(split_tables_.size());
    split_tables_.push_back(table);
    for (size_t k = first; k < std::min(beads, first + kStretch); ++k)
      for (uint32_t i = path[k].i0; i < path[k].i0 + path[k].a; ++i) split_table_of_[i] = index;
  }
}

void PairModel::AddLexicon(const std::vector<std::pair<uint32_t, uint32_t>>& links) {
  // Links come grouped by unit string: each sentence's unit is found once
  // per group. Adding ids to a sorted set gives the same set in any order.
  for (size_t a = 0; a < links.size();) {
    const uint32_t sid = links[a].first;
    size_t b = a;
    while (b < links.size() && links[b].first == sid) ++b;
    for (uint32_t i : unit_where_[sid]) {
      // A sentence's units are in string id order, once each.
      auto& units = x_units_[i];
      auto u = std::lower_bound(units.begin(), units.end(), sid,
                                [](const Unit& unit, uint32_t id) { return unit.string_id < id; });
      if (u == units.end() || u->string_id != sid) continue;
      for (size_t l = a; l < b; ++l) {
        const uint32_t yid = links[l].second;
        auto it = std::lower_bound(u->ids.begin(), u->ids.end(), yid);
        if (it == u->ids.end() || *it != yid) u->ids.insert(it, yid);
      }
    }
    a = b;
  }
  Reweigh();
}

void PairModel::Reweigh() {
  // Only evidence that could be matched at all counts in the denominators:
  // an x unit without any translation in y, or a y token that no x unit
  // translates to, would only dilute every similarity alike.
  std::vector<uint8_t> reachable(y_strings_.size(), 0);
  ws_.assign(x_units_.size(), 0);
  for (size_t i = 0; i < x_units_.size(); ++i)
    for (const Unit& u : x_units_[i]) {
      if (u.ids.empty()) continue;
      ws_[i] += u.weight;
      for (uint32_t id : u.ids) reachable[id] = 1;
    }
  // Known weight: what a sentence would match if its translation were
  // there; an omitted sentence has it and matches nothing anywhere.
  wk_.assign(x_units_.size(), 0);
  for (size_t i = 0; i < x_units_.size(); ++i)
    for (const Unit& u : x_units_[i])
      if (u.known || !u.ids.empty()) wk_[i] += u.weight;
  wt_.assign(y_bags_.size(), 0);
  for (size_t j = 0; j < y_bags_.size(); ++j)
    for (auto [id, w] : y_bags_[j])
      if (reachable[id]) wt_[j] += w;
  double sum = 0;
  for (float w : ws_) sum += w;
  for (float w : wt_) sum += w;
  const size_t count = ws_.size() + wt_.size();
  mean_weight_ = (count && sum > 0) ? sum / count : 1.0;
  orphan_floor_ = static_cast<float>(std::max(config_.orphan_min_evidence * mean_weight_, 1e-6));
}

double PairModel::total_weight() const {
  double all = 0;
  for (const auto& units : x_units_)
    for (const Unit& u : units) all += u.weight;
  for (const auto& bag : y_bags_)
    for (auto [id, w] : bag) all += w;
  return all;
}

double PairModel::known_share() const {
  double known = 0, all = 0;
  for (size_t i = 0; i < x_units_.size(); ++i) {
    for (const Unit& u : x_units_[i]) all += u.weight;
    known += wk_[i];
  }
  return all > 0 ? known / all : 0;
}

double PairModel::lexical_coverage() const {
  double reach = 0, all = 0;
  for (size_t i = 0; i < x_units_.size(); ++i) {
    for (const Unit& u : x_units_[i]) all += u.weight;
    reach += ws_[i];
  }
  return all > 0 ? reach / all : 0;
}

namespace {
struct RowEntry {
  uint32_t id;
  uint64_t mask;
};
// The union of the candidate ids of row i's units, with which units reach each.
void RowCandidates(const std::vector<PairModel::Unit>& units, std::vector<RowEntry>* out) {
  out->clear();
  for (size_t k = 0; k < units.size(); ++k)
    for (uint32_t id : units[k].ids) out->push_back({id, uint64_t{1} << k});
  std::sort(out->begin(), out->end(), [](const RowEntry& a, const RowEntry& b) { return a.id < b.id; });
  size_t w = 0;
  for (size_t r = 0; r < out->size(); ++r) {
    if (w > 0 && (*out)[w - 1].id == (*out)[r].id) (*out)[w - 1].mask |= (*out)[r].mask;
    else (*out)[w++] = (*out)[r];
  }
  out->resize(w);
}
}  // namespace

inline Cell PairModel::MarkedCell(const uint64_t* mark, uint32_t i, uint32_t j) const {
  // The bag in id order, as a merge with the row's candidates meets its matches.
  Cell c;
  uint64_t hit = 0;
  for (const auto& [id, w] : y_bags_[j])
    if (const uint64_t m = mark[id]) {
      c.mt += w;
      hit |= m;
    }
  for (; hit; hit &= hit - 1) c.ms += x_units_[i][std::countr_zero(hit)].weight;  // in unit order, as before
  return c;
}

uint64_t* PairModel::MarkRow(uint32_t i, std::vector<uint64_t>* marks) const {
  if (marks->size() < y_strings_.size()) marks->resize(y_strings_.size(), 0);
  uint64_t* mark = marks->data();
  const auto& units = x_units_[i];
  for (size_t k = 0; k < units.size(); ++k)
    for (uint32_t id : units[k].ids) mark[id] |= uint64_t{1} << k;
  return mark;
}

void PairModel::UnmarkRow(uint32_t i, uint64_t* mark) const {
  for (const Unit& u : x_units_[i])
    for (uint32_t id : u.ids) mark[id] = 0;
}

void PairModel::ComputeRow(uint32_t i, uint32_t j0, uint32_t j1, Cell* out, std::vector<uint64_t>* marks) const {
  uint64_t* mark = MarkRow(i, marks);
  for (uint32_t j = j0; j < j1; ++j) out[j - j0] = MarkedCell(mark, i, j);
  UnmarkRow(i, mark);
}

void PairModel::ComputeCells(uint32_t i, const std::vector<uint32_t>& js, Cell* out,
                             std::vector<uint64_t>* marks) const {
  uint64_t* mark = MarkRow(i, marks);
  for (size_t k = 0; k < js.size(); ++k) out[k] = MarkedCell(mark, i, js[k]);
  UnmarkRow(i, mark);
}

Cell PairModel::ComputeCell(uint32_t i, uint32_t j) const {
  std::vector<RowEntry> row;
  RowCandidates(x_units_[i], &row);
  const auto& units = x_units_[i];
  Cell c;
  uint64_t hit = 0;
  const auto& bag = y_bags_[j];
  size_t a = 0, b = 0;
  while (a < row.size() && b < bag.size()) {
    if (row[a].id < bag[b].first) ++a;
    else if (bag[b].first < row[a].id) ++b;
    else { c.mt += bag[b].second; hit |= row[a].mask; ++a; ++b; }
  }
  for (size_t k = 0; hit; ++k, hit >>= 1)
    if (hit & 1) c.ms += units[k].weight;
  return c;
}

}  // namespace align::internal
