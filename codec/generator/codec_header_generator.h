#ifndef PAYONE_CODEC_GENERATOR_CODEC_HEADER_GENERATOR_H_
#define PAYONE_CODEC_GENERATOR_CODEC_HEADER_GENERATOR_H_

#include <string>

#include "codec/generator/model.h"

namespace payone::codec::generator {

// <file>.payone.h: the PayoneEnum<E> and PayoneCodec<M> specialisations of
// a file (declarations only).
class CodecHeaderGenerator {
 public:
  explicit CodecHeaderGenerator(const FileModel& model) : model_(model) {}
  std::string Generate() const;

 private:
  const FileModel& model_;
};

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_CODEC_HEADER_GENERATOR_H_
