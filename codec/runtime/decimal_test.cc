#include "codec/runtime/decimal.h"

#include <cstdint>
#include <limits>

#include "gtest/gtest.h"

namespace payone::codec {
namespace {

TEST(DecimalTest, Formats) {
  EXPECT_EQ(FormatDecimal(1250).view(), "12.50");
  EXPECT_EQ(FormatDecimal(200000).view(), "2000.00");
  EXPECT_EQ(FormatDecimal(0).view(), "0.00");
  EXPECT_EQ(FormatDecimal(7).view(), "0.07");
  EXPECT_EQ(FormatDecimal(-1).view(), "-0.01");
  EXPECT_EQ(FormatDecimal(-20000).view(), "-200.00");
  EXPECT_EQ(FormatDecimal(std::numeric_limits<int64_t>::min()).view(),
            "-92233720368547758.08");
}

TEST(DecimalTest, Parses) {
  int64_t v = 0;
  ASSERT_TRUE(ParseDecimal("12.50", &v));
  EXPECT_EQ(v, 1250);
  ASSERT_TRUE(ParseDecimal("12.5", &v));
  EXPECT_EQ(v, 1250);
  ASSERT_TRUE(ParseDecimal("12", &v));
  EXPECT_EQ(v, 1200);
  ASSERT_TRUE(ParseDecimal("-0.01", &v));
  EXPECT_EQ(v, -1);
  ASSERT_TRUE(ParseDecimal("0.00", &v));
  EXPECT_EQ(v, 0);
}

TEST(DecimalTest, RejectsWhatIsNotADecimal) {
  int64_t v = 0;
  for (const char* bad : {"", ".", "1.", ".5", "1.234", "+1", "1,50", "a",
                          "--1", "1.5x", "99999999999999999999"}) {
    EXPECT_FALSE(ParseDecimal(bad, &v)) << bad;
  }
}

TEST(DecimalTest, RoundTrips) {
  for (int64_t minor : {int64_t{0}, int64_t{1}, int64_t{-99}, int64_t{123456},
                        int64_t{1999999999}, int64_t{-1999999999}}) {
    int64_t back = 0;
    ASSERT_TRUE(ParseDecimal(FormatDecimal(minor).view(), &back));
    EXPECT_EQ(back, minor);
  }
}

}  // namespace
}  // namespace payone::codec
