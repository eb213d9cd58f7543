#ifndef PAYONE_CODEC_GENERATOR_CODEC_SOURCE_GENERATOR_H_
#define PAYONE_CODEC_GENERATOR_CODEC_SOURCE_GENERATOR_H_

#include <string>

#include "codec/generator/model.h"

namespace payone::codec::generator {

// <file>.payone.cc: validation, encoding, decoding and redacted debug output
// of every annotated message, as straight-line code (no reflection).
class CodecSourceGenerator {
 public:
  explicit CodecSourceGenerator(const FileModel& model) : model_(model) {}
  // The model has been checked: generating cannot fail.
  std::string Generate() const;

 private:
  const FileModel& model_;
};

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_CODEC_SOURCE_GENERATOR_H_
