// Checks the Protobuf model of the PAYONE Server API against the reference's
// parameter tables (testdata/parameters.tsv), against the example requests and
// answers of PAYONE's documents (testdata/example_*.txt) and against the
// conventions the codec generator and the gateway rely on (account field,
// wire names, enum wire values, unknown-parameter maps, no duplicate
// parameters, rules naming existing fields).
//
// Every failure names the message and the parameter, e.g.
//   preauthorization: no field with wire name "cardpan" (documented: PAN, o)

#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "google/protobuf/util/message_differencer.h"
#include "gtest/gtest.h"
#include "payone/v1/check_requests.pb.h"
#include "payone/v1/common.pb.h"
#include "payone/v1/gateway.pb.h"
#include "payone/v1/management_requests.pb.h"
#include "payone/v1/notification.pb.h"
#include "payone/v1/options.pb.h"
#include "payone/v1/payment_methods.pb.h"
#include "payone/v1/payment_requests.pb.h"
#include "payone/v1/responses.pb.h"

namespace payone::v1 {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::EnumDescriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::FileDescriptor;
using ::google::protobuf::MethodDescriptor;
using ::google::protobuf::OneofDescriptor;
using ::google::protobuf::ServiceDescriptor;

constexpr char kTablePath[] = "proto/payone/v1/testdata/parameters.tsv";
constexpr char kExamplesPath[] =
    "proto/payone/v1/testdata/example_requests.txt";
constexpr char kResponsesPath[] =
    "proto/payone/v1/testdata/example_responses.txt";

// ---------------------------------------------------------------------------
// The model's files and messages.

// gateway.proto declares no message: its descriptor table is referenced so
// that the file is linked, then looked up in the generated pool.
const ServiceDescriptor* Gateway() {
  static const void* const linked =
      &descriptor_table_payone_2fv1_2fgateway_2eproto;
  (void)linked;
  const ServiceDescriptor* service =
      ::google::protobuf::DescriptorPool::generated_pool()->FindServiceByName(
          "payone.v1.PayoneGateway");
  EXPECT_NE(service, nullptr) << "payone.v1.PayoneGateway not in the pool";
  return service;
}

// One message per file, so that every file is linked and registered in the
// generated pool.
std::vector<const FileDescriptor*> ModelFiles() {
  return {
      CardType_descriptor()->file(),
      CreditCardPayment::descriptor()->file(),
      PreauthorizationRequest::descriptor()->file(),
      CreditCardCheckRequest::descriptor()->file(),
      GetFileRequest::descriptor()->file(),
      PreauthorizationResponse::descriptor()->file(),
      TransactionStatusNotification::descriptor()->file(),
      Gateway()->file(),
  };
}

void CollectMessages(const Descriptor* d, std::vector<const Descriptor*>* out) {
  if (d->options().map_entry()) return;
  out->push_back(d);
  for (int i = 0; i < d->nested_type_count(); ++i) {
    CollectMessages(d->nested_type(i), out);
  }
}

std::vector<const Descriptor*> AllMessages() {
  std::vector<const Descriptor*> out;
  for (const FileDescriptor* f : ModelFiles()) {
    for (int i = 0; i < f->message_type_count(); ++i) {
      CollectMessages(f->message_type(i), &out);
    }
  }
  return out;
}

std::vector<const EnumDescriptor*> AllEnums() {
  std::vector<const EnumDescriptor*> out;
  for (const FileDescriptor* f : ModelFiles()) {
    for (int i = 0; i < f->enum_type_count(); ++i) {
      out.push_back(f->enum_type(i));
    }
  }
  for (const Descriptor* d : AllMessages()) {
    for (int i = 0; i < d->enum_type_count(); ++i) {
      out.push_back(d->enum_type(i));
    }
  }
  return out;
}

// The format of a field's typed rules (UNSPECIFIED without them).
Format FormatOf(const FieldRules& r) {
  if (r.has_text()) return r.text().format();
  if (r.has_integer()) return r.integer().format();
  if (r.has_boolean()) return r.boolean().format();
  if (r.has_enumeration()) return r.enumeration().format();
  return FORMAT_UNSPECIFIED;
}

const MessageRules& Rules(const Descriptor* d) {
  return d->options().GetExtension(message);
}

const FieldRules& Rules(const FieldDescriptor* f) {
  return f->options().GetExtension(field);
}

std::vector<const Descriptor*> MessagesOfKind(MessageKind kind) {
  std::vector<const Descriptor*> out;
  for (const Descriptor* d : AllMessages()) {
    if (Rules(d).kind() == kind) out.push_back(d);
  }
  return out;
}

// The format a field is checked with: its own, or the one the generator
// infers from the field type.
std::string EffectiveFormat(const FieldDescriptor* f) {
  if (f->is_map()) return "MAP";
  Format format = FormatOf(Rules(f));
  if (format == FORMAT_UNSPECIFIED) {
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING:
        format = FORMAT_CHAR;
        break;
      case FieldDescriptor::CPPTYPE_ENUM:
        format = FORMAT_LIST;
        break;
      case FieldDescriptor::CPPTYPE_BOOL:
        format = FORMAT_YES_NO;
        break;
      default:
        format = FORMAT_NUMERIC;
    }
  }
  return Format_Name(format).substr(sizeof("FORMAT_") - 1);
}

