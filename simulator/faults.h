#ifndef PAYONE_SIMULATOR_FAULTS_H_
#define PAYONE_SIMULATOR_FAULTS_H_

// Fault injection: rules that make the post-gateway misbehave for chosen
// portals or reference patterns. Off unless rules are set.

#include <optional>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/random/random.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"

namespace payone::simulator {

enum class FaultKind {
  kLatency,      // answer normally after a fixed or random delay
  kResetBefore,  // TCP reset; the request was read but NOT processed
  kResetAfter,   // TCP reset; the request WAS processed
  kHttp500,      // not processed
  kHttp502,      // not processed
  kHttp503,      // not processed
  kTruncate,     // processed; the answer stops halfway
  kGarbage,      // processed; HTTP 200 with bytes that are no answer
  kHang,         // processed; headers sent, the body never comes
  // processed; the answer's status is a text no model knows (a PAYONE newer
  // than the gateway), the rest of the answer as usual
  kUnknownStatus,
};

struct FaultRule {
  FaultKind kind = FaultKind::kLatency;
  std::string portalid;   // "": any portal
  std::string reference;  // glob with * and ?; "": any request
  std::string txid;       // glob; for capture/refund/debit; "": any
  absl::Duration min_latency = absl::ZeroDuration();
  absl::Duration max_latency = absl::ZeroDuration();
  int times = -1;  // how often it fires; -1: always
  // The chance that a matching request gets the fault; otherwise the next
  // rule is tried. Soak runs give every kind a small rate.
  double rate = 1.0;
  int fired = 0;  // how often it fired so far (Faults::Rules())
};

// "http503,portal=2000001,reference=ERR-*,times=2" (also txid=<glob> and
// rate=0.05, the chance that a matching request gets it);
// "latency=200ms" or "latency=50ms..300ms"; kinds: reset_before,
// reset_after, http500, http502, http503, truncate, garbage, hang,
// unknown_status.
absl::StatusOr<FaultRule> ParseFault(absl::string_view spec);
// Rules separated by ';'.
absl::StatusOr<std::vector<FaultRule>> ParseFaults(absl::string_view specs);

bool GlobMatch(absl::string_view pattern, absl::string_view text);

// The kind's name in a fault spec ("reset_before", "latency").
absl::string_view FaultKindName(FaultKind kind);

// The rules in force; thread-safe.
class Faults {
 public:
  void Set(std::vector<FaultRule> rules);
  void Add(FaultRule rule);
  // The first rule matching the request (and drawn, for a rate below 1),
  // counting it as fired.
  std::optional<FaultRule> Match(absl::string_view portalid,
                                 absl::string_view reference,
                                 absl::string_view txid = "");
  // The rules with how often each fired.
  std::vector<FaultRule> Rules() const;

 private:
  mutable absl::Mutex mu_;
  std::vector<FaultRule> rules_ ABSL_GUARDED_BY(mu_);
  absl::BitGen random_ ABSL_GUARDED_BY(mu_);
};

}  // namespace payone::simulator

#endif  // PAYONE_SIMULATOR_FAULTS_H_
