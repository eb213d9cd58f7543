package gateway

import (
	"context"
	"time"

	"google.golang.org/grpc"
)

// Operation is one logical payment operation (one preauthorization, one
// capture, ...): every attempt Do makes for it sends the same
// idempotency-key, so the gateway sends it to PAYONE at most once. Use a new
// Operation for a new operation.
type Operation struct {
	// Key is sent as idempotency-key.
	Key string
	// MaxAttempts bounds the attempts of one Do (default 3).
	MaxAttempts int
	// Backoff is the first pause between attempts, doubled after each
	// (default 100 ms).
	Backoff time.Duration
	// Attempts counts the attempts of the last Do.
	Attempts int
}

// NewOperation returns an Operation with a fresh key.
func NewOperation() *Operation {
	return &Operation{Key: NewID(), MaxAttempts: 3, Backoff: 100 * time.Millisecond}
}

// Do calls call (a method of Client, e.g. client.Capture) with op's key. It
// retries by itself only errors the gateway marks RetrySafe (nothing was
// sent) and a gateway that could not be reached; anything else is returned.
// Calling Do again after an outcome-unknown error is safe: the gateway
// refuses (Aborted, IDEMPOTENCY_KEY_IN_FLIGHT) instead of charging twice, and
// after success it replays the first answer.
func Do[Req, Resp any](ctx context.Context, op *Operation,
	call func(context.Context, Req, ...grpc.CallOption) (Resp, error), req Req,
	opts ...grpc.CallOption) (Resp, error) {
	ctx = WithIdempotencyKey(ctx, op.Key)
	delay := op.Backoff
	for op.Attempts = 1; ; op.Attempts++ {
		resp, err := call(ctx, req, opts...)
		gatewayError, ok := AsError(err)
		if err == nil || !ok || op.Attempts >= op.MaxAttempts ||
			!(gatewayError.RetrySafe || gatewayError.GatewayUnreachable()) {
			return resp, err
		}
		select {
		case <-ctx.Done():
			return resp, err
		case <-time.After(delay):
		}
		delay *= 2
	}
}
