#ifndef PAYONE_SERVICE_GATEWAY_FORWARDER_H_
#define PAYONE_SERVICE_GATEWAY_FORWARDER_H_

// The one forwarding path of every RPC: authorise -> validate -> encode ->
// POST to PAYONE -> decode. Generated code (payone/v1/gateway.payone_service.h)
// calls Forward<Req, Resp> from each RPC, so a request type added to the
// .proto needs no code here.

#include <memory>
#include <mutex>
#include <string>
#include <type_traits>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "codec/runtime/codec.h"
#include "codec/runtime/form.h"
#include "grpcpp/grpcpp.h"
#include "payone/v1/responses.pb.h"
#include "service/config/config.h"
#include "service/gateway/authorizer.h"
#include "service/gateway/call_log.h"
#include "service/gateway/grpc_errors.h"
#include "service/gateway/metrics.h"
#include "service/upstream/http_client.h"

namespace payone::service {

namespace internal {

template <typename T, typename = void>
struct HasTxid : std::false_type {};
template <typename T>
struct HasTxid<T, std::void_t<decltype(std::declval<const T&>().txid())>>
    : std::true_type {};

// GetFile and GetInvoice: PAYONE answers with the file itself.
template <typename T, typename = void>
struct HasContent : std::false_type {};
template <typename T>
struct HasContent<T, std::void_t<decltype(std::declval<T&>().set_content(""))>>
    : std::true_type {};

template <typename T, typename = void>
struct HasErrorcode : std::false_type {};
template <typename T>
struct HasErrorcode<T,
                    std::void_t<decltype(std::declval<const T&>().errorcode())>>
    : std::true_type {};

// What one call has gathered so far; shared by the reactor and the upstream
// callback, which may outlive each other.
struct CallState {
  std::string method;
  std::string request_type;
  std::string request_id;
  absl::Time start;
  payone::gateway::v1::CallLog log;
  std::mutex mu;
  bool cancelled = false;
  std::shared_ptr<HttpClient::Call> upstream;
};

class ForwardReactor final : public grpc::ServerUnaryReactor {
 public:
  explicit ForwardReactor(std::shared_ptr<CallState> state)
      : state_(std::move(state)) {}
  void OnCancel() override;
  void OnDone() override { delete this; }

 private:
  std::shared_ptr<CallState> state_;
};

}  // namespace internal

class Forwarder {
 public:
  Forwarder(const Config& config, HttpClient* upstream, GatewayMetrics* metrics,
            CallLogger* logger)
      : config_(config),
        authorizer_(config),
        upstream_(upstream),
        metrics_(metrics),
        logger_(logger) {}

  template <typename Req, typename Resp>
  grpc::ServerUnaryReactor* Forward(grpc::CallbackServerContext* ctx,
                                    const Req* req, Resp* resp,
                                    absl::string_view method);

 private:
  std::shared_ptr<internal::CallState> Begin(grpc::CallbackServerContext* ctx,
                                             absl::string_view method,
                                             absl::string_view request_type);
  // Checks the caller's token and account; the account on success.
  const AccountSettings* Authorize(grpc::CallbackServerContext* ctx,
                                   absl::string_view account,
                                   internal::CallState& state,
                                   grpc::Status* refusal);
  // Standard parameters a request type must not carry, from its
  // (payone.v1.message).omit_standard_parameters.
  static absl::flat_hash_set<std::string> OmittedStandardParameters(
      const google::protobuf::Descriptor* request);
  // mid, aid, portalid, key, api_version, mode, request, encoding and the
  // solution name and version, less those in `omit`.
  void AddStandardParameters(const AccountSettings& account,
                             absl::string_view request_type,
                             const absl::flat_hash_set<std::string>& omit,
                             codec::FormBuilder* form) const;
  absl::Time UpstreamDeadline(grpc::CallbackServerContext* ctx) const;
  // Ends the call: log line, metrics, then Finish.
  void Finish(grpc::ServerUnaryReactor* reactor, internal::CallState& state,
              const grpc::Status& status);
  void RecordUpstream(internal::CallState& state, const HttpResult& result);
  void RecordAnswer(internal::CallState& state, absl::string_view status,
                    int errorcode, absl::string_view txid);

