// Package gateway is the idiomatic Go client of the PAYONE gateway over the
// generated stubs of package payonev1, which it embeds: every RPC of
// PayoneGateway and PaymentLedger is a method of Client, and interceptors add
// what each call needs.
//
//	client, err := gateway.NewClient("gateway:50051", gateway.WithToken(token),
//		gateway.WithTLS(&tls.Config{}))
//	op := gateway.NewOperation()
//	resp, err := gateway.Do(ctx, op, client.Preauthorize, req)
//	var gwErr *gateway.Error
//	if errors.As(err, &gwErr) { gwErr.Violations; gwErr.RetrySafe }
package gateway

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"encoding/hex"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"

	payonev1 "github.com/payone-gateway/payone-gateway/client_stubs/go/payone/v1"
)

// DefaultTimeout bounds a unary call whose context has no deadline: PAYONE
// answers within seconds and the gateway's own upstream timeout is below it.
const DefaultTimeout = 30 * time.Second

// Client calls the three services of the gateway over one connection. A
// failed unary call returns an *Error.
type Client struct {
	payonev1.PayoneGatewayClient
	payonev1.PaymentLedgerClient
	payonev1.PayoneClientApiClient
	conn *grpc.ClientConn
}

type settings struct {
	token       string
	tls         *tls.Config
	timeout     time.Duration
	dialOptions []grpc.DialOption
}

// Option configures NewClient.
type Option func(*settings)

// WithToken sends "authorization: Bearer <token>" on every call.
func WithToken(token string) Option { return func(s *settings) { s.token = token } }

// WithTLS connects over TLS (an empty tls.Config uses the system's roots).
// Without it the connection is plaintext: for loopback and tests only.
func WithTLS(config *tls.Config) Option { return func(s *settings) { s.tls = config } }

// WithTimeout replaces DefaultTimeout.
func WithTimeout(timeout time.Duration) Option { return func(s *settings) { s.timeout = timeout } }

// WithDialOption passes a grpc.DialOption through.
func WithDialOption(option grpc.DialOption) Option {
	return func(s *settings) { s.dialOptions = append(s.dialOptions, option) }
}

// NewClient connects lazily to address ("host:port" or any gRPC target).
func NewClient(address string, options ...Option) (*Client, error) {
	s := settings{timeout: DefaultTimeout}
	for _, option := range options {
		option(&s)
	}
	transport := insecure.NewCredentials()
	if s.tls != nil {
		transport = credentials.NewTLS(s.tls)
	}
	dial := append([]grpc.DialOption{
		grpc.WithTransportCredentials(transport),
		grpc.WithChainUnaryInterceptor(unaryInterceptor(s.token, s.timeout)),
		grpc.WithChainStreamInterceptor(streamInterceptor(s.token)),
	}, s.dialOptions...)
	conn, err := grpc.NewClient(address, dial...)
	if err != nil {
		return nil, err
	}
	return &Client{
		PayoneGatewayClient:   payonev1.NewPayoneGatewayClient(conn),
		PaymentLedgerClient:   payonev1.NewPaymentLedgerClient(conn),
		PayoneClientApiClient: payonev1.NewPayoneClientApiClient(conn),
		conn:                  conn,
	}, nil
}

// Conn is the underlying connection, for other stubs.
func (c *Client) Conn() *grpc.ClientConn { return c.conn }

// Close closes the connection.
func (c *Client) Close() error { return c.conn.Close() }

// NewID returns 32 random hex digits (128 bits): request ids, idempotency
// keys.
func NewID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b[:])
}

type contextKey int

const (
	requestIDKey contextKey = iota
	idempotencyKeyKey
)

// WithRequestID makes the calls under ctx send x-request-id: id (the gateway
// logs it and echoes it); without it each call sends a fresh one.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey, id)
}

// WithIdempotencyKey makes the calls under ctx send idempotency-key: key.
// Do sets it for an Operation.
func WithIdempotencyKey(ctx context.Context, key string) context.Context {
	return context.WithValue(ctx, idempotencyKeyKey, key)
}

// outgoing adds token, request id and idempotency key to ctx; it returns the
// request id.
func outgoing(ctx context.Context, token string) (context.Context, string) {
	requestID, _ := ctx.Value(requestIDKey).(string)
	if requestID == "" {
		requestID = NewID()
	}
	pairs := []string{"x-request-id", requestID}
	if token != "" {
		pairs = append(pairs, "authorization", "Bearer "+token)
	}
	if key, _ := ctx.Value(idempotencyKeyKey).(string); key != "" {
		pairs = append(pairs, "idempotency-key", key)
	}
	return metadata.AppendToOutgoingContext(ctx, pairs...), requestID
}

func unaryInterceptor(token string, timeout time.Duration) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
		invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		if _, has := ctx.Deadline(); !has && timeout > 0 {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, timeout)
			defer cancel()
		}
		ctx, requestID := outgoing(ctx, token)
		if err := invoker(ctx, method, req, reply, cc, opts...); err != nil {
			return errorOf(err, requestID)
		}
		return nil
	}
}

// Streams (watches) get no default deadline: they run until cancelled.
func streamInterceptor(token string) grpc.StreamClientInterceptor {
	return func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string,
		streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
		ctx, _ = outgoing(ctx, token)
		return streamer(ctx, desc, cc, method, opts...)
	}
}
