#include "service/gateway/server.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "grpc/health/v1/health.pb.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "payone/v1/check_requests.payone.h"
#include "payone/v1/gateway.payone_service.h"
#include "payone/v1/gateway.pb.h"
#include "payone/v1/management_requests.payone.h"
#include "payone/v1/payment_requests.payone.h"
#include "payone/v1/responses.payone.h"
#include "service/config/live_config.h"
#include "service/gateway/call_interceptor.h"
#include "service/gateway/client_api_service.h"
#include "service/gateway/metrics.h"
#include "service/gateway/payment_forwarder.h"
#include "service/ledger/ledger.h"
#include "service/ledger/ledger_service.h"
#include "service/notifications/notification_forwarder.h"
#include "service/notifications/receiver.h"
#include "service/store/forward_queue.h"
#include "service/store/ledger_database.h"
#include "service/store/notification_retention.h"

namespace payone::service {
namespace {

using ::payone::gateway::v1::GatewayConfig;

absl::StatusOr<std::string> ReadFile(const std::string& path,
                                     absl::string_view what) {
  std::optional<std::string> content = ReadFileContent(path);
  if (!content.has_value()) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot read ", what, " '", path, "'"));
  }
  return *std::move(content);
}

absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> ListenerCredentials(
    const GatewayConfig& config) {
  if (!config.has_tls()) return grpc::InsecureServerCredentials();
  const auto& tls = config.tls();
  grpc::SslServerCredentialsOptions options;
  auto cert = ReadFile(tls.cert_file(), "tls.cert_file");
  if (!cert.ok()) return cert.status();
  auto key = ReadFile(tls.key_file(), "tls.key_file");
  if (!key.ok()) return key.status();
  options.pem_key_cert_pairs.push_back({*key, *cert});
  if (!tls.client_ca_file().empty()) {
    auto ca = ReadFile(tls.client_ca_file(), "tls.client_ca_file");
    if (!ca.ok()) return ca.status();
    options.pem_root_certs = *ca;
    options.client_certificate_request =
        tls.require_client_cert()
            ? GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY
            : GRPC_SSL_REQUEST_CLIENT_CERTIFICATE_AND_VERIFY;
  }
  return grpc::SslServerCredentials(options);
}

absl::StatusOr<std::unique_ptr<LedgerDatabase>> OpenLedgerDatabase(
    const Config& config) {
  absl::StatusOr<std::unique_ptr<LedgerDatabase>> store;
  const auto& ledger = config.file.ledger();
  switch (ledger.backend_case()) {
    case payone::gateway::v1::Ledger::BACKEND_NOT_SET:
      return nullptr;
    case payone::gateway::v1::Ledger::kSqlitePath:
      store = OpenSqliteLedger(ledger.sqlite_path());
      break;
    default:
      store = OpenPostgresLedger(config.ledger_postgres_conninfo,
                                 ledger.postgres_pool_size());
      break;
  }
  if (!store.ok()) {
    return absl::Status(store.status().code(),
                        absl::StrCat("cannot open the payment ledger: ",
                                     store.status().message()));
  }
  return store;
}

std::vector<NotificationAccount> NotificationAccounts(const Config& config) {
  std::vector<NotificationAccount> accounts;
  for (const auto& [name, account] : config.accounts) {
    accounts.push_back({name, account.file.portalid(), account.file.aid(),
                        account.notification_key_md5,
                        account.notification_key_sha384});
  }
  return accounts;
}

}  // namespace

struct GatewayServer::Impl {
  explicit Impl(Config initial) : config(std::move(initial)) {}
  LiveConfig config;
  // Declared before everything that uses them, so destroyed after.
  std::unique_ptr<LedgerDatabase> store;
  std::unique_ptr<ForwardQueue> forward_queue;
  std::unique_ptr<Ledger> ledger;
  std::unique_ptr<NotificationRetentionSweeper> retention;
  std::unique_ptr<HttpClient> upstream;
  std::unique_ptr<GatewayMetrics> metrics;
  std::unique_ptr<MetricsEndpoint> metrics_endpoint;
  std::unique_ptr<PaymentForwarder> forwarder;
  std::unique_ptr<payone::v1::PayoneGatewayForwarding<PaymentForwarder>>
      service;
  std::unique_ptr<LedgerService> ledger_service;
  std::unique_ptr<ClientApiService> client_api_service;
  std::unique_ptr<NotificationForwarder> notification_forwarder;
  std::unique_ptr<NotificationReceiver> receiver;
  std::unique_ptr<grpc::Server> server;
  int port = 0;
};