// A flattened, singular PART field: no wire name, its parameters belong to the
// parent.
bool IsFlattenedPart(const FieldDescriptor* f) {
  return f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE &&
         !f->is_repeated() && Rules(f).wire_name().empty() &&
         Rules(f->message_type()).kind() == MESSAGE_KIND_PART;
}

const OneofDescriptor* RealOneof(const FieldDescriptor* f) {
  const OneofDescriptor* o = f->containing_oneof();
  if (o == nullptr || o->is_synthetic()) return nullptr;
  return o;
}

// ---------------------------------------------------------------------------
// Flattening: the PAYONE parameters a message puts on the wire.

struct Param {
  const FieldDescriptor* field = nullptr;  // null for a constant
  std::string value;                       // a constant's value
  std::string wire;    // "cardpan", "it[n]", "add_paydata" (map stem)
  std::string format;  // "PAN", "LIST", "MAP", ...
  bool required = false;
  bool constant = false;
  bool sensitive = false;
  std::string path;  // proto path, e.g. "credit_card.cardpan"
  const OneofDescriptor* oneof = nullptr;  // the top-level oneof, if any
  int alternative = -1;                    // the oneof member it belongs to
  bool in_optional_part = false;           // below a flattened (optional) part
};

void Flatten(const Descriptor* d, const std::string& prefix, bool in_part,
             const OneofDescriptor* oneof, int alternative,
             std::vector<Param>* out) {
  for (const auto& [wire, value] : Rules(d).constants()) {
    Param p;
    p.value = value;
    p.wire = wire;
    p.format = "LIST";
    p.required = true;
    p.constant = true;
    p.path = prefix + "<constant " + wire + "=" + value + ">";
    p.oneof = oneof;
    p.alternative = alternative;
    p.in_optional_part = in_part;
    out->push_back(p);
  }
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    const FieldRules& r = Rules(f);
    if (r.gateway_only() || r.map().unknown_parameters()) continue;
    const OneofDescriptor* o = oneof;
    int alt = alternative;
    if (RealOneof(f) != nullptr && oneof == nullptr) {
      o = RealOneof(f);
      alt = f->index();
    }
    if (IsFlattenedPart(f)) {
      Flatten(f->message_type(), prefix + f->name() + ".",
              in_part || RealOneof(f) == nullptr, o, alt, out);
      continue;
    }
    if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !f->is_map() &&
        r.has_indexed()) {
      const Descriptor* element = f->message_type();
      for (int j = 0; j < element->field_count(); ++j) {
        const FieldDescriptor* ef = element->field(j);
        Param p;
        p.field = ef;
        p.wire = Rules(ef).wire_name() + "[n]";
        p.format = EffectiveFormat(ef);
        p.sensitive = Rules(ef).sensitive();
        p.path = prefix + f->name() + "[]." + ef->name();
        p.oneof = o;
        p.alternative = alt;
        p.in_optional_part = true;
        out->push_back(p);
      }
      continue;
    }
    Param p;
    p.field = f;
    p.wire = r.wire_name();
    p.format = EffectiveFormat(f);
    p.required = r.required();
    p.sensitive = r.sensitive();
    p.path = prefix + f->name();
    p.oneof = o;
    p.alternative = alt;
    p.in_optional_part = in_part;
    out->push_back(p);
  }
}

std::vector<Param> FlattenMessage(const Descriptor* d) {
  std::vector<Param> out;
  Flatten(d, "", false, nullptr, -1, &out);
  return out;
}

// Resolves a rule path ("personal_data.lastname") within `d`.
const FieldDescriptor* ResolvePath(const Descriptor* d,
                                   const std::string& path) {
  const FieldDescriptor* f = nullptr;
  std::stringstream in(path);
  std::string part;
  while (std::getline(in, part, '.')) {
    if (d == nullptr) return nullptr;
    f = d->FindFieldByName(part);
    if (f == nullptr) return nullptr;
    d = f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE ? f->message_type()
                                                          : nullptr;
  }
  return f;
}

