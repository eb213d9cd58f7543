#ifndef PAYONE_CODEC_GENERATOR_DECLARATION_EMITTER_H_
#define PAYONE_CODEC_GENERATOR_DECLARATION_EMITTER_H_

#include "codec/generator/emitter.h"

namespace payone::codec::generator {

// The PayoneCodec<M> specialisation of one message in <file>.payone.h: the
// entry points its kind has (a request's Validate and ledger members, a
// response's DecodeResult, ...), then the building blocks every codec has.
class DeclarationEmitter : public MessageEmitter {
 public:
  using MessageEmitter::MessageEmitter;

  void Emit();

 private:
  // The entry points of a REQUEST, RESPONSE or NOTIFICATION.
  void EmitEntryPoints();
  // Decode's and Encode's declarations after `comment` (whole lines).
  void EmitDecode(const char* comment);
  void EmitEncode(const char* comment);
  void EmitBuildingBlocks();
};

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_DECLARATION_EMITTER_H_
