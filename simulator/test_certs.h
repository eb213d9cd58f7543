#ifndef PAYONE_SIMULATOR_TEST_CERTS_H_
#define PAYONE_SIMULATOR_TEST_CERTS_H_

// Throwaway TLS material for tests: a self-signed CA and a leaf certificate
// for "localhost" and 127.0.0.1 signed by it (OpenSSL 3, EC P-256), so
// that clients verify the server for real.

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace payone::simulator {

struct TestCerts {
  std::string ca_cert_pem;
  std::string ca_key_pem;
  std::string server_cert_pem;  // the leaf only
  std::string server_key_pem;
};

absl::StatusOr<TestCerts> GenerateTestCerts();

struct TestCertFiles {
  std::string ca_cert;
  std::string server_cert;
  std::string server_key;
};

// Writes ca.pem, server.pem and server.key into `dir` (which must exist).
absl::StatusOr<TestCertFiles> WriteTestCerts(const TestCerts& certs,
                                             absl::string_view dir);

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_TEST_CERTS_H_
