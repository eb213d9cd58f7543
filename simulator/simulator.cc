#include "simulator/simulator.h"

#include <map>
#include <optional>
#include <utility>

#include "absl/random/random.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/synchronization/mutex.h"
#include "codec/runtime/form.h"
#include "service/net/url.h"
#include "simulator/client_api/assets.h"
#include "simulator/http_server.h"
#include "simulator/processor.h"
#include "simulator/wire.h"

namespace payone::simulator {

struct Simulator::Impl {
  std::function<void(const std::string&)> request_log;
  std::string host;  // how clients reach this server
  std::unique_ptr<Notifier> notifier;
  std::unique_ptr<Processor> processor;
  Faults faults;
  std::unique_ptr<HttpServer> server;
  absl::Mutex random_mu;
  absl::BitGen random ABSL_GUARDED_BY(random_mu);

  HttpResponse Handle(const HttpRequest& request);
  HttpResponse PostGateway(const HttpRequest& request);
  HttpResponse Redirect(const HttpRequest& request);
  HttpResponse ClientApi(const HttpRequest& request);
  HttpResponse Event(absl::string_view path, const HttpRequest& request);
};

namespace {

constexpr char kGatewayPath[] = "/post-gateway/";
// The status of the unknown_status fault: no version of the model knows it.
constexpr char kUnknownStatus[] = "NEWER_THAN_THE_MODEL";

HttpResponse Plain(int status, std::string body) {
  HttpResponse response;
  response.status = status;
  response.content_type = "text/html";
  response.body = std::move(body);
  return response;
}

HttpResponse Asset(const char* content_type, const char* body) {
  HttpResponse response;
  response.content_type = content_type;
  response.body = body;
  return response;
}

// A JSONP callback name: a JavaScript identifier path ("cb", "a.b_1").
bool IsCallbackName(absl::string_view name) {
  if (name.empty() || name.size() > 128) return false;
  for (char c : name) {
    if (!absl::ascii_isalnum(c) && c != '_' && c != '$' && c != '.') {
      return false;
    }
  }
  return !absl::ascii_isdigit(name[0]);
}

// The decoded parameters of a GET's query string.
std::map<std::string, std::string> QueryOf(const HttpRequest& request) {
  std::map<std::string, std::string> query;
  const size_t start = request.target.find('?');
  if (start == std::string::npos) return query;
  for (absl::string_view pair : absl::StrSplit(
           absl::string_view(request.target).substr(start + 1), '&')) {
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(pair, absl::MaxSplits('=', 1));
    auto value = codec::FormDecode(kv.second);
    if (value.ok()) query[std::string(kv.first)] = *std::move(value);
  }
  return query;
}

HttpResponse Render(const Answer& answer, const Params& params, bool json) {
  HttpResponse response;
  if (!answer.binary_type.empty() && !answer.IsError()) {
    response.content_type = answer.binary_type;
    response.body = answer.binary;
  } else if (json || answer.json_only) {
    response.content_type = "application/json";
    response.body = RenderJson(answer, params.Get("encoding"));
  } else {
    response.content_type = params.utf8() ? "text/plain; charset=UTF-8"
                                          : "text/plain; charset=ISO-8859-1";
    response.body = RenderLines(answer, params.utf8());
  }
  return response;
}

}  // namespace

HttpResponse Simulator::Impl::Handle(const HttpRequest& request) {
  const absl::string_view path =
      absl::string_view(request.target).substr(0, request.target.find('?'));
  if (path == kGatewayPath || path == "/post-gateway") {
    if (request.method != "POST") return Plain(405, "POST only");
    return PostGateway(request);
  }
  if (path == "/3ds/redirect.php" || path == "/redirect/") {
    return Redirect(request);
  }
  if (path == "/client-api/" || path == "/client-api") {
    if (request.method != "GET" && request.method != "POST") {
      return Plain(405, "GET or POST");
    }
    return ClientApi(request);
  }
  if (path == "/client-api/js/v1/payone_hosted_min.js") {
    return Asset("application/javascript; charset=UTF-8", kHostedIframeScript);
  }
  if (path == "/client-api/hosted-field") {
    return Asset("text/html; charset=UTF-8", kHostedFieldPage);
  }
  if (absl::StartsWith(path, "/simulator/")) {
    if (request.method != "POST") return Plain(405, "POST only");
    return Event(path, request);
  }
  return Plain(404, "not found");
}

HttpResponse Simulator::Impl::PostGateway(const HttpRequest& request) {
  const bool json =
      absl::StrContains(request.Header("accept"), "application/json");
  Params params;
  if (auto error = Params::Parse(request.body, &params)) {
    return Render(Answer::Error(*error, ""), params, json);
  }
  const std::optional<FaultRule> fault = faults.Match(
      params.Get("portalid"), params.Get("reference"), params.Get("txid"));
  HttpResponse response;
  if (fault) {
    switch (fault->kind) {
      case FaultKind::kResetBefore:
        response.transport = Transport::kReset;
        return response;
      case FaultKind::kHttp500:
        return Plain(500, "<html><body>Internal Server Error</body></html>");
      case FaultKind::kHttp502:
        return Plain(502, "<html><body>Bad Gateway</body></html>");
      case FaultKind::kHttp503:
        return Plain(503, "<html><body>Service Unavailable</body></html>");
      default:
        break;
    }
  }
  Answer answer = processor->Process(params);
  if (fault && fault->kind == FaultKind::kUnknownStatus) {
    for (NameValue& field : answer.fields) {
      if (field.first == "status") field.second = kUnknownStatus;
    }
  }
  if (request_log) {
    const std::string* txid = answer.Find("txid");
    const std::string* code = answer.Find("errorcode");
    const std::string* status = answer.Find("status");
    request_log(absl::StrCat(
        "request=", params.Get("request"), " portalid=", params.Get("portalid"),
        " reference=", params.Get("reference"),
        params.Get("amount").empty()
            ? ""
            : absl::StrCat(" amount=", params.Get("amount")),
        params.Get("sequencenumber").empty()
            ? ""
            : absl::StrCat(" sequencenumber=", params.Get("sequencenumber")),
        " status=", status ? *status : "binary",
        code ? absl::StrCat(" errorcode=", *code) : "",
        txid ? absl::StrCat(" txid=", *txid) : "", fault ? " fault=yes" : ""));
  }
  response = Render(answer, params, json);
  if (!fault) return response;
  switch (fault->kind) {
    case FaultKind::kLatency: {
      absl::MutexLock lock(&random_mu);
      response.delay = fault->min_latency +
                       absl::Nanoseconds(absl::Uniform<int64_t>(
                           absl::IntervalClosed, random, 0,
                           absl::ToInt64Nanoseconds(fault->max_latency -
                                                    fault->min_latency)));
      break;
    }
    case FaultKind::kResetAfter:
      response.transport = Transport::kReset;
      break;
    case FaultKind::kTruncate:
      response.transport = Transport::kTruncate;
      break;
    case FaultKind::kGarbage:
      response.content_type = "text/plain";
      response.body = std::string("\x89\x00\xff<?garbage\x1b[0m\x00\x01", 18);
      break;
    case FaultKind::kHang:
      response.transport = Transport::kHang;
      break;
    default:
      break;
  }
  return response;
}

HttpResponse Simulator::Impl::Redirect(const HttpRequest& request) {
  if (request.method != "GET") return Plain(405, "GET only");
  const std::map<std::string, std::string> query = QueryOf(request);
  const auto md = query.find("md");
  const auto chosen = query.find("outcome");
  const std::string token = md == query.end() ? "" : md->second;
  const std::string outcome = chosen == query.end() ? "" : chosen->second;
  // A browser at a card's 3-D Secure redirect first sees the issuer's ACS
  // page, which comes back here with the cardholder's outcome.
  if (chosen == query.end() &&
      absl::StartsWith(request.target, "/3ds/redirect.php") &&
      absl::StrContains(request.Header("accept"), "text/html")) {
    return Asset("text/html; charset=UTF-8", kAcsPage);
  }
  const std::string location = processor->CompleteRedirect(token, outcome);
  if (location.empty()) return Plain(404, "unknown redirect");
  HttpResponse response = Plain(302, "");
  response.headers.emplace_back("Location", location);
  return response;
}

HttpResponse Simulator::Impl::ClientApi(const HttpRequest& request) {
  const size_t start = request.target.find('?');
  const absl::string_view form =
      request.method == "POST" ? absl::string_view(request.body)
      : start == std::string::npos
          ? absl::string_view()
          : absl::string_view(request.target).substr(start + 1);
  Params params;
  const std::optional<PayoneError> malformed = Params::Parse(form, &params);
  const Answer answer = malformed ? Answer::Error(*malformed, "")
                                  : processor->ProcessClientApi(params);
  if (request_log) {
    const std::string* status = answer.Find("status");
    const std::string* code = answer.Find("errorcode");
    request_log(absl::StrCat("client-api request=", params.Get("request"),
                             " portalid=", params.Get("portalid"),
                             " status=", status ? *status : "",
                             code ? " errorcode=" : "", code ? *code : ""));
  }
  if (params.Get("responsetype") == "REDIRECT") {
    const bool valid =
        answer.Find("status") != nullptr && *answer.Find("status") == "VALID";
    const std::string& url = params.Get(valid ? "successurl" : "errorurl");
    if (!url.empty()) {
      codec::FormBuilder query(256);
      for (const auto& [name, value] : answer.fields) query.Add(name, value);
      HttpResponse response = Plain(302, "");
      response.headers.emplace_back(
          "Location", absl::StrCat(url, url.find('?') == url.npos ? "?" : "&",
                                   query.Release()));
      return response;
    }
  }
  HttpResponse response;
  response.content_type = "application/json; charset=UTF-8";
  response.body = RenderClientApiJson(answer);
  const std::string& callback = params.Get("callback_method");
  if (!callback.empty()) {
    if (!IsCallbackName(callback)) return Plain(400, "bad callback_method");
    response.content_type = "application/javascript; charset=UTF-8";
    response.body = absl::StrCat(callback, "(", response.body, ");");
  }
  return response;
}

HttpResponse Simulator::Impl::Event(absl::string_view path,
                                    const HttpRequest& request) {
  Params params;
  absl::Status status;
  int64_t amount = 0;
  if (Params::Parse(request.body, &params)) {
    status = absl::InvalidArgumentError("malformed form");
  } else if (path == "/simulator/incoming-payment") {
    status = absl::SimpleAtoi(params.Get("amount"), &amount)
                 ? processor->SimulateIncomingPayment(
                       params.Get("portalid"), params.Get("txid"), amount)
                 : absl::InvalidArgumentError("amount must be a number");
  } else if (path == "/simulator/chargeback") {
    status = processor->SimulateChargeback(
        params.Get("portalid"), params.Get("txid"), params.Get("failedcause"));
  } else {
    return Plain(404, "not found");
  }
  HttpResponse response;
  response.status = status.ok() ? 200 : 400;
  response.body =
      status.ok()
          ? "status=OK\n"
          : absl::StrCat("status=ERROR\nerrormessage=", status.message(), "\n");
  return response;
}

absl::StatusOr<std::unique_ptr<Simulator>> Simulator::Start(
    SimulatorOptions options) {
  auto impl = std::make_unique<Impl>();
  // A wildcard listener is reached through the loopback address.
  impl->host = options.host == "0.0.0.0" || options.host == "::" ? "127.0.0.1"
                                                                 : options.host;
  impl->host = net::UriHost(impl->host);
  impl->request_log = options.request_log;
  NotifierOptions notifier_options;
  notifier_options.time_compression =
      options.time_compression > 0 ? options.time_compression : 1.0;
  notifier_options.ca_pem = options.notify_ca_pem;
  impl->notifier = std::make_unique<Notifier>(std::move(notifier_options));
  ProcessorOptions processor_options;
  processor_options.accounts = options.accounts;
  processor_options.notify_url = options.notify_url;
  processor_options.first_txid = options.first_txid;
  processor_options.first_userid = options.first_userid;
  processor_options.clock = options.clock;
  impl->processor = std::make_unique<Processor>(std::move(processor_options),
                                                impl->notifier.get());
  impl->faults.Set(options.faults);

  HttpServerOptions server_options;
  server_options.host = options.host;
  server_options.port = options.port;
  server_options.tls_cert_pem = options.tls_cert_pem;
  server_options.tls_key_pem = options.tls_key_pem;
  net::HttpServerOptions& limits = server_options.server;
  limits.threads = options.threads;
  // One timeout for everything: between requests, inside them, answering.
  limits.idle_timeout = options.idle_timeout;
  limits.read_timeout = options.idle_timeout;
  limits.max_body_bytes = options.max_body_bytes;
  limits.max_connections = options.max_connections;
  Impl* raw = impl.get();
  auto server = HttpServer::Start(
      std::move(server_options),
      [raw](const HttpRequest& request) { return raw->Handle(request); });
  if (!server.ok()) return server.status();
  impl->server = *std::move(server);
  std::unique_ptr<Simulator> simulator(new Simulator(std::move(impl)));
  simulator->impl_->processor->SetBaseUrl(
      options.public_url.empty() ? simulator->base_url() : options.public_url);
  return simulator;
}

Simulator::Simulator(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Simulator::~Simulator() { Stop(); }

void Simulator::Stop() {
  impl_->server->Stop();
  impl_->notifier->Stop();
}

uint16_t Simulator::port() const { return impl_->server->port(); }

std::string Simulator::base_url() const {
  return absl::StrCat(impl_->server->tls() ? "https" : "http", "://",
                      impl_->host, ":", port());
}

std::string Simulator::gateway_url() const {
  return absl::StrCat(base_url(), kGatewayPath);
}

size_t Simulator::connections_accepted() const {
  return impl_->server->connections_accepted();
}

absl::Status Simulator::SimulateIncomingPayment(const std::string& portalid,
                                                const std::string& txid,
                                                int64_t amount) {
  return impl_->processor->SimulateIncomingPayment(portalid, txid, amount);
}

absl::Status Simulator::SimulateChargeback(const std::string& portalid,
                                           const std::string& txid,
                                           const std::string& failedcause) {
  return impl_->processor->SimulateChargeback(portalid, txid, failedcause);
}

void Simulator::SetFaults(std::vector<FaultRule> rules) {
  impl_->faults.Set(std::move(rules));
}

void Simulator::AddFault(FaultRule rule) { impl_->faults.Add(std::move(rule)); }

void Simulator::ClearFaults() { impl_->faults.Set({}); }

std::vector<FaultRule> Simulator::FaultRules() const {
  return impl_->faults.Rules();
}

void Simulator::SetNotifyUrl(std::string url) {
  impl_->processor->SetNotifyUrl(std::move(url));
}

Notifier& Simulator::notifier() { return *impl_->notifier; }

}  // namespace payone::simulator
