// Preauthorizes a test card through the gateway, then captures it:
//   bazel run //client_stubs/cpp:first_call -- 127.0.0.1:50051
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <iostream>
#include <string>

#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "payone/v1/gateway.grpc.pb.h"

namespace v1 = payone::v1;

int main(int argc, char** argv) {
  const std::string address = argc > 1 ? argv[1] : "127.0.0.1:50051";
  auto gateway = v1::PayoneGateway::NewStub(
      grpc::CreateChannel(address, grpc::InsecureChannelCredentials()));

  v1::PreauthorizationRequest request;
  request.set_account("demo");
  request.set_reference(
      "ex-" + std::to_string(
                  std::chrono::system_clock::now().time_since_epoch().count() %
                  1000000000000));
  request.set_amount(1000);  // 10.00 EUR, in cents
  request.set_currency("EUR");
  request.mutable_personal_data()->set_lastname("Mustermann");
  request.mutable_personal_data()->set_country("DE");
  v1::CreditCardPayment* card = request.mutable_credit_card();
  card->set_cardpan("4111111111111111");
  card->set_cardtype(v1::CARD_TYPE_VISA);
  card->set_cardexpiredate("3012");
  card->set_cardcvc2("123");

  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  v1::PreauthorizationResponse response;
  grpc::Status status = gateway->Preauthorize(&context, request, &response);
  if (!status.ok()) {
    std::cerr << status.error_code() << ": " << status.error_message() << "\n";
    google::rpc::Status details;
    google::rpc::BadRequest bad_request;
    if (details.ParseFromString(status.error_details())) {
      for (const auto& any : details.details()) {
        if (!any.UnpackTo(&bad_request)) continue;
        for (const auto& v : bad_request.field_violations()) {
          std::cerr << "  " << v.field() << ": " << v.description() << "\n";
        }
      }
    }
    return 1;
  }
  std::cout << "preauthorization: " << v1::Status_Name(response.status())
            << " txid=" << response.txid() << "\n";
  if (response.status() != v1::STATUS_APPROVED) return 1;

  v1::CaptureRequest capture;
  capture.set_account("demo");
  capture.set_txid(response.txid());
  capture.set_sequencenumber(1);
  capture.set_amount(1000);
  capture.set_currency("EUR");
  grpc::ClientContext capture_context;
  capture_context.set_deadline(std::chrono::system_clock::now() +
                               std::chrono::seconds(10));
  v1::CaptureResponse captured;
  status = gateway->Capture(&capture_context, capture, &captured);
  if (!status.ok()) {
    std::cerr << status.error_message() << "\n";
    return 1;
  }
  std::cout << "capture: " << v1::Status_Name(captured.status()) << "\n";
  return captured.status() == v1::STATUS_APPROVED ? 0 : 1;
}
