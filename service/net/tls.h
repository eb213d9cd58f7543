#ifndef PAYONE_SERVICE_NET_TLS_H_
#define PAYONE_SERVICE_NET_TLS_H_

// The one place TLS contexts are made. Clients verify the peer by default
// (system store or the given CAs, TLS 1.2 at least) and check the name they
// dialled: SNI plus host name (or IP address) verification per connection,
// SetPeerName. Both sides can do mutual TLS.

#include <openssl/ssl.h>

#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "boost/asio/ssl/context.hpp"

namespace payone::net {

using TlsContext = boost::asio::ssl::context;

struct TlsClientOptions {
  // Trusted CAs: a PEM file, or PEM text; both empty: the system store.
  std::string ca_file;
  std::string ca_pem;
  // A client certificate chain and its key (PEM text) for mutual TLS; both
  // empty: none.
  std::string cert_pem;
  std::string key_pem;
};

// INVALID_ARGUMENT when the CAs or the client certificate do not load.
absl::StatusOr<std::unique_ptr<TlsContext>> MakeClientTlsContext(
    const TlsClientOptions& options);

// For one client connection to `host`: SNI for a DNS name (an address is
// not a server name), and the name or address the certificate must carry.
void SetPeerName(SSL* ssl, const std::string& host);

struct TlsServerOptions {
  // PEM certificate chain and private key; both empty: no TLS.
  std::string cert_pem;
  std::string key_pem;
  // PEM CAs; non-empty: clients must present a certificate they signed.
  std::string client_ca_pem;

  bool enabled() const { return !cert_pem.empty() || !key_pem.empty(); }
};

// TLS 1.2 and later. INVALID_ARGUMENT ("TLS certificate or key not
// usable: ...") when the material does not load.
absl::StatusOr<std::unique_ptr<TlsContext>> MakeServerTlsContext(
    const TlsServerOptions& options);

}  // namespace payone::net

#endif  // PAYONE_SERVICE_NET_TLS_H_
