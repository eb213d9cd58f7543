#ifndef PAYONE_SERVICE_GATEWAY_PAYMENT_FORWARDER_H_
#define PAYONE_SERVICE_GATEWAY_PAYMENT_FORWARDER_H_

// The one forwarding path of every RPC: authorise -> validate -> encode ->
// POST to PAYONE -> decode. Generated code (payone/v1/gateway.payone_service.h)
// calls Forward<Req, Resp> from each RPC, so a request type added to the
// .proto needs no code here.

#include <memory>
#include <mutex>
#include <optional>
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
#include "codec/runtime/json_answer.h"
#include "codec/runtime/malformed_request.h"
#include "grpcpp/grpcpp.h"
#include "payone/v1/responses.pb.h"
#include "service/config/config.h"
#include "service/gateway/authorizer.h"
#include "service/gateway/call_interceptor.h"
#include "service/gateway/call_metadata.h"
#include "service/gateway/card_data_policy.h"
#include "service/gateway/grpc_errors.h"
#include "service/ledger/ledger.h"
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

// Answers with a typed result of the request's action (result_oneof).
template <typename T, typename = void>
struct HasResult : std::false_type {};
template <typename T>
struct HasResult<T, std::void_t<decltype(codec::PayoneCodec<T>::DecodeResult(
                        0, "", codec::DecodeOptions(), nullptr))>>
    : std::true_type {};

template <typename T, typename = void>
struct HasErrorcode : std::false_type {};
template <typename T>
struct HasErrorcode<T,
                    std::void_t<decltype(std::declval<const T&>().errorcode())>>
    : std::true_type {};

// One call's forwarding; shared by the reactor and the upstream callback,
// which may outlive each other.
struct CallState {
  // The call's record (its interceptor's), where the PAYONE facts go for the
  // log line and the metrics; `own_record` for a call nothing intercepts
  // (allocated only then: a CallLog costs to build and destroy).
  CallRecord* record = nullptr;
  std::unique_ptr<CallRecord> own_record;
  std::mutex mu;
  bool cancelled = false;
  std::shared_ptr<HttpClient::Call> upstream;
  // The configuration the call was admitted with (keeps its account alive).
  std::shared_ptr<const Config> config;
};

// A call's ledger bookkeeping, from admission to the recorded outcome.
struct LedgerCall {
  LedgerRequest request;
  Admission admission;
};

// One request to PAYONE, encoded and about to be sent, and how to read its
// answer.
struct PreparedRequest {
  std::string body;
  absl::Time deadline;
  codec::DecodeOptions decode_options;
  std::shared_ptr<LedgerCall> ledger_call;  // null without a ledger
  // Field number of the request's action (action_oneof), 0 without one:
  // selects the answer's typed result.
  int action = 0;
};

// What came of a PreparedRequest.
struct Answer {
  grpc::Status status;
  RequestRecord::Outcome outcome = RequestRecord::Outcome::kUnknown;
  std::string payone_status;  // "APPROVED", ... when answered
  // False when payone_status is a text the model does not know.
  bool status_recognized = true;
  int errorcode = 0;
  std::string txid;
};

class ForwardReactor final : public grpc::ServerUnaryReactor {
 public:
  explicit ForwardReactor(std::shared_ptr<CallState> state)
      : state_(std::move(state)) {}
  void OnCancel() override;
  void OnDone() override { delete this; }
  // Neither reaction blocks (OnDone frees memory; OnCancel flags the call
  // and aborts its upstream I/O), so gRPC may run them on the thread that
  // completes the call. Otherwise gRPC 1.51 hands every call's OnDone to
  // its executor thread: one more wake-up and context switch per call.
  // gRPC calls this hook internal (its DefaultReactor uses it): recheck it
  // when gRPC is upgraded.
  bool InternalInlineable() override { return true; }

 private:
  std::shared_ptr<CallState> state_;
};

}  // namespace internal

