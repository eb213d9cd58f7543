#include "simulator/faults.h"

#include "gtest/gtest.h"

namespace payone::simulator {
namespace {

TEST(Faults, ParsesEveryKind) {
  auto rules = ParseFaults(
      "latency=200ms;latency=50ms..300ms,reference=SLOW-*;reset_before;"
      "reset_after;http500;http502;http503,portal=2000001,times=2;truncate;"
      "garbage;hang");
  ASSERT_TRUE(rules.ok()) << rules.status();
  ASSERT_EQ(rules->size(), 10u);
  EXPECT_EQ((*rules)[0].min_latency, absl::Milliseconds(200));
  EXPECT_EQ((*rules)[0].max_latency, absl::Milliseconds(200));
  EXPECT_EQ((*rules)[1].max_latency, absl::Milliseconds(300));
  EXPECT_EQ((*rules)[1].reference, "SLOW-*");
  EXPECT_EQ((*rules)[6].kind, FaultKind::kHttp503);
  EXPECT_EQ((*rules)[6].portalid, "2000001");
  EXPECT_EQ((*rules)[6].times, 2);
  EXPECT_EQ((*rules)[9].kind, FaultKind::kHang);
}

TEST(Faults, KindNamesAreWhatSpecsSay) {
  EXPECT_EQ(FaultKindName(FaultKind::kLatency), "latency");
  for (FaultKind kind :
       {FaultKind::kResetBefore, FaultKind::kResetAfter, FaultKind::kHttp500,
        FaultKind::kHttp502, FaultKind::kHttp503, FaultKind::kTruncate,
        FaultKind::kGarbage, FaultKind::kHang, FaultKind::kUnknownStatus}) {
    auto rule = ParseFault(FaultKindName(kind));
    ASSERT_TRUE(rule.ok()) << FaultKindName(kind) << ": " << rule.status();
    EXPECT_EQ(rule->kind, kind) << FaultKindName(kind);
  }
}

TEST(Faults, RejectsNonsense) {
  for (const char* spec :
       {"portal=1", "teleport", "latency=fast", "latency=300ms..100ms",
        "hang,times=0", "hang,rate=0", "hang,rate=1.5", "hang,rate=x"}) {
    EXPECT_FALSE(ParseFault(spec).ok()) << spec;
  }
}

TEST(Faults, GlobMatching) {
  EXPECT_TRUE(GlobMatch("ERR-*", "ERR-1"));
  EXPECT_TRUE(GlobMatch("*", ""));
  EXPECT_TRUE(GlobMatch("A?C*Z", "ABCxyzZ"));
  EXPECT_FALSE(GlobMatch("A?C", "AC"));
  EXPECT_FALSE(GlobMatch("ERR-*", "OK-1"));
  EXPECT_TRUE(GlobMatch("*a*a*a*b", std::string(30, 'a') + "b"));
}

TEST(Faults, MatchesBySelectorAndCountsFirings) {
  Faults faults;
  EXPECT_FALSE(faults.Match("2000001", "R1"));  // off by default
  faults.Add(*ParseFault("http503,portal=2000002,times=1"));
  faults.Add(*ParseFault("garbage,reference=G*"));
  EXPECT_FALSE(faults.Match("2000001", "R1"));
  EXPECT_EQ(faults.Match("2000002", "R1")->kind, FaultKind::kHttp503);
  EXPECT_FALSE(faults.Match("2000002", "R1"));  // fired its one time
  EXPECT_EQ(faults.Match("2000001", "G7")->kind, FaultKind::kGarbage);
  faults.Set({*ParseFault("hang,txid=70000000?")});
  EXPECT_FALSE(faults.Match("2000001", "", "800000001"));
  EXPECT_EQ(faults.Match("2000001", "", "700000001")->kind, FaultKind::kHang);
  faults.Set({});
  EXPECT_FALSE(faults.Match("2000001", "G7"));
}

// A rate below 1 fires on about that share of the matching requests; the
// others fall through to the next rule. Fired counts are kept per rule.
TEST(Faults, RateFiresOnAShareAndFallsThrough) {
  Faults faults;
  faults.Set({*ParseFault("garbage,rate=0.25"), *ParseFault("http500")});
  int garbage = 0;
  constexpr int kRequests = 4000;
  for (int i = 0; i < kRequests; ++i) {
    const std::optional<FaultRule> fault = faults.Match("2000001", "R");
    ASSERT_TRUE(fault.has_value());
    if (fault->kind == FaultKind::kGarbage) ++garbage;
  }
  // 1000 expected; the bounds are 10 standard deviations (27) wide.
  EXPECT_GT(garbage, 730);
  EXPECT_LT(garbage, 1270);
  const std::vector<FaultRule> rules = faults.Rules();
  EXPECT_EQ(rules[0].fired, garbage);
  EXPECT_EQ(rules[1].fired, kRequests - garbage);
  EXPECT_DOUBLE_EQ(ParseFault("hang,rate=0.05")->rate, 0.05);
}

}  // namespace
}  // namespace payone::simulator
