#include "simulator/testing.h"

#include <cstdio>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "codec/runtime/form.h"
#include "codec/runtime/response_lines.h"

namespace payone::simulator::testing {

Account TestAccount() {
  Account account;
  account.mid = "10000";
  account.aid = "10001";
  account.portalid = "2000001";
  account.key = "test-portal-key";
  return account;
}

Account LiveAccount() {
  Account account = TestAccount();
  account.portalid = "2000002";
  account.test_mode = false;
  account.live_mode = true;
  return account;
}

SimulatorOptions TestOptions() {
  SimulatorOptions options;
  Account both = TestAccount();
  both.portalid = "2000003";
  both.live_mode = true;
  options.accounts = {TestAccount(), LiveAccount(), both};
  options.time_compression = 3600 * 100;  // an hour becomes 10 ms
  const absl::Time fixed = absl::FromCivil(
      absl::CivilSecond(2026, 1, 15, 12, 0, 0), absl::UTCTimeZone());
  options.clock = [fixed] { return fixed; };
  return options;
}

std::unique_ptr<Simulator> StartSimulator(SimulatorOptions options) {
  auto simulator = Simulator::Start(std::move(options));
  if (!simulator.ok()) {
    std::fprintf(stderr, "simulator: %s\n",
                 simulator.status().ToString().c_str());
    std::abort();
  }
  return *std::move(simulator);
}

Client::Client(const Simulator& simulator, ClientOptions options)
    : url_(*ParseUrl(simulator.gateway_url())), options_(std::move(options)) {}

absl::StatusOr<ClientResponse> Client::Send(const std::string& method,
                                            const std::string& target,
                                            const std::string& body,
                                            const Headers& headers) {
  if (connection_ == nullptr) {
    auto connection = HttpConnection::Connect(url_, options_);
    if (!connection.ok()) return connection.status();
    connection_ = *std::move(connection);
  }
  return connection_->Send(method, target, body, headers);
}

namespace {

std::string FormBody(const Fields& fields) {
  codec::FormBuilder form;
  for (const auto& [name, value] : fields) form.Add(name, value);
  return form.Release();
}

}  // namespace

absl::StatusOr<ClientResponse> Client::PostForm(const Fields& fields,
                                                const Headers& headers) {
  return Send("POST", url_.target, FormBody(fields), headers);
}

absl::StatusOr<ClientResponse> HttpPostForm(const std::string& url,
                                            const Fields& fields) {
  return HttpPost(url, FormBody(fields));
}

std::string Client::Call(const std::string& request, const Fields& fields,
                         const Account& account) {
  Fields all = {{"mid", account.mid},
                {"portalid", account.portalid},
                {"key", Sha384Hex(account.key)},
                {"mode", account.test_mode ? "test" : "live"},
                {"request", request}};
  all.insert(all.end(), fields.begin(), fields.end());
  auto response = PostForm(all);
  return response.ok() ? response->body : "";
}

absl::StatusOr<ClientResponse> Client::Get(const std::string& target,
                                           const Headers& headers) {
  return Send("GET", target, "", headers);
}

Fields Payment(const std::string& clearingtype, const std::string& reference,
               const std::string& amount, const Fields& extra) {
  Fields fields = {{"aid", "10001"},         {"clearingtype", clearingtype},
                   {"reference", reference}, {"amount", amount},
                   {"currency", "EUR"},      {"lastname", "Tester"},
                   {"country", "DE"}};
  fields.insert(fields.end(), extra.begin(), extra.end());
  return fields;
}

Fields CardPayment(const std::string& reference, const std::string& amount,
                   const std::string& pan) {
  return Payment("cc", reference, amount,
                 {{"cardpan", pan},
                  {"cardtype", "V"},
                  {"cardexpiredate", "3012"},
                  {"cardcvc2", "123"}});
}

std::string LineValue(const std::string& body, const std::string& name) {
  auto lines = codec::ParseResponseLines(body);
  if (!lines.ok()) return "";
  for (const auto& [key, value] : *lines) {
    if (key == name) return value;
  }
  return "";
}

Receiver::Receiver(std::vector<std::string> answers, HttpServerOptions options)
    : answers_(answers.begin(), answers.end()) {
  auto server = HttpServer::Start(options, [this](const HttpRequest& request) {
    HttpResponse response;
    absl::MutexLock lock(&mu_);
    bodies_.push_back(request.body);
    if (answers_.empty()) {
      response.body = "TSOK";
    } else {
      response.body = answers_.front();
      answers_.pop_front();
    }
    return response;
  });
  if (!server.ok()) std::abort();
  server_ = *std::move(server);
}

std::string Receiver::url() const {
  return absl::StrCat(server_->tls() ? "https" : "http",
                      "://127.0.0.1:", server_->port(), "/payone/status");
}

std::vector<std::string> Receiver::bodies() const {
  absl::MutexLock lock(&mu_);
  return bodies_;
}

bool Receiver::WaitFor(size_t count, absl::Duration timeout) const {
  absl::MutexLock lock(&mu_);
  auto reached = [this, count]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(mu_) {
    return bodies_.size() >= count;
  };
  return mu_.AwaitWithTimeout(absl::Condition(&reached), timeout);
}

Fields ParseBody(const std::string& body) {
  auto fields = codec::ParseForm(body);
  return fields.ok() ? *std::move(fields) : Fields();
}

std::string FieldValue(const Fields& fields, const std::string& name) {
  for (const auto& [key, value] : fields) {
    if (key == name) return value;
  }
  return "";
}

}  // namespace payone::simulator::testing
