#include "service/gateway/call_interceptor.h"

#include <array>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"
#include "absl/status/status.h"
#include "absl/strings/strip.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"

namespace payone::service {
namespace {

using grpc::experimental::InterceptionHookPoints;

// Services whose calls are logged and counted; the others (health checks,
// reflection) are the library's.
constexpr absl::string_view kServicePrefix = "/payone.v1.";
// A longer caller-chosen id is replaced: only a sane one goes into logs.
constexpr size_t kMaxRequestIdBytes = 128;

// The records of the calls in flight by their server context: gRPC gives a
// handler no way to reach its call's interceptors. Sharded, so that calls
// on different threads rarely share a lock.
class Registry {
 public:
  void Add(const grpc::ServerContextBase* ctx, CallRecord* record) {
    Shard& shard = ShardOf(ctx);
    absl::MutexLock lock(&shard.mu);
    shard.records[ctx] = record;
  }
  void Remove(const grpc::ServerContextBase* ctx) {
    Shard& shard = ShardOf(ctx);
    absl::MutexLock lock(&shard.mu);
    shard.records.erase(ctx);
  }
  CallRecord* Find(const grpc::ServerContextBase* ctx) {
    Shard& shard = ShardOf(ctx);
    absl::MutexLock lock(&shard.mu);
    auto it = shard.records.find(ctx);
    return it == shard.records.end() ? nullptr : it->second;
  }

 private:
  struct Shard {
    absl::Mutex mu;
    absl::flat_hash_map<const grpc::ServerContextBase*, CallRecord*> records
        ABSL_GUARDED_BY(mu);
  };
  Shard& ShardOf(const grpc::ServerContextBase* ctx) {
    return shards_[absl::HashOf(ctx) % shards_.size()];
  }
  std::array<Shard, 16> shards_;
};

// `now` in RFC 3339 to the second, formatted once a second per thread
// rather than once a call.
const std::string& TimeText(absl::Time now) {
  thread_local int64_t second = -1;
  thread_local std::string text;
  const int64_t now_second = absl::ToUnixSeconds(now);
  if (now_second != second) {
    text = absl::FormatTime(absl::RFC3339_sec, now, absl::UTCTimeZone());
    second = now_second;
  }
  return text;
}

Registry& Calls() {
  static Registry* const registry = new Registry;
  return *registry;
}

class CallInterceptor final : public grpc::experimental::Interceptor {
 public:
  CallInterceptor(grpc::ServerContextBase* ctx, absl::string_view method,
                  GatewayMetrics* metrics, CallLogger* logger)
      : ctx_(ctx), metrics_(metrics), logger_(logger), start_(absl::Now()) {
    record_.log.set_method(std::string(method));
    Calls().Add(ctx_, &record_);
  }

  ~CallInterceptor() override {
    // A call that ended without a status sent (the library cancelled it).
    if (!ended_) End(grpc::Status::CANCELLED);
    Calls().Remove(ctx_);
  }

  void Intercept(
      grpc::experimental::InterceptorBatchMethods* methods) override {
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::POST_RECV_INITIAL_METADATA)) {
      ReadRequestId(*methods->GetRecvInitialMetadata());
    }
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_INITIAL_METADATA)) {
      methods->GetSendInitialMetadata()->emplace("x-request-id", RequestId());
    }
    if (methods->QueryInterceptionHookPoint(
            InterceptionHookPoints::PRE_SEND_STATUS)) {
      End(methods->GetSendStatus());
    }
    methods->Proceed();
  }

 private:
  void ReadRequestId(
      const std::multimap<grpc::string_ref, grpc::string_ref>& metadata) {
    auto it = metadata.find("x-request-id");
    if (it == metadata.end() || it->second.empty() ||
        it->second.size() > kMaxRequestIdBytes) {
      return;
    }
    record_.log.set_request_id(it->second.data(), it->second.size());
  }

  const std::string& RequestId() {
    if (record_.log.request_id().empty()) {
      record_.log.set_request_id(NewRequestId());
    }
    return record_.log.request_id();
  }

  // The log line and the metrics, once per call.
  void End(const grpc::Status& status) {
    if (ended_) return;
    ended_ = true;
    RequestId();
    const absl::Time now = absl::Now();
    const absl::Duration total = now - start_;
    // grpc::StatusCode and absl::StatusCode share their values and names.
    payone::gateway::v1::CallLog& log = record_.log;
    log.set_code(absl::StatusCodeToString(
        static_cast<absl::StatusCode>(status.error_code())));
    log.set_time(TimeText(now));
    log.set_total_ms(absl::ToDoubleMilliseconds(total));
    if (!status.ok()) log.set_message(status.error_message());
    logger_->Write(log);
    if (!record_.upstream_outcome.empty()) {
      metrics_->RecordUpstream(log.request(), record_.upstream_outcome,
                               record_.upstream_latency);
    }
    if (record_.answered) {
      metrics_->RecordPayoneAnswer(
          log.request(),
          record_.status_recognized ? log.payone_status() : "UNRECOGNIZED",
          log.errorcode());
    }
    metrics_->RecordCall(log.method(), log.code(), total);
  }

  grpc::ServerContextBase* const ctx_;
  GatewayMetrics* const metrics_;
  CallLogger* const logger_;
  const absl::Time start_;
  CallRecord record_;
  bool ended_ = false;
};

}  // namespace

namespace {

google::protobuf::ArenaOptions OnBlock(char* block, size_t size) {
  google::protobuf::ArenaOptions options;
  options.initial_block = block;
  options.initial_block_size = size;
  return options;
}

}  // namespace

CallRecord::CallRecord()
    : arena_(OnBlock(arena_block_, kArenaBlockBytes)),
      log(*google::protobuf::Arena::CreateMessage<payone::gateway::v1::CallLog>(
          &arena_)) {}

CallRecord* CallRecordOf(const grpc::ServerContextBase* ctx) {
  return Calls().Find(ctx);
}

grpc::experimental::Interceptor*
CallInterceptorFactory::CreateServerInterceptor(
    grpc::experimental::ServerRpcInfo* info) {
  absl::string_view method = info->method();
  if (!absl::ConsumePrefix(&method, kServicePrefix)) return nullptr;
  // "/payone.v1.PayoneGateway/Preauthorize" is logged as "Preauthorize".
  const size_t slash = method.rfind('/');
  if (slash != absl::string_view::npos) method.remove_prefix(slash + 1);
  return new CallInterceptor(info->server_context(), method, metrics_, logger_);
}

}  // namespace payone::service
