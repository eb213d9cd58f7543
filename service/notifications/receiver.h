#ifndef PAYONE_SERVICE_NOTIFICATIONS_RECEIVER_H_
#define PAYONE_SERVICE_NOTIFICATIONS_RECEIVER_H_

// The TransactionStatus receiver: an HTTP/1.1 server (service/net, optional
// TLS) on its own port that PAYONE POSTs notifications to. Per request:
// sender address against the allow-list (403), method and path (405/404),
// body size (413, decided from the headers where possible), decoding with
// the generated codec (400), portalid/aid/key against the accounts (403),
// then NotificationLog::Append, and only once that is durable exactly
// "TSOK". A store failure answers 503 so that PAYONE retries; a retried
// body is recognised (SHA-256 of the body) and acknowledged, not stored
// twice.
//
// I/O threads never wait on the store: decoding and storing run on a
// separate pool of store threads.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "service/notifications/notification_handler.h"
#include "service/store/notification_log.h"

namespace payone::service {

// The configuration's section (NotificationHandlerOptions::config) gives
// listen_address (host:port or [v6]:port; port 0 picks a free one, see
// port()), tls (its certificate and key files, read by Start; absent: plain
// HTTP) and what the handler reads. The rest are the receiver's own knobs.
struct NotificationReceiverOptions : NotificationHandlerOptions {
  int threads = 2;  // I/O threads
  // Threads that decode, verify and store: mostly waiting for a group
  // commit, so as many as notifications one commit should carry.
  int store_threads = 16;
  // One request (headers and body) must arrive within this; a kept-alive
  // connection idle for idle_timeout is closed.
  absl::Duration read_timeout = absl::Seconds(10);
  absl::Duration idle_timeout = absl::Seconds(30);
  // How long Shutdown() lets requests in flight finish.
  absl::Duration shutdown_grace = absl::Seconds(10);
  size_t max_connections = 1024;
};

class NotificationReceiver {
 public:
  // Listens at once. `store` must outlive the receiver. `on_stored` runs on
  // a store thread after every new (not duplicate) notification, with its
  // cursor; it must not block for long.
  static absl::StatusOr<std::unique_ptr<NotificationReceiver>> Start(
      const NotificationReceiverOptions& options,
      std::vector<NotificationAccount> accounts, NotificationLog* store,
      std::function<void(int64_t cursor)> on_stored);
  // Shutdown().
  ~NotificationReceiver();

  NotificationReceiver(const NotificationReceiver&) = delete;
  NotificationReceiver& operator=(const NotificationReceiver&) = delete;

  int port() const;
  // Stops accepting, closes idle connections, lets requests in flight
  // finish (up to shutdown_grace), then stops. Idempotent.
  void Shutdown();

  NotificationStats Stats() const;
  // NotificationHandler::SetAccounts: a reloaded configuration's accounts.
  absl::Status SetAccounts(std::vector<NotificationAccount> accounts);

  struct Impl;

 private:
  explicit NotificationReceiver(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_NOTIFICATIONS_RECEIVER_H_
