package gateway

import (
	"errors"
	"fmt"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// FieldViolation is one broken rule of a request: the field path and what
// is wrong (never the value).
type FieldViolation struct {
	Field       string
	Description string
}

// Error is a failed gateway call, read from its google.rpc details.
// status.Code(err) and status.FromError(err) keep working on it.
type Error struct {
	// Code is the gRPC status code.
	Code codes.Code
	// Message is the gateway's message (never card or bank data).
	Message string
	// Violations lists every field violation of an INVALID_ARGUMENT
	// (google.rpc.BadRequest).
	Violations []FieldViolation
	// Reason is google.rpc.ErrorInfo's reason (PAYONE_NOT_SENT,
	// PAYONE_OUTCOME_UNKNOWN, IDEMPOTENCY_KEY_IN_FLIGHT, ...), Domain its
	// domain; empty when the gateway gave none.
	Reason, Domain string
	// RetrySafe is true only when the gateway says the same request may be
	// sent again (nothing reached PAYONE).
	RetrySafe bool
	// RequestID is the call's x-request-id, to find it in the gateway's log.
	RequestID string

	status *status.Status
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %s", e.Code, e.Message) }

// GRPCStatus lets status.FromError and status.Code see the original status.
func (e *Error) GRPCStatus() *status.Status { return e.status }

// GatewayUnreachable reports an UNAVAILABLE without the gateway's details:
// the call did not reach the gateway (or its answer did not come back).
func (e *Error) GatewayUnreachable() bool { return e.Code == codes.Unavailable && e.Domain == "" }

// AsError returns the *Error in err's chain, if any.
func AsError(err error) (*Error, bool) {
	var gatewayError *Error
	ok := errors.As(err, &gatewayError)
	return gatewayError, ok
}

func errorOf(err error, requestID string) error {
	s, ok := status.FromError(err)
	if !ok {
		return err
	}
	result := &Error{Code: s.Code(), Message: s.Message(), RequestID: requestID, status: s}
	for _, detail := range s.Details() {
		switch d := detail.(type) {
		case *errdetails.BadRequest:
			for _, v := range d.GetFieldViolations() {
				result.Violations = append(result.Violations, FieldViolation{v.GetField(), v.GetDescription()})
			}
		case *errdetails.ErrorInfo:
			result.Reason, result.Domain = d.GetReason(), d.GetDomain()
			result.RetrySafe = d.GetMetadata()["retry_safe"] == "true"
		}
	}
	return result
}
