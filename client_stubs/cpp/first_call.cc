// Preauthorizes a test card through the gateway, then captures it, with the
// C++ client layer:
//   bazel run //client_stubs/cpp:first_call -- 127.0.0.1:50051 [token]
#include <iostream>
#include <string>

#include "client_stubs/cpp/payone_client.h"

namespace v1 = payone::v1;
using payone::client::ErrorOf;
using payone::client::IdempotentOperation;

int main(int argc, char** argv) {
  auto client = payone::client::GatewayClient::Create(
      {.address = argc > 1 ? argv[1] : "127.0.0.1:50051",
       .token = argc > 2 ? argv[2] : ""});
  if (!client.ok()) {
    std::cerr << client.status() << "\n";
    return 1;
  }

  v1::PreauthorizationRequest request;
  request.set_account("demo");
  request.set_reference("ex-" + payone::client::RandomId().substr(0, 12));
  request.set_amount(1000);  // 10.00 EUR, in cents
  request.set_currency("EUR");
  request.mutable_personal_data()->set_lastname("Mustermann");
  request.mutable_personal_data()->set_country("DE");
  v1::CreditCardPayment* card = request.mutable_credit_card();
  card->set_cardpan("4111111111111111");
  card->set_cardtype(v1::CARD_TYPE_VISA);
  card->set_cardexpiredate("3012");
  card->set_cardcvc2("123");

  // One key for this payment: a retry the gateway allows reuses it.
  auto response = IdempotentOperation(**client).Call(
      &v1::PayoneGateway::Stub::Preauthorize, request);
  if (!response.ok()) {
    const payone::client::GatewayError error = ErrorOf(response.status());
    std::cerr << absl::StatusCodeToString(error.code) << ": " << error.message
              << " (reason " << error.reason << ", retry_safe "
              << error.retry_safe << ", request id " << error.request_id
              << ")\n";
    for (const auto& violation : error.violations) {
      std::cerr << "  " << violation.field << ": " << violation.description
                << "\n";
    }
    return 1;
  }
  std::cout << "preauthorization: " << v1::Status_Name(response->status())
            << " txid=" << response->txid() << "\n";
  if (response->status() != v1::STATUS_APPROVED) {
    std::cout << "  " << response->errorcode() << " "
              << response->errormessage() << "\n";
    return 1;
  }

  v1::CaptureRequest capture;
  capture.set_account("demo");
  capture.set_txid(response->txid());
  capture.set_amount(1000);  // the ledger fills in the sequence number
  capture.set_currency("EUR");
  auto captured = IdempotentOperation(**client).Call(
      &v1::PayoneGateway::Stub::Capture, capture);
  if (!captured.ok()) {
    std::cerr << captured.status() << "\n";
    return 1;
  }
  std::cout << "capture: " << v1::Status_Name(captured->status()) << "\n";
  return captured->status() == v1::STATUS_APPROVED ? 0 : 1;
}
