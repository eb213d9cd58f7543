#include "simulator/handler.h"

#include <utility>

#include "absl/algorithm/container.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "simulator/test_data.h"

namespace payone::simulator {
namespace {

bool InRange(absl::string_view text, bool allow_negative) {
  if (allow_negative && absl::StartsWith(text, "-")) text.remove_prefix(1);
  int64_t value = 0;
  return AllDigits(text) && text.size() <= 10 &&
         absl::SimpleAtoi(text, &value) && value <= 1999999999;
}

}  // namespace

bool Matches(absl::string_view value, const Rule& rule) {
  switch (rule.format) {
    case Format::kAny:
      return true;
    case Format::kDigits:
      return AllDigits(value);
    case Format::kAmount:
      return InRange(value, false);
    case Format::kSignedAmount:
      return InRange(value, true);
    case Format::kReference:
      return value.size() <= 20 && absl::c_all_of(value, [](char c) {
               return absl::ascii_isalnum(c) || c == '.' || c == '-' ||
                      c == '_' || c == '/';
             });
    case Format::kCurrency:
      return value.size() == 3 && absl::c_all_of(value, absl::ascii_isupper);
    case Format::kCountry:
      return value.size() == 2 && absl::c_all_of(value, absl::ascii_isupper);
    case Format::kUrl: {
      const size_t scheme = value.find("://");
      return scheme != value.npos && scheme >= 2 && scheme <= 10 &&
             value.size() <= 255 && absl::ascii_isalpha(value[0]);
    }
    case Format::kDate:
      return value.size() == 8 && AllDigits(value);
    case Format::kList:
      for (absl::string_view item : absl::StrSplit(rule.list, '|')) {
        if (item == value) return true;
      }
      return false;
  }
  return false;
}

std::optional<PayoneError> CheckRules(const Params& params,
                                      std::initializer_list<Rule> rules) {
  for (const Rule& rule : rules) {
    const std::string& value = params.Get(rule.name);
    if (value.empty() ? rule.required : !Matches(value, rule)) {
      return ParamError(rule.name);
    }
  }
  return std::nullopt;
}

std::optional<PayoneError> CheckAid(const Call& call) {
  const std::string& aid = call.Get("aid");
  if (!AllDigits(aid)) return ParamError("aid");
  if (aid != call.account.aid) return PayoneError{2004, ""};
  return std::nullopt;
}

RequestedIban IbanOf(const Call& call) {
  RequestedIban out;
  out.iban = call.Get("iban");
  if (!out.iban.empty()) return out;
  if (call.Get("bankaccount").empty() || call.Get("bankcode").empty()) {
    out.error = PayoneError{1091, "iban"};
    return out;
  }
  out.error =
      CheckRules(call.params, {{"bankcountry", true, Format::kList, "DE"},
                               {"bankaccount", true, Format::kDigits},
                               {"bankcode", true, Format::kDigits}});
  out.iban = GermanIban(call.Get("bankcode"), call.Get("bankaccount"));
  return out;
}

int64_t AmountOf(const Call& call, absl::string_view name) {
  int64_t amount = 0;
  if (!absl::SimpleAtoi(call.Get(name), &amount)) return 0;
  return amount;
}

std::string MaskPan(absl::string_view pan) {
  return absl::AsciiStrToLower(TruncatePan(pan));
}

void Notify(Call& call, const Transaction& tx, absl::string_view txaction,
            std::vector<NameValue> extra) {
  if (call.sink == nullptr || call.notify_url.empty()) return;
  std::vector<NameValue> params = {
      {"key", Md5Hex(call.account.key)},
      {"txaction", std::string(txaction)},
      {"notify_version", "7.5"},
      {"transaction_status", "completed"},
      {"mode", tx.mode},
      {"portalid", tx.portalid},
      {"aid", tx.aid},
      {"clearingtype", tx.clearingtype},
      {"txtime", absl::StrCat(tx.txtime)},
      {"currency", tx.currency},
      {"userid", tx.userid},
      {"txid", absl::StrCat(tx.txid)},
      {"reference", tx.reference},
      {"sequencenumber", absl::StrCat(tx.sequence)},
      {"price", MajorUnits(tx.price)},
      {"receivable", MajorUnits(tx.receivable)},
      {"balance", MajorUnits(tx.receivable - tx.paid)},
  };
  for (auto& field : extra) {
    auto same = absl::c_find_if(
        params, [&](const NameValue& p) { return p.first == field.first; });
    if (same != params.end()) {
      same->second = std::move(field.second);
    } else {
      params.push_back(std::move(field));
    }
  }
  for (const auto& field : tx.echo) params.push_back(field);
  call.sink->Send(call.notify_url, tx.txid, std::move(params));
}

}  // namespace payone::simulator
