#include "simulator/wire.h"

#include <cstdio>
#include <cstdlib>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "codec/runtime/charset.h"
#include "codec/runtime/response_lines.h"
#include "service/common/json_string.h"

namespace payone::simulator {
namespace {

// PAYONE's 1xxx codes (reference §6.4) by parameter name.
const absl::flat_hash_map<std::string, int>& ParamCodes() {
  static const auto* codes = new absl::flat_hash_map<std::string, int>{
      {"clearingtype", 1001},
      {"param", 1002},
      {"reference", 1003},
      {"currency", 1005},
      {"add_paydata", 1007},
      {"txid", 1008},
      {"sequencenumber", 1009},
      {"mode", 1010},
      {"workorderid", 1011},
      {"api_version", 1012},
      {"amount", 1016},
      {"settleaccount", 1031},
      {"capturemode", 1032},
      {"transactiontype", 1035},
      {"successurl", 1041},
      {"backurl", 1042},
      {"errorurl", 1043},
      {"financingtype", 1055},
      {"onlinebanktransfertype", 1065},
      {"storecarddata", 1072},
      {"pseudocardpan", 1073},
      {"cardtype", 1076},
      {"cardexpiredate", 1077},
      {"cardpan", 1078},
      {"cardcvc2", 1079},
      {"bankaccountholder", 1080},
      {"bankcountry", 1082},
      {"bankaccount", 1083},
      {"bankcode", 1084},
      {"bic", 1087},
      {"iban", 1088},
      {"shippingprovider", 1090},
      {"wallettype", 1095},
      {"cashtype", 1096},
      {"mandate_identification", 1100},
      {"encoding", 1201},
      {"request", 1202},
      {"mid", 1203},
      {"aid", 1204},
      {"portalid", 1205},
      {"key", 1206},
      {"customerid", 1300},
      {"firstname", 1301},
      {"lastname", 1302},
      {"userid", 1310},
      {"street", 1311},
      {"zip", 1321},
      {"city", 1331},
      {"country", 1340},
      {"language", 1341},
      {"birthday", 1343},
      {"telephonenumber", 1344},
      {"email", 1350},
      {"exiturl", 1421},
      {"checktype", 1432},
      {"consumerscoretype", 1434},
      {"addresschecktype", 1435},
      {"file_reference", 1650},
      {"file_type", 1651},
      {"file_format", 1652},
      {"invoice_title", 1631},
      {"action", 1700},
      {"vaccountname", 1810},
      {"vreference", 1811},
      {"settletime", 1813},
      {"settle_period_unit", 1814},
      {"settle_period_length", 1815},
  };
  return *codes;
}

struct Texts {
  const char* message;
  const char* customer_en;
};

constexpr char kWrongParametersEn[] =
    "An error occured while processing this transaction (wrong parameters).";
constexpr char kWrongParametersDe[] =
    "Bei der Bearbeitung dieser Transaktion ist ein Fehler aufgetreten "
    "(Falsche Parameter).";
constexpr char kDeclinedEn[] =
    "The transaction was declined. Please choose another payment method.";
constexpr char kDeclinedDe[] =
    "Die Transaktion wurde abgelehnt. Bitte wählen Sie eine andere "
    "Zahlungsart.";

// Non-parameter codes the simulator answers with (reference §6).
const absl::flat_hash_map<int, Texts>& CodeTexts() {
  static const auto* texts = new absl::flat_hash_map<int, Texts>{
      {1, {"Card issuer temporarily not available", nullptr}},
      {2, {"Authorization declined", nullptr}},
      {4, {"Card not approved", nullptr}},
      {5, {"Authorization declined", nullptr}},
      {33,
       {"Expiry date invalid, incorrect or in the past",
        "Invalid card expiry date. Please verify your card data."}},
      {43, {"Card stolen", nullptr}},
      {51, {"Limit exceeded or account balance insufficient", nullptr}},
      {305, {"Customer has not completed the transaction yet", nullptr}},
      {307, {"Financing provider does not secure this transaction", nullptr}},
      {872, {"Pseudo card PAN not found", nullptr}},
      {875, {"Card type could not be detected", "Invalid card number."}},
      {877, {"Invalid card number", "Invalid card number."}},
      {878, {"Invalid card number", "Invalid card number."}},
      {879, {"CVC2 has a wrong length or syntax", "Invalid card code."}},
      {880, {"Card type does not match card number", "Invalid card number."}},
      {887, {"Invalid BIC", "Invalid BIC."}},
      {888, {"Invalid IBAN", "Invalid IBAN."}},
      {906, {"Refund amount too high", nullptr}},
      {907, {"Sequence no incorrect", nullptr}},
      {908, {"Capture amount too high", nullptr}},
      {910, {"Currency does not match referenced process", nullptr}},
      {911, {"Reference number already exists", nullptr}},
      {913, {"Referenced payment process (txid) not found", nullptr}},
      {915, {"Refund not possible", nullptr}},
      {923,
       {"Payment type not available for this currency or card type", nullptr}},
      {924, {"Test mode not available", nullptr}},
      {925, {"Live mode not available", nullptr}},
      {926, {"Incorrect mode for the referenced payment process", nullptr}},
      {931, {"Request does not support type of payment", nullptr}},
      {935, {"Amount for multiple partial capture cannot be 0", nullptr}},
      {950, {"Desired status change not possible", nullptr}},
      {952, {"Transaction already completed", nullptr}},
      {973, {"Minimum age not reached", nullptr}},
      {2003, {"MerchantID not found or no rights", nullptr}},
      {2004, {"SubAccountID not found", nullptr}},
      {2005, {"PortalID not found", nullptr}},
      {2006, {"Key incorrect", nullptr}},
      {2007, {"Hash incorrect", nullptr}},
      {2008, {"Invalid request or parameter", nullptr}},
      {2013, {"Invalid characters or encoding does not match", nullptr}},
      {3002, {"userid or customerid required", nullptr}},
      {3001, {"Usertoken invalid or expired", nullptr}},
      {3009, {"Customer does not exist", nullptr}},
      {4041, {"Address not found", "The address could not be verified."}},
      {6032, {"Invoice not found", nullptr}},
      {6500, {"File not found", nullptr}},
      {6502, {"Service temporarily not available", nullptr}},
      {7005, {"Access id not found", nullptr}},
      {7008, {"Expiry time before start time", nullptr}},
      {7030, {"Operation not allowed in access status", nullptr}},
      {8011, {"Virtual account reference already used", nullptr}},
  };
  return *texts;
}

bool IsDeclineCode(int code) { return code < 800 && code != 305; }

// Top-level JSON names of the answer fields PAYONE documents (§1.6).
const absl::flat_hash_map<std::string, std::string>& JsonNames() {
  static const auto* names = new absl::flat_hash_map<std::string, std::string>{
      {"status", "Status"},
      {"txid", "TxId"},
      {"userid", "UserId"},
      {"accessid", "AccessId"},
      {"settleaccount", "SettleAccount"},
      {"vxid", "VxId"},
      {"vaid", "VaId"},
      {"redirecturl", "RedirectUrl"},
      {"workorderid", "WorkOrderId"},
      {"usertoken", "UserToken"},
      {"pseudocardpan", "PseudoCardPan"},
      {"truncatedcardpan", "TruncatedCardPan"},
      {"reasoncode", "ReasonCode"},
  };
  return *names;
}

// An ordered JSON object of strings and nested objects.
struct JsonObject {
  std::vector<std::pair<std::string, std::string>> values;
  std::vector<std::pair<std::string, JsonObject>> objects;

