#ifndef PAYONE_CODEC_GENERATOR_PAYONE_GENERATOR_H_
#define PAYONE_CODEC_GENERATOR_PAYONE_GENERATOR_H_

#include <string>

#include "google/protobuf/compiler/code_generator.h"

namespace payone::codec::generator {

// protoc-gen-payone. Without a parameter it writes <file>.payone.h and
// <file>.payone.cc (the codec); with the parameter "services" it writes
// <file>.payone_service.h (gRPC forwarding services) instead. Every file
// gets its outputs, possibly empty, so build rules can declare them.
class PayoneGenerator : public google::protobuf::compiler::CodeGenerator {
 public:
  bool Generate(const google::protobuf::FileDescriptor* file,
                const std::string& parameter,
                google::protobuf::compiler::GeneratorContext* context,
                std::string* error) const override;
  uint64_t GetSupportedFeatures() const override {
    return FEATURE_PROTO3_OPTIONAL;
  }
};

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_PAYONE_GENERATOR_H_
