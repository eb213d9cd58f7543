#include "service/gateway/metrics.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <string>
#include <thread>
#include <vector>

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

TEST(GatewayMetricsTest, EachLabelSetKeepsItsOwnSeries) {
  // The children are cached per label set: neighbouring label values must
  // not share a series, and repeated sets must reach the same one.
  GatewayMetrics metrics([] { return PoolStats{}; });
  metrics.RecordUpstream("ab", "c", absl::Microseconds(1));
  metrics.RecordUpstream("a", "bc", absl::Microseconds(1));
  metrics.RecordUpstream("a", "bc", absl::Microseconds(1));
  metrics.RecordPayoneAnswer("capture", "ERROR", 12);
  metrics.RecordPayoneAnswer("capture", "ERROR", 1);
  metrics.RecordPayoneAnswer("capture", "ERROR", 12);
  metrics.RecordPayoneAnswer("capture", "APPROVED", 0);
  const std::string text = metrics.Render();
  EXPECT_THAT(text, HasSubstr("payone_gateway_upstream_requests_total{"
                              "outcome=\"c\",request=\"ab\"} 1"));
  EXPECT_THAT(text, HasSubstr("payone_gateway_upstream_requests_total{"
                              "outcome=\"bc\",request=\"a\"} 2"));
  EXPECT_THAT(text, HasSubstr("payone_gateway_upstream_latency_seconds_count{"
                              "request=\"a\"} 2"));
  EXPECT_THAT(text, HasSubstr("payone_gateway_payone_errors_total{"
                              "errorcode=\"12\",request=\"capture\"} 2"));
  EXPECT_THAT(text, HasSubstr("payone_gateway_payone_errors_total{"
                              "errorcode=\"1\",request=\"capture\"} 1"));
  EXPECT_THAT(text, HasSubstr("payone_gateway_payone_answers_total{"
                              "request=\"capture\",status=\"ERROR\"} 3"));
  EXPECT_THAT(text, HasSubstr("payone_gateway_payone_answers_total{"
                              "request=\"capture\",status=\"APPROVED\"} 1"));
}

TEST(GatewayMetricsTest, CountsEveryCallFromManyThreads) {
  GatewayMetrics metrics([] { return PoolStats{}; });
  constexpr int kThreads = 4;
  constexpr int kCalls = 2000;
  const std::string codes[] = {"OK", "UNAVAILABLE"};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&metrics, &codes] {
      for (int i = 0; i < kCalls; ++i) {
        metrics.RecordCall("Capture", codes[i % 2], absl::Microseconds(10));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const std::string text = metrics.Render();
  const std::string half = std::to_string(kThreads * kCalls / 2);
  EXPECT_THAT(text, HasSubstr("payone_gateway_calls_total{code=\"OK\","
                              "method=\"Capture\"} " +
                              half));
  EXPECT_THAT(text, HasSubstr("payone_gateway_calls_total{code=\"UNAVAILABLE\","
                              "method=\"Capture\"} " +
                              half));
  EXPECT_THAT(text, HasSubstr("payone_gateway_call_latency_seconds_count{"
                              "method=\"Capture\"} " +
                              std::to_string(kThreads * kCalls)));
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

namespace payone::service {
namespace {

TEST(ScrapedCounterTest, RenderedWithItsLabelsAtEveryScrape) {
  GatewayMetrics metrics([] { return PoolStats{}; });
  int stored = 0;
  metrics.AddScrapedCounter(
      "payone_gateway_notifications_total", "Notifications by result.",
      [&stored] {
        return std::vector<GatewayMetrics::ScrapedCounter>{
            {{{"result", "stored"}}, static_cast<double>(stored)},
            {{{"result", "refused"}, {"reason", "wrong_key"}}, 2}};
      });
  stored = 7;
  const std::string text = metrics.Render();
  EXPECT_NE(
      text.find("payone_gateway_notifications_total{result=\"stored\"} 7"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("payone_gateway_notifications_total{result=\"refused\","
                      "reason=\"wrong_key\"} 2"),
            std::string::npos)
      << text;
  stored = 8;
  EXPECT_NE(metrics.Render().find("{result=\"stored\"} 8"), std::string::npos);
}

}  // namespace
}  // namespace payone::service
