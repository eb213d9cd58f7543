#include "service/net/http_client.h"

#include <sys/socket.h>

#include <array>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "service/net/url.h"

namespace payone::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

Clock::time_point ToSteady(absl::Time deadline) {
  if (deadline == absl::InfiniteFuture()) return Clock::time_point::max();
  const absl::Duration left = deadline - absl::Now();
  return Clock::now() +
         absl::ToChronoNanoseconds(std::max(left, absl::ZeroDuration()));
}

// The request head is written as text, so nothing may break its lines.
bool BreaksHead(absl::string_view text, bool allow_space) {
  return std::any_of(text.begin(), text.end(), [allow_space](char c) {
    return absl::ascii_iscntrl(c) || (c == ' ' && !allow_space);
  });
}

absl::Status CheckRequest(const ClientRequest& request) {
  bool bad = request.method.empty() || BreaksHead(request.method, false) ||
             BreaksHead(request.target, false) ||
             BreaksHead(request.content_type, true);
  for (const auto& [name, value] : request.headers) {
    bad = bad || name.empty() || BreaksHead(name, false) ||
          BreaksHead(value, true);
  }
  if (bad) {
    return absl::InvalidArgumentError(
        "the request's method, target or headers would break its head; the "
        "request was not sent");
  }
  return absl::OkStatus();
}

// A connection's I/O objects name their strand's type: with Asio's default
// any_io_executor, which has no room for a strand inline, every completed
// operation heap-allocates a copy of the executor.
using Strand = asio::strand<asio::io_context::executor_type>;
using Socket = asio::basic_stream_socket<tcp, Strand>;
using Resolver = asio::ip::basic_resolver<tcp, Strand>;

// One keep-alive connection, plain or TLS. Its I/O completes on `strand`;
// an exchange may start I/O from another thread while it holds the
// exchange's connection mutex (see Exchange::Start).
class Connection {
 public:
  Connection(asio::io_context& io, TlsContext* tls)
      : strand_(asio::make_strand(io)), resolver_(strand_) {
    if (tls != nullptr) {
      tls_.emplace(strand_, *tls);
    } else {
      plain_.emplace(strand_);
    }
  }

  Strand& strand() { return strand_; }
  Resolver& resolver() { return resolver_; }
  Socket& socket() { return tls_ ? tls_->next_layer() : *plain_; }
  bool is_tls() const { return tls_.has_value(); }
  beast::ssl_stream<Socket>& tls() { return *tls_; }

  // Calls f with the stream that carries HTTP (the TLS or the TCP stream).
  template <typename F>
  void WithStream(F&& f) {
    if (tls_) {
      f(*tls_);
    } else {
      f(*plain_);
    }
  }

  // An idle keep-alive connection that the server closed (or wrote to
  // unasked) cannot carry a request: find out without blocking.
  bool LooksReusable() {
    auto& s = socket();
    if (!s.is_open()) return false;
    char byte;
    const ssize_t n =
        ::recv(s.native_handle(), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }

  // Aborts pending I/O (its handlers report operation_aborted) and closes.
  void Close() {
    beast::error_code ignored;
    resolver_.cancel();
    socket().shutdown(Socket::shutdown_both, ignored);
    socket().close(ignored);
  }

  bool connected = false;
  Clock::time_point idle_since;
  beast::flat_buffer buffer;

 private:
  Strand strand_;
  Resolver resolver_;
  // Plain sockets are non-blocking for the synchronous first write; Beast's
  // tcp_stream is not used: its timeouts arm and cancel a timer for every
  // read and write, where one timer per pool does (DeadlineWatch).
  std::optional<beast::ssl_stream<Socket>> tls_;
  std::optional<Socket> plain_;
};

// Reads a response into what HttpResult keeps. Beast's response_parser
// builds a header container on the way: an allocation per field and one for
// the reason phrase, all thrown away once the status, the Content-Type and
// the body are copied out.
class ResponseParser final : public http::basic_parser<false> {
 public:
  // `keep_headers`: every field, as HttpClientOptions::response_headers.
  ResponseParser(bool keep_headers, size_t max_body_bytes)
      : keep_headers_(keep_headers), max_body_bytes_(max_body_bytes) {
    body_limit(max_body_bytes);
  }

