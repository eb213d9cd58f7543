#ifndef PAYONE_SIMULATOR_HTTP_CLIENT_H_
#define PAYONE_SIMULATOR_HTTP_CLIENT_H_

// A small blocking HTTP/1.1 client (Boost.Beast, plain or TLS with peer
// verification) with a timeout per exchange. The notifier delivers
// TransactionStatus with it; tests drive the simulator with it.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace payone::simulator {

struct Url {
  bool tls = false;
  std::string host;
  std::string port;
  std::string target;  // path and query
};

// http://host[:port][/path] and https://... (service/net/url.h: IPv6
// literals in brackets, no userinfo).
absl::StatusOr<Url> ParseUrl(const std::string& url);

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

using Headers = std::vector<std::pair<std::string, std::string>>;

// One keep-alive connection. Failures: DEADLINE_EXCEEDED (timeout),
// UNAVAILABLE (refused, reset, closed before an answer), DATA_LOSS (answer
// cut short), INVALID_ARGUMENT (not HTTP).
class HttpConnection {
 public:
  static absl::StatusOr<std::unique_ptr<HttpConnection>> Connect(
      const Url& url, ClientOptions options = {});
  ~HttpConnection();

  absl::StatusOr<ClientResponse> Send(const std::string& method,
                                      const std::string& target,
                                      const std::string& body,
                                      const Headers& headers = {});
  // Writes raw bytes and reads whatever comes back until the peer closes
  // or the timeout passes (for tests of hostile input).
  absl::StatusOr<std::string> SendRaw(const std::string& bytes);

  struct Impl;

 private:
  explicit HttpConnection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// One request on a fresh connection.
absl::StatusOr<ClientResponse> HttpPost(const std::string& url,
                                        const std::string& body,
                                        const Headers& headers = {},
                                        ClientOptions options = {});

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_HTTP_CLIENT_H_
