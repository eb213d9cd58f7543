#ifndef PAYONE_SIMULATOR_SIMULATOR_H_
#define PAYONE_SIMULATOR_SIMULATOR_H_

// The PAYONE Server API simulator: POST /post-gateway/ over HTTP/1.1 (or
// TLS), redirect pages for 3-D Secure, wallets and online transfer,
// TransactionStatus notifications and fault injection. Start it in-process
// on port 0 and read port(); see simulator/README.md for the behaviour.

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "simulator/accounts.h"
#include "simulator/faults.h"
#include "simulator/notifier.h"

namespace payone::simulator {

struct SimulatorOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 0;  // 0: any free port
  // PEM certificate chain and key; both empty: plain HTTP.
  std::string tls_cert_pem;
  std::string tls_key_pem;
  std::vector<Account> accounts;
  // Where TransactionStatus goes unless an account has its own URL;
  // "": no notifications.
  std::string notify_url;
  // PAYONE's retry schedule (hours) divided by this.
  double time_compression = 1.0;
  // Trusted CAs for an https notify_url.
  std::string notify_ca_pem;
  std::vector<FaultRule> faults;
  // Base of the redirect URLs handed out; "": this server's own URL.
  std::string public_url;
  int threads = 2;
  absl::Duration idle_timeout = absl::Seconds(30);
  size_t max_body_bytes = 1 << 20;
  size_t max_connections = 4096;  // more open connections are closed
  // txid/userid counters: deterministic so tests can assert exact answers.
  int64_t first_txid = 700000001;
  int64_t first_userid = 400000001;
  std::function<absl::Time()> clock = [] { return absl::Now(); };
  // Called with one line per post-gateway request (request, portal,
  // reference, amount, sequencenumber, status, errorcode, txid; never card
  // or bank data) that it processed, from the
  // I/O threads. Unset: no log.
  std::function<void(const std::string&)> request_log;
};

class Simulator {
 public:
  static absl::StatusOr<std::unique_ptr<Simulator>> Start(
      SimulatorOptions options);
  ~Simulator();

  // Closes the listener and connections, stops notification delivery.
  void Stop();

  uint16_t port() const;
  // "http://<host>:<port>" (https with TLS; 127.0.0.1 for 0.0.0.0).
  std::string base_url() const;
  // base_url() + "/post-gateway/".
  std::string gateway_url() const;

  // TCP connections accepted so far (keep-alive reuses one).
  size_t connections_accepted() const;

  // Events PAYONE reports without a request: a bank transfer arriving
  // (prepayment, invoice: txaction paid or underpaid) and a payment coming
  // back (txaction failed, failedcause soc/cka/uan/ndd/rcl/obj/ret/nelv/cb/
  // ncc). Also over HTTP: POST /simulator/incoming-payment (portalid, txid,
  // amount) and /simulator/chargeback (portalid, txid, failedcause).
  absl::Status SimulateIncomingPayment(const std::string& portalid,
                                       const std::string& txid, int64_t amount);
  absl::Status SimulateChargeback(const std::string& portalid,
                                  const std::string& txid,
                                  const std::string& failedcause);

  void SetFaults(std::vector<FaultRule> rules);
  void AddFault(FaultRule rule);
  void ClearFaults();
  // The fault rules in force, with how often each fired.
  std::vector<FaultRule> FaultRules() const;
  void SetNotifyUrl(std::string url);

  // Delivery state, the log of every notification, and waits
  // (WaitForDelivered / WaitForAttempts) for tests.
  Notifier& notifier();

  struct Impl;

 private:
  explicit Simulator(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_SIMULATOR_H_