  int status = 0;
  std::string content_type;
  HeaderList headers;
  std::string body;

 private:
  void on_request_impl(http::verb, beast::string_view, beast::string_view, int,
                       beast::error_code&) override {}
  void on_response_impl(int code, beast::string_view, int,
                        beast::error_code&) override {
    status = code;
  }
  void on_field_impl(http::field name, beast::string_view name_string,
                     beast::string_view value, beast::error_code&) override {
    if (name == http::field::content_type) {
      content_type.assign(value.data(), value.size());
    }
    if (keep_headers_) {
      headers.emplace_back(std::string(name_string), std::string(value));
    }
  }
  void on_header_impl(beast::error_code&) override {}
  void on_body_init_impl(const boost::optional<std::uint64_t>& length,
                         beast::error_code&) override {
    // Over the limit, Exchange::OnRead fails the read before any body.
    if (length && *length <= max_body_bytes_) body.reserve(*length);
  }
  size_t on_body_impl(beast::string_view data, beast::error_code&) override {
    body.append(data.data(), data.size());
    return data.size();
  }
  void on_chunk_header_impl(std::uint64_t, beast::string_view,
                            beast::error_code&) override {}
  size_t on_chunk_body_impl(std::uint64_t, beast::string_view data,
                            beast::error_code& ec) override {
    return on_body_impl(data, ec);
  }
  void on_finish_impl(beast::error_code&) override {}

  const bool keep_headers_;
  const size_t max_body_bytes_;
};

class Pool;

// One request: waits for a connection, then connect (if new), write, read.
class Exchange : public HttpClient::Call,
                 public std::enable_shared_from_this<Exchange> {
 public:
  Exchange(std::shared_ptr<Pool> pool, ClientRequest request,
           HttpClient::Callback done)
      : pool_(std::move(pool)),
        request_(std::move(request)),
        steady_deadline_(ToSteady(request_.deadline)),
        done_(std::move(done)),
        start_(absl::Now()) {}

  ~Exchange() override;

  void Cancel() override;

  // Runs on the thread that hands the connection over (the caller of Post,
  // or the I/O thread that freed the connection): it starts the I/O itself
  // instead of posting to an I/O thread, which would cost a wake-up per call.
  void Start(std::shared_ptr<Connection> connection, bool reused);
  // Reports a failure before any connection was assigned.
  void FailUnsent(absl::Status status) {
    Finish(std::move(status), Delivery::kNotSent);
  }

  Clock::time_point steady_deadline() const { return steady_deadline_; }
  std::unique_ptr<asio::steady_timer> wait_timer;
  // The deadline passed while the request was written or its answer read
  // (called by the pool's DeadlineWatch): closes the connection, so the
  // pending I/O fails and reports the timeout.
  void OnDeadline();
  // This exchange's entry in its pool's DeadlineWatch, if any; guarded by
  // the watch's mutex.
  std::optional<std::multimap<Clock::time_point, Exchange*>::iterator> watched;

 private:
  // The functions below run with connection_mu_ held (from Start) or on the
  // connection's strand; the only other users of the connection, Cancel's
  // and the deadline timer's handlers, run on the strand and take
  // connection_mu_.
  void Connect();
  void Handshake();
  void Write();
  void Read();
  void ReadSome();
  void OnRead(beast::error_code ec, size_t bytes);
  void OnResponse();
  void OnIoError(beast::error_code ec, absl::string_view stage);
  void Finish(absl::Status status, Delivery delivery);
  // Hands `result` to the callback once (an answer, an error or a cancel
  // may race), with the exchange's latency and connection reuse.
  void Complete(HttpResult result);
  // (Re)arms the connect timer: the connection is closed at `at`.
  void ArmTimer(Clock::time_point at);
  void OnTimer(uint32_t generation);
  // Connected: the connect timer gives way to the pool's DeadlineWatch,
  // which watches the rest of the exchange (write and read).
  void WatchDeadline();
  // Calls and then drops the callback: it may hold what holds this exchange
  // (the caller's call state), and keeping it would make a cycle.
  void RunDone(HttpResult result) {
    HttpClient::Callback done = std::move(done_);
    done_ = nullptr;
    done(std::move(result));
  }
  // Closes the connection of the exchange's pending I/O (Cancel, deadline).
  void CloseOnStrand(bool deadline);
  // Gives the connection back (reusable or not) after the exchange ended.
  void ReleaseConnection(bool reusable);

  std::shared_ptr<Pool> pool_;
  ClientRequest request_;
  std::string head_;  // request line and headers
  Clock::time_point steady_deadline_;
  HttpClient::Callback done_;
  absl::Time start_;

  std::shared_ptr<Connection> connection_;
  bool reused_ = false;
  Delivery delivery_ = Delivery::kNotSent;
  ReadFailure read_failure_ = ReadFailure::kNone;
  std::atomic<bool> cancelled_{false};
  std::atomic<bool> finished_{false};
  std::atomic<bool> timed_out_{false};
  std::atomic<uint32_t> timer_generation_{0};
  std::mutex connection_mu_;  // guards connection_ against Cancel()
  // Only while a new connection connects; see DeadlineWatch.
  std::optional<asio::steady_timer> timer_;
  std::optional<ResponseParser> parser_;
};

// The deadlines of the exchanges that are writing or reading, behind one
// timer per pool. A timer per exchange costs, on every call, a timer-queue
// insert and a cancel whose aborted handler the strand must run: an Asio
// scheduler wake-up (often another I/O thread's, or an epoll interrupt) per
// call. Here a finished exchange only leaves a map; the timer is re-armed
// only for a deadline earlier than the one it waits for, and when it fires
// for an exchange that has finished it waits for the next one.
class DeadlineWatch {
 public:
  explicit DeadlineWatch(asio::io_context& io) : timer_(io) {}