// Is the parameter required on every request of `d`?
bool AlwaysRequired(const Descriptor* d, const Param& p) {
  if (p.oneof != nullptr) {
    // Must be carried by every member of a oneof that a rule requires.
    return false;
  }
  if (p.required && !p.in_optional_part) return true;
  for (const CrossFieldRule& rule : Rules(d).rules()) {
    if (rule.require_one_of_size() == 1 && rule.require_one_of(0) == p.path) {
      return true;
    }
  }
  return false;
}

// A wire name required because every member of a required oneof carries it
// (clearingtype in the payment method parts).
bool RequiredByEveryAlternative(const Descriptor* d,
                                const std::vector<Param>& params,
                                const std::string& wire) {
  std::map<const OneofDescriptor*, std::set<int>> carrying;
  for (const Param& p : params) {
    if (p.wire == wire && p.oneof != nullptr && p.required) {
      carrying[p.oneof].insert(p.alternative);
    }
  }
  for (const auto& [oneof, alternatives] : carrying) {
    if (static_cast<int>(alternatives.size()) != oneof->field_count()) continue;
    std::set<std::string> members;
    for (int i = 0; i < oneof->field_count(); ++i) {
      members.insert(oneof->field(i)->name());
    }
    for (const CrossFieldRule& rule : Rules(d).rules()) {
      std::set<std::string> named(rule.require_one_of().begin(),
                                  rule.require_one_of().end());
      if (named == members) return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------
// The reference table.

struct Row {
  int line;
  std::string message;
  std::string wire;
  std::string format;
  std::string required;
  std::string note;
};

std::vector<Row> ReadTable() {
  std::ifstream in(kTablePath);
  EXPECT_TRUE(in.good()) << "cannot open " << kTablePath;
  std::vector<Row> rows;
  std::string line;
  int number = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    std::vector<std::string> cols;
    std::stringstream s(line);
    std::string col;
    while (std::getline(s, col, '\t')) cols.push_back(col);
    EXPECT_GE(cols.size(), 4u) << kTablePath << ":" << number << ": " << line;
    if (cols.size() < 4) continue;
    cols.resize(5);
    rows.push_back({number, cols[0], cols[1], cols[2], cols[3], cols[4]});
  }
  return rows;
}

// request type -> request message, via the service (every RPC's input).
struct Model {
  std::map<std::string, const Descriptor*> by_name;  // "preauthorization", ...
};

Model LoadModel() {
  Model m;
  const ServiceDescriptor* service = Gateway();
  for (int i = 0; i < service->method_count(); ++i) {
    const MethodDescriptor* method = service->method(i);
    const std::string& type = Rules(method->input_type()).request_type();
    m.by_name[type] = method->input_type();
    m.by_name["response:" + type] = method->output_type();
  }
  m.by_name["transactionstatus"] = TransactionStatusNotification::descriptor();
  return m;
}

// ---------------------------------------------------------------------------
// Tests against the reference table.

TEST(ModelTest, TableIsReadable) {
  std::vector<Row> rows = ReadTable();
  EXPECT_GT(rows.size(), 500u);
}

TEST(ModelTest, EveryDocumentedParameterIsModelledWithItsFormat) {
  Model model = LoadModel();
  for (const Row& row : ReadTable()) {
    auto it = model.by_name.find(row.message);
    if (it == model.by_name.end()) {
      ADD_FAILURE() << kTablePath << ":" << row.line << ": " << row.message
                    << ": no message for this request type (missing RPC?)";
      continue;
    }
    const Descriptor* d = it->second;
    std::vector<Param> params = FlattenMessage(d);
    std::vector<const Param*> found;
    for (const Param& p : params) {
      if (p.wire == row.wire) found.push_back(&p);
    }
    if (found.empty()) {
      ADD_FAILURE() << row.message << " (" << d->full_name()
                    << "): no field with wire name \"" << row.wire
                    << "\" (documented: " << row.format << ", " << row.required
                    << ") [" << kTablePath << ":" << row.line << "]";
      continue;
    }
    for (const Param* p : found) {
      EXPECT_EQ(p->format, row.format)
          << row.message << ": " << d->full_name() << "." << p->path
          << " (wire name \"" << row.wire << "\") has format " << p->format
          << ", documented " << row.format << " [" << kTablePath << ":"
          << row.line << "]";
    }
    // Only requests enforce "+": a response or notification is decoded as
    // PAYONE sends it (its rows' "+" say what PAYONE always sends).
    if (row.required == "+" && Rules(d).kind() == MESSAGE_KIND_REQUEST) {
      bool ok = false;
      for (const Param* p : found) ok = ok || AlwaysRequired(d, *p);
      ok = ok || RequiredByEveryAlternative(d, params, row.wire);
      EXPECT_TRUE(ok) << row.message << ": \"" << row.wire
                      << "\" is documented as required but " << d->full_name()
                      << "." << found[0]->path
                      << " is not marked required (nor required by a rule) ["
                      << kTablePath << ":" << row.line << "]";
    }
  }
}

TEST(ModelTest, EveryRequestTypeIsInTheTable) {
  std::set<std::string> in_table;
  for (const Row& row : ReadTable()) in_table.insert(row.message);
  for (const Descriptor* d : MessagesOfKind(MESSAGE_KIND_REQUEST)) {
    EXPECT_TRUE(in_table.count(Rules(d).request_type()))
        << d->full_name() << " (" << Rules(d).request_type()
        << ") has no rows in " << kTablePath;
  }
}

TEST(ModelTest, CoversTheRequestTypesOfTheIssue) {
  Model model = LoadModel();
  for (const char* type : {"preauthorization", "authorization",
                           "capture",          "debit",
                           "refund",           "vauthorization",
                           "3dscheck",         "creditcardcheck",
                           "bankaccountcheck", "managemandate",
                           "getfile",          "genericpayment",
                           "updateuser",       "getinvoice",
                           "addresscheck",     "consumerscore",
                           "getuser",          "createaccess",
                           "updateaccess",     "updatereminder"}) {
    EXPECT_TRUE(model.by_name.count(type)) << "no RPC for request=" << type;
  }
}

// ---------------------------------------------------------------------------
// The documents' example requests.

struct Example {
  int line;
  std::string title;
  std::vector<std::pair<std::string, std::string>> params;  // without request
  std::string request_type;
};

// Blocks of key=value lines; `head` ("request", "response") names the
// message.
std::vector<Example> ReadExamples(const char* path, const std::string& head) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::vector<Example> examples;
  std::string line, title;
  int number = 0;
  bool open = false;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) {
      open = false;
      continue;
    }
    if (line[0] == '#') {
      title = line.substr(1);
      continue;
    }
    if (!open) {
      examples.push_back({number, title, {}, ""});
      open = true;
    }
    const size_t eq = line.find('=');
    EXPECT_NE(eq, std::string::npos) << path << ":" << number;
    if (eq == std::string::npos) continue;
    std::string key = line.substr(0, eq), value = line.substr(eq + 1);
    if (key == head) {
      examples.back().request_type = value;
    } else {
      examples.back().params.emplace_back(key, value);
    }
  }
  return examples;
}