class PaymentForwarder {
 public:
  // `ledger` may be null: no ledger bookkeeping. The call log and metrics
  // are the CallInterceptorFactory's. `config` must outlive the forwarder;
  // each call reads one snapshot.
  PaymentForwarder(const LiveConfig& config, HttpClient* upstream,
                   Ledger* ledger = nullptr)
      : authorizer_(config),
        // Read once (not per call): upstream settings need a restart.
        request_timeout_(ConfigDuration(
            config.Get()->file.upstream(),
            payone::gateway::v1::Upstream::kRequestTimeoutFieldNumber)),
        upstream_(upstream),
        ledger_(ledger) {}

  template <typename Req, typename Resp>
  grpc::ServerUnaryReactor* Forward(grpc::CallbackServerContext* ctx,
                                    const Req* req, Resp* resp,
                                    absl::string_view method);

 private:
  static constexpr size_t kMaxIdempotencyKeyBytes = 255;

  // What the ledger records of `req`, from the contract's ledger options.
  template <typename Req>
  static void DescribeForLedger(const Req& req, const AccountSettings& account,
                                RequestRecord* record);
  // The form body: standard parameters, then the request's.
  template <typename Req>
  std::string Encode(const Req& req, const AccountSettings& account,
                     const codec::EncodeOptions& options) const;
  template <typename Resp>
  void Send(internal::ForwardReactor* reactor,
            std::shared_ptr<internal::CallState> state, Resp* resp,
            internal::PreparedRequest prepared);
  template <typename Resp>
  static internal::Answer ReadAnswer(HttpResult result, int action,
                                     const codec::DecodeOptions& options,
                                     Resp* resp);
  static std::shared_ptr<internal::CallState> Begin(
      grpc::CallbackServerContext* ctx, absl::string_view request_type);
  // Checks the caller's token and account; the account on success.
  const AccountSettings* Authorize(grpc::CallbackServerContext* ctx,
                                   absl::string_view account,
                                   internal::CallState& state,
                                   grpc::Status* refusal);
  // Standard parameters a request type must not carry, from its
  // (payone.v1.message).omit_standard_parameters.
  static absl::flat_hash_set<std::string> OmittedStandardParameters(
      const google::protobuf::Descriptor* request);
  // The field number of the alternative set in the request's
  // (payone.v1.message).action_oneof, 0 when it has none or none is set.
  static int ActionOf(const google::protobuf::Message& request);
  // mid, aid, portalid, key, api_version, mode, request, encoding and the
  // solution name and version, less those in `omit`.
  void AddStandardParameters(const AccountSettings& account,
                             absl::string_view request_type,
                             const absl::flat_hash_set<std::string>& omit,
                             codec::FormBuilder* form) const;
  absl::Time UpstreamDeadline(grpc::CallbackServerContext* ctx) const;
  static void RecordUpstream(internal::CallState& state,
                             const HttpResult& result);
  // An unrecognized status is logged as sent and counted as "UNRECOGNIZED"
  // (metric labels stay a closed set).
  static void RecordAnswer(internal::CallState& state,
                           const internal::Answer& answer);

  Authorizer authorizer_;
  const absl::Duration request_timeout_;
  HttpClient* upstream_;
  Ledger* ledger_;
};

