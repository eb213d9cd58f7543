#include "service/gateway/forwarder.h"

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

std::shared_ptr<internal::CallState> Forwarder::Begin(
    grpc::CallbackServerContext* ctx, absl::string_view method,
    absl::string_view request_type) {
  auto state = std::make_shared<internal::CallState>();
  state->start = absl::Now();
  state->method = std::string(method);
  state->request_type = std::string(request_type);
  absl::string_view request_id = ClientMetadata(ctx, "x-request-id");
  // Only a sane caller-chosen id goes into logs.
  state->request_id = !request_id.empty() && request_id.size() <= 128
                          ? std::string(request_id)
                          : NewRequestId();
  ctx->AddInitialMetadata("x-request-id", state->request_id);
  state->log.set_request_id(state->request_id);
  state->log.set_method(state->method);
  state->log.set_request(state->request_type);
  return state;
}

const AccountSettings* Forwarder::Authorize(grpc::CallbackServerContext* ctx,
                                            absl::string_view account,
                                            internal::CallState& state,
                                            grpc::Status* refusal) {
  absl::StatusOr<Authorized> authorized =
      authorizer_.Authorize(ClientMetadata(ctx, "authorization"), account);
  if (!authorized.ok()) {
    *refusal = ToGrpcStatus(authorized.status());
    return nullptr;
  }
  state.log.set_client(authorized->client);
  state.log.set_account(authorized->account->name);
  return authorized->account;
}

absl::flat_hash_set<std::string> Forwarder::OmittedStandardParameters(
    const google::protobuf::Descriptor* request) {
  const auto& rules = request->options().GetExtension(payone::v1::message);
  return {rules.omit_standard_parameters().begin(),
          rules.omit_standard_parameters().end()};
}

int Forwarder::ActionOf(const google::protobuf::Message& request) {
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

void Forwarder::AddStandardParameters(
    const AccountSettings& account, absl::string_view request_type,
    const absl::flat_hash_set<std::string>& omit,
    codec::FormBuilder* form) const {
  const std::pair<absl::string_view, absl::string_view> parameters[] = {
      {"mid", account.mid},
      {"aid", account.aid},
      {"portalid", account.portalid},
      {"key", account.key_digest},
      {"api_version", account.api_version},
      {"mode", account.mode},
      {"request", request_type},
      {"encoding", account.encoding},
      {"solution_name", kSolutionName},
      {"solution_version", kSolutionVersion}};
  for (const auto& [name, value] : parameters) {
    if (omit.empty() || !omit.contains(name)) form->Add(name, value);
  }
}

absl::Time Forwarder::UpstreamDeadline(grpc::CallbackServerContext* ctx) const {
  const absl::Time cap = absl::Now() + config_.request_timeout;
  const auto deadline = ctx->deadline();
  if (deadline == std::chrono::system_clock::time_point::max()) return cap;
  return std::min(cap, absl::FromChrono(deadline));
}

void Forwarder::RecordUpstream(internal::CallState& state,
                               const HttpResult& result) {
  state.log.set_upstream_ms(absl::ToDoubleMilliseconds(result.latency));
  state.log.set_reused_connection(result.reused_connection);
  absl::string_view outcome = "answered";
  if (!result.status.ok()) {
    outcome =
        result.delivery == Delivery::kNotSent ? "not_sent" : "outcome_unknown";
  }
  metrics_->RecordUpstream(state.request_type, outcome, result.latency);
}

void Forwarder::RecordAnswer(internal::CallState& state,
                             absl::string_view status, bool status_recognized,
                             int errorcode, absl::string_view txid) {
  state.log.set_payone_status(std::string(status));
  state.log.set_errorcode(errorcode);
  state.log.set_txid(std::string(txid));
  metrics_->RecordPayoneAnswer(state.request_type,
                               status_recognized ? status : "UNRECOGNIZED",
                               errorcode);
}

void Forwarder::Finish(grpc::ServerUnaryReactor* reactor,
                       internal::CallState& state, const grpc::Status& status) {
  const absl::Time now = absl::Now();
  const absl::Duration total = now - state.start;
  // grpc::StatusCode and absl::StatusCode share their values and names.
  const std::string code = absl::StatusCodeToString(
      static_cast<absl::StatusCode>(status.error_code()));
  state.log.set_time(
      absl::FormatTime(absl::RFC3339_sec, now, absl::UTCTimeZone()));
  state.log.set_code(code);
  state.log.set_total_ms(absl::ToDoubleMilliseconds(total));
  if (!status.ok()) state.log.set_message(status.error_message());
  logger_->Write(state.log);
  metrics_->RecordCall(state.method, code, total);
  reactor->Finish(status);
}

}  // namespace payone::service
