// The golden <file>.payone_service.h: every unary RPC reaches the Forwarder
// with its request, response and name.
#include <string>
#include <type_traits>

#include "gtest/gtest.h"
#include "testpb/codec_test.payone_service.h"

namespace codectest::v1 {
namespace {

struct RecordingForwarder {
  template <typename Req, typename Resp>
  grpc::ServerUnaryReactor* Forward(grpc::CallbackServerContext* ctx,
                                    const Req* req, Resp* resp,
                                    const char* rpc) {
    context = ctx;
    request = req;
    response = resp;
    name = rpc;
    return nullptr;
  }
  grpc::CallbackServerContext* context = nullptr;
  const void* request = nullptr;
  void* response = nullptr;
  std::string name;
};

TEST(GoldenServiceTest, ForwardsUnaryRpcsByName) {
  RecordingForwarder forwarder;
  PaymentServiceForwarding<RecordingForwarder> service(&forwarder);
  static_assert(
      std::is_base_of_v<PaymentService::CallbackService,
                        PaymentServiceForwarding<RecordingForwarder>>);
  PaymentRequest request;
  PaymentResponse response;
  EXPECT_EQ(service.Preauthorize(nullptr, &request, &response), nullptr);
  EXPECT_EQ(forwarder.name, "Preauthorize");
  EXPECT_EQ(forwarder.request, &request);
  EXPECT_EQ(forwarder.response, &response);
}

}  // namespace
}  // namespace codectest::v1