  void Watch(Exchange* exchange, Clock::time_point deadline) {
    std::lock_guard<std::mutex> lock(mu_);
    exchange->watched = deadlines_.emplace(deadline, exchange);
    if (deadline < armed_for_) ArmLocked(deadline);
  }

  void Unwatch(Exchange* exchange) {
    std::lock_guard<std::mutex> lock(mu_);
    if (!exchange->watched.has_value()) return;
    deadlines_.erase(*exchange->watched);
    exchange->watched.reset();
  }

  // Pool::Shutdown: the I/O threads are gone, nothing fires any more.
  void Stop() {
    std::lock_guard<std::mutex> lock(mu_);
    timer_.cancel();
    armed_for_ = Clock::time_point::min();
  }

 private:
  void ArmLocked(Clock::time_point at) {
    armed_for_ = at;
    timer_.expires_at(at);
    timer_.async_wait([this](beast::error_code ec) {
      if (!ec) OnTimer();
    });
  }

  void OnTimer() {
    std::vector<std::shared_ptr<Exchange>> expired;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (armed_for_ == Clock::time_point::min()) return;  // stopped
      armed_for_ = Clock::time_point::max();
      const auto now = Clock::now();
      while (!deadlines_.empty() && deadlines_.begin()->first <= now) {
        Exchange* exchange = deadlines_.begin()->second;
        exchange->watched.reset();
        deadlines_.erase(deadlines_.begin());
        // Empty when the exchange is being destroyed (its destructor waits
        // for mu_ to unwatch it).
        if (auto alive = exchange->weak_from_this().lock()) {
          expired.push_back(std::move(alive));
        }
      }
      if (!deadlines_.empty()) ArmLocked(deadlines_.begin()->first);
    }
    for (const auto& exchange : expired) exchange->OnDeadline();
  }

