#include "service/config/config.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/types/span.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/time_util.h"
#include "service/config/hex_digest.h"

namespace payone::service {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::TextFormat;
using ::payone::gateway::v1::GatewayConfig;

// One step of a field path: accounts[1] is {"accounts", 1}.
struct Step {
  absl::string_view field;
  int index = -1;
};

// Collects problems, each placed at the closest line the text has for it.
class Problems {
 public:
  Problems(absl::string_view file, const TextFormat::ParseInfoTree* tree)
      : file_(file), tree_(tree) {}

  void Add(absl::Span<const Step> path, absl::string_view what) {
    std::string field;
    int line = -1;
    int column = -1;
    const Descriptor* descriptor = GatewayConfig::descriptor();
    const TextFormat::ParseInfoTree* tree = tree_;
    for (const Step& step : path) {
      if (!field.empty()) field += '.';
      absl::StrAppend(&field, step.field);
      if (step.index >= 0) absl::StrAppend(&field, "[", step.index, "]");
      const FieldDescriptor* fd =
          descriptor == nullptr
              ? nullptr
              : descriptor->FindFieldByName(std::string(step.field));
      if (fd == nullptr || tree == nullptr) continue;
      // ParseInfoTree dies on an index that does not fit the field's
      // label; a repeated field named as a whole (clients[1].accounts) is
      // placed at its first value.
      const int index = fd->is_repeated() ? std::max(step.index, 0) : -1;
      const auto location = tree->GetLocation(fd, index);
      if (location.line >= 0) {
        line = location.line;
        column = location.column;
      }
      tree = fd->message_type() != nullptr ? tree->GetTreeForNested(fd, index)
                                           : nullptr;
      descriptor = fd->message_type();
    }
    std::string where(file_);
    if (line >= 0) absl::StrAppend(&where, ":", line + 1, ":", column + 1);
    list_.push_back(absl::StrCat(where, ": ", field, ": ", what));
  }
  void AddRaw(std::string problem) { list_.push_back(std::move(problem)); }

  bool empty() const { return list_.empty(); }
  absl::Status ToStatus() const {
    return absl::InvalidArgumentError(absl::StrJoin(list_, "\n"));
  }

 private:
  std::string file_;
  const TextFormat::ParseInfoTree* tree_;
  std::vector<std::string> list_;
};

class CollectErrors : public google::protobuf::io::ErrorCollector {
 public:
  CollectErrors(absl::string_view file, Problems* problems)
      : file_(file), problems_(problems) {}
  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    problems_->AddRaw(
        absl::StrCat(file_, ":", line + 1, ":", column + 1, ": ", message));
  }

 private:
  std::string file_;
  Problems* problems_;
};

bool AllDigits(absl::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return absl::ascii_isdigit(c);
  });
}

std::optional<std::string> ReadSecretFile(const std::string& path,
                                          const FileLookup& files) {
  std::optional<std::string> content = files(path);
  if (!content.has_value()) return std::nullopt;
  return std::string(absl::StripTrailingAsciiWhitespace(*content));
}

// Reads a secret from an environment variable or a file; nullopt with a
// problem added when it cannot. The secret itself never enters a message.
std::optional<std::string> ReadSecret(
    const std::string& env_name, const std::string& file,
    std::initializer_list<Step> env_path, std::initializer_list<Step> file_path,
    const EnvLookup& env, const FileLookup& files, Problems* problems) {
  if (!env_name.empty()) {
    std::optional<std::string> value = env(env_name);
    if (!value.has_value() || value->empty()) {
      problems->Add(env_path, absl::StrCat("environment variable ", env_name,
                                           " is not set or empty"));
      return std::nullopt;
    }
    return value;
  }
  std::optional<std::string> value = ReadSecretFile(file, files);
  if (!value.has_value() || value->empty()) {
    problems->Add(file_path,
                  absl::StrCat("cannot read a secret from file '", file, "'"));
    return std::nullopt;
  }
  return value;
}

absl::Duration ToDuration(const google::protobuf::Duration& value) {
  return absl::Seconds(value.seconds()) + absl::Nanoseconds(value.nanos());
}

// Every set Duration must be positive and every set count at least 1 (an
// unset one has its default), in `message` and the messages it holds.
void CheckPositive(const google::protobuf::Message& message,
                   std::vector<Step>* path, Problems* problems) {
  const google::protobuf::Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    if (field->is_repeated()) continue;
    path->push_back({field->name()});
    if (field->message_type() == google::protobuf::Duration::descriptor()) {
      if (ToDuration(static_cast<const google::protobuf::Duration&>(
              reflection->GetMessage(message, field))) <=
          absl::ZeroDuration()) {
        problems->Add(*path, "must be a positive duration");
      }
    } else if (field->message_type() != nullptr) {
      CheckPositive(reflection->GetMessage(message, field), path, problems);
    } else if (field->cpp_type() == FieldDescriptor::CPPTYPE_UINT32 &&
               reflection->GetUInt32(message, field) == 0) {
      problems->Add(*path, "must be at least 1");
    }
    path->pop_back();
  }
}

