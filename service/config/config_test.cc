#include "service/config/config.h"

#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "service/config/hex_digest.h"

namespace payone::service {
namespace {

using ::testing::AllOf;
using ::testing::ContainsRegex;
using ::testing::HasSubstr;
using ::testing::Not;

EnvLookup FakeEnv() {
  return [](absl::string_view name) -> std::optional<std::string> {
    if (name == "SHOP_KEY") return "portal-secret";
    if (name == "BACKEND_TOKEN") return "token-1";
    return std::nullopt;
  };
}

constexpr absl::string_view kValid = R"pb(
  listen_address: "127.0.0.1:0"
  upstream { url: "http://127.0.0.1:9/post-gateway/" max_connections: 8 }
  accounts {
    name: "shop-de"
    mid: "12345"
    aid: "54321"
    portalid: "2012345"
    mode: "test"
    key_env: "SHOP_KEY"
  }
  accounts {
    name: "shop-at"
    mid: "12345"
    aid: "54322"
    portalid: "2012346"
    mode: "live"
    encoding: "ISO-8859-1"
    key_env: "SHOP_KEY"
    legacy_md5_key: true
    card_data: PSEUDO_CARD_PAN_ONLY
    legacy_md5_client_api_hash: true
  }
  clients { name: "backend" token_env: "BACKEND_TOKEN" accounts: "shop-de" }
)pb";

TEST(ConfigTest, LoadsAccountsWithKeyDigestsAndDefaults) {
  absl::StatusOr<Config> config =
      ParseConfig(kValid, "gw.textproto", FakeEnv());
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->file.listen_address(), "127.0.0.1:0");
  EXPECT_EQ(config->file.metrics_address(), "127.0.0.1:9464");
  EXPECT_EQ(config->file.upstream().max_connections(), 8u);
  EXPECT_EQ(ConfigDuration(config->file.upstream(),
                           gateway::v1::Upstream::kConnectTimeoutFieldNumber),
            absl::Seconds(5));
  const AccountSettings& de = config->accounts.at("shop-de");
  EXPECT_EQ(de.key_digest,
            HexDigest(DigestAlgorithm::kSha384, "portal-secret"));
  EXPECT_EQ(de.file.api_version(), "3.11");
  EXPECT_EQ(de.file.encoding(), "UTF-8");
  const AccountSettings& at = config->accounts.at("shop-at");
  EXPECT_EQ(at.key_digest, HexDigest(DigestAlgorithm::kMd5, "portal-secret"));
  EXPECT_EQ(at.charset, codec::Charset::kLatin1);
  // Card data and the Client API hash: defaults, and as configured.
  EXPECT_FALSE(de.file.card_data() == gateway::v1::PSEUDO_CARD_PAN_ONLY);
  EXPECT_FALSE(de.file.legacy_md5_client_api_hash());
  EXPECT_EQ(de.portal_key, "portal-secret");
  EXPECT_TRUE(at.file.card_data() == gateway::v1::PSEUDO_CARD_PAN_ONLY);
  EXPECT_TRUE(at.file.legacy_md5_client_api_hash());
  EXPECT_EQ(config->file.upstream().client_api_url(),
            "https://secure.pay1.de/client-api/");
  ASSERT_EQ(config->clients.size(), 1u);
  EXPECT_EQ(config->clients[0].token_sha256,
            HexDigest(DigestAlgorithm::kSha256, "token-1"));
  EXPECT_TRUE(config->clients[0].accounts.contains("shop-de"));
  EXPECT_FALSE(config->clients[0].all_accounts);
}

TEST(ConfigTest, SyntaxErrorNamesFileAndLine) {
  absl::StatusOr<Config> config =
      ParseConfig("accounts {\n  name: \"x\"\n  mdi: \"1\"\n}\n",
                  "gw.textproto", FakeEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              AllOf(HasSubstr("gw.textproto:3:"), HasSubstr("mdi")));
}

