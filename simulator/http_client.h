#ifndef PAYONE_SIMULATOR_HTTP_CLIENT_H_
#define PAYONE_SIMULATOR_HTTP_CLIENT_H_

// Blocking HTTP calls for tests, tools and benchmarks that drive the
// simulator or the gateway's own ports: a thin layer on service/net's
// client (keep-alive, TLS with peer verification), waiting for each answer
// under a timeout per exchange. The simulator's notifier uses net's client
// directly.

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/net/url.h"

namespace payone::net {
// service/net/http_client.h, kept out of this header: it brings Asio's TLS
// headers into every test that includes this one.
class HttpClient;
}  // namespace payone::net

namespace payone::simulator {

using Url = net::Url;
using net::ParseUrl;

struct ClientOptions {
  absl::Duration timeout = absl::Seconds(10);
  // PEM CA certificates trusted for https; empty: the system store.
  std::string ca_pem;
  size_t max_body_bytes = 4 << 20;
};

struct ClientResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;

  std::string Header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// The same type as net::HeaderList.
using Headers = std::vector<std::pair<std::string, std::string>>;

// Requests to one origin over one keep-alive connection, opened by the
// first Send and opened again when the server closed it. Failures:
// DEADLINE_EXCEEDED (timeout), UNAVAILABLE (refused, reset, closed before
// an answer), DATA_LOSS (answer cut short), INVALID_ARGUMENT (not HTTP, or
// a request or CA that cannot be used).
class HttpConnection {
 public:
  static absl::StatusOr<std::unique_ptr<HttpConnection>> Connect(
      const Url& url, ClientOptions options = {});
  ~HttpConnection();

  // A Content-Type among `headers` replaces the form type of bodies.
  absl::StatusOr<ClientResponse> Send(const std::string& method,
                                      const std::string& target,
                                      const std::string& body,
                                      const Headers& headers = {});
  // Writes raw bytes on a connection of their own (plain TCP only) and
  // reads whatever comes back until the peer closes or the timeout passes
  // (for tests of hostile input).
  absl::StatusOr<std::string> SendRaw(const std::string& bytes);

 private:
  HttpConnection(Url url, ClientOptions options,
                 std::unique_ptr<net::HttpClient> client);

  const Url url_;
  const ClientOptions options_;
  std::unique_ptr<net::HttpClient> client_;
};

// One request on a fresh connection.
absl::StatusOr<ClientResponse> HttpPost(const std::string& url,
                                        const std::string& body,
                                        const Headers& headers = {},
                                        ClientOptions options = {});

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_HTTP_CLIENT_H_
