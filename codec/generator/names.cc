#include "codec/generator/names.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace payone::codec::generator {
namespace {

using ::google::protobuf::Descriptor;
using ::google::protobuf::EnumDescriptor;
using ::google::protobuf::FieldDescriptor;
using ::google::protobuf::FileDescriptor;
using ::google::protobuf::OneofDescriptor;
using ::google::protobuf::ServiceDescriptor;

// Nested types are spelled Outer_Inner at namespace scope.
std::string NestedName(const Descriptor* containing, const std::string& name) {
  std::string out = name;
  for (const Descriptor* d = containing; d != nullptr;
       d = d->containing_type()) {
    out = absl::StrCat(d->name(), "_", out);
  }
  return out;
}

}  // namespace

std::string CppNamespace(const FileDescriptor* file) {
  if (file->package().empty()) return "";
  return absl::StrCat("::",
                      absl::StrReplaceAll(file->package(), {{".", "::"}}));
}

std::string QualifiedCppName(const Descriptor* message) {
  return absl::StrCat(CppNamespace(message->file()), "::",
                      NestedName(message->containing_type(), message->name()));
}

std::string QualifiedCppName(const EnumDescriptor* e) {
  return absl::StrCat(CppNamespace(e->file()),
                      "::", NestedName(e->containing_type(), e->name()));
}

std::string QualifiedCppName(const ServiceDescriptor* s) {
  return absl::StrCat(CppNamespace(s->file()), "::", s->name());
}

namespace {

// protoc's accessor stem of a field or oneof named `name`.
std::string Accessor(const std::string& name) {
  static const auto* const kKeywords = new absl::flat_hash_set<std::string>{
      "alignas",  "alignof",  "and",       "asm",      "auto",      "bool",
      "break",    "case",     "catch",     "char",     "class",     "const",
      "continue", "default",  "delete",    "do",       "double",    "else",
      "enum",     "explicit", "export",    "extern",   "false",     "float",
      "for",      "friend",   "goto",      "if",       "inline",    "int",
      "long",     "mutable",  "namespace", "new",      "noexcept",  "not",
      "nullptr",  "operator", "or",        "private",  "protected", "public",
      "register", "return",   "short",     "signed",   "sizeof",    "static",
      "struct",   "switch",   "template",  "this",     "throw",     "true",
      "try",      "typedef",  "typeid",    "typename", "union",     "unsigned",
      "using",    "virtual",  "void",      "volatile", "while",     "xor"};
  std::string accessor = absl::AsciiStrToLower(name);
  if (kKeywords->contains(accessor)) accessor.push_back('_');
  return accessor;
}

}  // namespace

std::string FieldAccessor(const FieldDescriptor* field) {
  return Accessor(field->name());
}

std::string OneofAccessor(const OneofDescriptor* oneof) {
  return Accessor(oneof->name());
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
