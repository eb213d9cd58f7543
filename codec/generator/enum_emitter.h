#ifndef PAYONE_CODEC_GENERATOR_ENUM_EMITTER_H_
#define PAYONE_CODEC_GENERATOR_ENUM_EMITTER_H_

#include "codec/generator/emitter.h"
#include "google/protobuf/descriptor.h"

namespace payone::codec::generator {

// The PayoneEnum<E> specialisation of one enum, declared (the header).
void EmitEnumDeclaration(const google::protobuf::EnumDescriptor* e, Printer* p);

// PayoneEnum<E>::ToWire, FromWire and Name of one enum.
void EmitEnum(const google::protobuf::EnumDescriptor* e, Printer* p);

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_ENUM_EMITTER_H_