  std::mutex mu_;
  asio::steady_timer timer_;  // guarded by mu_
  // What timer_ waits for; max: nothing.
  Clock::time_point armed_for_ = Clock::time_point::max();
  std::multimap<Clock::time_point, Exchange*> deadlines_;
};

class Pool : public std::enable_shared_from_this<Pool> {
 public:
  Pool(HttpClientOptions options, Url url)
      : options_(std::move(options)),
        url_(std::move(url)),
        port_(std::to_string(url_.port)),
        work_(asio::make_work_guard(io_)),
        deadlines_(io_),
        host_line_(
            absl::StrCat(" HTTP/1.1\r\nHost: ", UriHost(url_.host),
                         "\r\nUser-Agent: ", options_.user_agent, "\r\n",
                         options_.keep_alive ? "" : "Connection: close\r\n")) {}

  absl::Status Init() {
    if (BreaksHead(options_.user_agent, true) ||
        BreaksHead(options_.content_type, true)) {
      return absl::InvalidArgumentError(
          "the user agent and content type may not contain control "
          "characters");
    }
    if (url_.tls) {
      absl::StatusOr<std::unique_ptr<TlsContext>> tls =
          MakeClientTlsContext(options_.tls);
      if (!tls.ok()) return tls.status();
      tls_ = *std::move(tls);
    }
    const int threads = std::max(1, options_.io_threads);
    for (int i = 0; i < threads; ++i) {
      threads_.emplace_back([this] { io_.run(); });
    }
    return absl::OkStatus();
  }

