// lexicon suggest: termbase rows from the free renderings of a check report.
#include "align/suggest.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "align/lexicon.h"

namespace align {
namespace {

constexpr char kReport[] = R"({"inputs": [],
"findings": [
{"type": "missing-term", "concept": "cpec", "lang": "zh", "rendering": "中国巴基斯坦经济走廊"},
{"type": "missing-term", "concept": "cpec", "lang": "zh", "rendering": "中巴走廊"},
{"type": "missing-term", "concept": "cpec", "lang": "zh", "rendering": "中国巴基斯坦经济走廊"},
{"type": "missing-term", "concept": "cpec", "lang": "zh", "rendering": "经济 … 走廊"},
{"type": "missing-term", "concept": "cpec", "lang": "zh"},
{"type": "missing-term", "concept": "cpec", "lang": "zh", "rendering": "a\tb"},
{"type": "omission", "concept": null, "lang": "zh", "rendering": "x"},
{"type": "missing-term", "concept": "bri", "lang": "ur", "rendering": "بیلٹ روڈ"}
],
"summary": {}}
)";

TEST(SuggestTest, RenderingsBecomeRowsMostFrequentFirst) {
  auto rows = SuggestTerms(kReport, "report.json");
  ASSERT_TRUE(rows.ok()) << rows.status().message();
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0].concept_id, "bri");
  EXPECT_EQ((*rows)[1].rendering, "中国巴基斯坦经济走廊");
  EXPECT_EQ((*rows)[1].findings, 2u);
  EXPECT_EQ((*rows)[2].rendering, "中巴走廊");

  std::ostringstream out;
  ASSERT_TRUE(WriteSuggestedRows(*rows, out).ok());
  EXPECT_NE(out.str().find("cpec\tzh\t中国巴基斯坦经济走廊\tadmitted\trendering found in 2 missing-term findings\n"),
            std::string::npos);
  // Added to a termbase that has the concepts, the rows load.
  const std::string termbase = "cpec\ten\tChina-Pakistan Economic Corridor\tpreferred\t\n"
                               "cpec\tzh\t中巴经济走廊\tpreferred\t\n"
                               "bri\ten\tBelt and Road Initiative\tpreferred\t\n"
                               "bri\tur\tبیلٹ اینڈ روڈ انیشی ایٹو\tpreferred\t\n";
  auto lexicon = Lexicon::ParseTsv(termbase + out.str(), "merged.tsv");
  ASSERT_TRUE(lexicon.ok()) << lexicon.status().message();
  EXPECT_EQ(lexicon->terms().size(), 7u);
}

TEST(SuggestTest, WhatIsNoReportIsAnErrorNamingTheLine) {
  auto bad = SuggestTerms("{\n\"findings\": [\n,]}", "r.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("r.json:3:"), std::string::npos) << bad.status().message();
  auto shape = SuggestTerms(R"({"findings": 3})", "r.json");
  ASSERT_FALSE(shape.ok());
  EXPECT_NE(shape.status().message().find("no \"findings\" list"), std::string::npos);
  auto empty = SuggestTerms(R"({"findings": []})", "r.json");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
}

}  // namespace
}  // namespace align
