#include "service/config/live_config.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace payone::service {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr char kBase[] = R"(
listen_address: "127.0.0.1:7001"
upstream { url: "http://127.0.0.1:9/post-gateway/" }
accounts {
  name: "shop-de" mid: "1" aid: "2" portalid: "3" mode: "test"
  key_env: "KEY_DE"
}
clients { name: "backend" token_env: "TOKEN" accounts: "shop-de" }
)";

Config Parse(const std::string& text, const std::string& token = "old") {
  absl::StatusOr<Config> config =
      ParseConfig(text, "test.textproto", [&](absl::string_view name) {
        return std::optional<std::string>(name == "TOKEN" ? token : "key");
      });
  EXPECT_TRUE(config.ok()) << config.status();
  return config.ok() ? *std::move(config) : Config();
}

TEST(MergeReloadTest, AccountsAndClientsChangeLive) {
  const Config current = Parse(kBase);
  std::string text = kBase;
  text += R"(accounts {
  name: "shop-at" mid: "1" aid: "4" portalid: "5" mode: "test"
  key_env: "KEY_AT"
})";
  Reloaded reloaded = MergeReload(current, Parse(text, "new"));
  EXPECT_THAT(reloaded.needs_restart, IsEmpty());
  EXPECT_TRUE(reloaded.config.accounts.contains("shop-at"));
  EXPECT_EQ(reloaded.config.file.accounts_size(), 2);
  ASSERT_EQ(reloaded.config.clients.size(), 1u);
  EXPECT_NE(reloaded.config.clients[0].token_sha256,
            current.clients[0].token_sha256);
}

TEST(MergeReloadTest, SettingsThatNeedARestartKeepTheirValue) {
  const Config current = Parse(kBase);
  std::string text = kBase;
  text.replace(text.find("7001"), 4, "7002");
  text += "ledger { sqlite_path: \"/tmp/other.db\" }\n";
  Reloaded reloaded = MergeReload(current, Parse(text));
  EXPECT_THAT(reloaded.needs_restart, ElementsAre("listen_address", "ledger"));
  EXPECT_EQ(reloaded.config.file.listen_address(), "127.0.0.1:7001");
  EXPECT_FALSE(reloaded.config.file.has_ledger());
  EXPECT_EQ(reloaded.config.file.upstream().url(),
            "http://127.0.0.1:9/post-gateway/");
}

TEST(LiveConfigTest, ASnapshotOutlivesItsReplacement) {
  LiveConfig live(Parse(kBase));
  std::shared_ptr<const Config> in_flight = live.Get();
  const AccountSettings* account = &in_flight->accounts.at("shop-de");
  live.Set(std::make_shared<const Config>(Parse(kBase, "rotated")));
  // The call that started before the swap still reads its own snapshot.
  EXPECT_EQ(account->file.name(), "shop-de");
  EXPECT_NE(live.Get(), in_flight);
  EXPECT_NE(live.Get()->clients[0].token_sha256,
            in_flight->clients[0].token_sha256);
}

}  // namespace
}  // namespace payone::service