  void Shutdown() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      shutting_down_ = true;
      for (auto& connection : idle_) {
        asio::post(connection->strand(), [connection] { connection->Close(); });
      }
      idle_.clear();
    }
    work_.reset();
    io_.stop();
    for (auto& thread : threads_) thread.join();
    deadlines_.Stop();
  }

  const HttpClientOptions& options() const { return options_; }
  const Url& url() const { return url_; }
  const std::string& port() const { return port_; }
  // The request line and headers; what Beast's request<string_body> wrote,
  // without building one per call.
  std::string RequestHead(const ClientRequest& request) const {
    std::string head = absl::StrCat(
        request.method, " ",
        request.target.empty() ? url_.target : request.target, host_line_);
    for (const auto& [name, value] : request.headers) {
      absl::StrAppend(&head, name, ": ", value, "\r\n");
    }
    if (!request.body.empty() ||
        (request.method != "GET" && request.method != "HEAD")) {
      absl::StrAppend(&head, "Content-Type: ",
                      request.content_type.empty() ? options_.content_type
                                                   : request.content_type,
                      "\r\nContent-Length: ", request.body.size(), "\r\n");
    }
    absl::StrAppend(&head, "\r\n");
    return head;
  }
  // What a failure says about delivery.
  std::string Unsent() const { return "the request was not sent"; }
  std::string MayHaveArrived() const {
    return absl::StrCat("the request may have reached ", options_.peer_name,
                        "; its outcome is unknown");
  }
  asio::io_context& io() { return io_; }
  DeadlineWatch& deadlines() { return deadlines_; }

  void Submit(const std::shared_ptr<Exchange>& exchange) {
    std::shared_ptr<Connection> connection;
    bool reused = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (shutting_down_) {
        exchange->FailUnsent(absl::UnavailableError(
            absl::StrCat("the ", options_.label, " client is shutting down")));
        return;
      }
      connection = TakeIdleLocked();
      if (connection != nullptr) {
        reused = true;
      } else if (open_ < options_.max_connections) {
        ++open_;
        connection = std::make_shared<Connection>(io_, tls_.get());
      } else {
        waiting_.push_back(exchange);
        StartWaitTimerLocked(exchange);
        return;
      }
    }
    Hand(exchange, std::move(connection), reused);
  }

  // An exchange is done with `connection`: keep it for the next request, or
  // close it and let a waiter open a fresh one.
  void Return(std::shared_ptr<Connection> connection, bool reusable) {
    std::shared_ptr<Exchange> next;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (!waiting_.empty()) {
        next = waiting_.front();
        waiting_.pop_front();
        next->wait_timer.reset();
      }
      if (!reusable || shutting_down_) {
        asio::post(connection->strand(), [connection] { connection->Close(); });
        if (next != nullptr) {
          connection = std::make_shared<Connection>(io_, tls_.get());
        } else {
          --open_;
        }
      } else if (next == nullptr) {
        connection->idle_since = Clock::now();
        idle_.push_back(std::move(connection));
        return;
      }
    }
    if (next != nullptr) {
      const bool reused = connection->connected;
      Hand(next, std::move(connection), reused);
    }
  }

  // Removes a waiting exchange (cancelled or timed out); false if it already
  // got a connection.
  bool Unqueue(Exchange* exchange) {
    std::lock_guard<std::mutex> lock(mu_);
    for (auto it = waiting_.begin(); it != waiting_.end(); ++it) {
      if (it->get() == exchange) {
        waiting_.erase(it);
        return true;
      }
    }
    return false;
  }

  PoolStats Stats() const {
    std::lock_guard<std::mutex> lock(mu_);
    return {open_, idle_.size(), waiting_.size()};
  }

 private:
  void Hand(const std::shared_ptr<Exchange>& exchange,
            std::shared_ptr<Connection> connection, bool reused) {
    exchange->Start(std::move(connection), reused);
  }

  std::shared_ptr<Connection> TakeIdleLocked() {
    const auto now = Clock::now();
    const auto max_idle = absl::ToChronoNanoseconds(options_.idle_timeout);
    while (!idle_.empty()) {
      std::shared_ptr<Connection> connection = std::move(idle_.back());
      idle_.pop_back();
      if (now - connection->idle_since < max_idle &&
          connection->LooksReusable()) {
        return connection;
      }
      --open_;
      asio::post(connection->strand(), [connection] { connection->Close(); });
    }
    return nullptr;
  }

  void StartWaitTimerLocked(const std::shared_ptr<Exchange>& exchange) {
    if (exchange->steady_deadline() == Clock::time_point::max()) return;
    exchange->wait_timer = std::make_unique<asio::steady_timer>(io_);
    exchange->wait_timer->expires_at(exchange->steady_deadline());
    exchange->wait_timer->async_wait(
        [this, weak = std::weak_ptr<Exchange>(exchange)](beast::error_code ec) {
          if (ec) return;
          auto exchange = weak.lock();
          if (exchange != nullptr && Unqueue(exchange.get())) {
            exchange->FailUnsent(absl::DeadlineExceededError(
                absl::StrCat("no ", options_.label,
                             " connection became free before the deadline; "
                             "the request was not sent")));
          }
        });
  }

  const HttpClientOptions options_;
  const Url url_;
  const std::string port_;
  asio::io_context io_;
  asio::executor_work_guard<asio::io_context::executor_type> work_;
  DeadlineWatch deadlines_;
  // " HTTP/1.1", Host, User-Agent and Connection: what every request says.
  const std::string host_line_;
  std::unique_ptr<TlsContext> tls_;
  std::vector<std::thread> threads_;

  mutable std::mutex mu_;
  bool shutting_down_ = false;
  size_t open_ = 0;
  std::vector<std::shared_ptr<Connection>> idle_;
  std::deque<std::shared_ptr<Exchange>> waiting_;
};