namespace {

// The ledger's group commit: how many writes share a commit, and how many
// a full queue refused.
void AddLedgerMetrics(GatewayServer::Impl& impl) {
  using Counter = GatewayMetrics::ScrapedCounter;
  LedgerDatabase* database = impl.store.get();
  impl.metrics->AddScrapedCounter(
      "payone_gateway_ledger_writes_total",
      "Ledger writes (admissions, outcomes, notifications) by result: "
      "committed, failed (the database), or refused (the write queue was "
      "full).",
      [database] {
        const LedgerDatabase::Stats stats = database->stats();
        return std::vector<Counter>{
            {{{"result", "committed"}}, static_cast<double>(stats.items)},
            {{{"result", "failed"}}, static_cast<double>(stats.failed)},
            {{{"result", "refused"}}, static_cast<double>(stats.refused)}};
      });
  NotificationRetentionSweeper* retention = impl.retention.get();
  impl.metrics->AddScrapedCounter(
      "payone_gateway_notifications_redacted_total",
      "Stored notifications whose sensitive fields were redacted after "
      "ledger.notification_retention.",
      [retention] {
        return std::vector<Counter>{
            {{}, static_cast<double>(retention->redacted())}};
      });
  impl.metrics->AddScrapedCounter(
      "payone_gateway_ledger_commits_total",
      "Ledger transactions committed; writes_total / commits_total is the "
      "mean group-commit size.",
      [database] {
        return std::vector<Counter>{
            {{}, static_cast<double>(database->stats().batches)}};
      });
}

// The receiver's and the forwarder's counts, read at every scrape.
void AddNotificationMetrics(GatewayServer::Impl& impl) {
  using Counter = GatewayMetrics::ScrapedCounter;
  NotificationReceiver* receiver = impl.receiver.get();
  impl.metrics->AddScrapedCounter(
      "payone_gateway_notifications_total",
      "TransactionStatus notifications by result (stored, duplicate, refused) "
      "and refusal reason.",
      [receiver] {
        const NotificationStats stats = receiver->Stats();
        std::vector<Counter> samples = {
            {{{"result", "stored"}}, static_cast<double>(stats.stored)},
            {{{"result", "duplicate"}}, static_cast<double>(stats.duplicate)}};
        for (const auto& [reason, count] : stats.refused) {
          samples.push_back({{{"result", "refused"}, {"reason", reason}},
                             static_cast<double>(count)});
        }
        return samples;
      });
  impl.metrics->AddScrapedCounter(
      "payone_gateway_notifications_undecoded_total",
      "Signed notifications the model could not decode, stored raw and "
      "answered TSOK (also counted as stored).",
      [receiver] {
        return std::vector<Counter>{
            {{}, static_cast<double>(receiver->Stats().undecoded)}};
      });
  impl.metrics->AddScrapedCounter(
      "payone_gateway_notifications_unexpected_content_type_total",
      "Notification requests whose Content-Type was missing or not "
      "application/x-www-form-urlencoded (judged by their body all the same).",
      [receiver] {
        return std::vector<Counter>{
            {{},
             static_cast<double>(receiver->Stats().unexpected_content_type)}};
      });
  NotificationForwarder* forwarder = impl.notification_forwarder.get();
  if (forwarder == nullptr) return;
  impl.metrics->AddScrapedCounter(
      "payone_gateway_notification_forwards_total",
      "Re-POSTs of notifications to forward_urls by result.", [forwarder] {
        const ForwarderStats stats = forwarder->Stats();
        return std::vector<Counter>{
            {{{"result", "delivered"}}, static_cast<double>(stats.delivered)},
            {{{"result", "failed"}},
             static_cast<double>(stats.failed_attempts)}};
      });
}

}  // namespace

