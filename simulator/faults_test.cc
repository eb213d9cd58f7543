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

TEST(Faults, RejectsNonsense) {
  for (const char* spec : {"portal=1", "teleport", "latency=fast",
                           "latency=300ms..100ms", "hang,times=0"}) {
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

}  // namespace
}  // namespace payone::simulator
