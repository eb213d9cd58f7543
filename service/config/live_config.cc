#include "service/config/live_config.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "google/protobuf/util/message_differencer.h"

namespace payone::service {

using ::google::protobuf::FieldDescriptor;
using ::payone::gateway::v1::GatewayConfig;

LiveConfig::LiveConfig(Config initial)
    : current_(std::make_shared<const Config>(std::move(initial))) {}

std::shared_ptr<const Config> LiveConfig::Get() const {
  absl::ReaderMutexLock lock(&mu_);
  return current_;
}

void LiveConfig::Set(std::shared_ptr<const Config> next) {
  // The old snapshot is released outside the lock: its last call may be the
  // one that frees it.
  std::shared_ptr<const Config> old;
  {
    absl::MutexLock lock(&mu_);
    old = std::exchange(current_, std::move(next));
  }
}

Reloaded MergeReload(const Config& current, Config next) {
  Reloaded result;
  const auto* descriptor = GatewayConfig::descriptor();
  const FieldDescriptor* live[] = {
      descriptor->FindFieldByNumber(GatewayConfig::kAccountsFieldNumber),
      descriptor->FindFieldByNumber(GatewayConfig::kClientsFieldNumber),
      descriptor->FindFieldByNumber(
          GatewayConfig::kAllowUnauthenticatedFieldNumber)};
  GatewayConfig kept = current.file;
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    if (std::find(std::begin(live), std::end(live), field) != std::end(live)) {
      continue;
    }
    google::protobuf::util::MessageDifferencer differ;
    if (differ.CompareWithFields(current.file, next.file, {field}, {field})) {
      continue;
    }
    result.needs_restart.push_back(field->name());
    kept.GetReflection()->SwapFields(&kept, &next.file, {field});
  }
  // The ledger is never reopened: its connection string stays.
  next.ledger_postgres_conninfo = current.ledger_postgres_conninfo;
  result.config = std::move(next);
  return result;
}

}  // namespace payone::service
