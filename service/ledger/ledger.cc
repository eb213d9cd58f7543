#include "service/ledger/ledger.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "service/config/hex_digest.h"

namespace payone::service {
namespace {

absl::Status Unavailable(const absl::Status& status) {
  return LedgerUnavailable(status, "nothing was sent to PAYONE; retry");
}

bool OpensProcess(absl::string_view request_type) {
  return request_type == "preauthorization" || request_type == "authorization";
}

bool FollowsUp(absl::string_view request_type) {
  return request_type == "capture" || request_type == "refund" ||
         request_type == "debit";
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

Ledger::Ledger(Store* store, int threads) : store_(store), work_(threads) {}

Admission Ledger::Refuse(Admission admission, absl::string_view account,
                         absl::string_view idempotency_key, absl::Status status,
                         absl::string_view reason) {
  // Nothing was sent: the key may be used again.
  if (admission.claimed_key) {
    (void)store_->ReleaseIdempotencyKey(account, idempotency_key);
    admission.claimed_key = false;
  }
  admission.status = std::move(status);
  admission.reason = std::string(reason);
  return admission;
}

Admission Ledger::Admit(RequestRecord record, bool takes_sequencenumber,
                        absl::string_view idempotency_key,
                        absl::string_view fingerprint) {
  Admission admission;
  const std::string& account = record.account;
  if (!idempotency_key.empty()) {
    auto claim =
        store_->ClaimIdempotencyKey(account, idempotency_key, fingerprint);
    if (!claim.ok()) {
      return Refuse(std::move(admission), account, "",
                    Unavailable(claim.status()), kReasonLedgerUnavailable);
    }
    switch (claim->kind) {
      case IdempotencyClaim::Kind::kClaimed:
        admission.claimed_key = true;
        break;
      case IdempotencyClaim::Kind::kReplay:
        admission.replay = std::move(claim->response);
        return admission;
      case IdempotencyClaim::Kind::kConflict:
        return Refuse(std::move(admission), account, "",
                      absl::AlreadyExistsError(
                          "this idempotency-key was used before with a "
                          "different request; use a new key for a new "
                          "request"),
                      kReasonIdempotencyKeyReused);
      case IdempotencyClaim::Kind::kInFlight:
        return Refuse(
            std::move(admission), account, "",
            absl::AbortedError(
                "a call with this idempotency-key is still in flight, or its "
                "outcome is unknown (it may have reached PAYONE): check the "
                "payment with GetPayment before sending it again with a new "
                "key"),
            kReasonIdempotencyKeyInFlight);
    }
  }

  if (OpensProcess(record.request_type) && !record.reference.empty()) {
    auto used = store_->ReferenceUsed(record.portalid, record.reference);
    if (!used.ok()) {
      return Refuse(std::move(admission), account, idempotency_key,
                    Unavailable(used.status()), kReasonLedgerUnavailable);
    }
    if (*used) {
      return Refuse(
          std::move(admission), account, idempotency_key,
          absl::AlreadyExistsError(absl::StrCat(
              "reference '", record.reference,
              "' was already sent to PAYONE for this portal (PAYONE would "
              "answer 911); every payment process needs a new reference")),
          kReasonDuplicateReference);
    }
  }

  if (FollowsUp(record.request_type) && !record.txid.empty()) {
    auto facts = Facts(account, record.txid);
    if (!facts.ok()) {
      return Refuse(std::move(admission), account, idempotency_key,
                    Unavailable(facts.status()), kReasonLedgerUnavailable);
    }
    if (takes_sequencenumber && !record.sequencenumber.has_value()) {
      auto next = NextSequenceNumber(*facts);
      if (!next.ok()) {
        return Refuse(std::move(admission), account, idempotency_key,
                      next.status(), kReasonLedgerCheck);
      }
      if (next->has_value()) {
        record.sequencenumber = **next;
        admission.filled_sequencenumber = **next;
      } else if (record.request_type != "capture") {
        // Only a first capture may go without one (PAYONE numbers it).
        return Refuse(
            std::move(admission), account, idempotency_key,
            absl::FailedPreconditionError(absl::StrCat(
                "the ledger knows no payment process with txid ", record.txid,
                ", so it cannot fill in the sequencenumber a ",
                record.request_type, " needs; set it explicitly")),
            kReasonLedgerCheck);
      }
    }
    absl::Status checked = CheckAgainstLedger(*facts, record);
    if (!checked.ok()) {
      return Refuse(std::move(admission), account, idempotency_key,
                    std::move(checked), kReasonLedgerCheck);
    }
  }

  record.outcome = RequestRecord::Outcome::kSending;
  record.sent_at = absl::Now();
  auto id = store_->BeginRequest(record);
  if (!id.ok()) {
    return Refuse(std::move(admission), account, idempotency_key,
                  Unavailable(id.status()), kReasonLedgerUnavailable);
  }
  admission.request_id = *id;
  return admission;
}

absl::Status Ledger::Finish(const Admission& admission,
                            absl::string_view account,
                            absl::string_view idempotency_key,
                            RequestRecord::Outcome outcome,
                            absl::string_view status, int32_t errorcode,
                            absl::string_view txid,
                            absl::string_view response) {
  absl::Status finished = store_->FinishRequest(admission.request_id, outcome,
                                                status, errorcode, txid);
  if (!admission.claimed_key) return finished;
  absl::Status key_status;
  switch (outcome) {
    case RequestRecord::Outcome::kAnswered:
      key_status =
          store_->CompleteIdempotencyKey(account, idempotency_key, response);
      break;
    case RequestRecord::Outcome::kNotSent:
      key_status = store_->ReleaseIdempotencyKey(account, idempotency_key);
      break;
    default:
      // The outcome is unknown: the key stays in flight, so that a retry
      // with it is refused rather than sent twice.
      break;
  }
  return finished.ok() ? key_status : finished;
}

absl::StatusOr<PaymentFacts> Ledger::Facts(absl::string_view account,
                                           absl::string_view txid) {
  auto requests = store_->ListRequests(account, txid);
  if (!requests.ok()) return requests.status();
  std::vector<StoredNotification> notifications;
  NotificationQuery query;
  query.account = std::string(account);
  query.txid = std::string(txid);
  query.limit = 1000;
  while (true) {
    auto page = store_->ListNotifications(query);
    if (!page.ok()) return page.status();
    if (page->empty()) break;
    query.after_cursor = page->back().cursor;
    const bool last_page = static_cast<int>(page->size()) < query.limit;
    for (auto& n : *page) notifications.push_back(std::move(n));
    if (last_page) break;
  }
  return BuildPaymentFacts(account, txid, *requests, notifications);
}

}  // namespace payone::service
