#include "service/store/notification_retention.h"

#include <string>
#include <vector>

#include "codec/runtime/codec.h"
#include "codec/runtime/redact.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/reflection.h"
#include "payone/v1/notification.payone.h"
#include "payone/v1/options.pb.h"
#include "payone/v1/payment_requests.payone.h"
#include "service/store/sql_util.h"

namespace payone::service {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using store_internal::Micros;

// What counts as sensitive among a notification's raw parameters: what the
// model marks sensitive in a notification or in an authorization (cardpan,
// cardcvc2, iban, bankaccount, ...), since parameters the model does not
// know may be any of those.
absl::Span<const absl::string_view> SensitiveNames() {
  static const auto* const names = [] {
    auto* all = new std::vector<absl::string_view>();
    for (const auto names :
         {codec::PayoneCodec<
              payone::v1::TransactionStatusNotification>::SensitiveWireNames(),
          codec::PayoneCodec<
              payone::v1::AuthorizationRequest>::SensitiveWireNames()}) {
      all->insert(all->end(), names.begin(), names.end());
    }
    return all;
  }();
  return *names;
}

// Walks `message`: sensitive fields (by the model's option) redacted,
// messages searched, string maps keyed by wire name checked by name.
void Redact(Message* message) {
  const absl::Span<const absl::string_view> sensitive = SensitiveNames();
  const google::protobuf::Reflection* reflection = message->GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(*message, &fields);
  for (const FieldDescriptor* field : fields) {
    if (field->options().GetExtension(payone::v1::field).sensitive()) {
      if (field->cpp_type() == FieldDescriptor::CPPTYPE_STRING &&
          !field->is_repeated()) {
        reflection->SetString(message, field, std::string(codec::kRedacted));
      } else {
        reflection->ClearField(message, field);
      }
      continue;
    }
    if (field->is_map()) {
      const FieldDescriptor* key = field->message_type()->map_key();
      const FieldDescriptor* value = field->message_type()->map_value();
      if (key->cpp_type() != FieldDescriptor::CPPTYPE_STRING ||
          value->cpp_type() != FieldDescriptor::CPPTYPE_STRING) {
        continue;
      }
      for (int i = 0; i < reflection->FieldSize(*message, field); ++i) {
        Message* entry = reflection->MutableRepeatedMessage(message, field, i);
        const std::string name = entry->GetReflection()->GetString(*entry, key);
        if (codec::IsSensitiveName(name, sensitive)) {
          entry->GetReflection()->SetString(entry, value,
                                            std::string(codec::kRedacted));
        }
      }
      continue;
    }
    if (field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->is_repeated()) {
      for (int i = 0; i < reflection->FieldSize(*message, field); ++i) {
        Redact(reflection->MutableRepeatedMessage(message, field, i));
      }
    } else {
      Redact(reflection->MutableMessage(message, field));
    }
  }
}

}  // namespace

void RedactSensitiveFields(
    payone::v1::TransactionStatusNotification* notification) {
  Redact(notification);
}

absl::StatusOr<int> RedactExpiredNotifications(LedgerDatabase& database,
                                               absl::Time cutoff,
                                               absl::Time now, int limit) {
  const absl::Span<const absl::string_view> sensitive = SensitiveNames();
  int redacted = 0;
  absl::Status status =
      database.Write({}, [&](SqlTransaction& tx) -> absl::Status {
        redacted = 0;
        absl::StatusOr<std::vector<SqlRow>> rows = tx.Query(
            "SELECT cursor, notification FROM notifications"
            " WHERE received_at < $1 AND redacted_at IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM forward_tasks"
            "   WHERE forward_tasks.notification_cursor = notifications.cursor"
            "   AND forward_tasks.delivered_at IS NULL)"
            " ORDER BY cursor LIMIT $2",
            {Micros(cutoff), static_cast<int64_t>(limit)});
        if (!rows.ok()) return rows.status();
        for (const SqlRow& row : *rows) {
          const int64_t cursor = row.Int(0);
          payone::v1::TransactionStatusNotification notification;
          // A blob that does not parse is not kept either: nothing of it can
          // be shown as it was.
          if (notification.ParseFromString(row.Bytes(1))) {
            RedactSensitiveFields(&notification);
          } else {
            notification.Clear();
          }
          const std::string serialized = notification.SerializeAsString();
          absl::StatusOr<std::vector<SqlRow>> updated = tx.Query(
              "UPDATE notifications SET notification = $1, redacted_at = $2"
              " WHERE cursor = $3",
              {SqlValue::Blob(serialized), Micros(now), cursor});
          if (!updated.ok()) return updated.status();
          absl::StatusOr<std::vector<SqlRow>> bodies = tx.Query(
              "SELECT id, body FROM forward_tasks WHERE notification_cursor = "
              "$1",
              {cursor});
          if (!bodies.ok()) return bodies.status();
          for (const SqlRow& task : *bodies) {
            const std::string body =
                codec::RedactFormBody(task.Bytes(1), sensitive);
            updated =
                tx.Query("UPDATE forward_tasks SET body = $1 WHERE id = $2",
                         {SqlValue::Blob(body), task.Int(0)});
            if (!updated.ok()) return updated.status();
          }
          ++redacted;
        }
        return absl::OkStatus();
      });
  if (!status.ok()) return status;
  return redacted;
}

NotificationRetentionSweeper::NotificationRetentionSweeper(
    LedgerDatabase* database, absl::Duration retention, absl::Duration interval)
    : database_(database),
      retention_(retention),
      interval_(interval),
      thread_([this] { Run(); }) {}

NotificationRetentionSweeper::~NotificationRetentionSweeper() { Stop(); }

void NotificationRetentionSweeper::Stop() {
  if (!stop_.HasBeenNotified()) stop_.Notify();
  if (thread_.joinable()) thread_.join();
}

void NotificationRetentionSweeper::Run() {
  constexpr int kBatch = 500;
  do {
    // In batches, so that no transaction holds the writers for long.
    absl::StatusOr<int> redacted;
    do {
      const absl::Time now = absl::Now();
      redacted =
          RedactExpiredNotifications(*database_, now - retention_, now, kBatch);
      if (redacted.ok()) redacted_ += *redacted;
    } while (redacted.ok() && *redacted == kBatch && !stop_.HasBeenNotified());
  } while (!stop_.WaitForNotificationWithTimeout(interval_));
}

}  // namespace payone::service
