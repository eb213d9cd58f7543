#ifndef PAYONE_SIMULATOR_HTTP_SERVER_H_
#define PAYONE_SIMULATOR_HTTP_SERVER_H_

// The simulator's HTTP/1.1 server: service/net's server skeleton (plain or
// TLS, keep-alive, a bounded request size, idle timeouts) with the
// transport misbehaviours the fault injection needs. The handler runs on an
// I/O thread and must not block; a response may ask for a delay, which
// waits on a timer.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/net/http_server.h"

namespace payone::simulator {

struct HttpRequest {
  std::string method;
  std::string target;
  // Lower-case header names.
  std::map<std::string, std::string> headers;
  std::string body;

  std::string Header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// kNormal, or a broken answer for the fault injection (net::Fault).
using Transport = net::Fault;

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=ISO-8859-1";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  absl::Duration delay = absl::ZeroDuration();
  Transport transport = Transport::kNormal;
};

using HttpHandler = std::function<HttpResponse(const HttpRequest&)>;

// The address and TLS material as the simulator's flags and SimulatorOptions
// name them; everything else (threads, timeouts, limits) as net's server
// takes it.
struct HttpServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 0;  // 0: any free port
  // PEM certificate chain and private key; both empty: plain HTTP.
  std::string tls_cert_pem;
  std::string tls_key_pem;
  // Its listen_address and tls are set from the fields above.
  net::HttpServerOptions server;
};

class HttpServer {
 public:
  static absl::StatusOr<std::unique_ptr<HttpServer>> Start(
      HttpServerOptions options, HttpHandler handler);
  // Stops; open connections are dropped.
  ~HttpServer();

  // Idempotent; waits for the I/O threads.
  void Stop();
  uint16_t port() const;
  bool tls() const;
  // Connections accepted so far (tests check keep-alive with it).
  size_t connections_accepted() const;

  explicit HttpServer(std::unique_ptr<net::HttpServer> server);

 private:
  std::unique_ptr<net::HttpServer> server_;
};

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_HTTP_SERVER_H_
