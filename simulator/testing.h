#ifndef PAYONE_SIMULATOR_TESTING_H_
#define PAYONE_SIMULATOR_TESTING_H_

// Test helpers: a simulator with one known account, a client that adds the
// standard parameters, and a TransactionStatus receiver.

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "gtest/gtest.h"
#include "simulator/http_client.h"
#include "simulator/http_server.h"
#include "simulator/simulator.h"

namespace payone::simulator::testing {

using Fields = std::vector<std::pair<std::string, std::string>>;

// mid 10000, aid 10001, portal 2000001, key "test-portal-key", test mode.
Account TestAccount();
// The same merchant's live-only portal 2000002.
Account LiveAccount();

// Options for a simulator with TestAccount(), LiveAccount() and portal
// 2000003 (test and live, same key), fixed
// txid/userid counters, a fixed clock (2026-01-15 12:00 UTC) and fast
// notification retries.
SimulatorOptions TestOptions();

// Starts a simulator; aborts the test binary when it cannot.
std::unique_ptr<Simulator> StartSimulator(SimulatorOptions options);

// A keep-alive client for one simulator.
class Client {
 public:
  explicit Client(const Simulator& simulator, ClientOptions options = {});

  // POSTs the form `fields` as they are.
  absl::StatusOr<ClientResponse> PostForm(const Fields& fields,
                                          const Headers& headers = {});
  // POSTs `request` for `account` (mid, portalid, SHA-384 key, mode test)
  // followed by `fields`, and returns the answer body ("" on failure).
  std::string Call(const std::string& request, const Fields& fields,
                   const Account& account = TestAccount());
  absl::StatusOr<ClientResponse> Get(const std::string& target,
                                     const Headers& headers = {});

 private:
  absl::StatusOr<ClientResponse> Send(const std::string& method,
                                      const std::string& target,
                                      const std::string& body,
                                      const Headers& headers);
  Url url_;
  ClientOptions options_;
  std::unique_ptr<HttpConnection> connection_;
};

// A fixture for tests that talk to one simulator of TestOptions().
class SimulatorTest : public ::testing::Test {
 protected:
  std::unique_ptr<Simulator> sim_ = StartSimulator(TestOptions());
  Client client_{*sim_};
};

// aid, clearingtype, reference, amount, currency EUR, lastname Tester and
// country: what every (pre)authorization needs, then `extra`.
Fields Payment(const std::string& clearingtype, const std::string& reference,
               const std::string& amount, const Fields& extra = {});

// Fields of a minimal approved Visa preauthorization (amount, reference
// and currency as given).
Fields CardPayment(const std::string& reference, const std::string& amount,
                   const std::string& pan = "4111111111111111");

// The value of `name` in key=value lines ("" when absent).
std::string LineValue(const std::string& body, const std::string& name);

// An HTTP server that records TransactionStatus POSTs and answers each with
// the next scripted answer ("TSOK" once the script is used up).
class Receiver {
 public:
  explicit Receiver(std::vector<std::string> answers = {},
                    HttpServerOptions options = {});
  std::string url() const;
  std::vector<std::string> bodies() const;
  bool WaitFor(size_t count, absl::Duration timeout) const;
  size_t connections_accepted() const {
    return server_->connections_accepted();
  }

 private:
  mutable absl::Mutex mu_;
  std::deque<std::string> answers_ ABSL_GUARDED_BY(mu_);
  std::vector<std::string> bodies_ ABSL_GUARDED_BY(mu_);
  std::unique_ptr<HttpServer> server_;
};

// POSTs `fields` form-encoded to `url` on a fresh connection.
absl::StatusOr<ClientResponse> HttpPostForm(const std::string& url,
                                            const Fields& fields);

// Decoded parameters of a form body (ISO-8859-1 bytes kept as they are).
Fields ParseBody(const std::string& body);
std::string FieldValue(const Fields& fields, const std::string& name);

}  // namespace payone::simulator::testing

#endif  // PAYONE_SIMULATOR_TESTING_H_
