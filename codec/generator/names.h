#ifndef PAYONE_CODEC_GENERATOR_NAMES_H_
#define PAYONE_CODEC_GENERATOR_NAMES_H_

// C++ names of protobuf entities as protoc's C++ generator spells them
// (accessors through libprotoc's own helpers, so its keyword list is ours).

#include <string>

#include "google/protobuf/descriptor.h"

namespace payone::codec::generator {

// "::payone::v1::Outer_Inner"
std::string QualifiedCppName(const google::protobuf::Descriptor* message);
std::string QualifiedCppName(const google::protobuf::EnumDescriptor* e);
std::string QualifiedCppName(const google::protobuf::ServiceDescriptor* s);
// "::payone::v1"
std::string CppNamespace(const google::protobuf::FileDescriptor* file);
// The accessor stem: lower case, "_" appended to C++ keywords (protoc's
// cpp::FieldName).
std::string FieldAccessor(const google::protobuf::FieldDescriptor* field);
std::string OneofAccessor(const google::protobuf::OneofDescriptor* oneof);
// "payone/v1/requests" for "payone/v1/requests.proto".
std::string ProtoStem(const google::protobuf::FileDescriptor* file);
// A C++ string literal for `text`.
std::string CppLiteral(const std::string& text);

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_NAMES_H_
