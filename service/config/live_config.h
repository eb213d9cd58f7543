#ifndef PAYONE_SERVICE_CONFIG_LIVE_CONFIG_H_
#define PAYONE_SERVICE_CONFIG_LIVE_CONFIG_H_

// The configuration in force, and how a reloaded file replaces it (SIGHUP).

#include <memory>
#include <string>
#include <vector>

#include "absl/synchronization/mutex.h"
#include "service/config/config.h"

namespace payone::service {

// Swapped whole: a call reads one snapshot (Get) and keeps it until it
// ends, so calls in flight finish with the configuration they started with
// while new calls see the new one.
class LiveConfig {
 public:
  explicit LiveConfig(Config initial);

  std::shared_ptr<const Config> Get() const;
  void Set(std::shared_ptr<const Config> next);

 private:
  mutable absl::Mutex mu_;
  std::shared_ptr<const Config> current_ ABSL_GUARDED_BY(mu_);
};

// A reloaded file merged into the configuration in force.
struct Reloaded {
  // `next`, except that every setting that cannot change while running
  // keeps its value from `current`.
  Config config;
  // The top-level fields of gateway_config.proto that changed in the file
  // but only take effect after a restart (listen addresses, TLS, upstream,
  // the ledger, the receiver...).
  std::vector<std::string> needs_restart;
};

// Accounts, clients and allow_unauthenticated change live; the rest is
// read once when the gateway starts.
Reloaded MergeReload(const Config& current, Config next);

}  // namespace payone::service

#endif  // PAYONE_SERVICE_CONFIG_LIVE_CONFIG_H_