void Exchange::Start(std::shared_ptr<Connection> connection, bool reused) {
  reused_ = reused;
  std::unique_lock<std::mutex> lock(connection_mu_);
  connection_ = std::move(connection);
  absl::Status unsent;
  if (cancelled_) {
    unsent = absl::CancelledError("the call was cancelled before it was sent");
  } else if (Clock::now() >= steady_deadline_) {
    unsent = absl::DeadlineExceededError(
        "the deadline passed before the request was sent");
  }
  if (!unsent.ok()) {
    const bool reusable = connection_->connected;
    lock.unlock();
    ReleaseConnection(reusable);
    Finish(std::move(unsent), Delivery::kNotSent);
    return;
  }
  // Cancel's and the deadline's handlers wait for connection_mu_, so the
  // I/O started below is never raced by a close.
  if (connection_->connected) {
    WatchDeadline();
    Write();
  } else {
    timer_.emplace(connection_->strand());
    Connect();
  }
}

Exchange::~Exchange() { pool_->deadlines().Unwatch(this); }

void Exchange::WatchDeadline() {
  if (timer_) {
    ++timer_generation_;  // a connect timer that already fired does nothing
    timer_->cancel();
  }
  if (steady_deadline_ != Clock::time_point::max()) {
    pool_->deadlines().Watch(this, steady_deadline_);
  }
}

void Exchange::OnDeadline() { CloseOnStrand(/*deadline=*/true); }

void Exchange::CloseOnStrand(bool deadline) {
  std::shared_ptr<Connection> connection;
  {
    std::lock_guard<std::mutex> lock(connection_mu_);
    connection = connection_;
  }
  if (connection == nullptr) return;
  // Aborting pending I/O makes its handler report the cancel or the
  // timeout. On the strand, and only while the connection is still this
  // exchange's: it may have been handed to another request meanwhile.
  asio::post(connection->strand(),
             [self = shared_from_this(), connection, deadline] {
               std::lock_guard<std::mutex> lock(self->connection_mu_);
               if (self->connection_ != connection) return;
               if (deadline) self->timed_out_ = true;
               connection->Close();
             });
}

void Exchange::ArmTimer(Clock::time_point at) {
  // A handler of an earlier arming that already expired sees a newer
  // generation and does nothing.
  const uint32_t generation = ++timer_generation_;
  timer_->expires_at(at);
  timer_->async_wait(
      [weak = weak_from_this(), generation](beast::error_code ec) {
        if (ec) return;  // cancelled: the exchange ended or re-armed
        if (auto self = weak.lock()) self->OnTimer(generation);
      });
}

void Exchange::OnTimer(uint32_t generation) {
  if (generation != timer_generation_) return;
  std::lock_guard<std::mutex> lock(connection_mu_);
  if (connection_ == nullptr) return;
  // The pending operation then fails, and OnIoError reports the timeout.
  timed_out_ = true;
  connection_->Close();
}

void Exchange::Connect() {
  const auto& options = pool_->options();
  ArmTimer(std::min(
      steady_deadline_,
      Clock::now() + absl::ToChronoNanoseconds(options.connect_timeout)));
  connection_->resolver().async_resolve(
      pool_->url().host, pool_->port(),
      [self = shared_from_this()](beast::error_code ec,
                                  Resolver::results_type results) {
        if (ec) return self->OnIoError(ec, "resolve");
        asio::async_connect(self->connection_->socket(), results,
                            [self](beast::error_code ec, const tcp::endpoint&) {
                              if (ec) return self->OnIoError(ec, "connect");
                              auto& socket = self->connection_->socket();
                              socket.set_option(tcp::no_delay(true), ec);
                              if (self->connection_->is_tls()) {
                                self->Handshake();
                              } else {
                                // Write() tries a synchronous send first.
                                socket.non_blocking(true, ec);
                                self->connection_->connected = true;
                                self->WatchDeadline();
                                self->Write();
                              }
                            });
      });
}

void Exchange::Handshake() {
  SetPeerName(connection_->tls().native_handle(), pool_->url().host);
  connection_->tls().async_handshake(
      asio::ssl::stream_base::client,
      [self = shared_from_this()](beast::error_code ec) {
        if (ec) return self->OnIoError(ec, "TLS handshake");
        self->connection_->connected = true;
        self->WatchDeadline();
        self->Write();
      });
}

