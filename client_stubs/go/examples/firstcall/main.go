// Command firstcall preauthorizes a test card through the gateway, then
// captures it, with package gateway:
//
//	go run ./examples/firstcall 127.0.0.1:50051 [token]
package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"google.golang.org/protobuf/proto"

	"github.com/payone-gateway/payone-gateway/client_stubs/go/gateway"
	payonev1 "github.com/payone-gateway/payone-gateway/client_stubs/go/payone/v1"
)

func main() {
	address, token := "127.0.0.1:50051", ""
	if len(os.Args) > 1 {
		address = os.Args[1]
	}
	if len(os.Args) > 2 {
		token = os.Args[2]
	}
	client, err := gateway.NewClient(address, gateway.WithToken(token))
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	ctx := context.Background()

	// One idempotency key for this payment; a retry the gateway allows
	// reuses it.
	pre, err := gateway.Do(ctx, gateway.NewOperation(), client.Preauthorize, &payonev1.PreauthorizationRequest{
		Account:      "demo",
		Reference:    "ex-" + gateway.NewID()[:12],
		Amount:       proto.Int64(1000), // 10.00 EUR, in cents
		Currency:     "EUR",
		PersonalData: &payonev1.PersonalData{Lastname: "Mustermann", Country: "DE"},
		PaymentMethod: &payonev1.PreauthorizationRequest_CreditCard{CreditCard: &payonev1.CreditCardPayment{
			Cardpan: "4111111111111111", Cardtype: payonev1.CardType_CARD_TYPE_VISA,
			Cardexpiredate: "3012", Cardcvc2: "123",
		}},
	})
	if gatewayErr, ok := gateway.AsError(err); ok {
		fmt.Fprintf(os.Stderr, "%v (reason %q, retry safe %v, request id %s)\n",
			gatewayErr, gatewayErr.Reason, gatewayErr.RetrySafe, gatewayErr.RequestID)
		for _, v := range gatewayErr.Violations {
			fmt.Fprintf(os.Stderr, "  %s: %s\n", v.Field, v.Description)
		}
		os.Exit(1)
	} else if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("preauthorization: %s txid=%s\n", pre.GetStatus(), pre.GetTxid())
	if pre.GetStatus() != payonev1.Status_STATUS_APPROVED {
		fmt.Println(" ", pre.GetErrorcode(), pre.GetErrormessage())
		os.Exit(1)
	}

	// The ledger fills in the sequence number.
	capture, err := gateway.Do(ctx, gateway.NewOperation(), client.Capture, &payonev1.CaptureRequest{
		Account: "demo", Txid: pre.GetTxid(), Amount: proto.Int64(1000), Currency: "EUR",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("capture: %s\n", capture.GetStatus())
	if capture.GetStatus() != payonev1.Status_STATUS_APPROVED {
		os.Exit(1)
	}
}
