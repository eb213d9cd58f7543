#include "service/config/hex_digest.h"

#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace payone::service {
namespace {

TEST(HexDigestTest, MatchesKnownVectors) {
  EXPECT_EQ(HexDigest(DigestAlgorithm::kMd5, "abc"),
            "900150983cd24fb0d6963f7d28e17f72");
  EXPECT_EQ(HexDigest(DigestAlgorithm::kSha256, "abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(HexDigest(DigestAlgorithm::kSha384, "abc"),
            "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
            "8086072ba1e7cc2358baeca134c825a7");
}

// One context per thread, reused: alternating algorithms on many threads
// at once gives every thread the known digests.
TEST(HexDigestTest, AlternatingAlgorithmsOnManyThreads) {
  std::vector<std::thread> threads;
  std::vector<int> wrong(8, 0);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([t, &wrong] {
      for (int i = 0; i < 200; ++i) {
        wrong[t] += HexDigest(DigestAlgorithm::kMd5, "abc") !=
                    "900150983cd24fb0d6963f7d28e17f72";
        wrong[t] += HexDigest(DigestAlgorithm::kSha384, "abc").substr(0, 8) !=
                    "cb00753f";
        char hex[64];
        wrong[t] += !HexSha256("abc", hex) || std::string(hex, 8) != "ba7816bf";
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < 8; ++t) EXPECT_EQ(wrong[t], 0) << "thread " << t;
}

TEST(HexSha256Test, MatchesHexDigest) {
  for (const char* data : {"", "abc", "a bearer token"}) {
    char hex[64];
    ASSERT_TRUE(HexSha256(data, hex));
    EXPECT_EQ(std::string(hex, sizeof(hex)),
              HexDigest(DigestAlgorithm::kSha256, data));
  }
}

TEST(HexHmacSha384Test, MatchesRfc4231) {
  // RFC 4231, test case 2.
  EXPECT_EQ(HexHmacSha384("Jefe", "what do ya want for nothing?"),
            "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e"
            "8e2240ca5e69e2c78b3239ecfab21649");
}

TEST(ConstantTimeEqualsTest, ComparesContentAndLength) {
  EXPECT_TRUE(ConstantTimeEquals("secret", "secret"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secreT"));
  EXPECT_FALSE(ConstantTimeEquals("secret", "secret2"));
}

}  // namespace
}  // namespace payone::service
