#ifndef PAYONE_CODEC_GENERATOR_RESULT_EMITTER_H_
#define PAYONE_CODEC_GENERATOR_RESULT_EMITTER_H_

#include "codec/generator/emitter.h"

namespace payone::codec::generator {

// On a RESPONSE with a result_oneof: PayoneCodec<M>::DecodeResult, which
// decodes the typed result of a genericpayment action. It is defined inline
// in the header (the printer stands inside the struct), so that the
// generated sources stay as they are.
class ResultEmitter : public MessageEmitter {
 public:
  using MessageEmitter::MessageEmitter;

  void EmitDecodeResult();
};

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_RESULT_EMITTER_H_
