#include "service/gateway/payment_forwarder.h"

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "payone/v1/options.pb.h"

namespace payone::service {
namespace {

// Identifies the gateway to PAYONE (solution_name/solution_version).
constexpr absl::string_view kSolutionName = "payone-grpc-gateway";
constexpr absl::string_view kSolutionVersion = "0.1.0";

}  // namespace

namespace internal {

void ForwardReactor::OnCancel() {
  std::shared_ptr<HttpClient::Call> call;
  {
    std::lock_guard<std::mutex> lock(state_->mu);
    state_->cancelled = true;
    call = state_->upstream;
  }
  if (call != nullptr) call->Cancel();
}

}  // namespace internal

std::shared_ptr<internal::CallState> PaymentForwarder::Begin(
    grpc::CallbackServerContext* ctx, absl::string_view request_type) {
  auto state = std::make_shared<internal::CallState>();
  state->record = CallRecordOf(ctx);
  if (state->record == nullptr) {
    state->own_record = std::make_unique<CallRecord>();
    state->record = state->own_record.get();
  }
  state->record->log.set_request(std::string(request_type));
  return state;
}

const AccountSettings* PaymentForwarder::Authorize(
    grpc::CallbackServerContext* ctx, absl::string_view account,
    internal::CallState& state, grpc::Status* refusal) {
  absl::StatusOr<Authorized> authorized =
      authorizer_.Authorize(ClientMetadata(ctx, "authorization"), account);
  if (!authorized.ok()) {
    *refusal = ToGrpcStatus(authorized.status());
    return nullptr;
  }
  state.record->log.set_client(std::move(authorized->client));
  state.config = std::move(authorized->config);
  state.record->log.set_account(authorized->account->file.name());
  return authorized->account;
}

absl::flat_hash_set<std::string> PaymentForwarder::OmittedStandardParameters(
    const google::protobuf::Descriptor* request) {
  const auto& rules = request->options().GetExtension(payone::v1::message);
  return {rules.omit_standard_parameters().begin(),
          rules.omit_standard_parameters().end()};
}

int PaymentForwarder::ActionOf(const google::protobuf::Message& request) {
  const google::protobuf::Descriptor* descriptor = request.GetDescriptor();
  const auto& rules = descriptor->options().GetExtension(payone::v1::message);
  if (rules.action_oneof().empty()) return 0;
  const google::protobuf::OneofDescriptor* oneof =
      descriptor->FindOneofByName(rules.action_oneof());
  if (oneof == nullptr) return 0;
  const google::protobuf::FieldDescriptor* set =
      request.GetReflection()->GetOneofFieldDescriptor(request, oneof);
  return set == nullptr ? 0 : set->number();
}

void PaymentForwarder::AddStandardParameters(
    const AccountSettings& account, absl::string_view request_type,
    const absl::flat_hash_set<std::string>& omit,
    codec::FormBuilder* form) const {
  const std::pair<absl::string_view, absl::string_view> parameters[] = {
      {"mid", account.file.mid()},
      {"aid", account.file.aid()},
      {"portalid", account.file.portalid()},
      {"key", account.key_digest},
      {"api_version", account.file.api_version()},
      {"mode", account.file.mode()},
      {"request", request_type},
      {"encoding", account.file.encoding()},
      {"solution_name", kSolutionName},
      {"solution_version", kSolutionVersion}};
  for (const auto& [name, value] : parameters) {
    if (omit.empty() || !omit.contains(name)) form->Add(name, value);
  }
}

absl::Time PaymentForwarder::UpstreamDeadline(
    grpc::CallbackServerContext* ctx) const {
  const absl::Time cap = absl::Now() + request_timeout_;
  const auto deadline = ctx->deadline();
  if (deadline == std::chrono::system_clock::time_point::max()) return cap;
  return std::min(cap, absl::FromChrono(deadline));
}

void PaymentForwarder::RecordUpstream(internal::CallState& state,
                                      const HttpResult& result) {
  CallRecord& record = *state.record;
  record.log.set_upstream_ms(absl::ToDoubleMilliseconds(result.latency));
  record.log.set_reused_connection(result.reused_connection);
  record.upstream_latency = result.latency;
  record.upstream_outcome = "answered";
  if (!result.status.ok()) {
    record.upstream_outcome =
        result.delivery == Delivery::kNotSent ? "not_sent" : "outcome_unknown";
  }
}

void PaymentForwarder::RecordAnswer(internal::CallState& state,
                                    const internal::Answer& answer) {
  CallRecord& record = *state.record;
  record.log.set_payone_status(answer.payone_status);
  record.log.set_errorcode(answer.errorcode);
  record.log.set_txid(answer.txid);
  record.answered = true;
  record.status_recognized = answer.status_recognized;
}

}  // namespace payone::service
