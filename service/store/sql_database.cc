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

absl::Status SqlTransaction::QueryLater(std::string sql,
                                        std::vector<OwnedValue> params,
                                        RowsDone done) {
  absl::StatusOr<std::vector<SqlRow>> rows = Query(sql, SqlValuesOf(params));
  absl::Status status = rows.status();
  done(std::move(rows));
  return status;
}

std::vector<SqlValue> SqlValuesOf(
    absl::Span<const SqlTransaction::OwnedValue> values) {
  std::vector<SqlValue> params;
  params.reserve(values.size());
  for (const SqlTransaction::OwnedValue& value : values) {
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
  }
  return params;
}

std::string InsertValuesSql(absl::string_view into, size_t rows,
                            size_t columns) {
  std::string sql = absl::StrCat("INSERT INTO ", into, " VALUES ");
  size_t param = 0;
  for (size_t r = 0; r < rows; ++r) {
    absl::StrAppend(&sql, r == 0 ? "(" : ", (");
    for (size_t c = 0; c < columns; ++c) {
      absl::StrAppend(&sql, c == 0 ? "$" : ", $", ++param);
    }
    absl::StrAppend(&sql, ")");
  }
  return sql;
}

std::string InsertValuesStatement(
    absl::string_view into,
    absl::Span<const std::vector<SqlTransaction::OwnedValue>> rows,
    std::vector<SqlValue>& params) {
  for (const std::vector<SqlTransaction::OwnedValue>& row : rows) {
    std::vector<SqlValue> values = SqlValuesOf(row);
    params.insert(params.end(), values.begin(), values.end());
  }
  return InsertValuesSql(into, rows.size(), rows.front().size());
}

absl::StatusOr<std::vector<std::optional<int64_t>>> InsertRowsUnlessPresent(
    SqlTransaction& tx, absl::string_view into, absl::string_view key,
    absl::string_view returning,
    absl::Span<const std::vector<SqlTransaction::OwnedValue>> rows) {
  if (rows.empty()) return std::vector<std::optional<int64_t>>();
  std::vector<SqlValue> params;
  std::string sql = InsertValuesStatement(into, rows, params);
  absl::StrAppend(&sql, InsertUnlessPresentSuffix(key, returning));
  absl::StatusOr<std::vector<SqlRow>> returned = tx.Query(sql, params);
  if (!returned.ok()) return returned.status();
  std::vector<absl::string_view> keys;
  keys.reserve(rows.size());
  for (const std::vector<SqlTransaction::OwnedValue>& row : rows) {
    keys.push_back(std::get<std::string>(row.at(0)));
  }
  return KeptIds(keys, *returned);
}

std::string InsertUnlessPresentSuffix(absl::string_view key,
                                      absl::string_view returning) {
  return absl::StrCat(" ON CONFLICT (", key, ") DO NOTHING RETURNING ", key,
                      ", ", returning);
}

std::vector<std::optional<int64_t>> KeptIds(
    absl::Span<const absl::string_view> keys,
    const std::vector<SqlRow>& returned) {
  // By key: RETURNING promises no order. A key twice among the rows is
  // inserted once; the first of them gets the row, the others nullopt.
  absl::flat_hash_map<std::string, int64_t> by_key;
  for (const SqlRow& row : returned) by_key[row.Bytes(0)] = row.Int(1);
  std::vector<std::optional<int64_t>> ids;
  ids.reserve(keys.size());
  for (absl::string_view key : keys) {
    const auto found = by_key.find(key);
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
  return InsertedIds(into, rows.size(), *std::move(returned));
}

absl::StatusOr<std::vector<int64_t>> InsertedIds(absl::string_view into,
                                                 size_t rows,
                                                 std::vector<SqlRow> returned) {
  if (returned.size() != rows) {
    return absl::InternalError(absl::StrCat("INSERT INTO ", into, " returned ",
                                            returned.size(), " ids for ", rows,
                                            " rows"));
  }
  // RETURNING promises no order, but both databases number the rows of one
  // statement ascending in VALUES order (a sequence, SQLite's max rowid + 1).
  std::vector<int64_t> ids;
  ids.reserve(returned.size());
  for (const SqlRow& row : returned) ids.push_back(row.Int(0));
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
