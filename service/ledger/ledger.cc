#include "service/ledger/ledger.h"

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "service/config/hex_digest.h"
#include "service/store/idempotency_keys.h"
#include "service/store/request_journal.h"

namespace payone::service {
namespace {

using codec::FollowsUp;
using codec::LedgerEffect;
using codec::OpensProcess;

absl::Status Unavailable(const absl::Status& status) {
  return LedgerUnavailable(status, "nothing was sent to PAYONE; retry");
}

void Refuse(Admission& admission, absl::Status status,
            absl::string_view reason) {
  admission.status = std::move(status);
  admission.reason = std::string(reason);
}

// An outcome whose "sending" record is not in the journal.
absl::Status NoRequest(int64_t journal_row_id) {
  return absl::NotFoundError(
      absl::StrCat("no request with id ", journal_row_id));
}

absl::Status DuplicateReference(absl::string_view reference) {
  return absl::AlreadyExistsError(absl::StrCat(
      "reference '", reference,
      "' was already sent to PAYONE for this portal (PAYONE would answer "
      "911); every payment process needs a new reference"));
}

// What must not run at once with this request, in any replica: requests on
// its payment process (their checks read what the others write), and calls
// with its idempotency key. Requests opening a process with one reference
// need no lock: nothing is read before the insert, and the journal's unique
// index makes a second insert wait for the first one's transaction and then
// fail (a lock statement per batch would only repeat that).
std::vector<int64_t> LocksOf(const LedgerRequest& request) {
  const RequestRecord& record = request.record;
  std::vector<int64_t> locks;
  if (FollowsUp(record.effect) && !record.txid.empty()) {
    locks.push_back(LockKey("txid", {record.portalid, record.txid}));
  }
  if (!request.idempotency_key.empty()) {
    locks.push_back(
        LockKey("idempotency", {record.account, request.idempotency_key}));
  }
  return locks;
}

absl::StatusOr<PaymentFacts> ReadFacts(SqlTransaction& tx,
                                       absl::string_view account,
                                       absl::string_view txid) {
  absl::StatusOr<std::vector<RequestRecord>> requests =
      request_journal::ListProcess(tx, account, txid);
  if (!requests.ok()) return requests.status();
  absl::StatusOr<std::vector<StoredNotification>> notifications =
      NotificationLog::ListProcess(tx, account, txid);
  if (!notifications.ok()) return notifications.status();
  return BuildPaymentFacts(account, txid, *requests, *notifications);
}

// The admission's checks and its "sending" record, inside one transaction
// that holds LocksOf(request). A refusal writes nothing; an error of the
// database fails the work (its writes are rolled back).
absl::Status AdmitInTransaction(SqlTransaction& tx, LedgerRequest& request,
                                Admission& admission) {
  RequestRecord& record = request.record;
  const std::string& account = record.account;
  const std::string& key = request.idempotency_key;
  if (!key.empty()) {
    absl::StatusOr<IdempotencyClaim> found =
        idempotency_keys::Find(tx, account, key, request.fingerprint);
    if (!found.ok()) return found.status();
    switch (found->kind) {
      case IdempotencyClaim::Kind::kClaimed:
        break;  // new: claimed below, once admitted
      case IdempotencyClaim::Kind::kReplay:
        admission.replay = std::move(found->response);
        return absl::OkStatus();
      case IdempotencyClaim::Kind::kConflict:
        Refuse(admission,
               absl::AlreadyExistsError(
                   "this idempotency-key was used before with a different "
                   "request; use a new key for a new request"),
               kReasonIdempotencyKeyReused);
        return absl::OkStatus();
      case IdempotencyClaim::Kind::kInFlight:
        Refuse(admission,
               absl::AbortedError(
                   "a call with this idempotency-key is still in flight, or "
                   "its outcome is unknown (it may have reached PAYONE): "
                   "check the payment with GetPayment before sending it "
                   "again with a new key"),
               kReasonIdempotencyKeyInFlight);
        return absl::OkStatus();
    }
  }

  // A reference already used is refused by the journal's unique index
  // when the request is recorded below (one statement instead of two).

  if (FollowsUp(record.effect) && !record.txid.empty()) {
    absl::StatusOr<PaymentFacts> facts = ReadFacts(tx, account, record.txid);
    if (!facts.ok()) return facts.status();
    if (request.takes_sequencenumber && !record.sequencenumber.has_value()) {
      absl::StatusOr<std::optional<int32_t>> next = NextSequenceNumber(*facts);
      if (!next.ok()) {
        Refuse(admission, next.status(), kReasonLedgerCheck);
        return absl::OkStatus();
      }
      if (next->has_value()) {
        record.sequencenumber = **next;
        admission.filled_sequencenumber = **next;
      } else if (record.effect != LedgerEffect::kCapture) {
        // Only a first capture may go without one (PAYONE numbers it).
        Refuse(admission,
               absl::FailedPreconditionError(absl::StrCat(
                   "the ledger knows no payment process with txid ",
                   record.txid, ", so it cannot fill in the sequencenumber a ",
                   record.request_type, " needs; set it explicitly")),
               kReasonLedgerCheck);
        return absl::OkStatus();
      }
    }
    absl::Status checked = CheckAgainstLedger(*facts, record);
    if (!checked.ok()) {
      Refuse(admission, std::move(checked), kReasonLedgerCheck);
      return absl::OkStatus();
    }
  }

  if (!key.empty()) {
    absl::StatusOr<IdempotencyClaim> claim =
        idempotency_keys::Claim(tx, account, key, request.fingerprint);
    if (!claim.ok()) return claim.status();
    if (claim->kind != IdempotencyClaim::Kind::kClaimed) {
      return absl::AbortedError("the idempotency key was claimed meanwhile");
    }
    admission.claimed_key = true;
  }
  record.outcome = RequestRecord::Outcome::kSending;
  record.sent_at = absl::Now();
  // Inserted with the batch's other admissions (one statement); the id is
  // known before any `done` runs.
  return request_journal::BeginLater(
      tx, record, [&admission](int64_t id) { admission.journal_row_id = id; });
}

}  // namespace

absl::Status LedgerUnavailable(const absl::Status& cause,
                               absl::string_view advice) {
  return absl::UnavailableError(absl::StrCat(
      "the payment ledger is unavailable (", advice, "): ", cause.message()));
}

std::string RequestFingerprint(absl::string_view method,
                               const google::protobuf::Message& request) {
  std::string bytes;
  {
    google::protobuf::io::StringOutputStream stream(&bytes);
    google::protobuf::io::CodedOutputStream coded(&stream);
    coded.SetSerializationDeterministic(true);
    request.SerializeToCodedStream(&coded);
  }
  return absl::StrCat(method, ":", HexDigest(DigestAlgorithm::kSha256, bytes));
}

Ledger::Ledger(LedgerDatabase* database, int read_threads)
    : database_(database), notifications_(database), reads_(read_threads) {}

void Ledger::Admit(LedgerRequest request, std::function<void(Admission)> done) {
  struct Pending {
    LedgerRequest request;
    LedgerRequest admitted;  // as the work completed it
    Admission admission;
    std::function<void(Admission)> done;
  };
  auto pending = std::make_shared<Pending>();
  pending->request = std::move(request);
  pending->done = std::move(done);
  std::vector<int64_t> locks = LocksOf(pending->request);
  auto finish = [pending](absl::Status status) {
    Admission& admission = pending->admission;
    if (!status.ok()) {
      admission = Admission();
      const RequestRecord& record = pending->admitted.record;
      if (status.code() == absl::StatusCode::kAlreadyExists &&
          OpensProcess(record.effect)) {
        // The unique reference index: an earlier request (of any replica)
        // holds it.
        Refuse(admission, DuplicateReference(record.reference),
               kReasonDuplicateReference);
      } else if (status.code() == absl::StatusCode::kAlreadyExists &&
                 record.sequencenumber.has_value()) {
        Refuse(admission,
               absl::FailedPreconditionError(absl::StrCat(
                   "txid ", record.txid, ": sequencenumber ",
                   *record.sequencenumber,
                   " is taken by another request in flight or answered "
                   "(PAYONE would answer 907); GetPayment shows the history")),
               kReasonLedgerCheck);
      } else {
        Refuse(admission, Unavailable(status), kReasonLedgerUnavailable);
      }
    }
    pending->done(std::move(admission));
  };
  absl::Status queued = database_->Submit(
      std::move(locks),
      [pending](SqlTransaction& tx) {
        // Afresh from the caller's request, should the work run twice.
        pending->admission = Admission();
        pending->admitted = pending->request;
        return AdmitInTransaction(tx, pending->admitted, pending->admission);
      },
      std::move(finish));
  if (!queued.ok()) {
    Admission refused;
    Refuse(refused,
           queued.code() == absl::StatusCode::kResourceExhausted
               ? absl::ResourceExhaustedError(
                     absl::StrCat(queued.message(), "; nothing was sent"))
               : Unavailable(queued),
           queued.code() == absl::StatusCode::kResourceExhausted
               ? kReasonLedgerBusy
               : kReasonLedgerUnavailable);
    pending->done(std::move(refused));
  }
}

struct Ledger::OutcomeFlush {
  struct Write {
    request_journal::RequestOutcome outcome;
    bool claimed_key = false;
    std::string account;
    std::string key;
    std::string response;
    std::function<void(absl::Status)> done;
  };
  // Appended under outcomes_mu_ while open; read only once closed.
  std::vector<Write> writes;
  std::vector<absl::Status> results;  // per write, set by RunFlush
};

void Ledger::Finish(const Admission& admission, const LedgerRequest& request,
                    RequestRecord::Outcome outcome, std::string status,
                    int32_t errorcode, std::string txid, std::string response,
                    std::function<void(absl::Status)> done) {
  OutcomeFlush::Write write;
  write.outcome.id = admission.journal_row_id;
  write.outcome.outcome = outcome;
  write.outcome.status = std::move(status);
  write.outcome.errorcode = errorcode;
  write.outcome.txid = std::move(txid);
  write.claimed_key = admission.claimed_key;
  write.account = request.record.account;
  write.key = request.idempotency_key;
  write.response = std::move(response);
  write.done = std::move(done);
  std::shared_ptr<OutcomeFlush> submit;
  {
    absl::MutexLock lock(&outcomes_mu_);
    if (open_flush_ == nullptr) {
      open_flush_ = std::make_shared<OutcomeFlush>();
      submit = open_flush_;
    }
    open_flush_->writes.push_back(std::move(write));
  }
  if (submit == nullptr) return;  // joins the flush already queued
  absl::Status queued = database_->Submit(
      {},
      [this, submit](SqlTransaction& tx) {
        {
          // Closed: later outcomes start a flush of their own.
          absl::MutexLock lock(&outcomes_mu_);
          if (open_flush_ == submit) open_flush_ = nullptr;
        }
        return RunFlush(tx, *submit);
      },
      [submit](absl::Status status) {
        for (size_t i = 0; i < submit->writes.size(); ++i) {
          submit->writes[i].done(status.ok() ? submit->results[i] : status);
        }
      },
      /*essential=*/true);
  if (!queued.ok()) {
    // The database is closing: nothing will run the flush.
    absl::MutexLock lock(&outcomes_mu_);
    if (open_flush_ == submit) open_flush_ = nullptr;
    for (OutcomeFlush::Write& w : submit->writes) w.done(queued);
  }
}

absl::Status Ledger::RunFlush(SqlTransaction& tx, OutcomeFlush& flush) {
  std::vector<request_journal::RequestOutcome> outcomes;
  outcomes.reserve(flush.writes.size());
  for (const OutcomeFlush::Write& w : flush.writes) {
    outcomes.push_back(w.outcome);
  }
  flush.results.assign(flush.writes.size(), absl::OkStatus());
  const bool claimed_keys =
      std::any_of(flush.writes.begin(), flush.writes.end(),
                  [](const OutcomeFlush::Write& w) { return w.claimed_key; });
  if (!claimed_keys) {
    // Nothing to do after it: the UPDATE may wait for the commit (PostgreSQL
    // sends both in one round trip).
    return request_journal::FinishManyLater(
        tx, std::move(outcomes),
        [&flush](absl::StatusOr<std::vector<bool>> found) {
          if (!found.ok()) return;  // fails the commit, and so every write
          for (size_t i = 0; i < flush.writes.size(); ++i) {
            if (!(*found)[i]) {
              flush.results[i] = NoRequest(flush.writes[i].outcome.id);
            }
          }
        });
  }
  absl::StatusOr<std::vector<bool>> found =
      request_journal::FinishMany(tx, outcomes);
  // A failed statement fails the transaction (PostgreSQL aborts it).
  if (!found.ok()) return found.status();
  for (size_t i = 0; i < flush.writes.size(); ++i) {
    const OutcomeFlush::Write& w = flush.writes[i];
    absl::Status& result = flush.results[i];
    if (!(*found)[i]) {
      result = NoRequest(w.outcome.id);
      continue;
    }
    if (!w.claimed_key) continue;
    switch (w.outcome.outcome) {
      case RequestRecord::Outcome::kAnswered:
        result = idempotency_keys::Complete(tx, w.account, w.key, w.response);
        break;
      case RequestRecord::Outcome::kNotSent:
        result = idempotency_keys::Release(tx, w.account, w.key);
        break;
      default:
        // The outcome is unknown: the key stays in flight, so that a retry
        // with it is refused rather than sent twice.
        break;
    }
    // NOT_FOUND and FAILED_PRECONDITION concern this write alone (its key
    // was not as expected); anything else is the database's.
    if (!result.ok() && result.code() != absl::StatusCode::kNotFound &&
        result.code() != absl::StatusCode::kFailedPrecondition) {
      return result;
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<PaymentFacts> Ledger::Facts(absl::string_view account,
                                           absl::string_view txid) {
  absl::StatusOr<PaymentFacts> facts;
  absl::Status status = database_->Read([&](SqlTransaction& tx) {
    facts = ReadFacts(tx, account, txid);
    return facts.status();
  });
  if (!status.ok()) return status;
  return facts;
}

}  // namespace payone::service
