#include "codec/runtime/malformed_request.h"

#include <atomic>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/mutex.h"
#include "google/protobuf/descriptor.h"

namespace payone::codec {
namespace {

struct Registry {
  absl::Mutex mu;
  absl::flat_hash_map<const void*, std::string> problems ABSL_GUARDED_BY(mu);
  // Lets the common case (nothing marked) skip the lock.
  std::atomic<int> marked{0};
};

Registry& TheRegistry() {
  static Registry* registry = new Registry();
  return *registry;
}

}  // namespace

void MarkMalformedRequest(const void* request, std::string problem) {
  Registry& registry = TheRegistry();
  absl::MutexLock lock(&registry.mu);
  if (registry.problems.insert_or_assign(request, std::move(problem)).second) {
    ++registry.marked;
  }
}

grpc::Status TakeMalformedRequest(const void* request) {
  Registry& registry = TheRegistry();
  if (registry.marked.load() == 0) return grpc::Status::OK;
  absl::MutexLock lock(&registry.mu);
  auto it = registry.problems.find(request);
  if (it == registry.problems.end()) return grpc::Status::OK;
  grpc::Status malformed(grpc::StatusCode::INVALID_ARGUMENT,
                         std::move(it->second));
  registry.problems.erase(it);
  --registry.marked;
  return malformed;
}

std::string MalformedRequestProblem(const std::string& type_name) {
  return absl::StrCat(
      "the request is not a valid ", type_name,
      " message (truncated, a string field with invalid UTF-8, or nested "
      "too deep)");
}

int MethodIndex(const char* service_full_name, const char* method) {
  const google::protobuf::ServiceDescriptor* service =
      google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          service_full_name);
  const google::protobuf::MethodDescriptor* found =
      service == nullptr ? nullptr : service->FindMethodByName(method);
  return found == nullptr ? -1 : found->index();
}

}  // namespace payone::codec
