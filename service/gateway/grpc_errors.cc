#include "service/gateway/grpc_errors.h"

#include "absl/strings/str_cat.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"

namespace payone::service {
namespace {

grpc::Status WithDetails(grpc::StatusCode code, const std::string& message,
                         const google::protobuf::Message& detail) {
  google::rpc::Status status;
  status.set_code(code);
  status.set_message(message);
  status.add_details()->PackFrom(detail);
  return grpc::Status(code, message, status.SerializeAsString());
}

}  // namespace

grpc::Status ValidationFailed(const std::vector<codec::FieldViolation>& list) {
  google::rpc::BadRequest bad_request;
  std::string message =
      absl::StrCat("the request has ", list.size(),
                   list.size() == 1 ? " problem" : " problems");
  size_t listed = 0;
  for (; listed < list.size(); ++listed) {
    const codec::FieldViolation& v = list[listed];
    auto* violation = bad_request.add_field_violations();
    violation->set_field(v.field);
    violation->set_description(
        v.wire_name.empty() ? v.description
                            : absl::StrCat(v.description, " (PAYONE parameter ",
                                           v.wire_name, ")"));
    if (bad_request.ByteSizeLong() > kMaxListedViolationBytes) {
      bad_request.mutable_field_violations()->RemoveLast();
      break;
    }
    if (message.size() < kMaxErrorMessageBytes) {
      absl::StrAppend(&message, listed == 0 ? ": " : "; ", v.field, " ",
                      v.description);
    }
  }
  if (listed < list.size()) {
    const std::string more =
        absl::StrCat(list.size() - listed, " more not listed: fix these and ",
                     "validate again to see them");
    bad_request.add_field_violations()->set_description(more);
    absl::StrAppend(&message, "; ", more);
  } else if (message.size() > kMaxErrorMessageBytes) {
    absl::StrAppend(&message, "; all listed in the BadRequest details");
  }
  return WithDetails(grpc::StatusCode::INVALID_ARGUMENT, message, bad_request);
}

grpc::Status UpstreamFailed(const absl::Status& status, Delivery delivery) {
  google::rpc::ErrorInfo info;
  info.set_domain(kErrorDomain);
  const bool not_sent = delivery == Delivery::kNotSent;
  info.set_reason(not_sent ? "PAYONE_NOT_SENT" : "PAYONE_OUTCOME_UNKNOWN");
  (*info.mutable_metadata())["retry_safe"] = not_sent ? "true" : "false";
  // Not sent: PAYONE could not be reached (refused, connect or handshake
  // timeout, no free connection), whatever the exact cause.
  grpc::StatusCode code =
      not_sent ? grpc::StatusCode::UNAVAILABLE : grpc::StatusCode::UNKNOWN;
  if (status.code() == absl::StatusCode::kCancelled) {
    code = grpc::StatusCode::CANCELLED;
  } else if (!not_sent &&
             status.code() == absl::StatusCode::kDeadlineExceeded) {
    code = grpc::StatusCode::DEADLINE_EXCEEDED;
  }
  std::string message(status.message());
  if (!not_sent) {
    absl::StrAppend(&message,
                    ". Do not retry blindly: check the payment (by reference "
                    "or txid) before sending it again");
  }
  return WithDetails(code, message, info);
}

grpc::Status Refused(const absl::Status& status, absl::string_view reason) {
  google::rpc::ErrorInfo info;
  info.set_domain(kErrorDomain);
  info.set_reason(std::string(reason));
  // Nothing was sent; only an unavailable or busy ledger goes away by
  // itself.
  (*info.mutable_metadata())["retry_safe"] =
      status.code() == absl::StatusCode::kUnavailable ||
              status.code() == absl::StatusCode::kResourceExhausted
          ? "true"
          : "false";
  return WithDetails(static_cast<grpc::StatusCode>(status.code()),
                     std::string(status.message()), info);
}

grpc::Status ToGrpcStatus(const absl::Status& status) {
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      std::string(status.message()));
}

}  // namespace payone::service
