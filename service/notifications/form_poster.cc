#include "service/notifications/form_poster.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "service/net/url.h"

namespace payone::service {

FormPoster::FormPoster(FormPosterOptions options)
    : options_(std::move(options)) {}

FormPoster::~FormPoster() = default;

absl::StatusOr<net::HttpClient*> FormPoster::ClientFor(const std::string& url) {
  absl::MutexLock lock(&mu_);
  std::unique_ptr<net::HttpClient>& client = clients_[url];
  if (client == nullptr) {
    // Parsed once per URL (a bad one is never kept, so it is refused each
    // time), for an error that names it as a forward URL.
    if (absl::StatusOr<net::Url> parsed = net::ParseUrl(url); !parsed.ok()) {
      clients_.erase(url);
      return absl::InvalidArgumentError(
          absl::StrCat("forward ", parsed.status().message()));
    }
    net::HttpClientOptions options;
    options.url = url;
    options.tls.ca_file = options_.ca_file;
    options.user_agent = options_.user_agent;
    options.content_type = options_.content_type;
    options.max_response_bytes = options_.max_response_bytes;
    options.keep_alive = false;
    options.io_threads = 1;
    options.label = "forward";
    absl::StatusOr<std::unique_ptr<net::HttpClient>> created =
        net::HttpClient::Create(options);
    if (!created.ok()) {
      clients_.erase(url);
      return absl::UnavailableError(created.status().message());
    }
    client = *std::move(created);
  }
  return client.get();
}

absl::StatusOr<FormPostAnswer> FormPoster::Post(const std::string& url,
                                                const std::string& body,
                                                absl::Duration timeout) {
  absl::StatusOr<net::HttpClient*> client = ClientFor(url);
  if (!client.ok()) return client.status();
  net::ClientRequest request;
  request.body = body;
  request.deadline = absl::Now() + timeout;
  absl::Notification done;
  net::HttpResult result;
  {
    absl::MutexLock lock(&mu_);
    if (cancelled_) return absl::CancelledError("forwarder stopping");
    current_ = (*client)->Send(std::move(request), [&](net::HttpResult r) {
      result = std::move(r);
      done.Notify();
    });
  }
  done.WaitForNotification();
  {
    absl::MutexLock lock(&mu_);
    current_ = nullptr;
    if (cancelled_) return absl::CancelledError("forwarder stopping");
  }
  if (!result.status.ok()) {
    if (result.status.code() == absl::StatusCode::kDeadlineExceeded) {
      return result.status;
    }
    return absl::UnavailableError(result.status.message());
  }
  FormPostAnswer answer;
  answer.status = result.http_status;
  answer.body = std::move(result.body);
  return answer;
}

void FormPoster::Cancel() {
  absl::MutexLock lock(&mu_);
  cancelled_ = true;
  if (current_ != nullptr) current_->Cancel();
}

}  // namespace payone::service