void Exchange::Write() {
  head_ = pool_->RequestHead(request_);
  const std::string& body = request_.body;
  // From here on the server may receive the request.
  delivery_ = Delivery::kOutcomeUnknown;
  beast::buffers_suffix<std::array<asio::const_buffer, 2>> rest(
      std::array<asio::const_buffer, 2>{asio::buffer(head_),
                                        asio::buffer(body)});
  if (!connection_->is_tls()) {
    // The request nearly always fits the socket buffer: send it now and
    // wait only for the answer.
    beast::error_code ec;
    const size_t sent = connection_->socket().write_some(rest, ec);
    if (!ec && sent == head_.size() + body.size()) return Read();
    if (ec && ec != asio::error::would_block && ec != asio::error::try_again) {
      // Reported from the strand, like every other I/O error.
      asio::post(connection_->strand(), [self = shared_from_this(), ec] {
        self->OnIoError(ec, "write");
      });
      return;
    }
    if (!ec) rest.consume(sent);
  }
  connection_->WithStream([this, &rest](auto& stream) {
    asio::async_write(
        stream, rest,
        [self = shared_from_this()](beast::error_code ec, size_t) {
          if (ec) return self->OnIoError(ec, "write");
          self->Read();
        });
  });
}

void Exchange::Read() {
  parser_.emplace(pool_->options().response_headers,
                  pool_->options().max_response_bytes);
  connection_->buffer.clear();
  ReadSome();
}

void Exchange::ReadSome() {
  auto& buffer = connection_->buffer;
  const auto space = buffer.prepare(beast::read_size(buffer, 65536));
  connection_->WithStream([this, &space](auto& stream) {
    stream.async_read_some(
        space, [self = shared_from_this()](beast::error_code ec, size_t n) {
          self->OnRead(ec, n);
        });
  });
}

void Exchange::OnRead(beast::error_code ec, size_t bytes) {
  auto& buffer = connection_->buffer;
  buffer.commit(bytes);
  if (ec == asio::error::eof) {
    // As Beast's read: the end of a message without a length, or a
    // truncated one.
    ec = {};
    if (parser_->got_some()) {
      parser_->put_eof(ec);
      if (!ec) return OnResponse();
    } else {
      ec = http::error::end_of_stream;
    }
  }
  if (ec) return OnIoError(ec, "read");
  const size_t limit = pool_->options().max_response_bytes;
  while (buffer.size() > 0 && !parser_->is_done()) {
    const bool had_header = parser_->is_header_done();
    const size_t used = parser_->put(buffer.data(), ec);
    buffer.consume(used);
    if (ec == http::error::need_more) {
      ec = {};
      break;
    }
    if (ec) return OnIoError(ec, "read");
    if (!had_header && parser_->is_header_done()) {
      // Beast 1.74 does not apply body_limit to a Content-Length it has
      // already buffered, so check the announced length here.
      const auto length = parser_->content_length();
      if (length && *length > limit) {
        return OnIoError(http::error::body_limit, "read");
      }
    }
    if (used == 0) break;
  }
  if (parser_->is_done()) return OnResponse();
  ReadSome();
}

void Exchange::OnResponse() {
  ResponseParser& response = *parser_;
  if (response.body.size() > pool_->options().max_response_bytes) {
    return OnIoError(http::error::body_limit, "read");
  }
  pool_->deadlines().Unwatch(this);
  HttpResult result;
  result.http_status = response.status;
  result.content_type = std::move(response.content_type);
  result.headers = std::move(response.headers);
  result.body = std::move(response.body);
  ReleaseConnection(response.keep_alive() && pool_->options().keep_alive);
  delivery_ = Delivery::kAnswered;
  result.delivery = Delivery::kAnswered;
  Complete(std::move(result));
}

