#ifndef PAYONE_CODEC_GENERATOR_VALIDATE_EMITTER_H_
#define PAYONE_CODEC_GENERATOR_VALIDATE_EMITTER_H_

#include "codec/generator/emitter.h"

namespace payone::codec::generator {

// PayoneCodec<M>::ValidateFields (the field rules, then the cross-field
// rules) and, on a request, Validate.
class ValidateEmitter : public MessageEmitter {
 public:
  using MessageEmitter::MessageEmitter;

  void EmitValidateFields();
  // Requests only.
  void EmitValidate();

 private:
  void EmitField(const FieldModel& f);
  // The `else` branch after an `if (present) {...}` of a required field.
  void EmitRequiredElse(const FieldModel& f, const std::string& where);
  void EmitCountRule(const std::vector<FieldPathModel>& paths,
                     const std::string& description, const std::string& broken);
  void EmitRequireRule(const CrossFieldRuleModel& rule);
  // A map entry whose key a typed field spells would send the parameter
  // twice: the map must leave such keys to their fields.
  void EmitReservedKeyChecks();
};

}  // namespace payone::codec::generator

#endif  // PAYONE_CODEC_GENERATOR_VALIDATE_EMITTER_H_
