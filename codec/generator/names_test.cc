// The accessors protoc's C++ generator gives fields: the generated codec
// calls them, so a wrong spelling fails to compile.
#include "codec/generator/names.h"

#include "google/protobuf/descriptor.h"
#include "google/protobuf/descriptor.pb.h"
#include "gtest/gtest.h"

namespace payone::codec::generator {
namespace {

class NamesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    google::protobuf::FileDescriptorProto file;
    file.set_name("t.proto");
    file.set_package("t.v1");
    file.set_syntax("proto3");
    auto* outer = file.add_message_type();
    outer->set_name("Outer");
    outer->add_nested_type()->set_name("Inner");
    int number = 1;
    for (const char* name : {"lastname", "class", "Namespace", "constexpr",
                             "thread_local", "co_await", "Reference"}) {
      auto* field = outer->add_field();
      field->set_name(name);
      field->set_number(number++);
      field->set_type(google::protobuf::FieldDescriptorProto::TYPE_STRING);
      field->set_label(google::protobuf::FieldDescriptorProto::LABEL_OPTIONAL);
    }
    file_ = pool_.BuildFile(file);
    ASSERT_NE(file_, nullptr);
  }

  std::string AccessorOf(const std::string& field) {
    return FieldAccessor(
        file_->FindMessageTypeByName("Outer")->FindFieldByName(field));
  }

  google::protobuf::DescriptorPool pool_;
  const google::protobuf::FileDescriptor* file_ = nullptr;
};

TEST_F(NamesTest, AccessorsAreLowerCaseWithKeywordsEscaped) {
  EXPECT_EQ(AccessorOf("lastname"), "lastname");
  EXPECT_EQ(AccessorOf("Reference"), "reference");
  EXPECT_EQ(AccessorOf("class"), "class_");
  EXPECT_EQ(AccessorOf("Namespace"), "namespace_");
  // Keywords the list this file once kept by hand did not know.
  EXPECT_EQ(AccessorOf("constexpr"), "constexpr_");
  EXPECT_EQ(AccessorOf("thread_local"), "thread_local_");
}

TEST_F(NamesTest, QualifiedNamesSpellNestedTypesAtNamespaceScope) {
  const auto* outer = file_->FindMessageTypeByName("Outer");
  EXPECT_EQ(QualifiedCppName(outer), "::t::v1::Outer");
  EXPECT_EQ(QualifiedCppName(outer->FindNestedTypeByName("Inner")),
            "::t::v1::Outer_Inner");
  EXPECT_EQ(CppNamespace(file_), "::t::v1");
}

}  // namespace
}  // namespace payone::codec::generator
