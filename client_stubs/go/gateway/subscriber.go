package gateway

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	payonev1 "github.com/payone-gateway/payone-gateway/client_stubs/go/payone/v1"
)

// Subscriber follows WatchTransactionStatus across disconnects: after a
// broken stream (gateway restart, network) it reconnects with backoff and
// resumes after the cursor of the last event its handler acknowledged.
//
// Delivery is at least once: an event whose handler had not returned before
// a disconnect comes again, so handlers must be idempotent (key on the
// event's cursor, or on txid, sequencenumber and txaction).
type Subscriber struct {
	client       *Client
	request      *payonev1.WatchTransactionStatusRequest
	acknowledged atomic.Int64
	reconnects   atomic.Int32
	// MaxBackoff bounds the pause between reconnects (default 5 s).
	MaxBackoff time.Duration
}

// NewSubscriber watches what request names, starting after
// request.AfterCursor.
func (c *Client) NewSubscriber(request *payonev1.WatchTransactionStatusRequest) *Subscriber {
	s := &Subscriber{client: c, request: proto.Clone(request).(*payonev1.WatchTransactionStatusRequest),
		MaxBackoff: 5 * time.Second}
	s.acknowledged.Store(request.GetAfterCursor())
	return s
}

// AcknowledgedCursor is the cursor of the last event whose handler returned
// nil: the resume point.
func (s *Subscriber) AcknowledgedCursor() int64 { return s.acknowledged.Load() }

// Reconnects counts the streams opened after the first.
func (s *Subscriber) Reconnects() int { return int(s.reconnects.Load()) }

var reconnectable = map[codes.Code]bool{codes.Unavailable: true, codes.Unknown: true,
	codes.Internal: true, codes.Aborted: true, codes.ResourceExhausted: true}

// Run hands each event to handler until ctx ends (then it returns nil), the
// handler returns an error (returned; that event stays unacknowledged) or the
// gateway answers an error a reconnect cannot cure (an *Error: NotFound,
// PermissionDenied, ...).
func (s *Subscriber) Run(ctx context.Context,
	handler func(context.Context, *payonev1.TransactionStatusEvent) error) error {
	backoff := 100 * time.Millisecond
	for first := true; ; first = false {
		if !first {
			s.reconnects.Add(1)
		}
		request := proto.Clone(s.request).(*payonev1.WatchTransactionStatusRequest)
		request.AfterCursor = s.acknowledged.Load()
		// WaitForReady: wait for the gateway to come back rather than fail.
		stream, err := s.client.WatchTransactionStatus(ctx, request, grpc.WaitForReady(true))
		for err == nil {
			var event *payonev1.TransactionStatusEvent
			if event, err = stream.Recv(); err == nil {
				backoff = 100 * time.Millisecond
				if handlerErr := handler(ctx, event); handlerErr != nil {
					return handlerErr
				}
				s.acknowledged.Store(event.GetCursor())
			}
		}
		if ctx.Err() != nil {
			return nil
		}
		if code := status.Code(err); !reconnectable[code] && !errors.Is(err, context.Canceled) {
			return errorOf(err, "")
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(backoff):
		}
		backoff = min(backoff*2, s.MaxBackoff)
	}
}
