#ifndef PAYONE_SERVICE_NOTIFICATIONS_FORM_POSTER_H_
#define PAYONE_SERVICE_NOTIFICATIONS_FORM_POSTER_H_

// One blocking form POST at a time over a fresh connection (service/net's
// client; https with peer verification and SNI), with a deadline per
// exchange and a Cancel() that any thread may call to end the current and
// every later exchange at once. The forwarder re-posts notifications with
// it.

#include <cstddef>
#include <map>
#include <memory>
#include <string>

#include "absl/base/thread_annotations.h"
#include "absl/status/statusor.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "service/net/http_client.h"

namespace payone::service {

struct FormPosterOptions {
  // PEM file of trusted CAs for https; empty: the system store.
  std::string ca_file;
  std::string user_agent = "PAYONE FinanceGate";
  std::string content_type =
      "application/x-www-form-urlencoded; charset=ISO-8859-1";
  size_t max_response_bytes = 64 << 10;
};

struct FormPostAnswer {
  int status = 0;
  std::string body;
};

class FormPoster {
 public:
  explicit FormPoster(FormPosterOptions options);
  ~FormPoster();

  // POSTs `body` to `url` (http:// or https://). Errors: INVALID_ARGUMENT
  // (bad URL), DEADLINE_EXCEEDED, UNAVAILABLE (resolve, connect, TLS,
  // transport), CANCELLED.
  absl::StatusOr<FormPostAnswer> Post(const std::string& url,
                                      const std::string& body,
                                      absl::Duration timeout);
  void Cancel();

 private:
  // One client per URL (a forwarder has a few), each opening a connection
  // per request.
  absl::StatusOr<net::HttpClient*> ClientFor(const std::string& url);

  const FormPosterOptions options_;
  absl::Mutex mu_;
  bool cancelled_ ABSL_GUARDED_BY(mu_) = false;
  std::shared_ptr<net::HttpClient::Call> current_ ABSL_GUARDED_BY(mu_);
  std::map<std::string, std::unique_ptr<net::HttpClient>> clients_
      ABSL_GUARDED_BY(mu_);
};

}  // namespace payone::service

#endif  // PAYONE_SERVICE_NOTIFICATIONS_FORM_POSTER_H_
