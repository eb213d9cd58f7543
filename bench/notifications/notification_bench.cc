// Notifications per second the TransactionStatus receiver accepts with
// durable storage (SQLite; PostgreSQL on a throwaway server), and the
// latency until TSOK: a closed loop of N senders, each on its own keep-alive
// connection, posting distinct notifications as fast as the answers come.
//
//   bazel run -c opt //bench/notifications:notification_bench -- \
//       --backend=both --senders=16 --duration=10s
//
// Prints one line per backend and exits non-zero when a notification was
// not answered TSOK or the store does not hold exactly the answered ones.
//
// With --targets=127.0.0.1:8001,127.0.0.1:8002 it drives receivers that run
// elsewhere (gateway processes, bench/ledger.py) instead of its own: sender s
// posts to target s mod N. It then prints one line for the run and one per
// target with the TSOKs it got there (warm-up included); the caller checks
// the store.

#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/strings/escaping.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "service/notifications/receiver.h"
#include "service/store/ledger_database.h"
#include "service/store/notification_log.h"
#include "service/store/postgres_server.h"
#include "simulator/http_client.h"

ABSL_FLAG(std::string, backend, "both", "sqlite, postgres or both");
ABSL_FLAG(int, senders, 16, "concurrent senders (closed loop)");
ABSL_FLAG(absl::Duration, duration, absl::Seconds(10), "measured time");
ABSL_FLAG(absl::Duration, warmup, absl::Seconds(1), "unmeasured time first");
ABSL_FLAG(int, store_threads, 16, "receiver threads that wait on the store");
ABSL_FLAG(int, pool_size, 8, "PostgreSQL connections");
ABSL_FLAG(std::string, dir, "",
          "where the SQLite file goes; default $TEST_TMPDIR or /tmp");
ABSL_FLAG(std::vector<std::string>, targets, {},
          "host:port of receivers running elsewhere (e.g. gateways); sender s "
          "posts to target s mod N; no receiver or store of our own then");
ABSL_FLAG(std::string, portal_key, "bench-portal-key",
          "the account's portal key (the notification's key is its MD5)");
ABSL_FLAG(int64_t, txid_base, 0,
          "added to every txid, so that runs against one store stay distinct");

