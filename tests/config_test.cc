// The settings tables (align/config.h): every field of AlignerConfig and
// CheckConfig has a row, --config files set them with errors that name the
// file and the field, and output headers carry them.
#include "align/config.h"

#include <cstdio>
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <nlohmann/json.hpp>

namespace align {
namespace {

using ::testing::HasSubstr;

// The number of members of an aggregate, by trying to brace-initialise it
// with ever more values that convert to anything: a struct that gains a
// field gains a count, whatever its size or layout.
struct AnyValue {
  template <typename T>
  operator T() const;  // never defined: only used in unevaluated contexts
};
template <typename T, typename... Values>
constexpr size_t CountFields() {
  if constexpr (requires { T{Values{}..., AnyValue{}}; }) {
    return CountFields<T, Values..., AnyValue>();
  } else {
    return sizeof...(Values);
  }
}

TEST(ConfigTables, EveryFieldHasARow) {
  EXPECT_EQ(AlignerConfigFields().size(), CountFields<AlignerConfig>())
      << "a field of AlignerConfig has no row in config.cc";
  // CheckConfig::source_version is the job's, not a setting (--source).
  EXPECT_EQ(CheckConfigFields().size() + 1, CountFields<CheckConfig>())
      << "a field of CheckConfig has no row in config.cc";
}

TEST(ConfigTables, NamesAreUniqueAndEveryRowIsSetByItsName) {
  AlignerConfig aligner;
  CheckConfig check;
  const auto defaults = nlohmann::json::parse(ConfigJson(aligner, &check));
  // Set every field to a value other than its default, by name, through JSON.
  nlohmann::json changed = defaults;
  for (auto& [section, fields] : changed.items()) {
    for (auto& [name, value] : fields.items()) {
      if (value.is_boolean()) value = !value.get<bool>();
      else if (value.is_number_integer()) value = value.get<int64_t>() + 1;
      else value = value.get<double>() * 0.5 + 0.125;
    }
  }
  ASSERT_TRUE(ApplyConfigJson(changed.dump(), "test.json", &aligner, &check).ok());
  const auto after = nlohmann::json::parse(ConfigJson(aligner, &check));
  EXPECT_EQ(after, changed);
  EXPECT_EQ(defaults["aligner"].size(), AlignerConfigFields().size()) << "two rows share a name";
  EXPECT_EQ(defaults["check"].size(), CheckConfigFields().size()) << "two rows share a name";
}

TEST(ConfigFiles, ErrorsNameTheFileAndTheField) {
  AlignerConfig aligner;
  CheckConfig check;
  struct Case {
    const char* json;
    const char* message;
  } cases[] = {
      {"{\"aligner\": {\"band_wdith\": 3}}", "x.json: aligner.band_wdith: no such setting"},
      {"{\"aligner\": {\"band_width\": -1}}", "aligner.band_width: -1 is outside"},
      {"{\"aligner\": {\"max_bead_side\": 1000}}", "aligner.max_bead_side: 1000 is outside [1, 8]"},
      {"{\"aligner\": {\"skip_cost\": \"high\"}}", "aligner.skip_cost: expected a number"},
      {"{\"aligner\": {\"learn_lexicon\": 1}}", "aligner.learn_lexicon: expected true or false"},
      {"{\"aligner\": {\"band_width\": 2.5}}", "aligner.band_width: expected a whole number"},
      {"{\"aligner\": {\"skip_cost\": 1e400}}", "x.json: not valid JSON"},  // nlohmann refuses the overflow
      {"{\"check\": {\"min_content_letters\": 1e30}}", "check.min_content_letters"},
      {"{\"checker\": {}}", "x.json: checker: expected \"aligner\" or \"check\""},
      {"[1, 2]", "x.json: expected a JSON object"},
      {"{\"aligner\": [1]}", "x.json: aligner: expected an object"},
      {"{\"aligner\": {", "x.json: not valid JSON"},
  };
  for (const Case& c : cases) {
    Status s = ApplyConfigJson(c.json, "x.json", &aligner, &check);
    EXPECT_EQ(s.code(), StatusCode::kDataError) << c.json;
    EXPECT_THAT(s.message(), HasSubstr(c.message)) << c.json;
  }
  // Nothing was half-applied by the rejected ones that failed on their only field.
  EXPECT_EQ(aligner.band_width, AlignerConfig{}.band_width);
}

TEST(ConfigFiles, LoadsAFileAndLeavesUnnamedFieldsAlone) {
  const std::string path = ::testing::TempDir() + "talign-config-test-" + std::to_string(::getpid()) + ".json";
  std::ofstream(path) << "{\"aligner\": {\"band_width\": 40}, \"check\": {\"numbers\": false}}\n";
  AlignerConfig aligner;
  CheckConfig check;
  ASSERT_TRUE(LoadConfigFile(path, &aligner, &check).ok());
  EXPECT_EQ(aligner.band_width, 40);
  EXPECT_FALSE(check.numbers);
  EXPECT_EQ(aligner.skip_cost, AlignerConfig{}.skip_cost);
  EXPECT_TRUE(check.omissions);
  std::remove(path.c_str());
  EXPECT_EQ(LoadConfigFile(path, &aligner, &check).code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace align
