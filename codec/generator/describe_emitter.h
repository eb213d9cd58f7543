#ifndef PAYONE_CODEC_GENERATOR_DESCRIBE_EMITTER_H_
#define PAYONE_CODEC_GENERATOR_DESCRIBE_EMITTER_H_

#include "codec/generator/emitter.h"

namespace payone::codec::generator {

// What a message says about itself without leaking data:
// PayoneCodec<M>::AppendDebugFields and RedactedDebugString (sensitive
// values redacted) and SensitiveWireNames.
class DescribeEmitter : public MessageEmitter {
 public:
  using MessageEmitter::MessageEmitter;

  void EmitDebug();
  void EmitSensitiveWireNames();

 private:
  void EmitDebugField(const FieldModel& f);
};

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_DESCRIBE_EMITTER_H_