TEST(ConfigTest, ReportsEverySemanticProblemWithItsLineAndField) {
  constexpr absl::string_view kBad =
      R"pb(accounts {
             name: "shop-de"
             mid: "12a45"
             aid: "1"
             portalid: "2012345"
             mode: "prod"
             key_env: "MISSING_KEY"
           }
           clients { token_env: "BACKEND_TOKEN" accounts: "shop-fr" }
      )pb";
  absl::StatusOr<Config> config = ParseConfig(kBad, "gw.textproto", FakeEnv());
  ASSERT_FALSE(config.ok());
  const std::string message(config.status().message());
  EXPECT_THAT(message,
              ContainsRegex(R"(gw\.textproto:3:[0-9]+: accounts\[0\]\.mid:)"));
  EXPECT_THAT(message,
              ContainsRegex(R"(gw\.textproto:6:[0-9]+: accounts\[0\]\.mode:)"));
  EXPECT_THAT(message, ContainsRegex(
                           R"(gw\.textproto:7:[0-9]+: accounts\[0\]\.key_env: )"
                           "environment variable MISSING_KEY"));
  EXPECT_THAT(
      message,
      HasSubstr("clients[0].accounts[0]: no account is named 'shop-fr'"));
}

TEST(ConfigTest, SecretsNeverAppearInErrors) {
  constexpr absl::string_view kBad = R"pb(accounts {
                                            name: "shop-de"
                                            mid: "1"
                                            aid: "1"
                                            portalid: "x"
                                            mode: "test"
                                            key_env: "SHOP_KEY"
                                          }
                                          allow_unauthenticated: true
  )pb";
  absl::StatusOr<Config> config = ParseConfig(kBad, "gw.textproto", FakeEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), Not(HasSubstr("portal-secret")));
}

// Found by config_fuzzer: a problem about a repeated field as a whole used
// to crash the loader (protobuf's ParseInfoTree dies on index -1).
TEST(ConfigTest, ClientWithoutAccountsIsAProblemNotACrash) {
  std::string text(kValid);
  text += "clients {\n  name: \"ops\"\n  token_env: \"BACKEND_TOKEN\"\n}\n";
  absl::StatusOr<Config> config = ParseConfig(text, "gw.textproto", FakeEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              ContainsRegex("gw.textproto:[0-9]+:[0-9]+: clients\\[1\\]."
                            "accounts: name the accounts"));
}

// Secret files are read through the given lookup (the fuzzer's fake file
// system), never past it.
TEST(ConfigTest, SecretFilesAreReadThroughTheLookup) {
  constexpr absl::string_view kFromFiles = R"pb(
    accounts {
      name: "a"
      mid: "1"
      aid: "1"
      portalid: "1"
      mode: "test"
      key_file: "/nowhere/key"
    }
    clients { name: "c" token_file: "/nowhere/token" accounts: "*" }
  )pb";
  std::vector<std::string> read;
  absl::StatusOr<Config> config = ParseConfig(
      kFromFiles, "gw.textproto", FakeEnv(),
      [&read](const std::string& path) -> std::optional<std::string> {
        read.push_back(path);
        return "secret-of-" + path + "\n";
      });
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_THAT(
      read, ::testing::UnorderedElementsAre("/nowhere/key", "/nowhere/token"));
  EXPECT_EQ(config->clients[0].token_sha256,
            HexDigest(DigestAlgorithm::kSha256, "secret-of-/nowhere/token"));
}

TEST(ConfigTest, RefusesAGatewayNobodyMayCall) {
  constexpr absl::string_view kNoClients = R"pb(accounts {
                                                  name: "a"
                                                  mid: "1"
                                                  aid: "1"
                                                  portalid: "1"
                                                  mode: "test"
                                                  key_env: "SHOP_KEY"
                                                })pb";
  absl::StatusOr<Config> config =
      ParseConfig(kNoClients, "gw.textproto", FakeEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("allow_unauthenticated"));
}

