#ifndef PAYONE_CODEC_GENERATOR_MODEL_H_
#define PAYONE_CODEC_GENERATOR_MODEL_H_

// What the (payone.v1.*) options say about a file, checked once and shared by
// the generators: every annotated message with its fields classified by how
// they map onto PAYONE parameters.

#include <map>
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
  // For kPart / kIndexedParts: the part type; for kEnum: the enum.
  const google::protobuf::Descriptor* part = nullptr;
  const google::protobuf::EnumDescriptor* enum_type = nullptr;
};

struct MessageModel {
  const google::protobuf::Descriptor* message = nullptr;
  payone::v1::MessageRules rules;
  std::vector<FieldModel> fields;
  // Constants sorted by wire name.
  std::map<std::string, std::string> constants;
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
  bool top_level() const {
    return rules.kind() != payone::v1::MESSAGE_KIND_PART;
  }
};

struct FileModel {
  const google::protobuf::FileDescriptor* file = nullptr;
  // Annotated messages of the file, nested ones included, in file order.
  std::vector<MessageModel> messages;
  // Every enum of the file, nested ones included.
  std::vector<const google::protobuf::EnumDescriptor*> enums;
  // Files this one imports that contain annotated messages or enums.
  std::vector<const google::protobuf::FileDescriptor*> codec_imports;
};

payone::v1::MessageRules MessageRulesOf(
    const google::protobuf::Descriptor* message);
payone::v1::FieldRules FieldRulesOf(
    const google::protobuf::FieldDescriptor* field);
std::string WireValueOf(const google::protobuf::EnumValueDescriptor* value);

// Reads and checks the options of `file`. Errors name the file and the
// field or message: "x.proto: payone.v1.Foo.bar: format FORMAT_PAN ...".
absl::StatusOr<FileModel> BuildFileModel(
    const google::protobuf::FileDescriptor* file);

// Builds the model of one message (used for parts defined in other files).
absl::StatusOr<MessageModel> BuildMessageModel(
    const google::protobuf::Descriptor* message);

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_MODEL_H_
