// The floor of forwarding a Preauthorize on this stack, for bench/ledger.py:
// the gateway's gRPC service (payone/v1/gateway.payone_service.h, the same
// request parsing on an arena) answering with a fixed response, with none of
// the gateway's own work (no codec, ledger, interceptor, call log, metrics).
// Each --mode adds one piece of the gateway's path:
//   inline    Finish on the gRPC thread that runs the method.
//   handoff   Finish on a thread of an Asio io_context (as many threads as
//             the upstream client's default), as the gateway does when
//             PAYONE's answer arrives.
//   upstream  POST --upstream_body_file to --upstream_url through the
//             gateway's upstream client (its default settings) and Finish
//             on the thread the answer arrives on.
//
//   forwarding_floor_server --mode=upstream \
//       --upstream_url=http://127.0.0.1:8080/post-gateway/ \
//       --upstream_body_file=body.form
//
// Prints "port=N" once it listens; stops on SIGINT or SIGTERM.
#include <pthread.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/string_view.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/grpcpp.h"
#include "grpcpp/health_check_service_interface.h"
#include "payone/v1/gateway.payone_service.h"
#include "payone/v1/gateway.pb.h"
#include "payone/v1/responses.pb.h"
#include "service/config/gateway_config.pb.h"
#include "service/upstream/http_client.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:0", "gRPC address (port 0: any)");
ABSL_FLAG(std::string, mode, "inline", "inline, handoff or upstream");
ABSL_FLAG(std::string, upstream_url, "",
          "upstream: where the form body is POSTed (the simulator)");
ABSL_FLAG(std::string, upstream_body_file, "",
          "upstream: the form body (//bench:form_body's output)");

namespace {

namespace asio = boost::asio;
using payone::service::HttpClient;
using payone::service::HttpResult;

enum class Mode { kInline, kHandoff, kUpstream };

// Deletes itself when the call ends. Its reactions do not block, so gRPC
// may run them where the call completes, as the gateway's ForwardReactor
// asks too: this floor pays what the gateway pays.
class FixedReactor final : public grpc::ServerUnaryReactor {
 public:
  void OnDone() override { delete this; }
  bool InternalInlineable() override { return true; }
};

// The answer the gateway would give for the simulator's approval.
template <typename Resp>
void SetFixedAnswer(Resp* response) {
  if constexpr (std::is_same_v<Resp, payone::v1::PreauthorizationResponse>) {
    response->set_status(payone::v1::STATUS_APPROVED);
    response->set_txid("100000001");
    response->set_userid("200000001");
  }
}

// Stands where the gateway's PaymentForwarder stands behind the generated
// service; every method gets the same treatment.
class FloorForwarder {
 public:
  FloorForwarder(Mode mode, asio::io_context* handoff, HttpClient* upstream,
                 std::string upstream_body)
      : mode_(mode),
        handoff_(handoff),
        upstream_(upstream),
        upstream_body_(std::move(upstream_body)) {}

  template <typename Req, typename Resp>
  grpc::ServerUnaryReactor* Forward(grpc::CallbackServerContext* /*context*/,
                                    const Req* /*request*/, Resp* response,
                                    absl::string_view /*method*/) {
    auto* reactor = new FixedReactor;
    switch (mode_) {
      case Mode::kInline:
        SetFixedAnswer(response);
        reactor->Finish(grpc::Status::OK);
        break;
      case Mode::kHandoff:
        asio::post(*handoff_, [reactor, response] {
          SetFixedAnswer(response);
          reactor->Finish(grpc::Status::OK);
        });
        break;
      case Mode::kUpstream:
        upstream_->Post(
            upstream_body_, absl::Now() + absl::Seconds(10),
            [reactor, response](HttpResult result) {
              if (!result.status.ok() || result.http_status != 200) {
                reactor->Finish(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                             "the upstream exchange failed"));
                return;
              }
              SetFixedAnswer(response);
              reactor->Finish(grpc::Status::OK);
            });
        break;
    }
    return reactor;
  }

 private:
  const Mode mode_;
  asio::io_context* handoff_;
  HttpClient* upstream_;
  const std::string upstream_body_;
};

int Fail(const std::string& message) {
  std::fprintf(stderr, "forwarding_floor_server: %s\n", message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "payone.v1.PayoneGateway with a fixed answer: the floor under the "
      "gateway's CPU per call (bench/ledger.py).");
  absl::ParseCommandLine(argc, argv);
  // Every thread started from here on leaves the stop signals to sigwait.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  const std::string mode_name = absl::GetFlag(FLAGS_mode);
  Mode mode;
  if (mode_name == "inline") {
    mode = Mode::kInline;
  } else if (mode_name == "handoff") {
    mode = Mode::kHandoff;
  } else if (mode_name == "upstream") {
    mode = Mode::kUpstream;
  } else {
    return Fail("--mode must be inline, handoff or upstream");
  }

  // The gateway's defaults: the configuration's `upstream` section unset
  // but for its URL.
  payone::gateway::v1::Upstream upstream_config;
  std::unique_ptr<HttpClient> upstream;
  std::string upstream_body;
  if (mode == Mode::kUpstream) {
    upstream_config.set_url(absl::GetFlag(FLAGS_upstream_url));
    std::ifstream in(absl::GetFlag(FLAGS_upstream_body_file), std::ios::binary);
    if (!in) return Fail("cannot read --upstream_body_file");
    std::stringstream body;
    body << in.rdbuf();
    upstream_body = body.str();
    auto client = HttpClient::Create(upstream_config);
    if (!client.ok()) return Fail(std::string(client.status().message()));
    upstream = *std::move(client);
  }

  asio::io_context handoff;
  auto handoff_work = asio::make_work_guard(handoff);
  std::vector<std::thread> handoff_threads;
  if (mode == Mode::kHandoff) {
    for (uint32_t i = 0; i < upstream_config.io_threads(); ++i) {
      handoff_threads.emplace_back([&handoff] { handoff.run(); });
    }
  }

  FloorForwarder forwarder(mode, &handoff, upstream.get(),
                           std::move(upstream_body));
  payone::v1::PayoneGatewayForwarding<FloorForwarder> service(&forwarder);
  // The gateway's server otherwise: a health service, and reflection (ghz
  // without --proto asks for the method), which needs gateway.proto's
  // descriptor linked in.
  static const void* volatile linked_descriptor =
      &descriptor_table_payone_2fv1_2fgateway_2eproto;
  (void)linked_descriptor;
  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  int port = 0;
  grpc::ServerBuilder builder;
  builder.AddListeningPort(absl::GetFlag(FLAGS_listen),
                           grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) return Fail("cannot listen");
  std::printf("forwarding_floor_server mode=%s port=%d\n", mode_name.c_str(),
              port);
  std::fflush(stdout);

  int signal_number = 0;
  sigwait(&stop_signals, &signal_number);
  server->Shutdown(absl::ToChronoTime(absl::Now() + absl::Seconds(2)));
  handoff_work.reset();
  for (std::thread& thread : handoff_threads) thread.join();
  return 0;
}
