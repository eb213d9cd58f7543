#ifndef PAYONE_CODEC_GENERATOR_LEDGER_EMITTER_H_
#define PAYONE_CODEC_GENERATOR_LEDGER_EMITTER_H_

#include "codec/generator/emitter.h"

namespace payone::codec::generator {

// On a request: PayoneCodec<M>::LedgerFieldsOf, which copies views of the
// fields the model tagged (the model checked their types, so each
// assignment compiles), and SetSequenceNumber where one is tagged.
class LedgerEmitter : public MessageEmitter {
 public:
  using MessageEmitter::MessageEmitter;

  // The ledger members of the struct in the header (the printer inside it).
  void EmitDeclarations();
  // Their definitions in the source.
  void Emit();
};

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_LEDGER_EMITTER_H_
