// Package gatewaytest runs the client scenarios through package gateway
// against the gateway fixture (see fixture_test.go).
package gatewaytest

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"

	"github.com/payone-gateway/payone-gateway/client_stubs/go/gateway"
	payonev1 "github.com/payone-gateway/payone-gateway/client_stubs/go/payone/v1"
)

var (
	shared *fixture
	client *gateway.Client
)

func TestMain(m *testing.M) {
	var err error
	if shared, err = startFixture(); err != nil {
		fmt.Fprintln(os.Stderr, "starting the gateway fixture:", err)
		os.Exit(1)
	}
	if client, err = gateway.NewClient(shared.address, gateway.WithToken(token)); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	code := m.Run()
	client.Close()
	shared.close()
	os.Exit(code)
}

func unique(prefix string) string { return prefix + gateway.NewID()[:14] }

func cardPreauthorization(reference string) *payonev1.PreauthorizationRequest {
	return &payonev1.PreauthorizationRequest{
		Account: "demo", Reference: reference, Amount: proto.Int64(10000), Currency: "EUR",
		PersonalData: &payonev1.PersonalData{Lastname: "Mustermann", Country: "DE"},
		PaymentMethod: &payonev1.PreauthorizationRequest_CreditCard{CreditCard: &payonev1.CreditCardPayment{
			Cardpan: "4111111111111111", Cardtype: payonev1.CardType_CARD_TYPE_VISA,
			Cardexpiredate: "3012", Cardcvc2: "123",
		}},
	}
}

func approved[R interface{ GetStatus() payonev1.Status }](t *testing.T, what string, resp R, err error) R {
	t.Helper()
	if err != nil || resp.GetStatus() != payonev1.Status_STATUS_APPROVED {
		t.Fatalf("%s: %v %v", what, resp, err)
	}
	return resp
}

func gatewayError(t *testing.T, err error) *gateway.Error {
	t.Helper()
	gatewayErr, ok := gateway.AsError(err)
	if !ok {
		t.Fatalf("want a *gateway.Error, got %v", err)
	}
	return gatewayErr
}

func TestPreauthorizeCaptureTwiceRefundOneItem(t *testing.T) {
	ctx := context.Background()
	pre, err := gateway.Do(ctx, gateway.NewOperation(), client.Preauthorize, cardPreauthorization(unique("go-")))
	approved(t, "preauthorize", pre, err)
	for _, c := range []struct {
		amount int64
		mode   payonev1.CaptureMode
	}{{6000, payonev1.CaptureMode_CAPTURE_MODE_NOTCOMPLETED}, {4000, payonev1.CaptureMode_CAPTURE_MODE_COMPLETED}} {
		// The ledger fills in the sequence number.
		capture, err := gateway.Do(ctx, gateway.NewOperation(), client.Capture, &payonev1.CaptureRequest{
			Account: "demo", Txid: pre.GetTxid(), Amount: proto.Int64(c.amount), Currency: "EUR", Capturemode: c.mode,
		})
		approved(t, "capture", capture, err)
	}
	refund, err := gateway.Do(ctx, gateway.NewOperation(), client.Refund, &payonev1.RefundRequest{
		Account: "demo", Txid: pre.GetTxid(), Amount: proto.Int64(-2500), Currency: "EUR",
		Items: []*payonev1.Article{{
			Type: payonev1.ItemType_ITEM_TYPE_GOODS, Id: "SKU-1", Price: proto.Int64(2500),
			Quantity: proto.Int64(1), Description: "Mug", VatRate: proto.Int32(19),
		}},
	})
	approved(t, "refund", refund, err)
	payment, err := client.GetPayment(ctx, &payonev1.GetPaymentRequest{Account: "demo", Txid: pre.GetTxid()})
	if err != nil || payment.GetCapturedAmount() != 10000 || payment.GetRefundedAmount() != 2500 {
		t.Fatalf("payment: %v %v", payment, err)
	}
}