void Exchange::OnIoError(beast::error_code ec, absl::string_view stage) {
  if (timer_) timer_->cancel();
  pool_->deadlines().Unwatch(this);
  ReleaseConnection(false);
  const std::string what = delivery_ == Delivery::kNotSent
                               ? pool_->Unsent()
                               : pool_->MayHaveArrived();
  const std::string& label = pool_->options().label;
  // An HTTP error is the answer's fault; end_of_stream (closed before a
  // byte of it) and errors of the transport are not.
  if (ec.category() ==
          http::make_error_code(http::error::need_more).category() &&
      ec != http::error::end_of_stream) {
    read_failure_ = ec == http::error::partial_message
                        ? ReadFailure::kTruncated
                        : ReadFailure::kMalformed;
  }
  absl::Status status;
  if (cancelled_) {
    status = absl::CancelledError(
        absl::StrCat("cancelled during ", stage, "; ", what));
  } else if (timed_out_) {
    status = absl::DeadlineExceededError(
        absl::StrCat(label, " ", stage, " timed out; ", what));
  } else if (delivery_ == Delivery::kNotSent) {
    status = absl::UnavailableError(absl::StrCat(label, " ", stage, " failed (",
                                                 ec.message(), "); ", what));
  } else {
    status = absl::UnknownError(absl::StrCat(label, " ", stage, " failed (",
                                             ec.message(), "); ", what));
  }
  Finish(std::move(status), delivery_);
}

void Exchange::Finish(absl::Status status, Delivery delivery) {
  HttpResult result;
  result.status = std::move(status);
  result.delivery = delivery;
  result.read_failure = read_failure_;
  Complete(std::move(result));
}

void Exchange::Complete(HttpResult result) {
  if (finished_.exchange(true)) return;
  result.latency = absl::Now() - start_;
  result.reused_connection = reused_;
  RunDone(std::move(result));
}

void Exchange::ReleaseConnection(bool reusable) {
  std::shared_ptr<Connection> connection;
  {
    std::lock_guard<std::mutex> lock(connection_mu_);
    connection = std::move(connection_);
  }
  if (connection == nullptr) return;
  pool_->Return(std::move(connection), reusable);
}

void Exchange::Cancel() {
  if (cancelled_.exchange(true) || finished_) return;
  if (pool_->Unqueue(this)) {
    Finish(absl::CancelledError("the call was cancelled before it was sent"),
           Delivery::kNotSent);
    return;
  }
  CloseOnStrand(/*deadline=*/false);
}

class PooledHttpClient final : public HttpClient {
 public:
  explicit PooledHttpClient(std::shared_ptr<Pool> pool)
      : pool_(std::move(pool)) {}
  ~PooledHttpClient() override { pool_->Shutdown(); }

  std::shared_ptr<Call> Send(ClientRequest request, Callback done) override {
    absl::Status invalid = CheckRequest(request);
    auto exchange =
        std::make_shared<Exchange>(pool_, std::move(request), std::move(done));
    if (!invalid.ok()) {
      exchange->FailUnsent(std::move(invalid));
      return exchange;
    }
    pool_->Submit(exchange);
    return exchange;
  }

  PoolStats Stats() const override { return pool_->Stats(); }

 private:
  std::shared_ptr<Pool> pool_;
};

}  // namespace

absl::StatusOr<std::unique_ptr<HttpClient>> HttpClient::Create(
    const HttpClientOptions& options) {
  absl::StatusOr<Url> url = ParseUrl(options.url);
  if (!url.ok()) {
    // "upstream URL '...' has no host": named as the configuration names it.
    return absl::Status(
        url.status().code(),
        absl::StrCat(options.label, " ", url.status().message()));
  }
  auto pool = std::make_shared<Pool>(options, *std::move(url));
  if (absl::Status status = pool->Init(); !status.ok()) return status;
  return std::make_unique<PooledHttpClient>(std::move(pool));
}

HttpResult HttpClient::SendAndWait(ClientRequest request) {
  absl::Notification done;
  HttpResult result;
  Send(std::move(request), [&](HttpResult answer) {
    result = std::move(answer);
    done.Notify();
  });
  done.WaitForNotification();
  return result;
}

}  // namespace payone::net
