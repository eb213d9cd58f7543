#include "codec/generator/codec_source_generator.h"

#include "codec/generator/decode_emitter.h"
#include "codec/generator/describe_emitter.h"
#include "codec/generator/emitter.h"
#include "codec/generator/encode_emitter.h"
#include "codec/generator/enum_emitter.h"
#include "codec/generator/ledger_emitter.h"
#include "codec/generator/names.h"
#include "codec/generator/validate_emitter.h"

namespace payone::codec::generator {
namespace {

// Every function of one message's codec, in the order of its declaration
// in the header.
void EmitMessage(const MessageModel& m, Printer* p) {
  p->Print("\n// ---- $name$\n", "name", m.message->full_name());
  ValidateEmitter validate(m, p);
  EncodeEmitter encode(m, p);
  DecodeEmitter decode(m, p);
  DescribeEmitter describe(m, p);
  validate.EmitValidateFields();
  encode.EmitEncodeFields();
  decode.EmitOwns();
  decode.EmitDecodeField();
  describe.EmitDebug();
  describe.EmitSensitiveWireNames();
  if (m.top_level()) {
    if (m.kind() == payone::v1::MESSAGE_KIND_REQUEST) validate.EmitValidate();
    encode.EmitEncode();
    decode.EmitDecode();
  }
  LedgerEmitter(m, p).Emit();
}

}  // namespace

std::string CodecSourceGenerator::Generate() const {
  return PrintFile(model_.file->name(), [&](Printer* p) {
    p->Print(
        "#include \"$stem$.payone.h\"\n"
        "\n"
        "#include <cstdint>\n"
        "#include <string>\n"
        "#include <utility>\n"
        "#include <vector>\n"
        "\n"
        "#include \"absl/status/status.h\"\n"
        "#include \"absl/status/statusor.h\"\n"
        "#include \"absl/strings/ascii.h\"\n"
        "#include \"absl/strings/match.h\"\n"
        "#include \"absl/strings/string_view.h\"\n"
        "#include \"absl/types/span.h\"\n"
        "#include \"codec/runtime/codec.h\"\n"
        "#include \"codec/runtime/form.h\"\n"
        "#include \"codec/runtime/generated.h\"\n"
        "#include \"codec/runtime/ledger.h\"\n"
        "#include \"codec/runtime/parameter_reader.h\"\n"
        "#include \"codec/runtime/redact.h\"\n"
        "#include \"codec/runtime/violations.h\"\n"
        "\n"
        "namespace payone::codec {\n",
        "stem", ProtoStem(model_.file));
    for (const auto* e : model_.enums) EmitEnum(e, p);
    for (const MessageModel* m : model_.messages) EmitMessage(*m, p);
    p->Print("\n}  // namespace payone::codec\n");
  });
}

}  // namespace payone::codec::generator
