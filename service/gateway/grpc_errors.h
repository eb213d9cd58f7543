#ifndef PAYONE_SERVICE_GATEWAY_GRPC_ERRORS_H_
#define PAYONE_SERVICE_GATEWAY_GRPC_ERRORS_H_

// The only place where internal results become grpc::Status: every error a
// caller sees says what to do next (fix the request, retry safely, or check
// the payment before retrying), in google.rpc error details.

#include <vector>

#include "absl/status/status.h"
#include "codec/runtime/violations.h"
#include "grpcpp/support/status.h"
#include "service/upstream/http_client.h"

namespace payone::service {

// ErrorInfo.domain of every error the gateway details.
inline constexpr char kErrorDomain[] = "payone-gateway";

// A default gRPC client refuses trailers over 8 KiB (16 KiB in some
// languages): the details travel base64-encoded in grpc-status-details-bin
// and the message percent-encoded in grpc-message, both inside that.
inline constexpr size_t kMaxListedViolationBytes = 2048;
inline constexpr size_t kMaxErrorMessageBytes = 1024;

// INVALID_ARGUMENT listing every violation in google.rpc.BadRequest, as
// many as fit in kMaxListedViolationBytes; then one last entry without a
// field saying how many more there are. The message names violations up to
// about kMaxErrorMessageBytes.
grpc::Status ValidationFailed(const std::vector<codec::FieldViolation>& list);

// A failed PAYONE exchange: UNAVAILABLE when nothing was sent (safe to
// retry), DEADLINE_EXCEEDED or UNKNOWN when the outcome is unknown, CANCELLED
// when the caller cancelled;
// google.rpc.ErrorInfo says which (reason PAYONE_NOT_SENT or
// PAYONE_OUTCOME_UNKNOWN, metadata retry_safe "true"/"false").
grpc::Status UpstreamFailed(const absl::Status& status, Delivery delivery);

// A request the gateway refused before sending it (the ledger's checks and
// idempotency keys), with google.rpc.ErrorInfo naming `reason`; retry_safe
// only when the refusal was UNAVAILABLE.
grpc::Status Refused(const absl::Status& status, absl::string_view reason);

// Any other absl::Status with the same code and message.
grpc::Status ToGrpcStatus(const absl::Status& status);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_GATEWAY_GRPC_ERRORS_H_