TEST(ConfigTest, TlsNeedsCertAndKey) {
  std::string text(kValid);
  text += "tls { cert_file: \"c.pem\" require_client_cert: true }\n";
  absl::StatusOr<Config> config = ParseConfig(text, "gw.textproto", FakeEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("needs both cert_file"));
  EXPECT_THAT(config.status().message(), HasSubstr("client_ca_file"));
}

TEST(ConfigTest, MissingFileIsNamed) {
  absl::StatusOr<Config> config =
      LoadConfig("/nonexistent/gw.textproto", FakeEnv());
  EXPECT_THAT(config.status().message(),
              HasSubstr("/nonexistent/gw.textproto"));
}

TEST(ConfigTest, TheExampleInTheReadmeLoads) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  ASSERT_NE(srcdir, nullptr);
  auto env = [](absl::string_view name) -> std::optional<std::string> {
    if (absl::StartsWith(name, "PAYONE_KEY_") ||
        absl::StartsWith(name, "GATEWAY_TOKEN_")) {
      return absl::StrCat("value-of-", name);
    }
    return std::nullopt;
  };
  absl::StatusOr<Config> config = LoadConfig(
      absl::StrCat(srcdir, "/payone_gateway/service/config/example.textproto"),
      env);
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->accounts.size(), 2u);
  EXPECT_EQ(config->clients.size(), 2u);
  EXPECT_EQ(
      ConfigDuration(config->file,
                     gateway::v1::GatewayConfig::kShutdownGraceFieldNumber),
      absl::Seconds(15));
}

}  // namespace
}  // namespace payone::service

namespace payone::service {
namespace {

EnvLookup LedgerEnv() {
  return [](absl::string_view name) -> std::optional<std::string> {
    if (name == "SHOP_KEY") return "portal-secret";
    if (name == "LEDGER_DSN") return "host=db password=hunter2";
    return std::nullopt;
  };
}

constexpr absl::string_view kAccount = R"(
  allow_unauthenticated: true
  accounts {
    name: "shop-de" mid: "12345" aid: "54321" portalid: "2012345"
    mode: "test" key_env: "SHOP_KEY"
  }
)";

TEST(ConfigLedgerTest, NoLedgerByDefault) {
  auto config = ParseConfig(kAccount, "gw.textproto", LedgerEnv());
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_FALSE(config->file.has_ledger());
  EXPECT_FALSE(config->file.has_notifications());
  const AccountSettings& account = config->accounts.at("shop-de");
  EXPECT_EQ(account.notification_key_md5,
            HexDigest(DigestAlgorithm::kMd5, "portal-secret"));
}

TEST(ConfigLedgerTest, PostgresConninfoComesFromTheEnvironment) {
  auto config = ParseConfig(absl::StrCat(kAccount, R"(
        ledger { postgres_conninfo_env: "LEDGER_DSN" postgres_pool_size: 3 }
        notifications {
          listen_address: "127.0.0.1:0"
          forward_urls: "https://shop.example/payone"
        })"),
                            "gw.textproto", LedgerEnv());
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->ledger_postgres_conninfo, "host=db password=hunter2");
  EXPECT_EQ(config->file.ledger().postgres_pool_size(), 3u);
  EXPECT_TRUE(config->file.has_notifications());
}

