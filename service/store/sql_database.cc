#include "service/store/sql_database.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

namespace payone::service {

absl::StatusOr<int64_t> SqlTransaction::Change(
    absl::string_view sql, absl::Span<const SqlValue> params) {
  absl::StatusOr<std::vector<SqlRow>> rows =
      Query(absl::StrCat(sql, " RETURNING 1"), params);
  if (!rows.ok()) return rows.status();
  return static_cast<int64_t>(rows->size());
}

absl::Status SqlTransaction::InsertReturningId(
    std::string into, std::vector<OwnedValue> row,
    std::function<void(int64_t)> inserted) {
  absl::StatusOr<std::vector<int64_t>> ids =
      InsertRowsReturningIds(*this, into, {std::move(row)});
  if (!ids.ok()) return ids.status();
  inserted(ids->front());
  return absl::OkStatus();
}

absl::Status SqlTransaction::InsertUnlessPresent(
    std::string into, std::string key, std::string returning,
    std::vector<OwnedValue> row,
    std::function<void(std::optional<int64_t>)> inserted) {
  absl::StatusOr<std::vector<std::optional<int64_t>>> ids =
      InsertRowsUnlessPresent(*this, into, key, returning, {std::move(row)});
  if (!ids.ok()) return ids.status();
  inserted(ids->front());
  return absl::OkStatus();
}

std::string InsertValuesStatement(
    absl::string_view into,
    absl::Span<const std::vector<SqlTransaction::OwnedValue>> rows,
    std::vector<SqlValue>& params) {
  std::string sql = absl::StrCat("INSERT INTO ", into, " VALUES ");
  for (size_t r = 0; r < rows.size(); ++r) {
    absl::StrAppend(&sql, r == 0 ? "(" : ", (");
    for (size_t c = 0; c < rows[r].size(); ++c) {
      const SqlTransaction::OwnedValue& value = rows[r][c];
      if (const int64_t* integer = std::get_if<int64_t>(&value)) {
        params.emplace_back(*integer);
      } else if (const std::string* text = std::get_if<std::string>(&value)) {
        params.emplace_back(*text);
      } else if (const auto* blob =
                     std::get_if<SqlTransaction::OwnedBlob>(&value)) {
        params.push_back(SqlValue::Blob(blob->bytes));
      } else {
        params.emplace_back();
      }
      absl::StrAppend(&sql, c == 0 ? "$" : ", $", params.size());
    }
    absl::StrAppend(&sql, ")");
  }
  return sql;
}

absl::StatusOr<std::vector<std::optional<int64_t>>> InsertRowsUnlessPresent(
    SqlTransaction& tx, absl::string_view into, absl::string_view key,
    absl::string_view returning,
    absl::Span<const std::vector<SqlTransaction::OwnedValue>> rows) {
  if (rows.empty()) return std::vector<std::optional<int64_t>>();
  std::vector<SqlValue> params;
  std::string sql = InsertValuesStatement(into, rows, params);
  absl::StrAppend(&sql, " ON CONFLICT (", key, ") DO NOTHING RETURNING ", key,
                  ", ", returning);
  absl::StatusOr<std::vector<SqlRow>> returned = tx.Query(sql, params);
  if (!returned.ok()) return returned.status();
  // By key: RETURNING promises no order. A key twice among `rows` is
  // inserted once; the first of them gets the row, the others nullopt.
  absl::flat_hash_map<std::string, int64_t> by_key;
  for (const SqlRow& row : *returned) by_key[row.Bytes(0)] = row.Int(1);
  std::vector<std::optional<int64_t>> ids;
  ids.reserve(rows.size());
  for (const std::vector<SqlTransaction::OwnedValue>& row : rows) {
    const auto found = by_key.find(std::get<std::string>(row.at(0)));
    if (found == by_key.end()) {
      ids.push_back(std::nullopt);
    } else {
      ids.push_back(found->second);
      by_key.erase(found);
    }
  }
  return ids;
}

absl::StatusOr<std::vector<int64_t>> InsertRowsReturningIds(
    SqlTransaction& tx, absl::string_view into,
    absl::Span<const std::vector<SqlTransaction::OwnedValue>> rows) {
  if (rows.empty()) return std::vector<int64_t>();
  std::vector<SqlValue> params;
  std::string sql = InsertValuesStatement(into, rows, params);
  absl::StrAppend(&sql, " RETURNING id");
  absl::StatusOr<std::vector<SqlRow>> returned = tx.Query(sql, params);
  if (!returned.ok()) return returned.status();
  if (returned->size() != rows.size()) {
    return absl::InternalError(absl::StrCat("INSERT INTO ", into, " returned ",
                                            returned->size(), " ids for ",
                                            rows.size(), " rows"));
  }
  // RETURNING promises no order, but both databases number the rows of one
  // statement ascending in VALUES order (a sequence, SQLite's max rowid + 1).
  std::vector<int64_t> ids;
  ids.reserve(returned->size());
  for (const SqlRow& row : *returned) ids.push_back(row.Int(0));
  std::sort(ids.begin(), ids.end());
  return ids;
}

int64_t LockKey(absl::string_view kind,
                std::initializer_list<absl::string_view> parts) {
  // FNV-1a: stable across processes and builds, unlike absl::Hash.
  uint64_t hash = 0xcbf29ce484222325ull;
  auto mix = [&hash](absl::string_view bytes) {
    for (unsigned char c : bytes) {
      hash ^= c;
      hash *= 0x100000001b3ull;
    }
    // A separator no text contains, so ("ab","c") and ("a","bc") differ.
    hash ^= 0xff;
    hash *= 0x100000001b3ull;
  };
  mix(kind);
  for (absl::string_view part : parts) mix(part);
  return static_cast<int64_t>(hash >> 1);
}

}  // namespace payone::service
