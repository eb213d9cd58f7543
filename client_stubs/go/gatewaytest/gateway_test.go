// Package gatewaytest runs the client scenarios against a running gateway:
// $PAYONE_GATEWAY_ADDRESS when the test command started one, else
// bazel-bin/service/payone_gateway (or $PAYONE_GATEWAY_BINARY) started here
// on its embedded simulator with 2 s of latency for references slow-*.
package gatewaytest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	payonev1 "github.com/payone-gateway/payone-gateway/client_stubs/go/payone/v1"
)

var client payonev1.PayoneGatewayClient
var clientAPI payonev1.PayoneClientApiClient

func TestMain(m *testing.M) {
	address := os.Getenv("PAYONE_GATEWAY_ADDRESS")
	var gateway *exec.Cmd
	if address == "" {
		binary := os.Getenv("PAYONE_GATEWAY_BINARY")
		if binary == "" {
			binary, _ = filepath.Abs("../../../bazel-bin/service/payone_gateway")
		}
		gateway = exec.Command(binary, "--listen=127.0.0.1:0", "--metrics_address=off",
			"--simulator_faults=latency=2s,reference=slow-*")
		stderr, _ := gateway.StderrPipe()
		if err := gateway.Start(); err != nil {
			fmt.Fprintln(os.Stderr, "starting the gateway:", err)
			os.Exit(1)
		}
		lines := bufio.NewScanner(stderr)
		for address == "" && lines.Scan() {
			var event struct {
				Event string `json:"event"`
				Port  int    `json:"port"`
			}
			if json.Unmarshal(lines.Bytes(), &event) == nil && event.Event == "listening" {
				address = fmt.Sprintf("127.0.0.1:%d", event.Port)
			}
		}
		go func() { // keep draining its log
			for lines.Scan() {
			}
		}()
	}
	conn, err := grpc.NewClient(address, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	client = payonev1.NewPayoneGatewayClient(conn)
	clientAPI = payonev1.NewPayoneClientApiClient(conn)
	code := m.Run()
	conn.Close()
	if gateway != nil {
		gateway.Process.Signal(syscall.SIGTERM)
		gateway.Wait()
	}
	os.Exit(code)
}

func unique(prefix string) string {
	return fmt.Sprintf("%s%d-%d", prefix, time.Now().UnixNano()%1e10, rand.Intn(1e4))
}

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

func timeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func TestPreauthorizeCaptureTwiceRefundOneItem(t *testing.T) {
	pre, err := client.Preauthorize(timeout(t, 20*time.Second), cardPreauthorization(unique("go-")))
	if err != nil || pre.GetStatus() != payonev1.Status_STATUS_APPROVED || pre.GetTxid() == "" {
		t.Fatalf("preauthorize: %v %v", pre, err)
	}
	for _, c := range []struct {
		seq    int32
		amount int64
		mode   payonev1.CaptureMode
	}{{1, 6000, payonev1.CaptureMode_CAPTURE_MODE_NOTCOMPLETED}, {2, 4000, payonev1.CaptureMode_CAPTURE_MODE_COMPLETED}} {
		capture, err := client.Capture(timeout(t, 20*time.Second), &payonev1.CaptureRequest{
			Account: "demo", Txid: pre.GetTxid(), Sequencenumber: proto.Int32(c.seq),
			Amount: proto.Int64(c.amount), Currency: "EUR", Capturemode: c.mode,
		})
		if err != nil || capture.GetStatus() != payonev1.Status_STATUS_APPROVED {
			t.Fatalf("capture %d: %v %v", c.seq, capture, err)
		}
	}
	refund, err := client.Refund(timeout(t, 20*time.Second), &payonev1.RefundRequest{
		Account: "demo", Txid: pre.GetTxid(), Sequencenumber: proto.Int32(3),
		Amount: proto.Int64(-2500), Currency: "EUR",
		Items: []*payonev1.Article{{
			Type: payonev1.ItemType_ITEM_TYPE_GOODS, Id: "SKU-1", Price: proto.Int64(2500),
			Quantity: proto.Int64(1), Description: "Mug", VatRate: proto.Int32(19),
		}},
	})
	if err != nil || refund.GetStatus() != payonev1.Status_STATUS_APPROVED {
		t.Fatalf("refund: %v %v", refund, err)
	}
}

func TestSepaDirectDebitWithMandate(t *testing.T) {
	const iban = "DE02120300000000202051"
	mandate, err := client.ManageMandate(timeout(t, 20*time.Second), &payonev1.ManageMandateRequest{
		Account: "demo", Currency: "EUR", Iban: iban, Lastname: "Mustermann", Country: "DE",
	})
	if err != nil || mandate.GetStatus() != payonev1.Status_STATUS_APPROVED || mandate.GetMandateIdentification() == "" {
		t.Fatalf("managemandate: %v %v", mandate, err)
	}
	auth, err := client.Authorize(timeout(t, 20*time.Second), &payonev1.AuthorizationRequest{
		Account: "demo", Reference: unique("go-"), Amount: proto.Int64(1999), Currency: "EUR",
		PersonalData: &payonev1.PersonalData{Lastname: "Mustermann", Country: "DE"},
		PaymentMethod: &payonev1.AuthorizationRequest_SepaDirectDebit{SepaDirectDebit: &payonev1.SepaDirectDebitPayment{
			Iban: iban, MandateIdentification: mandate.GetMandateIdentification(),
		}},
	})
	if err != nil || auth.GetStatus() != payonev1.Status_STATUS_APPROVED || auth.GetTxid() == "" {
		t.Fatalf("authorize: %v %v", auth, err)
	}
	if auth.GetMandateIdentification() != mandate.GetMandateIdentification() {
		t.Errorf("mandate %q, want %q", auth.GetMandateIdentification(), mandate.GetMandateIdentification())
	}
}

func TestThreeInvalidFieldsComeBackAsBadRequest(t *testing.T) {
	request := cardPreauthorization("bad ref!")
	request.Currency = "EURO"
	request.GetCreditCard().Cardpan = "4111111111111112"
	_, err := client.Preauthorize(timeout(t, 20*time.Second), request)
	st := status.Convert(err)
	if st.Code() != codes.InvalidArgument {
		t.Fatalf("got %v, want INVALID_ARGUMENT", err)
	}
	fields := map[string]bool{}
	for _, detail := range st.Details() {
		if badRequest, ok := detail.(*errdetails.BadRequest); ok {
			for _, violation := range badRequest.GetFieldViolations() {
				fields[violation.GetField()] = true
			}
		}
	}
	for _, want := range []string{"reference", "currency", "credit_card.cardpan"} {
		if !fields[want] {
			t.Errorf("no violation of %s in %v", want, fields)
		}
	}
}

func TestDeadlineShorterThanLatency(t *testing.T) {
	started := time.Now()
	_, err := client.Preauthorize(timeout(t, 300*time.Millisecond), cardPreauthorization(unique("slow-")))
	if status.Code(err) != codes.DeadlineExceeded {
		t.Fatalf("got %v, want DEADLINE_EXCEEDED", err)
	}
	if elapsed := time.Since(started); elapsed > 1500*time.Millisecond {
		t.Errorf("took %v", elapsed)
	}
}

// PCI DSS SAQ A: the browser's creditcardcheck is prepared with its hash;
// the pseudo-card-only account refuses a card number.
func TestPrepareCreditCardCheckAndPseudoOnlyAccount(t *testing.T) {
	prepared, err := clientAPI.PrepareCreditCardCheck(timeout(t, 20*time.Second),
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
	_, err = client.Preauthorize(timeout(t, 20*time.Second), request)
	if status.Code(err) != codes.InvalidArgument {
		t.Fatalf("a card number for demo-saq: %v", err)
	}
}
