#ifndef PAYONE_CODEC_GENERATOR_MODEL_H_
#define PAYONE_CODEC_GENERATOR_MODEL_H_

// What the (payone.v1.*) options say about a file, checked once and shared by
// the generators: every annotated message with its fields classified by how
// they map onto PAYONE parameters. The model is linked: a field holding a
// PART points at the PART's model, and cross-field rules are resolved to
// the fields they name, so the emitters only print what the model says and
// every error is found (and reported) here.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "google/protobuf/descriptor.h"
#include "payone/v1/options.pb.h"

namespace payone::codec::generator {

enum class FieldKind {
  kText,          // string
  kInteger,       // int32/int64/sint/sfixed
  kUnsigned,      // uint32/uint64/fixed
  kBool,          // bool (yes/no or 1/0)
  kEnum,          // enum with wire values
  kPart,          // singular PART message flattened into the parent
  kIndexedParts,  // repeated PART message: stem[1], stem[2], ...
  kKeyedMap,      // map<string, string>: stem[key]
  kUnknownMap,    // map<string, string> receiving unmodelled parameters
  kGatewayOnly,   // read by the gateway, never on the wire
};

struct MessageModel;

struct FieldModel {
  const google::protobuf::FieldDescriptor* field = nullptr;
  payone::v1::FieldRules rules;
  FieldKind kind = FieldKind::kText;
  // The effective format (UNSPECIFIED resolved from the type).
  payone::v1::Format format = payone::v1::FORMAT_UNSPECIFIED;
  // Singular scalars with has_x(): proto3 optional and oneof members.
  bool has_presence = false;
  // C++ accessor stem.
  std::string accessor;
  // For kPart / kIndexedParts: the part type and its model (owned by the
  // FileModel); for kEnum: the enum.
  const google::protobuf::Descriptor* part = nullptr;
  const MessageModel* part_model = nullptr;
  const google::protobuf::EnumDescriptor* enum_type = nullptr;

  bool is_scalar() const {
    return kind == FieldKind::kText || kind == FieldKind::kInteger ||
           kind == FieldKind::kUnsigned || kind == FieldKind::kBool ||
           kind == FieldKind::kEnum;
  }
};

// A field named by a cross-field rule, relative to the rule's message
// ("personal_data.lastname"): the singular messages on the way, then the
// leaf. The leaf is classified by its type alone (it may sit in a message
// without a codec).
struct FieldPathModel {
  std::string text;
  // Accessors of the messages on the way ("personal_data").
  std::vector<std::string> through;
  FieldModel leaf;
};

// One of a rule's when_values, read as the when_field's type reads it.
struct WhenValue {
  std::string text;
  int enum_number = 0;       // kEnum: the value whose wire text is `text`
  int64_t number = 0;        // kInteger
  bool on = false;           // kBool: "yes", "1" or "true"
  bool ignore_case = false;  // kText with a case rule
};

struct CrossFieldRuleModel {
  std::vector<FieldPathModel> require_one_of;
  std::vector<FieldPathModel> at_most_one_of;
  // `require` when `when_field` is set (no values) or has one of the values.
  std::vector<FieldPathModel> require;
  FieldPathModel when_field;
  std::vector<WhenValue> when_values;
  // What the caller reads when the rule is broken: the rule's own
  // description, or one made from the rule.
  std::string require_one_of_description;
  std::string at_most_one_of_description;
  std::string require_description;
};

struct MessageModel {
  const google::protobuf::Descriptor* message = nullptr;
  payone::v1::MessageRules rules;
  std::vector<FieldModel> fields;
  // Constants sorted by wire name.
  std::map<std::string, std::string> constants;
  // The cross-field rules, resolved, in declaration order.
  std::vector<CrossFieldRuleModel> cross_field_rules;
  // What a REQUEST does to the gateway's ledger, and the index in `fields`
  // of each field tagged (payone.v1.field).ledger, checked against it.
  payone::v1::LedgerEffect ledger_effect =
      payone::v1::LEDGER_EFFECT_UNSPECIFIED;
  std::map<payone::v1::LedgerField, size_t> ledger_fields;
  // The field tagged `tag`, or nullptr.
  const FieldModel* LedgerFieldOf(payone::v1::LedgerField tag) const {
    auto it = ledger_fields.find(tag);
    return it == ledger_fields.end() ? nullptr : &fields[it->second];
  }
  payone::v1::MessageKind kind() const { return rules.kind(); }
  bool top_level() const {
    return rules.kind() != payone::v1::MESSAGE_KIND_PART;
  }
};

struct FileModel {
  const google::protobuf::FileDescriptor* file = nullptr;
  // Annotated messages of the file, nested ones included, in file order.
  std::vector<const MessageModel*> messages;
  // Every enum of the file, nested ones included.
  std::vector<const google::protobuf::EnumDescriptor*> enums;
  // Files this one imports that contain annotated messages or enums.
  std::vector<const google::protobuf::FileDescriptor*> codec_imports;
  // Owns the models of `messages` and of the PARTs they use from other
  // files; the pointers above and in FieldModel::part_model point here.
  std::map<const google::protobuf::Descriptor*, std::unique_ptr<MessageModel>>
      models;
};

payone::v1::MessageRules MessageRulesOf(
    const google::protobuf::Descriptor* message);
payone::v1::FieldRules FieldRulesOf(
    const google::protobuf::FieldDescriptor* field);
std::string WireValueOf(const google::protobuf::EnumValueDescriptor* value);
// The format the typed rules give (UNSPECIFIED without them).
payone::v1::Format FormatOf(const payone::v1::FieldRules& rules);

// Reads, links and checks the options of `file`. Errors name the file and
// the field or message: "x.proto: field payone.v1.Foo.bar: format ...".
absl::StatusOr<FileModel> BuildFileModel(
    const google::protobuf::FileDescriptor* file);

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_MODEL_H_