namespace payone::service {
namespace {

std::string Md5Hex(const std::string& data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest, &size, EVP_md5(), nullptr);
  return absl::BytesToHexString(
      absl::string_view(reinterpret_cast<const char*>(digest), size));
}

// A realistic capture notification; `txid` makes each one distinct.
std::string Body(const std::string& key, int64_t txid) {
  return absl::StrCat(
      "key=", key,
      "&txaction=capture&notify_version=7.5&transaction_status=completed"
      "&mode=test&portalid=2000001&aid=10001&clearingtype=cc"
      "&txtime=1768478400&currency=EUR&userid=400000001&txid=",
      txid,
      "&reference=BENCH-1&sequencenumber=1&price=100.00&receivable=100.00"
      "&balance=100.00&firstname=J%F6rg&lastname=J%E4ger&country=DE"
      "&cardpan=411111xxxxxx1111&cardtype=V&cardexpiredate=3012");
}

struct Result {
  int64_t accepted = 0;  // TSOK while measuring
  int64_t answered = 0;  // TSOK in all, warm-up included
  int64_t failures = 0;
  double seconds = 0;
  std::vector<absl::Duration> latencies;
  std::vector<int64_t> answered_per_target;
};

struct Target {
  std::string host;
  int port = 0;
};

Result Drive(const std::vector<Target>& targets) {
  const std::string key = Md5Hex(absl::GetFlag(FLAGS_portal_key));
  const int64_t txid_base = absl::GetFlag(FLAGS_txid_base);
  const int senders = absl::GetFlag(FLAGS_senders);
  std::atomic<bool> measuring{false};
  std::atomic<bool> done{false};
  std::vector<Result> per_sender(senders);
  std::vector<std::thread> threads;
  for (int s = 0; s < senders; ++s) {
    threads.emplace_back([&, s] {
      Result& mine = per_sender[s];
      const Target& target = targets[s % targets.size()];
      const simulator::Url url{false, target.host,
                               static_cast<uint16_t>(target.port),
                               "/payone/transaction-status"};
      auto connection = simulator::HttpConnection::Connect(url);
      if (!connection.ok()) {
        ++mine.failures;
        return;
      }
      int64_t txid = txid_base + 100000000LL * (s + 1);
      while (!done) {
        const bool counted = measuring;
        const absl::Time start = absl::Now();
        auto answer =
            (*connection)->Send("POST", url.target, Body(key, ++txid));
        const absl::Duration latency = absl::Now() - start;
        if (!answer.ok() || answer->status != 200 || answer->body != "TSOK") {
          ++mine.failures;
          return;
        }
        ++mine.answered;
        if (counted) {
          ++mine.accepted;
          mine.latencies.push_back(latency);
        }
      }
    });
  }
  absl::SleepFor(absl::GetFlag(FLAGS_warmup));
  measuring = true;
  const absl::Time start = absl::Now();
  absl::SleepFor(absl::GetFlag(FLAGS_duration));
  measuring = false;
  Result total;
  total.seconds = absl::ToDoubleSeconds(absl::Now() - start);
  done = true;
  for (std::thread& thread : threads) thread.join();
  total.answered_per_target.assign(targets.size(), 0);
  for (int s = 0; s < senders; ++s) {
    total.answered_per_target[s % targets.size()] += per_sender[s].answered;
  }
  for (Result& r : per_sender) {
    total.accepted += r.accepted;
    total.answered += r.answered;
    total.failures += r.failures;
    total.latencies.insert(total.latencies.end(), r.latencies.begin(),
                           r.latencies.end());
  }
  std::sort(total.latencies.begin(), total.latencies.end());
  return total;
}

double PercentileMs(const std::vector<absl::Duration>& sorted, double p) {
  if (sorted.empty()) return 0;
  const size_t index =
      std::min(sorted.size() - 1, static_cast<size_t>(p * sorted.size()));
  return absl::ToDoubleMilliseconds(sorted[index]);
}

// The figures both modes print (bench/ledger.py reads them by name).
std::string Figures(const Result& result) {
  return absl::StrFormat(
      "senders=%d seconds=%.1f accepted=%d rate=%.0f/s p50_ms=%.2f "
      "p99_ms=%.2f failures=%d",
      absl::GetFlag(FLAGS_senders), result.seconds, result.accepted,
      result.accepted / std::max(result.seconds, 1e-9),
      PercentileMs(result.latencies, 0.50),
      PercentileMs(result.latencies, 0.99), result.failures);
}

int64_t CountStored(NotificationLog* store) {
  int64_t count = 0;
  NotificationQuery query;
  query.limit = 5000;
  while (true) {
    auto page = store->List(query);
    if (!page.ok() || page->empty()) return page.ok() ? count : -1;
    count += page->size();
    query.after_cursor = page->back().cursor;
  }
}

// Runs the loop against `store`; false when anything was lost or refused.
bool Bench(const std::string& backend, LedgerDatabase* database) {
  NotificationLog log(database);
  NotificationLog* store = &log;
  NotificationReceiverOptions options;
  options.config.set_listen_address("127.0.0.1:0");
  options.config.add_allowed_sources("127.0.0.1/32");
  options.store_threads = absl::GetFlag(FLAGS_store_threads);
  options.log_sink = [](const std::string&) {};
  const NotificationAccount account{
      "bench", "2000001", "10001", Md5Hex(absl::GetFlag(FLAGS_portal_key)), ""};
  auto receiver =
      NotificationReceiver::Start(options, {account}, store, nullptr);
  if (!receiver.ok()) {
    std::fprintf(stderr, "receiver: %s\n",
                 receiver.status().ToString().c_str());
    return false;
  }
  const Result result = Drive({{"127.0.0.1", (*receiver)->port()}});
  (*receiver)->Shutdown();
  const NotificationStats stats = (*receiver)->Stats();
  const int64_t stored = CountStored(store);
  std::printf("backend=%s %s stored_total=%lld answered_tsok=%llu\n",
              backend.c_str(), Figures(result).c_str(),
              static_cast<long long>(stored),
              static_cast<unsigned long long>(stats.stored));
  std::fflush(stdout);
  // Every TSOK (warm-up included) is a stored row, and nothing else is.
  return result.failures == 0 && result.accepted > 0 &&
         stored == static_cast<int64_t>(stats.stored) && stats.duplicate == 0;
}

// Drives receivers that run elsewhere; false when a post was not TSOK.
bool BenchTargets(const std::vector<std::string>& specs) {
  std::vector<Target> targets;
  for (const std::string& spec : specs) {
    const size_t colon = spec.rfind(':');
    Target target;
    if (colon == std::string::npos ||
        !absl::SimpleAtoi(spec.substr(colon + 1), &target.port)) {
      std::fprintf(stderr, "--targets: want host:port, got %s\n", spec.c_str());
      return false;
    }
    target.host = spec.substr(0, colon);
    targets.push_back(target);
  }
  const Result result = Drive(targets);
  std::printf("backend=external targets=%zu %s answered_tsok=%lld\n",
              targets.size(), Figures(result).c_str(),
              static_cast<long long>(result.answered));
  for (size_t i = 0; i < targets.size(); ++i) {
    std::printf("target=%s answered_tsok=%lld\n", specs[i].c_str(),
                static_cast<long long>(result.answered_per_target[i]));
  }
  std::fflush(stdout);
  return result.failures == 0 && result.accepted > 0;
}

int Main() {
  const std::string backend = absl::GetFlag(FLAGS_backend);
  if (!absl::GetFlag(FLAGS_targets).empty()) {
    return BenchTargets(absl::GetFlag(FLAGS_targets)) ? 0 : 1;
  }
  bool ok = true;
  if (backend == "sqlite" || backend == "both") {
    std::string dir = absl::GetFlag(FLAGS_dir);
    if (dir.empty()) {
      const char* test_tmp = std::getenv("TEST_TMPDIR");
      dir = test_tmp != nullptr ? test_tmp : "/tmp";
    }
    const std::string path =
        absl::StrCat(dir, "/notification_bench_", getpid(), ".db");
    auto store = OpenSqliteLedger(path);
    if (!store.ok()) {
      std::fprintf(stderr, "sqlite: %s\n", store.status().ToString().c_str());
      return 1;
    }
    ok = Bench("sqlite", store->get()) && ok;
    store->reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      unlink(absl::StrCat(path, suffix).c_str());
    }
  }
  if (backend == "postgres" || backend == "both") {
    auto server = PostgresServer::Start();
    if (!server.ok()) {
      std::fprintf(stderr, "postgres: %s\n",
                   server.status().ToString().c_str());
      return 1;
    }
    auto conninfo = (*server)->CreateDatabase("bench");
    if (!conninfo.ok()) {
      std::fprintf(stderr, "postgres: %s\n",
                   conninfo.status().ToString().c_str());
      return 1;
    }
    auto store = OpenPostgresLedger(*conninfo, absl::GetFlag(FLAGS_pool_size));
    if (!store.ok()) {
      std::fprintf(stderr, "postgres: %s\n", store.status().ToString().c_str());
      return 1;
    }
    ok = Bench("postgres", store->get()) && ok;
  }
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace payone::service

int main(int argc, char** argv) {
  absl::ParseCommandLine(argc, argv);
  return payone::service::Main();
}
