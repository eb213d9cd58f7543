// Command firstcall preauthorizes a test card through the gateway, then
// captures it:
//
//	go run ./examples/firstcall 127.0.0.1:50051
package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"

	payonev1 "github.com/payone-gateway/payone-gateway/client_stubs/go/payone/v1"
)

func main() {
	address := "127.0.0.1:50051"
	if len(os.Args) > 1 {
		address = os.Args[1]
	}
	conn, err := grpc.NewClient(address, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	gateway := payonev1.NewPayoneGatewayClient(conn)

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	pre, err := gateway.Preauthorize(ctx, &payonev1.PreauthorizationRequest{
		Account:      "demo",
		Reference:    fmt.Sprintf("ex-%d", time.Now().UnixNano()%1e12),
		Amount:       proto.Int64(1000), // 10.00 EUR, in cents
		Currency:     "EUR",
		PersonalData: &payonev1.PersonalData{Lastname: "Mustermann", Country: "DE"},
		PaymentMethod: &payonev1.PreauthorizationRequest_CreditCard{CreditCard: &payonev1.CreditCardPayment{
			Cardpan: "4111111111111111", Cardtype: payonev1.CardType_CARD_TYPE_VISA,
			Cardexpiredate: "3012", Cardcvc2: "123",
		}},
	})
	if err != nil {
		st := status.Convert(err)
		for _, detail := range st.Details() {
			if badRequest, ok := detail.(*errdetails.BadRequest); ok {
				for _, v := range badRequest.GetFieldViolations() {
					log.Printf("  %s: %s", v.GetField(), v.GetDescription())
				}
			}
		}
		log.Fatalf("%s: %s", st.Code(), st.Message())
	}
	fmt.Printf("preauthorization: %s txid=%s\n", pre.GetStatus(), pre.GetTxid())
	if pre.GetStatus() != payonev1.Status_STATUS_APPROVED {
		log.Fatalf("%d %s", pre.GetErrorcode(), pre.GetErrormessage())
	}

	capture, err := gateway.Capture(ctx, &payonev1.CaptureRequest{
		Account: "demo", Txid: pre.GetTxid(), Sequencenumber: proto.Int32(1),
		Amount: proto.Int64(1000), Currency: "EUR",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("capture: %s\n", capture.GetStatus())
	if capture.GetStatus() != payonev1.Status_STATUS_APPROVED {
		os.Exit(1)
	}
}