template <typename Req, typename Resp>
grpc::ServerUnaryReactor* PaymentForwarder::Forward(
    grpc::CallbackServerContext* ctx, const Req* req, Resp* resp,
    absl::string_view method) {
  using RequestCodec = codec::PayoneCodec<Req>;
  std::shared_ptr<internal::CallState> state =
      Begin(ctx, RequestCodec::kRequestType);
  auto* reactor = new internal::ForwardReactor(state);
  if (grpc::Status malformed = codec::TakeMalformedRequest(req);
      !malformed.ok()) {
    // Nothing in it can be read, not even the account it names.
    reactor->Finish(malformed);
    return reactor;
  }

  grpc::Status refusal;
  const AccountSettings* account =
      Authorize(ctx, req->account(), *state, &refusal);
  if (account == nullptr) {
    reactor->Finish(refusal);
    return reactor;
  }
  codec::EncodeOptions encode_options;
  encode_options.charset = account->charset;
  // With a ledger a missing sequence number is filled in later, so it is
  // validated as if present.
  const Req* to_validate = req;
  std::optional<Req> with_number;
  if constexpr (RequestCodec::kTakesSequenceNumber) {
    if (ledger_ != nullptr && !req->has_sequencenumber()) {
      with_number.emplace(*req);
      RequestCodec::SetSequenceNumber(&*with_number, 0);
      to_validate = &*with_number;
    }
  }
  codec::Violations violations;
  RequestCodec::Validate(*to_validate, encode_options, &violations);
  if (account->file.card_data() == payone::gateway::v1::PSEUDO_CARD_PAN_ONLY) {
    CheckPseudoCardPanOnly(*req, account->file.name(), &violations);
  }
  if (!violations.empty()) {
    reactor->Finish(ValidationFailed(violations.list()));
    return reactor;
  }

  const payone::gateway::v1::Upstream& limits = state->config->file.upstream();
  internal::PreparedRequest prepared;
  prepared.deadline = UpstreamDeadline(ctx);
  prepared.decode_options.charset = account->charset;
  prepared.decode_options.max_body_bytes = limits.max_response_bytes();
  if constexpr (internal::HasResult<Resp>::value) {
    prepared.action = ActionOf(*req);
  }
  // Encoded before the ledger records anything, so that an oversized body
  // is refused with nothing sent. A sequence number the ledger fills in
  // adds a few bytes later; the bound is on what the caller sent.
  prepared.body = Encode(*req, *account, encode_options);
  if (prepared.body.size() > limits.max_request_bytes()) {
    reactor->Finish(ValidationFailed(
        {{"", "",
          absl::StrCat("the request encodes to ", prepared.body.size(),
                       " bytes, more than the limit of ",
                       limits.max_request_bytes())}}));
    return reactor;
  }
  const absl::string_view idempotency_key =
      ClientMetadata(ctx, "idempotency-key");
  if (ledger_ == nullptr) {
    // A caller relying on a key must not get at-least-once silently.
    if (!idempotency_key.empty()) {
      reactor->Finish(
          grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                       "idempotency-key needs the gateway's payment ledger, "
                       "which this gateway runs without; nothing was sent"));
      return reactor;
    }
    Send(reactor, state, resp, std::move(prepared));
    return reactor;
  }
  if (idempotency_key.size() > kMaxIdempotencyKeyBytes) {
    reactor->Finish(grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                                 "idempotency-key is longer than 255 bytes"));
    return reactor;
  }

  // The ledger decides first (off this thread: its store blocks); the
  // request it admits, with the sequence number it filled in, is encoded
  // once and sent.
  auto ledger_call = std::make_shared<internal::LedgerCall>();
  LedgerRequest& ledger_request = ledger_call->request;
  DescribeForLedger<Req>(*req, *account, &ledger_request.record);
  ledger_request.takes_sequencenumber = RequestCodec::kTakesSequenceNumber;
  ledger_request.idempotency_key = std::string(idempotency_key);
  if (!ledger_request.idempotency_key.empty()) {
    ledger_request.fingerprint = RequestFingerprint(method, *req);
  }
  prepared.ledger_call = ledger_call;
  ledger_->Admit(ledger_request, [this, reactor, state, req, resp, account,
                                  encode_options, ledger_call,
                                  prepared = std::move(prepared)](
                                     Admission admission) mutable {
    ledger_call->admission = std::move(admission);
    const Admission& admitted = ledger_call->admission;
    if (!admitted.status.ok()) {
      reactor->Finish(Refused(admitted.status, admitted.reason));
      return;
    }
    if (admitted.replay.has_value()) {
      state->record->log.set_idempotent_replay(true);
      reactor->Finish(resp->ParseFromString(*admitted.replay)
                          ? grpc::Status::OK
                          : grpc::Status(grpc::StatusCode::INTERNAL,
                                         "the stored response cannot be read"));
      return;
    }
    // Only a request whose sequence number the ledger filled in is encoded
    // again; the others go as encoded above.
    (void)req, (void)account, (void)encode_options;
    if constexpr (RequestCodec::kTakesSequenceNumber) {
      if (admitted.filled_sequencenumber.has_value()) {
        Req completed = *req;
        RequestCodec::SetSequenceNumber(&completed,
                                        *admitted.filled_sequencenumber);
        state->record->log.set_filled_sequencenumber(
            *admitted.filled_sequencenumber);
        prepared.body = Encode(completed, *account, encode_options);
        Send(reactor, state, resp, std::move(prepared));
        return;
      }
    }
    Send(reactor, state, resp, std::move(prepared));
  });
  return reactor;
}

