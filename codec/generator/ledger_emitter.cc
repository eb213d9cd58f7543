#include "codec/generator/ledger_emitter.h"

#include <string>

#include "codec/generator/names.h"

namespace payone::codec::generator {
namespace {

// The LedgerFields member a tag fills, or nullptr for the ones filled
// differently.
const char* MemberOf(payone::v1::LedgerField tag) {
  switch (tag) {
    case payone::v1::LEDGER_FIELD_TXID:
      return "txid";
    case payone::v1::LEDGER_FIELD_REFERENCE:
      return "reference";
    case payone::v1::LEDGER_FIELD_AMOUNT:
      return "amount";
    case payone::v1::LEDGER_FIELD_CURRENCY:
      return "currency";
    default:
      return nullptr;
  }
}

const char* EffectConstant(payone::v1::LedgerEffect effect) {
  switch (effect) {
    case payone::v1::LEDGER_EFFECT_RESERVE:
      return "LedgerEffect::kReserve";
    case payone::v1::LEDGER_EFFECT_AUTHORIZE:
      return "LedgerEffect::kAuthorize";
    case payone::v1::LEDGER_EFFECT_CAPTURE:
      return "LedgerEffect::kCapture";
    case payone::v1::LEDGER_EFFECT_REFUND:
      return "LedgerEffect::kRefund";
    case payone::v1::LEDGER_EFFECT_DEBIT:
      return "LedgerEffect::kDebit";
    default:
      return "LedgerEffect::kNone";
  }
}

}  // namespace

// Every request gets the ledger members, kNone ones too, so that code generic
// over requests needs no `if constexpr` to call LedgerFieldsOf.
void LedgerEmitter::EmitDeclarations() {
  const bool takes_sequencenumber =
      model_.LedgerFieldOf(payone::v1::LEDGER_FIELD_SEQUENCENUMBER) != nullptr;
  p_->Print(
      "\n"
      "// What the request does to a payment's ledger (ledger_effect).\n"
      "static constexpr LedgerEffect kLedgerEffect = $effect$;\n"
      "// Whether it has a field tagged LEDGER_FIELD_SEQUENCENUMBER.\n"
      "static constexpr bool kTakesSequenceNumber = $takes$;\n"
      "// The fields tagged (payone.v1.field).ledger, as views into `m`.\n"
      "static LedgerFields LedgerFieldsOf(const Message& m);\n",
      "effect", EffectConstant(model_.ledger_effect), "takes",
      Bool(takes_sequencenumber));
  if (takes_sequencenumber) {
    p_->Print(
        "// Sets the field tagged LEDGER_FIELD_SEQUENCENUMBER.\n"
        "static void SetSequenceNumber(Message* m, int32_t n);\n");
  }
}

void LedgerEmitter::Emit() {
  if (model_.kind() != payone::v1::MESSAGE_KIND_REQUEST) return;
  p_->Print(
      "\n"
      "LedgerFields PayoneCodec<$type$>::LedgerFieldsOf(const Message& m) {\n",
      "type", type_);
  p_->Indent();
  if (model_.ledger_fields.empty()) {
    p_->Print(
        "(void)m;\n"
        "return {};\n");
    p_->Outdent();
    p_->Print("}\n");
    return;
  }
  p_->Print("LedgerFields fields;\n");
  for (const auto& [tag, index] : model_.ledger_fields) {
    const FieldModel& f = model_.fields[index];
    const std::string value = Value("m", f);
    if (const char* member = MemberOf(tag); member != nullptr) {
      p_->Print("fields.$member$ = $value$;\n", "member", member, "value",
                value);
    } else if (tag == payone::v1::LEDGER_FIELD_SEQUENCENUMBER) {
      p_->Print("if ($set$) fields.sequencenumber = $value$;\n", "set",
                IsSet("m", f), "value", value);
    } else if (tag == payone::v1::LEDGER_FIELD_CAPTUREMODE) {
      p_->Print("fields.capturemode = PayoneEnum<$enum$>::ToWire($value$);\n",
                "enum", QualifiedCppName(f.enum_type), "value", value);
    }
  }
  p_->Print("return fields;\n");
  p_->Outdent();
  p_->Print("}\n");
  const FieldModel* sequencenumber =
      model_.LedgerFieldOf(payone::v1::LEDGER_FIELD_SEQUENCENUMBER);
  if (sequencenumber == nullptr) return;
  p_->Print(
      "\n"
      "void PayoneCodec<$type$>::SetSequenceNumber(Message* m, int32_t n) {\n"
      "  m->set_$field$(n);\n"
      "}\n",
      "type", type_, "field", sequencenumber->accessor);
}

}  // namespace payone::codec::generator
