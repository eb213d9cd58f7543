// gateway.payone_service.h: PayoneGatewayForwarding overrides every unary
// RPC of the real service and hands it to the Forwarder by name.
#include <string>
#include <type_traits>

#include "gtest/gtest.h"
#include "payone/v1/gateway.payone_service.h"

namespace payone::v1 {
namespace {

struct RecordingForwarder {
  template <typename Req, typename Resp>
  grpc::ServerUnaryReactor* Forward(grpc::CallbackServerContext*, const Req*,
                                    Resp*, const char* rpc) {
    names += std::string(rpc) + " ";
    return nullptr;
  }
  std::string names;
};

TEST(ServiceTest, ForwardsEveryRpcByName) {
  RecordingForwarder forwarder;
  PayoneGatewayForwarding<RecordingForwarder> service(&forwarder);
  static_assert(std::is_base_of_v<PayoneGateway::CallbackService,
                                  PayoneGatewayForwarding<RecordingForwarder>>);
  PreauthorizationRequest preauthorization;
  PreauthorizationResponse preauthorization_response;
  service.Preauthorize(nullptr, &preauthorization, &preauthorization_response);
  RefundRequest refund;
  RefundResponse refund_response;
  service.Refund(nullptr, &refund, &refund_response);
  EXPECT_EQ(forwarder.names, "Preauthorize Refund ");
}

}  // namespace
}  // namespace payone::v1