template <typename Req>
void PaymentForwarder::DescribeForLedger(const Req& req,
                                         const AccountSettings& account,
                                         RequestRecord* record) {
  using RequestCodec = codec::PayoneCodec<Req>;
  const codec::LedgerFields fields = RequestCodec::LedgerFieldsOf(req);
  record->account = req.account();
  record->portalid = account.file.portalid();
  record->request_type = std::string(RequestCodec::kRequestType);
  record->effect = RequestCodec::kLedgerEffect;
  record->txid = std::string(fields.txid);
  record->reference = std::string(fields.reference);
  record->sequencenumber = fields.sequencenumber;
  record->amount = fields.amount;
  record->currency = std::string(fields.currency);
  record->capturemode = std::string(fields.capturemode);
}

template <typename Req>
std::string PaymentForwarder::Encode(
    const Req& req, const AccountSettings& account,
    const codec::EncodeOptions& options) const {
  using RequestCodec = codec::PayoneCodec<Req>;
  static const auto* const omit = new absl::flat_hash_set<std::string>(
      OmittedStandardParameters(Req::descriptor()));
  // Most requests fit, so the body is allocated once.
  codec::FormBuilder form(2048);
  AddStandardParameters(account, RequestCodec::kRequestType, *omit, &form);
  RequestCodec::Encode(req, options, &form);
  return form.Release();
}

template <typename Resp>
void PaymentForwarder::Send(internal::ForwardReactor* reactor,
                            std::shared_ptr<internal::CallState> state,
                            Resp* resp, internal::PreparedRequest prepared) {
  const absl::Time deadline = prepared.deadline;
  std::string body = std::move(prepared.body);
  // The reactor may be deleted as soon as Finish runs (possibly before Post
  // returns): nothing below touches it except through the callback.
  std::shared_ptr<HttpClient::Call> call = upstream_->Post(
      std::move(body), deadline,
      [this, reactor, state, resp,
       prepared = std::move(prepared)](HttpResult result) mutable {
        RecordUpstream(*state, result);
        internal::Answer answer = ReadAnswer(std::move(result), prepared.action,
                                             prepared.decode_options, resp);
        if (answer.outcome == RequestRecord::Outcome::kAnswered) {
          RecordAnswer(*state, answer);
        }
        if (prepared.ledger_call == nullptr) {
          reactor->Finish(answer.status);
          return;
        }
        // The ledger records the outcome before the caller learns it, so a
        // retry with the same idempotency-key finds it.
        internal::LedgerCall& ledger_call = *prepared.ledger_call;
        ledger_->Finish(
            ledger_call.admission, ledger_call.request, answer.outcome,
            answer.payone_status, answer.errorcode, answer.txid,
            answer.outcome == RequestRecord::Outcome::kAnswered
                ? resp->SerializeAsString()
                : std::string(),
            [reactor, state, status = answer.status](absl::Status recorded) {
              if (!recorded.ok()) {
                state->record->log.set_message(
                    absl::StrCat("the ledger could not record the outcome: ",
                                 recorded.message()));
              }
              reactor->Finish(status);
            });
      });
  std::lock_guard<std::mutex> lock(state->mu);
  state->upstream = std::move(call);
  if (state->cancelled && state->upstream != nullptr) state->upstream->Cancel();
}