  JsonObject& Child(absl::string_view name) {
    for (auto& [key, child] : objects) {
      if (key == name) return child;
    }
    objects.emplace_back(std::string(name), JsonObject());
    return objects.back().second;
  }

  void Append(std::string* out) const {
    out->push_back('{');
    bool first = true;
    auto comma = [&] {
      if (!first) out->push_back(',');
      first = false;
    };
    for (const auto& [key, value] : values) {
      comma();
      service::AppendJsonString(key, out);
      out->push_back(':');
      service::AppendJsonString(value, out);
    }
    for (const auto& [key, child] : objects) {
      comma();
      service::AppendJsonString(key, out);
      out->push_back(':');
      child.Append(out);
    }
    out->push_back('}');
  }
};

// "bank_account_holder" -> "BankAccountHolder".
std::string PascalCase(absl::string_view name) {
  std::string out;
  bool upper = true;
  for (char c : name) {
    if (c == '_' || c == '[' || c == ']') {
      upper = true;
      continue;
    }
    out.push_back(upper ? absl::ascii_toupper(c) : c);
    upper = false;
  }
  return out;
}

}  // namespace

int ParamErrorCode(absl::string_view param) {
  if (absl::StartsWith(param, "add_paydata[")) return 1007;
  const auto it = ParamCodes().find(std::string(param));
  return it == ParamCodes().end() ? 1000 : it->second;
}

PayoneError ParamError(absl::string_view param) {
  return {ParamErrorCode(param), std::string(param)};
}

std::string ErrorMessage(const PayoneError& error) {
  if (error.code >= 1000 && error.code < 2000) {
    return absl::StrCat("Parameter {", error.param, "} faulty or missing");
  }
  const auto it = CodeTexts().find(error.code);
  return it == CodeTexts().end() ? "Error" : it->second.message;
}

std::string CustomerMessage(int code, absl::string_view language) {
  const bool german = absl::EqualsIgnoreCase(language, "de");
  const auto it = CodeTexts().find(code);
  if (it != CodeTexts().end() && it->second.customer_en != nullptr && !german) {
    return it->second.customer_en;
  }
  if (IsDeclineCode(code)) return german ? kDeclinedDe : kDeclinedEn;
  return german ? kWrongParametersDe : kWrongParametersEn;
}

std::optional<PayoneError> Params::Parse(absl::string_view body, Params* out) {
  auto pairs = codec::ParseForm(body);
  if (!pairs.ok()) return PayoneError{2008, ""};
  *out = Params();
  for (auto& [name, value] : *pairs) {
    out->values_[std::move(name)] = std::move(value);
  }
  const std::string encoding = out->Get("encoding");
  if (encoding.empty() || absl::EqualsIgnoreCase(encoding, "ISO-8859-1")) {
    // Every byte is a Latin-1 character; hold them as UTF-8.
    std::map<std::string, std::string, std::less<>> utf8;
    for (const auto& [name, value] : out->values_) {
      utf8[codec::Latin1ToUtf8(name)] = codec::Latin1ToUtf8(value);
    }
    out->values_ = std::move(utf8);
    return std::nullopt;
  }
  if (!absl::EqualsIgnoreCase(encoding, "UTF-8")) return ParamError("encoding");
  out->utf8_ = true;
  for (const auto& [name, value] : out->values_) {
    if (!codec::IsValidUtf8(name) || !codec::IsValidUtf8(value)) {
      return PayoneError{2013, ""};
    }
  }
  return std::nullopt;
}

const std::string& Params::Get(absl::string_view name) const {
  static const std::string* empty = new std::string();
  const auto it = values_.find(name);
  return it == values_.end() ? *empty : it->second;
}

bool Params::Has(absl::string_view name) const {
  return values_.find(name) != values_.end();
}

void Params::Set(absl::string_view name, absl::string_view value) {
  values_[std::string(name)] = std::string(value);
}

Answer& Answer::Add(absl::string_view name, absl::string_view value) {
  fields.emplace_back(std::string(name), std::string(value));
  return *this;
}

const std::string* Answer::Find(absl::string_view name) const {
  for (const auto& [key, value] : fields) {
    if (key == name) return &value;
  }
  return nullptr;
}

bool Answer::IsError() const { return Find("errorcode") != nullptr; }

Answer Answer::Status(absl::string_view status) {
  Answer answer;
  answer.Add("status", status);
  return answer;
}

Answer Answer::Error(const PayoneError& error, absl::string_view language,
                     absl::string_view status) {
  Answer answer = Status(status);
  answer.Add("errorcode", absl::StrCat(error.code));
  answer.Add("errormessage", ErrorMessage(error));
  answer.Add("customermessage", CustomerMessage(error.code, language));
  return answer;
}

std::string ToLatin1Lossy(absl::string_view utf8) {
  auto latin1 = codec::Utf8ToLatin1(utf8);
  if (latin1.ok()) return *std::move(latin1);
  std::string out;
  for (char c : utf8) {
    // Keep ASCII, replace everything else: Latin-1 cannot say it.
    out.push_back(static_cast<unsigned char>(c) < 0x80 ? c : '?');
  }
  return out;
}

std::string RenderLines(const Answer& answer, bool utf8) {
  std::string out;
  for (const auto& [name, value] : answer.fields) {
    codec::AppendResponseLine(name, utf8 ? value : ToLatin1Lossy(value), &out);
  }
  return out;
}

std::string RenderJson(const Answer& answer, absl::string_view encoding) {
  JsonObject root;
  for (const auto& [name, value] : answer.fields) {
    const auto known = JsonNames().find(name);
    if (known != JsonNames().end()) {
      root.values.emplace_back(known->second, value);
    } else if (name == "errorcode" || name == "errormessage" ||
               name == "customermessage") {
      const char* key = name == "errorcode"      ? "ErrorCode"
                        : name == "errormessage" ? "ErrorMessage"
                                                 : "CustomerMessage";
      root.Child("Error").values.emplace_back(key, value);
    } else if (absl::StartsWith(name, "clearing_bank")) {
      root.Child("Clearing")
          .Child("BankAccount")
          .values.emplace_back(PascalCase(name.substr(13)), value);
    } else if (absl::StartsWith(name, "clearing_")) {
      root.Child("Clearing")
          .values.emplace_back(PascalCase(name.substr(9)), value);
    } else if (absl::StartsWith(name, "mandate_")) {
      const std::string key =
          name == "mandate_text" ? "HtmlText" : PascalCase(name.substr(8));
      root.Child("Mandate").values.emplace_back(key, value);
    } else if (const size_t dot = name.find('.'); dot != std::string::npos) {
      // "Person.LastName": a member of a nested object.
      root.Child(name.substr(0, dot))
          .values.emplace_back(name.substr(dot + 1), value);
    } else if (absl::StartsWith(name, "add_paydata[") && name.back() == ']') {
      root.Child("AddPayData")
          .values.emplace_back(name.substr(12, name.size() - 13), value);
    } else {
      root.values.emplace_back(PascalCase(name), value);
    }
  }
  if (!encoding.empty()) root.values.emplace_back("Encoding", encoding);
  std::string out;
  root.Append(&out);
  return out;
}

std::string RenderClientApiJson(const Answer& answer) {
  JsonObject root;
  for (const auto& [name, value] : answer.fields) {
    root.values.emplace_back(name, value);
  }
  std::string out;
  root.Append(&out);
  return out;
}

bool AllDigits(absl::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!absl::ascii_isdigit(c)) return false;
  }
  return true;
}

std::string MajorUnits(long long minor) {
  const bool negative = minor < 0;
  const unsigned long long magnitude =
      negative ? 0ULL - static_cast<unsigned long long>(minor)
               : static_cast<unsigned long long>(minor);
  return absl::StrFormat("%s%d.%02d", negative ? "-" : "", magnitude / 100,
                         magnitude % 100);
}

}  // namespace payone::simulator
