#include "codec/generator/payone_generator.h"

#include <memory>

#include "absl/strings/str_cat.h"
#include "codec/generator/codec_header_generator.h"
#include "codec/generator/codec_source_generator.h"
#include "codec/generator/model.h"
#include "codec/generator/names.h"
#include "codec/generator/service_header_generator.h"
#include "google/protobuf/io/printer.h"
#include "google/protobuf/io/zero_copy_stream.h"

namespace payone::codec::generator {
namespace {

void WriteFile(google::protobuf::compiler::GeneratorContext* context,
               const std::string& name, const std::string& content) {
  std::unique_ptr<google::protobuf::io::ZeroCopyOutputStream> stream(
      context->Open(name));
  google::protobuf::io::Printer printer(stream.get(), '$');
  printer.PrintRaw(content);
}

}  // namespace

bool PayoneGenerator::Generate(
    const google::protobuf::FileDescriptor* file, const std::string& parameter,
    google::protobuf::compiler::GeneratorContext* context,
    std::string* error) const {
  const std::string stem = ProtoStem(file);
  if (parameter == "services") {
    WriteFile(context, stem + ".payone_service.h",
              ServiceHeaderGenerator(file).Generate());
    return true;
  }
  if (!parameter.empty()) {
    *error = absl::StrCat("unknown parameter \"", parameter,
                          "\" (the only one is \"services\")");
    return false;
  }
  absl::StatusOr<FileModel> model = BuildFileModel(file);
  if (!model.ok()) {
    *error = std::string(model.status().message());
    return false;
  }
  WriteFile(context, stem + ".payone.h",
            CodecHeaderGenerator(*model).Generate());
  WriteFile(context, stem + ".payone.cc",
            CodecSourceGenerator(*model).Generate());
  return true;
}

}  // namespace payone::codec::generator