template <typename Resp>
internal::Answer PaymentForwarder::ReadAnswer(
    HttpResult result, int action, const codec::DecodeOptions& options,
    Resp* resp) {
  using Outcome = RequestRecord::Outcome;
  internal::Answer answer;
  if (!result.status.ok()) {
    answer.status = UpstreamFailed(result.status, result.delivery);
    answer.outcome = result.delivery == Delivery::kNotSent ? Outcome::kNotSent
                                                           : Outcome::kUnknown;
    return answer;
  }
  answer.outcome = Outcome::kUnknown;
  if (result.http_status != 200) {
    answer.status =
        UpstreamFailed(absl::UnknownError(absl::StrCat("PAYONE answered HTTP ",
                                                       result.http_status)),
                       Delivery::kOutcomeUnknown);
    return answer;
  }
  if constexpr (internal::HasContent<Resp>::value) {
    if (!absl::StartsWith(result.content_type, "text/plain") &&
        !absl::StartsWith(result.content_type, "application/json")) {
      resp->set_status(payone::v1::STATUS_APPROVED);
      resp->set_content(std::move(result.body));
      answer.outcome = Outcome::kAnswered;
      answer.payone_status = "APPROVED";
      return answer;
    }
  }
  // JSON (getuser with type=userdata answers only so) is read as the
  // key=value lines it stands for; it is always UTF-8.
  absl::string_view body = result.body;
  codec::DecodeOptions body_options = options;
  std::string json_lines;
  if (absl::StartsWith(result.content_type, "application/json")) {
    absl::StatusOr<std::string> lines = codec::JsonAnswerToLines(result.body);
    if (!lines.ok()) {
      answer.status = UpstreamFailed(
          absl::UnknownError(absl::StrCat("PAYONE's answer could not be read: ",
                                          lines.status().message())),
          Delivery::kOutcomeUnknown);
      return answer;
    }
    json_lines = *std::move(lines);
    body = json_lines;
    body_options.charset = codec::Charset::kUtf8;
  }
  absl::Status decoded =
      codec::PayoneCodec<Resp>::Decode(body, body_options, resp);
  if (!decoded.ok()) {
    answer.status = UpstreamFailed(
        absl::UnknownError(absl::StrCat("PAYONE's answer could not be read: ",
                                        decoded.message())),
        Delivery::kOutcomeUnknown);
    return answer;
  }
  if constexpr (internal::HasResult<Resp>::value) {
    // The body already read as the answer, so only a result part's own
    // parameters are left to go wrong, and those stay in the free maps.
    if (action != 0 && resp->status() != payone::v1::STATUS_ERROR) {
      codec::PayoneCodec<Resp>::DecodeResult(action, body, body_options, resp)
          .IgnoreError();
    }
  }
  answer.outcome = Outcome::kAnswered;
  if constexpr (internal::HasTxid<Resp>::value) answer.txid = resp->txid();
  if constexpr (internal::HasErrorcode<Resp>::value) {
    answer.errorcode = static_cast<int>(resp->errorcode());
  }
  if (resp->status() == payone::v1::STATUS_UNSPECIFIED) {
    // A status newer than the model: the caller has the answer (the text is
    // in other_parameters) and the ledger records the text PAYONE sent.
    const auto sent = resp->other_parameters().find("status");
    answer.payone_status =
        sent == resp->other_parameters().end() ? "" : sent->second;
    answer.status_recognized = false;
    return answer;
  }
  absl::string_view status_name = Status_Name(resp->status());
  absl::ConsumePrefix(&status_name, "STATUS_");
  answer.payone_status = std::string(status_name);
  return answer;
}

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_PAYMENT_FORWARDER_H_
