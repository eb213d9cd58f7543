#include "simulator/faults.h"

#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"

namespace payone::simulator {
namespace {

struct KindName {
  const char* name;
  FaultKind kind;
};

constexpr KindName kKinds[] = {
    {"reset_before", FaultKind::kResetBefore},
    {"reset_after", FaultKind::kResetAfter},
    {"http500", FaultKind::kHttp500},
    {"http502", FaultKind::kHttp502},
    {"http503", FaultKind::kHttp503},
    {"truncate", FaultKind::kTruncate},
    {"garbage", FaultKind::kGarbage},
    {"hang", FaultKind::kHang},
    {"unknown_status", FaultKind::kUnknownStatus},
};

absl::Status Bad(absl::string_view spec, absl::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("fault \"", spec, "\": ", why));
}

}  // namespace

absl::string_view FaultKindName(FaultKind kind) {
  for (const KindName& known : kKinds) {
    if (known.kind == kind) return known.name;
  }
  return "latency";  // the one kind that takes a value
}

bool GlobMatch(absl::string_view pattern, absl::string_view text) {
  // Iterative matcher with one backtrack point: linear enough for
  // references of 20 characters and safe on any input.
  size_t p = 0, t = 0, star = absl::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = t;
    } else if (star != absl::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

absl::StatusOr<FaultRule> ParseFault(absl::string_view spec) {
  FaultRule rule;
  bool have_kind = false;
  for (absl::string_view item : absl::StrSplit(spec, ',', absl::SkipEmpty())) {
    item = absl::StripAsciiWhitespace(item);
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(item, absl::MaxSplits('=', 1));
    if (kv.first == "portal") {
      rule.portalid = std::string(kv.second);
    } else if (kv.first == "reference") {
      rule.reference = std::string(kv.second);
    } else if (kv.first == "txid") {
      rule.txid = std::string(kv.second);
    } else if (kv.first == "rate") {
      if (!absl::SimpleAtod(kv.second, &rule.rate) || !(rule.rate > 0) ||
          rule.rate > 1) {
        return Bad(spec, "rate must be a number in (0, 1]");
      }
    } else if (kv.first == "times") {
      if (!absl::SimpleAtoi(kv.second, &rule.times) || rule.times < 1) {
        return Bad(spec, "times must be a positive number");
      }
    } else if (kv.first == "latency") {
      std::pair<absl::string_view, absl::string_view> range =
          absl::StrSplit(kv.second, absl::MaxSplits("..", 1));
      if (range.second.empty()) range.second = range.first;
      if (!absl::ParseDuration(range.first, &rule.min_latency) ||
          !absl::ParseDuration(range.second, &rule.max_latency) ||
          rule.min_latency < absl::ZeroDuration() ||
          rule.max_latency < rule.min_latency) {
        return Bad(spec, "latency must be like 200ms or 50ms..300ms");
      }
      rule.kind = FaultKind::kLatency;
      have_kind = true;
    } else {
      bool known = false;
      for (const KindName& kind : kKinds) {
        if (item == kind.name) {
          rule.kind = kind.kind;
          known = have_kind = true;
        }
      }
      if (!known) return Bad(spec, absl::StrCat("unknown item ", item));
    }
  }
  if (!have_kind) return Bad(spec, "no fault kind");
  return rule;
}

absl::StatusOr<std::vector<FaultRule>> ParseFaults(absl::string_view specs) {
  std::vector<FaultRule> rules;
  for (absl::string_view spec : absl::StrSplit(specs, ';', absl::SkipEmpty())) {
    auto rule = ParseFault(spec);
    if (!rule.ok()) return rule.status();
    rules.push_back(*std::move(rule));
  }
  return rules;
}

void Faults::Set(std::vector<FaultRule> rules) {
  absl::MutexLock lock(&mu_);
  rules_ = std::move(rules);
}

void Faults::Add(FaultRule rule) {
  absl::MutexLock lock(&mu_);
  rules_.push_back(std::move(rule));
}

std::optional<FaultRule> Faults::Match(absl::string_view portalid,
                                       absl::string_view reference,
                                       absl::string_view txid) {
  absl::MutexLock lock(&mu_);
  for (FaultRule& rule : rules_) {
    if (rule.times == 0) continue;
    if (!rule.portalid.empty() && rule.portalid != portalid) continue;
    if (!rule.reference.empty() && !GlobMatch(rule.reference, reference)) {
      continue;
    }
    if (!rule.txid.empty() && !GlobMatch(rule.txid, txid)) continue;
    if (rule.rate < 1 && !absl::Bernoulli(random_, rule.rate)) continue;
    if (rule.times > 0) --rule.times;
    ++rule.fired;
    return rule;
  }
  return std::nullopt;
}

std::vector<FaultRule> Faults::Rules() const {
  absl::MutexLock lock(&mu_);
  return rules_;
}

}  // namespace payone::simulator
