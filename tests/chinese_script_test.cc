// Telling Traditional from Simplified Chinese, and showing Simplified terms
// in Traditional characters.
#include "chinese_script.h"

#include <gtest/gtest.h>

namespace align::internal {
namespace {

TEST(ChineseScript, TraditionalTextIsTraditional) {
  EXPECT_TRUE(IsTraditionalChinese("雙方支持全球發展倡議。"));
  EXPECT_TRUE(IsTraditionalChinese("兩國鐵桿友誼堅如磐石"));
  EXPECT_TRUE(IsTraditionalChinese("中國共產黨"));
}

TEST(ChineseScript, SimplifiedSharedAndOtherTextIsNot) {
  EXPECT_FALSE(IsTraditionalChinese("双方支持全球发展倡议。"));
  EXPECT_FALSE(IsTraditionalChinese("中国共产党"));
  // Characters both scripts write (中, 巴, 友) do not make a text Traditional.
  EXPECT_FALSE(IsTraditionalChinese("中巴友好"));
  EXPECT_FALSE(IsTraditionalChinese("Belt and Road Initiative"));
  EXPECT_FALSE(IsTraditionalChinese("بیلٹ اینڈ روڈ"));
  EXPECT_FALSE(IsTraditionalChinese(""));
  // A stray Traditional character in a Simplified text is outvoted.
  EXPECT_FALSE(IsTraditionalChinese("中国共产党和國家"));
}

TEST(ChineseScript, ToTraditionalConvertsTermsAndLeavesOtherTextAlone) {
  EXPECT_EQ(ToTraditional("全球发展倡议"), "全球發展倡議");
  EXPECT_EQ(ToTraditional("中国共产党"), "中國共產黨");
  // Hans-Hant also gives the quotes Traditional typesetting uses.
  EXPECT_EQ(ToTraditional("“一带一路”倡议"), "「一帶一路」倡議");
  EXPECT_EQ(ToTraditional("中巴友好"), "中巴友好");
  EXPECT_EQ(ToTraditional("CPEC 2.0"), "CPEC 2.0");
  EXPECT_EQ(ToTraditional(""), "");
}

}  // namespace
}  // namespace align::internal
