#include "service/net/tls.h"

#include <openssl/x509v3.h>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "boost/asio/buffer.hpp"
#include "service/net/url.h"

namespace payone::net {

namespace ssl = boost::asio::ssl;
using boost::system::error_code;

absl::StatusOr<std::unique_ptr<TlsContext>> MakeClientTlsContext(
    const TlsClientOptions& options) {
  auto context = std::make_unique<TlsContext>(TlsContext::tls_client);
  error_code ec;
  context->set_verify_mode(ssl::verify_peer, ec);
  if (!options.ca_pem.empty()) {
    context->add_certificate_authority(boost::asio::buffer(options.ca_pem), ec);
  } else if (!options.ca_file.empty()) {
    context->load_verify_file(options.ca_file, ec);
  } else {
    context->set_default_verify_paths(ec);
  }
  if (ec) {
    return absl::InvalidArgumentError(
        absl::StrCat("cannot load trusted CAs from '",
                     !options.ca_pem.empty()    ? "the given PEM"
                     : !options.ca_file.empty() ? options.ca_file
                                                : "the system store",
                     "': ", ec.message()));
  }
  if (!options.cert_pem.empty() || !options.key_pem.empty()) {
    context->use_certificate_chain(boost::asio::buffer(options.cert_pem), ec);
    if (!ec) {
      context->use_private_key(boost::asio::buffer(options.key_pem),
                               TlsContext::pem, ec);
    }
    if (ec) {
      return absl::InvalidArgumentError(absl::StrCat(
          "client TLS certificate or key not usable: ", ec.message()));
    }
  }
  SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION);
  return context;
}

void SetPeerName(SSL* ssl, const std::string& host) {
  if (IsIpLiteral(host)) {
    X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host.c_str());
  } else {
    SSL_set_tlsext_host_name(ssl, host.c_str());
    SSL_set1_host(ssl, host.c_str());
  }
}

absl::StatusOr<std::unique_ptr<TlsContext>> MakeServerTlsContext(
    const TlsServerOptions& options) {
  auto context = std::make_unique<TlsContext>(TlsContext::tls_server);
  context->set_options(TlsContext::default_workarounds | TlsContext::no_sslv2 |
                       TlsContext::no_sslv3 | TlsContext::no_tlsv1 |
                       TlsContext::no_tlsv1_1);
  error_code ec;
  context->use_certificate_chain(boost::asio::buffer(options.cert_pem), ec);
  if (!ec) {
    context->use_private_key(boost::asio::buffer(options.key_pem),
                             TlsContext::pem, ec);
  }
  if (!ec && !options.client_ca_pem.empty()) {
    context->add_certificate_authority(
        boost::asio::buffer(options.client_ca_pem), ec);
    if (!ec) {
      context->set_verify_mode(
          ssl::verify_peer | ssl::verify_fail_if_no_peer_cert, ec);
    }
  }
  if (ec) {
    return absl::InvalidArgumentError(
        absl::StrCat("TLS certificate or key not usable: ", ec.message()));
  }
  return context;
}

}  // namespace payone::net
