#ifndef PAYONE_CODEC_GENERATOR_ENCODE_EMITTER_H_
#define PAYONE_CODEC_GENERATOR_ENCODE_EMITTER_H_

#include <string>

#include "codec/generator/emitter.h"

namespace payone::codec::generator {

// PayoneCodec<M>::EncodeFields and, on a top-level message, Encode (and
// EncodeResponse on a response).
class EncodeEmitter : public MessageEmitter {
 public:
  using MessageEmitter::MessageEmitter;

  void EmitEncodeFields();
  // Top-level messages only.
  void EmitEncode();

 private:
  void EmitField(const FieldModel& f);
  // Adds the parameter of `f`; `name` is the constant holding its encoded
  // name (empty for fields without one name).
  void EmitParameter(const FieldModel& f, const std::string& name);
};

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_ENCODE_EMITTER_H_
