#include "service/gateway/grpc_errors.h"

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "google/rpc/error_details.pb.h"
#include "google/rpc/status.pb.h"
#include "gtest/gtest.h"

namespace payone::service {
namespace {

google::rpc::Status Details(const grpc::Status& status) {
  google::rpc::Status details;
  EXPECT_TRUE(details.ParseFromString(status.error_details()));
  EXPECT_EQ(details.code(), status.error_code());
  return details;
}

TEST(GrpcErrorsTest, ValidationListsEveryViolation) {
  grpc::Status status =
      ValidationFailed({{"amount", "amount", "must be at least 1"},
                        {"items[1].price", "pr[2]", "is required"}});
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(Details(status).details(0).UnpackTo(&bad_request));
  ASSERT_EQ(bad_request.field_violations_size(), 2);
  EXPECT_EQ(bad_request.field_violations(1).field(), "items[1].price");
  EXPECT_EQ(bad_request.field_violations(1).description(),
            "is required (PAYONE parameter pr[2])");
  EXPECT_NE(status.error_message().find("items[1].price is required"),
            std::string::npos);
}

// 400 articles with overlong descriptions: the details still fit a
// default client's trailer limit, and say how many were left out.
TEST(GrpcErrorsTest, ManyViolationsFitADefaultClientsMetadataLimit) {
  std::vector<codec::FieldViolation> list;
  for (int i = 0; i < 400; ++i) {
    list.push_back({absl::StrCat("items[", i, "].description"),
                    absl::StrCat("de[", i + 1, "]"),
                    "must be at most 255 characters long"});
  }
  grpc::Status status = ValidationFailed(list);
  EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
  // Base64 details and the (ASCII) message, well inside 8 KiB.
  EXPECT_LT((status.error_details().size() + 2) / 3 * 4 +
                status.error_message().size(),
            6u << 10);
  google::rpc::BadRequest bad_request;
  ASSERT_TRUE(Details(status).details(0).UnpackTo(&bad_request));
  const int listed = bad_request.field_violations_size() - 1;
  ASSERT_GT(listed, 10);
  ASSERT_LT(listed, 400);
  EXPECT_EQ(bad_request.field_violations(0).field(), "items[0].description");
  const auto& last = bad_request.field_violations(listed);
  EXPECT_EQ(last.field(), "");
  EXPECT_EQ(last.description(),
            absl::StrCat(400 - listed,
                         " more not listed: fix these and validate again to "
                         "see them"));
  EXPECT_THAT(status.error_message(),
              ::testing::StartsWith("the request has 400 problems: "));
  EXPECT_THAT(status.error_message(), ::testing::EndsWith(last.description()));
}

struct UpstreamCase {
  absl::Status status;
  Delivery delivery;
  grpc::StatusCode code;
  const char* reason;
  const char* retry_safe;
};

TEST(GrpcErrorsTest, UpstreamFailuresSayWhetherARetryIsSafe) {
  const UpstreamCase cases[] = {
      {absl::UnavailableError("connect failed"), Delivery::kNotSent,
       grpc::StatusCode::UNAVAILABLE, "PAYONE_NOT_SENT", "true"},
      {absl::DeadlineExceededError("connect timed out"), Delivery::kNotSent,
       grpc::StatusCode::UNAVAILABLE, "PAYONE_NOT_SENT", "true"},
      {absl::UnknownError("reset"), Delivery::kOutcomeUnknown,
       grpc::StatusCode::UNKNOWN, "PAYONE_OUTCOME_UNKNOWN", "false"},
      {absl::DeadlineExceededError("read timed out"), Delivery::kOutcomeUnknown,
       grpc::StatusCode::DEADLINE_EXCEEDED, "PAYONE_OUTCOME_UNKNOWN", "false"},
      {absl::CancelledError("cancelled"), Delivery::kOutcomeUnknown,
       grpc::StatusCode::CANCELLED, "PAYONE_OUTCOME_UNKNOWN", "false"},
  };
  for (const UpstreamCase& c : cases) {
    grpc::Status status = UpstreamFailed(c.status, c.delivery);
    EXPECT_EQ(status.error_code(), c.code) << c.status;
    google::rpc::ErrorInfo info;
    ASSERT_TRUE(Details(status).details(0).UnpackTo(&info));
    EXPECT_EQ(info.domain(), kErrorDomain);
    EXPECT_EQ(info.reason(), c.reason);
    EXPECT_EQ(info.metadata().at("retry_safe"), c.retry_safe);
  }
}

}  // namespace
}  // namespace payone::service

namespace payone::service {
namespace {

TEST(RefusedTest, CarriesReasonAndRetrySafety) {
  for (const auto& [status, retry_safe] :
       {std::pair{absl::AlreadyExistsError("reference used"), "false"},
        std::pair{absl::UnavailableError("ledger down"), "true"},
        std::pair{absl::ResourceExhaustedError("ledger busy"), "true"}}) {
    grpc::Status refused = Refused(status, "SOME_REASON");
    EXPECT_EQ(static_cast<int>(refused.error_code()),
              static_cast<int>(status.code()));
    EXPECT_EQ(refused.error_message(), status.message());
    google::rpc::Status details;
    ASSERT_TRUE(details.ParseFromString(refused.error_details()));
    google::rpc::ErrorInfo info;
    ASSERT_EQ(details.details_size(), 1);
    ASSERT_TRUE(details.details(0).UnpackTo(&info));
    EXPECT_EQ(info.reason(), "SOME_REASON");
    EXPECT_EQ(info.metadata().at("retry_safe"), retry_safe);
  }
}

}  // namespace
}  // namespace payone::service