func TestSepaDirectDebitWithMandate(t *testing.T) {
	ctx := context.Background()
	const iban = "DE02120300000000202051"
	mandate, err := client.ManageMandate(ctx, &payonev1.ManageMandateRequest{
		Account: "demo", Currency: "EUR", Iban: iban, Lastname: "Mustermann", Country: "DE",
	})
	approved(t, "managemandate", mandate, err)
	authorization, err := gateway.Do(ctx, gateway.NewOperation(), client.Authorize, &payonev1.AuthorizationRequest{
		Account: "demo", Reference: unique("go-"), Amount: proto.Int64(1999), Currency: "EUR",
		PersonalData: &payonev1.PersonalData{Lastname: "Mustermann", Country: "DE"},
		PaymentMethod: &payonev1.AuthorizationRequest_SepaDirectDebit{SepaDirectDebit: &payonev1.SepaDirectDebitPayment{
			Iban: iban, MandateIdentification: mandate.GetMandateIdentification(),
		}},
	})
	approved(t, "authorize", authorization, err)
	if authorization.GetMandateIdentification() != mandate.GetMandateIdentification() {
		t.Errorf("mandate %q, want %q", authorization.GetMandateIdentification(), mandate.GetMandateIdentification())
	}
}

func TestThreeInvalidFieldsComeBackAsOneTypedError(t *testing.T) {
	request := cardPreauthorization("bad ref!")
	request.Currency = "EURO"
	request.GetCreditCard().Cardpan = "4111111111111112"
	_, err := client.Preauthorize(gateway.WithRequestID(context.Background(), "go-bad-request-1"), request)
	gatewayErr := gatewayError(t, err)
	if gatewayErr.Code != codes.InvalidArgument || gatewayErr.RetrySafe || gatewayErr.RequestID != "go-bad-request-1" {
		t.Fatalf("error %+v", gatewayErr)
	}
	var fields []string
	for _, v := range gatewayErr.Violations {
		fields = append(fields, v.Field)
	}
	slices.Sort(fields)
	fields = slices.Compact(fields)
	if want := []string{"credit_card.cardpan", "currency", "reference"}; !slices.Equal(fields, want) {
		t.Errorf("violations %v, want %v", fields, want)
	}
}

func TestDeadlineShorterThanLatency(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	started := time.Now()
	_, err := client.Preauthorize(ctx, cardPreauthorization(unique("slow-")))
	if code := gatewayError(t, err).Code; code != codes.DeadlineExceeded {
		t.Fatalf("code %v, want DeadlineExceeded", code)
	}
	if elapsed := time.Since(started); elapsed > 1500*time.Millisecond {
		t.Errorf("took %v", elapsed)
	}
}

// PCI DSS SAQ A: the browser's creditcardcheck is prepared with its hash;
// the pseudo-card-only account refuses a card number.
func TestPrepareCreditCardCheckAndPseudoOnlyAccount(t *testing.T) {
	prepared, err := client.PrepareCreditCardCheck(context.Background(),
		&payonev1.PrepareCreditCardCheckRequest{Account: "demo-saq", Language: "de"})
	if err != nil {
		t.Fatalf("prepare: %v", err)
	}
	r := prepared.GetRequest()
	if r.GetRequest() != "creditcardcheck" || r.GetResponsetype() != "JSON" || len(r.GetHash()) != 96 ||
		prepared.GetHashAlgorithm() != payonev1.ClientApiHashAlgorithm_CLIENT_API_HASH_ALGORITHM_HMAC_SHA384 {
		t.Fatalf("prepared: %v", prepared)
	}
	request := cardPreauthorization(unique("go-"))
	request.Account = "demo-saq"
	_, err = client.Preauthorize(context.Background(), request)
	refused := gatewayError(t, err)
	if refused.Code != codes.InvalidArgument || len(refused.Violations) == 0 ||
		!strings.Contains(refused.Violations[0].Description, "PSEUDO_CARD_PAN_ONLY") {
		t.Fatalf("a card number for demo-saq: %+v", refused)
	}
}

