#include "service/gateway/client_api_service.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "codec/runtime/malformed_request.h"
#include "service/config/hex_digest.h"
#include "service/gateway/call_metadata.h"
#include "service/gateway/grpc_errors.h"

namespace payone::service {
namespace {

using payone::v1::ClientApiRequest;
using payone::v1::PrepareCreditCardCheckRequest;
using payone::v1::PrepareCreditCardCheckResponse;

// The parameters PAYONE includes in a Client API hash when a request
// carries them (PAYONE's Client API documentation; the same set in every
// PAYONE shop plugin). Everything else, e.g. language, is not hashed.
constexpr absl::string_view kHashedParameters[] = {
    "access_aboperiod",
    "access_aboprice",
    "access_canceltime",
    "access_expiretime",
    "access_period",
    "access_price",
    "access_starttime",
    "access_vat",
    "accesscode",
    "accessname",
    "addresschecktype",
    "aid",
    "amount",
    "backurl",
    "checktype",
    "clearingtype",
    "consumerscoretype",
    "currency",
    "customerid",
    "due_time",
    "eci",
    "encoding",
    "errorurl",
    "exiturl",
    "invoice_deliverymode",
    "invoiceappendix",
    "invoiceid",
    "mid",
    "mode",
    "narrative_text",
    "param",
    "portalid",
    "productid",
    "reference",
    "request",
    "responsetype",
    "settleperiod",
    "settletime",
    "storecarddata",
    "successurl",
    "userid",
    "vaccountname",
    "vreference",
};

constexpr absl::string_view kHostedIframeScript = "js/v1/payone_hosted_min.js";

bool IsHashed(absl::string_view name) {
  return std::find(std::begin(kHashedParameters), std::end(kHashedParameters),
                   name) != std::end(kHashedParameters);
}

void CheckRedirectUrl(absl::string_view field, const std::string& url,
                      bool redirect, codec::Violations* violations) {
  if (!redirect) {
    if (!url.empty()) {
      violations->Add(std::string(field), std::string(field),
                      "only with responsetype REDIRECT");
    }
    return;
  }
  if (url.empty()) {
    violations->Add(std::string(field), std::string(field),
                    "required with responsetype REDIRECT");
  } else if (url.size() > 255 || !(absl::StartsWith(url, "https://") ||
                                   absl::StartsWith(url, "http://"))) {
    violations->Add(std::string(field), std::string(field),
                    "must be an absolute http(s) URL of up to 255 characters");
  }
}

}  // namespace

std::string ClientApiHash(
    const std::vector<std::pair<std::string, std::string>>& parameters,
    absl::string_view portal_key, bool legacy_md5,
    std::vector<std::string>* hashed) {
  std::vector<std::pair<std::string, std::string>> sorted;
  for (const auto& parameter : parameters) {
    if (IsHashed(parameter.first)) sorted.push_back(parameter);
  }
  std::sort(sorted.begin(), sorted.end());
  std::string values;
  for (const auto& [name, value] : sorted) {
    values += value;
    if (hashed != nullptr) hashed->push_back(name);
  }
  if (legacy_md5) {
    return HexDigest(DigestAlgorithm::kMd5, absl::StrCat(values, portal_key));
  }
  return HexHmacSha384(portal_key, values);
}

void PrepareCreditCardCheck(const AccountSettings& account,
                            const std::string& client_api_url,
                            const PrepareCreditCardCheckRequest& request,
                            PrepareCreditCardCheckResponse* response,
                            codec::Violations* violations) {
  const bool redirect =
      request.responsetype() == payone::v1::CLIENT_API_RESPONSE_TYPE_REDIRECT;
  CheckRedirectUrl("successurl", request.successurl(), redirect, violations);
  CheckRedirectUrl("errorurl", request.errorurl(), redirect, violations);
  const std::string& language = request.language();
  if (!language.empty() &&
      (language.size() != 2 ||
       !std::all_of(language.begin(), language.end(),
                    [](char c) { return absl::ascii_islower(c); }))) {
    violations->Add("language", "language",
                    "must be an ISO 639 code of two lower-case letters");
  }
  if (!violations->empty()) return;

  ClientApiRequest* call = response->mutable_request();
  call->set_request("creditcardcheck");
  call->set_responsetype(redirect ? "REDIRECT" : "JSON");
  call->set_mode(account.file.mode());
  call->set_mid(account.file.mid());
  call->set_aid(account.file.aid());
  call->set_portalid(account.file.portalid());
  call->set_encoding(account.file.encoding());
  call->set_storecarddata(
      !request.has_storecarddata() || request.storecarddata() ? "yes" : "no");
  call->set_successurl(request.successurl());
  call->set_errorurl(request.errorurl());
  call->set_language(language);
  // The message's fields are named like PAYONE's parameters: every set one
  // is a parameter the browser sends.
  std::vector<std::pair<std::string, std::string>> parameters;
  const google::protobuf::Reflection* reflection = call->GetReflection();
  const google::protobuf::Descriptor* descriptor = call->GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const google::protobuf::FieldDescriptor* field = descriptor->field(i);
    std::string value = reflection->GetString(*call, field);
    if (!value.empty()) parameters.emplace_back(field->name(), value);
  }
  std::vector<std::string> hashed;
  call->set_hash(ClientApiHash(parameters, account.portal_key,
                               account.file.legacy_md5_client_api_hash(),
                               &hashed));
  response->set_client_api_url(client_api_url);
  response->set_hosted_iframe_script_url(
      absl::StrCat(client_api_url, kHostedIframeScript));
  response->set_hash_algorithm(
      account.file.legacy_md5_client_api_hash()
          ? payone::v1::CLIENT_API_HASH_ALGORITHM_MD5
          : payone::v1::CLIENT_API_HASH_ALGORITHM_HMAC_SHA384);
  for (std::string& name : hashed) {
    response->add_hashed_parameters(std::move(name));
  }
}

ClientApiService::ClientApiService(const LiveConfig& config)
    : authorizer_(config) {
  // A malformed request message reaches the method marked.
  MarkMethodCallback(
      codec::MethodIndex(payone::v1::PayoneClientApi::service_full_name(),
                         "PrepareCreditCardCheck"),
      codec::TolerantHandler(this, &ClientApiService::PrepareCreditCardCheck));
}

grpc::ServerUnaryReactor* ClientApiService::PrepareCreditCardCheck(
    grpc::CallbackServerContext* ctx,
    const PrepareCreditCardCheckRequest* request,
    PrepareCreditCardCheckResponse* response) {
  grpc::ServerUnaryReactor* reactor = ctx->DefaultReactor();
  if (grpc::Status malformed = codec::TakeMalformedRequest(request);
      !malformed.ok()) {
    reactor->Finish(malformed);
    return reactor;
  }
  absl::StatusOr<Authorized> authorized = authorizer_.Authorize(
      ClientMetadata(ctx, "authorization"), request->account());
  if (!authorized.ok()) {
    reactor->Finish(ToGrpcStatus(authorized.status()));
    return reactor;
  }
  if (authorized->account->portal_key.empty()) {
    reactor->Finish(
        grpc::Status(grpc::StatusCode::FAILED_PRECONDITION,
                     absl::StrCat("the gateway holds no portal key for account "
                                  "'",
                                  request->account(), "'")));
    return reactor;
  }
  codec::Violations violations;
  service::PrepareCreditCardCheck(
      *authorized->account,
      authorized->config->file.upstream().client_api_url(), *request, response,
      &violations);
  reactor->Finish(violations.empty() ? grpc::Status::OK
                                     : ValidationFailed(violations.list()));
  return reactor;
}

}  // namespace payone::service