TEST(ConfigLedgerTest, ReceiverProblemsAreAllReported) {
  auto config = ParseConfig(absl::StrCat(kAccount, R"(
        ledger { postgres_conninfo_env: "MISSING_DSN" }
        notifications { forward_urls: "ftp://x" tls { cert_file: "c" } })"),
                            "gw.textproto", LedgerEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(
      config.status().message(),
      AllOf(HasSubstr("MISSING_DSN"), HasSubstr("notifications.listen_address"),
            HasSubstr("notifications.tls"),
            HasSubstr("notifications.forward_urls[0]")));
}

absl::Duration Retention(const Config& config) {
  return ConfigDuration(config.file.ledger(),
                        gateway::v1::Ledger::kNotificationRetentionFieldNumber);
}

TEST(ConfigLedgerTest, NotificationRetentionDefaultsToThirtyDays) {
  auto config =
      ParseConfig(absl::StrCat(kAccount, R"(ledger { sqlite_path: "l.db" })"),
                  "gw.textproto", LedgerEnv());
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(Retention(*config), absl::Hours(24 * 30));
  config = ParseConfig(absl::StrCat(kAccount, R"(ledger {
        sqlite_path: "l.db" notification_retention { seconds: 86400 } })"),
                       "gw.textproto", LedgerEnv());
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(Retention(*config), absl::Hours(24));
  config = ParseConfig(absl::StrCat(kAccount, R"(ledger {
        sqlite_path: "l.db" notification_retention { seconds: -1 } })"),
                       "gw.textproto", LedgerEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              HasSubstr("ledger.notification_retention"));
}

TEST(ConfigLedgerTest, ReceiverNeedsALedger) {
  auto config = ParseConfig(
      absl::StrCat(kAccount,
                   R"(notifications { listen_address: "127.0.0.1:0" })"),
      "gw.textproto", LedgerEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("needs a ledger"));
}

}  // namespace
}  // namespace payone::service

namespace payone::service {
namespace {

// Every default lives on its field: each Duration has a (default_duration)
// that parses, so ConfigDuration never falls back to zero.
void ExpectDurationDefaults(const google::protobuf::Descriptor* message) {
  for (int i = 0; i < message->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = message->field(i);
    if (field->message_type() == google::protobuf::Duration::descriptor()) {
      absl::Duration parsed;
      EXPECT_TRUE(absl::ParseDuration(
          field->options().GetExtension(gateway::v1::default_duration),
          &parsed))
          << field->full_name();
      EXPECT_GT(parsed, absl::ZeroDuration()) << field->full_name();
    } else if (field->message_type() != nullptr &&
               field->message_type()->file() == message->file()) {
      ExpectDurationDefaults(field->message_type());
    }
  }
}

TEST(ConfigDefaultsTest, EveryDurationDeclaresItsDefault) {
  ExpectDurationDefaults(gateway::v1::GatewayConfig::descriptor());
  const Config unset;
  EXPECT_EQ(ConfigDuration(unset.file.upstream(),
                           gateway::v1::Upstream::kRequestTimeoutFieldNumber),
            absl::Seconds(60));
  EXPECT_EQ(unset.file.upstream().max_connections(), 64u);
  EXPECT_EQ(unset.file.ledger().threads(), 4u);
}

TEST(ConfigDefaultsTest, AnExplicitZeroIsRefusedWhereItMeansNothing) {
  auto config = ParseConfig(absl::StrCat(kAccount, R"(
        upstream { max_connections: 0 request_timeout { seconds: 0 } })"),
                            "gw.textproto", LedgerEnv());
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(),
              AllOf(HasSubstr("gw.textproto:8:20: upstream.max_connections: "
                              "must be at least 1"),
                    HasSubstr("upstream.request_timeout: must be a positive "
                              "duration")));
}

TEST(ConfigDefaultsTest, TheDevelopmentConfigurationLoads) {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  ASSERT_NE(srcdir, nullptr);
  auto config = LoadConfig(
      absl::StrCat(srcdir, "/payone_gateway/service/config/dev.textproto"),
      [](absl::string_view name) -> std::optional<std::string> {
        if (name == "PAYONE_DEMO_KEY") return "demo-portal-key";
        if (name == "PAYONE_DEMO_SAQ_KEY") return "demo-saq-portal-key";
        return std::nullopt;
      });
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->accounts.at("demo-saq").file.card_data(),
            gateway::v1::PSEUDO_CARD_PAN_ONLY);
  EXPECT_TRUE(config->file.allow_unauthenticated());
  EXPECT_EQ(config->file.listen_address(), "127.0.0.1:50051");
}

}  // namespace
}  // namespace payone::service