func TestIdempotentRetryAfterOutcomeUnknownIsNeverSentTwice(t *testing.T) {
	ctx := context.Background()
	reference := unique("unk-")
	shared.addFault(t, "reset_after,times=1,reference="+reference)
	op := gateway.NewOperation()
	_, err := gateway.Do(ctx, op, client.Preauthorize, cardPreauthorization(reference))
	if unknown := gatewayError(t, err); unknown.Code != codes.Unknown ||
		unknown.Reason != "PAYONE_OUTCOME_UNKNOWN" || unknown.RetrySafe {
		t.Fatalf("error %+v", unknown)
	}
	if op.Attempts != 1 {
		t.Fatalf("an unsafe error was retried: %d attempts", op.Attempts)
	}
	// The caller retries the same operation: the same key, so the gateway
	// refuses instead of sending the payment a second time.
	_, err = gateway.Do(ctx, op, client.Preauthorize, cardPreauthorization(reference))
	if inFlight := gatewayError(t, err); inFlight.Code != codes.Aborted || inFlight.Reason != "IDEMPOTENCY_KEY_IN_FLIGHT" {
		t.Fatalf("retry: %+v", inFlight)
	}
	// A completed operation called again replays its first answer.
	replayed, request := gateway.NewOperation(), cardPreauthorization(unique("rp-"))
	once, err := gateway.Do(ctx, replayed, client.Preauthorize, request)
	approved(t, "first", once, err)
	again, err := gateway.Do(ctx, replayed, client.Preauthorize, request)
	if approved(t, "replay", again, err).GetTxid() != once.GetTxid() {
		t.Errorf("replay txid %s, want %s", again.GetTxid(), once.GetTxid())
	}
}

func TestWatchResumesAfterTheGatewayRestarts(t *testing.T) {
	own, err := startFixture()
	if err != nil {
		t.Fatal(err)
	}
	defer own.close()
	watching, err := gateway.NewClient(own.address, gateway.WithToken(token))
	if err != nil {
		t.Fatal(err)
	}
	defer watching.Close()

	var mu sync.Mutex
	var cursors []int64
	seen := map[string]chan struct{}{}
	arrived := func(txid string) chan struct{} {
		mu.Lock()
		defer mu.Unlock()
		if seen[txid] == nil {
			seen[txid] = make(chan struct{})
		}
		return seen[txid]
	}
	ctx, cancel := context.WithCancel(context.Background())
	subscriber := watching.NewSubscriber(&payonev1.WatchTransactionStatusRequest{Account: "demo"})
	done := make(chan error)
	go func() {
		done <- subscriber.Run(ctx, func(_ context.Context, event *payonev1.TransactionStatusEvent) error {
			arrival := arrived(event.GetNotification().GetTxid())
			mu.Lock()
			defer mu.Unlock()
			cursors = append(cursors, event.GetCursor())
			select {
			case <-arrival:
			default:
				close(arrival)
			}
			return nil
		})
	}()
	waitFor := func(txid string) {
		select {
		case <-arrived(txid):
		case <-time.After(30 * time.Second):
			t.Fatalf("no event for txid %s", txid)
		}
	}

	before, err := gateway.Do(ctx, gateway.NewOperation(), watching.Preauthorize, cardPreauthorization(unique("watch-")))
	waitFor(approved(t, "before", before, err).GetTxid())
	own.restart(t)
	after, err := gateway.Do(ctx, gateway.NewOperation(), watching.Preauthorize,
		cardPreauthorization(unique("watch-")), grpc.WaitForReady(true))
	waitFor(approved(t, "after", after, err).GetTxid())
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.IsSorted(cursors) || len(slices.Compact(slices.Clone(cursors))) != len(cursors) {
		t.Errorf("cursors %v: an event came twice", cursors)
	}
	if subscriber.Reconnects() < 1 || subscriber.AcknowledgedCursor() != cursors[len(cursors)-1] {
		t.Errorf("reconnects %d, acknowledged %d", subscriber.Reconnects(), subscriber.AcknowledgedCursor())
	}
}
