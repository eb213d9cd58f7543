#include "simulator/http_server.h"

#include "absl/strings/ascii.h"
#include "service/net/url.h"

namespace payone::simulator {

absl::StatusOr<std::unique_ptr<HttpServer>> HttpServer::Start(
    HttpServerOptions options, HttpHandler handler) {
  net::HttpServerOptions server = std::move(options.server);
  server.listen_address = net::JoinHostPort(options.host, options.port);
  server.tls.cert_pem = std::move(options.tls_cert_pem);
  server.tls.key_pem = std::move(options.tls_key_pem);
  auto started = net::HttpServer::Start(
      std::move(server), net::MakeSimpleHandler([handler = std::move(handler)](
                                                    net::ServerRequest in) {
        HttpRequest request;
        request.method = in.head.method;
        request.target = in.head.target;
        for (const auto& [name, value] : in.head.headers) {
          request.headers[absl::AsciiStrToLower(name)] = value;
        }
        request.body = std::move(in.body);
        HttpResponse response = handler(request);
        net::ServerResponse out;
        out.status = response.status;
        out.content_type = std::move(response.content_type);
        out.body = std::move(response.body);
        out.headers = std::move(response.headers);
        out.delay = response.delay;
        out.fault = response.transport;
        return out;
      }));
  if (!started.ok()) return started.status();
  return std::make_unique<HttpServer>(*std::move(started));
}

HttpServer::HttpServer(std::unique_ptr<net::HttpServer> server)
    : server_(std::move(server)) {}

HttpServer::~HttpServer() { Stop(); }

void HttpServer::Stop() { server_->Stop(); }

uint16_t HttpServer::port() const { return server_->port(); }

bool HttpServer::tls() const { return server_->tls(); }

size_t HttpServer::connections_accepted() const {
  return server_->connections_accepted();
}

}  // namespace payone::simulator
