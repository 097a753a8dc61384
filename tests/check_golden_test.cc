// Runs the check on every bundled document set (corpora/NAME.{en,zh,ur}.txt)
// and compares the findings with corpora/NAME.findings.json exactly (type,
// lang, concept, bead, evidence). Gold entries marked "status": "missed" are
// genuine divergences talign does not report yet: they must stay absent
// (so that fixing one updates the gold), and count against recall; entries
// marked "false-positive" are reported findings a reviewer rejects: they
// must be reported, and count against precision. Prints precision and
// recall per finding type over the whole corpus.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "align/check.h"
#include "align/i18n.h"
#include "align/pipeline.h"

namespace align {
namespace {

namespace fs = std::filesystem;
using Key = std::tuple<std::string, std::string, std::string, size_t, std::string>;

std::string Show(const Key& k) {
  return std::get<0>(k) + " [" + std::get<1>(k) + "] " + std::get<2>(k) + " bead " + std::to_string(std::get<3>(k)) +
         ": " + std::get<4>(k);
}

struct Counts {
  size_t true_positives = 0, false_positives = 0, missed = 0;
};

std::vector<std::string> Sets() {
  std::vector<std::string> sets;
  const fs::path corpora = fs::path(TALIGN_SOURCE_DIR) / "corpora";
  for (const auto& entry : fs::directory_iterator(corpora)) {
    const std::string name = entry.path().filename().string();
    const std::string suffix = ".en.txt";
    if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) {
      sets.push_back(name.substr(0, name.size() - suffix.size()));
    }
  }
  std::sort(sets.begin(), sets.end());
  return sets;
}

TEST(CheckGoldenTest, EveryCorpusSetMatchesItsGoldFindings) {
  const fs::path corpora = fs::path(TALIGN_SOURCE_DIR) / "corpora";
  std::map<std::string, Counts> per_type;
  const std::vector<std::string> sets = Sets();
  auto zh = Translator::Create("zh");
  auto ur = Translator::Create("ur");
  ASSERT_TRUE(zh.ok() && ur.ok());
  ASSERT_FALSE(sets.empty());
  for (const std::string& set : sets) {
    SCOPED_TRACE(set);
    const fs::path gold_path = corpora / (set + ".findings.json");
    ASSERT_TRUE(fs::exists(gold_path)) << "every set needs gold findings: " << gold_path;
    std::ifstream in(gold_path);
    nlohmann::json gold = nlohmann::json::parse(in);
    std::set<Key> expected, missed, rejected;
    for (const auto& g : gold) {
      Key k{g.at("type"), g.at("lang"), g.at("concept").is_null() ? "" : g.at("concept").get<std::string>(),
            g.at("bead").get<size_t>(), g.at("evidence")};
      const std::string status = g.value("status", "");
      if (status == "missed") {
        missed.insert(k);
      } else {
        expected.insert(k);
        if (status == "false-positive") rejected.insert(k);
      }
    }

    CheckJob job;
    // The gold beads are those of the aligner without CC-CEDICT, so that the
    // test means the same whether or not setup could fetch the dictionary.
    SessionConfig resources;
    resources.use_cedict = false;
    resources.use_urdu_english = false;
    auto session = Session::Create(resources);
    ASSERT_TRUE(session.ok()) << session.status().message();
    for (const char* lang : {"en", "zh", "ur"}) {
      job.align.inputs.push_back((corpora / (set + "." + lang + ".txt")).string());
      job.align.language_tags.push_back(lang);
    }
    auto result = RunCheck(job, **session);
    ASSERT_TRUE(result.ok()) << result.status().message();
    std::set<Key> found;
    for (const Finding& f : result->findings) {
      // Every message comes from a pattern the UI catalogs translate.
      EXPECT_EQ(Translator::FormatArgs(f.message_pattern, f.message_args), f.message);
      for (const Translator* ui : {&*zh, &*ur}) {
        EXPECT_NE(ui->Translate(f.message_pattern), f.message_pattern) << ui->language() << ": " << f.message_pattern;
      }
      found.insert(Key{std::string(FindingTypeName(f.type)), result->align.language_tags[f.version],
                       f.concept_index ? (*session)->matcher()->lexicon().concepts()[*f.concept_index].id : "", f.bead, f.evidence});
    }
    for (const Key& k : found) {
      EXPECT_TRUE(expected.count(k)) << "unexpected finding: " << Show(k);
    }
    for (const Key& k : expected) {
      EXPECT_TRUE(found.count(k)) << "gold finding not reported: " << Show(k);
    }
    for (const Key& k : missed) {
      EXPECT_FALSE(found.count(k)) << "reported now, mark it found in the gold: " << Show(k);
      ++per_type[std::get<0>(k)].missed;
    }
    for (const Key& k : found) {
      if (!expected.count(k)) continue;
      ++(rejected.count(k) ? per_type[std::get<0>(k)].false_positives : per_type[std::get<0>(k)].true_positives);
    }
  }
  std::ostringstream report;
  report << "type                precision  recall  (tp/fp/missed)\n";
  for (const auto& [type, c] : per_type) {
    const double p = c.true_positives + c.false_positives ? double(c.true_positives) / (c.true_positives + c.false_positives) : 1;
    const double r = c.true_positives + c.missed ? double(c.true_positives) / (c.true_positives + c.missed) : 1;
    char line[160];
    std::snprintf(line, sizeof line, "%-18s  %9.2f  %6.2f  (%zu/%zu/%zu)\n", type.c_str(), p, r, c.true_positives,
                  c.false_positives, c.missed);
    report << line;
  }
  std::cout << report.str();
}

}  // namespace
}  // namespace align
