#include "codec/generator/names.h"

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "google/protobuf/compiler/cpp/names.h"

// Declared in compiler/cpp/helpers.h, which Debian's libprotoc-dev ships
// without the compiler/scc.h it includes; libprotoc exports the function.
namespace google::protobuf::compiler::cpp {
std::string ResolveKeyword(const std::string& name);
}  // namespace google::protobuf::compiler::cpp

namespace payone::codec::generator {

using ::google::protobuf::Descriptor;
using ::google::protobuf::EnumDescriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::FileDescriptor;
using ::google::protobuf::OneofDescriptor;
using ::google::protobuf::ServiceDescriptor;

std::string CppNamespace(const FileDescriptor* file) {
  if (file->package().empty()) return "";
  return absl::StrCat("::",
                      absl::StrReplaceAll(file->package(), {{".", "::"}}));
}

std::string QualifiedCppName(const Descriptor* message) {
  return google::protobuf::compiler::cpp::QualifiedClassName(message);
}

std::string QualifiedCppName(const EnumDescriptor* e) {
  return google::protobuf::compiler::cpp::QualifiedClassName(e);
}

std::string QualifiedCppName(const ServiceDescriptor* s) {
  return absl::StrCat(CppNamespace(s->file()), "::", s->name());
}

std::string FieldAccessor(const FieldDescriptor* field) {
  return google::protobuf::compiler::cpp::FieldName(field);
}

std::string OneofAccessor(const OneofDescriptor* oneof) {
  return google::protobuf::compiler::cpp::ResolveKeyword(
      absl::AsciiStrToLower(oneof->name()));
}

std::string ProtoStem(const FileDescriptor* file) {
  std::string name = file->name();
  if (absl::EndsWith(name, ".proto")) name.resize(name.size() - 6);
  return name;
}

std::string CppLiteral(const std::string& text) {
  return absl::StrCat("\"", absl::CEscape(text), "\"");
}

}  // namespace payone::codec::generator