absl::StatusOr<std::unique_ptr<GatewayServer>> GatewayServer::Start(
    Config config, CallLogger* logger) {
  auto impl = std::make_unique<Impl>(std::move(config));
  // Everything but accounts and clients is read once, here.
  const std::shared_ptr<const Config> initial = impl->config.Get();
  const Config& c = *initial;
  const GatewayConfig& file = c.file;

  auto store = OpenLedgerDatabase(c);
  if (!store.ok()) return store.status();
  impl->store = *std::move(store);
  if (impl->store != nullptr) {
    impl->ledger =
        std::make_unique<Ledger>(impl->store.get(), file.ledger().threads());
    impl->forward_queue = std::make_unique<ForwardQueue>(impl->store.get());
    // A tenth of the retention, between a second and an hour: redaction is
    // never much later than due, and costs nothing when nothing is due.
    const absl::Duration retention = ConfigDuration(
        file.ledger(),
        payone::gateway::v1::Ledger::kNotificationRetentionFieldNumber);
    impl->retention = std::make_unique<NotificationRetentionSweeper>(
        impl->store.get(), retention,
        std::clamp(retention / 10, absl::Seconds(1), absl::Hours(1)));
  }

  auto upstream = HttpClient::Create(file.upstream());
  if (!upstream.ok()) return upstream.status();
  impl->upstream = *std::move(upstream);

  HttpClient* client = impl->upstream.get();
  impl->metrics =
      std::make_unique<GatewayMetrics>([client] { return client->Stats(); });
  if (impl->store != nullptr) AddLedgerMetrics(*impl);
  if (const std::string metrics_address = MetricsAddress(file);
      !metrics_address.empty()) {
    auto endpoint = MetricsEndpoint::Start(metrics_address, *impl->metrics);
    if (!endpoint.ok()) return endpoint.status();
    impl->metrics_endpoint = *std::move(endpoint);
  }
  impl->forwarder = std::make_unique<PaymentForwarder>(impl->config, client,
                                                       impl->ledger.get());
  impl->service =
      std::make_unique<payone::v1::PayoneGatewayForwarding<PaymentForwarder>>(
          impl->forwarder.get());
  impl->ledger_service =
      std::make_unique<LedgerService>(impl->config, impl->ledger.get());
  impl->client_api_service = std::make_unique<ClientApiService>(impl->config);

  auto credentials = ListenerCredentials(file);
  if (!credentials.ok()) return credentials.status();
  // Reflection describes services from the generated descriptor pool; these
  // references keep the descriptors of gateway.proto (which declares no
  // message, so nothing else pulls it in) and of grpc.health.v1 linked.
  static const void* volatile linked_descriptors[] = {
      &descriptor_table_payone_2fv1_2fgateway_2eproto,
      &descriptor_table_payone_2fv1_2fledger_2eproto,
      &descriptor_table_payone_2fv1_2fclient_5fapi_2eproto,
      grpc::health::v1::HealthCheckRequest::descriptor()};
  (void)linked_descriptors;
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  builder.AddListeningPort(file.listen_address(), *credentials, &impl->port);
  builder.RegisterService(impl->service.get());
  builder.RegisterService(impl->ledger_service.get());
  builder.RegisterService(impl->client_api_service.get());
  // Request id, call log and metrics of every payone.v1 call.
  std::vector<
      std::unique_ptr<grpc::experimental::ServerInterceptorFactoryInterface>>
      interceptors;
  interceptors.push_back(
      std::make_unique<CallInterceptorFactory>(impl->metrics.get(), logger));
  builder.experimental().SetInterceptorCreators(std::move(interceptors));
  impl->server = builder.BuildAndStart();
  if (impl->server == nullptr || impl->port == 0) {
    return absl::UnavailableError(
        absl::StrCat("cannot listen on ", file.listen_address()));
  }
  impl->server->GetHealthCheckService()->SetServingStatus(true);

  if (file.has_notifications() && impl->store != nullptr) {
    if (!file.notifications().forward_urls().empty()) {
      NotificationForwarderOptions forward_options;
      forward_options.log_sink = [logger](const std::string& line) {
        logger->WriteLine(line);
      };
      auto forwarder = NotificationForwarder::Start(std::move(forward_options),
                                                    impl->forward_queue.get());
      if (!forwarder.ok()) return forwarder.status();
      impl->notification_forwarder = *std::move(forwarder);
    }
    NotificationReceiverOptions options;
    options.config = file.notifications();
    options.log_sink = [logger](const std::string& line) {
      logger->WriteLine(line);
    };
    Impl* raw = impl.get();
    auto receiver = NotificationReceiver::Start(
        options, NotificationAccounts(c), impl->ledger->notifications(),
        [raw](int64_t) {
          raw->ledger_service->NotifyStored();
          if (raw->notification_forwarder)
            raw->notification_forwarder->Notify();
        });
    if (!receiver.ok()) {
      return absl::Status(
          receiver.status().code(),
          absl::StrCat("notifications: ", receiver.status().message()));
    }
    impl->receiver = *std::move(receiver);
    AddNotificationMetrics(*raw);
  }
  return std::unique_ptr<GatewayServer>(new GatewayServer(std::move(impl)));
}

GatewayServer::GatewayServer(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}

GatewayServer::~GatewayServer() {
  Shutdown(absl::ZeroDuration());
  Wait();
}

int GatewayServer::port() const { return impl_->port; }

int GatewayServer::notifications_port() const {
  return impl_->receiver ? impl_->receiver->port() : 0;
}

int GatewayServer::metrics_port() const {
  return impl_->metrics_endpoint ? impl_->metrics_endpoint->port() : 0;
}

void GatewayServer::Shutdown(absl::Duration grace) {
  impl_->server->GetHealthCheckService()->SetServingStatus(false);
  // Notifications not yet answered TSOK are retried by PAYONE.
  if (impl_->receiver) impl_->receiver->Shutdown();
  if (impl_->notification_forwarder) impl_->notification_forwarder->Stop();
  // Watch streams never end by themselves.
  impl_->ledger_service->Shutdown();
  if (impl_->retention) impl_->retention->Stop();
  impl_->server->Shutdown(absl::ToChronoTime(absl::Now() + grace));
}

void GatewayServer::Wait() { impl_->server->Wait(); }

absl::StatusOr<std::vector<std::string>> GatewayServer::Reload(Config next) {
  Reloaded reloaded = MergeReload(*impl_->config.Get(), std::move(next));
  // The receiver first: if it refuses, nothing has changed.
  if (impl_->receiver) {
    absl::Status status =
        impl_->receiver->SetAccounts(NotificationAccounts(reloaded.config));
    if (!status.ok()) return status;
  }
  impl_->config.Set(std::make_shared<const Config>(std::move(reloaded.config)));
  return std::move(reloaded.needs_restart);
}

}  // namespace payone::service