  const Config& config_;
  Authorizer authorizer_;
  HttpClient* upstream_;
  GatewayMetrics* metrics_;
  CallLogger* logger_;
};

template <typename Req, typename Resp>
grpc::ServerUnaryReactor* Forwarder::Forward(grpc::CallbackServerContext* ctx,
                                             const Req* req, Resp* resp,
                                             absl::string_view method) {
  using RequestCodec = codec::PayoneCodec<Req>;
  using ResponseCodec = codec::PayoneCodec<Resp>;
  std::shared_ptr<internal::CallState> state =
      Begin(ctx, method, RequestCodec::kRequestType);
  auto* reactor = new internal::ForwardReactor(state);

  grpc::Status refusal;
  const AccountSettings* account =
      Authorize(ctx, req->account(), *state, &refusal);
  if (account == nullptr) {
    Finish(reactor, *state, refusal);
    return reactor;
  }
  codec::EncodeOptions encode_options;
  encode_options.charset = account->charset;
  codec::Violations violations;
  RequestCodec::Validate(*req, encode_options, &violations);
  if (!violations.empty()) {
    Finish(reactor, *state, ValidationFailed(violations.list()));
    return reactor;
  }
  static const auto* const omit = new absl::flat_hash_set<std::string>(
      OmittedStandardParameters(Req::descriptor()));
  // Most requests fit, so the body is allocated once.
  codec::FormBuilder form(2048);
  AddStandardParameters(*account, RequestCodec::kRequestType, *omit, &form);
  RequestCodec::Encode(*req, encode_options, &form);

  codec::DecodeOptions decode_options;
  decode_options.charset = account->charset;
  decode_options.max_body_bytes = config_.max_response_bytes;
  // The reactor may be deleted as soon as Finish runs (possibly before Post
  // returns): nothing below touches it except through the callback.
  std::shared_ptr<HttpClient::Call> call = upstream_->Post(
      form.Release(), UpstreamDeadline(ctx),
      [this, reactor, state, resp, decode_options](HttpResult result) {
        RecordUpstream(*state, result);
        if (!result.status.ok()) {
          Finish(reactor, *state,
                 UpstreamFailed(result.status, result.delivery));
          return;
        }
        if (result.http_status != 200) {
          Finish(
              reactor, *state,
              UpstreamFailed(absl::UnknownError(absl::StrCat(
                                 "PAYONE answered HTTP ", result.http_status)),
                             Delivery::kOutcomeUnknown));
          return;
        }
        if constexpr (internal::HasContent<Resp>::value) {
          if (!absl::StartsWith(result.content_type, "text/plain") &&
              !absl::StartsWith(result.content_type, "application/json")) {
            resp->set_status(payone::v1::STATUS_APPROVED);
            resp->set_content(std::move(result.body));
            RecordAnswer(*state, "APPROVED", 0, "");
            Finish(reactor, *state, grpc::Status::OK);
            return;
          }
        }
        absl::Status decoded =
            ResponseCodec::Decode(result.body, decode_options, resp);
        if (!decoded.ok()) {
          Finish(reactor, *state,
                 UpstreamFailed(absl::UnknownError(absl::StrCat(
                                    "PAYONE's answer could not be read: ",
                                    decoded.message())),
                                Delivery::kOutcomeUnknown));
          return;
        }
        std::string txid;
        if constexpr (internal::HasTxid<Resp>::value) txid = resp->txid();
        int errorcode = 0;
        if constexpr (internal::HasErrorcode<Resp>::value) {
          errorcode = static_cast<int>(resp->errorcode());
        }
        absl::string_view status_name = Status_Name(resp->status());
        absl::ConsumePrefix(&status_name, "STATUS_");
        RecordAnswer(*state, status_name, errorcode, txid);
        Finish(reactor, *state, grpc::Status::OK);
      });
  std::lock_guard<std::mutex> lock(state->mu);
  state->upstream = std::move(call);
  if (state->cancelled && state->upstream != nullptr) state->upstream->Cancel();
  return reactor;
}

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_FORWARDER_H_
