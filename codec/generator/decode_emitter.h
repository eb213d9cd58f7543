#ifndef PAYONE_CODEC_GENERATOR_DECODE_EMITTER_H_
#define PAYONE_CODEC_GENERATOR_DECODE_EMITTER_H_

#include <string>

#include "codec/generator/emitter.h"

namespace payone::codec::generator {

// PayoneCodec<M>::Owns, DecodeField and DecodeNested and, on a top-level
// message, Decode.
class DecodeEmitter : public MessageEmitter {
 public:
  using MessageEmitter::MessageEmitter;

  void EmitOwns();
  void EmitDecodeField();
  // Top-level messages only.
  void EmitDecode();

 private:
  // Statements that leave `*m` as Clear() does.
  void EmitClear();
  // Chooses the oneof alternatives that carry constants before the fields
  // are read.
  void EmitAlternativeChoice(const std::string& format);
};

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_DECODE_EMITTER_H_