bool ValidAccountName(absl::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return absl::ascii_isalnum(c) || c == '-' || c == '_' || c == '.';
  });
}

}  // namespace

EnvLookup ProcessEnv() {
  return [](absl::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (value == nullptr) return std::nullopt;
    return std::string(value);
  };
}

absl::Duration ConfigDuration(const google::protobuf::Message& section,
                              int field_number) {
  const FieldDescriptor* field =
      section.GetDescriptor()->FindFieldByNumber(field_number);
  if (field == nullptr ||
      field->message_type() != google::protobuf::Duration::descriptor()) {
    return absl::ZeroDuration();
  }
  if (section.GetReflection()->HasField(section, field)) {
    return ToDuration(static_cast<const google::protobuf::Duration&>(
        section.GetReflection()->GetMessage(section, field)));
  }
  absl::Duration fallback;
  if (!absl::ParseDuration(
          field->options().GetExtension(payone::gateway::v1::default_duration),
          &fallback)) {
    return absl::ZeroDuration();
  }
  return fallback;
}

std::string MetricsAddress(const GatewayConfig& file) {
  return file.metrics_address() == "off" ? "" : file.metrics_address();
}

absl::StatusOr<Config> ParseConfig(absl::string_view text,
                                   absl::string_view file_name,
                                   const EnvLookup& env,
                                   const FileLookup& files,
                                   const AdjustConfig& adjust) {
  GatewayConfig proto;
  TextFormat::ParseInfoTree tree;
  Problems problems(file_name, &tree);
  CollectErrors errors(file_name, &problems);
  TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&tree);
  if (!parser.ParseFromString(std::string(text), &proto)) {
    return problems.ToStatus();
  }

  if (adjust) adjust(&proto);
  std::vector<Step> path;
  CheckPositive(proto, &path, &problems);
  if (proto.has_tls()) {
    const auto& tls = proto.tls();
    if (tls.cert_file().empty() || tls.key_file().empty()) {
      problems.Add({{"tls"}}, "needs both cert_file and key_file");
    }
    if (tls.require_client_cert() && tls.client_ca_file().empty()) {
      problems.Add({{"tls"}, {"require_client_cert"}},
                   "needs client_ca_file to verify client certificates");
    }
  }

  auto& upstream = *proto.mutable_upstream();
  if (!absl::StartsWith(upstream.url(), "https://") &&
      !absl::StartsWith(upstream.url(), "http://")) {
    problems.Add({{"upstream"}, {"url"}}, "must be an http:// or https:// URL");
  }
  if (!absl::StartsWith(upstream.client_api_url(), "https://") &&
      !absl::StartsWith(upstream.client_api_url(), "http://")) {
    problems.Add({{"upstream"}, {"client_api_url"}},
                 "must be an http:// or https:// URL");
  }
  if (!absl::EndsWith(upstream.client_api_url(), "/")) {
    upstream.set_client_api_url(absl::StrCat(upstream.client_api_url(), "/"));
  }

  Config config;
  if (proto.accounts().empty()) {
    problems.AddRaw(absl::StrCat(file_name,
                                 ": accounts: at least one PAYONE "
                                 "account is needed"));
  }
  for (int i = 0; i < proto.accounts_size(); ++i) {
    const auto& a = proto.accounts(i);
    AccountSettings account;
    account.file = a;
    if (!ValidAccountName(a.name())) {
      problems.Add(
          {{"accounts", i}, {"name"}},
          "must be a non-empty name of letters, digits, '-', '_', '.'");
    } else if (config.accounts.contains(a.name())) {
      problems.Add({{"accounts", i}, {"name"}},
                   absl::StrCat("account '", a.name(), "' is defined twice"));
    }
    for (const auto& [value, name, size] :
         {std::tuple{a.mid(), "mid", 5}, std::tuple{a.aid(), "aid", 5},
          std::tuple{a.portalid(), "portalid", 7}}) {
      if (!AllDigits(value) || value.size() > static_cast<size_t>(size)) {
        problems.Add({{"accounts", i}, {name}},
                     absl::StrCat("must be PAYONE's ", name, ": 1 to ", size,
                                  " digits"));
      }
    }
    if (a.mode() != "test" && a.mode() != "live") {
      problems.Add({{"accounts", i}, {"mode"}}, "must be \"test\" or \"live\"");
    }
    if (a.encoding() == "UTF-8") {
      account.charset = codec::Charset::kUtf8;
    } else if (a.encoding() == "ISO-8859-1") {
      account.charset = codec::Charset::kLatin1;
    } else {
      problems.Add({{"accounts", i}, {"encoding"}},
                   "must be \"UTF-8\" or \"ISO-8859-1\"");
    }
    if (a.key_source_case() ==
        payone::gateway::v1::Account::KEY_SOURCE_NOT_SET) {
      problems.Add({{"accounts", i}},
                   "needs key_env or key_file naming the portal key");
    } else if (std::optional<std::string> key = ReadSecret(
                   a.key_env(), a.key_file(), {{"accounts", i}, {"key_env"}},
                   {{"accounts", i}, {"key_file"}}, env, files, &problems)) {
      account.key_digest = HexDigest(
          a.legacy_md5_key() ? DigestAlgorithm::kMd5 : DigestAlgorithm::kSha384,
          *key);
      account.notification_key_md5 = HexDigest(DigestAlgorithm::kMd5, *key);
      account.notification_key_sha384 =
          HexDigest(DigestAlgorithm::kSha384, *key);
      account.portal_key = *key;
    }
    config.accounts.emplace(a.name(), std::move(account));
  }

  for (int i = 0; i < proto.clients_size(); ++i) {
    const auto& c = proto.clients(i);
    ClientSettings client;
    client.name = c.name().empty() ? absl::StrCat("client-", i) : c.name();
    switch (c.token_source_case()) {
      case payone::gateway::v1::Client::kTokenSha256:
        if (c.token_sha256().size() != 64 ||
            !std::all_of(c.token_sha256().begin(), c.token_sha256().end(),
                         [](char ch) { return absl::ascii_isxdigit(ch); })) {
          problems.Add({{"clients", i}, {"token_sha256"}},
                       "must be 64 hex digits");
        }
        client.token_sha256 = absl::AsciiStrToLower(c.token_sha256());
        break;
      case payone::gateway::v1::Client::TOKEN_SOURCE_NOT_SET:
        problems.Add({{"clients", i}},
                     "needs token_env, token_file or token_sha256");
        break;
      default:
        if (std::optional<std::string> token = ReadSecret(
                c.token_env(), c.token_file(), {{"clients", i}, {"token_env"}},
                {{"clients", i}, {"token_file"}}, env, files, &problems)) {
          client.token_sha256 = HexDigest(DigestAlgorithm::kSha256, *token);
        }
    }
    if (c.accounts().empty()) {
      problems.Add({{"clients", i}, {"accounts"}},
                   "name the accounts this client may use (or \"*\")");
    }
    for (int j = 0; j < c.accounts_size(); ++j) {
      const std::string& name = c.accounts(j);
      if (name == "*") {
        client.all_accounts = true;
      } else if (!config.accounts.contains(name)) {
        problems.Add({{"clients", i}, {"accounts", j}},
                     absl::StrCat("no account is named '", name, "'"));
      } else {
        client.accounts.insert(name);
      }
    }
    config.clients.push_back(std::move(client));
  }
  const auto& ledger = proto.ledger();
  switch (ledger.backend_case()) {
    case payone::gateway::v1::Ledger::kSqlitePath:
      break;
    case payone::gateway::v1::Ledger::BACKEND_NOT_SET:
      if (proto.has_ledger()) {
        problems.Add({{"ledger"}},
                     "needs sqlite_path, postgres_conninfo_env or "
                     "postgres_conninfo_file");
      }
      break;
    default:
      if (std::optional<std::string> conninfo = ReadSecret(
              ledger.postgres_conninfo_env(), ledger.postgres_conninfo_file(),
              {{"ledger"}, {"postgres_conninfo_env"}},
              {{"ledger"}, {"postgres_conninfo_file"}}, env, files,
              &problems)) {
        config.ledger_postgres_conninfo = *std::move(conninfo);
      }
  }

  if (proto.has_notifications()) {
    const auto& notifications = proto.notifications();
    if (!proto.has_ledger()) {
      problems.Add({{"notifications"}},
                   "needs a ledger to store notifications in");
    }
    if (notifications.listen_address().empty()) {
      problems.Add({{"notifications"}, {"listen_address"}},
                   "is required (e.g. \"0.0.0.0:8443\")");
    }
    if (notifications.has_tls() && (notifications.tls().cert_file().empty() ||
                                    notifications.tls().key_file().empty())) {
      problems.Add({{"notifications"}, {"tls"}},
                   "needs both cert_file and key_file");
    }
    for (int i = 0; i < notifications.forward_urls_size(); ++i) {
      const std::string& url = notifications.forward_urls(i);
      if (!absl::StartsWith(url, "https://") &&
          !absl::StartsWith(url, "http://")) {
        problems.Add({{"notifications"}, {"forward_urls", i}},
                     "must be an http:// or https:// URL");
      }
    }
  }

  if (config.clients.empty() && !proto.allow_unauthenticated()) {
    problems.AddRaw(absl::StrCat(
        file_name,
        ": clients: no client may call the gateway; configure clients or set "
        "allow_unauthenticated: true (local development only)"));
  }

  if (!problems.empty()) return problems.ToStatus();
  config.file = std::move(proto);
  return config;
}

std::optional<std::string> ReadFileContent(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

absl::StatusOr<Config> LoadConfig(const std::string& path, const EnvLookup& env,
                                  const AdjustConfig& adjust) {
  std::optional<std::string> text = ReadFileContent(path);
  if (!text.has_value()) {
    return absl::NotFoundError(
        absl::StrCat(path, ": cannot read the configuration file"));
  }
  return ParseConfig(*text, path, env, ReadFileContent, adjust);
}

}  // namespace payone::service
