#include "service/gateway/metrics.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace payone::service {
namespace {

using ::testing::HasSubstr;

TEST(GatewayMetricsTest, CountsCallsAnswersAndErrors) {
  GatewayMetrics metrics([] { return PoolStats{3, 2, 0}; });
  metrics.RecordCall("Preauthorize", "OK", absl::Microseconds(300));
  metrics.RecordCall("Preauthorize", "OK", absl::Microseconds(200));
  metrics.RecordUpstream("preauthorization", "answered",
                         absl::Microseconds(150));
  metrics.RecordPayoneAnswer("preauthorization", "ERROR", 911);
  const std::string text = metrics.Render();
  EXPECT_THAT(text, HasSubstr("payone_gateway_calls_total{code=\"OK\","
                              "method=\"Preauthorize\"} 2"));
  EXPECT_THAT(text, HasSubstr("payone_gateway_payone_errors_total{"
                              "errorcode=\"911\",request=\"preauthorization\"} "
                              "1"));
  // A sub-millisecond bucket exists and counts the 150 us exchange.
  EXPECT_THAT(text,
              HasSubstr("payone_gateway_upstream_latency_seconds_bucket{"
                        "request=\"preauthorization\",le=\"0.00025\"} 1"));
  EXPECT_THAT(text, HasSubstr("payone_gateway_upstream_connections_open 3"));
  EXPECT_THAT(text, HasSubstr("payone_gateway_upstream_connections_idle 2"));
}

TEST(MetricsEndpointTest, ServesTheTextFormatOverHttp) {
  GatewayMetrics metrics([] { return PoolStats{}; });
  metrics.RecordCall("Capture", "UNAVAILABLE", absl::Milliseconds(1));
  auto endpoint = MetricsEndpoint::Start("127.0.0.1:0", metrics);
  ASSERT_TRUE(endpoint.ok()) << endpoint.status();
  ASSERT_GT((*endpoint)->port(), 0);

  namespace beast = boost::beast;
  namespace http = beast::http;
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket socket(io);
  socket.connect({boost::asio::ip::make_address("127.0.0.1"),
                  static_cast<unsigned short>((*endpoint)->port())});
  http::request<http::empty_body> request(http::verb::get, "/metrics", 11);
  request.set(http::field::host, "127.0.0.1");
  http::write(socket, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(socket, buffer, response);
  EXPECT_EQ(response.result_int(), 200);
  EXPECT_THAT(response.body(),
              HasSubstr("payone_gateway_calls_total{code="
                        "\"UNAVAILABLE\",method=\"Capture\"} 1"));
}

}  // namespace
}  // namespace payone::service