// "it[2]" -> "it[n]"; "add_paydata[x]" stays.
std::string WireKey(const std::string& key) {
  const size_t bracket = key.find('[');
  if (bracket == std::string::npos ||
      key.compare(0, bracket, "add_paydata") == 0) {
    return key;
  }
  return key.substr(0, bracket) + "[n]";
}

bool HasSymbols(const std::string& value, Symbols symbols) {
  for (char c : value) {
    const bool digit = c >= '0' && c <= '9';
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    switch (symbols) {
      case SYMBOLS_DIGITS:
        if (!digit) return false;
        break;
      case SYMBOLS_ALPHANUMERIC:
        if (!digit && !alpha) return false;
        break;
      case SYMBOLS_REFERENCE:
        if (!digit && !alpha && c != '.' && c != '-' && c != '_' && c != '/') {
          return false;
        }
        break;
      case SYMBOLS_HEX:
        if (!digit && !(c >= 'a' && c <= 'f')) return false;
        break;
      default:
        break;
    }
  }
  return true;
}

// Why `value` does not fit `p`, or "".
std::string Misfit(const Param& p, const std::string& value) {
  if (p.field == nullptr) {
    return value == p.value ? "" : "constant is " + p.value;
  }
  const FieldRules& r = Rules(p.field);
  if (p.field->enum_type() != nullptr) {
    for (int i = 0; i < p.field->enum_type()->value_count(); ++i) {
      if (p.field->enum_type()
              ->value(i)
              ->options()
              .GetExtension(enum_value)
              .wire_value() == value) {
        return "";
      }
    }
    return "not a wire value of " + p.field->enum_type()->full_name();
  }
  switch (p.field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_INT32:
    case FieldDescriptor::CPPTYPE_INT64: {
      char* end = nullptr;
      const long long n = std::strtoll(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0') return "not an integer";
      if (r.integer().has_min() && n < r.integer().min()) return "below min";
      if (r.integer().has_max() && n > r.integer().max()) return "above max";
      return "";
    }
    case FieldDescriptor::CPPTYPE_BOOL:
      return value == "yes" || value == "no" ? "" : "not yes/no";
    case FieldDescriptor::CPPTYPE_STRING:
      if (value.size() < r.text().min_len()) return "too short";
      if (r.text().max_len() != 0 && value.size() > r.text().max_len()) {
        return "too long";
      }
      if (!HasSymbols(value, r.text().symbols())) {
        return "symbols not permitted";
      }
      return "";
    default:
      return "";
  }
}

TEST(ModelTest, DocumentedExamplesAreExpressible) {
  const std::set<std::string> standard = {
      "mid", "aid", "portalid", "key", "mode", "encoding", "api_version"};
  Model model = LoadModel();
  std::vector<Example> examples = ReadExamples(kExamplesPath, "request");
  EXPECT_GE(examples.size(), 4u);
  for (const Example& example : examples) {
    auto it = model.by_name.find(example.request_type);
    ASSERT_NE(it, model.by_name.end()) << kExamplesPath << ":" << example.line
                                       << ": request=" << example.request_type;
    const Descriptor* d = it->second;
    std::vector<Param> params = FlattenMessage(d);
    // Candidate alternatives: none, or one member of the oneof.
    std::set<std::pair<const OneofDescriptor*, int>> alternatives = {
        {nullptr, -1}};
    for (const Param& p : params) alternatives.insert({p.oneof, p.alternative});
    std::vector<std::string> best;
    bool fits = false;
    for (const auto& [oneof, alt] : alternatives) {
      std::vector<std::string> problems;
      std::set<std::string> used;
      for (const auto& [key, value] : example.params) {
        if (standard.count(key)) continue;
        const Param* match = nullptr;
        for (const Param& p : params) {
          if (p.wire != WireKey(key)) continue;
          if (p.oneof != nullptr &&
              (p.oneof != oneof || p.alternative != alt)) {
            continue;
          }
          match = &p;
        }
        if (match == nullptr) {
          problems.push_back(key + ": no field");
          continue;
        }
        used.insert(match->wire);
        std::string misfit = Misfit(*match, value);
        if (!misfit.empty()) {
          problems.push_back(key + "=" + value + ": " + misfit + " (" +
                             match->path + ")");
        }
      }
      // The chosen method's constants must all appear in the example.
      for (const Param& p : params) {
        if (p.constant && p.oneof == oneof && p.alternative == alt &&
            oneof != nullptr && !used.count(p.wire)) {
          problems.push_back(p.wire + "=" + p.value +
                             " (constant) not in the example");
        }
      }
      if (problems.empty()) {
        fits = true;
        break;
      }
      if (best.empty() || problems.size() < best.size()) best = problems;
    }
    std::string report;
    for (const std::string& problem : best) report += "\n  " + problem;
    EXPECT_TRUE(fits) << kExamplesPath << ":" << example.line << ":"
                      << example.title << ": " << d->full_name()
                      << " cannot express the example; closest fit:" << report;
  }
}

// Every key of a recorded answer has its field (add_paydata[...] may go to
// the add_paydata map), so nothing documented lands in other_parameters.
TEST(ModelTest, DocumentedAnswersAreModelled) {
  Model model = LoadModel();
  std::vector<Example> examples = ReadExamples(kResponsesPath, "response");
  EXPECT_GE(examples.size(), 10u);
  for (const Example& example : examples) {
    const std::string name = example.request_type == "transactionstatus"
                                 ? example.request_type
                                 : "response:" + example.request_type;
    auto it = model.by_name.find(name);
    ASSERT_NE(it, model.by_name.end())
        << kResponsesPath << ":" << example.line << ": " << name;
    const Descriptor* d = it->second;
    std::vector<Param> params = FlattenMessage(d);
    for (const auto& [key, value] : example.params) {
      const Param* match = nullptr;
      bool in_map = false;
      for (const Param& p : params) {
        if (p.wire == WireKey(key)) match = &p;
        if (p.format == "MAP" && key.rfind(p.wire + "[", 0) == 0) in_map = true;
      }
      if (match == nullptr) {
        EXPECT_TRUE(in_map)
            << kResponsesPath << ":" << example.line << ":" << example.title
            << ": " << d->full_name() << " has no field for \"" << key << "\"";
        continue;
      }
      if (value.empty()) continue;  // PAYONE's empty value: not set
      std::string misfit;
      if (match->format == "DECIMAL") {
        const size_t dot = value.find('.');
        if (dot == std::string::npos ||
            !HasSymbols(value.substr(0, dot) + value.substr(dot + 1),
                        SYMBOLS_DIGITS)) {
          misfit = "not a decimal";
        }
      } else if (match->field->enum_type() != nullptr ||
                 match->field->cpp_type() == FieldDescriptor::CPPTYPE_INT32 ||
                 match->field->cpp_type() == FieldDescriptor::CPPTYPE_INT64) {
        misfit = Misfit(*match, value);
      }
      EXPECT_TRUE(misfit.empty())
          << kResponsesPath << ":" << example.line << ":" << example.title
          << ": " << key << "=" << value << ": " << misfit << " ("
          << d->full_name() << "." << match->path << ")";
    }
  }
}

// ---------------------------------------------------------------------------
// Structural checks.

TEST(ModelTest, EveryMessageHasAKind) {
  for (const Descriptor* d : AllMessages()) {
    EXPECT_NE(Rules(d).kind(), MESSAGE_KIND_UNSPECIFIED)
        << d->full_name() << " has no (payone.v1.message).kind";
  }
}

TEST(ModelTest, RequestsStartWithTheGatewayAccount) {
  std::set<std::string> types;
  for (const Descriptor* d : MessagesOfKind(MESSAGE_KIND_REQUEST)) {
    const MessageRules& rules = Rules(d);
    EXPECT_FALSE(rules.request_type().empty()) << d->full_name();
    EXPECT_TRUE(types.insert(rules.request_type()).second)
        << "request_type " << rules.request_type() << " used twice";
    ASSERT_GT(d->field_count(), 0) << d->full_name();
    const FieldDescriptor* account = d->FindFieldByNumber(1);
    ASSERT_NE(account, nullptr) << d->full_name() << " has no field 1";
    EXPECT_EQ(account->name(), "account") << d->full_name();
    EXPECT_EQ(account->type(), FieldDescriptor::TYPE_STRING) << d->full_name();
    EXPECT_TRUE(Rules(account).gateway_only()) << d->full_name();
    EXPECT_TRUE(Rules(account).required()) << d->full_name();
    EXPECT_TRUE(Rules(account).wire_name().empty()) << d->full_name();
  }
}

TEST(ModelTest, RequestsCarryNoStandardParameters) {
  // The gateway adds these from its configuration.
  const std::set<std::string> standard = {"mid",
                                          "aid",
                                          "portalid",
                                          "key",
                                          "mode",
                                          "api_version",
                                          "encoding",
                                          "request",
                                          "solution_name",
                                          "solution_version",
                                          "integrator_name",
                                          "integrator_version"};
  for (const Descriptor* d : MessagesOfKind(MESSAGE_KIND_REQUEST)) {
    for (const Param& p : FlattenMessage(d)) {
      EXPECT_FALSE(standard.count(p.wire))
          << d->full_name() << "." << p.path
          << " carries the standard parameter " << p.wire;
    }
  }
}

TEST(ModelTest, EveryWireFieldHasAWireName) {
  for (const Descriptor* d : AllMessages()) {
    for (int i = 0; i < d->field_count(); ++i) {
      const FieldDescriptor* f = d->field(i);
      const FieldRules& r = Rules(f);
      if (r.gateway_only() || r.map().unknown_parameters() ||
          IsFlattenedPart(f)) {
        continue;
      }
      if (r.has_indexed()) {
        EXPECT_EQ(r.indexed().max_items(), 400u) << f->full_name();
        EXPECT_TRUE(f->is_repeated() &&
                    f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE)
            << f->full_name();
        continue;
      }
      EXPECT_FALSE(r.wire_name().empty())
          << f->full_name() << " has no (payone.v1.field).wire_name";
      if (f->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE && !f->is_map()) {
        ADD_FAILURE() << f->full_name()
                      << ": a message field must be a flattened PART or an "
                         "indexed repeated field";
      }
    }
  }
}

TEST(ModelTest, EnumValuesCarryWireValues) {
  for (const EnumDescriptor* e : AllEnums()) {
    std::set<std::string> seen;
    for (int i = 0; i < e->value_count(); ++i) {
      const auto* v = e->value(i);
      const std::string& wire =
          v->options().GetExtension(enum_value).wire_value();
      if (v->number() == 0) {
        EXPECT_TRUE(wire.empty()) << v->full_name();
        EXPECT_THAT(v->name(), ::testing::EndsWith("_UNSPECIFIED"));
        continue;
      }
      EXPECT_FALSE(wire.empty())
          << v->full_name() << " has no (payone.v1.enum_value).wire_value";
      EXPECT_TRUE(seen.insert(wire).second)
          << v->full_name() << ": wire value \"" << wire << "\" used twice";
    }
  }
}

void ExpectStatusAndUnknownMap(const Descriptor* d) {
  const FieldDescriptor* status = d->FindFieldByName("status");
  if (d != TransactionStatusNotification::descriptor()) {
    ASSERT_NE(status, nullptr) << d->full_name() << " has no status";
    EXPECT_EQ(status->enum_type(), Status_descriptor()) << d->full_name();
    EXPECT_EQ(Rules(status).wire_name(), "status") << d->full_name();
  }
  int unknown = 0;
  for (int i = 0; i < d->field_count(); ++i) {
    const FieldDescriptor* f = d->field(i);
    if (!Rules(f).map().unknown_parameters()) continue;
    ++unknown;
    EXPECT_TRUE(f->is_map()) << f->full_name();
    EXPECT_EQ(f->message_type()->map_key()->type(),
              FieldDescriptor::TYPE_STRING);
    EXPECT_EQ(f->message_type()->map_value()->type(),
              FieldDescriptor::TYPE_STRING);
  }
  EXPECT_EQ(unknown, 1) << d->full_name()
                        << " needs exactly one unknown_parameters map";
}

TEST(ModelTest, ResponsesKeepUnknownParameters) {
  for (const Descriptor* d : MessagesOfKind(MESSAGE_KIND_RESPONSE)) {
    ExpectStatusAndUnknownMap(d);
  }
  for (const Descriptor* d : MessagesOfKind(MESSAGE_KIND_NOTIFICATION)) {
    ExpectStatusAndUnknownMap(d);
  }
}

TEST(ModelTest, ServiceMapsEveryRequestToItsResponse) {
  const ServiceDescriptor* service = Gateway();
  std::set<const Descriptor*> inputs;
  for (int i = 0; i < service->method_count(); ++i) {
    const MethodDescriptor* m = service->method(i);
    EXPECT_EQ(Rules(m->input_type()).kind(), MESSAGE_KIND_REQUEST)
        << m->full_name();
    EXPECT_EQ(Rules(m->output_type()).kind(), MESSAGE_KIND_RESPONSE)
        << m->full_name();
    EXPECT_FALSE(m->client_streaming() || m->server_streaming())
        << m->full_name();
    inputs.insert(m->input_type());
  }
  for (const Descriptor* d : MessagesOfKind(MESSAGE_KIND_REQUEST)) {
    EXPECT_TRUE(inputs.count(d)) << d->full_name() << " has no RPC";
  }
}

// No parameter twice on one request: the fields outside the oneof plus any
// one member of it must have distinct wire names.
TEST(ModelTest, NoDuplicateWireNamesAfterFlattening) {
  for (const Descriptor* d : AllMessages()) {
    if (Rules(d).kind() == MESSAGE_KIND_PART) continue;
    std::vector<Param> params = FlattenMessage(d);
    std::set<std::pair<const OneofDescriptor*, int>> alternatives = {
        {nullptr, -1}};
    for (const Param& p : params) alternatives.insert({p.oneof, p.alternative});
    for (const auto& [oneof, alt] : alternatives) {
      std::map<std::string, std::string> seen;
      for (const Param& p : params) {
        if (p.oneof != nullptr && (p.oneof != oneof || p.alternative != alt)) {
          continue;
        }
        auto [it, inserted] = seen.emplace(p.wire, p.path);
        EXPECT_TRUE(inserted)
            << d->full_name() << ": wire name \"" << p.wire << "\" both at "
            << it->second << " and at " << p.path;
      }
    }
  }
}

TEST(ModelTest, SecretsAreSensitive) {
  const std::set<std::string> secret = {"cardpan", "cardcvc2", "iban",
                                        "bankaccount",
                                        "add_paydata[device_token]"};
  for (const Descriptor* d : MessagesOfKind(MESSAGE_KIND_REQUEST)) {
    for (const Param& p : FlattenMessage(d)) {
      if (secret.count(p.wire)) {
        EXPECT_TRUE(p.sensitive)
            << d->full_name() << "." << p.path << " must be sensitive";
      }
    }
  }
  const FieldDescriptor* key =
      TransactionStatusNotification::descriptor()->FindFieldByName("key");
  ASSERT_NE(key, nullptr);
  EXPECT_TRUE(Rules(key).sensitive());
}

void CheckRulePaths(const Descriptor* d) {
  for (const CrossFieldRule& rule : Rules(d).rules()) {
    std::vector<std::string> paths;
    paths.insert(paths.end(), rule.require_one_of().begin(),
                 rule.require_one_of().end());
    paths.insert(paths.end(), rule.at_most_one_of().begin(),
                 rule.at_most_one_of().end());
    paths.insert(paths.end(), rule.require().begin(), rule.require().end());
    if (!rule.when_field().empty()) paths.push_back(rule.when_field());
    for (const std::string& path : paths) {
      EXPECT_NE(ResolvePath(d, path), nullptr)
          << d->full_name() << ": rule \"" << rule.description()
          << "\" names the unknown field " << path;
    }
    EXPECT_FALSE(rule.description().empty()) << d->full_name();
    if (!rule.when_values().empty()) {
      const FieldDescriptor* when = ResolvePath(d, rule.when_field());
      if (when != nullptr && when->enum_type() != nullptr) {
        for (const std::string& value : rule.when_values()) {
          bool known = false;
          for (int i = 0; i < when->enum_type()->value_count(); ++i) {
            known = known || when->enum_type()
                                     ->value(i)
                                     ->options()
                                     .GetExtension(enum_value)
                                     .wire_value() == value;
          }
          EXPECT_TRUE(known) << d->full_name() << ": " << rule.when_field()
                             << " has no wire value " << value;
        }
      }
    }
  }
}

TEST(ModelTest, RulesNameExistingFields) {
  for (const Descriptor* d : AllMessages()) CheckRulePaths(d);
}

TEST(ModelTest, PaymentMethodsCarryTheirClearingType) {
  for (const Descriptor* d : AllMessages()) {
    for (int i = 0; i < d->oneof_decl_count(); ++i) {
      const OneofDescriptor* o = d->oneof_decl(i);
      if (o->is_synthetic() || o->name() != "payment_method") continue;
      for (int j = 0; j < o->field_count(); ++j) {
        const FieldDescriptor* f = o->field(j);
        ASSERT_TRUE(IsFlattenedPart(f)) << f->full_name();
        EXPECT_TRUE(Rules(f->message_type()).constants().count("clearingtype"))
            << f->message_type()->full_name()
            << " has no clearingtype constant";
      }
    }
  }
}

// Messages PAYONE defines alike keep their fields flat and declared in each
// (protobuf has no inheritance; a shared sub-message would move every
// client's field paths): this keeps the copies from drifting apart. Fields
// of a oneof may differ in number (a twin's oneof lacks an alternative).
struct Twins {
  const Descriptor* first;
  const Descriptor* second;
  std::set<std::string> only_in_first;  // deliberate differences
};

TEST(ModelTest, TwinMessagesDeclareTheirSharedFieldsAlike) {
  const std::vector<Twins> twins = {
      {PreauthorizationRequest::descriptor(),
       AuthorizationRequest::descriptor(),
       {"prepayment"}},  // PAYONE: prepayment (vor) is preauthorization only
      {PreauthorizationResponse::descriptor(),
       AuthorizationResponse::descriptor(),
       {}},
      {AmazonPayConfirmOrderReference::descriptor(),
       AmazonPayCancelOrderReference::descriptor(),
       {}},
  };
  for (const Twins& pair : twins) {
    SCOPED_TRACE(pair.first->full_name() + " / " + pair.second->full_name());
    EXPECT_EQ(pair.first->field_count(),
              pair.second->field_count() +
                  static_cast<int>(pair.only_in_first.size()));
    for (int i = 0; i < pair.first->field_count(); ++i) {
      const FieldDescriptor* a = pair.first->field(i);
      const FieldDescriptor* b = pair.second->FindFieldByName(a->name());
      if (pair.only_in_first.count(a->name())) {
        EXPECT_EQ(b, nullptr) << a->name();
        continue;
      }
      ASSERT_NE(b, nullptr) << a->name() << " is missing in the twin";
      const OneofDescriptor* oneof = a->real_containing_oneof();
      if (oneof == nullptr) EXPECT_EQ(a->number(), b->number()) << a->name();
      EXPECT_EQ(oneof == nullptr ? "" : oneof->name(),
                b->real_containing_oneof() == nullptr
                    ? ""
                    : b->real_containing_oneof()->name())
          << a->name();
      EXPECT_EQ(a->type(), b->type()) << a->name();
      EXPECT_EQ(a->is_repeated(), b->is_repeated()) << a->name();
      EXPECT_EQ(a->has_presence(), b->has_presence()) << a->name();
      const auto type_name = [](const FieldDescriptor* f) -> std::string {
        if (f->is_map()) {  // each map has its own entry type
          return std::string("map<") +
                 f->message_type()->field(0)->type_name() + ", " +
                 f->message_type()->field(1)->type_name() + ">";
        }
        if (f->message_type() != nullptr) return f->message_type()->full_name();
        if (f->enum_type() != nullptr) return f->enum_type()->full_name();
        return "";
      };
      EXPECT_EQ(type_name(a), type_name(b)) << a->name();
      EXPECT_TRUE(::google::protobuf::util::MessageDifferencer::Equals(
          Rules(a), Rules(b)))
          << a->name() << ": options differ:\n"
          << Rules(a).DebugString() << "vs\n"
          << Rules(b).DebugString();
    }
  }
}

}  // namespace
}  // namespace payone::v1
